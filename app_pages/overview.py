"""Overview: one sentence per outlet, then emphasis, balance, tone, frame words and readability."""

from __future__ import annotations

import pyarrow as pa
import streamlit as st

from framing.evidence import frame_label
from framing.summary import summarise_outlets
from framing.textnorm import counted
from framing.types import FRAMES
from ui.markup import frame_legend, md_escape, outlet_sentence
from ui.outlet_notes import read_outlet_notes
from ui.state import SAMPLE_DIR, get_view, overview_figure

#: plotly toolbar hidden: its icons crowd a projected chart and the numbers are in the table below.
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": False}

view = get_view()
report = view.report
outlets = report.outlets

st.markdown(f"#### How {len(outlets)} outlet{'s' if len(outlets) != 1 else ''} framed the story")
st.caption(md_escape(
    f"{counted(len(report.articles), 'article')} · lexicon {view.lexicon.name} {view.lexicon.version} · "
    "share = part of an outlet's frame words that belongs to each frame; tone from −1 (negative) to +1 (positive)"
))
st.html(frame_legend(view.lexicon.definitions))

left, right = st.columns([5, 6], gap="large")
with left:
    sentences = "".join(outlet_sentence(s.outlet, s.rest) for s in summarise_outlets(outlets))
    st.html(sentences)
    notes = read_outlet_notes(SAMPLE_DIR / "README.md")
    known = [(o.outlet, notes[o.outlet]) for o in outlets if o.outlet in notes]
    if known:
        with st.expander("What is known of each outlet", expanded=False):
            for name, note in known:
                st.markdown(f"**{md_escape(name)}**: {md_escape(note)}")
with right:
    st.plotly_chart(overview_figure(view.key, report, "emphasis"), key="chart_emphasis", config=PLOTLY_CONFIG)

first, second = st.columns(2, gap="large")
with first:
    st.plotly_chart(overview_figure(view.key, report, "tone"), key="chart_tone", config=PLOTLY_CONFIG)
with second:
    st.plotly_chart(overview_figure(view.key, report, "ternary"), key="chart_ternary", config=PLOTLY_CONFIG)

third, fourth = st.columns(2, gap="large")
with third:
    st.plotly_chart(overview_figure(view.key, report, "intensity"), key="chart_intensity", config=PLOTLY_CONFIG)
with fourth:
    st.plotly_chart(overview_figure(view.key, report, "readability"), key="chart_readability", config=PLOTLY_CONFIG)

with st.expander("The numbers in a table", expanded=False):
    # An Arrow table, not a list of dicts: Streamlit would build a pandas frame of it on every run (9% of
    # a warm page's server time, py-spy, 30 sessions at once; issue 16).
    st.dataframe(
        pa.Table.from_pylist([
            {
                "outlet": o.outlet,
                "articles": len(o.articles),
                "words": o.word_count,
                **{f: round(100 * o.emphasis[f]) for f in FRAMES},
                "main frame": frame_label(o.dominant_frame, o.evidence_level, missing="–"),
                "tone": round(o.tone, 2),
            }
            for o in outlets
        ]),
        key="overview_table",
        hide_index=True,
        column_config={f: st.column_config.NumberColumn(f"{f} %", format="%d%%") for f in FRAMES},
    )
