"""The dashboard server runs on uvloop's event loop and parses HTTP with httptools (issue 16 item 6).

Both are in requirements.txt only for this: Streamlit starts its server on uvloop when it can import
it, and uvicorn's ``http="auto"`` picks httptools when installed. Measured with bench/load.py: less
server CPU per session (bench/README.md, "Many users at once"). These tests fail when either is
missing from a fresh install or when Streamlit stops using them.
"""

from __future__ import annotations

import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uvloop is not built for Windows")


def test_streamlit_starts_its_server_on_uvloop() -> None:
    from streamlit.web import bootstrap

    factory = getattr(bootstrap, "_get_uvloop_loop_factory", None)
    if factory is None:  # a Streamlit without the helper: uvloop must at least be importable
        pytest.importorskip("uvloop")
        return
    make_loop = factory()
    assert make_loop is not None, "uvloop is not installed: the server falls back to asyncio's own loop"
    loop = make_loop()
    try:
        assert type(loop).__module__.startswith("uvloop")
    finally:
        loop.close()


def test_uvicorn_parses_http_with_httptools() -> None:
    from streamlit.web.server.starlette import starlette_server
    from uvicorn.protocols.http.auto import AutoHTTPProtocol

    assert AutoHTTPProtocol.__name__ == "HttpToolsProtocol"
    # Streamlit leaves the choice to uvicorn ("auto"): it passes no http= of its own.
    assert "http" not in starlette_server._get_uvicorn_config_kwargs()
