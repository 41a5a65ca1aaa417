"""Where ``framing validate`` finds the labelled benchmark files.

Kept apart from ``validate.py`` so the command line can name them in its help without importing the
validation code (which loads only when ``validate`` runs).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DEFAULT_DATA_DIR", "TONE_FILE", "EMPHASIS_FILE"]

#: Where ``python -m framing validate`` looks when no ``--data`` is given (relative to the working dir).
DEFAULT_DATA_DIR = Path("../shared/benchmarks")
TONE_FILE = "tone_nyt_editorial_dev.csv"
EMPHASIS_FILE = "emphasis_allsides_dev.jsonl"
