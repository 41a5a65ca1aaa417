"""Session state, cache wrappers and the view handed from ``dashboard.py`` to the pages.

Cached wrappers take hashable arguments only (tuples of frozen ``Article`` dataclasses, strings):
``st.cache_data`` for results, ``st.cache_resource`` for read-only lexicons. All analysis is done
by :mod:`framing`; nothing here computes a score.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

import plotly.graph_objects as go
import streamlit as st

from framing import charts, pipeline
from framing.corpus import load_paths
from framing.lexicon import Lexicon, extend_lexicon, load_default_lexicon, parse_lexicon
from framing.report_html import render_report_html
from framing.types import Article, CorpusReport, LoadResult, SkippedInput

from .corpus import load_uploads

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
    "report_html",
    "overview_figures",
    "word_figures",
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


@st.cache_data(show_spinner="Analysing the articles…", max_entries=16)
def analyze(
    articles: tuple[Article, ...], lexicon_spec: LexiconSpec | None, skipped: tuple[SkippedInput, ...]
) -> CorpusReport:
    """Analyse the articles with the chosen lexicon (cached on the articles' content and the lexicon text)."""
    return pipeline.analyze_articles(articles, lexicon=get_lexicon(lexicon_spec), skipped=skipped)


@st.cache_data(show_spinner=False, max_entries=4)
def report_html(
    articles: tuple[Article, ...],
    lexicon_spec: LexiconSpec | None,
    skipped: tuple[SkippedInput, ...],
    outlets: tuple[str, ...] | None,
    include_charts: bool,
) -> bytes:
    """The self-contained HTML report of the same analysis (built only when asked for)."""
    report = analyze(articles, lexicon_spec, skipped)
    return render_report_html(report, outlets=outlets, include_charts=include_charts)


#: Title of the ternary chart in a half-width column (the builder's own title is cut off there).
TERNARY_TITLE: Final = "Balance of frames (nearer a corner = more of that frame)"
#: Terms per outlet in the Words charts.
TOP_TERMS: Final = 10


@st.cache_data(show_spinner=False, max_entries=8)
def overview_figures(
    articles: tuple[Article, ...], lexicon_spec: LexiconSpec | None, skipped: tuple[SkippedInput, ...]
) -> dict[str, go.Figure]:
    """The overview charts, built once per analysis (building plotly figures costs ~20 ms each)."""
    report = analyze(articles, lexicon_spec, skipped)
    ternary = charts.emphasis_ternary(report.outlets)
    ternary.update_layout(title_text=TERNARY_TITLE)
    return {
        "emphasis": charts.emphasis_bars(report.outlets),
        "tone": charts.tone_bars(report.outlets),
        "ternary": ternary,
        "intensity": charts.intensity_bars(report.outlets),
        "readability": charts.readability_bars(report.articles),
    }


@st.cache_data(show_spinner=False, max_entries=8)
def word_figures(
    articles: tuple[Article, ...], lexicon_spec: LexiconSpec | None, skipped: tuple[SkippedInput, ...]
) -> list[go.Figure]:
    """One distinctive-words chart per outlet, titled by the page (long outlet names cut chart titles)."""
    figures = []
    for outlet in analyze(articles, lexicon_spec, skipped).outlets:
        figure = charts.distinctive_terms_chart(outlet, top_n=TOP_TERMS)
        figure.update_layout(title_text="", margin=dict(t=20))
        figures.append(figure)
    return figures


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
