"""Quote finding against our own annotations of the cleaning dev pages (offsets and labels only).

``tests/data/quotes_dev_annotations.json`` holds, per page id of ``cleaning_dev.jsonl``, the
direct quotes and reported speech one coder marked: character offsets into the page's ``raw``
text, the kind, the offsets of the speaker's mention (the named antecedent for "he" or "the
spokesperson") and the speaker type. The publishers' text itself stays in the benchmark folder.

The finder runs on each page's content lines only (clutter lines blanked with spaces, so offsets
are unchanged; one line is one paragraph, as the pages print them), which measures quote finding,
not cleaning. A found quote matches a gold quote of the same kind when their overlap covers at
least ``MATCH_OVERLAP`` of the shorter one (one-to-one, in order). Speaker correct: the found
speaker and the gold mention share their head word (last word of either appears in the other),
or both have none.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from .errors import FramingError
from .quotes import QuoteFinder
from .segment import split_sentences
from .types import Quote, Span
from .validate import count_scores

__all__ = [
    "ALLSIDES_DEV_ANNOTATIONS", "ANNOTATIONS", "FRESH2_ANNOTATIONS", "FRESH3_ANNOTATIONS", "FRESH4_ANNOTATIONS", "FRESH_ANNOTATIONS", "FRESH_FILE", "MATCH_OVERLAP", "QUOTES_FILE", "content_view",
    "evaluate_article_quotes", "evaluate_fresh_quotes", "evaluate_quotes", "format_quotes_table", "load_annotations", "tuning_split",
]

QUOTES_FILE = "cleaning_dev.jsonl"
#: Our annotations, kept with the tests (offsets and labels, never text).
ANNOTATIONS = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_dev_annotations.json"
#: A fresh check, annotated before the finder ever ran on those articles and never tuned on:
#: full AllSides articles (``content_original``) of the emphasis dev set, offsets and labels only.
FRESH_FILE = "emphasis_allsides_dev.jsonl"
FRESH_ANNOTATIONS = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_fresh_annotations.json"
#: A second fresh check (session 8), annotated before the finder ran on its articles, measured
#: once blind before any fix; whole articles of the emphasis and off-topic dev sets in no other file.
FRESH2_ANNOTATIONS = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_fresh2_annotations.json"
#: A third fresh check (session 9), annotated before the finder ran on its articles, measured once
#: blind before any fix of that session (``blind_measure`` in the file); emphasis dev articles in no other file.
FRESH3_ANNOTATIONS = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_fresh3_annotations.json"
#: A fourth fresh check (session 10), annotated before the finder ran on its articles, measured once
#: blind before any fix of that session (``blind_measure``); emphasis and off-topic dev articles in no other file.
FRESH4_ANNOTATIONS = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_fresh4_annotations.json"
#: More dev annotations (session 6): whole AllSides articles of the emphasis and off-topic dev sets,
#: none of them in the fresh check; annotated before the finder ran on them, tuned on since.
ALLSIDES_DEV_ANNOTATIONS = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes_dev_allsides_annotations.json"
#: Share of the shorter span two quotes must share to count as the same quote: reported clauses have
#: fuzzy ends ("…, after eight ships shadowed them" may or may not belong to the clause).
MATCH_OVERLAP = 0.5
_WORD = re.compile(r"[^\W_]+")
_ROLE_WORDS = frozenset({"the", "a", "an", "s", "said", "of"})


def load_annotations(path: str | Path = ANNOTATIONS) -> dict[str, list[dict[str, object]]]:
    """Return the annotated pages: page id -> list of gold quotes (offsets into ``raw``)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise FramingError(f"cannot read quote annotations {path}: {exc.strerror or exc}") from exc
    pages = data["pages"]
    assert isinstance(pages, dict)
    return pages


def content_view(page: Mapping[str, object]) -> tuple[str, list[Span], list[Span]]:
    """The page's raw text with clutter lines blanked, its paragraphs (content lines) and sentences.

    Examples
    --------
    >>> page = {"raw": "Menu\\nChina said it was ready to talk.", "lines": [{"i": 0, "label": "clutter"}, {"i": 1, "label": "content"}]}
    >>> text, paragraphs, sentences = content_view(page)
    >>> text[:5], [(p.start, p.end) for p in paragraphs]
    ('    \\n', [(5, 37)])
    """
    raw = str(page["raw"])
    lines = raw.split("\n")
    entries = page["lines"]
    assert isinstance(entries, list)
    labels = {int(e["i"]): e["label"] for e in entries}
    kept: list[str] = []
    paragraphs: list[Span] = []
    sentences: list[Span] = []
    offset = 0
    for i, line in enumerate(lines):
        content = labels.get(i) == "content"
        kept.append(line if content else " " * len(line))
        stripped = line.strip()
        if content and stripped:
            start = offset + line.index(stripped)
            paragraphs.append(Span(start, start + len(stripped), len(paragraphs)))
            for s in split_sentences(stripped):
                sentences.append(Span(start + s.start, start + s.end, paragraphs[-1].paragraph))
        offset += len(line) + 1
    return "\n".join(kept), paragraphs, sentences


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared / max(1, min(a[1] - a[0], b[1] - b[0])) if shared > 0 else 0.0


def _head_match(found: str | None, gold: str | None) -> bool:
    if not found or not gold:
        return not found and not gold
    f = [w for w in _WORD.findall(found.lower().replace("’s", "").replace("'s", "")) if w not in _ROLE_WORDS]
    g = [w for w in _WORD.findall(gold.lower().replace("’s", "").replace("'s", "")) if w not in _ROLE_WORDS]
    return bool(f and g) and (f[-1] in g or g[-1] in f)


def _prf(tp: int, n_found: int, n_gold: int) -> dict[str, float | int]:
    scores = count_scores(tp, n_found - tp, n_gold - tp)
    return {"precision": scores["precision"], "recall": scores["recall"], "f1": scores["f1"],
            "matched": tp, "found": n_found, "gold": n_gold}


def tuning_split(annotations: str | Path = ANNOTATIONS) -> dict[str, list[str]]:
    """The dev pages the rules were first tuned on (``tune``) and the ones annotated blind later
    (``blind``, listed in the annotation file), so each half can be reported on its own; pages
    annotated in a later round (``added_pages``) form a third group, ``added``."""
    data = json.loads(Path(annotations).read_text(encoding="utf-8"))
    blind = set(data.get("blind_pages", ()))
    added = set(data.get("added_pages", ()))
    split = {"tune": sorted(p for p in data["pages"] if p not in blind | added), "blind": sorted(p for p in data["pages"] if p in blind)}
    if added:
        split["added"] = sorted(p for p in data["pages"] if p in added)
    return split


def evaluate_quotes(data_dir: str | Path, *, annotations: str | Path = ANNOTATIONS,
                    finder: QuoteFinder | None = None, pages: Collection[str] | None = None) -> dict[str, object]:
    """Precision, recall and F1 per kind and speaker accuracy on the annotated dev pages (all of
    them, or only the ids in ``pages``)."""
    source = Path(data_dir) / QUOTES_FILE
    if not source.is_file():
        raise FramingError(f"{source} not found: quote validation needs the cleaning dev pages")
    gold_pages = load_annotations(annotations)
    if pages is not None:
        gold_pages = {k: v for k, v in gold_pages.items() if k in pages}
    with source.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    views = ((str(row["id"]), *content_view(row), gold_pages[row["id"]]) for row in rows if row["id"] in gold_pages)
    return _score(views, len(gold_pages), finder or QuoteFinder())


def evaluate_fresh_quotes(data_dir: str | Path, *, annotations: str | Path = FRESH_ANNOTATIONS,
                          finder: QuoteFinder | None = None) -> dict[str, object]:
    """The same figures on the fresh check: whole articles, one paragraph a line, the lines we
    marked as embeds or page furniture (``clutter_lines``) blanked as :func:`content_view` does."""
    return evaluate_article_quotes(data_dir, annotations=annotations, finder=finder)


def evaluate_article_quotes(data_dir: str | Path, *, annotations: str | Path = ALLSIDES_DEV_ANNOTATIONS,
                            finder: QuoteFinder | None = None) -> dict[str, object]:
    """The figures of :func:`evaluate_quotes` on annotated whole articles of the AllSides files:
    each page entry names its ``source_file`` (default the emphasis dev set) and the
    ``clutter_lines`` blanked as :func:`content_view` does."""
    try:
        gold_pages = json.loads(Path(annotations).read_text(encoding="utf-8"))["pages"]
    except OSError as exc:
        raise FramingError(f"cannot read quote annotations {annotations}: {exc.strerror or exc}") from exc
    wanted: dict[str, set[str]] = {}
    for article_id, entry in gold_pages.items():
        wanted.setdefault(str(entry.get("source_file", FRESH_FILE)), set()).add(article_id)
    texts: dict[str, str] = {}
    for name, ids in sorted(wanted.items()):
        source = Path(data_dir) / name
        if not source.is_file():
            raise FramingError(f"{source} not found: the quote check on whole articles needs {name}")
        with source.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line) if line.strip() else None
                if row is not None and row["ID"] in ids:
                    texts[str(row["ID"])] = str(row["content_original"])
    views = []
    for article_id, entry in gold_pages.items():
        if article_id not in texts:
            continue
        raw = texts[article_id]
        clutter = set(entry["clutter_lines"])
        labels = [{"i": i, "label": "clutter" if i in clutter else "content"} for i in range(raw.count("\n") + 1)]
        views.append((article_id, *content_view({"raw": raw, "lines": labels}), entry["quotes"]))
    return _score(views, len(gold_pages), finder or QuoteFinder())


def _score(views: Iterable[tuple[str, str, list[Span], list[Span], list[dict[str, object]]]], n_pages: int,
           finder: QuoteFinder) -> dict[str, object]:
    counts = {kind: [0, 0, 0] for kind in ("direct", "indirect")}
    speaker_ok = type_ok = matched_total = 0
    errors: list[dict[str, object]] = []
    for page_id, text, paragraphs, sentences, gold in views:
        found = list(finder(text, paragraphs=paragraphs, sentences=sentences))
        used: set[int] = set()
        for kind, tally in counts.items():
            f_kind = [q for q in found if q.kind == kind]
            g_kind = [(i, g) for i, g in enumerate(gold) if g["kind"] == kind]
            tally[1] += len(f_kind)
            tally[2] += len(g_kind)
            for q in f_kind:
                best = max((( _overlap((q.start, q.end), (int(g["start"]), int(g["end"]))), i, g) for i, g in g_kind if i not in used),  # type: ignore[call-overload]
                           default=None, key=lambda item: item[0])
                if best is None or best[0] < MATCH_OVERLAP:
                    errors.append({"page": page_id, "error": "false positive", "kind": kind, "start": q.start, "end": q.end})
                    continue
                _, i, g = best
                used.add(i)
                tally[0] += 1
                matched_total += 1
                gold_speaker = text[int(g["speaker_start"]):int(g["speaker_end"])] if g.get("speaker_start") is not None else None  # type: ignore[call-overload]
                if _head_match(q.speaker, gold_speaker):
                    speaker_ok += 1
                else:
                    errors.append({"page": page_id, "error": "wrong speaker", "kind": kind, "start": q.start, "end": q.end})
                if _same_type(q, str(g["speaker_type"])):
                    type_ok += 1
        for i, g in enumerate(gold):
            if i not in used:
                errors.append({"page": page_id, "error": "missed", "kind": g["kind"], "start": g["start"], "end": g["end"]})
    return {
        "pages": n_pages,
        "match": f"same kind, overlap >= {MATCH_OVERLAP} of the shorter span, one-to-one",
        "direct": _prf(*counts["direct"]),
        "indirect": _prf(*counts["indirect"]),
        "speaker_correct": round(speaker_ok / matched_total, 3) if matched_total else 0.0,
        "speaker_type_correct": round(type_ok / matched_total, 3) if matched_total else 0.0,
        "matched": matched_total,
        "errors": errors,
    }


def quote_figures(data_dir: str | Path) -> dict[str, object]:
    """The figures of :func:`evaluate_quotes` for ``framing validate``: without the per-quote error
    list, and with the reason instead when the pages or our annotations are not there. Added: the
    same figures on the first-tuned pages and on the later blind half (``halves``), on the whole
    AllSides dev articles annotated later (``allsides_dev``), on the first fresh check (``fresh``,
    tuned on since session 8), on the second one (``fresh2``), on the third (``fresh3``) and on the
    fourth (``fresh4``), each reported on its own."""
    try:
        figures = evaluate_quotes(data_dir)
    except FramingError as exc:
        return {"skipped": str(exc)}
    errors = figures.pop("errors")
    assert isinstance(errors, list)
    figures["error_counts"] = dict(sorted(Counter(f"{e['error']} {e['kind']}" for e in errors).items()))
    halves = {}
    for name, ids in tuning_split().items():
        half = evaluate_quotes(data_dir, pages=ids)
        halves[name] = {key: half[key] for key in ("pages", "direct", "indirect", "speaker_correct", "matched")}
    figures["halves"] = halves
    checks = (("allsides_dev", ALLSIDES_DEV_ANNOTATIONS), ("fresh", FRESH_ANNOTATIONS), ("fresh2", FRESH2_ANNOTATIONS),
              ("fresh3", FRESH3_ANNOTATIONS), ("fresh4", FRESH4_ANNOTATIONS))
    for name, gold_file in checks:
        try:
            checked = evaluate_article_quotes(data_dir, annotations=gold_file)
        except FramingError as exc:
            figures[name] = {"skipped": str(exc)}
        else:
            checked.pop("errors")
            figures[name] = checked
    return figures


def _same_type(found: Quote, gold: str) -> bool:
    return found.speaker_type == gold or (gold.startswith("government") and found.speaker_type == gold)


def format_quotes_table(figures: Mapping[str, object]) -> str:
    """Render :func:`evaluate_quotes` figures as plain-text lines (the reason, where they were skipped)."""
    if "skipped" in figures:  # the pages or our annotations are not there (quote_figures)
        return f"Quotes: skipped ({figures['skipped']})\n"
    lines = [f"Quotes: {figures['pages']} annotated dev pages ({figures['match']})",
             f"{'kind':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'found':>7}{'gold':>6}"]
    for kind in ("direct", "indirect"):
        block = figures[kind]
        assert isinstance(block, Mapping)
        lines.append(f"{kind:<12}{block['precision']:>10.3f}{block['recall']:>8.3f}{block['f1']:>7.3f}{block['found']:>7}{block['gold']:>6}")
    lines.append(f"speaker correct on {figures['matched']} matched quotes: {figures['speaker_correct']:.3f}; "
                 f"speaker type correct: {figures['speaker_type_correct']:.3f}")
    extra = dict(figures.get("halves") or {})  # type: ignore[call-overload]
    if isinstance(figures.get("allsides_dev"), Mapping) and ("direct" in figures["allsides_dev"] or "skipped" in figures["allsides_dev"]):  # type: ignore[operator]
        extra["AllSides dev articles"] = figures["allsides_dev"]
    for key, label in (("fresh", "fresh check 1"), ("fresh2", "fresh check 2"), ("fresh3", "fresh check 3"),
                       ("fresh4", "fresh check 4")):
        if isinstance(figures.get(key), Mapping) and ("direct" in figures[key] or "skipped" in figures[key]):  # type: ignore[operator]
            extra[label] = figures[key]
    for name, block in extra.items():
        assert isinstance(block, Mapping)
        if "skipped" in block:
            lines.append(f"  {name}: skipped ({block['skipped']})")
            continue
        if not block["direct"]["gold"] and not block["indirect"]["gold"]:
            found = block["direct"]["found"] + block["indirect"]["found"]
            lines.append(f"  {name}: {block['pages']} pages with no quotation in the annotations, {found} found")
            continue
        lines.append(f"  {name}: {block['pages']} pages, direct F1 {block['direct']['f1']:.3f}, reported F1 "
                     f"{block['indirect']['f1']:.3f}, speaker correct {block['speaker_correct']:.3f}"
                     + (f", speaker type {block['speaker_type_correct']:.3f}" if "speaker_type_correct" in block else ""))
    return "\n".join(lines) + "\n"

