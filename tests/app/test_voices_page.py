"""The Voices page (issue 14) driven headless: speakers listed, a chosen speaker's quotes highlighted."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
TIMEOUT_S = 120


def _html(at: AppTest) -> str:
    return "\n".join(h.value for h in at.html)


def test_voices_page_lists_speakers_and_highlights_the_chosen_one() -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT_S).run()
    at.switch_page("app_pages/voices.py").run()
    assert not at.exception
    assert "of the words are inside quotations" in _html(at)
    first = at.session_state["_view"]().report.outlets[0]
    assert first.speakers, "the first outlet should have named speakers on the bundled articles"
    radio = at.radio(key="voices_speaker_0")
    option = next(o for o in radio.options if o.startswith(first.speakers[0].speaker))
    assert 'fl-chosen"' not in _html(at)
    radio.set_value(option).run()
    assert not at.exception
    assert 'fl-chosen"' in _html(at)
    table = next(t.value for t in at.dataframe if "speaker" in t.value.columns)  # tables carry no key in AppTest
    assert {"outlet", "speaker", "type", "quotes", "words"} <= set(table.columns) and len(table) >= 5


def test_side_by_side_marks_quotations_on_request() -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=TIMEOUT_S).run()
    at.switch_page("app_pages/side_by_side.py").run()
    assert 'class="fl-q' not in _html(at)
    at.toggle(key="sbs_quotes").set_value(True).run()
    assert not at.exception
    assert 'class="fl-q fl-' in _html(at)
