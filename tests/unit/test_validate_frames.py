"""framing.validate_frames: the versions refitted data files are shipped under."""

from __future__ import annotations

from pathlib import Path

from framing.data_files import read_data_json, read_data_text
from framing.validate_frames import refit_version


def test_refit_version_keeps_the_version_when_nothing_moved_and_raises_it_when_a_number_did(tmp_path: Path) -> None:
    (tmp_path / "w.csv").write_text("frame,weight\ntrade,1.2\n", encoding="utf-8")
    (tmp_path / "w.meta.json").write_text('{"version": "1.4.0"}', encoding="utf-8")
    assert refit_version(tmp_path, "w.csv", "w.meta.json", "frame,weight\ntrade,1.2\n") == "1.4.0"
    assert refit_version(tmp_path, "w.csv", "w.meta.json", "frame,weight\ntrade,1.3\n") == "1.5.0"


def test_refit_version_compares_against_the_shipped_file_in_a_new_folder(tmp_path: Path) -> None:
    shipped = read_data_text("frame_weights.csv")
    version = str(read_data_json("frame_weights.meta.json")["version"])
    assert refit_version(tmp_path, "frame_weights.csv", "frame_weights.meta.json", shipped) == version
    major, minor, _ = (int(p) for p in version.split("."))
    assert refit_version(tmp_path, "frame_weights.csv", "frame_weights.meta.json", shipped + "x\n") == f"{major}.{minor + 1}.0"
    assert refit_version(tmp_path, "nothing.csv", "nothing.meta.json", "a\n") == "1.0.0"
