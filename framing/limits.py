"""Limits that keep one upload from holding a shared classroom server, and the budget that applies them.

The dashboard loads uploads through a :class:`LoadBudget`; the command line passes none, so a
researcher's own machine analyses whatever it is given (each article is still cut to
``pipeline.MAX_ARTICLE_CHARS``). A server administrator may change the dashboard's figures with the
environment variables ``FRAMING_MAX_ARTICLES`` and ``FRAMING_MAX_UPLOAD_CHARS`` (README, "Limits of
a shared server"). No streamlit here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

__all__ = ["DASHBOARD_MAX_ARTICLES", "DASHBOARD_MAX_UPLOAD_CHARS", "LoadBudget", "dashboard_budget"]

#: Articles one dashboard analysis takes. A 2,000-article class corpus must fit (issue 5 measured
#: it: about 10 s of one core and 100 MB of report); 1.29 million tiny rows (issue 12) took 3 minutes
#: and 4.5 GB. Judgement: 2.5x the largest corpus a class was seen to use.
DASHBOARD_MAX_ARTICLES = 5_000
#: Characters of article text one dashboard upload (all files together) takes: about 1,000
#: long-form features or 5,000 news stories of 2,000 characters. Judgement, as above.
DASHBOARD_MAX_UPLOAD_CHARS = 10_000_000


def _env_int(name: str, default: int) -> int:
    """A positive integer from the environment, else ``default`` (a bad value is ignored)."""
    raw = os.environ.get(name, "").strip().replace("_", "").replace(",", "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else default


@dataclass(slots=True)
class LoadBudget:
    """How many articles and characters a load may still take; loaders ask it before each article.

    Mutable on purpose and private to one load: it counts down while the files of one upload are read.

    Examples
    --------
    >>> budget = LoadBudget(max_articles=2, max_chars=100)
    >>> budget.take(40), budget.take(70), budget.take(10)
    (True, False, False)
    >>> budget.reason()
    'the dashboard analyses at most 100 characters of article text per upload (a limit that keeps a shared server responsive; the command line has none)'
    """

    max_articles: int
    max_chars: int
    articles: int = 0
    chars: int = 0
    exhausted_by: str = field(default="")

    def take(self, chars: int) -> bool:
        """Count one article of ``chars`` characters if it fits; once one does not, nothing more does."""
        if self.exhausted_by:
            return False
        if self.articles >= self.max_articles:
            self.exhausted_by = self.exhausted_by or "articles"
            return False
        if self.chars + chars > self.max_chars:
            self.exhausted_by = self.exhausted_by or "chars"
            return False
        self.articles += 1
        self.chars += chars
        return True

    @property
    def full(self) -> bool:
        """True once an article was refused: later input is not read at all."""
        return bool(self.exhausted_by)

    def reason(self) -> str:
        """Why input was cut, naming the limit."""
        if self.exhausted_by == "chars":
            what = f"at most {self.max_chars:,} characters of article text per upload"
        else:
            what = f"at most {self.max_articles:,} articles at once"
        return f"the dashboard analyses {what} (a limit that keeps a shared server responsive; the command line has none)"


def dashboard_budget() -> LoadBudget:
    """A fresh budget with the dashboard's limits (environment overrides applied)."""
    return LoadBudget(
        max_articles=_env_int("FRAMING_MAX_ARTICLES", DASHBOARD_MAX_ARTICLES),
        max_chars=_env_int("FRAMING_MAX_UPLOAD_CHARS", DASHBOARD_MAX_UPLOAD_CHARS),
    )
