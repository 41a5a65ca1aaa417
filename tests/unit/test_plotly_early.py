"""ui.plotly_early: Streamlit's ``/`` page gets one line that imports the plotly chunk early; nothing else changes."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from ui.plotly_early import PlotlyEarly, early_script, plotly_chunk

PAGE = b"<!DOCTYPE html><html><head><title>Streamlit</title></head><body><div id=root></div></body></html>"


def _static_root(tmp_path: Path, *chunks: str) -> Path:
    (tmp_path / "static" / "js").mkdir(parents=True)
    for name in ("index.abcd1234.js", *chunks):
        (tmp_path / "static" / "js" / name).write_text("export default 1")
    return tmp_path


def _inner(body: bytes | list[bytes], content_type: bytes = b"text/html; charset=utf-8", status: int = 200,
           extra: tuple[tuple[bytes, bytes], ...] = ()) -> Any:
    parts = body if isinstance(body, list) else [body]

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", content_type),
                                (b"content-length", str(sum(map(len, parts))).encode()), *extra]})
        for i, part in enumerate(parts):
            await send({"type": "http.response.body", "body": part, "more_body": i < len(parts) - 1})
    return inner


def _get(app: Any, path: str = "/", method: str = "GET") -> tuple[dict[str, Any], bytes]:
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    async def send(message: Any) -> None:
        sent.append(dict(message))

    asyncio.run(app({"type": "http", "method": method, "path": path, "headers": []}, receive, send))
    return sent[0], b"".join(m.get("body", b"") for m in sent[1:])


def test_the_page_imports_the_one_plotly_chunk_before_head_ends(tmp_path: Path) -> None:
    root = _static_root(tmp_path, "PlotlyChart.Zz9_x1.js")
    start, body = _get(PlotlyEarly(_inner([PAGE[:30], PAGE[30:]]), static_root=root))
    script = early_script("./static/js/PlotlyChart.Zz9_x1.js")
    assert body == PAGE.replace(b"</head>", script + b"</head>")
    assert b'import("./static/js/PlotlyChart.Zz9_x1.js")' not in script  # repr quotes: single
    assert b"import('./static/js/PlotlyChart.Zz9_x1.js')" in script
    assert dict(start["headers"])[b"content-length"] == str(len(body)).encode()
    assert [name for name, _ in start["headers"]].count(b"content-length") == 1


def test_other_paths_methods_types_and_statuses_pass_unchanged(tmp_path: Path) -> None:
    root = _static_root(tmp_path, "PlotlyChart.Zz9_x1.js")
    for app, path, method in [
        (_inner(PAGE), "/side_by_side", "GET"),
        (_inner(PAGE), "/", "HEAD"),
        (_inner(b"{}", content_type=b"application/json"), "/", "GET"),
        (_inner(PAGE, status=304), "/", "GET"),
        (_inner(PAGE, extra=((b"content-encoding", b"gzip"),)), "/", "GET"),
    ]:
        start, body = _get(PlotlyEarly(app, static_root=root), path, method)
        assert body == (b"{}" if b"{}" == body else PAGE), (path, method)


def test_without_exactly_one_plotly_chunk_nothing_is_added(tmp_path: Path) -> None:
    assert plotly_chunk(_static_root(tmp_path / "none")) is None
    two = _static_root(tmp_path / "two", "PlotlyChart.a.js", "PlotlyChart.b.js")
    assert plotly_chunk(two) is None
    assert _get(PlotlyEarly(_inner(PAGE), static_root=two))[1] == PAGE


def test_streamlits_own_page_and_chunk_are_found() -> None:
    from streamlit import file_util

    root = Path(file_util.get_static_dir())
    chunk = plotly_chunk()
    assert chunk is not None and (root / chunk).is_file() and b"</head>" in (root / "index.html").read_bytes()
