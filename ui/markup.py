"""Small, escaped HTML and Markdown pieces of the dashboard (no article text is ever unescaped)."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Final

from framing.palette import FRAME_COLOURS, FRAME_TINTS
from framing.types import FRAMES

__all__ = ["APP_CSS", "esc", "md_escape", "emphasis_strip", "frame_legend", "outlet_heading"]

#: Layout tweaks for a projected screen; colours come from framing.palette only.
APP_CSS: Final = """
[data-testid="stMainBlockContainer"] { padding-top: 4.6rem; padding-bottom: 3rem; }
.fl-sentence { font-size: 1.05rem; line-height: 1.5; margin: 0 0 .7rem 0; }
.fl-frames { display: flex; flex-wrap: wrap; gap: .5rem 1.2rem; margin: .2rem 0 .6rem 0;
  font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: .95rem; }
.fl-frames .fl-chip { display: inline-flex; align-items: center; gap: .4rem; }
.fl-frames .fl-swatch { width: 1.1rem; height: 1.1rem; border-radius: 3px; display: inline-block; }
.fl-outlet { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-weight: 700;
  font-size: 1.2rem; margin: 0 0 .25rem 0; line-height: 1.3; min-height: 2.6em;
  display: flex; align-items: flex-end; }
.fl-strip { display: flex; height: .9rem; border-radius: 3px; overflow: hidden; margin: .1rem 0 .2rem 0; }
.fl-strip span { display: block; height: 100%; }
.fl-strip-label { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: .85rem;
  color: #333; margin: 0 0 .5rem 0; }
.fl-passage { font-family: Georgia, "Times New Roman", serif; font-size: 1rem; line-height: 1.6;
  padding: .5rem .7rem; margin: 0 0 .2rem 0; border-radius: 3px; color: #000; }
.fl-passage-meta { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: .82rem;
  color: #333; margin: 0 0 .9rem 0; }
"""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&])")


def esc(text: str) -> str:
    """HTML-escape text, quotes included."""
    return html.escape(text, quote=True)


def md_escape(text: str) -> str:
    r"""Backslash-escape Markdown punctuation so a title or outlet name is shown literally.

    >>> md_escape("**Bold** [x](y) $1")
    '\\*\\*Bold\\*\\* \\[x\\]\\(y\\) \\$1'
    """
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def emphasis_strip(emphasis: Mapping[str, float], *, tone: float | None = None) -> str:
    """A thin stacked bar of the three frame shares with a text label (colour never stands alone)."""
    total = sum(emphasis.get(f, 0.0) for f in FRAMES)
    if total <= 0:
        return '<div class="fl-strip-label">No frame words found.</div>'
    bars = "".join(
        f'<span style="width:{100 * emphasis.get(f, 0.0) / total:.1f}%;background:{FRAME_COLOURS[f]}" '
        f'title="{f} {emphasis.get(f, 0.0):.0%}"></span>'
        for f in FRAMES
    )
    label = " · ".join(f"{f} {emphasis.get(f, 0.0):.0%}" for f in FRAMES)
    if tone is not None:
        label += f" · tone {tone:+.2f}".replace("-", "−")
    return f'<div class="fl-strip">{bars}</div><div class="fl-strip-label">{label}</div>'


def frame_legend(definitions: Mapping[str, str]) -> str:
    """Colour key of the three frames, with each definition as its tooltip."""
    chips = "".join(
        f'<span class="fl-chip" title="{esc(definitions.get(f, ""))}">'
        f'<span class="fl-swatch" style="background:{FRAME_COLOURS[f]};outline:2px solid {FRAME_TINTS[f]}">'
        f"</span><b>{f}</b></span>"
        for f in FRAMES
    )
    return f'<div class="fl-frames">{chips}</div>'


def outlet_heading(name: str) -> str:
    """An outlet name as an HTML heading (escaped)."""
    return f'<div class="fl-outlet">{esc(name)}</div>'
