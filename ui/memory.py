"""Give memory that Python has freed back to the operating system, now and then.

Why: a heavy upload's analysis is unpickled and its files parsed on the server's script threads,
and glibc gives each thread its own malloc arena. When those sessions close, Python frees the
objects but glibc keeps most of the pages in its arenas, so the server's resident memory stays
hundreds of MB above where it started (issue 12). ``malloc_trim(0)`` returns free pages of every
arena (measured: 407 MB -> 258 MB after three threads unpickled a 2,000-article report and parsed
a 2,000-row CSV). It walks the heap, so it runs at most once per ``TRIM_INTERVAL_S``; on a C library
without it (macOS, musl) this does nothing. No streamlit here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import time
from typing import Final

__all__ = ["TRIM_INTERVAL_S", "release_freed_memory"]

#: Fewest seconds between two trims (one takes a few milliseconds to tens of milliseconds).
TRIM_INTERVAL_S: Final = 15.0

_lock = threading.Lock()
_last = [float("-inf")]


def _malloc_trim() -> object | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return getattr(libc, "malloc_trim", None)


_TRIM = _malloc_trim()


def release_freed_memory(now: float | None = None) -> bool:
    """Trim the C heap if the last trim is ``TRIM_INTERVAL_S`` ago; return whether it ran.

    >>> release_freed_memory(now=0.0) in (True, False), release_freed_memory(now=1.0)
    (True, False)
    """
    moment = time.monotonic() if now is None else now
    with _lock:
        if _TRIM is None or moment - _last[0] < TRIM_INTERVAL_S:
            return False
        _last[0] = moment
    _TRIM(0)  # type: ignore[operator]
    return True
