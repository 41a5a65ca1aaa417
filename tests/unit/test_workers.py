"""Issue 16: ``--workers N`` gives byte-identical output to one process; chunks keep their order."""

from __future__ import annotations

import multiprocessing
import multiprocessing.context
import os
import time
from typing import Any

import pytest

from framing.export import to_json_bytes
from framing.pipeline import analyze_articles
from framing.types import Article
from framing.workers import Beside, chunk_bounds, map_chunks, plan_workers


def _square_range(job: int, start: int, end: int) -> list[int]:
    if job < 0:
        raise ValueError(f"bad job {job}")
    return [job * i * i for i in range(start, end)]


def _pid_and_sum(job: list[int]) -> tuple[int, int]:
    if not job:
        raise ValueError("nothing to add")
    return os.getpid(), sum(job)


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


@pytest.mark.parametrize("background", [False, True])
def test_workers_beside_gives_the_value_of_the_call(background: bool) -> None:
    with Beside(_pid_and_sum, [1, 2, 3], background=background) as beside:
        pid, total = beside.result()
    assert total == 6
    assert (pid != os.getpid()) is background  # computed in a child only when asked to run beside


@pytest.mark.parametrize("background", [False, True])
def test_workers_beside_raises_the_call_error(background: bool) -> None:
    beside = Beside(_pid_and_sum, [], background=background)
    with pytest.raises(ValueError, match="nothing to add"):
        beside.result()


class _TwoPartError(Exception):
    """Pickles, but does not unpickle: ``args`` holds one message, ``__init__`` wants two parts."""

    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what}: {why}")


def _raise_two_part(job: object) -> None:
    raise _TwoPartError("coverage", "out of luck")


def test_workers_beside_reports_an_error_that_does_not_unpickle_with_its_traceback() -> None:
    # The child's exception pickled fine but failed to unpickle in the parent, which then raised an
    # unrelated TypeError ("missing 1 required positional argument") instead of the child's error.
    beside = Beside(_raise_two_part, None, background=True)
    with pytest.raises(RuntimeError, match="_TwoPartError: coverage: out of luck"):
        beside.result()


def test_workers_beside_close_stops_a_running_child() -> None:
    # no timing: the child would sleep a minute, so an exit by SIGTERM shows that close() stopped it
    # rather than waited for it (a close that only joined would return after the sleep, exit code 0)
    import signal

    with Beside(_sleep, 60.0, background=True) as beside:
        process = beside._process
        assert process is not None and process.is_alive()
    assert not process.is_alive() and process.exitcode == -signal.SIGTERM


def test_workers_beside_computes_here_where_processes_do_not_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    # macOS and Windows default to spawn; Beside must then compute in this process, not fail
    monkeypatch.setattr("framing.workers.multiprocessing.get_all_start_methods", lambda: ["spawn"])
    beside = Beside(_pid_and_sum, [4, 5], background=True)
    assert beside._process is None
    assert beside.result() == (os.getpid(), 9)


def test_workers_fork_only_on_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    # macOS lists fork among the start methods, but a forked child of a process that loaded the system
    # frameworks can crash: the pool spawns there and Beside computes in this process
    monkeypatch.setattr("framing.workers.sys.platform", "darwin")
    beside = Beside(_pid_and_sum, [2, 3], background=True)
    assert beside._process is None and beside.result() == (os.getpid(), 5)
    assert [r for _, r in map_chunks(_square_range, 2, [(0, 2), (2, 4)], workers=2)] == [[0, 2], [8, 18]]


def test_workers_beside_closes_both_pipe_ends_when_the_child_cannot_start(monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[object] = []
    real_pipe = multiprocessing.get_context("fork").Pipe

    class _Counted:
        """A pipe end that notes when it is closed."""

        def __init__(self, end: Any) -> None:
            self.end = end

        def close(self) -> None:
            closed.append(self)
            self.end.close()

    def pipe(duplex: bool = True) -> tuple[_Counted, _Counted]:
        receiver, sender = real_pipe(duplex)
        return _Counted(receiver), _Counted(sender)

    def refuse(self: object) -> None:
        raise OSError("fork refused")

    monkeypatch.setattr(multiprocessing.context.ForkContext, "Pipe", staticmethod(pipe), raising=False)
    monkeypatch.setattr(multiprocessing.context.ForkProcess, "start", refuse)
    with pytest.raises(OSError, match="fork refused"):
        Beside(_pid_and_sum, [1], background=True)
    assert len(closed) == 2


def test_workers_report_is_byte_identical_to_one_process(scale_articles: list[Article]) -> None:
    assert plan_workers(2, len(scale_articles)) == 2  # the corpus is large enough to start two workers
    one = to_json_bytes(analyze_articles(scale_articles, workers=1))
    two = to_json_bytes(analyze_articles(scale_articles, workers=2))
    assert one == two
    assert b'"quotes":[' not in one and b'"quotes": [' in one  # real content: quotes were found and kept


def test_workers_progress_reaches_total(scale_articles: list[Article]) -> None:
    seen: list[tuple[int, int]] = []
    analyze_articles(scale_articles, workers=2, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(scale_articles), len(scale_articles))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_workers_map_chunks_keeps_order_in_processes() -> None:
    bounds = chunk_bounds(50, 7)
    results = list(map_chunks(_square_range, 3, bounds, workers=2))
    assert [b for b, _ in results] == bounds
    assert [x for _, chunk in results for x in chunk] == [3 * i * i for i in range(50)]


def test_workers_map_chunks_raises_a_worker_error() -> None:
    with pytest.raises(ValueError, match="bad job -1"):
        list(map_chunks(_square_range, -1, chunk_bounds(50, 7), workers=2))


@pytest.mark.parametrize(("requested", "articles", "expected"), [(2, 48, 2), (2, 39, 1), (8, 100, 5), (1, 10_000, 1)])
def test_workers_plan_starts_no_more_than_useful(requested: int, articles: int, expected: int) -> None:
    assert plan_workers(requested, articles) == expected
