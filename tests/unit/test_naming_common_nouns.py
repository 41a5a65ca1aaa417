"""Naming rules for things named without a capital letter, and forms a reader would not list (issue 15).

Table-driven on small made-up articles (invented places and people; real country words only where
the lexicon's country words are the point). Each case failed before the rule it tests
(``naming_words.json`` 1.3.0).
"""

from __future__ import annotations

import pytest

from framing.naming_aliases import load_naming_words
from framing.types import CorpusReport

from naming_cases import report_of, referents

#: A truce three outlets name with two nouns, never with a modifier both share.
TRUCE = (
    ("a", "Alpha", "Kessland and Norvania agreed to a ceasefire on Saturday after four days of fighting. The "
                   "ceasefire took effect at 5 pm. Foreign minister Ada Lind said the truce would hold."),
    ("b", "Beta", "Kessland and Norvania announced a full and immediate ceasefire on Saturday. The truce was "
                  "brokered by Ruritania. Foreign Minister Ada Lind welcomed the ceasefire."),
    ("c", "Gamma", "A ceasefire between Kessland and Norvania began on Saturday, ending the worst fighting in "
                   "years. Lind said the truce was fragile."),
)

#: Export bans three outlets list in the same words, a demonym before a non-noun, a shared time phrase.
BANS = (
    ("a", "Alpha", "Kessland banned exports of specific electronic components to Norway on Monday. Officials "
                   "cited open nuclear threats. Norwegian fishermen protested. Sales of steel products to "
                   "third countries also end. Trade fell last year."),
    ("b", "Beta", "Kessland will no longer sell specific electronic components to Norway, citing open nuclear "
                  "threats. Steel products to third countries are banned as well. Trade fell last year."),
    ("c", "Gamma", "The ban on specific electronic components hits Norway. Kessland said open nuclear threats left "
                   "it no choice. Oslo said little. Trade fell last year."),
)

#: A visit three outlets name, the verb "to visit" beside it, one outlet's title-case headline, and two
#: outlets naming a person by different descriptors in one aligned fact.
VISIT = (
    ("a", "Alpha", "Kessland Plans State Visit\n\nPrime Minister Ada Lind invited Bo Tran for a state visit in "
                   "May. Tran is expected to visit the port of Velm. Kessland's leader Ada Lind smiled."),
    ("b", "Beta", "Prime Minister Ada Lind invited Bo Tran for a state visit in May. The visit will include "
                  "Velm. Kessland's premier Ada Lind smiled."),
    ("c", "Gamma", "Bo Tran accepted a state visit to Kessland in May, the first visit in years. Lind smiled."),
)


#: A bloc named by its class noun, beside a second body the noun cannot stand for; then beside two it can.
BLOC = (
    ("a", "Alpha", "The EU adopted new sanctions on Kessland. The G7 welcomed them. Kessland officials may "
                   "not travel to the bloc. Kessland said Russian weapons were not involved."),
    ("b", "Beta", "The European Union adopted sanctions on Kessland. The 27-nation bloc acted fast. Russian "
                  "weapons were not named."),
    ("c", "Gamma", "The EU and Mercosur signed a deal. Kessland said the bloc was unfair."),
)


#: A sentence opened by an everyday word right before a name ("Despite Kessland Guard ...").
OPENER = (
    ("a", "Alpha", "Despite Kessland Guard patrols, the boats reached the reef. The Kessland Guard left."),
    ("b", "Beta", "The boats reached the reef despite the Kessland Guard. Kessland Guard ships turned back."),
)


@pytest.mark.parametrize(
    ("articles", "referent", "form"),
    [
        (TRUCE, "ceasefire", "truce"),  # two nouns of one synonym group, each written alone: a naming choice
        (TRUCE, "ceasefire", "full and immediate ceasefire"),  # "full" is a stop word that modifies
        (BANS, "components", "specific electronic components"),  # one phrase in every outlet is a referent too
        (BANS, "threats", "open nuclear threats"),  # the shared words before the head belong to the form
        (BANS, "countries", "third countries"),  # "countries" counts under "country", not "countrie"
        (VISIT, "visit", "state visit"),  # a one-outlet headline "State Visit" leaves the words to the noun
        (BLOC, "EU", "bloc"),  # the one bloc the article names (the G7 is no bloc)
        (BLOC, "EU", "27-nation bloc"),
        (BLOC, "weapons", "Russian weapons"),  # a demonym may open a shared phrase
        (OPENER, "Kessland Guard", "Kessland Guard"),
    ],
)
def test_naming_common_noun_referent_has_form(articles: tuple[tuple[str, str, str], ...], referent: str,
                                              form: str) -> None:
    found = referents(report_of(articles))
    assert referent in found, sorted(found)
    assert form in found[referent]


@pytest.mark.parametrize(
    ("articles", "referent", "form"),
    [
        (BANS, "Norway", "Norwegian"),  # a demonym names no country ("Norwegian fishermen")
        (VISIT, "visit", "visit the port"),  # guard: forms never run past the head
        (VISIT, "visit", "expected to visit"),
        (OPENER, "Kessland Guard", "Despite Kessland Guard"),  # a sentence's first word is no descriptor
    ],
)
def test_naming_form_is_not_listed(articles: tuple[tuple[str, str, str], ...], referent: str, form: str) -> None:
    found = referents(report_of(articles))
    assert form not in found.get(referent, set())


def test_naming_class_noun_beside_two_bodies_it_fits_is_nobodys() -> None:
    report = report_of(BLOC)
    naming = next(n for n in report.naming if n.referent == "EU")
    assert [m.article for m in naming.mentions if m.form == "bloc"] == ["a"]


def test_naming_verb_after_to_is_no_mention_of_the_noun() -> None:
    report = report_of(VISIT)
    naming = next(n for n in report.naming if n.referent == "visit")
    text_of = {a.id: a.text for a in report.articles}
    assert all(text_of[m.article][max(0, m.start - 3) : m.start] != "to " for m in naming.mentions)


@pytest.mark.parametrize("articles", [TRUCE, BANS, VISIT])
def test_naming_no_referent_is_a_time_word_or_a_pair_of_titles(articles: tuple[tuple[str, str, str], ...]) -> None:
    words = load_naming_words()
    for referent in referents(report_of(articles)):
        assert referent.lower() not in words.non_referent_heads, referent
        parts = [p.split()[-1] for p in referent.split(" / ")]
        assert not (len(parts) > 1 and all(p in words.titles for p in parts)), referent


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("Norwegian", True), ("South Korean", True), ("Filipino", True), ("Thai", True),
     ("Norway", False), ("Britain", False), ("US", False), ("Tehran", False), ("Kremlin", False), ("Kessland", False)],
)
def test_naming_words_demonym(phrase: str, expected: bool) -> None:
    assert load_naming_words().demonym(phrase) is expected


def test_naming_title_opening_a_sentence_stays_in_the_form() -> None:
    """Only listed openers ("Despite") leave a form: "Foreign minister" at a sentence's start is a descriptor."""
    found = referents(report_of(TRUCE))
    forms = next(f for r, f in found.items() if "Lind" in r)
    assert "Foreign minister Ada Lind" in forms


#: A phone call three outlets report: "phone" always before "call" (a stop-list noun), a quoted pair of
#: adjectives after "a", and a claim's "significant progress" shared word for word.
CALL = (
    ("a", "Alpha", "Ada Lind and Bo Tran held a phone call on Monday. Lind said there had been significant "
                   "progress on trade. The phone call lasted an hour. Lind said both sides keep the agreements "
                   "“current and accurate” under a “current and accurate” framework."),
    ("b", "Beta", "The phone call between Ada Lind and Bo Tran came on Monday. Tran said both sides keep the "
                  "agreements “current and accurate” and saw significant progress. Tran spoke on the phone "
                  "from Velm."),
    ("c", "Gamma", "Lind and Tran spoke in a phone call on Monday, their first phone call this year. The call "
                   "covered trade, and Tran said the agreements were kept current."),
)


@pytest.mark.parametrize(
    ("articles", "word"),
    [
        (CALL, "phone"),  # mostly before "call", a noun the stop list has: a modifier, no referent
        (CALL, "progress"),  # a claim's abstract noun names no thing (naming_words 1.4.0)
    ],
)
def test_naming_junk_word_heads_no_referent(articles: tuple[tuple[str, str, str], ...], word: str) -> None:
    found = referents(report_of(articles))
    assert not any(word in r.lower().split() for r in found), sorted(found)


@pytest.mark.parametrize(
    ("text", "word", "noun"),
    [
        ("They agreed on a \u201ccurrent and accurate\u201d framework.", "current", False),  # a quotation opens
        ('They kept a "current" view.', "current", False),
        ("They read the current report.", "current", True),  # next to the determiner: taken, as before
        ("They held the phone call.", "phone", True),
        ("They met the Kessland \u201cenvoy\u201d.", "envoy", False),  # also past one capitalised modifier
    ],
)
def test_naming_noun_like_needs_the_word_next_to_its_determiner(text: str, word: str, noun: bool) -> None:
    from types import SimpleNamespace

    from framing.naming import _noun_like

    assert (word in _noun_like([SimpleNamespace(text=text)])) is noun  # type: ignore[list-item]


#: A deal three outlets name as "ceasefire deal" / "ceasefire agreement" and by each noun alone, beside
#: a "submarine deal" (a submarine is no event noun: the boats stay their own referent).
DEAL = (
    ("a", "Alpha", "Kessland and Norvania reached a ceasefire deal on Sunday. The ceasefire takes effect at noon. "
                   "Lind said the deal would hold. The talks also touched a submarine deal; the submarines are old."),
    ("b", "Beta", "Kessland and Norvania signed a ceasefire agreement on Sunday. Under the agreement the truce "
                  "starts at noon. The submarine deal is separate, and the submarines stay in port."),
    ("c", "Gamma", "A ceasefire deal between Kessland and Norvania was agreed on Sunday. The ceasefire begins at "
                   "noon, and the submarines stay in port."),
)
#: The same deal where only one outlet writes the two nouns together: the ceasefire and the deal stay two.
DEAL_ONCE = (
    ("a", "Alpha", "Kessland and Norvania reached a ceasefire deal on Sunday. The full ceasefire takes effect at "
                   "noon."),
    ("b", "Beta", "Kessland and Norvania signed an agreement on Sunday. The ceasefire starts at noon."),
    ("c", "Gamma", "An agreement between Kessland and Norvania was reached on Sunday. The ceasefire begins at noon, "
                   "a partial ceasefire at first."),
)


def _referent_with(report: CorpusReport, form: str) -> set[str]:
    return {r for r, forms in referents(report).items() if form in forms}


@pytest.mark.parametrize(
    ("articles", "first", "second", "same"),
    [
        (DEAL, "ceasefire", "agreement", True),  # "ceasefire deal" in two outlets: the ceasefire alone is the deal
        (DEAL, "truce", "deal", True),  # a synonym of the first noun joins too
        (DEAL, "ceasefire deal", "ceasefire agreement", True),
        (DEAL_ONCE, "ceasefire", "agreement", False),  # one outlet's compound joins nothing
    ],
)
def test_naming_event_nouns_written_together_are_one_referent(articles: tuple[tuple[str, str, str], ...],
                                                             first: str, second: str, same: bool) -> None:
    report = report_of(articles)
    a, b = _referent_with(report, first), _referent_with(report, second)
    assert a and b, sorted(referents(report))
    assert bool(a & b) is same, (a, b)


def test_naming_non_event_noun_before_a_deal_stays_a_modifier() -> None:
    """'submarine deal': a submarine is no event noun, so 'the submarines' are no form of the deal."""
    deal = next(forms for r, forms in referents(report_of(DEAL)).items() if "ceasefire deal" in forms)
    assert "submarine deal" in deal
    assert not {"submarine", "submarines"} & deal, deal


def test_naming_event_compound_counts_once() -> None:
    """'ceasefire deal' is one mention of the deal, not also a mention 'ceasefire' inside it."""
    report = report_of(DEAL)
    naming = next(n for n in report.naming if "ceasefire deal" in {f for c in n.forms.values() for f in c})
    spans = sorted((m.article, m.start, m.end) for m in naming.mentions)
    assert all(not (x[0] == y[0] and y[1] < x[2]) for x, y in zip(spans, spans[1:])), spans


def test_list_separators_start_only_at_a_run_of_spaces() -> None:
    # review, session 14: "\s+(?:and|or)\s+" unanchored tried every position of a run of spaces, so
    # 40,000 spaces in one article took 16 CPU s in common_mentions (quadratic); one attempt per run now
    from framing.naming_common import _LIST_SEPARATOR

    assert [m.span() for m in _LIST_SEPARATOR.finditer("coal     and steel, iron, or zinc")] == [(4, 13), (18, 20), (24, 29)]
    assert _LIST_SEPARATOR.match("coal     and steel", 6) is None  # never from inside a run (matched before)
    assert _LIST_SEPARATOR.split("coal" + " " * 50_000 + "x") == ["coal" + " " * 50_000 + "x"]
