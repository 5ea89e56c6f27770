"""Several disguise families applied one after another (strength 3: all but split/merge at full strength)."""

from __future__ import annotations

import random

from langs import parse_errors

from disguise import comments, controlflow, deadcode, layout, literals, modifiers_types, rename, reorder
from disguise.base import Transform

# Structural changes first, layout last so that it formats the final text.
ORDER: tuple[tuple[str, Transform], ...] = (
    ("modifiers_types", modifiers_types.transform),
    ("controlflow", controlflow.transform),
    ("deadcode", deadcode.transform),
    ("reorder", reorder.transform),
    ("rename", rename.transform),
    ("literals", literals.transform),
    ("comments", comments.transform),
    ("format", layout.transform),
)
LIGHT = ("rename", "literals", "format", "comments")


def families_for(strength: int, rng: random.Random) -> list[str]:
    """Which families a combined disguise of ``strength`` uses."""
    if strength == 1:
        return sorted(rng.sample(LIGHT, 2))
    if strength == 2:
        return sorted(rng.sample([name for name, _ in ORDER], 4))
    return [name for name, _ in ORDER]


def transform(src: bytes, lang: str, strength: int, rng: random.Random) -> bytes:
    """Apply the chosen families in a fixed order; a step that would break the parse is dropped."""
    chosen = set(families_for(strength, rng))
    out = src
    for name, fn in ORDER:
        if name not in chosen:
            continue
        try:
            step = fn(out, lang, strength, random.Random(rng.random()))
        except (ValueError, RuntimeError, AssertionError, AttributeError, IndexError, KeyError, TypeError):
            continue
        if parse_errors(lang, step) <= parse_errors(lang, out):
            out = step
    return out
