r"""Frame emphasis: lexicon matches weighted by TF-IDF, with a background prior on document frequency.

The model, for lexicon term :math:`t` (frame :math:`f(t)`, lexicon weight :math:`w_t`) in article :math:`d`:

* :math:`c_{t,d}` — how often the term occurs in the article (phrases first, longest match wins,
  matched on lemmas so inflections count);
* :math:`\mathrm{idf}(t) = \ln\frac{1 + n + N_0}{1 + \mathrm{df}(t) + N_0\,q(t)} + 1` — scikit-learn's
  smoothed IDF over the :math:`n` articles analysed, plus :math:`N_0` pseudo-articles drawn from a
  background corpus in which the term occurs in a share :math:`q(t) = 1 - e^{-L\,p(t)}` of articles
  (:math:`p(t)` is the term's everyday frequency from ``wordfreq``, :math:`L` a typical article length).
  With :math:`N_0 = 0` this is exactly ``TfidfTransformer(smooth_idf=True)``; the prior keeps a corpus
  of one to five articles sensible (a term all five outlets use is not down-weighted to nothing, and a
  very common word never outweighs a specific one);
* :math:`\mathrm{tfidf}(t,d) = (1 + \ln c_{t,d})\,\mathrm{idf}(t)` — sublinear term frequency;
* frame score :math:`F_f(d) = s_f \sum_{t: f(t)=f} m_{g(t)}\,m_t\,w_t\,\mathrm{tfidf}(t,d)`, where
  :math:`m_{g(t)}` and :math:`m_t` are the fitted multipliers of the term's subcategory and of the term
  (``lexicons/frame_weights.csv``, fitted for the packaged lexicon on four labelled dev sets, see
  ``framing/validate_frames.py``; 1 for any other lexicon) and :math:`s_f` a per-frame scale
  (``lexicons/frame_scales.csv``, applied only with lexicon 1.1.0, for which it was fitted);
* only matches the sense and context rules allow count (``lexicons/frame_rules.csv``, ``senses.py``);
* emphasis :math:`e_f(d) = F_f(d) / \sum_g F_g(d)` (all zero when there is no evidence);
* intensity :math:`1000 \cdot \sum_f F_f(d) / \mathrm{words}(d)`.

Every occurrence of :math:`t` carries evidence weight :math:`s_{f(t)}\,w_t\,\mathrm{tfidf}(t,d) / c_{t,d}`, so a
sentence's frame score is the sum of the evidence inside it and an article's frame score is the sum of
its sentences': each number traces back to words at known offsets.
"""

from __future__ import annotations

import inspect
from bisect import bisect_left
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from .word_frequency import word_frequency

from .data_files import data_source, read_data_csv, read_data_json
from .errors import LexiconError, ModelNotFittedError
from .lexicon import Lexicon, LexiconTerm, load_default_lexicon
from .senses import ContextRules, load_default_rules
from .segment import PHRASE_JOINERS as _PHRASE_JOINERS
from .types import FRAMES, Document, Evidence, Token, read_only

__all__ = [
    "FrameModel", "DocumentFrames", "TermMatcher", "background_document_share", "document_frequency", "load_frame_scales",
    "load_subcategory_weights",
    "load_fitted_weights",
]

#: Pseudo-articles contributed by the background corpus. Ten means the background matters as much as
#: ten analysed articles: it dominates a classroom set of 3-10 and fades for a research corpus of thousands.
PRIOR_DOCUMENTS = 10.0
#: Typical news article length in words, used to turn a word's frequency into the share of articles
#: that contain it (Poisson approximation). Our five seed articles average about 530 words.
TYPICAL_LENGTH = 600


@dataclass(frozen=True, slots=True)
class DocumentFrames:
    """Frame scores of one document and the evidence that adds up to them."""

    scores: dict[str, float]
    evidence: tuple[Evidence, ...]
    #: The lexicon weight of each evidence item's term, in the same order (for ``evidence_level``).
    lexicon_weights: tuple[float, ...] = ()
    #: The lexicon subcategory of each evidence item's term, in the same order (for ``evidence.decide_frame``).
    subcategories: tuple[str, ...] = ()


class TermMatcher:
    """Find lexicon terms in a token list: phrases before words, longest match wins, no overlaps.

    Examples
    --------
    >>> from framing.lexicon import parse_lexicon
    >>> from framing.segment import tokenize
    >>> lex = parse_lexicon("term,frame,weight\\ntrade,trade,1\\ntrade war,trade,2\\nwar,security,1\\n", source="x")
    >>> text = "The trade war and the war."
    >>> [(lex.terms[i].term, text[s:e]) for i, s, e in TermMatcher(lex).find(tokenize(text))]
    [('trade war', 'trade war'), ('war', 'war')]
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for index, term in enumerate(lexicon.terms):
            by_first.setdefault(term.key[0], []).append((term.key, index))
        self._by_first = {k: sorted(v, key=lambda kv: -len(kv[0])) for k, v in by_first.items()}

    def find(self, tokens: Sequence[Token], text: str | None = None) -> list[tuple[int, int, int]]:
        """Return ``(term index, start offset, end offset)`` for every match, in text order.

        With ``text`` (the string the tokens index), a dotted initialism such as ``U.N.`` or
        ``C.I.A.`` matches as one word (``un``, ``cia``), the way newspapers that dot their
        acronyms write them.

        Examples
        --------
        >>> from framing.lexicon import parse_lexicon
        >>> from framing.segment import tokenize
        >>> lex = parse_lexicon("term,frame,weight\\nun,diplomacy,2\\nun envoy,diplomacy,2\\n", source="x")
        >>> text = "The U.N. envoy and the U.N."
        >>> [(lex.terms[i].term, text[s:e]) for i, s, e in TermMatcher(lex).find(tokenize(text), text)]
        [('un envoy', 'U.N. envoy'), ('un', 'U.N')]
        """
        if text is not None:
            tokens = _join_initialisms(tokens, text)
        found: list[tuple[int, int, int]] = []
        by_first = self._by_first
        n = len(tokens)
        after = 0  # the first token a new match may start at (a phrase match takes its tokens)
        # only the tokens whose lemma starts some term are looked at
        for i in [i for i, token in enumerate(tokens) if token.lemma in by_first]:
            if i < after:
                continue
            for key, index in by_first[tokens[i].lemma]:
                size = len(key)
                if size == 1 or (i + size <= n and _phrase_at(tokens, i, key)):
                    found.append((index, tokens[i].start, tokens[i + size - 1].end))
                    after = i + size
                    break
        return found


class _Params:
    """scikit-learn's parameter protocol (``get_params``/``set_params``, so ``sklearn.base.clone`` works)
    without importing scikit-learn, whose import alone took 1.2 s of every command-line run (issue 16)."""

    @classmethod
    def _param_names(cls) -> list[str]:
        signature = inspect.signature(cls.__init__)
        return sorted(p.name for p in signature.parameters.values() if p.name != "self" and p.kind != p.VAR_KEYWORD)

    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """The constructor's parameters and their values (``deep`` is accepted for scikit-learn)."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self, **params: Any) -> _Params:
        """Set constructor parameters by name; an unknown name raises ``ValueError``."""
        valid = self._param_names()
        for name, value in params.items():
            if name not in valid:
                raise ValueError(f"invalid parameter {name!r} for {type(self).__name__}; valid: {', '.join(valid)}")
            setattr(self, name, value)
        return self

class FrameModel(_Params):
    """TF-IDF-weighted lexicon model of trade, security and diplomacy emphasis.

    A scikit-learn-style estimator (``get_params``, ``set_params`` and ``sklearn.base.clone`` work,
    without importing scikit-learn), because it learns from the corpus: the constructor only stores parameters, ``fit``
    validates them and learns the IDF of the lexicon terms over a corpus of Documents (or token
    lists), learned state ends in ``_``, ``transform`` checks it is fitted. The pipeline matches
    terms per article with the ``components.FrameMatcher`` component and hands the matches to
    ``fit_transform_matches``, the same fit and transform without holding every article's tokens.

    Parameters
    ----------
    lexicon : Lexicon, optional
        Frame lexicon; the packaged default when omitted.
    prior_documents : float
        :math:`N_0`, the weight of the background corpus in the IDF (0 = corpus only).
    typical_length : int
        :math:`L`, words per background article.
    frame_scales : mapping of str to float, optional
        :math:`s_f` per frame. When omitted, the packaged scales if the lexicon is the packaged one
        (same name and version as recorded in ``frame_scales.meta.json``), otherwise 1 for every frame.

    Attributes
    ----------
    idf_ : numpy.ndarray
        Blended IDF per lexicon term, in lexicon order.
    document_frequency_ : numpy.ndarray
        In how many fitted documents each term occurs.
    n_documents_ : int
        Number of fitted documents.
    frame_scales_ : dict
        The per-frame scales :math:`s_f` in use.

    Examples
    --------
    >>> from framing.segment import tokenize
    >>> docs = [tokenize("Tariffs on soybeans rose."), tokenize("Troops and warships moved.")]
    >>> model = FrameModel().fit(docs)
    >>> [max(d.scores, key=d.scores.get) for d in model.transform(docs)]
    ['trade', 'security']
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        prior_documents: float = PRIOR_DOCUMENTS,
        typical_length: int = TYPICAL_LENGTH,
        frame_scales: Mapping[str, float] | None = None,
        subcategory_weights: Mapping[tuple[str, str], float] | None = None,
        rules: ContextRules | None = None,
        term_weights: Mapping[str, float] | None = None,
    ) -> None:
        self.lexicon = lexicon
        self.prior_documents = prior_documents
        self.typical_length = typical_length
        self.frame_scales = frame_scales
        self.subcategory_weights = subcategory_weights
        self.rules = rules
        self.term_weights = term_weights

    # -- fitting -------------------------------------------------------------------------------
    def fit(self, documents: Sequence[Sequence[Token] | Document]) -> FrameModel:
        """Learn term IDF over ``documents`` (each a token list from ``segment.tokenize``)."""
        self._validate_params()
        matches = self._match_all(documents)
        self._fit_matches(matches)
        return self

    def transform(self, documents: Sequence[Sequence[Token] | Document]) -> list[DocumentFrames]:
        """Score each document; raises ``ModelNotFittedError`` before ``fit``."""
        self._check_fitted()
        return self._score_matches(self._match_all(documents))

    def fit_transform(self, documents: Sequence[Sequence[Token] | Document]) -> list[DocumentFrames]:
        """Fit and score the same documents, matching terms only once."""
        self._validate_params()
        return self.fit_transform_matches(self._match_all(documents))

    def find_terms(self, tokens: Sequence[Token], text: str | None = None) -> list[tuple[int, int, int]]:
        """Return ``(term index, start, end)`` of every lexicon match in one token list that counts.

        Matches the sense and context rules drop (``senses.py``) are left out; ``text`` (the string
        the tokens index) lets the rules see capitals and sentence punctuation.
        With ``fit_transform_matches`` this lets a caller match each document as it goes and drop
        its tokens, instead of holding every token of a large corpus at once.
        """
        if not hasattr(self, "_matcher"):
            self._validate_params()
        kept, _ = self.rules_(tokens, self._matcher.find(tokens, text), self.lexicon_.terms, text)
        return kept

    def fit_transform_matches(self, matches: list[list[tuple[int, int, int]]]) -> list[DocumentFrames]:
        """Fit and score documents given as ``find_terms`` results."""
        if not hasattr(self, "_matcher"):
            self._validate_params()
        self._fit_matches(matches)
        return self._score_matches(matches)

    def term_table(self) -> list[dict[str, str | float | int]]:
        """Return each lexicon term with its weight, IDF and document frequency: the model, readable."""
        self._check_fitted()
        return [
            {
                "term": t.term,
                "frame": t.frame,
                "weight": t.weight,
                "idf": float(self.idf_[i]),
                "documents": int(self.document_frequency_[i]),
                "note": t.note,
            }
            for i, t in enumerate(self.lexicon_.terms)
        ]

    # -- internals -----------------------------------------------------------------------------
    def _validate_params(self) -> None:
        if not (isinstance(self.prior_documents, (int, float)) and self.prior_documents >= 0):
            raise ValueError(f"prior_documents must be a number >= 0, got {self.prior_documents!r}")
        if isinstance(self.typical_length, bool) or not (isinstance(self.typical_length, int) and self.typical_length > 0):
            raise ValueError(f"typical_length must be a positive integer, got {self.typical_length!r}")
        self.lexicon_ = self.lexicon if self.lexicon is not None else load_default_lexicon()
        self._matcher = TermMatcher(self.lexicon_)
        scales = self.frame_scales
        fitted_rows: list[bool] | None = None  # None: every row takes the multipliers given
        if scales is None:
            packaged, fitted_for = load_frame_scales()
            scales = packaged if _fits(self.lexicon_, fitted_for) else {}
        bad = {f: v for f, v in scales.items() if f not in FRAMES or not (isinstance(v, (int, float)) and v > 0)}
        if bad:
            raise ValueError(f"frame_scales must map frames ({', '.join(FRAMES)}) to numbers > 0, got {bad!r}")
        self.frame_scales_ = {f: float(scales.get(f, 1.0)) for f in FRAMES}
        weights = self.subcategory_weights
        term_weights: Mapping[str, float] = self.term_weights or {}
        if weights is None:
            packaged_weights, packaged_terms, weights_for = load_fitted_weights()
            same = _fits(self.lexicon_, weights_for)
            weights = packaged_weights if same else {}
            if self.term_weights is None and same:
                term_weights = packaged_terms
            if same and self.frame_scales is None:
                fitted_rows = _fitted_rows(self.lexicon_, weights_for)
        bad_w = {k: v for k, v in weights.items() if not (isinstance(v, (int, float)) and v > 0)}
        if bad_w:
            raise ValueError(f"subcategory_weights must be numbers > 0, got {bad_w!r}")
        self.subcategory_weights_ = {k: float(v) for k, v in weights.items()}
        self.rules_ = self.rules if self.rules is not None else load_default_rules()
        self.term_weights_ = {k: float(v) for k, v in term_weights.items()}
        self._term_factor = [
            self.frame_scales_[t.frame] * self.subcategory_weights_.get((t.frame, t.subcategory), 1.0)
            * self.term_weights_.get(t.term, 1.0) * t.weight
            if fitted_rows is None or fitted_rows[i] else t.weight
            for i, t in enumerate(self.lexicon_.terms)
        ]

    def _match_all(self, documents: Sequence[Sequence[Token] | Document]) -> list[list[tuple[int, int, int]]]:
        if isinstance(documents, str):
            raise TypeError("documents must be a sequence of token lists, not a single string; tokenize first")
        return [
            self.rules_(
                doc.tokens if isinstance(doc, Document) else doc,
                self._matcher.find(doc.tokens if isinstance(doc, Document) else doc,
                                   doc.text if isinstance(doc, Document) else None),
                self.lexicon_.terms,
                doc.text if isinstance(doc, Document) else None,
            )[0]
            for doc in documents
        ]

    def _fit_matches(self, matches: list[list[tuple[int, int, int]]]) -> None:
        if not matches:
            raise ValueError("fit needs at least one document; got an empty sequence")
        self.fit_document_frequency(document_frequency(matches, len(self.lexicon_.terms)), len(matches))

    def fit_document_frequency(self, frequency: np.ndarray, documents: int) -> FrameModel:
        """Learn the IDF from document frequencies counted elsewhere, e.g. summed over shards of a corpus.

        The reduce step of a distributed run (``framing.stream``): each shard counts
        :func:`document_frequency` of its own matches, the sums give the same IDF as ``fit``.
        """
        if not hasattr(self, "_matcher"):
            self._validate_params()
        if documents < 1:
            raise ValueError("fit needs at least one document; got an empty sequence")
        self.n_documents_ = int(documents)
        self.document_frequency_ = np.asarray(frequency, dtype=np.int64)
        self.idf_ = self._idf(self.document_frequency_, self.n_documents_)
        return self

    def score_matches(self, matches: list[list[tuple[int, int, int]]]) -> list[DocumentFrames]:
        """Score documents given as ``find_terms`` results with the fitted IDF (any subset of a corpus)."""
        self._check_fitted()
        return self._score_matches(matches)

    def _idf(self, frequency: np.ndarray, documents: int) -> np.ndarray:
        """scikit-learn's smooth IDF, with N0 background pseudo-documents added to both counts."""
        share = np.array(
            [background_document_share(t.term, self.typical_length) for t in self.lexicon_.terms]
        )
        return (
            np.log((1.0 + documents + self.prior_documents)
                   / (1.0 + frequency + self.prior_documents * share))
            + 1.0
        )

    def _score_matches(self, matches: list[list[tuple[int, int, int]]]) -> list[DocumentFrames]:
        # Sublinear TF-IDF as TfidfTransformer(norm=None, sublinear_tf=True) computes it: one float64
        # array of every document's counts, row by row with term indexes sorted (CSR order), then
        # log, +1 and times the IDF in place, so the numbers are bit for bit scikit-learn's.
        rows = [sorted(Counter(m[0] for m in doc).items()) for doc in matches]
        indexes = np.fromiter((i for row in rows for i, _ in row), dtype=np.int64)
        data = np.fromiter((c for row in rows for _, c in row), dtype=np.float64)
        np.log(data, data)
        data += 1.0
        data *= self.idf_[indexes]
        weighted = data.tolist()
        terms = self.lexicon_.terms
        results = []
        position = 0
        for row, doc_matches in zip(rows, matches):
            end = position + len(row)
            tfidf = dict(zip((i for i, _ in row), weighted[position:end]))
            position = end
            results.append(_document_frames(doc_matches, terms, tfidf, dict(row), self._term_factor))
        return results

    def _check_fitted(self) -> None:
        if not hasattr(self, "idf_"):
            raise ModelNotFittedError("FrameModel is not fitted yet; call fit() or fit_transform() first")


def _join_initialisms(tokens: Sequence[Token], text: str) -> Sequence[Token]:
    """Merge runs of single letters written with dots (``U.N.``, ``C.I.A.``) into one token.

    An abbreviation with a dot that the lemmatizer expands (``Sept.`` -> ``september``) lets the next
    word continue a phrase, so ``Sept. 11`` matches ``september 11``.

    The merged token spans the first letter to the last (so offsets still fall on the original
    tokens' bounds, which the sense rules look up); the token after a run joins it when a single
    space or hyphen follows the run's final dot, so ``U.N. envoy`` can match a phrase.
    """
    n = len(tokens)
    if n < 2 or "." not in text:
        return tokens
    # Only a token right before a "." can start a run or expand across its dot; the tokens between two
    # such are copied as they are (issue 16: the loop below ran over every token, a sixth of matching).
    at_dot = []
    dot = text.find(".")
    while dot >= 0:
        k = bisect_left(tokens, dot, key=_token_end)  # tokens are in text order
        if k < n and tokens[k].end == dot:
            at_dot.append(k)
        dot = text.find(".", dot + 1)
    at_dot.append(n)
    out: list[Token] = []
    joins_next: bool | None = None  # the joins_previous of the token after a merged run
    i = 0
    upcoming = 0  # at_dot[upcoming] is the first token at a dot from i on
    while i < n:
        if joins_next is None:
            while at_dot[upcoming] < i:
                upcoming += 1
            if at_dot[upcoming] > i:
                out.extend(tokens[i : at_dot[upcoming]])
                i = at_dot[upcoming]
                continue
        token = tokens[i] if joins_next is None else tokens[i]._replace(joins_previous=joins_next)
        joins_next = None
        j = i
        while (j + 1 < n and len(tokens[j].lemma) == 1 and len(tokens[j + 1].lemma) == 1
               and tokens[j].lemma.isalpha() and tokens[j + 1].lemma.isalpha() and tokens[j].lower == tokens[j].lemma
               and tokens[j + 1].start == tokens[j].end + 1 and text[tokens[j].end] == "."):
            j += 1
        if j == i:
            out.append(token)
            # An abbreviation the lemmatizer expands ("Sept." -> september) joins the next word across its dot.
            dot = token.end
            if (token.lemma != token.lower and token.lemma.startswith(token.lower) and i + 1 < n
                    and text[dot : dot + 2] == ". " and tokens[i + 1].start == dot + 2):
                joins_next = True
            i += 1
            continue
        letters = "".join(t.lemma for t in tokens[i : j + 1])
        out.append(Token(token.start, tokens[j].end, letters, letters, token.joins_previous))
        if j + 1 < n:
            dot = tokens[j].end
            joins_next = (text[dot : dot + 1] == "." and tokens[j + 1].start == dot + 2
                          and text[dot + 1] in _PHRASE_JOINERS)
        i = j + 1
    return out


def _token_end(token: Token) -> int:
    return token.end


def _phrase_at(tokens: Sequence[Token], i: int, key: tuple[str, ...]) -> bool:
    # Phrase words must be adjacent: one space or hyphen apart, so no match runs across ". " or a paragraph.
    return all(
        tokens[i + k].lemma == key[k] and tokens[i + k].joins_previous for k in range(1, len(key))
    )


def document_frequency(matches: Sequence[Sequence[tuple[int, int, int]]], terms: int) -> np.ndarray:
    """In how many documents each of ``terms`` lexicon terms matches (int64, lexicon order).

    The IDF's one corpus statistic; per-document sets of term indexes add up, so shards of a corpus
    can be counted apart (in worker processes or on a cluster) and summed.

    Examples
    --------
    >>> document_frequency([[(0, 0, 3), (0, 5, 8)], [(2, 0, 4)]], 3).tolist()
    [1, 0, 1]
    """
    present = [index for doc in matches for index in {m[0] for m in doc}]
    return np.bincount(np.asarray(present, dtype=np.int64), minlength=terms).astype(np.int64)


def _document_frames(
    matches: list[tuple[int, int, int]],
    terms: tuple[LexiconTerm, ...],
    tfidf: dict[int, float],
    counts: dict[int, int],
    factors: Sequence[float],
) -> DocumentFrames:
    scores = dict.fromkeys(FRAMES, 0.0)
    evidence = []
    for index, start, end in matches:
        term = terms[index]
        weight = factors[index] * tfidf[index] / counts[index]
        scores[term.frame] += weight
        evidence.append(Evidence(term.term, term.frame, weight, start, end))
    return DocumentFrames(scores=scores, evidence=tuple(evidence),
                          lexicon_weights=tuple(terms[index].weight for index, _, _ in matches),
                          subcategories=tuple(terms[index].subcategory for index, _, _ in matches))


@lru_cache(maxsize=20_000)
def background_document_share(term: str, typical_length: int = TYPICAL_LENGTH) -> float:
    """Share of typical English articles expected to contain ``term`` (wordfreq, Poisson model).

    Examples
    --------
    >>> background_document_share("trade") > background_document_share("soybean") > 0
    True
    """
    return 1.0 - math.exp(-typical_length * word_frequency(term, "en"))


@lru_cache(maxsize=1)
def load_frame_scales() -> tuple[Mapping[str, float], tuple[str, str]]:
    """Return the packaged per-frame scales and the (lexicon name, version) they were fitted for.

    Examples
    --------
    >>> scales, (name, version) = load_frame_scales()
    >>> sorted(scales) == sorted(FRAMES), name
    (True, 'framing-lens-frames')
    """
    scales = {}
    for line, row in read_data_csv("frame_scales.csv", required=("frame", "scale")):
        where = f"{data_source('frame_scales.csv')} line {line}"
        if row["frame"] not in FRAMES:
            raise LexiconError(f"{where}: unknown frame '{row['frame']}' (use one of {', '.join(FRAMES)})")
        scales[row["frame"]] = _positive(row["scale"], where, "scale")
    meta = read_data_json("frame_scales.meta.json", required=("lexicon", "lexicon_version"))
    return read_only(scales), (str(meta["lexicon"]), str(meta["lexicon_version"]))


def load_subcategory_weights() -> tuple[Mapping[tuple[str, str], float], tuple[str, str]]:
    """Return the packaged fitted weights per (frame, subcategory) and the lexicon they were fitted for.

    Examples
    --------
    >>> weights, (name, version) = load_subcategory_weights()
    >>> all(w > 0 for w in weights.values()), name
    (True, 'framing-lens-frames')
    """
    subs, _, fitted_for = load_fitted_weights()
    return subs, fitted_for


def _fits(lexicon: Lexicon, fitted_for: tuple[str, str]) -> bool:
    """Whether the packaged fitted numbers (fitted for ``fitted_for``) apply to ``lexicon``: it is that
    lexicon, or that lexicon with a user's rows added (:func:`~framing.lexicon.extend_lexicon`)."""
    return (lexicon.name, lexicon.version) == fitted_for or lexicon.extends == fitted_for


def _fitted_rows(lexicon: Lexicon, fitted_for: tuple[str, str]) -> list[bool] | None:
    """None when every row of ``lexicon`` was fitted; for an extended lexicon, which rows are the fitted
    lexicon's, unchanged. A user's rows keep the weight they wrote: before, adding one term that never
    occurs dropped every fitted multiplier and turned an outlet from trade to diplomacy (session 14)."""
    if (lexicon.name, lexicon.version) == fitted_for:
        return None
    packaged = load_default_lexicon()
    if (packaged.name, packaged.version) != fitted_for:
        return [False] * len(lexicon.terms)
    rows = {(t.term, t.frame, t.subcategory, t.weight) for t in packaged.terms}
    return [(t.term, t.frame, t.subcategory, t.weight) in rows for t in lexicon.terms]


@lru_cache(maxsize=1)
def load_fitted_weights() -> tuple[Mapping[tuple[str, str], float], Mapping[str, float], tuple[str, str]]:
    """Return the packaged multipliers: per (frame, subcategory), per term, and the lexicon they fit.

    ``frame_weights.csv`` rows with an empty ``term`` are subcategory multipliers; the others
    multiply one term on top of its subcategory. A term's evidence is its TF-IDF times its lexicon
    weight times both multipliers, so every score is still a sum of word-level evidence.
    """
    subs: dict[tuple[str, str], float] = {}
    terms: dict[str, float] = {}
    for line, row in read_data_csv("frame_weights.csv", required=("frame", "subcategory", "weight")):
        where = f"{data_source('frame_weights.csv')} line {line}"
        if row["frame"] not in FRAMES:
            raise LexiconError(f"{where}: unknown frame '{row['frame']}' (use one of {', '.join(FRAMES)})")
        weight = _positive(row["weight"], where, "weight")
        if row.get("term"):
            terms[row["term"]] = weight
        else:
            subs[(row["frame"], row["subcategory"])] = weight
    meta = read_data_json("frame_weights.meta.json", required=("lexicon", "lexicon_version"))
    return read_only(subs), read_only(terms), (str(meta["lexicon"]), str(meta["lexicon_version"]))


def _positive(value: str, where: str, column: str) -> float:
    """A multiplier read from a data file: a finite number > 0, or an error naming the file and line."""
    try:
        number = float(value)
    except ValueError:
        raise LexiconError(f"{where}: {column} '{value}' is not a number") from None
    if not (number > 0 and math.isfinite(number)):
        raise LexiconError(f"{where}: {column} '{value}' must be a number > 0 (a multiplier)")
    return number
