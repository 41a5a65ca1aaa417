"""Non-English articles are flagged, English ones are not (issue: hardening, non-English input)."""

import pytest

from framing.language import english_share, language_note
from framing.pipeline import analyze_articles
from framing.segment import tokenize
from framing.types import Article

ENGLISH = (
    "The two leaders spoke by phone on Monday and agreed to keep talking about tariffs, "
    "soybean purchases and the security of the region, officials said after the call."
)
SPANISH = (
    "El presidente dijo que la conversación con su homólogo fue muy productiva y que los dos "
    "gobiernos seguirán negociando los aranceles y las compras de soja durante las próximas semanas."
)
GERMAN = (
    "Der Präsident sagte, das Gespräch mit seinem Amtskollegen sei sehr produktiv gewesen und beide "
    "Regierungen würden in den kommenden Wochen weiter über Zölle und Sojakäufe verhandeln."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(SPANISH, "Spanish"), (GERMAN, "German")],
)
def test_language_note_names_the_language(text, language):
    note = language_note(text, tokenize(text))
    assert note == f"this article looks like {language}; the lexicons are English, scores will be unreliable"


def test_language_note_silent_for_english():
    assert language_note(ENGLISH, tokenize(ENGLISH)) is None


def test_language_note_silent_for_too_short_text():
    assert language_note("Hola amigos", tokenize("Hola amigos")) is None


def test_english_share_empty_is_zero():
    assert english_share([]) == 0.0


def test_pipeline_keeps_non_english_article_with_note():
    report = analyze_articles([Article(id="es", outlet="El Diario", title="t", text=SPANISH)])
    (article,) = report.articles
    assert article.text  # still shown and scored
    assert any("Spanish" in note for note in article.notes)
