"""ui.memory: freed memory handed back to the system by a background thread (issue 12)."""

from __future__ import annotations

import sys
import time

import pytest

from ui import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim is Linux-only")
def test_malloc_trim_returns_freed_pages() -> None:
    def rss_kib() -> int:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))

    blocks = [bytearray(100_000) for _ in range(2_000)]  # 200 MB in malloc'd chunks, then freed
    for block in blocks:
        block[::4096] = b"x" * len(block[::4096])  # touch every page so it is resident
    keep = blocks[-1]
    del blocks
    before = rss_kib()
    assert memory.malloc_trim()
    assert rss_kib() < before - 50_000, "malloc_trim gave nothing back"
    assert keep[0] == ord("x")


def test_the_returner_calls_trim_on_its_interval_and_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(memory, "_TRIM", lambda pad: calls.append(pad) or 1)
    returner = memory.MemoryReturner(0.02).start()
    time.sleep(0.3)
    returner.stop()  # waits for a tick in progress: no call after it returns (the clean-clone run under load saw one)
    seen = len(calls)
    time.sleep(0.1)
    assert seen >= 3 and len(calls) == seen and set(calls) == {0}


def test_the_returner_does_nothing_without_a_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_TRIM", None)
    assert memory.malloc_trim() is False
    assert not memory.MemoryReturner(0.01).start()._thread.is_alive()
    with pytest.raises(ValueError):
        memory.MemoryReturner(0)


def test_the_returner_collects_cyclic_garbage_of_closed_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import weakref

    class Session:
        pass

    monkeypatch.setattr(memory, "_TRIM", lambda pad: 1)
    gc.disable()  # only the returner may collect in this test
    try:
        closed = Session()
        closed.me = closed  # type: ignore[attr-defined]  # a cycle: reference counting never frees it
        alive = weakref.ref(closed)
        del closed
        returner = memory.MemoryReturner(0.01, collect_every=0.05).start()
        deadline = time.monotonic() + 5
        while (alive() is not None or not returner.collections) and time.monotonic() < deadline:
            time.sleep(0.02)
        returner.stop()
        assert alive() is None and returner.collections >= 1
    finally:
        gc.enable()


def test_full_collections_stay_a_small_share_of_the_time(monkeypatch: pytest.MonkeyPatch) -> None:
    returner = memory.MemoryReturner(1.0, collect_every=0.001, max_share=0.5)
    clock = iter([10.0, 12.0])  # due at 10, the collection "takes" 2 s
    monkeypatch.setattr(memory.time, "monotonic", lambda: next(clock))
    monkeypatch.setattr(memory.gc, "collect", lambda: 0)
    returner._next_collect = 0.0
    returner._collect_if_due()
    assert returner.collections == 1 and returner._next_collect == 12.0 + 2.0 / 0.5
    clock = iter([0.0, 10.0, 12.0])  # the first reading is the constructor's
    slow = memory.MemoryReturner(1.0, collect_every=0.001, max_share=0.01, max_wait=30.0)
    slow._next_collect = 0.0
    slow._collect_if_due()
    assert slow._next_collect == 12.0 + 30.0  # 2 s / 1% would wait 200 s: capped
    with pytest.raises(ValueError):
        memory.MemoryReturner(1.0, max_share=0)


def test_the_returner_runs_its_hook_every_tick_and_survives_a_failing_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_TRIM", lambda pad: 1)
    ticks: list[int] = []

    def hook() -> None:
        ticks.append(1)
        if len(ticks) == 1:
            raise RuntimeError("first tick fails")

    returner = memory.MemoryReturner(0.01, on_tick=hook).start()
    deadline = time.monotonic() + 5
    while len(ticks) < 3 and time.monotonic() < deadline:
        time.sleep(0.02)
    returner.stop()
    assert len(ticks) >= 3 and returner.calls >= 2


def test_a_hook_that_freed_something_gets_a_collection_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_TRIM", lambda pad: 1)
    collected: list[int] = []
    monkeypatch.setattr(memory.gc, "collect", lambda: collected.append(1) or 0)
    freed = iter([0, 0, 2])
    returner = memory.MemoryReturner(0.01, collect_every=3600, on_tick=lambda: next(freed, 0))
    returner._next_collect = time.monotonic() + 3600  # not due for an hour
    returner.start()
    deadline = time.monotonic() + 5
    while not collected and time.monotonic() < deadline:
        time.sleep(0.02)
    returner.stop()
    assert collected and returner.calls >= 2, "the drop of a session's pins did not trigger a collection"


def test_without_a_malloc_trim_the_hook_still_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS, Windows, musl: no malloc_trim, but the dashboard's closed sessions' pins must still be
    dropped (the thread did not start there, so every session's analysis stayed for good)."""
    monkeypatch.setattr(memory, "_TRIM", None)
    ticks: list[int] = []
    returner = memory.MemoryReturner(0.01, on_tick=lambda: ticks.append(1)).start()
    deadline = time.monotonic() + 5
    while len(ticks) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    returner.stop()
    assert len(ticks) >= 2 and returner.calls == 0
