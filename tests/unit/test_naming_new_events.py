"""Naming rules read off the misses of the WTO complaints and EU sanctions dev events (issue 15, session 10).

Table-driven on small made-up articles (invented bodies, people and places; real country words only
where the lexicon's country words are the point). Each case failed before the rule it tests
(``naming_words.json`` 1.5.0).
"""

from __future__ import annotations

import pytest

from framing.types import CorpusReport

from naming_cases import report_of, referents

#: A body named in full with its acronym in brackets (one outlet after a possessive), a ministry named
#: "of" its field, an extra levy written with a number in front and under two nouns, a complaint
#: called a lawsuit.
COMPLAINT = (
    ("a", "Alpha", "Kessland has filed a complaint with the Grain Trade Council (GTC) against an additional "
                   "10-percent tariff on its wheat, the Ministry of Fisheries (MOF) said. Grain trade fell. "
                   "The complaint is the first at the GTC, an MOF spokesperson said."),
    ("b", "Beta", "Kessland took its complaint to the GTC over an additional 10% tariff on wheat, the Ministry of "
                  "Fisheries announced. A spokesperson for the ministry said the tariff broke the rules."),
    ("c", "Gamma", "Kessland has filed a lawsuit via the Grain Trade Council's (GTC) panel over the new duty, "
                   "a 1,000-for-1,000 swap of quotas and the 12-member panel. The lawsuit follows the tariff."),
)


def _referent_with(report: CorpusReport, form: str) -> set[str]:
    return {r for r, forms in referents(report).items() if form in forms}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Grain Trade Council", "GTC"),  # the name its acronym spells is one name, not "Council"
        ("Ministry of Fisheries", "MOF"),  # an institution's noun runs through "of", though a speaker role
        ("additional 10-percent tariff", "additional 10% tariff"),  # a number joined to a word modifies
        ("tariff", "new duty"),  # "duty" is a synonym head of "tariff"
        ("complaint", "lawsuit"),  # and "lawsuit" of "complaint"
    ],
)
def test_naming_joins_a_body_its_acronym_and_synonym_heads(first: str, second: str) -> None:
    report = report_of(COMPLAINT)
    a, b = _referent_with(report, first), _referent_with(report, second)
    assert a and b, sorted(referents(report).items())
    assert a & b, (a, b)


@pytest.mark.parametrize("form", ["Grain Trade Council", "Ministry of Fisheries", "additional 10-percent tariff"])
def test_naming_keeps_the_whole_form(form: str) -> None:
    assert _referent_with(report_of(COMPLAINT), form), sorted(referents(report_of(COMPLAINT)).items())


def test_naming_no_referent_is_the_last_word_of_a_longer_name() -> None:
    """'Council' and 'Fisheries' alone were referents of their own beside the bodies' acronyms."""
    found = referents(report_of(COMPLAINT))
    assert not {"Council", "Fisheries", "Trade Council"} & set(found), sorted(found)


#: Two countries joined by a hyphen ("China-Japan"), beside a compound that names no country pair.
PAIR = (
    ("a", "Alpha", "China-Japan trade fell in May, China said. Japan blamed the Indo-Pacific shipping lanes."),
    ("b", "Beta", "China and Japan saw trade fall in May. The Indo-Pacific lanes were blamed by Japan."),
    ("c", "Gamma", "Japan said China-Japan talks would resume. China agreed."),
)


@pytest.mark.parametrize(
    ("referent", "outlet", "count"),
    [
        ("China", "Alpha", 2),  # "China-Japan" names China ...
        ("Japan", "Alpha", 2),  # ... and Japan
        ("China", "Gamma", 2),
        ("Japan", "Gamma", 2),
    ],
)
def test_naming_countries_joined_by_a_hyphen_are_each_named(referent: str, outlet: str, count: int) -> None:
    report = report_of(PAIR)
    naming = next(n for n in report.naming if n.referent == referent)
    assert sum(naming.forms.get(outlet, {}).values()) == count, naming.forms
    assert not any("-" in r and r != "Indo-Pacific" for r in referents(report)), sorted(referents(report))


#: A source named by a title alone in every outlet (one outlet's words differ), beside a title that stands
#: before a name, and a thing named with a noun ending in -ly.
SPOKESPERSON = (
    ("a", "Alpha", "Kessland will appeal the grain ruling, a ministry spokesperson said on Monday. The spokesperson "
                   "said the ruling hurt global supply chains. Foreign Minister Ada Lind agreed."),
    ("b", "Beta", "Kessland plans an appeal, the spokesperson for the ministry said. The ruling disrupts global "
                  "supply chains, the spokesperson added. Lind said little."),
    ("c", "Gamma", "An appeal is coming, said a spokesman. Minister Ada Lind called it fair, fully aware of the "
                   "stakes for the war-torn region."),
)
#: The same, but one outlet names the spokesman ("spokesman Bo Tran"): the title is a named person's.
NAMED_SPOKESMAN = (
    ("a", "Alpha", "Kessland will appeal the grain ruling, a ministry spokesperson said on Monday."),
    ("b", "Beta", "Kessland plans an appeal, the spokesperson said."),
    ("c", "Gamma", "An appeal is coming, said spokesman Bo Tran. Tran smiled."),
)
#: A war three outlets name by three nouns.
WAR = (
    ("a", "Alpha", "Kessland condemned the full-scale invasion of Norvania on Monday. The invasion began in May."),
    ("b", "Beta", "Kessland condemned the illegal war against Norvania on Monday. The war began in May."),
    ("c", "Gamma", "Kessland condemned the conflict in Norvania on Monday. The conflict began in May."),
)


#: A sanctions package one outlet calls "the new measures".
MEASURES = (
    ("a", "Alpha", "Kessland adopted a ninth sanctions package on Monday. The package bans grain."),
    ("b", "Beta", "Kessland approved new sanctions on Monday, a sanctions package that bans grain."),
    ("c", "Gamma", "Kessland adopted new measures on Monday. The new measures ban grain."),
)


@pytest.mark.parametrize(
    ("articles", "first", "second"),
    [
        (MEASURES, "new measures", "ninth sanctions package"),  # "measures" is a synonym head of "sanctions"
        (SPOKESPERSON, "ministry spokesperson", "spokesman"),  # a title alone is one unnamed source
        (SPOKESPERSON, "ministry spokesperson", "spokesperson"),
        (SPOKESPERSON, "global supply chains", "global supply chains"),  # "supply" ends in -ly: no adverb
        (WAR, "full-scale invasion", "illegal war"),  # war nouns are synonym heads
        (WAR, "conflict", "war"),
    ],
)
def test_naming_finds_unnamed_sources_and_synonym_things(articles: tuple[tuple[str, str, str], ...],
                                                        first: str, second: str) -> None:
    report = report_of(articles)
    a, b = _referent_with(report, first), _referent_with(report, second)
    assert a and b, sorted(referents(report).items())
    assert a & b, (a, b)


def test_naming_title_before_a_name_is_no_unnamed_source() -> None:
    """'spokesman Bo Tran': where an outlet names the title's holder, the title is left to the names."""
    found = referents(report_of(NAMED_SPOKESMAN))
    assert not any(r.startswith("the spokes") for r in found), sorted(found)


@pytest.mark.parametrize(("word", "adverb"), [("fully", True), ("reportedly", True), ("supply", False),
                                             ("family", False), ("assembly", False)])
def test_naming_adverb_in_ly_is_told_from_a_noun(word: str, adverb: bool) -> None:
    from framing.naming_common import _adverb

    assert _adverb(word) is adverb


#: Rules and members of a body named by its initials (a country's initials are no body), and one act of a
#: government named by four nouns.
BODY_RULES = (
    ("a", "Alpha", "Kessland said the levy violated GTC rules. The US decision to impose it was wrong, and so say "
                   "other GTC members. The move hurts trade."),
    ("b", "Beta", "Kessland said the levy broke GTC rules and urged the US to correct its actions. GTC members "
                  "were silent. US officials left."),
    ("c", "Gamma", "The US imposition of the levy breaks GTC rules, Kessland said. The step was unilateral. US "
                   "officials disagreed."),
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("GTC rules", "GTC rules"),  # an initialism before a noun two outlets share names a thing of the body
        ("GTC members", "GTC members"),
        ("US decision", "actions"),  # act nouns of one government are one referent (a form keeps its owner)
        ("US decision", "US imposition"),
        ("move", "step"),
    ],
)
def test_naming_reads_a_body_s_things_and_one_act_under_its_nouns(first: str, second: str) -> None:
    report = report_of(BODY_RULES)
    a, b = _referent_with(report, first), _referent_with(report, second)
    assert a and b, sorted(referents(report).items())
    assert a & b, (a, b)


def test_naming_a_country_s_initials_make_no_body_phrase() -> None:
    """'US officials' is a mention of the US, never a phrase naming a thing of a body."""
    found = referents(report_of(BODY_RULES))
    assert not any("US officials" in forms for forms in found.values()), sorted(found.items())


#: A country word before a title in a name's run ("US President ..."), a demonym before a title, and a
#: country word inside an institution's name.
TITLED = (
    ("a", "Alpha", "US President Ada Lind met Kessland's leader on Monday. The United States said little."),
    ("b", "Beta", "UK Prime Minister Bo Tran and US President Ada Lind spoke. The US and the UK agreed. "
                  "Indian Foreign Secretary Cy Ray left."),
    ("c", "Gamma", "Lind, the US president, met Tran. Britain and the UK Coast Guard said nothing. Ray left."),
)


@pytest.mark.parametrize(
    ("referent", "outlet", "count"),
    [
        ("United States", "Alpha", 2),  # "US" of "US President Ada Lind" is a mention of the US too
        ("United States", "Beta", 2),
        ("United Kingdom", "Beta", 2),  # before a two-word title ("Prime Minister")
    ],
)
def test_naming_a_country_before_a_title_is_named(referent: str, outlet: str, count: int) -> None:
    report = report_of(TITLED)
    naming = next(n for n in report.naming if n.referent == referent)
    assert sum(naming.forms.get(outlet, {}).values()) == count, naming.forms


def test_naming_a_demonym_before_a_title_names_no_country() -> None:
    assert not any(n.referent == "India" for n in report_of(TITLED).naming)


#: Adjectives made of a name and a hyphen: a country's ("US-led"), an initialism's ("GTC-ready"), a demonym's.
LED = (
    ("a", "Alpha", "A US-led force reached Kessland. The GTC sent observers. Russian-made guns were found."),
    ("b", "Beta", "The US said its force reached Kessland, where GTC-ready ports wait."),
    ("c", "Gamma", "Kessland welcomed the force and the GTC. The US was silent."),
)


@pytest.mark.parametrize(("referent", "outlet", "form"), [("United States", "Alpha", "US"), ("GTC", "Beta", "GTC")])
def test_naming_a_name_before_a_hyphen_is_named(referent: str, outlet: str, form: str) -> None:
    naming = next(n for n in report_of(LED).naming if n.referent == referent)
    assert form in naming.forms.get(outlet, {}), naming.forms
    assert not any(n.referent == "Russia" for n in report_of(LED).naming)
