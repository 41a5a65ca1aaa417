"""Tests for framing.validate_tone on tiny made-up data (never the benchmark files)."""

from __future__ import annotations

import json
from dataclasses import replace

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
    _with_positive,
    _tones,
    _with_valences,
    _word_design,
    evaluate_tone_v2,
    fit_tone_weights_jointly,
    fit_word_valences,
    format_tone_lines,
    load_newsmtsc_benchmark,
    write_fitted_valences,
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


@pytest.mark.parametrize("positive", [1.0, 0.6, 0.4])
def test_fast_sums_with_a_positive_weight_equal_the_scorer(positive: float) -> None:
    # sums + (p - 1) * positives is the scorer's sum with positive_weight p, negation words included.
    texts = [t for _, _, t in TONE_SENTENCES] + [t for _, t, _, _ in TARGET_SENTENCES] + ["It was not bad, but good."]
    prepared = _prepare(texts, None)
    sums = _sentence_sums(prepared, (1.25,), (0.5,))
    lexicon = build_tone_lexicon(opinion_weight=1.25, negation_weight=-1.5, topic_weight=0.5, rules=True,
                                 positive_weight=positive)
    fast = _with_positive(sums, (1.25, 0.5), positive) + -1.5 * sums.negations
    expected = [sum(e.weight for e in score_tone(tokenize(t), lexicon=lexicon, text=t)[1]) for t in texts]
    assert np.allclose(fast, expected, atol=1e-3)


def test_fit_tone_weights_jointly_fits_the_positive_weight() -> None:
    # Praise rated half as strong as criticism: a positive weight below 1 fits the ratings better.
    texts = ["A good plan.", "A bad plan.", "A good and fine plan.", "A bad and awful plan.", "A plan."]
    prepared = _prepare(texts, None)
    sums = _sentence_sums(prepared, (0.0,), (1.0,))
    labels = ["positive", "negative", "positive", "negative", "neutral"]
    weights = fit_tone_weights_jointly(sums, [0.1, -0.4, 0.2, -0.7, 0.0], sums, labels, negation_grid=(0.0,),
                                       positive_grid=(0.5, 1.0))
    assert weights.positive == 0.5
    plain = fit_tone_weights_jointly(sums, [0.1, -0.4, 0.2, -0.7, 0.0], sums, labels, negation_grid=(0.0,),
                                     positive_grid=(1.0,))
    assert plain.positive == 1.0


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
    for key in ("full_dev", "cross_validated", "weights_only", "vader", "unfitted", "engine_v1", "supervised"):
        assert set(figures[key]) >= {"pearson", "spearman", "macro_f1"}
    assert len(figures["word_valences"]["per_fold"]) == 5 and figures["word_valences"]["min_count"] >= 5
    out = figures["leave_set_out"]
    assert 0 <= out["fit_on_nyt_scored_on_newsmtsc"]["macro_f1"] <= 1
    assert -1 <= out["fit_on_newsmtsc_scored_on_nyt"]["pearson"] <= 1
    assert len(figures["weights"]["per_fold"]) == 5
    assert all(len(v) == 5 for v in figures["per_fold_pearson"].values())
    for key in ("vs_vader", "vs_unfitted", "vs_engine_v1"):
        change = figures["change"][key]
        assert change["ci95"][0] <= change["ci95"][1] and 0 <= change["folds_improved"] <= 5
    mtsc = figures["newsmtsc"]
    assert mtsc["n_sentences"] == 15 and mtsc["gold"] == {"neutral": 5, "positive": 5, "negative": 5}
    for key in ("full_dev", "cross_validated", "weights_only", "cross_validated_sentence", "vader", "engine_v1",
                "supervised"):
        assert 0.0 <= mtsc[key]["macro_f1"] <= 1.0 and sum(mtsc[key]["predicted"].values()) == 15
    assert all(len(v) == 5 for v in mtsc["per_fold_macro_f1"].values())
    assert set(figures["targets"]) == {"nyt_pearson", "newsmtsc_macro_f1"}
    lines = "\n".join(format_tone_lines(figures))
    assert "NewsMTSC" in lines and "TF-IDF + logistic regression" in lines and "target nyt_pearson" in lines
    assert "without word valences" in lines and "Leave set out" in lines



LEXICON = build_tone_lexicon(opinion_weight=1.5, negation_weight=-2.0, topic_weight=0.5, rules=True)
#: Made-up sentences: "good" mostly in neutral reports (so it should fade), "awful" in negative ones.
WORD_SENTENCES = [
    ("A good number of people came.", 0.0), ("The good ship sailed at noon.", 0.0), ("Good morning, he said.", 0.0),
    ("It was a good plan.", 0.3), ("An awful mess.", -0.8), ("The awful result hurt.", -0.8),
    ("Not an awful idea.", 0.1), ("Very awful news.", -0.9), ("A calm day.", 0.0),
]


def _word_fit(*, alpha: float = 1e-4, min_count: int = 3) -> dict[str, float]:
    prepared = _prepare([t for t, _ in WORD_SENTENCES], None)
    targets = [y for _, y in WORD_SENTENCES]
    return fit_word_valences([(prepared, targets, range(len(targets)))], LEXICON, alpha=alpha, min_count=min_count)


def test_fit_word_valences_moves_words_toward_what_the_targets_need() -> None:
    fitted = _word_fit()
    assert 0 < fitted["good"] < LEXICON.valences["good"]  # fades in neutral reports, keeps its sign
    assert fitted["awful"] < 0


@pytest.mark.parametrize(("min_count", "words"), [(3, {"good", "awful"}), (5, set()), (4, {"good", "awful"})])
def test_fit_word_valences_fits_only_words_seen_often_enough(min_count: int, words: set[str]) -> None:
    assert set(_word_fit(min_count=min_count)) == words


def test_fit_word_valences_shrinks_toward_the_prior_with_a_larger_penalty() -> None:
    loose, tight = _word_fit(alpha=1e-5), _word_fit(alpha=1.0)
    prior = LEXICON.valences["good"]
    assert abs(tight["good"] - prior) < abs(loose["good"] - prior)
    assert tight["good"] == pytest.approx(prior, abs=0.05)


@pytest.mark.parametrize("positive", [1.0, 0.6])
@pytest.mark.parametrize("scale", [1.0, 0.5, 1.7])
def test_word_design_equals_the_scorer(scale: float, positive: float) -> None:
    # The fitter's linear form (base + X @ v) must be the scorer's sum for the same valences,
    # negation, intensifiers and the "but" rule included, or the fit would fit another model.
    texts = [t for t, _ in WORD_SENTENCES] + ["It was not good, but awful.", "A very good but awful day."]
    prepared = _prepare(texts, None)
    vocabulary = ["awful", "good"]
    lexicon = replace(LEXICON, positive_weight=positive)
    x, base = _word_design(prepared, lexicon, vocabulary)
    values = {w: lexicon.valences[w] * scale for w in vocabulary}
    expected = _with_valences(lexicon, values)
    sums = base + x @ np.array([values[w] for w in vocabulary])
    scored = [sum(e.weight for e in score_tone(tokenize(t), lexicon=expected, text=t)[1]) for t in texts]
    assert np.allclose(sums, scored, atol=1e-3)


def test_write_fitted_valences_writes_a_file_the_lexicon_reads(tmp_path) -> None:
    from framing.lexicon import parse_tone_valences

    count = write_fitted_valences(_tone_items(), _target_items(), tmp_path)
    text = (tmp_path / "tone_valences.csv").read_text(encoding="utf-8")
    assert len(parse_tone_valences(text, source="tone_valences.csv")) == count
    meta = json.loads((tmp_path / "tone_valences.meta.json").read_text(encoding="utf-8"))
    assert {"version", "fitted", "columns", "licence"} <= set(meta)


def test_write_fitted_valences_records_the_day_of_the_fit(tmp_path) -> None:
    # Non-regression (issue 11): the metadata used to carry a fixed date whatever day the fit ran.
    import datetime

    write_fitted_valences(_tone_items(), _target_items(), tmp_path, today=datetime.date(2031, 5, 4))
    meta = json.loads((tmp_path / "tone_valences.meta.json").read_text(encoding="utf-8"))
    assert meta["curated"] == "2031-05-04"
    write_fitted_valences(_tone_items(), _target_items(), tmp_path)
    meta = json.loads((tmp_path / "tone_valences.meta.json").read_text(encoding="utf-8"))
    assert meta["curated"] == datetime.date.today().isoformat()


def test_prepare_leaves_out_the_targets_own_words() -> None:
    # A target named like a tone word ("Hope", opening the sentence) is not tone toward it; the rest
    # of its clause is.
    text = "Hope praised the plan."
    assert [w.word for w in _prepare([text], None).words[0]] == ["hope", "praised"]
    assert [w.word for w in _prepare([text], [(0, 4)]).words[0]] == ["praised"]
