"""English stop words: scikit-learn's list, read from package data instead of importing scikit-learn.

Distinctive words, facts, naming and the language check all need ``ENGLISH_STOP_WORDS``; importing it
from ``sklearn.feature_extraction.text`` loaded scikit-learn, SciPy's statistics and pandas, 1.2 s of
every command-line run (issue 16). ``lexicons/english_stop_words.csv`` holds the same 318 words
(a test compares it with the installed scikit-learn).
"""

from __future__ import annotations

from .data_files import read_data_csv

__all__ = ["ENGLISH_STOP_WORDS"]

#: scikit-learn's English stop words (``lexicons/english_stop_words.meta.json`` has the provenance).
ENGLISH_STOP_WORDS: frozenset[str] = frozenset(row["word"] for _, row in read_data_csv("english_stop_words.csv", required=("word",)))
