"""Escaped HTML of the coverage results for the report: the outlet x fact matrix and naming tables.

Kept short for print: at most ``REPORT_FACTS`` facts (those most outlets share first, then what
some leave out, then a few single-outlet facts) and ``REPORT_REFERENTS`` naming tables; the JSON
export has everything. Every string from the data is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from framing.coverage import FactRow, fact_matrix
from framing.shared_copy import word_diff
from framing.types import ArticleReport, CorpusReport

from .text import esc

__all__ = ["COVERAGE_CSS", "coverage_section_html", "diff_html", "short_wording"]

#: Facts in the printed matrix and single-outlet facts among them.
REPORT_FACTS: Final = 6
REPORT_SINGLE_FACTS: Final = 2
#: Referents (rows of the naming table) in the report, and forms listed per outlet cell.
REPORT_REFERENTS: Final = 2
FORMS_PER_CELL: Final = 2
#: Words of a fact's wording shown in a matrix row.
WORDING_WORDS: Final = 10

COVERAGE_CSS: Final = """
table.fl-matrix { border-collapse: collapse; width: 100%; font-size: .88rem; }
table.fl-matrix th, table.fl-matrix td { border-bottom: 1px solid #DDD; padding: .3rem .45rem; vertical-align: top; }
table.fl-matrix thead th { background: #F4F4F4; text-align: center; }
table.fl-matrix td.fl-cell { text-align: center; width: 4.5rem; }
table.fl-naming td { font-size: .85rem; }
.fl-quoted-forms { color: #444; font-style: italic; }
table.fl-matrix td.fl-cell.fl-yes { background: #2F6DB5; color: #fff; font-weight: 700;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
table.fl-matrix td.fl-band { color: #444; font-size: .82rem; }
table.fl-matrix tr { break-inside: avoid; page-break-inside: avoid; }
.fl-diff del { background: #F9D6D5; text-decoration: line-through; }
.fl-diff ins { background: #D5ECD4; text-decoration: none; font-weight: 600; }
"""


def _esc(text: str) -> str:
    return str(esc(text))  # the render layer's one escaper


def short_wording(text: str, words: int = WORDING_WORDS) -> str:
    """The first ``words`` words of a fact's wording, with "…" when cut.

    Examples
    --------
    >>> short_wording("one two three four", 3)
    'one two three …'
    """
    parts = text.split()
    return " ".join(parts) if len(parts) <= words else " ".join(parts[:words]) + " …"


def band_label(row: FactRow, outlets: Sequence[str]) -> str:
    """``all outlets`` / ``not in: A, B`` / ``only A``: who reports the fact, in words."""
    if row.band == "all":
        return "all outlets"
    if row.band == "one":
        return "only " + next(o for o in outlets if o not in row.not_in)
    return "not in: " + ", ".join(row.not_in)


def coverage_section_html(report: CorpusReport, outlets: Sequence[str]) -> str:
    """The matrix and naming tables for the chosen outlets, escaped, short enough to print."""
    parts = [_matrix_html(report, outlets), _naming_html(report, outlets), _reprints_html(report)]
    return "\n".join(p for p in parts if p)


def _matrix_html(report: CorpusReport, outlets: Sequence[str]) -> str:
    if not report.facts:
        return "<p>No facts to compare.</p>"
    rows = fact_matrix(report.facts, outlets)
    rows = [r for r in rows if any(r.cells.values())]
    shared = [r for r in rows if r.band != "one"]
    single = [r for r in rows if r.band == "one"][:REPORT_SINGLE_FACTS]
    shown = (shared[: REPORT_FACTS - len(single)] + single)[:REPORT_FACTS]
    head = "".join(f'<th scope="col"><bdi>{_esc(o)}</bdi></th>' for o in outlets)
    body = []
    for row in shown:
        marks = "".join(
            '<td class="fl-cell fl-yes">yes</td>' if row.cells[o] else '<td class="fl-cell">—</td>' for o in outlets
        )
        body.append(f"<tr><td>{_esc(short_wording(row.text))}</td>{marks}"
                    f'<td class="fl-band">{_esc(band_label(row, outlets))}</td></tr>')
    more = len(rows) - len(shown)
    note = f"<p class=\"fl-notes\">{more} more facts are in the JSON export.</p>" if more > 0 else ""
    return (
        '<h3>Which outlet reports which fact</h3><p class="fl-notes">Each row is one fact, worded as one '
        "outlet put it; sentences of different outlets that say the same thing (the same names, numbers and "
        "specific words) count as one fact. Facts all outlets share come first, then those some leave out, "
        "then facts only one outlet reports.</p>"
        f'<table class="fl-matrix"><thead><tr><th scope="col">Fact</th>{head}<th scope="col">Who</th></tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>{note}"
    )


def _naming_html(report: CorpusReport, outlets: Sequence[str]) -> str:
    """One table: a row per person, place or thing, a column per outlet, its own words in each cell
    (words inside quotations follow, marked, as somebody else's)."""
    rows = []
    for naming in report.naming[:REPORT_REFERENTS]:
        cells = []
        for outlet in outlets:
            own = naming.forms.get(outlet, {})
            quoted = naming.quoted_forms.get(outlet, {})
            text = _forms(own) if own or not quoted else "—"
            if quoted:
                text += f'<br><span class="fl-quoted-forms">quoted: {_forms(quoted)}</span>'
            cells.append(f"<td>{text}</td>")
        rows.append(f'<tr><th scope="row">{_esc(naming.referent)}</th>{"".join(cells)}</tr>')
    if not rows:
        return ""
    head = "".join(f'<th scope="col"><bdi>{_esc(o)}</bdi></th>' for o in outlets)
    return ("<h3>How each outlet names the same people, places and things</h3>"
            "<p class=\"fl-notes\">Forms with how often each outlet uses them; words inside quotation marks "
            "are somebody else's and are counted apart.</p>"
            f'<table class="fl-summary fl-naming"><thead><tr><th scope="col">Named</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _forms(cell: Mapping[str, int]) -> str:
    items = list(cell.items())[:FORMS_PER_CELL]
    text = ", ".join(f"{_esc(form)} ×{count}" for form, count in items)
    more = len(cell) - len(items)
    return (text + (f", +{more} more" if more > 0 else "")) or "—"


def _reprints_html(report: CorpusReport) -> str:
    if not report.reprints:
        return ""
    by_id = {a.id: a for a in report.articles}
    items = "".join(
        f"<li><bdi>{_esc(_name(by_id, r.article))}</bdi> is mostly ({r.share:.0%} of its words) the same text as "
        f"<bdi>{_esc(_name(by_id, r.of))}</bdi></li>"
        for r in report.reprints if r.article in by_id and r.of in by_id
    )
    return f"<h3>Reprints</h3><ul>{items}</ul>"


def _name(by_id: dict[str, ArticleReport], article: str) -> str:
    report = by_id[article]
    return f"{report.outlet}: {report.title}" if report.title else report.outlet


def diff_html(left: str, right: str) -> tuple[str, str]:
    """Two escaped passages with what each changed marked: ``<del>`` only in left, ``<ins>`` only in right.

    Examples
    --------
    >>> diff_html("he said <b>", "he told <b>")
    ('<span class="fl-diff">he <del>said</del> &lt;b&gt;</span>', '<span class="fl-diff">he <ins>told</ins> &lt;b&gt;</span>')
    """
    a_parts, b_parts = [], []
    for op, a, b in word_diff(left, right):
        if op == "equal":
            a_parts.append(_esc(a))
            b_parts.append(_esc(b))
            continue
        if a:
            a_parts.append(f"<del>{_esc(a)}</del>")
        if b:
            b_parts.append(f"<ins>{_esc(b)}</ins>")
    return (f'<span class="fl-diff">{" ".join(a_parts)}</span>', f'<span class="fl-diff">{" ".join(b_parts)}</span>')
