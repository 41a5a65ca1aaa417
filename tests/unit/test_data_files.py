"""The one reader of package data (framing.data_files): errors name the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import data_files
from framing.data_files import read_data_csv, read_data_json, read_data_text
from framing.errors import LexiconError


@pytest.fixture
def data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the reader at a temporary folder standing in for framing/lexicons/."""
    monkeypatch.setattr(data_files.resources, "files", lambda package: tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cues.json", b'{\n  "a": 1,\n  "b" 2\n}\n', r"framing/lexicons/cues.json line 3: invalid JSON: Expecting ':'"),
        ("cues.json", b"[1, 2]\n", r"framing/lexicons/cues.json: the top level must be a JSON object"),
        ("rows.csv", b"term,valence\ngood,1\nbad,-1,extra\n", r"framing/lexicons/rows.csv line 3: more values than the header"),
        ("rows.csv", b"word,valence\ngood,1\n", r"framing/lexicons/rows.csv line 1: missing column\(s\) term"),
        ("rows.csv", b"term,valence\ngood,1\nna\xefve,1\n", r"framing/lexicons/rows.csv line 3: not UTF-8 text"),
    ],
)
def test_read_data_errors_name_file_and_line(data_folder: Path, name: str, content: bytes, message: str) -> None:
    (data_folder / name).write_bytes(content)
    reader = read_data_json if name.endswith(".json") else lambda n: read_data_csv(n, required=("term", "valence"))
    with pytest.raises(LexiconError, match=message):
        reader(name)


def test_read_data_missing_file_says_so(data_folder: Path) -> None:
    with pytest.raises(LexiconError, match=r"framing/lexicons/absent.csv: file missing from the package"):
        read_data_text("absent.csv")


def test_read_data_csv_gives_line_numbers_and_stripped_lower_case_columns(data_folder: Path) -> None:
    (data_folder / "rows.csv").write_bytes(b"\xef\xbb\xbfTerm, Valence\n good ,1\n\nbad,-1\n")
    assert read_data_csv("rows.csv", required=("term",)) == ((2, {"term": "good", "valence": "1"}),
                                                             (4, {"term": "bad", "valence": "-1"}))


def test_read_data_reads_the_packaged_files() -> None:
    assert read_data_json("boilerplate.meta.json")["name"]
    assert read_data_csv("frames.csv", required=("term", "frame", "weight"))


def test_every_packaged_csv_parses() -> None:
    """A stray comma in any shipped CSV (a reason text, a note) fails here, not in ``framing validate``."""
    from pathlib import Path

    from framing.data_files import read_data_csv

    folder = Path(__file__).resolve().parents[2] / "framing" / "lexicons"
    names = sorted(p.name for p in folder.glob("*.csv"))
    assert len(names) > 5
    for name in names:
        assert read_data_csv(name), name
