"""Row matching inside a pair of tables: identical rows, rows equal on a key with edited values, and runs.

Rows are compared on the columns both tables have. A row of B is *identical* to a row of A when
all shared cells are equal; otherwise it is an *edited* row of A when both have the same key
value (declared primary key, else the first shared column unique on both sides, id-like names
first) and few cells changed, or every changed column changed systematically (one factor or
offset across the table, see :mod:`comparators.table.edits`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from comparators.table.edits import Change, column_change
from comparators.table.model import Table

_ID_LIKE = re.compile(r"(^|_)(id|key|code|no|num|编号|编码|代码|序号)$|^(id|key|编号)")
IDENTICAL = "identical rows"
EDITED = "rows with edited values"


@dataclass(frozen=True)
class RowMatch:
    """Row ``a`` of A's table matched to row ``b`` of B's; ``changed`` columns (normalised) for edits."""

    a: int
    b: int
    category: str
    changed: tuple[str, ...]
    credit: float


@dataclass(frozen=True)
class RowSettings:
    """``max_changed_share``: most non-key cells an edit may change; ``min_systematic``: edited rows
    that must share one factor/offset for a column to count as systematically edited."""

    max_changed_share: float = 0.5
    min_systematic: int = 3


def _unique(values: Sequence[tuple[str, ...]]) -> bool:
    return len(set(values)) == len(values) and all(any(v) for v in values)


def key_columns(ta: Table, tb: Table, shared: Sequence[str], live_a: Sequence[int],
                live_b: Sequence[int]) -> tuple[str, ...]:
    """The key the two tables are joined on (empty when none is unique on both sides)."""
    if len(live_a) < 2 or len(live_b) < 2:
        return ()
    for declared in (ta.key, tb.key):
        if declared and all(c in shared for c in declared):
            return tuple(declared)
    pos_a = {c: ta.columns.index(c) for c in shared}
    pos_b = {c: tb.columns.index(c) for c in shared}

    def unique(cols: Sequence[str]) -> bool:
        return (_unique([tuple(ta.rows[i][pos_a[c]] for c in cols) for i in live_a])
                and _unique([tuple(tb.rows[j][pos_b[c]] for c in cols) for j in live_b]))

    ordered = sorted(shared, key=lambda c: (not _ID_LIKE.search(c), shared.index(c)))
    for column in ordered:
        if unique([column]):
            return (column,)
    if len(shared) >= 3 and unique(shared[:2]):
        return tuple(shared[:2])
    return ()


def match_rows(ta: Table, tb: Table, shared: Sequence[str], live_a: Sequence[int], live_b: Sequence[int],
               settings: RowSettings) -> tuple[list[RowMatch], tuple[str, ...], list[Change]]:
    """Matched rows (ordered by B's row), the key used, and the table's systematic changes."""
    pos_a = [ta.columns.index(c) for c in shared]
    pos_b = [tb.columns.index(c) for c in shared]
    proj_a = {i: tuple(ta.rows[i][k] for k in pos_a) for i in live_a}
    proj_b = {j: tuple(tb.rows[j][k] for k in pos_b) for j in live_b}
    by_value: dict[tuple[str, ...], list[int]] = {}
    for i in live_a:
        if any(proj_a[i]):
            by_value.setdefault(proj_a[i], []).append(i)
    for rows in by_value.values():
        rows.reverse()
    matches: list[RowMatch] = []
    used_a: set[int] = set()
    rest_b = []
    for j in live_b:
        stack = by_value.get(proj_b[j])
        if stack:
            i = stack.pop()
            used_a.add(i)
            matches.append(RowMatch(i, j, IDENTICAL, (), 1.0))
        else:
            rest_b.append(j)
    rest_a = [i for i in live_a if i not in used_a]
    key = key_columns(ta, tb, shared, live_a, live_b)
    single = not key and len(live_a) == 1 and len(live_b) == 1
    candidates: list[tuple[int, int, tuple[int, ...]]] = []
    if (key or single) and rest_a and rest_b:
        key_pos = [shared.index(c) for c in key]
        index_a = {tuple(proj_a[i][k] for k in key_pos): i for i in rest_a}
        for j in rest_b:
            i = index_a.get(tuple(proj_b[j][k] for k in key_pos))
            if i is None:
                continue
            changed = tuple(k for k in range(len(shared)) if proj_a[i][k] != proj_b[j][k])
            candidates.append((i, j, changed))
    changes = table_changes(shared, [(proj_a[i], proj_b[j], ch) for i, j, ch in candidates], tb)
    systematic = {c.column for c in changes
                  if c.rows >= settings.min_systematic or (c.rows == c.of and (c.of >= 2 or single))}
    non_key = max(len(shared) - len(key), 1)
    for i, j, changed in candidates:
        names = tuple(shared[k] for k in changed)
        share = len(changed) / non_key
        labels = {_label(tb, shared[k]) for k in changed}
        if (share <= settings.max_changed_share and share < 1) or labels <= systematic:
            matches.append(RowMatch(i, j, EDITED, names, 1.0 - len(changed) / len(shared)))
    matches.sort(key=lambda m: (m.b, m.a))
    return matches, key, changes


def _label(table: Table, column: str) -> str:
    return table.labels[table.columns.index(column)]


def table_changes(shared: Sequence[str], pairs: Sequence[tuple[tuple[str, ...], tuple[str, ...], tuple[int, ...]]],
                  tb: Table) -> list[Change]:
    """Per changed column, the factor or offset explaining its edits across ``pairs`` (old row, new row, changed)."""
    out = []
    for k, column in enumerate(shared):
        values = [(a[k], b[k]) for a, b, changed in pairs if k in changed]
        if values:
            change = column_change(_label(tb, column), values)
            if change is not None:
                out.append(change)
    return out


def runs(matches: Sequence[RowMatch]) -> list[list[RowMatch]]:
    """Runs of matches of one category on consecutive rows of both tables (in B's order)."""
    out: list[list[RowMatch]] = []
    for m in matches:
        last = out[-1][-1] if out else None
        if last and last.category == m.category and m.b == last.b + 1 and m.a == last.a + 1:
            out[-1].append(m)
        else:
            out.append([m])
    return out
