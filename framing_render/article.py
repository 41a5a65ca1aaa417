"""Articles as safe HTML: highlighted, side by side, with each sentence's evidence one click away.

The spans come from ``framing.highlights`` (offsets, no HTML); this module cuts the text into
paragraph pieces and the Jinja2 templates in ``templates/`` write them out with autoescape on, so
every string from an article (text, title, outlet, evidence term, removal reason) is escaped by
the one escaper (``framing_render.text.esc``) and can never become markup.

One code per dimension: a frame is a background tint, only on sentences whose frame evidence is
strong and clear (``framing.highlights.is_tinted``); tone is one small mark after the sentence
(▲/▼, see ``TONE_MARK_MIN``), in colours that reuse no frame hue. Everything else (the words, the
weights, the scores) is in the evidence card that a click, a tap or the keyboard pins in the panel
beside the columns: every sentence with evidence is a radio button's label, the cards sit in the
panel, and a CSS ``:has()`` rule per sentence shows the card of the checked one. No script runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from framing.highlights import (
    MIN_TINT_LEAD,
    MIN_TINT_SCORE,
    TONE_MARK_MIN,
    HighlightSpan,
    paragraph_bounds,
    sentence_spans,
)
from framing.types import FRAMES, TONE_LABEL, ArticleReport, Evidence

from .palette import FRAME_COLOURS, FRAME_TINTS, TONE_NEGATIVE, TONE_POSITIVE
from .jinja import render
from .text import Markup, esc, number, percent, signed

__all__ = [
    "TONE_MARKS",
    "EvidenceCard",
    "evidence_card",
    "render_article_html",
    "render_compare_html",
    "legend_html",
    "emphasise_evidence",
    "emphasis_strip",
]

#: The tone mark after a sentence and the words a screen reader says for it.
TONE_MARKS: Final[Mapping[str, tuple[str, str]]] = {
    "negative": ("▼", "strongly negative tone"),
    "positive": ("▲", "strongly positive tone"),
}
_GROUP: Final = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
#: Evidence words listed per group in a card before "and N more".
MAX_CARD_TERMS: Final = 10


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of one paragraph: plain text, or part of a span (``span`` indexes the article's spans)."""

    text: str
    span: int | None = None
    first: bool = False


@dataclass(frozen=True, slots=True)
class EvidenceCard:
    """What the panel shows for one sentence: plain text and numbers (the template escapes them)."""

    key: str
    outlet: str
    title: str
    sentence: str
    frame: str | None
    tinted: bool
    scores: tuple[tuple[str, str], ...]
    frame_words: tuple[tuple[str, str, str], ...]
    tone: str
    tone_word: str
    tone_words: tuple[tuple[str, str], ...]
    more: int


def _pieces(text: str, spans: Sequence[HighlightSpan] | None) -> list[list[Piece]]:
    """Paragraphs of ``text`` as runs; a sentence crossing a paragraph break becomes two runs."""
    paragraphs = []
    started: set[int] = set()
    for para_start, para_end in paragraph_bounds(text):
        runs: list[Piece] = []
        position = para_start
        for index, span in enumerate(spans or ()):
            start, end = max(span.start, position), min(span.end, para_end)
            if end <= start:
                continue
            if start > position:
                runs.append(Piece(text[position:start]))
            runs.append(Piece(text[start:end], index, first=index not in started))
            started.add(index)
            position = end
        if position < para_end:
            runs.append(Piece(text[position:para_end]))
        paragraphs.append(runs)
    return paragraphs


def _grouped(evidence: Iterable[Evidence], label: str) -> list[Evidence]:
    """Evidence of one frame (or of tone), strongest first."""
    return sorted((e for e in evidence if e.frame == label), key=lambda e: (-abs(e.weight), e.start))


def tone_word(tone: float) -> str:
    """Plain words for a sentence's tone.

    >>> tone_word(-0.7), tone_word(0.2), tone_word(0.0)
    ('strongly negative', 'mildly positive', 'neutral')
    """
    if tone == 0:
        return "neutral"
    strength = "strongly" if abs(tone) >= TONE_MARK_MIN else "mildly"
    return f"{strength} {'positive' if tone > 0 else 'negative'}"


def evidence_card(article: ArticleReport, span: HighlightSpan, key: str) -> EvidenceCard:
    """The card of one highlighted sentence: frame scores, frame words, tone and tone words."""
    frame_items = [e for frame in FRAMES for e in _grouped(span.evidence, frame)]
    frame_items.sort(key=lambda e: -e.weight)
    tone_items = _grouped(span.evidence, TONE_LABEL)
    shown_frame = frame_items[:MAX_CARD_TERMS]
    shown_tone = tone_items[:MAX_CARD_TERMS]
    return EvidenceCard(
        key=key,
        outlet=article.outlet,
        title=article.title,
        sentence=article.text[span.start:span.end],
        frame=span.frame,
        tinted=span.tinted,
        scores=tuple((frame, number(score, 1)) for frame, score in span.scores if score > 0),
        frame_words=tuple((e.term, e.frame, number(e.weight, 2)) for e in shown_frame),
        tone=signed(span.tone),
        tone_word=tone_word(span.tone),
        tone_words=tuple((e.term, signed(e.weight)) for e in shown_tone),
        more=len(frame_items) - len(shown_frame) + len(tone_items) - len(shown_tone),
    )


@dataclass(frozen=True, slots=True)
class _ArticleView:
    """What the article template reads."""

    key: str
    title: str
    meta: tuple[str, ...]
    paragraphs: list[list[Piece]]
    spans: Sequence[HighlightSpan]
    removed: tuple[tuple[str, str, str], ...]
    notes: tuple[str, ...]


def _article_view(article: ArticleReport, key: str, *, reveal: bool, show_removed: bool,
                  show_notes: bool = False) -> _ArticleView:
    spans = sentence_spans(article) if reveal else []
    meta = tuple(part for part in (article.outlet, article.date, article.credit) if part)
    removed = tuple((r.kind, r.reason, r.text) for r in article.removed) if show_removed else ()
    return _ArticleView(key, article.title, meta, _pieces(article.text, spans if reveal else None),
                        spans, removed, article.notes if show_notes else ())


def render_article_html(article: ArticleReport, *, reveal: bool = True, show_removed: bool = True) -> str:
    """One article as an ``<article class="fl-article">`` fragment (tints and tone marks, no cards).

    Parameters
    ----------
    article : ArticleReport
        The analysed article.
    reveal : bool, default True
        ``False`` is the classroom "read first" mode: plain escaped text with no colours or marks.
    show_removed : bool, default True
        Append removed boilerplate as collapsed ``<details>`` blocks.

    Examples
    --------
    >>> from framing.highlights import _example_article
    >>> from framing.types import SentenceReport
    >>> s = SentenceReport(0, 11, "Troops came", 0, {"security": 5.0}, "security", 0.0)
    >>> page = render_article_html(_example_article(s, title="<b>x</b>"))
    >>> "&lt;b&gt;x&lt;/b&gt;" in page and "fl-t-security" in page
    True
    >>> "fl-t-" in render_article_html(_example_article(s), reveal=False)
    False
    """
    view = _article_view(article, article.id, reveal=reveal, show_removed=show_removed)
    return render("article.html.j2", article=view, interactive=False, group="", marks=TONE_MARKS)


@dataclass(frozen=True, slots=True)
class _Column:
    outlet: str
    strip: Markup
    note: str
    articles: list[_ArticleView]


def render_compare_html(
    columns: Sequence[tuple[str, Mapping[str, float], float, Sequence[ArticleReport], str]],
    *,
    reveal: bool = True,
    interactive: bool = True,
    group: str = "fl",
    show_removed: bool = True,
) -> str:
    """Outlets side by side in columns, with the evidence panel beside them when ``interactive``.

    Parameters
    ----------
    columns : sequence of (outlet, emphasis, tone, articles, note)
        One column per outlet: its name, frame shares, tone, the articles to show and a note
        (e.g. "the first 10 of 40 articles"; empty for none).
    reveal : bool, default True
        ``False`` shows plain text (no tints, marks, strip or panel).
    interactive : bool, default True
        Sentences are radio-button labels whose evidence card shows in a panel (no script).
    group : str, default "fl"
        Prefix of the element ids, unique per fragment on one page (letters, digits, "-").
    show_removed : bool, default True
        Append each article's removed boilerplate as collapsed ``<details>`` blocks.

    Examples
    --------
    >>> from framing.highlights import _example_article
    >>> from framing.types import SentenceReport
    >>> s = SentenceReport(0, 11, "Troops came", 0, {"security": 5.0}, "security", -0.6)
    >>> page = render_compare_html([("A<b>", {"security": 1.0}, -0.6, [_example_article(s)], "")])
    >>> "A&lt;b&gt;" in page and 'type="radio"' in page and "fl-panel" in page
    True
    """
    if not _GROUP.fullmatch(group):
        raise ValueError(f"group={group!r} must be letters, digits and '-', starting with a letter")
    views, cards, keys = [], [], []
    for number_, (outlet, emphasis, tone, articles, note) in enumerate(columns):
        shown = []
        for index, article in enumerate(articles):
            key = f"{group}-{number_}-{index}"
            view = _article_view(article, key, reveal=reveal, show_removed=show_removed)
            shown.append(view)
            for span_index, span in enumerate(view.spans):
                card_key = f"{key}-{span_index}"
                cards.append(evidence_card(article, span, card_key))
                keys.append(card_key)
        strip = emphasis_strip(emphasis, tone=tone) if reveal else Markup("")
        views.append(_Column(outlet, strip, note, shown))
    return render("compare.html.j2", columns=views, cards=cards, keys=keys, group=group,
                  interactive=interactive and reveal, reveal=reveal, count=len(views), marks=TONE_MARKS)


def legend_html(*, interactive: bool = True) -> str:
    """The key of the highlights: three frame tints and the tone marks (four items).

    >>> page = legend_html()
    >>> page.count('class="fl-key"'), "▼" in page
    (4, True)
    """
    return render("legend.html.j2", frames=FRAMES, tints=FRAME_TINTS, colours=FRAME_COLOURS,
                  negative=TONE_NEGATIVE, positive=TONE_POSITIVE, marks=TONE_MARKS,
                  interactive=interactive, min_score=number(MIN_TINT_SCORE, 0),
                  min_lead=percent(MIN_TINT_LEAD))


def emphasise_evidence(text: str, evidence: Iterable[Evidence], *, offset: int = 0) -> Markup:
    """Escaped ``text`` with the given evidence terms in ``<b>``; evidence offsets are ``offset`` +
    positions in ``text`` (pass ``sentence.start`` for a sentence's text).

    >>> item = Evidence("tariff", "trade", 1.0, 10, 17)
    >>> str(emphasise_evidence("<b>New tariffs", [item], offset=3))
    '&lt;b&gt;New <b>tariffs</b>'
    """
    pieces: list[Markup] = []
    position = offset
    ordered = sorted(evidence, key=lambda e: (e.start, -e.end))
    for item in ordered:
        start, end = max(item.start, position), min(item.end, offset + len(text))
        if end <= start:
            continue
        pieces.append(esc(text[position - offset:start - offset]))
        pieces.append(Markup("<b>%s</b>") % text[start - offset:end - offset])
        position = end
    pieces.append(esc(text[position - offset:]))
    return Markup("").join(pieces)


def emphasis_strip(emphasis: Mapping[str, float], *, tone: float | None = None) -> Markup:
    """A thin stacked bar of the three frame shares with a text label (colour never stands alone).

    >>> "trade 50%" in emphasis_strip({"trade": 0.5, "security": 0.5, "diplomacy": 0.0})
    True
    """
    return Markup(render("strip.html.j2", frames=FRAMES, colours=FRAME_COLOURS,
                         shares={f: emphasis.get(f, 0.0) for f in FRAMES},
                         total=sum(emphasis.get(f, 0.0) for f in FRAMES),
                         tone=None if tone is None else signed(tone)))
