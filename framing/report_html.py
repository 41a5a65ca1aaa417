"""A single self-contained HTML report of one analysis, for download, offline use and printing.

Charts: plotly.js (~4.8 MB) is embedded inline once, with the first chart, and the other
charts reuse it. That makes the file large but keeps the charts interactive with no network
(classrooms often have flaky or filtered internet, and a CDN link would break offline). Every
number a chart shows is also in the summary table, so ``include_charts=False`` gives a small
(tens of kB) file that loses no information, e.g. for e-mail. Article text is rendered by
``framing.highlights``; every string from the data is HTML-escaped.
"""

from __future__ import annotations

import html
from typing import Final, Iterable, Mapping, Sequence

import plotly.graph_objects as go

from framing import charts
from framing.quote_html import voices_section_html
from framing.coverage_html import COVERAGE_CSS, coverage_section_html
from framing.highlights import HIGHLIGHT_CSS, legend_html, render_article_html
from framing.types import FRAMES, ArticleReport, CorpusReport, OutletReport, SkippedInput

__all__ = ["REPORT_CSS", "render_report_html"]

#: Distinctive terms listed per outlet in the summary table; the chart shows more.
TABLE_TOP_TERMS: Final = 5
#: Distinctive terms per outlet chart in the report (the dashboard can show more).
REPORT_TOP_TERMS: Final = 10
#: Minimum width (px) of one distinctive-terms chart in the report's grid.
MULTIPLE_MIN_PX: Final = 420
#: Longest outlet name that fits as the title of one chart in that grid.
MULTIPLE_TITLE_CHARS: Final = 36
#: Minimum width (px) of one outlet column in the side-by-side view before columns wrap.
COLUMN_MIN_PX: Final = 320
#: plotly config for embedded charts: no plotly logo (it links to plotly.com), resize with page.
PLOTLY_CONFIG: Final[Mapping[str, bool]] = {"displaylogo": False, "responsive": True}

#: Page layout and print rules; ``HIGHLIGHT_CSS`` is added after it.
REPORT_CSS: Final = f"""
* {{ box-sizing: border-box; }}
body {{ margin: 0; background: #fff; color: #111;
  font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.5; }}
main {{ max-width: 1400px; margin: 0 auto; padding: 1.5rem 2rem 3rem; overflow-wrap: anywhere; }}
h1 {{ font-size: 1.8rem; margin: 0 0 .3rem; }}
h2 {{ font-size: 1.35rem; margin: 2.2rem 0 .6rem; padding-bottom: .2rem;
  border-bottom: 2px solid #DDD; }}
.fl-sub {{ color: #444; margin: 0 0 1rem; }}
table.fl-summary {{ border-collapse: collapse; width: 100%; font-size: .92rem; }}
table.fl-summary th, table.fl-summary td {{ border-bottom: 1px solid #DDD; padding: .35rem .5rem;
  text-align: right; vertical-align: top; }}
table.fl-summary th:first-child, table.fl-summary td:first-child,
table.fl-summary td.fl-terms {{ text-align: left; }}
table.fl-summary thead th {{ background: #F4F4F4; }}
.fl-chart {{ margin: 0 0 1.2rem; }}
.fl-multiples {{ display: grid; gap: .5rem 1.5rem;
  grid-template-columns: repeat(auto-fit, minmax({MULTIPLE_MIN_PX}px, 1fr)); }}
.fl-columns {{ display: grid; gap: 1.5rem;
  grid-template-columns: repeat(auto-fit, minmax({COLUMN_MIN_PX}px, 1fr)); }}
.fl-column > h3.fl-outlet {{ font-size: 1.1rem; margin: 0 0 .6rem; padding: .3rem .5rem;
  background: #F4F4F4; border-radius: 3px; }}
.fl-column .fl-article {{ border-top: 1px solid #DDD; padding-top: .8rem; margin-bottom: 1.6rem; }}
.fl-notes {{ font-size: .85rem; color: #444; }}
.fl-method dt {{ font-weight: 700; margin-top: .5rem; }}
.fl-method dd {{ margin-left: 1rem; }}
@media print {{
  main {{ max-width: none; padding: 0; }}
  .fl-columns, .fl-multiples {{ display: block; }}
  .fl-column {{ break-before: auto; }}
  .fl-chart, table.fl-summary tr, .fl-legend {{ break-inside: avoid; page-break-inside: avoid; }}
  h2, h3 {{ break-after: avoid; page-break-after: avoid; }}
  table.fl-summary thead th, .fl-column > h3.fl-outlet {{ -webkit-print-color-adjust: exact;
    print-color-adjust: exact; }}
}}
"""

_METHOD_NOTES: Final[tuple[tuple[str, str], ...]] = (
    ("Frames", "Each sentence is scored against a word list (lexicon) for three frames: trade, "
     "security and diplomacy. A highlighted sentence's colour is the frame with the highest "
     "score; hovering shows the words that produced it and how much each counted."),
    ("Emphasis", "The share of an outlet's frame evidence that belongs to each frame. The three "
     "shares add up to 100% (or are all 0 when no frame words were found)."),
    ("Intensity", "Frame evidence per 1,000 words: how much framing language there is at all, "
     "whichever frame it belongs to."),
    ("Tone", "From −1 (negative) to +1 (positive), from words in a tone lexicon. ▼ and a dashed "
     "underline mark negative sentences, ▲ and a solid underline positive ones."),
    ("Reading ease", "Flesch reading ease: higher scores mean shorter sentences and words."),
    ("Distinctive words", "Words an outlet uses more often than the other outlets, ranked by a "
     "log-odds z-score; higher means more unusual for that outlet."),
    ("Limits", "Word lists miss irony, quotes from people the article disagrees with, and "
     "context. Treat the scores as a prompt for close reading, not a verdict."),
)


def _escape(text: str) -> str:
    """HTML-escape text from the data, quotes included."""
    return html.escape(text, quote=True)


def _plotly_text(text: str) -> str:
    """Escape text for a plotly label: ``<``, ``>`` and ``&`` only, since plotly.js does not decode
    ``&quot;`` (a quote would show as the entity) and a label is never an attribute."""
    return html.escape(text, quote=False)


def _shorten(name: str) -> str:
    """Cut a name to ``MULTIPLE_TITLE_CHARS`` with "…" (it titles a narrow chart)."""
    if len(name) <= MULTIPLE_TITLE_CHARS:
        return name
    return name[: MULTIPLE_TITLE_CHARS - 1].rstrip() + "…"


def _percent(value: float) -> str:
    """``0.42`` → ``42%``."""
    return f"{value:.0%}"


def _signed(value: float) -> str:
    """``+0.12`` / ``−0.12``."""
    return f"{value:+.2f}".replace("-", "−")


# --------------------------------------------------------------------------- selection


def _select(
    report: CorpusReport, outlets: Sequence[str] | None
) -> tuple[list[OutletReport], list[ArticleReport]]:
    """Outlet reports and articles to include, in the order asked for; validates ``outlets``."""
    if outlets is None:
        return list(report.outlets), list(report.articles)
    if isinstance(outlets, str):
        raise ValueError(
            f"outlets={outlets!r} is a single string; pass a list of outlet names, "
            f"e.g. outlets=[{outlets!r}]"
        )
    by_name = {outlet.outlet: outlet for outlet in report.outlets}
    unknown = [name for name in outlets if name not in by_name]
    if unknown:
        raise ValueError(
            f"unknown outlet(s) {unknown!r}; choose from {sorted(by_name)!r} or pass outlets=None"
        )
    chosen = list(dict.fromkeys(outlets))
    order = {name: index for index, name in enumerate(chosen)}
    articles = sorted((a for a in report.articles if a.outlet in order),
                      key=lambda a: order[a.outlet])
    return [by_name[name] for name in chosen], articles


# --------------------------------------------------------------------------- sections


def _summary_row(outlet: OutletReport) -> str:
    """One ``<tr>`` of the per-outlet table."""
    terms = sorted(outlet.distinctive_terms, key=lambda term: -term.z)[:TABLE_TOP_TERMS]
    cells = [
        f"<th scope=\"row\">{_escape(outlet.outlet)}</th>",
        f"<td>{len(outlet.articles)}</td>",
        f"<td>{outlet.word_count:,}</td>",
        *(f"<td>{_percent(outlet.emphasis.get(frame, 0.0))}</td>" for frame in FRAMES),
        f"<td>{outlet.intensity:.1f}</td>",
        f"<td>{_signed(outlet.tone)}</td>",
        f"<td class=\"fl-terms\">{_escape(', '.join(term.term for term in terms)) or '—'}</td>",
    ]
    return f"<tr>{''.join(cells)}</tr>"


def _summary_table(outlets: Sequence[OutletReport]) -> str:
    """The per-outlet summary table (every number the charts show)."""
    if not outlets:
        return "<p>No outlets to summarise.</p>"
    headers = ["Outlet", "Articles", "Words", *(f"{frame.capitalize()} share" for frame in FRAMES),
               "Intensity (per 1,000 words)", "Tone (−1…+1)", "Most distinctive words"]
    head = "".join(f'<th scope="col">{header}</th>' for header in headers)
    body = "\n".join(_summary_row(outlet) for outlet in outlets)
    return (f'<table class="fl-summary"><thead><tr>{head}</tr></thead>'
            f"<tbody>\n{body}\n</tbody></table>")


def _figures(outlets: Sequence[OutletReport], articles: Sequence[ArticleReport]) -> list[go.Figure]:
    """The overview charts of the report, in reading order."""
    return [
        charts.emphasis_bars(outlets),
        charts.emphasis_ternary(outlets),
        charts.tone_bars(outlets),
        charts.intensity_bars(outlets),
        charts.readability_bars(articles),
    ]


def _term_figures(outlets: Sequence[OutletReport]) -> list[go.Figure]:
    """One distinctive-terms chart per outlet that has any, for a small-multiples grid."""
    figures = []
    for outlet in outlets:
        if outlet.distinctive_terms:
            figure = charts.distinctive_terms_chart(outlet, top_n=REPORT_TOP_TERMS)
            # The section heading says what the words are; the outlet name is enough here.
            figure.update_layout(title_text=f"<b>{_plotly_text(_shorten(outlet.outlet))}</b>")
            figures.append(figure)
    return figures


def _chart_divs(figures: Sequence[go.Figure], first_index: int) -> list[str]:
    """Chart ``<div>``s; plotly.js goes inline with chart number 0 only. Div ids are fixed so the
    output is deterministic."""
    parts = []
    for index, figure in enumerate(figures, start=first_index):
        chart = figure.to_html(full_html=False, include_plotlyjs=index == 0,
                               div_id=f"fl-chart-{index}", config=dict(PLOTLY_CONFIG))
        parts.append(f'<div class="fl-chart">{chart}</div>')
    return parts


def _charts_section(outlets: Sequence[OutletReport], articles: Sequence[ArticleReport]) -> str:
    """Overview charts, then the distinctive-terms charts side by side."""
    overview = _figures(outlets, articles)
    parts = _chart_divs(overview, 0)
    terms = _chart_divs(_term_figures(outlets), len(overview))
    if terms:
        parts.append("<h3>Words each outlet uses more than the others</h3>")
        parts.append(f'<div class="fl-multiples">{"".join(terms)}</div>')
    return "\n".join(parts)


def _article_block(article: ArticleReport) -> str:
    """Highlighted article plus its analysis notes, if any."""
    notes = "".join(f"<li>{_escape(note)}</li>" for note in article.notes)
    notes_html = f'<ul class="fl-notes">{notes}</ul>' if notes else ""
    return render_article_html(article) + notes_html


def _columns_section(outlets: Sequence[OutletReport], articles: Sequence[ArticleReport]) -> str:
    """One column per outlet with its articles, side by side (stacked when printed)."""
    columns = []
    for outlet in outlets:
        blocks = [_article_block(a) for a in articles if a.outlet == outlet.outlet]
        inner = "\n".join(blocks) or "<p>No articles.</p>"
        columns.append(f'<div class="fl-column"><h3 class="fl-outlet">'
                       f"{_escape(outlet.outlet)}</h3>\n{inner}</div>")
    # Articles whose outlet has no OutletReport still get shown rather than silently dropped.
    known = {outlet.outlet for outlet in outlets}
    orphans = [a for a in articles if a.outlet not in known]
    if orphans:
        columns.append('<div class="fl-column"><h3 class="fl-outlet">Other</h3>\n'
                       + "\n".join(_article_block(a) for a in orphans) + "</div>")
    return f'<div class="fl-columns">{"".join(columns)}</div>'


def _definition_list(items: Iterable[tuple[str, str]]) -> str:
    """``<dl>`` of escaped term/description pairs."""
    rows = "".join(f"<dt>{_escape(term)}</dt><dd>{_escape(text)}</dd>" for term, text in items)
    return f"<dl>{rows}</dl>"


def _method_section(lexicon: Mapping[str, str], skipped: Sequence[SkippedInput]) -> str:
    """Method note, lexicon provenance and skipped inputs."""
    parts = [_definition_list(_METHOD_NOTES)]
    if lexicon:
        parts.append("<h3>Lexicon</h3>" + _definition_list(lexicon.items()))
    if skipped:
        rows = "".join(f"<li><bdi><b>{_escape(item.source)}</b></bdi>: {_escape(item.reason)}</li>"
                       for item in skipped)
        parts.append(f"<h3>Inputs that could not be read</h3><ul>{rows}</ul>")
    return f'<div class="fl-method">{"".join(parts)}</div>'


# --------------------------------------------------------------------------- public


def render_report_html(
    report: CorpusReport,
    *,
    outlets: Sequence[str] | None = None,
    include_charts: bool = True,
) -> bytes:
    """Render a whole analysis as one self-contained, printable HTML file.

    Parameters
    ----------
    report : CorpusReport
        The analysis to render.
    outlets : sequence of str, optional
        Outlet names to include, in display order; ``None`` includes all.
    include_charts : bool, default True
        Embed interactive plotly charts (plotly.js inline, ~4.8 MB, works offline). ``False``
        gives a small file with the same numbers in the summary table.

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
    >>> page = render_report_html(CorpusReport(articles=(), outlets=()), include_charts=False)
    >>> page.startswith(b"<!DOCTYPE html>") and b"http" not in page
    True
    """
    chosen_outlets, articles = _select(report, outlets)
    count = (f"{len(articles)} article{'s' * (len(articles) != 1)} from {len(chosen_outlets)} "
             f"outlet{'s' * (len(chosen_outlets) != 1)}")
    sections = [
        "<h1>Framing Lens report</h1>",
        f'<p class="fl-sub">{count}. How do outlets frame the same story: as trade, security '
        "or diplomacy, and in what tone?</p>",
        "<h2>At a glance</h2>", _summary_table(chosen_outlets),
    ]
    if include_charts:
        sections += ["<h2>Charts</h2>", _charts_section(chosen_outlets, articles)]
    # issue 14 (quotes helper): who speaks, from framing.quote_html
    sections += ["<h2>Who speaks</h2>", voices_section_html(chosen_outlets, articles)]
    sections += [
        "<h2>What each outlet reports</h2>",
        coverage_section_html(report, [o.outlet for o in chosen_outlets]),
        "<h2>The articles side by side</h2>", legend_html(),
        _columns_section(chosen_outlets, articles),
        "<h2>How to read this report</h2>", _method_section(report.lexicon, report.skipped),
    ]
    body = "\n".join(sections)
    document = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Framing Lens report</title>\n"
        f"<style>{REPORT_CSS}{HIGHLIGHT_CSS}{COVERAGE_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
    return document.encode("utf-8")
