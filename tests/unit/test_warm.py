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
