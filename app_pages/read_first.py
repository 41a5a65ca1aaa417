"""Read first: the plain articles side by side, with no numbers or colours (class mode)."""

from __future__ import annotations

import streamlit as st

from framing.selection import articles_of
from framing.types import ArticleReport
from framing_render.article import render_compare_html
from ui.state import get_view

#: Columns per row; more would make lines too short to read from the back of a room.
COLUMNS_PER_ROW = 3
#: Articles shown per outlet (as on the Side by side page): enough to read, light enough to send.
MAX_ARTICLES_PER_COLUMN = 10

view = get_view()
report = view.report
st.info(
    "Scores are hidden so the class can read first. Which aspects of the story does each outlet put "
    "first? Which words stand out? Switch off **Read first** in the sidebar to reveal the analysis."
)
names = [o.outlet for o in report.outlets]
for row_start in range(0, len(names), COLUMNS_PER_ROW):
    row = names[row_start:row_start + COLUMNS_PER_ROW]
    columns: list[tuple[str, dict[str, float], float, tuple[ArticleReport, ...], str]] = []
    for name in row:
        own = articles_of(report, name)
        note = f"The first {MAX_ARTICLES_PER_COLUMN} of {len(own):,} articles." if len(own) > MAX_ARTICLES_PER_COLUMN else ""
        columns.append((name, {}, 0.0, own[:MAX_ARTICLES_PER_COLUMN], note))
    st.html(render_compare_html(columns, reveal=False, interactive=False, group=f"rf{row_start}", show_removed=False))
