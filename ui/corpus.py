"""Assemble the corpus the dashboard analyses: uploads, pasted text, outlet relabelling.

Pure functions over :mod:`framing.corpus` (no streamlit), so they are tested without a browser.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from framing.corpus import load_bytes, merge_load_results
from framing.types import Article, LoadResult

__all__ = ["load_uploads", "apply_labels", "add_pasted"]


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
