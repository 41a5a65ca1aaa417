"""The shapes passed between modules: frozen, slotted dataclasses and nothing else.

Offsets are always character offsets into a named string: ``Removal`` into the article's raw
body (``Article.text``), everything else into the cleaned text (``ArticleReport.text``).

Read-only all the way down: results hold tuples, frozen dataclasses and read-only mappings
(``types.MappingProxyType``), never a dict, list or set, so caches can share one report between
dashboard sessions and nobody can change it for the others. :func:`freeze` makes a value so.
"""

from __future__ import annotations

import copyreg
import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from itertools import chain
from operator import attrgetter
from types import MappingProxyType
from typing import Any, NamedTuple, Protocol, TypeVar

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
    "ParagraphReport",
    "Readability",
    "ArticleReport",
    "CoverageSource",
    "SentenceBounds",
    "DistinctiveTerm",
    "OutletReport",
    "CorpusReport",
    "Document",
    "EMPTY_MAPPING",
    "freeze",
    "read_only",
    "Quote",
    "VoiceScores",
    "Voice",
    "SpeakerTotal",
    "Mention",
    "Fact",
    "SharedPassage",
    "Reprint",
    "NamingMention",
    "Naming",
]

#: The frames every report carries, in display order. Lexicons may only use these names.
FRAMES: tuple[str, ...] = ("trade", "security", "diplomacy")

#: The ``frame`` value of evidence that supports a tone score rather than a frame score.
TONE_LABEL = "tone"

#: The empty read-only mapping (default of mapping fields).
EMPTY_MAPPING: Mapping[Any, Any] = MappingProxyType({})

# Read-only mappings travel through pickle (st.cache_data, worker processes) and copy.deepcopy as the
# dict they wrap, rebuilt read-only on the other side.
# (pickle cannot name the ``mappingproxy`` class itself, so a module-level function rebuilds it.)


def _rebuild_read_only(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


copyreg.pickle(MappingProxyType, lambda proxy: (_rebuild_read_only, (dict(proxy),)))

_K = TypeVar("_K")
_V = TypeVar("_V")
_T = TypeVar("_T")


def read_only(mapping: Mapping[_K, _V]) -> Mapping[_K, _V]:
    """Return a read-only view of a copy of ``mapping`` (its values are not copied).

    Examples
    --------
    >>> scores = read_only({"trade": 1.0})
    >>> scores["trade"], dict(scores)
    (1.0, {'trade': 1.0})
    >>> scores["trade"] = 2.0
    Traceback (most recent call last):
    ...
    TypeError: 'mappingproxy' object does not support item assignment
    """
    return MappingProxyType(dict(mapping))


#: Types whose instances hold no mutable state; :func:`freeze` returns them as they are.
_SCALARS = (str, int, float, bool, bytes, type(None), frozenset, range)
#: The same types exactly (no subclasses): a set of them is checked in C, a whole tuple or a whole
#: dataclass's fields at once (``set.issuperset(map(type, values))``), before any Python-level walk.
_SCALAR_TYPES = frozenset(_SCALARS)


def freeze(value: _T) -> _T:
    """Make ``value`` read-only all the way down and return it.

    dicts become read-only mappings, lists tuples, sets frozensets; a frozen dataclass has its
    fields replaced in place by their frozen versions (it is new, or already shared read-only).
    Used at the boundaries (a finished report, a loaded lexicon), so fields that later work adds as
    plain dicts or lists are still read-only when a report is handed out.

    Examples
    --------
    >>> frozen = freeze({"a": [1, {"b": {2}}]})
    >>> frozen["a"], type(frozen).__name__
    ((1, mappingproxy({'b': frozenset({2})})), 'mappingproxy')
    """
    return _freeze(value)


def _freeze(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALAR_TYPES:
        return value
    walker = _WALKERS.get(kind)
    if walker is not None:
        return walker(value)
    return _freeze_other(value)


def _freeze_other(value: Any) -> Any:
    """The general case, in the order of precedence; a dataclass type gets its own walker here."""
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, tuple):
        items = [_freeze(v) for v in value]
        if all(a is b for a, b in zip(items, value)):
            return value
        return type(value)(*items) if hasattr(value, "_fields") else tuple(items)
    if isinstance(value, MappingProxyType):
        return _freeze_proxy(value)
    if isinstance(value, Mapping):
        return _freeze_mapping(value)
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(_freeze(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        walker = _WALKERS[type(value)] = _dataclass_walker(type(value))
        return walker(value)
    return value


def _freeze_tuple(value: tuple[Any, ...]) -> tuple[Any, ...]:
    """A plain tuple: itself when nothing inside changes (the common case, decided in C where every
    item is a scalar, or a dataclass of one type whose fields all are), else a tuple of the frozen items."""
    kinds = set(map(type, value))
    if kinds <= _SCALAR_TYPES:
        return value
    if len(kinds) == 1:
        fields_of = _FIELD_GETTERS.get(next(iter(kinds)))
        if fields_of is not None and _SCALAR_TYPES.issuperset(map(type, chain.from_iterable(map(fields_of, value)))):
            return value
    items = None
    for i, item in enumerate(value):
        kind = type(item)
        if kind in _SCALAR_TYPES:
            continue
        walker = _WALKERS.get(kind)
        frozen = walker(item) if walker is not None else _freeze_other(item)
        if frozen is not item:
            if items is None:
                items = list(value)
            items[i] = frozen
    return value if items is None else tuple(items)


def _freeze_proxy(value: MappingProxyType[Any, Any]) -> MappingProxyType[Any, Any]:
    if _SCALAR_TYPES.issuperset(map(type, value.values())) or all(isinstance(v, _SCALARS) for v in value.values()):
        return value
    return MappingProxyType({k: _freeze(v) for k, v in value.items()})


def _freeze_mapping(value: Mapping[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType({k: v if type(v) in _SCALAR_TYPES else _freeze(v) for k, v in value.items()})


def _freeze_list(value: list[Any]) -> tuple[Any, ...]:
    return tuple([v if type(v) in _SCALAR_TYPES else _freeze(v) for v in value])


def _dataclass_walker(cls: type) -> Any:
    """Freeze the fields of one dataclass type in place: all of them read in C, and nothing more
    done when every one is a scalar (most evidence items, spans, mentions)."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    read: Callable[[Any], tuple[Any, ...]]
    if len(names) >= 2:
        _FIELD_GETTERS[cls] = read = attrgetter(*names)
    else:
        read = (lambda item: (getattr(item, names[0]),)) if names else (lambda item: ())

    def walk(value: Any) -> Any:
        current_values = read(value)
        if _SCALAR_TYPES.issuperset(map(type, current_values)):
            return value
        for name, current in zip(names, current_values):
            kind = type(current)
            if kind in _SCALAR_TYPES:
                continue
            walker = _WALKERS.get(kind)
            frozen = walker(current) if walker is not None else _freeze_other(current)
            if frozen is not current:
                # Frozen dataclasses refuse setattr; this is the one place that may replace a field.
                object.__setattr__(value, name, frozen)
        return value

    return walk


#: Exact type -> its walker: plain tuples, read-only mappings, dicts and lists here; each dataclass
#: type is added when first met. Any other type takes :func:`_freeze_other`.
_WALKERS: dict[type, Any] = {tuple: _freeze_tuple, MappingProxyType: _freeze_proxy, dict: _freeze_mapping,
                             list: _freeze_list}
#: Dataclass type (two fields or more) -> ``attrgetter`` of all its fields, for :func:`_freeze_tuple`.
_FIELD_GETTERS: dict[type, Any] = {}


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
    #: What the loader changed or could not use, for the reader (repaired mojibake, a partial date).
    notes: tuple[str, ...] = ()


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
class Document:
    """One article's cleaned text, segmented once by ``segment.build_document``; every scorer reads it.

    ``sentences[i]`` holds ``tokens[token_ranges[i][0]:token_ranges[i][1]]`` (:meth:`sentence_tokens`).
    ``layers`` holds named span layers that later steps add without re-splitting the text (for
    example ``"quote"``: the spans inside quotation marks), see :meth:`with_layer` and :meth:`in_layer`.
    """

    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    tokens: tuple[Token, ...]
    token_ranges: tuple[tuple[int, int], ...]
    layers: Mapping[str, tuple[Span, ...]] = field(default_factory=lambda: EMPTY_MAPPING)

    @property
    def word_count(self) -> int:
        """Words that are not numbers: the ``word_count`` of the report and readability's word count."""
        return sum(1 for t in self.tokens if not t.lower.isdigit())

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        """Return the tokens of sentence ``index``."""
        first, last = self.token_ranges[index]
        return self.tokens[first:last]

    def tokens_between(self, start: int, end: int) -> tuple[Token, ...]:
        """Return the tokens that start inside ``text[start:end]``."""
        starts = [t.start for t in self.tokens]
        return self.tokens[bisect_left(starts, start) : bisect_left(starts, end)]

    def with_layer(self, name: str, spans: tuple[Span, ...]) -> Document:
        """Return a copy with one more span layer (spans sorted by start); this one is unchanged."""
        layers = {**self.layers, name: tuple(sorted(spans, key=lambda s: (s.start, s.end)))}
        return dataclasses.replace(self, layers=MappingProxyType(layers))

    def in_layer(self, name: str, start: int, end: int) -> bool:
        """True when ``text[start:end]`` lies inside one span of layer ``name`` (False without the layer)."""
        spans = self.layers.get(name, ())
        i = bisect_right([s.start for s in spans], start) - 1
        return i >= 0 and spans[i].end >= end


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
    frames: Mapping[str, float]
    frame: str | None
    tone: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class ParagraphReport:
    """A paragraph's dominant frame: ``text[start:end]`` is paragraph number ``paragraph`` of the cleaned text.

    ``frame`` is named by ``evidence.decide_frame`` with ``passage=True`` (the rule the paragraph
    figures of ``framing validate`` measure): ``None`` when no frame dominates (no evidence beyond
    foreign places and officials' titles, a tie, or too small a lead).
    """

    start: int
    end: int
    paragraph: int
    frame: str | None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``text[start:end]`` is the words inside the marks (direct) or the reported clause.

    ``speaker`` is the name, role or body as the article names it (a pronoun resolved to the last
    named speaker), or None; ``text[speaker_start:speaker_end]`` is the mention it was taken from.
    ``speaker_type`` is ``government:<country>``, ``government``, ``international``, ``expert``,
    ``media``, ``anonymous``, ``social_media`` or ``other`` (issue 14).
    """

    start: int
    end: int
    text: str
    kind: str
    cue: str
    speaker: str | None
    speaker_type: str
    speaker_start: int | None
    speaker_end: int | None


@dataclass(frozen=True, slots=True)
class VoiceScores:
    """Words, tone and frame scores of one voice of an article (its own prose or what it quotes)."""

    words: int = 0
    tone: float = 0.0
    frames: Mapping[str, float] = field(default_factory=lambda: read_only(dict.fromkeys(FRAMES, 0.0)))


@dataclass(frozen=True, slots=True)
class Voice:
    """An article's scores split by voice: ``own`` (outside quotations) and ``quoted`` (inside)."""

    own: VoiceScores = field(default_factory=VoiceScores)
    quoted: VoiceScores = field(default_factory=VoiceScores)


@dataclass(frozen=True, slots=True)
class SpeakerTotal:
    """One speaker of an outlet: how many quotations and quoted words the outlet gives them."""

    speaker: str
    type: str
    quotes: int
    words: int


@dataclass(frozen=True, slots=True)
class Readability:
    """Flesch reading ease and Flesch–Kincaid grade of one article, from its Document's words and sentences
    (``framing.readability``): ``words == word_count`` and ``sentences == len(sentences)``."""

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
    frame_scores: Mapping[str, float]
    emphasis: Mapping[str, float]
    intensity: float
    tone: float
    sentences: tuple[SentenceReport, ...]
    notes: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    voice: Voice = field(default_factory=Voice)
    #: ``none`` / ``thin`` / ``enough``: is there enough frame evidence to compare (framing/evidence.py)?
    evidence_level: str = "none"
    #: ``{frame: [low, high]}``: 95% bootstrap interval of each emphasis share over sentences.
    emphasis_ci: dict[str, list[float]] = field(default_factory=dict)
    #: Frame words that count towards ``evidence_level`` (lexicon weight >= the threshold file's minimum).
    frame_words: int = 0
    #: The frame named dominant (``evidence.decide_frame``: the largest score among the frames with a
    #: frame word proper), None without evidence or on a tie. Read it with ``evidence_level``: where
    #: that is ``thin``, summaries say there is not enough evidence to compare instead of naming it.
    dominant_frame: str | None = None
    #: ``frame_words`` per frame.
    frame_words_by_frame: Mapping[str, int] = field(default_factory=lambda: EMPTY_MAPPING)
    #: One entry per paragraph with its dominant frame (``evidence.decide_frame``, ``passage=True``).
    paragraphs: tuple[ParagraphReport, ...] = ()
    #: ``[low, high]``: 95% bootstrap interval of ``tone`` over the sentences (``evidence.tone_interval``).
    tone_ci: list[float] = field(default_factory=list)


class SentenceBounds(Protocol):
    """Where a sentence lies in its article's cleaned text: ``text[start:end]``."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class CoverageSource(Protocol):
    """What the coverage step (facts, shared copy, naming) reads of one article.

    An :class:`ArticleReport` is one; so is ``coverage.CoverageText``, the compact copy a streamed
    run keeps of each article once its line is written (issue 16).
    """

    @property
    def id(self) -> str: ...

    @property
    def outlet(self) -> str: ...

    @property
    def date(self) -> str | None: ...

    @property
    def text(self) -> str: ...

    @property
    def sentences(self) -> Sequence[SentenceBounds]: ...


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
    frame_scores: Mapping[str, float]
    emphasis: Mapping[str, float]
    intensity: float
    tone: float
    word_count: int
    distinctive_terms: tuple[DistinctiveTerm, ...] = ()
    #: Share of the outlet's words inside quotations (issue 14).
    quote_share: float = 0.0
    speakers: tuple[SpeakerTotal, ...] = ()
    #: Mean tone of the outlet's sentences whose dominant frame is each frame (None: no such sentence).
    tone_by_frame: Mapping[str, float | None] = field(default_factory=lambda: EMPTY_MAPPING)
    #: Share of quoted words per speaker type (sums to 1 when anything is quoted). Quotations with
    #: no identified speaker count under ``other``; ``unattributed_share`` says how much of it they are.
    voice_by_type: Mapping[str, float] = field(default_factory=lambda: EMPTY_MAPPING)
    #: Share of quoted words whose quotation has no identified speaker (part of ``voice_by_type["other"]``).
    unattributed_share: float = 0.0
    #: Voice-aware scores pooled over the outlet's articles.
    voice: Voice = field(default_factory=Voice)
    #: As for an article, over the outlet's pooled articles.
    evidence_level: str = "none"
    emphasis_ci: dict[str, list[float]] = field(default_factory=dict)
    dominant_frame: str | None = None
    frame_words_by_frame: Mapping[str, int] = field(default_factory=lambda: EMPTY_MAPPING)
    #: ``[low, high]``: 95% bootstrap interval of ``tone`` over the outlet's sentences.
    tone_ci: list[float] = field(default_factory=list)
    #: In what share of the bootstrap resamples behind ``emphasis_ci`` ``dominant_frame`` has the
    #: largest share (``evidence.emphasis_uncertainty_of``); None without a dominant frame. Low means
    #: the lead over the runner-up could be chance: summaries then say the two are close.
    dominant_support: float | None = None


# weakref_slot: the dashboard's shared store knows a report only as long as some session shows it
# (ui.report_cache.PackedShare); nothing else about the report changes.
@dataclass(frozen=True, slots=True, weakref_slot=True)
class CorpusReport:
    """The full result of one analysis: the JSON schema is derived from this."""

    articles: tuple[ArticleReport, ...]
    outlets: tuple[OutletReport, ...]
    skipped: tuple[SkippedInput, ...] = ()
    lexicon: Mapping[str, str] = field(default_factory=lambda: EMPTY_MAPPING)
    # Coverage across outlets (issue 15; framing/coverage.py): which outlet reports which fact,
    # which passages are shared copy, and how each outlet names the same referent.
    facts: tuple[Fact, ...] = ()
    shared_passages: tuple[SharedPassage, ...] = ()
    reprints: tuple[Reprint, ...] = ()
    naming: tuple[Naming, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """Where an article states a fact: ``text[start:end]`` of article ``article``'s cleaned text."""

    article: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fact:
    """Sentences or clauses of several articles that state the same thing; ``text`` is one of them."""

    id: str
    text: str
    mentions: tuple[Mention, ...]
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SharedPassage:
    """A passage two articles share nearly word for word; ``spans[i]`` is in ``articles[i]``'s text."""

    articles: tuple[str, str]
    spans: tuple[tuple[int, int], tuple[int, int]]
    similarity: float


@dataclass(frozen=True, slots=True)
class Reprint:
    """Article ``article`` is mostly (``share`` of its words) a copy of article ``of``."""

    article: str
    of: str
    share: float


@dataclass(frozen=True, slots=True)
class NamingMention:
    """One naming of a referent: the form as written, where, and whether inside a quotation."""

    article: str
    start: int
    end: int
    form: str
    quoted: bool


@dataclass(frozen=True, slots=True)
class Naming:
    """How each outlet names one referent: ``forms[outlet][form]`` counts the outlet's own uses,
    ``quoted_forms`` the uses inside quotations (somebody else's words)."""

    referent: str
    forms: Mapping[str, Mapping[str, int]]
    quoted_forms: Mapping[str, Mapping[str, int]] = field(default_factory=lambda: EMPTY_MAPPING)
    mentions: tuple[NamingMention, ...] = ()


# Reports cross a pipe from the dashboard's analysis worker, and the server unpickles them on the
# thread every session shares. A frozen slots dataclass unpickles through dataclasses'
# ``__setstate__``, which looks up the fields again for every object (3.2 s for a 2,000-article
# report, measured); rebuilt by its own ``__init__`` from a tuple of its fields it takes about a
# quarter less, and pickling takes half the time.


def _field_reducer(cls: type) -> Any:
    names = tuple(f.name for f in fields(cls))

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, tuple(getattr(obj, name) for name in names)

    return reduce


for _cls in [value for value in list(globals().values())
             if isinstance(value, type) and is_dataclass(value) and value.__module__ == __name__]:
    copyreg.pickle(_cls, _field_reducer(_cls))
