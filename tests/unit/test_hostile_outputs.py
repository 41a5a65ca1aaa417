"""Issue 5 item 1, hostile text: every payload of tests/data/hostile_payloads.json stays inert in every output.

Each payload is placed in an article's text, its outlet and its title (and, for the tooltips, in the
evidence terms), the articles are analysed together once, and every output the product writes is
checked concretely: the HTML is parsed with the standard library's ``html.parser`` and may contain
only the elements and attributes the renderers themselves write (so no ``<script>``, ``<img>``,
``<svg>``, ``<iframe>``, no ``on*`` attribute, no ``javascript:`` URL), none of the payload's
``never`` strings, and the payload's visible text (nothing lost). Markdown is checked in its escaped
form, CSV cells against spreadsheet formulas, JSON for validity and a lossless round trip.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from framing import charts
from framing.corpus import article_from_text
from framing.export import csv_safe, report_to_dict, to_csv, to_json, to_table
from framing.highlights import HIGHLIGHT_CSS, emphasise_evidence, render_article_html
from framing.pipeline import analyze_articles
from framing.report_html import REPORT_CSS, render_report_html
from framing.types import ArticleReport, CorpusReport, Evidence, Readability, SentenceReport
from ui.markup import APP_CSS, balance_bidi, esc_name, md_escape, outlet_heading, outlet_sentence

PAYLOAD_FILE = Path(__file__).resolve().parents[1] / "data" / "hostile_payloads.json"
ENTRIES: list[dict[str, Any]] = json.loads(PAYLOAD_FILE.read_text(encoding="utf-8"))["payloads"]
IDS = [entry["name"] for entry in ENTRIES]

#: Elements the renderers write; a payload must never add another one.
FRAGMENT_TAGS = frozenset({
    "article", "h3", "div", "p", "mark", "span", "b", "i", "br", "details", "summary", "bdi",
})
#: Elements of the whole report page (the fragments plus the page frame and the tables).
REPORT_TAGS = FRAGMENT_TAGS | {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "table", "thead",
    "tbody", "tr", "th", "td", "ul", "li", "dl", "dt", "dd",
}
#: Elements that start a new line of text (inline ones such as <b> or <mark> do not).
BREAKING_TAGS = frozenset({
    "br", "p", "div", "article", "h1", "h2", "h3", "details", "summary", "li", "dt", "dd", "tr", "td", "th",
})
#: Attributes the renderers write (no ``on*``, no ``href``/``src``).
ALLOWED_ATTRS = frozenset({
    "class", "style", "title", "dir", "aria-hidden", "scope", "lang", "charset", "name", "content",
})
#: Attributes a browser follows as a URL.
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster"})
#: Leading characters a spreadsheet runs as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: CSV columns that carry text from the input.
CSV_TEXT_COLUMNS = ("id", "outlet", "title", "credit", "distinctive_terms")
#: Characters ui.markup.md_escape must backslash-escape (Markdown punctuation, Streamlit's
#: ``$math$``, ``:colour[...]`` and ``:icon:`` directives).
MD_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:=^&")
#: Text Streamlit's Markdown turns into a link, emoji or icon even when escaped (GFM autolink
#: literals, ``:shortcode:``, ``:material/icon:``).
TEXT_TRIGGERS = re.compile(r"(?i)https?://|www\.|@[\w-]|:[\w+/-]")
#: Bidi embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069).
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: The payload of one placement that carries no payload, so every article still has frame words.
FRAME_WORDS = "Tariffs on soybeans rose as troops gathered near the border"


def payload_of(entry: dict[str, Any]) -> str:
    """The payload text (``repeat`` copies of it, for the 10,000-character word)."""
    return str(entry["payload"]) * int(entry.get("repeat", 1))


def visible(text: str) -> str:
    """``text`` as a reader sees it: white space collapsed, and without the invisible bidi closers
    (PDF, PDI) that the renderers add to close what the text opened (openers are kept)."""
    return " ".join(text.replace("\u202c", "").replace("\u2069", "").split())


def article_text(payload: str) -> str:
    """Two paragraphs with frame and tone words around the payload, so it lands in highlighted sentences."""
    return (f"{FRAME_WORDS} {payload} in the crisis.\n\n"
            f"Diplomats praised the summit {payload}. The war worried farmers.")


# --------------------------------------------------------------------------- the HTML checker


@dataclass
class ParsedHtml:
    """What ``html.parser`` saw: elements with their attributes, text, and the text of scripts."""

    elements: list[tuple[str, list[tuple[str, str | None]]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)

    @property
    def all_text(self) -> str:
        return "".join(self.text)

    def attribute_values(self, name: str) -> list[str]:
        return [value or "" for _, attrs in self.elements for key, value in attrs if key == name]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parsed = ParsedHtml()
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parsed.elements.append((tag, attrs))
        if tag in BREAKING_TAGS:
            self.parsed.text.append("\n")
        self._in_script = tag == "script"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False
        if tag in BREAKING_TAGS:
            self.parsed.text.append("\n")

    def handle_data(self, data: str) -> None:
        (self.parsed.scripts if self._in_script else self.parsed.text).append(data)

    def handle_comment(self, data: str) -> None:
        self.parsed.elements.append(("!--", [("comment", data)]))


def parse_html(markup: str) -> ParsedHtml:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    return collector.parsed


def assert_inert(
    markup: str,
    entry: dict[str, Any],
    *,
    allowed_tags: frozenset[str] = FRAGMENT_TAGS,
    shown: Iterable[str] = (),
) -> ParsedHtml:
    """Fail unless ``markup`` is inert for ``entry`` and shows each text in ``shown`` as text."""
    parsed = parse_html(markup)
    tags = {tag for tag, _ in parsed.elements}
    assert tags <= allowed_tags, f"{entry['name']}: unexpected elements {sorted(tags - allowed_tags)}"
    for tag, attrs in parsed.elements:
        for key, value in attrs:
            assert not key.startswith("on"), f"{entry['name']}: <{tag} {key}=...>"
            assert key in ALLOWED_ATTRS, f"{entry['name']}: unexpected attribute {key!r} on <{tag}>"
            if key in URL_ATTRS:
                assert not re.sub(r"[\s\x00-\x1f]", "", value or "").lower().startswith("javascript:")
    lowered = markup.lower()
    for needle in entry["never"]:
        assert needle.lower() not in lowered, f"{entry['name']}: {needle!r} appears in the output"
    seen = visible(parsed.all_text)
    for text in shown:
        assert visible(text) in seen, f"{entry['name']}: the text {visible(text)[:80]!r} is not shown"
    return parsed


# --------------------------------------------------------------------------- the analysed corpus


@pytest.fixture(scope="module")
def report() -> CorpusReport:
    """One article per payload, the payload in its text, outlet and title (read-only: shared by the module)."""
    articles = [
        article_from_text(article_text(payload_of(entry)), outlet=payload_of(entry),
                          title=payload_of(entry), id=f"hostile-{index:02d}")
        for index, entry in enumerate(ENTRIES)
    ]
    return analyze_articles(articles)


def article_for(report: CorpusReport, index: int) -> ArticleReport:
    return next(a for a in report.articles if a.id == f"hostile-{index:02d}")


def test_hostile_table_is_complete() -> None:
    names = [entry["name"] for entry in ENTRIES]
    assert len(names) == len(set(names)) >= 25
    assert {e["category"] for e in ENTRIES} == {"html", "markdown", "unicode", "length", "formula", "control"}
    assert any(len(payload_of(e)) >= 10_000 and " " not in payload_of(e) for e in ENTRIES)
    assert {payload_of(e)[0] for e in ENTRIES if e["category"] == "formula"} >= set(FORMULA_STARTS)
    for entry in ENTRIES:
        assert set(entry) <= {"name", "category", "payload", "never", "repeat"}, entry["name"]


@pytest.mark.parametrize("reveal", [True, False], ids=["highlighted", "read-first"])
@pytest.mark.parametrize("index", range(len(ENTRIES)), ids=IDS)
def test_article_html_is_inert_with_payload_in_text_outlet_and_title(
    report: CorpusReport, index: int, reveal: bool
) -> None:
    entry, article = ENTRIES[index], article_for(report, index)
    markup = render_article_html(article, reveal=reveal, show_removed=True)
    parsed = assert_inert(markup, entry, shown=[article.title, article.outlet, payload_of(entry)])
    assert ("<mark" in markup) is reveal
    if reveal:
        assert parsed.attribute_values("title"), "highlighted sentences carry a tooltip"


@pytest.mark.parametrize("index", range(len(ENTRIES)), ids=IDS)
def test_tooltip_of_a_payload_term_is_one_escaped_attribute(index: int) -> None:
    """The evidence terms go into ``title=""``; a term carrying a payload stays inside it."""
    entry = ENTRIES[index]
    payload = payload_of(entry)
    text = f"Troops came {payload} again."
    sentence = SentenceReport(
        0, len(text), text, 0, {"security": 1.0}, "security", -0.5,
        (Evidence(payload, "security", 0.8, 0, 6), Evidence(payload, "tone", -0.5, 12, 12 + len(payload))),
    )
    article = ArticleReport(
        id="t", outlet=payload, title=payload, date=None, url=None, credit=payload, source="",
        text=text, removed=(), word_count=3, readability=Readability(60.0, 8.0, 3, 1),
        frame_scores={}, emphasis={}, intensity=0.0, tone=-0.5, sentences=(sentence,),
    )
    parsed = assert_inert(render_article_html(article), entry, shown=[payload, text])
    tooltips = parsed.attribute_values("title")
    assert len(tooltips) == 1 and visible(payload) in visible(tooltips[0])


@pytest.mark.parametrize("index", range(len(ENTRIES)), ids=IDS)
def test_passage_emphasis_is_inert(report: CorpusReport, index: int) -> None:
    """The Passages page's sentence renderer, on every sentence of the payload's article."""
    entry, article = ENTRIES[index], article_for(report, index)
    for sentence in article.sentences:
        markup = emphasise_evidence(sentence.text, sentence.evidence, offset=sentence.start)
        assert_inert(markup, entry, shown=[sentence.text])


@pytest.mark.parametrize("index", range(len(ENTRIES)), ids=IDS)
def test_report_html_is_inert(report: CorpusReport, index: int) -> None:
    entry, article = ENTRIES[index], article_for(report, index)
    page = render_report_html(report, outlets=[article.outlet], include_charts=False).decode("utf-8")
    parsed = assert_inert(page, entry, allowed_tags=REPORT_TAGS,
                          shown=[article.title, article.outlet, payload_of(entry)])
    assert not parsed.scripts
    assert sum(tag == "style" for tag, _ in parsed.elements) == 1


@pytest.fixture(scope="module")
def page_with_charts(report: CorpusReport) -> str:
    """The whole report with its charts (plotly.js inline, ~5 MB): rendered once for the module."""
    return render_report_html(report, include_charts=True).decode("utf-8")


def test_report_html_with_charts_runs_only_plotly(page_with_charts: str) -> None:
    """With charts every payload outlet is in a chart's data; the only scripts are plotly's own."""
    page = page_with_charts
    parsed = parse_html(page)
    charts = sum(1 for tag, attrs in parsed.elements if tag == "div" and ("class", "fl-chart") in attrs)
    scripts = [attrs for tag, attrs in parsed.elements if tag == "script"]
    # plotly's config and library, then one inline script per chart: a payload that closed a
    # script or opened one would change the count or the start of a script.
    assert charts >= 5 and len(scripts) == len(parsed.scripts) == charts + 2
    assert all(attrs == [] for attrs in scripts)
    config, library, *per_chart = (script.strip() for script in parsed.scripts)
    assert config.startswith("window.PlotlyConfig") and "plotly.js v" in library[:100]
    assert all(script.startswith("window.PLOTLYENV") for script in per_chart)
    assert {tag for tag, _ in parsed.elements} - {"script"} <= REPORT_TAGS
    outside = re.sub(r"<script>.*?</script>", "", page, flags=re.DOTALL)
    for entry in ENTRIES:  # plotly.js itself contains strings like "<svg"; the rest may not
        for needle in entry["never"]:
            assert needle.lower() not in outside.lower(), f"{entry['name']}: {needle!r} outside the charts"


def test_report_chart_titles_show_quotes_as_quotes(page_with_charts: str) -> None:
    """plotly.js does not decode ``&quot;``: an outlet's chart title escaped for an attribute showed
    the entity instead of the quote (non-regression, issue 5)."""
    scripts = "".join(parse_html(page_with_charts).scripts[2:])
    titles = re.findall(r'"title":\{"text":"\\u003cb\\u003e(.*?)\\u003c', scripts)
    quoted = [t for t in titles if '\\"' in t]
    assert quoted and not [t for t in titles if "&quot;" in t]


def test_chart_labels_show_quotes_as_quotes(report: CorpusReport) -> None:
    """plotly.js does not decode ``&quot;``: chart labels escape only ``<``, ``>`` and ``&`` (issue 5)."""
    figure = charts.emphasis_bars(report.outlets)
    assert "&quot;" not in figure.to_json()


def test_report_chart_data_is_escaped(page_with_charts: str) -> None:
    """Outlet names reach plotly (which reads a subset of HTML in labels) only HTML-escaped."""
    scripts = parse_html(page_with_charts).scripts[2:]
    data = "".join(scripts)
    for entry in ENTRIES:
        payload = payload_of(entry)
        if "<" in payload:
            assert payload not in data and json.dumps(payload)[1:-1] not in data, entry["name"]


# --------------------------------------------------------------------------- exports


def test_csv_export_neutralises_every_formula_cell(report: CorpusReport) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(report), newline="")))
    by_id = {a.id: a for a in report.articles}
    assert len(rows) == len(report.outlets) + len(report.articles)
    for row in rows:
        for column in CSV_TEXT_COLUMNS:
            cell = row[column] or ""
            assert not cell.startswith(FORMULA_STARTS), (column, cell[:40])
        if row["level"] == "article":
            article = by_id[row["id"].removeprefix("'")]
            assert row["outlet"] == csv_safe(article.outlet) and row["title"] == csv_safe(article.title)
    formula_titles = [r["title"] for r in rows if r["level"] == "article" and r["title"].startswith("'")]
    assert len(formula_titles) >= sum(e["category"] == "formula" for e in ENTRIES)


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_csv_safe_prefixes_each_formula_start(start: str) -> None:
    # csv_safe also turns carriage returns into line feeds (a lone CR would end the row early).
    assert csv_safe(f"{start}1+2") == "'" + f"{start}1+2".replace("\r", "\n")
    assert not csv_safe(f"a{start}1+2").startswith("'")


def test_json_export_is_valid_and_round_trips_every_payload(report: CorpusReport) -> None:
    text = to_json(report)
    assert json.loads(text) == json.loads(json.dumps(report_to_dict(report)))
    loaded = {a["id"]: a for a in json.loads(text)["articles"]}
    for index, entry in enumerate(ENTRIES):
        article = article_for(report, index)
        got = loaded[article.id]
        assert (got["outlet"], got["title"], got["text"]) == (article.outlet, article.title, article.text)
        assert visible(payload_of(entry)) in visible(got["text"]), entry["name"]
    # One line per line of JSON: no raw control character or line separator breaks it up.
    assert all(json.loads(line) is not None for line in [to_json(report, indent=None)])
    assert "\n" not in to_json(report, indent=None).rstrip("\n")


def test_terminal_table_writes_no_control_characters(report: CorpusReport) -> None:
    """``framing analyze`` prints this table: an ESC from a title would clear or retitle the terminal."""
    table = to_table(report)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", table)
    assert "Clear\\x1b[2J\\x1b]0;pwned\\x07" in table  # shown, not run


# --------------------------------------------------------------------------- Markdown and small HTML pieces


def md_unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@pytest.mark.parametrize("index", range(len(ENTRIES)), ids=IDS)
def test_md_escape_leaves_no_markdown_syntax(index: int) -> None:
    """Every Markdown-special character comes out backslash-escaped, and unescaping gives the text back."""
    payload = payload_of(ENTRIES[index])
    escaped = md_escape(payload)
    bare = re.sub(r"\\.", "", escaped)
    assert not MD_SPECIAL & set(bare), sorted(MD_SPECIAL & set(bare))
    # Word joiners (U+2060) break what Streamlit would turn into links, emoji or icons after
    # resolving escapes; without them the text is the payload's, white space collapsed.
    unescaped = md_unescape(escaped)
    assert not TEXT_TRIGGERS.search(unescaped), unescaped
    assert visible(unescaped).replace("\u2060", "") == visible(payload).replace("\u2060", "")
    assert "\n" not in escaped and "\r" not in escaped


@pytest.mark.parametrize("index", range(len(ENTRIES)), ids=IDS)
def test_outlet_pieces_of_the_dashboard_are_inert(index: int) -> None:
    entry = ENTRIES[index]
    payload = payload_of(entry)
    assert_inert(outlet_heading(payload), entry, shown=[payload])
    assert_inert(outlet_sentence(payload, "gives trade the most space."), entry, shown=[payload])
    assert_inert(f"<i>{esc_name(payload)}</i>", entry, shown=[payload])


# --------------------------------------------------------------------------- bidi controls and long words

#: (text, balanced): embeddings/overrides closed by PDF, isolates by PDI, stray closers kept.
BIDI_CASES = [
    ("plain", "plain"),
    ("a\u202eb", "a\u202eb\u202c"),
    ("a\u202eb\u202c c", "a\u202eb\u202c c"),
    ("\u2067x\u2066y", "\u2067x\u2066y\u2069\u2069"),
    ("\u2068x\u202ey\u2069z\u202b", "\u2068x\u202ey\u2069z\u202b\u202c"),
    ("\u202cstray\u2069", "\u202cstray\u2069"),
    ("\u202ax\u2067y\u202c", "\u202ax\u2067y\u202c\u2069\u202c"),
]


@pytest.mark.parametrize(("text", "expected"), BIDI_CASES)
def test_balance_bidi_closes_what_the_text_opens(text: str, expected: str) -> None:
    assert balance_bidi(text) == expected


def test_right_to_left_override_cannot_reorder_what_follows(report: CorpusReport) -> None:
    """Bidi controls are kept, inside isolates: an override in a name or sentence ends with it."""
    index = IDS.index("right_to_left_override")
    article = article_for(report, index)
    markup = render_article_html(article)
    assert f'<span class="fl-name" dir="auto">{article.outlet}</span>' in markup
    assert "unicode-bidi: isolate" in _rules_for(HIGHLIGHT_CSS, ".fl-article mark.fl-s")
    assert "unicode-bidi: isolate" in _rules_for(HIGHLIGHT_CSS, ".fl-article .fl-name")
    assert article.outlet in markup and "\u202e" in article.text  # kept, not stripped
    assert esc_name(article.outlet) == f"<bdi>{article.outlet}</bdi>"
    assert outlet_sentence(article.outlet, "leads.").startswith(f'<p class="fl-sentence"><bdi><b>{article.outlet}')
    escaped = md_escape(article.outlet)
    assert balance_bidi(escaped) == escaped and escaped.endswith("\u202c")


def test_long_words_wrap_instead_of_widening_the_columns() -> None:
    for css, selectors in ((HIGHLIGHT_CSS, (".fl-article",)), (APP_CSS, (".fl-outlet", ".fl-sentence", ".fl-passage")),
                           (REPORT_CSS, ("main",))):
        for selector in selectors:
            assert "overflow-wrap: anywhere" in _rules_for(css, selector), selector


def _rules_for(css: str, selector: str) -> str:
    """All declarations of the rules whose selector list names ``selector``."""
    found = []
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if any(part.strip().startswith(selector) for part in selectors.split(",")):
            found.append(body)
    return " ".join(found)


def test_long_word_article_renders_whole(report: CorpusReport) -> None:
    index = IDS.index("long_single_word")
    article = article_for(report, index)
    word = payload_of(ENTRIES[index])
    markup = render_article_html(article)
    assert len(word) == 10_000 and markup.count(word) >= 3  # title, outlet, body
