"""Which table of A corresponds to which table of B: by name, then by the Jaccard of their column sets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from comparators.table.model import Table

MAX_ALL_PAIRS = 250_000


@dataclass(frozen=True)
class TablePair:
    """Table ``a`` of A paired with table ``b`` of B; ``shared`` are their common columns in A's order."""

    a: int
    b: int
    same_name: bool
    jaccard: float
    shared: tuple[str, ...]


def jaccard(cols_a: Sequence[str], cols_b: Sequence[str]) -> float:
    """Jaccard index of two column-name sets (0 when both are empty)."""
    sa, sb = set(cols_a), set(cols_b)
    union = len(sa | sb)
    return len(sa & sb) / union if union else 0.0


def pair_tables(tables_a: Sequence[Table], tables_b: Sequence[Table], min_jaccard: float) -> list[TablePair]:
    """One-to-one pairs: same normalised name with any shared column, or column Jaccard >= ``min_jaccard``.

    Best candidates first (same name adds 0.5 to the Jaccard), ties by position; a renamed table
    with the same columns still pairs. Very many leftover tables are paired only on equal column sets.
    """
    candidates: list[tuple[float, int, int, bool, float]] = []
    by_name: dict[str, list[int]] = {}
    for j, t in enumerate(tables_b):
        by_name.setdefault(t.key_name, []).append(j)
    named_a: set[int] = set()
    named_b: set[int] = set()
    for i, t in enumerate(tables_a):
        for j in by_name.get(t.key_name, []):
            jac = jaccard(t.columns, tables_b[j].columns)
            if jac > 0:
                candidates.append((jac + 0.5, i, j, True, jac))
                named_a.add(i)
                named_b.add(j)
    rest_a = [i for i in range(len(tables_a)) if i not in named_a]
    rest_b = [j for j in range(len(tables_b)) if j not in named_b]
    if len(rest_a) * len(rest_b) <= MAX_ALL_PAIRS:
        for i in rest_a:
            for j in rest_b:
                jac = jaccard(tables_a[i].columns, tables_b[j].columns)
                if jac >= min_jaccard and jac > 0:
                    candidates.append((jac, i, j, False, jac))
    else:
        by_columns: dict[frozenset[str], list[int]] = {}
        for j in rest_b:
            by_columns.setdefault(frozenset(tables_b[j].columns), []).append(j)
        for i in rest_a:
            for j in by_columns.get(frozenset(tables_a[i].columns), []):
                candidates.append((1.0, i, j, False, 1.0))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _, i, j, same, jac in candidates:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        cols_b = set(tables_b[j].columns)
        pairs.append(TablePair(i, j, same, jac, tuple(c for c in tables_a[i].columns if c in cols_b)))
    return sorted(pairs, key=lambda p: (p.b, p.a))
