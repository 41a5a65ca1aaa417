"""Tests of framing.palette: Okabe–Ito colours, readable tints, the WCAG contrast formula."""

from __future__ import annotations

import pytest

from framing_render import palette
from framing.types import FRAMES

OKABE_ITO = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"}


def test_frame_colours_cover_frames_in_order() -> None:
    assert tuple(palette.FRAME_COLOURS) == FRAMES
    assert tuple(palette.FRAME_TINTS) == FRAMES


@pytest.mark.parametrize(
    ("frame", "expected"),
    [("trade", "#E69F00"), ("security", "#0072B2"), ("diplomacy", "#009E73")],
)
def test_frame_colour_is_okabe_ito(frame: str, expected: str) -> None:
    assert palette.frame_colour(frame) == expected


def test_palette_colours_are_okabe_ito_and_distinct() -> None:
    assert set(palette.FRAME_COLOURS.values()) <= OKABE_ITO
    colours = [*palette.FRAME_COLOURS.values(), palette.TONE_NEGATIVE, palette.TONE_POSITIVE]
    assert len(set(colours)) == len(colours)


@pytest.mark.parametrize("frame", FRAMES)
def test_frame_tint_keeps_black_text_readable(frame: str) -> None:
    ratio = palette.contrast_ratio(palette.TEXT_COLOUR, palette.frame_tint(frame))
    assert ratio >= palette.MIN_TEXT_CONTRAST


def test_frame_tints_are_distinct_and_lighter_than_colours() -> None:
    tints = list(palette.FRAME_TINTS.values())
    assert len(set(tints)) == len(tints)
    for frame in FRAMES:
        assert palette.relative_luminance(palette.frame_tint(frame)) > palette.relative_luminance(
            palette.frame_colour(frame)
        )


@pytest.mark.parametrize("frame", [None, "", "weather"])
def test_unknown_frame_falls_back_to_neutral(frame: str | None) -> None:
    assert palette.frame_colour(frame) == palette.NEUTRAL
    assert palette.frame_tint(frame) == "#FFFFFF"


@pytest.mark.parametrize(
    ("tone", "expected"),
    [(-1.0, palette.TONE_NEGATIVE), (-0.2, palette.TONE_NEGATIVE), (0.0, palette.NEUTRAL),
     (palette.TONE_NEUTRAL_BAND / 2, palette.NEUTRAL), (0.3, palette.TONE_POSITIVE),
     (1.0, palette.TONE_POSITIVE)],
)
def test_tone_colour_by_sign(tone: float, expected: str) -> None:
    assert palette.tone_colour(tone) == expected


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [("#000000", "#FFFFFF", 21.0), ("#FFFFFF", "#000000", 21.0), ("#777777", "#777777", 1.0),
     # WebAIM contrast checker: #767676 on white is the lightest grey passing AA (4.54:1).
     ("#767676", "#FFFFFF", 4.54)],
)
def test_contrast_ratio_matches_wcag(first: str, second: str, expected: float) -> None:
    assert palette.contrast_ratio(first, second) == pytest.approx(expected, abs=0.01)


def test_mix_endpoints() -> None:
    assert palette.mix("#0072B2", "#FFFFFF", 1.0) == "#0072B2"
    assert palette.mix("#0072B2", "#FFFFFF", 0.0) == "#FFFFFF"


@pytest.mark.parametrize("bad", ["#FFF", "blue", "#1234567"])
def test_bad_colour_raises(bad: str) -> None:
    with pytest.raises(ValueError, match="#RRGGBB"):
        palette.relative_luminance(bad)
