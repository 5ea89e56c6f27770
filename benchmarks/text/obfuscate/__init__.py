"""Obfuscations of copied passages, one module each, and which languages and strengths each one has.

Each module's ``apply(passage, strength, ctx) -> Passage`` is deterministic given ``ctx.rng`` and raises
``ValueError`` when the passage does not allow it (the pair builder then picks another passage).
"""

from __future__ import annotations

from collections.abc import Callable

from obfuscate import combined, insdel, random_edits, reorder, script, summary, synonym, verbatim
from obfuscate.base import Context, Passage

Obfuscation = Callable[[Passage, int, Context], Passage]

APPLY: dict[str, Obfuscation] = {
    "verbatim": verbatim.apply,
    "random": random_edits.apply,
    "synonym": synonym.apply,
    "reorder": reorder.apply,
    "insdel": insdel.apply,
    "script": script.apply,
    "summary": summary.apply,
    "combined": combined.apply,
}
FAMILIES: dict[str, tuple[str, ...]] = {
    "en": ("verbatim", "random", "synonym", "reorder", "insdel", "summary", "combined"),
    "zh": ("verbatim", "random", "synonym", "reorder", "insdel", "script", "summary", "combined"),
}
# Strength 1 (low) and 2 (high) where it applies; None where the obfuscation has no strength.
STRENGTHS: dict[str, tuple[int | None, ...]] = {
    "verbatim": (None,), "random": (1, 2), "synonym": (1, 2), "reorder": (1, 2), "insdel": (1, 2),
    "script": (None,), "summary": (1, 2), "combined": (1, 2),
    "separate": (None,),  # not an obfuscation: the layout of separate_passages (separate.py), each part light
}
# Fewest sentences a source passage must have for the obfuscation to change it meaningfully.
MIN_SENTENCES: dict[str, int] = {"reorder": 3, "insdel": 3, "summary": 4, "combined": 3}

__all__ = ["APPLY", "FAMILIES", "MIN_SENTENCES", "STRENGTHS", "Context", "Obfuscation", "Passage"]
