"""evidence_level and emphasis_ci (framing/evidence.py) and their place in the report and JSON."""

from __future__ import annotations

import json

import pytest

from framing.evidence import (
    EvidenceThresholds,
    PassageRule,
    decide_frame,
    emphasis_interval,
    evidence_level,
    frames_that_may_lead,
    lead_frame,
    load_passage_rule,
    passage_frame,
)
from framing.export import to_json
from framing.pipeline import analyze_articles
from framing.types import FRAMES, Article

TRADE = ("Tariffs on soybeans rose again as exporters warned of a trade war. The tariff hike hit steel imports, "
         "and importers paid customs duties on aluminum. Farmers lost export markets. ") * 4
DOMESTIC = ("The school board voted on a new reading programme for second graders. Parents and teachers spoke "
            "about homework, libraries and the lunch menu. ") * 8


def test_levels_follow_the_thresholds() -> None:
    t = EvidenceThresholds(5, 20.0, 1.0)
    assert evidence_level(0, 300, t) == "none"
    assert evidence_level(3, 30, t) == "thin"  # too few words to compare
    assert evidence_level(6, 1000, t) == "thin"  # too sparse
    assert evidence_level(25, 1000, t) == "enough"


PLACES = ("diplomacy", "foreign_states")
TITLES = ("diplomacy", "actors")


@pytest.mark.parametrize(
    ("evidence", "rule", "expected"),
    [
        # a place name and an official's title alone say where and who, not what (issue 11)
        ([(*PLACES, 2.0)], PassageRule(frozenset({PLACES, TITLES})), "none"),
        ([(*PLACES, 2.0), (*TITLES, 3.0)], PassageRule(frozenset({PLACES, TITLES})), "none"),
        # with one word that says what, the largest sum wins, place names included
        ([(*PLACES, 2.0), ("security", "forces", 1.5)], PassageRule(frozenset({PLACES})), "diplomacy"),
        ([(*PLACES, 1.0), ("security", "forces", 1.5)], PassageRule(frozenset({PLACES})), "security"),
        # too little evidence beyond context, or too small a lead over the runner-up
        ([("trade", "goods", 0.8)], PassageRule(frozenset(), min_evidence=1.0), "none"),
        ([("trade", "goods", 2.0), ("security", "forces", 1.9)], PassageRule(frozenset(), min_margin=0.1), "none"),
        ([("trade", "goods", 2.0), ("security", "forces", 1.0)], PassageRule(frozenset(), min_margin=0.1), "trade"),
        # a tie, or nothing at all
        ([("trade", "goods", 1.0), ("security", "forces", 1.0)], PassageRule(frozenset()), "none"),
        ([], PassageRule(frozenset()), "none"),
    ],
)
def test_passage_frame_needs_evidence_beyond_context(
    evidence: list[tuple[str, str, float]], rule: PassageRule, expected: str
) -> None:
    assert passage_frame(evidence, rule) == expected


def test_the_packaged_passage_rule_treats_places_and_titles_as_context() -> None:
    rule = load_passage_rule()
    assert {PLACES, TITLES} <= rule.context
    assert rule.min_evidence >= 0 and 0 <= rule.min_margin < 1
    assert passage_frame([(*PLACES, 5.0)]) == "none"


@pytest.mark.parametrize(
    ("evidence", "leader"),
    [
        # a foreign economy's general words ("market", "jobs" at 0.5) do not outrank a frame word proper
        ([("trade", 0.5, 3.0), ("trade", 0.5, 2.0), ("diplomacy", 1.0, 2.0)], "diplomacy"),
        # a frame word proper of trade keeps its general words with it
        ([("trade", 2.0, 1.0), ("trade", 0.5, 3.0), ("diplomacy", 1.0, 2.0)], "trade"),
        # general vocabulary alone still decides when no frame has a frame word proper
        ([("trade", 0.5, 3.0), ("security", 0.5, 1.0)], "trade"),
    ],
)
def test_general_vocabulary_alone_never_leads(evidence: list[tuple[str, float, float]], leader: str) -> None:
    units = [(frame, "", lexicon_weight, weight) for frame, lexicon_weight, weight in evidence]
    assert decide_frame(units, thresholds=EvidenceThresholds(5, 16.0, 1.0)) == leader


def test_interval_contains_the_share_and_narrows_with_more_sentences() -> None:
    few = emphasis_interval([{"trade": 1.0}, {"security": 1.0}, {"trade": 1.0}])
    many = emphasis_interval([{"trade": 1.0}, {"security": 1.0}, {"trade": 1.0}] * 20)
    assert few["trade"][0] <= 2 / 3 <= few["trade"][1]
    assert many["trade"][1] - many["trade"][0] < few["trade"][1] - few["trade"][0]
    assert emphasis_interval([]) == {f: [0.0, 0.0] for f in FRAMES}


def test_report_and_json_carry_the_new_fields() -> None:
    report = analyze_articles([Article("a", "Daily", "t", TRADE), Article("b", "Weekly", "t", DOMESTIC)])
    levels = {a.id: a.evidence_level for a in report.articles}
    assert levels["a"] == "enough" and levels["b"] in {"none", "thin"}
    data = json.loads(to_json(report))
    article = data["articles"][0]
    assert set(article["emphasis_ci"]) == set(FRAMES)
    low, high = article["emphasis_ci"]["trade"]
    assert low <= article["emphasis"]["trade"] <= high
    assert {o["evidence_level"] for o in data["outlets"]} <= {"none", "thin", "enough"}
    assert all("emphasis_ci" in o for o in data["outlets"])


def test_emphasis_interval_of_blocks_draw_the_same_resamples(monkeypatch: pytest.MonkeyPatch) -> None:
    # issue 16: an outlet's resamples are drawn a block at a time to bound memory; the result must not move
    import numpy as np

    import framing.evidence as evidence

    rng = np.random.default_rng(3)
    matrix = np.round(rng.random((257, len(FRAMES))) * (rng.random((257, len(FRAMES))) < 0.3), 3)
    whole = evidence.emphasis_interval_of(matrix)
    for cells in (1, 257 * 7, 257 * 64):
        monkeypatch.setattr(evidence, "BOOTSTRAP_CELLS", cells)
        assert evidence.emphasis_interval_of(matrix) == whole
    assert emphasis_interval([dict(zip(FRAMES, row)) for row in matrix.tolist()]) == whole


# -- decide_frame: the one rule the engine names dominant frames with and validation measures (issue 11) --
GENERAL = ("trade", "effects", 0.5)  # "market", "jobs": general vocabulary, lexicon weight 0.5
SUMMIT = ("diplomacy", "events", 2.0)
PLACE = ("diplomacy", "foreign_states", 1.0)
TROOPS = ("security", "forces", 1.5)


@pytest.mark.parametrize(
    ("evidence", "passage", "expected"),
    [
        # general words alone never lead when another frame has a frame word proper
        ([(*GENERAL, 3.0), (*GENERAL, 2.0), (*SUMMIT, 1.0)], False, "diplomacy"),
        # ... but decide when no frame has one
        ([(*GENERAL, 3.0), ("security", "effects", 0.5, 1.0)], False, "trade"),
        # a tie among the frames that may lead, or nothing
        ([(*SUMMIT, 1.0), (*TROOPS, 1.0), (*GENERAL, 5.0)], False, "none"),
        ([], False, "none"),
        # an article or sentence keeps a place name's frame; a passage of place names alone has none
        ([(*PLACE, 2.0)], False, "diplomacy"),
        ([(*PLACE, 2.0)], True, "none"),
        ([(*PLACE, 2.0), (*GENERAL, 4.0)], True, "none"),
        ([(*PLACE, 2.0), (*TROOPS, 1.5), (*GENERAL, 9.0)], True, "diplomacy"),
    ],
)
def test_decide_frame_table(evidence: list[tuple[str, str, float, float]], passage: bool, expected: str) -> None:
    rule = PassageRule(frozenset({("diplomacy", "foreign_states")}))
    assert decide_frame(evidence, passage=passage, rule=rule, thresholds=EvidenceThresholds(5, 16.0, 1.0)) == expected


@pytest.mark.parametrize(
    ("scores", "frame_words", "expected", "may_lead"),
    [
        ({"trade": 3.0, "security": 0.0, "diplomacy": 2.0}, {"trade": 0, "security": 0, "diplomacy": 1}, "diplomacy",
         ("diplomacy",)),
        ({"trade": 3.0, "security": 0.0, "diplomacy": 2.0}, {"trade": 1, "security": 0, "diplomacy": 1}, "trade",
         ("trade", "diplomacy")),
        ({"trade": 3.0, "security": 0.0, "diplomacy": 2.0}, {}, "trade", FRAMES),
        ({"trade": 2.0, "security": 2.0, "diplomacy": 0.0}, {"trade": 1, "security": 1}, "none", ("trade", "security")),
    ],
)
def test_lead_frame_table(scores: dict[str, float], frame_words: dict[str, int], expected: str,
                          may_lead: tuple[str, ...]) -> None:
    assert lead_frame(scores, frame_words) == expected
    # expected values written out: the assertion restated the function's own expression before
    assert frames_that_may_lead(frame_words) == may_lead


#: Invented: many general economic words and one summit; trade has the larger share, no trade frame word.
ECONOMY_AND_SUMMIT = ("Investors watched the economy as markets, prices, profits and jobs moved. Consumers and "
                      "businesses felt inflation and growth slow. The two leaders held a summit.")
#: Invented: a paragraph with only a foreign place name, then a trade paragraph.
PLACE_THEN_TARIFFS = "Officials in Japan spoke on Tuesday.\n\nTariffs on steel imports rose after the trade talks."


def test_reports_name_the_dominant_frame_with_the_validated_rule() -> None:
    report = analyze_articles([Article("a", "Daily", "t", ECONOMY_AND_SUMMIT)])
    (article,), (outlet,) = report.articles, report.outlets
    assert article.emphasis["trade"] > article.emphasis["diplomacy"]  # the shares are unchanged ...
    assert article.dominant_frame == outlet.dominant_frame == "diplomacy"  # ... the name follows the rule
    assert dict(article.frame_words_by_frame) == {"trade": 0, "security": 0, "diplomacy": 1}
    assert [s.frame for s in article.sentences] == ["trade", "trade", "diplomacy"]  # no frame word: general words decide


def test_paragraphs_of_place_names_alone_have_no_dominant_frame() -> None:
    (article,) = analyze_articles([Article("a", "Daily", "t", PLACE_THEN_TARIFFS)]).articles
    assert [(p.paragraph, p.frame) for p in article.paragraphs] == [(0, None), (1, "trade")]
    assert article.sentences[0].frame == "diplomacy"  # a sentence is named by the article rule
    first = article.paragraphs[0]
    assert article.text[first.start:first.end] == "Officials in Japan spoke on Tuesday."
    data = json.loads(to_json(analyze_articles([Article("a", "Daily", "t", PLACE_THEN_TARIFFS)])))
    assert tuple(int(n) for n in str(data["schema_version"]).split(".")) >= (1, 3)
    assert data["articles"][0]["paragraphs"][0] == {"start": 0, "end": 36, "paragraph": 0, "frame": None}
    assert data["articles"][0]["dominant_frame"] == "trade" and data["outlets"][0]["dominant_frame"] == "trade"
    assert set(data["outlets"][0]["frame_words_by_frame"]) == set(FRAMES)


def test_engine_and_validation_name_the_same_frame() -> None:
    # one function behind both: the figures of framing validate describe what users see
    from framing.frames import load_fitted_weights
    from framing.validate_frames import Weights, _sum, score_corpus, unit_label

    texts = [ECONOMY_AND_SUMMIT, PLACE_THEN_TARIFFS, TRADE, DOMESTIC,
             "Troops massed at the border as the ceasefire talks stalled and markets fell."]
    report = analyze_articles([Article(f"a{i}", "Daily", "", t) for i, t in enumerate(texts)])
    _, evidence = score_corpus(texts)
    subs, terms, _ = load_fitted_weights()
    named = [unit_label(_sum(e), Weights(subs, terms)) for e in evidence]
    assert [a.dominant_frame or "none" for a in report.articles] == named


def test_intervals_do_not_depend_on_the_order_of_the_sentences() -> None:
    # An outlet's pooled emphasis_ci moved when the same files were listed in another order: the
    # bootstrap resampled rows by position. Both intervals now resample a fixed order.
    import random

    import numpy as np

    from framing.evidence import emphasis_interval_of, tone_interval

    rng = random.Random(5)
    rows = [[rng.choice([0.0, 0.5, 1.0, 2.0]) for _ in range(3)] for _ in range(40)]
    tones = [round(rng.uniform(-1, 1), 3) for _ in range(40)]
    shuffled = list(zip(rows, tones))
    rng.shuffle(shuffled)
    assert emphasis_interval_of(np.array(rows)) == emphasis_interval_of(np.array([r for r, _ in shuffled]))
    assert tone_interval(tones) == tone_interval([t for _, t in shuffled])
    low, high = tone_interval(tones)
    assert low < sum(tones) / len(tones) < high


def test_dominant_support_says_how_often_the_lead_survives_resampling() -> None:
    import numpy as np

    from framing.evidence import emphasis_interval_of, emphasis_uncertainty_of

    clear = np.array([[1.0, 0.0, 0.0]] * 12 + [[0.0, 0.0, 1.0]] * 2)
    even = np.array([[1.0, 0.0, 0.0]] * 7 + [[0.0, 0.0, 1.0]] * 7)
    ci, strong = emphasis_uncertainty_of(clear, "trade")
    assert ci == emphasis_interval_of(clear)  # the same resamples as the interval
    _, weak = emphasis_uncertainty_of(even, "trade")
    _, behind = emphasis_uncertainty_of(clear, "diplomacy")
    assert strong is not None and weak is not None and behind is not None
    assert strong > 0.95 and 0.3 < weak < 0.7 and behind < 0.05
    assert emphasis_uncertainty_of(clear, None)[1] is None
    assert emphasis_uncertainty_of(np.zeros((3, 3)), "trade") == ({f: [0.0, 0.0] for f in FRAMES}, None)


def test_outlets_carry_dominant_support_in_the_json() -> None:
    from pathlib import Path

    from framing.pipeline import analyze_paths

    report = analyze_paths([Path(__file__).resolve().parents[2] / "data"])
    data = json.loads(to_json(report))
    for outlet, raw in zip(report.outlets, data["outlets"], strict=True):
        assert raw["dominant_support"] == outlet.dominant_support
        assert (outlet.dominant_support is None) == (outlet.dominant_frame is None)
        assert outlet.dominant_support is None or 0.0 <= outlet.dominant_support <= 1.0
