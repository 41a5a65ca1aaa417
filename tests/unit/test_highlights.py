"""Tests of framing.highlights: which sentences get spans, which are tinted or marked (no HTML)."""

from __future__ import annotations

import pytest

from framing.highlights import (
    MIN_TINT_LEAD,
    MIN_TINT_SCORE,
    TONE_MARK_MIN,
    is_tinted,
    paragraph_bounds,
    sentence_spans,
    tone_mark,
)
from framing.types import ArticleReport, Evidence, Readability, Removal, SentenceReport

TEXT = (
    "Troops massed near the border as the arms sale stalled.\n\n"
    "Ministers deplore the tariff war. Talks resume Monday."
)
# Offsets of TEXT's sentences and terms, computed once so tests stay readable.
S1 = (0, TEXT.index(".") + 1)
S2_START = TEXT.index("Ministers")
S2 = (S2_START, TEXT.index("war.") + 4)
S3 = (TEXT.index("Talks"), len(TEXT))


def _at(term: str) -> tuple[int, int]:
    start = TEXT.index(term)
    return start, start + len(term)


def make_sentence(
    bounds: tuple[int, int], frame: str | None, tone: float, evidence: tuple[Evidence, ...] = (),
    *, text: str = TEXT, paragraph: int = 0,
) -> SentenceReport:
    scores = {frame: 1.0} if frame else {}
    return SentenceReport(bounds[0], bounds[1], text[bounds[0]:bounds[1]], paragraph, scores,
                          frame, tone, evidence)


def make_article(
    text: str = TEXT, sentences: tuple[SentenceReport, ...] | None = None, *,
    title: str = "Border tension", outlet: str = "Daily Planet",
    removed: tuple[Removal, ...] = (),
) -> ArticleReport:
    if sentences is None:
        sentences = (
            make_sentence(S1, "security", -0.3, (
                Evidence("troops", "security", 0.84, *_at("Troops")),
                Evidence("arms sale", "security", 0.61, *_at("arms sale")),
            )),
            make_sentence(S2, "trade", -0.42, (
                Evidence("tariff", "trade", 0.7, *_at("tariff")),
                Evidence("deplore", "tone", -0.42, *_at("deplore")),
            ), paragraph=1),
            make_sentence(S3, None, 0.0, paragraph=1),
        )
    return ArticleReport(
        id="a1", outlet=outlet, title=title, date="2024-05-01", url=None, credit="Reuters",
        source="test.csv", text=text, removed=removed, word_count=len(text.split()),
        readability=Readability(55.0, 9.0, len(text.split()), len(sentences)),
        frame_scores={}, emphasis={}, intensity=0.0, tone=-0.2, sentences=sentences,
    )


# --------------------------------------------------------------------------- spans


def test_sentence_spans_only_scored_or_toned_sentences() -> None:
    spans = sentence_spans(make_article())
    assert [(s.start, s.end, s.frame) for s in spans] == [
        (*S1, "security"), (*S2, "trade")]


def test_sentence_spans_include_tone_only_sentence_without_frame() -> None:
    sentence = make_sentence(S3, None, 0.5, (Evidence("resume", "tone", 0.5, *_at("resume")),))
    spans = sentence_spans(make_article(sentences=(sentence,)))
    assert [(s.frame, s.tone) for s in spans] == [(None, 0.5)]


def test_sentence_spans_terms_inside_sentence() -> None:
    span = sentence_spans(make_article())[0]
    assert [(t.start, t.end, t.frame) for t in span.terms] == [
        (*_at("Troops"), "security"), (*_at("arms sale"), "security")]


@pytest.mark.parametrize(
    "bounds",
    [(-5, 10), (10, 10_000), (30, 5), (-3, -1), (len(TEXT) + 1, len(TEXT) + 9)],
)
def test_sentence_spans_clip_out_of_range_offsets(bounds: tuple[int, int]) -> None:
    sentence = SentenceReport(bounds[0], bounds[1], "", 0, {"trade": 1.0}, "trade", 0.0, (
        Evidence("x", "trade", 1.0, bounds[0] - 2, bounds[1] + 2),))
    for span in sentence_spans(make_article(sentences=(sentence,))):
        assert 0 <= span.start < span.end <= len(TEXT)
        assert all(span.start <= t.start < t.end <= span.end for t in span.terms)


def test_sentence_spans_resolve_overlaps_sorted() -> None:
    sentences = (
        make_sentence((20, 60), "trade", 0.0), make_sentence((0, 30), "security", 0.0),
        make_sentence((25, 28), "diplomacy", 0.0),
    )
    spans = sentence_spans(make_article(sentences=sentences))
    assert [(s.start, s.end) for s in spans] == [(0, 30), (30, 60)]


def test_sentence_spans_overlapping_terms_keep_first() -> None:
    sentence = make_sentence(S1, "security", 0.0, (
        Evidence("arms", "security", 0.5, *_at("arms")),
        Evidence("arms sale", "security", 0.6, *_at("arms sale")),
    ))
    (span,) = sentence_spans(make_article(sentences=(sentence,)))
    assert [(t.start, t.end) for t in span.terms] == [_at("arms sale")]


def test_paragraph_bounds_split_on_blank_lines() -> None:
    assert [TEXT[a:b] for a, b in paragraph_bounds(TEXT)] == TEXT.split("\n\n")


def test_paragraph_bounds_drop_whitespace_only() -> None:
    assert paragraph_bounds("\n\n  \n\nA") == [(6, 7)]


# --------------------------------------------------------------------------- calm highlights (issue 13)


@pytest.mark.parametrize(
    ("scores", "tinted"),
    [
        ({"trade": MIN_TINT_SCORE}, True),
        ({"trade": MIN_TINT_SCORE - 0.01}, False),
        # "tariff de-escalation": security 2.8 vs trade 2.6 is a near tie, never shown as one frame
        ({"security": 2.8, "trade": 2.58, "diplomacy": 1.41}, False),
        ({"security": 8.0, "trade": 4.0}, True),   # exactly the 2/3 lead
        ({"security": 8.0, "trade": 4.1}, False),
    ],
)
def test_is_tinted_needs_strong_and_clear_frame_evidence(scores: dict[str, float], tinted: bool) -> None:
    frame = max(scores, key=lambda f: scores[f])
    assert is_tinted(SentenceReport(0, 1, "x", 0, scores, frame, 0.0)) is tinted
    assert MIN_TINT_LEAD == pytest.approx(2 / 3)


def test_spans_carry_tint_and_tone_mark() -> None:
    sentences = (
        SentenceReport(*S1, TEXT[S1[0]:S1[1]], 0, {"security": 6.0}, "security", -0.8,
                       (Evidence("troops", "security", 0.84, *_at("Troops")),)),
        SentenceReport(*S2, TEXT[S2[0]:S2[1]], 1, {"trade": 1.0}, "trade", 0.1,
                       (Evidence("tariff", "trade", 0.7, *_at("tariff")),)),
    )
    first, second = sentence_spans(make_article(sentences=sentences))
    assert (first.tinted, first.tone_mark, first.scores) == (True, "negative", (("security", 6.0),))
    assert (second.tinted, second.tone_mark) == (False, None)


@pytest.mark.parametrize(("tone", "mark"), [(-TONE_MARK_MIN, "negative"), (TONE_MARK_MIN, "positive"),
                                            (TONE_MARK_MIN - 0.01, None), (0.0, None)])
def test_tone_mark_only_for_strong_tone(tone: float, mark: str | None) -> None:
    assert tone_mark(tone) == mark
