"""framing.validate_coverage's offset mapping on made-up pages (never a benchmark page)."""

from __future__ import annotations

import pytest

from framing.pipeline import analyze_articles
from framing.types import Article
from framing.validate_coverage import _raw_span

# A raw page with clutter the cleaner drops, and a cleaned text with the clutter gone: the name
# "Kessland" occurs three times, so searching the raw text for it finds only the first.
RAW = "Subscribe now\n\nKessland voted.\n\nAdvertisement\n\nThe vote in Kessland was close, Kessland said."
CLEANED = "Kessland voted.\n\nThe vote in Kessland was close, Kessland said."


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 8, (15, 23)),  # the first mention
        (29, 37, (59, 67)),  # the second one, after the dropped line: not mapped to the first
        (49, 57, (79, 87)),  # the third
        (17, 63, (47, 93)),  # a whole sentence
        (5, 5, None),  # an empty span
    ],
)
def test_raw_span_maps_each_occurrence_to_its_own_place(start: int, end: int, expected: tuple[int, int] | None) -> None:
    """Non-regression (issue 15 held-out check): repeated forms were all scored at the first occurrence."""
    span = _raw_span(RAW, CLEANED, start, end)
    assert span == expected
    if span is not None:
        assert RAW[span[0]:span[1]] == CLEANED[start:end]


def test_raw_span_maps_every_engine_mention_back_to_the_same_words() -> None:
    raw = ("Advertisement\n\nNorvania and Kessland resumed talks in Geneva on Monday.\n\nRead more\n\n"
           "Norvanian Prime Minister Ada Lindqvist said Kessland had moved. Kessland denied it, "
           "and Lindqvist left Geneva.")
    other = "Kessland and Norvania met in Geneva, where Lindqvist spoke. Geneva hosted the talks."
    report = analyze_articles([Article(id="a", outlet="Example Post", title="", text=raw),
                               Article(id="b", outlet="Example Wire", title="", text=other)])
    cleaned = next(a.text for a in report.articles if a.id == "a")
    mentions = [m for naming in report.naming for m in naming.mentions if m.article == "a"]
    assert len(mentions) >= 4
    for m in mentions:
        span = _raw_span(raw, cleaned, m.start, m.end)
        assert span is not None
        assert " ".join(raw[span[0]:span[1]].split()) == " ".join(cleaned[m.start:m.end].split())


def test_run_coverage_validation_rejects_an_unknown_event_choice(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from framing.validate_coverage import run_coverage_validation

    with pytest.raises(ValueError, match="events='heldout': use one of"):
        run_coverage_validation(tmp_path, events="heldout")


@pytest.mark.parametrize(
    ("shared", "agreement", "expected"),
    [
        # Greedy largest-first paired r1 with a (3 units) and left r2 unpaired: 3 units in all, not 4.
        ({"r1": {"a": 3, "b": 2}, "r2": {"a": 2}}, None, {"r1": "b", "r2": "a"}),
        # Two rows share as much with one fact: the outlets they get right decide, not the row ids.
        ({"r1": {"a": 2}, "r2": {"a": 2}}, {"r1": {"a": -1}, "r2": {"a": 3}}, {"r2": "a"}),
        ({"r1": {"a": 2}, "r2": {"a": 2}}, {"r1": {"a": 3}, "r2": {"a": -1}}, {"r1": "a"}),
        # A pair sharing nothing is never made, whatever its agreement.
        ({"r1": {"a": 1}, "r2": {}}, {"r2": {"a": 9}}, {"r1": "a"}),
        ({}, None, {}),
    ],
)
def test_best_pairs_maximises_the_units_shared(shared, agreement, expected) -> None:  # type: ignore[no-untyped-def]
    """Non-regression (issue 15): the best-row pairing was greedy with a row-id tie-break."""
    from collections import Counter

    from framing.validate_coverage import best_pairs

    assert best_pairs({r: Counter(c) for r, c in shared.items()}, agreement) == expected


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        # Right referent, right span; right span filed under an unpaired referent; a span no reader listed.
        ([("Kess", "p1", (0, 8)), ("Other", "p1", (0, 8)), ("Kess", "p1", (40, 45))],
         {"mentions_predicted": 3, "mentions_right": 1, "precision": 0.333, "precision_listed": 0.5}),
        # A longer engine span still covers the reader's mention (the recall test's overlap).
        ([("Kess", "p1", (0, 20))], {"mentions_predicted": 1, "mentions_right": 1, "precision": 1.0,
                                     "precision_listed": 1.0}),
        ([], {"mentions_predicted": 0, "mentions_right": 0, "precision": 0.0, "precision_listed": 0.0}),
    ],
)
def test_naming_precision_counts_mentions_under_the_paired_referent(predicted, expected) -> None:  # type: ignore[no-untyped-def]
    from framing.validate_coverage import _naming_precision

    gold = [["Kessland", "p1", 0, 8], ["Kessland", "p2", 0, 8]]
    assert _naming_precision(predicted, gold, {"Kessland": "Kess"}) == expected


def test_the_labels_file_keeps_its_rules_on_every_event() -> None:
    """The labels' invariants, checked on the file itself (offsets and labels only, no page text): every
    span lies on one of its event's pages and is not empty; every naming referent is named on two pages
    or more (the rules' "at least two of the event's outlets"); no page belongs to two events; every
    status is one the validator's ``--events`` choices select. A new event that breaks one fails here."""
    import json
    from collections import defaultdict

    from framing.validate_coverage import EVENT_CHOICES, LABELS_FILE

    events = json.loads(LABELS_FILE.read_text(encoding="utf-8"))["events"]
    owner: dict[str, str] = {}
    for event in events:
        name = event["event"]
        assert any(event["status"].startswith(p) for p in EVENT_CHOICES.values() if p), (name, event["status"])
        for page in event["pages"]:
            assert owner.setdefault(page, name) == name, (page, owner[page], name)
        pages_of: dict[str, set[str]] = defaultdict(set)
        for label, page, start, end in [*event["facts"], *event["naming"]]:
            assert page in event["pages"] and isinstance(start, int) and isinstance(end, int) and 0 <= start < end, \
                (name, label, page, start, end)
        for referent, page, _, _ in event["naming"]:
            pages_of[referent].add(page)
        assert not [r for r, pages in pages_of.items() if len(pages) < 2], name


def test_an_event_labelled_for_naming_only_reports_no_fact_figures(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # its fact cells were all 0.0, which read as a miss, not as "not labelled"
    import json

    from framing.validate_coverage import run_coverage_validation

    pages = [{"id": f"q{n}", "outlet": f"Outlet {n}", "raw": "Tariffs on Ruritanian steel rose, the ministry said."} for n in (1, 2)]
    (tmp_path / "cleaning_dev.jsonl").write_text("\n".join(json.dumps(p) for p in pages) + "\n", encoding="utf-8")
    labels = tmp_path / "labels.json"
    labels.write_text(json.dumps({"events": [{"event": "e", "status": "held out", "pages": ["q1", "q2"],
                                              "facts": [], "naming": []}]}), encoding="utf-8")
    figures = run_coverage_validation(tmp_path, labels=labels, events="held-out", shared_copy=False)
    assert figures["events"][0]["facts"] == {"skipped": "no facts were labelled for this event (naming labels only)"}
