"""Positive pairs: B derived from A by one edit family, a canvas (screenshot, collage) or a chain.

``derive(family, strength, rng, ctx)`` returns the :class:`~geometry.Copy` of A after the family's
edits; the ground-truth regions follow from its map and polygon.
"""

from __future__ import annotations

import numpy as np
from canvases import CANVASES
from edits import EDITS, Ctx, crop
from geometry import Copy, moved
from library import Original

SINGLE = tuple(EDITS)
FAMILIES = SINGLE + ("screenshot", "collage", "combined")

GEOMETRIC = ("crop", "rotate", "scale", "aspect", "flip", "perspective", "border", "rotate90")
PIXEL = ("colour", "blur", "noise")
MARKS = ("text", "overlay")


def embed(c: Copy, canvas: str, rng: np.random.Generator, s: int, ctx: Ctx, exclude: frozenset[str] = frozenset(),
          like: Original | None = None) -> Copy:
    """``c`` embedded in a screenshot or collage canvas among other originals of the split (never A nor
    ``exclude``), half of them from the package of ``like`` (default A)."""
    n = 4 if canvas == "screenshot" else 6
    others = ctx.lib.others(rng, n, {ctx.a.id} | set(exclude), like or ctx.a, 0.5)
    fillers = [ctx.lib.image(o) for o in others]
    img, place, info = CANVASES[canvas](c.img, fillers, rng, s)
    return moved(c, place.M, img, place.window, {"edit": canvas, **info})


def derive(family: str, s: int, rng: np.random.Generator, ctx: Ctx) -> Copy:
    """A's copy after ``family`` at strength ``s``."""
    c = Copy.of(ctx.lib.image(ctx.a))
    if family in EDITS:
        return EDITS[family](c, rng, s, ctx)
    if family in CANVASES:
        if family == "collage" and s >= 2 and rng.random() < 0.5:
            c = crop(c, rng, 1, ctx)  # the tile shows part of A
        return embed(c, family, rng, s, ctx)
    if family == "combined":
        return combined(c, rng, s, ctx)
    raise ValueError(f"unknown family {family!r}")


def chain(rng: np.random.Generator, s: int) -> list[str]:
    """3-4 edits: 1-2 geometric, then a mark and/or a pixel edit, JPEG last (or a canvas at strength 3)."""
    n = 3 if s == 1 else int(rng.integers(3, 5))
    geo = list(rng.choice(GEOMETRIC, int(rng.integers(1, 3)), replace=False))
    rest = list(rng.choice(MARKS + PIXEL, n, replace=False))
    steps = geo + rest[: max(0, n - len(geo) - 1)]
    last = "jpeg" if (s < 3 or rng.random() < 0.6) else ("screenshot", "collage")[int(rng.integers(2))]
    return [str(x) for x in steps] + [last]


def combined(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """A chain of edits (e.g. crop + rotate + overlay + JPEG) at per-edit strength 1 / 1-2 / 2-3."""
    steps = chain(rng, s)
    for step in steps:
        each = {1: 1, 2: int(rng.integers(1, 3)), 3: int(rng.integers(2, 4))}[s]
        if step in CANVASES:
            c = embed(c, step, rng, max(1, each - 1), ctx)
        else:
            c = EDITS[step](c, rng, each, ctx)
    c.ops = [{"chain": steps}] + c.ops
    return c
