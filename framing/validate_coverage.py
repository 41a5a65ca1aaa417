"""Dev check of the coverage step (issue 15) against one reader's labels on ``cleaning_dev.jsonl`` pages.

The labels (``docs/coverage_dev_labels.json``) hold offsets into each page's ``raw`` text and labels
only, never the text; each event's ``status`` says whether it is a dev event (rules written looking at
it) or held out (labelled after the rules were written, not tuned on), and is copied into the output
so the two are never reported as one figure. The file's ``rules`` say how the events were labelled.
Three figures:

* **facts**: outlet x fact inclusion cells. *best row* F1: gold facts and predicted rows are paired
  one to one so that the pairs share the most sentences in total (an optimal assignment, not the
  greedy largest-first pairing of earlier rounds; equal pairings are settled by the outlets they
  get right minus wrong, not by row ids) and the outlets of each pair are compared;
  *strict* also counts every cell of an unpaired predicted row as wrong (a fact split over two rows
  costs cells); *mapped* (lenient) lets each predicted row take its majority gold label and unions
  the cells per gold fact, so it only punishes merging different facts;
* **shared copy**: every page of the set with a new first sentence we wrote put in front (a reprint
  with a new lead): the share of the copy's text found as shared copy; and every pair of pages
  from different events, which must never be marked shared;
* **naming**: the share of the (referent, outlet, form) triples the reader listed that the naming
  table has, under the referent most of the reader's mentions map to (several reader referents may
  map to one engine referent); *one to one* pairs each engine referent with at most one reader
  referent (an optimal assignment, as for the facts' best row), so a table that merges two
  referents is credited for one of them only; *precision* is the share of the table's mentions that
  cover a reader's mention of the gold referent paired (one to one) with theirs, over all the
  table's mentions and (*precision_listed*) over those of paired referents only.

Run: ``python -m framing.validate_coverage [--data DIR] [--events dev|held-out|all] [--no-shared-copy]``.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from .pipeline import analyze_articles
from .shared_copy import find_shared_copy
from .types import Article, CorpusReport
from .validate import DEFAULT_DATA_DIR, count_scores

__all__ = ["LABELS_FILE", "best_pairs", "run_coverage_validation"]

LABELS_FILE = Path(__file__).resolve().parents[1] / "docs" / "coverage_dev_labels.json"
DEV_FILE = "cleaning_dev.jsonl"
#: A first sentence of our own, put in front of a page to make a reprint with a new lead.
NEW_LEAD = "This report was first published by a partner newsroom and is republished here with permission."


def _pages(data: Path) -> dict[str, dict[str, object]]:
    path = data / DEV_FILE
    if not path.exists():
        raise FileNotFoundError(f"{path} not found; pass --data with the folder holding {DEV_FILE}")
    return {row["id"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _article(row: dict[str, object]) -> Article:
    return Article(id=str(row["id"]), outlet=str(row["outlet"]), title=str(row.get("title") or ""),
                   text=str(row["raw"]), date=row.get("date") or None)  # type: ignore[arg-type]


@functools.lru_cache(maxsize=64)
def _alignment(raw: str, cleaned: str) -> tuple[tuple[int, int, int], ...]:
    """Blocks ``(cleaned_start, raw_start, size)`` where the cleaned text is the raw page unchanged."""
    matcher = difflib.SequenceMatcher(None, cleaned, raw, autojunk=False)
    return tuple((b.a, b.b, b.size) for b in matcher.get_matching_blocks() if b.size)


def _raw_offset(blocks: tuple[tuple[int, int, int], ...], at: int) -> int | None:
    for c_start, r_start, size in blocks:
        if c_start <= at < c_start + size:
            return r_start + at - c_start
    return None


def _raw_span(raw: str, cleaned: str, start: int, end: int) -> tuple[int, int] | None:
    """Where ``cleaned[start:end]`` sits in the raw page.

    Cleaning removes whole pieces (clutter lines, some line breaks), so the cleaned text aligns with
    the raw page block by block; each offset is mapped through that alignment. (Searching the raw
    page for the piece's text found its *first* occurrence, so every repeated short mention, a
    second "Sunak" or "AUKUS", was scored at the first one's place.)
    """
    if end <= start:
        return None
    blocks = _alignment(raw, cleaned)
    first, last = _raw_offset(blocks, start), _raw_offset(blocks, end - 1)
    if first is None or last is None:
        return None
    return first, last + 1


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def best_pairs(shared: Mapping[str, Counter[str]],
               agreement: Mapping[str, Mapping[str, int]] | None = None) -> dict[str, str]:
    """A one-to-one pairing of rows with gold labels that maximises the units they share in total.

    ``shared[row][label]`` is how many of the row's units carry the gold label; pairs sharing nothing
    are left out. An optimal assignment (``scipy.optimize.linear_sum_assignment``): the greedy
    pairing it replaces took the largest overlap first and broke ties by row id, so one early pair
    could take the gold fact a second row needed, and which of two equal rows won depended on ids.
    Among pairings sharing as many units, ``agreement[row][label]`` (a secondary score, e.g. outlet
    cells right minus wrong) decides; rows and labels are then taken in sorted order.

    Examples
    --------
    >>> best_pairs({"r1": Counter(a=3, b=2), "r2": Counter(a=2)})  # greedy: r1-a, r2 unpaired
    {'r1': 'b', 'r2': 'a'}
    >>> best_pairs({"r1": Counter(a=1), "r2": Counter(a=1)}, {"r1": {"a": -1}, "r2": {"a": 2}})
    {'r2': 'a'}
    """
    rows = sorted(shared)
    labels = sorted({g for counts in shared.values() for g, n in counts.items() if n > 0})
    if not rows or not labels:
        return {}
    primary = np.array([[shared[r].get(g, 0) for g in labels] for r in rows], dtype=float)
    secondary = np.array([[(agreement or {}).get(r, {}).get(g, 0) for g in labels] for r in rows], dtype=float)
    # Scale so that no sum of secondary scores can outweigh one unit shared.
    scale = 1.0 + 2.0 * float(np.abs(secondary).max()) * min(len(rows), len(labels))
    weights = np.where(primary > 0, primary * scale + secondary, 0.0)
    picked_rows, picked_labels = linear_sum_assignment(weights, maximize=True)
    return {rows[i]: labels[j] for i, j in zip(picked_rows, picked_labels) if primary[i, j] > 0}


def fact_figures(report: CorpusReport, rows: dict[str, dict[str, object]], gold: list[list[object]]) -> dict[str, object]:
    """Outlet x fact cell F1, mapped and strict (see the module docstring)."""
    outlet_of = {a.id: a.outlet for a in report.articles}
    by_id = {a.id: a for a in report.articles}
    gold_cells = {(str(label), outlet_of[str(page)]) for label, page, _, _ in gold}
    gold_spans = [(str(label), str(page), (int(s), int(e))) for label, page, s, e in gold]  # type: ignore[call-overload]
    predicted: list[tuple[str, list[tuple[str, str]]]] = []  # (fact id, [(gold label or "", outlet)])
    for fact in report.facts:
        units = []
        for m in fact.mentions:
            raw = str(rows[m.article]["raw"])
            span = _raw_span(raw, by_id[m.article].text, m.start, m.end)
            best = (0, "")
            if span is not None:
                best = max(((_overlap(span, g[2]), g[0]) for g in gold_spans if g[1] == m.article), default=best)
            label = best[1] if best[0] > 0 else ""
            units.append((label, outlet_of[m.article]))
        predicted.append((fact.id, units))
    # Mapped: a predicted row takes its majority gold label; cells are unioned per gold fact.
    mapped: set[tuple[str, str]] = set()
    unlabelled_rows = 0
    for _, units in predicted:
        labels = Counter(label for label, _ in units if label)
        if not labels:
            unlabelled_rows += 1
            continue
        label = labels.most_common(1)[0][0]
        mapped.update((label, outlet) for _, outlet in units)
    tp = len(mapped & gold_cells)
    mapped_f1 = count_scores(tp, len(mapped - gold_cells), len(gold_cells - mapped))
    # Strict: one predicted row per gold fact, paired to share the most units overall; other rows' cells are errors.
    used_rows: set[str] = set()
    strict_cells: set[tuple[str, str]] = set()
    extra = 0
    gold_outlets: dict[str, set[str]] = defaultdict(set)
    for label, outlet in gold_cells:
        gold_outlets[label].add(outlet)
    shared = {fid: Counter(lab for lab, _ in units if lab) for fid, units in predicted}
    agreement = {fid: {g: 2 * len(outlets & gold_outlets[g]) - len(outlets) for g in shared[fid]}
                 for fid, outlets in ((fid, {o for _, o in units}) for fid, units in predicted)}
    for fid, g in best_pairs(shared, agreement).items():
        used_rows.add(fid)
        units = next(u for f, u in predicted if f == fid)
        strict_cells.update((g, outlet) for _, outlet in units)
    for fid, units in predicted:
        if fid not in used_rows:
            extra += len({outlet for _, outlet in units})
    best_row = count_scores(len(strict_cells & gold_cells), len(strict_cells - gold_cells), len(gold_cells - strict_cells))
    tp_strict = len(strict_cells & gold_cells)
    strict_f1 = count_scores(tp_strict, len(strict_cells - gold_cells) + extra, len(gold_cells - strict_cells))
    return {"gold_facts": len({g for g, _ in gold_cells}), "gold_cells": len(gold_cells),
            "predicted_facts": len(report.facts), "rows_without_gold": unlabelled_rows,
            "cells_mapped": mapped_f1, "cells_best_row": best_row, "cells_strict": strict_f1}


def naming_figures(report: CorpusReport, rows: dict[str, dict[str, object]], gold: list[list[object]]) -> dict[str, object]:
    """Share of the reader's (referent, outlet, form) triples found under the mapped referent."""
    by_id = {a.id: a for a in report.articles}
    predicted = []  # (referent, page, raw span)
    for naming in report.naming:
        for m in naming.mentions:
            span = _raw_span(str(rows[m.article]["raw"]), by_id[m.article].text, m.start, m.end)
            if span is not None:
                predicted.append((naming.referent, m.article, span))
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    hits: dict[tuple[str, str, int, int], set[str]] = defaultdict(set)
    for referent, page, s, e in gold:
        key = (str(referent), str(page), int(s), int(e))  # type: ignore[call-overload]
        for p_ref, p_page, span in predicted:
            if p_page == key[1] and _overlap(span, (key[2], key[3])) >= 0.6 * (key[3] - key[2]):
                votes[key[0]][p_ref] += 1
                hits[key].add(p_ref)
    mapping = {g: c.most_common(1)[0][0] for g, c in votes.items()}
    triples: dict[tuple[str, str, str], bool] = {}
    for key in {(str(r), str(p), int(s), int(e)) for r, p, s, e in gold}:  # type: ignore[call-overload]
        referent, page, s, e = key
        form = " ".join(str(rows[page]["raw"])[s:e].split()).lower()
        triple = (referent, page, form)
        hit = referent in mapping and mapping[referent] in hits.get(key, set())
        triples[triple] = triples.get(triple, False) or hit
    found = sum(triples.values())
    # One to one: each engine referent credited to one gold referent at most, paired to find the most triples.
    triple_hits: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for key, refs in hits.items():
        referent, page, s, e = key
        triple_hits[(referent, page, " ".join(str(rows[page]["raw"])[s:e].split()).lower())] |= refs
    shared: dict[str, Counter[str]] = defaultdict(Counter)
    for (referent, _, _), refs in triple_hits.items():
        for p_ref in refs:
            shared[referent][p_ref] += 1
    one_to_one = best_pairs(shared)
    found_one = sum(1 for t in triples if one_to_one.get(t[0]) in triple_hits.get(t, set()))
    figures: dict[str, object] = {
        "gold_forms": len(triples), "found": found, "recall": count_scores(found, 0, len(triples) - found)["recall"],
        "recall_one_to_one": count_scores(found_one, 0, len(triples) - found_one)["recall"],
        "referents_mapped": len(mapping), "gold_referents": len({t[0] for t in triples})}
    figures.update(_naming_precision(predicted, gold, one_to_one))
    return figures


def _naming_precision(predicted: list[tuple[str, str, tuple[int, int]]], gold: list[list[object]],
                      one_to_one: Mapping[str, str]) -> dict[str, object]:
    """How many of the table's mentions a reader would list under the referent the table files them.

    A mention is right when it covers a reader's mention of the gold referent its engine referent is
    paired with (one to one), by the recall test's overlap. *precision*: over every mention of the
    table on the event's pages (a referent the reader did not list costs all its mentions);
    *precision_listed*: over the mentions of paired referents only (wrong forms of right referents).
    """
    engine_of = dict(one_to_one)  # gold referent -> engine referent
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for referent, page, s, e in gold:
        if str(referent) in engine_of:
            spans[(engine_of[str(referent)], str(page))].append((int(s), int(e)))  # type: ignore[call-overload]
    right = sum(1 for ref, page, span in predicted
                if any(_overlap(span, g) >= 0.6 * (g[1] - g[0]) for g in spans.get((ref, page), ())))
    paired = set(one_to_one.values())
    listed = sum(1 for ref, _, _ in predicted if ref in paired)
    return {"mentions_predicted": len(predicted), "mentions_right": right,
            "precision": round(right / len(predicted), 3) if predicted else 0.0,
            "precision_listed": round(right / listed, 3) if listed else 0.0}


def shared_figures(rows: dict[str, dict[str, object]]) -> dict[str, object]:
    """Reprints with a new lead on every page, and cross-event pairs that must never be shared."""
    articles = [_article(row) for row in rows.values()]
    report = analyze_articles(articles)
    event_of = {str(row["id"]): str(row["event"]) for row in rows.values()}
    cross = [p for p in report.shared_passages if event_of[p.articles[0]] != event_of[p.articles[1]]]
    shares = []
    for original in report.articles:
        if len(original.text.split()) < 40:
            continue
        copy = Article(id=original.id + "-copy", outlet="Reprinter", title="", text=NEW_LEAD + " " + original.text)
        pair = analyze_articles([Article(id=original.id, outlet=original.outlet, title="", text=original.text), copy])
        passages, _ = find_shared_copy(pair.articles)
        copy_report = next(a for a in pair.articles if a.id == copy.id)
        covered = sum(p.spans[p.articles.index(copy.id)][1] - p.spans[p.articles.index(copy.id)][0] for p in passages)
        shares.append(covered / len(copy_report.text))
    return {"pages": len(rows), "cross_event_pairs_marked_shared": len(cross),
            "same_event_passages": len(report.shared_passages) - len(cross),
            "reprints_tested": len(shares),
            "reprint_share_min": round(min(shares), 3) if shares else 0.0,
            "reprint_share_mean": round(sum(shares) / len(shares), 3) if shares else 0.0,
            "reprints_at_least_70pct": sum(1 for s in shares if s >= 0.7)}


#: ``--events`` choices: which labelled events to measure, by the start of their ``status``.
EVENT_CHOICES = {"all": "", "dev": "dev", "held-out": "held out"}


def run_coverage_validation(data: str | Path, labels: str | Path = LABELS_FILE, *, events: str = "all",
                            shared_copy: bool = True) -> dict[str, object]:
    """Coverage figures for the labelled events, plus the shared-copy checks over the whole set.

    ``events`` picks the events by status (``"all"``, ``"dev"``, ``"held-out"``), so that tuning runs
    measure the dev events only and a held-out event is measured only when meant to be;
    ``shared_copy=False`` skips the shared-copy checks (the slowest part).
    """
    if events not in EVENT_CHOICES:
        raise ValueError(f"events={events!r}: use one of {sorted(EVENT_CHOICES)}")
    rows = _pages(Path(data))
    prefix = EVENT_CHOICES[events]
    chosen_events = [e for e in json.loads(Path(labels).read_text(encoding="utf-8"))["events"]
                     if str(e.get("status", "")).startswith(prefix)]
    figures: dict[str, object] = {"events": []}
    for event in chosen_events:
        chosen = {p: rows[p] for p in event["pages"]}
        report = analyze_articles([_article(r) for r in chosen.values()])
        figures["events"].append({  # type: ignore[attr-defined]
            "event": event["event"], "status": event.get("status", ""), "pages": event["pages"],
            # an event labelled for naming only has no fact figures: zeros there would read as a miss
            "facts": fact_figures(report, chosen, event["facts"]) if event.get("facts") else {
                "skipped": "no facts were labelled for this event (naming labels only)"},
            "naming": naming_figures(report, chosen, event["naming"]),
        })
    if shared_copy:
        figures["shared_copy"] = shared_figures(rows)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Print the coverage dev figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m framing.validate_coverage", description=__doc__)
    parser.add_argument("--data", default=str(DEFAULT_DATA_DIR), help=f"folder holding {DEV_FILE}")
    parser.add_argument("--events", choices=sorted(EVENT_CHOICES), default="all",
                        help="measure only the dev or only the held-out events (by their status)")
    parser.add_argument("--no-shared-copy", action="store_true", help="skip the shared-copy checks")
    args = parser.parse_args(argv)
    figures = run_coverage_validation(args.data, events=args.events, shared_copy=not args.no_shared_copy)
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

