"""Domain errors: one base class so the UI and the CLI can catch everything we raise on purpose."""

from __future__ import annotations

import os
import traceback

from .textnorm import shorten

__all__ = ["FramingError", "CorpusError", "LexiconError", "ModelNotFittedError", "describe_failure"]

#: Characters of an exception's message kept in a reason shown to a reader.
FAILURE_MESSAGE_CHARS = 200


class FramingError(Exception):
    """Base class of every error this package raises deliberately."""


class CorpusError(FramingError, ValueError):
    """An input file or row cannot be turned into an article; the message names it and says why."""


class LexiconError(FramingError, ValueError):
    """A lexicon file is malformed; the message names the file, the line and the fix."""


class ModelNotFittedError(FramingError, RuntimeError):
    """A model was used before ``fit`` was called."""


def describe_failure(exc: BaseException) -> str:
    """An unexpected error as a reason's middle: its type, its message cut short, the line that raised it.

    For the skipped inputs of a step that failed on untrusted text (a bug our tests did not meet):
    enough for a reader to know what is missing and for a bug report to find the place.

    Examples
    --------
    >>> describe_failure(ValueError("bad span"))
    'ValueError: bad span'
    """
    where = ""
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ is not None else []
    if frames:
        where = f" at {os.path.basename(frames[-1].filename)}:{frames[-1].lineno}"
    message = shorten(str(exc).strip() or "no message", FAILURE_MESSAGE_CHARS)
    return f"{type(exc).__name__}: {message}{where}"
