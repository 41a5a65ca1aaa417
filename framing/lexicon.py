"""Read and validate lexicon files: the only code that opens them.

A frame lexicon is a CSV with columns ``term, frame, weight, note`` (UTF-8), one term per row, in
base form: ``tariff`` also matches "tariffs", ``negotiation`` matches "negotiations", because terms
and article words are compared after lemmatization. Multi-word phrases match consecutive words.
A ``<name>.meta.json`` beside it carries the provenance; a user file without one is labelled as such.

The tone lexicon is VADER's, read from the installed ``vaderSentiment`` package, with our news-domain
adjustments (``tone_news.csv``) laid over it.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import LexiconError
from .segment import tokenize
from .types import FRAMES

__all__ = [
    "LexiconTerm",
    "Lexicon",
    "ToneLexicon",
    "load_default_lexicon",
    "load_lexicon",
    "parse_lexicon",
    "extend_lexicon",
    "load_tone_lexicon",
]

#: The frame lexicon shipped with the package.
DEFAULT_LEXICON = "frames"
#: Largest weight a term may carry; a typo such as 20 instead of 2.0 should be caught, not obeyed.
MAX_WEIGHT = 10.0
#: Characters a term may contain: letters, digits, spaces, hyphens and apostrophes. Anything else
#: (``*``, ``.``, ``|``, brackets) suggests the author expected a regular expression, which we never run.
_TERM_SHAPE = re.compile(r"[^\W_]+(?:[ '’\-][^\W_]+)*")
_REQUIRED_COLUMNS = ("term", "frame", "weight")


@dataclass(frozen=True, slots=True)
class LexiconTerm:
    """One lexicon row. ``key`` is the lemma sequence that is matched against article tokens."""

    term: str
    frame: str
    weight: float
    note: str
    key: tuple[str, ...]
    line: int = 0


@dataclass(frozen=True, slots=True)
class Lexicon:
    """A validated frame lexicon with its provenance."""

    name: str
    version: str
    source: str
    terms: tuple[LexiconTerm, ...]
    definitions: dict[str, str] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)

    def terms_for(self, frame: str) -> tuple[LexiconTerm, ...]:
        """Return the terms of one frame, in file order."""
        return tuple(t for t in self.terms if t.frame == frame)

    def describe(self) -> dict[str, str]:
        """Return name, version and source: what a report needs to say which lexicon it used."""
        return {"name": self.name, "version": self.version, "source": self.source}


@dataclass(frozen=True, slots=True)
class ToneLexicon:
    """Word form -> valence on VADER's -4..+4 scale, plus where it came from."""

    valences: dict[str, float]
    adjusted: frozenset[str]
    provenance: dict[str, str]


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
    folder = resources.files("framing.lexicons")
    text = (folder / f"{name}.csv").read_text(encoding="utf-8")
    meta = json.loads((folder / f"{name}.meta.json").read_text(encoding="utf-8"))
    return parse_lexicon(text, source=f"framing/lexicons/{name}.csv", meta=meta)


def load_lexicon(path: str | Path) -> Lexicon:
    """Read and validate a user lexicon CSV (and its ``.meta.json`` if one sits beside it).

    Parameters
    ----------
    path : str or Path
        A CSV file with columns ``term, frame, weight`` and optionally ``note``.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        When the file is missing, not UTF-8, or a row is invalid; the message names file and line.
    """
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
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
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
        definitions=_definitions(meta),
        provenance={k: str(v) for k, v in meta.items() if isinstance(v, str)},
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
    )


def load_tone_lexicon() -> ToneLexicon:
    """Return VADER's lexicon with the news-domain adjustments applied.

    Examples
    --------
    >>> tone = load_tone_lexicon()
    >>> tone.valences["crisis"] < 0 < tone.valences["progress"], "united" in tone.valences
    (True, False)
    """
    return _load_tone()


@lru_cache(maxsize=1)
def _load_tone() -> ToneLexicon:
    vader_text = (resources.files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    valences = dict(_parse_vader(vader_text.splitlines()))
    folder = resources.files("framing.lexicons")
    adjustments = csv.DictReader(io.StringIO((folder / "tone_news.csv").read_text(encoding="utf-8")))
    adjusted = set()
    for row in adjustments:
        valences[row["term"]] = float(row["valence"])
        adjusted.add(row["term"])
    meta = json.loads((folder / "tone_news.meta.json").read_text(encoding="utf-8"))
    return ToneLexicon(
        valences={k: v for k, v in valences.items() if v != 0.0},
        adjusted=frozenset(adjusted),
        provenance={k: str(v) for k, v in meta.items() if isinstance(v, str)},
    )


def _parse_vader(lines: Iterable[str]) -> Iterable[tuple[str, float]]:
    # VADER's format: word <TAB> mean valence <TAB> sd <TAB> the ten raw ratings.
    for line in lines:
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0]:
            yield parts[0], float(parts[1])


def _parse_row(row: dict[str | None, str | list[str] | None], *, line: int, source: str) -> LexiconTerm:
    where = f"{source} line {line}"
    term = str(row.get("term") or "").strip().lower()
    frame = str(row.get("frame") or "").strip().lower()
    weight_text = str(row.get("weight") or "").strip()
    note = str(row.get("note") or "").strip()
    if not term:
        raise LexiconError(f"{where}: empty term; write a word or phrase in the 'term' column")
    if not _TERM_SHAPE.fullmatch(term):
        bad = "".join(sorted({c for c in term if not (c.isalnum() or c in " '’-")}))
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
    return LexiconTerm(term=term, frame=frame, weight=weight, note=note, key=key, line=line)


def _definitions(meta: dict[str, object]) -> dict[str, str]:
    frames = meta.get("frames")
    if not isinstance(frames, dict):
        return {}
    out: dict[str, str] = {}
    for name, info in frames.items():
        if isinstance(info, dict) and isinstance(info.get("definition"), str):
            out[str(name)] = info["definition"]
    return out
