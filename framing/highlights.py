"""Highlighted article text: find character spans first, then render them as safe HTML.

Two steps, as in spaCy's span rulers: ``sentence_spans`` turns an ``ArticleReport`` into plain
``HighlightSpan`` records (offsets into ``ArticleReport.text``, no HTML), and
``render_article_html`` writes them out. Every string that comes from an article (text, title,
outlet, evidence term, removal kind/reason) goes through ``html.escape(..., quote=True)`` before
it is wrapped in markup, so article content can never become markup.

Bidirectional-text controls in the data (a right-to-left override U+202E in an outlet name, say)
are kept, so nothing the source wrote is lost, but they cannot reorder what is around them: names
in the meta line are ``<span class="fl-name" dir="auto">`` and highlighted sentences ``<mark>``,
both bidi isolates (``unicode-bidi: isolate`` in ``HIGHLIGHT_CSS``), and a paragraph is a block,
where any override ends. Long unbroken words wrap (``overflow-wrap: anywhere``).

Encoding of a highlighted sentence
----------------------------------
* background: the frame's light tint (``framing.palette.FRAME_TINTS``);
* a small tag before the sentence: the frame's initial (T/S/D), plus ▼ for negative or ▲ for
  positive tone, so neither frame nor tone relies on colour alone (and both survive a b/w print);
* an underline (``border-bottom``) whose colour shows tone sign, whose *style* is dashed for
  negative and solid for positive, and whose width grows with |tone|;
* ``title`` tooltip listing the evidence terms with frame and weight;
* evidence terms inside the sentence in bold (frame terms) or italics (tone terms).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Final, Iterable, Iterator, Sequence

from framing.palette import (
    FRAME_COLOURS,
    FRAME_TINTS,
    NEUTRAL,
    TONE_NEGATIVE,
    TONE_NEUTRAL_BAND,
    TONE_POSITIVE,
    frame_colour,
    frame_tint,
    tone_colour,
)
from framing.types import FRAMES, TONE_LABEL, ArticleReport, Evidence, Removal, SentenceReport

__all__ = [
    "HIGHLIGHT_CSS",
    "HighlightSpan",
    "TermSpan",
    "sentence_spans",
    "paragraph_bounds",
    "tooltip_text",
    "render_article_html",
    "legend_html",
    "emphasise_evidence",
]

#: Upper bounds of |tone| for the three underline widths (px). Tone is in [-1, 1]; a third of
#: the range per step keeps "slightly", "clearly" and "strongly" visibly apart.
TONE_WIDTH_STEPS: Final[tuple[tuple[float, int], ...]] = ((1 / 3, 2), (2 / 3, 3), (1.0, 4))
#: Underline width (px) for a frame sentence with neutral tone: thin dotted, in the frame colour.
NEUTRAL_UNDERLINE_PX: Final = 1
#: Evidence listed per frame in a tooltip before "…" (a sentence rarely has more than a handful).
MAX_TOOLTIP_TERMS: Final = 8

_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_TONE_MARKS: Final = {"negative": "▼", "positive": "▲"}
_MINUS: Final = "−"  # U+2212, reads better than a hyphen in numbers

#: The stylesheet the dashboard injects once (and the HTML report embeds). Per-sentence colours
#: are inline styles; this only sets layout, fonts and print behaviour.
HIGHLIGHT_CSS: Final = """
.fl-article { font-family: Georgia, "Times New Roman", serif; font-size: 1.02rem;
  line-height: 1.75; color: #111; background: #fff; overflow-wrap: anywhere; }
.fl-article h3.fl-title { font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
  font-size: 1.15rem; line-height: 1.3; margin: 0 0 .2rem 0; }
.fl-article .fl-meta { font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
  font-size: .85rem; color: #444; margin: 0 0 .8rem 0; }
.fl-article p { margin: 0 0 .9rem 0; }
.fl-article mark.fl-s { color: #000; padding: .1em .15em; border-radius: 2px;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; unicode-bidi: isolate; }
.fl-article .fl-name { unicode-bidi: isolate; }
.fl-article .fl-tag { font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
  font-size: .68em; font-weight: 700; vertical-align: super; line-height: 0; margin-right: .15em;
  color: #000; letter-spacing: .02em; }
.fl-article .fl-term-frame { font-weight: 700; }
.fl-article .fl-term-tone { font-style: italic; text-decoration: underline dotted; }
.fl-article details.fl-removed { font-family: system-ui, -apple-system, "Segoe UI", sans-serif;
  font-size: .85rem; color: #333; border-left: 3px solid #8C8C8C; padding: .2rem .6rem;
  margin: .4rem 0; background: #F4F4F4; }
.fl-article details.fl-removed summary { cursor: pointer; }
.fl-article details.fl-removed div { white-space: pre-wrap; margin-top: .3rem; }
.fl-legend { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: .9rem;
  display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: center; margin: .4rem 0; }
.fl-legend .fl-key { padding: .1em .4em; border-radius: 2px; color: #000; }
@media print {
  .fl-article mark.fl-s, .fl-legend .fl-key { -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }
  /* Inline marks cannot carry break rules: keep whole paragraphs (so sentences) on one page
     where they fit, and never leave fewer than 3 lines of one at a page edge. */
  .fl-article p { break-inside: avoid; page-break-inside: avoid; orphans: 3; widows: 3; }
  .fl-article details.fl-removed { break-inside: avoid; }
}
"""


@dataclass(frozen=True, slots=True)
class TermSpan:
    """An evidence term to emphasise: ``text[start:end]``; ``frame`` is a frame name or "tone"."""

    start: int
    end: int
    frame: str


@dataclass(frozen=True, slots=True)
class HighlightSpan:
    """One sentence to highlight: ``text[start:end]`` of the cleaned text, no markup.

    ``frame`` is the dominant frame or ``None`` for a sentence that only carries tone evidence.
    ``terms`` lie inside ``[start, end)``, sorted and non-overlapping. ``evidence`` is the
    sentence's full evidence, for the tooltip.
    """

    start: int
    end: int
    frame: str | None
    tone: float
    evidence: tuple[Evidence, ...]
    terms: tuple[TermSpan, ...]


# --------------------------------------------------------------------------- finding spans


def _clip(start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """Clamp ``[start, end)`` into ``[low, high]``; an inverted range collapses to empty."""
    clipped_start = min(max(start, low), high)
    return clipped_start, min(max(end, clipped_start), high)


def _is_highlighted(sentence: SentenceReport) -> bool:
    """A sentence is highlighted if it has a dominant frame or carries tone evidence."""
    if sentence.frame is not None:
        return True
    return any(item.frame == TONE_LABEL for item in sentence.evidence)


def _term_spans(evidence: Iterable[Evidence], start: int, end: int) -> tuple[TermSpan, ...]:
    """Evidence clipped to ``[start, end)``, sorted, earlier/longer first where they overlap."""
    candidates = []
    for item in evidence:
        term_start, term_end = _clip(item.start, item.end, start, end)
        if term_end > term_start:
            candidates.append(TermSpan(term_start, term_end, item.frame))
    candidates.sort(key=lambda term: (term.start, -term.end))
    kept: list[TermSpan] = []
    for term in candidates:
        if not kept or term.start >= kept[-1].end:
            kept.append(term)
    return tuple(kept)


def emphasise_evidence(text: str, evidence: Iterable[Evidence], *, offset: int = 0) -> str:
    """Escaped ``text`` with the given evidence terms in ``<b>``; evidence offsets are ``offset`` +
    positions in ``text`` (pass ``sentence.start`` for a sentence's text).

    Examples
    --------
    >>> item = Evidence("tariff", "trade", 1.0, 10, 17)
    >>> emphasise_evidence("<b>New tariffs", [item], offset=3)
    '&lt;b&gt;New <b>tariffs</b>'
    """
    pieces: list[str] = []
    position = offset
    for term in _term_spans(evidence, offset, offset + len(text)):
        pieces.append(_escape(text[position - offset : term.start - offset]))
        pieces.append(f"<b>{_escape(text[term.start - offset : term.end - offset])}</b>")
        position = term.end
    pieces.append(_escape(text[position - offset :]))
    return "".join(pieces)


def sentence_spans(article: ArticleReport) -> list[HighlightSpan]:
    """Find the sentences of an article to highlight, as character spans (no HTML).

    Offsets are clipped to the text, empty spans dropped, and where two sentences overlap the
    later one starts where the earlier ends, so the result is always in bounds, sorted and
    non-overlapping whatever the engine produced.

    Parameters
    ----------
    article : ArticleReport
        One analysed article; offsets refer to ``article.text``.

    Returns
    -------
    list of HighlightSpan
        Sentences with a dominant frame, or with tone evidence only (``frame=None``).

    Examples
    --------
    >>> from framing.types import SentenceReport
    >>> sentence = SentenceReport(0, 11, "Troops came", 0, {"security": 1.0}, "security", 0.0,
    ...                           (Evidence("troops", "security", 0.8, 0, 6),))
    >>> [(s.start, s.end, s.frame) for s in sentence_spans(_example_article(sentence))]
    [(0, 11, 'security')]
    """
    text_length = len(article.text)
    ordered = sorted(
        (s for s in article.sentences if _is_highlighted(s)), key=lambda s: (s.start, s.end)
    )
    spans: list[HighlightSpan] = []
    floor = 0
    for sentence in ordered:
        start, end = _clip(sentence.start, sentence.end, floor, text_length)
        if end <= start:
            continue
        terms = _term_spans(sentence.evidence, start, end)
        spans.append(
            HighlightSpan(start, end, sentence.frame, sentence.tone, sentence.evidence, terms)
        )
        floor = end
    return spans


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Split text at blank lines into ``(start, end)`` paragraph ranges (whitespace-only dropped).

    Parameters
    ----------
    text : str
        Cleaned article text.

    Returns
    -------
    list of tuple of int
        Sorted, non-overlapping ranges into ``text``.

    Examples
    --------
    >>> paragraph_bounds("One.\\n\\nTwo.")
    [(0, 4), (6, 10)]
    """
    bounds: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, len(text)))
    return [(start, end) for start, end in bounds if text[start:end].strip()]


# --------------------------------------------------------------------------- formatting


def _signed(value: float) -> str:
    """``+0.42`` / ``−0.42`` with a true minus sign."""
    return f"{_MINUS if value < 0 else '+'}{abs(value):.2f}"


def _tone_word(tone: float) -> str | None:
    """"negative", "positive" or ``None`` inside the neutral band."""
    if tone <= -TONE_NEUTRAL_BAND:
        return "negative"
    if tone >= TONE_NEUTRAL_BAND:
        return "positive"
    return None


def _terms_text(items: Sequence[Evidence], signed: bool) -> str:
    """``troops 0.84, arms sale 0.61`` (capped at ``MAX_TOOLTIP_TERMS``)."""
    shown = [
        f"{item.term} {_signed(item.weight) if signed else f'{item.weight:.2f}'}"
        for item in items[:MAX_TOOLTIP_TERMS]
    ]
    if len(items) > MAX_TOOLTIP_TERMS:
        shown.append("…")
    return ", ".join(shown)


def tooltip_text(span: HighlightSpan) -> str:
    """Plain-text tooltip of a span: frame, tone and the evidence grouped by frame (unescaped).

    Parameters
    ----------
    span : HighlightSpan
        A span from ``sentence_spans``.

    Returns
    -------
    str
        E.g. ``"Frame: security · tone −0.42\\nsecurity: troops 0.84 · tone: deplores −0.42"``.
        The caller escapes it.

    Examples
    --------
    >>> span = HighlightSpan(0, 5, "security", -0.42, (Evidence("troops", "security", 0.84, 0, 6),
    ...                      Evidence("deplores", "tone", -0.42, 0, 5)), ())
    >>> print(tooltip_text(span))
    Frame: security · tone −0.42
    security: troops 0.84 · tone: deplores −0.42
    """
    heading = f"Frame: {span.frame or 'none'} · tone {_signed(span.tone)}"
    groups = []
    for label in (*FRAMES, TONE_LABEL):
        items = sorted(
            (item for item in span.evidence if item.frame == label), key=lambda e: -abs(e.weight)
        )
        if items:
            groups.append(f"{label}: {_terms_text(items, signed=label == TONE_LABEL)}")
    others = [item for item in span.evidence if item.frame not in (*FRAMES, TONE_LABEL)]
    if others:
        groups.append("other: " + _terms_text(others, signed=False))
    return heading + ("\n" + " · ".join(groups) if groups else "")


def _underline_width(tone: float) -> int:
    """Underline width in px for |tone| (see ``TONE_WIDTH_STEPS``)."""
    strength = abs(tone)
    for upper, width in TONE_WIDTH_STEPS:
        if strength <= upper:
            return width
    return TONE_WIDTH_STEPS[-1][1]


def _span_style(span: HighlightSpan) -> str:
    """Inline style: frame tint background and a tone-coded underline."""
    tone_word = _tone_word(span.tone)
    if tone_word is None:
        border = f"{NEUTRAL_UNDERLINE_PX}px dotted {frame_colour(span.frame)}"
    else:
        style = "dashed" if tone_word == "negative" else "solid"
        border = f"{_underline_width(span.tone)}px {style} {tone_colour(span.tone)}"
    return f"background-color:{frame_tint(span.frame)};border-bottom:{border}"


def _tag_text(span: HighlightSpan) -> str:
    """Frame initial plus ▲/▼, e.g. ``S▼``; ``·▼`` for a tone-only sentence."""
    initial = span.frame[0].upper() if span.frame else "·"
    tone_word = _tone_word(span.tone)
    return initial + (_TONE_MARKS[tone_word] if tone_word else "")


def _escape(text: str) -> str:
    """HTML-escape article-derived text, quotes included."""
    return html.escape(text, quote=True)


def _escape_name(text: str) -> str:
    """An escaped name (outlet, credit) inline in other text, as a bidi isolate (``fl-name``)."""
    return f'<span class="fl-name" dir="auto">{_escape(text)}</span>'


def _escape_body(text: str) -> str:
    """Escape paragraph text and keep single line breaks visible."""
    return _escape(text).replace("\r\n", "\n").replace("\n", "<br>")


# --------------------------------------------------------------------------- rendering


def _render_terms(text: str, span: HighlightSpan, start: int, end: int) -> str:
    """Escaped ``text[start:end]`` (a piece of ``span``) with its evidence terms emphasised."""
    pieces: list[str] = []
    position = start
    for term in span.terms:
        term_start, term_end = _clip(term.start, term.end, position, end)
        if term_end <= term_start:
            continue
        pieces.append(_escape_body(text[position:term_start]))
        css_class = "fl-term-tone" if term.frame == TONE_LABEL else "fl-term-frame"
        pieces.append(
            f'<span class="{css_class}">{_escape_body(text[term_start:term_end])}</span>'
        )
        position = term_end
    pieces.append(_escape_body(text[position:end]))
    return "".join(pieces)


def _render_mark(text: str, span: HighlightSpan, start: int, end: int, first: bool) -> str:
    """One ``<mark>`` for the part of ``span`` inside a paragraph; the tag only on its first part."""
    frame_class = f" fl-frame-{span.frame}" if span.frame in FRAMES else ""
    tooltip = _escape(tooltip_text(span))
    tag = f'<span class="fl-tag" aria-hidden="true">{_tag_text(span)}</span>' if first else ""
    return (
        f'<mark class="fl-s{frame_class}" style="{_span_style(span)}" title="{tooltip}">'
        f"{tag}{_render_terms(text, span, start, end)}</mark>"
    )


def _render_paragraph(
    text: str, bounds: tuple[int, int], spans: Sequence[HighlightSpan], started: set[int]
) -> str:
    """One ``<p>``: plain escaped text between the marks of the spans that touch it."""
    para_start, para_end = bounds
    pieces: list[str] = []
    position = para_start
    for index, span in enumerate(spans):
        start, end = _clip(span.start, span.end, position, para_end)
        if end <= start:
            continue
        pieces.append(_escape_body(text[position:start]))
        pieces.append(_render_mark(text, span, start, end, first=index not in started))
        started.add(index)
        position = end
    pieces.append(_escape_body(text[position:para_end]))
    return f"<p>{''.join(pieces)}</p>"


def _render_body(text: str, spans: Sequence[HighlightSpan] | None) -> str:
    """All paragraphs; ``spans=None`` renders plain escaped text."""
    started: set[int] = set()
    paragraphs = []
    for bounds in paragraph_bounds(text):
        if spans is None:
            paragraphs.append(f"<p>{_escape_body(text[bounds[0]:bounds[1]])}</p>")
        else:
            paragraphs.append(_render_paragraph(text, bounds, spans, started))
    return "\n".join(paragraphs)


def _render_header(article: ArticleReport) -> str:
    """Title and a meta line (outlet · date · credit), escaped."""
    parts = (
        _escape_name(article.outlet) if article.outlet else "",
        _escape(article.date) if article.date else "",
        _escape_name(article.credit) if article.credit else "",
    )
    meta = " · ".join(part for part in parts if part)
    return (
        f'<h3 class="fl-title">{_escape(article.title)}</h3>\n'
        f'<div class="fl-meta">{meta}</div>'
    )


def _render_removed(removed: Iterable[Removal]) -> Iterator[str]:
    """Collapsed ``<details>`` per piece of removed boilerplate."""
    for item in removed:
        reason = f" ({_escape(item.reason)})" if item.reason else ""
        yield (
            f'<details class="fl-removed"><summary>Removed: {_escape(item.kind)}{reason}'
            f"</summary><div>{_escape(item.text)}</div></details>"
        )


def render_article_html(
    article: ArticleReport, *, reveal: bool = True, show_removed: bool = True
) -> str:
    """Render one article as safe HTML for side-by-side display.

    Parameters
    ----------
    article : ArticleReport
        The analysed article.
    reveal : bool, default True
        ``False`` is the classroom "read first" mode: plain escaped text with no colours, marks,
        tooltips or scores.
    show_removed : bool, default True
        Append removed boilerplate as collapsed ``<details>`` blocks.

    Returns
    -------
    str
        An ``<article class="fl-article">`` fragment; style it with ``HIGHLIGHT_CSS``.

    Examples
    --------
    >>> from framing.types import SentenceReport
    >>> sentence = SentenceReport(0, 11, "Troops came", 0, {"security": 1.0}, "security", 0.0)
    >>> html_text = render_article_html(_example_article(sentence, title="<b>x</b>"))
    >>> "&lt;b&gt;x&lt;/b&gt;" in html_text and "<mark" in html_text
    True
    >>> "<mark" in render_article_html(_example_article(sentence), reveal=False)
    False
    """
    spans = sentence_spans(article) if reveal else None
    parts = [
        '<article class="fl-article" dir="auto">',
        _render_header(article),
        _render_body(article.text, spans),
    ]
    if show_removed:
        parts.extend(_render_removed(article.removed))
    parts.append("</article>")
    return "\n".join(parts)


def legend_html() -> str:
    """Return the HTML legend of frame tints, frame tags and tone underlines.

    Returns
    -------
    str
        A ``<div class="fl-legend">`` fragment; style it with ``HIGHLIGHT_CSS``.

    Examples
    --------
    >>> "security" in legend_html() and "▼" in legend_html()
    True
    """
    keys = [
        f'<span class="fl-key" style="background-color:{FRAME_TINTS[frame]};'
        f'border-bottom:3px solid {FRAME_COLOURS[frame]}"><b>{frame[0].upper()}</b> {frame}</span>'
        for frame in FRAMES
    ]
    keys.append(
        f'<span class="fl-key" style="border-bottom:3px dashed {TONE_NEGATIVE}">'
        "▼ negative tone (dashed)</span>"
    )
    keys.append(
        f'<span class="fl-key" style="border-bottom:3px solid {TONE_POSITIVE}">'
        "▲ positive tone (solid)</span>"
    )
    keys.append(
        f'<span class="fl-key" style="border-bottom:1px dotted {NEUTRAL}">'
        "dotted: neutral tone</span>"
    )
    keys.append('<span><b>bold</b> = frame word, <i>italic</i> = tone word; '
                "thicker underline = stronger tone; hover a sentence for its evidence</span>")
    return f'<div class="fl-legend">{"".join(keys)}</div>'


def _example_article(sentence: SentenceReport, *, title: str = "T") -> ArticleReport:
    """A one-sentence article for the doctests above (not part of the API)."""
    from framing.types import Readability

    return ArticleReport(
        id="a1", outlet="Outlet", title=title, date=None, url=None, credit=None, source="",
        text=sentence.text, removed=(), word_count=2, readability=Readability(60.0, 8.0, 2, 1),
        frame_scores={}, emphasis={}, intensity=0.0, tone=0.0, sentences=(sentence,),
    )
