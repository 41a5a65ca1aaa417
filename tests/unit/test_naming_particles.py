"""Naming (session 16, untuned EU-Mercosur pages): a name's lower-case particles keep it one referent.

"Ursula von der Leyen" was three referents, "Ursula", "der" and "Leyen": the capitalised run ended at
"von", and "der", shared by every outlet, became a common-noun referent of its own.
"""

from __future__ import annotations

import pytest

from naming_cases import referents, report_of


@pytest.mark.parametrize(
    ("first", "second", "third", "referent", "forms"),
    [
        ("Commission President Ilse von der Brandt signed the port pact in Arden on Monday.",
         "Ilse von der Brandt, the commission's head, signed the port pact in Arden.",
         "Von der Brandt signed the port pact in Arden on Monday, officials said.",
         "Ilse von der Brandt",
         {"Commission President Ilse von der Brandt", "Ilse von der Brandt", "Von der Brandt"}),
        ("President Luis Ortega da Serra signed the port pact in Arden on Monday.",
         "Luis Ortega da Serra signed the port pact in Arden on Monday.",
         "The port pact was signed in Arden by Luis Ortega da Serra on Monday.",
         "Ortega da Serra",  # keyed from the particle's word on, as "Thomas Shoal"; the forms are whole
         {"President Luis Ortega da Serra", "Luis Ortega da Serra"}),
    ],
)
def test_a_name_with_particles_is_one_referent(first: str, second: str, third: str, referent: str, forms: set[str]) -> None:
    found = referents(report_of((("a", "Harbour Gazette", first), ("b", "Ridge Times", second), ("c", "Vale Post", third))))
    assert [key for key, held in found.items() if held & forms] == [referent]  # one referent holds them all
    assert found[referent] >= forms
    assert not {"der", "von", "da", "Brandt", "Serra", "Ilse", "Luis"} & set(found)


def test_a_particle_between_lower_case_words_is_no_name() -> None:
    # the run only goes over a particle between two capitalised words: "de" in prose starts nothing
    text = "Ships of the Arden line sailed de facto free of the levy, the Harbour Board said."
    found = referents(report_of((("a", "Harbour Gazette", text), ("b", "Ridge Times", text))))
    assert "de" not in found and not any(" de " in f for forms in found.values() for f in forms)


def test_a_plural_possessive_inside_a_name_keeps_the_body_apart_from_a_longer_name() -> None:
    # "Ulster Farmers’ Union" was a form of the European Union: its run ended at the apostrophe and
    # "Union" alone was a shorter form of the longer name (session 16, untuned EU-Mercosur pages)
    found = referents(report_of((
        ("a", "Harbour Gazette", "The European Union signed the pact. The Ulster Farmers’ Union opposed the European Union pact, farmers said."),
        ("b", "Ridge Times", "The EU signed the pact. The National Farmers’ Union said the European Union pact hurt farmers."),
        ("c", "Vale Post", "The European Union signed the pact on Monday, while farmers protested."),
    )))
    assert found["European Union"] == {"European Union", "EU"}


def test_a_countrys_plural_possessive_still_names_the_country_without_its_mark() -> None:
    found = referents(report_of(tuple(
        (key, outlet, "The Philippines’ Coast Guard said the Philippines would send ships, officials said.")
        for key, outlet in (("a", "Harbour Gazette"), ("b", "Ridge Times")))))
    assert "Philippines’" not in found.get("Philippines", set()) and "Philippines" in found.get("Philippines", set())
