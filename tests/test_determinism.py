"""Issue 5, determinism: same inputs give byte-identical JSON; file order and row order change nothing.

What may legitimately change with row order is only what names a row's position: the ``source``
("table.csv line 3") and, for rows without an ``id`` column, the id made from it. Everything
measured (scores, shares, tone, evidence, outlets, distinctive words) must stay exactly equal.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from framing.export import to_json
from framing.pipeline import analyze_paths

REPO = Path(__file__).resolve().parents[1]
#: Seconds a CLI run may take before the test fails instead of hanging.
CLI_TIMEOUT_S = 240

ROWS = [
    ("Harbor Ledger", "Soy", "Tariffs on soybeans climbed after the trade talks stalled. Farmers worried."),
    ("Harbor Ledger", "Steel", "Steel exports fell as new tariffs hit. Importers warned of higher prices."),
    ("Ridge Courier", "Strait", "Troops moved to the border. Warships patrolled the strait amid a crisis."),
    ("Ridge Courier", "Tests", "Officials called the missile tests a threat to regional security."),
    ("Valley Post", "Summit", "The foreign minister praised the summit. Diplomats hoped for a treaty."),
    ("Valley Post", "Talks", "Both sides welcomed the dialogue and promised closer cooperation."),
]


def write_corpus(folder: Path) -> list[Path]:
    """Good files of every format, two files whose ids collide, and two bad files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sub").mkdir(exist_ok=True)
    files = {
        "one.txt": "---\noutlet: Harbor Ledger\n---\nSoybean tariffs rose again as trade talks stalled.",
        "two.md": "---\noutlet: Ridge Courier\ntitle: Drills\n---\nNaval drills near the island raised tensions.",
        "same.txt": "---\noutlet: Valley Post\n---\nThe envoys met for talks and praised the summit.",
        "sub/same.txt": "---\noutlet: Ridge Courier\n---\nThe army staged exercises near the border.",
        "rows.jsonl": "\n".join(json.dumps({"outlet": o, "title": t, "text": x}) for o, t, x in ROWS[:3]),
        "empty.txt": "",
        "broken.csv": "title,body\nx,y\n",
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [folder / name for name in files]


def csv_bytes(rows: list[tuple[str, str, str]], *, with_ids: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "outlet", "title", "text"] if with_ids else ["outlet", "title", "text"])
    for outlet, title, text in rows:
        writer.writerow([f"{outlet[:1]}-{title}".lower(), outlet, title, text] if with_ids else [outlet, title, text])
    return buffer.getvalue().encode("utf-8")


def without_positions(report: dict[str, Any]) -> dict[str, Any]:
    """The JSON report with what names a row's position removed; articles keyed by their content."""
    articles = {}
    for article in report["articles"]:
        kept = {k: v for k, v in article.items() if k not in ("id", "source")}
        articles[(article["outlet"], article["title"], article["text"])] = kept
    outlets = [{k: v for k, v in o.items() if k != "articles"} | {"article_count": len(o["articles"])}
               for o in report["outlets"]]
    # Coverage fields (facts, naming, ...) name articles by id: name them by content instead.
    names = {a["id"]: f'{a["outlet"]}|{a["title"]}|{a["text"]}' for a in report["articles"]}
    return {"articles": articles, "outlets": outlets, "rest": {k: _by_content(v, names) for k, v in report.items()
                                                               if k not in ("articles", "outlets")}}


def _by_content(value: Any, names: dict[str, str]) -> Any:
    """``value`` with article ids replaced by their content key, lists of offsets in a fixed order."""
    if isinstance(value, dict):
        return {k: _by_content(v, names) for k, v in value.items()}
    if isinstance(value, list):
        items = [_by_content(v, names) for v in value]
        if items and all(isinstance(i, dict) and "start" in i for i in items):
            return sorted(items, key=lambda i: json.dumps(i, sort_keys=True))
        return items
    return names.get(value, value) if isinstance(value, str) else value


def test_file_order_gives_byte_identical_json(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "corpus")
    outputs = set()
    for order in itertools.islice(itertools.permutations(files), 0, None, 997):
        outputs.add(to_json(analyze_paths(list(order))))
    report = json.loads(next(iter(outputs)))
    assert len(outputs) == 1
    assert len(report["articles"]) == 7 and len(report["skipped"]) == 2
    assert sorted(a["id"] for a in report["articles"] if a["id"].startswith("same")) == ["same", "same-2"]


def test_colliding_ids_are_given_by_content_not_position(tmp_path: Path) -> None:
    files = write_corpus(tmp_path / "corpus")
    pair = [f for f in files if f.name == "same.txt"]
    forward, backward = analyze_paths(pair), analyze_paths(pair[::-1])
    assert {(a.id, a.source) for a in forward.articles} == {(a.id, a.source) for a in backward.articles}


@pytest.mark.parametrize("with_ids", [True, False], ids=["id column", "no id column"])
def test_row_order_changes_no_score(tmp_path: Path, with_ids: bool) -> None:
    results = []
    for seed in range(4):
        rows = ROWS[:]
        random.Random(seed).shuffle(rows)
        path = tmp_path / f"rows-{seed}.csv"
        path.write_bytes(csv_bytes(rows, with_ids=with_ids))
        (tmp_path / "table.csv").write_bytes(path.read_bytes())
        results.append(json.loads(to_json(analyze_paths([tmp_path / "table.csv"]))))
    reference = without_positions(results[0])
    assert len(reference["articles"]) == len(ROWS)
    for result in results[1:]:
        assert without_positions(result) == reference
    if with_ids:
        assert len({json.dumps([a["id"] for a in r["articles"]]) for r in results}) == 1


def test_same_input_in_fresh_processes_gives_identical_bytes(tmp_path: Path) -> None:
    """Separate interpreters with different hash seeds (set iteration order differs) write the same file."""
    files = write_corpus(tmp_path / "corpus")
    outputs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"out-{seed}.json"
        subprocess.run(
            [sys.executable, "-m", "framing", "analyze", *map(str, files), "--format", "json", "--out", str(out)],
            cwd=REPO, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=CLI_TIMEOUT_S, capture_output=True,
        )
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and len(outputs[0]) > 1000


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_workers_in_fresh_processes_give_identical_bytes(tmp_path: Path, scale_articles: list[Any], fmt: str) -> None:
    """Issue 16: ``--workers 2`` (both passes in worker processes, the coverage step in two more beside
    pass 2) writes the bytes of ``--workers 1``, to a file and to stdout, under different hash seeds."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": a.id, "outlet": a.outlet, "title": a.title, "text": a.text}) + "\n"
                              for a in scale_articles), encoding="utf-8")
    command = [sys.executable, "-m", "framing", "analyze", str(corpus), "--format", fmt]
    outputs = []
    for workers, seed in (("1", "1"), ("2", "4242")):
        out = tmp_path / f"out-{workers}.{fmt}"
        subprocess.run([*command, "--workers", workers, "--out", str(out)], cwd=REPO, timeout=CLI_TIMEOUT_S,
                       env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, check=True)
        outputs.append(out.read_bytes())
    piped = subprocess.run([*command, "--workers", "2"], cwd=REPO, timeout=CLI_TIMEOUT_S, capture_output=True, check=True)
    assert outputs[0] == outputs[1] == piped.stdout and b'"shared_passages"' in outputs[0]
