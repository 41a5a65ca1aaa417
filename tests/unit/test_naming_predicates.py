"""A predicate noun phrase that characterises a name is a form of it (issue 15 item 3, session 15).

The labelling rules count one ("X called the pact 'the finest ...'"; "BRICS is an intergovernmental
association"): a teacher compares "an intergovernmental association" with another outlet's "the bloc".
Table-driven on small made-up articles (invented bodies and people). Each case failed before the rule.
"""

from __future__ import annotations

import pytest

from naming_cases import forms_of, report_of


def _with(sentence: str) -> tuple[tuple[str, str, str], ...]:
    return (
        ("a", "Alpha", f"Leaders of the KTA met in Lindia on Monday. {sentence} The KTA meets again in May."),
        ("b", "Beta", "The KTA summit opened in Lindia. The KTA has nine members."),
        ("c", "Gamma", "Nine KTA members met in Lindia. The KTA will meet again in May."),
    )


@pytest.mark.parametrize(("sentence", "form"), [
    ("The KTA is an intergovernmental association founded in 1999.", "intergovernmental association"),
    ("The KTA is a loose trade club, its critics say.", "loose trade club"),
    ("Ada Lind called the KTA “the finest regional partnership in decades.”", "finest regional partnership"),
])
def test_naming_a_predicate_noun_phrase_is_a_form_of_the_name(sentence: str, form: str) -> None:
    kta = next(n for n in report_of(_with(sentence)).naming if "KTA" in forms_of(n))
    assert form in forms_of(kta), sorted(forms_of(kta))


@pytest.mark.parametrize("sentence", [
    "The KTA is a member of the trade council.",  # "member of": what it belongs to, no characterisation
    "The KTA is to meet in May.",
    "The KTA is the first to act.",
])
def test_naming_no_predicate_form_where_none_characterises(sentence: str) -> None:
    kta = next(n for n in report_of(_with(sentence)).naming if "KTA" in forms_of(n))
    assert all("KTA" in f or f.startswith(("the ", "The ")) for f in forms_of(kta)), sorted(forms_of(kta))


def test_naming_no_predicate_form_for_a_name_inside_the_subject() -> None:
    """The name is inside the subject ("goods from the KTA"): the predicate characterises the goods."""
    kta = next(n for n in report_of(_with("Steel from the KTA is a clear danger to Lindia.")).naming
               if "KTA" in forms_of(n))
    assert "clear danger" not in forms_of(kta), sorted(forms_of(kta))
