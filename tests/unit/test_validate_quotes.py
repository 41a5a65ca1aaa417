"""Quote validation (issue 14): matching, precision/recall and speaker accuracy on a page written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.errors import FramingError
from framing.validate_quotes import content_view, evaluate_quotes, quote_figures

PAGE_LINES = [
    "Menu Subscribe",
    "“We will never leave the shoal,” said Jay Tarriela.",
    "",
    "Tarriela said the coast guard would send more ships.",
    "The sham “referendums” were condemned.",
]


def _write(tmp_path: Path, gold: list[dict[str, object]]) -> tuple[Path, Path]:
    raw = "\n".join(PAGE_LINES)
    lines = [{"i": i, "label": "clutter" if i == 0 else ("blank" if not line else "content")} for i, line in enumerate(PAGE_LINES)]
    (tmp_path / "cleaning_dev.jsonl").write_text(json.dumps({"id": "x1", "raw": raw, "lines": lines}) + "\n", encoding="utf-8")
    annotations = tmp_path / "gold.json"
    annotations.write_text(json.dumps({"pages": {"x1": gold}}), encoding="utf-8")
    return tmp_path, annotations


def _span(needle: str, *, after: int = 0) -> tuple[int, int]:
    raw = "\n".join(PAGE_LINES)
    start = raw.index(needle, after)
    return start, start + len(needle)


def _gold(kind: str, quote: str, speaker: str | None, stype: str, *, after: int = 0) -> dict[str, object]:
    start, end = _span(quote, after=after)
    s_start, s_end = _span(speaker) if speaker else (None, None)
    return {"kind": kind, "start": start, "end": end, "speaker_start": s_start, "speaker_end": s_end, "speaker_type": stype}


def test_content_view_blanks_clutter_and_keeps_offsets() -> None:
    raw = "\n".join(PAGE_LINES)
    lines = [{"i": i, "label": "clutter" if i == 0 else "content"} for i in range(len(PAGE_LINES))]
    text, paragraphs, _ = content_view({"raw": raw, "lines": lines})
    assert len(text) == len(raw) and text.startswith(" " * len(PAGE_LINES[0]) + "\n")
    assert [text[p.start:p.end] for p in paragraphs][0] == PAGE_LINES[1]


def test_evaluate_quotes_perfect_page(tmp_path: Path) -> None:
    gold = [
        _gold("direct", "We will never leave the shoal,", "Jay Tarriela", "government:Philippines"),
        _gold("indirect", "the coast guard would send more ships", "Jay Tarriela", "government:Philippines"),
    ]
    data, annotations = _write(tmp_path, gold)
    figures = evaluate_quotes(data, annotations=annotations)
    assert figures["direct"]["f1"] == 1.0 and figures["indirect"]["f1"] == 1.0  # type: ignore[index]
    assert figures["speaker_correct"] == 1.0
    assert figures["errors"] == []


def test_evaluate_quotes_counts_misses_and_false_positives(tmp_path: Path) -> None:
    gold = [
        _gold("direct", "We will never leave the shoal,", "coast guard", "other"),  # a wrong gold speaker on purpose
        _gold("direct", "referendums", None, "other"),  # a scare quote the finder rightly drops: a miss
    ]
    data, annotations = _write(tmp_path, gold)
    figures = evaluate_quotes(data, annotations=annotations)
    direct, indirect = figures["direct"], figures["indirect"]
    assert (direct["matched"], direct["found"], direct["gold"]) == (1, 1, 2)  # type: ignore[index]
    assert direct["recall"] == 0.5 and indirect["precision"] == 0.0  # type: ignore[index]
    assert figures["speaker_correct"] == 0.0
    kinds = sorted((e["error"], e["kind"]) for e in figures["errors"])  # type: ignore[union-attr]
    assert kinds == [("false positive", "indirect"), ("missed", "direct"), ("wrong speaker", "direct")]


def test_evaluate_quotes_missing_pages_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FramingError, match="cleaning_dev.jsonl not found"):
        evaluate_quotes(tmp_path)
    assert "not found" in str(quote_figures(tmp_path)["skipped"])


def test_shipped_annotations_hold_offsets_and_labels_only() -> None:
    from framing.validate_quotes import ANNOTATIONS

    data = json.loads(ANNOTATIONS.read_text(encoding="utf-8"))
    allowed = {"kind", "start", "end", "speaker_start", "speaker_end", "speaker_type"}
    items = [item for page in data["pages"].values() for item in page]
    assert len(data["pages"]) >= 20 and len(items) >= 100
    assert all(set(item) == allowed for item in items)
    assert all(item["kind"] in ("direct", "indirect") and item["end"] > item["start"] for item in items)


BENCHMARKS = Path(__file__).resolve().parents[2] / ".." / "shared" / "benchmarks"


@pytest.mark.skipif(not (BENCHMARKS / "cleaning_dev.jsonl").is_file(), reason="the cleaning dev pages are not here")
def test_dev_figures_are_pinned() -> None:
    """The dev figures change only with the rules: a speed-up that changes them is a bug (update
    these, the README and the CHANGELOG together when a rule change is meant to)."""
    figures = evaluate_quotes(BENCHMARKS)
    got = (figures["direct"]["f1"], figures["indirect"]["f1"], figures["speaker_correct"], figures["matched"])  # type: ignore[index]
    assert got == (0.982, 0.968, 0.93, 213)


def test_tuning_split_keeps_the_blind_pages_apart() -> None:
    from framing.validate_quotes import tuning_split

    split = tuning_split()
    assert split["blind"] and split["tune"] and not set(split["blind"]) & set(split["tune"])
    assert "p28" in split["blind"] and "p01" in split["tune"]


def test_shipped_fresh_annotations_hold_offsets_and_labels_only() -> None:
    from framing.validate_quotes import FRESH_ANNOTATIONS

    data = json.loads(FRESH_ANNOTATIONS.read_text(encoding="utf-8"))
    allowed = {"kind", "start", "end", "speaker_start", "speaker_end", "speaker_type"}
    for entry in data["pages"].values():
        assert set(entry) == {"clutter_lines", "quotes"}
        assert all(isinstance(i, int) for i in entry["clutter_lines"])
        assert all(set(item) == allowed and item["end"] > item["start"] for item in entry["quotes"])


def test_shipped_allsides_dev_annotations_hold_offsets_and_labels_only() -> None:
    from framing.validate_quotes import ALLSIDES_DEV_ANNOTATIONS, FRESH_ANNOTATIONS

    data = json.loads(ALLSIDES_DEV_ANNOTATIONS.read_text(encoding="utf-8"))
    fresh = json.loads(FRESH_ANNOTATIONS.read_text(encoding="utf-8"))["pages"]
    allowed = {"kind", "start", "end", "speaker_start", "speaker_end", "speaker_type"}
    assert data["pages"] and not set(data["pages"]) & set(fresh)  # never a fresh-check article
    for entry in data["pages"].values():
        assert set(entry) == {"source_file", "clutter_lines", "quotes"}
        assert entry["source_file"] in ("emphasis_allsides_dev.jsonl", "offtopic_allsides_dev.jsonl")
        assert all(set(item) == allowed and item["end"] > item["start"] for item in entry["quotes"])


def test_shipped_second_fresh_annotations_hold_offsets_and_labels_only_and_no_other_file_s_article() -> None:
    from framing.validate_quotes import ALLSIDES_DEV_ANNOTATIONS, ANNOTATIONS, FRESH2_ANNOTATIONS, FRESH_ANNOTATIONS

    data = json.loads(FRESH2_ANNOTATIONS.read_text(encoding="utf-8"))
    others = set()
    for path in (ANNOTATIONS, ALLSIDES_DEV_ANNOTATIONS, FRESH_ANNOTATIONS):
        others |= set(json.loads(path.read_text(encoding="utf-8"))["pages"])
    allowed = {"kind", "start", "end", "speaker_start", "speaker_end", "speaker_type"}
    assert len(data["pages"]) == 7 and not set(data["pages"]) & others
    for entry in data["pages"].values():
        assert set(entry) == {"source_file", "clutter_lines", "quotes"}
        assert entry["source_file"] in ("emphasis_allsides_dev.jsonl", "offtopic_allsides_dev.jsonl")
        assert all(set(item) == allowed and item["end"] > item["start"] for item in entry["quotes"])
        assert all(item["kind"] in ("direct", "indirect") for item in entry["quotes"])


def test_evaluate_article_quotes_reads_each_source_file_and_blanks_clutter(tmp_path: Path) -> None:
    from framing.validate_quotes import evaluate_article_quotes

    text = "Advertisement “Buy now,” said Ann Lee.\n“We will stay,” said Bo Chan."
    (tmp_path / "offtopic_allsides_dev.jsonl").write_text(json.dumps({"ID": "a1", "content_original": text}) + "\n", encoding="utf-8")
    start = text.index("We will stay,")
    s_start = text.index("Bo Chan")
    gold = {"kind": "direct", "start": start, "end": start + len("We will stay,"), "speaker_start": s_start,
            "speaker_end": s_start + len("Bo Chan"), "speaker_type": "other"}
    annotations = tmp_path / "gold.json"
    annotations.write_text(json.dumps({"pages": {"a1": {"source_file": "offtopic_allsides_dev.jsonl", "clutter_lines": [0],
                                                         "quotes": [gold]}}}), encoding="utf-8")
    figures = evaluate_article_quotes(tmp_path, annotations=annotations)
    assert figures["direct"]["f1"] == 1.0 and figures["speaker_correct"] == 1.0  # type: ignore[index]
    with pytest.raises(FramingError, match="emphasis_allsides_dev.jsonl not found"):
        (tmp_path / "gold2.json").write_text(json.dumps({"pages": {"a2": {"clutter_lines": [], "quotes": []}}}), encoding="utf-8")
        evaluate_article_quotes(tmp_path, annotations=tmp_path / "gold2.json")


def test_tuning_split_puts_added_pages_in_their_own_group() -> None:
    from framing.validate_quotes import tuning_split

    split = tuning_split()
    assert split["added"] == ["p15"] and "p15" not in split["tune"] and "p15" not in split["blind"]


def test_format_quotes_table_says_when_a_group_has_no_quotation() -> None:
    from framing.validate_quotes import format_quotes_table

    empty = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "matched": 0, "found": 0, "gold": 0}
    block = {"pages": 1, "direct": empty, "indirect": empty, "speaker_correct": 0.0, "matched": 0}
    figures = {"pages": 1, "match": "m", "direct": empty, "indirect": empty, "speaker_correct": 0.0,
               "speaker_type_correct": 0.0, "matched": 0, "halves": {"added": block}}
    assert "added: 1 pages with no quotation in the annotations, 0 found" in format_quotes_table(figures)


def test_shipped_third_fresh_annotations_hold_offsets_and_labels_only_and_no_other_file_s_article() -> None:
    from framing.validate_quotes import ALLSIDES_DEV_ANNOTATIONS, ANNOTATIONS, FRESH2_ANNOTATIONS, FRESH3_ANNOTATIONS, FRESH_ANNOTATIONS

    data = json.loads(FRESH3_ANNOTATIONS.read_text(encoding="utf-8"))
    others = set()
    for path in (ANNOTATIONS, ALLSIDES_DEV_ANNOTATIONS, FRESH_ANNOTATIONS, FRESH2_ANNOTATIONS):
        others |= set(json.loads(path.read_text(encoding="utf-8"))["pages"])
    allowed = {"kind", "start", "end", "speaker_start", "speaker_end", "speaker_type"}
    assert len(data["pages"]) == 7 and not set(data["pages"]) & others and data["blind_measure"]
    for entry in data["pages"].values():
        assert set(entry) == {"source_file", "clutter_lines", "quotes"}
        assert entry["source_file"] == "emphasis_allsides_dev.jsonl"
        assert all(set(item) == allowed and item["end"] > item["start"] for item in entry["quotes"])
        assert all(item["kind"] in ("direct", "indirect") for item in entry["quotes"])


def test_shipped_fourth_fresh_annotations_hold_offsets_and_labels_only_and_no_other_file_s_article() -> None:
    from framing.validate_quotes import (ALLSIDES_DEV_ANNOTATIONS, ANNOTATIONS, FRESH2_ANNOTATIONS, FRESH3_ANNOTATIONS,
                                         FRESH4_ANNOTATIONS, FRESH_ANNOTATIONS)

    data = json.loads(FRESH4_ANNOTATIONS.read_text(encoding="utf-8"))
    others = set()
    for path in (ANNOTATIONS, ALLSIDES_DEV_ANNOTATIONS, FRESH_ANNOTATIONS, FRESH2_ANNOTATIONS, FRESH3_ANNOTATIONS):
        others |= set(json.loads(path.read_text(encoding="utf-8"))["pages"])
    allowed = {"kind", "start", "end", "speaker_start", "speaker_end", "speaker_type"}
    assert len(data["pages"]) == 6 and not set(data["pages"]) & others and data["blind_measure"]
    for entry in data["pages"].values():
        assert set(entry) == {"source_file", "clutter_lines", "quotes"}
        assert entry["source_file"] in ("emphasis_allsides_dev.jsonl", "offtopic_allsides_dev.jsonl")
        assert all(set(item) == allowed and item["end"] > item["start"] for item in entry["quotes"])
        assert all(item["kind"] in ("direct", "indirect") for item in entry["quotes"])


def test_format_quotes_table_prints_the_reason_of_a_skipped_data_set() -> None:
    # a missing data set gave {"skipped": reason}, which the table read as figures (KeyError: 'pages')
    from framing.validate_quotes import format_quotes_table

    assert format_quotes_table({"skipped": "no pages in /nowhere"}) == "Quotes: skipped (no pages in /nowhere)\n"
    empty = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "matched": 0, "found": 0, "gold": 0}
    figures = {"pages": 1, "match": "m", "direct": empty, "indirect": empty, "speaker_correct": 0.0,
               "speaker_type_correct": 0.0, "matched": 0, "fresh2": {"skipped": "fresh2.json is missing"}}
    assert "  fresh check 2: skipped (fresh2.json is missing)" in format_quotes_table(figures)
