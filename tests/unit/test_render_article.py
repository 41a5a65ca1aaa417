"""Tests of framing_render.article: escaped highlighted articles, the comparison view and its
evidence panel, the legend, and the stylesheets' agreement with the palette (issue 13, issue 9.5)."""

from __future__ import annotations

import html
import re

import pytest

from framing.highlights import TONE_MARK_MIN
from framing.types import ArticleReport, Evidence, Readability, Removal, SentenceReport
from framing_render import palette
from framing_render.article import (
    emphasise_evidence,
    legend_html,
    render_article_html,
    render_compare_html,
)
from framing_render.jinja import stylesheet

TEXT = (
    "Troops massed near the border as the arms sale stalled.\n\n"
    "Ministers deplore the tariff war. Talks resume Monday."
)
S1 = (0, TEXT.index(".") + 1)
S2 = (TEXT.index("Ministers"), TEXT.index("war.") + 4)
S3 = (TEXT.index("Talks"), len(TEXT))


def _at(term: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(term)
    return start, start + len(term)


def make_sentence(bounds: tuple[int, int], frame: str | None, tone: float, evidence: tuple[Evidence, ...] = (),
                  *, score: float = 6.0, text: str = TEXT) -> SentenceReport:
    scores = {frame: score} if frame else {}
    return SentenceReport(bounds[0], bounds[1], text[bounds[0]:bounds[1]], 0, scores, frame, tone, evidence)


def make_article(text: str = TEXT, sentences: tuple[SentenceReport, ...] | None = None, *,
                 title: str = "Border tension", outlet: str = "Daily Planet",
                 removed: tuple[Removal, ...] = ()) -> ArticleReport:
    if sentences is None:
        sentences = (
            make_sentence(S1, "security", -0.7, (Evidence("troops", "security", 0.84, *_at("Troops")),
                                                 Evidence("arms sale", "security", 0.61, *_at("arms sale")))),
            make_sentence(S2, "trade", -0.42, (Evidence("tariff", "trade", 0.7, *_at("tariff")),
                                               Evidence("deplore", "tone", -0.42, *_at("deplore"))), score=1.0),
            make_sentence(S3, None, 0.0),
        )
    return ArticleReport(
        id="a1", outlet=outlet, title=title, date="2024-05-01", url=None, credit="Reuters",
        source="test.csv", text=text, removed=removed, word_count=len(text.split()),
        readability=Readability(55.0, 9.0, len(text.split()), len(sentences)),
        frame_scores={}, emphasis={}, intensity=0.0, tone=-0.2, sentences=sentences,
    )


def compare(article: ArticleReport, **options: object) -> str:
    return render_compare_html([(article.outlet, {"trade": 0.5, "security": 0.5}, -0.2, [article], "")],
                               **options)  # type: ignore[arg-type]


def test_only_clear_frame_evidence_is_tinted() -> None:
    out = render_article_html(make_article())
    assert out.count("fl-t-security") == 1          # score 6.0: tinted
    assert "fl-t-trade" not in out                  # score 1.0: too weak, not tinted


def test_tone_is_one_small_mark_only_when_strong() -> None:
    out = render_article_html(make_article())
    assert out.count("▼") == 1 and "▲" not in out    # −0.7 marked, −0.42 not
    assert 'aria-label="strongly negative tone"' in out
    positive = render_article_html(make_article(sentences=(make_sentence(S1, "trade", TONE_MARK_MIN),)))
    assert "▲" in positive and "fl-tone-positive" in positive


def test_no_tooltips_underlines_or_letter_tags() -> None:
    out = render_article_html(make_article())
    assert "title=" not in out and "border-bottom" not in out and "fl-tag" not in out


def test_paragraphs_and_line_breaks() -> None:
    out = render_article_html(make_article(text="A b.\n\nC d.\nE f.", sentences=()))
    assert "<p>A b.</p>" in out and "<p>C d.<br>E f.</p>" in out


def test_sentence_across_paragraphs_stays_well_nested_with_one_mark() -> None:
    out = render_article_html(make_article(sentences=(make_sentence((0, len(TEXT)), "trade", -0.9),)))
    assert out.count("▼") == 1
    for paragraph in re.findall(r"<p>(.*?)</p>", out, flags=re.S):
        assert paragraph.count("<span") == paragraph.count("</span>")


def test_removed_collapsed_and_optional() -> None:
    removed = (Removal("donation appeal", "Please give £5 today!", "call to action", 0, 21),)
    out = render_article_html(make_article(removed=removed))
    assert ('<details class="fl-removed"><summary>Removed: donation appeal (call to action)'
            "</summary><div>Please give £5 today!</div></details>") in out
    assert "<details" not in render_article_html(make_article(removed=removed), show_removed=False)


def test_reveal_false_is_plain() -> None:
    out = render_article_html(make_article(), reveal=False)
    assert "fl-t-" not in out and "▼" not in out and "style=" not in out
    assert not re.search(r"\d\.\d", out) and "Troops massed" in out
    plain = compare(make_article(), reveal=False)
    assert 'type="radio"' not in plain and "fl-panel" not in plain and "fl-strip" not in plain


XSS_PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '" onmouseover="alert(1)',
    "a < b && c > d", "</div></article></p>", "'single' & \"double\"", "<style>*{x}</style>",
    "&lt;already escaped&gt;",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
@pytest.mark.parametrize("where", ["text", "title", "outlet", "term", "removed"])
def test_compare_view_escapes_everything(payload: str, where: str) -> None:
    text = f"Start {payload} end."
    start = text.index(payload)
    evidence = (Evidence(payload if where == "term" else "start", "trade", 0.5, start, start + len(payload)),)
    sentence = make_sentence((0, len(text)), "trade", -0.6, evidence, text=text)
    article = make_article(
        text=text if where in ("text", "term") else "Start plain end.",
        sentences=(sentence,) if where in ("text", "term") else (),
        title=payload if where == "title" else "T", outlet=payload if where == "outlet" else "O",
        removed=(Removal(payload, payload, payload, 0, 1),) if where == "removed" else (),
    )
    for out in (compare(article), render_article_html(article)):
        assert payload not in out
    assert html.escape(payload, quote=False).replace('"', "&#34;").replace("'", "&#39;") in compare(article)


def test_evidence_card_pinned_by_a_radio_label_per_sentence() -> None:
    out = compare(make_article())
    radios = re.findall(r'<input type="radio" class="fl-pick" name="fl-pick" id="([^"]+)">', out)
    assert len(radios) == 2                          # the two sentences with evidence; S3 has none
    for key in radios:
        assert '<label class="fl-s' in out and f'for="{key}"' in out
        assert f'id="card-{key}"' in out
        assert f".fl-compare:has(#{key}:checked) #card-{key}{{display:block}}" in out
    card = out[out.index(f'id="card-{radios[0]}"'):]
    card = card[:card.index("</dl>")]
    for shown in ("security", "troops", "0.84", "arms sale", "−0.70", "strongly negative"):
        assert shown in card


def test_card_says_when_frame_is_too_weak_to_colour() -> None:
    out = compare(make_article())
    second = out[out.index('id="card-fl-0-0-1"'):]
    assert "too weak or too mixed to colour" in second[:second.index("</dl>")]
    assert "deplore" in second[:second.index("</dl>")]


def test_group_must_be_an_id() -> None:
    with pytest.raises(ValueError, match="letters, digits"):
        compare(make_article(), group='x" onclick="y')


def test_legend_has_at_most_four_items() -> None:
    legend = legend_html()
    assert legend.count('class="fl-key"') == 4
    for frame in palette.FRAME_COLOURS:
        assert frame in legend and palette.frame_tint(frame) in legend


def test_tone_colours_reuse_no_frame_hue() -> None:
    for tone in (palette.TONE_NEGATIVE, palette.TONE_POSITIVE):
        for frame_colour in palette.FRAME_COLOURS.values():
            gap = abs(palette.hue(tone) - palette.hue(frame_colour)) % 360
            assert min(gap, 360 - gap) >= palette.MIN_TONE_HUE_GAP, (tone, frame_colour)
        assert palette.contrast_ratio(tone, "#FFFFFF") > 6


def test_stylesheet_tints_and_tone_colours_match_the_palette() -> None:
    css = stylesheet("article.css").upper()
    for frame, tint in palette.FRAME_TINTS.items():
        assert f".FL-T-{frame.upper()} {{ BACKGROUND-COLOR: {tint}; }}" in css
    assert f"COLOR: {palette.TONE_NEGATIVE};" in css and f"COLOR: {palette.TONE_POSITIVE};" in css


def test_no_nested_scroll_boxes_in_the_stylesheets() -> None:
    css = stylesheet("article.css", "compare.css", "app.css")
    assert not re.search(r"overflow(-y)?\s*:\s*(auto|scroll)", css)
    assert "max-height" not in css


def test_emphasise_evidence_escapes_and_bolds() -> None:
    item = Evidence("tariff", "trade", 1.0, 10, 17)
    assert str(emphasise_evidence("<b>New tariffs", [item], offset=3)) == "&lt;b&gt;New <b>tariffs</b>"
