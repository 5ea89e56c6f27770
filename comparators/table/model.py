"""The table model every reader produces: named columns, rows of normalised cells, located by line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from comparators.table.normalize import cell_value, column_name

Lines = tuple[int, int]


@dataclass(frozen=True)
class Table:
    """One table of a material.

    ``columns`` are normalised names (``labels`` as the file spells them), ``types`` the declared
    column types where the format has them, ``key`` the declared key columns (SQL primary key),
    ``rows`` tuples of normalised cells (one per column) and ``lines`` the 1-based inclusive line
    range of each row; ``schema_lines`` is where the schema is declared (header row, CREATE TABLE
    statement, section header), ``origin`` which construct it came from.
    """

    name: str
    columns: tuple[str, ...]
    labels: tuple[str, ...]
    types: tuple[str | None, ...]
    rows: tuple[tuple[str, ...], ...]
    lines: tuple[Lines, ...]
    schema_lines: Lines | None
    origin: str
    key: tuple[str, ...] = ()

    @property
    def key_name(self) -> str:
        """The normalised table name."""
        return column_name(self.name)

    def to_dict(self) -> dict[str, Any]:
        """JSON-compatible form (as stored in Features.data)."""
        return {"name": self.name, "columns": list(self.columns), "labels": list(self.labels),
                "types": list(self.types), "key": list(self.key), "rows": [list(r) for r in self.rows],
                "lines": [list(span) for span in self.lines],
                "schema_lines": list(self.schema_lines) if self.schema_lines else None,
                "origin": self.origin}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Table:
        """Inverse of :meth:`to_dict`."""
        schema = data.get("schema_lines")
        return cls(name=data["name"], columns=tuple(data["columns"]), labels=tuple(data["labels"]),
                   types=tuple(data["types"]), key=tuple(data.get("key", ())),
                   rows=tuple(tuple(r) for r in data["rows"]), lines=tuple((s, e) for s, e in data["lines"]),
                   schema_lines=(schema[0], schema[1]) if schema else None, origin=data["origin"])


def unique_labels(labels: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Labels with blanks named ``c<i>`` and their normalised names made unique (``name``, ``name_2``)."""
    out_labels, out_names, seen = [], [], set()
    for i, label in enumerate(labels, start=1):
        label = str(label).strip() or f"c{i}"
        name = column_name(label) or f"c{i}"
        base, n = name, 1
        while name in seen:
            n += 1
            name = f"{base}_{n}"
        seen.add(name)
        out_labels.append(label)
        out_names.append(name)
    return tuple(out_labels), tuple(out_names)


def table_from_records(name: str, records: Sequence[tuple[dict[str, Any], Lines]], origin: str,
                       schema_lines: Lines | None, key: Sequence[str] = ()) -> Table:
    """A table from rows given as ``{label: raw value}`` mappings: columns in first-seen order."""
    labels: dict[str, None] = {}
    for record, _ in records:
        for label in record:
            labels.setdefault(label, None)
    shown, columns = unique_labels(list(labels))
    order = list(labels)
    rows = tuple(tuple(cell_value(record.get(label)) for label in order) for record, _ in records)
    return Table(name=name, columns=columns, labels=shown, types=(None,) * len(columns), rows=rows,
                 lines=tuple(lines for _, lines in records), schema_lines=schema_lines, origin=origin,
                 key=tuple(column_name(k) for k in key))
