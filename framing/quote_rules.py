"""The data behind quote finding: cue words and speaker types, read once from ``framing/lexicons``.

Both files are editable CSVs with a ``.meta.json`` beside them (``quote_cues.csv``,
``speaker_types.csv``); nothing about which words count lives in code. A teacher who wants a
missing reporting verb or a new public figure adds a row.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from .data_files import read_data_json, read_data_text
from .errors import LexiconError
from .types import EMPTY_MAPPING

__all__ = ["CUE_ROLES", "SPEAKER_TYPES", "QuoteRules", "SpeakerTerm", "load_quote_rules", "parse_quote_rules"]

#: Speaker types a quote can get (``government`` is written ``government:<country>`` when known).
SPEAKER_TYPES = ("government", "international", "expert", "media", "anonymous", "social_media", "other")
#: Roles a row of ``quote_cues.csv`` may have (its meta file explains each).
CUE_ROLES = frozenset({
    "speech", "speech_check", "speech_that", "speech_object", "quote_only", "according", "document", "skip",
    "pronoun_person", "pronoun_body", "role_person", "determiner", "that", "relative", "finite", "infinitive", "role_body", "preposition",
    "honorific", "coordinator", "subordinator", "term", "title", "title_small", "people", "source_tail", "identifying", "organisation", "absolute", "passive_quote",
    "org_head", "role_modifier", "envoy", "unnamed_staff", "former", "outlet_head", "vehicle", "question_verb", "pronoun_group", "us_state",
})
#: Reporting-verb roles in the order a word listed under several gets its role.
_SPEECH_ROLES = ("speech", "speech_check", "speech_that", "speech_object", "quote_only")
_TERM_TYPES = frozenset({*SPEAKER_TYPES, "country", "indefinite"})


@dataclass(frozen=True, slots=True)
class SpeakerTerm:
    """One row of ``speaker_types.csv``: a word or phrase and what it says about a speaker."""

    term: str
    type: str
    country: str
    person: bool


@dataclass(frozen=True, slots=True)
class QuoteRules:
    """Cue words by role and speaker terms by their word tuple, ready for matching on lemmas.

    Read-only all the way down (read-only mappings of frozensets and frozen rows): the packaged rules
    are cached and shared by every finder in the process.
    """

    cues: Mapping[str, frozenset[str]]
    speaker_terms: Mapping[tuple[str, ...], SpeakerTerm]
    longest_term: int
    version: str
    #: lemma -> its reporting-verb role, the first of ``_SPEECH_ROLES`` that lists it (built once).
    roles: Mapping[str, str] = field(default_factory=lambda: EMPTY_MAPPING)

    def has(self, role: str, word: str) -> bool:
        """True when ``word`` (a lower-case lemma or word) is listed with ``role``."""
        return word in self.cues.get(role, frozenset())

    def speech_role(self, lemma: str) -> str | None:
        """The reporting-verb role of ``lemma`` (``speech``, ``speech_that``, ...) or None."""
        return self.roles.get(lemma)


def load_quote_rules() -> QuoteRules:
    """Return the packaged cue words and speaker types (read once, then shared read-only).

    Examples
    --------
    >>> rules = load_quote_rules()
    >>> rules.speech_role("say"), rules.speech_role("claim"), rules.has("document", "report")
    ('speech', 'speech_that', True)
    """
    return _load_packaged()


@lru_cache(maxsize=1)
def _load_packaged() -> QuoteRules:
    cues = read_data_text("quote_cues.csv")
    speakers = read_data_text("speaker_types.csv")
    meta = read_data_json("quote_cues.meta.json", required=("version",))
    speaker_meta = read_data_json("speaker_types.meta.json", required=("version",))
    return parse_quote_rules(cues, speakers, version=f"{meta['version']}/{speaker_meta['version']}")


def parse_quote_rules(cues_csv: str, speakers_csv: str, *, version: str = "user") -> QuoteRules:
    """Validate and index the two CSV texts; errors name the file, line and fix.

    Raises
    ------
    LexiconError
        On an unknown role or type, or an empty term.

    Examples
    --------
    >>> rules = parse_quote_rules("term,role,note\\nsay,speech,x\\n", "term,type,country,person,note\\nun,international,,,x\\n")
    >>> rules.speech_role("say"), rules.speaker_terms[("un",)].type
    ('speech', 'international')
    >>> parse_quote_rules("term,role,note\\nsay,shout,x\\n", "term,type,country,person,note\\n")
    Traceback (most recent call last):
    ...
    framing.errors.LexiconError: quote_cues.csv line 2: unknown role 'shout' (use one of: absolute, according, ...)
    """
    by_role: dict[str, set[str]] = {}
    for line, row in enumerate(csv.DictReader(io.StringIO(cues_csv)), start=2):
        term, role = (row.get("term") or "").strip().lower(), (row.get("role") or "").strip()
        if not term:
            raise LexiconError(f"quote_cues.csv line {line}: empty term")
        if role not in CUE_ROLES:
            listed = ", ".join(sorted(CUE_ROLES)[:2])
            raise LexiconError(f"quote_cues.csv line {line}: unknown role {role!r} (use one of: {listed}, ...)")
        by_role.setdefault(role, set()).add(term)
    terms: dict[tuple[str, ...], SpeakerTerm] = {}
    for line, row in enumerate(csv.DictReader(io.StringIO(speakers_csv)), start=2):
        term, kind = (row.get("term") or "").strip().lower(), (row.get("type") or "").strip()
        if not term:
            raise LexiconError(f"speaker_types.csv line {line}: empty term")
        if kind not in _TERM_TYPES:
            raise LexiconError(f"speaker_types.csv line {line}: unknown type {kind!r} (use one of: {', '.join(sorted(_TERM_TYPES))})")
        words = tuple(term.replace("’", "'").split())
        terms[words] = SpeakerTerm(term, kind, (row.get("country") or "").strip(), (row.get("person") or "").strip() == "yes")
    roles: dict[str, str] = {}
    for role in _SPEECH_ROLES:
        for word in by_role.get(role, ()):
            roles.setdefault(word, role)
    return QuoteRules(
        roles=MappingProxyType(roles),
        cues=MappingProxyType({role: frozenset(words) for role, words in by_role.items()}),
        speaker_terms=MappingProxyType(terms),
        longest_term=max((len(k) for k in terms), default=1),
        version=version,
    )
