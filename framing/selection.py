"""What the dashboard and the HTML report show, picked from a report once, in one place.

The UI and the report call these instead of re-deriving them: the articles of an outlet, each
outlet's top passages for a frame, the evidence table (frame words behind each score), the frame
words per 100 words (intensity in plain words), and the distinctive words that pass the z
threshold. Plain data in, plain data out: no HTML, no streamlit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from .compare import TermTotal, evidence_summary
from .evidence import load_passage_rule
from .lexicon import Lexicon
from .types import FRAMES, TONE_LABEL, ArticleReport, CorpusReport, DistinctiveTerm, OutletReport, SentenceReport

__all__ = [
    "Z_THRESHOLD",
    "Passage",
    "articles_of",
    "outlet_of",
    "top_passages",
    "evidence_table",
    "context_terms",
    "frame_words_per_100",
    "significant_terms",
    "frame_words_by_outlet",
]

#: A distinctive word is shown only when its log-odds z-score reaches this: 1.96 is the two-sided
#: 5% point of the normal distribution (Monroe, Colaresi & Quinn 2008 use the same cut-off).
Z_THRESHOLD: Final = 1.96


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence of an article, picked for its score on ``frame``."""

    article: ArticleReport
    sentence: SentenceReport
    frame: str
    score: float


def articles_of(report: CorpusReport | Sequence[ArticleReport], outlet: str) -> tuple[ArticleReport, ...]:
    """The articles carrying the label ``outlet``, in report order: of a report, or of a selection of
    its articles (the HTML report's chosen outlets). The one outlet filter of the UI and the render layer.

    >>> articles_of(CorpusReport(articles=(), outlets=()), "X")
    ()
    """
    articles = report.articles if isinstance(report, CorpusReport) else report
    return tuple(a for a in articles if a.outlet == outlet)


def outlet_of(report: CorpusReport, outlet: str) -> OutletReport:
    """The ``OutletReport`` named ``outlet``; ``KeyError`` naming the outlets there are otherwise."""
    for item in report.outlets:
        if item.outlet == outlet:
            return item
    raise KeyError(f"no outlet {outlet!r}; the report has {[o.outlet for o in report.outlets]!r}")


def top_passages(report: CorpusReport, frame: str, count: int) -> dict[str, list[Passage]]:
    """Per outlet (report order), its ``count`` sentences with the highest ``frame`` score above 0.

    Ties go to the earlier article id, then the earlier sentence.
    """
    if frame not in FRAMES:
        raise ValueError(f"frame={frame!r} is not one of {FRAMES}")
    result: dict[str, list[Passage]] = {}
    for outlet in report.outlets:
        ranked = sorted(
            (Passage(a, s, frame, s.frames.get(frame, 0.0)) for a in articles_of(report, outlet.outlet)
             for s in a.sentences if s.frames.get(frame, 0.0) > 0),
            key=lambda p: (-p.score, p.article.id, p.sentence.start),
        )
        result[outlet.outlet] = ranked[:count]
    return result


def evidence_table(report: CorpusReport, top: int) -> list[tuple[str, dict[str, list[TermTotal]]]]:
    """Per outlet, per frame, the ``top`` lexicon terms that added most weight to its scores."""
    rows = []
    for outlet in report.outlets:
        summary = evidence_summary(articles_of(report, outlet.outlet))
        rows.append((outlet.outlet, {frame: summary[frame][:top] for frame in FRAMES}))
    return rows


def context_terms(lexicon: Lexicon) -> frozenset[str]:
    """The lexicon's terms of the passage rule's *context* subcategories (names of foreign places and
    states, officials' titles): they count toward a score but say where a story is and who speaks, not
    what it is about, so a table of "diplomacy words" sets them apart.

    >>> from framing.lexicon import load_default_lexicon
    >>> places = context_terms(load_default_lexicon())
    >>> "ukraine" in places, "german" in places, "ceasefire" in places
    (True, True, False)
    """
    context = load_passage_rule().context
    return frozenset(t.term for t in lexicon.terms if (t.frame, t.subcategory) in context)


def frame_words_per_100(articles: Sequence[ArticleReport]) -> float:
    """How many of every 100 words are frame words (matched lexicon terms, tone words not counted).

    This is intensity in plain words: "about 6 in every 100 words are trade, security or
    diplomacy words".
    """
    words = sum(a.word_count for a in articles)
    if words == 0:
        return 0.0
    hits = sum(1 for a in articles for s in a.sentences for e in s.evidence if e.frame != TONE_LABEL)
    return 100.0 * hits / words


def significant_terms(outlet: OutletReport, *, threshold: float = Z_THRESHOLD) -> tuple[DistinctiveTerm, ...]:
    """The outlet's distinctive words whose z-score reaches ``threshold``, highest first.

    >>> o = OutletReport("A", (), {}, {}, 0.0, 0.0, 10, (DistinctiveTerm("x", 2.5, 3), DistinctiveTerm("y", 1.2, 2)))
    >>> [t.term for t in significant_terms(o)]
    ['x']
    """
    return tuple(sorted((t for t in outlet.distinctive_terms if t.z >= threshold), key=lambda t: (-t.z, t.term)))


def frame_words_by_outlet(report: CorpusReport) -> Mapping[str, float]:
    """``frame_words_per_100`` of each outlet, by name."""
    return {o.outlet: frame_words_per_100(articles_of(report, o.outlet)) for o in report.outlets}
