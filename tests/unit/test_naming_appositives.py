"""Descriptors in apposition: "X, Russia's top diplomat," and "X, his Turkish counterpart," (issue 15, session 14).

Table-driven on small made-up articles (invented people; the country words are real, since the
lexicon's country words are the point). Each case failed before the rule it tests, but the guards,
which keep a clause after a place's name from becoming its form.
"""

from __future__ import annotations

from collections import Counter

import pytest

from framing.types import CorpusReport

from naming_cases import report_of

TALKS = (
    ("a", "Alpha", "Russian Foreign Minister Ivan Orlov met Turkish Foreign Minister Kemal Aksu in Ankara. "
                   "Orlov, Russia's top diplomat, said the talks were useful. Aksu agreed."),
    ("b", "Beta", "Ivan Orlov held talks with Kemal Aksu, his Turkish counterpart, in Ankara on Monday. "
                  "Aksu said Russia was ready for more talks."),
    ("c", "Gamma", "Orlov met Aksu in Ankara. Aksu, the Turkish foreign minister, said Russia wants peace. "
                   "Orlov spoke to reporters in Ankara."),
)


def _mentions(report: CorpusReport, surname: str) -> list[tuple[str, str]]:
    found = [n for n in report.naming if n.referent.endswith(surname)]
    assert len(found) == 1, [n.referent for n in report.naming]
    return [(m.article, m.form) for m in found[0].mentions]


@pytest.mark.parametrize(("surname", "article", "form"), [
    ("Orlov", "a", "Russia's top diplomat"),
    ("Aksu", "b", "his Turkish counterpart"),
])
def test_naming_a_possessive_or_relational_appositive_is_a_form(surname: str, article: str, form: str) -> None:
    assert (article, form) in _mentions(report_of(TALKS), surname)


def test_naming_the_country_inside_an_appositive_stays_a_mention_of_the_country() -> None:
    report = report_of(TALKS)
    russia = [n for n in report.naming if n.referent == "Russia"]
    assert russia and any(m.article == "a" for m in russia[0].mentions), [n.referent for n in report.naming]


def test_naming_one_appositive_is_counted_once() -> None:
    # "Aksu, the Turkish foreign minister," was found twice: as Aksu's appositive and as a title
    # standing for the one Turkish foreign minister.
    counts = Counter(_mentions(report_of(TALKS), "Aksu"))
    assert counts[("c", "the Turkish foreign minister")] == 1, counts


#: A clause after a place's name is no appositive: "In Ankara, the minister said ...".
CLAUSES = (
    ("a", "Alpha", "Ivan Orlov flew to Ankara. In Ankara, the minister said the talks would go on. Orlov left."),
    ("b", "Beta", "Ivan Orlov was in Ankara. In Ankara, Orlov's deputy told reporters little. Orlov left on Monday."),
)


def test_naming_a_clause_after_a_place_is_no_appositive() -> None:
    report = report_of(CLAUSES)
    ankara = [n for n in report.naming if n.referent == "Ankara"]
    assert ankara, [n.referent for n in report.naming]
    assert {m.form for m in ankara[0].mentions} == {"Ankara"}, [m.form for m in ankara[0].mentions]


#: A possessive after a name's comma may open a clause that runs to the sentence's end (review, session 14).
CLAUSE_AFTER_NAME = (
    ("a", "Alpha", "Russian Foreign Minister Ivan Orlov met Kemal Aksu in Ankara. After the talks with Orlov, "
                   "Russia's exports grew."),
    ("b", "Beta", "Ivan Orlov held talks with Kemal Aksu in Ankara. After the meeting with Orlov, his deputy spoke."),
    ("c", "Gamma", "Orlov met Aksu in Ankara. Orlov, Russia's envoy, left early."),
)


def test_naming_a_clause_opening_with_a_possessive_is_no_appositive() -> None:
    forms = {form for _, form in _mentions(report_of(CLAUSE_AFTER_NAME), "Orlov")}
    assert "Russia's exports grew" not in forms and "his deputy spoke" not in forms, forms
    assert "Russia's envoy" in forms, forms  # closed by a comma: an aside, still a form
