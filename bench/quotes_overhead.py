#!/usr/bin/env python
"""What quote finding adds to the analysis time (issue 14 target: at most 20%).

    python bench/quotes_overhead.py [--size 500] [--repeat 3]

One process, one synthetic corpus (``bench/speed.py``'s builder: seeded samples of the bundled
articles' paragraphs, ~700 raw words each), warmed up once. Two ways are timed, interleaved, the
fastest of ``--repeat`` runs kept (noise on a shared machine only adds time):

* **with quotes**: ``analyze_articles(articles)`` as shipped;
* **without**: the same components without the quote component (``framing.components``), so
  neither quote finding nor the voice split runs.

The ratio ``with / without - 1`` is what quote finding adds (wall clock). The same ratio of this
process's CPU time (``added_cpu``) is printed too: on a shared machine other processes' work
stretches wall time but not CPU time. No timing is asserted anywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from speed import build_corpus  # noqa: E402

from framing.components import default_components  # noqa: E402
from framing.lexicon import load_default_lexicon, load_tone_lexicon  # noqa: E402
from framing.pipeline import analyze_articles  # noqa: E402
from framing.quotes import QuoteFinder  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    articles = build_corpus(args.size, args.seed)
    analyze_articles(build_corpus(20, args.seed + 1, prefix="warm"))
    times: dict[str, list[float]] = {"with quotes": [], "without": []}
    cpu: dict[str, list[float]] = {"with quotes": [], "without": []}
    quotes = 0
    full = default_components(lexicon=load_default_lexicon(), tone_lexicon=load_tone_lexicon())
    without = tuple(c for c in full if not isinstance(c, QuoteFinder))
    for _ in range(args.repeat):
        for name, steps in (("with quotes", full), ("without", without)):
            start, start_cpu = time.perf_counter(), time.process_time()
            report = analyze_articles(articles, components=steps)
            times[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
            if steps is full:
                quotes = sum(len(a.quotes) for a in report.articles)
    best = {name: min(values) for name, values in times.items()}
    added = best["with quotes"] / best["without"] - 1
    best_cpu = {name: min(values) for name, values in cpu.items()}
    result = {"articles": args.size, "repeat": args.repeat, "quotes_found": quotes,
              "seconds": {k: round(v, 3) for k, v in best.items()}, "added": round(added, 4),
              "cpu_seconds": {k: round(v, 3) for k, v in best_cpu.items()},
              "added_cpu": round(best_cpu["with quotes"] / best_cpu["without"] - 1, 4)}
    print(json.dumps(result, indent=2))
    print(f"quote finding adds {added:.1%} to the analysis time (target: at most 20%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
