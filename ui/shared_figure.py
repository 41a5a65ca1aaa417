"""A plotly figure that many sessions can share and none can change (issue 12, items 6 and memory).

The figure cache hands one object to every session (unpickling a copy per session costs 0.1 s of
plotly validation, see ``ui.state``). A plain ``go.Figure`` would let one page's
``fig.update_layout(...)`` reach every other session. ``SharedFigure`` keeps only the figure's JSON
text (a ``str``, immutable, one block of memory): ``st.plotly_chart`` reads it through ``to_dict`` as
it reads any figure, and every mutating method, assignment and attribute walk (``fig.layout``) raises.

Why only the text: a built plotly figure is thousands of small Python objects (per-article hover
labels, validators, a copy of the layout template). Kept in the shared cache after the session that
built it closed, they were scattered over hundreds of the small-object allocator's arenas and kept
them all from being returned: clearing the figure cache after five 2,000-article sessions took the
server from 780 to 445 MB (measured with ``bench/load.py --heavy 5``). No streamlit.
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
             "for_each_trace", "update_xaxes", "update_yaxes", "show", "write_html", "write_image", "write_json",
             "select_traces")
_REFUSAL = "this figure is shared between sessions and read-only; copy it first: go.Figure(figure.to_dict())"


def _guarded(attribute: property) -> property:
    """``attribute`` of the figure, refused once the figure is frozen (plotly's own init still uses it)."""

    def read(figure: SharedFigure) -> Any:
        if figure._frozen:
            _refuse()
        return attribute.fget(figure)  # type: ignore[misc]

    return property(read, attribute.fset)


class SharedFigure(go.Figure):
    """Read-only figure drawn from its JSON text; the plotly objects it was built from are not kept.

    Examples
    --------
    >>> shared = SharedFigure(go.Figure(go.Bar(x=[1], y=[2]), layout={"title": {"text": "T"}}))
    >>> shared.to_dict()["layout"]["title"], shared.to_dict()["data"][0]["type"]
    ({'text': 'T'}, 'bar')
    >>> shared.update_layout(title_text="x")
    Traceback (most recent call last):
    ...
    TypeError: this figure is shared between sessions and read-only; copy it first: go.Figure(figure.to_dict())
    >>> go.Figure(shared.to_dict()).layout.title.text    # an editable copy
    'T'
    """

    _frozen = False

    def __init__(self, figure: go.Figure) -> None:
        # An empty shell with an empty template: the default template alone is a large object graph.
        super().__init__(layout={"template": {}})
        self._spec: str = pio.to_json(figure, validate=False)
        self._frozen = True

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen:
            _refuse()
        super().__setattr__(name, value)

    def __setitem__(self, key: Any, value: Any) -> None:
        _refuse()

    def __getitem__(self, key: Any) -> Any:
        if self._frozen:
            _refuse()
        return super().__getitem__(key)

    data = _guarded(go.Figure.data)
    layout = _guarded(go.Figure.layout)

    def __repr__(self) -> str:
        return f"SharedFigure({len(self._spec):,} characters of JSON)"

    def to_dict(self) -> dict[str, Any]:
        """A fresh dict of the figure (what ``st.plotly_chart`` sends to the browser)."""
        return dict(json.loads(self._spec))

    def to_plotly_json(self) -> dict[str, Any]:
        return self.to_dict()

    def to_json(self, *args: Any, **kwargs: Any) -> str:
        return self._spec if not args and not kwargs else pio.to_json(self.to_dict(), *args, **kwargs)


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise TypeError(_REFUSAL)


for _name in _MUTATORS:
    setattr(SharedFigure, _name, _refuse)
