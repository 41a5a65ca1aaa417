"""Framing Lens: how outlets frame the same event (trade, security, diplomacy), with evidence.

The public API::

    from framing import analyze_paths, analyze_articles, load_lexicon
    report = analyze_paths(["data"])            # a read-only CorpusReport
    lexicon = load_lexicon()                    # the packaged frame lexicon (or load_lexicon("mine.csv"))

Names are imported on first use (PEP 562), so ``import framing.types`` stays light and the command
line starts without loading what it does not need.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: Public name -> the module that defines it.
_EXPORTS = {
    "analyze_paths": "pipeline",
    "analyze_articles": "pipeline",
    "load_lexicon": "lexicon",
    "load_default_lexicon": "lexicon",
    "load_tone_lexicon": "lexicon",
    "Lexicon": "lexicon",
    "ToneLexicon": "lexicon",
    "load_paths": "corpus",
    "Article": "types",
    "ArticleReport": "types",
    "CorpusReport": "types",
    "DistinctiveTerm": "types",
    "Evidence": "types",
    "LoadResult": "types",
    "OutletReport": "types",
    "Readability": "types",
    "Removal": "types",
    "SentenceReport": "types",
    "SkippedInput": "types",
    "Document": "types",
    "Fact": "types",
    "Mention": "types",
    "Naming": "types",
    "NamingMention": "types",
    "ParagraphReport": "types",
    "Quote": "types",
    "Reprint": "types",
    "SharedPassage": "types",
    "SpeakerTotal": "types",
    "Voice": "types",
    "VoiceScores": "types",
    "FRAMES": "types",
    "FramingError": "errors",
    "CorpusError": "errors",
    "LexiconError": "errors",
    "ModelNotFittedError": "errors",
}

__all__ = [
    "__version__",
    "analyze_paths",
    "analyze_articles",
    "load_lexicon",
    "load_default_lexicon",
    "load_tone_lexicon",
    "Lexicon",
    "ToneLexicon",
    "load_paths",
    "Article",
    "ArticleReport",
    "CorpusReport",
    "DistinctiveTerm",
    "Evidence",
    "LoadResult",
    "OutletReport",
    "Readability",
    "Removal",
    "SentenceReport",
    "SkippedInput",
    "Document",
    "Fact",
    "Mention",
    "Naming",
    "NamingMention",
    "ParagraphReport",
    "Quote",
    "Reprint",
    "SharedPassage",
    "SpeakerTotal",
    "Voice",
    "VoiceScores",
    "FRAMES",
    "FramingError",
    "CorpusError",
    "LexiconError",
    "ModelNotFittedError",
]

if TYPE_CHECKING:
    from .corpus import load_paths
    from .errors import CorpusError, FramingError, LexiconError, ModelNotFittedError
    from .lexicon import Lexicon, ToneLexicon, load_default_lexicon, load_lexicon, load_tone_lexicon
    from .pipeline import analyze_articles, analyze_paths
    from .types import (
        FRAMES,
        Article,
        ArticleReport,
        CorpusReport,
        DistinctiveTerm,
        Document,
        Evidence,
        Fact,
        LoadResult,
        Mention,
        Naming,
        NamingMention,
        OutletReport,
        ParagraphReport,
        Quote,
        Readability,
        Removal,
        Reprint,
        SentenceReport,
        SharedPassage,
        SkippedInput,
        SpeakerTotal,
        Voice,
        VoiceScores,
    )


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
