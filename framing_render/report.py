"""One self-contained HTML report of an analysis: the classroom handout, printable and offline.

The same file comes from the dashboard's Export page and from ``python -m framing report``. Page 1
is the overview (one sentence per outlet, the numbers in a table with small bars drawn in CSS, how
to read it); then the outlets side by side in columns with their highlighted articles, three
outlets to a row, each row starting a new printed page. Printed in landscape, the five bundled
articles take at most five A4 or Letter pages (a test prints them with Chromium and counts).

Interactive plotly charts are optional and off by default: they embed plotly.js (~4.8 MB, so the
file works offline), every number they show is already in the table, and their toolbar is hidden
in print. Every string from the data is escaped by the templates' autoescape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Mapping

import plotly.graph_objects as go

from framing_render.coverage import COVERAGE_CSS, coverage_section_html
from framing.selection import articles_of, frame_words_per_100, significant_terms
from framing.summary import summarise_outlets
from framing.types import FRAMES, ArticleReport, CorpusReport, OutletReport

from . import charts
from .article import TONE_MARKS, _article_view, _ArticleView, legend_html
from .jinja import render, stylesheet
from .palette import FRAME_COLOURS
from .quotes import QUOTE_CSS, voices_section_html
from .text import Markup, number, percent, signed

__all__ = ["REPORT_CSS", "COLUMNS_PER_ROW", "render_report_html"]

#: Outlets side by side on one printed row (landscape A4/Letter keeps ~60 characters a line).
COLUMNS_PER_ROW: Final = 3
#: The overview figures the printed report carries (``charts.OVERVIEW_FIGURES``; the ternary and the
#: intensity bars repeat the table's numbers).
REPORT_FIGURES: Final = ("emphasis", "tone", "readability")
#: Distinctive words listed per outlet in the table (only those with z >= 1.96).
TABLE_TOP_TERMS: Final = 4
#: plotly config for embedded charts: no toolbar (it would print) and no logo link.
PLOTLY_CONFIG: Final[Mapping[str, bool]] = {"displaylogo": False, "displayModeBar": False, "responsive": True}

#: The report's stylesheet: page layout and print rules, then the article highlights.
REPORT_CSS: Final = stylesheet("report.css", "article.css")

_METHOD_NOTES: Final[tuple[tuple[str, str], ...]] = (
    ("Frames", "Each sentence is matched against a word list (lexicon) for three frames: trade (and "
     "the economy), security and diplomacy. A sentence is coloured only when one frame clearly leads."),
    ("Share", "The part of an outlet's frame evidence that belongs to each frame; the three add up to 100%."),
    ("Frame words", "How many of every 100 words are trade, security or diplomacy words."),
    ("Tone", "From −1 (negative) to +1 (positive), from words rated by people. ▲ and ▼ mark strongly "
     "positive and negative sentences."),
    ("Reading ease", "Flesch reading ease: higher means shorter sentences and words."),
    ("Limits", "Word lists miss irony, quotes and context. Treat the numbers as a prompt for close "
     "reading, not a verdict."),
)


@dataclass(frozen=True, slots=True)
class _Row:
    """One outlet of the overview table, formatted."""

    outlet: str
    sentence: str
    articles: int
    words: str
    shares: tuple[tuple[str, str, float], ...]
    frame_words: str
    tone: str
    reading: str
    terms: str


def _select(report: CorpusReport, outlets: Sequence[str] | None) -> tuple[list[OutletReport], list[ArticleReport]]:
    """Outlet reports and articles to include, in the order asked for; validates ``outlets``."""
    if outlets is None:
        return list(report.outlets), list(report.articles)
    if isinstance(outlets, str):
        raise ValueError(
            f"outlets={outlets!r} is a single string; pass a list of outlet names, e.g. outlets=[{outlets!r}]"
        )
    by_name = {outlet.outlet: outlet for outlet in report.outlets}
    unknown = [name for name in outlets if name not in by_name]
    if unknown:
        raise ValueError(f"unknown outlet(s) {unknown!r}; choose from {sorted(by_name)!r} or pass outlets=None")
    chosen = list(dict.fromkeys(outlets))
    order = {name: index for index, name in enumerate(chosen)}
    articles = sorted((a for a in report.articles if a.outlet in order), key=lambda a: order[a.outlet])
    return [by_name[name] for name in chosen], articles


def _rows(report: CorpusReport, outlets: Sequence[OutletReport]) -> list[_Row]:
    sentences = {s.outlet: s.rest for s in summarise_outlets(outlets)}
    rows = []
    for outlet in outlets:
        own = articles_of(report, outlet.outlet)
        ease = [a.readability.flesch_reading_ease for a in own]
        terms = significant_terms(outlet)[:TABLE_TOP_TERMS]
        rows.append(_Row(
            outlet=outlet.outlet,
            sentence=sentences.get(outlet.outlet, ""),
            articles=len(outlet.articles),
            words=number(outlet.word_count),
            shares=tuple((f, percent(outlet.emphasis.get(f, 0.0)), outlet.emphasis.get(f, 0.0)) for f in FRAMES),
            frame_words=number(frame_words_per_100(own), 1),
            tone=signed(outlet.tone),
            reading=number(sum(ease) / len(ease), 0) if ease else "–",
            terms=", ".join(t.term for t in terms),
        ))
    return rows


def _chart_divs(outlets: Sequence[OutletReport], articles: Sequence[ArticleReport]) -> list[Markup]:
    """Interactive overview charts; plotly.js goes inline with the first one only."""
    figures: list[go.Figure] = list(charts.overview_figures(outlets, articles, names=REPORT_FIGURES).values())
    return [
        Markup(figure.to_html(full_html=False, include_plotlyjs=index == 0, div_id=f"fl-chart-{index}",
                              config=dict(PLOTLY_CONFIG)))
        for index, figure in enumerate(figures)
    ]


def _column_rows(report: CorpusReport, outlets: Sequence[OutletReport]) -> list[list[tuple[str, list[_ArticleView]]]]:
    """Outlets grouped ``COLUMNS_PER_ROW`` to a row, each with its article views."""
    columns = []
    for number_, outlet in enumerate(outlets):
        views = [_article_view(a, f"r-{number_}-{i}", reveal=True, show_removed=False, show_notes=True)
                 for i, a in enumerate(articles_of(report, outlet.outlet))]
        columns.append((outlet.outlet, views))
    return [columns[i:i + COLUMNS_PER_ROW] for i in range(0, len(columns), COLUMNS_PER_ROW)]


def render_report_html(
    report: CorpusReport,
    *,
    outlets: Sequence[str] | None = None,
    include_charts: bool = False,
) -> bytes:
    """Render a whole analysis as one self-contained, printable HTML file.

    Parameters
    ----------
    report : CorpusReport
        The analysis to render.
    outlets : sequence of str, optional
        Outlet names to include, in display order; ``None`` includes all.
    include_charts : bool, default False
        Embed interactive plotly charts (plotly.js inline, ~4.8 MB, works offline). Off, the file
        is small and loses no number: the table has them all.

    Returns
    -------
    bytes
        UTF-8 encoded HTML document with no external resources.

    Raises
    ------
    ValueError
        If ``outlets`` is a bare string or names an outlet not in ``report``.

    Examples
    --------
    >>> page = render_report_html(CorpusReport(articles=(), outlets=()))
    >>> page.startswith(b"<!DOCTYPE html>") and b"http" not in page
    True
    """
    chosen, articles = _select(report, outlets)
    count = (f"{len(articles)} article{'s' * (len(articles) != 1)} from {len(chosen)} "
             f"outlet{'s' * (len(chosen) != 1)}")
    lexicon = report.lexicon
    lexicon_line = " ".join(part for part in (lexicon.get("name", ""), lexicon.get("version", "")) if part)
    page = render(
        "report.html.j2",
        css=Markup(REPORT_CSS + COVERAGE_CSS + QUOTE_CSS),
        coverage=Markup(coverage_section_html(report, [o.outlet for o in chosen])),
        voices=Markup(voices_section_html(chosen, articles)),
        count=count,
        rows=_rows(report, chosen),
        frames=FRAMES,
        colours=FRAME_COLOURS,
        legend=Markup(legend_html(interactive=False)),
        charts=_chart_divs(chosen, articles) if include_charts else [],
        column_rows=_column_rows(report, chosen),
        notes=_METHOD_NOTES,
        lexicon_line=lexicon_line,
        lexicon=sorted(lexicon.items()),
        skipped=[(item.source, item.reason) for item in report.skipped],
        marks=TONE_MARKS,
    )
    return page.encode("utf-8")
