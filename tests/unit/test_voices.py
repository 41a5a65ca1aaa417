"""Voice-aware scores and the per-outlet fields of issue 14, on articles written for these tests."""

from __future__ import annotations

import csv
import io
import json

import pytest

from framing.export import to_csv, to_json
from framing.pipeline import analyze_articles
from framing_render.quotes import render_quotes_html
from framing_render.report import render_report_html
from framing.types import FRAMES, Article
from framing.voices import speaker_key

QUOTING = Article(id="q", outlet="Quoting Post", title="t", text=(
    "The talks collapsed and the crisis deepened.\n\n"
    "“This is a wonderful, excellent and great deal for everyone,” said Ana Ruiz.\n\n"
    "Ruiz said the agreement would bring peace and prosperity to the region."
))
PLAIN = Article(id="p", outlet="Plain Daily", title="t", text="Tariffs rose. Troops massed at the border in a grim crisis.")


def test_voice_splits_words_and_tone_between_own_and_quoted() -> None:
    report = analyze_articles([QUOTING, PLAIN])
    quoting = next(a for a in report.articles if a.id == "q")
    assert quoting.voice.own.words + quoting.voice.quoted.words == quoting.word_count
    assert quoting.voice.quoted.words > quoting.voice.own.words > 0
    assert quoting.voice.own.tone < 0 < quoting.voice.quoted.tone
    plain = next(a for a in report.articles if a.id == "p")
    assert plain.quotes == () and plain.voice.quoted.words == 0 and plain.voice.own.words == plain.word_count
    assert plain.voice.own.frames == plain.frame_scores


def test_outlet_fields_quote_share_speakers_and_types() -> None:
    report = analyze_articles([QUOTING, PLAIN])
    outlet = next(o for o in report.outlets if o.outlet == "Quoting Post")
    assert 0.5 < outlet.quote_share < 1
    assert [(s.speaker, s.quotes) for s in outlet.speakers] == [("Ana Ruiz", 2)]
    assert abs(sum(outlet.voice_by_type.values()) - 1) < 1e-9
    plain = next(o for o in report.outlets if o.outlet == "Plain Daily")
    assert plain.quote_share == 0 and plain.speakers == () and plain.voice_by_type == {}
    assert set(plain.tone_by_frame) == set(FRAMES) and plain.tone_by_frame["security"] is not None and plain.tone_by_frame["diplomacy"] is None


def test_json_carries_the_issue_fields_with_text_equal_to_the_slice() -> None:
    body = json.loads(to_json(analyze_articles([QUOTING])))
    article, outlet = body["articles"][0], body["outlets"][0]
    assert set(article["voice"]) == {"own", "quoted"} and set(article["voice"]["own"]) == {"words", "tone", "frames"}
    for quote in article["quotes"]:
        assert set(quote) == {"start", "end", "text", "kind", "cue", "speaker", "speaker_type", "speaker_start", "speaker_end"}
        assert article["text"][quote["start"]:quote["end"]] == quote["text"]
    assert {"quote_share", "speakers", "tone_by_frame"} <= set(outlet)
    assert set(outlet["speakers"][0]) == {"speaker", "type", "quotes", "words"}


def test_csv_and_html_report_carry_the_voices() -> None:
    report = analyze_articles([QUOTING, PLAIN])
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    quoting = next(r for r in rows if r["level"] == "outlet" and r["outlet"] == "Quoting Post")
    assert float(quoting["quote_share"]) > 0.5 and quoting["quotes"] == "2" and "Ana Ruiz" in quoting["speakers"]
    page = render_report_html(report, include_charts=False).decode("utf-8")
    assert "<h2>Who speaks</h2>" in page and "Ana Ruiz" in page


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("China's foreign ministry", "The Chinese Foreign Ministry", True),
        ("Beijing’s foreign ministry", "the Chinese foreign ministry", True),
        ("U.S. officials", "American officials", True),
        ("the European Commission", "European Commission's", True),
        ("Chinese foreign ministry", "Japanese foreign ministry", False),
        ("Beijing", "China's foreign ministry", False),      # a capital alone is kept as written
        ("Chinese", "China", False),                         # one word: nothing after the country word
    ],
)
def test_speaker_key_pools_country_forms(first: str, second: str, same: bool) -> None:
    assert (speaker_key(first) == speaker_key(second)) == same


def test_one_speaker_under_two_country_forms_is_one_row_and_one_highlight() -> None:
    text = ("“We want calm waters,” China's foreign ministry said on Monday.\n\n"
            "“The visit is welcome,” the Chinese Foreign Ministry said later.\n\n"
            "“Talks will go on,” said Ana Ruiz.")
    report = analyze_articles([Article(id="m", outlet="Ministry Watch", title="t", text=text),
                               Article(id="o", outlet="Other Post", title="t", text="Tariffs rose.")])
    outlet = next(o for o in report.outlets if o.outlet == "Ministry Watch")
    ministries = [s for s in outlet.speakers if "inistry" in s.speaker]
    assert len(ministries) == 1 and ministries[0].quotes == 2
    html = render_quotes_html(report.articles[0], speaker=ministries[0].speaker)
    assert html.count("fl-chosen") == 2


def test_a_surname_in_one_article_pools_with_the_full_name_in_another() -> None:
    """Issue 14, round 6: 'Takaichi' and 'Sanae Takaichi' were two rows of the Voices table."""
    first = Article(id="s1", outlet="Harbour Post", title="t", text="“We will hold firm,” said Prime Minister Ana Ruiz.")
    second = Article(id="s2", outlet="Harbour Post", title="t", text="“Talks will go on,” Ruiz said. “We are patient,” said Lars Holm.")
    report = analyze_articles([first, second, PLAIN])
    outlet = next(o for o in report.outlets if o.outlet == "Harbour Post")
    assert sorted((s.speaker, s.quotes) for s in outlet.speakers) == [("Ana Ruiz", 2), ("Lars Holm", 1)]
    second_report = next(a for a in report.articles if a.id == "s2")
    assert render_quotes_html(second_report, speaker="Ana Ruiz").count("fl-chosen") == 1


def test_a_role_mention_pools_with_the_person_the_article_named_in_that_role() -> None:
    text = ("Japanese Prime Minister Aiko Sato met the envoy on Monday.\n\n"
            "“We will hold firm,” the Japanese prime minister said.\n\n"
            "Sato later said the talks would go on.")
    report = analyze_articles([Article(id="r", outlet="Harbour Post", title="t", text=text), PLAIN])
    outlet = next(o for o in report.outlets if o.outlet == "Harbour Post")
    assert [(s.speaker, s.quotes) for s in outlet.speakers] == [("Aiko Sato", 2)]


def test_a_family_name_first_pools_with_the_full_name() -> None:
    first = Article(id="x1", outlet="Harbour Post", title="t", text="“We want calm,” said Chinese President Xi Jinping.")
    second = Article(id="x2", outlet="Harbour Post", title="t", text="“The sea is ours,” Xi said.")
    report = analyze_articles([first, second, PLAIN])
    outlet = next(o for o in report.outlets if o.outlet == "Harbour Post")
    assert [(s.speaker, s.quotes) for s in outlet.speakers] == [("Xi Jinping", 2)]


# Issue 14, session 7: an outlet whose quotations mostly have no identified speaker read "other: 68%"
# on the Voices page, as if "other" speakers were quoted. The share is reported and labelled apart.
UNNAMED = Article(id="u", outlet="Unnamed Wire", title="t", text=(
    "“The blockade will be lifted within a week and the ships will sail again to the islands.”\n\n"
    "The Borovian foreign ministry said the talks were useful."
))


def test_outlet_unattributed_share_is_the_part_of_other_with_no_speaker() -> None:
    report = analyze_articles([UNNAMED])
    outlet = report.outlets[0]
    unnamed = [q for q in report.articles[0].quotes if q.speaker is None]
    assert unnamed and all(q.speaker_type == "other" for q in unnamed)
    assert 0 < outlet.unattributed_share <= outlet.voice_by_type["other"]
    assert abs(sum(outlet.voice_by_type.values()) - 1) < 1e-9  # voice_by_type keeps its meaning
    assert json.loads(to_json(report))["outlets"][0]["unattributed_share"] == pytest.approx(outlet.unattributed_share, abs=1e-4)


def test_voice_card_lists_unattributed_quotations_apart_and_says_what_they_are() -> None:
    from framing_render.quotes import UNATTRIBUTED_LABEL, outlet_voice_html, type_shares

    outlet = analyze_articles([UNNAMED]).outlets[0]
    labels = dict(type_shares(outlet))
    assert labels[UNATTRIBUTED_LABEL] == pytest.approx(outlet.unattributed_share)
    assert "other" not in labels  # every "other" word here is unattributed
    assert sum(labels.values()) == pytest.approx(1)
    card = outlet_voice_html(outlet, min_words=20)
    assert UNATTRIBUTED_LABEL in card and "no speaker" in card and "unattributed_share" in card
    assert "<li>other:" not in card


@pytest.mark.parametrize(("text", "counted"), [
    ("“We won,” said Ana Ruiz.", "1</b> distinct speaker named."),
    ("“We won,” said Ana Ruiz. “We lost,” said Ben Kohl.", "2</b> distinct speakers named."),
    ("The talks ended.", "0</b> distinct speakers named."),
])
def test_voice_card_counts_speakers_in_plain_english(text: str, counted: str) -> None:
    from framing.types import Article
    from framing_render.quotes import outlet_voice_html

    outlet = analyze_articles([Article(id="a", outlet="A", title="t", text=text)]).outlets[0]
    assert counted in outlet_voice_html(outlet, min_words=1)
