"""Shared rare values: distinctive cells (item names, long ids) of B's unmatched rows that A also holds.

A value is rare when it occurs at most ``rare_max`` times on each side; trivial values
(:func:`comparators.table.normalize.is_trivial`) and values of the declared base never count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from comparators.table.model import Table
from comparators.table.normalize import is_trivial

RowRef = tuple[int, int]  # (table index, row index)


@dataclass(frozen=True)
class ValueRow:
    """Row ``b`` of B holding ``values`` also found (rare) in A; ``a`` is the A row holding most of them."""

    b: RowRef
    a: RowRef
    values: tuple[str, ...]


def _cells(tables: Sequence[Table], refs: Iterable[RowRef]) -> Iterable[tuple[RowRef, str]]:
    for t, r in refs:
        for value in dict.fromkeys(tables[t].rows[r]):
            if value and not is_trivial(value):
                yield (t, r), value


def shared_rare_values(tables_a: Sequence[Table], tables_b: Sequence[Table], rows_a: Sequence[RowRef],
                       rows_b: Sequence[RowRef], unmatched_b: Sequence[RowRef], excluded: frozenset[str],
                       rare_max: int) -> tuple[list[ValueRow], int]:
    """B's unmatched rows that hold shared rare values, and how many distinct rare values they hold in all.

    ``rows_a``/``rows_b`` are the live rows (after base filtration) that define rarity.
    """
    count_a: Counter[str] = Counter()
    where_a: dict[str, list[RowRef]] = {}
    for ref, value in _cells(tables_a, rows_a):
        count_a[value] += 1
        where_a.setdefault(value, []).append(ref)
    count_b: Counter[str] = Counter(value for _, value in _cells(tables_b, rows_b))
    rare_b: set[str] = set()
    found: list[ValueRow] = []
    for ref in unmatched_b:
        values = [v for _, v in _cells(tables_b, [ref]) if count_b[v] <= rare_max and v not in excluded]
        rare_b.update(values)
        shared = tuple(v for v in values if 0 < count_a[v] <= rare_max)
        if shared:
            holders = Counter(a for v in shared for a in where_a[v])
            best = min(holders, key=lambda a: (-holders[a], a))
            found.append(ValueRow(ref, best, shared))
    return found, len(rare_b)
