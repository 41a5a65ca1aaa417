"""Overview: one sentence per outlet, then emphasis, balance, tone, intensity and readability."""

from __future__ import annotations

import streamlit as st

from framing.summary import summarise_outlets
from framing.types import FRAMES
from ui.markup import frame_legend, md_escape, outlet_sentence
from ui.state import get_view, overview_figures

#: plotly toolbar: no logo link to plotly.com; the rest stays for zoom/download.
PLOTLY_CONFIG = {"displaylogo": False}

view = get_view()
report = view.report
figures = overview_figures(view.key, report)
outlets = report.outlets

st.markdown(f"#### How {len(outlets)} outlet{'s' if len(outlets) != 1 else ''} framed the story")
st.caption(md_escape(
    f"{len(report.articles)} article(s) · lexicon {view.lexicon.name} {view.lexicon.version} · "
    "emphasis = share of an outlet's frame evidence; tone from −1 (negative) to +1 (positive)"
))
st.html(frame_legend(view.lexicon.definitions))

left, right = st.columns([5, 6], gap="large")
with left:
    sentences = "".join(outlet_sentence(s.outlet, s.rest) for s in summarise_outlets(outlets))
    st.html(sentences)
with right:
    st.plotly_chart(figures["emphasis"], key="chart_emphasis", config=PLOTLY_CONFIG)

first, second = st.columns(2, gap="large")
with first:
    st.plotly_chart(figures["tone"], key="chart_tone", config=PLOTLY_CONFIG)
with second:
    st.plotly_chart(figures["ternary"], key="chart_ternary", config=PLOTLY_CONFIG)

third, fourth = st.columns(2, gap="large")
with third:
    st.plotly_chart(figures["intensity"], key="chart_intensity", config=PLOTLY_CONFIG)
with fourth:
    st.plotly_chart(figures["readability"], key="chart_readability", config=PLOTLY_CONFIG)

with st.expander("The numbers in a table", expanded=False):
    st.dataframe(
        [
            {
                "outlet": o.outlet,
                "articles": len(o.articles),
                "words": o.word_count,
                **{f: round(100 * o.emphasis[f]) for f in FRAMES},
                "intensity": round(o.intensity, 1),
                "tone": round(o.tone, 2),
            }
            for o in outlets
        ],
        key="overview_table",
        hide_index=True,
        column_config={f: st.column_config.NumberColumn(f"{f} %", format="%d%%") for f in FRAMES},
    )
