"""The one reader of package data (framing.data_files): errors name the file and line."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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


# --- Issue 9 item 4: a broken row in any packaged data file is reported with its file and line ----------

LEXICONS = Path(__file__).resolve().parents[2] / "framing" / "lexicons"


def _clear_loader_caches() -> None:
    import sys

    for name, module in list(sys.modules.items()):
        if name.startswith("framing.") and module is not None:
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == name:
                    value.cache_clear()


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of framing/lexicons/ the loaders read instead of the real one; caches cleared both ways."""
    import shutil

    shutil.copytree(LEXICONS, tmp_path / "lexicons", ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    real_files = data_files.resources.files
    monkeypatch.setattr(data_files.resources, "files",
                        lambda package: tmp_path / "lexicons" if package == "framing.lexicons" else real_files(package))
    _clear_loader_caches()
    yield tmp_path / "lexicons"
    _clear_loader_caches()


def _set_cell(text: str, line: int, column: str, value: str) -> str:
    """``text`` (a CSV file) with ``column`` of line ``line`` set to ``value``."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    rows[line - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _repeat_line(text: str, line: int) -> str:
    lines = text.splitlines(keepends=True)
    return "".join([*lines, lines[line - 1]])


def _load(dotted: str) -> Callable[[], object]:
    def call() -> object:
        import importlib

        module, name = dotted.rsplit(".", 1)
        return getattr(importlib.import_module(f"framing.{module}"), name)()

    return call


#: (file, how it is broken, loader, what the message must say). Each file kind the package ships.
BROKEN_ROWS: list[object] = [
    ("frames.csv", lambda t: _set_cell(t, 2, "weight", "heavy"), "lexicon.load_default_lexicon",
     r"frames.csv line 2: weight 'heavy' is not a number"),
    ("baseline_keywords.csv", lambda t: _set_cell(t, 3, "frame", "sport"), "validate.load_baseline_keywords",
     r"baseline_keywords.csv line 3: unknown frame 'sport'"),
    ("frame_rules.csv", lambda t: _set_cell(t, 2, "rule", "maybe"), "senses.load_default_rules",
     r"frame_rules.csv line 2: unknown rule 'maybe'"),
    ("tone_rules.csv", lambda t: _set_cell(t, 2, "rule", "maybe"), "lexicon.load_tone_rules",
     r"tone_rules.csv line 2: unknown rule 'maybe'"),
    ("tone_valences.csv", lambda t: _set_cell(t, 2, "valence", "lots"), "lexicon.load_tone_valences",
     r"tone_valences.csv line 2: "),
    ("tone_weights.csv", lambda t: _set_cell(t, 2, "value", "lots"), "lexicon.load_tone_weights",
     r"tone_weights.csv line 2: "),
    ("tone_topics.csv", lambda t: _set_cell(t, 2, "term", ""), "lexicon.load_tone_topics",
     r"tone_topics.csv line 2: "),
    ("tone_news.csv", lambda t: _set_cell(t, 2, "valence", "lots"), "lexicon.load_tone_lexicon",
     r"tone_news.csv line 2: "),
    ("tone_news.csv", lambda t: _set_cell(t, 3, "term", ""), "lexicon.load_tone_lexicon",
     r"tone_news.csv line 3: empty term"),
    ("tone_news.csv", lambda t: _repeat_line(t, 2), "lexicon.load_tone_lexicon",
     r"tone_news.csv line \d+: term '\w+' is already on line 2"),
    ("opinion_lexicon.csv", lambda t: _repeat_line(t, 2), "lexicon.load_tone_lexicon",
     r"opinion_lexicon.csv line \d+: term '[\w-]+' is already on line 2"),
    ("english_stop_words.csv", lambda t: _set_cell(t, 4, "word", ""), "stopwords.read_stop_words",
     r"english_stop_words.csv line 4: stop word '' must be one lower-case word"),
    ("english_stop_words.csv", lambda t: _repeat_line(t, 2), "stopwords.read_stop_words",
     r"english_stop_words.csv line \d+: stop word '\w+' is already on line 2"),
    ("boilerplate.json", lambda t: t.replace('"credit_byline_cues": [', '"credit_byline_cues": 7, "x": [', 1),
     "cleaning.load_boilerplate", r"boilerplate.json: 'credit_byline_cues' must be a non-empty list"),
    ("clutter_cues.json", lambda t: t.replace('"whole_line": {', '"whole_line": 7, "x": {', 1),
     "clutter.load_clutter_cues", r"clutter_cues.json: 'whole_line' must be an object"),
    ("frames.meta.json", lambda t: t.rstrip().rstrip("}") + ',\n  "name" 1\n}\n', "lexicon.load_default_lexicon",
     r"frames.meta.json line \d+: invalid JSON"),
    ("tone_rules.meta.json", lambda t: t.replace('"version":', '"was":', 1), "lexicon.load_tone_rules",
     r"tone_rules.meta.json: key\(s\) 'version' missing"),
    ("tone_weights.meta.json", lambda t: t.replace('"version":', '"was":', 1), "lexicon.load_tone_weights",
     r"tone_weights.meta.json: key\(s\) 'version' missing"),
]


#: Were gaps of the foundation audit; the frames work (issue 9 item 4) made these loaders name the file.
BROKEN_ROWS += [
    ("evidence_thresholds.json", lambda t: t.replace('"min_count": ', '"min_count": "x", "was": ', 1),
     "evidence.load_evidence_thresholds", r"evidence_thresholds.json: "),
    ("frame_scales.csv", lambda t: _set_cell(t, 2, "frame", "sport"), "frames.load_frame_scales",
     r"frame_scales.csv line 2: unknown frame 'sport'"),
    ("frame_weights.csv", lambda t: _set_cell(t, 2, "weight", "-1"), "frames.load_fitted_weights",
     r"frame_weights.csv line 2: weight '-1' must be a number > 0"),
    ("frame_scales.meta.json", lambda t: t.replace('"lexicon_version":', '"was":', 1), "frames.load_frame_scales",
     r"frame_scales.meta.json: key\(s\) 'lexicon_version' missing"),
]
#: Were gaps of the foundation audit (a value of the wrong type crashed with TypeError, a meta file
#: without its version with a bare KeyError; no file named).
BROKEN_ROWS += [
    ("quote_cues.meta.json", lambda t: t.replace('"version":', '"was":', 1), "quote_rules.load_quote_rules",
     r"quote_cues.meta.json: key\(s\) 'version' missing"),
    ("speaker_types.meta.json", lambda t: t.replace('"version":', '"was":', 1), "quote_rules.load_quote_rules",
     r"speaker_types.meta.json: key\(s\) 'version' missing"),
    ("naming_words.json", lambda t: t.replace('"honorifics": ', '"honorifics": 7, "was": ', 1),
     "naming_aliases.load_naming_words", r"naming_words.json line \d+: 'honorifics' must be a list of non-empty strings, got 7"),
    ("naming_words.json", lambda t: t.replace('"numbers": {', '"numbers": {"umpteen": "many", ', 1),
     "naming_aliases.load_naming_words", r"naming_words.json line \d+: numbers.umpteen must be a whole number, got 'many'"),
    ("naming_words.json", lambda t: t.replace('"head_synonyms": [', '"head_synonyms": [[], ', 1),
     "naming_aliases.load_naming_words", r"naming_words.json line \d+: 'head_synonyms' group 1 must be a non-empty list"),
    ("naming_words.json", lambda t: t.replace('"group_nouns": {', '"group_nouns": {"ships": "fleet", ', 1),
     "naming_aliases.load_naming_words", r"naming_words.json line \d+: group_nouns.ships must be a list of strings, got 'fleet'"),
    ("naming_words.json", lambda t: t.replace('"seats_of_government": {', '"seats_of_government": 3, "was": {', 1),
     "naming_aliases.load_naming_words", r"naming_words.json line \d+: 'seats_of_government' must be an object"),
]


@pytest.mark.parametrize(("name", "breaks", "loader", "message"), BROKEN_ROWS,
                         ids=[f"{getattr(row, 'values', row)[0]}-{index}" for index, row in enumerate(BROKEN_ROWS)])
def test_packaged_loader_names_file_and_line_of_a_broken_row(
    data_copy: Path, name: str, breaks: Callable[[str], str], loader: str, message: str
) -> None:
    path = data_copy / name
    _load(loader)()  # the intact copy loads
    _clear_loader_caches()
    path.write_text(breaks(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"framing/lexicons/{message}"):
        _load(loader)()
