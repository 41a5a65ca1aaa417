"""What each outlet includes and leaves out: the corpus-level coverage step (issue 15).

One reduce step over the per-article reports of an analysis, run after every article has been
scored: facts across outlets (:mod:`framing.facts`), shared copy and reprints
(:mod:`framing.shared_copy`) and naming choices (:mod:`framing.naming`). It reads only the cleaned
``text`` and ``sentences`` of each report, so it can run wherever the reports are gathered.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .errors import describe_failure
from .facts import find_facts
from .naming import find_naming
from .shared_copy import find_shared_copy
from .types import ArticleReport, CoverageSource, Fact, Naming, Reprint, SharedPassage, SkippedInput

__all__ = ["COVERAGE_SOURCE", "Coverage", "CoverageText", "FactRow", "analyze_coverage", "coverage_text", "facts_and_naming",
           "facts_and_naming_or_skip", "fact_band", "fact_matrix", "shared_copy_or_skip"]

#: The ``source`` of a skipped input that is a part of the coverage step that failed, not an input.
COVERAGE_SOURCE = "coverage step"


@dataclass(frozen=True, slots=True)
class Coverage:
    """Facts, shared passages, reprints and naming choices of one analysis."""

    facts: tuple[Fact, ...] = ()
    shared_passages: tuple[SharedPassage, ...] = ()
    reprints: tuple[Reprint, ...] = ()
    naming: tuple[Naming, ...] = ()
    #: A part that failed (``COVERAGE_SOURCE``): its fields are empty, every article's own results stand.
    skipped: tuple[SkippedInput, ...] = ()


class _Bounds(NamedTuple):
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CoverageText:
    """The part of an article the coverage step reads, kept compactly (issue 16).

    A streamed run keeps one per article until the end, instead of the article's report: the cleaned
    text and the sentence bounds as C ints (``bounds``: start, end, start, end, ...), about the size
    of the text itself. :attr:`sentences` rebuilds the bounds on each read.
    """

    id: str
    outlet: str
    date: str | None
    text: str
    bounds: array[int]

    @property
    def sentences(self) -> tuple[_Bounds, ...]:
        """``(start, end)`` of each sentence, as ``ArticleReport.sentences`` has them."""
        pairs = iter(self.bounds)
        return tuple(_Bounds(start, end) for start, end in zip(pairs, pairs))


def coverage_text(report: ArticleReport) -> CoverageText:
    """The compact copy of ``report`` that :func:`analyze_coverage` needs.

    Examples
    --------
    >>> from framing.pipeline import analyze_articles
    >>> from framing.types import Article
    >>> report = analyze_articles([Article(id="a", outlet="A", title="t", text="One. Two here.")]).articles[0]
    >>> coverage_text(report).sentences == tuple((s.start, s.end) for s in report.sentences)
    True
    """
    bounds = array("i", [offset for s in report.sentences for offset in (s.start, s.end)])
    return CoverageText(id=report.id, outlet=report.outlet, date=report.date, text=report.text, bounds=bounds)


def analyze_coverage(reports: Sequence[CoverageSource]) -> Coverage:
    """Run the three coverage analyses over the articles of one analysis.

    Examples
    --------
    >>> from framing.pipeline import analyze_articles
    >>> from framing.types import Article
    >>> a = Article(id="a", outlet="A", title="t", text="Trump will visit Beijing in April 2026, officials said.")
    >>> b = Article(id="b", outlet="B", title="t", text="The president plans a Beijing trip in April 2026.")
    >>> coverage = analyze_coverage(analyze_articles([a, b]).articles)
    >>> [fact.outlets for fact in coverage.facts]
    [('A', 'B')]
    """
    facts, naming, lost = facts_and_naming_or_skip(reports)
    passages, reprints, lost_copy = shared_copy_or_skip(reports)
    return Coverage(facts=facts, shared_passages=passages, reprints=reprints, naming=naming, skipped=(*lost, *lost_copy))


def facts_and_naming_or_skip(
    reports: Sequence[CoverageSource],
) -> tuple[tuple[Fact, ...], tuple[Naming, ...], tuple[SkippedInput, ...]]:
    """:func:`facts_and_naming`, or empty fields and the reason when it raises: the corpus-level step
    reads every article's text at once, so one odd text must not take the articles' results with it."""
    try:
        facts, naming = facts_and_naming(reports)
    except Exception as exc:  # noqa: BLE001 - reported as a skipped input
        return (), (), (_lost("facts and naming", exc),)
    return facts, naming, ()


def shared_copy_or_skip(
    reports: Sequence[CoverageSource],
) -> tuple[tuple[SharedPassage, ...], tuple[Reprint, ...], tuple[SkippedInput, ...]]:
    """``shared_copy.find_shared_copy``, or empty fields and the reason when it raises."""
    try:
        passages, reprints = find_shared_copy(reports)
    except Exception as exc:  # noqa: BLE001 - reported as a skipped input
        return (), (), (_lost("shared copy and reprints", exc),)
    return passages, reprints, ()


def _lost(part: str, exc: BaseException) -> SkippedInput:
    return SkippedInput(source=COVERAGE_SOURCE, reason=f"{part} could not be computed ({describe_failure(exc)}); "
                                                      "every article's own results are complete")


def facts_and_naming(reports: Sequence[CoverageSource]) -> tuple[tuple[Fact, ...], tuple[Naming, ...]]:
    """The facts and the naming choices (naming reads the facts' aligned mentions).

    One of the coverage step's two independent parts; the other is ``shared_copy.find_shared_copy``.
    Neither reads the other's results, so a streamed run computes them in two processes at once
    (``stream.start_coverage``).
    """
    facts = find_facts(reports)
    return facts, find_naming(reports, facts)


def fact_band(fact: Fact, outlets: Sequence[str]) -> str:
    """``all`` (every outlet reports it), ``some`` (some leave it out) or ``one`` (a single outlet)."""
    if len(fact.outlets) == len(outlets) and len(outlets) > 1:
        return "all"
    return "some" if len(fact.outlets) > 1 else "one"


@dataclass(frozen=True, slots=True)
class FactRow:
    """One row of the outlet x fact matrix: who reports the fact and who leaves it out."""

    id: str
    band: str
    text: str
    cells: dict[str, bool]
    not_in: tuple[str, ...]


def fact_matrix(facts: Sequence[Fact], outlets: Sequence[str]) -> list[FactRow]:
    """One row per fact: id, band, wording, a True/False cell per outlet and the outlets that leave it out.

    Examples
    --------
    >>> from framing.types import Mention
    >>> fact = Fact(id="f1", text="Talks resume.", mentions=(Mention("a", 0, 13),), outlets=("A",))
    >>> fact_matrix([fact], ["A", "B"])[0].not_in
    ('B',)
    """
    rows = []
    for fact in facts:
        reported = set(fact.outlets)
        rows.append(FactRow(
            id=fact.id,
            band=fact_band(fact, outlets),
            text=fact.text,
            cells={outlet: outlet in reported for outlet in outlets},
            not_in=tuple(outlet for outlet in outlets if outlet not in reported),
        ))
    return rows
