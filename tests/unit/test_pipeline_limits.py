"""Over-long articles are truncated with a visible note, never dropped (issue: hardening, limits)."""

from framing.pipeline import MAX_ARTICLE_CHARS, analyze_articles, truncate_text
from framing.types import Article


def test_truncate_text_cuts_at_paragraph_break():
    text, note = truncate_text("alpha beta.\n\ngamma delta.", 15)
    assert text == "alpha beta."
    assert note == "article truncated: only the first 11 of 25 characters were analysed"


def test_truncate_text_cuts_at_word_when_no_paragraph_break():
    text, note = truncate_text("alpha beta gamma delta", 12)
    assert text == "alpha beta"
    assert note is not None


def test_truncate_text_single_huge_word_is_cut_hard():
    text, note = truncate_text("x" * 50, 10)
    assert text == "x" * 10
    assert note is not None


def test_truncate_text_short_text_untouched():
    assert truncate_text("short", 10) == ("short", None)


def test_pipeline_truncates_long_article_with_note():
    paragraph = "Tariffs on soybeans rose again as the talks stalled. " * 40
    # Numbered paragraphs: cleaning drops later copies of a paragraph repeated word for word (issue 10).
    copies = MAX_ARTICLE_CHARS // len(paragraph) + 5
    body = "\n\n".join(f"Part {n}. {paragraph.strip()}" for n in range(copies))
    report = analyze_articles([Article(id="long", outlet="A", title="t", text=body)])
    (article,) = report.articles
    assert len(article.text) <= MAX_ARTICLE_CHARS
    assert any(note.startswith("article truncated") for note in article.notes)
    assert article.sentences[-1].end <= len(article.text)
