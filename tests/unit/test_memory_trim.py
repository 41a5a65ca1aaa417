"""ui.memory trims the C heap at most once per interval, and never fails where there is no trim."""

from __future__ import annotations

import pytest

from ui import memory


def test_trims_at_most_once_per_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(memory, "_TRIM", lambda pad: calls.append(pad))
    monkeypatch.setattr(memory, "_last", [float("-inf")])
    assert memory.release_freed_memory(now=100.0)
    assert not memory.release_freed_memory(now=100.0 + memory.TRIM_INTERVAL_S / 2)
    assert memory.release_freed_memory(now=100.0 + memory.TRIM_INTERVAL_S)
    assert calls == [0, 0]


def test_no_trim_available_is_a_quiet_no(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memory, "_TRIM", None)
    monkeypatch.setattr(memory, "_last", [float("-inf")])
    assert not memory.release_freed_memory(now=1.0)
