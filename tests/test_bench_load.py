"""The load script bench/load.py (issue 5, item 5) is itself tested: its guards, and one real run with N=2."""

from __future__ import annotations

import doctest
import importlib.util
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "load.py"
#: Seconds for the whole N=2 run: server start, a cold first analysis, Chromium once, two sessions.
RUN_TIMEOUT_S = 180


@pytest.fixture(scope="module")
def load() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("bench_load", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def test_load_script_doctests_pass(load: ModuleType) -> None:
    failed, attempted = doctest.testmod(load, optionflags=doctest.ELLIPSIS)
    assert attempted >= 4 and failed == 0


@pytest.mark.parametrize("url", ["http://127.0.0.1:8501", "http://127.8.0.1:80/", "http://[::1]:8501",
                                 "http://localhost:8501"])
def test_loopback_urls_are_accepted(load: ModuleType, url: str) -> None:
    host, port = load.loopback_base(url)
    assert host and port > 0


@pytest.mark.parametrize("url", ["http://example.org:8501", "http://10.0.0.7:8501", "http://0.0.0.0:8501",
                                 "https://127.0.0.1:8501", "http://127.0.0.1:8501/app", "127.0.0.1:8501"])
def test_other_urls_are_refused(load: ModuleType, url: str) -> None:
    with pytest.raises(ValueError, match="refusing"):
        load.loopback_base(url)


@pytest.mark.parametrize("argv", [["--sessions", "51"], ["--sessions", "0"], ["--rounds", "6"],
                                  ["--url", "http://192.168.1.5:8501"], ["--server-pid", "1"],
                                  ["--deadline", "0"]])
def test_bad_options_exit_2(load: ModuleType, argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        load.parse_args(argv)
    assert exit_info.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_assets_of_streamlits_index_page_include_its_bundle(load: ModuleType) -> None:
    import streamlit

    index = Path(streamlit.__file__).parent / "static" / "index.html"
    assets = load.referenced_assets(index.read_text(encoding="utf-8"))
    assert any(a.startswith("/static/js/index.") for a in assets) and len(assets) > 10
    assert not any("_stcore" in a for a in assets)


@pytest.mark.browser
def test_two_sessions_load_the_default_view(tmp_path: Path) -> None:
    """A real run: starts its own server, checks the websocket client against Chromium, two sessions."""
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("/usr/bin/chromium not found; install it with `apt-get install -y chromium`")
    out = tmp_path / "load.json"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--sessions", "2", "--check-browser", "--deadline", "150", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=RUN_TIMEOUT_S,
    )
    server_log = out.with_suffix(".server.log")
    assert run.returncode == 0, run.stdout + run.stderr + (server_log.read_text() if server_log.exists() else "")
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["browser_check"]["same"] is True
    (wave,) = report["rounds"]
    assert wave["succeeded"] == wave["sessions"] == 2 and wave["charts_per_session"] == [5]
    assert 0 < wave["first_chart_s"]["median"] <= wave["first_chart_s"]["p95"]
    assert 100 < wave["rss_mb_before"] <= wave["rss_mb_peak"] <= report["rss_mb_peak"]
    assert not Path(f"/proc/{report['server_pid']}").exists()  # the script stopped its server
    assert "p95" in run.stdout and "peak server RSS" in run.stdout
    assert not any(line.startswith("Traceback") for line in run.stderr.splitlines())


def test_the_bench_starts_the_server_with_the_allocator_make_run_uses(load: ModuleType) -> None:
    """The memory figures in the README are for the server `make run` starts: same allocator settings."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    line = next(row for row in makefile.splitlines() if row.startswith("SERVER_ENV"))
    settings = dict(pair.split("=", 1) for pair in line.split(":=", 1)[1].split())
    assert settings == load.SERVER_ENV
    run_recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert "env $(SERVER_ENV)" in run_recipe and "streamlit run app.py" in run_recipe
    # and the bench serves the same script by default
    assert load.parse_args([]).script == "app.py"
