"""evidence_level and emphasis_ci (framing/evidence.py) and their place in the report and JSON."""

from __future__ import annotations

import json

import pytest

from framing.evidence import (
    EvidenceThresholds,
    PassageRule,
    emphasis_interval,
    evidence_level,
    frame_words_lead,
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
    scores = frame_words_lead(evidence, EvidenceThresholds(5, 16.0, 1.0))
    assert max(scores, key=scores.__getitem__) == leader


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
