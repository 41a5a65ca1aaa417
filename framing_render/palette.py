"""One colour per frame and per tone sign, used by every chart, highlight and legend.

Colours come from the Okabe–Ito palette, designed to stay distinguishable under the common
forms of colour-vision deficiency: Okabe, M. & Ito, K. (2002, rev. 2008), "Color Universal
Design (CUD): How to make figures and presentations that are friendly to colorblind people",
https://jfly.uni-koeln.de/color/ . Hex values are the ones published there.

Strong colours are used for chart marks and borders. Text is never drawn on them: highlighted
sentences sit on a *tint* (the colour mixed with white) that keeps black text above the WCAG 2.x
AA contrast ratio of 4.5 (https://www.w3.org/TR/WCAG21/#contrast-minimum); ``contrast_ratio``
implements the WCAG formula so tests can check it.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final, Mapping

from framing.summary import TONE_NEUTRAL_BAND
from framing.types import FRAMES

__all__ = [
    "FRAME_COLOURS",
    "FRAME_TINTS",
    "TONE_NEGATIVE",
    "TONE_POSITIVE",
    "NEUTRAL",
    "TEXT_COLOUR",
    "TINT_STRENGTH",
    "TONE_NEUTRAL_BAND",
    "MIN_TEXT_CONTRAST",
    "frame_colour",
    "frame_tint",
    "tone_colour",
    "mix",
    "relative_luminance",
    "contrast_ratio",
    "hue",
    "MIN_TONE_HUE_GAP",
]

#: Okabe–Ito "orange", "blue" and "bluish green", in ``FRAMES`` order.
FRAME_COLOURS: Final[Mapping[str, str]] = MappingProxyType(
    {"trade": "#E69F00", "security": "#0072B2", "diplomacy": "#009E73"}
)

#: Tone colours reuse no frame hue (a test keeps every tone hue at least ``MIN_TONE_HUE_GAP``
#: degrees from every frame hue), so a tone mark is never read as a frame. Both keep a contrast
#: ratio above 6 on white, since they colour small marks. Negative: a dark red (ColorBrewer RdBu's
#: darkest red); positive: a violet (ColorBrewer PuOr's dark purple). Tone never relies on colour
#: alone: the mark is ▼ or ▲.
TONE_NEGATIVE: Final = "#B2182B"
TONE_POSITIVE: Final = "#5E3C99"
#: Smallest hue distance (degrees) between a tone colour and a frame colour.
MIN_TONE_HUE_GAP: Final = 40.0
#: Mid grey for "no frame" / neutral tone; not an Okabe–Ito hue, so it never reads as a frame.
NEUTRAL: Final = "#8C8C8C"
#: Body text colour assumed when checking tint contrast (pure black).
TEXT_COLOUR: Final = "#000000"

#: Share of the strong colour in a tint (the rest is white). 0.25 was picked by eye so the three
#: tints stay distinguishable side by side while black text keeps a contrast ratio above 10.
TINT_STRENGTH: Final = 0.25
#: WCAG 2.x AA minimum contrast for normal-size body text.
MIN_TEXT_CONTRAST: Final = 4.5

_WHITE: Final = "#FFFFFF"


def _to_rgb(colour: str) -> tuple[int, int, int]:
    """Parse ``#RRGGBB`` (case-insensitive) into three 0–255 ints."""
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"colour {colour!r} is not of the form '#RRGGBB'; use six hex digits")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def mix(colour: str, other: str, share: float) -> str:
    """Blend two ``#RRGGBB`` colours channel by channel.

    Parameters
    ----------
    colour : str
        The colour contributing ``share``.
    other : str
        The colour contributing ``1 - share``.
    share : float
        Weight of ``colour`` in [0, 1].

    Returns
    -------
    str
        The blend as upper-case ``#RRGGBB``.

    Examples
    --------
    >>> mix("#000000", "#FFFFFF", 0.5)
    '#808080'
    """
    first, second = _to_rgb(colour), _to_rgb(other)
    channels = (round(a * share + b * (1 - share)) for a, b in zip(first, second))
    return "#" + "".join(f"{c:02X}" for c in channels)


#: Light backgrounds for highlighted sentences, in ``FRAMES`` order.
FRAME_TINTS: Final[Mapping[str, str]] = MappingProxyType(
    {frame: mix(FRAME_COLOURS[frame], _WHITE, TINT_STRENGTH) for frame in FRAMES}
)


def frame_colour(frame: str | None) -> str:
    """Return the strong colour of a frame, or the neutral grey for ``None`` or an unknown name.

    Parameters
    ----------
    frame : str or None
        A name from ``framing.types.FRAMES``.

    Returns
    -------
    str
        ``#RRGGBB``.

    Examples
    --------
    >>> frame_colour("security")
    '#0072B2'
    >>> frame_colour(None)
    '#8C8C8C'
    """
    return FRAME_COLOURS.get(frame or "", NEUTRAL)


def frame_tint(frame: str | None) -> str:
    """Return the light background tint of a frame (white for ``None`` or an unknown name).

    Parameters
    ----------
    frame : str or None
        A name from ``framing.types.FRAMES``.

    Returns
    -------
    str
        ``#RRGGBB``, readable under black text.

    Examples
    --------
    >>> frame_tint("trade")
    '#F9E7BF'
    """
    return FRAME_TINTS.get(frame or "", _WHITE)


def tone_colour(tone: float) -> str:
    """Return the colour of a tone value: vermillion below zero, sky blue above, grey near zero.

    Parameters
    ----------
    tone : float
        Tone in [-1, 1].

    Returns
    -------
    str
        ``#RRGGBB``.

    Examples
    --------
    >>> tone_colour(-0.4) == TONE_NEGATIVE, tone_colour(0.0) == NEUTRAL
    (True, True)
    """
    if tone <= -TONE_NEUTRAL_BAND:
        return TONE_NEGATIVE
    if tone >= TONE_NEUTRAL_BAND:
        return TONE_POSITIVE
    return NEUTRAL


def _linear_channel(value: int) -> float:
    """sRGB channel (0–255) to linear light, as defined by WCAG 2.x."""
    scaled = value / 255
    return scaled / 12.92 if scaled <= 0.04045 else ((scaled + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """Return the WCAG relative luminance of a ``#RRGGBB`` colour (0 black … 1 white).

    Parameters
    ----------
    colour : str
        ``#RRGGBB``.

    Returns
    -------
    float
        Luminance in [0, 1].

    Examples
    --------
    >>> relative_luminance("#FFFFFF"), relative_luminance("#000000")
    (1.0, 0.0)
    """
    red, green, blue = (_linear_channel(c) for c in _to_rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white).

    Parameters
    ----------
    foreground, background : str
        ``#RRGGBB`` colours; the order does not matter.

    Returns
    -------
    float
        ``(L_light + 0.05) / (L_dark + 0.05)``.

    Examples
    --------
    >>> round(contrast_ratio("#000000", "#FFFFFF"), 1)
    21.0
    """
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


def hue(colour: str) -> float:
    """Return the hue of a ``#RRGGBB`` colour in degrees [0, 360) (HSV/HSL hue).

    Examples
    --------
    >>> hue("#FF0000"), hue("#00FF00"), round(hue("#0072B2"))
    (0.0, 120.0, 202)
    """
    import colorsys

    red, green, blue = (c / 255 for c in _to_rgb(colour))
    return colorsys.rgb_to_hsv(red, green, blue)[0] * 360.0
