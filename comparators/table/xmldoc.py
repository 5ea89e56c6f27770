"""XML tables: repeated child elements are rows, their attributes and leaf children are columns.

Parsed with expat directly (for line numbers); any DOCTYPE or ENTITY declaration is refused
before it is expanded, so entity bombs and external entities never load.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

from comparators.errors import InputError
from comparators.table.model import Table, table_from_records

_DECLARED = re.compile(r"""^\ufeff?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


@dataclass
class Element:
    """An XML element with the lines it spans."""

    tag: str
    attrib: dict[str, str]
    start_line: int
    end_line: int = 0
    text: list[str] = field(default_factory=list)
    children: list[Element] = field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return not self.children and not self.attrib


class _Refused(Exception):
    pass


def declared_encoding(head: str) -> str | None:
    """The encoding an XML declaration names, if any."""
    found = _DECLARED.match(head)
    return found.group(1) if found else None


def parse(text: str, path: str) -> Element:
    """The element tree of ``text`` (raises InputError on malformed XML or any DTD declaration)."""
    parser = expat.ParserCreate(encoding="utf-8")
    stack: list[Element] = []
    roots: list[Element] = []

    def start(tag: str, attrib: dict[str, str]) -> None:
        element = Element(tag, dict(attrib), parser.CurrentLineNumber)
        (stack[-1].children if stack else roots).append(element)
        stack.append(element)

    def end(_tag: str) -> None:
        stack.pop().end_line = parser.CurrentLineNumber

    def data(chunk: str) -> None:
        if stack:
            stack[-1].text.append(chunk)

    def refuse(*_args: object) -> None:
        raise _Refused

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    try:
        parser.Parse(text.encode("utf-8"), True)
    except _Refused:
        raise InputError(path, f"declares a DOCTYPE or ENTITY (line {parser.CurrentLineNumber}); XML with "
                               "declarations is refused to rule out entity expansion attacks") from None
    except expat.ExpatError as exc:
        raise InputError(path, f"is not well-formed XML ({expat.ErrorString(exc.code)} at line {exc.lineno}, "
                               f"column {exc.offset + 1})") from None
    if not roots:
        raise InputError(path, "holds no XML element")
    return roots[0]


def _record(element: Element) -> dict[str, str]:
    """Columns of a row element: attributes, leaf children's text, attributes of childless children."""
    record: dict[str, str] = dict(element.attrib)
    own = "".join(element.text).strip()
    if own:
        record["text"] = own
    for child in element.children:
        if child.children:
            continue
        if child.attrib:
            for key, value in child.attrib.items():
                record.setdefault(f"{child.tag}.{key}", value)
            body = "".join(child.text).strip()
            if body:
                record.setdefault(child.tag, body)
        else:
            record.setdefault(child.tag, "".join(child.text).strip())
    return record


def _row_paths(root: Element) -> set[str]:
    """Tag paths of elements that repeat under one parent (the rows)."""
    found: set[str] = set()

    def walk(element: Element, path: str) -> None:
        counts: dict[str, int] = {}
        for child in element.children:
            counts[child.tag] = counts.get(child.tag, 0) + 1
        for child in element.children:
            child_path = f"{path}/{child.tag}"
            if counts[child.tag] >= 2 and not child.is_leaf:
                found.add(child_path)
            walk(child, child_path)

    walk(root, root.tag)
    return found


def read_xml(text: str, name: str, path: str) -> tuple[list[Table], list[str]]:
    """The tables of an XML document, one per tag path of repeated elements."""
    root = parse(text, path)
    paths = _row_paths(root)
    rows: dict[str, list[Element]] = {p: [] for p in sorted(paths)}
    order: list[str] = []

    def walk(element: Element, tag_path: str) -> None:
        if tag_path in rows:
            if not rows[tag_path]:
                order.append(tag_path)
            rows[tag_path].append(element)
        for child in element.children:
            walk(child, f"{tag_path}/{child.tag}")

    walk(root, root.tag)
    tables = []
    for tag_path in order:
        elements = rows[tag_path]
        records = [(_record(e), (e.start_line, max(e.end_line, e.start_line))) for e in elements]
        span = (elements[0].start_line, max(e.end_line for e in elements))
        tables.append(table_from_records(tag_path.split("/", 1)[-1] if "/" in tag_path else tag_path,
                                         records, "xml elements", span))
    if not tables:
        record = _record(root)
        if not record:
            raise InputError(path, "holds no table (no repeated elements, attributes or values)")
        tables.append(table_from_records(root.tag, [(record, (root.start_line, root.end_line))], "xml element",
                                         (root.start_line, root.end_line)))
    return tables, []
