"""``verbatim``: the passage copied unchanged."""

from __future__ import annotations

from obfuscate.base import Context, Passage


def apply(passage: Passage, strength: int, ctx: Context) -> Passage:
    """Return the passage as it is."""
    return passage
