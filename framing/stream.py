"""Two-pass streaming analysis: ``framing analyze --format jsonl`` writes each article as it is done.

The IDF needs every article's document frequencies before any article can be scored, so the
analysis runs in two passes over chunks of the corpus (issue 16):

1. **map**: each chunk's per-article pass (clean, Document, components; ``pipeline._prepare``),
   kept aside (a spill file on disk here, worker memory on a Dask cluster), and the chunk's
   document frequencies (``frames.document_frequency``);
2. **reduce**: the frequencies are summed and the IDF is fitted once (``FrameModel.fit_document_frequency``);
3. **map**: each chunk is scored and its articles become JSON lines, written in id order as the
   chunks come back; only a slim copy of each report (no evidence, no sentence text) stays in
   memory for the corpus-level steps;
4. **reduce**: outlets (``compare.aggregate_outlets``) and coverage (``coverage.analyze_coverage``)
   from the slim reports, then one line each per outlet and a last ``corpus`` line.

Every line is one JSON object with a ``record`` field (``article``, ``outlet``, ``corpus``) added to
the fields of ``--format json``: the article and outlet objects are exactly the elements of its
``articles`` and ``outlets`` lists, and the ``corpus`` line holds the rest (schema version, skipped
inputs, lexicon, facts, shared passages, reprints, naming). The same chunk functions run in this
process, in worker processes (``--workers``) or on a Dask cluster (``framing.cluster``).
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import tempfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any

import numpy as np

from .components import Component
from .compare import OutletTotals
from .coverage import Coverage, CoverageText, analyze_coverage, coverage_text
from .export import SCHEMA_VERSION, _rounded, dumps_json
from .frames import FrameModel, document_frequency
from .lexicon import Lexicon
from .pipeline import _Prepared, _prepare, _report  # the per-article steps, shared with analyze_articles
from .types import Article, ArticleReport, SkippedInput
from .workers import chunk_bounds, map_chunks, plan_workers

__all__ = ["Gathered", "Kept", "StreamSummary", "prepare_chunk", "chunk_frequency", "score_chunk", "keep",
           "finish_stream", "summarize", "stream_jsonl"]


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
    pools its word counts) and leaves only a :class:`coverage.CoverageText` (its cleaned text and
    sentence bounds) for the coverage step; its report is dropped. Articles are added in id order.
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
            self.texts.append(coverage_text(report))
            self.articles += 1
            self.truncated.extend((report.source or report.id, note) for note in report.notes
                                  if note.startswith("article truncated"))


def prepare_chunk(articles: Sequence[Article], steps: Mapping[str, Component]) -> list[_Prepared]:
    """Pass 1 of one chunk: each article's own pass (no corpus statistics needed)."""
    return [_prepare(article, steps) for article in articles]


def chunk_frequency(prepared: Sequence[_Prepared], terms: int) -> np.ndarray:
    """The chunk's document frequency per lexicon term (summed over chunks, it is the corpus's)."""
    return document_frequency([p.matches for p in prepared], terms)


def score_chunk(prepared: Sequence[_Prepared], model: FrameModel, layout: str = "jsonl") -> tuple[bytes, list[Kept]]:
    """Pass 2 of one chunk: frame scores with the corpus IDF, the reports serialised, slim copies.

    ``layout`` ``jsonl`` gives one line per article; ``json`` gives the articles as they sit inside
    the ``articles`` list of ``--format json`` (indented, comma-separated), for :class:`_Writer`.
    """
    frames = model.score_matches([list(p.matches) for p in prepared])
    pieces = []
    kept = []
    for item, scored in zip(prepared, frames):
        report = _report(item, scored)
        if layout == "json":
            pieces.append(dumps_json(_rounded(report), indent=2).replace(b"\n", b"\n" + _ITEM_INDENT))
        else:
            pieces.append(_line("article", _rounded(report)))
        kept.append(Kept(report=_slim(report), word_counts=item.word_counts))
    return (_ITEM_SEPARATOR.join(pieces) if layout == "json" else b"".join(pieces)), kept


def finish_stream(
    gathered: Gathered,
    writer: _Writer,
    *,
    skipped: Sequence[SkippedInput],
    lexicon: Lexicon,
) -> None:
    """Reduce steps after the last article: outlets and coverage, written after the articles.

    The coverage's parts are turned into JSON one at a time, after the articles' texts are dropped.
    """
    outlets = [_rounded(outlet) for outlet in gathered.outlets.outlets()]
    coverage = analyze_coverage(gathered.texts)
    gathered.texts.clear()  # the coverage step was the last reader of the texts
    rest: dict[str, Callable[[], object]] = {
        "skipped": lambda: _rounded(tuple(sorted(skipped, key=lambda item: (item.source, item.reason)))),
        "lexicon": lambda: _rounded(lexicon.describe()),
        **{name: partial(_rounded_part, coverage, name) for name in ("facts", "shared_passages", "reprints", "naming")},
    }
    writer.finish(outlets, rest)


def _rounded_part(coverage: Coverage, name: str) -> object:
    return _rounded(getattr(coverage, name))


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

    def finish(self, outlets: list[object], rest: Mapping[str, Callable[[], object]]) -> None:
        """Write the outlets and the rest; each value of ``rest`` is made only when it is written."""
        if self.layout != "json":
            for outlet in outlets:
                self.out.write(_line("outlet", outlet))
            # the bytes of _line("corpus", {...}), one field at a time: a large corpus's facts and
            # shared passages are never all held as JSON-ready objects and bytes at once
            self.out.write(dumps_json({"record": "corpus", "schema_version": SCHEMA_VERSION}, indent=None)[:-1])
            for name, make in rest.items():
                self.out.write(b"," + dumps_json(name, indent=None) + b":" + dumps_json(make(), indent=None))
            self.out.write(b"}\n")
            return
        done = {name: make() for name, make in rest.items()}
        _, tail = _split_document({"schema_version": SCHEMA_VERSION, "articles": [], "outlets": outlets, **done})
        self.out.write((self.head + b"[]" if not self.articles else b"\n  ]") + tail + b"\n")


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
    :class:`Gathered` keeps, not the corpus's reports. ``workers`` > 1 runs both passes in processes.
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
    with tempfile.TemporaryDirectory(prefix="framing-stream-", dir=spill_dir) as folder:
        spill = Path(folder)
        frequency = np.zeros(len(lexicon.terms), dtype=np.int64)
        for (start, end), chunk_df in map_chunks(_spill_chunk, (ordered, steps, len(lexicon.terms), spill, consume),
                                                 bounds, workers=count):
            frequency += chunk_df
            tick(end - start)
        if consume:
            ordered.clear()  # every article is in a spill file now
        gathered = Gathered()
        if total:
            model.fit_document_frequency(frequency, total)
            job = (model, spill, layout)
            for (start, end), (lines, chunk_kept) in map_chunks(_score_spilled, job, bounds, workers=count):
                writer.write_articles(lines, end - start)
                keep(chunk_kept, gathered)
                tick(end - start)
        finish_stream(gathered, writer, skipped=skipped, lexicon=lexicon)
    return summarize(gathered, skipped)


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
    # Outlets and coverage read scores, tone, voice, quotes, the cleaned text and sentence spans,
    # never the evidence or the sentence text copies: dropping those is most of a report's memory.
    sentences = tuple(dataclasses.replace(s, text="", evidence=()) for s in report.sentences)
    return dataclasses.replace(report, sentences=sentences, removed=(), paragraphs=())


class _Ticker:
    def __init__(self, progress: Callable[[int, int], None] | None, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def __call__(self, articles: int) -> None:
        self.done += articles
        if self.progress is not None:
            self.progress(self.done, self.total)


def _spill_chunk(job: tuple[Any, ...], start: int, end: int) -> np.ndarray:
    ordered, steps, terms, spill, consume = job
    prepared = prepare_chunk(ordered[start:end], steps)
    if consume:  # the chunk's articles live on in the spill file (in a worker, this drops its own copy)
        ordered[start:end] = [None] * (end - start)
    with open(spill / f"{start:09d}.pkl", "wb") as handle:
        pickle.dump(prepared, handle, protocol=pickle.HIGHEST_PROTOCOL)  # our own temp file, read back below
    return chunk_frequency(prepared, terms)


def _score_spilled(job: tuple[Any, ...], start: int, end: int) -> tuple[bytes, list[Kept]]:
    model, spill, layout = job
    path = spill / f"{start:09d}.pkl"
    with open(path, "rb") as handle:
        prepared = pickle.load(handle)  # written by _spill_chunk of this run, in our private temp folder
    path.unlink()
    return score_chunk(prepared, model, layout)
