"""Words: the vocabulary each outlet uses more than the others, and the frame words behind its scores."""

from __future__ import annotations

import streamlit as st

from ui.markup import outlet_heading
from ui.state import evidence_rows, get_view, word_figures

#: Charts per row.
CHARTS_PER_ROW = 2
#: Frame words listed per outlet and frame in the evidence table.
EVIDENCE_TERMS = 8

view = get_view()
report = view.report

st.markdown("#### Words each outlet uses more than the others")
st.caption(
    "Log-odds with an informative prior (Monroe et al. 2008): a z-score above 2 means the outlet uses the "
    "word clearly more often than the other outlets do. Small corpora give small z-scores."
)
outlets = report.outlets
figures = word_figures(view.key, view.report)
if len(figures) < len(outlets):
    st.info(f"Charts for the first {len(figures)} of {len(outlets):,} outlets (more would make this page slow "
            "for everyone on the server); the table below lists the words of every outlet.")
    outlets = outlets[:len(figures)]
for row_start in range(0, len(outlets), CHARTS_PER_ROW):
    row = outlets[row_start:row_start + CHARTS_PER_ROW]
    for column, outlet in zip(st.columns(CHARTS_PER_ROW, gap="large"), row):
        index = row_start + row.index(outlet)
        with column:
            st.html(outlet_heading(outlet.outlet))
            st.plotly_chart(figures[index], key=f"chart_words_{index}", config={"displaylogo": False})

st.markdown("##### All distinctive words")
st.dataframe(
    [{"outlet": o.outlet, "word": t.term, "z-score": round(t.z, 2), "times used": t.count}
     for o in report.outlets for t in o.distinctive_terms],
    key="words_table", hide_index=True,
)

st.markdown("#### Frame words behind each score")
st.caption("The lexicon terms that added the most to each outlet's frame scores (times found, total weight).")
st.dataframe(evidence_rows(view.key, report, EVIDENCE_TERMS), key="evidence_table", hide_index=True)
