"""Domain errors: one base class so the UI and the CLI can catch everything we raise on purpose."""

from __future__ import annotations

__all__ = ["FramingError", "CorpusError", "LexiconError", "ModelNotFittedError"]


class FramingError(Exception):
    """Base class of every error this package raises deliberately."""


class CorpusError(FramingError, ValueError):
    """An input file or row cannot be turned into an article; the message names it and says why."""


class LexiconError(FramingError, ValueError):
    """A lexicon file is malformed; the message names the file, the line and the fix."""


class ModelNotFittedError(FramingError, RuntimeError):
    """A model was used before ``fit`` was called."""
