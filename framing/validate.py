"""Validity checks: our tone and frame scores against human judgements, with baselines in the same run.

Two public data sets (developers' half, read from a folder given on the command line, never shipped):

* ``tone_nyt_editorial_dev.csv``: sentences from New York Times opinion pieces, each rated by 20 people
  on -4..+4 (Hutto & Gilbert 2014). We report Pearson and Spearman correlation of our sentence tone
  with the mean rating, and 3-class macro-F1 with a neutral band of +-0.05 on both our tone and the
  mean rating divided by 4 (the VADER paper's thresholds). VADER's own compound score is computed in
  the same run as the baseline.
* ``emphasis_allsides_dev.jsonl``: news articles with an editor's topic tag mapped to trade, security
  or diplomacy (Baly et al. 2020). Our prediction is the dominant frame of the article's emphasis
  (an article without evidence, or with a tie at the top, counts as wrong). The baseline counts 20
  hand-picked keywords per frame (``lexicons/baseline_keywords.csv``) and takes the argmax.

The shipped lexicons contain rows mined from these dev sets (notes containing
``mined from dev data``). Measuring them on the rows they were mined from is optimistic, so the
figures are also cross-validated: 5 folds split by article and stratified, where the mined rows are
dropped, mined again from four folds with the same procedure (:func:`mine_frame_terms`,
:func:`mine_tone_terms`) and the per-frame scales are fitted again on those four folds (:func:`fit_frame_scales`), then
measured on the fifth. Only the automatic part of the procedure can be repeated inside the folds;
the manual review of the shipped rows cannot.

Tone is validated on both tone dev sets (NYT and NewsMTSC) by :mod:`framing.validate_tone`, which
fits the three tone weights on four folds of both, scores the fifth, and reports the change against
VADER with a 95% article-bootstrap interval (:func:`bootstrap_change`).
"""

from __future__ import annotations

import csv
import json
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
import warnings
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any, TypedDict

import numpy as np
from sklearn import metrics, model_selection
from scipy.stats import pearsonr, spearmanr
from wordfreq import zipf_frequency

from .benchmark_files import DEFAULT_DATA_DIR, EMPHASIS_FILE, TONE_FILE
from .cleaning import clean_text
from .data_files import data_source, read_data_json, read_data_text
from .distinctive import log_odds_z
from .errors import FramingError
from .frames import FrameModel, TermMatcher
from .lexicon import (
    Lexicon,
    LexiconTerm,
    load_default_lexicon,
    load_tone_lexicon,
    load_tone_weights,
    parse_lexicon,
)
from .pipeline import dominant_frame
from .segment import tokenize
from .types import FRAMES, Token, freeze
from .validate_cleaning import cleaning_figures, cleaning_table

__all__ = [
    "BenchmarkNotFoundError",
    "ToneItem",
    "EmphasisItem",
    "load_tone_benchmark",
    "load_emphasis_benchmark",
    "load_baseline_keywords",
    "correlations",
    "three_class",
    "classification_scores",
    "count_scores",
    "CountScores",
    "confusion_matrix",
    "stratified_folds",
    "keyword_counts",
    "mine_frame_terms",
    "fit_frame_scales",
    "bootstrap_change",
    "evaluate_emphasis",
    "EmphasisFigures",
    "ClassificationScores",
    "ClassScores",
    "run_validation",
    "LexiconVersions",
    "ValidationResults",
    "format_table",
    "load_validity_figures",
    "DEFAULT_DATA_DIR",
    "TONE_FILE",
    "EMPHASIS_FILE",
    "MISSING_DATA_MESSAGE",
]

MISSING_DATA_MESSAGE = (
    "Benchmark data not found in {path}.\n"
    "Expected files:\n"
    f"  {TONE_FILE}  (columns id, article_id, mean_rating, sd, text)\n"
    f"  {EMPHASIS_FILE}  (fields ID, frame_dim, topic, source, date, title, content_original)\n"
    "Public originals:\n"
    "  tone: https://github.com/cjhutto/vaderSentiment, "
    "additional_resources/hutto_ICWSM_2014/nytEditorialSnippets_GroundTruth.txt\n"
    "  emphasis: https://github.com/ramybaly/Article-Bias-Prediction (topics trade; national_security, "
    "defense, national_defense, us_military; foreign_policy, state_department)\n"
    "Pass the folder with --data DIR."
)

#: Human ratings run from -4 to +4; dividing by 4 puts them on our [-1, 1] scale (VADER paper).
RATING_SCALE = 4.0
#: Neutral band for the 3-class comparison: |x| < 0.05 is neutral (VADER's compound thresholds).
NEUTRAL_BAND = 0.05
TONE_CLASSES = ("negative", "neutral", "positive")
#: Cross-validation: 5 folds split by article, stratified; the seed only fixes which article goes where.
CV_FOLDS = 5
CV_SEED = 2014
#: Label used for an article whose emphasis has no single top frame (no evidence or a tie).
NO_FRAME = "none"
#: Marks the lexicon rows produced by the mining procedures below (dropped and re-mined in each fold).
MINED_MARK = "mined from dev data"

# -- frame-term mining settings, chosen by cross-validation on the dev half (see docs/validity.md) --
#: Terms mined per frame (searched over 0, 10, 20, 40, 60, 80).
MINE_FRAME_TOP = 40
#: A mined term must occur in at least this many training articles.
MINE_FRAME_MIN_DF = 8
#: Candidate per-frame scales for security and diplomacy (trade fixed at 1), see fit_frame_scales.
SCALE_GRID = (0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3)
#: Weight of a mined frame term: the lexicon's weight for "general vocabulary that leans to the frame".
MINE_FRAME_WEIGHT = 1.0
#: Words at or above this Zipf frequency (wordfreq) are function words ("the" 7.7, "said" 6.3): never evidence.
MINE_MAX_ZIPF = 6.0
#: A word capitalised in more than this share of its mid-sentence uses is treated as a name and skipped.
MINE_MAX_CAPITALISED = 0.3

#: Article-bootstrap resamples for the interval of a change in Pearson, and their seed.
BOOTSTRAP_REPS = 2000
BOOTSTRAP_SEED = 2014

class BenchmarkNotFoundError(FramingError, FileNotFoundError):
    """The benchmark folder or one of its files is missing; the message says what and where to get it."""


@dataclass(frozen=True, slots=True)
class ToneItem:
    """One rated sentence: its article, the mean human rating on -4..+4, and the text."""

    id: str
    article_id: str
    rating: float
    text: str


@dataclass(frozen=True, slots=True)
class EmphasisItem:
    """One labelled article: its dominant frame according to the editors' topic tag, and the text."""

    id: str
    label: str
    text: str


# -- loading ------------------------------------------------------------------------------------
def _require(data_dir: Path, name: str) -> Path:
    path = Path(data_dir) / name
    if not path.is_file():
        raise BenchmarkNotFoundError(MISSING_DATA_MESSAGE.format(path=Path(data_dir)))
    return path


def load_tone_benchmark(data_dir: str | Path) -> list[ToneItem]:
    """Read the rated sentences from ``data_dir/tone_nyt_editorial_dev.csv``.

    Raises
    ------
    BenchmarkNotFoundError
        When the file is missing; the message lists the expected files and the public originals.
    """
    path = _require(Path(data_dir), TONE_FILE)
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            ToneItem(row["id"], row["article_id"], float(row["mean_rating"]), row["text"])
            for row in csv.DictReader(handle)
        ]


def load_emphasis_benchmark(data_dir: str | Path) -> list[EmphasisItem]:
    """Read the labelled articles from ``data_dir/emphasis_allsides_dev.jsonl``.

    Raises
    ------
    BenchmarkNotFoundError
        When the file is missing; the message lists the expected files and the public originals.
    """
    path = _require(Path(data_dir), EMPHASIS_FILE)
    items = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                items.append(EmphasisItem(str(row["ID"]), row["frame_dim"], row["content_original"]))
    return items


def load_baseline_keywords() -> Lexicon:
    """Return the keyword baseline: 20 hand-picked keywords per frame, each counted with weight 1.

    Examples
    --------
    >>> keywords = load_baseline_keywords()
    >>> Counter(t.frame for t in keywords.terms) == {f: 20 for f in FRAMES}
    True
    """
    return _load_baseline()


@lru_cache(maxsize=1)
def _load_baseline() -> Lexicon:
    return parse_lexicon(read_data_text("baseline_keywords.csv"), source=data_source("baseline_keywords.csv"))


def load_validity_figures() -> dict[str, object]:
    """Return the published validity figures (``framing/validity.json``), as shown on the Method page.

    Examples
    --------
    >>> figures = load_validity_figures()
    >>> {"full_dev", "cross_validated", "vader"} <= set(figures["tone"])
    True
    """
    return dict(read_data_json("validity.json", package="framing"))


# -- metrics ------------------------------------------------------------------------------------
def correlations(predicted: Sequence[float], observed: Sequence[float]) -> dict[str, float]:
    """Return Pearson and Spearman correlation (0 when either side is constant).

    Examples
    --------
    >>> correlations([1, 2, 3, 4], [1, 3, 2, 4])
    {'pearson': 0.8, 'spearman': 0.8}
    """
    if len(set(predicted)) < 2 or len(set(observed)) < 2:
        return {"pearson": 0.0, "spearman": 0.0}
    return {
        "pearson": round(float(pearsonr(predicted, observed)[0]), 4),
        "spearman": round(float(spearmanr(predicted, observed)[0]), 4),
    }


def three_class(values: Sequence[float], *, band: float = NEUTRAL_BAND) -> list[str]:
    """Label values negative / neutral / positive; ``|x| < band`` is neutral.

    Examples
    --------
    >>> three_class([-0.3, -0.05, 0.0, 0.049, 0.05])
    ['negative', 'negative', 'neutral', 'neutral', 'positive']
    """
    return ["neutral" if abs(v) < band else "positive" if v > 0 else "negative" for v in values]


class ClassScores(TypedDict):
    """Precision, recall and F1 of one class, and how many items truly belong to it."""

    precision: float
    recall: float
    f1: float
    support: int


class ClassificationScores(TypedDict, total=False):
    """What :func:`classification_scores` returns (``confusion`` is added for the frame figures)."""

    accuracy: float
    macro_f1: float
    per_class: dict[str, ClassScores]
    confusion: dict[str, dict[str, int]]


class EmphasisFigures(TypedDict):
    """What :func:`evaluate_emphasis` returns: one :class:`ClassificationScores` per predictor."""

    n_articles: int
    full_dev: ClassificationScores
    cross_validated: ClassificationScores
    keyword_baseline: ClassificationScores


def confusion_matrix(
    truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> dict[str, dict[str, int]]:
    """Return ``{true label: {predicted label: count}}``; predictions outside ``labels`` get their own column.

    Counted by ``sklearn.metrics.confusion_matrix``.

    Examples
    --------
    >>> confusion_matrix(["a", "a", "b"], ["a", "none", "a"], ["a", "b"])
    {'a': {'a': 1, 'b': 0, 'none': 1}, 'b': {'a': 1, 'b': 0, 'none': 0}}
    """
    extra = sorted({p for p in predicted if p not in labels})
    columns = [*labels, *extra]
    counts = metrics.confusion_matrix(list(truth), list(predicted), labels=columns) if truth else np.zeros(
        (len(columns), len(columns)), dtype=int
    )
    return {t: {c: int(counts[row][col]) for col, c in enumerate(columns)} for row, t in enumerate(labels)}


def classification_scores(
    truth: Sequence[str], predicted: Sequence[str], labels: Sequence[str]
) -> ClassificationScores:
    """Return accuracy, macro-F1 and per-class precision/recall/F1 over ``labels`` (``sklearn.metrics``).

    A prediction outside ``labels`` (an article without evidence) is simply wrong: it lowers the
    recall of its true class and nobody's precision. A class never predicted has precision 0.

    Examples
    --------
    >>> s = classification_scores(["a", "a", "b", "b"], ["a", "b", "b", "none"], ["a", "b"])
    >>> s["accuracy"], s["macro_f1"], s["per_class"]["b"]
    (0.5, 0.5833, {'precision': 0.5, 'recall': 0.5, 'f1': 0.5, 'support': 2})
    """
    if len(truth) != len(predicted):
        raise ValueError(f"truth has {len(truth)} labels but predicted has {len(predicted)}")
    if not truth:
        empty: dict[str, ClassScores] = {
            label: {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0} for label in labels
        }
        return {"accuracy": 0.0, "macro_f1": 0.0, "per_class": empty}
    precision, recall, f1, support = metrics.precision_recall_fscore_support(
        list(truth), list(predicted), labels=list(labels), zero_division=0.0
    )
    per_class: dict[str, ClassScores] = {
        label: {"precision": round(float(precision[n]), 4), "recall": round(float(recall[n]), 4),
                "f1": round(float(f1[n]), 4), "support": int(support[n])}
        for n, label in enumerate(labels)
    }
    return {
        "accuracy": round(float(metrics.accuracy_score(list(truth), list(predicted))), 4),
        "macro_f1": round(float(np.mean(f1)), 4),
        "per_class": per_class,
    }


class CountScores(TypedDict):
    """Precision, recall and F1 of one set of matches, counted as true/false positives and misses."""

    precision: float
    recall: float
    f1: float


def count_scores(true_positives: int, false_positives: int, false_negatives: int, *, digits: int = 3) -> CountScores:
    """Precision, recall and F1 (``sklearn.metrics``, 0 where undefined) from match counts, rounded to ``digits``.

    For checks that match found items to gold items one to one (quotes, coverage cells) rather than
    label each item: each count becomes that many (gold, found) pairs of a binary task.

    Examples
    --------
    >>> count_scores(3, 1, 2)
    {'precision': 0.75, 'recall': 0.6, 'f1': 0.667}
    >>> count_scores(0, 0, 0)
    {'precision': 0.0, 'recall': 0.0, 'f1': 0.0}
    """
    counts = (true_positives, false_positives, false_negatives)
    if min(counts) < 0:
        raise ValueError(f"counts must be >= 0, got {counts}")
    if not any(counts):
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    truth = np.repeat([1, 0, 1], counts)
    found = np.repeat([1, 1, 0], counts)
    precision, recall, f1, _ = metrics.precision_recall_fscore_support(
        truth, found, average="binary", pos_label=1, zero_division=0.0
    )
    return {"precision": round(float(precision), digits), "recall": round(float(recall), digits),
            "f1": round(float(f1), digits)}


def stratified_folds(groups: Sequence[str], labels: Sequence[str], *, k: int = CV_FOLDS, seed: int = CV_SEED) -> list[int]:
    """Assign each item a fold in ``0..k-1``: items of one group share a fold, labels are balanced.

    scikit-learn's ``StratifiedGroupKFold`` (shuffled with ``seed``): every group (article) lies in
    one fold, and each fold gets about the same share of each label.

    Examples
    --------
    >>> folds = stratified_folds(["a", "a", "b", "c", "d"], ["x", "x", "x", "y", "y"], k=2, seed=0)
    >>> folds[0] == folds[1], sorted(Counter(folds).values())
    (True, [2, 3])
    """
    splitter = model_selection.StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    fold_of = [0] * len(groups)
    with warnings.catch_warnings():
        # One label for every item (the tone benchmark: folds only keep articles together) makes
        # scikit-learn warn that the label has fewer members than folds would need; nothing is wrong.
        warnings.filterwarnings("ignore", message="The least populated class", category=UserWarning)
        for fold, (_, test) in enumerate(splitter.split(np.zeros(len(groups)), list(labels), groups=list(groups))):
            for n in test:
                fold_of[int(n)] = fold
    return fold_of


# -- models and baselines -----------------------------------------------------------------------
def keyword_counts(tokens: Sequence[Token], keywords: Lexicon) -> dict[str, float]:
    """Count keyword occurrences per frame (the baseline: no weights, no IDF).

    Examples
    --------
    >>> kw = parse_lexicon("term,frame,weight\\ntariff,trade,1\\ntroops,security,1\\n", source="k")
    >>> keyword_counts(tokenize("Tariffs and tariffs, troops."), kw)
    {'trade': 2.0, 'security': 1.0, 'diplomacy': 0.0}
    """
    counts = dict.fromkeys(FRAMES, 0.0)
    for index, _, _ in TermMatcher(keywords).find(tokens):
        counts[keywords.terms[index].frame] += 1.0
    return counts


def _without_mined(lexicon: Lexicon) -> Lexicon:
    kept = tuple(t for t in lexicon.terms if MINED_MARK not in t.note)
    return Lexicon(lexicon.name, lexicon.version + "-curated", lexicon.source, kept,
                   lexicon.definitions, lexicon.provenance)


def _with_terms(lexicon: Lexicon, extra: Sequence[LexiconTerm]) -> Lexicon:
    return Lexicon(lexicon.name, lexicon.version + "+mined", lexicon.source, (*lexicon.terms, *extra),
                   lexicon.definitions, lexicon.provenance)


def _candidate_words(docs: Sequence[Sequence[Token]], texts: Sequence[str]) -> dict[str, float]:
    """Share of mid-sentence uses of each lemma that are capitalised (names score high)."""
    capitalised: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for tokens, text in zip(docs, texts):
        for previous, token in zip(tokens, tokens[1:]):
            if text[previous.end:token.start].strip():  # after punctuation: may start a sentence
                continue
            seen[token.lemma] += 1
            capitalised[token.lemma] += text[token.start].isupper()
    return {w: capitalised[w] / n for w, n in seen.items()}


def mine_frame_terms(
    docs: Sequence[Sequence[Token]],
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    base: Lexicon,
    top: int = MINE_FRAME_TOP,
    min_df: int = MINE_FRAME_MIN_DF,
) -> list[LexiconTerm]:
    """Mine single-word frame terms from labelled articles by weighted log-odds (Monroe et al. 2008).

    For each frame, every lemma's document frequency in that frame's articles is compared with the
    other frames' by the log-odds ratio with an informative Dirichlet prior (the pooled frequencies),
    divided by its standard error (a z-score). The ``top`` lemmas per frame with a positive z-score
    are kept, skipping lemmas already in ``base``, rarer than ``min_df`` articles, function words
    (Zipf frequency >= 6), words that are mostly capitalised (names of people, places, outlets),
    numbers and words under three letters. This is the automatic part of the procedure that produced
    the mined rows of ``frames.csv``; there a person also reviewed each term.
    """
    known = {t.key for t in base.terms}
    capital_share = _candidate_words(docs, texts)
    df: dict[str, Counter[str]] = {f: Counter() for f in FRAMES}
    for tokens, label in zip(docs, labels):
        df[label].update({t.lemma for t in tokens})
    pooled: Counter[str] = Counter()
    for counts in df.values():
        pooled.update(counts)
    vocabulary = [
        w for w, n in pooled.items()
        if n >= min_df and len(w) >= 3 and w.isalpha() and (w,) not in known
        and zipf_frequency(w, "en") < MINE_MAX_ZIPF and capital_share.get(w, 1.0) <= MINE_MAX_CAPITALISED
    ]
    n_docs = Counter(labels)
    prior_total = float(sum(pooled.values()))
    mined: list[LexiconTerm] = []
    for frame in FRAMES:
        inside, outside = df[frame], Counter[str]()
        for other in FRAMES:
            if other != frame:
                outside.update(df[other])
        n_in = float(n_docs[frame])
        n_out = float(sum(n for f, n in n_docs.items() if f != frame))
        scored = []
        for w in vocabulary:
            alpha = 10.0 * pooled[w] / prior_total * len(vocabulary)  # prior strength ~ pooled frequency
            y_in, y_out = inside[w], outside[w]
            # alpha_0 = 2 alpha: each side's "other words" get the same prior as the word itself.
            scored.append((log_odds_z(y_in, y_out, n_in, n_out, alpha, 2.0 * alpha), w))
        scored.sort(reverse=True)
        for z, w in scored[:top]:
            if z > 0:
                mined.append(LexiconTerm(w, frame, MINE_FRAME_WEIGHT, f"{MINED_MARK} (z={z:.1f})", (w,)))
    return mined


# -- evaluation ---------------------------------------------------------------------------------
def fit_frame_scales(
    docs: Sequence[Sequence[Token]], labels: Sequence[str], lexicon: Lexicon
) -> dict[str, float]:
    """Choose per-frame scales :math:`s_f` that maximise macro-F1 of the dominant frame on labelled docs.

    Trade stays at 1; security and diplomacy are searched on ``SCALE_GRID`` (all 35 pairs). Ties go
    to the pair closest to no scaling. Two numbers fitted on hundreds of articles: little room to
    overfit, and cross-validation measures what is left.
    """
    raw = [d.scores for d in FrameModel(lexicon, frame_scales={}).fit_transform(docs)]
    best: tuple[float, float, dict[str, float]] = (-1.0, 0.0, {})
    for security in SCALE_GRID:
        for diplomacy in SCALE_GRID:
            scales = {"trade": 1.0, "security": security, "diplomacy": diplomacy}
            predicted = [dominant_frame({f: s[f] * scales[f] for f in FRAMES}) or NO_FRAME for s in raw]
            macro = classification_scores(labels, predicted, FRAMES)["macro_f1"]
            distance = -abs(math.log(security)) - abs(math.log(diplomacy))
            if (macro, distance) > best[:2]:
                best = (macro, distance, scales)
    return best[2]


def bootstrap_change(
    ours: Sequence[float],
    other: Sequence[float],
    observed: Sequence[float],
    groups: Sequence[str],
    *,
    reps: int = BOOTSTRAP_REPS,
    seed: int = BOOTSTRAP_SEED,
) -> tuple[float, float]:
    """Return the 95% interval of Pearson(ours) - Pearson(other), resampling whole groups (articles).

    Examples
    --------
    >>> truth = [0.1 * i for i in range(20)]
    >>> good, poor = [t + (0.05 if i % 2 else -0.05) for i, t in enumerate(truth)], list(reversed(truth))
    >>> low, high = bootstrap_change(good, poor, truth, [str(i // 2) for i in range(20)], reps=200)
    >>> 0 < low <= high
    True
    """
    a, b, y = (np.asarray(v, dtype=float) for v in (ours, other, observed))
    members: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(groups):
        members[group].append(index)
    blocks = [np.array(m) for m in members.values()]
    rng = np.random.default_rng(seed)
    changes = []
    for _ in range(reps):
        picked = np.concatenate([blocks[g] for g in rng.integers(0, len(blocks), len(blocks))])
        ya = y[picked]
        changes.append(_pearson(a[picked], ya) - _pearson(b[picked], ya))
    low, high = np.percentile(changes, [2.5, 97.5])
    return round(float(low), 4), round(float(high), 4)


def _pearson(x: np.ndarray, y: np.ndarray) -> float:
    # As correlations(): 0 when either side is constant (a small resample can be).
    dx, dy = x - x.mean(), y - y.mean()
    norm = math.sqrt(float(dx @ dx) * float(dy @ dy))
    return float(dx @ dy) / norm if norm > 0 else 0.0


def _emphasis_figures(truth: Sequence[str], predicted: Sequence[str]) -> ClassificationScores:
    figures = classification_scores(truth, predicted, FRAMES)
    figures["confusion"] = confusion_matrix(truth, predicted, FRAMES)
    return figures


def _predict_frames(
    docs: Sequence[Sequence[Token]], lexicon: Lexicon, scales: Mapping[str, float] | None = None
) -> list[str]:
    # IDF is learned over all benchmark articles, labels unseen, as the pipeline does over a user's corpus.
    model = FrameModel(lexicon, frame_scales=scales)
    return [dominant_frame(d.scores) or NO_FRAME for d in model.fit_transform(docs)]


def evaluate_emphasis(items: Sequence[EmphasisItem], *, folds: int = CV_FOLDS) -> EmphasisFigures:
    """Predict each article's dominant frame with our model and with the keyword baseline.

    Returns ``{"n_articles", "full_dev", "cross_validated", "keyword_baseline"}``; each block has
    accuracy, macro-F1, per-class precision/recall/F1 and the confusion matrix (rows: true frame).
    """
    texts = [clean_text(i.text).text for i in items]
    docs = [tokenize(t) for t in texts]
    truth = [i.label for i in items]
    shipped = load_default_lexicon()
    keywords = load_baseline_keywords()
    baseline = [dominant_frame(keyword_counts(d, keywords)) or NO_FRAME for d in docs]
    curated = _without_mined(shipped)
    fold_of = stratified_folds([i.id for i in items], truth, k=folds)
    cv = [NO_FRAME] * len(items)
    for fold in range(folds):
        train = [n for n, f in enumerate(fold_of) if f != fold]
        mined = mine_frame_terms([docs[n] for n in train], [texts[n] for n in train], [truth[n] for n in train],
                                 base=curated)
        lexicon = _with_terms(curated, mined)
        scales = fit_frame_scales([docs[n] for n in train], [truth[n] for n in train], lexicon)
        predicted = _predict_frames(docs, lexicon, scales)
        for n, f in enumerate(fold_of):
            if f == fold:
                cv[n] = predicted[n]
    return {
        "n_articles": len(items),
        "full_dev": _emphasis_figures(truth, _predict_frames(docs, shipped)),
        "cross_validated": _emphasis_figures(truth, cv),
        "keyword_baseline": _emphasis_figures(truth, baseline),
    }


@dataclass(frozen=True, slots=True)
class LexiconVersions:
    """The versions of the packaged data the figures were measured with."""

    frames: str
    tone_news: str
    tone_weights: str
    tone_rules: str
    tone_valences: str


@dataclass(frozen=True, slots=True)
class ValidationResults:
    """What :func:`run_validation` returns: one read-only section per check (issue 9 item 6).

    Each section holds the figures of its check as read-only mappings and tuples (the nesting of the
    JSON each check writes); :meth:`to_dict` gives the JSON-ready dict ``framing validate --out``
    writes (``framing/validity.json``'s format), :meth:`from_dict` reads one back. ``cleaning`` is
    None when the benchmark folder has no cleaning pages; ``quotes`` is None in a published file
    that leaves them out.
    """

    lexicons: LexiconVersions
    #: How the cross-validated figures were split ("5 folds split by article, stratified (seed 2014)").
    cross_validation: str
    tone: Mapping[str, Any]
    emphasis: Mapping[str, Any]
    frames: Mapping[str, Any]
    cleaning: Mapping[str, Any] | None = None
    quotes: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        freeze(self)

    def to_dict(self) -> dict[str, object]:
        """The figures as plain JSON-ready data, keys in the order of ``framing/validity.json``.

        Examples
        --------
        >>> figures = load_validity_figures()
        >>> ValidationResults.from_dict(figures).to_dict() == figures
        True
        """
        out: dict[str, object] = {
            "lexicons": {f.name: getattr(self.lexicons, f.name) for f in fields(LexiconVersions)},
            "cross_validation": self.cross_validation,
            "tone": _thaw(self.tone),
            "emphasis": _thaw(self.emphasis),
            "frames": _thaw(self.frames),
        }
        for name in ("cleaning", "quotes"):
            section = getattr(self, name)
            if section is not None:
                out[name] = _thaw(section)
        return out

    @classmethod
    def from_dict(cls, figures: Mapping[str, Any]) -> ValidationResults:
        """Read figures written by :meth:`to_dict` (``framing/validity.json``) back."""
        return cls(lexicons=LexiconVersions(**figures["lexicons"]), cross_validation=str(figures["cross_validation"]),
                   tone=figures["tone"], emphasis=figures["emphasis"], frames=figures["frames"],
                   cleaning=figures.get("cleaning"), quotes=figures.get("quotes"))


def _thaw(value: object) -> object:
    """Read-only figures back to JSON-ready dicts and lists (the inverse of :func:`freeze` on JSON data)."""
    if isinstance(value, Mapping):
        return {key: _thaw(item) for key, item in value.items()}
    if isinstance(value, (tuple, list)):
        return [_thaw(item) for item in value]
    return value


def run_validation(data_dir: str | Path = DEFAULT_DATA_DIR) -> ValidationResults:
    """Run every check on the benchmark folder and return the figures, read-only and typed.

    ``run_validation(...).to_dict()`` is what ``framing validate --out`` writes as JSON.

    Raises
    ------
    BenchmarkNotFoundError
        When a benchmark file is missing (checked before any work is done).
    """
    from . import validate_tone  # imports this module: loaded here to avoid a cycle
    from .validate_quotes import quote_figures  # likewise

    data_dir = Path(data_dir)
    _require(data_dir, TONE_FILE)
    _require(data_dir, EMPHASIS_FILE)
    from .validate_frames import require_frame_files, run_frame_validation

    require_frame_files(data_dir)
    newsmtsc = validate_tone.load_newsmtsc_benchmark(data_dir)
    frames, tone = load_default_lexicon(), load_tone_lexicon()
    return ValidationResults(
        lexicons=LexiconVersions(frames=frames.version, tone_news=tone.provenance.get("version", "?"),
                                 tone_weights=load_tone_weights().version, tone_rules=tone.rules.version,
                                 tone_valences=str(read_data_json("tone_valences.meta.json")["version"])),
        cross_validation=f"{CV_FOLDS} folds split by article, stratified (seed {CV_SEED})",
        tone=validate_tone.evaluate_tone_v2(load_tone_benchmark(data_dir), newsmtsc),
        emphasis=evaluate_emphasis(load_emphasis_benchmark(data_dir)),
        frames=run_frame_validation(data_dir),
        cleaning=cleaning_figures(data_dir).get("cleaning"),
        quotes=quote_figures(data_dir),
    )


def format_table(figures: ValidationResults | Mapping[str, object]) -> str:
    """Render the figures of :func:`run_validation` (or a published file's) as a plain-text table."""
    if isinstance(figures, ValidationResults):
        figures = figures.to_dict()
    tone = figures["tone"]
    emphasis = figures["emphasis"]
    assert isinstance(tone, Mapping) and isinstance(emphasis, Mapping)
    from .validate_tone import format_tone_lines

    lines = format_tone_lines(tone)
    lines += [
        "",
        f"Emphasis: {emphasis['n_articles']} AllSides articles, dominant frame vs topic tag",
        f"{'model':<34}{'macro-F1':>9}" + "".join(f"{f[:4] + ' P/R':>13}" for f in FRAMES),
    ]
    for label, key in (("ours, cross-validated", "cross_validated"), ("ours, full dev (in-sample)", "full_dev"),
                       ("keyword count (baseline)", "keyword_baseline")):
        block = emphasis[key]
        cells = "".join(
            f"{block['per_class'][f]['precision']:>8.2f}/{block['per_class'][f]['recall']:.2f}" for f in FRAMES
        )
        lines.append(f"{label:<34}{block['macro_f1']:>9.3f}{cells}")
    for label, key in (("Confusion, ours cross-validated", "cross_validated"),
                       ("Confusion, keyword baseline", "keyword_baseline")):
        matrix = emphasis[key]["confusion"]
        columns = list(next(iter(matrix.values())))
        lines += ["", f"{label} (rows: true, columns: predicted)", f"{'':<12}" + "".join(f"{c:>11}" for c in columns)]
        for true, row in matrix.items():
            lines.append(f"{true:<12}" + "".join(f"{row[c]:>11}" for c in columns))
    quotes = figures.get("quotes")
    if isinstance(quotes, Mapping) and "direct" in quotes:
        from .validate_quotes import format_quotes_table  # imports this module: loaded here to avoid a cycle

        lines += ["", format_quotes_table(quotes).rstrip("\n")]
    if isinstance(figures.get("frames"), Mapping):
        from .validate_frames import format_frame_table

        frame_figures: Mapping[str, object] = figures["frames"]  # type: ignore[assignment]
        lines += ["", format_frame_table(frame_figures).rstrip("\n")]
    return "\n".join(lines) + "\n" + cleaning_table(figures)

