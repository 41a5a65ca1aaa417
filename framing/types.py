"""The shapes passed between modules: frozen, slotted dataclasses and nothing else.

Offsets are always character offsets into a named string: ``Removal`` into the article's raw
body (``Article.text``), everything else into the cleaned text (``ArticleReport.text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = [
    "FRAMES",
    "TONE_LABEL",
    "Article",
    "SkippedInput",
    "LoadResult",
    "Removal",
    "CleanedText",
    "Span",
    "Token",
    "Evidence",
    "SentenceReport",
    "Readability",
    "ArticleReport",
    "DistinctiveTerm",
    "OutletReport",
    "CorpusReport",
]

#: The frames every report carries, in display order. Lexicons may only use these names.
FRAMES: tuple[str, ...] = ("trade", "security", "diplomacy")

#: The ``frame`` value of evidence that supports a tone score rather than a frame score.
TONE_LABEL = "tone"


@dataclass(frozen=True, slots=True)
class Article:
    """One article as loaded: metadata plus the body exactly as it was in the file (not cleaned)."""

    id: str
    outlet: str
    title: str
    text: str
    date: str | None = None
    url: str | None = None
    credit: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class SkippedInput:
    """A file or row that could not be loaded, with a reason a person can act on."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Everything a load produced: the good articles and what was skipped (never silently dropped)."""

    articles: tuple[Article, ...]
    skipped: tuple[SkippedInput, ...] = ()


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of non-article text taken out by cleaning; offsets point into ``Article.text``."""

    kind: str
    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CleanedText:
    """Result of cleaning one body: kept text, what was removed and a wire credit if one was found."""

    text: str
    removed: tuple[Removal, ...] = ()
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence or paragraph: ``text[start:end]`` of the cleaned text."""

    start: int
    end: int
    paragraph: int = 0


class Token(NamedTuple):
    """A word of the cleaned text: ``text[start:end]`` is the surface form, ``lemma`` its base form.

    The one shape here that is a ``NamedTuple`` rather than a frozen dataclass: an article has
    hundreds of tokens and a frozen dataclass's ``__init__`` costs several times a tuple's, which
    made token construction the largest single cost of the analysis (bench/README.md).
    """

    start: int
    end: int
    lower: str
    lemma: str
    #: True when a single space or hyphen separates this token from the previous one: only such
    #: tokens may continue a multi-word lexicon phrase (so no phrase runs across "trade.War").
    joins_previous: bool = False


@dataclass(frozen=True, slots=True)
class Evidence:
    """One matched term and what it added to a score; ``frame`` is a frame name or ``"tone"``."""

    term: str
    frame: str
    weight: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SentenceReport:
    """Scores of one sentence and the evidence behind each of them."""

    start: int
    end: int
    text: str
    paragraph: int
    frames: dict[str, float]
    frame: str | None
    tone: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Readability:
    """textstat's measures of one article."""

    flesch_reading_ease: float
    grade_level: float
    words: int
    sentences: int


@dataclass(frozen=True, slots=True)
class ArticleReport:
    """Everything measured about one article."""

    id: str
    outlet: str
    title: str
    date: str | None
    url: str | None
    credit: str | None
    source: str
    text: str
    removed: tuple[Removal, ...]
    word_count: int
    readability: Readability
    frame_scores: dict[str, float]
    emphasis: dict[str, float]
    intensity: float
    tone: float
    sentences: tuple[SentenceReport, ...]
    notes: tuple[str, ...] = ()
    #: ``none`` / ``thin`` / ``enough``: is there enough frame evidence to compare (framing/evidence.py)?
    evidence_level: str = "none"
    #: ``{frame: [low, high]}``: 95% bootstrap interval of each emphasis share over sentences.
    emphasis_ci: dict[str, list[float]] = field(default_factory=dict)
    #: Frame words that count towards ``evidence_level`` (lexicon weight >= the threshold file's minimum).
    frame_words: int = 0


@dataclass(frozen=True, slots=True)
class DistinctiveTerm:
    """A word an outlet uses more than the others, with its log-odds z-score and raw count."""

    term: str
    z: float
    count: int


@dataclass(frozen=True, slots=True)
class OutletReport:
    """Aggregates over all articles carrying one outlet label."""

    outlet: str
    articles: tuple[str, ...]
    frame_scores: dict[str, float]
    emphasis: dict[str, float]
    intensity: float
    tone: float
    word_count: int
    distinctive_terms: tuple[DistinctiveTerm, ...] = ()
    #: As for an article, over the outlet's pooled articles.
    evidence_level: str = "none"
    emphasis_ci: dict[str, list[float]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CorpusReport:
    """The full result of one analysis: the JSON schema is derived from this."""

    articles: tuple[ArticleReport, ...]
    outlets: tuple[OutletReport, ...]
    skipped: tuple[SkippedInput, ...] = ()
    lexicon: dict[str, str] = field(default_factory=dict)
