"""Paragraphs, sentences and tokens with character offsets (framing.segment)."""

from __future__ import annotations

import re

import pytest

from framing.segment import lemmatize, split_paragraphs, split_sentences, tokenize
from framing.textnorm import WORD
from framing.types import Token

ABBREVIATIONS = "Officials from the U.S. met on Nov. 24 in Geneva. They talked for hours."
TWO_PARAGRAPHS = "Talks began. They went on\n\nwithout a break. Then they ended."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ABBREVIATIONS, ["Officials from the U.S. met on Nov. 24 in Geneva.", "They talked for hours."]),
        ("Dr. Lee spoke. Mr. Tan did not.", ["Dr. Lee spoke.", "Mr. Tan did not."]),
        ("One sentence without a full stop", ["One sentence without a full stop"]),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
    ],
)
def test_split_sentences_keeps_abbreviations_inside(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_sentences(text)] == expected


@pytest.mark.parametrize("text", [ABBREVIATIONS, TWO_PARAGRAPHS, "  Padded.  \n\n\n  Lines. \n", "a\n\nb\n\nc"])
def test_split_sentences_offsets_are_valid(text: str) -> None:
    spans = split_sentences(text)
    assert spans
    for span in spans:
        piece = text[span.start : span.end]
        assert 0 <= span.start < span.end <= len(text)
        assert piece == piece.strip()
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_split_sentences_never_cross_paragraphs() -> None:
    spans = split_sentences(TWO_PARAGRAPHS)
    assert [(TWO_PARAGRAPHS[s.start : s.end], s.paragraph) for s in spans] == [
        ("Talks began.", 0),
        ("They went on", 0),
        ("without a break.", 1),
        ("Then they ended.", 1),
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n"])
def test_split_sentences_blank_text_gives_nothing(text: str) -> None:
    assert split_sentences(text) == []


def test_split_paragraphs_numbers_from_zero_and_strips() -> None:
    text = "  First.\n \n\nSecond.\n\nThird.  "
    spans = split_paragraphs(text)
    assert [(text[s.start : s.end], s.paragraph) for s in spans] == [("First.", 0), ("Second.", 1), ("Third.", 2)]


def test_split_paragraphs_single_newline_is_not_a_break() -> None:
    text = "Line one\nline two"
    assert [(s.start, s.end) for s in split_paragraphs(text)] == [(0, len(text))]


def test_tokenize_offsets_give_surface_text() -> None:
    text = "China’s TARIFFS on U.S.-made goods didn't fall in 2025."
    for token in tokenize(text):
        assert text[token.start : token.end].lower().replace("’", "'") == token.lower


@pytest.mark.parametrize(
    ("text", "lowers"),
    [
        ("US-China talks", ["us", "china", "talks"]),
        ("didn't stop", ["didn't", "stop"]),
        ("China’s plan", ["china's", "plan"]),
        ("snake_case words", ["snake", "case", "words"]),
        ("... -- !!", []),
        ("Tokyo東京 2025", ["tokyo東京", "2025"]),
    ],
)
def test_tokenize_word_boundaries(text: str, lowers: list[str]) -> None:
    assert [t.lower for t in tokenize(text)] == lowers


@pytest.mark.parametrize(
    ("text", "joins"),
    [
        ("trade war", [False, True]),
        ("-trade war", [False, True]),  # the first word continues nothing
        ("trade  war", [False, False]),  # two spaces
        ("de-escalation, talks", [False, True, False]),
        ("post\u2013World War", [False, True, True]),
        ("trade.War", [False, False]),
        ("cafe\u0301 talks", [False, True]),  # a combining mark: the marked pattern
    ],
)
def test_tokenize_joins_previous_only_across_one_joiner(text: str, joins: list[bool]) -> None:
    tokens = tokenize(text)
    assert [t.joins_previous for t in tokens] == joins
    assert all(type(t) is Token and type(t.joins_previous) is bool for t in tokens)
    assert [text[t.start : t.end] for t in tokens] == [m.group() for m in re.finditer(WORD, text)]


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("tariffs", "tariff"),
        ("negotiations", "negotiation"),
        ("exports", "export"),
        ("troops", "troop"),
        ("beijing's", "beijing"),
        ("didn't", "didn't"),
        ("won't", "won't"),
    ],
)
def test_lemmatize_folds_inflections(word: str, lemma: str) -> None:
    assert lemmatize(word) == lemma


def test_tokenize_lemma_of_inflection_matches_base_form() -> None:
    (token,) = tokenize("Tariffs")
    assert (token.lower, token.lemma) == ("tariffs", "tariff")


@pytest.mark.parametrize(("word", "lemma"), [
    # simplemma's dictionary lacks some British doubled-l forms; its fallback rule left "cancell",
    # which the "own words" lists showed to readers (an unseen NHS story)
    ("cancelled", "cancel"), ("cancelling", "cancel"), ("travelling", "travel"), ("modelled", "model"),
    # real double-l verbs keep their lemma
    ("installed", "install"), ("enrolled", "enroll"), ("fulfilled", "fulfill"), ("stalled", "stall"), ("killed", "kill"),
])
def test_lemmatize_british_doubled_l(word: str, lemma: str) -> None:
    from framing.segment import lemmatize

    assert lemmatize(word) == lemma
