"""An everyday word that opens sentences only inside quotations is no name (issue 15 item 3, session 16).

A post quoted by every outlet ("... agreed. Congratulations to both! Thank you") made "Congratulations"
and "Thank" referents: capitalised only because a quoted sentence starts there. Table-driven on small
made-up articles (invented people and places). Each case failed before the rule.
"""

from __future__ import annotations

import pytest

from naming_cases import referents, report_of

#: One post quoted by three outlets; a company that opens the outlets' own sentences stays a name.
POST = (
    ("a", "Alpha", "Ada Lind wrote: “Kessland and Orbia agreed a truce. Congratulations to both! Thank you.” "
                   "Harbor said it would reopen its Kessland plant."),
    ("b", "Beta", "“Kessland and Orbia agreed a truce. Congratulations to both! Thank you,” Lind posted. "
                  "Harbor welcomed the truce."),
    ("c", "Gamma", "Lind posted: “Congratulations to both! Thank you.” Harbor shares rose in Orbia."),
)


@pytest.mark.parametrize("word", ["Congratulations", "Thank"])
def test_naming_a_word_opening_quoted_sentences_only_is_no_referent(word: str) -> None:
    found = referents(report_of(POST))
    assert word not in found, sorted(found)


@pytest.mark.parametrize("name", ["Lind", "Kessland", "Orbia", "Harbor"])
def test_naming_names_in_and_around_the_quotation_stay(name: str) -> None:
    found = referents(report_of(POST))
    assert name in found, sorted(found)
