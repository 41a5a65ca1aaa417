"""ui.report_cache: ContentCache (content-keyed, least-recently-used, computed once per key) and
PackedShare (live while shown, packed once nobody shows it)."""

from __future__ import annotations

import gc
import threading
import time

import pytest

from framing.types import CorpusReport, SkippedInput
from ui.report_cache import ContentCache, PackedShare, pack_report


def test_content_cache_returns_the_stored_value_without_recomputing() -> None:
    cache: ContentCache[list[int]] = ContentCache(max_entries=2)
    first = cache.get_or_compute(("k",), lambda: [1])
    assert cache.get_or_compute(("k",), lambda: [2]) is first


def test_content_cache_equal_content_shares_one_entry() -> None:
    cache: ContentCache[str] = ContentCache(max_entries=4)
    cache.get_or_compute(("same", "text"), lambda: "first")
    assert cache.get_or_compute(tuple(["same", "text"]), lambda: "second") == "first"
    assert len(cache) == 1


def test_content_cache_drops_the_least_recently_used() -> None:
    cache: ContentCache[int] = ContentCache(max_entries=2)
    cache.get_or_compute("a", lambda: 1)
    cache.get_or_compute("b", lambda: 2)
    cache.get_or_compute("a", lambda: 0)  # touch a: b is now the oldest
    cache.get_or_compute("c", lambda: 3)
    assert "a" in cache and "c" in cache and "b" not in cache


def test_content_cache_failed_computation_stores_nothing() -> None:
    cache: ContentCache[int] = ContentCache(max_entries=2)

    def fail() -> int:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        cache.get_or_compute("k", fail)
    assert "k" not in cache
    assert cache.get_or_compute("k", lambda: 5) == 5


def test_content_cache_concurrent_callers_compute_once() -> None:
    cache: ContentCache[int] = ContentCache(max_entries=2)
    calls = []
    start = threading.Barrier(8)

    def slow() -> int:
        calls.append(1)
        time.sleep(0.2)
        return 42

    results = []

    def ask() -> None:
        start.wait()
        results.append(cache.get_or_compute("shared", slow))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert results == [42] * 8 and len(calls) == 1


def test_content_cache_rejects_zero_entries() -> None:
    with pytest.raises(ValueError, match="max_entries must be at least 1, got 0"):
        ContentCache(max_entries=0)


def test_content_cache_is_bounded_by_bytes_not_entries() -> None:
    # Issue 12: with a count of entries, eight big reports held 800 MB while small ones thrashed.
    cache: ContentCache[str] = ContentCache(max_bytes=100, size_of=len)
    for key in "abcdefghij":
        cache.get_or_compute(key, lambda: "x" * 10)
    assert len(cache) == 10 and cache.bytes_held == 100
    cache.get_or_compute("big", lambda: "y" * 60)
    assert cache.bytes_held <= 100 and "big" in cache and "a" not in cache and "j" in cache


def test_content_cache_keeps_the_newest_value_even_when_it_alone_is_too_big() -> None:
    cache: ContentCache[str] = ContentCache(max_bytes=10, size_of=len)
    cache.get_or_compute("small", lambda: "s")
    assert cache.get_or_compute("huge", lambda: "h" * 50) == "h" * 50
    assert list(cache._values) == ["huge"]


@pytest.mark.parametrize("kwargs", [{}, {"max_bytes": 0}, {"max_entries": 0}])
def test_content_cache_needs_a_positive_bound(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError, match="max_"):
        ContentCache(**kwargs)


def _analysis(name: str, calls: list[str] | None = None) -> tuple[CorpusReport, bytes | None]:
    if calls is not None:
        calls.append(name)
    return CorpusReport(articles=(), outlets=(), skipped=(SkippedInput(name, "-"),)), None


def test_packed_share_shares_one_live_object_and_frees_it_when_nobody_holds_it() -> None:
    share: PackedShare[CorpusReport] = PackedShare(max_bytes=10_000)
    calls: list[str] = []
    first = share.get_or_compute("k", lambda: _analysis("a", calls))
    assert share.get_or_compute("k", lambda: _analysis("b", calls)) is first
    assert share.live_count() == 1
    del first
    gc.collect()
    assert share.live_count() == 0  # the store itself keeps only bytes
    again = share.get_or_compute("k", lambda: _analysis("c", calls))
    assert again.skipped[0].source == "a" and calls == ["a"]  # unpacked, not analysed again
    assert share.bytes_held == len(pack_report(again))


def test_packed_share_bounds_the_packed_bytes_and_recomputes_what_it_dropped() -> None:
    one = len(pack_report(_analysis("a")[0]))
    share: PackedShare[CorpusReport] = PackedShare(max_bytes=one + one // 2)  # room for one
    calls: list[str] = []
    share.get_or_compute("a", lambda: _analysis("a", calls))  # not held by anyone afterwards
    share.get_or_compute("b", lambda: _analysis("b", calls))
    assert share.bytes_held <= one + one // 2
    share.get_or_compute("a", lambda: _analysis("a", calls))
    assert calls == ["a", "b", "a"]


def test_packed_share_uses_the_bytes_a_worker_packed() -> None:
    share: PackedShare[CorpusReport] = PackedShare(max_bytes=10_000)
    report, _ = _analysis("w")
    share.get_or_compute("k", lambda: (report, pack_report(report)))
    assert share.bytes_held == len(pack_report(report))


def test_packed_share_computes_a_key_once_while_threads_wait() -> None:
    share: PackedShare[CorpusReport] = PackedShare(max_bytes=10_000)
    calls: list[str] = []

    def slow() -> tuple[CorpusReport, bytes | None]:
        time.sleep(0.2)
        return _analysis("slow", calls)

    results: list[CorpusReport] = []
    threads = [threading.Thread(target=lambda: results.append(share.get_or_compute("k", slow))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert calls == ["slow"] and all(r is results[0] for r in results)


def test_packed_share_stores_nothing_when_the_analysis_fails() -> None:
    share: PackedShare[CorpusReport] = PackedShare(max_bytes=10_000)

    def broken() -> tuple[CorpusReport, bytes | None]:
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        share.get_or_compute("k", broken)
    assert share.bytes_held == 0 and share.live_count() == 0
    assert share.get_or_compute("k", lambda: _analysis("ok")).skipped[0].source == "ok"
