"""Property tests of framing.corpus: loading never raises and always explains itself."""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy
import hypothesis.strategies as hst
from hypothesis import assume, given, settings

from framing.corpus import SUPPORTED_SUFFIXES, load_bytes
from framing.types import LoadResult

NAMES = [f"input{suffix}" for suffix in SUPPORTED_SUFFIXES]

#: Encodings (with the BOM a writer would put first) that every text must survive.
BOM_ENCODINGS: dict[str, bytes] = {
    "utf-8": b"",
    "utf-8-sig": b"",  # Python adds the BOM itself
    "utf-16": b"",  # Python adds a native-order BOM
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}

#: Encodings where a text may be misread (no BOM, guessed codec) but must still never raise.
ALL_ENCODINGS = [*BOM_ENCODINGS, "utf-16-le-nobom", "utf-16-be-nobom", "cp1252"]

#: Text that is neither front matter nor a seed date line and has no control characters.
PLAIN_TEXT = hst.text(
    alphabet=hst.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="-"),
    min_size=1,
    max_size=200,
).map(lambda text: text.replace("\u2028", " "))


def _encode(text: str, encoding: str) -> bytes:
    if encoding.endswith("-nobom"):
        return text.encode(encoding.removesuffix("-nobom"))
    if encoding == "cp1252":
        return text.encode("cp1252", errors="replace")
    return BOM_ENCODINGS[encoding] + text.encode(encoding)


def _assert_explained(result: LoadResult) -> None:
    assert result.articles or result.skipped
    assert all(article.text.strip() for article in result.articles)
    assert all(skip.reason.strip() and skip.source for skip in result.skipped)
    assert len({article.id for article in result.articles}) == len(result.articles)


@settings(max_examples=300, deadline=None)
@given(name=hst.sampled_from(NAMES), data=hst.binary(max_size=400))
def test_load_bytes_never_raises_on_arbitrary_bytes(name: str, data: bytes) -> None:
    _assert_explained(load_bytes(name, data))


@settings(max_examples=300, deadline=None)
@given(name=hst.sampled_from(NAMES), text=hst.text(max_size=300), encoding=hst.sampled_from(ALL_ENCODINGS))
def test_load_bytes_never_raises_on_arbitrary_text(name: str, text: str, encoding: str) -> None:
    _assert_explained(load_bytes(name, _encode(text, encoding)))


@settings(max_examples=200, deadline=None)
@given(text=PLAIN_TEXT, encoding=hst.sampled_from(list(BOM_ENCODINGS)))
def test_load_bytes_round_trips_plain_text_in_each_unicode_encoding(text: str, encoding: str) -> None:
    # As written but for newlines, a BOM opening a line, and NFC (issue 12).
    expected = re.sub("(?m)^\ufeff+", "", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    expected = unicodedata.normalize("NFC", expected)
    assume(expected and not re.match(r"\s*date\s", expected))
    assume(ftfy.fix_encoding(expected) == expected)  # text that reads as mojibake is repaired (and noted)
    result = load_bytes("input.txt", _encode(text, encoding))
    assert result.skipped == ()
    assert [article.text for article in result.articles] == [expected]
