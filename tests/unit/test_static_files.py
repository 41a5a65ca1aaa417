"""ui.static_files: Streamlit's hashed files answered from memory, everything else passed on."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

from ui.static_files import CACHE_CONTROL, StaticFilesFromMemory


def _call(app: StaticFilesFromMemory, path: str, method: str = "GET",
          headers: tuple[tuple[bytes, bytes], ...] = ()) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    async def send(message: Any) -> None:
        sent.append(dict(message))

    asyncio.run(app({"type": "http", "method": method, "path": path, "headers": list(headers)}, receive, send))
    return sent


def _inner_app(calls: list[str]) -> Any:
    async def inner(scope: Any, receive: Any, send: Any) -> None:
        calls.append(scope["path"])
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b"inner"})
    return inner


def _root(tmp_path: Path) -> Path:
    (tmp_path / "static" / "js").mkdir(parents=True)
    (tmp_path / "static" / "js" / "index.abcd1234.js").write_bytes(b"console.log(1)")
    (tmp_path / "static" / "css").mkdir()
    (tmp_path / "static" / "css" / "main.ef567890.css").write_text("body{}")
    (tmp_path / "index.html").write_text("<html></html>")
    return tmp_path


def test_a_hashed_file_is_answered_from_memory_with_streamlits_cache_headers(tmp_path: Path) -> None:
    calls: list[str] = []
    app = StaticFilesFromMemory(_inner_app(calls), root=_root(tmp_path))
    start, body = _call(app, "/static/js/index.abcd1234.js")
    headers = dict(start["headers"])
    assert (start["status"], body["body"], calls) == (200, b"console.log(1)", [])
    assert headers[b"cache-control"] == CACHE_CONTROL and headers[b"content-length"] == b"14"
    assert headers[b"content-type"] in (b"application/javascript", b"text/javascript; charset=utf-8")
    css = dict(_call(app, "/static/css/main.ef567890.css")[0]["headers"])
    assert css[b"content-type"] == b"text/css; charset=utf-8"


def test_head_sends_no_body_and_a_known_etag_gets_304(tmp_path: Path) -> None:
    app = StaticFilesFromMemory(_inner_app([]), root=_root(tmp_path))
    start, body = _call(app, "/static/js/index.abcd1234.js", method="HEAD")
    assert (start["status"], body["body"]) == (200, b"")
    etag = dict(start["headers"])[b"etag"]
    again = _call(app, "/static/js/index.abcd1234.js", headers=((b"if-none-match", etag),))
    assert (again[0]["status"], again[1]["body"]) == (304, b"")


def test_each_file_is_read_once(tmp_path: Path) -> None:
    root = _root(tmp_path)
    app = StaticFilesFromMemory(_inner_app([]), root=root)
    assert _call(app, "/static/js/index.abcd1234.js")[1]["body"] == b"console.log(1)"
    (root / "static" / "js" / "index.abcd1234.js").write_bytes(b"changed")
    assert _call(app, "/static/js/index.abcd1234.js")[1]["body"] == b"console.log(1)"


def test_everything_else_goes_on_to_streamlit(tmp_path: Path) -> None:
    calls: list[str] = []
    app = StaticFilesFromMemory(_inner_app(calls), root=_root(tmp_path))
    for path in ("/", "/index.html", "/static/js/missing.js", "/static/js/../../index.html",
                 "/static/../index.html", "/_stcore/health", "/static/js"):
        assert _call(app, path)[0]["status"] == 299
    assert _call(app, "/static/js/index.abcd1234.js", method="POST")[0]["status"] == 299
    assert _call(app, "/static/js/index.abcd1234.js", headers=((b"range", b"bytes=0-3"),))[0]["status"] == 299
    assert len(calls) == 9


def test_streamlits_own_bundle_is_served_byte_for_byte() -> None:
    from streamlit import file_util

    root = Path(file_util.get_static_dir())
    script = re.search(r'src="\./(static/js/[^"]+\.js)"', (root / "index.html").read_text()).group(1)  # type: ignore[union-attr]
    start, body = _call(StaticFilesFromMemory(_inner_app([])), "/" + script)
    assert start["status"] == 200 and body["body"] == (root / script).read_bytes()
