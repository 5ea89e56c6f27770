"""Reading a data-table material: format by extension, text decoded by :mod:`comparators.textio`.

The only module of the table comparator that touches files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from comparators.errors import InputError
from comparators.table.delimited import read_delimited
from comparators.table.inifile import looks_like_ini, read_ini
from comparators.table.jsondoc import read_json
from comparators.table.model import Table
from comparators.table.sqldump import read_sql
from comparators.table.xmldoc import declared_encoding, read_xml
from comparators.textio import DecodedText, decode_bytes

FORMATS: dict[str, str] = {".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".json": "json", ".xml": "xml",
                           ".ini": "ini", ".cfg": "ini", ".conf": "ini", ".sql": "sql"}
_SQL_TABLE = re.compile(rb"(?i)\b(?:create\s+table|insert\s+into|replace\s+into)\b")
Reader = Callable[[str, str, str], tuple[list[Table], list[str]]]
_READERS: dict[str, Reader] = {
    "csv": read_delimited, "tsv": lambda text, name, path: read_delimited(text, name, path, "\t"),
    "json": read_json, "xml": read_xml, "ini": read_ini, "sql": read_sql,
}


@dataclass(frozen=True)
class TableDocument:
    """The tables read from one file, with its format, encoding, raw bytes and reading notes."""

    format: str
    encoding: str
    tables: tuple[Table, ...]
    data: bytes
    notes: tuple[str, ...]


def format_of(path: Path) -> str | None:
    """The table format a file's extension names, or ``None``."""
    return FORMATS.get(path.suffix.lower())


def sniff(path: Path, head: bytes) -> bool:
    """Whether a file with a table extension looks like a table of that format.

    SQL files qualify only when they create or fill tables (stored procedures are code);
    ``.conf``/``.cfg``/``.ini`` only when their first line is INI-like (not e.g. nginx syntax).
    """
    fmt = format_of(path)
    if fmt == "sql":
        return bool(_SQL_TABLE.search(head))
    if fmt == "ini":
        try:
            return looks_like_ini(decode_bytes(head[:65536], path).text)
        except InputError:
            return False
    return fmt is not None


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular, non-empty file of at most ``max_bytes`` (InputError otherwise)."""
    if not path.exists():
        raise InputError(path, "is a broken symbolic link" if path.is_symlink() else "does not exist")
    if not path.is_file():
        raise InputError(path, "is a directory, expected a file" if path.is_dir() else "is not a regular file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"is too large ({size:,} bytes; the limit is {max_bytes:,})")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(path, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(path, "is empty")
    return data


def decode(data: bytes, fmt: str, path: str) -> DecodedText:
    """Decoded text; an XML declaration's encoding is honoured when the bytes decode under it."""
    decoded = decode_bytes(data, path)
    if fmt == "xml":
        named = declared_encoding(decoded.text[:200])
        if named:
            try:
                return DecodedText(data.decode(named).lstrip("\ufeff"), named.lower())
            except (LookupError, UnicodeDecodeError):
                pass
    return decoded


def read_tables(path: Path, display: str, max_bytes: int, fmt: str | None = None) -> TableDocument:
    """Read the tables of one file (raises InputError naming ``display`` for any problem)."""
    fmt = fmt or format_of(path)
    if fmt is None:
        raise InputError(display, "is not a data table (expected .csv, .tsv, .json, .xml, .ini/.cfg/.conf or .sql)")
    data = read_bytes(path, max_bytes)
    decoded = decode(data, fmt, display)
    text = decoded.text.lstrip("\ufeff")
    if not text.strip():
        raise InputError(display, "is empty")
    tables, notes = _READERS[fmt](text, Path(display).stem, display)
    if not any(t.rows or t.columns for t in tables):
        raise InputError(display, "holds no table rows or columns")
    return TableDocument(fmt, decoded.encoding, tuple(tables), data, tuple(notes))
