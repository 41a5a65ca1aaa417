"""Framing Lens: how outlets frame the same event (trade, security, diplomacy), with evidence."""

__version__ = "0.1.0"
