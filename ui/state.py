"""Session state, cache wrappers and the view handed from ``dashboard.py`` to the pages.

Cached wrappers take hashable arguments only (tuples of frozen ``Article`` dataclasses, strings):
``st.cache_data`` for results, ``st.cache_resource`` for read-only lexicons. All analysis is done
by :mod:`framing`; nothing here computes a score.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import plotly.graph_objects as go
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from framing import pipeline
from framing.corpus import load_paths
from framing.lexicon import Lexicon, extend_lexicon, load_default_lexicon, parse_lexicon
from framing.compare import TermTotal
from framing.selection import evidence_table, frame_words_by_outlet
from framing.types import Article, CorpusReport, LoadResult, SkippedInput
from framing_render import charts
from framing_render.report import render_report_html

from .corpus import load_uploads
from .report_cache import ContentCache

__all__ = [
    "SAMPLE_DIR",
    "SOURCES",
    "LEXICON_SOURCES",
    "DEFAULTS",
    "LexiconSpec",
    "View",
    "init_state",
    "load_sample",
    "load_uploaded",
    "get_lexicon",
    "analyze",
    "content_key",
    "report_html",
    "overview_figures",
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


@dataclass(frozen=True, slots=True)
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
    """Set every session_state default once (widgets then read their value by key)."""
    for key, value in DEFAULTS.items():
        st.session_state.setdefault(key, value)


@st.cache_data(show_spinner=False)
def load_sample() -> LoadResult:
    """The bundled articles in ``data/``."""
    return load_paths([SAMPLE_DIR])


@st.cache_data(show_spinner=False, max_entries=16)
def load_uploaded(files: tuple[tuple[str, bytes], ...]) -> LoadResult:
    """Uploaded ``(name, bytes)`` pairs as a load result (bad files land in ``skipped``)."""
    return load_uploads(files)


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


#: Finished analyses kept for all sessions (a 2,000-article report takes roughly 100 MB).
REPORTS_KEPT: Final = 8
#: Corpora this big get a progress bar while they are analysed; smaller ones take under a second
#: (about 5 ms an article on the 2-core reference machine) and get a spinner.
PROGRESS_MIN_ARTICLES: Final = 50


@st.cache_resource(show_spinner=False)
def _reports() -> ContentCache[CorpusReport]:
    """The one content-keyed store of analyses shared by every session (see ``ui.report_cache``)."""
    return ContentCache(max_entries=REPORTS_KEPT)


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

    def run() -> CorpusReport:
        lexicon = get_lexicon(lexicon_spec)
        if len(articles) < PROGRESS_MIN_ARTICLES:
            with st.spinner("Analysing the articles…"):
                return pipeline.analyze_articles(articles, lexicon=lexicon, skipped=skipped)
        bar = st.progress(0.0, text=f"Analysing {len(articles):,} articles…")
        try:
            return pipeline.analyze_articles(articles, lexicon=lexicon, skipped=skipped,
                                             progress=_progress_updater(bar))
        finally:
            bar.empty()

    return _reports().get_or_compute(key, run)


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


@st.cache_data(show_spinner=False, max_entries=4)
def report_html(key: str, _report: CorpusReport, outlets: tuple[str, ...] | None, include_charts: bool) -> bytes:
    """The self-contained HTML report of the analysis whose ``content_key`` is ``key`` (built when asked for)."""
    return render_report_html(_report, outlets=outlets, include_charts=include_charts)


#: Title of the ternary chart in a half-width column (the builder's own title is cut off there).
TERNARY_TITLE: Final = "Balance of frames (nearer a corner = more of it)"


#: Sets of figures kept for all sessions (one overview or one Words page per analysis).
FIGURE_SETS_KEPT: Final = 16


@st.cache_resource(show_spinner=False)
def _figure_sets() -> ContentCache[Any]:
    """Built plotly figures shared by every session, keyed by page and ``content_key``.

    Not ``st.cache_data``: unpickling its copy re-validates every plotly property (about 0.1 s a
    session for the overview, most of a warm page load), while ``st.plotly_chart`` only reads a
    figure (``to_dict`` copies it). Pages treat these figures as read-only.
    """
    return ContentCache(max_entries=FIGURE_SETS_KEPT)


def overview_figures(key: str, report: CorpusReport) -> dict[str, go.Figure]:
    """The overview charts of the analysis whose ``content_key`` is ``key`` (built once, shared, read-only)."""

    def build() -> dict[str, go.Figure]:
        per_100 = frame_words_by_outlet(report)
        ternary = charts.emphasis_ternary(report.outlets)
        ternary.update_layout(title_text=TERNARY_TITLE)
        return {
            "emphasis": charts.emphasis_bars(report.outlets),
            "tone": charts.tone_bars(report.outlets),
            "ternary": ternary,
            "intensity": charts.intensity_bars(report.outlets, [per_100[o.outlet] for o in report.outlets]),
            "readability": charts.readability_bars(report.articles),
        }

    return _figure_sets().get_or_compute(("overview", key), build)


@st.cache_data(show_spinner=False, max_entries=8)
def evidence_rows(key: str, _report: CorpusReport, top: int) -> list[tuple[str, dict[str, list[TermTotal]]]]:
    """``framing.selection.evidence_table`` of analysis ``key``, cached: it walks every piece of
    evidence in the corpus (half a second for 2,000 articles)."""
    return evidence_table(_report, top)


def set_view(view: View) -> None:
    """Hand the current view to the page that st.navigation runs next."""
    st.session_state["_view"] = view


def get_view() -> View:
    """The view set by ``dashboard.py`` in this run."""
    view = st.session_state.get("_view")
    if not isinstance(view, View):
        st.error("Open the dashboard through dashboard.py: `streamlit run dashboard.py`.")
        st.stop()
    return view
