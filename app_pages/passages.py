"""Passages: for one frame, each outlet's strongest sentences side by side, with scores and evidence."""

from __future__ import annotations

import streamlit as st

from framing.selection import top_passages
from framing.types import FRAMES
from framing_render.pages import passages_html
from ui.markup import outlet_heading
from ui.state import get_view

#: Outlets per row of columns (five narrow columns would break sentences into a few words a line).
COLUMNS_PER_ROW = 3
#: Choices for the number of passages per outlet.
MAX_PASSAGES = 6

st.session_state.setdefault("passage_frame", FRAMES[1])
st.session_state.setdefault("passage_count", 3)

view = get_view()
report = view.report

left, right = st.columns([3, 2])
frame = left.radio("Frame", FRAMES, key="passage_frame", horizontal=True, format_func=str.capitalize)
count = right.slider("Passages per outlet", 1, MAX_PASSAGES, key="passage_count")
st.caption(
    f"The sentences with the highest {frame} score in each outlet. A sentence's score is the sum of the "
    "weights of the frame words in it: they are in bold, with their weights listed under the sentence."
)


passages = top_passages(report, frame, count)
names = [o.outlet for o in report.outlets]
for row_start in range(0, len(names), COLUMNS_PER_ROW):
    row = names[row_start:row_start + COLUMNS_PER_ROW]
    for column, name in zip(st.columns(COLUMNS_PER_ROW, gap="medium"), row):
        with column:
            st.html(outlet_heading(name) + passages_html(passages[name], frame))
