"""A title with its field after "of" in front of a name (issue 15 item 3, session 16).

"Secretary of State Ada Lind" was cut at "of": the title's run became a referent of its own
("Kessland Secretary") and the field joined the name ("State Ada Lind"). Table-driven on small
made-up articles (invented people and places). Each case failed before the rule.
"""

from __future__ import annotations

import pytest

from naming_cases import referents, report_of

#: Two titles with a field after "of" ("Secretary of State", "Minister of Trade") before a name, and
#: the bare names elsewhere.
TITLED = (
    ("a", "Alpha", "Kessland Secretary of State Ada Lind flew to Orbia on Monday. Lind said talks went well. "
                   "The Orbian Minister of Trade Bo Kern agreed."),
    ("b", "Beta", "Kessland Secretary of State Ada Lind met Orbian Minister of Trade Bo Kern in Orbia. "
                  "Kessland and Orbia signed a pact."),
    ("c", "Gamma", "Lind, Kessland's top diplomat, visited Orbia. Kern welcomed Lind. The pact was signed in Orbia."),
)


@pytest.mark.parametrize(
    ("referent", "form"),
    [
        ("Lind", "Kessland Secretary of State Ada Lind"),  # the whole title is the form of the name
        ("Kern", "Orbian Minister of Trade Bo Kern"),
        ("Lind", "Lind"),  # and the bare name is the same referent
        ("Kern", "Kern"),
    ],
)
def test_naming_title_of_field_before_a_name_is_one_form(referent: str, form: str) -> None:
    found = referents(report_of(TITLED))
    assert form in found.get(referent, set()), sorted(found.items())


@pytest.mark.parametrize("wrong", ["Kessland Secretary", "Orbian Minister", "State Ada Lind", "Trade Bo Kern"])
def test_naming_title_of_field_is_no_referent_or_form_of_its_own(wrong: str) -> None:
    found = referents(report_of(TITLED))
    assert wrong not in found, sorted(found)
    assert not any(wrong in forms for forms in found.values()), sorted(found.items())


#: A title before "of" and a place alone ("President of Orbia") names no one: it stays apart.
PLACE_TITLE = (
    ("a", "Alpha", "The President of Orbia met Ada Lind. Orbia and Kessland talked."),
    ("b", "Beta", "Ada Lind met the President of Orbia in Kessland. Orbia agreed."),
)


def test_naming_title_of_a_place_alone_keeps_the_place() -> None:
    found = referents(report_of(PLACE_TITLE))
    assert "Orbia" in found, sorted(found)
    assert not any("President of Orbia Ada" in f for forms in found.values() for f in forms), sorted(found.items())
