"""Tests of framing.charts: one figure builder per chart, data in, Figure out."""

from __future__ import annotations

import html
from typing import Any, Callable

import plotly.graph_objects as go
import pytest

from framing_render import charts, palette
from framing.types import FRAMES, ArticleReport, DistinctiveTerm, OutletReport, Readability

LONG_NAME = "The Extremely Long Name Of A Regional Evening Newspaper"


def make_outlet(
    name: str, emphasis: tuple[float, float, float] = (0.5, 0.3, 0.2), *, tone: float = -0.2,
    intensity: float = 12.5, terms: tuple[DistinctiveTerm, ...] = (),
) -> OutletReport:
    return OutletReport(
        outlet=name, articles=("a1",), frame_scores=dict(zip(FRAMES, emphasis)),
        emphasis=dict(zip(FRAMES, emphasis)), intensity=intensity, tone=tone, word_count=900,
        distinctive_terms=terms,
    )


def make_article(article_id: str, outlet: str, title: str, ease: float) -> ArticleReport:
    return ArticleReport(
        id=article_id, outlet=outlet, title=title, date=None, url=None, credit=None, source="",
        text="Text.", removed=(), word_count=1, readability=Readability(ease, 8.0, 300, 20),
        frame_scores={}, emphasis={}, intensity=0.0, tone=0.0, sentences=(),
    )


OUTLETS = (
    make_outlet("Daily Planet", (0.6, 0.3, 0.1), tone=-0.4),
    make_outlet("Gazette", (0.2, 0.2, 0.6), tone=0.3),
    make_outlet("Silent Times", (0.0, 0.0, 0.0), tone=0.0, intensity=0.0),
)


def _no_data(fig: go.Figure) -> bool:
    return any(a.text == charts.NO_DATA_TEXT for a in fig.layout.annotations)


EMPTY_CASES = [
    (charts.emphasis_bars, []), (charts.emphasis_ternary, []), (charts.tone_bars, []),
    (charts.intensity_bars, []), (charts.readability_bars, []),
    (charts.distinctive_terms_chart, make_outlet("X")),
    (charts.emphasis_ternary, [OUTLETS[2]]),
]


@pytest.mark.parametrize(("builder", "data"), EMPTY_CASES)
def test_empty_input_gives_valid_figure_with_no_data_note(
    builder: Callable[[Any], go.Figure], data: Any
) -> None:
    fig = builder(data)
    assert isinstance(fig, go.Figure) and len(fig.data) == 0 and _no_data(fig)
    go.Figure(fig.to_dict())  # round-trips through plotly validation
    assert fig.layout.title.text


def test_emphasis_bars_one_trace_per_frame_in_order_with_palette() -> None:
    fig = charts.emphasis_bars(OUTLETS)
    assert [t.name for t in fig.data] == list(FRAMES)
    assert [t.marker.color for t in fig.data] == [palette.FRAME_COLOURS[f] for f in FRAMES]
    assert all(len(t.x) == len(OUTLETS) for t in fig.data)
    assert list(fig.data[0].y) == [0.6, 0.2, 0.0]
    assert fig.layout.barmode == "group"


def test_emphasis_bars_note_outlet_without_evidence() -> None:
    fig = charts.emphasis_bars(OUTLETS)
    assert "no frame evidence" in fig.data[0].customdata[2][1]


def test_emphasis_ternary_omits_outlets_without_evidence() -> None:
    fig = charts.emphasis_ternary(OUTLETS)
    assert len(fig.data) == 2
    assert (fig.data[0].a[0], fig.data[0].b[0], fig.data[0].c[0]) == (0.6, 0.3, 0.1)
    notes = [a.text for a in fig.layout.annotations]
    assert any("Silent Times" in note for note in notes)


def test_emphasis_ternary_axes_in_frame_colours() -> None:
    ternary = charts.emphasis_ternary(OUTLETS).layout.ternary
    for axis, frame in zip((ternary.aaxis, ternary.baxis, ternary.caxis), FRAMES):
        assert frame in axis.title.text and axis.title.font.color == palette.FRAME_COLOURS[frame]


def test_tone_bars_range_and_colours_by_sign() -> None:
    fig = charts.tone_bars(OUTLETS)
    assert len(fig.data) == 1 and len(fig.data[0].x) == len(OUTLETS)
    assert list(fig.layout.xaxis.range) == [-1.0, 1.0]
    assert list(fig.data[0].marker.color) == [
        palette.TONE_NEGATIVE, palette.TONE_POSITIVE, palette.NEUTRAL]
    assert fig.data[0].orientation == "h"
    assert list(fig.data[0].text) == ["−0.40", "+0.30", "0.00"]


def test_tone_bars_tooltip_shows_the_labels_signed_number() -> None:
    # Issue 9 item 5: one number formatter; plotly's %{x:+.2f} printed "-0.40" beside the label's "−0.40".
    template = charts.tone_bars(OUTLETS).data[0].hovertemplate
    assert "%{text}" in template and "%{x" not in template


def test_tone_bars_empty_keeps_fixed_range() -> None:
    assert list(charts.tone_bars([]).layout.xaxis.range) == [-1.0, 1.0]


def test_intensity_bars_one_bar_per_outlet() -> None:
    fig = charts.intensity_bars(OUTLETS)
    assert len(fig.data) == 1 and list(fig.data[0].y) == [12.5, 12.5, 0.0]


def test_readability_bars_one_bar_per_article() -> None:
    articles = [make_article("a1", "Daily Planet", "Tariffs", 62.0),
                make_article("a2", "Gazette", "Talks", 48.5)]
    fig = charts.readability_bars(articles)
    assert len(fig.data) == 1 and list(fig.data[0].x) == [62.0, 48.5]
    assert fig.layout.xaxis.range[0] <= 0 and fig.layout.xaxis.range[1] >= 100


def test_readability_bars_duplicate_labels_stay_separate() -> None:
    articles = [make_article("a1", "Gazette", "Same", 50.0),
                make_article("a2", "Gazette", "Same", 60.0)]
    labels = list(charts.readability_bars(articles).data[0].y)
    assert len(set(labels)) == 2


def test_readability_bars_many_articles_become_one_box_per_outlet() -> None:
    count = charts.MAX_ARTICLE_BARS + 1
    articles = [make_article(f"a{i}", f"Outlet <{i % 3}>", f"Title {i}", float(i)) for i in range(count)]
    fig = charts.readability_bars(articles)
    assert len(fig.data) == 1 and fig.data[0].type == "box"
    assert list(fig.data[0].x) == [float(i) for i in range(count)]
    assert set(fig.data[0].y) == {"Outlet &lt;0&gt;", "Outlet &lt;1&gt;", "Outlet &lt;2&gt;"}
    assert fig.layout.height == charts._horizontal_height(3)


def test_readability_bars_at_the_limit_stay_bars() -> None:
    articles = [make_article(f"a{i}", "Gazette", f"T{i}", 50.0) for i in range(charts.MAX_ARTICLE_BARS)]
    assert charts.readability_bars(articles).data[0].type == "bar"


def test_distinctive_terms_sorted_and_capped() -> None:
    terms = tuple(DistinctiveTerm(f"t{i}", float(i), i + 1) for i in range(30))
    fig = charts.distinctive_terms_chart(make_outlet("X", terms=terms), top_n=5)
    assert list(fig.data[0].y) == ["t29", "t28", "t27", "t26", "t25"]
    assert list(fig.data[0].customdata) == [30, 29, 28, 27, 26]


def test_distinctive_terms_bad_top_n() -> None:
    with pytest.raises(ValueError, match="top_n=0 must be at least 1"):
        charts.distinctive_terms_chart(make_outlet("X"), top_n=0)


def test_long_outlet_names_wrapped_and_cut_with_full_name_in_hover() -> None:
    fig = charts.emphasis_bars([make_outlet(LONG_NAME)])
    lines = fig.data[0].x[0].split("<br>")
    assert len(lines) == charts.X_LABEL_LINES and lines[-1].endswith("…")
    assert all(len(line) <= charts.X_WRAP_WIDTH for line in lines)
    assert fig.data[0].customdata[0][0] == LONG_NAME


def test_short_outlet_names_unchanged() -> None:
    assert charts.tone_bars([make_outlet("Gazette")]).data[0].y[0] == "Gazette"


def test_truncation_collisions_fall_back_to_wrapped_full_names() -> None:
    names = [LONG_NAME + " North", LONG_NAME + " South"]
    labels = list(charts.tone_bars([make_outlet(n) for n in names]).data[0].y)
    assert len(set(labels)) == 2 and all(label.endswith(("North", "South")) for label in labels)


def test_outlet_names_escaped_for_plotly() -> None:
    fig = charts.tone_bars([make_outlet("<b>Bold</b> & Co")])
    assert fig.data[0].y[0] == html.escape("<b>Bold</b> & Co")


ARTICLES = (make_article("a1", "Daily Planet", "One", 55.0), make_article("a2", "Gazette", "Two", 40.0))


def test_overview_figures_are_the_builders_figures_in_order() -> None:
    # Issue 9 item 5: one builder of the overview's figure set for the dashboard and the report.
    per_100 = {"Daily Planet": 3.0, "Gazette": 5.5, "Silent Times": 0.0}
    figures = charts.overview_figures(OUTLETS, ARTICLES, per_100=per_100)
    assert tuple(figures) == charts.OVERVIEW_FIGURES
    expected = {
        "emphasis": charts.emphasis_bars(OUTLETS), "tone": charts.tone_bars(OUTLETS),
        "ternary": charts.emphasis_ternary(OUTLETS), "intensity": charts.intensity_bars(OUTLETS, [3.0, 5.5, 0.0]),
        "readability": charts.readability_bars(ARTICLES),
    }
    assert {name: f.to_json() for name, f in figures.items()} == {name: f.to_json() for name, f in expected.items()}


def test_overview_figures_builds_only_the_names_asked_for() -> None:
    figures = charts.overview_figures(OUTLETS, ARTICLES, names=("readability", "tone"))
    assert list(figures) == ["readability", "tone"]
    with pytest.raises(ValueError, match=r"unknown figure\(s\) \['pie'\]"):
        charts.overview_figures(OUTLETS, ARTICLES, names=("pie",))


@pytest.mark.parametrize("module", ["ui/state.py", "framing_render/report.py"])
def test_overview_figures_are_not_rebuilt_by_hand(module: str) -> None:
    from pathlib import Path

    source = (Path(__file__).resolve().parents[2] / module).read_text(encoding="utf-8")
    assert "overview_figures(" in source
    assert not [name for name in ("emphasis_bars(", "tone_bars(", "emphasis_ternary(", "intensity_bars(",
                                  "readability_bars(") if f"charts.{name}" in source]


def test_bar_labels_use_the_one_number_formatter() -> None:
    # Issue 9 item 10: a negative reading ease reads "−12" (true minus) like every other number.
    hard = make_article("h", "Dense", "Hard", -12.4)
    assert list(charts.readability_bars([hard]).data[0].text) == ["−12"]
    assert list(charts.intensity_bars(OUTLETS, [1234.56, 0.0, 2.25]).data[0].text) == ["1,234.6", "0.0", "2.2"]


def test_tone_bars_draw_the_interval_and_put_the_value_past_it() -> None:
    from dataclasses import replace

    outlets = [replace(make_outlet("Up", tone=0.3), tone_ci=[0.1, 0.5]), replace(make_outlet("Down", tone=-0.4), tone_ci=[-0.6, -0.2])]
    fig = charts.tone_bars(outlets)
    bar = fig.data[0]
    assert list(bar.error_x.array) == pytest.approx([0.2, 0.2]) and list(bar.error_x.arrayminus) == pytest.approx([0.2, 0.2])
    assert "95% interval %{customdata[1]}" in bar.hovertemplate and bar.customdata[0][1] == "+0.10 to +0.50"
    positions = {a.text: (a.x, a.xanchor) for a in fig.layout.annotations}
    assert positions["+0.30"][0] > 0.5 and positions["+0.30"][1] == "left"
    assert positions["−0.40"][0] < -0.6 and positions["−0.40"][1] == "right"
