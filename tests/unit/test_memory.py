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
    returner.stop()
    time.sleep(0.05)
    seen = len(calls)
    time.sleep(0.1)
    assert seen >= 3 and len(calls) == seen and set(calls) == {0}


def test_the_returner_does_nothing_without_a_malloc_trim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_TRIM", None)
    assert memory.malloc_trim() is False
    assert not memory.MemoryReturner(0.01).start()._thread.is_alive()
    with pytest.raises(ValueError):
        memory.MemoryReturner(0)
