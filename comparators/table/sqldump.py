"""SQL dumps: ``CREATE TABLE`` statements give schemas, ``INSERT INTO ... VALUES`` statements give rows.

A small regex tokenizer that respects quoted strings, quoted identifiers and comments splits the
dump into statements; only the two statement kinds are interpreted, everything else is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from comparators.errors import InputError
from comparators.table.model import Table, unique_labels
from comparators.table.normalize import cell_value, column_name
from comparators.textio import line_starts, offset_to_line

_TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<comment>--[^\n]*|\#[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<str>[nN]?'(?:[^'\\]|\\.|'')*')
  | (?P<ident>"(?:[^"\\]|\\.|"")*"|`(?:[^`]|``)*`|\[[^\]\n]*\])
  | (?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<word>\w+)
  | (?P<punct>[(),;.=*+\-/<>!:@&|%^~?{}])
  | (?P<bad>.)
""", re.VERBOSE | re.DOTALL)
_ESCAPES = {"0": "\0", "n": "\n", "r": "\r", "t": "\t", "b": "\b", "Z": "\x1a"}
_CONSTRAINTS = frozenset({"primary", "key", "index", "unique", "constraint", "foreign", "check", "fulltext",
                          "spatial", "exclude", "period"})
_TYPE_END = frozenset({"not", "null", "default", "primary", "auto_increment", "autoincrement", "comment", "unique",
                       "references", "check", "collate", "character", "charset", "generated", "identity",
                       "constraint", "on", "key", "as", "visible", "invisible"})


_SQL_TYPES = frozenset({"int", "integer", "tinyint", "smallint", "mediumint", "bigint", "serial", "bigserial",
                        "varchar", "nvarchar", "char", "nchar", "text", "tinytext", "mediumtext", "longtext", "blob",
                        "tinyblob", "mediumblob", "longblob", "binary", "varbinary", "float", "double", "real",
                        "decimal", "numeric", "date", "datetime", "timestamp", "time", "year", "bool", "boolean",
                        "bit", "json", "enum", "set", "uuid", "money", "character", "string"})


def _type_text(tokens: list[str]) -> str | None:
    """A column type as one lower-case string: ``int(10) unsigned``, ``varchar(32)``."""
    text = " ".join(tokens).lower()
    text = re.sub(r"\s*\(\s*", "(", text)
    text = re.sub(r"\s*,\s*", ",", text)
    return re.sub(r"\s*\)", ")", text) or None


@dataclass(frozen=True)
class Token:
    """One SQL token: its kind (``str``, ``ident``, ``num``, ``word``, ``punct``), text and line."""

    kind: str
    text: str
    line: int

    def word(self) -> str:
        """The lower-cased text of a bare word (empty for other tokens)."""
        return self.text.lower() if self.kind == "word" else ""


def tokenize(text: str, path: str) -> list[Token]:
    """Tokens of ``text`` without whitespace and comments (raises InputError on unterminated quotes)."""
    kinds: list[str] = []
    texts: list[str] = []
    offsets: list[int] = []
    for found in _TOKEN.finditer(text):
        kind = found.lastgroup or "bad"
        if kind == "ws":
            continue
        value = found.group()
        if kind == "comment":
            if value.startswith("/*") and not value.endswith("*/"):
                raise InputError(path, f"has an unterminated /* comment (line {_line(text, found.start())})")
            continue
        if kind == "bad" and value in "'\"`[":
            raise InputError(path, f"has an unterminated quoted {'identifier' if value != chr(39) else 'string'} "
                                   f"starting at line {_line(text, found.start())}")
        kinds.append(kind)
        texts.append(value)
        offsets.append(found.start())
    lines = offset_to_line(line_starts(text), np.array(offsets, dtype=np.int64)) if offsets else []
    return [Token(k, t, int(n)) for k, t, n in zip(kinds, texts, lines)]


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def statements(tokens: list[Token]) -> list[list[Token]]:
    """Tokens grouped into statements (split at ``;`` outside parentheses)."""
    out, current, depth = [], [], 0
    for token in tokens:
        if token.kind == "punct" and token.text == ";" and depth == 0:
            if current:
                out.append(current)
            current = []
            continue
        if token.kind == "punct" and token.text in "()":
            depth = max(0, depth + (1 if token.text == "(" else -1))
        current.append(token)
    if current:
        out.append(current)
    return out


def unquote(token: Token) -> str:
    """The value of a string or identifier token."""
    text = token.text
    if token.kind == "str":
        body = text[text.index("'") + 1:-1].replace("''", "'")
        return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)
    if token.kind == "ident":
        quote = text[0]
        body = text[1:-1]
        return body if quote == "[" else body.replace(quote * 2, quote)
    return text


def _split(tokens: list[Token]) -> list[list[Token]]:
    """Comma-separated parts of a token list at parenthesis depth 0."""
    parts, current, depth = [], [], 0
    for token in tokens:
        if token.kind == "punct" and token.text in "()":
            depth += 1 if token.text == "(" else -1
        if depth == 0 and token.kind == "punct" and token.text == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    if current:
        parts.append(current)
    return parts


def _group(tokens: list[Token], start: int) -> int:
    """Index just after the parenthesised group opening at ``start``."""
    depth = 0
    for i in range(start, len(tokens)):
        if tokens[i].kind == "punct" and tokens[i].text in "()":
            depth += 1 if tokens[i].text == "(" else -1
            if depth == 0:
                return i + 1
    return len(tokens)


def _name(tokens: list[Token], i: int) -> tuple[str, int]:
    """A possibly qualified name (``db.schema.table``) at ``i``: its last part and the index after it."""
    name = unquote(tokens[i])
    i += 1
    while i + 1 < len(tokens) and tokens[i].text == "." and tokens[i + 1].kind in ("word", "ident"):
        name = unquote(tokens[i + 1])
        i += 2
    return name, i


@dataclass
class _Schema:
    name: str
    labels: list[str]
    types: list[str | None]
    key: list[str]
    lines: tuple[int, int]


@dataclass
class _Rows:
    name: str
    labels: list[str] | None
    values: list[tuple[list[str], tuple[int, int]]]


def _create(stmt: list[Token]) -> _Schema | None:
    words = [t.word() for t in stmt[:8]]
    if "table" not in words:
        return None
    i = words.index("table") + 1
    while i < len(stmt) and stmt[i].word() in ("if", "not", "exists"):
        i += 1
    if i >= len(stmt):
        return None
    name, i = _name(stmt, i)
    if i >= len(stmt) or stmt[i].text != "(":
        return None
    body = stmt[i + 1:_group(stmt, i) - 1]
    labels, types, key = [], [], []
    for part in _split(body):
        if not part:
            continue
        head = part[0].word()
        if head in _CONSTRAINTS and not (len(part) > 1 and part[1].word() in _SQL_TYPES):
            if "primary" in [t.word() for t in part[:3]]:
                start = next((j for j, t in enumerate(part) if t.text == "("), None)
                if start is not None:
                    key += [unquote(t) for t in part[start + 1:_group(part, start) - 1] if t.kind in ("word", "ident")]
            continue
        labels.append(unquote(part[0]))
        type_tokens = []
        for token in part[1:]:
            if token.word() in _TYPE_END:
                break
            type_tokens.append(token.text)
        types.append(_type_text(type_tokens))
        lowered = [t.word() for t in part]
        if "primary" in lowered and "key" in lowered:
            key.append(labels[-1])
    return _Schema(name, labels, types, key, (stmt[0].line, stmt[-1].line))


def _insert(stmt: list[Token]) -> _Rows | None:
    if stmt[0].word() not in ("insert", "replace"):
        return None
    i = 1
    while i < len(stmt) and stmt[i].word() in ("into", "ignore", "low_priority", "delayed", "high_priority"):
        i += 1
    if i >= len(stmt) or stmt[i].kind not in ("word", "ident"):
        return None
    name, i = _name(stmt, i)
    labels = None
    if i < len(stmt) and stmt[i].text == "(":
        end = _group(stmt, i)
        labels = [unquote(t) for t in stmt[i + 1:end - 1] if t.kind in ("word", "ident")]
        i = end
    if i >= len(stmt) or stmt[i].word() not in ("values", "value"):
        return None
    values = []
    for part in _split(stmt[i + 1:]):
        if not part or part[0].text != "(":
            continue
        inner = part[1:_group(part, 0) - 1]
        cells = [_value(cell) for cell in _split(inner)]
        values.append((cells, (part[0].line, part[-1].line)))
    return _Rows(name, labels, values)


def _value(tokens: list[Token]) -> str:
    """A VALUES cell: a string, number (with sign), NULL (empty) or an expression's text."""
    if len(tokens) == 1:
        token = tokens[0]
        if token.kind in ("str", "ident"):
            return unquote(token)
        return "" if token.word() == "null" else token.text
    if len(tokens) == 2 and tokens[0].text in "+-" and tokens[1].kind == "num":
        return tokens[0].text.replace("+", "") + tokens[1].text
    return " ".join(t.text for t in tokens)


def read_sql(text: str, name: str, path: str) -> tuple[list[Table], list[str]]:
    """Tables of a SQL dump: schemas from CREATE TABLE, rows from INSERT (matched by table name)."""
    schemas: dict[str, _Schema] = {}
    inserts: dict[str, list[_Rows]] = {}
    order: list[str] = []
    notes: list[str] = []
    for stmt in statements(tokenize(text, path)):
        first = stmt[0].word()
        found: _Schema | _Rows | None = _create(stmt) if first == "create" else (
            _insert(stmt) if first in ("insert", "replace") else None)
        if found is None:
            if first in ("insert", "replace"):
                notes.append(f"{name}: line {stmt[0].line}: INSERT without VALUES (e.g. INSERT ... SELECT) skipped")
            continue
        key = column_name(found.name)
        if key not in schemas and key not in inserts:
            order.append(key)
        if isinstance(found, _Schema):
            schemas[key] = found
        else:
            inserts.setdefault(key, []).append(found)
    if not order:
        raise InputError(path, "holds no CREATE TABLE or INSERT ... VALUES statement")
    return [_table(schemas.get(k), inserts.get(k, []), notes) for k in order], notes


def _table(schema: _Schema | None, inserts: list[_Rows], notes: list[str]) -> Table:
    labels = list(schema.labels) if schema else []
    for batch in inserts:
        for label in batch.labels or []:
            if column_name(label) not in {column_name(x) for x in labels}:
                labels.append(label)
    width = max([len(labels)] + [len(cells) for b in inserts for cells, _ in b.values])
    labels += [f"c{i}" for i in range(len(labels) + 1, width + 1)]
    shown, columns = unique_labels(labels)
    index = {c: i for i, c in enumerate(columns)}
    rows, lines = [], []
    for batch in inserts:
        positions = ([index[column_name(x)] for x in batch.labels] if batch.labels
                     else list(range(width)))
        for cells, span in batch.values:
            row = [""] * len(columns)
            for pos, cell in zip(positions, cells):
                row[pos] = cell_value(cell)
            if len(cells) != len(positions):
                notes.append(f"{(schema or batch).name}: line {span[0]}: {len(cells)} values for "
                             f"{len(positions)} columns")
            rows.append(tuple(row))
            lines.append(span)
    name = schema.name if schema else inserts[0].name
    types = tuple(schema.types + [None] * (len(columns) - len(schema.types))) if schema else (None,) * len(columns)
    return Table(name=name, columns=columns, labels=shown, types=types, rows=tuple(rows), lines=tuple(lines),
                 schema_lines=schema.lines if schema else None, origin="create table" if schema else "insert",
                 key=tuple(column_name(k) for k in (schema.key if schema else [])))
