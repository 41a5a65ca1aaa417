"""Maps over chunks of a corpus in worker processes: ``framing analyze --workers N`` (issue 16).

Each article's own pass (cleaning, the Document, the components) needs nothing from the others, so
it is mapped over processes; the corpus-level reduce steps (IDF, outlets) stay in the calling
process. Results come back in input order and every article runs the same code, so the output is
byte-identical to one process. A corpus-level step that can start while others still run (a
streamed run's coverage step, beside pass 2) runs in a forked process of its own (:class:`Beside`).

On Linux the pool forks: workers inherit the loaded lexicons, the components and the articles, so
nothing is pickled on the way in and no worker pays the imports again; only results travel back.
Elsewhere the pool spawns and the job is pickled once per worker.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Generic, TypeVar

from .components import Component
from .types import Article

__all__ = ["Beside", "available_cores", "can_fork", "chunk_bounds", "map_articles", "map_chunks", "plan_workers"]

Result = TypeVar("Result")
#: Fewer articles than this per worker and the pool costs more than it saves (forking, result pickling).
MIN_ARTICLES_PER_WORKER = 20
#: Articles per task: large enough that the per-task overhead is small, small enough to balance the load
#: and to keep a streamed run's memory at a few chunks.
CHUNK_ARTICLES = 16

#: The job of the current map, inherited by forked workers (set just before the pool starts, cleared after).
_current: tuple[Callable[..., Any], Any] | None = None


def available_cores() -> int:
    """The cores this process may run on (the default for ``--workers``)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def plan_workers(requested: int, articles: int) -> int:
    """How many worker processes to start for ``articles`` articles: at most ``requested``, 1 for small sets.

    Examples
    --------
    >>> plan_workers(4, 1000), plan_workers(4, 30), plan_workers(1, 1000)
    (4, 1, 1)
    """
    return max(1, min(requested, articles // MIN_ARTICLES_PER_WORKER))


def can_fork() -> bool:
    """Whether worker processes may be forked: on Linux only. macOS offers fork too, but a forked child
    of a process that has loaded Apple's system frameworks can crash (its default became spawn in
    Python 3.8 for that reason); there the pool spawns and work beside the main process runs in it."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def chunk_bounds(total: int, size: int = CHUNK_ARTICLES) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive chunks of at most ``size`` items.

    Examples
    --------
    >>> chunk_bounds(5, 2)
    [(0, 2), (2, 4), (4, 5)]
    """
    return [(start, min(start + size, total)) for start in range(0, total, size)]


def map_chunks(
    function: Callable[[Any, int, int], Result], job: Any, bounds: Sequence[tuple[int, int]], *, workers: int
) -> Iterator[tuple[tuple[int, int], Result]]:
    """Yield ``((start, end), function(job, start, end))`` for each chunk, in chunk order.

    With ``workers`` > 1 the chunks run in that many processes and each result is yielded as soon
    as it and those before it are done. ``function`` must be module-level (sent by reference).
    """
    if workers <= 1 or len(bounds) <= 1:
        for start, end in bounds:
            yield (start, end), function(job, start, end)
        return
    global _current
    method = "fork" if can_fork() else "spawn"
    _current = (function, job)
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                                 initializer=_start_worker, initargs=(function, job) if method == "spawn" else ()) as pool:
            try:
                yield from zip(bounds, pool.map(_run_chunk, bounds))
            except BaseException:
                pool.shutdown(wait=True, cancel_futures=True)  # one failed chunk: stop, do not finish the rest
                raise
    finally:
        _current = None


def map_articles(
    prepare: Callable[[Article, Mapping[str, Component]], Result],
    articles: Sequence[Article],
    steps: Mapping[str, Component],
    *,
    workers: int,
    progress: Callable[[int, int], None] | None = None,
) -> list[Result]:
    """Return ``[prepare(article, steps) for article in articles]``, computed by up to ``workers`` processes.

    ``progress(done, total)`` is called in this process after each article (one process) or chunk.
    """
    total = len(articles)
    count = plan_workers(workers, total)
    bounds = chunk_bounds(total, 1 if count == 1 else CHUNK_ARTICLES)
    results: list[Result] = []
    for (_, end), chunk in map_chunks(_prepare_range, (prepare, articles, steps), bounds, workers=count):
        results.extend(chunk)
        if progress is not None:
            progress(end, total)
    return results


class Beside(Generic[Result]):
    """``function(job)`` computed in a forked process beside this one, or here when it is asked for.

    With ``background=True`` (and where processes fork) the call starts at once in a child that
    inherits ``job`` (nothing is pickled on the way in) and :meth:`result` waits for the pickled
    value; otherwise :meth:`result` computes it in this process, at that point. Either way the value
    is that of the same call. A child's exception is raised again by :meth:`result` (as a
    ``RuntimeError`` carrying its traceback when it does not pickle); :meth:`close` stops a child
    whose result is no longer wanted. Use it as a context manager so an error elsewhere stops it.
    """

    def __init__(self, function: Callable[[Any], Result], job: Any, *, background: bool) -> None:
        self._function: Callable[[Any], Result] | None = function
        self._job = job
        self._process: Any = None
        self._connection: Any = None
        if background and can_fork():
            for stream in (sys.stdout, sys.stderr):  # a child must not write again what the parent buffered
                stream.flush()
            context = multiprocessing.get_context("fork")
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_run_beside, args=(function, job, sender), daemon=True)
            try:
                process.start()
            except BaseException:  # no fork (memory, process limit): nothing runs, so both pipe ends go
                receiver.close()
                sender.close()
                raise
            self._process = process
            sender.close()
            self._connection = receiver
            self._function = self._job = None  # the child has them; this process may drop its references

    def result(self) -> Result:
        """The value of ``function(job)``; waits for the child, or computes it here."""
        if self._process is None:
            assert self._function is not None, "result() already taken"
            function, job = self._function, self._job
            self._function = self._job = None
            return function(job)
        try:
            data: bytes | None = self._connection.recv_bytes()
        except EOFError:  # the child died before it could answer
            data = None
        self._process.join()  # it exits once it has sent its answer
        code = self._process.exitcode
        self.close()
        if data is None:
            raise RuntimeError(f"a worker process stopped without a result (exit code {code})")
        status, payload = pickle.loads(data)  # our own child's answer
        if status == "error":
            raise payload if isinstance(payload, BaseException) else RuntimeError(payload)
        return payload

    def close(self) -> None:
        """Stop the child if it still runs and release it (nothing happens in the one-process case)."""
        if self._process is None:
            return
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._connection.close()
        self._process = None

    def __enter__(self) -> Beside[Result]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _default_sigterm() -> None:
    """A forked child ends on SIGTERM as a process does: the command line's handler (SIGTERM raises
    SystemExit so that its children are stopped) is the parent's, not the child's."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _run_beside(function: Callable[[Any], Any], job: Any, connection: Any) -> None:
    _default_sigterm()
    try:
        message = pickle.dumps(("ok", function(job)), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # sent back and raised again in the parent
        message = _error_message(exc)
    connection.send_bytes(message)
    connection.close()


def _error_message(exc: BaseException) -> bytes:
    """The child's answer for ``exc``: the exception itself if it survives the trip, else its traceback.

    Some exceptions pickle but do not unpickle (an ``__init__`` with more arguments than ``args``
    holds): the parent would raise the unpickling's ``TypeError`` instead, so the trip is tried here.
    """
    try:
        message = pickle.dumps(("error", exc), protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(message)  # our own bytes, just made
        return message
    except Exception:  # an exception that does not make the trip: its traceback as text
        text = "".join(traceback.format_exception(exc))
        return pickle.dumps(("error", text), protocol=pickle.HIGHEST_PROTOCOL)


def _prepare_range(job: Any, start: int, end: int) -> list[Any]:
    prepare, articles, steps = job
    return [prepare(article, steps) for article in articles[start:end]]


def _start_worker(function: Callable[..., Any] | None = None, job: Any = None) -> None:
    global _current
    _default_sigterm()
    if function is not None:
        _current = (function, job)


def _run_chunk(bounds: tuple[int, int]) -> Any:
    assert _current is not None, "worker started without a job"
    function, job = _current
    return function(job, *bounds)
