"""Plain-language outlet sentences: comparisons, ties, a single outlet, no evidence."""

from __future__ import annotations

from dataclasses import replace

import pytest

from framing.summary import OutletSentence, describe_tone, summarise_outlets
from framing.types import OutletReport


def make_outlet(name: str, trade: float, security: float, diplomacy: float, tone: float = 0.0) -> OutletReport:
    emphasis = {"trade": trade, "security": security, "diplomacy": diplomacy}
    return OutletReport(name, (name,), dict(emphasis), emphasis, 10.0, tone, 100)


def sentences(*outlets: OutletReport) -> list[str]:
    return [s.text for s in summarise_outlets(outlets)]


def test_summarise_outlets_one_sentence_per_outlet_in_order() -> None:
    result = summarise_outlets([make_outlet("B", 0.5, 0.3, 0.2), make_outlet("A", 0.2, 0.3, 0.5)])
    assert [s.outlet for s in result] == ["B", "A"]
    assert all(isinstance(s, OutletSentence) and s.text.endswith(".") for s in result)


def test_summarise_outlets_names_the_leader_with_its_share() -> None:
    texts = sentences(make_outlet("A", 0.1, 0.7, 0.2), make_outlet("B", 0.4, 0.3, 0.3), make_outlet("C", 0.3, 0.3, 0.4))
    assert texts[0].startswith("A gives security the most space of the three outlets (70% of its frame evidence)")


def test_summarise_outlets_mentions_a_lead_on_a_frame_that_is_not_the_largest() -> None:
    texts = sentences(make_outlet("A", 0.11, 0.41, 0.48), make_outlet("B", 0.25, 0.09, 0.66),
                      make_outlet("C", 0.5, 0.04, 0.46))
    assert "gives security the most space of the three outlets (41%" in texts[0]
    assert "its largest frame is diplomacy at 48%" in texts[0]


def test_summarise_outlets_without_lead_says_leans_most() -> None:
    texts = sentences(make_outlet("A", 0.3, 0.1, 0.6), make_outlet("B", 0.1, 0.3, 0.6), make_outlet("C", 0.3, 0.3, 0.4))
    assert texts[2].startswith("C leans most on diplomacy (40% of its frame evidence)")


@pytest.mark.parametrize("second", [0.7, 0.695])
def test_summarise_outlets_tie_for_lead_is_not_a_superlative(second: float) -> None:
    texts = sentences(make_outlet("A", 0.1, 0.7, 0.2), make_outlet("B", 0.1, second, 0.2 + 0.7 - second))
    assert all("the most space" not in t for t in texts)
    assert texts[0].startswith("A leans most on security (70%")


def test_summarise_outlets_even_split_within_an_outlet() -> None:
    texts = sentences(make_outlet("A", 0.45, 0.1, 0.45), make_outlet("B", 0.2, 0.6, 0.2))
    assert "splits its frame evidence evenly between trade (45%) and diplomacy (45%)" in texts[0]


def test_summarise_outlets_single_outlet_makes_no_comparison() -> None:
    (text,) = sentences(make_outlet("Solo", 0.2, 0.3, 0.5, tone=-0.4))
    assert text == "Solo gives most of its frame evidence to diplomacy (50%) and its tone is clearly negative (−0.40)."
    assert "most space" not in text and "outlets" not in text


def test_summarise_outlets_no_evidence_is_explained() -> None:
    texts = sentences(make_outlet("Empty", 0.0, 0.0, 0.0), make_outlet("B", 0.2, 0.6, 0.2))
    assert "cannot be measured" in texts[0]
    assert texts[1].startswith("B gives most of its frame evidence to security (60%)")


@pytest.mark.parametrize(
    ("tones", "expected"),
    [
        ((-0.5, 0.1, 0.2), "reads the most negative (−0.50)"),
        ((0.06, 0.15, 0.39), "reads the least positive (+0.06)"),
        ((0.5, 0.1, 0.2), "reads the most positive (+0.50)"),
        ((-0.1, -0.5, -0.4), "reads the least negative (−0.10)"),
        ((0.20, 0.21, 0.0), "its tone is mildly positive (+0.20)"),
        # inside the neutral band (|tone| < 0.05) no "most negative" / "most positive"
        ((-0.01, 0.14, 0.33), "reads the least positive (−0.01, about neutral)"),
        ((0.02, -0.3, -0.2), "reads the least negative (+0.02, about neutral)"),
    ],
)
def test_summarise_outlets_tone_ranking(tones: tuple[float, ...], expected: str) -> None:
    outlets = [make_outlet(n, 0.3, 0.3, 0.4, tone=t) for n, t in zip("ABC", tones)]
    assert expected in sentences(*outlets)[0]


@pytest.mark.parametrize(
    ("tones", "expected"),
    [((0.3, -0.1), "reads the more positive of the two"), ((-0.3, 0.1), "reads the more negative of the two"),
     ((0.1, 0.11), "its tone is about the same as the other's")],
)
def test_summarise_outlets_two_outlets_compare_pairwise(tones: tuple[float, float], expected: str) -> None:
    outlets = [make_outlet(n, 0.3, 0.3, 0.4, tone=t) for n, t in zip("AB", tones)]
    assert expected in sentences(*outlets)[0]


def test_summarise_outlets_rejects_a_single_report() -> None:
    with pytest.raises(TypeError, match="sequence of OutletReport"):
        summarise_outlets(make_outlet("A", 0.3, 0.3, 0.4))  # type: ignore[arg-type]


def test_summarise_outlets_empty_is_empty() -> None:
    assert summarise_outlets([]) == []


@pytest.mark.parametrize(
    ("tone", "expected"),
    [(0.0, "about neutral (0.00)"), (-0.049, "about neutral (−0.05)"), (0.2, "mildly positive (+0.20)"),
     (-0.9, "clearly negative (−0.90)")],
)
def test_describe_tone_words(tone: float, expected: str) -> None:
    assert describe_tone(tone) == expected


@pytest.mark.parametrize(
    ("tones", "first", "second"),
    [((-0.35, -0.6), "reads the less negative of the two (−0.35)", "reads the more negative of the two (−0.60)"),
     ((0.6, 0.2), "reads the more positive of the two (+0.60)", "reads the less positive of the two (+0.20)")],
)
def test_two_outlets_of_one_sign_are_never_called_the_other_sign(tones: tuple[float, float], first: str, second: str) -> None:
    """Issue 13 item 6: "reads the more positive of the two (−0.35)" said the opposite of its number."""
    outlets = [OutletReport(name, ("x",), {}, {"trade": 1.0, "security": 0.0, "diplomacy": 0.0}, 5.0, tone, 100)
               for name, tone in zip(("A", "B"), tones)]
    a, b = summarise_outlets(outlets)
    assert first in a.rest and second in b.rest


def test_summarise_outlets_does_not_name_a_frame_of_general_words_alone() -> None:
    # issue 11: the outlet's dominant frame follows evidence.lead_frame; trade's larger share has no frame word
    emphasis = {"trade": 0.55, "security": 0.05, "diplomacy": 0.4}
    outlet = OutletReport("Solo", ("1",), dict(emphasis), emphasis, 10.0, 0.0, 1000, evidence_level="enough",
                          dominant_frame="diplomacy", frame_words_by_frame={"trade": 0, "security": 1, "diplomacy": 9})
    (text,) = sentences(outlet)
    assert text.startswith("Solo leans most on diplomacy (40% of its frame evidence; the 55% for trade is general "
                           "vocabulary alone, with no trade frame word)")


def test_a_tone_ranking_carries_its_interval_when_the_report_has_one() -> None:
    # "reads the most positive (+0.44)" said nothing of how sure it is; the chart shows tone_ci as whiskers


    low = make_outlet("Low", 0.4, 0.3, 0.3, tone=-0.2)
    high = replace(make_outlet("High", 0.4, 0.3, 0.3, tone=0.44), tone_ci=[0.22, 0.63])
    mid = make_outlet("Mid", 0.4, 0.3, 0.3, tone=0.1)
    text = " ".join(sentences(low, high, mid))
    assert "reads the most positive (+0.44, 95% interval +0.22 to +0.63)" in text
    assert "reads the most negative (−0.20)" in text  # no interval in the report: none in the sentence


def test_a_frame_resting_on_one_frame_word_is_never_the_outlet_s_lead() -> None:
    # session 11: four wire reports of one meeting; one outlet's single "economies" made it the one that
    # "gives trade the most space of the four outlets (3% of its frame evidence ...)"
    def outlet(name: str, trade: float, security: float, counts: dict[str, int]) -> OutletReport:
        emphasis = {"trade": trade, "security": security, "diplomacy": 1.0 - trade - security}
        return OutletReport(name, (name,), dict(emphasis), emphasis, 15.0, 0.0, 250, evidence_level="enough",
                            dominant_frame="diplomacy", frame_words_by_frame=counts)

    one_word = outlet("Agency", 0.03, 0.15, {"trade": 1, "security": 5, "diplomacy": 45})
    two_words = outlet("Wire", 0.06, 0.15, {"trade": 2, "security": 5, "diplomacy": 40})
    rival = outlet("Daily", 0.0, 0.13, {"trade": 0, "security": 6, "diplomacy": 32})
    text = dict(zip(("Agency", "Daily"), sentences(one_word, rival)))
    assert "gives trade" not in text["Agency"]
    assert text["Agency"].startswith(
        "Agency gives security the most space of the two outlets (15% of its frame evidence, though its largest "
        "frame is diplomacy at 82%)")
    assert "gives trade the most space of the two outlets" in sentences(two_words, rival)[0]


def _toned(name: str, tone: float, ci: list[float]) -> OutletReport:
    return replace(make_outlet(name, 0.4, 0.3, 0.3, tone=tone), tone_ci=ci)


def test_no_tone_ranking_when_the_intervals_overlap() -> None:
    # a classroom walkthrough: four wire reports of one meeting, one 'reads the most positive' though its
    # 95% interval spans zero and covers the others' tones
    outlets = [_toned("A", 0.20, [-0.05, 0.45]), _toned("B", 0.05, [-0.10, 0.20]), _toned("C", 0.02, [-0.15, 0.18])]
    texts = [s.text for s in summarise_outlets(outlets)]
    assert not any("most positive" in t or "least positive" in t or "most negative" in t for t in texts)
    assert texts[0].startswith("A ")
    assert "its tone is not clearly positive or negative (+0.20, 95% interval −0.05 to +0.45)" in texts[0]


def test_two_overlapping_outlets_are_not_ranked_either() -> None:
    pair = [_toned("A", 0.30, [0.10, 0.50]), _toned("B", 0.05, [-0.10, 0.20])]
    texts = [s.text for s in summarise_outlets(pair)]
    assert all("of the two (" not in t for t in texts)
    assert texts[0].endswith("its tone is mildly positive (+0.30, 95% interval +0.10 to +0.50).")


def test_a_tone_ranking_stays_when_every_interval_is_apart() -> None:
    outlets = [_toned("A", 0.50, [0.35, 0.65]), _toned("B", 0.05, [-0.05, 0.15]), _toned("C", -0.40, [-0.55, -0.25])]
    texts = [s.text for s in summarise_outlets(outlets)]
    assert "reads the most positive (+0.50" in texts[0] and "reads the most negative (−0.40" in texts[2]


def _shares(name: str, trade: float, ci: list[float]) -> OutletReport:
    rest = (1 - trade) / 2
    return replace(make_outlet(name, trade, rest, rest), emphasis_ci={"trade": ci})


def test_no_frame_ranking_when_the_share_intervals_overlap() -> None:
    # the sample's wire reprint 'gave diplomacy the most space of the five outlets (58%, 95% interval
    # 38–90%)' though every other outlet's diplomacy interval reached into that range
    overlapping = [_shares("A", 0.70, [0.40, 0.90]), _shares("B", 0.45, [0.25, 0.60]), _shares("C", 0.40, [0.20, 0.55])]
    first = summarise_outlets(overlapping)[0].text
    assert "the most space" not in first
    assert first.startswith("A leans most on trade (70% of its frame evidence, 95% interval 40–90%)")
    apart = [_shares("A", 0.70, [0.62, 0.80]), _shares("B", 0.45, [0.35, 0.55]), _shares("C", 0.40, [0.30, 0.50])]
    assert "gives trade the most space of the three outlets" in summarise_outlets(apart)[0].text


@pytest.mark.parametrize(("support", "slight"), [(0.55, True), (0.66, True), (0.67, False), (0.95, False), (None, False)])
def test_a_lead_that_resampling_does_not_hold_is_only_slight(support: float | None, slight: bool) -> None:
    # session 14, the bundled articles: "The Diplomatic Insight leans most on diplomacy (47%)" with trade
    # at 46%, though diplomacy came out ahead in only 55% of the resamples of its sentences
    outlet = replace(make_outlet("A", 0.44, 0.07, 0.49), dominant_frame="diplomacy", dominant_support=support)
    text = sentences(outlet)[0]
    assert ("A leans only slightly more on diplomacy (49%) than on trade (44%), too close to call, and its tone"
            in text) is slight
    assert ("most" in text) is not slight


def test_a_slight_lead_is_said_only_of_the_frame_named_dominant() -> None:
    # a support about another frame (or a report from before the field) never turns a sentence around
    outlet = replace(make_outlet("A", 0.30, 0.10, 0.60), dominant_frame="trade", dominant_support=0.5)
    assert "only slightly" not in sentences(outlet)[0]
