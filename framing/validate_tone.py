"""Tone validation on both tone dev sets, with baselines in the same run (issue 11, items 5 and 6).

* NYT editorial sentences (``tone_nyt_editorial_dev.csv``): Pearson and Spearman of sentence tone with
  the mean of 20 human ratings / 4, 3-class macro-F1 with the neutral band |x| < 0.05.
* NewsMTSC train (``tone_newsmtsc_train.jsonl``): 3-class macro-F1 with the same band. A label is the
  tone toward a named target, so our figure reads the clause around the target
  (:func:`framing.tone.clause_window`); the whole-sentence figure, which is what the dashboard shows
  per sentence, is reported beside it.

The tone model's four fitted weights (``tone_weights.csv``: opinion-lexicon weight, negation valence,
topic-word multiplier, positive-evidence multiplier) are chosen jointly on both sets by :func:`fit_tone_weights_jointly`: the mean of
NYT Pearson and NewsMTSC macro-F1. Cross-validation holds out one fold of each set at a time (5 folds
split by article; NewsMTSC's article is the id's first three parts), refits on the other four of both,
and scores the held-out fold. Baselines in the same run: VADER compound, the version-1 engine tone
(before the topic weight and the rules), our tone without fitted weights, and a supervised reference
(TF-IDF + ridge regression for the ratings, TF-IDF + logistic regression for the labels) trained and
scored on the same folds.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from .lexicon import (
    ToneLexicon,
    ToneWeights,
    build_tone_lexicon,
    load_tone_rules,
    load_tone_valences,
    load_tone_weights,
)
from .segment import tokenize
from vaderSentiment.vaderSentiment import N_SCALAR

from .tone import (
    NORMALIZATION_ALPHA,
    ToneWord,
    clause_window,
    find_tone_words,
    normalize_tone,
    outside_target,
    word_valence,
)
from .types import Token, read_only
from .validate import (
    CV_FOLDS,
    NEUTRAL_BAND,
    RATING_SCALE,
    TONE_CLASSES,
    BenchmarkNotFoundError,
    ToneItem,
    bootstrap_change,
    classification_scores,
    correlations,
    stratified_folds,
    three_class,
)

__all__ = [
    "TargetItem",
    "NEWSMTSC_FILE",
    "load_newsmtsc_benchmark",
    "fit_tone_weights_jointly",
    "fit_word_valences",
    "evaluate_tone_v2",
    "write_fitted_valences",
    "format_tone_lines",
]

NEWSMTSC_FILE = "tone_newsmtsc_train.jsonl"
NEWSMTSC_MISSING = (
    "NewsMTSC dev data not found: {path}.\n"
    "Expected fields: id, text, target {{mention, from, to}}, label (neg/neu/pos).\n"
    "Public original: https://github.com/fhamborg/NewsMTSC, "
    "NewsSentiment/controller_data/datasets/NewsMTSC-dataset/train.jsonl\n"
    "Pass the folder with --data DIR."
)
#: NewsMTSC labels, as our three classes.
_LABELS = {"neg": "negative", "neu": "neutral", "pos": "positive"}

# -- the joint grid (VADER's -4..+4 scale for the first two; the topic multiplier is 0..1) --
#: Candidate weights of a Hu & Liu opinion word; 0 leaves the opinion lexicon out.
OPINION_GRID = (0.0, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
#: Candidate valences of a negation word by itself; 0 leaves negation words out.
NEGATION_GRID = (-2.5, -2.0, -1.75, -1.5, -1.25, -1.0, -0.5, 0.0)
#: Candidate multipliers of a topic word's valence; 1 leaves topic words as the lexicons score them.
TOPIC_GRID = (0.0, 0.25, 0.5, 0.75, 1.0)
#: Grid for the positive weight (a word's evidence that comes out positive counts this many times).
POSITIVE_GRID = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
#: The version-1 engine's weights (tone_weights.csv 1.0.0), kept as a baseline: no rules, no topic weight.
V1_OPINION, V1_NEGATION = 1.25, -1.75
#: Supervised reference: ridge penalty (ratings) and inverse regularisation (labels), sklearn defaults;
#: liblinear (one-vs-rest) for the labels: lbfgs took minutes on TF-IDF bigrams, for the same F1 within 0.01.
RIDGE_ALPHA, LOGISTIC_C = 1.0, 1.0
#: Targets of issue 11 (dev, cross-validated).
TARGET_NYT_PEARSON, TARGET_NEWSMTSC_MACRO_F1 = 0.62, 0.60
# -- fitted word valences (tone_valences.csv, fit_word_valences) --
#: A word gets a fitted valence only when it is tone evidence this many times in the training sentences
#: (chosen from 5, 10, 20 by cross-validation; fewer occurrences leave the lexicon's valence).
WORD_MIN_COUNT = 5
#: Ridge penalty per word pulling a fitted valence to its prior, against each set's mean squared error
#: on the tone scale (chosen from 1e-3, 1e-4, 1e-5 by cross-validation; 1e-5 overfits, 1e-3 barely moves).
WORD_ALPHA = 1e-4
#: NewsMTSC labels as tone targets: negative -> -WORD_LABEL_TONE, neutral -> 0, positive -> +WORD_LABEL_TONE;
#: 0.4 is about the typical |tone| of a sentence with one clear opinion word (normalize_tone(1.7)).
WORD_LABEL_TONE = 0.4
#: L-BFGS iterations for the valence fit (converges in about 100 on the dev sets).
WORD_FIT_ITERATIONS = 300


@dataclass(frozen=True, slots=True)
class TargetItem:
    """One NewsMTSC sentence: its article, the target's character span, and the tone toward it."""

    id: str
    article_id: str
    text: str
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class _Prepared:
    """Sentences tokenised once, with every word any grid lexicon may score, and a token window each."""

    tokens: tuple[tuple[Token, ...], ...]
    words: tuple[tuple[ToneWord, ...], ...]


def load_newsmtsc_benchmark(data_dir: str | Path) -> list[TargetItem]:
    """Read ``data_dir/tone_newsmtsc_train.jsonl`` (one sentence with one target a line).

    Raises
    ------
    BenchmarkNotFoundError
        When the file is missing (the message says where the public original is).
    ValueError
        When a line is not JSON or its label or target is malformed (the message names the line).
    """
    path = Path(data_dir) / NEWSMTSC_FILE
    if not path.is_file():
        raise BenchmarkNotFoundError(NEWSMTSC_MISSING.format(path=path))
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            target, text, label = row["target"], str(row["text"]), _LABELS[row["label"]]
            start, end = int(target["from"]), int(target["to"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path.name} line {number}: not a NewsMTSC item ({exc})") from None
        if not 0 <= start < end <= len(text):
            raise ValueError(f"{path.name} line {number}: target {start}:{end} lies outside the text")
        identifier = str(row["id"])
        items.append(TargetItem(identifier, "_".join(identifier.split("_")[:3]), text, start, end, label))
    return items


def _superset_lexicon(*, rules: bool = True) -> ToneLexicon:
    # Every word any grid lexicon scores: VADER's words (opinion weight 0) and Hu & Liu's (weight 1);
    # a negation weight so negation words are found. word_valence() then asks the real lexicon.
    plain = build_tone_lexicon(opinion_weight=0.0, negation_weight=-1.0, rules=rules)
    mixed = build_tone_lexicon(opinion_weight=1.0, negation_weight=-1.0, rules=rules)
    return replace(plain, valences={**plain.valences, **mixed.valences})


def _prepare(texts: Sequence[str], spans: Sequence[tuple[int, int]] | None) -> _Prepared:
    superset, rules = _superset_lexicon(), load_tone_rules()
    all_tokens, all_words = [], []
    for n, text in enumerate(texts):
        tokens = tokenize(text)
        words = find_tone_words(tokens, superset, text=text)
        if spans is not None:
            first, last = clause_window(tokens, text, spans[n][0], spans[n][1], rules)
            # The clause around the target, less the target's own words (its name is not tone toward it).
            words = [w for w in outside_target(words, tokens, *spans[n]) if first <= w.position < last]
        all_tokens.append(tuple(tokens))
        all_words.append(tuple(words))
    return _Prepared(tuple(all_tokens), tuple(all_words))


def _tones(prepared: _Prepared, lexicon: ToneLexicon, rows: Sequence[int] | None = None) -> list[float]:
    # Exactly what score_tone sums: each word's valence rounded as the evidence shows it.
    indices = range(len(prepared.words)) if rows is None else rows
    out = []
    for n in indices:
        total = 0.0
        for found in prepared.words[n]:
            weight = word_valence(found, lexicon)
            if weight is not None:
                total += round(weight, 4)
        out.append(normalize_tone(total))
    return out


def _lexicon(weights: ToneWeights) -> ToneLexicon:
    return build_tone_lexicon(
        opinion_weight=weights.opinion, negation_weight=weights.negation, topic_weight=weights.topic, rules=True,
        positive_weight=weights.positive,
    )


def _macro_f1(predicted: Sequence[float], labels: Sequence[str]) -> float:
    return float(classification_scores(list(labels), three_class(predicted), TONE_CLASSES)["macro_f1"])


@dataclass(frozen=True, slots=True)
class _Sums:
    """Per sentence, the valence sum without negation words' own valence, for each (opinion, topic)
    pair of the grid, and the summed "but" factors of its negation words: a word's valence is
    additive in the negation weight, so ``sums[(o, t)] + n * negations`` is the sentence sum for
    weights (o, n, t), up to the 4-decimal rounding of each word's evidence."""

    sums: dict[tuple[float, float], np.ndarray]
    negations: np.ndarray
    #: Per (opinion, topic), the part of ``sums`` from evidence that comes out positive: with positive
    #: weight p the sum is ``sums + (p - 1) * positives`` (None: no positive weight, as p = 1).
    positives: dict[tuple[float, float], np.ndarray] | None = None


def _sentence_sums(prepared: _Prepared, opinions: Sequence[float], topics: Sequence[float]) -> _Sums:
    sums, positives = {}, {}
    for opinion in opinions:
        for topic in topics:
            lexicon = build_tone_lexicon(opinion_weight=opinion, negation_weight=0.0, topic_weight=topic, rules=True)
            values = [[v for f in words if (v := word_valence(f, lexicon)) is not None] for words in prepared.words]
            sums[(opinion, topic)] = np.array([sum(vs) for vs in values])
            positives[(opinion, topic)] = np.array([sum(v for v in vs if v > 0) for vs in values])
    negations = np.array([sum(f.factor for f in words if f.negation) for words in prepared.words])
    return _Sums(sums, negations, positives)


def _with_positive(sums: _Sums, key: tuple[float, float], positive: float) -> np.ndarray:
    # The sentence sums for (opinion, topic) = key with the positive weight applied (negation words' own
    # valence still to add: it is negative, so the positive weight never touches it).
    total = sums.sums[key]
    if positive == 1.0 or sums.positives is None:
        return total
    return total + (positive - 1.0) * sums.positives[key]


def _fast_tones(total: np.ndarray) -> np.ndarray:
    return np.clip(total / np.sqrt(total * total + NORMALIZATION_ALPHA), -1.0, 1.0)


def _fast_pearson(x: np.ndarray, y: np.ndarray) -> float:
    dx, dy = x - x.mean(), y - y.mean()
    norm = float(np.sqrt((dx @ dx) * (dy @ dy)))
    return float(dx @ dy) / norm if norm > 0 else -1.0


def _fast_macro_f1(tones: np.ndarray, labels: np.ndarray) -> float:
    # As classification_scores over three_class: F1 per class, 0 where a class is never predicted or present.
    predicted = np.where(tones >= NEUTRAL_BAND, 2, np.where(tones <= -NEUTRAL_BAND, 0, 1))
    f1 = []
    for c in (0, 1, 2):
        hit = float(np.sum((predicted == c) & (labels == c)))
        pred, true = float(np.sum(predicted == c)), float(np.sum(labels == c))
        f1.append(2 * hit / (pred + true) if pred + true else 0.0)
    return sum(f1) / 3


def fit_tone_weights_jointly(
    nyt: _Sums,
    ratings: Sequence[float],
    mtsc: _Sums,
    labels: Sequence[str],
    *,
    nyt_rows: Sequence[int] | None = None,
    mtsc_rows: Sequence[int] | None = None,
    negation_grid: Sequence[float] = NEGATION_GRID,
    positive_grid: Sequence[float] = POSITIVE_GRID,
) -> ToneWeights:
    """Choose the four tone weights that maximise mean(NYT Pearson, NewsMTSC macro-F1) on the given rows.

    Every combination of the grids is tried (the (opinion, topic) pairs of ``nyt.sums`` times
    ``negation_grid`` times ``positive_grid``, 1,400 by default; the positive grid only where the sums
    carry their positive parts); ties go to the weights closest to "no change" (opinion 0, negation 0,
    topic 1, positive 1). Four numbers fitted on about 9,000 sentences of two kinds of prose: little
    room to overfit, and cross-validation measures what is left.

    Examples
    --------
    >>> sums = _Sums({(0.0, 1.0): np.array([1.0, -1.0, 0.0]), (1.0, 1.0): np.array([2.0, -2.0, 1.0])},
    ...              np.array([0.0, 0.0, 1.0]))
    >>> fit_tone_weights_jointly(sums, [0.5, -0.5, -0.3], sums, ["positive", "negative", "negative"],
    ...                          negation_grid=(-2.0, 0.0))
    ToneWeights(opinion=1.0, negation=-2.0, version='fitted', topic=1.0, positive=1.0)
    """
    y = np.asarray(ratings, dtype=float)
    codes = np.array([TONE_CLASSES.index(label) for label in labels])
    nyt_index = np.arange(len(y)) if nyt_rows is None else np.asarray(nyt_rows)
    mtsc_index = np.arange(len(codes)) if mtsc_rows is None else np.asarray(mtsc_rows)
    best: tuple[float, float, ToneWeights] = (-2.0, 0.0, ToneWeights(0.0, 0.0, "fitted", 1.0))
    positives = positive_grid if nyt.positives is not None and mtsc.positives is not None else (1.0,)
    for key in nyt.sums:
        opinion, topic = key
        for positive in positives:
            nyt_sum = _with_positive(nyt, key, positive)[nyt_index]
            mtsc_sum = _with_positive(mtsc, key, positive)[mtsc_index]
            for negation in negation_grid:
                r = _fast_pearson(_fast_tones(nyt_sum + negation * nyt.negations[nyt_index]), y)
                f1 = _fast_macro_f1(_fast_tones(mtsc_sum + negation * mtsc.negations[mtsc_index]), codes)
                distance = -(abs(opinion) + abs(negation) + abs(1.0 - topic) + abs(1.0 - positive))
                if ((r + f1) / 2, distance) > best[:2]:
                    best = ((r + f1) / 2, distance, ToneWeights(opinion, negation, "fitted", topic, positive))
    return best[2]


def _word_design(prepared: _Prepared, lexicon: ToneLexicon, vocabulary: Sequence[str]) -> tuple[Any, np.ndarray]:
    # Sentence sum = base + X @ v for the valences v of ``vocabulary``: X holds each occurrence's
    # negation and "but" multipliers, base the rest of the evidence (other words, negation words'
    # own valence, intensifier steps, signed as the prior's valence; fitted valences keep that sign).
    from scipy import sparse

    index = {w: j for j, w in enumerate(vocabulary)}
    rows, cols, values = [], [], []
    base = np.zeros(len(prepared.words))
    for n, words in enumerate(prepared.words):
        for found in words:
            j = index.get(found.word)
            if j is None or found.negation:
                valence = word_valence(found, lexicon)
                base[n] += 0.0 if valence is None else valence
                continue
            multiplier = (N_SCALAR if found.negated else 1.0) * found.factor
            if (lexicon.valences[found.word] > 0) != found.negated:
                # evidence that comes out positive counts positive_weight times (its sign is the prior's)
                multiplier *= lexicon.positive_weight
            rows.append(n)
            cols.append(j)
            values.append(multiplier)
            base[n] += (1.0 if lexicon.valences[found.word] > 0 else -1.0) * found.boost * multiplier
    return sparse.csr_matrix((values, (rows, cols)), shape=(len(prepared.words), len(vocabulary))), base


def fit_word_valences(
    sets: Sequence[tuple[_Prepared, Sequence[float], Sequence[int]]],
    lexicon: ToneLexicon,
    *,
    alpha: float = WORD_ALPHA,
    min_count: int = WORD_MIN_COUNT,
) -> dict[str, float]:
    """Fit a valence for each lexicon word seen ``min_count`` times, shrunk toward its lexicon valence.

    ``sets`` holds ``(prepared sentences, target tones, training rows)`` per data set. The fit minimises,
    over the training rows, the mean squared difference between each sentence's tone (the scorer's
    sum of evidence, normalised) and its target, summed over the sets (each weighted equally), plus
    ``alpha`` times the squared distance of every fitted valence from its prior, the valence ``lexicon``
    gives it. A fitted valence keeps its prior's sign (bounded L-BFGS): evidence can grow or fade,
    never flip. Negation words keep the fitted negation weight; words below ``min_count`` keep their
    lexicon valence.

    Examples
    --------
    >>> lexicon = _lexicon(ToneWeights(1.5, -2.0, "x", 0.5))
    >>> prepared = _prepare(["A good plan.", "A good day.", "A bad plan.", "A plan."], None)
    >>> fitted = fit_word_valences([(prepared, [0.2, 0.2, -0.6, 0.0], [0, 1, 2, 3])], lexicon, min_count=2)
    >>> sorted(fitted), 0 < fitted["good"] < lexicon.valences["good"]
    (['good'], True)
    """
    from scipy.optimize import minimize

    counts: Counter[str] = Counter()
    for prepared, _, rows in sets:
        for n in rows:
            counts.update(f.word for f in prepared.words[n] if not f.negation and f.word in lexicon.valences)
    vocabulary = sorted(w for w, c in counts.items() if c >= min_count)
    if not vocabulary:
        return {}
    prior = np.array([lexicon.valences[w] for w in vocabulary])
    designs = []
    for prepared, targets, rows in sets:
        x, base = _word_design(prepared, lexicon, vocabulary)
        index = np.asarray(rows, dtype=int)
        designs.append((x[index], base[index], np.asarray(targets, dtype=float)[index]))

    def loss(v: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.0, 2 * alpha * (v - prior)
        for x, base, target in designs:
            sums = base + x @ v
            root = np.sqrt(sums * sums + NORMALIZATION_ALPHA)
            residual = sums / root - target
            total += float(residual @ residual) / len(target)
            grad = grad + x.T @ (2 * residual * NORMALIZATION_ALPHA / root**3) / len(target)
        return total + alpha * float((v - prior) @ (v - prior)), grad

    bounds = [(0.0, None) if p > 0 else (None, 0.0) for p in prior]
    result = minimize(loss, prior.copy(), jac=True, method="L-BFGS-B", bounds=bounds,
                      options={"maxiter": WORD_FIT_ITERATIONS})
    return {w: round(float(v), 3) for w, v in zip(vocabulary, result.x) if round(float(v), 3) != 0.0}


def _rating_targets(prepared: _Prepared, lexicon: ToneLexicon, ratings: Sequence[float],
                    rows: Sequence[int]) -> np.ndarray:
    # Ratings / 4 stretched to the spread of the lexicon's own tones on the training rows: Pearson
    # ignores scale, the squared error does not, so the fit should not shrink every valence.
    y = np.asarray(ratings, dtype=float)
    tones = np.asarray(_tones(prepared, lexicon, rows))
    spread = float(np.std(tones) / np.std(y[np.asarray(rows)])) if len(rows) > 1 and np.std(y[np.asarray(rows)]) else 1.0
    return y * spread


def _label_targets(labels: Sequence[str]) -> np.ndarray:
    return np.array([(TONE_CLASSES.index(label) - 1) * WORD_LABEL_TONE for label in labels])


def _with_valences(lexicon: ToneLexicon, fitted: Mapping[str, float]) -> ToneLexicon:
    return replace(lexicon, valences=read_only({**lexicon.valences, **fitted}), fitted=frozenset(fitted))


def _fit_words_for(lexicon: ToneLexicon, nyt: _Prepared, ratings: Sequence[float], nyt_rows: Sequence[int],
                   mtsc: _Prepared, labels: Sequence[str], mtsc_rows: Sequence[int]) -> dict[str, float]:
    sets: list[tuple[_Prepared, Sequence[float], Sequence[int]]] = []
    if len(nyt_rows):
        sets.append((nyt, _rating_targets(nyt, lexicon, ratings, nyt_rows).tolist(), nyt_rows))
    if len(mtsc_rows):
        sets.append((mtsc, _label_targets(labels).tolist(), mtsc_rows))
    return fit_word_valences(sets, lexicon)


def _fit_weights_on_one_set(sums: _Sums, score: Callable[[np.ndarray], float]) -> ToneWeights:
    # The grid of fit_tone_weights_jointly, scored on one set only (for the leave-set-out figures).
    best: tuple[float, float, ToneWeights] = (-2.0, 0.0, ToneWeights(0.0, 0.0, "fitted", 1.0))
    for key in sums.sums:
        opinion, topic = key
        for positive in POSITIVE_GRID if sums.positives is not None else (1.0,):
            total = _with_positive(sums, key, positive)
            for negation in NEGATION_GRID:
                value = score(_fast_tones(total + negation * sums.negations))
                distance = -(abs(opinion) + abs(negation) + abs(1.0 - topic) + abs(1.0 - positive))
                if (value, distance) > best[:2]:
                    best = (value, distance, ToneWeights(opinion, negation, "fitted", topic, positive))
    return best[2]


def _leave_set_out(nyt: _Prepared, observed: Sequence[float], nyt_sums: _Sums,
                   mtsc: _Prepared, labels: Sequence[str], mtsc_sums: _Sums) -> dict[str, object]:
    # Everything (four weights and word valences) fitted on one set alone, scored on the other.
    y = np.asarray(observed, dtype=float)
    codes = np.array([TONE_CLASSES.index(label) for label in labels])
    all_nyt, all_mtsc = list(range(len(y))), list(range(len(codes)))
    on_nyt = _lexicon(_fit_weights_on_one_set(nyt_sums, lambda t: _fast_pearson(t, y)))
    on_nyt = _with_valences(on_nyt, _fit_words_for(on_nyt, nyt, observed, all_nyt, mtsc, labels, []))
    on_mtsc = _lexicon(_fit_weights_on_one_set(mtsc_sums, lambda t: _fast_macro_f1(t, codes)))
    on_mtsc = _with_valences(on_mtsc, _fit_words_for(on_mtsc, nyt, observed, [], mtsc, labels, all_mtsc))
    nyt_from_mtsc, mtsc_from_nyt = _tones(nyt, on_mtsc), _tones(mtsc, on_nyt)
    return {
        "fit_on_nyt_scored_on_newsmtsc": _mtsc_figures(three_class(mtsc_from_nyt), labels),
        "fit_on_newsmtsc_scored_on_nyt": _nyt_figures(nyt_from_mtsc, observed),
        "words_fitted": {"nyt": len(on_nyt.fitted), "newsmtsc": len(on_mtsc.fitted)},
    }


def _tfidf_folds(texts: Sequence[str], fold_of: Sequence[int], folds: int, make_model: Callable[[], Any],
                 targets: Sequence[float] | Sequence[str]) -> list[Any]:
    # Lazy import: sklearn's vectoriser loads only when validation runs.
    from sklearn.feature_extraction.text import TfidfVectorizer

    out: list[Any] = [None] * len(texts)
    for fold in range(folds):
        train = [n for n, f in enumerate(fold_of) if f != fold]
        test = [n for n, f in enumerate(fold_of) if f == fold]
        vectorizer = TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=(1, 2))
        model = make_model().fit(vectorizer.fit_transform([texts[n] for n in train]), [targets[n] for n in train])
        for n, value in zip(test, model.predict(vectorizer.transform([texts[n] for n in test]))):
            out[n] = value
    return out


def _supervised_ratings(texts: Sequence[str], ratings: Sequence[float], fold_of: Sequence[int],
                        folds: int) -> list[float]:
    from sklearn.linear_model import Ridge

    predicted = _tfidf_folds(texts, fold_of, folds, lambda: Ridge(alpha=RIDGE_ALPHA), ratings)
    return [max(-1.0, min(1.0, float(v))) for v in predicted]


def _supervised_labels(texts: Sequence[str], labels: Sequence[str], fold_of: Sequence[int], folds: int) -> list[str]:
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    def make() -> Any:
        return OneVsRestClassifier(LogisticRegression(C=LOGISTIC_C, solver="liblinear"))

    return [str(v) for v in _tfidf_folds(texts, fold_of, folds, make, labels)]


def _per_fold(fold_of: Sequence[int], folds: int, metric: Callable[..., float], *series: Sequence[Any]) -> list[float]:
    out = []
    for fold in range(folds):
        rows = [n for n, f in enumerate(fold_of) if f == fold]
        out.append(round(float(metric(*[[s[n] for n in rows] for s in series])), 4))
    return out


def _nyt_figures(predicted: Sequence[float], observed: Sequence[float]) -> dict[str, float]:
    figures = correlations(predicted, observed)
    figures["macro_f1"] = round(_macro_f1(predicted, three_class(observed)), 4)
    return figures


def _mtsc_figures(classes: Sequence[str], labels: Sequence[str]) -> dict[str, object]:
    scores = classification_scores(list(labels), list(classes), TONE_CLASSES)
    return {"macro_f1": scores["macro_f1"], "accuracy": scores["accuracy"],
            "f1": {c: scores["per_class"][c]["f1"] for c in TONE_CLASSES},
            "predicted": dict(Counter(classes))}


def evaluate_tone_v2(nyt_items: Sequence[ToneItem], mtsc_items: Sequence[TargetItem], *,
                     folds: int = CV_FOLDS) -> dict[str, object]:
    """Score both tone dev sets with our tone and the baselines; cross-validate the four fitted weights.

    Returns the NYT figures under the keys of version 1 (``n_sentences``, ``n_articles``, ``full_dev``,
    ``cross_validated``, ``vader``, ``unfitted``, ``weights``, ``per_fold_pearson``, ``change``) plus
    ``engine_v1`` and ``supervised``, and a ``newsmtsc`` block with the same baselines, ``per_fold_macro_f1``
    and ``cross_validated_sentence`` (whole sentence instead of the target's clause); ``targets`` says
    which of the issue's targets the cross-validated figures meet.
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    observed = [i.rating / RATING_SCALE for i in nyt_items]
    labels = [i.label for i in mtsc_items]
    nyt = _prepare([i.text for i in nyt_items], None)
    mtsc = _prepare([i.text for i in mtsc_items], [(i.start, i.end) for i in mtsc_items])
    mtsc_sentence = _prepare([i.text for i in mtsc_items], None)
    nyt_fold = stratified_folds([i.article_id for i in nyt_items], ["sentence"] * len(nyt_items), k=folds)
    mtsc_fold = stratified_folds([i.article_id for i in mtsc_items], labels, k=folds)

    nyt_sums = _sentence_sums(nyt, OPINION_GRID, TOPIC_GRID)
    mtsc_sums = _sentence_sums(mtsc, OPINION_GRID, TOPIC_GRID)
    cv_nyt, cv_mtsc, cv_sentence = [0.0] * len(nyt_items), [0.0] * len(mtsc_items), [0.0] * len(mtsc_items)
    plain_nyt, plain_mtsc = [0.0] * len(nyt_items), [0.0] * len(mtsc_items)
    fitted, fitted_words = [], []
    for fold in range(folds):
        nyt_train = [n for n, f in enumerate(nyt_fold) if f != fold]
        mtsc_train = [n for n, f in enumerate(mtsc_fold) if f != fold]
        weights = fit_tone_weights_jointly(nyt_sums, [observed[n] for n in nyt_train], mtsc_sums,
                                           [labels[n] for n in mtsc_train], nyt_rows=nyt_train, mtsc_rows=mtsc_train)
        fitted.append({"opinion_weight": weights.opinion, "negation_weight": weights.negation,
                       "topic_weight": weights.topic, "positive_weight": weights.positive})
        lexicon = _lexicon(weights)
        # Word valences fitted on the same training folds of both sets, on top of the fold's weights.
        words = _fit_words_for(lexicon, nyt, observed, nyt_train, mtsc, labels, mtsc_train)
        fitted_words.append(len(words))
        with_words = _with_valences(lexicon, words)
        for series, prepared, fold_of, model in ((cv_nyt, nyt, nyt_fold, with_words),
                                                 (cv_mtsc, mtsc, mtsc_fold, with_words),
                                                 (cv_sentence, mtsc_sentence, mtsc_fold, with_words),
                                                 (plain_nyt, nyt, nyt_fold, lexicon),
                                                 (plain_mtsc, mtsc, mtsc_fold, lexicon)):
            rows = [n for n, f in enumerate(fold_of) if f == fold]
            for n, tone in zip(rows, _tones(prepared, model, rows)):
                series[n] = tone
    leave_set_out = _leave_set_out(nyt, observed, nyt_sums, mtsc, labels, mtsc_sums)

    shipped = load_tone_weights()
    shipped_lexicon = _with_valences(_lexicon(shipped), load_tone_valences())
    v1 = build_tone_lexicon(opinion_weight=V1_OPINION, negation_weight=V1_NEGATION)
    unfitted = build_tone_lexicon(opinion_weight=0.0, negation_weight=0.0)
    nyt_runs = {
        "full_dev": _tones(nyt, shipped_lexicon),
        "cross_validated": cv_nyt,
        "weights_only": plain_nyt,
        "vader": [analyser.polarity_scores(i.text)["compound"] for i in nyt_items],
        "engine_v1": _tones(_prepare_plain(nyt), v1),
        "unfitted": _tones(_prepare_plain(nyt), unfitted),
        "supervised": _supervised_ratings([i.text for i in nyt_items], observed, nyt_fold, folds),
    }
    mtsc_tones = {
        "full_dev": _tones(mtsc, shipped_lexicon),
        "cross_validated": cv_mtsc,
        "weights_only": plain_mtsc,
        "cross_validated_sentence": cv_sentence,
        "vader": [analyser.polarity_scores(i.text)["compound"] for i in mtsc_items],
        "engine_v1": _tones(_prepare_plain(mtsc_sentence), v1),
    }
    mtsc_runs = {name: three_class(tones) for name, tones in mtsc_tones.items()}
    mtsc_runs["supervised"] = _supervised_labels([i.text for i in mtsc_items], labels, mtsc_fold, folds)
    articles = [i.article_id for i in nyt_items]
    change = {}
    for key in ("vader", "unfitted", "engine_v1", "weights_only"):
        other = nyt_runs[key]
        ours_by_fold = _per_fold(nyt_fold, folds, _pearson_of, cv_nyt, observed)
        theirs_by_fold = _per_fold(nyt_fold, folds, _pearson_of, other, observed)
        change[f"vs_{key}"] = {
            "pearson": round(correlations(cv_nyt, observed)["pearson"] - correlations(other, observed)["pearson"], 4),
            "ci95": list(bootstrap_change(cv_nyt, other, observed, articles)),
            "folds_improved": sum(a > b for a, b in zip(ours_by_fold, theirs_by_fold)),
        }
    nyt_block = {name: _nyt_figures(p, observed) for name, p in nyt_runs.items()}
    mtsc_block = {name: _mtsc_figures(p, labels) for name, p in mtsc_runs.items()}
    nyt_pearson = nyt_block["cross_validated"]["pearson"]
    mtsc_f1 = float(mtsc_block["cross_validated"]["macro_f1"])  # type: ignore[arg-type]
    return {
        "n_sentences": len(nyt_items),
        "n_articles": len(set(articles)),
        **nyt_block,
        "weights": {
            "shipped": {"opinion_weight": shipped.opinion, "negation_weight": shipped.negation,
                        "topic_weight": shipped.topic, "positive_weight": shipped.positive},
            "per_fold": fitted,
            "fitted_on": "both dev sets jointly: mean of NYT Pearson and NewsMTSC macro-F1",
        },
        "word_valences": {
            "shipped": len(load_tone_valences()),
            "per_fold": fitted_words,
            "alpha": WORD_ALPHA,
            "min_count": WORD_MIN_COUNT,
            "label_tone": WORD_LABEL_TONE,
            "fitted_on": "the training folds of both dev sets, on top of the fold's four weights; "
                         "weights_only: the same folds without fitted word valences",
        },
        "leave_set_out": leave_set_out,
        "per_fold_pearson": {name: _per_fold(nyt_fold, folds, _pearson_of, nyt_runs[key], observed)
                             for name, key in (("ours", "cross_validated"), ("weights_only", "weights_only"),
                                               ("vader", "vader"),
                                               ("engine_v1", "engine_v1"), ("unfitted", "unfitted"),
                                               ("supervised", "supervised"))},
        "change": change,
        "newsmtsc": {
            "n_sentences": len(mtsc_items),
            "n_articles": len({i.article_id for i in mtsc_items}),
            "gold": dict(Counter(labels)),
            "neutral_band": NEUTRAL_BAND,
            "scope": "cross_validated and full_dev: the clause around the target; cross_validated_sentence, "
                     "vader, engine_v1: the whole sentence; supervised: TF-IDF + logistic regression on the sentence",
            **mtsc_block,
            "per_fold_macro_f1": {name: _per_fold(mtsc_fold, folds, _macro_f1_of, mtsc_runs[name], labels)
                                  for name in ("cross_validated", "weights_only", "cross_validated_sentence",
                                               "vader", "engine_v1", "supervised")},
        },
        "targets": {
            "nyt_pearson": {"target": TARGET_NYT_PEARSON, "cross_validated": nyt_pearson,
                            "met": nyt_pearson >= TARGET_NYT_PEARSON},
            "newsmtsc_macro_f1": {"target": TARGET_NEWSMTSC_MACRO_F1, "cross_validated": round(mtsc_f1, 4),
                                  "met": mtsc_f1 >= TARGET_NEWSMTSC_MACRO_F1},
        },
    }


def write_fitted_valences(nyt_items: Sequence[ToneItem], mtsc_items: Sequence[TargetItem], folder: str | Path,
                          *, today: date | None = None) -> int:
    """Fit word valences on all of both dev sets with the shipped weights; write ``tone_valences.csv`` + meta.

    Returns the number of words written. Give the package's lexicon folder to update what ships;
    ``python -m framing validate`` then refits them inside each fold to measure them. The metadata's
    ``curated`` is the day of the fit (``today``, the current date by default).
    """
    folder = Path(folder)
    weights = load_tone_weights()
    lexicon = _lexicon(weights)
    nyt = _prepare([i.text for i in nyt_items], None)
    mtsc = _prepare([i.text for i in mtsc_items], [(i.start, i.end) for i in mtsc_items])
    observed = [i.rating / RATING_SCALE for i in nyt_items]
    labels = [i.label for i in mtsc_items]
    fitted = _fit_words_for(lexicon, nyt, observed, range(len(nyt_items)), mtsc, labels, range(len(mtsc_items)))
    counts = {name: Counter(f.word for words in prepared.words for f in words if not f.negation)
              for name, prepared in (("nyt", nyt), ("newsmtsc", mtsc))}
    lines = ["term,valence,prior,count,note"]
    for word, value in sorted(fitted.items()):
        n_nyt, n_mtsc = counts["nyt"][word], counts["newsmtsc"][word]
        lines.append(f"{word},{value},{round(lexicon.valences[word], 3)},{n_nyt + n_mtsc},"
                     f"fitted: {n_nyt} NYT + {n_mtsc} NewsMTSC occurrences")
    (folder / "tone_valences.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta = {
        "name": "framing-lens-tone-valences",
        "version": "1.13.0",
        "description": "Fitted valences of the tone words that occur often enough in the two tone dev sets. Each row "
                       "replaces the valence the tone lexicon gives the word (VADER + weighted Hu & Liu + tone_news.csv "
                       "+ topic weight) as the last step of framing.lexicon.build_tone_lexicon; a sentence's tone is "
                       "still the sum of its words' evidence, and a fitted valence keeps its prior's sign.",
        "citation": "Fitted by Framing Lens on the developers' halves of the VADER NYT editorial ground truth "
                    "(Hutto & Gilbert 2014, ICWSM-14) and of NewsMTSC train (Hamborg & Donnay 2021, EACL).",
        "url": "https://github.com/cjhutto/vaderSentiment",
        "licence": "CC0-1.0 (fitted numbers); the words are VADER's (MIT) and Hu & Liu's",
        "curated": (today or date.today()).isoformat(),
        "curator": "Framing Lens maintainers (tone)",
        "fitted": (f"framing.validate_tone.fit_word_valences on all {len(nyt_items)} NYT sentences (target: mean rating / 4 "
                   f"stretched to the spread of the lexicon's tones) and all {len(mtsc_items)} NewsMTSC sentences "
                   f"(clause around the target, its own words left out; target -{WORD_LABEL_TONE} / 0 / +{WORD_LABEL_TONE} for neg / neu / pos), "
                   f"each set's mean squared error on the tone scale weighted equally, ridge penalty alpha {WORD_ALPHA} "
                   f"toward the prior, words seen at least {WORD_MIN_COUNT} times as evidence, sign kept (bounded "
                   f"L-BFGS), with the shipped weights of tone_weights.csv {weights.version} (opinion {weights.opinion}, "
                   f"negation {weights.negation}, topic {weights.topic}, positive {weights.positive}), tone_rules.csv {lexicon.rules.version} and "
                   f"tone_news.csv {lexicon.provenance.get('version', '?')}; refit when any of them changes."),
        "cross_validation": "python -m framing validate refits the valences inside each of the 5 folds (by article) "
                            "on the training folds of both sets, and reports leave-set-out figures (fit on one set, "
                            "scored on the other); see framing/validity.json, section tone.",
        "changes": "1.0.0: first fitted valences (issue 11, item 5). 1.1.0: refitted with tone_news.csv 1.2.0 "
                   "(one- and two-letter slang entries set to 0, so 'l' lost its row). 1.2.0: refitted with "
                   "tone_rules.csv 1.2.0 (contrast, negation-phrase and hedge rules change words' context factors). "
                   "1.3.0: refitted with tone_rules.csv 1.3.0 (negation, shifter and intensifier rules; capitalised "
                   "tone words in mid-sentence are names; a NewsMTSC target's own words left out) and "
                   "tone_weights.csv 2.2.0. 1.4.0: refitted with tone_rules.csv 1.4.0 (a form the lexicons do not "
                   "list scored as its lemma) and tone_news.csv 1.3.0. 1.5.0: refitted with tone_rules.csv 1.5.0 (a capitalised "
                   "tone word right after a title such as 'Mr.' is a surname). 1.6.0: refitted with tone_weights.csv 2.3.0 "
                   "(positive_weight: evidence that comes out positive counts 0.6 times; negation -1.5, topic 0.5). "
                   "1.7.0: refitted with tone_rules.csv 1.6.0 ('little' and 'few' negate) and tone_weights.csv 2.4.0 "
                   "(negation -1.25). 1.8.0: refitted with tone_news.csv 1.4.0 (16 wrong-sense forms set to 0) and "
                   "tone_weights.csv 2.5.0 (negation -1.5 again). 1.9.0: refitted with tone_news.csv 1.5.0 and "
                   "tone_topics.csv 1.1.0 (six words of legal jeopardy: indicted, convicted, impeachment, ...). 1.10.0: "
                   "refitted with tone_news.csv 1.6.0 (the evaluative verbs achieve, attain, backfire). 1.11.0: refitted with "
                   "tone_rules.csv 1.7.0 ('without' negates but adds no valence of its own). 1.12.0: refitted with "
                   "tone_rules.csv 1.8.0 ('kind of', legal-system 'justice'). 1.13.0: refitted with tone_rules.csv 1.9.0 "
                   "('no wonder').",
        "columns": {"term": "one lower-case word form, as the tone lexicons list it",
                    "valence": "fitted valence on VADER's -4..+4 scale (same sign as prior)",
                    "prior": "the valence the lexicon gave the word before fitting",
                    "count": "occurrences as tone evidence in the two dev sets together",
                    "note": "occurrences per set"},
    }
    (folder / "tone_valences.meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
                                                    encoding="utf-8")
    return len(fitted)


def _main(argv: Sequence[str] | None = None) -> int:
    import argparse

    from .validate import load_tone_benchmark

    parser = argparse.ArgumentParser(prog="python -m framing.validate_tone",
                                     description="Refit the shipped word valences (tone_valences.csv).")
    parser.add_argument("--data", default="../shared/benchmarks")
    parser.add_argument("--out", required=True,
                        help="folder for the refitted files (give the package's lexicon folder to update what ships)")
    args = parser.parse_args(argv)
    count = write_fitted_valences(load_tone_benchmark(args.data), load_newsmtsc_benchmark(args.data), args.out)
    print(f"{count} fitted word valences written to {args.out}")
    return 0


def _prepare_plain(prepared: _Prepared) -> _Prepared:
    # The version-1 and unfitted baselines: same tokens, no rules, whole sentence.
    plain = _superset_lexicon(rules=False)
    words = tuple(tuple(find_tone_words(tokens, plain)) for tokens in prepared.tokens)
    return _Prepared(prepared.tokens, words)


def _pearson_of(predicted: Sequence[float], observed: Sequence[float]) -> float:
    return correlations(predicted, observed)["pearson"]


def _macro_f1_of(classes: Sequence[str], labels: Sequence[str]) -> float:
    return float(classification_scores(list(labels), list(classes), TONE_CLASSES)["macro_f1"])


def format_tone_lines(tone: Mapping[str, object]) -> list[str]:
    """Render the tone block of the validity figures as plain-text table lines."""
    lines = [
        f"Tone: {tone['n_sentences']} NYT opinion sentences, {tone['n_articles']} articles (human mean rating)",
        f"{'model':<40}{'Pearson':>9}{'Spearman':>10}{'macro-F1':>10}   per-fold Pearson",
    ]
    per_fold = tone.get("per_fold_pearson", {})
    assert isinstance(per_fold, Mapping)
    for label, key in (("ours, cross-validated", "cross_validated"), ("ours, full dev (in-sample)", "full_dev"),
                       ("ours without word valences, CV", "weights_only"),
                       ("engine v1 (baseline)", "engine_v1"), ("ours without fitted weights", "unfitted"),
                       ("VADER compound (baseline)", "vader"), ("TF-IDF + ridge, cross-validated", "supervised")):
        block = tone.get(key)
        if isinstance(block, Mapping):
            folds = " ".join(f"{v:.3f}" for v in per_fold.get("ours" if key == "cross_validated" else key, []))
            lines.append(f"{label:<40}{block['pearson']:>9.3f}{block['spearman']:>10.3f}{block['macro_f1']:>10.3f}   {folds}")
    change = tone.get("change")
    if isinstance(change, Mapping):
        for label, key in (("VADER", "vs_vader"), ("engine v1", "vs_engine_v1"), ("no fitted weights", "vs_unfitted"),
                           ("no word valences", "vs_weights_only")):
            c = change.get(key)
            if isinstance(c, Mapping):
                lines.append(f"change in Pearson vs {label}: {c['pearson']:+.3f} (95% CI {c['ci95'][0]:+.3f} to "
                             f"{c['ci95'][1]:+.3f}; better in {c['folds_improved']} folds)")
    mtsc = tone.get("newsmtsc")
    if isinstance(mtsc, Mapping):
        lines += ["", (f"Tone: {mtsc['n_sentences']} NewsMTSC sentences, {mtsc['n_articles']} articles "
                       f"(tone toward a target; neutral band |x| < {mtsc['neutral_band']})"),
                  f"{'model':<40}{'macro-F1':>9}{'accuracy':>10}   per-fold macro-F1"]
        mtsc_folds = mtsc["per_fold_macro_f1"]
        for label, key in (("ours, clause around target, CV", "cross_validated"),
                           ("ours, clause, without word valences, CV", "weights_only"),
                           ("ours, whole sentence, CV", "cross_validated_sentence"),
                           ("ours, clause, full dev (in-sample)", "full_dev"),
                           ("engine v1, sentence (baseline)", "engine_v1"), ("VADER compound (baseline)", "vader"),
                           ("TF-IDF + logistic regression, CV", "supervised")):
            block = mtsc.get(key)
            if not isinstance(block, Mapping):
                continue
            folds = " ".join(f"{v:.3f}" for v in mtsc_folds.get(key, []))
            lines.append(f"{label:<40}{block['macro_f1']:>9.3f}{block['accuracy']:>10.3f}   {folds}")
        f1 = mtsc["cross_validated"].get("f1", {})
        lines.append("per-class F1, clause CV: " + ", ".join(f"{c} {v:.3f}" for c, v in f1.items()))
    out = tone.get("leave_set_out")
    if isinstance(out, Mapping):
        lines += ["", "Leave set out (weights and word valences fitted on one set, scored on the other):",
                  f"fit on NYT, NewsMTSC macro-F1 {out['fit_on_nyt_scored_on_newsmtsc']['macro_f1']:.3f}; "
                  f"fit on NewsMTSC, NYT Pearson {out['fit_on_newsmtsc_scored_on_nyt']['pearson']:.3f}"]
    targets = tone.get("targets")
    if isinstance(targets, Mapping):
        lines.append("")
        for name, t in targets.items():
            lines.append(f"target {name} >= {t['target']}: {t['cross_validated']:.3f} "
                         f"({'met' if t['met'] else 'missed'})")
    return lines


if __name__ == "__main__":
    raise SystemExit(_main())
