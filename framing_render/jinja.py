"""The Jinja2 environment of the render layer: templates and stylesheets are package data files.

Autoescape is on for every template, so a value from an article is escaped by markupsafe (the same
escaper as ``framing_render.text.esc``) unless the code marked it ``Markup`` after escaping it.
``StrictUndefined`` turns a misspelt variable into an error instead of an empty string.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from .text import Markup, esc, number, percent, signed

__all__ = ["environment", "render", "stylesheet"]


def _lines(text: str) -> Markup:
    """Escaped text whose single line breaks stay visible (``<br>``)."""
    return Markup("<br>").join(esc(line) for line in text.replace("\r\n", "\n").split("\n"))


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The shared, read-only template environment (built once per process)."""
    env = Environment(
        loader=PackageLoader("framing_render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(lines=_lines, signed=signed, percent=percent, number=number)
    return env


def render(name: str, **context: Any) -> str:
    """Render the template ``templates/<name>`` with ``context``.

    >>> render("strip.html.j2", frames=(), colours={}, shares={}, total=0, tone=None).strip()[:4]
    '<div'
    """
    return environment().get_template(name).render(**context)


@lru_cache(maxsize=None)
def stylesheet(*names: str) -> str:
    """The text of ``static/<name>`` stylesheets, joined in order.

    >>> "fl-article" in stylesheet("article.css")
    True
    """
    folder = resources.files("framing_render") / "static"
    return "\n".join(folder.joinpath(name).read_text(encoding="utf-8") for name in names)
