"""Names in title-case headlines and after sentence openers (issue 15, session 13).

Table-driven on small made-up articles (invented places and people). Each case failed before the
rule it tests, but two guards that passed before too and keep the rule from cutting real names:
"Kessland" in a headline, and the title and compass word kept in a title-case headline.
"""

from __future__ import annotations

import pytest

from framing.types import CorpusReport, Naming

from naming_cases import forms_of, referents, report_of


def referent_with(report: CorpusReport, word: str) -> Naming:
    found = [n for n in report.naming if any(word in f.split() for f in forms_of(n))]
    assert len(found) == 1, [(n.referent, sorted(forms_of(n))) for n in report.naming]
    return found[0]


#: A headline in title case glues its verbs and nouns to the names ("Kessland Tariffs", "Dorvia Take
#: Effect"); the corpus writes those words in lower case or they are common English, never
#: capitalised in prose, so they are no part of a name.
HEADLINES = (
    ("a", "Alpha", "date 2025-03-04 Kessland Tariffs on Dorvia Take Effect; Dorvia Retaliates\n\n"
                   "The tariffs that Kessland set on Dorvia took effect on Tuesday. Dorvia answered with tariffs of its own."),
    ("b", "Beta", "Kessland Confirms Implementation of Tariffs on Dorvia\n\n"
                  "Kessland said the tariffs on Dorvia start on Tuesday. Officials in Dorvia were angry."),
    ("c", "Gamma", "Kessland puts tariffs on Dorvia\n\nThe tariffs on Dorvia start on Tuesday, Kessland said."),
)


@pytest.mark.parametrize("place", ["Kessland", "Dorvia"])
def test_naming_a_title_case_headline_keeps_only_the_name(place: str) -> None:
    found = referent_with(report_of(HEADLINES), place)
    assert forms_of(found) == {place}, sorted(forms_of(found))


def test_naming_a_title_case_headline_makes_no_referent_of_its_words() -> None:
    words = {w for forms in referents(report_of(HEADLINES)).values() for f in forms for w in f.split()}
    assert not words & {"Tariffs", "Take", "Effect", "Retaliates", "Confirms", "Implementation"}, sorted(words)


#: A title-case headline keeps a name's title and a two-word name the prose writes too.
TITLED = (
    ("a", "Alpha", "Prime Minister Ada Lind Vows Swift Response to North Dorvia\n\n"
                   "Prime Minister Ada Lind said North Dorvia would pay. Lind spoke on Monday."),
    ("b", "Beta", "The prime minister, Ada Lind, warned North Dorvia on Monday. Lind said the response would be swift."),
)


def test_naming_a_title_case_headline_keeps_titles_and_names_prose_capitalises() -> None:
    report = report_of(TITLED)
    assert "Prime Minister Ada Lind" in forms_of(referent_with(report, "Lind")), referents(report)
    assert forms_of(referent_with(report, "Dorvia")) == {"North Dorvia"}, referents(report)


#: "Following" opens a sentence before a name; the corpus never writes "following" in lower case.
#: It was kept as a name word ("Following Lind"), and "Lind" then linked to neither name.
OPENED = (
    ("a", "Alpha", "Kessland leader Ada Lind raised the levy on Monday. Following Lind's remarks, markets fell."),
    ("b", "Beta", "Ada Lind raised the levy. Lind said it would stay. Following Kessland's lead, Dorvia raised its own."),
)


def test_naming_a_listed_opener_is_no_name_word_even_if_never_written_in_lower_case() -> None:
    report = report_of(OPENED)
    person = referent_with(report, "Lind")
    assert {"Ada Lind", "Lind"} <= forms_of(person), referents(report)
    assert not any("Following" in f for forms in referents(report).values() for f in forms), referents(report)


def _person_forms(articles: tuple[tuple[str, str, str], ...], name: str) -> set[str]:
    report = report_of(articles)
    found = [forms for forms in referents(report).values() if any(f.endswith(name) for f in forms)]
    assert len(found) == 1, referents(report)
    return found[0]


#: A title without a name stands for the one person named with it: by a dotted country word ("The
#: U.S. president's"), at a sentence's start ("The"), or with an office word before the title ("his
#: treasury secretary") in an article that names no one with that title (another outlet names him).
#: The country words are real: the lexicon's country words are the point.
DESCRIBED = (
    ("dotted country at a sentence start",
     (("a", "Alpha", "U.S. President Ada Lind raised the levy on Monday. The U.S. president's move angered Dorvia."),
      ("b", "Beta", "President Ada Lind raised the levy on Monday, and Lind said it would stay.")),
     "Ada Lind", "The U.S. president"),
    ("office word, named in another outlet",
     (("a", "Alpha", "Treasury Secretary Ben Ode said the levy stays. Ode spoke in Kessland on Monday."),
      ("b", "Beta", "President Ada Lind said the levy stays, and his treasury secretary agreed in Kessland."),
      ("c", "Gamma", "Commerce Secretary Cy Vale and Treasury Secretary Ben Ode met in Kessland. Lind was away.")),
     "Ben Ode", "his treasury secretary"),
)


@pytest.mark.parametrize(("articles", "name", "form"), [c[1:] for c in DESCRIBED], ids=[c[0] for c in DESCRIBED])
def test_naming_a_title_without_a_name_joins_the_one_person_it_fits(
        articles: tuple[tuple[str, str, str], ...], name: str, form: str) -> None:
    assert form in _person_forms(articles, name)


#: Not linked: an everyday word before the title ("the new secretary"), or an office two people hold.
UNDESCRIBED = (
    (("a", "Alpha", "Treasury Secretary Ben Ode said the levy stays. Ode spoke in Kessland on Monday."),
     ("b", "Beta", "President Ada Lind said the levy stays, and the new secretary agreed in Kessland.")),
    (("a", "Alpha", "Treasury Secretary Ben Ode said the levy stays. Ode spoke in Kessland on Monday."),
     ("b", "Beta", "Treasury Secretary Cy Vale said the levy stays, and his treasury secretary agreed."),
     ("c", "Gamma", "President Ada Lind said the levy stays, and the treasury secretary agreed in Kessland.")),
)


@pytest.mark.parametrize("articles", UNDESCRIBED)
def test_naming_a_title_fitting_no_one_person_joins_nobody(articles: tuple[tuple[str, str, str], ...]) -> None:
    forms = {f for fs in referents(report_of(articles)).values() for f in fs}
    assert not {f for f in forms if "secretary" in f and f.split()[0] in {"the", "his", "The", "His"}}, forms


#: A page that lost the space after a full stop ("Lind.The"): the stop ends the name.
NO_SPACE = (
    ("a", "Alpha", "The summit ended with a press conference by Kessland President Ada Lind.The talks resume soon."),
    ("b", "Beta", "Kessland President Ada Lind spoke at the summit. Lind said the talks resume soon."),
)


def test_naming_a_full_stop_without_a_space_ends_the_name() -> None:
    report = report_of(NO_SPACE)
    assert "Kessland President Ada Lind" in forms_of(referent_with(report, "Lind")), referents(report)
    assert not any("Lind.The" in f for forms in referents(report).values() for f in forms), referents(report)


#: A name ending in a common noun ("Kessland Summit") holds that noun's lower-case uses too ("the
#: summit", "a three-day summit"): a word of a name was left to the name, which never took them.
NAMED_SUMMIT = (
    ("a", "Alpha", "The Kessland Summit opened in Dorvia on Monday. The three-day summit brings leaders together."),
    ("b", "Beta", "Leaders met in Dorvia for the Kessland Summit. The summit ends on Wednesday."),
    ("c", "Gamma", "A summit of leaders began in Dorvia. Officials said the summit would end on Wednesday."),
)


def test_naming_a_name_ending_in_a_common_noun_holds_its_lower_case_uses() -> None:
    report = report_of(NAMED_SUMMIT)
    summit = referent_with(report, "Summit")
    assert {"Kessland Summit", "summit", "three-day summit"} <= forms_of(summit), referents(report)
    assert set(summit.forms) == {"Alpha", "Beta", "Gamma"}, dict(summit.forms)


#: A title-case headline writes a thing's noun capitalised ("Kessland Levies ..."): a form of the thing,
#: unless the corpus capitalises the word in prose too (the "Grain Council" is a name).
HEADLINE_NOUNS = (
    ("a", "Alpha", "Kessland Levies on Dorvia Take Effect as Grain Council Objects\n\n"
                   "The levies on Dorvia took effect on Monday. The Grain Council said the levies hurt farmers."),
    ("b", "Beta", "The new levies that Kessland set on Dorvia began on Monday, and the council of farmers objected."),
)


def test_naming_a_title_case_headline_noun_is_a_form_of_its_thing() -> None:
    report = report_of(HEADLINE_NOUNS)
    levies = _forms_with_head(report, "levies")
    assert "Levies" in levies, referents(report)
    assert not any(f.endswith("Council") and f != "Grain Council" for forms in referents(report).values() for f in forms)


def _forms_with_head(report: CorpusReport, head: str) -> set[str]:
    found = [forms for forms in referents(report).values() if any(f.split()[-1].lower() == head for f in forms)]
    assert len(found) == 1, referents(report)
    return found[0]


#: "his country" after a person whose forms give a country is that country; with a full stop between
#: (another sentence) or with no country known, it is nobody's.
OWN_COUNTRY = (
    ("a", "Alpha", "Chilean President Ada Lind said his country would answer the levies on Monday."),
    ("b", "Beta", "Chile will answer the levies, President Ada Lind said. Lind spoke in Santiago. Ben Ode said his country waits."),
)


def test_naming_his_country_is_the_country_of_the_person_named_before_it() -> None:
    report = report_of(OWN_COUNTRY)
    chile = [forms for forms in referents(report).values() if "Chile" in forms]
    assert chile and "his country" in chile[0], referents(report)
    by_article = {m.article for n in report.naming for m in n.mentions if m.form == "his country"}
    assert by_article == {"a"}, referents(report)


def test_naming_reads_each_text_for_title_case_lines_once() -> None:
    # Cost (counted, not timed): asking per name re-read a one-line page for each of its names.
    from framing.naming_common import _title_case_lines

    line = " ".join(f"Ada Lind told Ben Ode{i} in Kessland that the levy stays." for i in range(200))
    articles = (("a", "Alpha", line), ("b", "Beta", line.replace("levy", "duty")))
    _title_case_lines.cache_clear()
    report_of(articles)
    info = _title_case_lines.cache_info()
    assert info.misses <= 2 * len(articles), info  # the cleaned texts (and at most one copy each)
    assert info.hits > 200, info


#: An ordinal and "annual" before a name are its descriptors ("the 16th annual Kessland Summit",
#: "the third Kessland Summit"), as "the three-day summit" is the summit's; a year is not.
ORDINALS = (
    ("a", "Alpha", "Leaders gathered in Dorvia for the 16th annual Kessland Summit on Monday. The summit ends on Wednesday."),
    ("b", "Beta", "The third Kessland Summit opened in Dorvia. Leaders said the Kessland Summit would end on Wednesday."),
    ("c", "Gamma", "In 2024 Kessland Summit leaders met in Dorvia. The summit ends on Wednesday."),
)


def test_naming_an_ordinal_before_a_name_is_a_descriptor() -> None:
    report = report_of(ORDINALS)
    summit = referent_with(report, "Summit")
    forms = forms_of(summit)
    assert {"16th annual Kessland Summit", "third Kessland Summit"} <= forms, sorted(forms)
    assert not any(f.startswith("2024") for f in forms), sorted(forms)


#: "The event" stands for the one named event of the corpus ("Kessland Summit"), in an article that
#: names it or its noun; "in the event of" is no event, and with two named events it is nobody's.
EVENT = (
    ("a", "Alpha", "Leaders gathered in Dorvia for the Kessland Summit on Monday. The event ends on Wednesday."),
    ("b", "Beta", "The Kessland Summit opened in Dorvia. The final day of the event is Wednesday. In the event of "
                  "rain the summit moves indoors."),
    ("c", "Gamma", "A Kessland Summit began in Dorvia. Officials said the summit would end on Wednesday."),
)


def test_naming_the_event_is_the_one_named_event() -> None:
    report = report_of(EVENT)
    summit = referent_with(report, "Summit")
    events = [(m.article, m.start) for m in summit.mentions if m.form == "event"]
    assert {a for a, _ in events} == {"a", "b"} and len(events) == 2, [(m.article, m.form) for m in summit.mentions]


def test_naming_in_the_event_that_is_no_event() -> None:
    # review, session 14: the pattern left out "the event of" only
    texts = (("a", "Alpha", "Leaders met at the Kessland Summit on Monday. In the event that talks fail, tariffs rise."),
             *EVENT[2:])
    summit = referent_with(report_of(texts), "Summit")
    assert not [m for m in summit.mentions if m.form == "event"], [(m.article, m.form) for m in summit.mentions]
