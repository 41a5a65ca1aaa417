"""Which sentences of an article to highlight, as plain character spans (no HTML here).

Two steps, as in spaCy's span rulers: this module turns an ``ArticleReport`` into
``HighlightSpan`` records (offsets into ``ArticleReport.text``), and ``framing_render.article``
writes them out as escaped HTML. A span is made for every sentence with any evidence (so its
evidence can be shown on click); ``HighlightSpan.tinted`` says whether its frame evidence is
strong and clear enough to colour it (see ``MIN_TINT_SCORE`` and ``MIN_TINT_LEAD``), and
``HighlightSpan.tone_mark`` whether its tone is strong enough for a mark (``TONE_MARK_MIN``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Iterable

from framing.segment import PARAGRAPH_BREAK
from framing.types import FRAMES, TONE_LABEL, ArticleReport, Evidence, SentenceReport

__all__ = [
    "MIN_TINT_SCORE",
    "MIN_TINT_LEAD",
    "TONE_MARK_MIN",
    "HighlightSpan",
    "TermSpan",
    "sentence_spans",
    "paragraph_bounds",
    "is_tinted",
    "tone_mark",
]

#: A sentence is tinted with its frame only when that frame's score is at least this. Scores are
#: sums of lexicon weight x TF-IDF; on the bundled articles one specific term (a "tariff", a
#: "summit") scores about 2-4, so 4.0 asks for about two frame words or one strong one. Measured on
#: the five bundled articles: 51 of 97 sentences pass together with ``MIN_TINT_LEAD``.
MIN_TINT_SCORE: Final = 4.0
#: ... and only when that frame holds at least this share of the sentence's frame evidence, so a
#: near tie ("tariff de-escalation" scoring security 2.8 and trade 2.6) is left untinted rather
#: than shown as one frame.
MIN_TINT_LEAD: Final = 2 / 3
#: |tone| from which a sentence gets a tone mark (▲ positive, ▼ negative). Tone lies in [-1, 1];
#: half way to the end keeps the marks to clearly toned sentences (46 of 97 on the bundled articles).
TONE_MARK_MIN: Final = 0.5



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
    sentence's full evidence and ``scores`` its frame scores, for the evidence panel. ``tinted``:
    the frame evidence passes ``MIN_TINT_SCORE`` and ``MIN_TINT_LEAD``; ``tone_mark``:
    "positive", "negative" or ``None`` (see ``TONE_MARK_MIN``).
    """

    start: int
    end: int
    frame: str | None
    tone: float
    evidence: tuple[Evidence, ...]
    terms: tuple[TermSpan, ...]
    scores: tuple[tuple[str, float], ...] = ()
    tinted: bool = False
    tone_mark: str | None = None


# --------------------------------------------------------------------------- finding spans


def _clip(start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """Clamp ``[start, end)`` into ``[low, high]``; an inverted range collapses to empty."""
    clipped_start = min(max(start, low), high)
    return clipped_start, min(max(end, clipped_start), high)


def _is_highlighted(sentence: SentenceReport) -> bool:
    """A sentence gets a span if it has a dominant frame or carries tone evidence."""
    if sentence.frame is not None:
        return True
    return any(item.frame == TONE_LABEL for item in sentence.evidence)


def is_tinted(sentence: SentenceReport) -> bool:
    """Whether a sentence's frame evidence is strong and clear enough to colour it.

    >>> from framing.types import SentenceReport
    >>> is_tinted(SentenceReport(0, 1, "x", 0, {"trade": 5.0, "security": 1.0}, "trade", 0.0))
    True
    >>> is_tinted(SentenceReport(0, 1, "x", 0, {"trade": 2.8, "security": 2.6}, "trade", 0.0))
    False
    """
    if sentence.frame is None:
        return False
    scores = [max(0.0, sentence.frames.get(frame, 0.0)) for frame in FRAMES]
    top, total = sentence.frames.get(sentence.frame, 0.0), sum(scores)
    return top >= MIN_TINT_SCORE and total > 0 and top / total >= MIN_TINT_LEAD


def tone_mark(tone: float) -> str | None:
    """"positive", "negative" or ``None`` when |tone| is below ``TONE_MARK_MIN``.

    >>> tone_mark(-0.7), tone_mark(0.2)
    ('negative', None)
    """
    if tone <= -TONE_MARK_MIN:
        return "negative"
    if tone >= TONE_MARK_MIN:
        return "positive"
    return None


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
        scores = tuple((frame, sentence.frames[frame]) for frame in FRAMES if frame in sentence.frames)
        spans.append(HighlightSpan(
            start, end, sentence.frame, sentence.tone, sentence.evidence, terms, scores,
            tinted=is_tinted(sentence), tone_mark=tone_mark(sentence.tone),
        ))
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
    for match in PARAGRAPH_BREAK.finditer(text):
        bounds.append((position, match.start()))
        position = match.end()
    bounds.append((position, len(text)))
    return [(start, end) for start, end in bounds if text[start:end].strip()]


def _example_article(sentence: SentenceReport, *, title: str = "T") -> ArticleReport:
    """A one-sentence article for the doctests above (not part of the API)."""
    from framing.types import Readability

    return ArticleReport(
        id="a1", outlet="Outlet", title=title, date=None, url=None, credit=None, source="",
        text=sentence.text, removed=(), word_count=2, readability=Readability(60.0, 8.0, 2, 1),
        frame_scores={}, emphasis={}, intensity=0.0, tone=0.0, sentences=(sentence,),
    )
