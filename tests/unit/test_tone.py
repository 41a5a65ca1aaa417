"""Sentence tone from the VADER lexicon with news adjustments (framing.tone)."""

from __future__ import annotations

import math

import pytest

from dataclasses import replace

from framing.lexicon import ToneLexicon, build_tone_lexicon, load_tone_lexicon, load_tone_weights
from framing.segment import tokenize
from framing.tone import NORMALIZATION_ALPHA, mean_tone, normalize_tone, score_tone
from framing.types import TONE_LABEL


def _tone(text: str, lexicon: ToneLexicon | None = None) -> float:
    return score_tone(tokenize(text), lexicon=lexicon)[0]


def _weights(text: str, lexicon: ToneLexicon | None = None) -> dict[str, float]:
    return {e.term: e.weight for e in score_tone(tokenize(text), lexicon=lexicon)[1]}


def _even() -> ToneLexicon:
    # The shipped lexicon with praise and criticism weighed alike (positive_weight 1): VADER's own rules.
    return replace(load_tone_lexicon(), positive_weight=1.0)


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("The talks were a success.", 1),
        ("Both leaders praised the good progress.", 1),
        ("The crisis was a disaster for farmers.", -1),
        ("Officials warned of a bad outcome.", -1),
        ("The meeting was on Monday.", 0),
        ("", 0),
        # tone_news 1.7.0: the severity of a measure and a grammatical sentence are no judgement
        ("Allies called for tougher sanctions on the regime.", 0),
        ("The statement had one sentence about the border.", 0),
        # tone_rules 1.11.0: a quantity and a total are no judgement; "gross" as disgust still is
        ("Ruritania taxes 15 billion dollars worth of steel.", 0),
        ("The levies cover a gross amount of 90 billion.", 0),
        ("It was a gross abuse of power.", -1),
    ],
)
def test_score_tone_sign(text: str, sign: int) -> None:
    tone = _tone(text)
    assert (tone > 0) - (tone < 0) == sign


@pytest.mark.parametrize(
    ("plain", "negated"),
    [
        ("The talks were good.", "The talks were not good."),
        ("The deal was a success.", "The deal was never a success."),
        ("The outcome was bad.", "The outcome wasn't bad."),
        ("Officials were happy.", "Officials didn't seem happy."),
    ],
)
def test_score_tone_negation_flips_sign(plain: str, negated: str) -> None:
    # With the shipped positive_weight a negated criticism ("wasn't bad") may stay faintly negative.
    assert _tone(plain, _even()) * _tone(negated, _even()) < 0


def test_score_tone_negation_scales_by_vader_constant() -> None:
    # Evidence weights are rounded to 4 decimals.
    assert _weights("It was not good.", _even())["good"] == pytest.approx(
        -0.74 * _weights("It was good.", _even())["good"], abs=1e-4)


@pytest.mark.parametrize(("praise", "criticism"), [("good", "bad"), ("a success", "a failure")])
def test_positive_evidence_counts_the_fitted_positive_weight(praise: str, criticism: str) -> None:
    weight = load_tone_weights().positive
    assert 0 < weight < 1 and load_tone_lexicon().positive_weight == weight
    for phrase, factor in ((praise, weight), (criticism, 1.0), (f"not {criticism}", weight), (f"not {praise}", 1.0)):
        text = f"The plan was {phrase}."
        word = phrase.split()[-1]
        assert _weights(text)[word] == pytest.approx(factor * _weights(text, _even())[word], abs=1e-3), phrase


def test_the_positive_weight_is_explained_and_still_sums() -> None:
    from framing.tone import explain_tone

    text = "The plan was good, not bad."
    explained = explain_tone(tokenize(text), text=text)
    steps = {e.term: e.steps for e in explained}
    assert any(step.startswith("positive evidence x") for step in steps["good"])
    assert any(step.startswith("positive evidence x") for step in steps["bad"])  # negated criticism: positive
    tone, evidence = score_tone(tokenize(text), text=text)
    assert [e.weight for e in explained] == [e.weight for e in evidence]
    assert tone == pytest.approx(normalize_tone(sum(e.weight for e in evidence)))


@pytest.mark.parametrize("negation", ["not", "never", "didn't", "rarely", "cannot"])  # "without": tone_rules no_valence
def test_score_tone_negation_word_carries_the_fitted_weight(negation: str) -> None:
    assert _weights(f"They {negation} met.") == {negation: load_tone_weights().negation}


def test_score_tone_negation_word_is_silent_without_a_weight() -> None:
    lexicon = ToneLexicon(valences={"good": 2.0}, adjusted=frozenset(), provenance={})
    assert score_tone(tokenize("They did not meet."), lexicon=lexicon) == (0.0, ())


def test_score_tone_negation_word_follows_the_but_rule() -> None:
    lexicon = ToneLexicon(valences={}, adjusted=frozenset(), provenance={}, negation_weight=-2.0)
    weights = [e.weight for e in score_tone(tokenize("Not yet, but never again."), lexicon=lexicon)[1]]
    assert weights == [pytest.approx(-1.0), pytest.approx(-3.0)]


def test_score_tone_opinion_word_adds_its_weight() -> None:
    plain = build_tone_lexicon(opinion_weight=0.0, negation_weight=0.0)
    mixed = build_tone_lexicon(opinion_weight=1.25, negation_weight=0.0)
    tokens = tokenize("A timely and fair plan.")  # timely: Hu & Liu only; fair: both lexicons
    assert {e.term: e.weight for e in score_tone(tokens, lexicon=plain)[1]} == {"fair": pytest.approx(1.3)}
    assert {e.term: e.weight for e in score_tone(tokens, lexicon=mixed)[1]} == {
        "timely": pytest.approx(1.25), "fair": pytest.approx(2.55)
    }


def test_score_tone_negation_reaches_only_three_words() -> None:
    assert _weights("Not that the long talks were good.")["good"] > 0


def test_score_tone_but_rule_weights_clauses() -> None:
    good, bad = _weights("It was good.")["good"], _weights("It was bad.")["bad"]
    weights = _weights("It was good, but it was bad.")
    assert weights == {"good": pytest.approx(0.5 * good), "bad": pytest.approx(1.5 * bad)}


def test_score_tone_but_rule_lets_the_second_clause_win() -> None:
    assert _tone("The talks were bad, but the outcome was good.") > 0
    assert _tone("The talks were good, but the outcome was bad.") < 0


@pytest.mark.parametrize("booster", ["very", "extremely", "deeply"])
def test_score_tone_booster_increases_magnitude(booster: str) -> None:
    assert _tone(f"The talks were {booster} good.") > _tone("The talks were good.") > 0
    assert _tone(f"The talks were {booster} bad.") < _tone("The talks were bad.") < 0


def test_score_tone_booster_fades_with_distance() -> None:
    weights = [_weights(text)["good"] for text in ("very good", "very red good", "very red brick good")]
    assert weights == sorted(weights, reverse=True)
    assert weights[-1] > _weights("good")["good"] == _weights("very red brick walls good")["good"]


def test_score_tone_booster_is_not_scored_itself() -> None:
    assert set(_weights("The very good talks.")) == {"good"}


@pytest.mark.parametrize(
    "text",
    [
        "Great great great great great great excellent wonderful superb triumph!",
        "Horrible terrible awful disaster catastrophe tragedy murder war crisis death!",
        "not not not very very very extremely good good good",
        "Good, but bad bad bad bad bad bad bad bad bad bad bad.",
    ],
)
def test_score_tone_stays_within_unit_interval(text: str) -> None:
    assert -1.0 <= _tone(text) <= 1.0


@pytest.mark.parametrize(
    "word",
    ["united", "party", "parties", "security", "defense", "like", "fighter", "trump", "premier", "issues", "diplomatic"],
)
def test_score_tone_news_adjusted_words_contribute_nothing(word: str) -> None:
    assert score_tone(tokenize(f"The {word} statement.")) == (0.0, ())


def test_score_tone_united_states_is_neutral() -> None:
    assert _tone("The United States and the United Nations met.") == 0.0


def test_score_tone_evidence_reproduces_the_tone() -> None:
    text = "The talks were not a failure, but the very bad crisis worried everyone without a timely plan."
    tone, evidence = score_tone(tokenize(text))
    assert evidence
    assert tone == normalize_tone(sum(e.weight for e in evidence))


def test_score_tone_evidence_points_at_words() -> None:
    text = "Leaders hailed a Good and HAPPY outcome despite the crisis."
    _, evidence = score_tone(tokenize(text))
    assert [(text[e.start : e.end], e.term, e.frame) for e in evidence] == [
        ("hailed", "hailed", TONE_LABEL),
        ("Good", "good", TONE_LABEL),
        ("HAPPY", "happy", TONE_LABEL),
        ("despite", "despite", TONE_LABEL),  # on VADER's negation list
        ("crisis", "crisis", TONE_LABEL),
    ]


def test_score_tone_accepts_a_custom_lexicon() -> None:
    lexicon = ToneLexicon(valences={"soybean": 2.0}, adjusted=frozenset(), provenance={})
    tone, evidence = score_tone(tokenize("Soybean prices were good."), lexicon=lexicon)
    assert [e.term for e in evidence] == ["soybean"]
    assert tone == normalize_tone(2.0)


def test_score_tone_default_lexicon_is_the_news_one() -> None:
    text = "A good and united front."
    assert score_tone(tokenize(text)) == score_tone(tokenize(text), lexicon=load_tone_lexicon())


@pytest.mark.parametrize("total", [0.0, 0.5, -0.5, 2.0, -2.0, 40.0, -1e9, 1e9])
def test_normalize_tone_is_vader_normalisation(total: float) -> None:
    expected = total / math.sqrt(total * total + NORMALIZATION_ALPHA) if total else 0.0
    assert normalize_tone(total) == pytest.approx(expected)
    assert -1.0 <= normalize_tone(total) <= 1.0


def test_normalize_tone_is_odd_and_monotonic() -> None:
    values = [normalize_tone(x / 2) for x in range(-20, 21)]
    assert values == sorted(values)
    assert all(normalize_tone(x) == -normalize_tone(-x) for x in (0.3, 1.0, 7.5))


@pytest.mark.parametrize(
    ("tones", "expected"),
    [([], 0.0), ([0.5], 0.5), ([0.5, -0.5], 0.0), ([0.5, -0.1, 0.0], 0.1333), ([1.0, 1.0, 0.0], 0.6667)],
)
def test_mean_tone(tones: list[float], expected: float) -> None:
    assert mean_tone(tones) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of L.A. spoke on Monday.",  # issue 11 slips: an initial read as VADER's slang 'l'
        "The P.O. box was on the left.",
        "Voters in TX and NH met.",
    ],
)
def test_score_tone_initials_are_not_slang(text: str) -> None:
    assert score_tone(tokenize(text), text=text) == (0.0, ())


def test_score_tone_short_words_that_are_words_still_count() -> None:
    assert _tone("There was no deal.") < 0 < _tone("The result was ok.")


def test_evidence_names_the_word_as_written_when_its_lemma_gives_the_valence() -> None:
    """Found by the property test: a form scored as its lemma ("EXPANDED" as "expand") must still read
    back from the text at its offsets."""
    text = "Trade EXPANDED and victories followed."
    _, evidence = score_tone(tokenize(text), text=text)
    assert evidence and all(text[e.start:e.end].lower() == e.term for e in evidence)


def test_worth_as_merit_still_counts() -> None:
    # tone_rules 1.11.1: only a quantity ("billion worth of") is no judgement; the worth of a thing is
    assert "worth" in _weights("The worth of a free press is clear.")
    assert "worth" not in _weights("Ruritania taxes 15 billion dollars worth of steel.")
