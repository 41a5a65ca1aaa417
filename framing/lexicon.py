"""Read and validate lexicon files: the only code that opens them.

A frame lexicon is a CSV with columns ``term, frame, weight, note`` (UTF-8), one term per row, in
base form: ``tariff`` also matches "tariffs", ``negotiation`` matches "negotiations", because terms
and article words are compared after lemmatization. Multi-word phrases match consecutive words.
A ``<name>.meta.json`` beside it carries the provenance; a user file without one is labelled as such.

The tone lexicon is VADER's, read from the installed ``vaderSentiment`` package, plus Hu & Liu's (2004)
opinion lexicon (positive and negative word lists, shipped as ``lexicons/opinion_lexicon.csv``),
each listed word adding a fitted weight (``tone_weights.csv``) to its VADER valence; our news-domain
adjustments (``tone_news.csv``) are laid over both. Topic and event words (``tone_topics.csv``) then
have their valence multiplied by the fitted ``topic_weight``, and the context rules (``tone_rules.csv``,
parsed by :mod:`framing.tone_rules`) travel with the lexicon to the scorer. Last, the shipped lexicon
replaces the valence of the words that occur often enough in the tone dev sets with a fitted one
(``tone_valences.csv``: ridge regression shrunk toward the valence the steps above give, sign kept;
see :func:`framing.validate_tone.fit_word_valences`).
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .data_files import data_source, parse_csv_rows, read_data_csv, read_data_json, read_data_text
from .errors import LexiconError
from .segment import tokenize
from .textnorm import WORD_RUN, is_mark, nfc
from .tone_rules import ToneRules, parse_tone_rules, parse_tone_topics
from .types import EMPTY_MAPPING, FRAMES, read_only

__all__ = [
    "LexiconTerm",
    "Lexicon",
    "ToneLexicon",
    "load_default_lexicon",
    "load_lexicon",
    "parse_lexicon",
    "extend_lexicon",
    "ToneWeights",
    "load_tone_lexicon",
    "build_tone_lexicon",
    "load_tone_weights",
    "parse_tone_weights",
    "load_tone_rules",
    "load_tone_topics",
    "load_tone_valences",
    "parse_tone_valences",
]

#: The frame lexicon shipped with the package.
DEFAULT_LEXICON = "frames"
#: Largest weight a term may carry; a typo such as 20 instead of 2.0 should be caught, not obeyed.
MAX_WEIGHT = 10.0
#: Characters a term may contain: letters, digits, spaces, hyphens and apostrophes. Anything else
#: (``*``, ``.``, ``|``, brackets) suggests the author expected a regular expression, which we never run.
_TERM_SHAPE = re.compile(rf"{WORD_RUN}(?:[ '’\-]{WORD_RUN})*")
_REQUIRED_COLUMNS = ("term", "frame", "weight")
#: Hu & Liu's opinion lexicon: term -> polarity (sum over their two lists), with provenance beside it.
OPINION_FILE = "opinion_lexicon.csv"
#: The fitted tone weights, by name, as ``tone_weights.csv`` lists them.
TONE_WEIGHT_NAMES = ("opinion_weight", "negation_weight", "topic_weight", "positive_weight")
#: Weights a tone-weight file may leave out, with the value that changes nothing.
OPTIONAL_TONE_WEIGHTS = {"topic_weight": 1.0, "positive_weight": 1.0}
#: Largest magnitude a tone weight may take, on VADER's -4..+4 valence scale.
MAX_TONE_WEIGHT = 4.0
#: Largest magnitude of a fitted word valence: VADER's scale plus the largest opinion weight (4 + 4).
MAX_FITTED_VALENCE = 8.0


@dataclass(frozen=True, slots=True)
class LexiconTerm:
    """One lexicon row. ``key`` is the lemma sequence that is matched against article tokens."""

    term: str
    frame: str
    weight: float
    note: str
    key: tuple[str, ...]
    line: int = 0
    #: Optional grouping inside the frame (e.g. trade ``instruments``); fitted weights attach to it.
    subcategory: str = ""
    #: Optional provenance of the row (codebook topic, "mined: ..."), shown with the evidence.
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A validated frame lexicon with its provenance."""

    name: str
    version: str
    source: str
    terms: tuple[LexiconTerm, ...]
    definitions: Mapping[str, str] = field(default_factory=lambda: EMPTY_MAPPING)
    provenance: Mapping[str, str] = field(default_factory=lambda: EMPTY_MAPPING)
    #: ``(name, version)`` of the lexicon this one adds rows to (:func:`extend_lexicon`), else None:
    #: the fitted multipliers of that lexicon still hold for its rows left unchanged.
    extends: tuple[str, str] | None = None

    def terms_for(self, frame: str) -> tuple[LexiconTerm, ...]:
        """Return the terms of one frame, in file order."""
        return tuple(t for t in self.terms if t.frame == frame)

    def describe(self) -> Mapping[str, str]:
        """Return name, version and source: what a report needs to say which lexicon it used."""
        return read_only({"name": self.name, "version": self.version, "source": self.source})


@dataclass(frozen=True, slots=True)
class ToneLexicon:
    """Word form -> valence on VADER's -4..+4 scale, plus where it came from.

    ``negation_weight`` is the valence a negation word ("not", "never", "without", ...) carries by
    itself, on the same scale; 0 (the default) leaves negation words out of the evidence. ``rules``
    say where a word does not count (``tone_rules.csv``); ``topics`` are the words whose valence was
    multiplied by the topic weight; ``fitted`` the words whose valence is a fitted one (``tone_valences.csv``).
    """

    valences: Mapping[str, float]
    adjusted: frozenset[str]
    provenance: Mapping[str, str]
    negation_weight: float = 0.0
    rules: ToneRules = field(default_factory=ToneRules)
    topics: frozenset[str] = frozenset()
    fitted: frozenset[str] = frozenset()
    #: Multiplies a word's evidence when it comes out positive (after intensifiers and negation):
    #: raters weigh criticism more than praise (``positive_weight`` of ``tone_weights.csv``; 1 changes nothing).
    positive_weight: float = 1.0


@dataclass(frozen=True, slots=True)
class ToneWeights:
    """The fitted tone weights (``tone_weights.csv``).

    ``opinion`` is added to the valence of every word on Hu & Liu's positive list and subtracted for
    every word on their negative list; ``negation`` is the valence of a negation word itself (both on
    VADER's -4..+4 scale); ``topic`` (0..1) multiplies the valence of a topic word (``tone_topics.csv``);
    ``positive`` (0..1) multiplies a word's evidence when it comes out positive (negativity bias).
    """

    opinion: float
    negation: float
    version: str = "user"
    topic: float = 1.0
    positive: float = 1.0


def load_default_lexicon() -> Lexicon:
    """Return the frame lexicon shipped with the package.

    Examples
    --------
    >>> lexicon = load_default_lexicon()
    >>> sorted({t.frame for t in lexicon.terms})
    ['diplomacy', 'security', 'trade']
    """
    return _load_packaged(DEFAULT_LEXICON)


@lru_cache(maxsize=4)
def _load_packaged(name: str) -> Lexicon:
    text = read_data_text(f"{name}.csv")
    meta = dict(read_data_json(f"{name}.meta.json"))
    return parse_lexicon(text, source=data_source(f"{name}.csv"), meta=meta)


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and validate a user lexicon CSV (and its ``.meta.json`` if one sits beside it).

    Parameters
    ----------
    path : str or Path, optional
        A CSV file with columns ``term, frame, weight`` and optionally ``note``; the packaged
        lexicon (``load_default_lexicon()``) when omitted.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        When the file is missing, not UTF-8, or a row is invalid; the message names file and line.

    Examples
    --------
    >>> load_lexicon().name == load_default_lexicon().name
    True
    """
    if path is None:
        return load_default_lexicon()
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path.name}: cannot read lexicon file ({exc.strerror or exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path.name}: lexicon is not UTF-8 text (byte {exc.start}); save it as UTF-8") from exc
    meta_path = path.with_name(path.name.removesuffix(".csv") + ".meta.json")
    meta: dict[str, object] = {}
    if meta_path.is_file():
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            raise LexiconError(f"{meta_path.name}: not valid JSON ({exc})") from exc
    return parse_lexicon(text, source=path.name, meta=meta)


#: A byte-order mark opening a line (``parse_lexicon``).
_LINE_BOM = re.compile("(?m)^\ufeff+")


def parse_lexicon(text: str, *, source: str, meta: dict[str, object] | None = None) -> Lexicon:
    """Validate lexicon CSV text and return a ``Lexicon``.

    Parameters
    ----------
    text : str
        CSV content with a header row.
    source : str
        The file name used in error messages.
    meta : dict, optional
        Parsed ``.meta.json`` content (name, version, frames definitions, provenance fields).

    Raises
    ------
    LexiconError
        Unknown frame, empty term, pattern-like term, bad weight, duplicate term (also after folding
        inflections), missing columns or no rows at all.

    Examples
    --------
    >>> lex = parse_lexicon("term,frame,weight\\ntariffs,trade,2\\n", source="mine.csv")
    >>> lex.terms[0].key, lex.terms[0].weight
    (('tariff',), 2.0)
    >>> parse_lexicon("term,frame,weight\\ntariff,economy,2\\n", source="mine.csv")
    Traceback (most recent call last):
    ...
    framing.errors.LexiconError: mine.csv line 2: unknown frame 'economy' (use one of trade, security, diplomacy)
    """
    meta = meta or {}
    # Any line ending (a classic Mac CR-only export raised _csv.Error); a byte-order mark opening any
    # line is a pasted-together file's, as in article CSVs (issue 12).
    reader = csv.DictReader(io.StringIO(_LINE_BOM.sub("", text), newline=""))
    try:
        return _lexicon_rows(reader, source, meta)
    except csv.Error as exc:
        raise LexiconError(f"{source}: CSV error after line {reader.line_num}: {exc}") from None


def _lexicon_rows(reader: csv.DictReader[str], source: str, meta: dict[str, object]) -> Lexicon:
    """The rows of ``parse_lexicon``'s reader as a ``Lexicon`` (``csv.Error`` propagates)."""
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    missing = [c for c in _REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise LexiconError(
            f"{source}: missing column(s) {', '.join(missing)}; the header must be 'term,frame,weight,note'"
        )
    reader.fieldnames = columns
    terms: list[LexiconTerm] = []
    seen: dict[tuple[str, ...], LexiconTerm] = {}
    for row in reader:
        term = _parse_row(row, line=reader.line_num, source=source)
        earlier = seen.get(term.key)
        if earlier is not None:
            same = "duplicate term" if earlier.term == term.term else "same base form as"
            raise LexiconError(
                f"{source} line {term.line}: {same} '{earlier.term}' on line {earlier.line}; keep one row per term"
            )
        seen[term.key] = term
        terms.append(term)
    if not terms:
        raise LexiconError(f"{source}: no terms; add rows 'term,frame,weight,note' below the header")
    return Lexicon(
        name=str(meta.get("name", Path(source).stem)),
        version=str(meta.get("version", "user")),
        source=source,
        terms=tuple(terms),
        definitions=read_only(_definitions(meta)),
        provenance=read_only({k: str(v) for k, v in meta.items() if isinstance(v, str)}),
    )


def extend_lexicon(base: Lexicon, extra: Lexicon) -> Lexicon:
    """Return ``base`` with ``extra``'s rows added; a row of ``extra`` replaces the same term in ``base``.

    Examples
    --------
    >>> base = parse_lexicon("term,frame,weight\\ntariff,trade,2\\nwar,security,1\\n", source="a.csv")
    >>> extra = parse_lexicon("term,frame,weight\\ntariffs,trade,3\\n", source="b.csv")
    >>> [(t.term, t.weight) for t in extend_lexicon(base, extra).terms]
    [('tariffs', 3.0), ('war', 1.0)]
    """
    replacements = {t.key: t for t in extra.terms}
    merged = [replacements.pop(t.key, t) for t in base.terms]
    merged.extend(t for t in extra.terms if t.key in replacements)
    return Lexicon(
        name=f"{base.name}+{extra.name}",
        version=f"{base.version}+{extra.version}",
        source=f"{base.source} extended by {extra.source}",
        terms=tuple(merged),
        definitions=base.definitions,
        provenance=base.provenance,
        extends=base.extends or (base.name, base.version),
    )


def load_tone_lexicon() -> ToneLexicon:
    """Return the shipped tone lexicon: VADER + opinion lexicon with the fitted weights, news adjustments.

    Examples
    --------
    >>> tone = load_tone_lexicon()
    >>> tone.valences["crisis"] < 0 < tone.valences["progress"], "united" in tone.valences
    (True, False)
    >>> tone.negation_weight < 0
    True
    """
    weights = load_tone_weights()
    return build_tone_lexicon(
        opinion_weight=weights.opinion, negation_weight=weights.negation, topic_weight=weights.topic, rules=True,
        fitted_valences=True, positive_weight=weights.positive,
    )


@lru_cache(maxsize=256)
def build_tone_lexicon(
    *,
    opinion_weight: float,
    negation_weight: float,
    topic_weight: float = 1.0,
    rules: bool = False,
    fitted_valences: bool = False,
    positive_weight: float = 1.0,
) -> ToneLexicon:
    """Return VADER's valences plus ``opinion_weight`` times Hu & Liu's polarity, news adjustments on top.

    A word on both lists gets both: VADER's valence plus the weight. A row of ``tone_news.csv`` then
    replaces the combined valence of its word (0 removes it). Used with the shipped weights by
    :func:`load_tone_lexicon` and with other weights by cross-validation.

    Parameters
    ----------
    opinion_weight : float
        Valence added for a word on the positive list (subtracted for the negative list).
    negation_weight : float
        Valence of a negation word by itself (see :class:`ToneLexicon`).
    topic_weight : float
        Multiplies the valence of every word of ``tone_topics.csv`` (1 leaves them as they are).
    rules : bool
        Attach the context rules of ``tone_rules.csv`` (False: no rules, the tone of version 1).
    fitted_valences : bool
        Replace the valence of each word of ``tone_valences.csv`` with its fitted value (last step).
    positive_weight : float
        Multiplies a word's evidence when it comes out positive (:func:`framing.tone.word_valence`; 1 changes nothing).

    Examples
    --------
    >>> plain = build_tone_lexicon(opinion_weight=0.0, negation_weight=0.0)
    >>> mixed = build_tone_lexicon(opinion_weight=1.0, negation_weight=0.0)
    >>> round(mixed.valences["good"] - plain.valences["good"], 4), "flawless" in mixed.valences
    (1.0, True)
    """
    valences = dict(_vader_valences())
    if opinion_weight:
        for word, polarity in _opinion_polarities().items():
            valences[word] = valences.get(word, 0.0) + opinion_weight * polarity
    adjustments, meta = _tone_adjustments()
    valences.update(adjustments)
    topics = load_tone_topics()
    if topic_weight != 1.0:
        for word in topics & valences.keys():
            valences[word] *= topic_weight
    fitted = load_tone_valences() if fitted_valences else EMPTY_MAPPING
    valences.update(fitted)
    return ToneLexicon(
        valences=read_only({k: v for k, v in valences.items() if v != 0.0}),
        adjusted=frozenset(adjustments),
        provenance=read_only({k: str(v) for k, v in meta.items() if isinstance(v, str)}),
        negation_weight=float(negation_weight),
        rules=load_tone_rules() if rules else ToneRules(),
        topics=topics if topic_weight != 1.0 else frozenset(),
        fitted=frozenset(fitted),
        positive_weight=float(positive_weight),
    )


def load_tone_rules() -> ToneRules:
    """Return the shipped tone context rules (``framing/lexicons/tone_rules.csv``).

    Examples
    --------
    >>> rules = load_tone_rules()
    >>> ("on", "top", "of") in rules.phrases["top"], "dick" in rules.capitalised_names
    (True, True)
    """
    return _load_tone_rules()


@lru_cache(maxsize=1)
def _load_tone_rules() -> ToneRules:
    meta = read_data_json("tone_rules.meta.json", required=("version",))
    text = read_data_text("tone_rules.csv")
    return parse_tone_rules(text, source=data_source("tone_rules.csv"), version=str(meta["version"]))


@lru_cache(maxsize=1)
def load_tone_topics() -> frozenset[str]:
    """Return the shipped topic and event words (``framing/lexicons/tone_topics.csv``).

    Examples
    --------
    >>> {"war", "crisis", "attack"} <= load_tone_topics()
    True
    """
    return parse_tone_topics(read_data_text("tone_topics.csv"), source=data_source("tone_topics.csv"))


@lru_cache(maxsize=1)
def load_tone_valences() -> Mapping[str, float]:
    """Return the fitted word valences shipped in ``framing/lexicons/tone_valences.csv`` (word -> valence).

    Examples
    --------
    >>> fitted = load_tone_valences()
    >>> len(fitted) > 100 and all(v != 0 for v in fitted.values())
    True
    """
    return parse_tone_valences(read_data_text("tone_valences.csv"), source=data_source("tone_valences.csv"))


def parse_tone_valences(text: str, *, source: str) -> Mapping[str, float]:
    """Validate fitted-valence CSV text (``term, valence, prior, count, note``) and return word -> valence.

    A fitted valence keeps the sign of its prior (the lexicon's valence before fitting): fitting
    changes how strongly a word counts, never which way.

    Raises
    ------
    LexiconError
        Missing column, a term that is not one lower-case word, a repeated term, a value that is not a
        finite number, is 0 or is beyond ``MAX_FITTED_VALENCE``, or a valence whose sign differs from its
        prior's; the message names file and line.

    Examples
    --------
    >>> parse_tone_valences("term,valence,prior,count\\ngood,2.1,4.9,40\\n", source="v.csv")["good"]
    2.1
    >>> parse_tone_valences("term,valence,prior,count\\ngood,-0.5,4.9,40\\n", source="v.csv")
    Traceback (most recent call last):
    ...
    framing.errors.LexiconError: v.csv line 2: fitted valence -0.5 of 'good' has the other sign than its prior 4.9
    """
    values: dict[str, float] = {}
    lines: dict[str, int] = {}
    for line, row in parse_csv_rows(text, source=source, required=("term", "valence", "prior", "count")):
        where = f"{source} line {line}"
        term = row["term"]
        if not term or term != term.lower() or any(c.isspace() for c in term):
            raise LexiconError(f"{where}: term '{term}' must be one lower-case word")
        if term in lines:
            raise LexiconError(f"{where}: duplicate term '{term}' (first on line {lines[term]})")
        value, prior = _number(row["valence"], where=where), _number(row["prior"], where=where)
        if abs(value) > MAX_FITTED_VALENCE:
            raise LexiconError(f"{where}: fitted valence {value:g} of '{term}' is beyond +-{MAX_FITTED_VALENCE:g}")
        if value == 0:
            raise LexiconError(f"{where}: fitted valence 0 of '{term}'; leave the row out (tone_news.csv removes a word)")
        if value * prior < 0:
            raise LexiconError(f"{where}: fitted valence {value:g} of '{term}' has the other sign than its prior {prior:g}")
        values[term], lines[term] = value, line
    return read_only(values)


def load_tone_weights() -> ToneWeights:
    """Return the fitted tone weights shipped in ``framing/lexicons/tone_weights.csv``.

    Examples
    --------
    >>> weights = load_tone_weights()
    >>> weights.opinion > 0 > weights.negation
    True
    """
    return _load_tone_weights()


@lru_cache(maxsize=1)
def _load_tone_weights() -> ToneWeights:
    text = read_data_text("tone_weights.csv")
    meta = read_data_json("tone_weights.meta.json", required=("version",))
    return parse_tone_weights(text, source=data_source("tone_weights.csv"), version=str(meta["version"]))


def parse_tone_weights(text: str, *, source: str, version: str = "user") -> ToneWeights:
    """Validate tone-weight CSV text (columns ``name, value, note``) and return the weights.

    Raises
    ------
    LexiconError
        Missing column, unknown or repeated name, a value that is not a number or is out of range,
        or a weight missing; the message names file and line.

    Examples
    --------
    >>> parse_tone_weights("name,value\\nopinion_weight,1\\nnegation_weight,-1.5\\n", source="w.csv")
    ToneWeights(opinion=1.0, negation=-1.5, version='user', topic=1.0, positive=1.0)
    >>> parse_tone_weights("name,value\\nopinion_weight,x\\n", source="w.csv")
    Traceback (most recent call last):
    ...
    framing.errors.LexiconError: w.csv line 2: value 'x' of 'opinion_weight' is not a number
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    if "name" not in columns or "value" not in columns:
        raise LexiconError(f"{source}: missing column(s); the header must be 'name,value,note'")
    reader.fieldnames = columns
    values: dict[str, float] = {}
    for row in reader:
        where = f"{source} line {reader.line_num}"
        name = str(row.get("name") or "").strip()
        value_text = str(row.get("value") or "").strip()
        if name not in TONE_WEIGHT_NAMES:
            raise LexiconError(f"{where}: unknown weight '{name}' (use one of {', '.join(TONE_WEIGHT_NAMES)})")
        if name in values:
            raise LexiconError(f"{where}: '{name}' is given twice; keep one row per weight")
        try:
            value = float(value_text)
        except ValueError:
            raise LexiconError(f"{where}: value '{value_text}' of '{name}' is not a number") from None
        if name in ("topic_weight", "positive_weight") and not (math.isfinite(value) and 0.0 <= value <= 1.0):
            raise LexiconError(f"{where}: value {value_text} of '{name}' is out of range; use a number from 0 to 1")
        if not (math.isfinite(value) and abs(value) <= MAX_TONE_WEIGHT):
            raise LexiconError(
                f"{where}: value {value_text} of '{name}' is out of range; use a number from "
                f"{-MAX_TONE_WEIGHT:g} to {MAX_TONE_WEIGHT:g}"
            )
        values[name] = value
    missing = [n for n in TONE_WEIGHT_NAMES if n not in values and n not in OPTIONAL_TONE_WEIGHTS]
    if missing:
        raise LexiconError(f"{source}: no row for {', '.join(missing)}; add 'name,value,note' rows for them")
    return ToneWeights(
        opinion=values["opinion_weight"],
        negation=values["negation_weight"],
        version=version,
        topic=values.get("topic_weight", OPTIONAL_TONE_WEIGHTS["topic_weight"]),
        positive=values.get("positive_weight", OPTIONAL_TONE_WEIGHTS["positive_weight"]),
    )


@lru_cache(maxsize=1)
def _vader_valences() -> Mapping[str, float]:
    vader_text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    return read_only(dict(_parse_vader(vader_text.splitlines())))


@lru_cache(maxsize=1)
def _opinion_polarities() -> Mapping[str, float]:
    # Hu & Liu's two lists in one file (opinion_lexicon.meta.json): a word on both lists has polarity 0.
    polarities: dict[str, float] = {}
    first_line: dict[str, int] = {}
    for line, row in read_data_csv(OPINION_FILE, required=("term", "polarity")):
        where = f"{data_source(OPINION_FILE)} line {line}"
        term = row["term"].lower()
        if not term:
            raise LexiconError(f"{where}: empty term")
        if term in first_line:
            raise LexiconError(f"{where}: term '{term}' is already on line {first_line[term]}; keep one row")
        polarities[term], first_line[term] = _number(row["polarity"], where=where), line
    return read_only({w: p for w, p in polarities.items() if p != 0.0})


@lru_cache(maxsize=1)
def _tone_adjustments() -> tuple[Mapping[str, float], Mapping[str, object]]:
    adjustments: dict[str, float] = {}
    first_line: dict[str, int] = {}
    for line, row in read_data_csv("tone_news.csv", required=("term", "valence")):
        where, term = f"{data_source('tone_news.csv')} line {line}", row["term"]
        if not term:
            raise LexiconError(f"{where}: empty term")
        if term in first_line:
            raise LexiconError(f"{where}: term '{term}' is already on line {first_line[term]}; keep one row")
        adjustments[term], first_line[term] = _number(row["valence"], where=where), line
    return read_only(adjustments), read_only(dict(read_data_json("tone_news.meta.json")))


def _number(text: str, *, where: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise LexiconError(f"{where}: '{text}' is not a number") from None
    if not math.isfinite(value):
        raise LexiconError(f"{where}: '{text}' is not a finite number")
    return value


def _parse_vader(lines: Iterable[str]) -> Iterable[tuple[str, float]]:
    # VADER's format: word <TAB> mean valence <TAB> sd <TAB> the ten raw ratings.
    for line in lines:
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0]:
            yield parts[0], float(parts[1])


def _parse_row(row: dict[str | None, str | list[str] | None], *, line: int, source: str) -> LexiconTerm:
    where = f"{source} line {line}"
    term = nfc(str(row.get("term") or "")).strip().lower()
    frame = str(row.get("frame") or "").strip().lower()
    weight_text = str(row.get("weight") or "").strip()
    note = str(row.get("note") or "").strip()
    subcategory = str(row.get("subcategory") or "").strip().lower()
    origin = str(row.get("source") or "").strip()
    if subcategory and not re.fullmatch(r"[a-z][a-z_]*", subcategory):
        raise LexiconError(f"{where}: subcategory '{subcategory}' must be one lower-case word (letters and _)")
    if not term:
        raise LexiconError(f"{where}: empty term; write a word or phrase in the 'term' column")
    if not _TERM_SHAPE.fullmatch(term):
        bad = "".join(sorted({c for c in term if not (c.isalnum() or c in " '’-" or is_mark(c))}))
        raise LexiconError(
            f"{where}: term '{term}' contains {bad!r}; terms are plain words or phrases, not patterns"
        )
    if frame not in FRAMES:
        raise LexiconError(f"{where}: unknown frame '{frame}' (use one of {', '.join(FRAMES)})")
    try:
        weight = float(weight_text)
    except ValueError:
        raise LexiconError(f"{where}: weight '{weight_text}' is not a number") from None
    if not (math.isfinite(weight) and 0 < weight <= MAX_WEIGHT):
        raise LexiconError(f"{where}: weight {weight_text} is out of range; use a number above 0 and at most {MAX_WEIGHT:g}")
    key = tuple(token.lemma for token in tokenize(term))
    return LexiconTerm(term=term, frame=frame, weight=weight, note=note, key=key, line=line,
                       subcategory=subcategory, origin=origin)


def _definitions(meta: dict[str, object]) -> dict[str, str]:
    frames = meta.get("frames")
    if not isinstance(frames, dict):
        return {}
    out: dict[str, str] = {}
    for name, info in frames.items():
        if isinstance(info, dict) and isinstance(info.get("definition"), str):
            out[str(name)] = info["definition"]
    return out
