"""The page asks for plotly.js as soon as it is idle, not when the first chart arrives (issue 16).

Why: Streamlit's browser code fetches and runs its plotly chunk (4.7 MB, about 3 s of the browser's
time on this 2-core machine) only when the first chart element reaches it, and the dashboard's first
chart comes after the engine's imports and the first analysis, several seconds into the server's
first run. Until then the browser waits with nothing to do. With a line in the page that imports the
same chunk when the browser is first idle, the two happen side by side; the module is evaluated once
(the browser keys modules by URL), so Streamlit's own import later finds it ready. Nothing else
changes: no element is drawn, no request leaves the server's own address.

ASGI middleware, used through ``st.App`` in ``app.py``: the HTML page Streamlit answers for ``/``
gets one ``<script type="module">`` before ``</head>``. Every other response, and the page when
Streamlit's static folder has no plotly chunk (another Streamlit version), passes unchanged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

__all__ = ["PlotlyEarly", "early_script", "plotly_chunk"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Paths whose HTML page gets the line: the app's address (page addresses load it the same way
#: once a class has opened the app; a first visit starts at ``/``).
PAGE_PATHS = frozenset({"/", "/index.html"})


def plotly_chunk(static_root: Path | None = None) -> str | None:
    """The page-relative URL of Streamlit's plotly chunk (``./static/js/PlotlyChart.<hash>.js``), or
    None when there is not exactly one (the line would guess, so it is left out)."""
    if static_root is None:
        from streamlit import file_util

        static_root = Path(file_util.get_static_dir())
    found = sorted((static_root / "static" / "js").glob("PlotlyChart.*.js"))
    return f"./static/js/{found[0].name}" if len(found) == 1 else None


def early_script(chunk: str) -> bytes:
    """The ``<script>`` that imports ``chunk`` once the browser is idle (a failure is ignored:
    Streamlit imports the chunk itself when a chart arrives)."""
    return (
        "<script type=\"module\">"
        f"const early=()=>import({chunk!r}).catch(()=>{{}});"
        "(window.requestIdleCallback||setTimeout)(early);"
        "</script>"
    ).encode("ascii")


class PlotlyEarly:
    """ASGI middleware: Streamlit's ``/`` page with :func:`early_script` before ``</head>``."""

    def __init__(self, app: ASGIApp, static_root: Path | None = None) -> None:
        self.app = app
        chunk = plotly_chunk(static_root)
        self._script = early_script(chunk) if chunk else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (self._script is None or scope["type"] != "http" or scope.get("method") != "GET"
                or scope.get("path") not in PAGE_PATHS):
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        body = bytearray()

        async def collect(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                if message.get("status") != 200 or not _plain_html(message):
                    start = None
                    await send(message)
                return
            if start is None:  # not a page we change: pass every part straight on
                await send(message)
                return
            body.extend(message.get("body", b""))
            if not message.get("more_body", False):
                await self._send_page(start, bytes(body), send)

        await self.app(scope, receive, collect)

    async def _send_page(self, start: Message, page: bytes, send: Send) -> None:
        assert self._script is not None
        head_end = page.find(b"</head>")
        if head_end >= 0:
            page = page[:head_end] + self._script + page[head_end:]
        headers = [(name, value) for name, value in start.get("headers", []) if name.lower() != b"content-length"]
        headers.append((b"content-length", str(len(page)).encode("ascii")))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": page})


def _plain_html(start: Message) -> bool:
    """An uncompressed HTML answer (a gzipped page is passed on as it is)."""
    headers = {name.lower(): value for name, value in start.get("headers", [])}
    return headers.get(b"content-type", b"").startswith(b"text/html") and b"content-encoding" not in headers
