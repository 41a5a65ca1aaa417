"""Read first: the plain articles side by side, with no numbers or colours (class mode)."""

from __future__ import annotations

import streamlit as st

from framing.highlights import render_article_html
from ui.markup import outlet_heading
from ui.state import get_view

#: Columns per row; more would make lines too short to read from the back of a room.
COLUMNS_PER_ROW = 3
#: Height (px) of each article's scroll box.
COLUMN_HEIGHT = 620
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
    for column, name in zip(st.columns(COLUMNS_PER_ROW, gap="medium"), row):
        with column:
            st.html(outlet_heading(name))
            own = [a for a in report.articles if a.outlet == name]
            if len(own) > MAX_ARTICLES_PER_COLUMN:
                st.caption(f"The first {MAX_ARTICLES_PER_COLUMN} of {len(own):,} articles.")
            with st.container(height=COLUMN_HEIGHT, border=True):
                for article in own[:MAX_ARTICLES_PER_COLUMN]:
                    st.html(render_article_html(article, reveal=False, show_removed=False))
