"""Loader fixes of issue 10: the date stamp behind front matter, titles that are never clutter and never
cut at "U.S.", partial dates kept and noted, mojibake repaired and noted. All text written for these tests."""

from __future__ import annotations

import pytest

from framing.corpus import article_from_text, load_bytes, normalise_date
from framing.types import Article, LoadResult

PARAGRAPH = "Ministers met in Geneva on Monday and agreed to meet again."


def _only(result: LoadResult) -> Article:
    assert result.skipped == ()
    (article,) = result.articles
    return article


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (f"ADVERTISEMENT\n{PARAGRAPH}", PARAGRAPH),
        (f"By Jo Roe and Al Poe\n\nPorts reopen after strike\n\n{PARAGRAPH}", "Ports reopen after strike"),
        (f"Skip to main content\nU.S. and EU agree on steel deal\n{PARAGRAPH}", "U.S. and EU agree on steel deal"),
        (f"March 3, 2025\nU.S. President meets allies. More talks follow.\n{PARAGRAPH}", "U.S. President meets allies."),
    ],
)
def test_title_is_the_first_content_line_and_never_cut_at_an_abbreviation(body: str, title: str) -> None:
    assert _only(load_bytes("page.txt", body.encode())).title == title


def test_front_matter_title_wins() -> None:
    raw = f"---\ntitle: Given title\n---\nADVERTISEMENT\n{PARAGRAPH}"
    assert _only(load_bytes("page.md", raw.encode())).title == "Given title"


def test_date_stamp_behind_front_matter_is_stripped_and_alone_on_its_line() -> None:
    raw = f"---\noutlet: Example Post\n---\n date 2024-11-19 \n\n{PARAGRAPH}"
    article = _only(load_bytes("page.txt", raw.encode()))
    assert (article.date, article.text) == ("2024-11-19", PARAGRAPH)


@pytest.mark.parametrize(
    ("given", "date", "note"),
    [
        ("2024-10", "2024-10", "date '2024-10' is partial (no day); kept as given"),
        ("2024", "2024", "date '2024' is partial (no day); kept as given"),
        ("next Tuesday", None, "date 'next Tuesday' not understood (use YYYY-MM-DD); left empty"),
        ("2024-10-05", "2024-10-05", None),
    ],
)
def test_partial_or_unreadable_date_is_kept_or_reported(given: str, date: str | None, note: str | None) -> None:
    raw = f"---\ndate: {given}\n---\n{PARAGRAPH}"
    article = _only(load_bytes("page.md", raw.encode()))
    assert article.date == date
    assert article.notes == ((note,) if note else ())


@pytest.mark.parametrize("bad", ["2024-13", "2024-00"])
def test_impossible_month_is_not_a_partial_date(bad: str) -> None:
    assert normalise_date(bad) is None


def test_mojibake_is_repaired_and_noted() -> None:
    broken = "NATO\u00e2\u0080\u0099s summit opened in The Hague."  # UTF-8 read as Latin-1
    article = article_from_text(broken, outlet="Example Post")
    assert article.text == "NATO\u2019s summit opened in The Hague."
    assert len(article.notes) == 1 and "repaired mojibake in text" in article.notes[0]


def test_clean_text_is_not_touched_by_the_repair() -> None:
    fine = "Caf\u00e9 owners in S\u00e3o Paulo said \u201cnothing changed\u201d \u2014 and prices rose."
    article = article_from_text(fine, outlet="Example Post")
    assert (article.text, article.notes) == (fine, ())


def test_loader_notes_reach_the_report() -> None:
    from framing.pipeline import analyze_articles

    raw = f"---\noutlet: Example Post\ndate: 2024-10\n---\n{PARAGRAPH}"
    report = analyze_articles(load_bytes("page.md", raw.encode()).articles)
    assert "date '2024-10' is partial (no day); kept as given" in report.articles[0].notes
    assert report.articles[0].date == "2024-10"
