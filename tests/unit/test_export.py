"""JSON, CSV and table output of a CorpusReport (framing.export)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

import pytest

from framing.export import CSV_COLUMNS, SCHEMA_VERSION, csv_safe, report_to_dict, to_csv, to_json, to_table
from framing.pipeline import analyze_articles
from framing.types import Article, CorpusReport, SkippedInput

#: The JSON contract (export.py module docstring): these keys may gain siblings, never be renamed.
ARTICLE_KEYS = {
    "id", "outlet", "title", "date", "credit", "text", "removed", "word_count", "readability",
    "emphasis", "intensity", "tone", "sentences",
}
REMOVAL_KEYS = {"kind", "text", "reason", "start", "end"}
FRAME_KEYS = {"trade", "security", "diplomacy"}
SENTENCE_KEYS = {"start", "end", "text", "paragraph", "frames", "frame", "tone", "evidence"}
EVIDENCE_KEYS = {"term", "frame", "weight", "start", "end"}
OUTLET_KEYS = {"outlet", "articles", "emphasis", "intensity", "tone", "distinctive_terms"}
SKIPPED_KEYS = {"source", "reason"}

WIRE_TEXT = (
    "Tariffs on soybeans rose sharply. The trade talks were a failure.\n\n"
    "Troops and warships gathered, but diplomats praised the summit.\n\n"
    "Based On ANI Report"
)


@pytest.fixture(scope="module")
def report() -> CorpusReport:
    """Two outlets (one with two articles), a wire credit, a skipped file (read-only: shared by the module)."""
    articles = [
        Article(id="a1", outlet="Gazette", title="Tariffs", text=WIRE_TEXT, date="2025-11-24"),
        Article(id="b1", outlet="Herald", title="Troops", text="Troops moved to the border in a crisis. It was bad."),
        Article(id="a2", outlet="Gazette", title="Summit", text="The summit went well and talks were good."),
    ]
    skipped = (SkippedInput(source="broken.txt", reason="empty file"),)
    return analyze_articles(articles, skipped=skipped)


@pytest.fixture(scope="module")
def hostile_report() -> CorpusReport:
    """Text cells starting with spreadsheet formula characters, and a negative tone."""
    articles = [
        Article(id="=cmd|' /C calc'!A0", outlet="+Outlet", title="-2 dead in @crisis", credit="@wire",
                text="The crisis was a disaster and a tragedy. Tariffs rose."),
        Article(id="plain", outlet="@handle", title="=HYPERLINK(\"x\")", text="Troops moved."),
    ]
    return analyze_articles(articles)


# -- JSON -----------------------------------------------------------------------------------------


def test_to_json_schema_contract(report: CorpusReport) -> None:
    data = json.loads(to_json(report))
    assert {"articles", "outlets", "skipped"} <= set(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["articles"] and data["outlets"] and data["skipped"]
    removals = 0
    for article in data["articles"]:
        assert ARTICLE_KEYS <= set(article), ARTICLE_KEYS - set(article)
        assert set(article["emphasis"]) == FRAME_KEYS
        assert {"flesch_reading_ease", "grade_level", "words", "sentences"} <= set(article["readability"])
        for removal in article["removed"]:
            assert REMOVAL_KEYS <= set(removal)
            removals += 1
        assert article["sentences"]
        for sentence in article["sentences"]:
            assert SENTENCE_KEYS <= set(sentence)
            assert set(sentence["frames"]) == FRAME_KEYS
            for item in sentence["evidence"]:
                assert EVIDENCE_KEYS <= set(item)
    assert removals == 1
    for outlet in data["outlets"]:
        assert OUTLET_KEYS <= set(outlet)
        assert set(outlet["emphasis"]) == FRAME_KEYS
        for term in outlet["distinctive_terms"]:
            assert {"term", "z", "count"} <= set(term)
    for skipped in data["skipped"]:
        assert SKIPPED_KEYS <= set(skipped)


def test_to_json_values_match_report(report: CorpusReport) -> None:
    data = json.loads(to_json(report))
    assert [a["id"] for a in data["articles"]] == ["a1", "a2", "b1"]
    assert [(o["outlet"], o["articles"]) for o in data["outlets"]] == [("Gazette", ["a1", "a2"]), ("Herald", ["b1"])]
    assert data["articles"][0]["credit"] == "ANI"
    assert data["skipped"] == [{"source": "broken.txt", "reason": "empty file"}]


def test_to_json_is_byte_identical_for_same_input(make_article: Callable[..., Article]) -> None:
    def build() -> bytes:
        articles = [make_article(id="x", text=WIRE_TEXT), make_article(id="y", outlet="Other", text="Troops moved.")]
        return to_json(analyze_articles(articles)).encode("utf-8")

    assert build() == build()


def test_to_json_rounds_floats(report: CorpusReport) -> None:
    def floats(value: object) -> list[float]:
        if isinstance(value, float):
            return [value]
        if isinstance(value, dict):
            return [f for v in value.values() for f in floats(v)]
        if isinstance(value, list):
            return [f for v in value for f in floats(v)]
        return []

    values = floats(json.loads(to_json(report)))
    assert values and all(v == round(v, 4) for v in values)


def test_to_json_keeps_unicode_and_indent_option(make_article: Callable[..., Article]) -> None:
    report = analyze_articles([make_article(outlet="Zürich Zeitung", text="Les tarifs ont augmenté.")])
    compact = to_json(report, indent=None)
    assert "Zürich Zeitung" in compact
    assert compact.count("\n") == 1 and compact.endswith("\n")


def test_report_to_dict_round_trips_through_json(report: CorpusReport) -> None:
    assert json.loads(to_json(report)) == report_to_dict(report)


def test_report_to_dict_rounds_inside_any_dataclass_as_a_plain_walk_would() -> None:
    # Each dataclass type gets a converter written for its fields (export._dataclass_converter);
    # its values must be what a plain recursive walk gives: floats rounded (subclasses too, as
    # floats), bools kept as bools, containers and nested dataclasses walked.
    import dataclasses
    from types import MappingProxyType

    from framing.export import _rounded

    class Ratio(float):
        pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class Inner:
        share: float

    @dataclasses.dataclass(frozen=True)
    class Outer:
        label: str
        flag: bool
        count: int
        share: float
        odd: object
        inner: Inner
        scores: object
        spans: tuple[tuple[int, float], ...]
        missing: None = None

    value = Outer("x", True, 3, 0.123456, Ratio(2.000049), Inner(1 / 3),
                  MappingProxyType({"a": [0.55556, False], 7: None}), ((1, 0.99999),))
    assert _rounded(value) == {
        "label": "x", "flag": True, "count": 3, "share": 0.1235, "odd": 2.0, "inner": {"share": 0.3333},
        "scores": {"a": [0.5556, False], 7: None}, "spans": [[1, 1.0]], "missing": None,
    }
    converted = _rounded(value)
    assert isinstance(converted, dict)
    assert type(converted["flag"]) is bool and type(converted["odd"]) is float


# -- CSV ------------------------------------------------------------------------------------------


def test_to_csv_round_trips_through_dictreader(report: CorpusReport) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["level"], r["outlet"]) for r in rows] == [
        ("outlet", "Gazette"),
        ("outlet", "Herald"),
        ("article", "Gazette"),
        ("article", "Gazette"),
        ("article", "Herald"),
    ]
    by_id = {a.id: a for a in report.articles}
    for row in rows[2:]:
        article = by_id[row["id"]]
        assert row["title"] == article.title
        assert float(row["tone"]) == round(article.tone, 4)
        assert float(row["trade"]) == round(article.emphasis["trade"], 4)
        assert int(row["word_count"]) == article.word_count
    assert rows[2]["credit"] == "ANI" and rows[2]["removed"] == "1" and rows[2]["date"] == "2025-11-24"


def test_to_csv_outlet_rows_count_articles(report: CorpusReport) -> None:
    rows = [r for r in csv.DictReader(io.StringIO(to_csv(report))) if r["level"] == "outlet"]
    assert [(r["outlet"], r["articles"]) for r in rows] == [("Gazette", "2"), ("Herald", "1")]


def test_to_csv_neutralises_formula_cells(hostile_report: CorpusReport) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(hostile_report))))
    text_cells = [row[c] for row in rows for c in ("id", "outlet", "title", "credit") if row[c]]
    assert text_cells
    for cell in text_cells:
        assert not cell.startswith(("=", "+", "-", "@")), cell
    article = next(r for r in rows if r["level"] == "article" and r["title"].startswith("'-"))
    assert article["title"] == "'-2 dead in @crisis"
    assert article["outlet"] == "'+Outlet"
    assert article["credit"] == "'@wire"
    assert article["id"] == "'=cmd|' /C calc'!A0"


def test_to_csv_keeps_negative_numbers_as_numbers(hostile_report: CorpusReport) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(hostile_report))))
    tones = [row["tone"] for row in rows]
    negative = [t for t in tones if t.startswith("-")]
    assert negative, tones
    assert all(float(t) < 0 for t in negative)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=SUM(A1)", "'=SUM(A1)"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("\rx", "'\nx"),  # carriage return written as a line feed, still defused
        ("\nx", "'\nx"),
        ("a\r\nb", "a\nb"),
        ("Reuters", "Reuters"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_csv_safe_table(value: str, expected: str) -> None:
    assert csv_safe(value) == expected


# -- table ----------------------------------------------------------------------------------------


def test_to_table_mentions_every_outlet_and_skipped_file(report: CorpusReport) -> None:
    table = to_table(report)
    for outlet in report.outlets:
        assert outlet.outlet in table
    assert "SKIPPED (1)" in table
    assert "broken.txt: empty file" in table
    lexicon = f"{report.lexicon['name']} {report.lexicon['version']}"
    assert table.startswith(f"Framing Lens: 3 articles, 2 outlets; lexicon {lexicon}")


def test_to_table_lists_articles_and_evidence(report: CorpusReport) -> None:
    table = to_table(report)
    assert "ARTICLES" in table
    assert "a1 · Gazette · 2025-11-24 · credit ANI" in table
    assert "tariff x" in table


def test_to_table_cuts_long_names() -> None:
    name = "The Extraordinarily Long Name Of A Regional Newspaper"
    table = to_table(analyze_articles([Article(id="x", outlet=name, title="t", text="Tariffs rose.")]))
    lines = table.splitlines()
    first_row = lines[next(i for i, line in enumerate(lines) if line.startswith("----")) + 1]  # under the header
    assert first_row.startswith(name[:33] + "…")


@pytest.mark.parametrize(
    ("text", "level", "shows_range"),
    [
        ("The hospital opened a new ward for children on Monday.", "none", False),
        ("Tariffs rose. The school opened a library and a garden for the pupils on Monday morning.", "thin", False),
        ("Tariffs on steel imports rose as exporters feared a trade war. The trade talks on tariffs and export "
         "quotas stalled. Diplomats met at a summit to negotiate a trade agreement on tariffs.", "enough", True),
    ],
)
def test_to_table_says_when_evidence_is_too_thin(text: str, level: str, shows_range: bool) -> None:
    report = analyze_articles([Article(id="x", outlet="Gazette", title="t", text=text)])
    assert report.outlets[0].evidence_level == level
    outlet_rows = to_table(report).split("ARTICLES")[0]
    assert ("not enough frame evidence to compare" in outlet_rows) == (level != "enough")
    assert ("range:" in outlet_rows) == shows_range
    row = next(line for line in outlet_rows.splitlines() if line.startswith("Gazette"))
    assert level in row
    assert ("-      -      -" in row) == (level == "none")


def test_to_table_no_articles() -> None:
    report = CorpusReport(articles=(), outlets=(), skipped=(SkippedInput("a.pdf", "binary file"),))
    table = to_table(report)
    assert "a.pdf: binary file" in table
    assert table.rstrip().endswith("No article could be analysed.")


def test_csv_says_how_sure_each_row_is(report: CorpusReport) -> None:
    # session 14: the spreadsheet had shares and tones but not the evidence level, the dominant frame
    # or the 95% intervals the summaries are worded from
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    items = [*report.outlets, *report.articles]
    for row, item in zip(rows, items, strict=True):
        assert row["evidence_level"] == item.evidence_level
        assert row["dominant_frame"] == (item.dominant_frame or "")
        for frame in ("trade", "security", "diplomacy"):
            low, high = item.emphasis_ci[frame]
            assert (float(row[f"{frame}_low"]), float(row[f"{frame}_high"])) == (round(low, 4), round(high, 4))
        assert (float(row["tone_low"]), float(row["tone_high"])) == tuple(round(v, 4) for v in item.tone_ci)
    outlet_rows = rows[: len(report.outlets)]
    assert all(r["dominant_support"] == ("" if o.dominant_support is None else str(round(o.dominant_support, 4)))
               for r, o in zip(outlet_rows, report.outlets))
    assert all(r["dominant_support"] == "" for r in rows[len(report.outlets):])
