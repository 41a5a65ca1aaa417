"""Heavy analyses in worker processes, a bounded number at a time, off the server's request threads.

Why: Streamlit runs every session's script in a thread of one process, so a 2,000-article analysis
(about 10 s of pure Python) holds the interpreter lock and every other session, static files
included, waits behind it (issue 12: a light session's first chart went from 1.1 s to 23-34 s).
A worker process has its own interpreter; the server only waits on a pipe, which releases the lock.

* At most ``workers`` analyses run at once; later ones queue and are told their place.
* A worker is a fresh ``python -m ui.worker`` process: it imports the engine (a few seconds, on
  another core), runs at a lower CPU priority (``nice``), and exits when its analysis is done, so
  its memory goes back to the system. (Not ``multiprocessing``: its "spawn" and "forkserver" start
  methods re-run the parent's ``__main__``, which inside Streamlit is the dashboard script itself,
  and "fork" would copy a many-threaded server.)
* The job goes in and progress and the finished report come back as pickles over two private
  pipes; an exception in the worker is raised in the caller with its message; a worker that dies
  is an error, never a hang.

No streamlit here: the dashboard passes a progress callback.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from framing import pipeline
from framing.errors import FramingError
from framing.lexicon import Lexicon, extend_lexicon, load_default_lexicon, parse_lexicon
from framing.limits import LoadBudget
from framing.types import Article, CorpusReport, LoadResult, SkippedInput

from .corpus import load_uploads
from .report_cache import pack_report, unpack_report

__all__ = ["AnalysisPool", "WorkerError"]

#: CPU priority added to a worker (0 = same as the server, 19 = lowest; FRAMING_WORKER_NICE). A heavy
#: upload may take longer when the machine is busy; the light sessions' pages must not.
WORKER_NICENESS = 10
#: Seconds to wait for a finished worker to exit before it is killed.
JOIN_TIMEOUT_S = 10.0
#: The folder holding ``framing`` and ``ui``, put on the worker's import path.
APP_ROOT = Path(__file__).resolve().parent.parent

#: A user lexicon as plain data: (file name, CSV text, extends the built-in one?); None = built-in.
LexiconData = tuple[str, str, bool] | None

# Read-only results use MappingProxyType (foundation, issue 9), which pickle cannot copy by itself;
# framing.types registers the reducer (a module-level rebuild function: pickle cannot name the
# mappingproxy class, so registering the class itself here broke every pickle of a report).


class WorkerError(FramingError):
    """The analysis worker failed or stopped; the message says how."""


class AnalysisPool:
    """Run ``pipeline.analyze_articles`` in worker processes, at most ``workers`` at a time.

    Parameters
    ----------
    workers : int
        Analyses allowed to run at once (each takes one core while it runs).

    Examples
    --------
    >>> pool = AnalysisPool(workers=1)
    >>> a = Article(id="a", outlet="A", title="t", text="Tariffs on soybeans rose sharply.")
    >>> report, packed = pool.run([a])
    >>> report.articles[0].id, pool.waiting, unpack_report(packed) == report
    ('a', 0, True)
    """

    def __init__(self, workers: int = 1) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        self.workers = workers
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()
        self._waiting = 0

    @property
    def waiting(self) -> int:
        """Analyses (and upload reads) queued behind the running ones."""
        with self._lock:
            return self._waiting

    def run(
        self,
        articles: Sequence[Article],
        *,
        lexicon: LexiconData = None,
        skipped: Sequence[SkippedInput] = (),
        progress: Callable[[int, int], None] | None = None,
        on_queue: Callable[[int], None] | None = None,
    ) -> tuple[CorpusReport, bytes]:
        """Analyse in a worker; block (without the interpreter lock) until the report is back.

        Returns the report and its ``pack_report`` bytes (packed in the worker, so the server's store
        keeps them without pickling anything itself). ``on_queue(n)`` is called once if ``n``
        analyses must finish before this one starts.
        """
        with self._turn(on_queue):
            return _run_in_worker((tuple(articles), lexicon, tuple(skipped)), progress)

    def load(self, files: Sequence[tuple[str, bytes]], limits: tuple[int, int]) -> LoadResult:
        """Read uploaded ``(name, bytes)`` files in a worker (``ui.corpus.load_uploads`` with a budget of
        ``limits`` = (articles, characters)): parsing many or deeply nested HTML pages is heavy work too.
        Waits for a free slot like an analysis."""
        with self._turn(None):
            return _load_in_worker(tuple(files), limits)

    @contextlib.contextmanager
    def _turn(self, on_queue: Callable[[int], None] | None) -> Iterator[None]:
        """Hold one of the ``workers`` slots, waiting in line (and saying how far back) when all are taken."""
        with self._lock:
            ahead = self._waiting
            self._waiting += 1
        try:
            if not self._slots.acquire(blocking=False):
                if on_queue is not None:
                    on_queue(max(ahead, 1))
                self._slots.acquire()
        finally:
            with self._lock:
                self._waiting -= 1
        try:
            yield
        finally:
            self._slots.release()


def _run_in_worker(job: tuple[Any, ...], progress: Callable[[int, int], None] | None) -> tuple[CorpusReport, bytes]:
    """Start one worker, hand it the analysis ``job``, relay its progress, return its report and the report packed."""
    packed = _exchange(("analyse", *job), progress)
    assert isinstance(packed, bytes)
    return unpack_report(packed), packed


def _load_in_worker(files: tuple[tuple[str, bytes], ...], limits: tuple[int, int]) -> LoadResult:
    """Start one worker that reads ``files`` under ``limits``; return its load result."""
    result = _exchange(("load", files, limits), None)
    assert isinstance(result, LoadResult)
    return result


def _exchange(job: tuple[Any, ...], progress: Callable[[int, int], None] | None) -> Any:
    """Start one worker, hand it ``job``, relay its progress, return what it sends back as done."""
    job_read, job_write = os.pipe()
    result_read, result_write = os.pipe()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(APP_ROOT), os.environ.get("PYTHONPATH")]))}
    # The server may run on the system allocator (``make run``, for ui.memory); a worker lives for
    # one analysis, so it keeps Python's faster small-object allocator.
    env.pop("PYTHONMALLOC", None)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "ui.worker", str(job_read), str(result_write)],
            pass_fds=(job_read, result_write), cwd=APP_ROOT, env=env, stdin=subprocess.DEVNULL,
        )
    finally:
        os.close(job_read)
        os.close(result_write)
    try:
        try:
            with os.fdopen(job_write, "wb") as job_pipe:
                pickle.dump(job, job_pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except BrokenPipeError:
            pass  # the worker died at start; reading its results says so
        with os.fdopen(result_read, "rb") as results:
            return _receive(results, process, progress)
    finally:
        try:
            process.wait(JOIN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(JOIN_TIMEOUT_S)


def _receive(results: IO[bytes], process: subprocess.Popen[bytes],
             progress: Callable[[int, int], None] | None) -> Any:
    while True:
        try:
            message = pickle.load(results)  # noqa: S301 - our own child process, over a private pipe
        except EOFError:
            try:
                code: int | str = process.wait(JOIN_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                process.kill()
                code = "none, killed"
            raise WorkerError(f"the analysis stopped unexpectedly (worker exit code {code}); "
                              "try again, or with fewer articles") from None
        kind = message[0]
        if kind == "progress":
            if progress is not None:
                progress(message[1], message[2])
        elif kind == "done":
            return message[1]
        else:  # ("error", type name, message, is a FramingError)
            _, name, text, framing_error = message
            if framing_error:
                raise FramingError(text)
            raise WorkerError(f"the analysis failed: {name}: {text}")


def build_lexicon(data: LexiconData) -> Lexicon:
    """The lexicon ``data`` describes (built-in when ``None``), as ``ui.state.get_lexicon`` builds it."""
    base = load_default_lexicon()
    if data is None:
        return base
    name, text, extend = data
    user = parse_lexicon(text, source=name)
    return extend_lexicon(base, user) if extend else user


def _work(job_fd: int, result_fd: int) -> None:
    """Worker body: read the job, analyse, send progress at most once per percent, then the result."""
    try:
        os.nice(int(os.environ.get("FRAMING_WORKER_NICE", WORKER_NICENESS)))
    except (OSError, ValueError):
        pass
    with os.fdopen(job_fd, "rb") as job_pipe:
        job = pickle.load(job_pipe)  # noqa: S301 - from our parent
    with os.fdopen(result_fd, "wb") as out:
        shown = [-1]

        def report_progress(done: int, total: int) -> None:
            percent = done * 100 // total
            if percent != shown[0]:
                shown[0] = percent
                pickle.dump(("progress", done, total), out)
                out.flush()

        try:
            if job[0] == "load":
                _, files, (max_articles, max_chars) = job
                message: Any = ("done", load_uploads(files, budget=LoadBudget(max_articles=max_articles,
                                                                              max_chars=max_chars)))
            else:
                _, articles, lexicon_data, skipped = job
                result = pipeline.analyze_articles(articles, lexicon=build_lexicon(lexicon_data), skipped=skipped,
                                                   progress=report_progress)
                # Packed here, on the worker's core: the server keeps these bytes, not the objects.
                message = ("done", pack_report(result))
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the caller as a message
            message = ("error", type(exc).__name__, str(exc), isinstance(exc, FramingError))
        pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)


if __name__ == "__main__":
    from ui.worker import _work as work  # the importable module, so its pickle reducers are the ones used

    work(int(sys.argv[1]), int(sys.argv[2]))
