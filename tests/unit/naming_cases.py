"""Helpers the naming tests share: the report of small made-up articles, and a referent's forms."""

from __future__ import annotations

from framing.pipeline import analyze_articles
from framing.types import Article, CorpusReport, Naming


def report_of(articles: tuple[tuple[str, str, str], ...]) -> CorpusReport:
    """The analysis of ``(id, outlet, text)`` rows, untitled."""
    return analyze_articles([Article(id=i, outlet=o, title="", text=t) for i, o, t in articles])


def forms_of(naming: Naming) -> set[str]:
    """A referent's forms, own and quoted, over all outlets."""
    return {f for table in (naming.forms, naming.quoted_forms) for cell in table.values() for f in cell}


def referents(report: CorpusReport) -> dict[str, set[str]]:
    """Each referent's forms, own and quoted, over all outlets."""
    return {n.referent: forms_of(n) for n in report.naming}
