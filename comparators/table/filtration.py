"""Declared base material for tables: rows, values and schemas that the base already holds do not count."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from comparators.table.model import Table
from comparators.table.pairing import jaccard

RowKey = tuple[tuple[str, str], ...]


def row_key(columns: Sequence[str], row: Sequence[str]) -> RowKey:
    """A row as its sorted non-empty ``(column, value)`` cells, independent of column order."""
    return tuple(sorted((c, v) for c, v in zip(columns, row) if v))


@dataclass(frozen=True)
class BaseMaterial:
    """What the declared base tables hold: rows, cell values, and schemas (name and column set)."""

    rows: frozenset[RowKey]
    values: frozenset[str]
    schemas: tuple[tuple[str, frozenset[str]], ...]
    names: tuple[str, ...]

    def has_row(self, table: Table, index: int) -> bool:
        """Whether row ``index`` of ``table`` is a row of the base."""
        return bool(self.rows) and row_key(table.columns, table.rows[index]) in self.rows

    def has_schema(self, table_a: Table, table_b: Table, shared: Sequence[str]) -> str | None:
        """The base table (by name) whose schema holds the shared columns of a pair, if any.

        A base table qualifies when it has the name of either table or a column Jaccard of at
        least 0.8 with B's table, and every shared column is one of its columns.
        """
        for name, columns in self.schemas:
            related = name in (table_a.key_name, table_b.key_name) or jaccard(columns, table_b.columns) >= 0.8
            if related and set(shared) <= columns:
                return name
        return None


def base_material(tables: Sequence[Table], names: Sequence[str]) -> BaseMaterial:
    """Index the tables of the declared base files (``names`` are their paths, for the report)."""
    rows = {row_key(t.columns, r) for t in tables for r in t.rows}
    values = {v for t in tables for r in t.rows for v in r if v}
    schemas = tuple((t.key_name, frozenset(t.columns)) for t in tables)
    return BaseMaterial(frozenset(rows), frozenset(values), schemas, tuple(names))
