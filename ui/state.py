"""Session state, cache wrappers and the view handed from ``dashboard.py`` to the pages.

Cached wrappers take hashable arguments only (tuples of frozen ``Article`` dataclasses, strings):
``st.cache_data`` for results, ``st.cache_resource`` for read-only lexicons. All analysis is done
by :mod:`framing`; nothing here computes a score.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import uuid
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st
from streamlit import runtime
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.scriptrunner import get_script_run_ctx

from framing import pipeline
from framing.corpus import load_paths
from framing.lexicon import Lexicon, extend_lexicon, load_default_lexicon, parse_lexicon
from framing.compare import TermTotal
from framing.selection import evidence_table, frame_words_by_outlet
from framing.types import Article, CorpusReport, LoadResult, SkippedInput
from framing_render import charts
from framing_render.report import render_report_html
from framing.limits import dashboard_budget

from .corpus import load_uploads
from .memory import MemoryReturner
from .report_cache import ContentCache, PackedShare, sampled_size
from .session_pins import MISSING, SessionPins
from .shared_figure import SharedFigure
from .warm import warm_once
from .worker import AnalysisPool

__all__ = [
    "SAMPLE_DIR",
    "SOURCES",
    "LEXICON_SOURCES",
    "DEFAULTS",
    "LexiconSpec",
    "View",
    "init_state",
    "default_outlet_choice",
    "load_sample",
    "load_uploaded",
    "get_lexicon",
    "lexicon_table",
    "analyze",
    "content_key",
    "report_html",
    "overview_figure",
    "evidence_rows",
    "set_view",
    "get_view",
]

#: The bundled sample corpus, next to dashboard.py.
SAMPLE_DIR: Final = Path(__file__).resolve().parent.parent / "data"
#: Corpus choices in the sidebar (labels are what the radio shows).
SOURCES: Final = ("Sample articles", "Upload files", "Paste text")
#: Lexicon choices in the sidebar.
LEXICON_SOURCES: Final = ("Built-in", "Upload CSV", "Paste CSV")

#: Session-state defaults, set once at the top of the script.
DEFAULTS: Final = {
    "read_first": False,
    "source": SOURCES[0],
    "pasted": (),
    "paste_outlet": "",
    "paste_title": "",
    "paste_text": "",
    "paste_message": "",
    "paste_warning": False,
    "lexicon_source": LEXICON_SOURCES[0],
    "lexicon_text": "",
    "lexicon_extend": True,
}


@dataclass(frozen=True, slots=True)
class LexiconSpec:
    """A user lexicon as content: its file name, CSV text and whether it extends the built-in one."""

    name: str
    text: str
    extend: bool


@dataclass(frozen=True, slots=True, weakref_slot=True)
class View:
    """What the pages need: the analysis, the lexicon used, and whether scores are revealed."""

    report: CorpusReport
    lexicon: Lexicon
    reveal: bool
    articles: tuple[Article, ...]
    lexicon_spec: LexiconSpec | None
    skipped: tuple[SkippedInput, ...]
    key: str


def content_key(
    articles: tuple[Article, ...], lexicon_spec: LexiconSpec | None, skipped: tuple[SkippedInput, ...]
) -> str:
    """SHA-256 of everything an analysis depends on: the cache key of the figures built from it.

    Streamlit's own argument hashing walks the articles field by field (0.35 s for 2,000 articles,
    measured); one pickle plus one digest takes about a hundredth of that.
    """
    return hashlib.sha256(pickle.dumps((articles, lexicon_spec, skipped), protocol=5)).hexdigest()


def init_state() -> None:
    """Set every session_state default once (widgets then read their value by key). The server's
    first run loads the engine's data and freezes it out of the collector first (``ui.warm``)."""
    warm_once()
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)
    _memory_returner()


@st.cache_data(show_spinner=False)
def load_sample() -> LoadResult:
    """The bundled articles in ``data/``."""
    return load_paths([SAMPLE_DIR])


#: Memory the kept uploads may hold together (their text and articles, estimated; the newest is always
#: kept). Issue 12: a count of four let four 10-million-character uploads stay; a size bound does not.
UPLOADS_MAX_BYTES: Final = 120_000_000
#: Uploads this big are read in a worker process (``ui.worker``), off the server's request threads:
#: a 2,000-row CSV takes about 0.8 s to read, deeply nested HTML about 90 ms a 12 kB page (measured
#: 2026-12-02), and a 20 MB file of it would hold every session for minutes. Smaller uploads (a
#: teacher's few pages) read quicker than a worker starts. FRAMING_WORKER_MIN_UPLOAD_BYTES.
WORKER_MIN_UPLOAD_BYTES: Final = int(os.environ.get("FRAMING_WORKER_MIN_UPLOAD_BYTES", "500000"))
#: Memory the kept HTML reports may hold together (one 5,000-article report is about 50 MB).
REPORT_HTML_MAX_BYTES: Final = 100_000_000


@st.cache_resource(show_spinner=False)
def _uploads() -> ContentCache[LoadResult]:
    """Loaded uploads shared by every session, keyed by their bytes and the limits applied."""
    return ContentCache(max_bytes=UPLOADS_MAX_BYTES, size_of=_load_size)


def _load_size(result: LoadResult) -> int:
    return sampled_size(result.articles, result.skipped)


def load_uploaded(files: tuple[tuple[str, bytes], ...]) -> LoadResult:
    """Uploaded ``(name, bytes)`` pairs as a load result (bad files land in ``skipped``).

    The dashboard's limits (``framing.limits``) apply: what they leave out is listed in ``skipped``.
    Results are kept by memory (``UPLOADS_MAX_BYTES``), shared and read-only.
    """
    budget = dashboard_budget()
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(hashlib.sha256(name.encode("utf-8", "surrogatepass")).digest())
        digest.update(hashlib.sha256(data).digest())
    key = (digest.hexdigest(), budget.max_articles, budget.max_chars)

    def read() -> LoadResult:
        if sum(len(data) for _, data in files) < WORKER_MIN_UPLOAD_BYTES:
            return load_uploads(files, budget=budget)
        with st.spinner("Reading the uploaded files…"):
            return _pool().load(files, (budget.max_articles, budget.max_chars))

    return _uploads().get_or_compute(key, read)


@st.cache_resource(show_spinner=False, max_entries=8)
def get_lexicon(spec: LexiconSpec | None) -> Lexicon:
    """The built-in lexicon, or a user's (raises ``LexiconError`` with file and line when invalid).

    Returned lexicons are shared between sessions and treated as read-only.
    """
    base = load_default_lexicon()
    if spec is None:
        return base
    user = parse_lexicon(spec.text, source=spec.name)
    return extend_lexicon(base, user) if spec.extend else user


@st.cache_resource(show_spinner=False, max_entries=8)
def lexicon_table(spec: LexiconSpec | None) -> pa.Table:
    """The lexicon's terms as one shared, read-only Arrow table for ``st.dataframe``: built once per
    lexicon instead of through pandas on every run (6 ms for the built-in 1,500 rows, measured; an
    Arrow table goes out as it is)."""
    return pa.Table.from_pylist(
        [{"term": t.term, "frame": t.frame, "weight": t.weight, "note": t.note} for t in get_lexicon(spec).terms],
        schema=pa.schema([("term", pa.string()), ("frame", pa.string()), ("weight", pa.float64()), ("note", pa.string())]),
    )


#: Bytes the shared store of finished analyses keeps packed (``ui.report_cache.PackedShare``: a
#: 2,000-article report packs to about 6 MB). Issue 12: the store used to keep live reports (about
#: 100 MB each) for whoever might ask again, so the server's memory stayed up after the heavy
#: sessions closed; now a live report lasts as long as some session shows it, and sessions that
#: show the same content share it. Each session keeps its own current analysis (``_pinned``), so a
#: full store never makes it analyse again.
REPORTS_MAX_BYTES: Final = 64_000_000
#: Corpora this big get a progress bar while they are analysed; smaller ones take under a second
#: (about 5 ms an article on the 2-core reference machine) and get a spinner.
PROGRESS_MIN_ARTICLES: Final = 50
#: Corpora this big are analysed in a worker process (``ui.worker``), off the server's request
#: threads; smaller ones (the sample's 5 articles: 0.1 s) are quicker to analyse than to hand over.
WORKER_MIN_ARTICLES: Final = int(os.environ.get("FRAMING_WORKER_MIN_ARTICLES", "100"))
#: Corpora with this many characters of text go to a worker too, however few their articles: about
#: 100 news stories of 2,000 characters, as above. Analysis costs about 1 s of CPU per 100,000 characters
#: (measured 2026-12-03 on the 2-core machine), so 99 articles of 100,000 characters, inside the upload
#: limits, held the server's thread for about two minutes. FRAMING_WORKER_MIN_CHARS.
WORKER_MIN_CHARS: Final = int(os.environ.get("FRAMING_WORKER_MIN_CHARS", "200000"))
#: Heavy analyses running at once (each takes one core); more wait in line. FRAMING_ANALYSIS_WORKERS.
ANALYSIS_WORKERS: Final = max(1, int(os.environ.get("FRAMING_ANALYSIS_WORKERS", "1")))


@st.cache_resource(show_spinner=False)
def _reports() -> PackedShare[CorpusReport]:
    """The one content-keyed store of analyses shared by every session (see ``ui.report_cache``)."""
    return PackedShare(max_bytes=REPORTS_MAX_BYTES)


#: Seconds between returns of freed memory to the system (``ui.memory``; 7-50 ms each, measured: at
#: most 1% of a core).
TRIM_INTERVAL_S: Final = 5.0


@st.cache_resource(show_spinner=False)
def _memory_returner() -> MemoryReturner:
    """The one thread per server that drops closed sessions' pins and hands the memory back."""
    return MemoryReturner(TRIM_INTERVAL_S, on_tick=lambda: _session_pins().prune()).start()


def _session_alive(owner: tuple[str, str]) -> bool:
    """True while the session of ``owner`` (see :func:`_owner`) is connected to this server."""
    return runtime.exists() and runtime.get_instance().is_active_session(owner[0]) is True


def _owner() -> tuple[str, str] | None:
    """Whom this run's pins belong to: the session id and a token of this session's state (Streamlit's
    test harness gives every session the same id), or None when no script context names a session."""
    context = get_script_run_ctx(suppress_warning=True)
    if context is None:
        return None
    token = st.session_state.setdefault("_pins_token", uuid.uuid4().hex)
    return context.session_id, token


@st.cache_resource(show_spinner=False)
def _session_pins() -> SessionPins:
    """Every session's current analysis and figures, freed as soon as the session is gone."""
    return SessionPins(_session_alive, grace=float(st.get_option("server.disconnectedSessionTTL")))


@st.cache_resource(show_spinner=False)
def _pool() -> AnalysisPool:
    """The bounded set of worker processes every session's heavy analysis queues for."""
    return AnalysisPool(workers=ANALYSIS_WORKERS)


def _pinned(name: str, key: str, compute: Callable[[], Any]) -> Any:
    """This session's own copy of the value named ``name`` for content ``key``, computed when missing.

    The shared stores are bounded by memory and may drop a value another session still shows; the
    session keeps a reference to its current one (:func:`_held`: in ``_session_pins``, outside session
    state), so it never computes that again (issue 12).
    """
    value = _held(name, key)
    if value is MISSING:
        value = compute()
        _hold(name, key, value)
    return value


def _held(name: str, key: Any) -> Any:
    """What this session holds under ``name`` for ``key`` (:data:`MISSING` if nothing).

    Held in ``_session_pins`` (``ui.session_pins``), outside session state's reference cycles, so a
    closed session's analysis is freed as soon as its pins are dropped; in session state only when
    no script context names the session."""
    owner = _owner()
    if owner is not None:
        return _session_pins().get(owner, name, key)
    held = st.session_state.get(f"_pinned::{name}")
    return held[1] if isinstance(held, tuple) and len(held) == 2 and held[0] == key else MISSING


def _hold(name: str, key: Any, value: Any) -> None:
    """Let this session hold ``value`` under ``name`` for ``key`` (see :func:`_held`)."""
    owner = _owner()
    if owner is not None:
        _session_pins().put(owner, name, key, value)
    else:
        st.session_state[f"_pinned::{name}"] = (key, value)


def analyze(
    key: str,
    articles: tuple[Article, ...],
    lexicon_spec: LexiconSpec | None,
    skipped: tuple[SkippedInput, ...],
) -> CorpusReport:
    """Analyse the articles with the chosen lexicon, once per ``key = content_key(articles, lexicon_spec, skipped)``.

    The report is shared between sessions with the same content and is never mutated. A first
    analysis shows a progress bar for large corpora and a spinner for small ones, so call this from
    the script body only (never inside a cached function, whose output Streamlit would replay).
    """

    def run() -> tuple[CorpusReport, bytes | None]:
        if len(articles) < PROGRESS_MIN_ARTICLES:
            with st.spinner("Analysing the articles…"):
                return _analyse(articles, lexicon_spec, skipped, None)
        bar = st.progress(0.0, text=f"Analysing {len(articles):,} articles…")
        try:
            return _analyse(articles, lexicon_spec, skipped, bar)
        finally:
            bar.empty()

    return _pinned("report", key, lambda: _reports().get_or_compute(key, run))


def _analyse(articles: tuple[Article, ...], lexicon_spec: LexiconSpec | None, skipped: tuple[SkippedInput, ...],
             bar: DeltaGenerator | None) -> tuple[CorpusReport, bytes | None]:
    """One analysis: in this thread when small (few articles and characters), else in a worker process,
    queued if all are busy.

    Returns the report and, from a worker, its packed bytes (None: the store packs a small one)."""
    progress = _progress_updater(bar) if bar is not None else None
    if len(articles) < WORKER_MIN_ARTICLES and sum(len(a.text) for a in articles) < WORKER_MIN_CHARS:
        return pipeline.analyze_articles(articles, lexicon=get_lexicon(lexicon_spec), skipped=skipped,
                                         progress=progress), None
    get_lexicon(lexicon_spec)  # a bad lexicon fails here, with its file and line, before any queueing
    data = None if lexicon_spec is None else (lexicon_spec.name, lexicon_spec.text, lexicon_spec.extend)

    def queued(ahead: int) -> None:
        if bar is not None:
            bar.progress(0.0, text=f"Waiting for the server: {ahead} other large analysis(es) first…")

    return _pool().run(articles, lexicon=data, skipped=skipped, progress=progress, on_queue=queued)


def _progress_updater(bar: DeltaGenerator) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` callback that redraws the bar once per whole percent."""
    shown = [-1]

    def update(done: int, total: int) -> None:
        percent = done * 100 // total
        if percent != shown[0]:
            shown[0] = percent
            text = (f"Analysed {done:,} of {total:,} articles…" if done < total
                    else f"Analysed all {total:,} articles; comparing outlets…")
            bar.progress(percent / 100, text=text)

    return update


@st.cache_resource(show_spinner=False)
def _report_pages() -> ContentCache[bytes]:
    """Built HTML reports shared by every session, kept by size (``REPORT_HTML_MAX_BYTES``)."""
    return ContentCache(max_bytes=REPORT_HTML_MAX_BYTES, size_of=len)


def report_html(key: str, report: CorpusReport, outlets: tuple[str, ...] | None, include_charts: bool) -> bytes:
    """The self-contained HTML report of the analysis whose ``content_key`` is ``key`` (built when asked for)."""
    return _report_pages().get_or_compute(
        (key, outlets, include_charts),
        lambda: render_report_html(report, outlets=outlets, include_charts=include_charts))


#: Title of the ternary chart in a half-width column (the builder's own title is cut off there).
TERNARY_TITLE: Final = "Balance of frames (nearer a corner = more of it)"


#: Memory the shared figures may hold (their JSON, counted twice for the plotly objects beside it).
FIGURES_MAX_BYTES: Final = 40_000_000
#: Most outlets that get a chart on the Words page (500 outlets took 13-17 s a visit, issue 12);
#: the table under the charts lists every outlet's words.
WORD_CHARTS_MAX: Final = 20


def _figures_size(figures: SharedFigure | dict[str, SharedFigure] | list[SharedFigure]) -> int:
    if isinstance(figures, SharedFigure):
        figures = [figures]
    return sum(3 * len(f.to_json()) for f in (figures.values() if isinstance(figures, dict) else figures))


@st.cache_resource(show_spinner=False)
def _figure_sets() -> ContentCache[Any]:
    """Built plotly figures shared by every session, keyed by page and ``content_key``.

    Not ``st.cache_data``: unpickling its copy re-validates every plotly property (about 0.1 s a
    session for the overview, most of a warm page load), while ``st.plotly_chart`` only reads a
    figure (``to_dict`` copies it). The figures are ``SharedFigure``s: no session can change them.
    """
    return ContentCache(max_bytes=FIGURES_MAX_BYTES, size_of=_figures_size)


def overview_figure(key: str, report: CorpusReport, name: str) -> go.Figure:
    """The overview chart ``name`` (one of ``charts.OVERVIEW_FIGURES``) of the analysis whose
    ``content_key`` is ``key``: built once, shared, read-only.

    One figure at a time, not the set: the page sends each chart as soon as it is built, so the
    browser draws the first while the server builds the rest (a server's first set took 0.7 s, the
    first chart 0.2 s of it; issue 16).
    """

    def build() -> go.Figure:
        per_100 = frame_words_by_outlet(report) if name == "intensity" else None
        figure = charts.overview_figures(report.outlets, report.articles, per_100=per_100, names=(name,))[name]
        if name == "ternary":
            figure.update_layout(title_text=TERNARY_TITLE)
        return SharedFigure(figure)

    return _pinned(f"overview/{name}", key,
                   lambda: _figure_sets().get_or_compute(("overview", name, key), build))


@st.cache_data(show_spinner=False, max_entries=8)
def evidence_rows(key: str, _report: CorpusReport, top: int) -> list[tuple[str, dict[str, list[TermTotal]]]]:
    """``framing.selection.evidence_table`` of analysis ``key``, cached: it walks every piece of
    evidence in the corpus (half a second for 2,000 articles)."""
    return evidence_table(_report, top)


def default_outlet_choice(key: str, names: list[str], count: int) -> None:
    """Start the outlet picker ``key`` with the first ``count`` outlets, and start it again when it
    names an outlet the current analysis no longer has (another corpus was loaded)."""
    if [n for n in st.session_state.get(key, []) if n not in names]:
        del st.session_state[key]
    st.session_state.setdefault(key, names[:count])


def set_view(view: View) -> None:
    """Hand the current view to the page that st.navigation runs next (held like the analysis it
    shows, outside session state: see :func:`_held`; session state gets only a weak reference, for
    tests and debugging)."""
    _hold("view", "current", view)
    st.session_state["_view"] = weakref.ref(view)


def get_view() -> View:
    """The view set by ``dashboard.py`` in this run."""
    view = _held("view", "current")
    if not isinstance(view, View):
        st.error("Open the dashboard through dashboard.py: `streamlit run dashboard.py`.")
        st.stop()
    return view
