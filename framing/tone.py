"""Tone of a sentence from VADER's lexicon and Hu & Liu's opinion lexicon, scored on shared tokens.

Per sentence, each lexicon word adds its valence :math:`v`: VADER's -4..+4 human rating plus a fitted
weight for a word on Hu & Liu's positive list (minus it for the negative list), see
``framing.lexicon.build_tone_lexicon``. A negation word ("not", "never", "without", ... VADER's list)
adds a fitted negative valence of its own: raters of opinion prose read negated statements as
negative. Three of VADER's rules (Hutto & Gilbert 2014) apply, taken from the ``vaderSentiment``
package's own constants:

* an intensifier among the three words before it moves :math:`v` by VADER's booster step, less with
  distance (x1, x0.95, x0.9);
* a negation among the three words before it ("not", "never", "didn't", ...) multiplies :math:`v` by
  VADER's -0.74;
* in a sentence with "but", words before it count half and words after it 1.5 times.

Sentence tone is VADER's normalisation of the sum, :math:`S / \\sqrt{S^2 + 15}`, in [-1, 1]. Each word's
final :math:`v` (a negation word's own valence included) is kept as evidence, so the sum can be
recomputed from what is shown. Capital letters and exclamation marks, which VADER also reads, are
ignored: in edited news they signal style, not tone. An article's tone is the mean of its sentences' tones (scoring a whole article as one sentence
saturates near -1 or +1).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from vaderSentiment.vaderSentiment import BOOSTER_DICT, N_SCALAR, NEGATE

from .lexicon import ToneLexicon, load_tone_lexicon
from .types import TONE_LABEL, Evidence, Token

__all__ = ["score_tone", "normalize_tone", "mean_tone"]

#: VADER's normalisation constant: S / sqrt(S^2 + alpha) approaches +-1 as |S| grows.
NORMALIZATION_ALPHA = 15.0
#: How many preceding words a negation or an intensifier reaches (VADER uses three).
SCOPE = 3
#: VADER's damping of an intensifier two and three words away.
BOOSTER_DECAY = (1.0, 0.95, 0.9)
#: VADER's "but" rule: weight of words before and after the contrast.
BEFORE_BUT, AFTER_BUT = 0.5, 1.5

_NEGATIONS = frozenset(w.replace("’", "'") for w in NEGATE)


def score_tone(tokens: Sequence[Token], *, lexicon: ToneLexicon | None = None) -> tuple[float, tuple[Evidence, ...]]:
    """Return the tone in [-1, 1] of one sentence's tokens, and the evidence behind it.

    Examples
    --------
    >>> from framing.segment import tokenize
    >>> score_tone(tokenize("The talks were a success."))[0] > 0
    True
    >>> score_tone(tokenize("The talks were not a success."))[0] < 0
    True
    >>> score_tone(tokenize("The meeting was on Monday."))
    (0.0, ())
    >>> [e.term for e in score_tone(tokenize("The talks did not fail."))[1]]
    ['not', 'fail']
    """
    lexicon = lexicon or load_tone_lexicon()
    valences, negation_weight = lexicon.valences, lexicon.negation_weight
    words = [t.lower for t in tokens]
    but_at = next((i for i, w in enumerate(words) if w == "but"), -1)
    evidence = []
    for i, word in enumerate(words):
        valence = valences.get(word)
        negation = negation_weight != 0.0 and _is_negation(word)
        if (valence is None and not negation) or word in BOOSTER_DICT:
            continue
        valence = _apply_context(valence, words, i) if valence is not None else 0.0
        if negation:
            valence += negation_weight
        if but_at >= 0:
            valence *= BEFORE_BUT if i < but_at else AFTER_BUT if i > but_at else 1.0
        evidence.append(Evidence(word, TONE_LABEL, round(valence, 4), tokens[i].start, tokens[i].end))
    return normalize_tone(sum(e.weight for e in evidence)), tuple(evidence)


def normalize_tone(total: float) -> float:
    """Map a sum of valences to [-1, 1] as VADER does.

    Examples
    --------
    >>> normalize_tone(0.0), round(normalize_tone(2.0), 3), round(normalize_tone(-2.0), 3)
    (0.0, 0.459, -0.459)
    """
    if total == 0:
        return 0.0
    return max(-1.0, min(1.0, total / math.sqrt(total * total + NORMALIZATION_ALPHA)))


def mean_tone(tones: Sequence[float]) -> float:
    """Return the mean of sentence tones (0 for no sentences): an article's or an outlet's tone.

    Examples
    --------
    >>> mean_tone([0.5, -0.1, 0.0]), mean_tone([])
    (0.1333, 0.0)
    """
    # fsum is exactly rounded: the mean does not depend on the order of the sentences or articles.
    return round(math.fsum(tones) / len(tones), 4) if tones else 0.0


def _apply_context(valence: float, words: list[str], i: int) -> float:
    sign = 1.0 if valence > 0 else -1.0
    negated = False
    for distance in range(1, SCOPE + 1):
        if i - distance < 0:
            break
        before = words[i - distance]
        boost = BOOSTER_DICT.get(before)
        if boost is not None:
            valence += sign * boost * BOOSTER_DECAY[distance - 1]
        if _is_negation(before):
            negated = True
    return valence * N_SCALAR if negated else valence


def _is_negation(word: str) -> bool:
    return word in _NEGATIONS or word.endswith("n't")

