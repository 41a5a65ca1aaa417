"""Words: the words an outlet uses clearly more than the others (z >= 1.96), and the frame words
behind each score. Noise is not shown as a finding: below the threshold the page says so."""

from __future__ import annotations

import streamlit as st

from framing.selection import Z_THRESHOLD, context_terms, significant_terms
from framing_render.pages import evidence_table_html, words_table_html
from ui.state import evidence_rows, get_view

#: Frame words listed per outlet and frame in the evidence table.
EVIDENCE_TERMS = 6
#: Significant words listed per outlet.
TOP_WORDS = 8

view = get_view()
report = view.report
outlets = report.outlets

st.markdown("#### Words an outlet uses clearly more than the others")
st.caption(
    f"Weighted log-odds with an informative prior (Monroe et al. 2008). A word is listed only when its "
    f"z-score reaches {Z_THRESHOLD} (5% two-sided): below that, the difference could be chance."
)
passing = {o.outlet: significant_terms(o)[:TOP_WORDS] for o in outlets}
if len(outlets) < 2:
    st.info("With one outlet there is nothing to compare its words with.")
elif not any(passing.values()):
    st.info(f"No word passes z ≥ {Z_THRESHOLD}: with {len(report.articles)} articles, no outlet uses any "
            "word clearly more often than the others do. Small corpora give small z-scores; add articles "
            "to find real differences.")
else:
    st.html(words_table_html(passing))

st.markdown("#### Frame words behind each score")
st.caption("The lexicon terms that added the most to each outlet's frame scores (× times found). "
           "Names of foreign places and officials' titles count toward diplomacy, but they say where a story "
           "is and who speaks, not how it is framed: they are listed apart, and alone they never name a "
           "paragraph's frame.")
st.html(evidence_table_html(evidence_rows(view.key, report, EVIDENCE_TERMS), context_terms(view.lexicon)))
