"""Is there enough frame evidence to compare, and how sure are the numbers? ``evidence_level``, ``emphasis_ci``, ``tone_ci``.

Emphasis shares always sum to 1 once a single frame word is found, so a healthcare story with
three economic words would otherwise "lean trade" as firmly as a tariff story. Two answers:

* ``evidence_level``: ``none`` (no frame evidence at all), ``thin`` (fewer than ``min_count`` frame
  words, or fewer than ``min_per_thousand`` per 1,000 words), ``enough`` otherwise. A frame word
  here is a match whose lexicon weight is at least ``min_term_weight`` (1.0): the general economic
  vocabulary at 0.5 leans to a frame but does not establish that a text is about it. Counted on the
  matches that survive the sense rules, not on weights, so it does not depend on the corpus (IDF).
  The thresholds live in ``lexicons/evidence_thresholds.json`` with how they were calibrated
  (on-topic vs off-topic dev articles, ``framing validate``).
* ``emphasis_ci``: a 95% percentile bootstrap interval of each frame's share, resampling the
  text's sentences with replacement (a fixed seed, so the same text gives the same interval).
* ``tone_ci``: the same bootstrap for the tone, the mean of the sentences' tones: two outlets whose
  intervals overlap widely read about the same, whatever their ranking says.
* ``passage_frame``: the dominant frame of a paragraph, or ``none`` when no frame dominates. Names of
  foreign places and officials' titles (the *context* subcategories of the threshold file) say where
  a passage is and who speaks, not what it is about: a paragraph whose evidence outside context is
  at most ``passage_min_evidence`` (0: only context) has no dominant frame, nor one whose top frame
  leads the runner-up by less than ``passage_min_margin`` of its score.
  Both numbers are chosen by cross-validation on the dev paragraphs (``framing validate``).
* ``decide_frame`` / ``lead_frame``: the one decision of which frame is named dominant, used by the
  engine (articles, outlets, sentences, paragraphs of ``framing.pipeline``) and by the validation
  (``framing.validate_frames``) alike, so the figures describe what users see. General vocabulary
  alone never leads (``frames_that_may_lead``); a passage also applies ``passage_frame``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .data_files import data_source, read_data_json
from .errors import LexiconError
from .types import FRAMES

__all__ = ["EvidenceThresholds", "load_evidence_thresholds", "evidence_level", "emphasis_interval", "emphasis_interval_of", "emphasis_uncertainty_of", "tone_interval", "LEVELS",
           "NOT_ENOUGH", "strong_evidence_count", "PassageRule", "load_passage_rule", "passage_frame", "NO_FRAME",
           "frames_that_may_lead", "lead_frame", "decide_frame", "frame_label"]

LEVELS = ("none", "thin", "enough")
#: What summaries, charts and reports say instead of naming a dominant frame.
NOT_ENOUGH = "not enough frame evidence to compare"
BOOTSTRAP_REPS = 200
BOOTSTRAP_SEED = 11
#: Resampled sentence picks drawn at a time (issue 16): an outlet of 10,000 articles has ~300,000
#: sentences, and 200 resamples of them at once took ~2 GB; a block of this many takes ~32 MB.
BOOTSTRAP_CELLS = 1 << 20


@dataclass(frozen=True, slots=True)
class EvidenceThresholds:
    """``enough`` needs at least ``min_count`` frame words and ``min_per_thousand`` per 1,000 words."""

    min_count: int
    min_per_thousand: float
    #: Only terms of at least this lexicon weight count (general vocabulary at 0.5 leans, it does not establish).
    min_term_weight: float = 1.0


@lru_cache(maxsize=1)
def load_evidence_thresholds() -> EvidenceThresholds:
    """Return the packaged thresholds.

    Examples
    --------
    >>> t = load_evidence_thresholds()
    >>> t.min_count >= 1 and t.min_per_thousand > 0
    True
    """
    data = read_data_json("evidence_thresholds.json", required=("min_count", "min_per_thousand", "min_term_weight"))
    try:
        return EvidenceThresholds(int(data["min_count"]), float(data["min_per_thousand"]), float(data["min_term_weight"]))
    except (TypeError, ValueError):
        raise LexiconError(f"{data_source('evidence_thresholds.json')}: min_count, min_per_thousand and min_term_weight "
                           f"must be numbers (found {data['min_count']!r}, {data['min_per_thousand']!r}, "
                           f"{data['min_term_weight']!r})") from None


#: What ``passage_frame`` returns when no frame dominates.
NO_FRAME = "none"


@dataclass(frozen=True, slots=True)
class PassageRule:
    """When a passage has a dominant frame: evidence outside ``context`` and a margin over the runner-up.

    ``context`` holds ``(frame, subcategory)`` pairs whose words place a passage (foreign states,
    officials' titles) without saying what it is about.
    """

    context: frozenset[tuple[str, str]]
    min_evidence: float = 0.0
    min_margin: float = 0.0


@lru_cache(maxsize=1)
def load_passage_rule() -> PassageRule:
    """Return the packaged passage rule (``evidence_thresholds.json``).

    Examples
    --------
    >>> rule = load_passage_rule()
    >>> ("diplomacy", "foreign_states") in rule.context, rule.min_evidence >= 0
    (True, True)
    """
    data = read_data_json("evidence_thresholds.json")
    context = frozenset(tuple(str(k).split("/", 1)) for k in data.get("context_subcategories", ()))
    return PassageRule(context, float(data.get("passage_min_evidence", 0.0)),  # type: ignore[arg-type]
                       float(data.get("passage_min_margin", 0.0)))


def passage_frame(evidence: Iterable[tuple[str, str, float]], rule: PassageRule | None = None) -> str:
    """Return the dominant frame of a passage, or ``"none"`` when no frame dominates.

    ``evidence`` holds ``(frame, subcategory, weight)`` per piece of frame evidence in the passage.
    The frame with the largest sum wins unless the passage's evidence outside the context
    subcategories is at most ``min_evidence`` (0: it has none), the top two are tied, or the
    winner leads by less than ``min_margin`` of its score.

    Examples
    --------
    >>> rule = PassageRule(frozenset({("diplomacy", "foreign_states")}))
    >>> passage_frame([("diplomacy", "foreign_states", 2.0), ("security", "forces", 1.5)], rule)
    'diplomacy'
    >>> passage_frame([("diplomacy", "foreign_states", 2.0)], rule)
    'none'
    >>> passage_frame([], rule)
    'none'
    """
    r = rule or load_passage_rule()
    scores = dict.fromkeys(FRAMES, 0.0)
    own = dict.fromkeys(FRAMES, 0.0)
    for frame, subcategory, weight in evidence:
        scores[frame] += weight
        if (frame, subcategory) not in r.context:
            own[frame] += weight
    ranked = sorted(FRAMES, key=lambda f: -scores[f])
    top, second = scores[ranked[0]], scores[ranked[1]]
    if top <= 0 or top == second or sum(own.values()) <= r.min_evidence:
        return NO_FRAME
    if top - second < r.min_margin * top:
        return NO_FRAME
    return ranked[0]


def frames_that_may_lead(frame_words: Mapping[str, int]) -> tuple[str, ...]:
    """The frames that may be named dominant: those with a frame word proper, or every frame when none has one.

    ``frame_words`` counts, per frame, the evidence whose lexicon weight reaches ``min_term_weight``
    (:func:`strong_evidence_count` per frame): general vocabulary alone never leads where another frame
    has a frame word proper.

    Examples
    --------
    >>> frames_that_may_lead({"trade": 0, "security": 2, "diplomacy": 1})
    ('security', 'diplomacy')
    >>> frames_that_may_lead({})
    ('trade', 'security', 'diplomacy')
    """
    strong = tuple(f for f in FRAMES if frame_words.get(f, 0) > 0)
    return strong or FRAMES


def lead_frame(scores: Mapping[str, float], frame_words: Mapping[str, int]) -> str:
    """The dominant frame of an article, outlet, sentence or headline from its frame scores, or ``"none"``.

    The largest score among :func:`frames_that_may_lead` wins; ``"none"`` when that score is 0 or
    tied. The emphasis shares are not changed: this only decides which frame is named.

    Examples
    --------
    >>> lead_frame({"trade": 3.0, "security": 0.0, "diplomacy": 2.0}, {"trade": 0, "diplomacy": 1})
    'diplomacy'
    >>> lead_frame({"trade": 3.0, "security": 0.0, "diplomacy": 2.0}, {})
    'trade'
    >>> lead_frame({"trade": 1.0, "security": 1.0, "diplomacy": 0.0}, {}), lead_frame({}, {})
    ('none', 'none')
    """
    candidates = frames_that_may_lead(frame_words)
    best = max(candidates, key=lambda f: scores.get(f, 0.0))
    top = scores.get(best, 0.0)
    if top <= 0 or sum(1 for f in candidates if scores.get(f, 0.0) == top) > 1:
        return NO_FRAME
    return best


def decide_frame(
    evidence: Iterable[tuple[str, str, float, float]],
    *,
    passage: bool = False,
    rule: PassageRule | None = None,
    thresholds: EvidenceThresholds | None = None,
) -> str:
    """Name the dominant frame of a unit from its evidence, or ``"none"``: the rule users see and validation measures.

    ``evidence`` holds ``(frame, subcategory, lexicon weight, evidence weight)`` per piece of frame
    evidence. Frames with only general vocabulary cannot lead when another has a frame word proper
    (:func:`lead_frame`, what the article and headline figures measure). With ``passage=True`` (a
    paragraph) the evidence of the frames that may lead then goes through :func:`passage_frame`
    (place names and officials' titles alone, a tie or too small a lead give ``"none"``: what the
    paragraph figures measure).

    Examples
    --------
    >>> ev = [("trade", "effects", 0.5, 3.0), ("diplomacy", "foreign_states", 1.0, 2.0)]
    >>> decide_frame(ev), decide_frame(ev, passage=True)
    ('diplomacy', 'none')
    >>> decide_frame([("security", "forces", 1.0, 1.5), *ev], passage=True)
    'diplomacy'
    """
    t = thresholds or load_evidence_thresholds()
    items = list(evidence)
    scores = dict.fromkeys(FRAMES, 0.0)
    frame_words = dict.fromkeys(FRAMES, 0)
    for frame, _, lexicon_weight, weight in items:
        scores[frame] += weight
        if lexicon_weight >= t.min_term_weight:
            frame_words[frame] += 1
    if not passage:
        return lead_frame(scores, frame_words)
    candidates = frames_that_may_lead(frame_words)
    return passage_frame(((f, sub, w) for f, sub, _, w in items if f in candidates), rule)


def frame_label(frame: str | None, level: str, *, missing: str = "-") -> str:
    """The dominant frame as tables show it: its name where there is enough evidence to compare.

    ``missing`` where ``level`` is not ``enough`` (summaries say :data:`NOT_ENOUGH` there), ``"tie"``
    where the evidence is enough but no frame leads.

    Examples
    --------
    >>> frame_label("trade", "enough"), frame_label("trade", "thin"), frame_label(None, "enough")
    ('trade', '-', 'tie')
    """
    if level != "enough":
        return missing
    return frame or "tie"


def strong_evidence_count(lexicon_weights: Sequence[float], thresholds: EvidenceThresholds | None = None) -> int:
    """Count the frame words whose lexicon weight reaches ``min_term_weight``.

    Examples
    --------
    >>> strong_evidence_count([0.5, 1.0, 2.0], EvidenceThresholds(5, 25.0, 1.0))
    2
    """
    t = thresholds or load_evidence_thresholds()
    return sum(1 for w in lexicon_weights if w >= t.min_term_weight)


def evidence_level(
    count: int, words: int, thresholds: EvidenceThresholds | None = None, *, any_evidence: bool | None = None
) -> str:
    """Return ``none``, ``thin`` or ``enough`` for ``count`` frame words in a text of ``words`` words.

    ``any_evidence`` says whether the text has frame evidence at all (general vocabulary included);
    when omitted, ``count > 0``.

    Examples
    --------
    >>> th = EvidenceThresholds(5, 25.0)
    >>> evidence_level(0, 500, th), evidence_level(4, 40, th), evidence_level(10, 1000, th), evidence_level(30, 600, th)
    ('none', 'thin', 'thin', 'enough')
    >>> evidence_level(0, 500, th, any_evidence=True)
    'thin'
    """
    t = thresholds or load_evidence_thresholds()
    if not (count > 0 if any_evidence is None else any_evidence):
        return "none"
    if count < t.min_count or (words > 0 and 1000.0 * count / words < t.min_per_thousand):
        return "thin"
    return "enough"


def emphasis_interval(
    sentence_scores: Sequence[Mapping[str, float]], *, reps: int = BOOTSTRAP_REPS, seed: int = BOOTSTRAP_SEED
) -> dict[str, list[float]]:
    """Return ``{frame: [low, high]}``, the 95% bootstrap interval of each share over sentences.

    A resample whose sentences carry no evidence has no shares and is skipped; with no evidence at
    all every interval is ``[0, 0]``.

    Examples
    --------
    >>> ci = emphasis_interval([{"trade": 1.0}, {"trade": 1.0}, {"security": 1.0}])
    >>> ci["diplomacy"], 0.0 <= ci["trade"][0] < ci["trade"][1] <= 1.0
    ([0.0, 0.0], True)
    """
    matrix = np.array([[float(s.get(f, 0.0)) for f in FRAMES] for s in sentence_scores], dtype=float).reshape(-1, len(FRAMES))
    return emphasis_interval_of(matrix, reps=reps, seed=seed)


def _resamples(n: int, reps: int, seed: int) -> Iterator[np.ndarray]:
    """The sentence indexes of ``reps`` bootstrap resamples of ``n`` sentences, ``BOOTSTRAP_CELLS``
    picks at a time (the generator's stream does not depend on how the draws are cut)."""
    rng = np.random.default_rng(seed)
    rows = max(1, BOOTSTRAP_CELLS // n)
    for done in range(0, reps, rows):
        yield rng.integers(0, n, size=(min(rows, reps - done), n))


def tone_interval(tones: Sequence[float], *, reps: int = BOOTSTRAP_REPS, seed: int = BOOTSTRAP_SEED) -> list[float]:
    """Return ``[low, high]``, the 95% bootstrap interval of the mean sentence tone.

    Sentences are resampled with replacement (fixed seed: the same text gives the same interval),
    ``BOOTSTRAP_CELLS`` picks at a time so memory stays bounded for an outlet of many articles.
    No sentence gives ``[0, 0]``, one sentence its own tone twice.

    Examples
    --------
    >>> tone_interval([]), tone_interval([0.25])
    ([0.0, 0.0], [0.25, 0.25])
    >>> low, high = tone_interval([0.5, -0.5, 0.1, 0.3, -0.2]); -0.5 <= low < 0.04 < high <= 0.5
    True
    """
    # sorted: the interval is a function of the tones, not of the order the articles came in
    values = np.sort(np.asarray(tones, dtype=float))
    if values.size == 0:
        return [0.0, 0.0]
    means = np.concatenate([values[picks].mean(axis=1) for picks in _resamples(len(values), reps, seed)])
    low, high = np.percentile(means, [2.5, 97.5])
    return [round(float(low), 4), round(float(high), 4)]


def emphasis_interval_of(
    matrix: np.ndarray, *, reps: int = BOOTSTRAP_REPS, seed: int = BOOTSTRAP_SEED
) -> dict[str, list[float]]:
    """:func:`emphasis_interval` of a ``(sentences, len(FRAMES))`` float matrix of sentence scores.

    The resamples are drawn and summed ``BOOTSTRAP_CELLS`` picks at a time: the same draws and the
    same sums as all at once (the generator's stream does not depend on how the draws are cut, and
    each resample is summed on its own), with memory bounded however many sentences an outlet has.

    Examples
    --------
    >>> emphasis_interval_of(np.zeros((0, len(FRAMES))))["trade"]
    [0.0, 0.0]
    """
    return emphasis_uncertainty_of(matrix, None, reps=reps, seed=seed)[0]


def emphasis_uncertainty_of(
    matrix: np.ndarray, frame: str | None, *, reps: int = BOOTSTRAP_REPS, seed: int = BOOTSTRAP_SEED
) -> tuple[dict[str, list[float]], float | None]:
    """:func:`emphasis_interval_of`, and from the same resamples how often ``frame`` has the largest share.

    The second number (``OutletReport.dominant_support``) answers "is the dominant frame really ahead
    of the runner-up?", which the per-frame intervals cannot: the shares sum to 1, so two overlapping
    intervals may still move together. None when ``frame`` is None or nothing has evidence.

    Examples
    --------
    >>> ci, support = emphasis_uncertainty_of(np.array([[1.0, 0, 0], [1.0, 0, 0], [0, 0, 1.0]]), "trade")
    >>> ci == emphasis_interval_of(np.array([[1.0, 0, 0], [1.0, 0, 0], [0, 0, 1.0]])), 0.5 < support < 1.0
    (True, True)
    """
    if matrix.size == 0 or matrix.sum() <= 0:
        return {f: [0.0, 0.0] for f in FRAMES}, None
    # rows in a fixed order: the interval is a function of the sentences, not of the order the
    # articles came in (an outlet's pooled interval moved when the same files were listed otherwise)
    matrix = matrix[np.lexsort(matrix.T[::-1])]
    totals = np.concatenate([matrix[picks].sum(axis=1) for picks in _resamples(len(matrix), reps, seed)])
    sums = totals.sum(axis=1)
    shares = totals[sums > 0] / sums[sums > 0, None]
    low, high = np.percentile(shares, [2.5, 97.5], axis=0)
    ci = {f: [round(float(low[i]), 4), round(float(high[i]), 4)] for i, f in enumerate(FRAMES)}
    if frame is None:
        return ci, None
    column = FRAMES.index(frame)
    # ahead = strictly above every other frame: a tie in a resample is not a lead
    others = np.delete(shares, column, axis=1)
    ahead = shares[:, column] > others.max(axis=1)
    return ci, round(float(ahead.mean()), 4)
