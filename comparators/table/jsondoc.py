"""JSON tables: arrays of objects, objects of objects, and records nested anywhere in a document.

The document is validated with :mod:`json` first (for a clear error message); element spans
come from decoding one element at a time with ``JSONDecoder.raw_decode``, which returns where
each element ends, so every row keeps its line range.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import numpy as np

from comparators.errors import InputError
from comparators.table.model import Lines, Table, table_from_records
from comparators.textio import line_starts, offset_to_line

_WS = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
MAX_DEPTH = 64
ROOT = "(root)"  # the scalar members of a top-level object
Child = tuple[str | None, Any, int, int]  # key (None in arrays), value, start offset, end offset


def children(text: str, pos: int) -> list[Child]:
    """The elements of the array or members of the object starting at ``pos`` (valid JSON), with spans."""
    closing = "]" if text[pos] == "[" else "}"
    out: list[Child] = []
    pos = _WS.match(text, pos + 1).end()
    if text[pos] == closing:
        return out
    while True:
        key = None
        if closing == "}":
            key, pos = _DECODER.raw_decode(text, pos)
            pos = _WS.match(text, pos).end() + 1  # the colon
            pos = _WS.match(text, pos).end()
        value, end = _DECODER.raw_decode(text, pos)
        out.append((key, value, pos, end))
        pos = _WS.match(text, end).end()
        if text[pos] == closing:
            return out
        pos = _WS.match(text, pos + 1).end()


def _scalar(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def is_record(value: Any) -> bool:
    """An object at least half of whose members are scalars (a row, not a container of rows)."""
    return isinstance(value, dict) and bool(value) and 2 * sum(map(_scalar, value.values())) >= len(value)


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Row cells of a record: nested objects as dotted columns, lists as canonical JSON text."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        label = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, label + "."))
        elif isinstance(value, list):
            out[label] = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        else:
            out[label] = value
    return out


def read_json(text: str, name: str, path: str) -> tuple[list[Table], list[str]]:
    """The tables of a JSON document (raises InputError when it is invalid or holds no table)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise InputError(path, "nests too deeply to be read as JSON") from None
    if _scalar(document):
        raise InputError(path, "holds a single JSON value, not a table")
    starts = line_starts(text)

    def lines(start: int, end: int) -> Lines:
        found = offset_to_line(starts, np.array([start, max(end - 1, start)]))
        return int(found[0]), int(found[1])

    tables: list[Table] = []
    notes: list[str] = []
    start = _WS.match(text).end()
    _collect(text, name, document, start, len(text.rstrip()), lines, tables, notes, 0)
    if not tables:
        raise InputError(path, "holds no table (no array or object of records)")
    return tables, notes


def _collect(text: str, name: str, value: Any, start: int, end: int, lines: Callable[[int, int], Lines],
             tables: list[Table], notes: list[str], depth: int) -> None:
    if depth > MAX_DEPTH:
        notes.append(f"{name}: nested deeper than {MAX_DEPTH} levels; not read further")
        return
    items = children(text, start)
    if isinstance(value, list):
        objects = [c for c in items if isinstance(c[1], dict)]
        if items and 2 * len(objects) >= len(items):
            if len(objects) < len(items):
                notes.append(f"{name}: {len(items) - len(objects)} array element(s) that are not objects ignored")
            records = [(flatten(v), lines(s, e)) for _, v, s, e in objects]
            tables.append(table_from_records(name, records, "json array", lines(start, end)))
        elif items and all(isinstance(c[1], list) for c in items):
            records = [({f"c{i}": x for i, x in enumerate(v, 1)}, lines(s, e)) for _, v, s, e in items]
            tables.append(table_from_records(name, records, "json array", lines(start, end)))
        elif items and all(_scalar(c[1]) for c in items):
            records = [({"value": v}, lines(s, e)) for _, v, s, e in items]
            tables.append(table_from_records(name, records, "json array", lines(start, end)))
        else:
            for i, (_, v, s, e) in enumerate(items):
                if not _scalar(v):
                    _collect(text, f"{name}[{i}]", v, s, e, lines, tables, notes, depth + 1)
        return
    records_of = [c for c in items if is_record(c[1])]
    if len(items) >= 2 and len(records_of) >= 0.8 * len(items):
        records = [({"key": k, **flatten(v)}, lines(s, e)) for k, v, s, e in records_of]
        tables.append(table_from_records(name, records, "json object", lines(start, end), key=("key",)))
        return
    scalars = {k: v for k, v, _, _ in items if _scalar(v) or (isinstance(v, list) and all(map(_scalar, v)))}
    if scalars:
        tables.append(table_from_records(name if depth else ROOT, [(flatten(scalars), lines(start, end))],
                                         "json object", lines(start, end)))
    for k, v, s, e in items:
        if k not in scalars and not _scalar(v):
            _collect(text, f"{name}.{k}" if depth else str(k), v, s, e, lines, tables, notes, depth + 1)
