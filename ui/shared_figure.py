"""A plotly figure that many sessions can share and none can change (issue 12, item 6).

The figure cache hands one object to every session (unpickling a copy per session costs 0.1 s of
plotly validation, see ``ui.state``). A plain ``go.Figure`` would let one page's
``fig.update_layout(...)`` reach every other session. ``SharedFigure`` draws from the figure's JSON
text (a ``str``, immutable): ``st.plotly_chart`` reads it through ``to_dict`` as it reads any figure,
every mutating method and top-level assignment raises, and an assignment deep inside
(``fig.layout.title.text = ...``) changes only this object's Python attributes, never what any session
is drawn. No streamlit.
"""

from __future__ import annotations

import json
from typing import Any, NoReturn

import plotly.graph_objects as go
import plotly.io as pio

__all__ = ["SharedFigure"]

_MUTATORS = ("update", "update_layout", "update_traces", "add_trace", "add_traces", "plotly_restyle",
             "plotly_relayout", "plotly_update", "batch_update", "batch_animate", "set_subplots",
             "add_shape", "add_annotation", "add_hline", "add_vline", "add_hrect", "add_vrect", "add_layout_image",
             "for_each_trace", "update_xaxes", "update_yaxes", "show", "write_html", "write_image", "write_json")


class SharedFigure(go.Figure):
    """Read-only view of a figure, rendered exactly like it.

    Examples
    --------
    >>> shared = SharedFigure(go.Figure(go.Bar(x=[1], y=[2]), layout={"title": {"text": "T"}}))
    >>> shared.to_dict()["layout"]["title"]
    {'text': 'T'}
    >>> shared.layout.title.text = "changed"     # not what is drawn
    >>> shared.to_dict()["layout"]["title"]
    {'text': 'T'}
    >>> shared.update_layout(title_text="x")
    Traceback (most recent call last):
    ...
    TypeError: this figure is shared between sessions and read-only; copy it first: go.Figure(figure.to_dict())
    """

    _frozen = False

    def __init__(self, figure: go.Figure) -> None:
        super().__init__(figure)
        self._spec: str = pio.to_json(figure, validate=False)
        self._frozen = True

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen:
            _refuse()
        super().__setattr__(name, value)

    def __setitem__(self, key: Any, value: Any) -> None:
        _refuse()

    def to_dict(self) -> dict[str, Any]:
        """A fresh dict of the figure (what ``st.plotly_chart`` sends to the browser)."""
        return dict(json.loads(self._spec))

    def to_plotly_json(self) -> dict[str, Any]:
        return self.to_dict()

    def to_json(self, *args: Any, **kwargs: Any) -> str:
        return self._spec if not args and not kwargs else pio.to_json(self.to_dict(), *args, **kwargs)


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise TypeError("this figure is shared between sessions and read-only; copy it first: go.Figure(figure.to_dict())")


for _name in _MUTATORS:
    setattr(SharedFigure, _name, _refuse)
