"""The cheap mojibake pre-check never hides a repair ftfy would make (framing.mojibake)."""

from __future__ import annotations

import ftfy
from ftfy.chardata import CHARMAP_ENCODINGS
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.mojibake import might_be_mojibake, repair_mojibake

#: Text of the kinds news holds: ASCII, Latin-1, Latin Extended, Greek, Cyrillic, punctuation, CJK.
TEXT = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x4FF) | st.sampled_from("“”‘’—–…€™•中文"),
               max_size=40)


@given(TEXT)
@settings(max_examples=300, deadline=None)
def test_utf8_misread_by_any_encoding_ftfy_tries_is_suspected(text: str) -> None:
    data = text.encode("utf-8")
    for encoding in CHARMAP_ENCODINGS:
        try:
            misread = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if misread != text:
            assert might_be_mojibake(misread), (encoding, misread)


@given(TEXT)
@settings(max_examples=1500, deadline=None)
def test_text_the_precheck_passes_is_text_ftfy_leaves_as_utf8_repair_would(text: str) -> None:
    if might_be_mojibake(text):
        return
    repaired, steps = ftfy.fix_encoding_and_explain(text)
    took = repaired != text and any(s[0] == "decode" and s[1].startswith("utf-8") for s in steps or ())
    assert not took, (text, repaired)
    assert repair_mojibake(text, "text", []) == text


def test_repairs_still_happen_and_are_noted() -> None:
    notes: list[str] = []
    assert repair_mojibake("NATOâ€™s summit", "text", notes) == "NATO’s summit"
    assert notes and "repaired mojibake in text" in notes[0]


def test_a_c1_control_character_always_goes_to_ftfy() -> None:
    assert might_be_mojibake("\x9b\u00df")  # ftfy decodes UTF-8 through it (found by the property test)


def test_clean_news_punctuation_is_not_suspected() -> None:
    assert not might_be_mojibake("“We won,” she said — at 10 a.m. — in Zürich’s café.")
