"""Tests of framing.highlights: spans (no HTML) and their safe HTML rendering."""

from __future__ import annotations

import html
import re

import pytest

from framing import palette
from framing.highlights import (
    HIGHLIGHT_CSS,
    HighlightSpan,
    legend_html,
    paragraph_bounds,
    render_article_html,
    sentence_spans,
    tooltip_text,
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


def _strip_tags(markup: str) -> str:
    return re.sub(r"<[^>]*>", "", markup)


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


# --------------------------------------------------------------------------- tooltips


def test_tooltip_lists_evidence_with_frame_and_weight() -> None:
    spans = sentence_spans(make_article())
    assert tooltip_text(spans[0]).splitlines()[1] == "security: troops 0.84, arms sale 0.61"
    assert tooltip_text(spans[1]).splitlines() == [
        "Frame: trade · tone −0.42", "trade: tariff 0.70 · tone: deplore −0.42"]


def test_tooltip_appears_escaped_in_title() -> None:
    out = render_article_html(make_article())
    assert f'title="{html.escape(tooltip_text(sentence_spans(make_article())[0]))}"' in out


def test_tooltip_caps_long_evidence() -> None:
    evidence = tuple(Evidence(f"w{i}", "trade", 0.1, 0, 1) for i in range(20))
    span = HighlightSpan(0, 5, "trade", 0.0, evidence, ())
    assert tooltip_text(span).endswith("…")


# --------------------------------------------------------------------------- rendering


def test_render_wraps_scored_sentences_with_frame_tint() -> None:
    out = render_article_html(make_article())
    assert out.count("<mark") == 2
    assert f"background-color:{palette.frame_tint('security')}" in out
    assert f"background-color:{palette.frame_tint('trade')}" in out


def test_render_tone_sign_differs_beyond_colour() -> None:
    sentences = (make_sentence(S1, "security", -0.8), make_sentence(S3, "diplomacy", 0.8))
    out = render_article_html(make_article(sentences=sentences))
    negative, positive = re.findall(r'<mark [^>]*>.*?</mark>', out, flags=re.S)
    assert "dashed" in negative and "▼" in negative
    assert "solid" in positive and "▲" in positive


def test_render_tone_strength_changes_width() -> None:
    weak = render_article_html(make_article(sentences=(make_sentence(S1, "trade", -0.1),)))
    strong = render_article_html(make_article(sentences=(make_sentence(S1, "trade", -0.9),)))
    assert "border-bottom:2px dashed" in weak and "border-bottom:4px dashed" in strong


def test_render_neutral_tone_has_no_arrow() -> None:
    out = render_article_html(make_article(sentences=(make_sentence(S1, "trade", 0.0),)))
    assert "▲" not in out and "▼" not in out and "dotted" in out


def test_render_emphasises_evidence_terms() -> None:
    out = render_article_html(make_article())
    assert '<span class="fl-term-frame">Troops</span>' in out
    assert '<span class="fl-term-tone">deplore</span>' in out


def test_render_paragraphs() -> None:
    out = render_article_html(make_article(text="A b.\n\nC d.\nE f.", sentences=()))
    assert "<p>A b.</p>" in out and "<p>C d.<br>E f.</p>" in out


def test_render_sentence_across_paragraphs_stays_well_nested() -> None:
    out = render_article_html(make_article(sentences=(make_sentence((0, len(TEXT)), "trade", 0),)))
    assert out.count("<mark") == 2 and out.count("</mark>") == 2
    assert out.count('class="fl-tag"') == 1
    for paragraph in re.findall(r"<p>(.*?)</p>", out, flags=re.S):
        assert paragraph.count("<mark") == paragraph.count("</mark>")


def test_render_text_survives_tag_stripping() -> None:
    article = make_article()
    body = re.sub(r'<span class="fl-tag"[^>]*>.*?</span>', "", render_article_html(
        article, show_removed=False))
    stripped = _strip_tags(body.replace("<br>", "\n"))
    for paragraph in TEXT.split("\n\n"):
        assert html.escape(paragraph) in stripped


def test_render_removed_collapsed() -> None:
    removed = (Removal("donation appeal", "Please give £5 today!", "call to action", 0, 21),)
    out = render_article_html(make_article(removed=removed))
    assert ("<details class=\"fl-removed\"><summary>Removed: donation appeal (call to action)"
            "</summary><div>Please give £5 today!</div></details>") in out
    assert "<details" not in render_article_html(make_article(removed=removed), show_removed=False)


def test_render_reveal_false_is_plain() -> None:
    out = render_article_html(make_article(), reveal=False)
    assert "style=" not in out and "<mark" not in out and "title=" not in out
    assert "▲" not in out and "▼" not in out
    assert not re.search(r"\d\.\d", out)
    assert "Troops massed" in out


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "a < b && c > d",
    "</div></article></p>",
    "'single' & \"double\"",
    "<mark style='background:red'>x</mark>",
    "&lt;already escaped&gt;",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
@pytest.mark.parametrize("where", ["text", "title", "outlet", "term", "removed"])
@pytest.mark.parametrize("reveal", [True, False])
def test_render_escapes_everything(payload: str, where: str, reveal: bool) -> None:
    text = f"Start {payload} end."
    term_start = text.index(payload)
    evidence = (Evidence(payload if where == "term" else "start", "trade", 0.5, term_start,
                         term_start + len(payload)),)
    sentence = make_sentence((0, len(text)), "trade", -0.5, evidence, text=text)
    removed = (Removal(payload, payload, payload, 0, 1),) if where == "removed" else ()
    article = make_article(
        text=text if where == "text" else "Start plain end.",
        sentences=(sentence,) if where in ("text", "term") else (),
        title=payload if where == "title" else "T",
        outlet=payload if where == "outlet" else "O",
        removed=removed,
    )
    out = render_article_html(article, reveal=reveal)
    if where == "term" and not reveal:
        assert payload not in out  # evidence is not shown at all
        return
    assert payload not in out
    assert html.escape(payload, quote=True) in out


def test_render_attribute_quote_cannot_break_out() -> None:
    payload = '" onmouseover="alert(1)'
    sentence = make_sentence(S1, "trade", 0.0, (Evidence(payload, "trade", 0.5, 0, 6),))
    out = render_article_html(make_article(sentences=(sentence,)))
    titles = re.findall(r'title="([^"]*)"', out)
    assert len(titles) == 1 and "onmouseover=&quot;" in titles[0]
    assert ' onmouseover="' not in out


def test_legend_lists_frames_and_tone_marks() -> None:
    legend = legend_html()
    for frame in palette.FRAME_COLOURS:
        assert frame in legend and palette.frame_tint(frame) in legend
    assert "▼" in legend and "▲" in legend and "dashed" in legend


def test_highlight_css_sets_print_colour_adjust() -> None:
    assert "print-color-adjust: exact" in HIGHLIGHT_CSS and "@media print" in HIGHLIGHT_CSS
