"""framing.validate_cleaning on a made-up labelled page (never a benchmark page)."""

from __future__ import annotations

import json
from pathlib import Path

from framing.validate_cleaning import (
    CLEANING_FILE,
    cleaning_figures,
    cleaning_table,
    evaluate_cleaning,
    load_cleaning_benchmark,
)

LINES = [
    (" date 2024-05-02 ", "clutter", "dateline_meta"),
    ("Ports reopen after strike", "content", "headline"),
    ("Advertisement", "clutter", "ad_sponsor"),
    ("Dock workers returned to the cranes on Thursday after a week-long strike that had left dozens of "
     "ships waiting offshore, the port authority said.", "content", "body"),
    ("", "blank", None),
    ("Market reaction", "content", "subhead"),
    ("Shares in shipping companies rose sharply on the news, and freight rates fell for the first time "
     "in a month, traders said.", "content", "body"),
    ("Elsewhere today", "clutter", "related_link"),  # a label the cleaner has no cue for: a miss
]


def _page() -> dict[str, object]:
    raw = "\n".join(text for text, _, _ in LINES)
    lines = [{"i": i, "label": label, "kind": kind} for i, (_, label, kind) in enumerate(LINES)]
    return {"id": "t01", "event": "made-up strike", "outlet": "Example Post", "url": None,
            "title": "Ports reopen after strike", "date": None, "raw": raw, "lines": lines}


def test_evaluate_cleaning_counts_lines_by_the_half_rule() -> None:
    figures = evaluate_cleaning([_page()])
    assert (figures["clutter_lines"], figures["content_lines"]) == (3, 4)
    # the stamp (taken out by the loader) and the ad count as removed; the unknown label does not
    assert figures["clutter_removed"] == 2 and figures["clutter_recall"] == round(2 / 3, 3)
    assert figures["content_removed"] == 0 and figures["lost_content"] == []
    assert figures["per_kind"]["ad_sponsor"] == {"lines": 1, "removed": 1, "recall": 1.0}
    assert figures["missed_clutter"]["related_link"] == [
        {"page": "t01", "line": 7, "gold": "related_link", "cleaner": None}
    ]
    assert "text" not in json.dumps(figures["missed_clutter"])  # no page text in the published figures


def test_cleaning_figures_are_optional_and_the_table_shows_the_lines(tmp_path: Path) -> None:
    assert cleaning_figures(tmp_path) == {}
    assert cleaning_table({}) == ""
    (tmp_path / CLEANING_FILE).write_text(json.dumps(_page()) + "\n", encoding="utf-8")
    assert len(load_cleaning_benchmark(tmp_path)) == 1
    figures = cleaning_figures(tmp_path)
    table = cleaning_table(figures)
    assert "clutter recall 0.667 (2 of 3)" in table
    assert "t01:7" in table and "Elsewhere today" in table
