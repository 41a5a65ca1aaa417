"""Per-outlet aggregates: articles with the same outlet label are pooled into one outlet report."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .distinctive import distinctive_terms
from .evidence import emphasis_interval, evidence_level
from .tone import mean_tone
from .types import FRAMES, ArticleReport, OutletReport
from .voices import outlet_voice_fields

__all__ = ["emphasis_shares", "intensity_per_thousand", "aggregate_outlets", "evidence_summary", "TermTotal"]


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
    by_outlet: dict[str, list[ArticleReport]] = {}
    for article in articles:
        by_outlet.setdefault(article.outlet, []).append(article)
    outlet_counts: dict[str, Counter[str]] = {}
    for outlet, members in by_outlet.items():
        if pooled_counts is not None:
            outlet_counts[outlet] = pooled_counts.get(outlet, Counter())
            continue
        pooled: Counter[str] = Counter()
        for article in members:
            pooled.update(word_counts.get(article.id, Counter()))
        outlet_counts[outlet] = pooled
    distinctive = distinctive_terms(outlet_counts)
    reports = []
    for outlet in sorted(by_outlet):
        members = by_outlet[outlet]
        # fsum is exactly rounded, so the pooled scores do not depend on the order of the articles.
        scores = {f: math.fsum(a.frame_scores[f] for a in members) for f in FRAMES}
        words = sum(a.word_count for a in members)
        reports.append(
            OutletReport(
                outlet=outlet,
                articles=tuple(a.id for a in members),
                frame_scores=scores,
                emphasis=emphasis_shares(scores),
                intensity=intensity_per_thousand(scores, words),
                tone=mean_tone([s.tone for a in members for s in a.sentences]),
                word_count=words,
                distinctive_terms=distinctive[outlet],
                **outlet_voice_fields(members),  # type: ignore[arg-type]
                evidence_level=evidence_level(_frame_words(members), words, any_evidence=sum(scores.values()) > 0),
                emphasis_ci=emphasis_interval([s.frames for a in members for s in a.sentences]),
            )
        )
    return tuple(reports)


def _frame_words(articles: Sequence[ArticleReport]) -> int:
    return sum(a.frame_words for a in articles)


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
