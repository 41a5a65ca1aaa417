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


def _reported(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker, q.text) for q in FINDER(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trailing speaker with a capitalised title: the clause before the comma was not reported at all
        ("The talks will resume in May, Prime Minister Ilse Brandt said.",
         [("indirect", "Ilse Brandt", "The talks will resume in May")]),
        ("The two sides agreed to a truce, Chilean Foreign Minister Lev Orlov said on Monday.",
         [("indirect", "Lev Orlov", "The two sides agreed to a truce")]),
        ("The port will reopen, Acting President Mara Lind told reporters.",
         [("indirect", "Mara Lind", "The port will reopen")]),
        ('Both sides agreed to an "immediate" truce, Malaysian leader Ivo Kral announced on Monday.',
         [("indirect", "Ivo Kral", 'Both sides agreed to an "immediate" truce'), ("direct", "Ivo Kral", "immediate")]),
    ],
)
def test_a_trailing_speaker_with_a_capitalised_title_reports_the_clause_before(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert _reported(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the participle's subject, not a trailer: the clause before the comma is no one's report
        "Ruritania responded swiftly to the levy, with Prime Minister Ilse Brandt vowing to retaliate.",
        # the cue goes on after a comma: what follows is the report, not what comes before
        "Confirming the deal, Ruritanian President Lev Orlov said, the hostages would be freed in May.",
    ],
)
def test_a_titled_speaker_does_not_report_a_participle_or_an_opening_phrase(text: str) -> None:
    reported = [q.text for q in FINDER(text)]
    assert not any(t.startswith(("Ruritania responded", "Confirming")) for t in reported)


@pytest.mark.parametrize("title", ["Thailand's acting Prime Minister", "Thai acting Prime Minister", "Thailand's interim Prime Minister"])
def test_a_current_office_modifier_keeps_the_country_in_the_persons_description(title: str) -> None:
    # "acting" ended the description, so the country went and the article's other government won
    text = (f"The summit opened, Malaysian Prime Minister Ivo Kral said on Monday.\n\n"
            f"Kral hosted {title} Lev Orlov in the capital.\n\n"
            "Before departing, Orlov told reporters that the key focus would be on a truce.")
    assert [(q.speaker, q.speaker_type) for q in FINDER(text)][-1] == ("Lev Orlov", "government:Thailand")


@pytest.mark.parametrize(("text", "clause"), [
    ("ARDEN — Ruritania and Borovia have agreed to an immediate truce, Prime Minister Ilse Brandt said on Monday.",
     "Ruritania and Borovia have agreed to an immediate truce"),
    ("ARDEN (Wire) - The port will reopen after the strike ends, the ministry said.", "The port will reopen after the strike ends"),
])
def test_a_dateline_is_no_part_of_the_reported_clause(text: str, clause: str) -> None:
    assert [q.text for q in FINDER(text)] == [clause]
