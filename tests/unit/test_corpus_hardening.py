"""Issue 12: inputs that crashed a load or lost data silently, and the dashboard's load budget."""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura

from framing.corpus import load_bytes, load_paths
from framing.limits import LoadBudget
from ui.corpus import load_uploads

# Own text, never benchmark text.
PARAGRAPH = ("<p>Ministers met in Geneva on Monday to discuss the trade dispute that has dragged on "
             "for a year and more.</p>")
SENTENCE = "Ministers met in Geneva on Monday to discuss the trade dispute"
FIRST_ELEMENTS = ("svg", "math", "video", "audio", "object", "embed", "canvas", "picture")


@pytest.mark.parametrize("tag", FIRST_ELEMENTS)
@pytest.mark.parametrize("shape", [
    "<{tag}>x<html><body>{p}</body></html></{tag}>",
    "<{tag}>x<html>y</html></{tag}>{p}",
    "<{tag}>x<body>{p}</body>",
])
def test_html_whose_first_element_is_media_loads(tag: str, shape: str) -> None:
    html = shape.format(tag=tag, p=PARAGRAPH)
    result = load_bytes("page.html", html.encode())  # raised lxml's AssertionError before
    # An <svg> left open before the page was a skip ("no article text found"): see the breakout test.
    assert result.skipped == ()
    assert SENTENCE in result.articles[0].text


@pytest.mark.parametrize("shape", [
    "<svg>{p}", "<svg><b>{p}", "<svg><source src=a>{p}", "<html><body><svg><b>{p}</body></html>",
    "<svg><g><rect/><p>Lead words of the page.</p></g></svg>{p}", "<math>{p}", "<svg><svg>{p}",
    "<svg><font color=red>{p}", "<svg><embed></embed></svg>\x1f{p}",  # found by the HTML fuzz: lxml refused \x1f
])
def test_an_open_svg_or_math_ends_where_a_browser_ends_it(shape: str) -> None:
    # HTML5: a start tag such as <p>, <b> or <div> inside SVG or MathML closes the foreign element, and
    # a browser shows the text after it. libxml2 kept it inside <svg>, which trafilatura drops.
    result = load_bytes("page.html", shape.format(p=PARAGRAPH).encode())
    assert result.skipped == ()
    assert SENTENCE in result.articles[0].text


def test_text_inside_svg_itself_stays_out_of_the_article() -> None:
    from framing.corpus import _html_tree

    tree = _html_tree("<svg><text>Chart label</text><title>Icon</title><font>x</font></svg>" + PARAGRAPH)
    (svg,) = tree.xpath("//svg")
    assert [child.tag for child in svg] == ["text", "title", "font"]  # no breakout: all stay inside
    assert svg.getnext().tag == "p"


@pytest.mark.parametrize("depth", [254, 255, 256, 300, 1000])
def test_deeply_nested_html_keeps_its_text(depth: int) -> None:
    html = "<div>" * depth + PARAGRAPH + "</div>" * depth
    result = load_bytes("deep.html", html.encode())  # "no article text found" from 255 before
    assert result.skipped == ()
    assert SENTENCE in result.articles[0].text


@pytest.mark.parametrize("error", [AssertionError(), RecursionError("maximum recursion depth exceeded"),
                                   ValueError("odd tree"), TypeError("NoneType")])
def test_a_parser_exception_skips_that_file_only(
    error: Exception, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*args: object, **kwargs: object) -> str:
        raise error

    monkeypatch.setattr(trafilatura, "extract", broken)
    (tmp_path / "bad.html").write_text(f"<html><body>{PARAGRAPH}</body></html>")
    (tmp_path / "good.txt").write_text("Ministers met in Geneva on Monday.")
    for result in (load_paths([tmp_path]),
                   load_uploads([("bad.html", (tmp_path / "bad.html").read_bytes()),
                                 ("good.txt", (tmp_path / "good.txt").read_bytes())])):
        assert [a.text for a in result.articles] == ["Ministers met in Geneva on Monday."]
        (skip,) = result.skipped
        assert skip.source.endswith("bad.html")
        assert skip.reason.startswith(f"the HTML reader failed on this file ({type(error).__name__}")


def test_a_parser_exception_in_the_cli_is_a_skip_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from framing.cli import main

    def broken(*args: object, **kwargs: object) -> str:
        raise AssertionError

    monkeypatch.setattr(trafilatura, "extract", broken)
    (tmp_path / "bad.html").write_text(f"<html><body>{PARAGRAPH}</body></html>")
    (tmp_path / "good.txt").write_text("Ministers met in Geneva on Monday.")
    assert main(["analyze", str(tmp_path), "--format", "csv"]) == 1
    captured = capsys.readouterr()
    assert "bad.html: the HTML reader failed on this file (AssertionError)" in captured.err
    assert "Ministers met in Geneva" not in captured.err and "good" in captured.out


CSV_WITH_NUL = b"outlet,text\nA,First text.\nB,Sec\x00ond text.\nC,Third text.\n"


@pytest.mark.parametrize(("name", "data", "where"), [
    ("rows.csv", CSV_WITH_NUL, "row 3"),
    ("rows.csv", b"\xef\xbb\xbf" + CSV_WITH_NUL, "row 3"),
    ("rows.jsonl", b'{"outlet": "A", "text": "First text."}\n{"outlet": "B", "text": "Sec\x00ond"}\n'
                   b'{"outlet": "C", "text": "Third text."}\n', "line 2"),
])
def test_one_nul_byte_costs_one_row_not_the_file(name: str, data: bytes, where: str) -> None:
    result = load_bytes(name, data)  # "binary file (contains NUL bytes)" for the whole file before
    assert [a.outlet for a in result.articles] == ["A", "C"]
    (skip,) = result.skipped
    assert skip.source == f"{name} {where}"
    assert skip.reason.startswith(f"{where}: contains a NUL byte")


@pytest.mark.parametrize(("name", "data"), [
    ("story.txt", b"One NUL\x00 in a plain text file."),
    ("rows.csv", b"outlet,text\n" + b"A,\x00\x00\x00\x00 x\n" * 20),
])
def test_nul_bytes_still_mean_binary_outside_a_few_stray_ones(name: str, data: bytes) -> None:
    assert "binary file" in load_bytes(name, data).skipped[0].reason


@pytest.mark.parametrize("header", ["outlet,text,title,text", "Text,outlet, TEXT ", "text,outlet,outlet"])
def test_a_column_named_twice_is_a_clear_error(header: str) -> None:
    data = (header + "\nx,y,z,w\n").encode()
    (skip,) = load_bytes("two.csv", data).skipped
    assert "appears 2 times (columns" in skip.reason and "rename or delete the others" in skip.reason


def test_a_byte_order_mark_inside_a_csv_is_dropped() -> None:
    # Two exported files pasted together: the second one's BOM lands at the start of a row.
    data = "\ufeffoutlet,text\nA,First text.\n\ufeffB,Second text.\n".encode()
    result = load_bytes("joined.csv", data)  # outlet "\ufeffB" before
    assert [a.outlet for a in result.articles] == ["A", "B"]


@pytest.mark.parametrize(("decomposed", "composed"), [
    ("cafe\u0301 owners", "café owners"),
    ("Zu\u0308rich", "Zürich"),
    ("\u0915\u093f\u0924\u093e\u092c", "\u0915\u093f\u0924\u093e\u092c"),  # Hindi: already NFC
])
def test_articles_are_nfc(decomposed: str, composed: str) -> None:
    data = f"---\noutlet: {decomposed}\n---\n{decomposed} met.".encode()
    article = load_bytes("a.md", data).articles[0]
    assert article.text == f"{composed} met." and article.outlet == composed


def _rows(count: int, text: str = "Some text.") -> bytes:
    return ("outlet,text\n" + "".join(f"O{i},{text}\n" for i in range(count))).encode()


def test_the_budget_stops_a_csv_and_says_which_rows() -> None:
    result = load_bytes("many.csv", _rows(10), budget=LoadBudget(max_articles=3, max_chars=10**9))
    assert len(result.articles) == 3
    (skip,) = result.skipped
    assert skip.source == "many.csv row 5"
    assert skip.reason.startswith("rows 5 to 11 (7 rows) not read: the dashboard analyses at most 3 articles")
    assert "the command line has none" in skip.reason


def test_the_budget_counts_characters_across_files() -> None:
    files = [("a.csv", _rows(3, "x" * 40)), ("b.txt", b"y" * 30), ("c.jsonl", b'{"text": "z"}\n')]
    result = load_uploads(files, budget=LoadBudget(max_articles=100, max_chars=100))
    assert [a.text for a in result.articles] == ["x" * 40, "x" * 40]
    reasons = {s.source: s.reason for s in result.skipped}
    assert reasons["a.csv row 4"].startswith("row 4 not read: the dashboard analyses at most 100 characters")
    assert reasons["b.txt"].startswith("not read: the dashboard analyses at most 100 characters")
    assert reasons["c.jsonl"].startswith("not read:")


def test_jsonl_lines_past_the_budget_are_named() -> None:
    data = b"".join(b'{"text": "t%d"}\n' % i for i in range(5))
    result = load_bytes("a.jsonl", data, budget=LoadBudget(max_articles=2, max_chars=10**9))
    assert len(result.articles) == 2
    assert result.skipped[0].reason.startswith("lines 3 to 5 (3 lines) not read")


def test_without_a_budget_nothing_is_capped() -> None:
    assert len(load_bytes("many.csv", _rows(6000)).articles) == 6000


def test_a_csv_article_longer_than_the_csv_modules_field_limit_loads_and_the_rows_after_it_too() -> None:
    # Python's csv module stops at 131,072 characters a field; one long feature in a CSV cost it and
    # every row after it ("the rest of the file was not read"), though the pipeline cuts each article
    # to MAX_ARTICLE_CHARS with a note.
    long_text = "Tariffs rose as the trade war deepened. " * 5_000  # 200,000 characters
    data = f'outlet,text\nLong,"{long_text}"\nAfter,Troops gathered at the border.\n'.encode()
    result = load_bytes("feed.csv", data)
    assert result.skipped == ()
    assert [a.outlet for a in result.articles] == ["Long", "After"]
    assert result.articles[0].text == long_text.strip()


def test_a_huge_column_name_is_shortened_in_the_missing_text_message() -> None:
    (skip,) = load_bytes("feed.csv", b'"' + b"x" * 200_000 + b'",outlet\nBody.,A\n').skipped
    assert skip.reason.startswith("missing column 'text' (columns found: 'xxxx") and len(skip.reason) < 300


@pytest.mark.parametrize("shape", [
    "<html><body><p>Intro to the page.</p></body></html>{p}",          # text after the end of the page
    "<p>Intro to the page.</p></BODY></HTML >{p}",
    "<html><body><p>Intro to the page.</p></body></html>\n<html><body>{p}</body></html>",  # two pages joined
    "<html><body><p>Intro to the page.</p></body>{p}</html>",
])
def test_text_after_the_end_of_the_page_is_kept(shape: str) -> None:
    # libxml2 drops everything after </html> without a word; a browser (HTML5) shows it in the body.
    result = load_bytes("page.html", shape.format(p=PARAGRAPH).encode())
    assert result.skipped == ()
    assert SENTENCE in result.articles[0].text


@pytest.mark.parametrize(("tag", "depth"), [("div", 2_100), ("b", 3_000), ("div", 10_000)])
def test_html_nested_past_the_parsers_limit_is_a_skip_that_says_so(tag: str, depth: int) -> None:
    # libxml2 stops reading at 2,048 nested elements even with huge_tree; the text after that point
    # was lost and the page reported as "no article text found", though the text is there.
    html = f"<{tag}>" * depth + PARAGRAPH + f"</{tag}>" * depth
    (skip,) = load_bytes("deep.html", html.encode()).skipped
    assert skip.source == "deep.html"
    assert skip.reason.startswith("the HTML nests elements more than 2,048 deep")


def test_tables_nested_in_tables_are_read_as_blocks_past_a_few_levels() -> None:
    # trafilatura's table reader is quadratic in table nesting: 1,000 nested tables (a 7 kB file)
    # took 5 s of a server thread, 3,000 took 31 s. Past MAX_TABLE_NESTING they are read as blocks.
    from framing.corpus import MAX_TABLE_NESTING, _html_tree

    html = "<table><tr><td>" * 600 + PARAGRAPH + "</td></tr></table>" * 600  # 1,800 deep
    tree = _html_tree(html)
    assert not tree.xpath(f"//table[count(ancestor::table) >= {MAX_TABLE_NESTING}]")
    assert len(tree.xpath("//table")) == MAX_TABLE_NESTING
    assert SENTENCE in load_bytes("tables.html", html.encode()).articles[0].text


def test_a_few_nested_tables_are_left_as_tables() -> None:
    from framing.corpus import MAX_TABLE_NESTING, _html_tree

    html = "<table><tr><td>" * MAX_TABLE_NESTING + PARAGRAPH + "</td></tr></table>" * MAX_TABLE_NESTING
    assert len(_html_tree(html).xpath("//table")) == MAX_TABLE_NESTING


@pytest.mark.parametrize(("name", "data"), [
    ("a.csv", "outlet,text\nB,One text.\nB\u200b,Two text.\n".encode()),          # zero-width space after
    ("a.csv", "outlet,text\nB,One text.\n\u2060B,Two text.\n".encode()),          # word joiner before
    ("a.csv", "outlet,text\nB,One text.\n\"B\ufeff\",Two text.\n".encode()),      # a BOM after the name
    ("a.jsonl", '{"outlet": "B", "text": "One"}\n{"outlet": "\\u200bB", "text": "Two"}\n'.encode()),
    ("a.csv", "outlet,text\nCaf\u00e9 B,One text.\nCafe\u0301 \u200bB,Two text.\n".encode()),
])
def test_an_invisible_character_never_makes_a_second_outlet(name: str, data: bytes) -> None:
    # Like the BOM of issue 12 item 7: "B" and "B" + U+200B look the same but were two outlets.
    assert len({a.outlet for a in load_bytes(name, data).articles}) == 1


def test_invisible_characters_leave_pasted_and_relabelled_outlets_too() -> None:
    from framing.corpus import article_from_text
    from ui.corpus import apply_labels

    pasted = article_from_text("Tariffs rose.", outlet="Daily\u200b News\u2060")
    assert pasted.outlet == "Daily News"
    (relabelled,) = apply_labels([pasted], {pasted.id: " Cafe\u0301\u200b Times "})
    assert relabelled.outlet == "Caf\u00e9 Times"


@pytest.mark.parametrize("line", [
    b'{"text": "First.", "outlet": "A", "text": "Second."}',   # json.loads kept the last without a word
    b'{"Text": "First.", "text": "Second."}',                  # keys are case-insensitive
    b'{"text": "Body.", "outlet": "A", " OUTLET": "B"}',
])
def test_a_jsonl_key_named_twice_skips_that_line_with_a_clear_reason(line: bytes) -> None:
    result = load_bytes("rows.jsonl", line + b'\n{"text": "Good line."}\n')
    assert [a.text for a in result.articles] == ["Good line."]
    (skip,) = result.skipped
    assert skip.source == "rows.jsonl line 1"
    assert skip.reason.startswith("line 1: key '") and "' appears 2 times; which one holds the article is unclear" in skip.reason


@pytest.mark.parametrize(("name", "data"), [
    ("rows.jsonl", b'{"text": "Body of the story.", "outlet": "A", "meta": {"id": 1, "ID": 2}}\n'),
    ("story.md", b"---\noutlet: A\nsource:\n  id: 1\n  ID: 2\n---\nBody of the story."),
])
def test_a_key_named_twice_inside_a_nested_object_is_no_field_of_ours(name: str, data: bytes) -> None:
    # review of issue 12's audit: the check read nested objects too, and skipped the whole article
    result = load_bytes(name, data)
    assert [(a.outlet, a.text) for a in result.articles] == [("A", "Body of the story.")] and not result.skipped


@pytest.mark.parametrize("front", ["outlet: A\noutlet: B", "title: One\nTitle: Two", "outlet: A\ntitle: T\nOUTLET: B"])
def test_front_matter_naming_a_field_twice_is_a_clear_error(front: str) -> None:
    # YAML keeps the last value without a word, as a CSV with two 'text' columns did.
    (skip,) = load_bytes("story.md", f"---\n{front}\n---\nBody text.".encode()).skipped
    assert skip.source == "story.md"
    assert skip.reason.startswith("invalid front matter at line ") and "appears 2 times" in skip.reason


#: Nine lists of nine, nested eight deep through YAML aliases: 9**9 strings if anything expanded it.
_YAML_ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))


@pytest.mark.parametrize(("name", "data"), [
    ("story.txt", b"---\noutlet: [Daily One, Daily Two]\ntitle: Talks\n---\nTariffs rose as talks stalled.\n"),
    ("story.txt", ("---\n" + _YAML_ALIAS_BOMB + "outlet: *i\ntitle: Talks\n---\nTariffs rose as talks stalled.\n").encode()),
    ("feed.jsonl", b'{"outlet": {"name": "Daily One"}, "title": "Talks", "text": "Tariffs rose as talks stalled."}\n'),
])
def test_a_list_or_mapping_where_a_label_belongs_is_noted_not_dropped_silently(name: str, data: bytes) -> None:
    # The outlet became "Unknown outlet (story)" without a word of why.
    (article,) = load_bytes(name, data).articles
    assert article.outlet.startswith("Unknown outlet") and article.title == "Talks"
    assert any("'outlet' holds a" in note and "ignored" in note for note in article.notes), article.notes
