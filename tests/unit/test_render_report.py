"""Tests of framing_render.report: one self-contained, escaped, printable HTML file (the handout)."""

from __future__ import annotations

import html
import re

from markupsafe import escape

import pytest

from framing_render.report import render_report_html
from framing.types import (
    FRAMES,
    ArticleReport,
    CorpusReport,
    DistinctiveTerm,
    Evidence,
    OutletReport,
    Readability,
    Removal,
    SentenceReport,
    SkippedInput,
)

PAYLOAD = "<script>alert(1)</script>"
OUTLET_NAMES = ("Daily Planet", "Gazette & Herald", f"Evil {PAYLOAD}")


def make_article(article_id: str, outlet: str, text: str) -> ArticleReport:
    end = len(text)
    sentence = SentenceReport(0, end, text, 0, {"trade": 5.0}, "trade", -0.3,
                              (Evidence("tariff", "trade", 0.7, 0, min(6, end)),))
    return ArticleReport(
        id=article_id, outlet=outlet, title=f"Title {article_id} {PAYLOAD}", date="2024-05-01",
        url="https://example.org/a", credit=None, source="t.csv", text=text,
        removed=(Removal("newsletter", f"Sign up {PAYLOAD}", "promo", 0, 5),),
        word_count=len(text.split()), readability=Readability(60.0, 8.0, 10, 1),
        frame_scores={"trade": 1.0}, emphasis={"trade": 1.0, "security": 0.0, "diplomacy": 0.0},
        intensity=100.0, tone=-0.3, sentences=(sentence,), notes=(f"note {PAYLOAD}",),
    )


def make_report() -> CorpusReport:
    articles = tuple(
        make_article(f"a{i}", name, f"Tariffs rise again {PAYLOAD} said {name}.")
        for i, name in enumerate(OUTLET_NAMES)
    )
    outlets = tuple(
        OutletReport(
            outlet=name, articles=(f"a{i}",), frame_scores=dict(zip(FRAMES, (1.0, 0.5, 0.0))),
            emphasis=dict(zip(FRAMES, (0.6, 0.3, 0.1))), intensity=20.0 + i, tone=-0.2 + 0.2 * i,
            word_count=120, distinctive_terms=(DistinctiveTerm(f"term{i}<b>", 2.5, 3),),
        )
        for i, name in enumerate(OUTLET_NAMES)
    )
    return CorpusReport(
        articles=articles, outlets=outlets,
        skipped=(SkippedInput(f"bad{PAYLOAD}.csv", f"no text column {PAYLOAD}"),),
        lexicon={"name": f"demo {PAYLOAD}", "version": "1.0"},
    )


@pytest.fixture(scope="module")
def page() -> str:
    return render_report_html(make_report(), include_charts=True).decode("utf-8")


@pytest.fixture(scope="module")
def small_page() -> str:
    return render_report_html(make_report()).decode("utf-8")


def test_charts_are_off_by_default(small_page: str) -> None:
    assert small_page == render_report_html(make_report(), include_charts=False).decode("utf-8")
    assert "<script" not in small_page


def test_report_is_html_document(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert '<meta charset="utf-8">' in page


def test_report_is_self_contained(page: str) -> None:
    assert not re.search(r"<script[^>]+src=", page, flags=re.I)
    assert not re.search(r"<link\b", page, flags=re.I)
    # plotly.js itself mentions URLs in strings; the markup around it must load nothing.
    markup = re.sub(r"<script>.*?</script>", "", page, flags=re.S)
    assert not re.search(r"https?://|\b(src|href)\s*=\s*[\"']?//", markup, flags=re.I)
    assert "@import" not in markup and "url(" not in markup


def test_report_embeds_plotly_once(page: str) -> None:
    assert page.count("Plotly.newPlot") >= 3
    # the toolbar would print above every chart
    assert page.count('"displayModeBar": false') >= 3
    # plotly.min.js starts with this banner; it must be inline exactly once.
    assert page.count("plotly.js v") == 1


def test_report_without_charts_is_small_and_has_no_scripts(small_page: str) -> None:
    assert "<script" not in small_page
    assert len(small_page.encode()) < 100_000


@pytest.mark.parametrize("fixture", ["page", "small_page"])
def test_report_escapes_all_data(fixture: str, request: pytest.FixtureRequest) -> None:
    text = request.getfixturevalue(fixture)
    # The only <script> tags are plotly's own: none may contain the payload's alert.
    assert PAYLOAD not in text
    assert html.escape(PAYLOAD) in text
    assert "term0<b>" not in text and "term0&lt;b&gt;" in text


def test_report_contains_each_outlet(small_page: str) -> None:
    for name in OUTLET_NAMES:
        assert f'<h3 class="fl-outlet"><bdi>{escape(name)}</bdi></h3>' in small_page
        assert f'<th scope="row"><bdi>{escape(name)}</bdi></th>' in small_page


def test_report_contains_sections(small_page: str) -> None:
    for heading in ("The articles side by side", "How to read this report",
                    "Inputs that could not be read", "Lexicon"):
        assert heading in small_page
    assert 'class="fl-legend"' in small_page and 'class="fl-s fl-t-trade"' in small_page
    # removed boilerplate is not printed in the handout; the notes are
    assert "<details" not in small_page and "note &lt;script&gt;" in small_page


def test_report_print_css(small_page: str) -> None:
    assert "@media print" in small_page
    assert "print-color-adjust: exact" in small_page
    assert "break-inside: avoid" in small_page
    assert "@page { size: landscape" in small_page and ".fl-row { break-before: page; }" in small_page


def test_report_outlets_three_to_a_row() -> None:
    names = [f"Outlet {i}" for i in range(5)]
    articles = tuple(make_article(f"a{i}", name, "Tariffs rise again.") for i, name in enumerate(names))
    outlets = tuple(OutletReport(name, (f"a{i}",), {}, dict(zip(FRAMES, (1.0, 0.0, 0.0))), 1.0, 0.0, 3)
                    for i, name in enumerate(names))
    text = render_report_html(CorpusReport(articles=articles, outlets=outlets)).decode()
    rows = re.findall(r'<section class="fl-row" style="--fl-count:(\d)">', text)
    assert rows == ["3", "2"] and "(1 of 2)" in text


def test_report_outlet_filter_and_order() -> None:
    text = render_report_html(make_report(), outlets=["Gazette & Herald", "Daily Planet"],
                              include_charts=False).decode()
    assert "Evil" not in text
    assert text.index("Gazette &amp; Herald</bdi></th>") < text.index("Daily Planet</bdi></th>")
    assert "2 articles from 2 outlets" in text


def test_report_rejects_bare_string() -> None:
    with pytest.raises(ValueError, match="single string; pass a list"):
        render_report_html(make_report(), outlets="Gazette")


def test_report_rejects_unknown_outlet() -> None:
    with pytest.raises(ValueError, match=r"unknown outlet\(s\) \['Nope'\]"):
        render_report_html(make_report(), outlets=["Nope"])


def test_report_empty_corpus() -> None:
    text = render_report_html(CorpusReport(articles=(), outlets=())).decode()
    assert "0 articles from 0 outlets" in text and "No outlets to summarise" in text


def test_report_is_deterministic() -> None:
    assert render_report_html(make_report()) == render_report_html(make_report())


def test_voices_section_takes_each_outlets_quotes_through_articles_of(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 9 item 10: the "Who speaks" section picks an outlet's articles with the one outlet filter."""
    from framing import selection
    from framing.pipeline import analyze_articles
    from framing.types import Article
    from framing_render import quotes

    report = analyze_articles([Article(id="a", outlet="A", title="t", text="“We won,” said Ana Ruiz."),
                               Article(id="b", outlet="B", title="t", text="“We lost,” said Bo Li.")])
    calls: list[str] = []

    def spy(articles: object, outlet: str) -> object:
        calls.append(outlet)
        return selection.articles_of(articles, outlet)  # type: ignore[arg-type]

    monkeypatch.setattr(quotes, "articles_of", spy)
    html = quotes.voices_section_html(report.outlets, report.articles)
    assert calls == ["A", "B"] and "We won" in html and "We lost" in html
    assert selection.articles_of(report.articles, "B") == selection.articles_of(report, "B") == (report.articles[1],)
