"""Per-outlet aggregates: articles with the same outlet label are pooled into one outlet report."""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .distinctive import distinctive_terms
from .evidence import NO_FRAME, emphasis_uncertainty_of, evidence_level, lead_frame, tone_interval
from .tone import mean_tone
from .types import FRAMES, ArticleReport, DistinctiveTerm, OutletReport
from .voices import OutletVoiceTotals

__all__ = ["emphasis_shares", "intensity_per_thousand", "aggregate_outlets", "OutletTotals", "evidence_summary", "TermTotal"]


def emphasis_shares(scores: Mapping[str, float]) -> dict[str, float]:
    """Turn frame scores into shares that sum to 1, or all 0 when there is no evidence.

    Examples
    --------
    >>> emphasis_shares({"trade": 3.0, "security": 1.0, "diplomacy": 0.0})
    {'trade': 0.75, 'security': 0.25, 'diplomacy': 0.0}
    >>> emphasis_shares({"trade": 0.0, "security": 0.0, "diplomacy": 0.0})
    {'trade': 0.0, 'security': 0.0, 'diplomacy': 0.0}
    """
    total = sum(scores.get(frame, 0.0) for frame in FRAMES)
    if total <= 0:
        return dict.fromkeys(FRAMES, 0.0)
    return {frame: scores.get(frame, 0.0) / total for frame in FRAMES}


def intensity_per_thousand(scores: Mapping[str, float], words: int) -> float:
    """Total frame evidence per 1,000 words (0 for an empty text).

    Examples
    --------
    >>> intensity_per_thousand({"trade": 2.0, "security": 1.0, "diplomacy": 1.0}, 500)
    8.0
    """
    return 1000.0 * sum(scores.values()) / words if words else 0.0


def aggregate_outlets(
    articles: Sequence[ArticleReport],
    word_counts: Mapping[str, Counter[str]],
    *,
    pooled_counts: Mapping[str, Counter[str]] | None = None,
) -> tuple[OutletReport, ...]:
    """Pool articles by outlet label, sorted by outlet name.

    ``word_counts`` maps article id to its content-word counts (for distinctive vocabulary).
    ``pooled_counts`` (outlet -> counts already summed over its articles in the order given) replaces
    it for callers that pool as they go and drop each article's counts (``framing.stream``, issue 16).
    """
    totals = OutletTotals()
    for article in articles:
        totals.add(article, None if pooled_counts is not None else word_counts.get(article.id, Counter()))
    return totals.outlets(pooled_counts)


class OutletTotals:
    """Running per-outlet sums behind :func:`aggregate_outlets`, fed one article at a time (issue 16).

    A streamed run adds each article as its line is written and keeps no report: per article this
    holds a few numbers and, per sentence, its tone and frame scores (as C doubles), so memory grows
    by well under 1 KB an article; :meth:`outlets` then gives exactly what ``aggregate_outlets`` gives
    for the same articles in the same order.

    Examples
    --------
    >>> totals = OutletTotals()
    >>> totals.outlets()
    ()
    """

    def __init__(self) -> None:
        self._outlets: dict[str, _OutletSums] = {}

    def add(self, article: ArticleReport, word_counts: Counter[str] | None = None) -> None:
        """Add one article; ``word_counts`` (its content words) are pooled unless the caller pools them."""
        sums = self._outlets.get(article.outlet)
        if sums is None:
            sums = self._outlets[article.outlet] = _OutletSums()
        sums.add(article, word_counts)

    def outlets(self, pooled_counts: Mapping[str, Counter[str]] | None = None) -> tuple[OutletReport, ...]:
        """The outlet reports, sorted by outlet name; ``pooled_counts`` replaces the counts pooled here."""
        counts = {outlet: (pooled_counts.get(outlet, Counter()) if pooled_counts is not None else sums.counts)
                  for outlet, sums in self._outlets.items()}
        distinctive = distinctive_terms(counts)
        return tuple(self._outlets[outlet].report(outlet, distinctive[outlet]) for outlet in sorted(self._outlets))


class _OutletSums:
    def __init__(self) -> None:
        self.ids: list[str] = []
        self.scores: dict[str, list[float]] = {f: [] for f in FRAMES}
        self.words = self.frame_words = 0
        self.frame_words_by_frame = dict.fromkeys(FRAMES, 0)
        self.tones: array[float] = array("d")
        self.sentence_scores: array[float] = array("d")  # len(FRAMES) per sentence, in FRAMES order
        self.counts: Counter[str] = Counter()
        self.voice = OutletVoiceTotals()

    def add(self, article: ArticleReport, word_counts: Counter[str] | None) -> None:
        self.ids.append(article.id)
        for f in FRAMES:
            self.scores[f].append(article.frame_scores[f])
        self.words += article.word_count
        self.frame_words += article.frame_words
        for f in FRAMES:
            self.frame_words_by_frame[f] += article.frame_words_by_frame.get(f, 0)
        for sentence in article.sentences:
            self.tones.append(sentence.tone)
            self.sentence_scores.extend(float(sentence.frames.get(f, 0.0)) for f in FRAMES)
        if word_counts is not None:
            self.counts.update(word_counts)
        self.voice.add(article)

    def report(self, outlet: str, distinctive: tuple[DistinctiveTerm, ...]) -> OutletReport:
        # fsum is exactly rounded, so the pooled scores do not depend on the order of the articles.
        scores = {f: math.fsum(values) for f, values in self.scores.items()}
        matrix = np.frombuffer(self.sentence_scores, dtype=np.float64).reshape(-1, len(FRAMES))
        # the articles' rule (evidence.lead_frame) on the pooled scores and frame words
        dominant = None if (lead := lead_frame(scores, self.frame_words_by_frame)) == NO_FRAME else lead
        ci, support = emphasis_uncertainty_of(matrix, dominant)
        return OutletReport(
            outlet=outlet,
            articles=tuple(self.ids),
            frame_scores=scores,
            emphasis=emphasis_shares(scores),
            intensity=intensity_per_thousand(scores, self.words),
            tone=mean_tone(self.tones),
            word_count=self.words,
            distinctive_terms=distinctive,
            **self.voice.fields(),  # type: ignore[arg-type]
            evidence_level=evidence_level(self.frame_words, self.words, any_evidence=sum(scores.values()) > 0),
            emphasis_ci=ci,
            dominant_frame=dominant,
            dominant_support=support,
            frame_words_by_frame=dict(self.frame_words_by_frame),
            tone_ci=tone_interval(self.tones),
        )


@dataclass(frozen=True, slots=True)
class TermTotal:
    """How often a lexicon term fired in a set of articles and the weight it added in total."""

    term: str
    count: int
    weight: float


def evidence_summary(articles: Sequence[ArticleReport]) -> dict[str, list[TermTotal]]:
    """Per frame, the lexicon terms that carried the most weight across ``articles``, strongest first.

    This is the answer to "why does this outlet score high on security?".
    """
    totals: dict[str, dict[str, list[float]]] = {frame: {} for frame in FRAMES}
    for article in articles:
        for sentence in article.sentences:
            for item in sentence.evidence:
                if item.frame in totals:
                    entry = totals[item.frame].setdefault(item.term, [0, 0.0])
                    entry[0] += 1
                    entry[1] += item.weight
    return {
        frame: sorted(
            (TermTotal(term, int(count), weight) for term, (count, weight) in terms.items()),
            key=lambda t: (-t.weight, t.term),
        )
        for frame, terms in totals.items()
    }
