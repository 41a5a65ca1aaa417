"""Goods under several nouns, kept apart by where they come from (issue 15, session 14).

"Chinese goods", "Chinese products" and "Chinese imports" name one thing; "American goods" (what a
retaliation hits) is another. Table-driven on small made-up articles (invented places; the demonyms
are real, since the lexicon's country words are the point). Each case failed before the rule it
tests, but the guard, which keeps goods of two origins apart.
"""

from __future__ import annotations

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
