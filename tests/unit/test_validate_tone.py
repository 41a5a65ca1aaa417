"""Tests for framing.validate_tone on tiny made-up data (never the benchmark files)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from framing.lexicon import ToneWeights, build_tone_lexicon
from framing.segment import tokenize
from framing.tone import score_tone
from framing.validate import BenchmarkNotFoundError, ToneItem
from framing.validate_tone import (
    NEWSMTSC_FILE,
    TargetItem,
    _prepare,
    _sentence_sums,
    _tones,
    evaluate_tone_v2,
    fit_tone_weights_jointly,
    format_tone_lines,
    load_newsmtsc_benchmark,
)

#: Made-up rated sentences: "timely"/"bland" are only on Hu & Liu's lists, negation words carry tone.
TONE_SENTENCES = [
    ("a1", 2.0, "A timely plan."), ("a1", -2.0, "A bland plan."), ("a1", 0.0, "A plan."),
    ("a2", -1.0, "Not now."), ("a2", 2.5, "A good and timely plan."), ("a2", -1.5, "They never met."),
    ("a3", 3.0, "A great plan."), ("a3", -3.0, "A terrible plan."), ("a3", -1.0, "Nothing was done."),
    ("a4", 1.5, "Timely help."), ("a4", -2.5, "Bad and bland food."), ("a4", 0.0, "The plan."),
    ("a5", 2.0, "Good news."), ("a5", -1.0, "They did not agree."), ("a5", -2.0, "A bland reply."),
]
#: Made-up target sentences: (article, text, target, label). Reports of war are neutral toward the target.
TARGET_SENTENCES = [
    ("b1", "Smith reported on the war in the north.", "Smith", "neu"),
    ("b1", "Critics were furious, but Smith praised the plan.", "Smith", "pos"),
    ("b1", "Jones attacked the terrible plan.", "Jones", "neg"),
    ("b2", "Lee wrote about the crisis.", "Lee", "neu"),
    ("b2", "Lee won a great victory.", "Lee", "pos"),
    ("b2", "Lee made a bad mistake.", "Lee", "neg"),
    ("b3", "Kim covered the attack.", "Kim", "neu"),
    ("b3", "Kim did a wonderful job.", "Kim", "pos"),
    ("b3", "Kim was a disgraceful failure.", "Kim", "neg"),
    ("b4", "Park described the threat to the plan.", "Park", "neu"),
    ("b4", "Park was a good and kind leader.", "Park", "pos"),
    ("b4", "Park told an awful lie.", "Park", "neg"),
    ("b5", "Cho spoke of the war and the crisis.", "Cho", "neu"),
    ("b5", "Cho gave an excellent plan.", "Cho", "pos"),
    ("b5", "Cho ran a corrupt and ugly plan.", "Cho", "neg"),
]
LABELS = {"neg": "negative", "neu": "neutral", "pos": "positive"}


def _tone_items() -> list[ToneItem]:
    return [ToneItem(f"{a}_{n}", a, r, t) for n, (a, r, t) in enumerate(TONE_SENTENCES)]


def _target_items() -> list[TargetItem]:
    items = []
    for n, (article, text, target, label) in enumerate(TARGET_SENTENCES):
        start = text.index(target)
        items.append(TargetItem(f"{article}_{n}", article, text, start, start + len(target), LABELS[label]))
    return items


def _write_newsmtsc(folder, rows) -> None:
    (folder / NEWSMTSC_FILE).write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def test_load_newsmtsc_benchmark_reads_targets_and_articles(tmp_path) -> None:
    _write_newsmtsc(tmp_path, [{"id": "allsides_1_2_3_Smith_0_5", "text": "Smith left.",
                                "target": {"mention": "Smith", "from": 0, "to": 5}, "label": "neu"}])
    [item] = load_newsmtsc_benchmark(tmp_path)
    assert (item.article_id, item.start, item.end, item.label) == ("allsides_1_2", 0, 5, "neutral")


def test_load_newsmtsc_benchmark_says_where_the_original_is(tmp_path) -> None:
    with pytest.raises(BenchmarkNotFoundError, match="fhamborg/NewsMTSC"):
        load_newsmtsc_benchmark(tmp_path)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"id": "x", "text": "Smith left.", "target": {"from": 0, "to": 5}, "label": "meh"},
         r"line 1: not a NewsMTSC item"),
        ({"id": "x", "text": "Smith left.", "target": {"from": 3, "to": 40}, "label": "neu"},
         r"line 1: target 3:40 lies outside the text"),
    ],
)
def test_load_newsmtsc_benchmark_rejects_bad_lines(tmp_path, row, message) -> None:
    _write_newsmtsc(tmp_path, [row])
    with pytest.raises(ValueError, match=message):
        load_newsmtsc_benchmark(tmp_path)


@pytest.mark.parametrize(("opinion", "negation", "topic"), [(0.0, 0.0, 1.0), (1.5, -2.0, 0.5), (2.0, -0.5, 0.0)])
def test_fast_sums_equal_the_scorer(opinion: float, negation: float, topic: float) -> None:
    # The fitter's shortcut (sums per opinion/topic pair plus negation * factors) must give the
    # scorer's own tone, or the fitted weights would be fitted to a different model.
    texts = [t for _, _, t in TONE_SENTENCES] + [t for _, t, _, _ in TARGET_SENTENCES]
    prepared = _prepare(texts, None)
    sums = _sentence_sums(prepared, (opinion,), (topic,))
    lexicon = build_tone_lexicon(opinion_weight=opinion, negation_weight=negation, topic_weight=topic, rules=True)
    fast = sums.sums[(opinion, topic)] + negation * sums.negations
    expected = [sum(e.weight for e in score_tone(tokenize(t), lexicon=lexicon, text=t)[1]) for t in texts]
    assert np.allclose(fast, expected, atol=1e-3)
    assert _tones(prepared, lexicon) == [score_tone(tokenize(t), lexicon=lexicon, text=t)[0] for t in texts]


def test_fit_tone_weights_jointly_finds_the_weights_the_labels_need() -> None:
    nyt = _prepare([t for _, _, t in TONE_SENTENCES], None)
    items = _target_items()
    mtsc = _prepare([i.text for i in items], [(i.start, i.end) for i in items])
    grid = dict(opinion_grid=(0.0, 1.0), topic_grid=(0.0, 1.0))
    weights = fit_tone_weights_jointly(
        _sentence_sums(nyt, grid["opinion_grid"], grid["topic_grid"]), [r / 4 for _, r, _ in TONE_SENTENCES],
        _sentence_sums(mtsc, grid["opinion_grid"], grid["topic_grid"]), [i.label for i in items],
        negation_grid=(-1.0, 0.0),
    )
    assert isinstance(weights, ToneWeights)
    assert weights.opinion == 1.0 and weights.negation == -1.0  # "timely"/"bland" and "not" carry the ratings
    assert weights.topic == 0.0  # reports of war and crisis are neutral toward their targets


def test_fit_tone_weights_jointly_breaks_ties_towards_no_change() -> None:
    texts = ["A good plan.", "A bad plan."]  # no Hu & Liu-only, negation or topic word
    prepared = _prepare(texts, None)
    sums = _sentence_sums(prepared, (0.0, 1.0), (0.5, 1.0))
    # Hu & Liu list both words too, so opinion 1 only scales them: same ranks, same classes.
    weights = fit_tone_weights_jointly(sums, [0.25, -0.25], sums, ["positive", "negative"], negation_grid=(-1.0, 0.0))
    assert (weights.negation, weights.topic) == (0.0, 1.0)


def test_evaluate_tone_v2_reports_both_sets_with_baselines_and_folds() -> None:
    figures = evaluate_tone_v2(_tone_items(), _target_items())
    assert (figures["n_sentences"], figures["n_articles"]) == (15, 5)
    for key in ("full_dev", "cross_validated", "vader", "unfitted", "engine_v1", "supervised"):
        assert set(figures[key]) >= {"pearson", "spearman", "macro_f1"}
    assert len(figures["weights"]["per_fold"]) == 5
    assert all(len(v) == 5 for v in figures["per_fold_pearson"].values())
    for key in ("vs_vader", "vs_unfitted", "vs_engine_v1"):
        change = figures["change"][key]
        assert change["ci95"][0] <= change["ci95"][1] and 0 <= change["folds_improved"] <= 5
    mtsc = figures["newsmtsc"]
    assert mtsc["n_sentences"] == 15 and mtsc["gold"] == {"neutral": 5, "positive": 5, "negative": 5}
    for key in ("full_dev", "cross_validated", "cross_validated_sentence", "vader", "engine_v1", "supervised"):
        assert 0.0 <= mtsc[key]["macro_f1"] <= 1.0 and sum(mtsc[key]["predicted"].values()) == 15
    assert all(len(v) == 5 for v in mtsc["per_fold_macro_f1"].values())
    assert set(figures["targets"]) == {"nyt_pearson", "newsmtsc_macro_f1"}
    lines = "\n".join(format_tone_lines(figures))
    assert "NewsMTSC" in lines and "TF-IDF + logistic regression" in lines and "target nyt_pearson" in lines

