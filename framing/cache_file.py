"""The cache files the decoded package data is kept in (simplemma's dictionary, wordfreq's list).

Why one module: both files are a header line ``<magic> <count> <first section's length>`` and two
byte sections, written under a temporary name and renamed (a concurrent reader sees the old file or
the whole new one), and both treat a file they cannot read or write as absent: it only costs decoding
the package's data again. Plain bytes, never pickles: a tampered file can give wrong data, not run code.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from .output_file import write_whole

__all__ = ["cache_dir", "read_sections", "through_cache", "write_sections"]

Cached = TypeVar("Cached")
Built = TypeVar("Built")


def cache_dir() -> Path:
    """``$FRAMING_CACHE_DIR``, else ``$XDG_CACHE_HOME/framing-lens``, else ``~/.cache/framing-lens``."""
    explicit = os.environ.get("FRAMING_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "framing-lens"


def write_sections(path: Path, magic: bytes, count: int, first: bytes, second: bytes) -> None:
    """Write the file atomically; a read-only or full cache directory is silently skipped."""
    header = magic + b" %d %d\n" % (count, len(first))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_whole(path, header + first + second)
    except OSError:
        pass


def read_sections(path: Path, magic: bytes) -> tuple[int, bytes, bytes] | None:
    """``(count, first, second)`` from a file :func:`write_sections` wrote with ``magic``; None when it
    is missing, unreadable, of another format or version, or cut short.

    Examples
    --------
    >>> read_sections(Path("/nonexistent/cache.bin"), b"framing-lens test 1") is None
    True
    """
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header, _, body = data.partition(b"\n")
    fields = header.split(b" ")
    if len(fields) < 4 or b" ".join(fields[:-2]) != magic:
        return None
    try:
        count, first_length = int(fields[-2]), int(fields[-1])
    except ValueError:
        return None
    if count <= 0 or first_length > len(body):
        return None
    return count, body[:first_length], body[first_length:]


def through_cache(path_of: Callable[[], Path], read: Callable[[Path], Cached | None], build: Callable[[], Built],
                  write: Callable[[Path, Built], None]) -> Cached | Built:
    """What ``read`` finds in the cache file, else ``build()``, written there for the next process; a
    cache file whose path cannot be worked out (``OSError``) is skipped."""
    try:
        path: Path | None = path_of()
    except OSError:
        path = None
    if path is not None:
        cached = read(path)
        if cached is not None:
            return cached
    built = build()
    if path is not None:
        write(path, built)
    return built
