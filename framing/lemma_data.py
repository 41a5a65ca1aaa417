"""simplemma's English dictionary, kept decoded in a user cache file so a new process loads it fast.

Why: simplemma ships each language's dictionary front-coded and lzma-compressed, and decodes it in
pure Python at first use: about 0.5 s for English's 181,000 forms, paid by every dashboard server
before its first chart and by every command-line run (measured 2026-12-02, issue 16 item 6). The
decoded dictionary, written once as two NUL-separated byte strings (the forms sorted, their lemmas),
loads in a few hundredths of a second and is searched by bisection (:class:`SortedForms`). It is built from the installed package's own data on first use; nothing is
downloaded, and the lemmas are the same (the same bytes-to-bytes mapping simplemma builds itself).

The cache file is keyed by simplemma's version and the data file's size and modification time, so
an upgrade or a reinstall builds a new one. It lives in ``$FRAMING_CACHE_DIR``, else
``$XDG_CACHE_HOME/framing-lens``, else ``~/.cache/framing-lens``; when that cannot be read or written
the dictionary is decoded as simplemma would, every time, and nothing else changes. The file holds
plain bytes, never pickles: a tampered file can give wrong lemmas but cannot run code.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy
from simplemma.strategies.dictionaries import dictionary_factory as _factory_module
from simplemma.strategies.dictionaries.dictionary_factory import (
    CachingDictionaryFactory,
    DecodedStrMapping,
    MappingStrToByteString,
)

from .cache_file import cache_dir, read_sections, through_cache, write_sections

__all__ = ["LEMMATIZER", "SortedForms", "cache_dir", "cache_path", "load_dictionary"]

#: First bytes of a cache file: format name and version, then the entry count and the forms' length.
_MAGIC = b"framing-lens simplemma-dictionary 1"
_SEP = b"\0"


def cache_path(lang: str) -> Path:
    """The cache file for ``lang``'s dictionary as installed now (name changes with the package)."""
    source = _factory_module.DATA_FOLDER / f"{lang}.plzma"
    stat = source.stat()
    return cache_dir() / f"simplemma-{simplemma.__version__}-{lang}-{stat.st_size}-{stat.st_mtime_ns}.bin"


class SortedForms(DecodedStrMapping):
    """A read-only form -> lemma mapping over two parallel lists, the forms sorted (binary search).

    Why not a dict: building a dict of 181,000 byte strings costs about 0.1 s more than splitting
    the cache file into the two lists, and simplemma only ever calls ``get`` on it."""

    __slots__ = ("_forms", "_lemmas")

    def __init__(self, forms: list[bytes], lemmas: list[bytes]) -> None:
        self._forms, self._lemmas = forms, lemmas

    def _lookup(self, key: str) -> str | None:
        wanted = key.encode()
        index = bisect.bisect_left(self._forms, wanted)
        if index < len(self._forms) and self._forms[index] == wanted:
            return self._lemmas[index].decode()
        return None

    def __iter__(self) -> Iterator[str]:
        return (form.decode() for form in self._forms)

    def __len__(self) -> int:
        return len(self._forms)


def _read(path: Path) -> SortedForms | None:
    sections = read_sections(path, _MAGIC)
    if sections is None:
        return None
    count, forms_blob, lemmas_blob = sections
    forms, lemmas = forms_blob.split(_SEP), lemmas_blob.split(_SEP)
    if len(forms) != count or len(lemmas) != count:
        return None
    return SortedForms(forms, lemmas)


def _write(path: Path, dictionary: dict[bytes, bytes]) -> None:
    forms = sorted(dictionary)
    lemmas = [dictionary[form] for form in forms]
    if any(_SEP in item for item in forms) or any(_SEP in item for item in lemmas):
        return  # not expressible in this format: decode every time instead
    write_sections(path, _MAGIC, len(forms), _SEP.join(forms), _SEP.join(lemmas))


def load_dictionary(lang: str) -> Mapping[str, str]:
    """``lang``'s dictionary as simplemma decodes it, from the cache file when there is a good one."""
    found = through_cache(lambda: cache_path(lang), _read, lambda: _factory_module._load_dictionary_from_disk(lang), _write)
    return found if isinstance(found, SortedForms) else MappingStrToByteString(found)


class CachedDictionaryFactory(CachingDictionaryFactory):
    """simplemma's default dictionary factory, reading through :func:`load_dictionary`."""

    __slots__ = ()

    def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
        return load_dictionary(lang)


#: The lemmatizer ``simplemma.lemmatize(token, lang)`` uses (non-greedy default strategy), on the cache.
LEMMATIZER = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=CachedDictionaryFactory()))
