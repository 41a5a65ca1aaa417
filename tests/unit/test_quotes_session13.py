"""Quote speakers and their types (session 13, slips a teacher saw), on sentences written for these tests."""

from __future__ import annotations

import pytest

from framing.quotes import QuoteFinder

FINDER = QuoteFinder()


def _speakers(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.speaker_type) for q in FINDER(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a head role in commas before a name, its body written with capitals
        ("The head of the Foreign Ministry, Ilse Brandt, said the talks would resume next week.",
         [("Ilse Brandt", "government")]),
        ("The head of the Ruritanian Defence Ministry, Lev Orlov, told reporters the drills would go on.",
         [("Lev Orlov", "government")]),
        ("The head of the foreign ministry, Ilse Brandt, said the talks would resume next week.",
         [("Ilse Brandt", "government")]),
        # ... but not a company's head, nor a name set off by commas with no role
        ("The head of Acme, Ana Ruiz, said the plant would close in May.", [("Ana Ruiz", "other")]),
        ("Meanwhile, Lev Orlov, said the plant would close in May.", [("Lev Orlov", "other")]),
    ],
)
def test_a_head_of_a_capitalised_body_describes_the_name_after_it(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Council of Europe said the law breached the convention on human rights.",
         [("The Council of Europe", "international")]),
        ("The European Council said the summit would go ahead in June.", [("The European Council", "international")]),
    ],
)
def test_the_council_of_europe_is_an_international_body(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body the lists do not know is a body, not a person: "It" finds it
        ("The Orvan Maritime Board said on Monday that the port was closed. It said the port would reopen within days.",
         [("The Orvan Maritime Board", "other"), ("The Orvan Maritime Board", "other")]),
        ("The Orvan Maritime Board met on Monday. It said the port would reopen within days.",
         [("The Orvan Maritime Board", "other")]),
        ("The Acme Foundation said the grant was cut. The foundation said it would appeal the ruling.",
         [("The Acme Foundation", "other"), ("The Acme Foundation", "other")]),
        # ... a sentence whose subject is no body leaves "It" as written
        ("The Orvan Ferry sank on Monday. It said the port would reopen within days.", [("It", "other")]),
        # ... and so does a paragraph break
        ("The Orvan Maritime Board met on Monday.\n\nIt said the port would reopen within days.", [("It", "other")]),
        # a person is still a person
        ("Ana Ruiz met the envoys on Monday. She said the port would reopen within days.", [("Ana Ruiz", "other")]),
    ],
)
def test_it_said_after_a_body_the_lists_do_not_know(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Trump spoke on Monday. His Treasury Secretary said the tariffs would stay in place.",
         [("His Treasury Secretary", "government:United States")]),
        ("Ruritanian President Lev Orlov spoke on Monday. His foreign minister said the talks would go on.",
         [("His foreign minister", "government:Ruritanian")]),
        # no person before, or one with no country: no country is made up
        ("The talks opened on Monday. His spokesman said the talks would go on for days.", [("His spokesman", "government")]),
        ("Ana Ruiz spoke on Monday. Her chief of staff said the talks would go on.", [("Her chief of staff", "government")]),
    ],
)
def test_his_role_takes_the_country_of_the_person_before(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _speakers(text) == expected
