"""The per-article steps of the analysis as components: each is built with its data and reads a Document.

A component has a ``name`` and a pure ``__call__(document)``; the pipeline is an ordered tuple of them
(:func:`default_components`) and runs each once per article on the one Document ``segment`` built.
A caller can pass its own tuple to ``pipeline.analyze_articles(components=...)``, for example a
``ToneScorer`` built with another tone lexicon; every name in :data:`REQUIRED` must be present
because the report is assembled from those results. Corpus-level steps (the IDF of ``FrameModel``,
distinctive words, outlet aggregates) are reduce steps over these per-article results.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Protocol, runtime_checkable

from .distinctive import count_words
from .frames import TermMatcher
from .language import language_note
from .lexicon import Lexicon, ToneLexicon
from .readability import measure_document
from .senses import ContextRules, load_default_rules
from .tone import score_tone
from .types import Document, Evidence, Readability, Span

__all__ = [
    "Component",
    "REQUIRED",
    "LanguageCheck",
    "ReadabilityScorer",
    "FrameMatcher",
    "ToneScorer",
    "WordCounter",
    "SentenceTone",
    "TermMatches",
    "default_components",
    "check_components",
]

#: The component names the report is built from, in the default order.
REQUIRED = ("language", "readability", "frames", "tone", "words")

#: ``(term index, start, end)`` of each lexicon match in one document, in text order.
TermMatches = tuple[tuple[int, int, int], ...]
#: One sentence's span, tone in [-1, 1] and tone evidence.
SentenceTone = tuple[Span, float, tuple[Evidence, ...]]


@runtime_checkable
class Component(Protocol):
    """What the pipeline needs of a step: a name and a pure function of a Document."""

    name: str

    def __call__(self, document: Document) -> Any: ...


class LanguageCheck:
    """A note when the article does not look English (``language.language_note``), else None."""

    name = "language"

    def __call__(self, document: Document) -> str | None:
        return language_note(document.text, document.tokens)


class ReadabilityScorer:
    """Flesch reading ease and grade from the Document's words, sentences and syllables."""

    name = "readability"

    def __call__(self, document: Document) -> Readability:
        return measure_document(document)


class FrameMatcher:
    """Lexicon matches of one Document (phrases first, longest wins); ``FrameModel`` weighs them."""

    name = "frames"

    def __init__(self, lexicon: Lexicon, rules: ContextRules | None = None) -> None:
        self.lexicon = lexicon
        self.matcher = TermMatcher(lexicon)
        #: Sense and context rules (``lexicons/frame_rules.csv``): matches they drop are not evidence.
        self.rules = rules if rules is not None else load_default_rules()

    def __call__(self, document: Document) -> TermMatches:
        found = self.matcher.find(document.tokens, document.text)
        kept, _ = self.rules(document.tokens, found, self.lexicon.terms, document.text)
        return tuple(kept)


class ToneScorer:
    """Tone of every sentence of a Document with the tone lexicon it was built with.

    Examples
    --------
    >>> from framing.lexicon import load_tone_lexicon
    >>> from framing.segment import build_document
    >>> [tone > 0 for _, tone, _ in ToneScorer(load_tone_lexicon())(build_document("A success. A failure."))]
    [True, False]
    """

    name = "tone"

    def __init__(self, lexicon: ToneLexicon) -> None:
        self.lexicon = lexicon

    def __call__(self, document: Document) -> tuple[SentenceTone, ...]:
        scored = []
        for index, span in enumerate(document.sentences):
            # text: the capitals the name rules read ("Dick Cheney"); offsets point into it.
            tone, evidence = score_tone(document.sentence_tokens(index), lexicon=self.lexicon, text=document.text)
            scored.append((span, tone, evidence))
        return tuple(scored)


class WordCounter:
    """Content lemmas of a Document, counted for the distinctive-words reduce step."""

    name = "words"

    def __call__(self, document: Document) -> Counter[str]:
        return count_words(document.tokens, document.text)


def default_components(
    *, lexicon: Lexicon, tone_lexicon: ToneLexicon, rules: ContextRules | None = None
) -> tuple[Component, ...]:
    """Return the standard pipeline, in order, built with the given frame and tone lexicons and sense rules."""
    from .quotes import QuoteFinder  # issue 14: who speaks (optional: not in REQUIRED)

    return (LanguageCheck(), ReadabilityScorer(), FrameMatcher(lexicon, rules), ToneScorer(tone_lexicon), WordCounter(),
            QuoteFinder())


def check_components(components: tuple[Component, ...]) -> dict[str, Component]:
    """Return the components by name; raise ``ValueError`` when a name is missing or repeated."""
    by_name: dict[str, Component] = {}
    for component in components:
        name = getattr(component, "name", None)
        if not isinstance(name, str) or not callable(component):
            raise ValueError(f"{component!r} is not a component: it needs a 'name' and __call__(document)")
        if name in by_name:
            raise ValueError(f"two components are named {name!r}; keep one per name")
        by_name[name] = component
    missing = [n for n in REQUIRED if n not in by_name]
    if missing:
        raise ValueError(f"components lack {', '.join(missing)}; the report is built from {', '.join(REQUIRED)}")
    return by_name
