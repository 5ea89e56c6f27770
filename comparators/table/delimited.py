"""CSV and TSV tables: the first row names the columns, an optional second row of type words types them."""

from __future__ import annotations

import csv
import io

from comparators.errors import InputError
from comparators.table.model import Table, unique_labels
from comparators.table.normalize import cell_value, number

DELIMITERS = (",", "\t", ";", "|")
TYPE_WORDS = frozenset({"int", "integer", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
                        "uint64", "long", "short", "byte", "float", "double", "number", "decimal", "string",
                        "str", "text", "char", "bool", "boolean", "date", "datetime", "array", "list", "json"})


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first non-blank line: the candidate occurring most often outside quotes."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    outside, quoted = [], False
    for ch in first:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            outside.append(ch)
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] else ","


def read_delimited(text: str, name: str, path: str, delimiter: str | None = None) -> tuple[list[Table], list[str]]:
    """One table from CSV/TSV text; each row located by its (possibly multi-line) line range."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or sniff_delimiter(text))
    rows: list[tuple[list[str], tuple[int, int]]] = []
    previous = 0
    try:
        for record in reader:
            start, previous = previous + 1, reader.line_num
            if record and any(cell.strip() for cell in record):
                rows.append((record, (start, reader.line_num)))
    except csv.Error as exc:
        raise InputError(path, f"is not a valid delimited table (line {reader.line_num}: {exc})") from None
    if not rows:
        raise InputError(path, "holds no table rows")
    notes: list[str] = []
    header, header_lines = rows[0]
    if all(number(cell.strip()) is not None for cell in header if cell.strip()):
        labels, columns = unique_labels([f"c{i}" for i in range(1, max(len(r) for r, _ in rows) + 1)])
        body, schema_lines = rows, None
        notes.append(f"{name}: first row is numeric, so the table has no header; columns are named c1, c2, ...")
    else:
        labels, columns = unique_labels(header)
        body, schema_lines = rows[1:], header_lines
    types: tuple[str | None, ...] = (None,) * len(columns)
    if body and schema_lines and all(cell.strip().lower() in TYPE_WORDS for cell in body[0][0] if cell.strip()):
        declared = [cell.strip().lower() or None for cell in body[0][0]]
        types = tuple((declared + [None] * len(columns))[:len(columns)])
        schema_lines = (schema_lines[0], body[0][1][1])
        body = body[1:]
    width = len(columns)
    wider = sum(1 for record, _ in body if len(record) > width)
    if wider:
        notes.append(f"{name}: {wider} row(s) have more cells than the header names; the extra cells are ignored")
    cells = tuple(tuple(cell_value(c) for c in (record + [""] * width)[:width]) for record, _ in body)
    table = Table(name=name, columns=columns, labels=labels, types=types, rows=cells,
                  lines=tuple(lines for _, lines in body), schema_lines=schema_lines, origin="header")
    return [table], notes
