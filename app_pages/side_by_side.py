"""Side by side: the cleaned articles of 2–4 outlets in columns, sentences marked by frame and tone."""

from __future__ import annotations

import streamlit as st

from framing.highlights import legend_html, render_article_html
from framing.quote_html import QUOTE_CSS, render_quotes_html
from ui.markup import emphasis_strip, outlet_heading
from ui.state import get_view

#: Most columns that stay readable on a projected 1440-px-wide screen.
MAX_COLUMNS = 4
#: Outlets shown before anyone picks (two or three, as the class discussion usually starts).
DEFAULT_COLUMNS = 3
#: Height (px) of each column's scroll box, so the outlet headings stay side by side.
COLUMN_HEIGHT = 640
#: Articles shown per outlet column: a class reads a few, and a large corpus would otherwise send
#: megabytes of markup to the browser on every click (5 MB for 2,000 articles, measured).
MAX_ARTICLES_PER_COLUMN = 10

view = get_view()
report = view.report
names = [o.outlet for o in report.outlets]
if [n for n in st.session_state.get("sbs_outlets", []) if n not in names]:
    del st.session_state["sbs_outlets"]
st.session_state.setdefault("sbs_outlets", names[:DEFAULT_COLUMNS])

chosen = st.multiselect("Outlets to compare (up to four)", names, key="sbs_outlets", max_selections=MAX_COLUMNS)
# Issue 14: quotations marked instead of frames (grey = quoted, [speaker] after each quotation).
show_quotes = st.toggle("Mark quotations (who speaks) instead of frames", key="sbs_quotes")
st.html(f"<style>{QUOTE_CSS}</style>" if show_quotes else legend_html())
if not chosen:
    st.info("Pick at least one outlet above.")
    st.stop()

for column, name in zip(st.columns(len(chosen), gap="medium"), chosen):
    outlet = next(o for o in report.outlets if o.outlet == name)
    with column:
        st.html(outlet_heading(name) + emphasis_strip(outlet.emphasis, tone=outlet.tone))
        own = [a for a in report.articles if a.outlet == name]
        if len(own) > MAX_ARTICLES_PER_COLUMN:
            st.caption(f"The first {MAX_ARTICLES_PER_COLUMN} of {len(own):,} articles (by id); "
                       "the Export page has all of them.")
        with st.container(height=COLUMN_HEIGHT, border=True):
            for article in own[:MAX_ARTICLES_PER_COLUMN]:
                st.html(render_quotes_html(article) if show_quotes else render_article_html(article, reveal=True, show_removed=True))
