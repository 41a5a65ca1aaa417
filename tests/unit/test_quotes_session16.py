"""Quote speakers (session 16): "the" + lower-case modifiers + a body's noun is the whole speaker."""

from __future__ import annotations

import pytest

from framing.quotes import QuoteFinder

FINDER = QuoteFinder()


def _speakers(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.speaker_type) for q in FINDER(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the speaker was the bare noun ("watchdog", "agency") and its type missed the "UN" before it
        ('The UN nuclear watchdog said on Monday that "inspectors had no access to the plant".',
         [("The UN nuclear watchdog", "international")]),
        ('The U.N. refugee agency said "the camps are full".', [("The U.N. refugee agency", "international")]),
        ('Earlier, the competition watchdog said "prices had risen".', [("the competition watchdog", "government")]),
        ('In the end the shipping regulator said "the port stays open".', [("the shipping regulator", "government")]),
        # people nouns keep their old phrase: the "the" may belong to an earlier noun
        ('As the crisis grew officials said "the port stays open".', [("officials", "anonymous")]),
        # after a preposition the "the" opens the preposition's object, not the speaker
        ('During the port strike agency staff said "the port stays open".', [("agency staff", "government")]),
        # an article or a number still opens an unnamed speaker, as before
        ('A senior Ruritanian official said "the port stays open".', [("A senior Ruritanian official", "anonymous")]),
    ],
)
def test_a_body_named_with_modifiers_after_the_is_the_whole_speaker(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert _speakers(text) == expected
