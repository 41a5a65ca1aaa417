"""A step that breaks on one article, for the tests of per-article isolation (``pipeline.prepare_or_skip``)."""

from __future__ import annotations

from framing.components import default_components
from framing.lexicon import load_default_lexicon, load_tone_lexicon
from framing.types import Article, Document

TRIGGER = "zorblat"  # a made-up word only the broken article holds


class _BreaksOnTrigger:
    """A readability step that raises on one article, as a bug meeting odd text would."""

    name = "readability"

    def __init__(self, inner: object) -> None:
        self.inner = inner

    def __call__(self, document: Document) -> object:
        if TRIGGER in document.text:
            raise ValueError("cannot measure this text")
        return self.inner(document)  # type: ignore[operator]


def components_breaking_on_trigger() -> tuple[object, ...]:
    return tuple(_BreaksOnTrigger(c) if c.name == "readability" else c
                 for c in default_components(lexicon=load_default_lexicon(), tone_lexicon=load_tone_lexicon()))


def articles_one_broken() -> list[Article]:
    texts = {
        "a1": "Tariffs on steel rose again as the trade talks stalled in the port city.",
        "a2": f"The {TRIGGER} envoy met the foreign minister for talks on the border.",
        "a3": "Troops massed near the frontier while diplomats sought a ceasefire.",
    }
    return [Article(id=key, outlet=f"Outlet {key}", title="Port talks", text=text, source=f"{key}.txt")
            for key, text in texts.items()]
