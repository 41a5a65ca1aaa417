"""Tests of framing.corpus: formats, encodings, rejections (with their exact reasons), ids, folders."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from framing.corpus import article_from_text, load_bytes, load_paths, merge_load_results, normalise_date
from framing.errors import CorpusError
from framing.types import Article, LoadResult, SkippedInput

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
SEEDS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# Tiny texts of our own (never benchmark text).
BODY = (
    "Ministers met in Geneva on Monday. They agreed to talk again in spring.\n\nA second paragraph follows."
)
FIRST_SENTENCE = "Ministers met in Geneva on Monday."
ACCENTED = "Café owners in Zürich said the “new rules” cost them 5 € \u2013 naïve, said one."

FRONT_MATTER_DOC = """---
outlet: Example Gazette
title: "Talks resume: a summary"
date: 24 November 2025
url: https://example.org/talks
credit: Example Wire
id: talks-01
unknown_key: ignored
---

Ministers met in Geneva on Monday.
"""

SEED_DATE_OWN_LINE = " date 2025-11-25 \n\n\n\nMinisters met in Geneva on Monday.\n\n\n"
SEED_DATE_RUN_IN = " date 2025-11-24 Ministers met in Geneva on Monday.\n\nThey agreed to talk again."

CSV_DOC = (
    "outlet,title,date,url,text,id,credit\n"
    'Example Gazette,Talks,2025-11-24,https://example.org/a,"Ministers met.\nThey talked, at length.",,Wire\n'
    ",No outlet,not a date,,Second body.,custom-id,\n"
)

HTML_DOC = """<!DOCTYPE html>
<html><head>
<title>Ministers meet in Geneva</title>
<meta property="og:site_name" content="Example Gazette">
<meta property="og:title" content="Ministers meet in Geneva">
<meta property="article:published_time" content="2025-11-24T09:00:00Z">
<link rel="canonical" href="https://example.org/geneva">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<p>Ministers met in Geneva on Monday to discuss the trade dispute that has dragged on for a year.</p>
<p>Both delegations said the talks were useful and agreed to meet again in the spring in Vienna.</p>
<p>Officials declined to give details of the proposals exchanged during the six-hour session.</p>
</article>
<footer>Copyright Example Gazette</footer>
</body></html>
"""

HTML_NO_BODY = "<html><head><title>Empty</title></head><body><div></div></body></html>"

PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
BINARY_WITH_NULS = b"GARBAGE\x00\x00\x00\x01\x02\x03\x00\xff\xfe\x00\x10\x00\x00\x00"
# 0x81 and 0x8D are undefined in cp1252 and make no valid UTF-8 either.
UNDECODABLE = b"\x81\x8d\x81\x8d\x81\x8d"


def _reasons(result: LoadResult) -> list[str]:
    return [skip.reason for skip in result.skipped]


def _only_article(result: LoadResult) -> Article:
    assert result.skipped == ()
    assert len(result.articles) == 1
    return result.articles[0]


# --------------------------------------------------------------------------- rejections


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\r\n  ", "only whitespace"),
        ("blank16.txt", codecs.BOM_UTF16_LE + " \n ".encode("utf-16-le"), "only whitespace"),
        ("image.txt", PNG_BYTES, "binary file (looks like PNG image), not text"),
        ("binary.txt", BINARY_WITH_NULS, "binary file (contains NUL bytes), not text"),
        ("report.txt", PDF_BYTES, "binary file (looks like PDF), not text"),
        ("report.md", PDF_BYTES, "binary file (looks like PDF), not text"),
        (
            "doc.txt",
            b"PK\x03\x04\x14\x00",
            "binary file (looks like ZIP archive, e.g. .docx or .xlsx), not text",
        ),
        ("controls.txt", b"\x01\x02\x03\x04abc", "binary file (control characters), not text"),
        ("bad.txt", UNDECODABLE, "cannot decode as UTF-8, UTF-16 or cp1252; save the file as UTF-8"),
        (
            "cut16.txt",
            codecs.BOM_UTF16_LE + "Ministers met.".encode("utf-16-le")[:-1],
            "cannot decode as UTF-16-LE: odd number of bytes (27), the file looks truncated",
        ),
        (
            "cut16be.txt",
            codecs.BOM_UTF16_BE + "Ministers met.".encode("utf-16-be")[:-1],
            "cannot decode as UTF-16-BE: odd number of bytes (27), the file looks truncated",
        ),
        (
            "lone-surrogate.txt",
            codecs.BOM_UTF16_LE + b"A\x00\x00\xd8B\x00",
            "cannot decode as UTF-16-LE: illegal UTF-16 surrogate at byte 2",
        ),
        (
            "bad-after-bom.txt",
            codecs.BOM_UTF8 + b"ok \xff",
            "cannot decode as UTF-8: invalid start byte at byte 3",
        ),
        ("page.html", HTML_NO_BODY.encode(), "no article text found in the HTML"),
        (
            "page.htm",
            b"<html><body><script>var x = 1;</script></body></html>",
            "no article text found in the HTML",
        ),
        (
            "only-front.md",
            b"---\noutlet: X\n---\n\n  \n",
            "no article text after the front matter / date line",
        ),
        ("only-date.txt", b" date 2025-11-24 \n\n", "no article text after the front matter / date line"),
        (
            "unclosed.md",
            b"---\noutlet: X\nMinisters met.\n",
            "front matter opened with '---' on line 1 is never closed; add a '---' line after it",
        ),
        (
            "badyaml.md",
            b"---\noutlet: [unclosed\n---\nBody.\n",
            "invalid front matter at line 3: expected ',' or ']', but got '<stream end>'",
        ),
        (
            "listyaml.md",
            b"---\n- a\n- b\n---\nBody.\n",
            "front matter must be 'key: value' lines, got a YAML list",
        ),
        (
            "notes.docx",
            b"Ministers met.",
            "unsupported file type '.docx' (supported: .csv, .htm, .html, .jsonl, .md, .txt)",
        ),
        ("README", b"Ministers met.", "no file extension (supported: .csv, .htm, .html, .jsonl, .md, .txt)"),
        ("nocol.csv", b"outlet,title\nA,B\n", "missing column 'text' (columns found: 'outlet', 'title')"),
        ("header-only.csv", b"outlet,text\n", "no data rows (only a header)"),
    ],
)
def test_load_bytes_rejects_file_with_exact_reason(name: str, data: bytes, reason: str) -> None:
    result = load_bytes(name, data)
    assert result.articles == ()
    assert result.skipped == (SkippedInput(source=name, reason=reason),)


def test_load_bytes_rejects_str_data() -> None:
    with pytest.raises(TypeError, match="load_bytes expects bytes, got str; encode the text first"):
        load_bytes("a.txt", "Ministers met.")  # type: ignore[arg-type]


@pytest.mark.parametrize("paths", ["data", Path("data"), b"data"])
def test_load_paths_rejects_single_path(paths: str | Path | bytes) -> None:
    with pytest.raises(
        TypeError, match=r"load_paths expects a sequence of paths, got a single .* wrap it in a list"
    ):
        load_paths(paths)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n\t\r\n"])
def test_article_from_text_rejects_empty_text(text: str) -> None:
    with pytest.raises(CorpusError, match=r"^the pasted text is empty; paste the article body$"):
        article_from_text(text, outlet="Example Gazette")


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8", ACCENTED.encode("utf-8")),
        ("utf-8 with BOM", codecs.BOM_UTF8 + ACCENTED.encode("utf-8")),
        ("utf-16 LE with BOM", codecs.BOM_UTF16_LE + ACCENTED.encode("utf-16-le")),
        ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + ACCENTED.encode("utf-16-be")),
        ("utf-16 LE without BOM", ACCENTED.encode("utf-16-le")),
        ("utf-16 BE without BOM", ACCENTED.encode("utf-16-be")),
        ("utf-32 LE with BOM", codecs.BOM_UTF32_LE + ACCENTED.encode("utf-32-le")),
        ("cp1252", ACCENTED.encode("cp1252")),
        ("cp1252 short", "café".encode("cp1252")),
    ],
)
def test_load_paths_decodes_each_encoding(tmp_path: Path, label: str, data: bytes) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    article = _only_article(load_paths([path]))
    expected = "café" if label == "cp1252 short" else ACCENTED
    assert article.text == expected, label


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_load_bytes_normalises_newlines(newline: str) -> None:
    data = BODY.replace("\n", newline).encode("utf-8")
    assert _only_article(load_bytes("story.txt", data)).text == BODY


def test_load_bytes_keeps_body_as_written_apart_from_outer_whitespace() -> None:
    raw = "\n\n  Read more here.  Subscribe now!\n\nMinisters met.   \n\n"
    assert (
        _only_article(load_bytes("story.txt", raw.encode())).text
        == "Read more here.  Subscribe now!\n\nMinisters met."
    )


# --------------------------------------------------------------------------- plain text and markdown


def test_load_bytes_reads_front_matter() -> None:
    article = _only_article(load_bytes("talks.md", FRONT_MATTER_DOC.encode()))
    assert article == Article(
        id="talks-01",
        outlet="Example Gazette",
        title="Talks resume: a summary",
        text="Ministers met in Geneva on Monday.",
        date="2025-11-24",
        url="https://example.org/talks",
        credit="Example Wire",
        source="talks.md",
    )


@pytest.mark.parametrize(
    ("front_matter", "field", "expected"),
    [
        ("id: 007", "id", "007"),
        ("date: 2025-13-45", "date", None),
        ("date: 2025-11-24", "date", "2025-11-24"),
        ("title: yes", "title", "yes"),
        ("outlet: ''", "outlet", "Unknown outlet (story)"),
        ("url:", "url", None),
        ("outlet: [a, b]", "outlet", "Unknown outlet (story)"),
    ],
)
def test_load_bytes_front_matter_values_are_text(front_matter: str, field: str, expected: str | None) -> None:
    data = f"---\n{front_matter}\n---\nMinisters met.\n".encode()
    article = _only_article(load_bytes("story.md", data))
    assert getattr(article, field) == expected


def test_load_bytes_empty_front_matter_uses_defaults() -> None:
    article = _only_article(load_bytes("story.txt", b"---\n---\nMinisters met. More.\n"))
    assert (article.id, article.outlet, article.title, article.date) == (
        "story",
        "Unknown outlet (story)",
        "Ministers met.",
        None,
    )


@pytest.mark.parametrize(
    ("raw", "date", "text"),
    [
        (SEED_DATE_OWN_LINE, "2025-11-25", "Ministers met in Geneva on Monday."),
        (SEED_DATE_RUN_IN, "2025-11-24", "Ministers met in Geneva on Monday.\n\nThey agreed to talk again."),
        ("date 2025-11-24\nMinisters met.", "2025-11-24", "Ministers met."),
        (" date 2025-02-30 Ministers met.", None, "Ministers met."),
        ("Update 2025-11-24 Ministers met.", None, "Update 2025-11-24 Ministers met."),
        (" date 2025-11-24x Ministers met.", None, "date 2025-11-24x Ministers met."),
    ],
)
def test_load_bytes_takes_out_seed_date_line(raw: str, date: str | None, text: str) -> None:
    article = _only_article(load_bytes("seed.txt", raw.encode()))
    assert (article.date, article.text) == (date, text)


def test_load_bytes_front_matter_wins_over_seed_date_line() -> None:
    # Issue 10: the stamp behind front matter is stripped too; the front matter's date wins.
    raw = "---\ndate: 2025-01-02\n---\n date 2025-11-24 Ministers met."
    article = _only_article(load_bytes("story.md", raw.encode()))
    assert (article.date, article.text) == ("2025-01-02", "Ministers met.")


def test_load_bytes_seed_date_line_behind_front_matter_gives_the_date() -> None:
    raw = "---\noutlet: Example Post\n---\n date 2025-11-24 Ministers met."
    article = _only_article(load_bytes("story.md", raw.encode()))
    assert (article.outlet, article.date, article.text) == ("Example Post", "2025-11-24", "Ministers met.")


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (BODY, FIRST_SENTENCE),
        ("Ministers met\nin Geneva.", "Ministers met"),
        ("Is this the end? Perhaps not.", "Is this the end?"),
        ("word " * 40, "word " * 15 + "word…"),
        ("x" * 100, "x" * 79 + "…"),
    ],
)
def test_load_bytes_derives_title_from_first_sentence(body: str, title: str) -> None:
    assert _only_article(load_bytes("story.txt", body.encode())).title == title


def test_load_bytes_unknown_outlets_stay_apart() -> None:
    first = _only_article(load_bytes("one.txt", b"Ministers met."))
    second = _only_article(load_bytes("two.txt", b"Ministers met."))
    assert (first.outlet, second.outlet) == ("Unknown outlet (one)", "Unknown outlet (two)")


# --------------------------------------------------------------------------- CSV and JSONL


def test_load_bytes_reads_csv_rows_with_embedded_newlines() -> None:
    result = load_bytes("feed.csv", CSV_DOC.encode())
    assert result.skipped == ()
    first, second = result.articles
    assert first == Article(
        id="feed-row2",
        outlet="Example Gazette",
        title="Talks",
        text="Ministers met.\nThey talked, at length.",
        date="2025-11-24",
        url="https://example.org/a",
        credit="Wire",
        source="feed.csv row 2",
    )
    assert (second.id, second.outlet, second.date, second.text) == (
        "custom-id",
        "Unknown outlet (feed)",
        None,
        "Second body.",
    )


def test_load_bytes_csv_skips_empty_text_rows_only() -> None:
    data = "Text,Outlet\nFirst body.,A\n  ,B\nThird body.,C\n,D\n".encode("utf-8-sig")
    result = load_bytes("feed.csv", data)
    assert [a.text for a in result.articles] == ["First body.", "Third body."]
    assert result.skipped == (
        SkippedInput(source="feed.csv row 3", reason="row 3: empty text"),
        SkippedInput(source="feed.csv row 5", reason="row 5: empty text"),
    )


def test_load_bytes_csv_reads_a_header_field_over_the_csv_modules_default_limit() -> None:
    # Over 131,072 characters was "CSV error in the header" before (issue 12: the limit is raised).
    result = load_bytes("feed.csv", b'"' + b"x" * 200_000 + b'",text\nA,Body.\n')
    assert [a.text for a in result.articles] == ["Body."] and result.skipped == ()


def test_load_bytes_csv_row_with_extra_values_is_skipped_not_cut_short() -> None:
    data = b"outlet,title,text\nA,T,Tariffs rose, then fell.\nB,T2,Troops moved.\nC,T3,Talks resumed.,,\n"
    result = load_bytes("feed.csv", data)
    assert [a.outlet for a in result.articles] == ["B", "C"]  # trailing empty values are tolerated
    assert result.skipped == (SkippedInput(
        "feed.csv row 2",
        "row 2: 4 values but the header has 3 columns; put text that contains commas in double quotes",
    ),)


def test_load_bytes_mixed_encodings_name_the_line_and_other_files_load() -> None:
    mixed = "Café talks.\nSecond line.\n".encode() + "Naïve third.".encode("cp1252")
    result = merge_load_results([load_bytes("mixed.txt", mixed), load_bytes("good.txt", b"Tariffs rose.")])
    assert [a.id for a in result.articles] == ["good"]
    assert result.skipped == (SkippedInput(
        "mixed.txt",
        "mixed encodings: UTF-8 text with a byte that is not UTF-8 (0xEF) on line 3; save the whole file as UTF-8",
    ),)


@pytest.mark.parametrize("cut", [1, 2])
def test_load_bytes_utf8_cut_inside_its_last_character_loads_with_a_replacement_mark(cut: int) -> None:
    # A download cut short mid-character was refused as "mixed encodings ... (0xE2) on line 1".
    text = "The envoy\u2019s team met in Z\u00fcrich to discuss the \u201ctrade war\u201d"
    article = _only_article(load_bytes("cut.txt", text.encode()[:-cut]))
    assert article.text == text[:-1] + "\ufffd"


def test_load_bytes_cp1252_ending_in_an_accent_is_still_cp1252() -> None:
    assert _only_article(load_bytes("old.txt", "Tariffs hit the caf\u00e9".encode("cp1252"))).text == "Tariffs hit the caf\u00e9"


def test_load_bytes_pure_cp1252_still_loads() -> None:
    assert _only_article(load_bytes("old.txt", "Naïve café.".encode("cp1252"))).text == "Naïve café."


def test_load_bytes_csv_short_row_counts_as_empty_text() -> None:
    result = load_bytes("feed.csv", b"outlet,text\nA\nB,Body.\n")
    assert [a.outlet for a in result.articles] == ["B"]
    assert _reasons(result) == ["row 2: empty text"]


def test_load_bytes_csv_reads_a_field_over_the_csv_modules_default_limit() -> None:
    # "row 3: CSV error: field larger than field limit (131072); the rest of the file was not read"
    # before (issue 12): the row and the rows after it are read; the pipeline cuts the long one.
    huge = "x" * 200_000
    result = load_bytes("feed.csv", f"text\nFirst body.\n{huge}\nLast body.\n".encode())
    assert [a.text for a in result.articles] == ["First body.", huge, "Last body."]
    assert result.skipped == ()


def test_load_bytes_jsonl_skips_only_broken_lines() -> None:
    lines = [
        '{"outlet": "A", "text": "First body.", "date": "2025-11-24"}',
        "",
        '{"outlet": "B", "text": "Second body."',
        "[1, 2]",
        '{"TEXT": "Third body.", "Title": "Third"}',
        '{"outlet": "C"}',
        '{"text": 5}',
        '{"text": "  "}',
        "1" * 5000,
    ]
    result = load_bytes("feed.jsonl", "\n".join(lines).encode())
    assert [(a.id, a.outlet, a.title, a.text) for a in result.articles] == [
        ("feed-line1", "A", "First body.", "First body."),
        ("feed-line5", "Unknown outlet (feed)", "Third", "Third body."),
    ]
    assert result.skipped == (
        SkippedInput("feed.jsonl line 3", "line 3: invalid JSON: Expecting ',' delimiter (column 39)"),
        SkippedInput("feed.jsonl line 4", "line 4: expected a JSON object, got list"),
        SkippedInput("feed.jsonl line 6", "line 6: missing key 'text' (keys found: 'outlet')"),
        SkippedInput("feed.jsonl line 7", "line 7: 'text' must be a string, got int"),
        SkippedInput("feed.jsonl line 8", "line 8: empty text"),
        SkippedInput(
            "feed.jsonl line 9",
            "line 9: invalid JSON: Exceeds the limit (4300 digits) for integer string conversion: "
            "value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit",
        ),
    )


# --------------------------------------------------------------------------- HTML


@pytest.mark.parametrize("suffix", [".html", ".htm", ".HTML"])
def test_load_bytes_extracts_html_text_and_metadata(suffix: str) -> None:
    article = _only_article(load_bytes(f"page{suffix}", HTML_DOC.encode()))
    assert article.text.startswith("Ministers met in Geneva on Monday")
    assert "Officials declined" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert (article.outlet, article.title, article.date, article.url, article.id) == (
        "Example Gazette",
        "Ministers meet in Geneva",
        "2025-11-24",
        "https://example.org/geneva",
        "page",
    )


def test_load_bytes_html_without_metadata_uses_defaults() -> None:
    html = "<html><body><article>" + "<p>Ministers met in Geneva on Monday to talk about trade.</p>" * 4
    article = _only_article(load_bytes("page.html", (html + "</article></body></html>").encode()))
    assert (article.outlet, article.title, article.url) == (
        "Unknown outlet (page)",
        "Ministers met in Geneva on Monday to talk about trade.",
        None,
    )


def test_load_bytes_html_in_cp1252_with_xml_declaration() -> None:
    html = '<?xml version="1.0" encoding="windows-1252"?>' + HTML_DOC.replace("Geneva on", "Genève on")
    article = _only_article(load_bytes("page.html", html.encode("cp1252")))
    assert article.text.startswith("Ministers met in Genève on Monday")


# --------------------------------------------------------------------------- files and folders


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_load_paths_recurses_folders_in_sorted_order(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", b"Body b.")
    _write(tmp_path / "a" / "z.md", b"Body a/z.")
    _write(tmp_path / "a" / "c.TXT", b"Body a/c.")
    _write(tmp_path / "c.csv", b"text\nBody c row.\n")
    _write(tmp_path / "ignored.docx", b"not read")
    _write(tmp_path / "README.md", b"Documentation.")
    _write(tmp_path / ".hidden.txt", b"Hidden.")
    _write(tmp_path / ".cache" / "x.txt", b"Hidden folder.")
    result = load_paths([tmp_path])
    assert result.skipped == ()
    assert [a.text for a in result.articles] == ["Body a/c.", "Body a/z.", "Body b.", "Body c row."]
    assert result.articles[0].source == str(tmp_path / "a" / "c.TXT")


def test_load_paths_loads_each_file_once(tmp_path: Path) -> None:
    path = _write(tmp_path / "a.txt", b"Body a.")
    result = load_paths([path, tmp_path, str(path)])
    assert [a.id for a in result.articles] == ["a"]


def test_load_paths_reports_missing_and_unsupported_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    named = _write(tmp_path / "notes.docx", b"Body.")
    good = _write(tmp_path / "good.txt", b"Body.")
    result = load_paths([missing, named, good])
    assert [a.id for a in result.articles] == ["good"]
    assert result.skipped == (
        SkippedInput(str(missing), "file not found"),
        SkippedInput(
            str(named), "unsupported file type '.docx' (supported: .csv, .htm, .html, .jsonl, .md, .txt)"
        ),
    )


def test_load_paths_one_bad_file_never_sinks_the_others(tmp_path: Path) -> None:
    _write(tmp_path / "1.txt", b"First body.")
    _write(tmp_path / "2.txt", b"")
    _write(tmp_path / "3.txt", PDF_BYTES)
    _write(tmp_path / "4.csv", b"title\nx\n")
    _write(tmp_path / "5.jsonl", b"{broken\n")
    _write(tmp_path / "6.html", HTML_NO_BODY.encode())
    _write(tmp_path / "7.txt", UNDECODABLE)
    _write(tmp_path / "8.md", b"Last body.")
    result = load_paths([tmp_path])
    assert [a.text for a in result.articles] == ["First body.", "Last body."]
    assert [Path(s.source).name for s in result.skipped] == [
        "2.txt",
        "3.txt",
        "4.csv",
        "5.jsonl line 1",
        "6.html",
        "7.txt",
    ]


def test_load_paths_makes_ids_unique(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "story.txt", b"One.")
    _write(tmp_path / "b" / "story.txt", b"Two.")
    _write(tmp_path / "c" / "story.md", b"---\nid: story-2\n---\nThree.")
    _write(tmp_path / "d.csv", b"id,text\nstory,Four.\nstory,Five.\n")
    result = load_paths([tmp_path])
    assert [a.id for a in result.articles] == ["story", "story-2", "story-2-2", "story-3", "story-4"]
    assert len({a.id for a in result.articles}) == 5


def test_load_paths_bundled_data_has_five_seed_articles() -> None:
    result = load_paths([DATA_DIR])
    assert result.skipped == ()
    assert [(a.id[:3], a.outlet, a.date) for a in result.articles] == [
        ("000", "ANI wire reprint", "2025-11-25"),
        ("001", "Unnamed outlet", "2025-11-24"),
        ("002", "The Diplomatic Insight", None),
        ("003", "Unnamed aggregator", "2025-11-24"),
        ("004", "The Independent", "2025-11-24"),
    ]
    assert all(a.title and a.url is None and a.credit is None for a in result.articles)
    assert result.articles[0].text.endswith("Based On ANI Report")
    assert result.articles[4].text.startswith("Your support helps us to tell the story")


def test_load_paths_bundled_data_bodies_match_the_seeds() -> None:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"seed folder {SEEDS_DIR} is not present on this machine")
    data = load_paths([DATA_DIR]).articles
    seeds = load_paths(sorted(SEEDS_DIR.glob("*.txt"))).articles
    assert [(a.id, a.date, a.text) for a in data] == [(s.id, s.date, s.text) for s in seeds]


# --------------------------------------------------------------------------- pasted text and dates


def test_article_from_text_fills_defaults() -> None:
    article = article_from_text(f"  {BODY}\r\n", outlet="  ", date="not a date")
    assert article.text == BODY
    assert article.title == FIRST_SENTENCE
    assert article.id.startswith("pasted-") and len(article.id) == len("pasted-") + 12
    assert article.outlet == f"Unknown outlet ({article.id})"
    assert (article.date, article.url, article.source) == (None, None, "pasted text")
    assert article_from_text(BODY, outlet="X").id == article.id


def test_article_from_text_keeps_given_fields() -> None:
    article = article_from_text(
        BODY,
        outlet="Example Gazette",
        title="Talks",
        date="2025-11-24T10:00:00Z",
        url="https://example.org",
        id="mine",
    )
    assert (article.id, article.outlet, article.title, article.date, article.url) == (
        "mine",
        "Example Gazette",
        "Talks",
        "2025-11-24",
        "https://example.org",
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-11-24", "2025-11-24"),
        ("20251124", "2025-11-24"),
        ("2025-11-24T23:30:00-05:00", "2025-11-24"),
        ("2025-11-24T10:00:00Z", "2025-11-24"),
        ("2025/11/24", "2025-11-24"),
        ("24 November 2025", "2025-11-24"),
        ("24 Nov 2025", "2025-11-24"),
        ("November 24, 2025", "2025-11-24"),
        ("Nov 24 2025", "2025-11-24"),
        ("  2025-11-24  ", "2025-11-24"),
        ("2025-02-30", None),
        ("11/24/2025", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date_gives_iso_or_none(value: str | None, expected: str | None) -> None:
    assert normalise_date(value) == expected


# Non-regression, issue 5 (found by the whole-pipeline fuzz test): escapes in JSON and YAML can
# spell lone UTF-16 surrogates and line breaks inside labels; both broke the HTML report and CSV.


def test_load_bytes_jsonl_escaped_surrogates_become_valid_unicode() -> None:
    line = b'{"outlet": "Post \\ud83d\\ude00", "title": "Half \\ud800", "text": "Talks \\udc00 resumed."}'
    article = load_bytes("feed.jsonl", line).articles[0]
    assert (article.outlet, article.title, article.text) == ("Post \U0001f600", "Half \ufffd", "Talks \ufffd resumed.")
    article.text.encode("utf-8")  # would raise on a lone surrogate


def test_load_bytes_front_matter_labels_are_one_line() -> None:
    data = b'---\noutlet: "Daily\\r\\nPost"\ntitle: "Two\\rlines\\tand  tabs"\n---\nTariffs rose.'
    article = load_bytes("story.md", data).articles[0]
    assert (article.outlet, article.title) == ("Daily Post", "Two lines and tabs")


def test_article_from_text_lone_surrogate_in_paste_is_replaced() -> None:
    article = article_from_text("Tariffs \ud800 rose.", outlet="X")
    assert article.text == "Tariffs \ufffd rose." and article.id.startswith("pasted-")


@pytest.mark.parametrize(("text", "title"), [
    ("# Talks resume in Geneva\n\nBoth sides met on Monday.", "Talks resume in Geneva"),
    ("## Talks resume in Geneva ##\n\nBoth sides met on Monday.", "Talks resume in Geneva"),
    ("#5 on the agenda: tariffs. Both sides met.", "#5 on the agenda: tariffs."),
])
def test_title_from_a_markdown_heading_drops_the_heading_marks(text: str, title: str) -> None:
    """A pasted or uploaded Markdown article without a title shows "Talks…", not "# Talks…" (seen in session 11)."""
    assert article_from_text(text, outlet="Example Times").title == title
    assert load_bytes("a.md", text.encode()).articles[0].title == title


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # a wire dateline says where and when, not what: the title is the story's first sentence
        ("ARDEN, March 3.\n\nThe two ministers met for four hours.", "The two ministers met for four hours."),
        ("ARDEN, March 3. The two ministers met for four hours. They parted.", "The two ministers met for four hours."),
        ("ARDEN, March 3 (Wire) - The two ministers met.", "The two ministers met."),
        ("ARDEN (Wire) — The two ministers met.", "The two ministers met."),
        ("NEW ARDEN, Borovia, March 3, 2015 /Wire/.\nThe two ministers met.", "The two ministers met."),
        # traps: a headline that opens with capitals is no dateline
        ("US - Borovia talks resume. More soon.", "US - Borovia talks resume."),
        ("NATO, EU - a summit ends.", "NATO, EU - a summit ends."),
        ("ARDEN, March 3.", "ARDEN, March 3."),  # nothing else to take
    ],
)
def test_a_dateline_opening_the_body_is_not_the_title(body: str, title: str) -> None:
    assert load_bytes("wire.txt", body.encode()).articles[0].title == title
