"""Assemble the corpus the dashboard analyses: uploads, pasted text, outlet relabelling.

Pure functions over :mod:`framing.corpus` (no streamlit), so they are tested without a browser.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from framing.corpus import load_bytes, merge_load_results
from framing.types import Article, LoadResult

__all__ = ["MIN_PASTE_WORDS", "load_uploads", "apply_labels", "add_pasted", "paste_warnings"]

#: A pasted text shorter than this many words is added with a warning: one or two sentences give
#: frame shares of 0% or 100% and a tone from a word or two, which would mislead a class.
MIN_PASTE_WORDS = 50


def load_uploads(files: Iterable[tuple[str, bytes]]) -> LoadResult:
    """Load uploaded ``(name, bytes)`` pairs; bad files are skipped with a reason, good ones kept.

    Ids are made unique across files (two files may both have a row with id ``1``).

    Examples
    --------
    >>> result = load_uploads([("a.txt", b"Tariffs rose."), ("b.txt", b"   ")])
    >>> [a.id for a in result.articles], [(s.source, s.reason) for s in result.skipped]
    (['a'], [('b.txt', 'only whitespace')])
    """
    return merge_load_results(load_bytes(name, data) for name, data in files)


def apply_labels(articles: Sequence[Article], labels: Mapping[str, str]) -> tuple[Article, ...]:
    """Give articles the outlet labels a user typed (by article id); blank labels are ignored.

    Examples
    --------
    >>> a = Article(id="a", outlet="X", title="t", text="x")
    >>> [x.outlet for x in apply_labels([a], {"a": "  Daily  "})], apply_labels([a], {"a": " "})[0].outlet
    (['Daily'], 'X')
    """
    out = []
    for article in articles:
        label = " ".join(labels.get(article.id, "").split())
        out.append(dataclasses.replace(article, outlet=label) if label and label != article.outlet else article)
    return tuple(out)


def add_pasted(pasted: Sequence[Article], article: Article) -> tuple[tuple[Article, ...], bool]:
    """Append a pasted article unless the same text was pasted already; return (list, added)."""
    if any(p.id == article.id for p in pasted):
        return tuple(pasted), False
    return (*pasted, article), True


def paste_warnings(outlet: str, text: str, label: str) -> list[str]:
    """Warnings for a pasted article that was added: no outlet given, or too few words to score.

    ``label`` is the outlet label the article got (for a blank outlet, the loader's "Unknown outlet").

    Examples
    --------
    >>> paste_warnings("", "Two words", "Unknown outlet (pasted-1)")  # doctest: +NORMALIZE_WHITESPACE
    ["No outlet was given, so it is labelled 'Unknown outlet (pasted-1)'; rename it under Outlet labels.",
     'It has only 2 words: scores from fewer than 50 words mean little.']
    >>> paste_warnings("Daily", " ".join(["word"] * 60), "Daily")
    []
    """
    warnings = []
    if not outlet.strip():
        warnings.append(f"No outlet was given, so it is labelled '{label}'; rename it under Outlet labels.")
    words = len(text.split())
    if words < MIN_PASTE_WORDS:
        warnings.append(f"It has only {words} word{'s' * (words != 1)}: scores from fewer than "
                        f"{MIN_PASTE_WORDS} words mean little.")
    return warnings
