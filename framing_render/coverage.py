"""Escaped HTML of the coverage results for the report: the outlet x fact matrix and naming tables.

Kept short for print: at most ``REPORT_FACTS`` facts (those most outlets share first, then what
some leave out, then a few single-outlet facts) and ``REPORT_REFERENTS`` naming tables; the JSON
export has everything. The HTML comes from Jinja2 templates with autoescape (``templates/coverage_*``,
``fact_wordings``, ``shared_passage``, ``naming_places``), so every string from the data is escaped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from framing.coverage import FactRow, fact_matrix
from framing.shared_copy import word_diff
from framing.types import ArticleReport, CorpusReport

from .jinja import render, stylesheet
from .text import Markup, esc

__all__ = ["COVERAGE_CSS", "band_label", "coverage_section_html", "diff_html", "fact_wordings_html", "naming_places_html",
           "shared_passage_html", "short_wording"]

#: Facts in the printed matrix and single-outlet facts among them.
REPORT_FACTS: Final = 6
REPORT_SINGLE_FACTS: Final = 2
#: Referents (rows of the naming table) in the report, and forms listed per outlet cell.
REPORT_REFERENTS: Final = 2
FORMS_PER_CELL: Final = 2
#: Words of a fact's wording shown in a matrix row.
WORDING_WORDS: Final = 10

#: The coverage stylesheet (``static/coverage.css``).
COVERAGE_CSS: Final = stylesheet("coverage.css")


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
    facts = _matrix_rows(report, outlets)
    by_id = {a.id: a for a in report.articles}
    return render(
        "coverage_section.html.j2", outlets=outlets, has_facts=bool(report.facts), facts=facts[0], more=facts[1],
        naming=[(n.referent, [_naming_cell(n.forms.get(o, {}), n.quoted_forms.get(o, {})) for o in outlets])
                for n in report.naming[:REPORT_REFERENTS]],
        reprints=[(_name(by_id, r.article), r.share, _name(by_id, r.of))
                  for r in report.reprints if r.article in by_id and r.of in by_id],
    )


def _matrix_rows(report: CorpusReport, outlets: Sequence[str]) -> tuple[list[tuple[str, list[bool], str]], int]:
    """The printed rows (wording, a mark per outlet, who) and how many facts are left for the JSON."""
    rows = [r for r in fact_matrix(report.facts, outlets) if any(r.cells.values())]
    shared = [r for r in rows if r.band != "one"]
    single = [r for r in rows if r.band == "one"][:REPORT_SINGLE_FACTS]
    shown = (shared[: REPORT_FACTS - len(single)] + single)[:REPORT_FACTS]
    return ([(short_wording(r.text), [r.cells[o] for o in outlets], band_label(r, outlets)) for r in shown],
            len(rows) - len(shown))


def _naming_cell(own: Mapping[str, int], quoted: Mapping[str, int]) -> tuple[str, str]:
    """An outlet's own forms (or a dash) and the forms inside its quotations ('' when none)."""
    return (_forms(own) if own or not quoted else "—", _forms(quoted) if quoted else "")


def _forms(cell: Mapping[str, int]) -> str:
    items = list(cell.items())[:FORMS_PER_CELL]
    text = ", ".join(f"{form} ×{count}" for form, count in items)
    more = len(cell) - len(items)
    return (text + (f", +{more} more" if more > 0 else "")) or "—"


def _name(by_id: dict[str, ArticleReport], article: str) -> str:
    report = by_id[article]
    return f"{report.outlet}: {report.title}" if report.title else report.outlet


def diff_html(left: str, right: str) -> tuple[Markup, Markup]:
    """Two escaped passages with what each changed marked: ``<del>`` only in left, ``<ins>`` only in right.

    Examples
    --------
    >>> diff_html("he said <b>", "he told <b>")
    (Markup('<span class="fl-diff">he <del>said</del> &lt;b&gt;</span>'), Markup('<span class="fl-diff">he <ins>told</ins> &lt;b&gt;</span>'))
    """
    a_parts: list[Markup] = []
    b_parts: list[Markup] = []
    for op, a, b in word_diff(left, right):
        if op == "equal":
            a_parts.append(esc(a))
            b_parts.append(esc(b))
            continue
        if a:
            a_parts.append(Markup("<del>%s</del>") % a)  # Markup's % escapes the value
        if b:
            b_parts.append(Markup("<ins>%s</ins>") % b)
    return (Markup('<span class="fl-diff">%s</span>') % Markup(" ").join(a_parts),
            Markup('<span class="fl-diff">%s</span>') % Markup(" ").join(b_parts))


def fact_wordings_html(mentions: Sequence[tuple[ArticleReport, int, int]], *, shown: int) -> str:
    """One outlet's wordings of a fact for the Coverage page (at most ``shown``), or 'Does not report this.'"""
    return render("fact_wordings.html.j2", shown=[(a.text[s:e], a.title or a.id) for a, s, e in mentions[:shown]],
                  more=max(0, len(mentions) - shown))


def shared_passage_html(marked: Markup, title: str) -> str:
    """One side of a shared passage (``diff_html`` output) with its article's title."""
    return render("shared_passage.html.j2", marked=marked, title=title)


def naming_places_html(places: Sequence[tuple[str, bool, str, str, str]], *, more: int) -> str:
    """Where a referent is named: (outlet, inside a quotation, text before, the name, text after) per place."""
    return render("naming_places.html.j2", places=places, more=more)
