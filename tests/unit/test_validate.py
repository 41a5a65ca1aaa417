"""Tests for framing.validate on tiny made-up data (never the benchmark files)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from framing import cli
from framing.validate import (
    EMPHASIS_FILE,
    TONE_FILE,
    BenchmarkNotFoundError,
    bootstrap_change,
    classification_scores,
    confusion_matrix,
    correlations,
    format_table,
    keyword_counts,
    load_baseline_keywords,
    load_emphasis_benchmark,
    load_tone_benchmark,
    load_validity_figures,
    stratified_folds,
    three_class,
)
from framing.lexicon import parse_lexicon
from framing.segment import tokenize
from framing.types import FRAMES

TRUTH = ["trade", "trade", "trade", "security", "security", "diplomacy", "diplomacy", "diplomacy"]
PREDICTED = ["trade", "trade", "security", "security", "diplomacy", "diplomacy", "none", "security"]


def test_classification_scores_match_hand_computed_values():
    scores = classification_scores(TRUTH, PREDICTED, FRAMES)
    # trade: tp 2, predicted 2, true 3 -> P 1, R 2/3, F1 0.8
    assert scores["per_class"]["trade"] == {"precision": 1.0, "recall": 0.6667, "f1": 0.8, "support": 3}
    # security: tp 1, predicted 3, true 2 -> P 1/3, R 1/2, F1 0.4
    assert scores["per_class"]["security"] == {"precision": 0.3333, "recall": 0.5, "f1": 0.4, "support": 2}
    # diplomacy: tp 1, predicted 2, true 3 -> P 1/2, R 1/3, F1 0.4
    assert scores["per_class"]["diplomacy"] == {"precision": 0.5, "recall": 0.3333, "f1": 0.4, "support": 3}
    assert scores["macro_f1"] == pytest.approx((0.8 + 0.4 + 0.4) / 3, abs=1e-4)
    assert scores["accuracy"] == 0.5


def test_classification_scores_no_evidence_counts_as_wrong():
    scores = classification_scores(["trade", "security"], ["none", "none"], FRAMES)
    assert scores["accuracy"] == 0.0 and scores["macro_f1"] == 0.0


def test_classification_scores_rejects_unequal_lengths():
    with pytest.raises(ValueError, match="truth has 2 labels but predicted has 1"):
        classification_scores(["trade", "trade"], ["trade"], FRAMES)


def test_confusion_matrix_counts_and_none_column():
    matrix = confusion_matrix(TRUTH, PREDICTED, FRAMES)
    assert matrix == {
        "trade": {"trade": 2, "security": 1, "diplomacy": 0, "none": 0},
        "security": {"trade": 0, "security": 1, "diplomacy": 1, "none": 0},
        "diplomacy": {"trade": 0, "security": 1, "diplomacy": 1, "none": 1},
    }
    assert sum(sum(row.values()) for row in matrix.values()) == len(TRUTH)


def test_confusion_matrix_without_misses_has_no_extra_column():
    assert list(confusion_matrix(["trade"], ["trade"], FRAMES)["trade"]) == list(FRAMES)


@pytest.mark.parametrize(
    ("predicted", "observed", "pearson", "spearman"),
    [
        ([1, 2, 3], [2, 4, 6], 1.0, 1.0),
        ([1, 2, 3], [3, 2, 1], -1.0, -1.0),
        ([1, 2, 3, 4], [1, 3, 2, 4], 0.8, 0.8),  # r = 4/5 by hand; rho = 1 - 6*2/(4*15) = 0.8
        ([0, 0, 0], [1, 2, 3], 0.0, 0.0),  # constant prediction: defined as 0, no warning
    ],
)
def test_correlations(predicted, observed, pearson, spearman):
    assert correlations(predicted, observed) == {"pearson": pearson, "spearman": spearman}


def test_three_class_uses_neutral_band():
    assert three_class([-0.2, -0.049, 0.0, 0.049, 0.05, 0.7]) == [
        "negative", "neutral", "neutral", "neutral", "positive", "positive"
    ]
    assert three_class([0.3], band=0.5) == ["neutral"]


def test_stratified_folds_keeps_articles_together_and_balances_labels():
    groups = [f"a{n // 2}" for n in range(40)]  # 20 articles, 2 sentences each
    labels = ["x" if n < 20 else "y" for n in range(40)]
    folds = stratified_folds(groups, labels, k=5, seed=1)
    for n in range(0, 40, 2):
        assert folds[n] == folds[n + 1]
    per_fold = Counter((f, label) for f, label in zip(folds, labels))
    assert set(per_fold.values()) == {4}  # each fold: 2 articles x 2 sentences of each label
    assert folds == stratified_folds(groups, labels, k=5, seed=1)


def test_keyword_counts_counts_occurrences():
    keywords = parse_lexicon("term,frame,weight\ntariff,trade,1\nenvoy,diplomacy,1\n", source="k.csv")
    counts = keyword_counts(tokenize("Tariffs, tariffs and one envoy."), keywords)
    assert counts == {"trade": 2.0, "security": 0.0, "diplomacy": 1.0}


def test_baseline_keywords_has_twenty_per_frame():
    assert Counter(t.frame for t in load_baseline_keywords().terms) == dict.fromkeys(FRAMES, 20)


def test_loaders_read_made_up_files(tmp_path):
    (tmp_path / TONE_FILE).write_text(
        'id,article_id,mean_rating,sd,text\n1_1,1,2.5,0.5,"A fine, happy day."\n', encoding="utf-8"
    )
    (tmp_path / EMPHASIS_FILE).write_text(
        json.dumps({"ID": "x1", "frame_dim": "trade", "content_original": "Tariffs rose."}) + "\n\n",
        encoding="utf-8",
    )
    [tone] = load_tone_benchmark(tmp_path)
    [article] = load_emphasis_benchmark(tmp_path)
    assert (tone.article_id, tone.rating, tone.text) == ("1", 2.5, "A fine, happy day.")
    assert (article.id, article.label, article.text) == ("x1", "trade", "Tariffs rose.")


def test_missing_benchmark_raises_with_sources(tmp_path):
    with pytest.raises(BenchmarkNotFoundError, match="nytEditorialSnippets_GroundTruth.txt"):
        load_tone_benchmark(tmp_path / "absent")


def test_cli_validate_missing_data_exits_2_with_message(tmp_path, capsys):
    code = cli.main(["validate", "--data", str(tmp_path / "absent"), "--out", str(tmp_path / "v.json")])
    err = capsys.readouterr().err
    assert code == 2
    assert TONE_FILE in err and EMPHASIS_FILE in err
    assert "ramybaly/Article-Bias-Prediction" in err and "hutto_ICWSM_2014" in err
    assert not (tmp_path / "v.json").exists()


def test_published_figures_have_all_blocks():
    figures = load_validity_figures()
    assert {"full_dev", "cross_validated", "vader"} <= set(figures["tone"])
    assert {"full_dev", "cross_validated", "keyword_baseline"} <= set(figures["emphasis"])
    for block in ("full_dev", "cross_validated", "keyword_baseline"):
        assert 0.0 <= figures["emphasis"][block]["macro_f1"] <= 1.0


# -- tone: fitted weights and both tone sets are tested in test_validate_tone.py --------------------
def test_bootstrap_change_is_zero_for_identical_predictions():
    truth = [0.1, 0.5, -0.2, 0.3, -0.4, 0.0]
    predicted = [0.2, 0.4, -0.1, 0.1, -0.5, 0.1]
    assert bootstrap_change(predicted, predicted, truth, ["a", "a", "b", "b", "c", "c"], reps=50) == (0.0, 0.0)


def test_bootstrap_change_is_reproducible_and_ordered():
    truth = [0.1 * i for i in range(12)]
    noisy = [t + (0.3 if i % 3 else -0.3) for i, t in enumerate(truth)]
    groups = [str(i // 2) for i in range(12)]
    first = bootstrap_change(truth, noisy, truth, groups, reps=100, seed=1)
    assert first == bootstrap_change(truth, noisy, truth, groups, reps=100, seed=1)
    assert 0.0 <= first[0] <= first[1]


def test_format_table_shows_tone_changes():
    figures = load_validity_figures()
    table = format_table(figures)
    assert "ours without fitted weights" in table and "change in Pearson vs VADER" in table


def test_draw_sense_sample_is_seeded_and_keeps_offsets_only(tmp_path: Path) -> None:
    from framing.validate_frames import draw_sense_sample

    pages = [
        {"id": "p02", "raw": "Tariffs on steel rose. Troops moved to the border.\n\nThe envoy met her counterpart."},
        {"id": "p01", "raw": "The ceasefire deal was signed after talks. Warships left the strait."},
    ]
    (tmp_path / "cleaning_dev.jsonl").write_text("\n".join(json.dumps(p) for p in pages) + "\n", encoding="utf-8")
    first = draw_sense_sample(tmp_path, seed=5, n=4)
    assert first == draw_sense_sample(tmp_path, seed=5, n=4)
    assert [r["n"] for r in first] == [0, 1, 2, 3]
    assert set(first[0]) == {"n", "page_id", "start", "end", "term", "frame", "subcategory"}
    texts = {p["id"]: p["raw"] for p in pages}
    for row in first:
        word = texts[str(row["page_id"])][int(row["start"]) : int(row["end"])]  # type: ignore[call-overload]
        assert word and word[0].isalpha()
    everything = draw_sense_sample(tmp_path, seed=5, n=1000)
    assert len(everything) == len({(r["page_id"], r["start"]) for r in everything}) >= 8


# -- match counts (quotes, coverage cells): sklearn.metrics, the same figures as the formulas -------
@pytest.mark.parametrize("counts", [(3, 1, 2), (0, 0, 5), (0, 4, 0), (7, 0, 0), (0, 0, 0), (108, 2, 2), (104, 0, 8), (1, 2, 3)])
def test_count_scores_match_the_written_out_formulas(counts: tuple[int, int, int]) -> None:
    from framing.validate import count_scores

    tp, fp, fn = counts
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert count_scores(tp, fp, fn) == {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
    assert count_scores(tp, fp, fn, digits=6)["f1"] == pytest.approx(f1, abs=1e-6)


def test_count_scores_refuses_negative_counts() -> None:
    from framing.validate import count_scores

    with pytest.raises(ValueError, match="counts must be >= 0"):
        count_scores(3, -1, 0)


# -- run_validation returns typed, read-only results; the JSON it writes keeps its format -----------
def _stub_checks(monkeypatch: pytest.MonkeyPatch, data: Path, *, cleaning: bool) -> None:
    """Every check of ``run_validation`` replaced by a small fixed result (the real ones take minutes)."""
    from framing import validate, validate_frames, validate_quotes, validate_tone

    for name in (TONE_FILE, EMPHASIS_FILE):
        (data / name).write_text("", encoding="utf-8")
    monkeypatch.setattr(validate_frames, "require_frame_files", lambda data_dir: None)
    monkeypatch.setattr(validate_tone, "load_newsmtsc_benchmark", lambda data_dir: [])
    monkeypatch.setattr(validate, "load_tone_benchmark", lambda data_dir: [])
    monkeypatch.setattr(validate, "load_emphasis_benchmark", lambda data_dir: [])
    monkeypatch.setattr(validate_tone, "evaluate_tone_v2", lambda tone, newsmtsc: {
        "n_sentences": 2, "cross_validated": {"pearson": 0.5}, "per_fold_pearson": [0.4, 0.6]})
    monkeypatch.setattr(validate, "evaluate_emphasis", lambda items: {
        "n_articles": 1, "cross_validated": {"macro_f1": 0.25, "per_class": {"trade": {"f1": 0.5}}}})
    monkeypatch.setattr(validate_frames, "run_frame_validation", lambda data_dir: {"allsides": {"n": 3}})
    monkeypatch.setattr(validate, "cleaning_figures", lambda data_dir: {"cleaning": {"pages": 4}} if cleaning else {})
    monkeypatch.setattr(validate_quotes, "quote_figures", lambda data_dir: {"direct": {"f1": 0.9}, "halves": {}})


@pytest.mark.parametrize("cleaning", [True, False])
def test_run_validation_returns_read_only_typed_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cleaning: bool
) -> None:
    import dataclasses

    from framing.validate import LexiconVersions, ValidationResults, run_validation

    _stub_checks(monkeypatch, tmp_path, cleaning=cleaning)
    results = run_validation(tmp_path)
    assert isinstance(results, ValidationResults) and isinstance(results.lexicons, LexiconVersions)
    assert results.tone["per_fold_pearson"] == (0.4, 0.6) and results.quotes is not None
    assert (results.cleaning is not None) == cleaning
    with pytest.raises(TypeError):
        results.emphasis["cross_validated"]["per_class"]["trade"]["f1"] = 1.0  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        results.cross_validation = "x"  # type: ignore[misc]
    figures = results.to_dict()
    assert list(figures) == ["lexicons", "cross_validation", "tone", "emphasis", "frames",
                             *(["cleaning"] if cleaning else []), "quotes"]
    assert figures["tone"] == {"n_sentences": 2, "cross_validated": {"pearson": 0.5}, "per_fold_pearson": [0.4, 0.6]}
    assert ValidationResults.from_dict(figures) == results


def test_cli_validate_writes_the_same_json_as_the_plain_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file ``framing validate --out`` writes keeps its format: keys, order and indentation."""
    from framing.validate import ValidationResults, run_validation

    _stub_checks(monkeypatch, tmp_path, cleaning=True)
    monkeypatch.setattr("framing.validate.format_table", lambda figures: "table\n")
    out = tmp_path / "validity.json"
    assert cli.main(["validate", "--data", str(tmp_path), "--out", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    plain = run_validation(tmp_path).to_dict()
    assert written == json.dumps(plain, indent=2) + "\n"
    assert '"per_fold_pearson": [\n      0.4,' in written and "table" in capsys.readouterr().out
    assert ValidationResults.from_dict(json.loads(written)).to_dict() == json.loads(written)


def test_published_validity_file_reads_as_typed_results() -> None:
    from framing.validate import ValidationResults

    figures = load_validity_figures()
    results = ValidationResults.from_dict(figures)
    assert results.lexicons.frames == figures["lexicons"]["frames"]
    assert json.dumps(results.to_dict(), indent=2) == json.dumps(figures, indent=2)
    assert format_table(results) == format_table(figures)
