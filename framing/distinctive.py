r"""Distinctive vocabulary of each outlet: weighted log-odds with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 16-22. For word :math:`w`, outlet :math:`i` and
the other outlets together :math:`j`, with counts :math:`y` and totals :math:`n`:

.. math::

   \delta_w = \ln\frac{y^i_w + \alpha_w}{n^i + \alpha_0 - y^i_w - \alpha_w}
            - \ln\frac{y^j_w + \alpha_w}{n^j + \alpha_0 - y^j_w - \alpha_w},\qquad
   z_w = \delta_w \Big/ \sqrt{\tfrac{1}{y^i_w + \alpha_w} + \tfrac{1}{y^j_w + \alpha_w}}

The prior :math:`\alpha_w` is the word's count in the whole corpus (so :math:`\alpha_0` is the corpus
size): frequent words need a large difference to stand out, and rare words are shrunk towards zero
instead of topping the list by chance. Words are lemmas; scikit-learn's English stop words and
numbers are left out.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from .stopwords import ENGLISH_STOP_WORDS

from .types import DistinctiveTerm, Token

__all__ = ["count_words", "distinctive_terms", "log_odds_z"]

#: Terms reported per outlet.
TOP_TERMS = 15
#: An outlet must use a word at least this often for it to be listed: one-off words are anecdotes.
MIN_COUNT = 2
#: Shortest word worth listing (drops stray letters such as the "s" of "U.S.").
MIN_LENGTH = 3
#: The plain reporting verbs every outlet writes for every speaker ("said", "told", "added"): counted,
#: they lead the list of whichever outlet quotes most, which says nothing of its wording. Loaded
#: verbs ("claimed", "warned", "insisted") stay: choosing them is a word choice worth showing.
PLAIN_REPORTING_VERBS = frozenset({"say", "tell", "add"})
#: Units that come with a number and say nothing of wording: "percent", and "cent" of "per cent" (the
#: spelling of British and Indian outlets, where "cent" led an outlet's own words: session 14, four
#: untuned NATO summit reports). "cent" on its own (a coin) still counts.
UNIT_WORDS = frozenset({"percent"})


def count_words(tokens: Sequence[Token], text: str = "") -> Counter[str]:
    """Count the content lemmas of a token stream (stop words, numbers and short tokens dropped).

    With the ``text`` the tokens point into, a word inside a run of capitalised words (a name:
    "United States", "White House") counts as written, not as its lemma: names do not inflect, and
    the lemma of "United" is the verb "unite".

    Examples
    --------
    >>> from framing.segment import tokenize
    >>> count_words(tokenize("The tariffs and the tariff of 2025"))
    Counter({'tariff': 2})
    >>> text = "The United States united its allies"
    >>> sorted(count_words(tokenize(text), text))
    ['ally', 'states', 'unite', 'united']
    """
    capital = [bool(text) and text[t.start].isupper() for t in tokens]
    counts: Counter[str] = Counter()
    for k, t in enumerate(tokens):
        word = t.lemma
        if capital[k] and (k and capital[k - 1] and tokens[k].joins_previous
                           or k + 1 < len(tokens) and capital[k + 1] and tokens[k + 1].joins_previous):
            word = t.lower
        if (len(word) >= MIN_LENGTH and word not in ENGLISH_STOP_WORDS and word not in PLAIN_REPORTING_VERBS
                and word not in UNIT_WORDS and not word[0].isdigit()
                and not (word == "cent" and k and tokens[k - 1].lower == "per")):
            counts[word] += 1
    return counts


def distinctive_terms(
    counts: Mapping[str, Counter[str]], *, top: int = TOP_TERMS, min_count: int = MIN_COUNT
) -> dict[str, tuple[DistinctiveTerm, ...]]:
    """Return, per outlet, the words it uses markedly more than the other outlets, by z-score.

    With a single outlet there is nothing to compare against and every list is empty.

    Examples
    --------
    >>> counts = {"A": Counter(tariff=9, talk=1, visit=3), "B": Counter(troop=8, talk=2, visit=3)}
    >>> [t.term for t in distinctive_terms(counts)["A"]]
    ['tariff']
    >>> distinctive_terms({"A": Counter(tariff=3), "B": Counter()})  # one word in all: nothing to compare
    {'A': (), 'B': ()}
    """
    if len(counts) < 2:
        return {outlet: () for outlet in counts}
    corpus: Counter[str] = Counter()
    for outlet_counts in counts.values():
        corpus.update(outlet_counts)
    total = sum(corpus.values())
    result = {}
    for outlet, mine in counts.items():
        n_i = sum(mine.values())
        n_j = total - n_i
        scored = []
        for word, y_i in mine.items():
            if y_i < min_count or corpus[word] == total:
                # A word that is the whole corpus's vocabulary has no odds against other words.
                continue
            z = log_odds_z(y_i, corpus[word] - y_i, n_i, n_j, corpus[word], total)
            if z > 0:
                scored.append(DistinctiveTerm(term=word, z=round(z, 4), count=y_i))
        scored.sort(key=lambda t: (-t.z, t.term))
        result[outlet] = tuple(scored[:top])
    return result


def log_odds_z(y_i: float, y_j: float, n_i: float, n_j: float, alpha_w: float, alpha_0: float) -> float:
    """Weighted log-odds z-score of a word in group i vs group j (Monroe et al. 2008, eq. 16-22).

    ``y`` are the word's counts, ``n`` the groups' totals, ``alpha_w`` the word's prior and
    ``alpha_0`` the prior's total. The one implementation: distinctive words and lexicon mining use it.

    Examples
    --------
    >>> round(log_odds_z(9, 1, 20, 20, 2.0, 40.0), 3)
    2.227
    """
    delta = math.log((y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w)) - math.log(
        (y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w)
    )
    variance = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w)
    return delta / math.sqrt(variance)
