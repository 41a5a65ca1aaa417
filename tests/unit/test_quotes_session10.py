"""Issue 14, session 10: speaker attribution rules from the errors on quotes.fresh3 and quotes.fresh4.

Every sentence here is invented (Borovia, Ruritania and their people do not exist); the benchmark
articles the rules came from stay in ../shared/benchmarks.
"""

from __future__ import annotations

import pytest

from framing.quotes import QuoteFinder, speaker_type

FINDER = QuoteFinder()


def _found(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in FINDER(text)]


def _types(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.speaker_type) for q in FINDER(text)]


PAIR = "Senators Ana Ruiz of Ohio and Lev Orlov of Utah"

# (case, text, expected [(kind, quote text, speaker)])
ATTRIBUTION = [
    ("an office modifier opens the speaker after the cue",
     "“The harbour is open to everyone,” said former Liberal campaign strategist Mara Voss, a lecturer at Tallin University.",
     [("direct", "The harbour is open to everyone,", "Mara Voss")]),
    ("'former' and one role word before the name",
     "“The harbour is open to everyone,” said former strategist Mara Voss.",
     [("direct", "The harbour is open to everyone,", "Mara Voss")]),
    ("trap: 'former' alone after the cue is no speaker",
     "“The harbour is open,” said former.",
     [("direct", "The harbour is open,", None)]),
    ("'the statement said' speaks for the body that spoke before, not the person quoted since",
     "The regulator has fined three firms, the Borovian Trade Office said on Tuesday. “All options are open,” Lev Orlov said. "
     "“The fines will fund the harbour review,” the statement said.",
     [("indirect", "The regulator has fined three firms", "the Borovian Trade Office"),
      ("direct", "All options are open,", "Lev Orlov"),
      ("direct", "The fines will fund the harbour review,", "the Borovian Trade Office")]),
    ("trap: a statement with no body before it stays as written",
     "“We regret the decision,” the statement said.",
     [("direct", "We regret the decision,", "the statement")]),
    ("'the two' and 'they' after a pair's quote are the pair",
     "Senators Ana Ruiz of Ohio and Lev Orlov of Utah, who called the inquiry “badly handled,” spoke on Sunday. "
     "“The report was leaked before anyone saw it,” the two said in a statement. “No one deserves such treatment,” they said.",
     [("direct", "badly handled,", PAIR), ("direct", "The report was leaked before anyone saw it,", PAIR),
      ("direct", "No one deserves such treatment,", PAIR)]),
    ("trap: 'the two' with no pair before stays as written",
     "“We will not sign it,” the two said.",
     [("direct", "We will not sign it,", "the two")]),
    ("a dateline with an outlet in brackets is not the subject of a participle",
     "Washington (CNN) A top Borovian lawmaker defended the envoy on Sunday, saying the ministry erred in recalling him.",
     [("indirect", "the ministry erred in recalling him", "A top Borovian lawmaker")]),
    ("trap: an adjective after the article, but not the verb after the head",
     "A senior Borovian lawmaker defended the envoy on Sunday, saying the ministry erred in recalling him.",
     [("indirect", "the ministry erred in recalling him", "A senior Borovian lawmaker")]),
    ("a judge's ruling that … is reported speech",
     "The judge ruled Tuesday that the harbour ban was void.",
     [("indirect", "the harbour ban was void", "The judge")]),
    ("trap: 'the rules that …' is a noun, not a ruling",
     "The rules that govern the harbour were written in 1990.",
     []),
    ("'according to' plural filings is a document, not a speaker",
     "Acme spent $2 million on small deals in 2019, according to securities filings.",
     []),
    ("'according to' a filing with a plural modifier is a document too",
     "Acme spent $2 million on small deals in 2019, according to a securities filing.",
     []),
    ("trap: people in the plural before a document still speak",
     "Acme spent $2 million on small deals, according to two officials familiar with the plans.",
     [("indirect", "Acme spent $2 million on small deals", "two officials familiar with the plans")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), ATTRIBUTION, ids=[c for c, _, _ in ATTRIBUTION])
def test_find_quotes_session10_attribution(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


# (case, text, expected [(speaker, type)])
TYPES = [
    ("a role in commas before the name types the later mention by surname",
     "The prime minister of Japan, Lev Orlov, said his country was close to a deal. Orlov told the Courier that he hoped to meet the king.",
     [("Lev Orlov", "government:Japan"), ("Lev Orlov", "government:Japan")]),
    ("a negotiator of a country the list does not know is a government's",
     "Borovia's chief negotiator, Lev Orlov, said the talks would resume.",
     [("Lev Orlov", "government")]),
    ("trap: an adverb in commas before the name is no role",
     "Meanwhile, Lev Orlov, said the talks would resume.",
     [("Lev Orlov", "other")]),
    ("a US state in the mention names the United States, whatever country the story names more",
     "Senator Ana Ruiz of Utah said she was wary of the pro-Israel groups and of Israel. Senator Lev Orlov of Ohio said he would wait.",
     [("Ana Ruiz", "government:United States"), ("Lev Orlov", "government:United States")]),
    ("a US federal agency in the role",
     "FTC Chairman Lev Orlov said all options were open.",
     [("Lev Orlov", "government:United States")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), TYPES, ids=[c for c, _, _ in TYPES])
def test_find_quotes_session10_speaker_types(case: str, text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _types(text) == expected


@pytest.mark.parametrize(("mention", "expected"), [
    ("President Obama", "government:United States"),
    ("Mr. McCain", "government:United States"),
    ("the Federal Trade Commission", "government:United States"),
    ("Shinzo Abe", "government:Japan"),
    ("Japan's chief negotiator", "government:Japan"),
])
def test_speaker_type_session10_rows(mention: str, expected: str) -> None:
    assert speaker_type(mention) == expected


# The open cases left by session 9 (invented sentences).
OPEN_CASES = [
    ("a capitalised title running over 'at the …' ends in the speaker's name",
     "Minister of State at the Foreign Ministry Lev Orlov said the talks would resume.",
     [("indirect", "the talks would resume", "Lev Orlov")]),
    ("trap: a place after 'at the' in a sentence about something else names no speaker",
     "The envoys met at the Foreign Ministry Lev Orlov said on Monday.",
     []),
    ("a quote that is the clause of 'X shared that' is X's, not the relaying agency's",
     "Orlov shared that “the harbour will stay open for everyone,” the agency reported.",
     [("direct", "the harbour will stay open for everyone,", "Orlov")]),
    ("the same with a pronoun, resolved to the person named before",
     "Lev Orlov spoke on Monday. He said that “the harbour will stay open for everyone,” the agency reported.",
     [("direct", "the harbour will stay open for everyone,", "Lev Orlov")]),
    ("trap: with no 'that' before the mark the trailing attribution still speaks",
     "“The harbour will stay open for everyone,” the agency reported.",
     [("direct", "The harbour will stay open for everyone,", "the agency")]),
    ("'as X put it, “…”' attributes the quote",
     "The harbour, as Orlov put it, “is open to everyone.”",
     [("direct", "is open to everyone.", "Orlov")]),
    ("trap: 'put it on the table:' is no cue",
     "She put it on the table: “Here is the harbour plan for all.”",
     [("direct", "Here is the harbour plan for all.", None)]),
    ("a long headline in marks after 'headline' is a title, not a quotation",
     "The newspaper ran the story under the headline “Borovia Is Ready To Sign The Big Trade Deal With Ruritania Next Week”.",
     []),
    ("trap: a long title-case phrase after a reporting verb is still a quotation",
     "He called it “Not A Plan At All But A Long List Of Wishes From The Ministry”.",
     [("direct", "Not A Plan At All But A Long List Of Wishes From The Ministry", "He")]),
    ("an opening mark typed for the closing one ends the quote",
     "Orlov said: “It is the best plan we have seen in years.“",
     [("direct", "It is the best plan we have seen in years.", "Orlov")]),
    ("the reversed closing mark before the attribution",
     "“It is the best plan we have seen in years,“ Orlov said. “We will sign it.”",
     [("direct", "It is the best plan we have seen in years,", "Orlov"), ("direct", "We will sign it.", "Orlov")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), OPEN_CASES, ids=[c for c, _, _ in OPEN_CASES])
def test_find_quotes_session10_open_cases(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


# Names as news writes them (invented sentences).
NAMES = [
    ("a title and a name before 'of <state>' are a person, so 'she' later resolves to her",
     "“This man has suffered enough,” Sen. Ana Ruiz of Ohio, the former committee chairwoman, told the radio. "
     "Ruiz called him “a brilliant man.” She said the affair was a mistake.",
     [("direct", "This man has suffered enough,", "Ana Ruiz"), ("direct", "a brilliant man.", "Ana Ruiz"),
      ("indirect", "the affair was a mistake", "Ana Ruiz")]),
    ("a capitalised 'He' mid-sentence is the family name of a person named 'He …'",
     "The deal is welcome, said He Lanfang, a council member of the Borovian Trade Association. "
     "According to a translation of his remarks, He said the buyers will show goodwill. “If the tariffs stay, it makes no sense,“ He said.",
     [("indirect", "The deal is welcome", "He Lanfang"), ("indirect", "the buyers will show goodwill", "He Lanfang"),
      ("direct", "If the tariffs stay, it makes no sense,", "He Lanfang")]),
    ("trap: with nobody named 'He …', a capitalised 'He' is the pronoun",
     "Lev Orlov spoke. “We are ready,” he said. He said the talks would go on.",
     [("direct", "We are ready,", "Lev Orlov"), ("indirect", "the talks would go on", "Lev Orlov")]),
    ("a family name alone after the full name written family name first",
     "On Thursday, Borovia's trade ministry spokesperson Gao Lan said the talks would go on. Gao noted that buyers were back.",
     [("indirect", "the talks would go on", "Gao Lan"), ("indirect", "buyers were back", "Gao Lan")]),
    ("trap: one unknown capitalised word is still a body",
     "Hamas said the talks would go on.",
     [("indirect", "the talks would go on", "Hamas")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), NAMES, ids=[c for c, _, _ in NAMES])
def test_find_quotes_session10_names(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


def test_find_quotes_family_name_alone_keeps_the_role_for_the_type() -> None:
    text = "On Thursday, Japan's trade ministry spokesperson Gao Lan said the talks would go on. Gao noted that buyers were back."
    assert [q.speaker_type for q in FINDER(text)] == ["government:Japan", "government:Japan"]


# Pronouns and asides (invented sentences).
ASIDES = [
    ("a name split by a title's dot is no sentence subject for a later 'she'",
     "“She has sought the spotlight the most,” said Senator Ana Ruiz. “I’m as confused as you are,” she added, when asked why "
     "Ms. Lena Orlova had emerged as a central player. For example, she said: “No one has worked harder on these issues than Lev Brandt.”",
     [("direct", "She has sought the spotlight the most,", "Ana Ruiz"), ("direct", "I’m as confused as you are,", "Ana Ruiz"),
      ("direct", "No one has worked harder on these issues than Lev Brandt.", "Ana Ruiz")]),
    ("'X called Y, who …, “…”': the cue before a relative aside on its object",
     "Ruiz called Orlov, who led the navy under President Lena Brandt and later President Ivo Sand, “the finest admiral of our generation” "
     "and “a very brilliant man.”",
     [("direct", "the finest admiral of our generation", "Ruiz"), ("direct", "a very brilliant man.", "Ruiz")]),
    ("trap: a relative aside on the subject with no cue before it gives no speaker",
     "The minister, who spoke on Monday, “will not resign.”",
     []),
    ("trap: an aside before a quote whose speaker comes after it",
     "The plan, which he wrote, “is a mess,” critics said.",
     [("direct", "is a mess,", "critics")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), ASIDES, ids=[c for c, _, _ in ASIDES])
def test_find_quotes_session10_pronouns_and_asides(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


# Small things of names and adverbs (invented sentences).
SMALL = [
    ("an adverb between the speaker and 'has said' is no part of the speaker",
     "Gov. Lev Orlov already has said he intends to appeal the case.",
     [("indirect", "he intends to appeal the case", "Lev Orlov")]),
    ("'has long said'",
     "Ana Ruiz has long said the port should close.",
     [("indirect", "the port should close", "Ana Ruiz")]),
    ("a nickname in marks inside a name is no quotation",
     "Gov. C.L. “Butch” Orlov said he intends to appeal the case.",
     [("indirect", "he intends to appeal the case", "Orlov")]),
    ("trap: a name in marks between a verb and a name is still a quotation",
     "He called it “Operation Sunrise” Lev said.",
     [("indirect", "He called it “Operation Sunrise”", "Lev"), ("direct", "Operation Sunrise", "Lev")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), SMALL, ids=[c for c, _, _ in SMALL])
def test_find_quotes_session10_adverbs_and_nicknames(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


def test_speaker_type_islamic_republic_is_iran() -> None:
    assert speaker_type("The Islamic Republic") == "government:Iran"


# A person never quoted by name before their 'she' (invented sentences).
CHAINS = [
    ("sentences opened by the same pronoun carry the subject over paragraphs",
     "“We will build it,” Lev Orlov said. Ana Ruiz made history in 2010 when she was elected governor.\n\n"
     "She spoke against Orlov on the trail.\n\nShe criticised Orlov throughout the campaign. In October, she said she would vote for Orlov.",
     [("direct", "We will build it,", "Lev Orlov"), ("indirect", "she would vote for Orlov", "Ana Ruiz")]),
    ("a US state is no person, so it does not make the subject ambiguous",
     "“We will build it,” Lev Orlov said. Ana Ruiz made history in 2010 when she became the first female governor in South Carolina.\n\n"
     "She spoke against Orlov on the trail.\n\nShe criticised Orlov throughout the campaign. In October, she said she would vote for Orlov.",
     [("direct", "We will build it,", "Lev Orlov"), ("indirect", "she would vote for Orlov", "Ana Ruiz")]),
    ("trap: a chain broken by another person's sentence leaves the pronoun to the last speaker",
     "“We will build it,” Lev Orlov said. Ana Ruiz made history when she was elected governor.\n\n"
     "Ivo Sand joined the race later.\n\nIn October, he said he would vote for Orlov.",
     [("direct", "We will build it,", "Lev Orlov"), ("indirect", "he would vote for Orlov", "Ivo Sand")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), CHAINS, ids=[c for c, _, _ in CHAINS])
def test_find_quotes_session10_pronoun_chains(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


# A role with a country when that country has several speakers named (invented sentences).
ROLES = [
    ("'the US President' is the one US person named holding that office",
     "President Lev Orlov announced the truce, and Secretary of State Ana Ruiz praised it. “The ceasefire is full,” the US President wrote.",
     [("direct", "The ceasefire is full,", "Lev Orlov")]),
    ("trap: with no holder of the office named the role stays as written",
     "Secretary of State Ana Ruiz and Senator Ivo Sand praised it. “The ceasefire is full,” the US President wrote.",
     [("direct", "The ceasefire is full,", "the US President")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), ROLES, ids=[c for c, _, _ in ROLES])
def test_find_quotes_session10_roles_with_a_country(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("case", "text", "expected"), [
    ("'the head of <country> diplomacy' before the name is the foreign minister's role (a country the list lacks)",
     "The head of Borovian diplomacy, Lev Orlov, said the talks would resume.",
     [("Lev Orlov", "government")]),
    ("the same role after the name",
     "Lev Orlov, the head of Borovian diplomacy, said the talks would resume.",
     [("Lev Orlov", "government")]),
    ("trap: a head that is a body part is no role",
     "He shook his head and said the talks would resume.",
     [("He", "other")]),
])
def test_find_quotes_head_of_diplomacy_is_the_government(case: str, text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _types(text) == expected
