"""Quote finding (issue 14): every pattern of the issue and its traps, on sentences written for these tests."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.quote_rules import load_quote_rules, parse_quote_rules
from framing.quotes import QuoteFinder, find_quotes, quoted_mask
from framing.quotes import speaker_type as type_of

FINDER = QuoteFinder()


def _found(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in FINDER(text)]


# (case, text, expected [(kind, quote text, speaker)])
PATTERNS = [
    ("direct, curly, said + name after",
     "“We will not back down,” said Jay Tarriela.",
     [("direct", "We will not back down,", "Jay Tarriela")]),
    ("direct, straight, name + said after",
     '"Talks will resume next week," Maria Lopez said.',
     [("direct", "Talks will resume next week,", "Maria Lopez")]),
    ("direct, speaker before a colon",
     "Foreign Minister Anna Berg said: “Our door stays open to everyone.”",
     [("direct", "Our door stays open to everyone.", "Anna Berg")]),
    ("direct, split by its attribution",
     "“We are ready,” Maria Lopez said, “but not at any price.”",
     [("direct", "We are ready,", "Maria Lopez"), ("direct", "but not at any price.", "Maria Lopez")]),
    ("direct, running over two paragraphs",
     "“The first part of the statement runs on.\n\n“The second part ends it,” said Anna Berg.",
     [("direct", "The first part of the statement runs on.", "Anna Berg"), ("direct", "The second part ends it,", "Anna Berg")]),
    ("direct, scare quote with a clear speaker, inside reported speech",
     "Strelsau said it had “unquestionable” rights over the reef.",
     [("indirect", "it had “unquestionable” rights over the reef", "Strelsau"), ("direct", "unquestionable", "Strelsau")]),
    ("direct, nested quotes stay inside the outer one",
     "“The deal, which they call “historic”, is still fragile,” said Ana Ruiz.",
     [("direct", "The deal, which they call “historic”, is still fragile,", "Ana Ruiz")]),
    ("direct, straight marks nested in straight marks",
     'The package "responds to the sham "referenda" and to open threats," a press release read.',
     [("direct", 'responds to the sham "referenda" and to open threats,', "a press release")]),
    ("indirect, X said that",
     "Prime Minister Lena Holm said that Ruritania would answer with duties of its own.",
     [("indirect", "Ruritania would answer with duties of its own", "Lena Holm")]),
    ("indirect, X said without that",
     "Jay Tarriela said the coast guard would send more ships to the shoal.",
     [("indirect", "the coast guard would send more ships to the shoal", "Jay Tarriela")]),
    ("indirect, according to X first",
     "According to the Chinese foreign ministry, the call was candid and constructive.",
     [("indirect", "the call was candid and constructive", "the Chinese foreign ministry")]),
    ("indirect, according to X last",
     "The two leaders spoke for an hour, according to the White House.",
     [("indirect", "The two leaders spoke for an hour", "the White House")]),
    ("indirect, X told Y",
     "Trump told reporters the deal with Beijing was almost done.",
     [("indirect", "the deal with Beijing was almost done", "Trump")]),
    ("indirect, trailing attribution",
     "The talks will continue in Geneva next month, the ministry said.",
     [("indirect", "The talks will continue in Geneva next month", "the ministry")]),
    ("indirect, stressed",
     "Xi stressed that both sides should respect each other's core interests.",
     [("indirect", "both sides should respect each other's core interests", "Xi")]),
    ("indirect, claimed that",
     "Beijing claimed that the vessels had entered its waters illegally.",
     [("indirect", "the vessels had entered its waters illegally", "Beijing")]),
    ("indirect, wrote on a platform",
     "Trump wrote on Truth Social that the call with Xi went very well.",
     [("indirect", "the call with Xi went very well", "Trump")]),
    ("indirect, confirmed",
     "The White House confirmed the meeting would take place on Friday.",
     [("indirect", "the meeting would take place on Friday", "The White House")]),
    ("pronoun resolved to the last named person",
     "Jay Tarriela said the patrols would grow. He said more ships would come within weeks.",
     [("indirect", "the patrols would grow", "Jay Tarriela"), ("indirect", "more ships would come within weeks", "Jay Tarriela")]),
    ("surname resolved to the full name",
     "Jay Tarriela said the patrols would grow. Tarriela said more ships would come within weeks.",
     [("indirect", "the patrols would grow", "Jay Tarriela"), ("indirect", "more ships would come within weeks", "Jay Tarriela")]),
    ("'the spokesperson' resolved to the last named spokesperson",
     ("Mao Ning, a foreign ministry spokesperson, said the talks were useful. "
      "The spokesperson said the two sides would meet again soon."),
     [("indirect", "the talks were useful", "Mao Ning"), ("indirect", "the two sides would meet again soon", "Mao Ning")]),
    ("relative clause between speaker and verb",
     "Mara Lind, who chaired the meeting in Strelsau, said that the negotiations had sped up.",
     [("indirect", "the negotiations had sped up", "Mara Lind")]),
    # generalisation round (issue 14): general rules, sentences written here
    ("honorific with a dot before the surname",
     "“We will win the vote,” Mr. Brandt said on Tuesday.",
     [("direct", "We will win the vote,", "Mr. Brandt")]),
    ("passive: the sentence before was stated by X",
     "The talks lasted three hours and ended with a deal. This was stated by the leader of the visiting team, Rolf Anker.",
     [("indirect", "The talks lasted three hours and ended with a deal", "Rolf Anker")]),
    ("passive: …, as confirmed by X",
     "These chips will be banned too, as confirmed by senior officials at a briefing.",
     [("indirect", "These chips will be banned too", "senior officials")]),
    ("trailing attribution with modifiers before the speaker",
     "The two sides agreed to a truce in the north, several officials announced Monday.",
     [("indirect", "The two sides agreed to a truce in the north", "officials")]),
    ("a body's name with 'of' is not a person",
     "Beijing has filed a complaint against the new tariffs, the Ministry of Trade said Tuesday.",
     [("indirect", "Beijing has filed a complaint against the new tariffs", "the Ministry of Trade")]),
    ("an abbreviation's dot inside the speaker",
     "The new limits will cover older boats, a senior U.S. diplomat said.",
     [("indirect", "The new limits will cover older boats", "a senior U.S. diplomat")]),
    ("a bare role noun resolved to the one person named before",
     "Lin Jian, a foreign ministry spokesperson, spoke in Beijing.\n\n“We oppose the new tariffs,” said spokesperson.",
     [("direct", "We oppose the new tariffs,", "Lin Jian")]),
    ("a group of people, then 'they'",
     "In a joint statement, the leaders said their countries would keep the peace.\n\n“We believe in a free world,” they said.",
     [("indirect", "their countries would keep the peace", "the leaders"), ("direct", "We believe in a free world,", "the leaders")]),
    ("list items under an introduction",
     "Minister Anna Weber outlined three steps:\n\n• the army will “stay in place” for now;\n\n• talks will “resume in May”.",
     [("direct", "stay in place", "Anna Weber"), ("direct", "resume in May", "Anna Weber")]),
    ("reporting verb from the broad list: conceded that",
     "The prime minister conceded that the plan had failed.",
     [("indirect", "the plan had failed", "The prime minister")]),
    ("reporting verb from the broad list: replied X",
     "“Not now,” replied the minister.",
     [("direct", "Not now,", "the minister")]),
    ("speaker after the quote, with a relative clause",
     "“We need more time,” said Maria Rossi, who chairs the committee.",
     [("direct", "We need more time,", "Maria Rossi")]),
]

TRAPS = [
    ("scare quote without a speaker", "The sham “referendums” were condemned across Europe.", []),
    ("title in quotes", "She reviewed the film “Nomad Winter” for the paper.", []),
    ("apostrophes that are not quote marks", "The farmers’ union rejected China’s offer, and officials didn’t comment on Kyiv's plan.", []),
    ("'according to' a document", "According to the agreement, tariffs will fall by half over five years.", []),
    ("'according to' figures", "Exports rose by a fifth last year, according to official data.", []),
    ("a territorial claim is not speech", "Ruritania claims nearly every island of the Grey Sea as its own.", []),
    ("a future or wished statement is not speech", "Trump is expected to say the deal is done.", []),
    ("a headline in title case", "Von Der Leyen Announces EU Deal With Mercosur", []),
    ("'warned' with an object and an infinitive", "The coast guard warned the boats to leave the area at once.", []),
    ("a compound word", "They backed a two-state solution for the region.", []),
    ("a name after the quote that starts a new sentence is not its speaker",
     "“We are ready to sign the deal.” Maria Lopez then left the room.",
     [("direct", "We are ready to sign the deal.", None)]),
    ("'he' after two people named and none quoted is ambiguous: left as written",
     "Anna Weber met Tom Okafor on Monday. He said the deal was dead.",
     [("indirect", "the deal was dead", "He")]),
    ("a passive whose subject is a thing is not speech", "The deal was announced by the ministry on Monday.", []),
    ("list items under an introduction naming two people get nobody",
     "Anna Weber met Tom Okafor and listed three steps:\n\n• the army will “stay in place” for now.", []),
]


def test_a_new_sentence_after_a_quote_reports_on_its_own() -> None:
    """“….” He said the army … is a new report, not the quote's attribution (the quote keeps 'called')."""
    text = "Tom Okafor spoke first. Ana Ruiz called the pact “the biggest deal in decades.” He said the army would grow."
    assert [(q.kind, q.cue, q.speaker) for q in FINDER(text)] == [("direct", "called", "Ana Ruiz"), ("indirect", "said", "Ana Ruiz")]


@pytest.mark.parametrize(("case", "text", "expected"), PATTERNS, ids=[c for c, _, _ in PATTERNS])
def test_find_quotes_patterns(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("case", "text", "expected"), TRAPS, ids=[c for c, _, _ in TRAPS])
def test_find_quotes_traps(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


def test_find_quotes_long_quote_without_speaker_counts_with_no_speaker() -> None:
    quotes = FINDER("The crowd waited.\n\n“Nobody here will forget what happened on this bridge tonight.”")
    assert [(q.kind, q.speaker, q.speaker_type, q.speaker_start) for q in quotes] == [("direct", None, "other", None)]


def test_find_quotes_offsets_point_into_the_text() -> None:
    text = "Officials met. “It went well,” said Lin Jian, adding that more talks would follow soon."
    quotes = FINDER(text)
    assert quotes, "expected at least one quote"
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.speaker_start is not None and quote.speaker_end is not None
        assert quote.speaker is not None and text[quote.speaker_start : quote.speaker_end] in quote.speaker + " " + text


def test_find_quotes_pronoun_without_antecedent_stays_as_written() -> None:
    quotes = FINDER("He said the border would stay closed until spring.")
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("He", "other")]


@pytest.mark.parametrize(("mention", "expected"), [
    ("Chinese foreign ministry spokesperson Lin Jian", "government:China"),
    ("the Philippines’ National Security Council", "government:Philippines"),
    ("a White House official", "anonymous"),
    ("sources familiar with the talks", "anonymous"),
    ("Sun Yun, director of the China program at the think tank Stimson Center", "expert"),
    ("analysts", "expert"),
    ("Reuters", "media"),
    ("Chinese state media", "government:China"),
    ("the United Nations", "international"),
    ("European Commission President Ursula von der Leyen", "international"),
    ("users on Weibo", "social_media"),
    ("Trump", "government:United States"),
    ("the Irish Farmers’ Association", "other"),
    ("Maria Lopez", "other"),
    # issue 14, session 7 (type accuracy on unseen text): plurals, US titles and party tags, more
    # countries, a named organisation's unnamed spokesperson, columnists
    ("the leaders", "government"),
    ("The envoy who declined to be named", "anonymous"),
    ("the CNN host", "media"),
    ("a ministry source familiar with the inquiry", "anonymous"),
    ("Ana Ruiz president of Acme Wire a cable distributor", "other"),
    ("the president of the farmers' association", "other"),
    ("Ana Ruiz the sales manager at Acme Wire", "other"),
    ("the host country", "government"),
    ("Western allies", "government"),
    ("Sen. Ana Ruiz (D-Ore.)", "government:United States"),
    ("Gov. Lev Orlov (R)", "government:United States"),
    ("Venezuelan Foreign Minister Ana Ruiz", "government:Venezuela"),
    ("Saudi officials", "government:Saudi Arabia"),
    ("an Acme spokesperson", "other"),
    ("a government spokesman", "anonymous"),
    ("a senior British military official", "anonymous"),
    ("New York Times columnist Lev Orlov", "media"),
    # session 11 (an unseen news-agency story): international bodies known by their initials
    ("the EEAS", "international"),
    ("the OSCE", "international"),
    ("the OECD", "international"),
])
def test_speaker_type_rules(mention: str, expected: str) -> None:
    assert type_of(mention) == expected


def test_quoted_mask_merges_overlaps() -> None:
    quotes = find_quotes("Strelsau said it had “unquestionable” rights over the reef.")
    assert len(quotes) == 2
    assert quoted_mask(quotes) == [(min(q.start for q in quotes), max(q.end for q in quotes))]


def test_parse_quote_rules_rejects_unknown_type() -> None:
    with pytest.raises(LexiconError, match="speaker_types.csv line 2: unknown type 'celebrity'"):
        parse_quote_rules("term,role,note\nsay,speech,x\n", "term,type,country,person,note\nstar,celebrity,,,x\n")


def test_parse_quote_rules_rejects_empty_term() -> None:
    with pytest.raises(LexiconError, match="quote_cues.csv line 2: empty term"):
        parse_quote_rules("term,role,note\n,speech,x\n", "term,type,country,person,note\n")


def test_quote_rules_are_data_a_new_cue_row_is_enough() -> None:
    rules = load_quote_rules()
    assert FINDER("Ana Ruiz whispered that the deal was off.") == ()
    cues = "term,role,note\nwhisper,speech,test row\n"
    speakers = "term,type,country,person,note\n"
    custom = parse_quote_rules(cues + "\n".join(f"{t},{r},x" for r, ts in rules.cues.items() for t in ts if r != "speech"), speakers)
    assert [(q.kind, q.speaker) for q in QuoteFinder(custom)("Ana Ruiz whispered that the deal was off.")] == [("indirect", "Ana Ruiz")]


# Issue 14, round 6: patterns found on the enlarged dev set, on sentences written for these tests.
ROUND6 = [
    ("direct, the quote's own '!' then name + verb",
     '"We will win this one!" Ana Ruiz wrote.',
     [("direct", "We will win this one!", "Ana Ruiz")]),
    ("direct, a capitalised new sentence after the closing mark still reports on its own",
     "“We are ready to sign.” Officials said the text was final.",
     [("direct", "We are ready to sign.", None), ("indirect", "the text was final", "Officials")]),
    ("direct, a party tag in parentheses after the name",
     "“The plan is sound,” Finance Committee Chairman Lev Orlov (R-Ohio) said in a statement.",
     [("direct", "The plan is sound,", "Lev Orlov")]),
    ("direct, said + name + parenthesis with an abbreviation's dot",
     '"The vote was fair and open," said Senator Ana Ruiz (D-Ore.).',
     [("direct", "The vote was fair and open,", "Ana Ruiz")]),
    ("direct, a relative clause between the speaker and the verb",
     "“The idea is absurd and frankly silly,” Orlov, who also hosts a radio show, said mockingly.",
     [("direct", "The idea is absurd and frankly silly,", "Orlov")]),
    ("direct, role then name in apposition before the verb",
     "“The talks were useful and very frank,” Ruritania’s foreign minister, Anna Varga, said on Friday.",
     [("direct", "The talks were useful and very frank,", "Anna Varga")]),
    ("pronoun, the sentence subject named after the last quoted person",
     "Ana Ruiz met the envoy. “We made real progress today,” Tomas Berg said.\nRuiz, in her speech, had praised the deal. "
     "In a calm tone, she wrote: “We are ready for the next round.”",
     [("direct", "We made real progress today,", "Tomas Berg"), ("direct", "We are ready for the next round.", "Ana Ruiz")]),
    ("reported, a second verb of the same speaker ends the first clause",
     'The ministry said it had sent two ships, and said on Monday the crews were "calm and careful."',
     [("indirect", "it had sent two ships", "The ministry"), ("indirect", 'the crews were "calm and careful."', "The ministry"),
      ("direct", "calm and careful.", "The ministry")]),
    ("reported, the clause is the quote: a participle after it starts no new clause",
     "Mara Lind responded that “the offer is far too small,” describing the terms as “an insult”.",
     [("direct", "the offer is far too small,", "Mara Lind"), ("direct", "an insult", "Mara Lind")]),
    ("reported, words of a clause before a quote inside it keep the clause",
     "Ana Ruiz said that when she met the envoy, “I told him our worries plainly and at length.”",
     [("indirect", "when she met the envoy, “I told him our worries plainly and at length.”", "Ana Ruiz"),
      ("direct", "I told him our worries plainly and at length.", "Ana Ruiz")]),
    ("reported, 'but did say' takes the sentence's subject",
     "Agency spokeswoman Ida Moe would not confirm the figure but did say the agency expects more sign-ups.",
     [("indirect", "the agency expects more sign-ups", "Ida Moe")]),
    ("reported, an auxiliary and a listener before 'that'",
     "Former minister Paul Rask had warned the cabinet that the budget was too small.",
     [("indirect", "the budget was too small", "Paul Rask")]),
    ("reported, 'promised' + pronoun + verb form needs no 'that'",
     "Ana Ruiz spoke in Lisbon. She promised she could cut the deficit.",
     [("indirect", "she could cut the deficit", "Ana Ruiz")]),
    ("reported, 'promised' + a noun is a promise, not speech",
     "Ana Ruiz promised new roads for the north.", []),
    ("reported, a relative clause without a subject: 'which X claims <verb>'",
     "The levy, which Ruritania claims breaks trade rules, starts on Monday.",
     [("indirect", "breaks trade rules", "Ruritania")]),
    ("reported, 'which X claims' + a noun is a claim to a thing",
     "The reef, which Ruritania claims as its own, lies offshore.", []),
    ("reported, ', who argued that' ends at the relative clause's comma",
     "Mr. Olsen, who argued that the levy would hurt farmers, left the cabinet in May.",
     [("indirect", "the levy would hurt farmers", "Olsen")]),
    ("reported, a participle takes the speaker of the quote before it",
     "“The vote is close,” Ana Ruiz said, adding that the count “will take several days.”",
     [("direct", "The vote is close,", "Ana Ruiz"), ("indirect", "the count “will take several days.”", "Ana Ruiz"),
      ("direct", "will take several days.", "Ana Ruiz")]),
    ("reported, 'said while announcing that': the participle's clause",
     "Lars Holm said while announcing that the border would reopen on Friday.",
     [("indirect", "the border would reopen on Friday", "Lars Holm")]),
    ("reported, a verb in a subordinate clause is not a reported clause",
     "The minister announced the visit after the envoy removed a major obstacle.", []),
    ("reported, 'tweeted' + a noun is not speech", "Ana Ruiz tweeted her thanks to the crew.", []),
    ("reported, an adverb between the speaker and the verb",
     "The council particularly stressed that the talks would go on.",
     [("indirect", "the talks would go on", "The council")]),
    ("title, a programme after 'said on' is not a quote",
     "“Nothing is off the table,” Ana Ruiz said on “Morning Report Sunday” when asked about troops.",
     [("direct", "Nothing is off the table,", "Ana Ruiz")]),
    ("title, a possessive channel before the programme, then 'that'",
     'Ruiz said on CNN\'s "Late Edition" that the deal was near.',
     [("indirect", "the deal was near", "Ruiz")]),
    ("title, a book titled in marks is neither a quote nor speech",
     "He wrote a book titled “Walls and Bridges of Tomorrow” last year.", []),
    ("title, a term after 'the formula' is not a quote",
     "The swap followed the formula “ten for ten” agreed in May.", []),
    ("title, words in capitals are shouted, not a title",
     "Ana Ruiz posted that the two sides had agreed to a “FULL AND LASTING TRUCE”.",
     [("indirect", "the two sides had agreed to a “FULL AND LASTING TRUCE”", "Ana Ruiz"),
      ("direct", "FULL AND LASTING TRUCE", "Ana Ruiz")]),
    ("direct, a paragraph that is only a quote continues the one speaker of the paragraph before",
     "Foreign Secretary Lars Holm told reporters that the guns had fallen silent.\n\n“Both sides agreed to stop all firing at five sharp.”",
     [("indirect", "the guns had fallen silent", "Lars Holm"), ("direct", "Both sides agreed to stop all firing at five sharp.", "Lars Holm")]),
    ("direct, a quote paragraph after two speakers has no speaker",
     "Lars Holm said the guns were silent, and Ana Ruiz said the talks would go on.\n\n“Both sides agreed to stop all firing at five sharp.”",
     [("indirect", "the guns were silent", "Lars Holm"), ("indirect", "the talks would go on", "Ana Ruiz"),
      ("direct", "Both sides agreed to stop all firing at five sharp.", None)]),
    ("direct, a closing mark typed as the opening one",
     'Ana Ruiz said the deal was good. It is a first for the navy, ”and we thank you for it," she said.',
     [("indirect", "the deal was good", "Ana Ruiz"), ("direct", "and we thank you for it,", "Ana Ruiz")]),
    ("passive, a role whose apposition ends in a name",
     "The swap was agreed in full. This was stated by the head of the delegation, adviser to the President Rolf Anker.",
     [("indirect", "The swap was agreed in full", "Rolf Anker")]),
    ("trap, an apostrophe inside a nested quote",
     "\"You remember when they said 'it won't ever happen'?\" he asked.",
     [("direct", "You remember when they said 'it won't ever happen'?", "he")]),
    ("trap, 'according to' a document stays unattributed", "The price rose, according to the report.", []),
    ("role, a title the article gave a named person earlier is that person",
     "Japanese Prime Minister Aiko Sato met the envoy. The Japanese Prime Minister said the talks were frank.",
     [("indirect", "the talks were frank", "Aiko Sato")]),
    ("role, the named holder of the role even when another person was quoted since",
     "Foreign Minister Ken Abe spoke first. Prime Minister Aiko Sato met the envoy. “We are ready,” Abe said. "
     "The prime minister said the talks were frank.",
     [("direct", "We are ready,", "Ken Abe"), ("indirect", "the talks were frank", "Aiko Sato")]),
    ("role, a qualified role named only later: the one person of its speaker type in the article",
     "The Japanese Prime Minister later said the visit was useful. Takaichi said “the bond is strong and close.”",
     [("indirect", "the visit was useful", "Takaichi"), ("direct", "the bond is strong and close.", "Takaichi")]),
    ("role, a qualified role with no person of its type is left as written, not the last speaker",
     "“We are ready,” said Ken Abe. The Japanese Prime Minister later said the visit was useful.",
     [("direct", "We are ready,", "Ken Abe"), ("indirect", "the visit was useful", "The Japanese Prime Minister")]),
    ("role, two people fit the role: left as written",
     "Foreign Minister Ken Abe and Defence Minister Aiko Sato met the envoy. The minister said the talks were frank.",
     [("indirect", "the talks were frank", "The minister")]),
    ("speaker, 'a spokesperson for the ministry': the head speaks, not the body",
     "Ruritania filed a case. A spokesperson for the ministry said the tariffs harm trade.",
     [("indirect", "the tariffs harm trade", "A spokesperson for the ministry")]),
    ("speaker, 'supporters of the plan argue'",
     "Supporters of the plan argue that the rail link will pay for itself.",
     [("indirect", "the rail link will pay for itself", "Supporters of the plan")]),
    ("speaker, 'relatives of <role> <name> said': the relatives speak",
     'Relatives of the sailor Ivo Kral said they "thank heaven" for his return.',
     [("indirect", 'they "thank heaven" for his return', "Relatives of the sailor Ivo Kral"),
      ("direct", "thank heaven", "Relatives of the sailor Ivo Kral")]),
    ("speaker, an abbreviation opening a sentence is no person: 'he' stays as written",
     "The U.S. president's moves raised fears even as he promised the public that taxes were the easiest path.",
     [("indirect", "taxes were the easiest path", "he")]),
    ("speaker, a hyphened title stays in the subject and 'and said' takes the speaker before",
     "In a post, Kestrel President-elect Lars Holm described the deal as ‘epic’ and said, the deal came from his victory.",
     [("direct", "epic", "Lars Holm"), ("indirect", "the deal came from his victory", "Lars Holm")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), ROUND6, ids=[c for c, _, _ in ROUND6])
def test_find_quotes_round6_patterns(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


# Issue 14, session 7: faults seen on unseen real text, rebuilt on invented sentences.
UNSEEN = [
    ("speaker, a role after 'with' is the participle's subject, not the sentence's farther subject",
     "Ruritania pressed ahead with the talks, with a Borovian minister saying the two sides were still 'a long way' from a deal.",
     [("indirect", "the two sides were still 'a long way' from a deal", "a Borovian minister"),
      ("direct", "a long way", "a Borovian minister")]),
    ("speaker, a place after a preposition is no speaker: the subject speaks",
     "The minister posted on Telegram saying “we will never give up on this reef”.",
     [("direct", "we will never give up on this reef", "The minister")]),
    ("speaker, a possessive earlier does not stick to the name",
     "Critics doubt Ilse Brandt's promises on fishing. “We will win,” Brandt said.",
     [("direct", "We will win,", "Ilse Brandt")]),
    ("speaker, the possessor is not the speaker of a role named after it",
     "Prime Minister Ana Ruiz’s office began work on Monday.\n\nA government spokesman said the harbour had not been hit at all.",
     [("indirect", "the harbour had not been hit at all", "A government spokesman")]),
    ("speaker, a capitalised 'He' before a given name inside a name is a surname",
     "“We oppose the duties,” said ministry spokesman He Lianbo.",
     [("direct", "We oppose the duties,", "He Lianbo")]),
    ("speaker, 'He' + an unknown given name opening a sentence is a name",
     "He Lianbo said the duties broke the rules of the trade body.",
     [("indirect", "the duties broke the rules of the trade body", "He Lianbo")]),
    ("trap, 'He' before an English word opening a sentence stays a pronoun",
     "He Also said the duties broke the rules of the trade body.",
     [("indirect", "the duties broke the rules of the trade body", "He")]),
    ("speaker, a later bare surname finds the full name behind a title of three words",
     "“No option is off the table,” Secretary of State Lev Orlov said. Orlov said the navy would stay.",
     [("direct", "No option is off the table,", "Lev Orlov"), ("indirect", "the navy would stay", "Lev Orlov")]),
    ("speaker, a spaced dash in a headline ends a run of capitals: the surname after it is no part of a name",
     "Talks Aim to Buy Borovia Time - Orlov\n\nRuritania has made its position clear, Lev Orlov said.",
     [("indirect", "Ruritania has made its position clear", "Lev Orlov")]),
    ("speaker, a line that is only a name (a masthead) is not who 'the minister' is",
     "Borovia Daily International\n\n“We want more time,” the minister said.",
     [("direct", "We want more time,", "the minister")]),
    ("speaker, a 'she' is not the man a 'he' stood for right after his own quotation",
     "“We will not pay,” Lev Orlov said. “The talks are over,” he told reporters.\n\n"
     "“All of them will be released,” she told journalists.",
     [("direct", "We will not pay,", "Lev Orlov"), ("direct", "The talks are over,", "Lev Orlov"),
      ("direct", "All of them will be released,", "she")]),
    ("speaker, a gendered honorific rules a pronoun out",
     "Ms. Ana Ruiz met the press on Monday. “We will wait,” she said.\n\n“Nothing has changed,” he added.",
     [("direct", "We will wait,", "Ms. Ana Ruiz"), ("direct", "Nothing has changed,", "he")]),
    ("indirect, a trailing speaker with an apposition before the cue",
     "Borovia will free the prisoners once the hostages are back, Ana Ruiz, a spokeswoman for the prime minister, added.",
     [("indirect", "Borovia will free the prisoners once the hostages are back", "Ana Ruiz")]),
    ("indirect, an inverted trailing speaker with an apposition: the sentence's subject does not speak",
     "Borovia will free the prisoners, said Ana Ruiz, a spokeswoman for the prime minister.",
     [("indirect", "Borovia will free the prisoners", "Ana Ruiz")]),
    ("indirect, an inverted trailing speaker",
     "Borovia will free the prisoners, said Ana Ruiz.",
     [("indirect", "Borovia will free the prisoners", "Ana Ruiz")]),
    ("indirect, a subordinate clause after 'says,' is the sentence's own: the clause before is reported",
     "The government remains in the dark on what Borovia wants, the trade minister says, as negotiations continue.",
     [("indirect", "The government remains in the dark on what Borovia wants", "the trade minister")]),
    ("indirect, a listener with a possessive and a programme",
     "Lev Orlov told the Strelsau Herald’s Evening program on Sunday he wants the talks to go on.",
     [("indirect", "he wants the talks to go on", "Lev Orlov")]),
    ("indirect, 'shared that'; another speaker's trailing attribution ends the clause",
     "Ana Ruiz shared that both sides had made progress, the state-run Borovia News Agency reported.",
     [("indirect", "both sides had made progress", "Ana Ruiz")]),
    ("trap, 'shared' without 'that' is no speech",
     "The two leaders shared a meal and shared their concerns about the war.",
     []),
    ("indirect, a time phrase with 'month' between the cue and 'that'",
     "Lev Orlov said earlier this month that negotiators had agreed on a first phase.",
     [("indirect", "negotiators had agreed on a first phase", "Lev Orlov")]),
    ("indirect, 'last year' between the cue and the clause",
     "Ana Ruiz said last year the duties would stay.",
     [("indirect", "the duties would stay", "Ana Ruiz")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), UNSEEN, ids=[c for c, _, _ in UNSEEN])
def test_find_quotes_unseen_faults(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a person's type pools every mention: the bracket after the first, the role before a later one
    ("Lev Orlov (R-Ohio) spoke first. “We will not pay,” Orlov said.", "government:United States"),
    ("Lev Orlov, R-Ohio, spoke first. “We will not pay,” Orlov said.", "government:United States"),
    ("Ana Ruiz, a columnist for the paper, spoke. “It was a mistake,” Ruiz said.", "media"),
    # a government role naming no country serves the country the article names most
    ("Washington raised its tariffs again on Monday. “The duties stay,” the senator said.", "government:United States"),
    ("Tariffs rose in the U.S. on Monday. “The duties stay,” the senator said.", "government:United States"),
    # an unresolved role keeps the type its words give
    ("“The duties stay until spring,” the minister said.", "government"),
    # the dateline is not part of the first mention's role
    ("WASHINGTON (Reuters) - Former Director Lev Orlov spoke. “It was wrong,” Orlov said.", "other"),
])
def test_find_quotes_speaker_types_in_context(text: str, expected: str) -> None:
    assert [q.speaker_type for q in FINDER(text)] == [expected]


# Issue 14, session 7: reported speech with a far speaker, and quotes inside a reported clause.
FAR = [
    ("reported, the subject far from its verb over a phrase with no verb",
     "Senior officials from Borovia and one from Ruritania confirmed that the truce was holding.",
     [("indirect", "the truce was holding", "Senior officials")]),
    ("reported, the subject far from its verb over a participle phrase ('in notes' is a noun)",
     "Lev Orlov in notes recounting his talks with the premier last year said the premier had asked for loyalty.",
     [("indirect", "the premier had asked for loyalty", "Lev Orlov")]),
    ("trap, a thing as the far subject is no speaker",
     "The deal that the two sides signed in May said the ships would leave.",
     []),
    ("reported, a body's subject before an aside in commas",
     "The union, listed as a banned group by several states, added that the pact opened a path to calm.",
     [("indirect", "the pact opened a path to calm", "The union")]),
    ("reported, a past-tense 'stated' with a clause and no 'that'",
     "Borovia's envoy, Ana Ruiz, stated the council had finished its work.",
     [("indirect", "the council had finished its work", "Ana Ruiz")]),
    ("trap, a possessor before a participle is no speaker and verb",
     "Borovia's claimed annexation of occupied lands was condemned.",
     []),
    ("trap, 'expressed' with a noun object and no clause reports nothing; the next verb does",
     "He also voiced broad contentment with the visit and confirmed that the talks would go on.",
     [("indirect", "the talks would go on", "He")]),
    ("reported, people nouns speak",
     "Fishing advocates say the minister ought to act sooner.",
     [("indirect", "the minister ought to act sooner", "Fishing advocates")]),
    # session 10: the adjective after the article stays in the speaker phrase ("A top Senate Democrat")
    ("reported, an organisation word with a lower-case adjective before it",
     "The federal government announced Thursday that the deficit had grown.",
     [("indirect", "the deficit had grown", "The federal government")]),
    ("direct inside a reported clause, named inside it: that speaker's words",
     "Ana Ruiz said Lev Orlov told her that the plan “had failed badly in every way”.",
     [("indirect", "Lev Orlov told her that the plan “had failed badly in every way”", "Ana Ruiz"),
      ("direct", "had failed badly in every way", "Lev Orlov")]),
    ("trap, direct inside a reported clause after an infinitive's verb: the outer speaker's",
     "Ana Ruiz said Borovia and Ruritania agreed to “share the terms of a ceasefire in writing”.",
     [("indirect", "Borovia and Ruritania agreed to “share the terms of a ceasefire in writing”", "Ana Ruiz"),
      ("direct", "share the terms of a ceasefire in writing", "Ana Ruiz")]),
    ("according to, people familiar with a document are people, not the document",
     "The talks will resume next week, according to two officials familiar with the plans.",
     [("indirect", "The talks will resume next week", "two officials familiar with the plans")]),
    ("according to, an apposition after the name is not the clause",
     "According to Ana Ruiz, the ministry's spokeswoman, the talks will resume next week.",
     [("indirect", "the talks will resume next week", "Ana Ruiz")]),
    ("according to, in commas inside the sentence: the sentence is the clause",
     "The talks, according to Ana Ruiz, will resume next week.",
     [("indirect", "The talks, according to Ana Ruiz, will resume next week", "Ana Ruiz")]),
    ("according to, a document released by a body: the body, without the time phrase",
     "Exports fell by a third, according to data released by the ministry on Monday.",
     [("indirect", "Exports fell by a third", "the ministry")]),
    ("reported, a trailing body's name in an of-chain after a long clause",
     "The blockade, which began in May and has cut the islands off for weeks, will be lifted next month, "
     "the ministry of the interior of Borovia said in a statement on Monday.",
     [("indirect", "The blockade, which began in May and has cut the islands off for weeks, will be lifted next month", "Borovia")]),
    ("reported, a document before a participle is not its speaker: its author is",
     "On Telegram, the Borovian premier wrote a post announcing that both navies had agreed to pull back.",
     [("indirect", "both navies had agreed to pull back", "the Borovian premier")]),
    ("direct, a quote paragraph after a paragraph about one person is theirs",
     "Ana Ruiz reciprocated with an equally formal reply.\n\n“Our two nations remain bound by friendship for many years to come.”",
     [("direct", "Our two nations remain bound by friendship for many years to come.", "Ana Ruiz")]),
    ("direct, the speaker and cue before a programme title in marks",
     "Ana Ruiz said this week on Channel Nine’s “Morning Hour”: “We will not give way on fishing to anyone.”",
     [("direct", "We will not give way on fishing to anyone.", "Ana Ruiz")]),
    ("reported, 'that' after a programme title that follows an outlet's possessive",
     "Orlov said on Radio Strelsau's “Evening Review” that the tariffs would stay.",
     [("indirect", "the tariffs would stay", "Orlov")]),
    ("reported, 'told the Associated Press' skips the listener's name; a quote after it is no clause",
     "He told the Strelsau Herald on Friday, “The pact has been a failure for all of us,” and walked out.",
     [("direct", "The pact has been a failure for all of us,", "He")]),
    ("trap, a possessor and the noun 'claim' are no speaker and verb",
     "The exchange prompting Ana Ruiz’s claim that the ships had left started with the host asking, “Are you running for office?”",
     [("direct", "Are you running for office?", "the host")]),
    ("reported, an unnamed source with a tail before its verb, trailing",
     "The letters were sent to a man named Ivo Kral, a ministry source familiar with the inquiry told reporters on Monday.",
     [("indirect", "The letters were sent to a man named Ivo Kral", "a ministry source familiar with the inquiry")]),
    ("direct, the subject before an aside in commas and 'called … a “…”'",
     "The Borovian Navy, in a short note, called the voyage a “sign of our lasting bond with our friends.”",
     [("direct", "sign of our lasting bond with our friends.", "The Borovian Navy")]),
    ("trap, a relative aside about other things does not type the speaker",
     "“I do not think this moves us nearer to conflict,” said Lev Orlov, who added that the Borovian launch changed nothing.",
     [("direct", "I do not think this moves us nearer to conflict,", "Lev Orlov"),
      ("indirect", "the Borovian launch changed nothing", "Lev Orlov")]),
    ("direct, 'U.S.' before a title does not end the speaker; an aside after the name describes",
     "“We are sliding towards a very risky moment,” U.S. Senator Lev Orlov, a Democrat on the panel, told reporters on Wednesday.",
     [("direct", "We are sliding towards a very risky moment,", "Lev Orlov")]),
    ("reported, an article, an abbreviation and an adjective open an unnamed speaker",
     "A U.S. fisheries official said on Friday that Borovia had tried to enter the zone.",
     [("indirect", "Borovia had tried to enter the zone", "A U.S. fisheries official")]),
    ("reported, 'for <place>' before a participle is no speaker: the subject speaks",
     "The State Department updated its travel warning for Borovia saying visitors faced a serious danger of kidnapping.",
     [("indirect", "visitors faced a serious danger of kidnapping", "The State Department")]),
    ("reported, a body after 'with' before a participle speaks",
     "The talks ended with Borovia saying it would leave the islands.",
     [("indirect", "it would leave the islands", "Borovia")]),
    ("trap, a document after 'with' before a participle is no speaker",
     "The talks ended with a statement saying it would leave the islands.",
     []),
    ("reported, a clause ends before ', and <a long title and name> said'",
     "Borovia and Ruritania have said neither side seeks a conflict, and Ruritanian Prime Minister Ana Maria Ruiz said on Tuesday the talks would go on.",
     [("indirect", "neither side seeks a conflict", "Ruritania"), ("indirect", "the talks would go on", "Ana Maria Ruiz")]),
    ("direct, 'X was quoted as saying'",
     "“We will never surrender our sovereignty to anyone,” Ana Ruiz was quoted as saying.",
     [("direct", "We will never surrender our sovereignty to anyone,", "Ana Ruiz")]),
    ("speaker, a possessor opening the subject is not the speaker: the phrase it opens is",
     "Ana Ruiz’s legal team claimed a win in the case on Monday but said it rejected the view that the minister had harmed the state.",
     [("indirect", "it rejected the view that the minister had harmed the state", "Ana Ruiz’s legal team")]),
    ("trap, a possessor, adjectives and the noun 'claims' are no speaker and verb",
     "Among Ana Ruiz's most notable claims are that the minister solicited help from abroad.",
     []),
    ("reported, 'told' + a listener of several words before 'that'",
     "Former Gov. Lev Orlov told a local radio presenter on Sunday that young people should wait.",
     [("indirect", "young people should wait", "Lev Orlov")]),
    ("reported, a clause ends before ', and an <unnamed source> also said'",
     "Earlier on Sunday, the group had said a drone struck a truck carrying its nurses, and a navy source also said that four people were hurt.",
     [("indirect", "a drone struck a truck carrying its nurses", "the group"), ("indirect", "four people were hurt", "a navy source")]),
    ("speaker, '<Name> of the <Body>, <apposition>, said' is the person",
     "Lev Orlov of the Borovian Institute, a legal charity that handles many such claims, said parents may object.",
     [("indirect", "parents may object", "Lev Orlov")]),
    ("direct, a US party tag in commas between the name and the verb",
     "“It was the proper response,” Senate Fisheries Chairman Lev Orlov, R-Ariz., told reporters on Monday evening.",
     [("direct", "It was the proper response,", "Lev Orlov")]),
    ("direct, a party tag with a two-letter state",
     "“Standing firm here is the correct choice,” Senate Minority Leader Ana Ruiz, D-N.Y., said on Wednesday night.",
     [("direct", "Standing firm here is the correct choice,", "Ana Ruiz")]),
    ("direct, a party tag and a relative aside before 'wrote on Twitter'",
     "Sen. Ana Ruiz, R-Ky., who backs a far more cautious line, wrote on Twitter, “Congress must approve any strike first.”",
     [("direct", "Congress must approve any strike first.", "Ana Ruiz")]),
    ("trap, a possessor before a noun that looks like a cue is no speaker",
     "Rep. Ana Ruiz, R-Mich., echoed Orlov's remarks: “These strikes amount to war and need a vote.”",
     [("direct", "These strikes amount to war and need a vote.", None)]),
    ("reported, a clause ends before ', <another named speaker> said <clause>'",
     "After House Speaker Ana Ruiz announced Tuesday that she had reached a deal, Senate Leader Lev Orlov said he planned to delay the vote by a week.",
     [("indirect", "she had reached a deal", "Ana Ruiz"), ("indirect", "he planned to delay the vote by a week", "Lev Orlov")]),
    ("trap, 'was told that' and 'for comment': the subject heard it, a noun after a preposition",
     "The paper asked the ministry for comment on Monday and was told the leader sees no delay in it.",
     []),
    ("according to, the source ends before a place or time phrase",
     "The duties would touch a tenth of the fish trade, according to Acme Bank in a client memo sent before the talks on Thursday.",
     [("indirect", "The duties would touch a tenth of the fish trade", "Acme Bank")]),
    ("trap, a quote paragraph after a paragraph about no person has no speaker",
     "The talks ended late on Monday.\n\n“Our two nations remain bound by friendship for many years to come.”",
     [("direct", "Our two nations remain bound by friendship for many years to come.", None)]),
    ("reported, a clause ends before ', while <another speaker> said'",
     "Ana Ruiz confirmed that the truce was holding, while the office of the Borovian premier said the talks went on.",
     [("indirect", "the truce was holding", "Ana Ruiz"), ("indirect", "the talks went on", "the Borovian premier")]),
    ("speaker, 'the spokesman' is the person named in that role since the last one quoted",
     "“We oppose it,” a Borovian trade ministry spokesman said.\n\nAt a briefing, Lev Orlov, the ministry spokesman, "
     "explained the case.\n\n“The duties break the rules,” said the spokesman.",
     [("direct", "We oppose it,", "a Borovian trade ministry spokesman"), ("direct", "The duties break the rules,", "Lev Orlov")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), FAR, ids=[c for c, _, _ in FAR])
def test_find_quotes_far_speakers_and_inner_quotes(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


def test_find_quotes_relative_aside_describes_the_speaker() -> None:
    quotes = FINDER("The envoy, who declined to be named, said the harbour talks had stalled.")
    assert [(q.speaker, q.speaker_type) for q in quotes] == [("The envoy", "anonymous")]


def test_find_quotes_relative_aside_about_other_things_leaves_the_type() -> None:
    text = "“I do not think this moves us nearer to conflict,” said Lev Orlov, who added that the Borovian launch changed nothing."
    assert {q.speaker_type for q in FINDER(text)} == {"other"}  # not the government of the country in the aside


def test_find_quotes_second_apposition_types_the_speaker() -> None:
    text = "“This is the messiest procedure,” said Ana Ruiz, president of Acme Wire, a cable distributor near the port."
    assert [(q.speaker, q.speaker_type) for q in FINDER(text)] == [("Ana Ruiz", "other")]


@pytest.mark.parametrize("second, speaker", [
    ("The president said that she and Orlov had concluded a very good call.", "Ana Ruiz"),
    ("Writing on Chirp, the president stated that the two sides had concluded a good call.", "Ana Ruiz"),
])
def test_a_role_with_no_country_stays_with_its_quoted_holder_not_a_foreign_one_named_since(second: str, speaker: str) -> None:
    text = ("President Ana Ruiz said she would visit Kessland in April and host Borovian president Lev Orlov "
            "for a state visit after a call with Orlov on Monday.\n\n" + second)
    found = find_quotes(text)
    assert found[-1].speaker == speaker and found[-1].speaker_type.startswith("government")


def test_host_as_a_verb_before_a_name_is_no_broadcaster() -> None:
    text = "The minister will host Borovian president Lev Orlov in May. Orlov said the talks would go well."
    assert [q.speaker_type for q in find_quotes(text)] != ["media"]
    assert type_of("radio host Ana Ruiz") == "media"


# Issue 14, session 8: speaker types on unseen text (the first fresh check, tuned on from session 8).
@pytest.mark.parametrize(("mention", "expected"), [
    # a head role right after an organisation's name or acronym the list does not know heads it
    ("NFU president Ana Ruiz", "other"),
    # session 9: India's "Union" ministers are its federal government, a trade union is not
    ("Union Defence Minister Lev Orlov", "government:India"),
    ("Union Cabinet", "government:India"),
    ("union leader Ana Ruiz", "other"),
    ("Open Doors president Lev Orlov", "other"),
    ("FIFA President Lev Orlov", "other"),
    ("Vice President Lev Orlov", "government"),
    ("Former President Lev Orlov", "other"),
    ("Kenyan President Lev Orlov", "government:Kenya"),
    # a company named with a country
    ("United States Steel", "other"),
    ("the United States", "government:United States"),
    ("Russia's Lev Orlov", "government:Russia"),
    # an envoy to an international body serves the country that sent them
    ("U.S. ambassador to the United Nations Ana Ruiz", "government:United States"),
    ("Palestine's envoy to the UN", "government:Palestine"),
    ("the UN envoy", "international"),
    # bare plural officials are unnamed; with a country they stay that government's
    ("officials", "anonymous"),
    ("administration officials", "anonymous"),
    ("Diplomats", "anonymous"),
    ("Brazilian officials", "government:Brazil"),
    ("the officials", "government"),
    ("UN officials", "international"),
    ("Western allies", "government"),
    # a past office is no government's voice
    ("Former FBI Director Lev Orlov", "other"),
    ("Ana Ruiz, a former U.S. ambassador", "other"),
    ("FBI Director Lev Orlov", "government:United States"),
    # a campaign speaks for its candidate, not a government
    ("Ana Ruiz a spokesman for the Trump campaign", "other"),
])
def test_speaker_type_session8_rules(mention: str, expected: str) -> None:
    assert type_of(mention) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an apposition opening with a capitalised body describes the name before it
    ("Ana Ruiz, White House director of trade policy, spoke on Sunday. “The plan works,” Ms. Ruiz said.",
     ["government:United States"]),
    ("Ana Ruiz, Lev Orlov and other officials met. “It is working,” Ruiz said.", ["other"]),
    # a long apposition opening with "a", read past a middle initial's dot
    ("The war was long, said Ana Ruiz, a former aide to President Lev G. Orlov and a policy expert at the Borovia "
     "Institute. “It was hard,” Ms. Ruiz said.", ["expert", "expert"]),
    # a body's name inside a run of capitals ends before the person's name; the envoy's "to" is kept
    ("U.S. ambassador to the United Nations Ana Ruiz spoke. “We will not stand by,” Ruiz said.",
     ["government:United States"]),
    ("Officials said the talks would resume in May.", ["anonymous"]),
    # an unnamed holder of a past office is still unnamed; a named one holds no office now
    ("“We will act,” said a former official.", ["anonymous"]),
    ("Former FBI Director Lev Orlov said the talks would resume.", ["other"]),
])
def test_find_quotes_session8_speaker_types_in_context(text: str, expected: list[str]) -> None:
    assert [q.speaker_type for q in FINDER(text)] == expected


def test_find_quotes_body_name_inside_a_run_of_capitals_is_no_part_of_the_person() -> None:
    quotes = FINDER("U.S. ambassador to the United Nations Ana Ruiz spoke. “We will not stand by,” Ruiz said.")
    assert [q.speaker for q in quotes] == ["Ana Ruiz"]


# Issue 14, session 8: attribution faults of the first fresh check, on invented sentences.
SESSION8 = [
    ("a quote, then 'but X said <clause>': the quote is the earlier subject's, the clause X's",
     "The premier has called the tariffs “totally unacceptable,” but Mr. Orlov said trade partners need to examine their own rules.",
     [("direct", "totally unacceptable,", "The premier"), ("indirect", "trade partners need to examine their own rules", "Mr. Orlov")]),
    ("a quote, then 'and X agreed.': nothing reported after the verb, so X's",
     "“We will not pay,” and Orlov agreed.",
     [("direct", "We will not pay,", "Orlov")]),
    ("'said that <subject>, <aside>, “…”': a reported clause holding a quote is marked twice",
     "Ana Ruiz spoke on Sunday. She said that Borovia, for example, “just undercuts us on steel and puts people out of work.”",
     [("indirect", "Borovia, for example, “just undercuts us on steel and puts people out of work.”", "Ana Ruiz"),
      ("direct", "just undercuts us on steel and puts people out of work.", "Ana Ruiz")]),
    ("a straight mark right after a stop opens a quote (a page that lost the space)",
     'They want to restore some cuts."If you carve out items you do not solve it," a source close to the premier told Radio Nine.',
     [("direct", "If you carve out items you do not solve it,", "a source close to the premier")]),
    ("after a quote: an unnamed source with its tail, and modifiers after the article",
     "“We will act,” an unnamed former defense official told Radio Nine.",
     [("direct", "We will act,", "an unnamed former defense official")]),
    ("'said a senior official': a modifier inside the speaker after the verb",
     "“We will act,” said a senior official.",
     [("direct", "We will act,", "a senior official")]),
    ("nested attribution: 'according to X who told Y that <clause>' is X's, and so is the sentence",
     "The plan was different, according to officials who told Radio Nine that the minister wants another way.",
     [("indirect", "The plan was different", "officials"), ("indirect", "the minister wants another way", "officials")]),
    ("nested attribution opening a sentence: the inner clause ends at the comma",
     "According to two senior officials who told reporters that the talks had failed, the envoy left early.",
     [("indirect", "the talks had failed", "two senior officials"), ("indirect", "the envoy left early", "two senior officials")]),
    ("trap, a restrictive 'who told' outside 'according to' reports nothing",
     "The envoys who told reporters that the talks had failed left early.",
     []),
    ("a reported clause opening with a partial quote: the clause from its mark, and the quote",
     'In his remarks, the Borovian envoy said "occupation forces" were to blame for the deaths.',
     [("indirect", '"occupation forces" were to blame for the deaths', "the Borovian envoy"),
      ("direct", "occupation forces", "the Borovian envoy")]),
    ("a role noun after someone else was named in that role is not the person named before",
     "Lev Orlov met the minister. The minister said he would resign.",
     [("indirect", "he would resign", "The minister")]),
    ("a role noun in the person's own description is theirs",
     "Lev Orlov, the defence minister, spoke. The minister said he would resign.",
     [("indirect", "he would resign", "Lev Orlov")]),
    ("a partial quote in the writer's frame, attributed after it: the sentence is reported too",
     "The former chief “possesses deep ties around the world,” Senator Lev Orlov said.",
     [("indirect", "The former chief “possesses deep ties around the world,”", "Lev Orlov"),
      ("direct", "possesses deep ties around the world,", "Lev Orlov")]),
    ("trap, a quote in commas inside a sentence frames nothing",
     "The plan, “a disaster,” Orlov said, was dropped.",
     [("direct", "a disaster,", "Orlov")]),
    ("'requested that <clause>' reports a request; 'requested anonymity' nothing",
     "In a memo, Orlov requested that the officials “knock down the reports.”",
     [("indirect", "the officials “knock down the reports.”", "Orlov"), ("direct", "knock down the reports.", "Orlov")]),
    ("trap, 'who requested anonymity' is an aside",
     "The envoy, who requested anonymity, said the talks had failed.",
     [("indirect", "the talks had failed", "The envoy")]),
    ("trap, 'as per X, “…”' stays the quote alone",
     "As per the minister, “the talks will go on for a week.”",
     [("direct", "the talks will go on for a week.", None)]),
]


@pytest.mark.parametrize(("case", "text", "expected"), SESSION8, ids=[c for c, _, _ in SESSION8])
def test_find_quotes_session8_attribution(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


# Issue 14, session 8 (unseen pages): a country's trade negotiator speaks for its government.
@pytest.mark.parametrize(("text", "expected"), [
    ("Top Borovian trade negotiator Ana Ruiz spoke. Ruiz said the talks would resume in May.", ["government"]),
    ("U.S. trade representative Ana Ruiz said the talks would resume in May.", ["government:United States"]),
    ("Chinese trade chief Lev Orlov said the talks would resume in May.", ["government:China"]),
    # trap: a negotiator who is no trade official keeps the type of the rest of the mention
    ("Union negotiator Ana Ruiz said the talks would resume in May.", ["other"]),
])
def test_find_quotes_trade_negotiator_is_the_government(text: str, expected: list[str]) -> None:
    assert [q.speaker_type for q in FINDER(text)] == expected


# Issue 14, session 9: plural and group speakers, 'charged that', progressive cues (invented sentences).
SESSION9 = [
    ("'Others said <clause>': a people word at a sentence's start is the speaker, not a function word",
     "Some traders welcomed the plan. Others said the reform would slow growth in the north.",
     [("indirect", "the reform would slow growth in the north", "Others")]),
    ("'charged that <clause>' reports speech",
     "Critics charged that the vote was timed to distract from the scandal.",
     [("indirect", "the vote was timed to distract from the scandal", "Critics")]),
    ("trap, 'charged with' is no speech", "The firm was charged with fraud last year.", []),
    ("a progressive cue: the speaker before 'are now claiming'",
     "Republican senators are now claiming the bill would raise costs for farmers.",
     [("indirect", "the bill would raise costs for farmers", "Republican senators")]),
    ("trap, 'claims' with a noun object is no speech", "Borovia claims the sea around the islands.", []),
    ("a plural role after a number and a modifier: 'the four top diplomats said'",
     "The four top diplomats said the talks would resume in May.",
     [("indirect", "the talks would resume in May", "four top diplomats")]),
    ("a plural role after a number: 'the four diplomats said'",
     "The four diplomats said the talks would resume in May.",
     [("indirect", "the talks would resume in May", "diplomats")]),
    ("trap, 'was told that' is heard, not said", "The minister was told that the talks had failed.", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), SESSION9, ids=[c for c, _, _ in SESSION9])
def test_find_quotes_session9_group_speakers_and_cues(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


def test_speaker_types_has_no_duplicate_term() -> None:
    import csv
    import io
    from pathlib import Path

    from framing.quote_rules import load_quote_rules

    path = Path(__file__).resolve().parents[2] / "framing" / "lexicons" / "speaker_types.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    terms = [r["term"] for r in rows]
    assert len(terms) == len(set(terms)), sorted(t for t in set(terms) if terms.count(t) > 1)
    assert load_quote_rules().speaker_terms


# Issue 14, session 9: news outlets by name, a subordinate clause's subject, polls' shares (invented sentences).
SESSION9_OUTLETS_POLLS = [
    ("a capitalised outlet name with a place word inside is the whole name",
     "The deal is unfair, says the South Borovia Morning Post.",
     [("indirect", "The deal is unfair", "the South Borovia Morning Post")]),
    ("'after X reported that': the subordinate clause's subject speaks; 'the newspaper' resolves to it",
     "The row comes after The Strelsau Globe reported last week that the envoy met the rebels. "
     "The newspaper also said the envoy had met other leaders.",
     [("indirect", "the envoy met the rebels", "The Strelsau Globe"), ("indirect", "the envoy had met other leaders", "The Strelsau Globe")]),
    ("a poll's share in digits speaks, and a second share after ', with' reports its own clause",
     "According to the poll, 41% say they oppose the treaty, with 12% saying they have no view.",
     [("indirect", "they oppose the treaty", "41%"), ("indirect", "they have no view", "12%")]),
    ("a share written 'six in 10'", "Six in 10 say they back the plan.", [("indirect", "they back the plan", "Six in 10")]),
    ("a share in words: the people word 'percent'", "Sixty-two percent say they oppose the law.",
     [("indirect", "they oppose the law", "percent")]),
    ("', with <speaker> saying' ends the first report", "The minister said the talks would go on, with aides saying a deal was near.",
     [("indirect", "the talks would go on", "The minister"), ("indirect", "a deal was near", "aides")]),
    ("trap, 'with' and no reporting participle leaves the clause whole", "The minister said the talks would go on with the rebels taking part.",
     [("indirect", "the talks would go on with the rebels taking part", "The minister")]),
    ("trap, a percentage that is no speaker", "The index fell 3% in May, the bank said.", [("indirect", "The index fell 3% in May", "the bank")]),
    ("trap, 'known as the “…”' is a name, not a quote",
     "Ana Ruiz spoke. She said the vote was a good sign for a law known as the “Fair Trade Act.” “We won,” she said.",
     [("indirect", "the vote was a good sign for a law known as the “Fair Trade Act.”", "Ana Ruiz"), ("direct", "We won,", "Ana Ruiz")]),
    ("trap, 'being told that' is heard, not said", "Millions of voters are being told that they would lose their plans.", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), SESSION9_OUTLETS_POLLS, ids=[c for c, _, _ in SESSION9_OUTLETS_POLLS])
def test_find_quotes_session9_outlets_and_polls(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(("mention", "media"), [
    ("the South Borovia Morning Post", True), ("The Strelsau Globe", True), ("the Ruritania Herald", True),
    ("Strelsau Times reporter Ana Ruiz", True),
    # traps: a capitalised word after the head, and an unnamed source who spoke to an outlet
    ("the Post Office", False), ("an official who spoke to the Strelsau Globe on condition of anonymity", False),
])
def test_speaker_type_outlet_names(mention: str, media: bool) -> None:
    from framing.quotes import speaker_type

    assert (speaker_type(mention) == "media") is media


# Issue 14, session 9: cues of two words and vehicles ('pointed out', 'made it clear', 'took to X to say', 'he noted.').
SESSION9_CUES = [
    ("a two-word cue: the speaker is before its first word", "The minister pointed out that the talks had failed.",
     [("indirect", "the talks had failed", "The minister")]),
    ("'made it clear that': 'it' inside a two-word cue", "The governor made it clear that no new taxes would be imposed.",
     [("indirect", "no new taxes would be imposed", "The governor")]),
    ("trap, 'made sure that' reports nothing", "The governor made sure that no new taxes would be imposed.", []),
    ("'took to <platform> to say that': the infinitive reports, the subject speaks",
     "The mayor took to Facebook on Sunday to say that the bridge would reopen next week.",
     [("indirect", "the bridge would reopen next week", "The mayor")]),
    ("trap, 'wants to take … to say' is no report", "The mayor wants to take to the stage to say the bridge would reopen.", []),
    ("trap, 'take time to say' is no report", "It will take time to say whether the bridge is safe.", []),
    ("'…, he and others noted.': a that-verb ending the sentence attributes, 'he' resolved",
     "Lev Orlov spoke on Monday. The rebels remain a potent force in the hills, he and others noted.",
     [("indirect", "The rebels remain a potent force in the hills", "Lev Orlov")]),
    ("trap, '…, X agreed to …' attributes nothing", "After the talks, Borovia and Ruritania agreed to a prisoner exchange.", []),
]


@pytest.mark.parametrize(("case", "text", "expected"), SESSION9_CUES, ids=[c for c, _, _ in SESSION9_CUES])
def test_find_quotes_session9_two_word_cues_and_vehicles(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


# Issue 14, session 9: a document's author before a reporting participle (invented sentences).
SESSION9_CLAUSES = [
    ("'released a statement saying that …': the document's author speaks",
     "The ministry released a statement saying that the talks had been postponed.",
     [("indirect", "the talks had been postponed", "The ministry")]),
    ("the author right before the document's verb, not the words before a dash",
     "Some blamed the envoy — the Ministry of Defence released a statement saying that the talks had been postponed.",
     [("indirect", "the talks had been postponed", "the Ministry of Defence")]),
    ("a direct quote after 'released a statement saying:': the author right before the verb",
     "Some blamed the envoy — the Ministry of Defence released a statement saying: “The talks have been postponed for a week.”",
     [("direct", "The talks have been postponed for a week.", "the Ministry of Defence")]),
]


@pytest.mark.parametrize(("case", "text", "expected"), SESSION9_CLAUSES, ids=[c for c, _, _ in SESSION9_CLAUSES])
def test_find_quotes_session9_document_authors(case: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


# Issue 14, session 9: a reported question ('questioned whether …'), invented sentences.
@pytest.mark.parametrize(("text", "expected"), [
    ("Some analysts have questioned whether the new rules go far enough.",
     [("indirect", "whether the new rules go far enough", "analysts")]),
    # the demand inside the question belongs to the outer report
    ("Analysts questioned whether the deal meets Borovian demands that Ruritania drop its tariffs.",
     [("indirect", "whether the deal meets Borovian demands that Ruritania drop its tariffs", "Analysts")]),
    # trap: a noun object is no reported question
    ("Analysts questioned the decision to raise rates.", []),
])
def test_find_quotes_questioned_whether_reports_a_question(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert _found(text) == expected


# Issue 14, session 9: a number after the article in a speaker named after the quote (invented sentences).
@pytest.mark.parametrize(("text", "speaker"), [
    ("“We will not give up,” said the four top diplomats.", "the four top diplomats"),
    ("“We will not give up,” said the two envoys.", "the two envoys"),
    ("“We will not give up,” said the minister.", "the minister"),
])
def test_find_quotes_speaker_after_with_a_number(text: str, speaker: str) -> None:
    assert [q.speaker for q in FINDER(text)] == [speaker]


@pytest.mark.parametrize(("text", "speaker"), [
    # a new sentence after the quote opens with a clause of its own: its possessor is not the speaker
    ("Lev Orlov stated, “Every claim of progress is groundless.” This reply came after Ana Ruiz's remarks on Monday.", "Lev Orlov"),
    ("Lev Orlov stated, “Every claim is groundless.” This reply comes in the wake of Ana Ruiz's remarks, where she "
     "indicated that “all is active” in the talks.", "Lev Orlov"),
    ("“Every claim of progress is groundless.” The answer followed Ana Ruiz's comments at the summit.", None),
    # a speaker opening the new sentence still counts
    ("“Every claim of progress is groundless.” Ana Ruiz said.", "Ana Ruiz"),
    ("“Every claim of progress is groundless.” The minister said.", "The minister"),
])
def test_new_sentence_after_a_quote_needs_its_speaker_as_subject(text: str, speaker: str | None) -> None:
    first = next(q for q in FINDER(text) if q.kind == "direct")
    assert first.speaker == speaker


def test_government_speaker_without_country_takes_the_country_of_the_same_office() -> None:
    # two spokesmen of ministries in one story: the one whose mention names no country serves the
    # other's government, not the country the story names most (Chile here)
    text = ("Chile said on Monday that Chile would raise tariffs. Chile's leaders met twice in Chile. "
            "Ana Ruiz, a spokesman for Norway's Foreign Ministry, said there were no talks. "
            "Lev Orlov, a spokesman for the Commerce Ministry, said the tariffs were unfair. "
            "Chilean President Ida Berg said the tariffs would stay. Chile would not move, Berg said.")
    types = {q.speaker: q.speaker_type for q in FINDER(text)}
    assert types["Ana Ruiz"] == "government:Norway"
    assert types["Lev Orlov"] == "government:Norway"
    assert types["Ida Berg"] == "government:Chile"
