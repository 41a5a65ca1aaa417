"""What counts as a letter in a word, shared by the tokenizer and the lexicon's term check.

Python's ``\\w`` leaves out combining marks (Unicode categories Mn, Mc, Me), so "café" typed with a
combining accent, Hindi (vowel signs) or vowelled Arabic fell apart into pieces, and a lexicon term
holding a mark was refused as a "pattern". Text is NFC-normalised when it is loaded, which composes
most Latin accents; the marks that remain (Devanagari, Arabic harakat, ...) belong to their word.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from itertools import chain

__all__ = ["INVISIBLE_IN_LABELS", "MARKS", "WORD", "WORD_RUN", "WORD_WITHOUT_MARKS", "clean_label", "counted", "has_marks", "is_mark", "lower_if_plain", "nfc", "shorten"]


def _mark_ranges() -> str:
    """A regex character-class body of every combining mark (planes 0-1 and the variation selectors)."""
    code_points = chain(range(0x20000), range(0xE0000, min(0xE1000, sys.maxunicode + 1)))
    marks = [c for c in code_points if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")]
    ranges, start, previous = [], marks[0], marks[0]
    for code in marks[1:]:
        if code != previous + 1:
            ranges.append((start, previous))
            start = code
        previous = code
    ranges.append((start, previous))
    return "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)


#: Every combining mark, as the body of a regex character class (``[...]``).
MARKS = _mark_ranges()
#: One run of letters or digits with the marks that go with them (a word starts with a letter or digit).
WORD_RUN = rf"[^\W_]+(?:[{MARKS}]+[^\W_]*)*"
#: A word: letters, digits and their marks, with inner apostrophes ("didn't", "China's", "café").
WORD = rf"{WORD_RUN}(?:['’]{WORD_RUN})*"
#: :data:`WORD` for a text without marks (:func:`has_marks`): the same words, about 40% faster to
#: find (the large mark class is never tried).
WORD_WITHOUT_MARKS = r"[^\W_]+(?:['’][^\W_]+)*"
_MARK = re.compile(f"[{MARKS}]")


def nfc(text: str) -> str:
    """``text`` in Unicode normal form C; ASCII text is returned as it is.

    Examples
    --------
    >>> nfc("cafe\\u0301") == "caf\\u00e9", nfc("plain")
    (True, 'plain')
    """
    return text if text.isascii() else unicodedata.normalize("NFC", text)


#: Characters that show nothing and join nothing a label needs: zero-width space, word joiner and the
#: byte-order mark (zero-width no-break space). ZWJ and ZWNJ stay: Indic and Persian spelling needs them.
INVISIBLE_IN_LABELS = "\u200b\u2060\ufeff"
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE_IN_LABELS)


def clean_label(text: str) -> str:
    """An outlet label as a reader sees it: NFC, invisible characters dropped, white space collapsed.

    Two labels that look the same are one outlet ("B" and "B" + U+200B were two, issue 12).

    Examples
    --------
    >>> clean_label(" Cafe\u0301\u200b  Times\ufeff ") == "Caf\u00e9 Times"
    True
    """
    return " ".join(nfc(text).translate(_DROP_INVISIBLE).split())


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, the last one an ellipsis, for a value quoted in a message.

    Examples
    --------
    >>> shorten("Breaking news", 8), shorten("Short", 8)
    ('Breakin…', 'Short')
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def has_marks(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`MARKS`: asked of its distinct characters only
    (searching the whole text for the large class took longer than finding its words).

    Examples
    --------
    >>> has_marks("cafe\u0301 — it’s"), has_marks("café — it’s")
    (True, False)
    """
    return _MARK.search("".join(set(text))) is not None


def is_mark(char: str) -> bool:
    """True for a combining mark (accent, vowel sign, harakah).

    Examples
    --------
    >>> is_mark("\\u0301"), is_mark("\\u093f"), is_mark("e")
    (True, True, False)
    """
    return unicodedata.category(char).startswith("M")


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def lower_if_plain(text: str) -> str | None:
    """``text.lower()`` when every character outside ASCII is caseless (curly quotes, dashes, spaces), else None.

    On such text lower-casing changes ASCII letters only, one for one, and a case-insensitive match
    is a match of the lower-cased pattern on the lower-cased text: where a lower-case pattern finds
    nothing, the case-insensitive one cannot match and its slower search can be skipped (issue 16:
    ``clutter`` and ``cleaning.detect_appeals`` do). Any cased letter beyond ASCII (accents, the
    Turkish dotted I, the Kelvin sign) gives None: those keep the full search.

    Examples
    --------
    >>> lower_if_plain("Read More \u2019here\u2019"), lower_if_plain("Caf\u00e9") is None
    ('read more \u2019here\u2019', True)
    """
    if not text.isascii() and any(c.lower() != c or c.upper() != c for c in set(_NON_ASCII.findall(text))):
        return None
    return text.lower()


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` and the noun in the number it needs: "1 article", "4 articles", never "4 article(s)".

    Examples
    --------
    >>> counted(1, "article"), counted(4, "article"), counted(0, "quote"), counted(2, "entry", "entries")
    ('1 article', '4 articles', '0 quotes', '2 entries')
    """
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"
