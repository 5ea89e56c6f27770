"""INI/CFG tables: each ``[section]`` is a table, its keys are the columns of its one row."""

from __future__ import annotations

import re

from comparators.errors import InputError
from comparators.table.model import Table, table_from_records

_SECTION = re.compile(r"^\s*\[([^\]]*)\]\s*(?:[;#].*)?$")
_PAIR = re.compile(r"^\s*([^=:\s][^=:]*?)\s*[=:]\s?(.*?)\s*$")
_COMMENT = re.compile(r"^\s*(?:[;#]|//|$)")
TOP = "(top)"


def looks_like_ini(head: str) -> bool:
    """Whether the first meaningful line of ``head`` is a section header or a ``key = value`` pair."""
    for line in head.splitlines()[:200]:
        if _COMMENT.match(line):
            continue
        return bool(_SECTION.match(line) or _PAIR.match(line))
    return False


def read_ini(text: str, name: str, path: str) -> tuple[list[Table], list[str]]:
    """The sections of an INI file as one-row tables (keys before any section form ``(top)``)."""
    sections: list[tuple[str, int, dict[str, str], list[int]]] = []
    current: tuple[str, int, dict[str, str], list[int]] | None = None
    last_key: str | None = None
    notes: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _COMMENT.match(line):
            continue
        section = _SECTION.match(line)
        if section:
            current = (section.group(1).strip(), number, {}, [number])
            sections.append(current)
            last_key = None
            continue
        if line[:1].isspace() and last_key is not None and current is not None:
            current[2][last_key] += "\n" + line.strip()
            current[3][0] = number
            continue
        pair = _PAIR.match(line)
        if not pair:
            raise InputError(path, f"is not an INI file (line {number} is neither a [section] nor key = value)")
        if current is None:
            current = (TOP, number, {}, [number])
            sections.append(current)
        key = pair.group(1)
        if key in current[2]:
            notes.append(f"{name}: key {key!r} repeated in section [{current[0]}] (line {number}); last value kept")
        current[2][key] = pair.group(2)
        current[3][0] = number
        last_key = key
    tables = []
    for title, first, values, last in sections:
        span = (first, last[0])
        tables.append(table_from_records(title, [(values, span)] if values else [], "ini section", span))
    if not any(t.rows for t in tables):
        raise InputError(path, "holds no key = value entries")
    return tables, notes
