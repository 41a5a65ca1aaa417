"""Naming rules read off the WTO complaints and EU sanctions dev misses (issue 15, session 11).

Table-driven on small made-up articles (invented bodies, people and places; real country words only
where the lexicon's country words are the point). Each case failed before the rule it tests.
"""

from __future__ import annotations

import pytest


from naming_cases import referents, report_of


#: The owner of a thing written in front of it: a possessive name (one with its acronym in brackets),
#: a country word, dotted initials, a country word between a modifier and the head.
OWNED = (
    ("a", "Alpha", "Kessland filed a complaint with the Grain Trade Council (GTC)'s review panel over the US levy. "
                   "The US decision hurts farmers, Kessland said. The levy is an additional duty on wheat."),
    ("b", "Beta", "Kessland has taken the case to the Grain Trade Council's (GTC) review panel over additional "
                  "US levies on wheat. Kessland's legal action follows the duty. The step was expected."),
    ("c", "Gamma", "Kessland went to the GTC's review panel over the U.S. levy on wheat. The legal action is its "
                   "first, and Kessland said the decision was needed against the duty."),
)


@pytest.mark.parametrize(
    "form",
    [
        "Grain Trade Council (GTC)'s review panel",  # a possessive name with its acronym in brackets
        "Grain Trade Council's (GTC) review panel",  # the acronym after the possessive
        "GTC's review panel",
        "US levy",  # a country word before the head
        "U.S. levy",  # dotted initials
        "additional US levies",  # a modifier before the country word is read again
        "US decision",
        "Kessland's legal action",  # a possessive country name
    ],
)
def test_naming_a_form_keeps_its_owner(form: str) -> None:
    found = referents(report_of(OWNED))
    assert any(form in forms for forms in found.values()), sorted(found.items())


def test_naming_an_owner_is_still_a_mention_of_its_own_referent() -> None:
    report = report_of(OWNED)
    us = next(n for n in report.naming if n.referent == "United States")
    assert sum(n for cell in us.forms.values() for n in cell.values()) >= 4, us.forms


#: A country word before a verb is its subject, no owner of a thing ("Kessland said", "Kessland
#: claims the reef"); an owner alone makes no naming choice, so "said" heads no referent.
SUBJECTS = (
    ("a", "Alpha", "Kessland said the reef is its own. Norland said the reef is not. The reef patrol left."),
    ("b", "Beta", "Norland said its patrol saw the reef. Kessland claims the reef, an officer said."),
    ("c", "Gamma", "Officials said the reef patrol turned back. Kessland said nothing more."),
)


def test_naming_a_country_before_a_verb_owns_nothing() -> None:
    found = referents(report_of(SUBJECTS))
    assert not any(f.endswith((" said", " claims")) for forms in found.values() for f in forms), sorted(found.items())
    assert "said" not in found, sorted(found.items())
