"""ui.session_pins: a session's current values live outside Streamlit's cycles and go with the session."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from framing.pipeline import analyze_articles
from framing.types import Article
from ui.session_pins import MISSING, SessionPins


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Box:
    """A value that can be watched with a weak reference."""


def test_a_pin_is_found_only_for_its_session_name_and_key() -> None:
    pins = SessionPins(lambda s: True, grace=10)
    value = Box()
    pins.put("s1", "report", "k1", value)
    assert pins.get("s1", "report", "k1") is value
    assert pins.get("s1", "report", "k2") is MISSING
    assert pins.get("s1", "overview", "k1") is MISSING
    assert pins.get("s2", "report", "k1") is MISSING


def test_a_new_pin_replaces_and_releases_the_old_one() -> None:
    pins = SessionPins(lambda s: True, grace=10)
    old = Box()
    watched = weakref.ref(old)
    pins.put("s1", "report", "k1", old)
    del old
    pins.put("s1", "report", "k2", Box())
    assert watched() is None


def test_a_gone_session_keeps_its_pins_for_the_grace_then_they_are_freed_without_a_collection() -> None:
    clock, alive = Clock(), {"s1", "s2"}
    pins = SessionPins(lambda s: s in alive, grace=30, clock=clock)
    gone, stays = Box(), Box()
    watched = weakref.ref(gone)
    pins.put("s1", "report", "k", gone)
    pins.put("s2", "report", "k", stays)
    del gone
    alive.discard("s1")
    clock.now += 20
    assert pins.prune() == 0 and watched() is not None, "dropped within the grace (a reconnect finds it)"
    clock.now += 11
    gc.disable()
    try:
        assert pins.prune() == 1
        assert watched() is None, "not freed by reference counting"
    finally:
        gc.enable()
    assert pins.get("s2", "report", "k") is stays and len(pins) == 1


def test_a_session_seen_again_within_the_grace_starts_its_grace_afresh() -> None:
    clock, alive = Clock(), set()
    pins = SessionPins(lambda s: s in alive, grace=30, clock=clock)
    pins.put("s1", "report", "k", 1)
    clock.now += 25
    alive.add("s1")
    assert pins.prune() == 0
    alive.clear()
    clock.now += 25
    assert pins.prune() == 0 and pins.get("s1", "report", "k") == 1


def test_a_report_holds_no_reference_cycle() -> None:
    """What makes pinning outside session state work: dropping the last reference frees a report."""
    articles = [Article(id=f"a{i}", outlet=f"O{i % 2}", title="Talks",
                        text="Tariffs on steel rose. Envoys met in Geneva for talks. Troops stayed home.")
                for i in range(4)]
    report = analyze_articles(articles)
    watched = weakref.ref(report)
    gc.collect()
    gc.disable()
    try:
        del report
        assert watched() is None
    finally:
        gc.enable()


def test_prune_is_safe_beside_readers() -> None:
    pins = SessionPins(lambda s: int(s) % 2 == 0, grace=0)
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for i in range(2_000):
                pins.put(str(i % 50), "report", i, i)
                pins.get(str(i % 50), "report", i)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write) for _ in range(3)]
    for thread in threads:
        thread.start()
    for _ in range(200):
        pins.prune()
    for thread in threads:
        thread.join()
    assert not errors


def test_negative_grace_is_refused() -> None:
    with pytest.raises(ValueError, match="grace"):
        SessionPins(lambda s: True, grace=-1)


def test_a_session_that_only_reads_leaves_nothing_behind() -> None:
    """A run that looks for its pins but never pins (its analysis failed) is not tracked: prune only
    visits sessions holding pins, so a last-seen time kept for it would never be dropped."""
    clock = Clock()
    pins = SessionPins(lambda s: False, grace=0, clock=clock)
    for i in range(100):
        assert pins.get(f"s{i}", "report", "k") is MISSING
    pins.put("s0", "report", "k", 1)
    clock.now += 1
    assert pins.prune() == 1
    assert pins.get("s0", "report", "k") is MISSING
    assert not pins._seen, "last-seen times kept for sessions that hold no pins"
