"""Issue 12, item 7 and the visible truncation of item 5: words with marks, empty-looking texts,
file names with terminal escapes, and every output saying when an article was cut."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from framing.cli import main
from framing.export import to_csv, to_table
from framing.cleaning import CLEANED_AWAY_NOTE_START
from framing.language import NO_WORDS_NOTE
from framing.lexicon import extend_lexicon, load_default_lexicon, parse_lexicon
from framing.pipeline import MAX_ARTICLE_CHARS, analyze_articles
from framing.readability import measure_readability
from framing.segment import tokenize
from framing.types import Article


@pytest.mark.parametrize(("text", "words"), [
    ("cafe\u0301 owners", ["cafe\u0301", "owners"]),                      # decomposed Latin accent
    ("\u0939\u093f\u0928\u094d\u0926\u0940 \u092d\u093e\u0937\u093e", ["\u0939\u093f\u0928\u094d\u0926\u0940", "\u092d\u093e\u0937\u093e"]),  # Hindi
    ("\u0643\u064e\u062a\u064e\u0628\u064e \u0627\u0644\u0648\u064e\u0644\u064e\u062f\u064f", ["\u0643\u064e\u062a\u064e\u0628\u064e", "\u0627\u0644\u0648\u064e\u0644\u064e\u062f\u064f"]),  # vowelled Arabic
    ("didn't China's", ["didn't", "china's"]),
    ("US-China a_b", ["us", "china", "a", "b"]),
])
def test_letters_with_marks_are_one_word(text: str, words: list[str]) -> None:
    assert [t.lower for t in tokenize(text)] == words


@pytest.mark.parametrize("term", ["cafe\u0301", "caf\u00e9", "\u0939\u093f\u0928\u094d\u0926\u0940",
                                  "\u0627\u0644\u0648\u064e\u0644\u064e\u062f\u064f"])
def test_lexicon_terms_with_marks_are_words_not_patterns(term: str) -> None:
    lexicon = parse_lexicon(f"term,frame,weight,note\n{term},trade,2,\n", source="mine.csv")
    assert lexicon.terms[0].term == term.replace("cafe\u0301", "caf\u00e9")  # stored NFC


def test_a_decomposed_lexicon_term_matches_a_composed_article_and_back() -> None:
    for term, body in (("cafe\u0301", "The caf\u00e9 tariffs rose."), ("caf\u00e9", "The cafe\u0301 tariffs rose.")):
        user = parse_lexicon(f"term,frame,weight,note\n{term},security,5,\n", source="mine.csv")
        lexicon = extend_lexicon(load_default_lexicon(), user)
        from framing.corpus import article_from_text

        article = article_from_text(body, outlet="A")
        report = analyze_articles([article], lexicon=lexicon).articles[0]
        assert any(e.term == "caf\u00e9" for s in report.sentences for e in s.evidence)


@pytest.mark.parametrize("text", ["\U0001f600\U0001f600 \U0001f389", "\u200b\u200b\u200d", "2025 11 24 " * 30,
                                  "1,234.5 67 89."])
def test_texts_without_a_letter_get_a_note_and_no_fake_readability(text: str) -> None:
    report = analyze_articles([Article(id="a", outlet="A", title="t", text=text)]).articles[0]
    assert report.word_count == 0
    assert report.notes == (NO_WORDS_NOTE,)
    assert report.readability.flesch_reading_ease == 0.0  # -385 for numbers before


@pytest.mark.parametrize("text", ["By Jane Roe", "Subscribe to our newsletter for trade news.", "Photo: Reuters",
                                  "Read more"])
def test_a_text_cleaning_removed_whole_says_so_not_that_it_had_no_words(text: str) -> None:
    # The note claimed "only numbers, emoji, symbols or invisible characters" of a text full of words.
    report = analyze_articles([Article(id="a", outlet="A", title="t", text=text)]).articles[0]
    assert report.word_count == 0 and report.removed
    assert NO_WORDS_NOTE not in report.notes
    (note,) = report.notes
    assert note.startswith(CLEANED_AWAY_NOTE_START) and report.removed[0].kind.replace("_", " ") in note


def test_the_dashboard_notice_names_a_text_cleaning_removed_whole() -> None:
    from ui.corpus import no_words_message

    articles = [Article(id="c", outlet="A", title="Byline only", text="By Jane Roe", source="c.txt"),
                Article(id="e", outlet="A", title="Smiles", text="\U0001f600", source="e.txt"),
                Article(id="w", outlet="B", title="Words", text="Tariffs rose as talks stalled.")]
    message = no_words_message(analyze_articles(articles))
    assert message is not None
    assert '"Smiles" (e.txt)' in message and '"Byline only" (c.txt)' in message
    assert "cleaning removed all of its text" in message, message


def test_numbers_only_readability_is_zero_not_minus_385() -> None:
    assert measure_readability("2025 11 24 2025 11 24").flesch_reading_ease == 0.0


def test_a_file_name_with_terminal_escapes_is_shown_escaped_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "evil\x1b]2;owned\x07\x1b[2J.txt"
    bad.write_bytes(b"   ")
    assert main(["analyze", str(bad), "--format", "json"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "evil\\x1b]2;owned\\x07\\x1b[2J.txt: only whitespace" in err


def _long_article() -> Article:
    paragraph = "Ministers met in Geneva to talk about tariffs and troops. " * 20
    # Numbered paragraphs: cleaning drops later copies of a paragraph repeated word for word (issue 10).
    text = "\n\n".join(f"Part {n}. {paragraph}" for n in range(120))
    return Article(id="long", outlet="A", title="Long", text=text, source="long.txt")


def test_a_truncated_article_is_named_in_the_table_the_csv_and_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = _long_article()
    assert len(article.text) > MAX_ARTICLE_CHARS
    report = analyze_articles([article])
    table = to_table(report)
    assert "TRUNCATED: 1 article was" in table and "note: article truncated: only the first" in table
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert rows[-1]["notes"].startswith("article truncated: only the first")
    path = tmp_path / "long.txt"
    path.write_text(article.text)
    assert main(["analyze", str(path), "--format", "json"]) == 0
    assert f"truncated {path}: article truncated: only the first" in capsys.readouterr().err


@pytest.mark.parametrize(("empty", "expected"), [
    (0, None),
    (1, '1 article has no words (only numbers, emoji, symbols or invisible characters), so its scores are 0 '
        'and mean nothing: "Empty 0" (e0.txt).'),
    (7, '7 articles have no words (only numbers, emoji, symbols or invisible characters), so their scores are 0 '
        'and mean nothing: "Empty 0" (e0.txt); "Empty 1" (e1.txt); "Empty 2" (e2.txt); "Empty 3" (e3.txt); '
        '"Empty 4" (e4.txt); and 2 more (the Export page lists every note).'),
])
def test_the_dashboard_notice_names_the_articles_without_words(empty: int, expected: str | None) -> None:
    # The note was in the report, the CSV and the CLI table, but no dashboard page said it (0-word rows only).
    from ui.corpus import no_words_message

    texts = ["\U0001f600\U0001f389", "\u200b\u200d", "2025 11 24"]
    articles = [Article(id=f"e{i}", outlet="A", title=f"Empty {i}", text=texts[i % 3], source=f"e{i}.txt")
                for i in range(empty)]
    articles.append(Article(id="w", outlet="B", title="Words", text="Tariffs rose as talks stalled."))
    assert no_words_message(analyze_articles(articles)) == expected


@pytest.mark.parametrize("text", [
    "term,frame,weight,note\rharbourmaster,trade,2,\r",          # classic Mac line ends (raised _csv.Error)
    "term,frame,weight,note\r\nharbourmaster,trade,2,\r\n",
    "term,frame,weight,note\nharbourmaster,trade,2,\n",
    "\ufeffterm,frame,weight,note\n\ufeffharbourmaster,trade,2,\n",  # two exports pasted together
])
def test_a_user_lexicon_reads_any_line_ending_and_a_bom_opening_a_line(text: str) -> None:
    assert [t.term for t in parse_lexicon(text, source="mine.csv").terms] == ["harbourmaster"]


def test_a_csv_error_in_a_user_lexicon_is_a_lexicon_error_with_its_line() -> None:
    # Any error of the csv module was a bare _csv.Error: the dashboard's "This app has encountered an error".
    import csv

    from framing.errors import LexiconError

    parse_lexicon("term,frame,weight,note\nharbour,trade,2,\n", source="warm.csv")  # packaged data it reads, loaded
    limit = csv.field_size_limit(20)
    try:
        with pytest.raises(LexiconError, match=r"^mine.csv: CSV error after line [23]: field larger than field limit"):
            parse_lexicon("term,frame,weight,note\nharbour,trade,2,\n" + "x" * 30 + ",trade,2,\n", source="mine.csv")
    finally:
        csv.field_size_limit(limit)
