"""Reports travel through pickle (worker processes, caches): equal and read-only on the other side."""

from __future__ import annotations

import copyreg
import dataclasses
import pickle
from types import MappingProxyType

from framing import types
from framing.pipeline import analyze_articles
from framing.types import Article


def test_every_result_type_has_the_fast_reducer() -> None:
    classes = [v for v in vars(types).values()
               if isinstance(v, type) and dataclasses.is_dataclass(v) and v.__module__ == types.__name__]
    assert len(classes) > 20
    assert [c.__name__ for c in classes if c not in copyreg.dispatch_table] == []


def test_a_report_survives_pickle_equal_and_read_only() -> None:
    text = "“We won,” said Ana Ruiz. Tariffs on soybeans rose.\n\nTroops massed near the border. Talks resumed."
    report = analyze_articles([Article(id="a", outlet="A", title="t", text=text),
                               Article(id="b", outlet="B", title="u", text=text.replace("rose", "fell"))])
    copy = pickle.loads(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == report and copy is not report
    assert isinstance(copy.articles[0].emphasis, MappingProxyType)
    assert copy.articles[0].quotes == report.articles[0].quotes
