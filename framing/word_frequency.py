"""wordfreq's English frequencies (``word_frequency``, ``zipf_frequency``) from a user cache file.

Why: wordfreq builds a dict of its 321,180 English words at first use, about 0.22 s of every dashboard
server's first chart and every command-line run (measured 2026-12-02, issue 16 item 6). Here the same
list, written once as the words sorted and their centibel buckets, loads in a few hundredths of a
second and is searched by bisection. The numbers are wordfreq's: the same buckets (a word listed twice
keeps its last bucket, as in ``wordfreq.get_frequency_dict``), the same tokenizer for anything but
plain lower-case words (``wordfreq.tokens.lossy_tokenize``, imported only then), the same arithmetic.

The cache file sits beside simplemma's (:func:`framing.cache_file.cache_dir`), keyed by wordfreq's
version and its data file's size and modification time; when it cannot be read or written the list
is read from wordfreq's data as wordfreq would, and nothing else changes. Plain bytes, no pickles.
"""

from __future__ import annotations

import bisect
import importlib.metadata
import importlib.util
import math
import re
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cache_file import cache_dir, read_sections, through_cache, write_sections

__all__ = ["word_frequency", "zipf_frequency"]

_MAGIC = b"framing-lens wordfreq-en 1"
_SEP = b"\0"
#: Terms wordfreq's English tokenizer returns unchanged, split at single spaces: no need to import it.
_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")


def _data_file() -> Path:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        raise OSError("wordfreq is not installed")
    return Path(spec.origin).parent / "data" / "large_en.msgpack.gz"


def _cache_path() -> Path:
    stat = _data_file().stat()
    version = importlib.metadata.version("wordfreq")
    return cache_dir() / f"wordfreq-{version}-en-{stat.st_size}-{stat.st_mtime_ns}.bin"


class _Table:
    """Sorted words and their bucket (minus centibels), looked up by bisection."""

    __slots__ = ("words", "buckets")

    def __init__(self, words: list[str], buckets: array[int]) -> None:
        self.words, self.buckets = words, buckets

    def bucket(self, word: str) -> int | None:
        index = bisect.bisect_left(self.words, word)
        if index < len(self.words) and self.words[index] == word:
            return self.buckets[index]
        return None


def _read(path: Path) -> _Table | None:
    sections = read_sections(path, _MAGIC)
    if sections is None:
        return None
    count, words_blob, raw = sections
    buckets = array("H")
    if len(raw) != count * buckets.itemsize:
        return None
    buckets.frombytes(raw)
    try:
        words = words_blob.decode("utf-8").split("\0")
    except UnicodeDecodeError:
        return None
    if len(words) != count:
        return None
    return _Table(words, buckets)


def _build() -> _Table:
    import wordfreq

    bucket_of: dict[str, int] = {}
    for index, bucket in enumerate(wordfreq.get_frequency_list("en")):
        for word in bucket:
            bucket_of[word] = index  # a later bucket wins, as in wordfreq.get_frequency_dict
    words = sorted(bucket_of)
    return _Table(words, array("H", (bucket_of[word] for word in words)))


def _write(path: Path, table: _Table) -> None:
    if any("\0" in word for word in table.words) or (table.buckets and max(table.buckets) > 0xFFFF):
        return
    write_sections(path, _MAGIC, len(table.words), "\0".join(table.words).encode("utf-8"), table.buckets.tobytes())


@lru_cache(maxsize=1)
def _table() -> _Table:
    return through_cache(_cache_path, _read, _build, _write)


@lru_cache(maxsize=1)
def _wordfreq_numbers() -> Any:
    import wordfreq.numbers

    return wordfreq.numbers


def _tokens(term: str) -> list[str]:
    if _PLAIN.fullmatch(term):
        return term.split(" ")
    from wordfreq.tokens import lossy_tokenize

    return list(lossy_tokenize(term, "en"))


def _frequency(term: str, minimum: float) -> float:
    """``wordfreq._word_frequency(term, "en", "best", minimum)``, step by step."""
    tokens = _tokens(term)
    if not tokens:
        return minimum
    table = _table()
    one_over_result = 0.0
    for token in tokens:
        smashed = token
        if any(character.isdigit() for character in token):
            smashed = _wordfreq_numbers().smash_numbers(token)
        bucket = table.bucket(smashed)
        if bucket is None:
            return minimum
        freq = 10 ** (-bucket / 100)  # wordfreq.cB_to_freq(-bucket)
        if smashed != token:
            freq *= _wordfreq_numbers().digit_freq(token)
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    unrounded = max(freq, minimum)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


def _english(lang: str) -> None:
    if lang != "en":
        raise ValueError(f"only English frequencies are kept here, not {lang!r}")


@lru_cache(maxsize=100_000)
def word_frequency(term: str, lang: str = "en") -> float:
    """``wordfreq.word_frequency(term, "en")``."""
    _english(lang)
    return _frequency(term, 0.0)


@lru_cache(maxsize=100_000)
def zipf_frequency(word: str, lang: str = "en") -> float:
    """``wordfreq.zipf_frequency(word, "en")``."""
    _english(lang)
    freq = _frequency(word, 10**0.0 / 1e9)  # wordfreq.zipf_to_freq(0)
    return round(math.log(freq, 10) + 9, 2)  # wordfreq.freq_to_zipf
