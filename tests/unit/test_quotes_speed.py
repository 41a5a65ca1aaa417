"""The quote finder's speed-ups change no result (issue 14): each shortcut against the plain way.

Why: quote finding was made cheaper by computing once what the rules asked for many times (the
gaps between tokens, speaker types per distinct description, a compact token layout for the voice
split). These tests pin that each shortcut gives what the plain computation gives.
"""

from __future__ import annotations

import re

from framing.pipeline import analyze_articles
from framing.quote_rules import load_quote_rules, parse_quote_rules
from framing.quotes import _CAPITAL_PAIR, _LETTER_ABBREVIATION, FUNCTION_WORD_ZIPF, QuoteFinder, _gaps, _zipf, speaker_type, term_spans
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


def test_cached_function_words_equal_the_rules_and_stay_with_their_finder() -> None:
    # the cache is keyed by word only: a finder with other rules must not read another's answers
    packaged = QuoteFinder()
    cues = "term,role,note\nsay,speech,x\nbut,determiner,x\n"
    other = QuoteFinder(parse_quote_rules(cues, "term,type,country,person,note\nminister,government,,yes,x\n"))
    text = "But Ilse Brandt said the talks were useful. But the minister said so."
    packaged(text), other(text)
    assert packaged._function_words.get("but") is True and other._function_words.get("but") is False
    for finder in (packaged, other):
        cues_of = finder.rules.cues
        for word, cached in finder._function_words.items():
            assert cached == (_zipf(word) >= FUNCTION_WORD_ZIPF and word not in finder._term_words and not any(
                word in cues_of.get(role, frozenset()) for role in ("pronoun_person", "pronoun_body", "determiner")))


def test_term_spans_change_no_speaker_type() -> None:
    rules = load_quote_rules()
    spans = term_spans(rules)
    for description in ("a White House official", "the Chinese foreign ministry spokesperson Lin Jian", "the leaders",
                        "Sen. Ana Ruiz (D-Ore.)", "an Acme spokesperson", "UN Secretary-General Ana Ruiz", ""):
        assert speaker_type(description, rules, spans=spans) == speaker_type(description, rules)


def test_rewritten_scans_match_their_plain_patterns() -> None:
    # the look-behind forms find what the \b forms find (only the end of an abbreviation, the start of a pair, is read)
    text = ("U.S. troops. The U.K.\u00a0envoy, a.b.c.d. e, x_U.S. no, 9U.S. no, éU.S. no, (U.S. yes) "
            "He Lianbo said. Xi Jinping, aHe Li, _He Li, 2He Li, ÉHe Li, Li Wei, Abc D and Ab Cd.")
    for head in ("", "U.S. ", "He Li "):
        sample = head + text
        assert [m.end() for m in _LETTER_ABBREVIATION.finditer(sample)] == [
            m.end() for m in re.finditer(r"\b[A-Za-z]\.[A-Za-z]\.[ \u00a0]", sample)]
        assert [m.start() for m in _CAPITAL_PAIR.finditer(sample)] == [m.start() for m in re.finditer(r"\b[A-Z][a-z]{1,2} [A-Z]", sample)]
