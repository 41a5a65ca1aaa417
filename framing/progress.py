"""A progress bar on stderr for long command-line runs (issue 16), silent when stderr is not a terminal.

tqdm decides: ``disable=None`` turns the bar off whenever stderr is not a TTY, so pipes, files and
tests see nothing. The library itself only takes a ``progress(done, total)`` callback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

__all__ = ["progress_bar"]


@contextmanager
def progress_bar(label: str, *, stream: TextIO | None = None) -> Iterator[Callable[[int, int], None]]:
    """Yield a ``progress(done, total)`` callback drawing a bar on ``stream`` (stderr) if it is a terminal.

    Examples
    --------
    >>> import io
    >>> with progress_bar("articles", stream=io.StringIO()) as progress:
    ...     progress(1, 2)
    """
    from tqdm import tqdm  # only the command line draws bars

    class Bar(tqdm):
        monitor_interval = 0  # no monitor thread: worker processes are forked while the bar is open

    bar = Bar(desc=label, unit=" art", file=stream or sys.stderr, disable=None, dynamic_ncols=True, leave=False)

    def update(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    try:
        yield update
    finally:
        bar.close()
