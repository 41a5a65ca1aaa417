"""Goods under several nouns, kept apart by where they come from, and things only listed (issue 15, session 14).

"Chinese goods", "Chinese products" and "Chinese imports" name one thing; "American goods" (what a
retaliation hits) is another. Table-driven on small made-up articles (invented places; the demonyms
are real, since the lexicon's country words are the point). Each case failed before the rule it
tests, but the guard, which keeps goods of two origins apart.
"""

from __future__ import annotations

import pytest

from framing.types import CorpusReport, Naming

from naming_cases import forms_of, report_of

TRADE = (
    ("a", "Alpha", "Kessland put a 20% levy on Chinese goods on Tuesday. Beijing answered with a levy on "
                   "American goods worth $10 billion. Markets in Kessland fell."),
    ("b", "Beta", "Kessland's 20% levy on Chinese products took effect on Tuesday. China hit back with a levy "
                  "on American goods, and markets in Kessland fell."),
    ("c", "Gamma", "A 20% levy on Chinese imports began in Kessland on Tuesday. Beijing said Chinese goods "
                   "were treated unfairly. Markets in Kessland fell."),
)


def _with_form(report: CorpusReport, form: str) -> list[Naming]:
    return [n for n in report.naming if form in forms_of(n)]


def test_naming_goods_of_one_origin_under_several_nouns_are_one_referent() -> None:
    report = report_of(TRADE)
    found = _with_form(report, "Chinese goods")
    assert len(found) == 1, [(n.referent, sorted(forms_of(n))) for n in report.naming]
    assert {"Chinese goods", "Chinese products", "Chinese imports"} <= forms_of(found[0]), sorted(forms_of(found[0]))


def test_naming_goods_of_another_origin_are_another_referent() -> None:
    report = report_of(TRADE)
    american = _with_form(report, "American goods")
    chinese = _with_form(report, "Chinese goods")
    assert american and chinese and american[0].referent != chinese[0].referent, \
        [(n.referent, sorted(forms_of(n))) for n in report.naming]


#: Things only ever listed ("coal", "plastics" on an export list) are referents when two outlets list
#: them, though nobody modifies them; a word listed by one outlet only is none.
LISTS = (
    ("a", "Alpha", "Kessland adopted new export bans on Monday. The bans cover coal, plastics, timber and "
                   "copper wire. Dorvia called the bans unfair."),
    ("b", "Beta", "The new export bans of Kessland hit coal, rubber and plastics, officials said. Dorvia "
                  "protested against the bans."),
    ("c", "Gamma", "Kessland's export bans took effect. Coal traders in Dorvia were worried."),
)


@pytest.mark.parametrize("thing", ["coal", "plastics"])
def test_naming_a_thing_two_outlets_list_is_a_referent(thing: str) -> None:
    report = report_of(LISTS)
    assert _with_form(report, thing), [(n.referent, sorted(forms_of(n))) for n in report.naming]


@pytest.mark.parametrize("thing", ["timber", "rubber"])
def test_naming_a_thing_one_outlet_lists_is_no_referent(thing: str) -> None:
    report = report_of(LISTS)
    assert not _with_form(report, thing), [(n.referent, sorted(forms_of(n))) for n in report.naming]


#: A statement's list of abstractions ("peace, freedom and cooperation") names no thing.
ABSTRACT = (
    ("a", "Alpha", "Kessland leaders met in Dorvia. They spoke of peace, freedom and cooperation. Dorvia agreed."),
    ("b", "Beta", "Leaders of Kessland praised freedom, cooperation and unilateralism in Dorvia on Monday."),
)


def test_naming_a_list_of_abstractions_names_no_thing() -> None:
    report = report_of(ABSTRACT)
    found = {f for n in report.naming for f in forms_of(n)}
    assert not found & {"freedom", "cooperation", "unilateralism"}, sorted(found)
