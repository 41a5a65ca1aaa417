"""ui.warm: the server's one-time loads happen once per process and leave the collector's scans."""

from __future__ import annotations

import gc

from ui import warm


def test_warm_once_runs_once_and_freezes_what_is_loaded() -> None:
    warm.warm_once()  # True or False: an app test in this process may have warmed it already
    assert gc.get_freeze_count() > 0
    assert warm.warm_once() is False


def test_warm_up_texts_touch_every_frame_and_carry_a_quote() -> None:
    from framing import pipeline
    from framing.corpus import article_from_text

    report = pipeline.analyze_articles([article_from_text(t, outlet=f"o{i}") for i, t in enumerate(warm.WARM_UP_TEXTS)])
    frames = {f for a in report.articles for s in a.sentences for f, v in s.frames.items() if v}
    assert frames == {"trade", "security", "diplomacy"}
    assert any(a.quotes for a in report.articles)
