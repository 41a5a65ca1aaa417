"""A government named without its country: "the administration" (issue 15, session 14).

Table-driven on small made-up articles (invented places and people; the country words are real,
since the lexicon's country words are the point). Each case failed before the rule it tests, but
the guards, which keep the rule from naming a country where the corpus ties the word to none or to
another.
"""

from __future__ import annotations

import pytest

from framing.types import CorpusReport

from naming_cases import report_of


def _forms_by_article(report: CorpusReport, referent: str) -> dict[str, set[str]]:
    found = [n for n in report.naming if n.referent == referent]
    assert len(found) == 1, [n.referent for n in report.naming]
    out: dict[str, set[str]] = {}
    for m in found[0].mentions:
        out.setdefault(m.article, set()).add(m.form)
    return out


#: "The administration said" and "senior administration officials", in a story whose corpus ties
#: "administration" to no country by name: news English means the US executive.
UNQUALIFIED = (
    ("a", "Alpha", "The United States put new levies on Kessland on Monday. The administration said the levies "
                   "would stay until Kessland stopped the shipments. Kessland officials were angry."),
    ("b", "Beta", "The US put levies on Kessland. The United States said the levies would stay. Kessland said "
                  "it would answer."),
    ("c", "Gamma", "Washington put levies on Kessland on Monday, and the US said they would stay. Senior "
                   "administration officials said talks could follow."),
)


@pytest.mark.parametrize("article", ["a", "c"])
def test_naming_the_administration_alone_is_the_us_government(article: str) -> None:
    forms = _forms_by_article(report_of(UNQUALIFIED), "United States")
    assert "administration" in forms.get(article, set()), forms


#: Where the corpus ties the word to one country ("the Lind administration", Lind being Chile's
#: president), "the administration" is that country's, not the US's.
TIED = (
    ("a", "Alpha", "Chilean President Ada Lind met US envoys on Monday. The Lind administration said the "
                   "copper levy stays. The administration will meet the US again."),
    ("b", "Beta", "President Ada Lind of Chile kept the copper levy, and the US objected. Lind said Chile "
                  "would not move."),
    ("c", "Gamma", "Chile kept its copper levy, the US said. Lind spoke in Santiago."),
)


def test_naming_the_administration_is_the_country_the_corpus_ties_it_to() -> None:
    report = report_of(TIED)
    chile = _forms_by_article(report, "Chile")
    assert "administration" in chile.get("a", set()), chile
    us = _forms_by_article(report, "United States")
    assert "administration" not in {f for fs in us.values() for f in fs}, us


#: Not a government: "the administration of" a thing, and a generic "a new administration".
NOT_GOVERNMENT = (
    ("a", "Alpha", "The United States put levies on Kessland. The administration of the port said ships "
                   "would wait. A new administration could change that."),
    ("b", "Beta", "The US put levies on Kessland, and the United States said they would stay."),
)


def test_naming_the_administration_of_a_thing_is_no_government() -> None:
    forms = _forms_by_article(report_of(NOT_GOVERNMENT), "United States")
    assert "administration" not in forms.get("a", set()), forms


#: A compass word before a demonym ("North American", "South American") is a region's adjective,
#: like the demonym alone: no referent. "North Korea" (a country's name) stays a place.
REGION_ADJECTIVES = (
    ("a", "Alpha", "Canada and Mexico face new levies. Firms integrate North American supply chains. "
                   "North Korea was not named. Canada said it would answer."),
    ("b", "Beta", "There is no delay for the two North American countries, Kessland said. Mexico and Canada "
                  "will answer, and North Korea too."),
    ("c", "Gamma", "Canada and Mexico were hit. South American and North American markets fell. Mexico said "
                   "it was calm; North Korea said nothing."),
)


def test_naming_a_compass_word_before_a_demonym_names_no_referent() -> None:
    report = report_of(REGION_ADJECTIVES)
    names = {n.referent for n in report.naming}
    assert not {"North American", "South American"} & names, names
    assert "North Korea" in names, names


#: "The group" stands for the one intergovernmental group the article names (BRICS, the G7, the
#: G20: `body_descriptors`), as "the bloc" does for the EU; beside two such groups it is nobody's.
GROUP = (
    ("a", "Alpha", "BRICS leaders met in Kessland on Monday. The group's plans for a new bank were discussed. "
                   "Kessland hosted BRICS for the first time."),
    ("b", "Beta", "BRICS opened its meeting in Kessland. Officials said the group would grow. Dorvia joined BRICS."),
    ("c", "Gamma", "BRICS and the G7 both met this week. The group said trade would grow. BRICS met in Kessland."),
)


def test_naming_the_group_is_the_one_intergovernmental_group_the_article_names() -> None:
    forms = _forms_by_article(report_of(GROUP), "BRICS")
    assert "group" in forms.get("a", set()) and "group" in forms.get("b", set()), forms
    assert "group" not in forms.get("c", set()), forms
