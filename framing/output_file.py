"""Output files that appear whole or not at all: ``--out`` of ``analyze``, ``report`` and ``validate``.

Why: a run stopped half-way (a kill, a full disk, a cluster that went away) used to leave a truncated
JSON file under the name the user asked for, and it had already overwritten the previous good one.
Now the bytes go to a temporary file beside the target and are renamed over it only when the run
finished: until then the old file is untouched, and a stopped run leaves nothing behind. The renamed
file gets the permissions a plain ``open(path, "w")`` would have given it (the old file's, or the
umask's), not the temporary file's private ones. A target that exists and is not a regular file (a
terminal, ``/dev/stdout``, a named pipe) cannot be replaced and is written in place, and so is an
existing file in a folder where no temporary file may be created (a read-only folder); a symbolic link
is followed, so the file it points to is the one replaced.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO

__all__ = ["OutputFile", "write_whole"]


class OutputFile:
    """A binary file to write, kept only if :meth:`commit` is called.

    Leaving the ``with`` block without ``commit()`` (an exception, an early ``return``) removes the
    temporary file and keeps whatever was at ``path`` before.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.json"
    >>> with OutputFile(target) as out:
    ...     _ = out.handle.write(b"{}")
    ...     out.commit()
    >>> target.read_bytes()
    b'{}'
    >>> with OutputFile(target) as out:
    ...     _ = out.handle.write(b"{\\"half")
    >>> target.read_bytes()
    b'{}'
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(os.path.realpath(path))
        self._temporary: str | None = None
        self._done = False
        existing = _stat_or_none(self.path)
        if existing is not None and not stat.S_ISREG(existing.st_mode):
            self.handle: IO[bytes] = open(self.path, "wb")  # a device or pipe: written in place
            return
        try:
            descriptor, self._temporary = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.",
                                                           suffix=".tmp")
        except PermissionError:
            if existing is None:
                raise
            # a file we may write in a folder we may not add to: written in place, as before this module
            self.handle = open(self.path, "wb")
            return
        try:
            os.chmod(descriptor, stat.S_IMODE(existing.st_mode) if existing else _default_mode())
            self.handle = os.fdopen(descriptor, "wb")
        except BaseException:
            os.close(descriptor)
            os.unlink(self._temporary)
            raise

    def commit(self) -> None:
        """Flush, close and put the file in place under its name."""
        self.handle.close()
        if self._temporary is not None:
            os.replace(self._temporary, self.path)
            self._temporary = None
        self._done = True

    def discard(self) -> None:
        """Close and remove the temporary file; ``path`` keeps what it had."""
        if self._done:
            return
        self._done = True
        try:
            self.handle.close()
        except OSError:
            pass
        if self._temporary is not None:
            try:
                os.unlink(self._temporary)
            except FileNotFoundError:
                pass
            self._temporary = None

    def __enter__(self) -> OutputFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.discard()


def write_whole(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that it appears whole or not at all; OSError as ``open`` raises it."""
    with OutputFile(path) as out:
        out.handle.write(data)
        out.commit()


def _stat_or_none(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except FileNotFoundError:
        return None


def _default_mode() -> int:
    """What ``open(path, "w")`` would give a new file: 0o666 less the process's umask.

    Linux reports the mask in ``/proc/self/status``; only elsewhere is it read by setting it, which
    for a moment gives files that other threads create (the dashboard's cache writes) mode 0o666.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
