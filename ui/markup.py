"""Small, escaped HTML and Markdown pieces of the dashboard (no article text is ever unescaped).

Text from the data (outlet names, titles, file names) is HTML-escaped (``esc``, ``esc_name``) or
Markdown-escaped (``md_escape``) before it reaches ``st.html`` or any element that renders Markdown.
Bidi controls in it are kept (nothing the source wrote is lost) but cannot reorder what follows: a
name inline in HTML sits in ``<bdi>`` (an isolate), and ``md_escape`` closes what the text opens
(``balance_bidi``), since Markdown has no isolating markup. Long unbroken words wrap
(``overflow-wrap: anywhere``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Final

from framing.palette import FRAME_COLOURS, FRAME_TINTS
from framing.types import FRAMES

__all__ = [
    "APP_CSS", "esc", "esc_name", "md_escape", "balance_bidi", "emphasis_strip", "frame_legend", "outlet_heading",
    "outlet_sentence",
]

#: Layout tweaks for a projected screen; colours come from framing.palette only.
APP_CSS: Final = """
[data-testid="stMainBlockContainer"] { padding-top: 4.6rem; padding-bottom: 3rem; }
.fl-sentence { font-size: 1.05rem; line-height: 1.5; margin: 0 0 .7rem 0; overflow-wrap: anywhere; }
.fl-frames { display: flex; flex-wrap: wrap; gap: .5rem 1.2rem; margin: .2rem 0 .6rem 0;
  font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: .95rem; }
.fl-frames .fl-chip { display: inline-flex; align-items: center; gap: .4rem; }
.fl-frames .fl-swatch { width: 1.1rem; height: 1.1rem; border-radius: 3px; display: inline-block; }
.fl-outlet { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-weight: 700;
  font-size: 1.2rem; margin: 0 0 .25rem 0; line-height: 1.3; min-height: 2.6em;
  display: flex; align-items: flex-end; overflow-wrap: anywhere; min-width: 0; }
.fl-strip { display: flex; height: .9rem; border-radius: 3px; overflow: hidden; margin: .1rem 0 .2rem 0; }
.fl-strip span { display: block; height: 100%; }
.fl-strip-label { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: .85rem;
  color: #333; margin: 0 0 .5rem 0; }
.fl-passage { font-family: Georgia, "Times New Roman", serif; font-size: 1rem; line-height: 1.6;
  padding: .5rem .7rem; margin: 0 0 .2rem 0; border-radius: 3px; color: #000; overflow-wrap: anywhere; }
.fl-passage-meta { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: .82rem;
  color: #333; margin: 0 0 .9rem 0; overflow-wrap: anywhere; }
"""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&])")
#: Where Streamlit's Markdown turns plain text into something else *after* backslash escapes are
#: resolved, so escaping cannot stop it: GFM autolink literals (``http://``, ``https://``, ``www.``,
#: ``a@b.c``), emoji shortcodes (``:smile:``) and icons (``:material/warning:``). A WORD JOINER
#: (U+2060, invisible, no line break) inside the trigger does: after the h of http, the first w
#: of www, an @, and a colon followed by a word character.
_TEXT_TRIGGER = re.compile(r"(?i)(?<=h)(?=ttps?://)|(?<=w)(?=ww\.)|(?<=@)|(?<=:)(?=[\w+/-])")
_WORD_JOINER: Final = "\u2060"
#: Unicode bidi controls (UAX #9): embeddings and overrides (LRE RLE LRO RLO) closed by PDF,
#: isolates (LRI RLI FSI) closed by PDI.
_BIDI_EMBEDDINGS: Final = frozenset("\u202a\u202b\u202d\u202e")
_BIDI_ISOLATES: Final = frozenset("\u2066\u2067\u2068")
_PDF: Final = "\u202c"
_PDI: Final = "\u2069"
_BIDI_OPENER: Final = re.compile("[\u202a\u202b\u202d\u202e\u2066\u2067\u2068]")


def esc(text: str) -> str:
    """HTML-escape text, quotes included."""
    return html.escape(text, quote=True)


def esc_name(name: str) -> str:
    """An outlet name or title set inline in other text: escaped and isolated in ``<bdi>``.

    >>> esc_name("A & B")
    '<bdi>A &amp; B</bdi>'
    """
    return f"<bdi>{esc(name)}</bdi>"


def balance_bidi(text: str) -> str:
    r"""Close, at the end of ``text``, every bidi embedding, override and isolate it leaves open.

    Matching follows the Unicode bidirectional algorithm (UAX #9, rules X6a-X7): a PDI closes the
    last open isolate and whatever was opened inside it; a PDF closes the last embedding or
    override unless an isolate was opened after it; closers without an opener are kept (they do
    nothing). Nothing is removed: the text reads the same, but cannot reorder what follows it.

    >>> balance_bidi("abc") == "abc", balance_bidi("x\u202ey") == "x\u202ey\u202c"
    (True, True)
    """
    if _BIDI_OPENER.search(text) is None:
        return text
    open_stack: list[str] = []
    for char in text:
        if char in _BIDI_EMBEDDINGS:
            open_stack.append(_PDF)
        elif char in _BIDI_ISOLATES:
            open_stack.append(_PDI)
        elif char == _PDF and open_stack and open_stack[-1] == _PDF:
            open_stack.pop()
        elif char == _PDI and _PDI in open_stack:
            while open_stack.pop() != _PDI:
                pass
    return text + "".join(reversed(open_stack))


def md_escape(text: str) -> str:
    r"""Backslash-escape Markdown punctuation so a title or outlet name is shown literally.

    White space (line breaks too) becomes single spaces, bidi controls are closed at the end, and
    an invisible word joiner keeps URLs, ``www.`` names and e-mail addresses from becoming links
    and ``:smile:`` or ``:material/icon:`` from becoming pictures.

    >>> md_escape("**Bold** [x](y) $1")
    '\\*\\*Bold\\*\\* \\[x\\]\\(y\\) \\$1'
    >>> md_escape("see http://x.org") == "see h\u2060ttp\\:\u2060//x\\.org"
    True
    """
    unlinked = _TEXT_TRIGGER.sub(_WORD_JOINER, " ".join(text.split()))
    return balance_bidi(_MD_SPECIAL.sub(r"\\\1", unlinked))


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


def outlet_sentence(outlet: str, rest: str) -> str:
    """One overview sentence: the outlet name in bold (isolated, escaped), then the rest (escaped).

    >>> outlet_sentence("A<b>", "leads.")
    '<p class="fl-sentence"><bdi><b>A&lt;b&gt;</b></bdi> leads.</p>'
    """
    return f'<p class="fl-sentence"><bdi><b>{esc(outlet)}</b></bdi> {esc(rest)}</p>'
