"""Disguise families for the code benchmark: each is a pure ``transform(src, lang, strength, rng) -> bytes``."""

from __future__ import annotations

from disguise import (
    combined,
    comments,
    controlflow,
    deadcode,
    layout,
    literals,
    modifiers_types,
    rename,
    reorder,
    splitmerge,
)
from disguise.base import Transform

FAMILIES: dict[str, Transform] = {
    "rename": rename.transform,
    "literals": literals.transform,
    "format": layout.transform,
    "comments": comments.transform,
    "reorder": reorder.transform,
    "deadcode": deadcode.transform,
    "controlflow": controlflow.transform,
    "splitmerge": splitmerge.transform,
    "modifiers_types": modifiers_types.transform,
    "combined": combined.transform,
}
STRENGTHS: tuple[int, ...] = (1, 2, 3)
# Extra, denser levels of ``combined`` only (every other family stops at 3).
DENSE_FAMILY = "combined"
DENSE_STRENGTHS: tuple[int, ...] = (4, 5)
