"""Quote speakers (session 15, slips on untuned Canada-steel pages), on sentences written for these tests."""

from __future__ import annotations

import pytest

from framing.quotes import QuoteFinder

FINDER = QuoteFinder()


def _quotes(text: str) -> list[tuple[str, str | None]]:
    return [(q.kind, q.speaker) for q in FINDER(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name inside the quotation never speaks for the participle after the attribution
        ("Ilse Brandt spoke on Monday. “I note that the Ruritanian action is global,” she said, adding that "
         "further steps will depend on the talks.",
         [("direct", "Ilse Brandt"), ("indirect", "Ilse Brandt")]),
        ("Lev Orlov spoke on Monday. “The European plan is late,” he said, adding further steps will depend on the talks.",
         [("direct", "Lev Orlov"), ("indirect", "Lev Orlov")]),
        # a quotation-internal name with no reporting verb before the participle: no speaker is invented
        ("“The Ruritanian plan is late, adding costs for everyone.”", [("direct", None)]),
    ],
)
def test_a_speaker_never_comes_from_inside_a_quotation(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a quote, a cue followed by a name and a finite verb opens a clause: the name does not speak
        ("Ilse Brandt said the levies would be “adjusted to the progress of the talks,” signalling Ruritania may "
         "match the rate.",
         [("indirect", "Ilse Brandt"), ("direct", "Ilse Brandt")]),
        # the inverted attribution itself still works, also with a relative clause after the name
        ("“We will never leave,” said Ilse Brandt.", [("direct", "Ilse Brandt")]),
        ("“We are ready,” said Ana Ruiz, who will travel to the capital.", [("direct", "Ana Ruiz")]),
    ],
)
def test_a_name_that_opens_a_clause_after_a_quote_is_no_speaker(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an "-ly" adverb between the speaker and the verb is skipped, whether or not a skip row lists it
        ("The ministry swiftly said the ban would stay.", [("indirect", "The ministry")]),
        ("Ruritania promptly announced a ban on imports of “aquatic products,” which covers fish.",
         [("direct", "Ruritania")]),
        ("Officials happily said the deal was done.", [("indirect", "Officials")]),
        # nouns in -ly are no adverbs: the speaker keeps them
        ("His family said he was innocent.", [("indirect", "His family")]),
        ("The national assembly said the vote would go ahead.", [("indirect", "assembly")]),
    ],
)
def test_an_adverb_between_speaker_and_verb_is_not_part_of_the_speaker(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("The nuclear watchdog has stated that the release is safe.", "watchdog", "government"),
        ("Ruritania’s nuclear regulator said the water was safe.", "regulator", "government"),
    ],
)
def test_watchdogs_and_regulators_speak(text: str, speaker: str, kind: str) -> None:
    quotes = FINDER(text)
    assert [(q.kind, speaker in (q.speaker or ""), q.speaker_type.split(":")[0]) for q in quotes] == [("indirect", True, kind)]
