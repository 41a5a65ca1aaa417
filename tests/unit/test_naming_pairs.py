""""Both" before a group noun names the pair the number two names (issue 15 item 3, session 16).

"both countries", "Both governments" and "the two nations" are one referent; before the rule only a
number word made a group. Table-driven on small made-up articles (invented places). Each case
failed before the rule.
"""

from __future__ import annotations

import pytest

from naming_cases import referents, report_of

#: The two countries of a truce, named by a number in one outlet and by "both" in the others.
TRUCE = (
    ("a", "Alpha", "Kessland and Orbia agreed a truce. The two countries will talk again on Monday."),
    ("b", "Beta", "Kessland and Orbia signed a truce. Congratulations to both countries, the envoy said. "
                  "Both governments hope for more."),
    ("c", "Gamma", "The truce between Kessland and Orbia holds. Both nations sent envoys, and both leaders spoke."),
)


@pytest.mark.parametrize("form", ["both countries", "Both governments", "Both nations"])
def test_naming_both_and_a_group_noun_is_the_pair(form: str) -> None:
    found = referents(report_of(TRUCE))
    assert form in found.get("the two countries", set()), sorted(found.items())


def test_naming_both_leaders_are_people_not_the_countries() -> None:
    """"both leaders" is a pair of people: never a form of the two countries."""
    found = referents(report_of(TRUCE))
    assert "both leaders" not in found.get("the two countries", set()), sorted(found.items())


def test_naming_both_without_a_group_noun_names_no_group() -> None:
    found = referents(report_of((
        ("a", "Alpha", "Both sides of the river flooded in Kessland."),
        ("b", "Beta", "Kessland saw floods on both banks."),
    )))
    assert not any(k.startswith("the two") for k in found), sorted(found)
