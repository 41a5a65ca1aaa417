"""Property tests of framing.highlights: any text and any offsets render safely."""

from __future__ import annotations

import re

import hypothesis.strategies as hst
from markupsafe import escape
from hypothesis import given, settings

from framing.highlights import paragraph_bounds, sentence_spans
from framing_render.article import render_article_html
from framing.types import ArticleReport, Evidence, Readability, Removal, SentenceReport

FRAME_CHOICES = hst.sampled_from(["trade", "security", "diplomacy", None])
EVIDENCE_LABELS = hst.sampled_from(["trade", "security", "diplomacy", "tone"])
# Offsets a little outside the text too: the renderer must clip, not crash.
OFFSET_SLACK = 5
# Our own tags: everything the renderer may emit; input text can only appear escaped.
OWN_TAG = re.compile(r"</?(article|h3|div|p|br|mark|span|details|summary|bdi)\b[^>]*>")
TAG_LABEL = re.compile(r'<span class="fl-tone[^"]*"[^>]*>[^<]*</span>')


@hst.composite
def articles(draw: hst.DrawFn) -> ArticleReport:
    text = draw(hst.text(max_size=200))
    limit = len(text) + OFFSET_SLACK
    offsets = hst.integers(min_value=-OFFSET_SLACK, max_value=limit)
    sentences = []
    for _ in range(draw(hst.integers(min_value=0, max_value=6))):
        start, end = draw(offsets), draw(offsets)
        evidence = tuple(
            Evidence(draw(hst.text(max_size=12)), draw(EVIDENCE_LABELS),
                     draw(hst.floats(-1, 1)), draw(offsets), draw(offsets))
            for _ in range(draw(hst.integers(min_value=0, max_value=3)))
        )
        frame = draw(FRAME_CHOICES)
        sentences.append(SentenceReport(start, end, text[start:end], 0,
                                        {frame: 1.0} if frame else {}, frame,
                                        draw(hst.floats(-1, 1)), evidence))
    removed = tuple(Removal(draw(hst.text(max_size=10)), draw(hst.text(max_size=20)),
                            draw(hst.text(max_size=10)), 0, 0)
                    for _ in range(draw(hst.integers(min_value=0, max_value=2))))
    return ArticleReport(
        id="p", outlet=draw(hst.text(max_size=15)), title=draw(hst.text(max_size=15)),
        date=None, url=None, credit=None, source="", text=text, removed=removed, word_count=0,
        readability=Readability(0.0, 0.0, 0, 0), frame_scores={}, emphasis={}, intensity=0.0,
        tone=0.0, sentences=tuple(sentences),
    )


@settings(max_examples=300, deadline=None)
@given(articles())
def test_spans_in_bounds_sorted_non_overlapping(article: ArticleReport) -> None:
    spans = sentence_spans(article)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(article.text)
        term_end = span.start
        for term in span.terms:
            assert term_end <= term.start < term.end <= span.end
            term_end = term.end
        previous_end = span.end


@settings(max_examples=300, deadline=None)
@given(articles(), hst.booleans(), hst.booleans())
def test_render_never_leaks_markup_from_input(
    article: ArticleReport, reveal: bool, show_removed: bool
) -> None:
    out = render_article_html(article, reveal=reveal, show_removed=show_removed)
    remainder = OWN_TAG.sub("", TAG_LABEL.sub("", out))
    # After removing our own tags no '<' or '>' may remain: all input ones were escaped.
    assert "<" not in remainder and ">" not in remainder
    # Every paragraph of the input appears, escaped, once our tags are gone.
    flat = OWN_TAG.sub("", TAG_LABEL.sub("", out.replace("<br>", "\n")))
    for start, end in paragraph_bounds(article.text):
        assert str(escape(article.text[start:end].replace("\r\n", "\n"))) in flat


@settings(max_examples=200, deadline=None)
@given(articles())
def test_reveal_false_has_no_marks(article: ArticleReport) -> None:
    out = render_article_html(article, reveal=False, show_removed=False)
    assert "fl-t-" not in out and "style=" not in out and "fl-tone" not in out
