"""Framing Lens dashboard: pick articles and a lexicon in the sidebar, compare outlets on the pages.

Run with ``streamlit run dashboard.py``. This script owns the sidebar and the analysis call; the
pages in ``app_pages/`` only display the ``View`` it hands over. Widgets, layout, session state
and cache wrappers only: every number comes from :mod:`framing`.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from framing.corpus import article_from_text
from framing.errors import FramingError, LexiconError
from framing.types import Article, LoadResult
from framing.limits import dashboard_budget
from framing.textnorm import counted
from ui.corpus import (
    SKIPPED_SHOWN,
    add_pasted,
    analysis_failures_message,
    apply_labels,
    no_words_message,
    paste_refusal,
    paste_warnings,
    truncation_message,
    unlabelled_uploads_note,
)
from ui.markup import PAGE_CSS, md_escape
from ui.state import (
    LEXICON_SOURCES,
    SOURCES,
    LexiconSpec,
    View,
    analyze,
    content_key,
    get_lexicon,
    init_state,
    lexicon_table,
    load_sample,
    load_uploaded,
    set_view,
)

#: File types the article uploader accepts (framing.corpus.SUPPORTED_SUFFIXES, as the widget wants them).
UPLOAD_TYPES = ["txt", "md", "html", "htm", "csv", "jsonl"]
#: Characters of a title shown as the label of its outlet box.
LABEL_TITLE_CHARS = 60
#: Most articles that get their own outlet-label box; past this the sidebar would hold thousands of
#: widgets and every click would slow down, so large corpora are relabelled in their file instead.
MAX_LABEL_INPUTS = 50
#: Characters of a pasted lexicon (the built-in one, about 1,000 terms, is 0.15 MB as CSV): a limit that
#: keeps one paste from holding the shared server while it is parsed (issue 12).
LEXICON_MAX_CHARS = 1_000_000


def add_pasted_article() -> None:
    """Button callback: turn the paste fields into an article, keep it, clear every field (the
    outlet too, so the next paste never joins this outlet by accident), and warn about an empty
    outlet or a text too short to score."""
    state = st.session_state
    try:
        article = article_from_text(state.paste_text, outlet=state.paste_outlet, title=state.paste_title)
    except FramingError as exc:
        state.paste_message, state.paste_warning = f"Not added: {exc}", True
        return
    refusal = paste_refusal(state.pasted, article, dashboard_budget())
    if refusal:
        state.paste_message, state.paste_warning = refusal, True
        return
    state.pasted, added = add_pasted(state.pasted, article)
    if not added:
        state.paste_message, state.paste_warning = "This text was pasted already; not added twice.", True
        return
    warnings = paste_warnings(state.paste_outlet, state.paste_text, article.outlet)
    state.paste_message = " ".join(["Added.", *warnings])
    state.paste_warning = bool(warnings)
    state.paste_text, state.paste_title, state.paste_outlet = "", "", ""


def remember_page() -> None:
    """Read-first toggle callback: coming back from read-first mode returns to the page you were on."""
    st.session_state.return_to_page = not st.session_state.read_first


def clear_pasted() -> None:
    """Button callback: forget every pasted article."""
    st.session_state.pasted = ()
    st.session_state.paste_message = "Cleared."


def choose_corpus(source: str) -> LoadResult | None:
    """Sidebar controls of the chosen source; the articles they give, or None while there are none."""
    if source == "Upload files":
        files = st.file_uploader(
            "Article files", type=UPLOAD_TYPES, accept_multiple_files=True, key="upload_files",
            help="One article per .txt/.md/.html file; one per row in .csv/.jsonl (a 'text' column is required).",
        )
        pairs = tuple((f.name, f.getvalue()) for f in files or ())
        if not pairs:
            return None
        uploaded = load_uploaded(pairs)
        note = unlabelled_uploads_note(uploaded.articles)
        if note:
            st.caption(md_escape(note))
        return uploaded
    if source == "Paste text":
        st.text_input("Outlet", key="paste_outlet", placeholder="e.g. The Daily Example")
        st.text_input("Title (optional)", key="paste_title")
        st.text_area("Article text", key="paste_text", height=160)
        left, right = st.columns(2)
        left.button("Add article", key="paste_add", on_click=add_pasted_article, type="primary")
        right.button("Clear all", key="paste_clear", on_click=clear_pasted, disabled=not st.session_state.pasted)
        if st.session_state.paste_message:
            show = st.warning if st.session_state.paste_warning else st.caption
            show(md_escape(st.session_state.paste_message))
        st.caption(f"{counted(len(st.session_state.pasted), 'pasted article')} kept for this session.")
        return LoadResult(articles=tuple(st.session_state.pasted)) if st.session_state.pasted else None
    return load_sample()


def edit_labels(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    """One text box per article for its outlet label; the same label pools articles into one outlet."""
    with st.expander("Outlet labels", expanded=False):
        if len(articles) > MAX_LABEL_INPUTS:
            st.caption(f"{len(articles):,} articles: relabelling here is offered for up to {MAX_LABEL_INPUTS}. "
                       "Edit the outlet column or front matter of your files instead.")
            return articles
        st.caption("Articles with the same label count as one outlet.")
        labels = {}
        for article in articles:
            title = article.title if len(article.title) <= LABEL_TITLE_CHARS else article.title[:LABEL_TITLE_CHARS] + "…"
            labels[article.id] = st.text_input(md_escape(title) or article.id, value=article.outlet,
                                               key=f"label::{article.id}")
    return apply_labels(articles, labels)


def choose_lexicon(reveal: bool) -> tuple[LexiconSpec | None, DeltaGenerator | None]:
    """Lexicon controls; a bad lexicon shows its error and falls back to the built-in one. Also returns
    the empty slot where the term table goes when scores are shown: the table is drawn only after the
    page (see :func:`show_lexicon_table`)."""
    with st.expander("Lexicon", expanded=False):
        source = st.radio("Frame words", LEXICON_SOURCES, key="lexicon_source", horizontal=True)
        spec = None
        if source == "Upload CSV":
            upload = st.file_uploader("Lexicon CSV (term, frame, weight, note)", type=["csv"], key="lexicon_file")
            if upload is not None:
                try:
                    spec = LexiconSpec(upload.name, upload.getvalue().decode("utf-8-sig"), st.session_state.lexicon_extend)
                except UnicodeDecodeError:
                    st.error(md_escape(f"{upload.name}: not UTF-8 text; save it as UTF-8. Using the built-in lexicon."))
        elif source == "Paste CSV":
            st.text_area("Lexicon CSV", key="lexicon_text", height=120, max_chars=LEXICON_MAX_CHARS,
                         placeholder="term,frame,weight,note\nsoybean,trade,1.5,")
            if st.session_state.lexicon_text.strip():
                spec = LexiconSpec("pasted lexicon", st.session_state.lexicon_text, st.session_state.lexicon_extend)
        if source != LEXICON_SOURCES[0]:
            st.checkbox("Add to the built-in terms (off: use only mine)", key="lexicon_extend")
        own = spec is not None  # the user gave terms (a bad lexicon's fallback table shows they were not read)
        try:
            lexicon = get_lexicon(spec)
        except LexiconError as exc:
            st.error(md_escape(f"{exc}. Using the built-in lexicon instead."))
            spec, lexicon = None, get_lexicon(None)
        st.caption(md_escape(f"In use: {lexicon.name} {lexicon.version} ({len(lexicon.terms)} terms)"))
        # A user's own lexicon is shown at once (they want to see their terms read); the built-in one's
        # 1,500 rows only on request: drawn for every session, the table was 30% of a warm page's server
        # time (py-spy, 30 sessions at once) for an expander most never open (issue 16). With an empty
        # paste box or no upload yet, the lexicon in use is the built-in one too: also on request.
        shown = reveal and (own
                            or st.toggle(f"Show all {len(lexicon.terms):,} terms", key="lexicon_show_terms"))
        table_slot = st.empty() if shown else None
    return spec, table_slot


def show_lexicon_table(slot: DeltaGenerator | None, spec: LexiconSpec | None) -> None:
    """Fill the sidebar's term table, if one was asked for. Drawn after the page, in the slot kept for
    it, so the table never holds back the page's first chart (issue 16)."""
    if slot is None:
        return
    slot.dataframe(lexicon_table(spec), key="lexicon_table", hide_index=True, height=240)


def main() -> None:
    """One run of the script. Everything a run builds (the corpus, the analysis, the view) lives in
    this function's frame and goes when it returns: module-level names would stay in this script's
    module, which its own functions keep in a reference cycle, so only a garbage collection would
    free a closed session's corpus (issue 12)."""
    st.set_page_config(page_title="Framing Lens", layout="wide", initial_sidebar_state="expanded")
    init_state()
    st.html(f"<style>{PAGE_CSS}</style>")

    with st.sidebar:
        st.markdown("### Framing Lens")
        st.toggle("Read first (hide scores)", key="read_first", on_change=remember_page,
                  help="For class: show the plain articles only, with no numbers or colours, until you switch this off.")
        source = st.radio("Articles", SOURCES, key="source")
        loaded = choose_corpus(source)
        if loaded is not None:
            for item in loaded.skipped[:SKIPPED_SHOWN]:
                st.warning(md_escape(f"Skipped {item.source}: {item.reason}"))
            if len(loaded.skipped) > SKIPPED_SHOWN:
                st.warning(f"… and {len(loaded.skipped) - SKIPPED_SHOWN:,} more skipped inputs (the Export page's "
                           "JSON lists every one with its reason).")
        articles = edit_labels(loaded.articles) if loaded is not None and loaded.articles else ()
        lexicon_spec, lexicon_table_slot = choose_lexicon(reveal=not st.session_state.read_first)

    reveal = not st.session_state.read_first
    if not articles:
        st.title("Framing Lens")
        if source == "Upload files" and loaded is not None:
            st.error("None of the uploaded files could be read; see the reasons in the sidebar.")
        else:
            st.info("Add articles in the sidebar: upload files or paste an article with its outlet.")
        show_lexicon_table(lexicon_table_slot, lexicon_spec)
        st.stop()

    skipped = loaded.skipped if loaded else ()
    key = content_key(articles, lexicon_spec, skipped)
    try:
        report = analyze(key, articles, lexicon_spec, skipped)
        lexicon = get_lexicon(lexicon_spec)
    except FramingError as exc:
        st.error(md_escape(f"The analysis could not run: {exc}"))
        show_lexicon_table(lexicon_table_slot, lexicon_spec)  # the lexicon in use may be why: keep it in view
        st.stop()

    notice = truncation_message(report)
    if notice:
        st.warning(md_escape(notice), icon=":material/content_cut:")
    empty = no_words_message(report)
    if empty:
        st.warning(md_escape(empty))
    failures = analysis_failures_message(report, skipped)
    if failures:
        st.warning(md_escape(failures))
    if not report.articles:  # every article broke a step: nothing to show but the reasons above
        st.error("None of the articles could be analysed; the reasons are above.")
        show_lexicon_table(lexicon_table_slot, lexicon_spec)
        st.stop()

    set_view(View(report=report, lexicon=lexicon, reveal=reveal, articles=articles, lexicon_spec=lexicon_spec,
                  skipped=report.skipped, key=key))

    # Pages have no icons: Streamlit turns a page icon into the tab's favicon, and a ``:material/…:``
    # icon becomes a request to a Google font server, which a classroom machine must never make.
    # Back from read-first mode, the page you were on is the default page of this run, so no
    # ``st.switch_page`` rerun is needed: in a browser that rerun reset the sidebar's widgets (the
    # pasted or uploaded articles gave way to the samples; session 11, four pasted reports).
    back_to = st.session_state.get("last_page") if reveal and st.session_state.pop("return_to_page", False) else None
    if reveal:
        shown = [("overview", "Overview"), ("side_by_side", "Side by side"), ("passages", "Passages"),
                 ("voices", "Voices"), ("words", "Words"), ("coverage", "Coverage"), ("method", "Method"),
                 ("export", "Export")]
        default = back_to if back_to in {title for _, title in shown} else "Overview"
        pages = [st.Page(f"app_pages/{name}.py", title=title, default=title == default) for name, title in shown]
    else:
        pages = [st.Page("app_pages/read_first.py", title="Read first", default=True)]
    page = st.navigation(pages, position="top")
    if reveal:
        st.session_state.last_page = page.title
    try:
        page.run()
    except FramingError as exc:
        st.error(md_escape(f"This view could not be shown: {exc}"))
    finally:
        show_lexicon_table(lexicon_table_slot, lexicon_spec)



# Streamlit and AppTest run this file as ``__main__``; a spawned worker process re-imports the
# parent's main module as ``__mp_main__`` and must not draw a dashboard (it crashed the pool).
if __name__ == "__main__":
    main()
