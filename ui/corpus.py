"""Assemble the corpus the dashboard analyses: uploads, pasted text, outlet relabelling.

Pure functions over :mod:`framing.corpus` (no streamlit), so they are tested without a browser.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping, Sequence

from framing.cleaning import CLEANED_AWAY_NOTE_START
from framing.corpus import load_bytes, merge_load_results
from framing.export import truncation_notes
from framing.language import NO_WORDS_NOTE
from framing.limits import LoadBudget
from framing.textnorm import clean_label
from framing.types import Article, CorpusReport, LoadResult, SkippedInput

__all__ = [
    "MIN_PASTE_WORDS", "SKIPPED_SHOWN", "load_uploads", "apply_labels", "add_pasted", "paste_refusal", "paste_warnings",
    "no_words_message", "truncation_message", "unlabelled_uploads_note",
]

#: A pasted text shorter than this many words is added with a warning: one or two sentences give
#: frame shares of 0% or 100% and a tone from a word or two, which would mislead a class.
MIN_PASTE_WORDS = 50
#: Skipped inputs listed one by one in the sidebar; the rest are counted (each is a widget).
SKIPPED_SHOWN = 20
#: Articles named in one of the dashboard's notices (truncated, without words); the rest are counted.
TRUNCATED_NAMED = 5


def load_uploads(files: Iterable[tuple[str, bytes]], *, budget: LoadBudget | None = None) -> LoadResult:
    """Load uploaded ``(name, bytes)`` pairs; bad files are skipped with a reason, good ones kept.

    Ids are made unique across files (two files may both have a row with id ``1``). A file whose
    bytes equal an earlier one's is counted once, with a note (a repeated paste is refused too).
    ``budget`` (the dashboard's limits) is shared by all the files: what it cannot take is listed.

    Examples
    --------
    >>> result = load_uploads([("a.txt", b"Tariffs rose."), ("b.txt", b"   "), ("c.txt", b"Tariffs rose.")])
    >>> [a.id for a in result.articles], [(s.source, s.reason) for s in result.skipped]
    (['a'], [('b.txt', 'only whitespace'), ('c.txt', 'the same content as a.txt, uploaded already; counted once')])
    """
    seen: dict[str, str] = {}
    results = []
    for name, data in files:
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            reason = f"the same content as {seen[digest]}, uploaded already; counted once"
            results.append(LoadResult(articles=(), skipped=(SkippedInput(source=name, reason=reason),)))
            continue
        seen[digest] = name
        results.append(load_bytes(name, data, budget=budget))
    return merge_load_results(results)


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
        label = clean_label(labels.get(article.id, ""))
        out.append(dataclasses.replace(article, outlet=label) if label and label != article.outlet else article)
    return tuple(out)


def add_pasted(pasted: Sequence[Article], article: Article) -> tuple[tuple[Article, ...], bool]:
    """Append a pasted article unless the same text was pasted already; return (list, added)."""
    if any(p.id == article.id for p in pasted):
        return tuple(pasted), False
    return (*pasted, article), True


def paste_refusal(pasted: Sequence[Article], article: Article, budget: LoadBudget) -> str | None:
    """Why ``article`` may not join the pasted ones under the dashboard's limits, or None when it may.

    Pasted articles count like an upload: at most ``budget.max_articles`` of them and
    ``budget.max_chars`` characters together (issue 12: pasting was the one way around the limits).

    Examples
    --------
    >>> a = Article(id="a", outlet="A", title="t", text="x" * 60)
    >>> b = Article(id="b", outlet="B", title="t", text="y" * 60)
    >>> paste_refusal([a], b, LoadBudget(max_articles=5, max_chars=100))
    'Not added: the dashboard analyses at most 100 characters of article text per upload (a limit that keeps a shared server responsive; the command line has none). Clear the pasted articles or analyse more on the command line.'
    >>> paste_refusal([a], b, LoadBudget(max_articles=5, max_chars=1_000)) is None
    True
    """
    for earlier in (*pasted, article):
        if not budget.take(len(earlier.text)):
            return f"Not added: {budget.reason()}. Clear the pasted articles or analyse more on the command line."
    return None


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


#: The loader's label for an article whose file gave no outlet (``framing.corpus``): "Unknown outlet (<file>)".
UNKNOWN_OUTLET_PREFIX = "Unknown outlet ("


def unlabelled_uploads_note(articles: Sequence[Article]) -> str | None:
    """The sidebar's note when uploaded files gave no outlet, or None.

    A .txt or .md file without front matter has no outlet: the loader labels it after the file and never
    guesses a name, so a class should know where the label came from and how to change it.

    Examples
    --------
    >>> a = Article(id="tass_report", outlet="Unknown outlet (tass_report)", title="t", text="x", source="tass_report.txt")
    >>> print(unlabelled_uploads_note([a]))
    1 article gave no outlet, so it is labelled after its file ('Unknown outlet (tass_report)'). Rename it under Outlet labels, or start the file with front matter: '---' / 'outlet: Name' / '---'.
    """
    unknown = [a for a in articles if a.outlet.startswith(UNKNOWN_OUTLET_PREFIX)]
    if not unknown:
        return None
    n = len(unknown)
    example = unknown[0].outlet
    which = (f"1 article gave no outlet, so it is labelled after its file ('{example}'). Rename it" if n == 1 else
             f"{n:,} articles gave no outlet, so each is labelled after its file (e.g. '{example}'). Rename them")
    return f"{which} under Outlet labels, or start the file with front matter: '---' / 'outlet: Name' / '---'."


def truncation_message(report: CorpusReport) -> str | None:
    """The dashboard's notice naming the articles cut to the per-article limit, or None.

    Examples
    --------
    >>> from framing.pipeline import analyze_articles
    >>> long = Article(id="a", outlet="A", title="Long read", text="word " * 30_000, source="long.txt")
    >>> print(truncation_message(analyze_articles([long])))
    1 article was longer than the 100,000 characters analysed per article; only its beginning was scored: "Long read" (long.txt): only the first 99,999 of 149,999 characters were analysed.
    """
    from framing.pipeline import MAX_ARTICLE_CHARS

    cut = truncation_notes(report)
    if not cut:
        return None
    named = _name_articles([f'"{a.title}" ({a.source or a.id}): {note.split(": ", 1)[-1]}' for a, note in cut])
    subject = "1 article was" if len(cut) == 1 else f"{len(cut):,} articles were"
    whose = "its" if len(cut) == 1 else "their"
    return (f"{subject} longer than the {MAX_ARTICLE_CHARS:,} characters analysed per article; only {whose} "
            f"beginning was scored: {named}.")


def analysis_failures_message(report: CorpusReport, loaded_skipped: Sequence[SkippedInput]) -> str | None:
    """The dashboard's notice naming what the analysis had to leave out, or None: articles that loaded
    but broke a step (``pipeline.prepare_or_skip``) and parts of the coverage step that failed.

    The sidebar lists the files that did not load; without this notice an article skipped later would
    silently be missing from every page, and an empty Coverage page would look like no shared facts.

    Examples
    --------
    >>> report = CorpusReport(articles=(), outlets=(), skipped=(SkippedInput("b.txt", "article 'b' could not be analysed (ValueError: x); the other articles were"),))
    >>> print(analysis_failures_message(report, ()))
    1 article could not be analysed and is left out of every page: b.txt: article 'b' could not be analysed (ValueError: x); the other articles were.
    """
    from framing.coverage import COVERAGE_SOURCE

    seen = set(loaded_skipped)
    later = [item for item in report.skipped if item not in seen]
    failed = [item for item in later if item.source != COVERAGE_SOURCE]
    parts = []
    if failed:
        listed = "; ".join(f"{item.source}: {item.reason}" for item in failed[:SKIPPED_SHOWN])
        more = f"; and {len(failed) - SKIPPED_SHOWN:,} more (the Export page's JSON lists every one)" if len(failed) > SKIPPED_SHOWN else ""
        subject = "1 article could not be analysed and is" if len(failed) == 1 else \
            f"{len(failed):,} articles could not be analysed and are"
        parts.append(f"{subject} left out of every page: {listed}{more}.")
    for item in later:
        if item.source == COVERAGE_SOURCE:
            parts.append(f"The Coverage page is incomplete: {item.reason}.")
    return " ".join(parts) or None


def no_words_message(report: CorpusReport) -> str | None:
    """The dashboard's notice naming the articles without a word (emoji, numbers, invisible characters, or
    cleaning removed every one), or None.

    Their scores are all 0 and mean nothing; the report's notes say so (issue 12 item 7), and a page
    that only shows a 0-word row would not.

    Examples
    --------
    >>> from framing.pipeline import analyze_articles
    >>> empty = Article(id="a", outlet="A", title="Smiles", text="\U0001f600 \u200b 2025", source="smiles.txt")
    >>> print(no_words_message(analyze_articles([empty])))
    1 article has no words (only numbers, emoji, symbols or invisible characters), so its scores are 0 and mean nothing: "Smiles" (smiles.txt).
    """
    empty = [a for a in report.articles if NO_WORDS_NOTE in a.notes]
    cleaned_away = [a for a in report.articles if any(n.startswith(CLEANED_AWAY_NOTE_START) for n in a.notes)]
    parts = []
    if empty:
        named = _name_articles([f'"{a.title}" ({a.source or a.id})' for a in empty])
        subject = "1 article has" if len(empty) == 1 else f"{len(empty):,} articles have"
        whose = "its" if len(empty) == 1 else "their"
        parts.append(f"{subject} no words (only numbers, emoji, symbols or invisible characters), so {whose} scores "
                     f"are 0 and mean nothing: {named}.")
    if cleaned_away:
        named = _name_articles([f'"{a.title}" ({a.source or a.id})' for a in cleaned_away])
        subject = "1 article" if len(cleaned_away) == 1 else f"{len(cleaned_away):,} articles"
        whose = "its" if len(cleaned_away) == 1 else "their"
        parts.append(f"For {subject}, cleaning removed all of {whose} text as page clutter (a byline, a caption, "
                     f"a link or an appeal), so {whose} scores are 0 and mean nothing: {named}.")
    return " ".join(parts) or None


def _name_articles(described: Sequence[str]) -> str:
    """The first ``TRUNCATED_NAMED`` of a notice's articles, joined, and how many more there are."""
    named = "; ".join(described[:TRUNCATED_NAMED])
    if len(described) > TRUNCATED_NAMED:
        named += f"; and {len(described) - TRUNCATED_NAMED:,} more (the Export page lists every note)"
    return named
