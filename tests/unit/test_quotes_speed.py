"""The quote finder's speed-ups change no result (issue 14): each shortcut against the plain way.

Why: quote finding was made cheaper by computing once what the rules asked for many times (the
gaps between tokens, speaker types per distinct description, a compact token layout for the voice
split). These tests pin that each shortcut gives what the plain computation gives.
"""

from __future__ import annotations

from framing.pipeline import analyze_articles
from framing.quotes import QuoteFinder, _gaps, speaker_type
from framing.segment import build_document, tokenize
from framing.types import Article
from framing.voices import split_voice, token_layout

TEXT = (
    "“We will never leave,” said Jay Tarriela, the Philippines’ coast guard spokesperson. "
    "A senior U.S. official said 2 ships would follow. The farmers’ union, which met on Monday, said "
    "it was “deeply worried”. ‘Sham’ votes, he said, 'would not count'. In 2025 the talks resumed."
)


def _plain_gap(text: str, tokens: list, j: int) -> str:  # type: ignore[type-arg]
    if j <= 0 or j >= len(tokens):
        return ""
    gap = text[tokens[j - 1].end : tokens[j].start]
    if gap[:1] in ("’", "'") and tokens[j - 1].lower.endswith("s") and not gap[1:].strip():
        return " "
    if gap == "." and len(tokens[j - 1].lower) == 1 and len(tokens[j].lower) == 1:
        return " "
    if gap in (". ", ".\u00a0") and len(tokens[j - 1].lower) == 1 and text[tokens[j].start].islower():
        return " "
    return gap


def test_precomputed_gaps_equal_the_plain_gap() -> None:
    tokens = tokenize(TEXT)
    gaps = _gaps(TEXT, tokens, [t.start for t in tokens])
    assert [gaps[j] if j else "" for j in range(len(tokens))] == [_plain_gap(TEXT, tokens, j) for j in range(len(tokens))]
    assert _gaps("", [], []) == [""]


def test_cached_speaker_types_equal_the_rules() -> None:
    finder = QuoteFinder()
    first = finder(TEXT)
    assert finder._types  # descriptions typed once are remembered
    assert all(speaker_type(description, finder.rules) == kind for description, kind in finder._types.items())
    assert finder(TEXT) == first  # the second call reads the cache and finds the same


def test_finder_on_a_document_equals_finder_on_its_text() -> None:
    document = build_document(TEXT)
    finder = QuoteFinder()
    assert finder(document) == finder(TEXT)


def test_voice_split_from_layout_equals_split_from_tokens() -> None:
    report = analyze_articles([Article(id="a", outlet="A", title="t", text=TEXT)])
    article = report.articles[0]
    tokens = build_document(article.text).tokens
    assert article.quotes
    from_tokens = split_voice(article.sentences, tokens, article.quotes)
    from_layout = split_voice(article.sentences, token_layout(tokens), article.quotes)
    assert from_tokens == from_layout == article.voice
