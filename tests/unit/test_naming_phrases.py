"""Common-noun forms (issue 15, session 13): a plural after "to" is no verb, and an adverb with a
participle before a head is one modifier.

Table-driven on small made-up articles (invented places). Each case failed before the rule it tests.
"""

from __future__ import annotations

import pytest

from naming_cases import referents, report_of


def _forms_with(articles: tuple[tuple[str, str, str], ...], head: str) -> set[str]:
    report = report_of(articles)
    found = [forms for forms in referents(report).values() if any(f.split()[-1] == head for f in forms)]
    assert len(found) == 1, referents(report)
    return found[0]


#: "In addition to levies", "will levies": a plural noun after "to" or "will" is never the bare verb.
AFTER_TO = (
    ("a", "Alpha", "Kessland put levies on Dorvia on Monday. In addition to levies on Dorvia, Kessland set quotas."),
    ("b", "Beta", "The levies on Dorvia began on Monday, Kessland said. The new levies are steep."),
)

#: "previously delayed levies": neither word modifies alone, the two together do.
ADVERB_PARTICIPLE = (
    ("a", "Alpha", "Kessland will enforce previously delayed levies on Dorvia. The levies start on Monday."),
    ("b", "Beta", "The levies on Dorvia start on Monday, Kessland said. Dorvia delayed its answer."),
)


@pytest.mark.parametrize(("articles", "form", "count"), [
    (AFTER_TO, "levies", 2),
    (ADVERB_PARTICIPLE, "previously delayed levies", 1),
], ids=["plural after to", "adverb and participle"])
def test_naming_a_common_noun_form_is_read_whole(articles: tuple[tuple[str, str, str], ...], form: str, count: int) -> None:
    report = report_of(articles)
    table = next(n for n in report.naming if n.referent in {"levies", "levy"})
    assert table.forms["Alpha"].get(form, 0) == count, dict(table.forms["Alpha"])
    assert form in _forms_with(articles, "levies")


#: One thing under three nouns of one synonym group, each outlet's owned by a name: no fact states it
#: alike and no lead holds it, but a thing somebody in the story does is what a reader lists.
OWNED = (
    ("a", "Alpha", "Kessland put levies on Dorvia on Monday. Officials in Dorvia said Kessland's move was unfair."),
    ("b", "Beta", "Dorvia faces levies from Kessland. Dorvia waits to see if Lind's actions follow her words."),
    ("c", "Gamma", "Kessland set levies on Dorvia. Dorvia answered Kessland's decision with levies of its own."),
)

#: A title in the possessive owns the phrase, with the country word before it.
TITLE_OWNED = (
    ("a", "Alpha", "U.S. President Ada Lind set levies on Dorvia. The U.S. president's moves raised fears in Dorvia."),
    ("b", "Beta", "President Ada Lind set levies on Dorvia. The levies start on Monday, Lind said."),
    ("c", "Gamma", "Dorvia answered Lind's decision with levies of its own."),
)


@pytest.mark.parametrize(("articles", "expected"), [
    (OWNED, {"Kessland's move", "Lind's actions", "Kessland's decision"}),
    (TITLE_OWNED, {"U.S. president's moves", "Lind's decision"}),
], ids=["owned synonyms", "title owner"])
def test_naming_a_thing_most_outlets_write_owned_is_a_referent(articles: tuple[tuple[str, str, str], ...],
                                                                 expected: set[str]) -> None:
    report = report_of(articles)
    found = [forms for forms in referents(report).values() if forms & expected]
    assert len(found) == 1 and expected <= found[0], referents(report)
