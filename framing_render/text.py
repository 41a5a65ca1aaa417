"""The one escaper, the one number formatter and the one bidi isolation of everything we render.

Article text is untrusted. HTML goes through ``esc`` (markupsafe, the escaper Jinja2's autoescape
uses, so Python-built fragments and templates escape the same way); names set inline in other text
sit in ``<bdi>`` (``isolate``) so a right-to-left override in an outlet name cannot reorder what
follows; Markdown for Streamlit goes through ``md_escape``; plotly labels through ``plotly_text``.
Numbers are formatted by ``signed``, ``percent`` and ``number`` only (``framing.numbers``, shared
with the engine's summaries), with a true minus sign.
"""

from __future__ import annotations

import re
from typing import Final

from markupsafe import Markup, escape

from framing.numbers import MINUS, number, percent, signed

__all__ = [
    "MINUS", "Markup", "esc", "isolate", "md_escape", "balance_bidi", "plotly_text",
    "signed", "percent", "number",
]


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=^&])")
#: Where Streamlit's Markdown turns plain text into something else *after* backslash escapes are
#: resolved, so escaping cannot stop it: GFM autolink literals (``http://``, ``https://``, ``www.``,
#: ``a@b.c``), emoji shortcodes (``:smile:``) and icons (``:material/warning:``). A WORD JOINER
#: (U+2060, invisible, no line break) inside the trigger does: after the h of http, the first w
#: of www, an @, and a colon followed by a word character.
_TEXT_TRIGGER = re.compile(r"(?i)(?<=h)(?=ttps?://)|(?<=w)(?=ww\.)|(?<=@)|(?<=:)(?=[\w+/-])")
_WORD_JOINER: Final = "\u2060"
#: Unicode bidi controls (UAX #9): embeddings and overrides (LRE RLE LRO RLO) closed by PDF,
#: isolates (LRI RLI FSI) closed by PDI.
_BIDI_EMBEDDINGS: Final = frozenset("\u202a\u202b\u202d\u202e")
_BIDI_ISOLATES: Final = frozenset("\u2066\u2067\u2068")
_PDF: Final = "\u202c"
_PDI: Final = "\u2069"
_BIDI_OPENER: Final = re.compile("[\u202a\u202b\u202d\u202e\u2066\u2067\u2068]")


def esc(text: object) -> Markup:
    """HTML-escape text (``& < > " '``); a ``Markup`` value passes unchanged.

    >>> str(esc('<b title="x">'))
    '&lt;b title=&#34;x&#34;&gt;'
    """
    return escape(text)


def isolate(text: str) -> Markup:
    """A name or title set inline in other text: escaped and isolated in ``<bdi>``.

    >>> str(isolate("A & B"))
    '<bdi>A &amp; B</bdi>'
    """
    return Markup("<bdi>%s</bdi>") % text


def balance_bidi(text: str) -> str:
    r"""Close, at the end of ``text``, every bidi embedding, override and isolate it leaves open.

    Matching follows the Unicode bidirectional algorithm (UAX #9, rules X6a-X7): a PDI closes the
    last open isolate and whatever was opened inside it; a PDF closes the last embedding or
    override unless an isolate was opened after it; closers without an opener are kept (they do
    nothing). Nothing is removed: the text reads the same, but cannot reorder what follows it.

    >>> balance_bidi("abc") == "abc", balance_bidi("x\u202ey") == "x\u202ey\u202c"
    (True, True)
    """
    if _BIDI_OPENER.search(text) is None:
        return text
    open_stack: list[str] = []
    for char in text:
        if char in _BIDI_EMBEDDINGS:
            open_stack.append(_PDF)
        elif char in _BIDI_ISOLATES:
            open_stack.append(_PDI)
        elif char == _PDF and open_stack and open_stack[-1] == _PDF:
            open_stack.pop()
        elif char == _PDI and _PDI in open_stack:
            while open_stack.pop() != _PDI:
                pass
    return text + "".join(reversed(open_stack))


def md_escape(text: str) -> str:
    r"""Backslash-escape Markdown punctuation so a title or outlet name is shown literally.

    White space (line breaks too) becomes single spaces, bidi controls are closed at the end, and
    an invisible word joiner keeps URLs, ``www.`` names and e-mail addresses from becoming links
    and ``:smile:`` or ``:material/icon:`` from becoming pictures.

    >>> md_escape("**Bold** [x](y) $1")
    '\\*\\*Bold\\*\\* \\[x\\]\\(y\\) \\$1'
    >>> md_escape("see http://x.org") == "see h\u2060ttp\\:\u2060//x\\.org"
    True
    """
    unlinked = _TEXT_TRIGGER.sub(_WORD_JOINER, " ".join(text.split()))
    return balance_bidi(_MD_SPECIAL.sub(r"\\\1", unlinked))


def plotly_text(text: str) -> str:
    """Escape text for a plotly label: ``<``, ``>`` and ``&`` only.

    plotly.js renders a subset of HTML tags in labels but does not decode ``&quot;`` (a quote
    would show as the entity), and a label is never inside an attribute.

    >>> plotly_text('<b>"A" & B</b>')
    '&lt;b&gt;"A" &amp; B&lt;/b&gt;'
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


