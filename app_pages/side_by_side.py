"""Side by side: the cleaned articles of up to four outlets in columns, evidence pinned on click."""

from __future__ import annotations

import streamlit as st

from framing.selection import articles_of, outlet_of
from framing_render.article import legend_html, render_compare_html
from framing_render.quotes import QUOTE_CSS, render_quotes_compare_html
from ui.state import default_outlet_choice, get_view

#: Most columns that stay readable on a projected 1440-px-wide screen.
MAX_COLUMNS = 4
#: Outlets shown before anyone picks: three columns and the evidence panel fit 1280 px.
DEFAULT_COLUMNS = 3
#: Articles shown per outlet column: a class reads a few, and a large corpus would otherwise send
#: megabytes of markup to the browser on every click (5 MB for 2,000 articles, measured).
MAX_ARTICLES_PER_COLUMN = 10

view = get_view()
report = view.report
names = [o.outlet for o in report.outlets]
default_outlet_choice("sbs_outlets", names, DEFAULT_COLUMNS)

chosen = st.multiselect("Outlets to compare (up to four)", names, key="sbs_outlets", max_selections=MAX_COLUMNS)
# Quotations marked instead of frames (grey = quoted, [speaker] after each quotation).
show_quotes = st.toggle("Mark quotations (who speaks) instead of frames", key="sbs_quotes")
st.html(f"<style>{QUOTE_CSS}</style>" if show_quotes else legend_html())
if not chosen:
    st.info("Pick at least one outlet above.")
    st.stop()

columns = []
for name in chosen:
    outlet = outlet_of(report, name)
    own = articles_of(report, name)
    note = (f"The first {MAX_ARTICLES_PER_COLUMN} of {len(own):,} articles (by id); the Export page has all of them."
            if len(own) > MAX_ARTICLES_PER_COLUMN else "")
    columns.append((name, outlet.emphasis, outlet.tone, own[:MAX_ARTICLES_PER_COLUMN], note))
if show_quotes:
    st.html(render_quotes_compare_html([(name, own, note) for name, _, _, own, note in columns]))
else:
    st.html(render_compare_html(columns, reveal=True, interactive=True, group="sbs"))
