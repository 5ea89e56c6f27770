"""``combined``: synonym substitution, then sentence reordering, then random edits, all at the same strength."""

from __future__ import annotations

from obfuscate import random_edits, reorder, synonym
from obfuscate.base import Context, Passage


def apply(passage: Passage, strength: int, ctx: Context) -> Passage:
    """Apply synonym, reorder and random at ``strength``."""
    out = synonym.apply(passage, strength, ctx)
    out = reorder.apply(out, strength, ctx)
    return random_edits.apply(out, strength, ctx)
