"""A surname two full names share goes to the one the corpus names most (issue 15 item 3, session 16).

A president and his wife ("Ivo Stone", "Mira Stone", and "Mira" alone; a surname that is an everyday word
keeps the full names apart as keys): the bare "Stone", "Mr Stone" and
"President Stone" were a referent of their own, apart from both. Table-driven on small made-up articles
(invented people and places). Each case failed before the rule.
"""

from __future__ import annotations

import pytest

from naming_cases import referents, report_of

#: "Ivo Stone" written four times, "Mira Stone" twice (and "Mira" alone): the story's main figure is Ivo.
COUPLE = (
    ("a", "Alpha", "Kessland President Ivo Stone and his wife Mira Stone arrived in Orbia. Mr Stone met the King. "
                   "Stone said the visit was historic."),
    ("b", "Beta", "Ivo Stone was welcomed in Orbia with his wife Mira. Stone will meet the King today."),
    ("c", "Gamma", "President Stone toured Orbia on Monday, and First Lady Mira Stone visited a school. "
                   "Ivo Stone praised Orbia. Ivo Stone leaves on Friday."),
)


def _referent_with(form: str) -> set[str]:
    return {r for r, forms in referents(report_of(COUPLE)).items() if form in forms}


@pytest.mark.parametrize("form", ["Stone", "Mr Stone", "President Stone"])
def test_naming_a_shared_surname_goes_to_the_name_written_most(form: str) -> None:
    main = _referent_with("Kessland President Ivo Stone")
    assert main and main == _referent_with(form), sorted(referents(report_of(COUPLE)).items())


def test_naming_the_other_full_name_stays_apart() -> None:
    assert _referent_with("First Lady Mira Stone") != _referent_with("Kessland President Ivo Stone")


#: Two full names written equally often: the bare surname is nobody's in particular.
EVEN = (
    ("a", "Alpha", "Ivo Stone and Mira Stone met in Orbia. Mira spoke first. Stone left."),
    ("b", "Beta", "Mira Stone and Ivo Stone toured Orbia. Stone smiled."),
)


def test_naming_a_surname_two_names_share_evenly_is_linked_to_neither() -> None:
    found = referents(report_of(EVEN))
    ivo = {r for r, forms in found.items() if "Ivo Stone" in forms}
    assert not ivo or not any("Stone" in found[r] for r in ivo), sorted(found.items())
