"""How fast the dashboard opens and re-renders (a benchmark, not a test).

Measures, in one run and on the same machine:

* cold start: seconds from ``streamlit run`` to a healthy server, and to the first plotly chart drawn
  in headless Chromium, for dashboard.py and for a minimal one-chart Streamlit app written to a temp
  dir (the browser is launched before the server starts, so its own start-up is not counted);
* re-render: seconds for AppTest to rerun the script after a widget change, with the analysis cached.

Targets: first chart within 1.5x of the minimal app; re-render under 0.2 s on the bundled corpus.

Usage: ``python bench/dashboard_speed.py [--repeats 3]``
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
MINIMAL_APP = """
import plotly.graph_objects as go
import streamlit as st

st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])), key="chart")
"""
#: Seconds allowed for a server to become healthy and for a chart to appear.
TIMEOUT_S = 90


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cold_start(script: Path, browser) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(seconds to healthy, seconds to first chart) for one fresh ``streamlit run``."""
    port = free_port()
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    start = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=script.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        healthy = None
        while time.perf_counter() - start < TIMEOUT_S:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as answer:
                    if answer.read().strip() == b"ok":
                        healthy = time.perf_counter() - start
                        break
            except OSError:
                time.sleep(0.05)
        if healthy is None:
            raise TimeoutError(f"{script.name}: server not healthy after {TIMEOUT_S} s")
        page.goto(f"http://127.0.0.1:{port}", wait_until="commit")
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=TIMEOUT_S * 1000)
        return healthy, time.perf_counter() - start
    finally:
        context.close()
        server.terminate()
        server.wait(timeout=15)


def rerender_times(repeats: int) -> dict[str, float]:
    """Median seconds of an AppTest rerun after each widget change (analysis already cached)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT_S).run()
    outlets = [o.outlet for o in at.session_state["_view"]().report.outlets]

    def timed(action: Callable[[], object]) -> float:
        begin = time.perf_counter()
        action()
        return time.perf_counter() - begin

    results: dict[str, list[float]] = {}
    for i in range(repeats):
        results.setdefault("overview: lexicon radio", []).append(
            timed(lambda i=i: at.radio(key="lexicon_source").set_value(("Paste CSV", "Built-in")[i % 2]).run()))
        results.setdefault("overview -> read-first toggle", []).append(
            timed(lambda: at.toggle(key="read_first").set_value(True).run()))
        results.setdefault("read-first -> overview toggle", []).append(
            timed(lambda: at.toggle(key="read_first").set_value(False).run()))
    at.switch_page("app_pages/side_by_side.py").run()
    for i in range(repeats):
        results.setdefault("side by side: pick outlets", []).append(
            timed(lambda i=i: at.multiselect(key="sbs_outlets").set_value(outlets[i % 2: i % 2 + 3]).run()))
    at.switch_page("app_pages/passages.py").run()
    for i in range(repeats):
        results.setdefault("passages: pick frame", []).append(
            timed(lambda i=i: at.radio(key="passage_frame").set_value(("trade", "diplomacy")[i % 2]).run()))
    return {name: statistics.median(values) for name, values in results.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        minimal = Path(tmp) / "minimal_app.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        # "dashboard" is what `make run` starts (app.py: dashboard.py with Streamlit's files from memory)
        timings: dict[str, list[tuple[float, float]]] = {"minimal app": [], "dashboard": [], "dashboard.py": []}
        for _ in range(args.repeats):  # interleaved, so machine load affects all alike
            timings["minimal app"].append(cold_start(minimal, browser))
            timings["dashboard"].append(cold_start(ROOT / "app.py", browser))
            timings["dashboard.py"].append(cold_start(ROOT / "dashboard.py", browser))
        browser.close()
    print(f"cold start, median of {args.repeats} (seconds from `streamlit run`):")
    medians = {}
    for name, runs in timings.items():
        healthy = statistics.median(r[0] for r in runs)
        chart = statistics.median(r[1] for r in runs)
        medians[name] = chart
        print(f"  {name:<12} healthy {healthy:6.2f}   first chart {chart:6.2f}   runs {[round(r[1], 2) for r in runs]}")
    ratio = medians["dashboard"] / medians["minimal app"]
    print(f"  first chart ratio dashboard (app.py)/minimal: {ratio:.2f} (target <= 1.5); "
          f"plain dashboard.py/minimal: {medians['dashboard.py'] / medians['minimal app']:.2f}")
    print(f"re-render after a widget change (AppTest, median of {args.repeats}; target < 0.2 s):")
    for name, seconds in rerender_times(args.repeats).items():
        print(f"  {name:<32} {seconds:6.3f}")


if __name__ == "__main__":
    main()
