"""Framing Lens server: ``streamlit run app.py`` (``make run``) serves ``dashboard.py``, with
Streamlit's hashed JavaScript and CSS answered from memory (``ui.static_files``, issue 16: a class
opening the page at once waits for a third as long) and the page asking for plotly.js while the
server prepares the first chart (``ui.plotly_early``). ``streamlit run dashboard.py`` still works
and shows the same pages; it only serves them more slowly.
"""

import streamlit as st
from starlette.middleware import Middleware

from ui.plotly_early import PlotlyEarly
from ui.static_files import StaticFilesFromMemory

app = st.App("dashboard.py", middleware=[Middleware(StaticFilesFromMemory), Middleware(PlotlyEarly)])
