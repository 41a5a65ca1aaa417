"""Charts: report data in, plotly ``go.Figure`` out. No I/O, no streamlit.

Every builder uses the colours of ``framing_render.palette`` and the frame order of
``framing.types.FRAMES``; titles are plain-language questions or statements. Outlet names are
shortened on the axis (full name in the hover) and HTML-escaped, because plotly.js interprets a
subset of HTML tags in labels. Empty input gives a valid figure with a "No data" annotation.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping
from typing import Final, Sequence

import plotly.graph_objects as go

from framing.types import FRAMES, ArticleReport, OutletReport

from .palette import FRAME_COLOURS, NEUTRAL, TEXT_COLOUR, frame_colour, tone_colour
from .text import number, percent, plotly_text, signed

__all__ = [
    "NO_DATA_TEXT",
    "emphasis_bars",
    "emphasis_ternary",
    "tone_bars",
    "intensity_bars",
    "readability_bars",
    "distinctive_terms_chart",
    "OVERVIEW_FIGURES",
    "overview_figures",
]

#: Axis labels are wrapped at this many characters per line (fits under a bar at the dashboard's
#: default width with six outlets) and cut with "…" after ``MAX_LABEL_LINES`` lines; the full
#: name is always in the hover.
WRAP_WIDTH: Final = 18
MAX_LABEL_LINES: Final = 2
#: Longest outlet name put into a chart title before it is cut with "…".
TITLE_NAME_CHARS: Final = 40
#: Article labels ("Outlet: Title") sit beside horizontal bars, where there is more room.
ARTICLE_WRAP_WIDTH: Final = 32
#: Terms shown by ``distinctive_terms_chart`` unless told otherwise; more stop being readable.
DEFAULT_TOP_TERMS: Final = 15
#: Height per horizontal bar (px; room for a two-line label) and the fixed part of a
#: horizontal-bar figure's height.
BAR_HEIGHT_PX: Final = 40
BASE_HEIGHT_PX: Final = 140
#: Tone axis range: tone is defined on [-1, 1], fixing the range keeps outlets comparable.
TONE_RANGE: Final = (-1.0, 1.0)
#: Flesch reading ease is usually reported on a 0–100 scale (Flesch 1948).
FLESCH_RANGE: Final = (0.0, 100.0)
#: Plotly template with white background and light grid: prints well, reads cleanly.
TEMPLATE: Final = "plotly_white"
#: Text of the annotation on figures built from empty input.
NO_DATA_TEXT: Final = "No data to show"
#: Most articles drawn as one bar each in ``readability_bars``; a larger corpus gets one box per
#: outlet instead (2,000 bars would make a 80,000-px-tall chart nobody can read).
MAX_ARTICLE_BARS: Final = 30
#: Marker symbols for ternary points, cycled per outlet (shapes, so outlets don't need colours).
TERNARY_SYMBOLS: Final = ("circle", "square", "diamond", "triangle-up", "cross", "x", "star")

_FONT: Final = dict(family="system-ui, -apple-system, Segoe UI, sans-serif", size=13,
                    color=TEXT_COLOUR)


# --------------------------------------------------------------------------- helpers


_escape = plotly_text


def _truncate(name: str, width: int = WRAP_WIDTH) -> str:
    """Cut ``name`` to ``width`` characters with an ellipsis."""
    return name if len(name) <= width else name[: width - 1].rstrip() + "…"


#: Outlet labels under vertical bars: short lines, up to three, set horizontally (rotated labels
#: are hard to read on a projector).
X_WRAP_WIDTH: Final = 12
X_LABEL_LINES: Final = 3
#: Up to this many outlets the labels stay horizontal; more are left to plotly (it rotates them).
FLAT_LABELS_MAX: Final = 6
#: Flat labels of more than four outlets are set a size smaller so neighbours never touch (a
#: five-outlet chart in the overview's half width at 1280 px leaves about 80 px per label).
CROWDED_LABELS: Final = 4
CROWDED_TICK_SIZE: Final = 11


def _flat_labels(fig: go.Figure, count: int) -> None:
    """Horizontal outlet labels up to ``FLAT_LABELS_MAX`` outlets, smaller when crowded."""
    fig.update_xaxes(tickangle=0 if count <= FLAT_LABELS_MAX else None)
    if CROWDED_LABELS < count <= FLAT_LABELS_MAX:
        fig.update_xaxes(tickfont={"size": CROWDED_TICK_SIZE})


def _wrap(name: str, width: int, max_lines: int | None) -> str:
    """Escaped ``name`` wrapped at ``width`` with ``<br>``; "…" when lines are cut off."""
    lines = textwrap.wrap(name, width) or [name]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _truncate(lines[-1], width - 1).removesuffix("…") + "…"
    return "<br>".join(_escape(line) for line in lines)


def _axis_labels(names: Sequence[str], width: int = WRAP_WIDTH, lines: int = MAX_LABEL_LINES) -> list[str]:
    """Short, unique, escaped axis labels; full wrapped names if shortening would collide."""
    short = [_wrap(name, width, lines) for name in names]
    if len(set(short)) == len(set(names)):
        return short
    return [_wrap(name, width, None) for name in names]


def _base_layout(fig: go.Figure, title: str, *, height: int | None = None) -> go.Figure:
    """Shared layout: template, font, left-aligned title, legend above the plot."""
    fig.update_layout(
        template=TEMPLATE,
        font=_FONT,
        title=dict(text=title, x=0.0, xanchor="left"),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0.0),
        margin=dict(l=10, r=40, t=70, b=10),
        height=height,
    )
    return fig


def _empty_figure(title: str) -> go.Figure:
    """A valid figure with no traces, hidden axes and a "No data" annotation."""
    fig = _base_layout(go.Figure(), title)
    fig.add_annotation(text=NO_DATA_TEXT, showarrow=False, x=0.5, y=0.5, xref="paper",
                       yref="paper", font=dict(size=16, color=NEUTRAL))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _horizontal_height(count: int) -> int:
    """Figure height that gives each horizontal bar ``BAR_HEIGHT_PX``."""
    return BASE_HEIGHT_PX + BAR_HEIGHT_PX * max(count, 1)


def _has_evidence(outlet: OutletReport) -> bool:
    """Whether an outlet's emphasis shares carry any frame evidence (they sum to 0 otherwise)."""
    return sum(outlet.emphasis.get(frame, 0.0) for frame in FRAMES) > 0


# --------------------------------------------------------------------------- builders


def emphasis_bars(outlets: Sequence[OutletReport]) -> go.Figure:
    """Grouped bars of the trade/security/diplomacy share of each outlet's frame evidence.

    Parameters
    ----------
    outlets : sequence of OutletReport
        One group of bars per outlet, in the given order.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``Bar`` trace per frame (in ``FRAMES`` order) coloured by ``FRAME_COLOURS``.

    Examples
    --------
    >>> [trace.name for trace in emphasis_bars([]).data]
    []
    """
    title = "Which frame does each outlet stress? (share of its frame words)"
    if not outlets:
        return _empty_figure(title)
    labels = _axis_labels([outlet.outlet for outlet in outlets], X_WRAP_WIDTH, X_LABEL_LINES)
    notes = [
        "<br>(no frame evidence found)" if not _has_evidence(outlet)
        else "<br>(not enough frame evidence to compare)" if outlet.evidence_level == "thin" else ""
        for outlet in outlets
    ]
    fig = go.Figure()
    for frame in FRAMES:
        shares = [outlet.emphasis.get(frame, 0.0) for outlet in outlets]
        cis = [outlet.emphasis_ci.get(frame) or [share, share] for outlet, share in zip(outlets, shares)]
        fig.add_trace(go.Bar(
            name=frame,
            x=labels,
            y=shares,
            # 95% bootstrap interval over sentences (emphasis_ci), so a reader sees how sure a share is
            error_y=_whiskers(shares, cis, thickness=1),
            marker_color=FRAME_COLOURS[frame],
            customdata=[[_escape(o.outlet), note] for o, note in zip(outlets, notes)],
            hovertemplate=f"%{{customdata[0]}}<br>{frame}: %{{y:.0%}}%{{customdata[1]}}"
                          "<extra></extra>",
        ))
    fig.update_layout(barmode="group")
    _flat_labels(fig, len(outlets))
    fig.update_yaxes(title_text="Share of frame evidence", tickformat=".0%", range=[0, 1])
    return _base_layout(fig, title)


def emphasis_ternary(outlets: Sequence[OutletReport]) -> go.Figure:
    """Ternary scatter placing each outlet by its three frame shares.

    Outlets without frame evidence (all shares 0) cannot be placed and are listed in a note
    under the plot instead.

    Parameters
    ----------
    outlets : sequence of OutletReport
        Outlets to place.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``Scatterternary`` trace per placed outlet; corners are trade (top), security
        (bottom left) and diplomacy (bottom right), with axis titles in the frame colours.

    Examples
    --------
    >>> len(emphasis_ternary([]).data)
    0
    """
    title = "Balance of frames: the closer to a corner, the more that frame dominates"
    placed = [outlet for outlet in outlets if _has_evidence(outlet)]
    if not placed:
        fig = _empty_figure(title)
    else:
        fig = go.Figure()
        labels = _axis_labels([outlet.outlet for outlet in placed])
        for index, (outlet, label) in enumerate(zip(placed, labels)):
            shares = [outlet.emphasis.get(frame, 0.0) for frame in FRAMES]
            fig.add_trace(go.Scatterternary(
                name=label, a=[shares[0]], b=[shares[1]], c=[shares[2]],
                mode="markers",
                marker=dict(size=14, color=TEXT_COLOUR, line=dict(width=1, color="#FFFFFF"),
                            symbol=TERNARY_SYMBOLS[index % len(TERNARY_SYMBOLS)]),
                hovertemplate=f"{_escape(outlet.outlet)}<br>"
                              + "<br>".join(f"{frame}: {percent(share)}"
                                            for frame, share in zip(FRAMES, shares))
                              + "<extra></extra>",
            ))
        axes = {
            f"{axis}axis": dict(title=dict(text=f"<b>{frame}</b>",
                                           font=dict(color=FRAME_COLOURS[frame])),
                                tickformat=".0%", min=0, linecolor=FRAME_COLOURS[frame],
                                linewidth=3)
            for axis, frame in zip("abc", FRAMES)
        }
        fig = _base_layout(fig, title)
        fig.update_layout(ternary=dict(sum=1, **axes), showlegend=True,
                          legend=dict(orientation="v", y=1.0, yanchor="top", x=1.02,
                                      xanchor="left", title=dict(text="Outlet")),
                          margin=dict(l=70, r=40, t=90, b=70))
    skipped = [outlet.outlet for outlet in outlets if not _has_evidence(outlet)]
    if skipped and placed:
        fig.add_annotation(
            text="Not shown (no frame evidence): " + ", ".join(_escape(n) for n in skipped),
            showarrow=False, x=0.0, y=-0.12, xref="paper", yref="paper", xanchor="left",
            font=dict(size=12, color=NEUTRAL),
        )
    return fig


def _whiskers(values: Sequence[float], intervals: Sequence[Sequence[float]], **style: object) -> dict[str, object]:
    """Plotly error bars from each value to the ends of its ``[low, high]`` interval."""
    return {"type": "data", "symmetric": False, "array": [max(hi - v, 0.0) for v, (_, hi) in zip(values, intervals)],
            "arrayminus": [max(v - lo, 0.0) for v, (lo, _) in zip(values, intervals)], **style}


def tone_bars(outlets: Sequence[OutletReport]) -> go.Figure:
    """Diverging horizontal bars of each outlet's tone around zero, on a fixed [-1, 1] axis.

    Parameters
    ----------
    outlets : sequence of OutletReport
        One bar per outlet, top to bottom in the given order.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``Bar`` trace; bars are vermillion below zero, sky blue above, grey when neutral,
        and carry their signed value as text so the sign does not rely on colour.

    Examples
    --------
    >>> list(tone_bars([]).layout.xaxis.range)
    [-1.0, 1.0]
    """
    title = "Tone by outlet (−1 negative … +1 positive)"
    fig = _empty_figure(title) if not outlets else go.Figure()
    if outlets:
        labels = _axis_labels([outlet.outlet for outlet in outlets])
        tones = [outlet.tone for outlet in outlets]
        cis = [outlet.tone_ci if len(outlet.tone_ci) == 2 else [outlet.tone, outlet.tone] for outlet in outlets]
        fig.add_trace(go.Bar(
            orientation="h",
            x=tones,
            y=labels,
            marker_color=[tone_colour(outlet.tone) for outlet in outlets],
            text=[signed(outlet.tone) for outlet in outlets],
            textposition="none",  # the value stands past the whisker (annotations below), not on it
            # 95% bootstrap interval over sentences (tone_ci): how sure the tone is
            error_x=_whiskers(tones, cis, thickness=1.5, color=TEXT_COLOUR),
            customdata=[[_escape(outlet.outlet), f"{signed(lo)} to {signed(hi)}"] for outlet, (lo, hi) in zip(outlets, cis)],
            # the label's own text (framing.numbers.signed, a true minus), not plotly's signed x format
            hovertemplate="%{customdata[0]}<br>tone: %{text}<br>95% interval %{customdata[1]}<extra></extra>",
        ))
        for label, tone, (lo, hi) in zip(labels, tones, cis):
            # the signed value past the end of the interval, so the sign does not rely on colour;
            # a value near ±1 sits outside the fixed axis and is drawn, not clipped
            right = tone >= 0
            fig.add_annotation(x=(hi if right else lo) + (0.03 if right else -0.03), y=label, text=signed(tone),
                               showarrow=False, xanchor="left" if right else "right", font=dict(color=TEXT_COLOUR))
        fig.update_yaxes(autorange="reversed")
        fig = _base_layout(fig, title, height=_horizontal_height(len(outlets)))
        fig.update_layout(showlegend=False)
    fig.update_xaxes(range=list(TONE_RANGE), zeroline=True, zerolinewidth=2,
                     zerolinecolor=TEXT_COLOUR, title_text="Tone" if outlets else None)
    return fig


def intensity_bars(outlets: Sequence[OutletReport], per_100: Sequence[float] | None = None) -> go.Figure:
    """Bars of how much framing language each outlet uses.

    Parameters
    ----------
    outlets : sequence of OutletReport
        One bar per outlet, in the given order.
    per_100 : sequence of float, optional
        Frame words per 100 words of each outlet (``framing.selection.frame_words_per_100``), the
        plain-words version a class understands; without it, the weighted intensity per 1,000 words.

    Returns
    -------
    plotly.graph_objects.Figure
        One ``Bar`` trace in neutral grey (intensity is not tied to a single frame).

    Examples
    --------
    >>> len(intensity_bars([]).layout.annotations)
    1
    """
    plain = per_100 is not None
    title = ("How many frame words? (out of every 100 words)" if plain
             else "How much framing language? (weighted, per 1,000 words)")
    if not outlets:
        return _empty_figure(title)
    values = list(per_100) if per_100 is not None else [outlet.intensity for outlet in outlets]
    unit = "frame words per 100 words" if plain else "weighted frame evidence per 1,000 words"
    labels = _axis_labels([outlet.outlet for outlet in outlets], X_WRAP_WIDTH, X_LABEL_LINES)
    fig = go.Figure(go.Bar(
        x=labels,
        y=values,
        marker_color=NEUTRAL,
        text=[number(value, 1) for value in values],
        textposition="outside",
        cliponaxis=False,
        customdata=[[_escape(o.outlet), o.word_count] for o in outlets],
        hovertemplate="%{customdata[0]}<br>%{y:.1f} " + unit + "<br>%{customdata[1]:,} words<extra></extra>",
    ))
    fig.update_yaxes(title_text="Frame words per 100 words" if plain else "Per 1,000 words", rangemode="tozero")
    _flat_labels(fig, len(outlets))
    fig = _base_layout(fig, title)
    fig.update_layout(showlegend=False)
    return fig


def _article_label(article: ArticleReport) -> str:
    """``Outlet: Title`` for an article axis label (unescaped, untruncated)."""
    return f"{article.outlet}: {article.title}" if article.title else article.outlet


def readability_bars(articles: Sequence[ArticleReport]) -> go.Figure:
    """Horizontal bars of each article's Flesch reading ease (higher = easier to read).

    Parameters
    ----------
    articles : sequence of ArticleReport
        One bar per article, top to bottom in the given order. Past ``MAX_ARTICLE_BARS`` articles
        the chart shows one box per outlet instead (median, quartiles, every article as a point).

    Returns
    -------
    plotly.graph_objects.Figure
        One ``Bar`` trace (the hover adds the grade level and word count), or one ``Box`` trace.

    Examples
    --------
    >>> readability_bars([]).layout.annotations[0].text
    'No data to show'
    """
    title = "Reading ease of each article (higher = easier)"
    if not articles:
        return _empty_figure(title)
    if len(articles) > MAX_ARTICLE_BARS:
        return _readability_boxes(articles)
    names = [_article_label(article) for article in articles]
    # Ids keep the labels unique when two articles share outlet and title.
    if len(set(names)) < len(names):
        names = [f"{name} [{article.id}]" for name, article in zip(names, articles)]
    scores = [article.readability.flesch_reading_ease for article in articles]
    fig = go.Figure(go.Bar(
        orientation="h",
        x=scores,
        y=_axis_labels(names, ARTICLE_WRAP_WIDTH),
        marker_color=NEUTRAL,
        text=[number(score) for score in scores],  # a true minus below 0
        textposition="outside",
        cliponaxis=False,
        customdata=[[_escape(name), a.readability.grade_level, a.readability.words]
                    for name, a in zip(names, articles)],
        hovertemplate="%{customdata[0]}<br>reading ease: %{x:.0f}"
                      "<br>grade level: %{customdata[1]:.1f}<br>%{customdata[2]:,} words"
                      "<extra></extra>",
    ))
    low, high = min(FLESCH_RANGE[0], *scores), max(FLESCH_RANGE[1], *scores)
    fig.update_xaxes(range=[low, high], title_text="Reading ease (0 = very hard, 100 = very easy)")
    fig.update_yaxes(autorange="reversed")
    fig = _base_layout(fig, title, height=_horizontal_height(len(articles)))
    fig.update_layout(showlegend=False)
    return fig


def _readability_boxes(articles: Sequence[ArticleReport]) -> go.Figure:
    """One horizontal box per outlet of its articles' reading ease (for corpora too big for bars)."""
    title = "How easy are each outlet's articles to read? (Flesch reading ease, higher = easier)"
    outlets = sorted({article.outlet for article in articles})
    labels = dict(zip(outlets, _axis_labels(outlets)))
    scores = [article.readability.flesch_reading_ease for article in articles]
    fig = go.Figure(go.Box(
        orientation="h",
        x=scores,
        y=[labels[article.outlet] for article in articles],
        marker_color=NEUTRAL,
        boxpoints="all",
        jitter=0.4,
        marker_size=3,
        customdata=[_escape(_article_label(article)) for article in articles],
        hovertemplate="%{customdata}<br>reading ease: %{x:.0f}<extra></extra>",
    ))
    low, high = min(FLESCH_RANGE[0], *scores), max(FLESCH_RANGE[1], *scores)
    fig.update_xaxes(range=[low, high], title_text="Reading ease (0 = very hard, 100 = very easy)")
    fig.update_yaxes(autorange="reversed", categoryorder="array", categoryarray=[labels[o] for o in outlets])
    fig = _base_layout(fig, title, height=_horizontal_height(len(outlets)))
    fig.update_layout(showlegend=False)
    return fig


def distinctive_terms_chart(
    outlet: OutletReport, *, top_n: int = DEFAULT_TOP_TERMS
) -> go.Figure:
    """Horizontal bars of the words an outlet uses more than the others, by z-score.

    Parameters
    ----------
    outlet : OutletReport
        The outlet whose ``distinctive_terms`` are drawn.
    top_n : int, default 15
        How many terms to show, highest z first (at the top).

    Returns
    -------
    plotly.graph_objects.Figure
        One ``Bar`` trace with at most ``top_n`` bars; the hover adds the raw count.

    Raises
    ------
    ValueError
        If ``top_n`` is less than 1.

    Examples
    --------
    >>> from framing.types import DistinctiveTerm
    >>> report = OutletReport("Daily", ("a1",), {}, {}, 0.0, 0.0, 10,
    ...                       (DistinctiveTerm("tariff", 3.1, 4), DistinctiveTerm("navy", 2.0, 2)))
    >>> list(distinctive_terms_chart(report, top_n=1).data[0].y)
    ['tariff']
    """
    if top_n < 1:
        raise ValueError(f"top_n={top_n!r} must be at least 1; pass e.g. top_n=15")
    title = f"Words {_escape(_truncate(outlet.outlet, TITLE_NAME_CHARS))} uses more than the others (z-score)"
    terms = sorted(outlet.distinctive_terms, key=lambda term: -term.z)[:top_n]
    if not terms:
        return _empty_figure(title)
    fig = go.Figure(go.Bar(
        orientation="h",
        x=[term.z for term in terms],
        y=[_escape(term.term) for term in terms],
        marker_color=frame_colour(None),
        customdata=[term.count for term in terms],
        hovertemplate="%{y}<br>z = %{x:.2f}<br>used %{customdata} times<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title_text="z-score (how unusual for this outlet)", rangemode="tozero")
    fig = _base_layout(fig, title, height=_horizontal_height(len(terms)))
    fig.update_layout(showlegend=False)
    return fig


#: The overview's figures, by name, in the order the dashboard's overview shows them.
OVERVIEW_FIGURES: Final = ("emphasis", "tone", "ternary", "intensity", "readability")


def overview_figures(
    outlets: Sequence[OutletReport],
    articles: Sequence[ArticleReport],
    *,
    per_100: Mapping[str, float] | None = None,
    names: Sequence[str] = OVERVIEW_FIGURES,
) -> dict[str, go.Figure]:
    """The overview's figure set, the one builder the dashboard and the HTML report share.

    Parameters
    ----------
    outlets, articles : sequence of OutletReport, sequence of ArticleReport
        What the figures show, in order (a report's, or the outlets chosen for a printout).
    per_100 : mapping of str to float, optional
        Frame words per 100 words by outlet name (``framing.selection.frame_words_by_outlet``) for the
        intensity chart; without it, the weighted intensity per 1,000 words.
    names : sequence of str
        Which of ``OVERVIEW_FIGURES`` to build, in the order wanted.

    Returns
    -------
    dict of str to plotly.graph_objects.Figure
        By name, in the order of ``names``.

    Raises
    ------
    ValueError
        For a name not in ``OVERVIEW_FIGURES``.

    Examples
    --------
    >>> list(overview_figures([], [], names=("tone", "emphasis")))
    ['tone', 'emphasis']
    """
    builders: dict[str, Callable[[], go.Figure]] = {
        "emphasis": lambda: emphasis_bars(outlets),
        "tone": lambda: tone_bars(outlets),
        "ternary": lambda: emphasis_ternary(outlets),
        "intensity": lambda: intensity_bars(outlets, None if per_100 is None else [per_100[o.outlet] for o in outlets]),
        "readability": lambda: readability_bars(articles),
    }
    unknown = [name for name in names if name not in builders]
    if unknown:
        raise ValueError(f"unknown figure(s) {unknown!r}; choose from {', '.join(OVERVIEW_FIGURES)}")
    return {name: builders[name]() for name in names}
