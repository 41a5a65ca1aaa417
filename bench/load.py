"""Many users at once: N concurrent sessions load the default view of one local dashboard server.

A test-support script (issue 5, item 5), not part of the default test run. It starts ONE
``streamlit run app.py`` (``--script dashboard.py``: the plain dashboard) on 127.0.0.1 on a free port (or uses ``--url``, which must be a
loopback address), opens N sessions at the same moment (default 30, at most 50), and reports how
many succeeded, the median and 95th-percentile time to the first chart, and the server's peak
resident memory. Everything is bounded: a per-session timeout, an overall deadline, and the server
it started is stopped on every way out (normal end, error, Ctrl-C, SIGTERM, or a watchdog).

How a session is simulated
    Each session is a websocket client speaking Streamlit's own protocol (the protobufs that
    streamlit ships), doing on the wire what Chromium does when it opens the page for the first
    time (checked with ``--check-browser``, see below):

    1. unless ``--no-assets``: GET ``/`` and every file ``index.html`` references (the JavaScript
       bundle and its preloaded modules, fonts, the stylesheet, the favicon: 62 files, 2.3 MB with
       streamlit 1.67; gzip accepted, up to 6 connections at once, as a
       browser with an empty cache does; the chunks the bundle loads lazily, e.g. plotly's, are
       not fetched);
    2. GET ``/_stcore/health`` and ``/_stcore/host-config``;
    3. open ``ws://host:port/_stcore/stream`` (subprotocol ``streamlit``, same-origin ``Origin``)
       and send one ``BackMsg`` ``rerun_script`` with the context a browser sends (URL, locale,
       time zone, colour scheme, no widget states);
    4. read ``ForwardMsg``s until ``script_finished``.

    **Time to first chart** runs from the session's start (before step 1) to the first ``delta``
    whose ``new_element`` is a ``plotly_chart``: the server's part of what a user waits for. A
    browser then still has to draw the chart, which this does not measure (it is the user's
    machine's work, not the server's). A session **succeeds** when it gets at least one chart and
    ``script_finished`` (successfully) with no ``exception`` element, within ``--session-timeout``.
    All sessions keep their connection open until every session is done, so the server holds N
    sessions at the peak, as a classroom would.

    Why not N Chromium pages: on a 2-core machine thirty renderers would measure Chromium, not the
    server.

Validation against a real browser
    ``--check-browser`` (needs ``/usr/bin/chromium`` and the playwright package) opens the page once
    in headless Chromium, records the websocket frames it receives, decodes them, and checks that
    the elements (delta path and element type of every ``new_element`` / ``add_block``) are the same,
    in the same order, as those one websocket session receives. The script stops with exit code 1
    if they differ.

Memory
    RSS of the server process and all its descendants (read from ``/proc/<pid>/status``; psutil is
    not used), sampled every ``--sample-interval`` seconds from before the first session until the
    end. Reported: before the sessions (server idle after start and warm-up), the peak, and after
    each round once its sessions have closed (``--rounds`` > 1 shows whether memory grows with
    each wave of users). With ``--url`` memory is only measured when ``--server-pid`` is given.

Usage::

    .venv/bin/python bench/load.py                         # 30 sessions, JSON to bench/results/load.json
    .venv/bin/python bench/load.py --sessions 2 --no-assets --out /tmp/load.json   # smoke run
    .venv/bin/python bench/load.py --check-browser --sessions 5
    .venv/bin/python bench/load.py --url http://127.0.0.1:8501 --server-pid 12345
    .venv/bin/python bench/load.py --sessions 25 --heavy 5   # issue 12: light wave alone, then with 5 uploads

Heavy sessions (``--heavy N``, issue 12)
    After the light wave(s), N more sessions each open the page, choose "Upload files" (the radio's
    widget state), ask for an upload URL (``file_urls_request``), PUT a CSV of ``--heavy-articles``
    rows (remixed from ``data/``, a different mix each) with the XSRF cookie and header a browser
    sends, and rerun with the uploader's state, as the browser does. Once every upload is on the
    server and its analysis is asked for, the same light wave runs again; its line comes second.
    After all have closed, memory is read again ``--session-ttl`` seconds later (closed sessions are
    kept that long for a reconnect), after one more short visit that lets the server drop them.

Exit codes: 0 every session succeeded; 1 some failed (or the browser check differed); 2 bad usage
(e.g. a non-loopback ``--url``, more than 50 sessions).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import ipaddress
import json
import math
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

#: Sessions when none are asked for: the classroom of issue 5.
DEFAULT_SESSIONS = 30
#: Hard cap: this is a test of one loopback server, not a load generator.
MAX_SESSIONS = 50
#: Hard cap on --rounds.
MAX_ROUNDS = 5
#: Hard cap on --heavy, and the rows of each heavy session's CSV (the uploads of issue 12).
MAX_HEAVY = 10
HEAVY_ARTICLES = 2_000
#: Seconds a heavy session may take: five 2,000-article analyses queue for one worker.
HEAVY_TIMEOUT_S = 600.0
#: The dashboard's server.disconnectedSessionTTL (.streamlit/config.toml): closed sessions' memory
#: is only freed after it.
SESSION_TTL_S = 30.0
#: Seconds for a whole run with --heavy.
HEAVY_DEADLINE_S = 1200.0
#: Seconds one session may take from its start to script_finished.
SESSION_TIMEOUT_S = 120.0
#: Seconds the whole run may take (server start, warm-up, every round); then everything is stopped.
DEADLINE_S = 420.0
#: Seconds for a started server to answer /_stcore/health (a cold start imports sklearn and friends).
HEALTH_TIMEOUT_S = 60.0
#: Seconds between memory samples.
SAMPLE_INTERVAL_S = 0.05
#: Seconds to wait after a round's sessions closed before reading the server's memory again.
SETTLE_S = 2.0
#: ui.state.TRIM_INTERVAL_S plus a second: the bench waits one round of it before the last reading.
TRIM_S = 6.0
#: The allocator settings ``make run`` gives the server (Makefile ``SERVER_ENV``); ``--allocator
#: pymalloc`` measures Python's own allocator instead.
SERVER_ENV = {"PYTHONMALLOC": "malloc", "MALLOC_ARENA_MAX": "2"}
#: Connections a browser opens to one host at once (Chromium's HTTP/1.1 limit).
BROWSER_CONNECTIONS = 6
#: Largest ForwardMsg accepted (streamlit's own server.maxMessageSize default is 200 MB).
MAX_MESSAGE_BYTES = 256 * 1024 * 1024
#: What Chromium on Linux sent in its rerun_script (recorded with --check-browser on 2026-11-21).
BROWSER_CONTEXT = {"timezone": "UTC", "timezone_offset": 0, "locale": "en-US", "is_embedded": False,
                   "color_scheme": "light"}


# --------------------------------------------------------------------------------------------- URLs


def loopback_base(url: str) -> tuple[str, int]:
    """``(host, port)`` of an ``http://`` URL whose host is a loopback address; ``ValueError`` otherwise.

    A name (``localhost``) must resolve to loopback addresses only.

    >>> loopback_base("http://127.0.0.1:8501")
    ('127.0.0.1', 8501)
    >>> loopback_base("http://example.org:8501")
    Traceback (most recent call last):
    ...
    ValueError: refusing http://example.org:8501: only a loopback server (127.0.0.0/8, ::1, localhost) may be loaded
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "http" or not parts.hostname or parts.path not in ("", "/") or parts.query:
        raise ValueError(f"refusing {url}: give the server's base URL, e.g. http://127.0.0.1:8501")
    host = parts.hostname
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None) if host == "localhost" else []
        except OSError:
            infos = []
        addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
    if not addresses or not all(a.is_loopback for a in addresses):
        raise ValueError(f"refusing {url}: only a loopback server (127.0.0.0/8, ::1, localhost) may be loaded")
    return host, parts.port or 80


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ------------------------------------------------------------------------------------------ figures


def percentile(values: Sequence[float], q: float) -> float | None:
    """Nearest-rank percentile (the smallest value with at least ``q`` percent of values at or below it).

    >>> percentile([3.0, 1.0, 2.0, 4.0], 50), percentile(range(1, 31), 95), percentile([], 95)
    (2.0, 29, None)
    """
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(1, math.ceil(q / 100 * len(ordered))) - 1]


# ------------------------------------------------------------------------------------------- memory


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it, from the parent ids in ``/proc/*/stat``."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, ()))
    return found


def tree_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) used so far by ``pid`` and its live descendants."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for process in _descendants(pid):
        try:
            with open(f"/proc/{process}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
        except (OSError, ValueError, IndexError):
            continue
    return total / ticks


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its descendants, in MB (10^6 bytes)."""
    return sum(_rss_kib(p) for p in _descendants(pid)) * 1024 / 1e6


class MemorySampler:
    """Samples :func:`tree_rss_mb` of one process in a background thread; ``peak_since`` asks for a window."""

    def __init__(self, pid: int, interval: float) -> None:
        self.pid, self.interval = pid, interval
        self.samples: list[tuple[float, float]] = []  # (perf_counter, MB)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.samples.append((time.perf_counter(), tree_rss_mb(self.pid)))
            self._stop.wait(self.interval)

    def now(self) -> float:
        value = tree_rss_mb(self.pid)
        self.samples.append((time.perf_counter(), value))
        return value

    def peak_since(self, start: float) -> float:
        return max((mb for t, mb in self.samples if t >= start), default=0.0)


# ------------------------------------------------------------------------------------------- server


@contextlib.contextmanager
def dashboard_server(log_path: Path, app_dir: Path = ROOT, *, allocator: str = "malloc", script: str = "app.py"
                     ) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``streamlit run app.py`` (``script``) in ``app_dir`` on 127.0.0.1 on a free port, in its own process group.

    ``app.py`` is what ``make run`` starts: ``dashboard.py`` with Streamlit's hashed files answered from
    memory (``ui.static_files``); ``script="dashboard.py"`` is the plain server the figures before
    session 11 measured.

    The server is always stopped on the way out.

    The file watcher is off (``server.fileWatcherType none``): others edit this checkout while the
    benchmark runs, and a changed file must not rerun thirty sessions. Everything else is the
    ``.streamlit/config.toml`` in ``app_dir``. ``allocator="malloc"`` starts it as ``make run`` does
    (:data:`SERVER_ENV`); ``"pymalloc"`` with Python's own allocator.
    """
    port = free_port()
    allocation = SERVER_ENV if allocator == "malloc" else {}
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=app_dir, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            env={**{k: v for k, v in os.environ.items() if k not in SERVER_ENV}, **allocation,
                 "PYTHONUNBUFFERED": "1"},
        )
    try:
        yield f"http://127.0.0.1:{port}", process
    finally:
        stop_process_group(process)


def stop_process_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the server's own process group, SIGKILL after 10 s."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


# ------------------------------------------------------------------------------------------- HTTP


async def http_get(host: str, port: int, path: str, *, gzip_ok: bool = False) -> tuple[int, bytes]:
    """One HTTP/1.1 GET on a fresh connection: (status, body as sent, de-chunked)."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        headers = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
        if gzip_ok:
            headers += "Accept-Encoding: gzip\r\n"
        writer.write((headers + "\r\n").encode("ascii"))
        await writer.drain()
        raw = await reader.read()
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    if any(line.lower().replace(" ", "") == "transfer-encoding:chunked" for line in lines[1:]):
        body = _dechunk(body)
    return status, body


def _dechunk(body: bytes) -> bytes:
    out, position = bytearray(), 0
    while True:
        end = body.index(b"\r\n", position)
        size = int(body[position:end].split(b";")[0], 16)
        if size == 0:
            return bytes(out)
        out += body[end + 2: end + 2 + size]
        position = end + 2 + size + 2


def referenced_assets(index_html: str) -> list[str]:
    """Same-origin files ``index.html`` makes a browser fetch at once (scripts, preloads, styles, icon).

    >>> referenced_assets('<script src="./static/js/a.js"></script><link rel="modulepreload" href="./static/js/b.js">'
    ...                   '<link rel="service-desc" href="./_stcore/agent/openapi.json" />')
    ['/static/js/a.js', '/static/js/b.js']
    """
    paths = []
    for tag in re.findall(r"<(?:script|link)\b[^>]*>", index_html):
        rel = re.search(r'\brel="([^"]*)"', tag)
        if tag.startswith("<link") and (rel is None or rel.group(1) not in
                                        ("modulepreload", "stylesheet", "shortcut icon", "icon", "preload")):
            continue
        target = re.search(r'\b(?:src|href)="\.?(/[^"]*)"', tag)
        if target and target.group(1) not in paths:
            paths.append(target.group(1))
    return paths


async def fetch_page_assets(host: str, port: int) -> int:
    """GET ``/`` and what it references, 6 at a time; total bytes received (as sent, gzip included)."""
    status, body = await http_get(host, port, "/")
    if status != 200:
        raise RuntimeError(f"GET / answered {status}")
    limit = asyncio.Semaphore(BROWSER_CONNECTIONS)

    async def one(path: str) -> int:
        async with limit:
            code, data = await http_get(host, port, path, gzip_ok=True)
        if code != 200:
            raise RuntimeError(f"GET {path} answered {code}")
        return len(data)

    sizes = await asyncio.gather(*(one(p) for p in referenced_assets(body.decode("utf-8", "replace"))))
    return len(body) + sum(sizes)


# -------------------------------------------------------------------------------------- a session


@dataclass
class SessionResult:
    """One simulated user."""

    index: int
    ok: bool = False
    error: str = ""
    assets_s: float | None = None
    connected_s: float | None = None
    first_message_s: float | None = None
    first_chart_s: float | None = None
    finished_s: float | None = None
    charts: int = 0
    messages: int = 0
    message_bytes: int = 0
    asset_bytes: int = 0
    elements: list[str] = field(default_factory=list)


def rerun_message(base: str) -> bytes:
    """The BackMsg a browser sends right after connecting: run the script, no widget states yet."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    message = BackMsg()
    message.rerun_script.widget_states.SetInParent()
    context = message.rerun_script.context_info
    for name, value in BROWSER_CONTEXT.items():
        setattr(context, name, value)
    context.url = base + "/"
    return message.SerializeToString()


def element_label(message: Any) -> str | None:
    """``"<delta path> <element or block type>"`` of a ForwardMsg delta, else None."""
    if message.WhichOneof("type") != "delta":
        return None
    kind = message.delta.WhichOneof("type")
    if kind == "new_element":
        name = message.delta.new_element.WhichOneof("type")
    elif kind == "add_block":
        name = "block:" + str(message.delta.add_block.WhichOneof("type"))
    else:
        return None
    return f"{list(message.metadata.delta_path)} {name}"


class Hold:
    """Keeps loaded sessions connected until every session of the wave has loaded or failed."""

    def __init__(self, sessions: int) -> None:
        self.remaining = sessions
        self.released = asyncio.Event()

    def arrive(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.released.set()


async def run_session(index: int, base: str, *, assets: bool, timeout: float, delay: float = 0.0,
                      hold: Hold | None = None) -> SessionResult:
    """One user opening the default view; the connection stays open until ``hold`` is released."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect

    result = SessionResult(index)
    host, port = loopback_base(base)
    arrived = False

    def arrive() -> None:
        nonlocal arrived
        if hold is not None and not arrived:
            arrived = True
            hold.arrive()

    await asyncio.sleep(delay)
    start = time.perf_counter()
    try:
        async with asyncio.timeout(timeout):
            if assets:
                result.asset_bytes = await fetch_page_assets(host, port)
                result.assets_s = time.perf_counter() - start
            for path in ("/_stcore/health", "/_stcore/host-config"):
                status, _ = await http_get(host, port, path)
                if status != 200:
                    raise RuntimeError(f"GET {path} answered {status}")
            ws_url = "ws://" + base.split("://", 1)[1] + "/_stcore/stream"
            async with connect(ws_url, subprotocols=["streamlit"], origin=base, proxy=None,  # type: ignore[list-item,arg-type]
                               max_size=MAX_MESSAGE_BYTES, open_timeout=timeout) as connection:
                result.connected_s = time.perf_counter() - start
                await connection.send(rerun_message(base))
                async for frame in connection:
                    if result.first_message_s is None:
                        result.first_message_s = time.perf_counter() - start
                    message = ForwardMsg()
                    message.ParseFromString(frame if isinstance(frame, bytes) else frame.encode())
                    result.messages += 1
                    result.message_bytes += len(frame)
                    label = element_label(message)
                    if label is not None:
                        result.elements.append(label)
                        if label.endswith(" plotly_chart"):
                            result.charts += 1
                            if result.first_chart_s is None:
                                result.first_chart_s = time.perf_counter() - start
                        elif label.endswith(" exception"):
                            result.error = "exception element: " + message.delta.new_element.exception.message[:200]
                    if message.WhichOneof("type") == "script_finished":
                        status_name = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
                        if status_name == "FINISHED_EARLY_FOR_RERUN":
                            continue
                        result.finished_s = time.perf_counter() - start
                        if status_name != "FINISHED_SUCCESSFULLY" and not result.error:
                            result.error = status_name
                        break
                if result.finished_s is None and not result.error:
                    result.error = "connection closed before script_finished"
                elif result.charts == 0 and not result.error:
                    result.error = "no chart received"
                result.ok = not result.error
                arrive()
                if hold is not None:
                    await hold.released.wait()
    except TimeoutError:
        if result.finished_s is None:
            result.ok, result.error = False, result.error or f"timed out after {timeout:.0f} s"
    except Exception as exc:  # noqa: BLE001 - every failure is reported per session, none stops the run
        result.ok, result.error = False, f"{type(exc).__name__}: {exc}"[:300]
    finally:
        arrive()
    return result


# --------------------------------------------------------------------------- heavy sessions (issue 12)


def heavy_csv(seed: int, articles: int) -> bytes:
    """A CSV of ``articles`` rows remixed from the bundled articles in ``data/`` (8 paragraphs each).

    Each heavy session gets its own ``seed``, so five uploads are five different analyses.
    """
    import csv
    import io
    import random

    sys.path.insert(0, str(ROOT))
    from framing.corpus import load_paths

    bundled = load_paths([ROOT / "data"]).articles
    paragraphs = [p for a in bundled for p in a.text.split("\n\n") if len(p) > 40]
    rng = random.Random(seed)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "outlet", "title", "text"])
    for i in range(articles):
        writer.writerow([f"h{seed}-{i:05d}", f"Outlet {i % 10}", f"Story {seed}-{i}",
                         "\n\n".join(rng.sample(paragraphs, 8))])
    return buffer.getvalue().encode("utf-8")


@dataclass
class HeavyResult:
    """One student uploading a large CSV: the same steps a browser takes, over the same protocol."""

    index: int
    ok: bool = False
    error: str = ""
    upload_bytes: int = 0
    uploaded_s: float | None = None
    first_chart_s: float | None = None
    finished_s: float | None = None
    charts: int = 0


def _xsrf_token() -> str:
    """A token in Streamlit's format; the server checks that the cookie and the header agree."""
    from streamlit.web.server.starlette.starlette_app_utils import generate_xsrf_token_string

    return str(generate_xsrf_token_string())


async def http_put_file(host: str, port: int, path: str, name: str, data: bytes, token: str) -> int:
    """PUT one file as multipart/form-data, as the browser's uploader does; the HTTP status."""
    boundary = "----framinglensbench"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"UploadedFile\"; filename=\"{name}\"\r\n"
            "Content-Type: text/csv\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    reader, writer = await asyncio.open_connection(host, port)
    try:
        head = (f"PUT {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
                f"Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {len(body)}\r\n"
                f"Cookie: _streamlit_xsrf={token}\r\nX-Xsrftoken: {token}\r\nOrigin: http://{host}:{port}\r\n\r\n")
        writer.write(head.encode("ascii") + body)
        await writer.drain()
        raw = await reader.read()
    finally:
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
    return int(raw.split(b"\r\n", 1)[0].split()[1])


async def run_heavy_session(index: int, base: str, data: bytes, *, timeout: float, uploading: Hold,
                            hold: Hold) -> HeavyResult:
    """Open the page, choose "Upload files", upload ``data`` as a CSV, wait for the first chart.

    ``uploading`` is told once the file is on the server and the rerun that analyses it is sent
    (the heavy work is then in flight); the connection then stays open until ``hold`` is released.
    """
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect

    result = HeavyResult(index, upload_bytes=len(data))
    host, port = loopback_base(base)
    token = _xsrf_token()
    start = time.perf_counter()
    told = arrived = False
    name = f"heavy{index}.csv"
    try:
        async with asyncio.timeout(timeout):
            ws_url = "ws://" + base.split("://", 1)[1] + "/_stcore/stream"
            async with connect(ws_url, subprotocols=["streamlit", token], origin=base, proxy=None,  # type: ignore[list-item,arg-type]
                               max_size=MAX_MESSAGE_BYTES, open_timeout=timeout,
                               additional_headers={"Cookie": f"_streamlit_xsrf={token}"}) as connection:
                widgets: dict[str, str] = {}
                session_id = ""

                async def until(predicate: Any) -> Any:
                    nonlocal session_id
                    async for frame in connection:
                        message = ForwardMsg()
                        message.ParseFromString(frame if isinstance(frame, bytes) else frame.encode())
                        kind = message.WhichOneof("type")
                        if kind == "new_session":
                            session_id = message.new_session.initialize.session_id
                        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                            element = message.delta.new_element
                            which = element.WhichOneof("type")
                            if which == "radio" and element.radio.label == "Articles":
                                widgets["source"] = element.radio.id
                            elif which == "file_uploader" and element.file_uploader.label == "Article files":
                                widgets["upload"] = element.file_uploader.id
                            elif which == "plotly_chart":
                                result.charts += 1
                                if told and result.first_chart_s is None:
                                    result.first_chart_s = time.perf_counter() - start
                            elif which == "exception":
                                raise RuntimeError("exception element: " + element.exception.message[:200])
                        found = predicate(message)
                        if found is not None:
                            return found
                    raise RuntimeError("connection closed")

                def finished(message: Any) -> Any:
                    if message.WhichOneof("type") == "script_finished":
                        status = ForwardMsg.ScriptFinishedStatus.Name(message.script_finished)
                        if status != "FINISHED_EARLY_FOR_RERUN":
                            return status
                    return None

                def rerun(with_file: Any = None) -> bytes:
                    back = BackMsg.FromString(rerun_message(base))
                    state = back.rerun_script.widget_states.widgets.add()
                    state.id, state.string_value = widgets["source"], "Upload files"
                    if with_file is not None:
                        upload = back.rerun_script.widget_states.widgets.add()
                        upload.id = widgets["upload"]
                        info = upload.file_uploader_state_value.uploaded_file_info.add()
                        info.file_id, info.name, info.size = with_file.file_id, name, len(data)
                        info.file_urls.CopyFrom(with_file)
                    return back.SerializeToString()

                await connection.send(rerun_message(base))
                await until(finished)
                await connection.send(rerun())
                await until(finished)
                if "upload" not in widgets or not session_id:
                    raise RuntimeError("no file uploader on the page")
                ask = BackMsg()
                ask.file_urls_request.request_id = f"bench{index}"
                ask.file_urls_request.file_names.append(name)
                ask.file_urls_request.session_id = session_id
                await connection.send(ask.SerializeToString())
                response = await until(lambda m: m.file_urls_response
                                       if m.WhichOneof("type") == "file_urls_response" else None)
                if response.error_msg or not response.file_urls:
                    raise RuntimeError(f"no upload URL: {response.error_msg}")
                urls = response.file_urls[0]
                path = urllib.parse.urlsplit(urls.upload_url).path or urls.upload_url
                status = await http_put_file(host, port, path, name, data, token)
                if status not in (200, 204):
                    raise RuntimeError(f"upload answered HTTP {status}")
                result.uploaded_s = time.perf_counter() - start
                await connection.send(rerun(urls))
                told = True
                uploading.arrive()
                status_name = await until(finished)
                result.finished_s = time.perf_counter() - start
                if status_name != "FINISHED_SUCCESSFULLY":
                    raise RuntimeError(status_name)
                if result.first_chart_s is None:
                    raise RuntimeError("no chart after the upload")
                result.ok = True
                arrived = True
                hold.arrive()
                await hold.released.wait()
    except TimeoutError:
        result.error = result.error or f"timed out after {timeout:.0f} s"
    except Exception as exc:  # noqa: BLE001 - reported per session
        result.error = f"{type(exc).__name__}: {exc}"[:300]
    finally:
        if not told:
            uploading.arrive()
        if not arrived:
            hold.arrive()
    return result


def summarise_heavy(results: Sequence[HeavyResult]) -> dict[str, Any]:
    times = [r.first_chart_s for r in results if r.ok and r.first_chart_s is not None]
    errors: dict[str, int] = {}
    for r in results:
        if not r.ok:
            errors[r.error] = errors.get(r.error, 0) + 1
    return {"sessions": len(results), "succeeded": sum(r.ok for r in results),
            "first_chart_s": {"median": statistics.median(times) if times else None, "max": max(times, default=None)},
            "upload_mb": round(max((r.upload_bytes for r in results), default=0) / 1e6, 2), "errors": errors,
            "per_session": [asdict(r) for r in results]}


async def run_wave(base: str, sessions: int, *, assets: bool, timeout: float, ramp: float) -> list[SessionResult]:
    """N sessions started together (or spread evenly over ``ramp`` seconds), held open until all are done."""
    hold = Hold(sessions)
    return list(await asyncio.gather(*(
        run_session(i, base, assets=assets, timeout=timeout, delay=ramp * i / sessions, hold=hold)
        for i in range(sessions)
    )))


def summarise(results: Sequence[SessionResult]) -> dict[str, Any]:
    """Success count and time-to-first-chart figures of one wave (times over successful sessions)."""
    times = [r.first_chart_s for r in results if r.ok and r.first_chart_s is not None]
    finished = [r.finished_s for r in results if r.ok and r.finished_s is not None]
    errors: dict[str, int] = {}
    for r in results:
        if not r.ok:
            errors[r.error] = errors.get(r.error, 0) + 1
    return {
        "sessions": len(results),
        "succeeded": sum(r.ok for r in results),
        "first_chart_s": {"median": statistics.median(times) if times else None,
                          "p95": percentile(times, 95), "min": min(times, default=None),
                          "max": max(times, default=None)},
        "script_finished_s": {"median": statistics.median(finished) if finished else None,
                              "p95": percentile(finished, 95)},
        **{f"{name}_median": median_of(results, name) for name in ("assets_s", "connected_s", "first_message_s")},
        "charts_per_session": sorted({r.charts for r in results}),
        "asset_mb_per_session": round(max((r.asset_bytes for r in results), default=0) / 1e6, 2),
        "websocket_mb_per_session": round(max((r.message_bytes for r in results), default=0) / 1e6, 2),
        "errors": errors,
    }


def median_of(results: Sequence[SessionResult], name: str) -> float | None:
    """Median of one timing field over the sessions that have it."""
    values = [getattr(r, name) for r in results if getattr(r, name) is not None]
    return statistics.median(values) if values else None


# ------------------------------------------------------------------------------ browser validation


def browser_elements(base: str, timeout: float) -> list[str]:
    """Element labels a real headless Chromium receives over the websocket when it opens ``base``."""
    from playwright.sync_api import sync_playwright
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    frames: list[bytes] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(payload)))
            page.goto(base, wait_until="domcontentloaded")
            page.wait_for_selector(".js-plotly-plot", timeout=timeout * 1000)
            deadline = time.monotonic() + timeout
            finished = False
            while not finished and time.monotonic() < deadline:
                page.wait_for_timeout(200)
                for raw in list(frames):
                    message = ForwardMsg()
                    message.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
                    finished = finished or message.WhichOneof("type") == "script_finished"
        finally:
            browser.close()
    labels = []
    for raw in frames:
        message = ForwardMsg()
        message.ParseFromString(raw if isinstance(raw, bytes) else raw.encode())
        label = element_label(message)
        if label is not None:
            labels.append(label)
    return labels


# ---------------------------------------------------------------------------------------------- run


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", "-n", type=int, default=DEFAULT_SESSIONS,
                        help=f"concurrent sessions (default {DEFAULT_SESSIONS}, at most {MAX_SESSIONS})")
    parser.add_argument("--rounds", type=int, default=1, help=f"waves of N sessions, one after another (at most {MAX_ROUNDS})")
    parser.add_argument("--ramp", type=float, default=0.0, help="spread each wave's starts evenly over this many seconds")
    parser.add_argument("--no-assets", dest="assets", action="store_false",
                        help="skip fetching index.html and its JavaScript (websocket only)")
    parser.add_argument("--allocator", choices=("malloc", "pymalloc"), default="malloc",
                        help="the server's allocator: malloc as `make run` sets it (default), or Python's own")
    parser.add_argument("--no-warmup", dest="warmup", action="store_false",
                        help="let the wave meet a cold server (first analysis not yet cached)")
    parser.add_argument("--session-timeout", type=float, default=SESSION_TIMEOUT_S)
    parser.add_argument("--heavy", type=int, default=0,
                        help="after the light wave(s), run the same wave again while this many more sessions "
                             f"upload a large CSV each (at most {MAX_HEAVY})")
    parser.add_argument("--heavy-articles", type=int, default=HEAVY_ARTICLES,
                        help=f"rows of each heavy session's CSV (default {HEAVY_ARTICLES:,})")
    parser.add_argument("--heavy-timeout", type=float, default=HEAVY_TIMEOUT_S,
                        help="seconds a heavy session may take from its start to its first chart")
    parser.add_argument("--session-ttl", type=float, default=SESSION_TTL_S,
                        help="the server's server.disconnectedSessionTTL: memory is read again this long "
                             "after the heavy sessions closed")
    parser.add_argument("--deadline", type=float, default=None,
                        help=f"seconds for the whole run (default {DEADLINE_S:.0f}, {HEAVY_DEADLINE_S:.0f} with --heavy)")
    parser.add_argument("--sample-interval", type=float, default=SAMPLE_INTERVAL_S)
    parser.add_argument("--app-dir", type=Path, default=ROOT,
                        help="serve the dashboard.py in this folder, e.g. a `git archive` snapshot (default: this checkout)")
    parser.add_argument("--script", default="app.py", choices=("app.py", "dashboard.py"),
                        help="what the server runs: app.py as `make run` does (default), or the plain dashboard.py")
    parser.add_argument("--url", help="an already running server (loopback only) instead of starting one")
    parser.add_argument("--server-pid", type=int, help="with --url: the server's pid, to measure its memory")
    parser.add_argument("--check-browser", action="store_true",
                        help="first compare one websocket session with headless Chromium (same elements)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "load.json")
    args = parser.parse_args(argv)
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be between 1 and {MAX_SESSIONS}, got {args.sessions}")
    if not 1 <= args.rounds <= MAX_ROUNDS:
        parser.error(f"--rounds must be between 1 and {MAX_ROUNDS}, got {args.rounds}")
    if args.deadline is None:
        args.deadline = HEAVY_DEADLINE_S if args.heavy else DEADLINE_S
    if not 0 <= args.heavy <= MAX_HEAVY or args.heavy_articles < 1:
        parser.error(f"--heavy must be between 0 and {MAX_HEAVY}, --heavy-articles at least 1")
    if args.session_timeout <= 0 or args.deadline <= 0 or args.sample_interval <= 0 or args.ramp < 0:
        parser.error("timeouts, the deadline and the sample interval must be positive, --ramp not negative")
    if args.url:
        try:
            loopback_base(args.url)
        except ValueError as exc:
            parser.error(str(exc))
        args.url = args.url.rstrip("/")
    elif args.server_pid:
        parser.error("--server-pid only goes with --url")
    if not (args.app_dir / args.script).is_file():
        parser.error(f"--app-dir {args.app_dir}: no {args.script} there")
    return args


def machine() -> dict[str, Any]:
    return {"cores": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "platform": platform.platform()}


async def measure(args: argparse.Namespace, base: str, pid: int | None, log: list[str]) -> dict[str, Any]:
    """Warm-up, optional browser check, then the waves; memory sampled throughout."""
    import streamlit

    report: dict[str, Any] = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine_before": machine(), "streamlit": streamlit.__version__,
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "method": "websocket sessions speaking Streamlit's protocol (see bench/load.py docstring)",
        "memory": "RSS of the server process and its descendants from /proc, sampled every "
                  f"{args.sample_interval} s" if pid else "not measured (no server pid)",
    }
    sampler = MemorySampler(pid, args.sample_interval) if pid else None
    with sampler or contextlib.nullcontext():
        if sampler:
            report["rss_mb_after_start"] = round(sampler.now(), 1)
        if args.warmup:
            warm = await run_session(-1, base, assets=args.assets, timeout=args.session_timeout)
            report["warmup"] = {k: v for k, v in asdict(warm).items() if k != "elements"}
            log.append(f"warm-up session: ok={warm.ok} first chart {warm.first_chart_s or float('nan'):.2f} s "
                       f"{warm.error}")
        if args.check_browser:  # both on a warm server, so both get the same (cached) path through the script
            probe = await run_session(-2, base, assets=False, timeout=args.session_timeout)
            report["browser_check"] = await asyncio.to_thread(check_browser, base, probe, args.session_timeout, log)
        rounds = []
        for number in range(1, args.rounds + 1):
            await asyncio.sleep(SETTLE_S)
            before = sampler.now() if sampler else None
            cpu_before = tree_cpu_s(pid) if pid else None
            begin = time.perf_counter()
            results = await run_wave(base, args.sessions, assets=args.assets, timeout=args.session_timeout,
                                     ramp=args.ramp)
            wall = time.perf_counter() - begin
            cpu = tree_cpu_s(pid) - cpu_before if pid and cpu_before is not None else None
            peak = sampler.peak_since(begin) if sampler else None
            await asyncio.sleep(SETTLE_S)
            after = sampler.now() if sampler else None
            summary = summarise(results)
            summary.update({"round": number, "wall_s": round(wall, 2),
                            "server_cpu_s": cpu and round(cpu, 2),
                            "server_cpu_s_per_session": cpu and round(cpu / args.sessions, 3),
                            "rss_mb_before": before and round(before, 1), "rss_mb_peak": peak and round(peak, 1),
                            "rss_mb_after_close": after and round(after, 1),
                            "per_session": [{k: v for k, v in asdict(r).items() if k != "elements"} for r in results]})
            rounds.append(summary)
            log.append(format_round(summary))
            report["_light_p95"] = summary["first_chart_s"]["p95"]
        if args.heavy:
            rounds.append(await heavy_round(args, base, pid, sampler, len(rounds) + 1, report, log))
        report["rounds"] = rounds
        if sampler:
            report["rss_mb_peak"] = round(max(mb for _, mb in sampler.samples), 1)
            t0 = sampler.samples[0][0]
            step = max(1, len(sampler.samples) // 400)
            report["rss_mb_series"] = [(round(t - t0, 2), round(mb, 1)) for t, mb in sampler.samples[::step]]
    report["machine_after"] = machine()
    return report


async def heavy_round(args: argparse.Namespace, base: str, pid: int | None, sampler: MemorySampler | None,
                      number: int, report: dict[str, Any], log: list[str]) -> dict[str, Any]:
    """The light wave again while ``--heavy`` sessions upload large CSVs; memory once they have closed."""
    csvs = [heavy_csv(100 + i, args.heavy_articles) for i in range(args.heavy)]
    await asyncio.sleep(SETTLE_S)
    before = sampler.now() if sampler else None
    cpu_before = tree_cpu_s(pid) if pid else None
    uploading, heavy_done = Hold(args.heavy), Hold(args.heavy)
    heavy_start = time.perf_counter()
    tasks = [asyncio.create_task(run_heavy_session(i, base, data, timeout=args.heavy_timeout,
                                                   uploading=uploading, hold=heavy_done))
             for i, data in enumerate(csvs)]
    await uploading.released.wait()
    in_flight_after = time.perf_counter() - heavy_start
    begin = time.perf_counter()
    results = await run_wave(base, args.sessions, assets=args.assets, timeout=args.session_timeout, ramp=args.ramp)
    wall = time.perf_counter() - begin
    peak_light = sampler.peak_since(begin) if sampler else None
    heavy = list(await asyncio.gather(*tasks))
    cpu = tree_cpu_s(pid) - cpu_before if pid and cpu_before is not None else None
    peak = sampler.peak_since(heavy_start) if sampler else None
    closed_at = sampler.now() if sampler else None
    # Closed sessions stay in the server's session storage for the TTL; one short visit after it
    # makes the storage drop them (it expires entries when a session is saved on disconnect).
    await asyncio.sleep(args.session_ttl + SETTLE_S)
    await run_session(-3, base, assets=False, timeout=args.session_timeout)
    # Then one round of the server's memory returner (ui.memory, every TRIM_S seconds) before reading.
    await asyncio.sleep(SETTLE_S * 2 + TRIM_S)
    after = sampler.now() if sampler else None
    summary = summarise(results)
    summary.update({"round": number, "label": f"with {args.heavy} heavy uploads in flight",
                    "wall_s": round(wall, 2), "server_cpu_s": cpu and round(cpu, 2),
                    "server_cpu_s_per_session": cpu and round(cpu / (args.sessions + args.heavy), 3),
                    "rss_mb_before": before and round(before, 1),
                    "rss_mb_peak": peak_light and round(peak_light, 1),
                    "rss_mb_after_close": after and round(after, 1),
                    "heavy": {**summarise_heavy(heavy), "in_flight_after_s": round(in_flight_after, 2),
                              "rss_mb_peak": peak and round(peak, 1),
                              "rss_mb_when_closed": closed_at and round(closed_at, 1),
                              "rss_mb_after_ttl": after and round(after, 1)},
                    "per_session": [{k: v for k, v in asdict(r).items() if k != "elements"} for r in results]})
    log.append(format_round(summary))
    h = summary["heavy"]
    log.append(f"  heavy: {h['succeeded']}/{h['sessions']} uploads of {args.heavy_articles:,} articles "
               f"({h['upload_mb']} MB) got their first chart, median {fmt(h['first_chart_s']['median'])} s, "
               f"max {fmt(h['first_chart_s']['max'])} s; all in flight {in_flight_after:.1f} s after they started"
               + (f"; failures: {h['errors']}" if h["errors"] else ""))
    alone = report.get("_light_p95")
    if alone and summary["first_chart_s"]["p95"]:
        ratio = summary["first_chart_s"]["p95"] / alone
        summary["p95_ratio_to_alone"] = round(ratio, 2)
        log.append(f"  light p95 with heavy uploads / alone: {ratio:.2f} (target at most 2)")
    if sampler and before is not None and after is not None:
        start_mb = report.get("rss_mb_after_start") or before
        log.append(f"  server RSS: {start_mb} MB after start, {before:.1f} MB before this wave, peak {peak:.1f} MB, "
                   f"{closed_at:.1f} MB when the heavy sessions closed, {after:.1f} MB {args.session_ttl:.0f} s later "
                   f"({after - before:+.1f} MB against before the wave; target within 300 MB)")
    return summary


def check_browser(base: str, session: SessionResult, timeout: float, log: list[str]) -> dict[str, Any]:
    """Compare the websocket session's elements with Chromium's; log and return the verdict."""
    if not CHROMIUM.exists():
        verdict = {"same": None, "reason": f"{CHROMIUM} not found"}
    else:
        expected = browser_elements(base, timeout)
        same = expected == session.elements
        verdict = {"same": same, "browser_elements": len(expected), "websocket_elements": len(session.elements)}
        if not same:
            verdict["browser"], verdict["websocket"] = expected, session.elements
    log.append(f"browser check: {verdict}")
    return verdict


def fmt(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:.2f}"


def format_round(summary: dict[str, Any]) -> str:
    chart = summary["first_chart_s"]
    label = f" ({summary['label']})" if summary.get("label") else ""
    line = (f"round {summary['round']}{label}: {summary['succeeded']}/{summary['sessions']} ok in {summary['wall_s']:.1f} s | "
            f"first chart median {fmt(chart['median'])} s, p95 {fmt(chart['p95'])} s, max {fmt(chart['max'])} s | "
            f"server RSS before {summary['rss_mb_before']} MB, peak {summary['rss_mb_peak']} MB, "
            f"after close {summary['rss_mb_after_close']} MB | server CPU {summary['server_cpu_s']} s "
            f"({summary['server_cpu_s_per_session']} s a session)")
    line += (f"\n  medians: assets fetched {fmt(summary['assets_s_median'])} s, websocket open "
             f"{fmt(summary['connected_s_median'])} s, first message {fmt(summary['first_message_s_median'])} s")
    if summary["errors"]:
        line += f"\n  failures: {summary['errors']}"
    return line


def print_table(report: dict[str, Any]) -> None:
    print(f"\n{report['date']}  {report['machine_before']['cores']} cores, load before "
          f"{report['machine_before']['loadavg']}, after {report['machine_after']['loadavg']}")
    print(f"{'round':>5} {'ok':>7} {'median s':>9} {'p95 s':>7} {'max s':>7} {'RSS before':>11} {'peak MB':>8} {'after MB':>9}")
    for r in report["rounds"]:
        chart = r["first_chart_s"]
        print(f"{r['round']:>5} {str(r['succeeded']) + '/' + str(r['sessions']):>7} {fmt(chart['median']):>9} "
              f"{fmt(chart['p95']):>7} {fmt(chart['max']):>7} {str(r['rss_mb_before']):>11} "
              f"{str(r['rss_mb_peak']):>8} {str(r['rss_mb_after_close']):>9}")
    if "warmup" in report:
        print(f"warm-up session (cold server): first chart {fmt(report['warmup']['first_chart_s'])} s")
    print(f"peak server RSS over the run: {report.get('rss_mb_peak', '-')} MB ({report['memory']})")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    log: list[str] = []
    started = time.monotonic()

    def on_sigterm(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, on_sigterm)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    server_log = args.out.with_suffix(".server.log")
    with contextlib.ExitStack() as stack:
        if args.url:
            base, pid, process = args.url, args.server_pid, None
        else:
            base, process = stack.enter_context(dashboard_server(server_log, args.app_dir,
                                                                   allocator=args.allocator, script=args.script))
            pid = process.pid
            watchdog = threading.Timer(args.deadline + 30, lambda: (stop_process_group(process), os._exit(3)))
            watchdog.daemon = True
            watchdog.start()
            stack.callback(watchdog.cancel)
            wait_healthy(base, process, min(HEALTH_TIMEOUT_S, args.deadline))
            print(f"server {base} (pid {pid}) healthy after {time.monotonic() - started:.1f} s", flush=True)
        remaining = args.deadline - (time.monotonic() - started)
        try:
            report = asyncio.run(asyncio.wait_for(measure(args, base, pid, log), timeout=remaining))
        except TimeoutError:
            print(f"overall deadline of {args.deadline:.0f} s reached; stopping", file=sys.stderr)
            print("\n".join(log), file=sys.stderr)
            return 1
        report["server_log"] = str(server_log) if process else None
        report["server_pid"] = pid
    report["total_s"] = round(time.monotonic() - started, 1)
    report.pop("_light_p95", None)
    args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print("\n".join(log))
    print_table(report)
    print(f"results: {args.out}")
    check = report.get("browser_check", {}).get("same")
    failed = (any(r["succeeded"] < r["sessions"] for r in report["rounds"]) or check is False
              or any(r["heavy"]["succeeded"] < r["heavy"]["sessions"] for r in report["rounds"] if "heavy" in r))
    return 1 if failed else 0


def wait_healthy(base: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    """Poll /_stcore/health until it says ok; fail fast if the server died."""
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never via a proxy
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with opener.open(base + "/_stcore/health", timeout=1) as answer:
                if answer.status == 200 and answer.read().strip() == b"ok":
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{base} did not answer ok within {timeout:.0f} s")


if __name__ == "__main__":
    sys.exit(main())
