"""Small HTML pieces of the dashboard, built with the render layer's one escaper.

Text from the data (outlet names, titles, file names) is escaped by ``framing_render.text.esc``
or, for elements that render Markdown, ``md_escape``; names inline in other text are isolated in
``<bdi>``. The stylesheets are the render layer's package data files.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from framing.types import FRAMES
from framing_render.jinja import stylesheet
from framing_render.palette import FRAME_COLOURS, FRAME_TINTS
from framing_render.text import Markup, balance_bidi, esc, isolate, md_escape

__all__ = [
    "APP_CSS", "PAGE_CSS", "esc", "esc_name", "md_escape", "balance_bidi", "frame_legend", "outlet_heading",
    "outlet_sentence",
]

#: Layout tweaks for a projected screen (``static/app.css``).
APP_CSS: Final = stylesheet("app.css")
#: Everything the dashboard injects once: app layout, article highlights, the side-by-side view.
PAGE_CSS: Final = stylesheet("app.css", "article.css", "compare.css")


def esc_name(name: str) -> str:
    """An outlet name or title set inline in other text: escaped and isolated in ``<bdi>``.

    >>> esc_name("A & B")
    '<bdi>A &amp; B</bdi>'
    """
    return str(isolate(name))


def frame_legend(definitions: Mapping[str, str]) -> str:
    """Colour key of the three frames, with each definition as its tooltip."""
    chips = Markup("").join(
        Markup('<span class="fl-chip" title="{}"><span class="fl-swatch" style="background:{};'
               'outline:2px solid {}"></span><b>{}</b></span>').format(
            definitions.get(f, ""), FRAME_COLOURS[f], FRAME_TINTS[f], f)
        for f in FRAMES
    )
    return str(Markup('<div class="fl-frames">{}</div>').format(chips))


def outlet_heading(name: str) -> str:
    """An outlet name as an HTML heading (escaped, isolated)."""
    return str(Markup('<div class="fl-heading"><bdi>{}</bdi></div>').format(name))


def outlet_sentence(outlet: str, rest: str) -> str:
    """One overview sentence: the outlet name in bold (isolated, escaped), then the rest (escaped).

    >>> outlet_sentence("A<b>", "leads.")
    '<p class="fl-sentence"><bdi><b>A&lt;b&gt;</b></bdi> leads.</p>'
    """
    return str(Markup('<p class="fl-sentence"><bdi><b>{}</b></bdi> {}</p>').format(outlet, rest))
