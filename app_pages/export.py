"""Export: the results as CSV and JSON, and a self-contained HTML report for a printable handout."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import streamlit as st

from framing.export import to_csv, to_json
from framing.types import CorpusReport
from ui.state import get_view, report_html


def export_bytes(render: Callable[[CorpusReport], str], report: CorpusReport) -> bytes:
    """UTF-8 bytes of an export, built only when its button is pressed (JSON of 2,000 articles takes seconds)."""
    return render(report).encode("utf-8")


view = get_view()
report = view.report
names = [o.outlet for o in report.outlets]

st.markdown("#### Take the results with you")
csv_column, json_column = st.columns(2, gap="large")
with csv_column:
    st.download_button("Download CSV", partial(export_bytes, to_csv, report), file_name="framing-lens.csv",
                       mime="text/csv", key="download_csv")
    st.caption("One row per outlet, then one per article: frame shares and scores, intensity, tone, readability.")
with json_column:
    st.download_button("Download JSON", partial(export_bytes, to_json, report), file_name="framing-lens.json",
                       mime="application/json", key="download_json")
    st.caption("Everything, down to each sentence's evidence terms and their offsets.")

st.markdown("#### Classroom handout")
chosen = st.multiselect("Outlets in the handout", names, default=names, key="export_outlets")
with_charts = st.checkbox("Include interactive charts (about 5 MB; works offline; not needed to print)", value=False, key="export_charts")
st.download_button(
    "Download HTML report",
    partial(report_html, view.key, report, tuple(chosen) or None, with_charts),
    file_name="framing-lens-report.html", mime="text/html", key="download_html",
    disabled=not chosen,
)
st.caption("One file with the summary, charts and highlighted articles; open it in a browser and print.")
