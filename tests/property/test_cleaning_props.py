"""Properties of framing.cleaning.clean_text on arbitrary text and on boilerplate-heavy bodies."""

from __future__ import annotations

import hypothesis.strategies as hst
from hypothesis import given, settings

from framing.cleaning import clean_text
from framing.types import CleanedText

# Pieces of boilerplate and article text that the detectors react to, so generated bodies
# exercise every detector and the context rules (post openings, author name lines).
FRAGMENTS = (
    "Read more: Ports reopen after strike",
    "Read more",
    "ALSO READ | Senate passes the budget",
    "Your support helps us. Make a donation to keep our journalism free.",
    "Subscribe now",
    "Jane Roe",
    "Jane Roe is a reporter. She can be reached at jane@example.org",
    "Contact the desk at desk@example.net",
    "🇨🇳🇺🇸 Interesting detail:",
    "BREAKING: talks collapse",
    "What he posted:",
    "Deal done! pic.twitter.com/AbC123",
    "Big day — 𝘑𝘢𝘯𝘦 (@jane) May 2, 2025",
    "( @jane – Truth Social Post )",
    "( Jane Roe – Nov 24, 2025, 12:39 PM ET ) Thanks all.",
    "View this post on Instagram",
    "A post shared by Jane (@jane)",
    "Based On ANI Report",
    "(With inputs from Reuters)",
    "— AP",
    "China's relations with Japan sour",
    "Tariffs on steel were halved after the talks in Busan, officials said.",
    "Taiwan remained a point of friction between Washington and Beijing.",
)

# No deadline: the clutter detector loads jusText's stop list on first use and runs to a fixed point,
# and on a shared machine one example may take longer than hypothesis's default 200 ms.
SEPARATORS = ("\n", "\n\n", "\n \n", "\n\t\n\n", "  \n")

paragraph_texts = hst.one_of(hst.sampled_from(FRAGMENTS), hst.text(max_size=60))
boilerplate_bodies = hst.lists(
    hst.tuples(paragraph_texts, hst.sampled_from(SEPARATORS)), max_size=14
).map(lambda parts: "".join(text + separator for text, separator in parts))
any_bodies = hst.one_of(hst.text(), boilerplate_bodies)


def _non_whitespace(text: str) -> str:
    return "".join(text.split())


@settings(deadline=None)
@given(any_bodies)
def test_clean_text_never_raises(raw: str) -> None:
    assert isinstance(clean_text(raw), CleanedText)


@settings(max_examples=300, deadline=None)
@given(any_bodies)
def test_clean_text_is_idempotent(raw: str) -> None:
    once = clean_text(raw).text
    assert clean_text(once).text == once


@settings(deadline=None)
@given(any_bodies)
def test_clean_text_removal_offsets_point_into_raw(raw: str) -> None:
    for removal in clean_text(raw).removed:
        assert 0 <= removal.start < removal.end <= len(raw)
        assert raw[removal.start : removal.end] == removal.text


@settings(deadline=None)
@given(any_bodies)
def test_clean_text_removals_do_not_overlap(raw: str) -> None:
    removed = clean_text(raw).removed
    for earlier, later in zip(removed, removed[1:]):
        assert earlier.end <= later.start


@settings(max_examples=300, deadline=None)
@given(any_bodies)
def test_clean_text_kept_and_removed_cover_all_non_whitespace(raw: str) -> None:
    result = clean_text(raw)
    blanked = list(raw)
    for removal in result.removed:
        blanked[removal.start : removal.end] = " " * (removal.end - removal.start)
    assert _non_whitespace("".join(blanked)) == _non_whitespace(result.text)
    kept_and_removed = len(_non_whitespace(result.text)) + sum(len(_non_whitespace(r.text)) for r in result.removed)
    assert kept_and_removed == len(_non_whitespace(raw))


@settings(deadline=None)
@given(any_bodies)
def test_clean_text_output_has_no_empty_paragraph(raw: str) -> None:
    text = clean_text(raw).text
    assert text == "" or all(part.strip() == part and part for part in text.split("\n\n"))
