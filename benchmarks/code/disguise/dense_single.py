"""Dense levels (4, 5) of the structural families on their own.

Strengths 1-3 of ``reorder``, ``deadcode``, ``controlflow`` and ``splitmerge`` leave long untouched stretches, so
every tool scores them at ROC AUC ~1 and the per-family tables cannot tell the tools apart. These levels apply one
family at the density of ``combined`` 4/5, with no other disguise (no renaming, no literal or layout change), so
that a family's table measures what that one rewrite costs each tool:

* ``reorder`` 4: every run of statements shuffled in a random dependency-preserving order, then ``reorder`` 3
  (all methods/functions permuted, imports shuffled). (No level 5: a second random topological order of the same
  runs is again just a random topological order.)
* ``deadcode`` 4: braces round single-statement bodies, dead code before 50 % of statement positions (also between
  the statements of a ``case``), unused declarations before 50 % of class members / top-level statements, 3 unused
  helpers; 5: then a second pass (60 % of the now larger set of positions, 2 more helpers).
* ``controlflow`` 4: braces, ``controlflow`` 3 (every loop form switched, every if/else inverted, ternaries
  converted), every comparison turned round; 5: then a second control-flow pass without the rewrites that would
  undo the first.
* ``splitmerge`` 4: 6 split/merge operations; 5: 10.
"""

from __future__ import annotations

import random

from disguise import combined, controlflow, deadcode, dense, reorder, splitmerge
from disguise.combined import UNDOING, DenseStep


def _deadcode(share: float, helpers: int):
    return lambda s, lang, r: deadcode.transform(s, lang, 3, r, share=share, helpers=helpers, top_level=0.5,
                                                 switch_groups=True)


_BRACES: DenseStep = ("braces", dense.add_braces)
_CONTROLFLOW_4: list[DenseStep] = [
    _BRACES,
    ("controlflow", lambda s, lang, r: controlflow.transform(s, lang, 3, r)),
    ("flip", lambda s, lang, r: dense.flip_comparisons(s, lang, r, 1.0)),
]
_DEADCODE_4: list[DenseStep] = [_BRACES, ("deadcode", _deadcode(0.5, 3))]
STEPS: dict[tuple[str, int], list[DenseStep]] = {
    ("reorder", 4): [
        ("shuffle", dense.shuffle_statements),
        ("reorder", lambda s, lang, r: reorder.transform(s, lang, 3, r)),
    ],
    ("deadcode", 4): _DEADCODE_4,
    ("deadcode", 5): [*_DEADCODE_4, ("deadcode-2", _deadcode(0.6, 2))],
    ("controlflow", 4): _CONTROLFLOW_4,
    ("controlflow", 5): [*_CONTROLFLOW_4,
                         ("controlflow-2", lambda s, lang, r: controlflow.transform(s, lang, 3, r, exclude=UNDOING))],
    ("splitmerge", 4): [("splitmerge", lambda s, lang, r: splitmerge.transform(s, lang, 3, r, ops=6))],
    ("splitmerge", 5): [("splitmerge", lambda s, lang, r: splitmerge.transform(s, lang, 3, r, ops=10))],
}
# Family -> its dense strengths, in job order.
LEVELS: dict[str, tuple[int, ...]] = {
    family: tuple(s for f, s in STEPS if f == family) for family in dict.fromkeys(f for f, _ in STEPS)}


def transform(family: str, src: bytes, lang: str, strength: int, rng: random.Random) -> bytes:
    """``family`` alone at dense ``strength`` (4 or 5); a step that would add a parse error is dropped."""
    return combined.run_steps(src, lang, STEPS[(family, strength)], rng)
