"""Disguise families for the code benchmark: each is a pure ``transform(src, lang, strength, rng) -> bytes``."""

from __future__ import annotations

import random

from disguise import (
    combined,
    comments,
    controlflow,
    deadcode,
    dense_single,
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
# Extra, denser levels of ``combined`` (4, 5), and of the structural families alone (``dense_single``); the
# lexical families (rename, literals, format, comments, modifiers_types) already change every site at 3.
DENSE_FAMILY = "combined"
DENSE_STRENGTHS: tuple[int, ...] = (4, 5)
SINGLE_DENSE_LEVELS: dict[str, tuple[int, ...]] = dict(dense_single.LEVELS)


def _with_dense_levels(family: str, base: Transform) -> Transform:
    def transform(src: bytes, lang: str, strength: int, rng: random.Random) -> bytes:
        if strength in SINGLE_DENSE_LEVELS[family]:
            return dense_single.transform(family, src, lang, strength, rng)
        return base(src, lang, strength, rng)
    transform.__doc__ = f"``{family}``: strengths 1-3 as the family, dense levels from ``dense_single``."
    return transform


for _name in SINGLE_DENSE_LEVELS:
    FAMILIES[_name] = _with_dense_levels(_name, FAMILIES[_name])
