"""framing.output_file: ``--out`` files appear whole or not at all, and a stopped run keeps the old file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import framing.cli_stream
from framing.cli import main
from framing.output_file import OutputFile, write_whole

GOOD_TEXT = "---\noutlet: Test Gazette\n---\nTariffs on soybeans rose after the trade talks stalled.\n"


def _entries(folder: Path) -> list[str]:
    return sorted(entry.name for entry in folder.iterdir())


def test_commit_puts_the_bytes_under_the_name_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_whole(target, b'{"a": 1}')
    assert target.read_bytes() == b'{"a": 1}'
    assert _entries(tmp_path) == ["out.json"]


@pytest.mark.parametrize("how", ["exception", "no commit"])
def test_an_unfinished_write_keeps_the_old_file_and_removes_the_temporary(tmp_path: Path, how: str) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old and good")
    with pytest.raises(RuntimeError) if how == "exception" else _nothing():
        with OutputFile(target) as out:
            out.handle.write(b"new but half")
            if how == "exception":
                raise RuntimeError("stopped")
    assert target.read_bytes() == b"old and good"
    assert _entries(tmp_path) == ["out.json"]


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def test_a_new_file_gets_the_umask_mode_not_a_private_one(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_whole(tmp_path / "new.json", b"x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_own_mode(tmp_path: Path) -> None:
    target = tmp_path / "kept.json"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_whole(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symbolic_link_stays_a_link_and_its_target_is_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_whole(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_device_is_written_in_place() -> None:
    write_whole("/dev/null", b"discarded")  # replacing /dev/null would need root and break the machine
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_missing_folder_raises_oserror(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_whole(tmp_path / "no such folder" / "out.json", b"x")


def test_a_streamed_run_stopped_half_way_keeps_the_previous_output(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A SIGTERM arrives in the CLI as SystemExit(143) (framing.cli); the jsonl file half written by then
    must not replace the good file of an earlier run."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.md").write_text(GOOD_TEXT, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"earlier complete run\n")

    def stopped(articles: object, out: object, **kwargs: object) -> None:
        out.write(b'{"id": "half')  # type: ignore[attr-defined]
        raise SystemExit(143)

    monkeypatch.setattr(framing.cli_stream, "stream_jsonl", stopped)
    with pytest.raises(SystemExit):
        main(["analyze", str(source), "--format", "jsonl", "--workers", "1", "--out", str(target)])
    assert target.read_bytes() == b"earlier complete run\n"
    assert _entries(tmp_path) == ["in", "out.jsonl"]


def test_a_finished_streamed_run_replaces_the_previous_output(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.md").write_text(GOOD_TEXT, encoding="utf-8")
    target = tmp_path / "out.jsonl"
    target.write_bytes(b"earlier run\n")
    assert main(["analyze", str(source), "--format", "jsonl", "--workers", "1", "--out", str(target)]) == 0
    lines = target.read_bytes().splitlines()
    assert len(lines) >= 2 and b"earlier run" not in lines
    assert _entries(tmp_path) == ["in", "out.jsonl"]


def test_the_default_mode_does_not_change_the_process_umask(monkeypatch: pytest.MonkeyPatch) -> None:
    # os.umask(0) to read the mask left a window in which files other threads create (the dashboard
    # writes its cache from several) got mode 0o666; Linux reports the mask in /proc/self/status
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc: the mask can only be read by setting it")
    from framing import output_file

    mask = os.umask(0o022)
    os.umask(mask)

    def refuse(value: int) -> int:
        raise AssertionError(f"os.umask({value:o}) called")

    monkeypatch.setattr(output_file.os, "umask", refuse)
    assert output_file._default_mode() == 0o666 & ~mask


def _no_temporary_here(*args: object, **kwargs: object) -> tuple[int, str]:
    raise PermissionError(13, "Permission denied")  # a folder the user may not create files in


def test_a_writable_file_in_a_read_only_folder_is_written_in_place(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # ``--out`` of a file one may write in a folder one may not: written before output_file, so still
    from framing import output_file

    target = tmp_path / "shared.json"
    target.write_bytes(b"old")
    monkeypatch.setattr(output_file.tempfile, "mkstemp", _no_temporary_here)
    write_whole(target, b"new")
    assert target.read_bytes() == b"new"
    assert _entries(tmp_path) == ["shared.json"]


def test_a_new_file_in_a_read_only_folder_raises_oserror(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from framing import output_file

    monkeypatch.setattr(output_file.tempfile, "mkstemp", _no_temporary_here)
    with pytest.raises(PermissionError, match="Permission denied"):
        write_whole(tmp_path / "new.json", b"new")
    assert _entries(tmp_path) == []
