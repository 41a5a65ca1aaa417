"""ui.warm: the server's one-time loads happen once per process and leave the collector's scans."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _run(code: str) -> str:
    """Run ``code`` in a fresh interpreter (freezing is process-wide: never in the test process)."""
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300, check=True)
    return done.stdout.strip()


def test_warm_once_freezes_once_per_process() -> None:
    out = _run("import gc; from ui import warm; before = gc.get_freeze_count(); "
               "print(before, warm.warm_once(), warm.warm_once(), gc.get_freeze_count() > before)")
    assert out == "0 True False True"


def test_a_failing_warm_up_is_not_retried_and_freezes_nothing() -> None:
    out = _run("import gc; from ui import warm; from framing import pipeline\n"
               "def boom(*a, **k): raise RuntimeError('x')\n"
               "pipeline.analyze_articles = boom\n"
               "print(warm.warm_once(), warm.warm_once(), gc.get_freeze_count())")
    assert out == "False False 0"


def test_warm_up_texts_touch_every_frame_and_carry_a_quote() -> None:
    from framing import pipeline
    from framing.corpus import article_from_text
    from ui import warm

    report = pipeline.analyze_articles([article_from_text(t, outlet=f"o{i}") for i, t in enumerate(warm.WARM_UP_TEXTS)])
    frames = {f for a in report.articles for s in a.sentences for f, v in s.frames.items() if v}
    assert frames == {"trade", "security", "diplomacy"}
    assert any(a.quotes for a in report.articles)


def test_the_first_overview_imports_no_plotly_or_pandas_module_after_the_freeze() -> None:
    """What the overview's first run imports is frozen with the rest (issue 16): imported after the
    freeze, plotly's validators and pandas left 47,000 objects for every full collection to walk
    (171 plotly and 294 pandas modules before). A validator that only some data needs may still come
    later (the sample's five outlets get a smaller tick font: one module)."""
    out = _run("import sys\n"
               "import pyarrow as pa\n"
               "import plotly.io as pio\n"
               "from streamlit import dataframe_util\n"
               "from ui import warm\n"
               "from framing import pipeline\n"
               "from framing.corpus import load_paths\n"
               "from framing.selection import frame_words_by_outlet\n"
               "from framing_render import charts\n"
               "assert warm.warm_once()\n"
               "before = set(sys.modules)\n"
               "report = pipeline.analyze_articles(load_paths(['data']).articles)\n"
               "for f in charts.overview_figures(report.outlets, report.articles, "
               "per_100=frame_words_by_outlet(report)).values(): pio.to_json(f, validate=False)\n"
               "dataframe_util.convert_arrow_table_to_arrow_bytes(pa.Table.from_pylist([{'outlet': 'x', 'tone': 0.1}]))\n"
               "print(sum(m.split('.')[0] in ('plotly', 'pandas') for m in set(sys.modules) - before))")
    assert int(out.splitlines()[-1]) <= 3
