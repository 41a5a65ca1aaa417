"""Measure the cleaner on hand-labelled scraped pages (``cleaning_dev.jsonl``): which clutter lines go,
which article lines are wrongly lost.

Each page goes through the real loader (a ``.txt`` with YAML front matter built from the page's
``outlet``, ``title``, ``date`` and ``url``) and the real cleaner, exactly as ``framing analyze``
would read it. A raw line counts as removed when more than half of its non-space characters did not
reach the analysed text: they are inside a cleaning removal span, or the loader took them out (the
scraper's `` date YYYY-MM-DD`` stamp). This is the rule of the benchmark's README.
"""

from __future__ import annotations

import difflib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from .cleaning import clean_text
from .corpus import load_bytes
from .textnorm import shorten
from .types import Article, CleanedText

__all__ = [
    "CLEANING_FILE",
    "load_cleaning_benchmark",
    "removed_lines",
    "evaluate_cleaning",
    "format_cleaning_table",
    "cleaning_figures",
    "cleaning_table",
]

CLEANING_FILE = "cleaning_dev.jsonl"
#: A line is removed when more than this share of its non-space characters is gone (benchmark README).
REMOVED_SHARE = 0.5
#: Examples listed per miss type in the figures (enough to see a pattern, short enough to read).
EXAMPLES_PER_GROUP = 3
#: Characters of a line shown in an example.
EXAMPLE_CHARS = 90


def load_cleaning_benchmark(path: str | Path) -> list[dict[str, Any]]:
    """Read the labelled pages (one JSON object per line) from ``path`` (a file or its folder)."""
    path = Path(path)
    if path.is_dir():
        path = path / CLEANING_FILE
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _page_file(page: Mapping[str, Any]) -> bytes:
    """The page as a ``.txt`` with front matter, as a user would save it."""
    meta = {key: page[key] for key in ("outlet", "title", "date", "url") if page.get(key)}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{page['raw']}".encode()


def _analysed_chars(raw: str, article: Article, cleaned: CleanedText) -> list[bool]:
    """For each character of ``raw``: did it reach the analysed text?"""
    kept_in_body = [True] * len(article.text)
    for removal in cleaned.removed:
        for position in range(removal.start, removal.end):
            kept_in_body[position] = False
    reached = [False] * len(raw)
    offset = raw.find(article.text)
    if offset >= 0:
        for position, kept in enumerate(kept_in_body):
            reached[offset + position] = kept
        return reached
    # The loader changed the text (mojibake repaired): align the body with the raw page.
    matcher = difflib.SequenceMatcher(None, raw, article.text, autojunk=False)
    for tag, raw_start, raw_end, body_start, _ in matcher.get_opcodes():
        if tag == "equal":
            for step in range(raw_end - raw_start):
                reached[raw_start + step] = kept_in_body[body_start + step]
        elif tag == "replace":  # repaired characters: count them as kept where the body kept them
            for step in range(raw_end - raw_start):
                reached[raw_start + step] = kept_in_body[min(body_start + step, len(kept_in_body) - 1)]
    return reached


def removed_lines(raw: str, article: Article, cleaned: CleanedText) -> set[int]:
    """Indices of the ``raw.split("\\n")`` lines that count as removed (see the module docstring)."""
    reached = _analysed_chars(raw, article, cleaned)
    removed: set[int] = set()
    position = 0
    for index, line in enumerate(raw.split("\n")):
        chars = [position + n for n, char in enumerate(line) if not char.isspace()]
        if chars and sum(not reached[c] for c in chars) > REMOVED_SHARE * len(chars):
            removed.add(index)
        position += len(line) + 1
    return removed


def _rate(hit: int, total: int) -> float | None:
    return round(hit / total, 3) if total else None


def evaluate_cleaning(pages: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Clutter-line recall (overall, per kind, per event) and content lines wrongly removed.

    Returns a JSON-ready dict; ``missed_clutter`` and ``lost_content`` hold examples (page id, line
    index, gold kind, the cleaner's kind or None). They never hold the publisher's text, so the
    figures can be published; :func:`format_cleaning_table` shows the lines from the local file.
    """
    clutter: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    event_total: Counter[str] = Counter()
    event_caught: Counter[str] = Counter()
    content_total = 0
    lost: list[dict[str, Any]] = []
    missed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    kinds_agree = 0
    n_pages = 0
    for page in pages:
        n_pages += 1
        loaded = load_bytes(f"{page['id']}.txt", _page_file(page))
        if not loaded.articles:
            raise ValueError(f"page {page['id']} did not load: {loaded.skipped}")
        article = loaded.articles[0]
        cleaned = clean_text(article.text, title=article.title, outlet=article.outlet)
        gone = removed_lines(page["raw"], article, cleaned)
        offset = max(page["raw"].find(article.text), 0)
        kind_at = _removal_kind_by_line(page["raw"], offset, cleaned)
        for entry in page["lines"]:
            index, label, kind = entry["i"], entry["label"], entry.get("kind")
            example = {"page": page["id"], "line": index, "gold": kind, "cleaner": kind_at.get(index)}
            if label == "clutter":
                clutter[kind] += 1
                event_total[page["event"]] += 1
                if index in gone:
                    caught[kind] += 1
                    event_caught[page["event"]] += 1
                    kinds_agree += kind_at.get(index) == kind
                else:
                    missed[kind].append(example)
            elif label == "content":
                content_total += 1
                if index in gone:
                    lost.append(example)
    total, hit = sum(clutter.values()), sum(caught.values())
    return {
        "data": CLEANING_FILE,
        "n_pages": n_pages,
        "rule": "a line is removed when more than half of its non-space characters do not reach the analysis",
        "clutter_lines": total,
        "clutter_recall": _rate(hit, total),
        "clutter_removed": hit,
        "removed_with_the_same_kind": kinds_agree,
        "per_kind": {kind: {"lines": n, "removed": caught[kind], "recall": _rate(caught[kind], n)}
                     for kind, n in clutter.most_common()},
        "per_event": {event: {"lines": n, "removed": event_caught[event], "recall": _rate(event_caught[event], n)}
                      for event, n in sorted(event_total.items())},
        "content_lines": content_total,
        "content_removed": len(lost),
        "lost_content": lost,
        "missed_clutter": {kind: items[:EXAMPLES_PER_GROUP] for kind, items in sorted(missed.items())},
        "missed_clutter_count": {kind: len(items) for kind, items in sorted(missed.items())},
    }


def _removal_kind_by_line(raw: str, offset: int, cleaned: CleanedText) -> dict[int, str]:
    """The cleaner's kind for each raw line a removal starts on (for the examples)."""
    starts: dict[int, str] = {}
    line_starts = [0]
    for line in raw.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    for removal in cleaned.removed:
        position = offset + removal.start
        index = max(n for n, start in enumerate(line_starts) if start <= position)
        starts.setdefault(index, removal.kind)
    return starts


def format_cleaning_table(figures: Mapping[str, Any], pages: Sequence[Mapping[str, Any]] = ()) -> str:
    """Render :func:`evaluate_cleaning`'s figures as plain text; with ``pages``, examples show their line."""
    raw_lines = {page["id"]: page["raw"].split("\n") for page in pages}
    lines = [
        f"Cleaning: {figures['n_pages']} scraped pages, {figures['clutter_lines']} clutter lines, "
        f"{figures['content_lines']} content lines",
        f"clutter recall {figures['clutter_recall']} ({figures['clutter_removed']} of {figures['clutter_lines']}); "
        f"content lines wrongly removed: {figures['content_removed']} of {figures['content_lines']}",
        f"{'kind':<22}{'lines':>6}{'removed':>9}{'recall':>8}",
    ]
    for kind, block in figures["per_kind"].items():
        recall = "" if block["recall"] is None else f"{block['recall']:.2f}"
        lines.append(f"{kind:<22}{block['lines']:>6}{block['removed']:>9}{recall:>8}")
    for title, groups in (("Missed clutter", figures["missed_clutter"]), ("Lost content", _by_kind(figures["lost_content"]))):
        if groups:
            lines.append(f"{title} (examples):")
        for kind, items in groups.items():
            for item in items:
                text = raw_lines.get(item["page"], [])
                shown = shorten(" ".join(text[item["line"]].split()), EXAMPLE_CHARS) if item["line"] < len(text) else ""
                lines.append(f"  {kind:<20} {item['page']}:{item['line']:<4} cleaner: {item['cleaner'] or '-':<18} {shown}")
    return "\n".join(lines) + "\n"


def _by_kind(items: Sequence[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for item in items:
        groups[str(item["gold"])].append(item)
    return dict(groups)


def cleaning_figures(data_dir: str | Path) -> dict[str, Any]:
    """``{"cleaning": figures}`` when ``data_dir`` holds the cleaning benchmark, else ``{}`` (optional file)."""
    path = Path(data_dir) / CLEANING_FILE
    if not path.is_file():
        return {}
    return {"cleaning": {**evaluate_cleaning(load_cleaning_benchmark(path)), "data_dir": str(data_dir)}}


def cleaning_table(figures: Mapping[str, Any]) -> str:
    """The cleaning part of ``framing validate``'s table ("" without cleaning figures)."""
    block = figures.get("cleaning")
    if not isinstance(block, Mapping):
        return ""
    path = Path(str(block.get("data_dir", ""))) / CLEANING_FILE
    pages = load_cleaning_benchmark(path) if path.is_file() else []
    return "\n" + format_cleaning_table(block, pages)
