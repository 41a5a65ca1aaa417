"""A small shared cache of finished analyses, keyed by content and computed once per key.

Why not ``st.cache_data``: it hands every caller an unpickled copy, and for a 2,000-article corpus
that copy costs about 1.6 s on every rerun (measured 2026-11-21), so each click would stall. The
reports are frozen dataclasses that nothing mutates, so sessions can share one object. The key is
a digest of the content (``ui.state.content_key``: articles with their labels, the lexicon text,
the skipped list): two sessions with the same content share a result, and nothing else about a
session is stored. No streamlit here.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["ContentCache"]

V = TypeVar("V")


class ContentCache(Generic[V]):
    """Least-recently-used map from a hashable content key to a value computed at most once at a time.

    While one thread computes a key, other threads asking for the same key wait for that result
    instead of computing it again (thirty students opening the same sample start one analysis).
    A computation that raises stores nothing, and the next caller tries again.

    Parameters
    ----------
    max_entries : int
        How many results to keep; the least recently used one is dropped first.

    Examples
    --------
    >>> cache = ContentCache(max_entries=2)
    >>> cache.get_or_compute(("a",), lambda: 1), cache.get_or_compute(("a",), lambda: 2)
    (1, 1)
    >>> _ = cache.get_or_compute(("b",), lambda: 3); _ = cache.get_or_compute(("c",), lambda: 4)
    >>> ("a",) in cache, len(cache)
    (False, 2)
    """

    def __init__(self, max_entries: int) -> None:
        if max_entries < 1:
            raise ValueError(f"max_entries must be at least 1, got {max_entries}")
        self.max_entries = max_entries
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()
        self._in_flight: dict[Hashable, threading.Lock] = {}

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._values

    def __len__(self) -> int:
        with self._lock:
            return len(self._values)

    def get_or_compute(self, key: Hashable, compute: Callable[[], V]) -> V:
        """The cached value of ``key``, or ``compute()``'s result, stored under ``key``."""
        while True:
            with self._lock:
                if key in self._values:
                    self._values.move_to_end(key)
                    return self._values[key]
                key_lock = self._in_flight.get(key)
                if key_lock is None:
                    key_lock = self._in_flight[key] = threading.Lock()
                    key_lock.acquire()
                    break
            # Someone else computes this key: wait for them, then look again.
            with key_lock:
                pass
        try:
            value = compute()
            with self._lock:
                self._values[key] = value
                self._values.move_to_end(key)
                while len(self._values) > self.max_entries:
                    self._values.popitem(last=False)
            return value
        finally:
            with self._lock:
                del self._in_flight[key]
            key_lock.release()

    def clear(self) -> None:
        """Forget every stored value (computations under way still finish)."""
        with self._lock:
            self._values.clear()
