"""Give memory freed by closed sessions back to the system (issue 12), on glibc.

Why: after five students' 2,000-article sessions close, nothing of theirs is alive any more (the
shared store keeps only packed bytes; a heap census found no report object left), yet the server's
resident memory stayed 400-650 MB up: the freed memory stays with the allocators. Python's own
small-object allocator returns a 1 MiB arena only when every object in it is gone, and glibc keeps
freed heap pages until asked (``malloc_trim``). Measured on this machine (3 heavy uploads,
``bench/load.py``): ``malloc_trim(0)`` took the server from 693 to 581 MB with Python's allocator,
and from 800 to 412 MB (start: 317 MB) in one run on the system allocator (``PYTHONMALLOC=malloc``;
not adopted: the full 25 + 5 session bench ended higher with it). A daemon thread asks every ``interval``
seconds; elsewhere (musl, macOS, Windows) there is nothing to call and it does nothing.
No streamlit here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from collections.abc import Callable

__all__ = ["MemoryReturner", "malloc_trim"]


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
    """A daemon thread that calls :func:`malloc_trim` every ``interval`` seconds until stopped."""

    def __init__(self, interval: float) -> None:
        if interval <= 0:
            raise ValueError(f"interval must be positive, got {interval}")
        self.interval = interval
        self.calls = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="framing-malloc-trim", daemon=True)

    def start(self) -> MemoryReturner:
        if _TRIM is not None:
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            malloc_trim()
            self.calls += 1
