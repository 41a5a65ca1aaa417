"""Emphasis shares, intensity and per-outlet pooling (framing.compare)."""

from __future__ import annotations

from collections import Counter

import pytest

from framing.compare import TermTotal, aggregate_outlets, emphasis_shares, evidence_summary, intensity_per_thousand
from framing.types import FRAMES, ArticleReport, Evidence, Readability, SentenceReport


def _sentence(tone: float, evidence: tuple[Evidence, ...] = ()) -> SentenceReport:
    return SentenceReport(
        start=0, end=1, text="x", paragraph=0, frames=dict.fromkeys(FRAMES, 0.0), frame=None, tone=tone, evidence=evidence
    )


def _article(
    article_id: str,
    outlet: str,
    scores: tuple[float, float, float] = (1.0, 0.0, 0.0),
    *,
    words: int = 100,
    tones: tuple[float, ...] = (0.0,),
    evidence: tuple[Evidence, ...] = (),
) -> ArticleReport:
    frame_scores = dict(zip(FRAMES, scores))
    return ArticleReport(
        id=article_id,
        outlet=outlet,
        title=f"Title {article_id}",
        date=None,
        url=None,
        credit=None,
        source="",
        text="x",
        removed=(),
        word_count=words,
        readability=Readability(50.0, 10.0, words, 1),
        frame_scores=frame_scores,
        emphasis=emphasis_shares(frame_scores),
        intensity=intensity_per_thousand(frame_scores, words),
        tone=0.0,
        sentences=tuple(_sentence(t, evidence if i == 0 else ()) for i, t in enumerate(tones)),
    )


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ({"trade": 3.0, "security": 1.0, "diplomacy": 0.0}, {"trade": 0.75, "security": 0.25, "diplomacy": 0.0}),
        ({"trade": 1.0, "security": 1.0, "diplomacy": 2.0}, {"trade": 0.25, "security": 0.25, "diplomacy": 0.5}),
        ({"trade": 0.0, "security": 0.0, "diplomacy": 0.0}, {"trade": 0.0, "security": 0.0, "diplomacy": 0.0}),
        ({}, {"trade": 0.0, "security": 0.0, "diplomacy": 0.0}),
        ({"security": 2.5}, {"trade": 0.0, "security": 1.0, "diplomacy": 0.0}),
        ({"trade": 1.0, "economy": 5.0}, {"trade": 1.0, "security": 0.0, "diplomacy": 0.0}),
    ],
)
def test_emphasis_shares_table(scores: dict[str, float], expected: dict[str, float]) -> None:
    assert emphasis_shares(scores) == pytest.approx(expected)


@pytest.mark.parametrize(
    "scores", [(0.1, 0.2, 0.3), (1e-9, 0.0, 5.0), (7.0, 7.0, 7.0), (0.0, 0.0, 0.0), (123.4, 0.001, 9.9)]
)
def test_emphasis_shares_sum_to_one_or_are_all_zero(scores: tuple[float, float, float]) -> None:
    shares = emphasis_shares(dict(zip(FRAMES, scores)))
    assert list(shares) == list(FRAMES)
    assert sum(shares.values()) == pytest.approx(1.0) or set(shares.values()) == {0.0}
    assert all(0.0 <= v <= 1.0 for v in shares.values())


@pytest.mark.parametrize(
    ("scores", "words", "expected"),
    [
        ((2.0, 1.0, 1.0), 500, 8.0),
        ((0.5, 0.0, 0.0), 1000, 0.5),
        ((3.0, 3.0, 3.0), 3, 3000.0),
        ((2.0, 1.0, 1.0), 0, 0.0),
        ((0.0, 0.0, 0.0), 250, 0.0),
    ],
)
def test_intensity_per_thousand_formula(scores: tuple[float, ...], words: int, expected: float) -> None:
    assert intensity_per_thousand(dict(zip(FRAMES, scores)), words) == pytest.approx(expected)


def test_aggregate_outlets_pools_articles_by_label() -> None:
    articles = [_article("a1", "Gazette", (2.0, 0.0, 0.0)), _article("a2", "Gazette", (0.0, 2.0, 0.0)), _article("b1", "Herald")]
    reports = aggregate_outlets(articles, {})
    assert [(r.outlet, r.articles) for r in reports] == [("Gazette", ("a1", "a2")), ("Herald", ("b1",))]
    gazette = reports[0]
    assert gazette.frame_scores == {"trade": 2.0, "security": 2.0, "diplomacy": 0.0}
    assert gazette.emphasis == {"trade": 0.5, "security": 0.5, "diplomacy": 0.0}
    assert gazette.word_count == 200


def test_aggregate_outlets_sorted_by_outlet_name() -> None:
    articles = [_article("1", "Zeta"), _article("2", "alpha"), _article("3", "Beta"), _article("4", "Zeta")]
    assert [r.outlet for r in aggregate_outlets(articles, {})] == sorted({"Zeta", "alpha", "Beta"})


def test_aggregate_outlets_intensity_uses_pooled_words() -> None:
    articles = [_article("a", "G", (1.0, 1.0, 0.0), words=100), _article("b", "G", (0.0, 0.0, 2.0), words=300)]
    (report,) = aggregate_outlets(articles, {})
    assert report.intensity == pytest.approx(1000 * 4.0 / 400)


def test_aggregate_outlets_tone_is_mean_of_sentence_tones() -> None:
    # Mean of the four sentences (0.2), not the mean of the two article means (0.35).
    articles = [_article("a", "G", tones=(0.8,)), _article("b", "G", tones=(-0.1, -0.1, 0.2))]
    (report,) = aggregate_outlets(articles, {})
    assert report.tone == pytest.approx(0.2)


def test_aggregate_outlets_no_sentences_gives_zero_tone() -> None:
    (report,) = aggregate_outlets([_article("a", "G", tones=())], {})
    assert report.tone == 0.0


def test_aggregate_outlets_distinctive_terms_from_pooled_counts() -> None:
    articles = [_article("a1", "G"), _article("a2", "G"), _article("b1", "H")]
    counts = {"a1": Counter(tariff=1, talk=2), "a2": Counter(tariff=2), "b1": Counter(troop=3, talk=2)}
    by_name = {r.outlet: r for r in aggregate_outlets(articles, counts)}
    assert by_name["G"].distinctive_terms[0].term == "tariff"
    assert by_name["G"].distinctive_terms[0].count == 3
    assert by_name["H"].distinctive_terms[0].term == "troop"


def test_aggregate_outlets_empty_input() -> None:
    assert aggregate_outlets([], {}) == ()


def test_evidence_summary_totals_per_frame_strongest_first() -> None:
    evidence = (
        Evidence("tariff", "trade", 1.0, 0, 1),
        Evidence("tariff", "trade", 1.5, 2, 3),
        Evidence("export", "trade", 3.0, 4, 5),
        Evidence("war", "security", 0.5, 6, 7),
        Evidence("good", "tone", 1.9, 8, 9),
    )
    summary = evidence_summary([_article("a", "G", evidence=evidence)])
    assert summary == {
        "trade": [TermTotal("export", 1, 3.0), TermTotal("tariff", 2, 2.5)],
        "security": [TermTotal("war", 1, 0.5)],
        "diplomacy": [],
    }
