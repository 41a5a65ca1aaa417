"""Give memory freed by closed sessions back to the system (issue 12), on glibc.

Why: after five students' 2,000-article sessions close, nothing of theirs is alive any more (the
shared store keeps only packed bytes; a heap census found no report object left), yet the server's
resident memory stayed 400-650 MB up: the freed memory stays with the allocators. Python's own
small-object allocator returns a 1 MiB arena only when every object in it is gone, and glibc keeps
freed heap pages until asked (``malloc_trim``). Measured on this machine (3 heavy uploads,
``bench/load.py``): ``malloc_trim(0)`` took the server from 693 to 581 MB with Python's allocator,
and from 800 to 412 MB (start: 317 MB) in one run on the system allocator (``PYTHONMALLOC=malloc``;
not adopted then: the full 25 + 5 session bench ended higher with it; ``make run`` sets it since the
session pins, Makefile ``SERVER_ENV``: +304 -> +67 MB after five heavy sessions closed). A daemon thread asks every ``interval``
seconds; elsewhere (musl, macOS, Windows) there is nothing to call, and the thread runs only for its
``on_tick`` hook (the dashboard's pruning of closed sessions' pins) and the collections below.

The larger part was garbage nobody had collected yet: a closed session's objects form reference
cycles (Streamlit's session, its state, our reports), and Python's collector runs its oldest
generation only after many new objects have survived, which an idle server never produces. After
five heavy sessions closed, one ``gc.collect()`` found 1.76 million such objects and took the server
from 952 to 566 MB with a trim (307 MB before the heavy wave; ``bench/load.py --heavy 5``). So the
thread also runs a full collection every ``collect_every`` seconds or, when a pass is slow (0.16 s
on an idle server, more while big reports are alive; it holds the interpreter lock), so that it
takes at most ``max_share`` of the time, but never more than ``max_wait`` seconds apart.
No streamlit here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import threading
import time
from collections.abc import Callable

__all__ = ["MemoryReturner", "malloc_trim"]

_LOG = logging.getLogger(__name__)


def _load_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        trim = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


_TRIM = _load_trim()


def malloc_trim() -> bool:
    """Return freed heap pages to the system; True when there was a ``malloc_trim`` to call.

    >>> malloc_trim() in (True, False)
    True
    """
    if _TRIM is None:
        return False
    _TRIM(0)
    return True


class MemoryReturner:
    """A daemon thread that calls :func:`malloc_trim` (where there is one) every ``interval`` seconds until stopped, after
    ``on_tick`` (the dashboard drops closed sessions' pins there) and a full garbage collection when
    ``collect_every`` seconds have passed and the last one's duration allows (``duration /
    max_share``), at the latest ``max_wait`` seconds after the last one, and at once when
    ``on_tick`` returns a true value (it freed something: what a closed session's scripts left in
    reference cycles goes with it)."""

    def __init__(self, interval: float, *, collect_every: float = 10.0, max_share: float = 0.02,
                 max_wait: float = 30.0, on_tick: Callable[[], object] | None = None) -> None:
        if interval <= 0 or collect_every <= 0 or not 0 < max_share <= 1:
            raise ValueError(f"interval and collect_every must be positive and max_share in (0, 1], got "
                             f"{interval}, {collect_every}, {max_share}")
        self.interval = interval
        self.collect_every = collect_every
        self.max_share = max_share
        self.max_wait = max(max_wait, collect_every)
        self.on_tick = on_tick
        self.calls = 0
        self.collections = 0
        self._next_collect = time.monotonic() + collect_every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="framing-malloc-trim", daemon=True)

    def start(self) -> MemoryReturner:
        """Start the thread where there is work: a ``malloc_trim`` to call, or an ``on_tick`` hook
        (the dashboard's pins of closed sessions must be dropped on every platform)."""
        if _TRIM is not None or self.on_tick is not None:
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the thread and wait (up to ``timeout`` seconds) for the tick it may be in to end, so
        nothing is called once this returns."""
        self._stop.set()
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    def _collect_if_due(self, force: bool = False) -> None:
        now = time.monotonic()
        if now < self._next_collect and not force:
            return
        gc.collect()
        end = time.monotonic()
        self.collections += 1
        self._next_collect = end + min(self.max_wait, max(self.collect_every, (end - now) / self.max_share))

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            freed = None
            if self.on_tick is not None:
                try:
                    freed = self.on_tick()
                except Exception:  # a failing hook must not stop the memory from being returned
                    _LOG.exception("memory returner: on_tick failed")
            self._collect_if_due(force=bool(freed))
            if malloc_trim():
                self.calls += 1
