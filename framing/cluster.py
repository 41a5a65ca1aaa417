"""``framing analyze --scheduler tcp://HOST:PORT``: the two-pass streamed analysis on a Dask cluster.

The same chunk functions as ``framing.stream`` (issue 16): map the per-article pass over the
cluster's workers, which keep the results in their memory; gather only each chunk's document
frequencies (summed: the reduce the IDF needs) and the coverage step's texts; fit the IDF here and broadcast the fitted model;
map the scoring over the chunks where they already are; stream each chunk's JSON lines back as it
finishes, written in id order. The bytes are those of a run on one machine.

Workers need the ``framing`` package (the same version) importable: ``pip install`` this project on
every worker machine, or start ``dask worker`` from a checkout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any

import numpy as np

from .components import Component
from .frames import FrameModel
from .lexicon import Lexicon
from .pipeline import _Prepared
from .coverage import CoverageText
from .stream import (Gathered, Kept, StreamSummary, _Writer, chunk_frequency, chunk_texts, finish_stream, keep,
                     chunk_skipped, prepare_chunk, score_chunk, summarize)
from .types import Article, SkippedInput
from .workers import chunk_bounds

__all__ = ["ClusterError", "stream_on_cluster"]

#: Seconds to wait for the scheduler to answer before giving up with a clear message.
CONNECT_TIMEOUT_S = 30
#: Articles per task on a cluster: larger than locally, since every task costs a scheduler round trip.
CLUSTER_CHUNK_ARTICLES = 64


class ClusterError(RuntimeError):
    """The cluster could not be used (Dask missing, scheduler unreachable); the message says why."""


class _Shared:
    """A value sent once to every worker (``Client.scatter`` would split a dict or tuple into parts)."""

    def __init__(self, value: Any) -> None:
        self.value = value


def stream_on_cluster(
    address: str,
    articles: Sequence[Article],
    out: IO[bytes],
    *,
    steps: Mapping[str, Component],
    lexicon: Lexicon,
    skipped: Sequence[SkippedInput] = (),
    progress: Callable[[int, int], None] | None = None,
    chunk_articles: int = CLUSTER_CHUNK_ARTICLES,
    timeout: float = CONNECT_TIMEOUT_S,
    layout: str = "jsonl",
) -> StreamSummary:
    """Analyse ``articles`` on the Dask scheduler at ``address`` and write JSON lines to ``out``.

    Raises
    ------
    ClusterError
        When ``dask.distributed`` is not installed or the scheduler does not answer.
    """
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--scheduler needs Dask: pip install 'dask[distributed]'") from None
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    ordered = sorted(articles, key=lambda a: a.id)
    gathered = Gathered()
    writer = _Writer(out, layout)
    try:
        with client.as_current():  # distributed.as_completed finds the client as the current one
            failed = _two_passes(client, ordered, writer, gathered, steps=steps, lexicon=lexicon, progress=progress,
                                 bounds=chunk_bounds(len(ordered), chunk_articles), layout=layout)
        skipped = (*skipped, *failed)
        skipped = finish_stream(gathered, writer, skipped=skipped, lexicon=lexicon)
    finally:
        client.close()
    return summarize(gathered, skipped)


def _two_passes(
    client: Any,
    ordered: Sequence[Article],
    writer: _Writer,
    gathered: Gathered,
    *,
    steps: Mapping[str, Component],
    lexicon: Lexicon,
    progress: Callable[[int, int], None] | None,
    bounds: Sequence[tuple[int, int]],
    layout: str,
) -> list[SkippedInput]:
    """Both passes on the cluster; each article is folded into ``gathered`` once its line is written.

    Returns the articles whose own pass failed (``pipeline.prepare_or_skip``), to be reported as skipped.
    """
    from distributed import as_completed

    total = len(ordered)
    done = 0
    shared_steps = client.scatter(_Shared(dict(steps)), broadcast=True)
    prepared = client.map(_prepare_task, [ordered[s:e] for s, e in bounds], steps=shared_steps, pure=False)
    frequencies = client.map(_frequency_task, prepared, terms=len(lexicon.terms), pure=False)
    frequency = np.zeros(len(lexicon.terms), dtype=np.int64)
    texts: dict[int, list[CoverageText]] = {}
    failed: dict[int, list[SkippedInput]] = {}
    chunk_of = {future.key: number for number, future in enumerate(frequencies)}
    for future, (chunk_df, covered, chunk_failed) in as_completed(frequencies, with_results=True):
        frequency += chunk_df  # the reduce: document frequencies summed over the chunks
        texts[chunk_of[future.key]] = covered
        failed[chunk_of[future.key]] = chunk_failed
        done += _size(bounds, chunk_of[future.key])
        if progress is not None:
            progress(done, 2 * total)
    del frequencies
    for number in range(len(bounds)):  # in id order, whatever order the chunks finished in
        gathered.add_texts(texts.pop(number))
    skipped = [item for number in range(len(bounds)) for item in failed[number]]
    analysed = total - len(skipped)
    if not analysed:
        return skipped
    model = FrameModel(lexicon).fit_document_frequency(frequency, analysed)
    shared_model = client.scatter(_Shared(model), broadcast=True)
    scored = client.map(_score_task, prepared, model=shared_model, layout=layout, pure=False)
    del prepared  # each chunk's pass-1 result is released on its worker once it is scored
    chunk_of = {future.key: number for number, future in enumerate(scored)}
    waiting: dict[int, tuple[bytes, list[Kept]]] = {}
    next_chunk = 0
    for future, result in as_completed(scored, with_results=True):
        waiting[chunk_of[future.key]] = result
        future.release()
        while next_chunk in waiting:  # written in id order, as soon as the next chunk is in
            lines, chunk_kept = waiting.pop(next_chunk)
            writer.write_articles(lines, len(chunk_kept))
            keep(chunk_kept, gathered)
            done += _size(bounds, next_chunk)
            next_chunk += 1
            if progress is not None:
                progress(done, 2 * total)
    return skipped


def _size(bounds: Sequence[tuple[int, int]], number: int) -> int:
    start, end = bounds[number]
    return end - start


def _prepare_task(articles: Sequence[Article], steps: _Shared) -> list[_Prepared | SkippedInput]:
    return prepare_chunk(articles, steps.value)


def _frequency_task(prepared: Sequence[_Prepared | SkippedInput], terms: int
                    ) -> tuple[np.ndarray, list[CoverageText], list[SkippedInput]]:
    return chunk_frequency(prepared, terms), chunk_texts(prepared), chunk_skipped(prepared)


def _score_task(prepared: Sequence[_Prepared | SkippedInput], model: _Shared, layout: str) -> tuple[bytes, list[Kept]]:
    return score_chunk(prepared, model.value, layout)
