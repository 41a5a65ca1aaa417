"""Distinctive vocabulary per outlet by weighted log-odds (framing.distinctive)."""

from __future__ import annotations

import math
from collections import Counter

import pytest

from framing.distinctive import MIN_COUNT, count_words, distinctive_terms
from framing.segment import tokenize

#: Three outlets sharing most vocabulary; "tariff" belongs to A alone and "troop" to B alone.
COUNTS = {
    "A": Counter(tariff=6, talk=3, visit=3, leader=4),
    "B": Counter(troop=5, talk=3, visit=3, leader=4),
    "C": Counter(talk=4, visit=4, leader=4, summit=2),
}


def test_distinctive_terms_word_used_by_one_outlet_ranks_first() -> None:
    result = distinctive_terms(COUNTS)
    assert result["A"][0].term == "tariff"
    assert result["B"][0].term == "troop"
    assert result["C"][0].term == "summit"


def test_distinctive_terms_shared_word_is_not_listed_for_everyone() -> None:
    result = distinctive_terms(COUNTS)
    assert sum("leader" in {t.term for t in terms} for terms in result.values()) < len(COUNTS)


def test_distinctive_terms_z_positive_and_sorted() -> None:
    for terms in distinctive_terms(COUNTS, min_count=1).values():
        zs = [t.z for t in terms]
        assert all(z > 0 for z in zs)
        assert zs == sorted(zs, reverse=True)


def test_distinctive_terms_ties_broken_by_term() -> None:
    counts = {"A": Counter(beta=3, alpha=3), "B": Counter(gamma=3, delta=3)}
    assert [t.term for t in distinctive_terms(counts)["A"]] == ["alpha", "beta"]


@pytest.mark.parametrize("counts", [{"A": Counter(tariff=9, talk=2)}, {}])
def test_distinctive_terms_single_outlet_gives_empty_lists(counts: dict[str, Counter[str]]) -> None:
    assert distinctive_terms(counts) == {name: () for name in counts}


@pytest.mark.parametrize("min_count", [1, 2, 3, 5])
def test_distinctive_terms_min_count_respected(min_count: int) -> None:
    counts = {"A": Counter(one=1, two=2, three=3, five=5), "B": Counter(other=10)}
    listed = distinctive_terms(counts, min_count=min_count)["A"]
    assert listed and all(t.count >= min_count for t in listed)
    assert {t.term for t in listed} == {w for w, c in counts["A"].items() if c >= min_count}


def test_distinctive_terms_default_min_count_drops_one_off_words() -> None:
    counts = {"A": Counter(once=1, twice=2), "B": Counter(other=4)}
    assert [t.term for t in distinctive_terms(counts)["A"]] == ["twice"]
    assert MIN_COUNT == 2


def test_distinctive_terms_top_limits_the_list() -> None:
    counts = {"A": Counter({f"word{i}": 2 + i for i in range(30)}), "B": Counter(other=50)}
    assert len(distinctive_terms(counts, top=4)["A"]) == 4


def test_distinctive_terms_count_is_the_outlets_own_count() -> None:
    (term,) = [t for t in distinctive_terms(COUNTS)["A"] if t.term == "tariff"]
    assert term.count == 6


def test_distinctive_terms_z_matches_monroe_formula() -> None:
    # Fightin' Words eq. 16-22 with the corpus count as the prior, worked out independently.
    counts = {"A": Counter(tariff=6, talk=2), "B": Counter(talk=4, troop=3)}
    y_i, y_j, n_i, n_j = 6, 0, 8, 7
    alpha_w, alpha_0 = 6, 15
    delta = math.log((y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w)) - math.log(
        (y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w)
    )
    z = delta / math.sqrt(1 / (y_i + alpha_w) + 1 / (y_j + alpha_w))
    (tariff,) = [t for t in distinctive_terms(counts)["A"] if t.term == "tariff"]
    assert tariff.z == round(z, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tariffs and the tariff of 2025", {"tariff": 2}),
        ("Talks in the U.S. resumed", {"talk": 1, "resume": 1}),
        ("It is 5 o'clock, and 3rd place", {"o'clock": 1, "place": 1}),
        ("", {}),
        # units of a number are not wording (session 14: "cent" of "5 per cent" led an outlet's words)
        ("up 5 per cent, 3 percent and one cent", {"cent": 1}),
    ],
)
def test_count_words_keeps_content_lemmas(text: str, expected: dict[str, int]) -> None:
    assert count_words(tokenize(text)) == Counter(expected)


def test_count_words_keeps_words_of_a_name_as_written() -> None:
    from framing.segment import tokenize

    text = "Officials of the United Nations united behind the plan. United, they voted."
    counts = count_words(tokenize(text), text)
    assert counts["united"] == 1  # inside the name "United Nations"
    assert counts["unite"] == 2  # the verb, and a capital that starts a sentence alone
    assert counts["nations"] == 1 and "nation" not in counts


@pytest.mark.parametrize(
    ("text", "kept", "left_out"),
    [
        ("The minister said the talks would resume, she told reporters, and added a warning.",
         {"minister", "talk", "warning"}, {"say", "tell", "add"}),
        ("Officials claimed the deal was dead; critics warned and insisted otherwise.",
         {"claim", "warn", "insist"}, set()),
    ],
)
def test_plain_reporting_verbs_are_no_word_choice_but_loaded_ones_are(text: str, kept: set[str], left_out: set[str]) -> None:
    from framing.segment import tokenize

    counts = count_words(tokenize(text), text)
    assert kept <= set(counts) and not left_out & set(counts)
