#!/usr/bin/env python
"""How the coverage step (facts, shared copy, naming; issue 15) grows with the corpus.

Run from the repository root::

    python bench/coverage_scale.py                 # synthetic remix corpus, N = 10, 500, 1,000, 2,000
    python bench/coverage_scale.py --real DIR      # also real articles: the AllSides dev files in DIR

Two corpora, because they stress different parts:

* *remix*: each article is eight paragraphs drawn at random from the five bundled articles (the
  corpus of ``tests/conftest.py``'s large-corpus fixture): every sentence recurs in hundreds of
  articles, the worst case for shared copy (every article shares passages with many others);
* *real*: distinct news articles on many topics (``emphasis_allsides_dev.jsonl`` and
  ``offtopic_allsides_dev.jsonl``), the usual case: few shared rare terms, little shared copy.

The per-article analysis runs once per size (not timed here); then each coverage part is timed
alone on its reports. Compare the ratios between sizes within one run: the machine is shared.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.corpus import load_paths  # noqa: E402
from framing.facts import find_facts  # noqa: E402
from framing.naming import find_naming  # noqa: E402
from framing.pipeline import analyze_articles  # noqa: E402
from framing.shared_copy import find_shared_copy  # noqa: E402
from framing.types import Article  # noqa: E402


def remix(n: int) -> list[Article]:
    bundled = load_paths([ROOT / "data"]).articles
    paragraphs = [p for a in bundled for p in a.text.split("\n\n") if len(p) > 40]
    rng = random.Random(2025)
    return [Article(id=f"a{i:04d}", outlet=f"Outlet {i % 10}", title=f"Story {i}",
                    text="\n\n".join(rng.sample(paragraphs, 8))) for i in range(n)]


def real(folder: Path, n: int) -> list[Article]:
    rows = []
    for name in ("emphasis_allsides_dev.jsonl", "offtopic_allsides_dev.jsonl"):
        rows += [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines()]
    return [Article(id=f"r{i:04d}", outlet=str(r["source"]), title=str(r["title"]), text=str(r["content_original"]))
            for i, r in enumerate(rows[:n])]


def measure(label: str, articles: list[Article]) -> None:
    reports = analyze_articles(articles).articles
    started = time.perf_counter()
    facts = find_facts(reports)
    t_facts = time.perf_counter() - started
    started = time.perf_counter()
    passages, reprints = find_shared_copy(reports)
    t_shared = time.perf_counter() - started
    started = time.perf_counter()
    naming = find_naming(reports, facts)
    t_naming = time.perf_counter() - started
    total = t_facts + t_shared + t_naming
    print(f"| {label} | {len(articles):,} | {t_facts:.2f} | {t_shared:.2f} | {t_naming:.2f} | {total:.2f} | "
          f"{1000 * total / len(articles):.2f} | {len(facts):,} | {len(passages):,} | {len(reprints):,} | {len(naming)} |",
          flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10,500,1000,2000")
    parser.add_argument("--real", metavar="DIR", help="folder with the AllSides dev files")
    args = parser.parse_args()
    print("| corpus | N | facts s | shared copy s | naming s | total s | ms/article | facts | passages | reprints | referents |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for n in (int(s) for s in args.sizes.split(",")):
        measure("remix", remix(n))
    if args.real:
        for n in (10, 350, 719):
            measure("real", real(Path(args.real), n))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
