"""The one number formatter of everything a reader sees: engine summaries and the render layer alike.

Plain text, no markup: the engine's plain-language summaries use it, and ``framing_render.text``
re-exports it, so a tone reads ``−0.42`` (a true minus sign) in a sentence, a table and a chart.
"""

from __future__ import annotations

from typing import Final

__all__ = ["MINUS", "signed", "percent", "number"]

#: U+2212, reads better than a hyphen in front of a number.
MINUS: Final = "\u2212"


def signed(value: float, digits: int = 2) -> str:
    """``+0.42`` / ``−0.42`` with a true minus sign; ``0.00`` for a value that rounds to zero.

    >>> signed(-0.4167), signed(0.5), signed(-0.001)
    ('−0.42', '+0.50', '0.00')
    """
    text = f"{value:+.{digits}f}"
    if float(text) == 0:
        return f"{0:.{digits}f}"
    return text.replace("-", MINUS)


def percent(share: float) -> str:
    """A share in [0, 1] as a whole percentage.

    >>> percent(0.426)
    '43%'
    """
    return f"{share * 100:.0f}%"


def number(value: float, digits: int = 0) -> str:
    """A number with thousands separators and ``digits`` decimals (a true minus sign).

    >>> number(1234.5, 1), number(-3)
    ('1,234.5', '−3')
    """
    return f"{value:,.{digits}f}".replace("-", MINUS)
