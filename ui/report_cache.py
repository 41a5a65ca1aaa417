"""A small shared cache of finished analyses, keyed by content and computed once per key.

Why not ``st.cache_data``: it hands every caller an unpickled copy, and for a 2,000-article corpus
that copy costs about 1.6 s on every rerun (measured 2026-11-21), so each click would stall. The
reports are frozen dataclasses that nothing mutates, so sessions can share one object. The key is
a digest of the content (``ui.state.content_key``: articles with their labels, the lexicon text,
the skipped list): two sessions with the same content share a result, and nothing else about a
session is stored. No streamlit here.
"""

from __future__ import annotations

import dataclasses
import pickle
import sys
import threading
import weakref
import zlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

__all__ = ["ContentCache", "PackedShare", "deep_size", "pack_report", "sampled_size", "unpack_report"]

#: zlib level of packed reports: level 1 packs a 2,000-article report's 22 MB pickle to about 6 MB
#: in a third of a second (higher levels gain little on this text and cost more).
PACK_LEVEL = 1

V = TypeVar("V")


class ContentCache(Generic[V]):
    """Least-recently-used map from a hashable content key to a value computed at most once at a time.

    While one thread computes a key, other threads asking for the same key wait for that result
    instead of computing it again (thirty students opening the same sample start one analysis).
    A computation that raises stores nothing, and the next caller tries again.

    Parameters
    ----------
    max_entries : int, optional
        How many results to keep; the least recently used one is dropped first.
    max_bytes : int, optional
        Memory the kept results may hold together, as ``size_of`` estimates it (issue 12: a count of
        entries let eight 2,000-article reports hold 800 MB, and tiny ones thrash). The newest
        result is always kept, even when it alone is larger.
    size_of : callable, optional
        Bytes a value holds; :func:`deep_size` when omitted.

    Examples
    --------
    >>> cache = ContentCache(max_entries=2)
    >>> cache.get_or_compute(("a",), lambda: 1), cache.get_or_compute(("a",), lambda: 2)
    (1, 1)
    >>> _ = cache.get_or_compute(("b",), lambda: 3); _ = cache.get_or_compute(("c",), lambda: 4)
    >>> ("a",) in cache, len(cache)
    (False, 2)
    """

    def __init__(self, max_entries: int | None = None, *, max_bytes: int | None = None,
                 size_of: Callable[[V], int] | None = None) -> None:
        if max_entries is None and max_bytes is None:
            raise ValueError("give max_entries, max_bytes or both")
        if max_entries is not None and max_entries < 1:
            raise ValueError(f"max_entries must be at least 1, got {max_entries}")
        if max_bytes is not None and max_bytes < 1:
            raise ValueError(f"max_bytes must be at least 1, got {max_bytes}")
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._size_of: Callable[[V], int] = size_of or deep_size
        self._sizes: dict[Hashable, int] = {}
        self._values: OrderedDict[Hashable, V] = OrderedDict()
        self._lock = threading.Lock()
        self._in_flight: dict[Hashable, threading.Lock] = {}

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._values

    def __len__(self) -> int:
        with self._lock:
            return len(self._values)

    @property
    def bytes_held(self) -> int:
        """Estimated bytes of every kept value together."""
        with self._lock:
            return sum(self._sizes.values())

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
            size = self._size_of(value) if self.max_bytes is not None else 0
            with self._lock:
                self._values[key] = value
                self._sizes[key] = size
                self._values.move_to_end(key)
                self._evict()
            return value
        finally:
            with self._lock:
                del self._in_flight[key]
            key_lock.release()

    def _evict(self) -> None:
        """Drop least recently used values until both bounds hold (the newest always stays)."""
        while len(self._values) > 1 and (
            (self.max_entries is not None and len(self._values) > self.max_entries)
            or (self.max_bytes is not None and sum(self._sizes.values()) > self.max_bytes)
        ):
            oldest, _ = self._values.popitem(last=False)
            del self._sizes[oldest]

    def clear(self) -> None:
        """Forget every stored value (computations under way still finish)."""
        with self._lock:
            self._values.clear()
            self._sizes.clear()


def pack_report(value: Any) -> bytes:
    """``value`` pickled and compressed: what the shared store keeps once no session shows it.

    >>> unpack_report(pack_report({"a": (1, "x" * 50)}))
    {'a': (1, 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')}
    """
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), PACK_LEVEL)


def unpack_report(packed: bytes) -> Any:
    """The value ``pack_report`` packed (only ever bytes this process or its own worker packed)."""
    return pickle.loads(zlib.decompress(packed))  # noqa: S301 - our own bytes, never a user's


class _KeyLock:
    """One key's lock, kept in a weak map: it lives while some thread waits on it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()


class PackedShare(Generic[V]):
    """Finished reports shared live while any session shows them, kept packed once none does.

    Issue 12: the server's memory must come back after heavy sessions close. A store of live
    2,000-article reports held about 100 MB each for whoever might ask again; this one holds their
    packed bytes (about 6 MB, ``pack_report``) in a ``ContentCache`` bounded by exact byte counts,
    and a weak map of the live objects. Sessions that show the same content share one object (no
    copy per student); when the last session lets go, the object is freed and a later session
    unpacks the bytes (about 2 s for 2,000 articles) instead of analysing again (about 10 s).

    Examples
    --------
    >>> from framing.types import CorpusReport, SkippedInput
    >>> def analysis(name):
    ...     return CorpusReport(articles=(), outlets=(), skipped=(SkippedInput(name, "-"),)), None
    >>> share = PackedShare(max_bytes=10_000)
    >>> shown = share.get_or_compute("k", lambda: analysis("first"))
    >>> share.get_or_compute("k", lambda: analysis("second")) is shown  # live: one shared object
    True
    >>> del shown  # the last session lets go
    >>> share.live_count(), share.get_or_compute("k", lambda: analysis("third")).skipped[0].source
    (0, 'first')
    """

    def __init__(self, max_bytes: int) -> None:
        self.packed: ContentCache[bytes] = ContentCache(max_bytes=max_bytes, size_of=len)
        self._live: weakref.WeakValueDictionary[Hashable, Any] = weakref.WeakValueDictionary()
        self._locks: weakref.WeakValueDictionary[Hashable, _KeyLock] = weakref.WeakValueDictionary()
        self._lock = threading.Lock()

    @property
    def bytes_held(self) -> int:
        """Bytes of the packed reports (the live ones belong to the sessions that show them)."""
        return self.packed.bytes_held

    @property
    def max_bytes(self) -> int | None:
        """The bound on the packed bytes."""
        return self.packed.max_bytes

    def clear(self) -> None:
        """Forget the packed reports (live ones stay with the sessions that hold them)."""
        self.packed.clear()

    def live_count(self) -> int:
        """Reports some session still holds."""
        with self._lock:
            return len(self._live)

    def get_or_compute(self, key: Hashable, compute: Callable[[], tuple[V, bytes | None]]) -> V:
        """The live report of ``key``, else its packed bytes unpacked, else ``compute()``'s.

        ``compute`` returns the report and its packed bytes, or ``None`` for them to be packed here
        (a worker packs on its own core; a small in-thread analysis is cheap to pack).
        """
        with self._lock:
            value = self._live.get(key)
            if value is not None:
                return value
            key_lock = self._locks.get(key)
            if key_lock is None:
                key_lock = self._locks[key] = _KeyLock()
        with key_lock.lock:  # one thread per key computes or unpacks; the others then find it live
            with self._lock:
                value = self._live.get(key)
            if value is not None:
                return value
            made: list[V] = []

            def build() -> bytes:
                report, packed = compute()
                made.append(report)
                return packed if packed is not None else pack_report(report)

            packed = self.packed.get_or_compute(key, build)
            value = made[0] if made else unpack_report(packed)
            with self._lock:
                self._live[key] = value
            return value


def deep_size(value: Any, _seen: set[int] | None = None) -> int:
    """Bytes held by ``value`` and everything it references (strings, containers, dataclasses).

    Each object counts once, so shared pieces are not counted twice.

    Examples
    --------
    >>> deep_size("x" * 1000) > 1000, deep_size(["x" * 1000] * 3) < 2 * deep_size("x" * 1000)
    (True, True)
    """
    seen = set() if _seen is None else _seen
    total = 0
    stack = [value]
    while stack:
        item = stack.pop()
        if id(item) in seen or item is None or isinstance(item, (bool, type)):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        if isinstance(item, (str, bytes, int, float)):
            continue
        if isinstance(item, dict) or hasattr(item, "keys") and hasattr(item, "values"):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
        elif dataclasses.is_dataclass(item):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
    return total


def sampled_size(items: Any, rest: Any = None, *, sample: int = 40) -> int:
    """Bytes of a long sequence estimated from ``sample`` evenly spaced items (plus ``rest`` in full).

    Walking every object of a 2,000-article report takes seconds; a sample of 40 articles gives the
    same figure within a few per cent (articles in one corpus are alike).

    Examples
    --------
    >>> sampled_size(["x" * 100] * 1000, sample=10) == 1000 * deep_size("x" * 100)
    True
    """
    items = list(items)
    if not items:
        return deep_size(rest)
    step = max(1, len(items) // sample)
    picked = items[::step]
    per_item = sum(deep_size(item) for item in picked) / len(picked)
    return int(per_item * len(items)) + deep_size(rest)
