"""Several disguise families applied one after another.

Strength 3: all families but split/merge at full strength. Strength 4: every family at maximum density (split/merge
included, dead code before about every second statement and between class members / top-level statements,
statements shuffled in dependency order, redundant parentheses, temporaries, flipped comparisons). Strength 5:
strength 4, then a second pass of reorder, dense dead code and control-flow rewrites over the result.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from langs import parse_errors

from disguise import (
    comments,
    controlflow,
    deadcode,
    dense,
    layout,
    literals,
    modifiers_types,
    rename,
    reorder,
    splitmerge,
)
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
    if strength >= 4:
        return _dense(src, lang, strength, rng)
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


DenseStep = tuple[str, Callable[[bytes, str, random.Random], bytes]]
# Rewrite kinds a second control-flow pass leaves out, because they would undo the first pass.
UNDOING = frozenset({"invert", "if-ternary", "ternary-if", "incr"})


def _dense_steps(strength: int) -> list[DenseStep]:
    """The steps of strength 4 (and, for 5, the second pass appended)."""
    steps: list[DenseStep] = [
        ("modifiers_types", lambda s, lang, r: modifiers_types.transform(s, lang, 3, r)),
        ("braces", dense.add_braces),
        ("splitmerge", lambda s, lang, r: splitmerge.transform(s, lang, 3, r, ops=6)),
        ("controlflow", lambda s, lang, r: controlflow.transform(s, lang, 3, r)),
        ("temporaries", lambda s, lang, r: dense.temporaries(s, lang, r, 0.6)),
        ("deadcode", lambda s, lang, r: deadcode.transform(s, lang, 3, r, share=0.5, helpers=3, top_level=0.5,
                                                           switch_groups=True)),
        ("shuffle", dense.shuffle_statements),
        ("reorder", lambda s, lang, r: reorder.transform(s, lang, 3, r)),
        ("flip", lambda s, lang, r: dense.flip_comparisons(s, lang, r, 1.0)),
        ("parentheses", lambda s, lang, r: dense.parentheses(s, lang, r, 0.5)),
        ("rename", lambda s, lang, r: rename.transform(s, lang, 3, r)),
        ("literals", lambda s, lang, r: literals.transform(s, lang, 3, r)),
        ("numbers", lambda s, lang, r: dense.number_expressions(s, lang, r, 0.6)),
        ("comments", lambda s, lang, r: comments.transform(s, lang, 3, r)),
    ]
    if strength >= 5:
        steps += [
            ("controlflow-2", lambda s, lang, r: controlflow.transform(s, lang, 3, r, exclude=UNDOING)),
            ("deadcode-2", lambda s, lang, r: deadcode.transform(s, lang, 3, r, share=0.6, helpers=2,
                                                                   top_level=0.5, switch_groups=True)),
            ("shuffle-2", dense.shuffle_statements),
            ("reorder-2", lambda s, lang, r: reorder.transform(s, lang, 3, r)),
            ("temporaries-2", lambda s, lang, r: dense.temporaries(s, lang, r, 0.6)),
            ("parentheses-2", lambda s, lang, r: dense.parentheses(s, lang, r, 0.3)),
        ]
    steps.append(("format", lambda s, lang, r: layout.transform(s, lang, 3, r)))
    return steps


def _dense(src: bytes, lang: str, strength: int, rng: random.Random) -> bytes:
    return run_steps(src, lang, _dense_steps(strength), rng)


def run_steps(src: bytes, lang: str, steps: list[DenseStep], rng: random.Random) -> bytes:
    """Apply ``steps`` in order, each with its own seeded generator; a step that fails or adds a parse error is
    dropped."""
    out = src
    errors = parse_errors(lang, src)
    for _, fn in steps:
        try:
            step = fn(out, lang, random.Random(rng.random()))
        except (ValueError, RuntimeError, AssertionError, AttributeError, IndexError, KeyError, TypeError,
                RecursionError):
            continue
        step_errors = parse_errors(lang, step)
        if step_errors <= errors:
            out, errors = step, step_errors
    return out
