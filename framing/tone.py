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
  VADER's -0.74; with ``text``, neither reaches across a comma or a clause mark (``scope`` and
  ``clause`` rows of ``tone_rules.csv``: "Without fail, disappointment ..." negates nothing);
* in a sentence with "but", words before it count half and words after it 1.5 times (the
  ``contrast`` rows of ``tone_rules.csv`` add "however", and concessions: "although" and "though"
  make the clause they open count half and the rest of the sentence 1.5 times);
* hedges (``hedge`` rows): after a modal ("would", "could", ...) in its clause, and in a sentence
  ending with "?", a word counts ``HEDGE_FACTOR`` times; a negation word inside an excluding phrase
  ("not only", "no doubt") neither scores nor negates.

Version 2 (issue 11) adds what news prose needs, all of it data:

* topic and event words ("war", "attack", "crisis", ``tone_topics.csv``) carry their valence times the
  fitted ``topic_weight``: a report names a war without judging it;
* context rules (``tone_rules.csv``, :mod:`framing.tone_rules`): a word does not count inside a listed
  phrase ("top" in "on top of") or as part of a name ("Dick Cheney", "Supreme Court"); names need the
  text's capitals, so they apply when the caller passes ``text``;
* negation and shifter rules (``tone_rules.csv`` 1.3.0): "no", "hardly", "barely", "scarcely" negate
  as VADER's list does, and polarity shifters ("reduce", "prevent", "lack") reverse what follows them
  ("reduce the risk" is not negative), both with VADER's -0.74; degree words of the rules ("pretty",
  "fairly") act as VADER's diminishers before a tone word and then carry no valence of their own; a
  form neither lexicon lists is scored as its lemma ("victories" as "victory"; the ``*, lemma,`` row);
* a word whose evidence comes out positive (after intensifiers and negation) counts the fitted
  ``positive_weight`` times (``tone_weights.csv``): raters of news and opinion prose weigh praise
  less than criticism (the negativity bias), so "a good plan" moves them less than "a bad plan";
* :func:`clause_window` picks the clause around a target (used for NewsMTSC, whose labels are the
  tone toward a named target), and :func:`outside_target` leaves out the target's own words (a
  surname such as "Flake" names the person, it does not judge them).

:func:`explain_tone` gives, for every word of the evidence, its lexicon valence, the weight it adds
and each rule that took one to the other ("negated by 'no' x−0.74", "after 'but' x1.5", "hedged by
'would' x0.7"), so a score can be traced to its words and its data files.

Sentence tone is VADER's normalisation of the sum, :math:`S / \\sqrt{S^2 + 15}`, in [-1, 1]. Each word's
final :math:`v` (a negation word's own valence included) is kept as evidence, so the sum can be
recomputed from what is shown. Capital letters and exclamation marks, which VADER also reads, are
ignored: in edited news they signal style, not tone. An article's tone is the mean of its sentences' tones (scoring a whole article as one sentence
saturates near -1 or +1).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from vaderSentiment.vaderSentiment import B_DECR, B_INCR, BOOSTER_DICT, N_SCALAR, NEGATE

from .lexicon import ToneLexicon, load_tone_lexicon
from .numbers import signed
from .tone_rules import ToneRules
from .types import TONE_LABEL, Evidence, Token

__all__ = ["ToneWord", "ToneExplanation", "score_tone", "explain_tone", "find_tone_words", "clause_window", "outside_target", "normalize_tone", "mean_tone"]

#: VADER's normalisation constant: S / sqrt(S^2 + alpha) approaches +-1 as |S| grows.
NORMALIZATION_ALPHA = 15.0
#: How many preceding words a negation or an intensifier reaches (VADER uses three).
SCOPE = 3
#: VADER's damping of an intensifier two and three words away.
BOOSTER_DECAY = (1.0, 0.95, 0.9)
#: VADER's "but" rule: weight of words before and after the contrast.
BEFORE_BUT, AFTER_BUT = 0.5, 1.5
#: Weight of a hedged word (after a modal such as "would" in its clause, or in a question): a
#: possibility or a question judges less than a statement. VADER has no such rule; 0.7 was chosen from
#: (0.5, 0.7) by 5-fold cross-validation on both tone dev sets (NYT Pearson +0.005, NewsMTSC macro-F1
#: -0.0004; session 6, issue 11).
HEDGE_FACTOR = 0.7
#: A sentence whose words of this length or more (after the first) are all capitalised, at least
#: ``TITLE_CASE_MIN`` of them, is in title case (a headline): capitals then say nothing about names.
TITLE_CASE_WORD, TITLE_CASE_MIN = 4, 3
#: Marks after which a capital may open a sentence (or a quoted one) inside the text: a capitalised
#: word right after one of them is not taken for a name by the ``*, name, capitalised`` rule.
OPENING_MARKS = frozenset(".:!?\"“”‘’'(—–\n•")

_NEGATIONS = frozenset(w.replace("’", "'") for w in NEGATE)


class ToneWord(NamedTuple):
    """A word that may carry tone, with the context that scales it (everything but its valence).

    ``boost`` is the summed intensifier step before it, ``negated`` whether a negation (or a polarity
    shifter) precedes it within three words, ``factor`` the contrast and hedge rules' weight,
    ``negation`` whether it is a negation word, ``why`` the rules behind ``boost``, ``negated`` and
    ``factor`` as readable steps (see :func:`explain_tone`).
    """

    position: int
    word: str
    boost: float
    negated: bool
    factor: float
    negation: bool
    #: The rules that moved it, in words ("negated by 'no' x−0.74", "after 'but' x1.5", ...).
    why: tuple[str, ...] = ()


def score_tone(
    tokens: Sequence[Token],
    *,
    lexicon: ToneLexicon | None = None,
    text: str | None = None,
    window: tuple[int, int] | None = None,
    target: tuple[int, int] | None = None,
) -> tuple[float, tuple[Evidence, ...]]:
    """Return the tone in [-1, 1] of one sentence's tokens, and the evidence behind it.

    ``text`` is the string the token offsets point into (the name rules need its capitals; without
    it they are skipped); ``window`` a ``(first, last)`` token range (e.g. from :func:`clause_window`)
    outside which words do not count; ``target`` the ``(start, end)`` characters of a named target
    whose own words do not count (:func:`outside_target`). The pipeline's component is ``framing.components.ToneScorer``.

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
    >>> text = "Dick Cheney spoke on top of the hour."
    >>> score_tone(tokenize(text), text=text)
    (0.0, ())
    """
    scored = _scored(tokens, lexicon or load_tone_lexicon(), text, window, target)
    # The evidence names the word as the article writes it ("victories"), even when its valence is its
    # lemma's ("victory"): every piece of evidence reads back from the text at its offsets.
    written = [tokens[found.position] for found, _ in scored]
    evidence = tuple(Evidence(token.lower, TONE_LABEL, weight, token.start, token.end)
                     for token, (_, weight) in zip(written, scored))
    return normalize_tone(sum(e.weight for e in evidence)), evidence


@dataclass(frozen=True, slots=True)
class ToneExplanation:
    """How one word's tone evidence came about: its ``valence`` in the lexicon (None for a negation
    word the lexicon does not score), the ``weight`` it adds (exactly the :class:`Evidence` weight), and
    the ``steps`` between the two, each naming its rule and data file."""

    term: str
    start: int
    end: int
    valence: float | None
    weight: float
    steps: tuple[str, ...]


def explain_tone(
    tokens: Sequence[Token],
    *,
    lexicon: ToneLexicon | None = None,
    text: str | None = None,
    window: tuple[int, int] | None = None,
    target: tuple[int, int] | None = None,
) -> tuple[ToneExplanation, ...]:
    """Return, for each word of :func:`score_tone`'s evidence (same order, same weights), the rules
    that took its lexicon valence to its weight: a score is explained word by word.

    Examples
    --------
    >>> from framing.segment import tokenize
    >>> text = "They had no good answer."
    >>> [(e.term, e.steps[-1]) for e in explain_tone(tokenize(text), text=text)][-1]
    ('good', "negated by 'no' x−0.74")
    >>> text = "The law would reduce abuse."
    >>> explain_tone(tokenize(text), text=text)[0].steps[1:]
    ("shifted by 'reduce' x−0.74", "hedged by 'would' x0.7", 'positive evidence x0.6 (positive_weight, tone_weights.csv)')
    """
    lexicon = lexicon or load_tone_lexicon()
    out = []
    for found, weight in _scored(tokens, lexicon, text, window, target):
        valence = lexicon.valences.get(found.word)
        steps = []
        if valence is not None:
            source = ("fitted (tone_valences.csv)" if found.word in lexicon.fitted
                      else "topic word, times topic_weight (tone_topics.csv)" if found.word in lexicon.topics
                      else "lexicon")
            steps.append(f"valence {signed(valence, 3)}, {source}")
        if found.negation and lexicon.negation_weight:
            steps.append(f"negation word {signed(lexicon.negation_weight)} (negation_weight, tone_weights.csv)")
        positive: tuple[str, ...] = ()
        if valence is not None and lexicon.positive_weight != 1.0:
            moved = valence + (1.0 if valence > 0 else -1.0) * found.boost
            if moved != 0 and (moved > 0) != found.negated:
                positive = (f"positive evidence x{lexicon.positive_weight:g} (positive_weight, tone_weights.csv)",)
        token = tokens[found.position]
        if token.lower != found.word:
            steps.insert(0, f"'{token.lower}' scored as its lemma '{found.word}' (tone_rules.csv lemma rule)")
        out.append(ToneExplanation(found.word, token.start, token.end, valence, weight,
                                   steps=tuple(steps) + found.why + positive))
    return tuple(out)


def _scored(tokens: Sequence[Token], lexicon: ToneLexicon, text: str | None, window: tuple[int, int] | None,
            target: tuple[int, int] | None) -> list[tuple[ToneWord, float]]:
    # The found words that carry a valence, each with its evidence weight (rounded as shown).
    words = find_tone_words(tokens, lexicon, text=text)
    if window is not None:
        words = [w for w in words if window[0] <= w.position < window[1]]
    if target is not None:
        words = outside_target(words, tokens, *target)
    return [(found, round(weight, 4)) for found in words if (weight := word_valence(found, lexicon)) is not None]


def find_tone_words(tokens: Sequence[Token], lexicon: ToneLexicon, *, text: str | None = None) -> list[ToneWord]:
    """Return the words of a sentence that may carry tone, each with its context, rules applied.

    A word is kept when the lexicon scores it or it is a negation word (and the lexicon gives
    negation words a valence); intensifiers, words inside an excluding phrase and, with ``text``,
    capitalised words the name rules call names are left out.

    Examples
    --------
    >>> from framing.segment import tokenize
    >>> [w.word for w in find_tone_words(tokenize("A good deal, on top of a bad one."), load_tone_lexicon())]
    ['good', 'bad']
    """
    rules, valences = lexicon.rules, lexicon.valences
    tables = _tables(lexicon)
    scores_negation = lexicon.negation_weight != 0.0
    if rules.lemmas:
        # An inflected form the lexicons do not list takes its lemma's valence ("plunged" as "plunge");
        # a form tone_news.csv sets (even to 0) keeps its own entry, and negation words stay as written.
        forms = tables.forms
        words = [known[1] if (known := forms.get(t.lower)) is not None and known[0] == t.lemma
                 else tables.scored_form(t.lower, t.lemma) for t in tokens]
    else:
        words = [t.lower for t in tokens]
    # Words that can be kept below: scored (or negation words, when those score) and not VADER intensifiers
    # ((word not in valences and not a scoring negation) or word in BOOSTER_DICT are never kept).
    candidates = tables.candidates
    kept = [i for i, word in enumerate(words) if word in candidates
            or (scores_negation and word.endswith("n't") and word not in BOOSTER_DICT)]
    if not kept:
        return []  # nothing below has side effects: a sentence without a candidate word finds none
    is_name = _name_test(tokens, text, rules) if text is not None else _never
    # Punctuation between two words ends a negation's or an intensifier's reach (needs the text).
    stops = tables.stops if text is not None else frozenset()
    contrast = _contrast_factors(tokens, words, rules, text, stops)
    hedged = _hedged(tokens, words, rules, text, stops)
    # A negation word inside an excluding phrase ("not only", "no doubt") neither scores nor negates.
    silent = frozenset() if rules.phrases.keys().isdisjoint(words) else frozenset(
        i for i, w in enumerate(words) if w in rules.phrases and (_is_negation(w) or w in rules.negators)
        and _in_phrase(words, i, rules.phrases[w]))
    # Degree words of the rules ("truly", "fairly") boost like VADER's; right before a tone word they
    # modify it and carry no valence of their own ("pretty good" is not two praises).
    degree, boosters = tables.degree, tables.boosters
    found = []
    for i in kept:
        word = words[i]
        # A negation word adds its own valence, unless a 'no_valence' row says it only negates ("without").
        negation = scores_negation and _is_negation(word) and word not in rules.unscored_negations
        if word in degree and i + 1 < len(words) and words[i + 1] in valences:
            continue
        if is_name(i) or (word in rules.phrases and _in_phrase(words, i, rules.phrases[word])):
            continue
        boost, negated, why = _context(words, i, _scope_starts(tokens, text, i, stops) if stops and text is not None
                                       else 0, silent, rules.negators, rules.shifters, boosters)
        factor, contrasted = contrast(i)
        hedge = hedged(i)
        if hedge:
            factor *= HEDGE_FACTOR
        found.append(ToneWord(i, word, boost, negated, factor, negation,
                              tuple(why) + tuple(r for r in (contrasted, hedge) if r)))
    return found


class _Tables:
    """What :func:`find_tone_words` reads of one tone lexicon on every sentence, worked out once per lexicon."""

    def __init__(self, lexicon: ToneLexicon) -> None:
        rules, valences = lexicon.rules, lexicon.valences
        self.lexicon = lexicon
        self.stops: frozenset[str] = rules.scope_marks | rules.clause_marks
        self.degree: dict[str, float] = {**{w: B_INCR for w in rules.intensifiers}, **{w: B_DECR for w in rules.diminishers}}
        self.boosters: Mapping[str, float] = {**BOOSTER_DICT, **self.degree} if self.degree else BOOSTER_DICT
        scored = set(valences)
        if lexicon.negation_weight != 0.0:
            scored |= _NEGATIONS
        self.candidates = frozenset(scored - set(BOOSTER_DICT))
        self.forms: dict[str, tuple[str, str]] = {}  # lower -> (lemma, the form scored)

    def scored_form(self, lower: str, lemma: str) -> str:
        """The form of a word the lexicon scores: its lemma when only the lemma is listed (the lemma rule)."""
        known = self.forms.get(lower)
        if known is not None and known[0] == lemma:
            return known[1]
        lexicon = self.lexicon
        valences = lexicon.valences
        form = lemma if (lower not in valences and lower not in lexicon.adjusted and lemma in valences
                         and not _is_negation(lower)) else lower
        if len(self.forms) < _FORMS_MAX:
            self.forms[lower] = (lemma, form)
        return form


#: Word types whose scored form a lexicon's tables keep (a large corpus's vocabulary fits).
_FORMS_MAX = 200_000
_TABLES: dict[int, _Tables] = {}


def _tables(lexicon: ToneLexicon) -> _Tables:
    tables = _TABLES.get(id(lexicon))
    if tables is None or tables.lexicon is not lexicon:
        if len(_TABLES) > 32:
            _TABLES.clear()
        tables = _TABLES[id(lexicon)] = _Tables(lexicon)
    return tables


def word_valence(found: ToneWord, lexicon: ToneLexicon) -> float | None:
    """Return a found word's final valence under ``lexicon`` (None when the lexicon gives it none).

    The lexicon valence, moved by the intensifiers before it, times VADER's -0.74 when negated, times
    ``positive_weight`` when that comes out positive (raters weigh praise less than criticism); a
    negation word's own valence added; then the contrast rule's factor.

    Examples
    --------
    >>> word_valence(ToneWord(0, "good", 0.0, True, 1.0, False), load_tone_lexicon()) < 0
    True
    """
    valence = lexicon.valences.get(found.word)
    if valence is None and not found.negation:
        return None
    total = 0.0
    if valence is not None:
        total = valence + (1.0 if valence > 0 else -1.0) * found.boost
        if found.negated:
            total *= N_SCALAR
        if total > 0:
            total *= lexicon.positive_weight
    if found.negation and lexicon.negation_weight != 0.0:
        total += lexicon.negation_weight
    return total * found.factor


def clause_window(tokens: Sequence[Token], text: str, start: int, end: int, rules: ToneRules) -> tuple[int, int]:
    """Return the ``(first, last)`` token range of the clause around the characters ``start:end``.

    The clause runs out from the target's tokens to the nearest clause break on each side: a clause
    mark in the text between two words (comma, semicolon, dash, bracket, quotation mark) or a clause
    word ("but", "while", ...), both from ``tone_rules.csv``. The whole sentence when no token overlaps.

    Examples
    --------
    >>> from framing.lexicon import load_tone_rules
    >>> from framing.segment import tokenize
    >>> text = "Critics were furious, but Smith praised the plan."
    >>> first, last = clause_window(tokenize(text), text, 26, 31, load_tone_rules())
    >>> [t.lower for t in tokenize(text)[first:last]]
    ['smith', 'praised', 'the', 'plan']
    """
    inside = [i for i, t in enumerate(tokens) if t.end > start and t.start < end]
    if not inside:
        return 0, len(tokens)
    first, last = inside[0], inside[-1]

    def breaks(left: int, right: int) -> bool:
        gap = text[tokens[left].end : tokens[right].start]
        return any(mark in gap for mark in rules.clause_marks)

    while first > 0 and not breaks(first - 1, first) and tokens[first - 1].lower not in rules.clause_words:
        first -= 1
    while last + 1 < len(tokens) and not breaks(last, last + 1) and tokens[last + 1].lower not in rules.clause_words:
        last += 1
    return first, last + 1


def outside_target(words: Sequence[ToneWord], tokens: Sequence[Token], start: int, end: int) -> list[ToneWord]:
    """Return the found words that do not overlap the target's characters ``start:end``.

    A target's own name is not tone toward it: "Flake" in "Flake voted ..." or "Love" in "Mia Love
    said ..." names the person, it does not judge them (the NewsMTSC check reads the clause around a
    target this way).

    Examples
    --------
    >>> from framing.segment import tokenize
    >>> text = "Hope Smith praised the plan."
    >>> tokens = tokenize(text)
    >>> [w.word for w in outside_target(find_tone_words(tokens, load_tone_lexicon()), tokens, 0, 10)]
    ['praised']
    """
    return [w for w in words if not (tokens[w.position].end > start and tokens[w.position].start < end)]


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


def _context(words: list[str], i: int, first: int = 0, silent: frozenset[int] = frozenset(),
             negators: frozenset[str] = frozenset(), shifters: frozenset[str] = frozenset(),
             boosters: Mapping[str, float] = BOOSTER_DICT) -> tuple[float, bool, list[str]]:
    # ``first``: the earliest word a negation or an intensifier may stand at (the scope's start);
    # ``silent``: negation words that do not negate (inside an excluding phrase such as "not only");
    # ``negators``: words that negate besides VADER's list ("no"); ``shifters``: words that reverse
    # the polarity of what follows them ("reduce the risk"), read as a negation. Also returns which
    # words did it, for the explanation (the nearest negation; every intensifier).
    boost, negated, why = 0.0, False, []
    for distance in range(1, SCOPE + 1):
        if i - distance < first:
            break
        before = words[i - distance]
        step = boosters.get(before)
        if step is not None:
            boost += step * BOOSTER_DECAY[distance - 1]
            why.append(f"{'intensified' if step > 0 else 'diminished'} by '{before}' "
                       f"{signed(step * BOOSTER_DECAY[distance - 1], 3)}")
        if (_is_negation(before) or before in negators or before in shifters) and i - distance not in silent:
            if not negated:
                why.append(f"{'shifted' if before in shifters else 'negated'} by '{before}' x{signed(N_SCALAR)}")
            negated = True
    return boost, negated, why


def _contrast_factors(
    tokens: Sequence[Token], words: list[str], rules: ToneRules, text: str | None, stops: frozenset[str]
) -> Callable[[int], tuple[float, str]]:
    # The first contrast word of the sentence decides: "but"-like words weigh what follows them over
    # what precedes; a concession ("although") weighs the rest of the sentence over the clause it opens.
    if rules.contrast_after.isdisjoint(words) and rules.concessions.isdisjoint(words):
        return _no_contrast  # the loop below would find no contrast word
    for k, word in enumerate(words):
        if word in rules.contrast_after:
            return lambda i: ((BEFORE_BUT, f"before '{word}' x{BEFORE_BUT}") if i < k
                              else (AFTER_BUT, f"after '{word}' x{AFTER_BUT}") if i > k else (1.0, ""))
        if word in rules.concessions and text is not None and k + 1 < len(words):
            end = next((j for j in range(k + 1, len(tokens)) if _stops_between(text, tokens, j, stops)), len(tokens))
            if end > k + 1:
                return lambda i: ((1.0, "") if i == k else (BEFORE_BUT, f"conceded by '{word}' x{BEFORE_BUT}")
                                  if k < i < end else (AFTER_BUT, f"outweighs the clause of '{word}' x{AFTER_BUT}"))
    return lambda i: (1.0, "")


def _hedged(
    tokens: Sequence[Token], words: list[str], rules: ToneRules, text: str | None, stops: frozenset[str]
) -> Callable[[int], str]:
    # A sentence ending with a hedge mark ("?") is hedged throughout; a hedge word ("would") hedges
    # the words after it up to the next stop mark. Both need the text's punctuation. Returns the
    # reason a word is hedged ("" when it is not).
    if text is None or not tokens or not (rules.hedges or rules.hedge_endings):
        return lambda i: ""
    tail = text[tokens[-1].end :].strip().rstrip("\"'”’)")
    if tail[-1:] in rules.hedge_endings:
        return lambda i: f"hedged by '{tail[-1]}' x{HEDGE_FACTOR}"
    if rules.hedges.isdisjoint(words):
        return _no_hedge  # no hedge word: the loop below would hedge nothing
    inside: dict[int, str] = {}
    for k, word in enumerate(words):
        if word in rules.hedges:
            end = next((j for j in range(k + 1, len(tokens)) if _stops_between(text, tokens, j, stops)), len(tokens))
            for j in range(k + 1, end):
                inside.setdefault(j, f"hedged by '{word}' x{HEDGE_FACTOR}")
    return lambda i: inside.get(i, "")


def _no_contrast(i: int) -> tuple[float, str]:
    return 1.0, ""


def _no_hedge(i: int) -> str:
    return ""


def _stops_between(text: str, tokens: Sequence[Token], j: int, stops: frozenset[str]) -> bool:
    # Whether a stop mark stands between token j - 1 and token j.
    gap = text[tokens[j - 1].end : tokens[j].start]
    return (not stops.isdisjoint(gap)) if _single_chars(stops) else any(mark in gap for mark in stops)


def _scope_starts(tokens: Sequence[Token], text: str, i: int, stops: frozenset[str]) -> int:
    # The first word of word i's scope: the word after the nearest stop mark among the SCOPE words before it.
    single = _single_chars(stops)
    for j in range(i, max(0, i - SCOPE), -1):
        gap = text[tokens[j - 1].end : tokens[j].start]
        if (not stops.isdisjoint(gap)) if single else any(mark in gap for mark in stops):
            return j
    return 0


@functools.lru_cache(maxsize=64)
def _single_chars(marks: frozenset[str]) -> bool:
    # Marks of one character each: "a mark in the gap" is then "the gap shares a character with the marks".
    return all(len(mark) == 1 for mark in marks)


def _in_phrase(words: list[str], i: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    for phrase in phrases:
        for k, part in enumerate(phrase):
            if part == words[i] and i - k >= 0 and tuple(words[i - k : i - k + len(phrase)]) == phrase:
                return True
    return False


def _never(i: int) -> bool:
    return False


def _name_test(tokens: Sequence[Token], text: str, rules: ToneRules) -> Callable[[int], bool]:
    """Whether token ``i`` is a name under the name rules, asked only of the words that could score
    (issue 16: working it out for every token of every sentence was a fifth of the tone step)."""
    if not (rules.names_in_runs or rules.capitalised_names or rules.names_capitalised or rules.name_titles) or not tokens:
        return _never
    n = len(tokens)

    def capital(k: int) -> bool:
        start = tokens[k].start
        return text[start : start + 1].isupper()

    # A sentence whose long words (TITLE_CASE_WORD letters or more, the first word aside) are all
    # capitalised, TITLE_CASE_MIN of them or more, is in title case: no word of it is taken for a name.
    long_words = 0
    for k in range(1, n):
        token = tokens[k]
        if token.end - token.start >= TITLE_CASE_WORD:
            if not capital(k):
                break
            long_words += 1
    else:
        if long_words >= TITLE_CASE_MIN:
            return _never

    def is_name(i: int) -> bool:
        if i == 0:
            # A first name opening the sentence is a name when a capitalised word follows ("Dick Cheney said").
            return n > 1 and tokens[0].lower in rules.capitalised_names and capital(1) and tokens[1].joins_previous
        if not capital(i):
            return False
        token, previous = tokens[i], tokens[i - 1]
        if token.lower in rules.capitalised_names:
            return True
        word = text[token.start : token.end]
        if (previous.lower in rules.name_titles and not word.isupper()
                and text[previous.end : token.start].strip() in ("", ".")):
            # A surname after a title: the title's full stop ("Mr. Love") does not open a sentence.
            return True
        if rules.names_capitalised and not word.isupper() and OPENING_MARKS.isdisjoint(
                text[previous.end : token.start]):  # OPENING_MARKS are single characters
            return True
        if rules.names_in_runs:
            after = i + 1 < n and capital(i + 1) and tokens[i + 1].joins_previous
            before = i > 1 and capital(i - 1) and token.joins_previous
            return bool(after or before)
        return False

    return is_name


def _is_negation(word: str) -> bool:
    return word in _NEGATIONS or word.endswith("n't")
