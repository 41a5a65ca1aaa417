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


def test_cleaning_reads_a_bounded_part_of_a_huge_article(monkeypatch):
    """A 50 MB one-line upload was cleaned whole twice (for its title when loaded, then before the
    cut to MAX_ARTICLE_CHARS): about 1.4 s of CPU per MB for 100,000 characters analysed."""
    import framing.cleaning
    import framing.pipeline
    from framing.corpus import article_from_text

    seen = []
    for module in (framing.cleaning, framing.pipeline):
        real = module.clean_text
        monkeypatch.setattr(module, "clean_text", lambda raw, *, _real=real, **kw: seen.append(len(raw)) or _real(raw, **kw))
    paragraph = "Tariffs on soybeans rose again as the talks stalled in the capital. " * 30
    body = "\n\n".join(f"Part {n}. {paragraph.strip()}" for n in range(1_000))
    assert len(body) > 10 * MAX_ARTICLE_CHARS
    article = article_from_text(body, outlet="A")
    assert article.title.startswith("Part 0.")
    (report,) = analyze_articles([article]).articles
    assert seen and max(seen) <= framing.pipeline.MAX_CLEANED_CHARS
    assert len(report.text) <= MAX_ARTICLE_CHARS and report.text.startswith("Part 0.")
    (note,) = [n for n in report.notes if n.startswith("article truncated")]
    assert note == f"article truncated: only the first {len(report.text):,} of {len(body):,} characters were analysed"
    assert all(body[r.start:r.end] == r.text for r in report.removed)
