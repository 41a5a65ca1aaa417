"""Two-pass streaming analysis: ``framing analyze --format jsonl`` writes each article as it is done.

The IDF needs every article's document frequencies before any article can be scored, so the
analysis runs in two passes over chunks of the corpus (issue 16):

1. **map** (the first pass): each chunk's per-article pass (clean, Document, components;
   ``pipeline.prepare_or_skip``: an article that breaks a step becomes a skipped input), kept aside (a spill file on disk here, worker memory on a Dask cluster); what comes back is the
   chunk's document frequencies (``frames.document_frequency``) and the part of each article the
   coverage step reads (``coverage.CoverageText``: cleaned text, sentence bounds);
2. **reduce**: the frequencies are summed and the IDF is fitted once (``FrameModel.fit_document_frequency``);
   the coverage step (facts and naming, shared copy; :func:`start_coverage`) needs nothing more,
   so with ``--workers`` > 1 its two parts start now, in two processes of their own, beside step 3
   (which then takes one process fewer, :func:`score_workers`);
3. **map** (the second pass, "pass 2" below): each chunk is scored and its articles become JSON lines, written in id order as the
   chunks come back; only a slim copy of each report (no evidence, no text) stays in memory for the
   outlets;
4. **reduce**: outlets (``compare.OutletTotals``), then the coverage's JSON, then one line each per
   outlet and a last ``corpus`` line.

Every line is one JSON object with a ``record`` field (``article``, ``outlet``, ``corpus``) added to
the fields of ``--format json``: the article and outlet objects are exactly the elements of its
``articles`` and ``outlets`` lists, and the ``corpus`` line holds the rest (schema version, skipped
inputs, lexicon, facts, shared passages, reprints, naming). The same chunk functions run in this
process, in worker processes (``--workers``) or on a Dask cluster (``framing.cluster``).
"""

from __future__ import annotations

import dataclasses
import os
from array import array
import pickle
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

from .components import Component
from .compare import OutletTotals
from .coverage import CoverageText, facts_and_naming_or_skip, shared_copy_or_skip
from .export import SCHEMA_VERSION, _rounded, dumps_json
from .frames import FrameModel, document_frequency
from .lexicon import Lexicon
from .pipeline import _Prepared, _report, prepare_or_skip  # the per-article steps, shared with analyze_articles
from .types import Article, ArticleReport, SkippedInput
from .workers import Beside, chunk_bounds, map_chunks, plan_workers

__all__ = ["Gathered", "Kept", "PendingCoverage", "StreamSummary", "prepare_chunk", "chunk_frequency", "chunk_texts",
           "chunk_skipped",
           "score_chunk", "score_workers", "keep", "start_coverage", "finish_stream", "summarize", "stream_jsonl"]


@dataclass(frozen=True, slots=True)
class Kept:
    """What the corpus-level steps need of one article once its line is written."""

    report: ArticleReport
    word_counts: Counter[str]


@dataclass(frozen=True, slots=True)
class StreamSummary:
    """What the command line reports after a streamed run."""

    articles: int
    skipped: tuple[SkippedInput, ...]
    truncated: tuple[tuple[str, str], ...]


class Gathered:
    """What the reduce steps keep of the articles once their lines are written (issue 16).

    Each article is folded into running per-outlet sums (:class:`compare.OutletTotals`, which also
    pools its word counts) and its report is dropped; the coverage step's :class:`coverage.CoverageText`
    of each article (its cleaned text and sentence bounds) is added after pass 1 (:meth:`add_texts`).
    Articles are added in id order.
    """

    def __init__(self) -> None:
        self.outlets = OutletTotals()
        self.texts: list[CoverageText] = []
        self.truncated: list[tuple[str, str]] = []
        self.articles = 0

    def add(self, chunk: Sequence[Kept]) -> None:
        """Fold one chunk's articles in, in order."""
        for item in chunk:
            report = item.report
            self.outlets.add(report, item.word_counts)
            self.articles += 1
            self.truncated.extend((report.source or report.id, note) for note in report.notes
                                  if note.startswith("article truncated"))


    def add_texts(self, texts: Sequence[CoverageText]) -> None:
        """Add one chunk's coverage texts (pass 1), in order."""
        self.texts.extend(texts)


#: Pass 1's result for one article: its own pass, or why it was skipped (``pipeline.prepare_or_skip``).
Outcome = _Prepared | SkippedInput


def prepare_chunk(articles: Sequence[Article], steps: Mapping[str, Component]) -> list[Outcome]:
    """Pass 1 of one chunk: each article's own pass (no corpus statistics needed), or why it failed.

    The other chunk functions read the analysed articles only; :func:`chunk_skipped` gives the rest.
    """
    return [prepare_or_skip(article, steps) for article in articles]


def chunk_skipped(prepared: Sequence[Outcome]) -> list[SkippedInput]:
    """The chunk's articles whose own pass failed, each with its reason (reported as skipped inputs)."""
    return [p for p in prepared if isinstance(p, SkippedInput)]


def _analysed(prepared: Sequence[Outcome]) -> list[_Prepared]:
    return [p for p in prepared if isinstance(p, _Prepared)]


def chunk_frequency(prepared: Sequence[Outcome], terms: int) -> np.ndarray:
    """The chunk's document frequency per lexicon term (summed over chunks, it is the corpus's)."""
    return document_frequency([p.matches for p in _analysed(prepared)], terms)


def chunk_texts(prepared: Sequence[Outcome]) -> list[CoverageText]:
    """What the coverage step reads of each article of the chunk (the report's ``text`` and sentence bounds).

    Equal to ``coverage.coverage_text`` of the article's report, which takes both from pass 1 as they are.
    """
    return [CoverageText(id=p.article.id, outlet=p.article.outlet, date=p.article.date, text=p.cleaned.text,
                         bounds=array("i", [offset for span, _, _ in p.sentences for offset in (span.start, span.end)]))
            for p in _analysed(prepared)]


def score_chunk(prepared: Sequence[Outcome], model: FrameModel, layout: str = "jsonl") -> tuple[bytes, list[Kept]]:
    """Pass 2 of one chunk: frame scores with the corpus IDF, the reports serialised, slim copies.

    ``layout`` ``jsonl`` gives one line per article; ``json`` gives the articles as they sit inside
    the ``articles`` list of ``--format json`` (indented, comma-separated), for :class:`_Writer`.
    """
    analysed = _analysed(prepared)
    frames = model.score_matches([list(p.matches) for p in analysed])
    pieces = []
    kept = []
    for item, scored in zip(analysed, frames):
        report = _report(item, scored)
        if layout == "json":
            pieces.append(dumps_json(_rounded(report), indent=2).replace(b"\n", b"\n" + _ITEM_INDENT))
        else:
            pieces.append(_line("article", _rounded(report)))
        kept.append(Kept(report=_slim(report), word_counts=item.word_counts))
    return (_ITEM_SEPARATOR.join(pieces) if layout == "json" else b"".join(pieces)), kept


class PendingCoverage:
    """The coverage step's JSON, being computed beside pass 2, or computed here when it is asked for.

    Two parts that read nothing of each other: facts and naming (naming reads the facts), and shared
    copy (shared passages and reprints). Each gives its fields as JSON bytes in the run's layout, so
    a child process sends back bytes, not objects.
    """

    def __init__(self, texts: Sequence[CoverageText], layout: str, *, background: bool) -> None:
        first = Beside(_facts_and_naming_json, (texts, layout), background=background)
        try:
            second = Beside(_shared_copy_json, (texts, layout), background=background)
        except BaseException:  # the second fork failed (memory, process limit): stop the first, not orphan it
            first.close()
            raise
        self._parts = (first, second)

    def fields(self) -> tuple[dict[str, bytes], tuple[SkippedInput, ...]]:
        """The four fields' JSON bytes, in the order of the document (waits for the children), and
        the parts that failed (their fields are empty; ``coverage.facts_and_naming_or_skip``)."""
        facts_naming, lost = self._parts[0].result()
        shared, lost_copy = self._parts[1].result()
        return ({"facts": facts_naming["facts"], "shared_passages": shared["shared_passages"],
                 "reprints": shared["reprints"], "naming": facts_naming["naming"]}, (*lost, *lost_copy))

    def close(self) -> None:
        """Stop whatever still runs (after an error elsewhere)."""
        for part in self._parts:
            part.close()


def start_coverage(texts: Sequence[CoverageText], layout: str, *, background: bool) -> PendingCoverage:
    """Start the coverage step over ``texts`` (in id order): in two child processes with ``background``."""
    return PendingCoverage(texts, layout, background=background)


def _facts_and_naming_json(job: tuple[Sequence[CoverageText], str]) -> tuple[dict[str, bytes], tuple[SkippedInput, ...]]:
    texts, layout = job
    facts, naming, lost = facts_and_naming_or_skip(texts)
    return {"facts": _part_json(facts, layout), "naming": _part_json(naming, layout)}, lost


def _shared_copy_json(job: tuple[Sequence[CoverageText], str]) -> tuple[dict[str, bytes], tuple[SkippedInput, ...]]:
    texts, layout = job
    passages, reprints, lost = shared_copy_or_skip(texts)
    return {"shared_passages": _part_json(passages, layout), "reprints": _part_json(reprints, layout)}, lost


def _part_json(value: object, layout: str) -> bytes:
    return dumps_json(_rounded(value), indent=2 if layout == "json" else None)


def finish_stream(
    gathered: Gathered,
    writer: _Writer,
    *,
    skipped: Sequence[SkippedInput],
    lexicon: Lexicon,
    coverage: PendingCoverage | None = None,
) -> tuple[SkippedInput, ...]:
    """Reduce steps after the last article: outlets and coverage, written after the articles.

    ``coverage`` is the coverage step started earlier (:func:`start_coverage`); without it, it runs
    here. What is written after the articles is held as JSON bytes, not as objects. Returns every
    skipped input written: ``skipped`` and any part of the coverage step that failed.
    """
    outlets = [_rounded(outlet) for outlet in gathered.outlets.outlets()]
    if coverage is None:
        coverage = start_coverage(gathered.texts, writer.layout, background=False)
    try:
        fields, lost = coverage.fields()
    finally:
        coverage.close()
    gathered.texts.clear()  # the coverage step was the last reader of the texts
    skipped = (*skipped, *lost)
    rest = {
        "skipped": writer.json(_rounded(tuple(sorted(skipped, key=lambda item: (item.source, item.reason))))),
        "lexicon": writer.json(_rounded(lexicon.describe())),
        **fields,
    }
    del fields
    writer.finish(outlets, rest)
    return skipped


class _Writer:
    """Writes a streamed run in either layout: articles chunk by chunk, then the rest.

    ``json`` reproduces ``export.to_json_bytes`` byte for byte: the document is what orjson writes
    for it with an empty ``articles`` list, with the article chunks spliced into that list (orjson
    escapes line breaks inside strings, so every raw line break is layout and can be re-indented).
    """

    def __init__(self, out: IO[bytes], layout: str) -> None:
        self.out, self.layout, self.articles = out, layout, 0
        if layout == "json":
            self.head, _ = _split_document({"schema_version": SCHEMA_VERSION, "articles": []})

    def write_articles(self, chunk: bytes, count: int) -> None:
        if not count:
            return
        if self.layout == "json":
            self.out.write(self.head + b"[\n" + _ITEM_INDENT if not self.articles else _ITEM_SEPARATOR)
        self.out.write(chunk)
        self.articles += count

    def json(self, value: object) -> bytes:
        """``value`` as JSON in this layout: one line (jsonl), or indented as a top-level field (json)."""
        return dumps_json(value, indent=2 if self.layout == "json" else None)

    def finish(self, outlets: list[object], rest: Mapping[str, bytes]) -> None:
        """Write the outlets and the rest (each field's value as :meth:`json` gives it), then the end."""
        if self.layout != "json":
            for outlet in outlets:
                self.out.write(_line("outlet", outlet))
            # the bytes of _line("corpus", {...}), one field at a time
            self.out.write(dumps_json({"record": "corpus", "schema_version": SCHEMA_VERSION}, indent=None)[:-1])
            for name, data in rest.items():
                self.out.write(b"," + dumps_json(name, indent=None) + b":" + data)
            self.out.write(b"}\n")
            return
        # what orjson writes for the whole document, a field at a time: each top-level field's value
        # is indented once more (orjson escapes line breaks inside strings, so each raw one is layout)
        self.out.write(self.head + b"[]" if not self.articles else b"\n  ]")
        for name, data in {"outlets": self.json(outlets), **rest}.items():
            self.out.write(b",\n  " + dumps_json(name, indent=None) + b": " + data.replace(b"\n", b"\n  "))
        self.out.write(b"\n}\n")


#: Indentation of an element of the top-level ``articles`` list in ``--format json``, and between two.
_ITEM_INDENT = b"    "
_ITEM_SEPARATOR = b",\n" + _ITEM_INDENT
_EMPTY_ARTICLES = b'"articles": []'


def _split_document(document: dict[str, object]) -> tuple[bytes, bytes]:
    """orjson's bytes of ``document`` (whose ``articles`` is empty) split around that empty list."""
    data = dumps_json(document, indent=2)
    at = data.index(_EMPTY_ARTICLES) + len(_EMPTY_ARTICLES) - 2
    return data[:at], data[at + 2:]


def stream_jsonl(
    articles: Sequence[Article],
    out: IO[bytes],
    *,
    steps: Mapping[str, Component],
    lexicon: Lexicon,
    skipped: Sequence[SkippedInput] = (),
    workers: int = 1,
    progress: Callable[[int, int], None] | None = None,
    spill_dir: str | os.PathLike[str] | None = None,
    layout: str = "jsonl",
    consume: bool = False,
) -> StreamSummary:
    """Analyse ``articles`` in two passes and write JSON lines to ``out`` (see the module docstring).

    ``layout="json"`` writes the ``--format json`` document instead, byte for byte as
    ``export.to_json_bytes(pipeline.analyze_articles(...))``, with the same flat memory.

    Pass-1 results wait in pickle files in a temporary folder (``spill_dir`` or the system's), one
    per chunk, deleted as soon as the chunk is scored: memory holds one chunk per worker plus what
    :class:`Gathered` keeps, not the corpus's reports. ``workers`` > 1 runs both passes in processes,
    and the coverage step in two more processes beside pass 2 (:func:`start_coverage`), which then
    takes one process fewer (:func:`score_workers`; with 2, pass 2 runs in this process).
    ``progress(done, total)`` counts articles through both passes (``2 * len(articles)`` in all).

    ``consume=True`` with a list empties ``articles`` at once and drops each article once it is
    spilled, so the inputs' memory is reused by the rest of the run (the command line does this: at
    10,000 articles the inputs are ~140 MB).
    """
    ordered = sorted(articles, key=lambda a: a.id)
    if consume and isinstance(articles, list):
        articles.clear()
    total = len(ordered)
    bounds = chunk_bounds(total)
    count = plan_workers(workers, total)
    model = FrameModel(lexicon)
    tick = _Ticker(progress, 2 * total)
    writer = _Writer(out, layout)
    gathered = Gathered()
    with tempfile.TemporaryDirectory(prefix="framing-stream-", dir=spill_dir) as folder:
        spill = Path(folder)
        frequency = np.zeros(len(lexicon.terms), dtype=np.int64)
        failed: list[SkippedInput] = []
        for (start, end), (chunk_df, texts, chunk_failed) in map_chunks(
                _spill_chunk, (ordered, steps, len(lexicon.terms), spill, consume), bounds, workers=count):
            frequency += chunk_df
            gathered.add_texts(texts)
            failed.extend(chunk_failed)
            tick(end - start)
        skipped = (*skipped, *failed)
        analysed = total - len(failed)
        if consume:
            ordered.clear()  # every article is in a spill file now
        background = count > 1 and total > 0
        for stream in (out, sys.stdout, sys.stderr):  # nothing buffered is inherited by the processes started below
            stream.flush()
        coverage = start_coverage(gathered.texts, layout, background=background)
        try:
            if background:
                gathered.texts = []  # the coverage processes have their own copy now
            if analysed:
                model.fit_document_frequency(frequency, analysed)
                job = (model, spill, layout)
                for (start, end), (lines, chunk_kept) in map_chunks(_score_spilled, job, bounds,
                                                                    workers=score_workers(count, background)):
                    writer.write_articles(lines, len(chunk_kept))
                    keep(chunk_kept, gathered)
                    tick(end - start)
            skipped = finish_stream(gathered, writer, skipped=skipped, lexicon=lexicon, coverage=coverage)
        finally:
            coverage.close()
    return summarize(gathered, skipped)


def score_workers(workers: int, coverage_beside: bool) -> int:
    """Processes for pass 2: one fewer than pass 1's while the coverage step runs beside it.

    The coverage step's facts-and-naming process is the longest job after pass 1 (2.1-3.3 CPU s per
    1,000 articles against 1.5-2.7 for all of pass 2, bench/README.md, session 16): sharing two cores
    evenly with two pass-2 workers and the shared-copy process, it got half a core, then ran on alone.
    With ``workers`` 2, pass 2 runs in this process (which also writes the lines), so nothing of it
    is pickled back either.

    Examples
    --------
    >>> score_workers(2, True), score_workers(8, True), score_workers(2, False), score_workers(1, False)
    (1, 7, 2, 1)
    """
    return max(1, workers - 1) if coverage_beside else workers


def keep(chunk: Sequence[Kept], gathered: Gathered) -> None:
    """After a chunk's lines are written: fold its articles into ``gathered``, drop the rest."""
    gathered.add(chunk)


def summarize(gathered: Gathered, skipped: Sequence[SkippedInput]) -> StreamSummary:
    """What the command line prints after a streamed run (skipped inputs, truncated articles)."""
    return StreamSummary(articles=gathered.articles,
                         skipped=tuple(sorted(skipped, key=lambda item: (item.source, item.reason))),
                         truncated=tuple(gathered.truncated))


# -- internals --------------------------------------------------------------------------------------


def _line(record: str, body: Any) -> bytes:
    # the record kind first, then exactly the fields the object has in --format json
    return dumps_json({"record": record, **body}, indent=None) + b"\n"


def _slim(report: ArticleReport) -> ArticleReport:
    # Outlets read scores, tone, voice, quotes and the sentences' tone and frames, never the text
    # (coverage has its own copy from pass 1), the evidence or the sentence text copies: dropping
    # those is most of a report's memory, and of what a worker process sends back.
    sentences = tuple(dataclasses.replace(s, text="", evidence=()) for s in report.sentences)
    return dataclasses.replace(report, text="", sentences=sentences, removed=(), paragraphs=())


class _Ticker:
    def __init__(self, progress: Callable[[int, int], None] | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, articles: int) -> None:
        self.done += articles
        if self.progress is not None:
            self.progress(self.done, self.total)


def _spill_chunk(job: tuple[Any, ...], start: int, end: int) -> tuple[np.ndarray, list[CoverageText], list[SkippedInput]]:
    ordered, steps, terms, spill, consume = job
    prepared = prepare_chunk(ordered[start:end], steps)
    if consume:  # the chunk's articles live on in the spill file (in a worker, this drops its own copy)
        ordered[start:end] = [None] * (end - start)
    with open(spill / f"{start:09d}.pkl", "wb") as handle:
        pickle.dump(prepared, handle, protocol=pickle.HIGHEST_PROTOCOL)  # our own temp file, read back below
    return chunk_frequency(prepared, terms), chunk_texts(prepared), chunk_skipped(prepared)


def _score_spilled(job: tuple[Any, ...], start: int, end: int) -> tuple[bytes, list[Kept]]:
    model, spill, layout = job
    path = spill / f"{start:09d}.pkl"
    with open(path, "rb") as handle:
        prepared = pickle.load(handle)  # written by _spill_chunk of this run, in our private temp folder
    path.unlink()
    return score_chunk(prepared, model, layout)
