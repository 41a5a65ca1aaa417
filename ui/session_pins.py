"""Each session's current analysis and figures, held outside Streamlit's session state (issue 12).

Why: a session keeps a reference to what it shows, so a full shared store never makes it analyse
again. Kept in ``st.session_state``, that reference sits inside a closed session's reference cycles
(Streamlit's session, its state, its script runner), which only Python's cyclic collector frees:
after five heavy sessions closed, the server held 1.79 million such objects (+677 MB) until a full
collection, which took 2.8 s of the interpreter lock when it came (measured with
``bench/load.py --heavy 5`` and a heap census, 2026-12-02). Here the reference lives in one
server-wide map, keyed by session id; :meth:`SessionPins.prune` drops the pins of sessions gone for
longer than ``grace`` seconds, and reference counting frees a report at once (reports hold no
cycles). No streamlit here: the dashboard passes the liveness check.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Any

__all__ = ["MISSING", "SessionPins"]

#: What :meth:`SessionPins.get` returns when a session holds no value for that key.
MISSING: Any = object()


class SessionPins:
    """Map of session -> {name: (content key, value)}, pruned of sessions no longer alive.

    Parameters
    ----------
    is_alive : callable
        ``is_alive(session)``: True while the session is connected (``session`` is whatever hashable
        owner the caller pins under, e.g. a session id with a per-session token).
    grace : float
        Seconds a disconnected session keeps its pins (a reconnect within them finds its analysis).
    clock : callable, optional
        Monotonic seconds (tests pass their own).

    Examples
    --------
    >>> alive = {"s1"}
    >>> pins = SessionPins(lambda s: s in alive, grace=0.0)
    >>> pins.put("s1", "report", "k", [1, 2])
    >>> pins.get("s1", "report", "k"), pins.get("s1", "report", "other") is MISSING
    ([1, 2], True)
    >>> alive.clear(); pins.prune(), pins.get("s1", "report", "k") is MISSING
    (1, True)
    """

    def __init__(self, is_alive: Callable[[Any], bool], grace: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if grace < 0:
            raise ValueError(f"grace must be at least 0 seconds, got {grace}")
        self._is_alive = is_alive
        self.grace = grace
        self._clock = clock
        self._lock = threading.Lock()
        self._pins: dict[Hashable, dict[str, tuple[Hashable, Any]]] = {}
        self._seen: dict[Hashable, float] = {}

    def __len__(self) -> int:
        """Sessions holding pins."""
        with self._lock:
            return len(self._pins)

    def get(self, session: Hashable, name: str, key: Hashable) -> Any:
        """The value ``session`` pinned under ``name`` for content ``key``, else :data:`MISSING`."""
        with self._lock:
            pinned = self._pins.get(session)
            held = None if pinned is None else pinned.get(name)
            if pinned is not None:  # only sessions holding pins are tracked: prune forgets the others
                self._seen[session] = self._clock()
        if held is None or held[0] != key:
            return MISSING
        return held[1]

    def put(self, session: Hashable, name: str, key: Hashable, value: Any) -> None:
        """Pin ``value`` for ``session`` under ``name``, replacing (and so releasing) the previous one."""
        with self._lock:
            self._pins.setdefault(session, {})[name] = (key, value)
            self._seen[session] = self._clock()

    def prune(self) -> int:
        """Drop the pins of sessions not alive for more than ``grace`` seconds; return how many sessions.

        The values are released outside the lock, so freeing a large report never blocks a reader.
        """
        now = self._clock()
        with self._lock:
            sessions = list(self._pins)
        gone = []
        for session in sessions:
            alive = self._is_alive(session)
            with self._lock:
                if alive:
                    self._seen[session] = now
                elif now - self._seen.get(session, now) > self.grace:
                    gone.append(self._pins.pop(session, None))
                    self._seen.pop(session, None)
        dropped = sum(1 for pins in gone if pins is not None)
        gone.clear()  # the last references: reports are freed here, by reference counting
        return dropped
