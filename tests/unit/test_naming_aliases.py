"""Naming: aliases of one referent are one table (issue 15 naming target), on small articles we wrote."""

from __future__ import annotations

import pytest

from framing.pipeline import analyze_articles
from framing.types import Article


def _naming(*texts: str) -> dict[str, dict[str, dict[str, int]]]:
    articles = [Article(id=f"a{i}", outlet=f"Outlet {i}", title="t", text=t) for i, t in enumerate(texts)]
    report = analyze_articles(articles)
    return {n.referent: {o: dict(c) for o, c in n.forms.items()} for n in report.naming}


def _forms(table: dict[str, dict[str, int]]) -> set[str]:
    return {form for cell in table.values() for form in cell}


CASES = [
    ("capital and country", ("Beijing said on Monday that the talks would go on next week.",
                             "China said on Monday that the talks would go on next week."), "China", {"Beijing", "China"}),
    ("acronym in brackets", ("The Harbour Patrol Service (HPS) said its boats left the port on Sunday. The HPS said so.",
                             "Officials of the Harbour Patrol Service said its boats left the port on Sunday."),
     "Harbour Patrol Service", {"HPS", "Harbour Patrol Service"}),
    ("demonym institution", ("The Chinese coastguard said it had warned the boats on Sunday near the reef.",
                             "The China Coast Guard said it had warned the boats on Sunday near the reef."),
     "China Coast Guard", {"Chinese coastguard", "China Coast Guard"}),
    ("cue phrase alias", ("Boats reached Lantern Reef on Sunday, officials said. Lantern Reef lies far offshore.",
                          "Boats reached Dragon Reef on Sunday, using the local name for Lantern Reef."),
     "Lantern Reef", {"Lantern Reef", "Dragon Reef"}),
]


@pytest.mark.parametrize(("texts", "referent", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_aliases_are_one_referent(texts: tuple[str, ...], referent: str, expected: set[str]) -> None:
    naming = _naming(*texts)
    holder = next((r for r, table in naming.items() if expected & _forms(table)), None)
    assert holder is not None, naming
    assert expected <= _forms(naming[holder]), naming


def test_descriptor_without_name_is_the_person_it_describes() -> None:
    naming = _naming(
        "Chinese President Wen Bao met Prime Minister Lars Holm on Monday. Holm thanked his Chinese counterpart.",
        "Chinese leader Wen Bao met Prime Minister Lars Holm on Monday in the capital.",
    )
    wen = next(table for referent, table in naming.items() if "Bao" in referent)
    assert "his Chinese counterpart" in _forms(wen)


def test_unrelated_names_stay_apart() -> None:
    naming = _naming("Lantern Reef and Dragon Reef are both far offshore, officials said on Sunday.",
                     "Lantern Reef and Dragon Reef were both visited by boats on Sunday.")
    together = [r for r, table in naming.items() if {"Lantern Reef", "Dragon Reef"} <= _forms(table)]
    assert together == []
