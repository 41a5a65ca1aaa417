"""Streamlit's own JavaScript, CSS and fonts answered from memory, before Streamlit's middleware (issue 16).

Why: a first visit fetches about 60-120 of these files (2.3 MB and more). Streamlit 1.67 serves each
through its middleware stack (path security, session cookie, gzip bypass, routing) and Starlette's
``FileResponse``, which opens, reads and closes the file in worker threads: about 0.12 s of the
server's CPU per visit, three quarters of a warm visit, and thirty students opening the page at once
wait for all of it on one core (``bench/load.py``: server CPU per session 0.16 -> 0.05 s, p95 time to
first chart 4.8 -> 1.6 s, measured 2026-12-03).

Only the files under Streamlit's ``static/static/`` folder are answered here: their names carry a
content hash, so Streamlit itself marks them immutable and they never change while the server runs.
A path is looked up as a key of the files found in that folder (never joined to a file name), so
nothing else can be read through it. Everything else, and any request with a ``Range`` header, goes
on to Streamlit unchanged. Each file is read once, when first asked for, and kept (the folder is about
25 MB; a visit reads about 3 MB of it). Used through ``st.App`` in ``app.py``.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

__all__ = ["CACHE_CONTROL", "PREFIX", "StaticFilesFromMemory"]

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: URL prefix of the hashed files (``static/static/`` in Streamlit's package, served at ``/static/``).
PREFIX = "/static/"
#: What Streamlit's own handler sends for these files (``STATIC_ASSET_CACHE_MAX_AGE_SECONDS``).
CACHE_CONTROL = b"public, immutable, max-age=31536000"


def _streamlit_static_dir() -> Path:
    from streamlit import file_util

    return Path(file_util.get_static_dir())


class StaticFilesFromMemory:
    """ASGI middleware: ``GET``/``HEAD`` of a file under ``root / "static"`` answered from memory.

    ``root`` defaults to Streamlit's static folder (the one holding ``index.html``). An ``ETag`` is
    sent and ``If-None-Match`` answered with 304, as Streamlit does.
    """

    def __init__(self, app: ASGIApp, root: Path | None = None) -> None:
        self.app = app
        folder = (root or _streamlit_static_dir()) / "static"
        self._paths = {
            PREFIX + path.relative_to(folder).as_posix(): path
            for path in (folder.rglob("*") if folder.is_dir() else ()) if path.is_file()
        }
        self._answers: dict[str, tuple[bytes, list[tuple[bytes, bytes]], bytes]] = {}
        self.served = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (scope["type"] != "http" or scope.get("method") not in ("GET", "HEAD")
                or path not in self._paths or any(name == b"range" for name, _ in scope.get("headers", ()))):
            await self.app(scope, receive, send)
            return
        body, headers, etag = self._answer(path)
        self.served += 1
        if any(name == b"if-none-match" and etag in value for name, value in scope.get("headers", ())):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [h for h in headers if h[0] in (b"etag", b"cache-control")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})

    def _answer(self, path: str) -> tuple[bytes, list[tuple[bytes, bytes]], bytes]:
        """The body and headers of ``path``, read from disk the first time it is asked for."""
        answer = self._answers.get(path)
        if answer is None:
            body = self._paths[path].read_bytes()
            kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
            if kind.startswith("text/"):
                kind += "; charset=utf-8"
            etag = f'"{hashlib.md5(body, usedforsecurity=False).hexdigest()}"'.encode("ascii")
            headers = [(b"content-type", kind.encode("ascii")), (b"content-length", str(len(body)).encode("ascii")),
                       (b"etag", etag), (b"cache-control", CACHE_CONTROL)]
            answer = self._answers.setdefault(path, (body, headers, etag))
        return answer
