"""Flag articles that are not in English: the lexicons are English, so their scores would mislead.

A cheap test runs first on the tokens we already have: English prose is dense in function words
(scikit-learn's English stop-word list covers roughly 40-50% of the words of a news article). Only
text that fails it goes to ``py3langid``'s classifier (langid.py, Lui & Baldwin 2012), which names the
language; ``langcodes`` turns the code into a readable name.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import langcodes
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
from .stopwords import ENGLISH_STOP_WORDS

from .types import Token

__all__ = ["NO_WORDS_NOTE", "english_share", "language_note"]

#: Below this share of English function words a text is checked by the classifier. English news runs
#: at 0.30-0.50 (our five seeds: 0.33-0.48); Spanish, French or German prose at 0.02-0.10.
MIN_ENGLISH_SHARE = 0.2
#: Fewer words than this are too few to judge; no note is given.
MIN_WORDS = 20
#: The classifier must be at least this sure before we name a language.
MIN_CONFIDENCE = 0.9
#: Characters given to the classifier: enough to be sure, little enough to stay fast.
SAMPLE_CHARS = 2000
#: The note of a text without a single letter: only emoji, symbols, numbers or invisible characters
#: (zero-width spaces). Without it such a text became a 0-word article with no word said (issue 12).
NO_WORDS_NOTE = ("no words found: this text has only numbers, emoji, symbols or invisible characters, "
                 "so every score is 0 and means nothing")


def english_share(tokens: Sequence[Token]) -> float:
    """Share of tokens that are English function words (0 for no tokens).

    Examples
    --------
    >>> from framing.segment import tokenize
    >>> english_share(tokenize("The talks were held in the capital")) > 0.4
    True
    """
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if t.lower in ENGLISH_STOP_WORDS) / len(tokens)


def language_note(text: str, tokens: Sequence[Token]) -> str | None:
    """Return a warning when ``text`` looks like a language other than English or has no words, else None.

    Examples
    --------
    >>> from framing.segment import tokenize
    >>> text = "El presidente dijo que la reunión con los líderes de China fue muy buena y que las " \\
    ...        "conversaciones sobre el comercio y los aranceles seguirán durante el mes de abril en Pekín."
    >>> language_note(text, tokenize(text))
    'this article looks like Spanish; the lexicons are English, scores will be unreliable'
    """
    if not any(char.isalpha() for token in tokens for char in token.lower):
        return NO_WORDS_NOTE
    if len(tokens) < MIN_WORDS or english_share(tokens) >= MIN_ENGLISH_SHARE:
        return None
    code, confidence = _identifier().classify(text[:SAMPLE_CHARS])
    if code == "en" or confidence < MIN_CONFIDENCE:
        return "this article may not be in English; the lexicons are English, scores may be unreliable"
    name = langcodes.Language.get(code).display_name()
    return f"this article looks like {name}; the lexicons are English, scores will be unreliable"


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # The model ships inside the py3langid wheel; nothing is downloaded.
    return LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
