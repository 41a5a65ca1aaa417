"""The render layer: HTML, CSS and charts from the engine's spans and numbers.

``framing`` (the analysis) imports neither streamlit, plotly nor jinja2; this package turns its
results into things people look at, for the dashboard and the HTML report alike:

- ``text``: the one escaper, the one number formatter, the one bidi isolation;
- ``palette``: colour-blind-safe frame colours and tone colours that reuse no frame hue;
- ``article``: highlighted articles, side by side, with the evidence panel (Jinja2 templates);
- ``charts``: plotly figures;
- ``report``: the self-contained, printable HTML report;
- ``jinja``: the template environment; templates and stylesheets are package data files.
"""
