"""English stop words: scikit-learn's list, read from package data instead of importing scikit-learn.

Distinctive words, facts, naming and the language check all need ``ENGLISH_STOP_WORDS``; importing it
from ``sklearn.feature_extraction.text`` loaded scikit-learn, SciPy's statistics and pandas, 1.2 s of
every command-line run (issue 16). ``lexicons/english_stop_words.csv`` holds the same 318 words
(a test compares it with the installed scikit-learn).
"""

from __future__ import annotations

from .data_files import data_source, read_data_csv
from .errors import LexiconError

__all__ = ["ENGLISH_STOP_WORDS", "read_stop_words"]

_STOP_WORDS_FILE = "english_stop_words.csv"


def read_stop_words() -> frozenset[str]:
    """Read ``lexicons/english_stop_words.csv``: one lower-case word a row, each once.

    Raises
    ------
    LexiconError
        An empty, upper-case or repeated word; the message names file and line.

    Examples
    --------
    >>> "the" in read_stop_words()
    True
    """
    first_line: dict[str, int] = {}
    for line, row in read_data_csv(_STOP_WORDS_FILE, required=("word",)):
        word, where = row["word"], f"{data_source(_STOP_WORDS_FILE)} line {line}"
        if not word or word != word.lower() or any(c.isspace() for c in word):
            raise LexiconError(f"{where}: stop word {word!r} must be one lower-case word")
        if word in first_line:
            raise LexiconError(f"{where}: stop word {word!r} is already on line {first_line[word]}")
        first_line[word] = line
    return frozenset(first_line)


#: scikit-learn's English stop words (``lexicons/english_stop_words.meta.json`` has the provenance).
ENGLISH_STOP_WORDS: frozenset[str] = read_stop_words()
