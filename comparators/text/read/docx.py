"""Word documents (.docx): the paragraphs of the main document part, in document order.

Body paragraphs, table-cell paragraphs, content controls, tracked insertions and text-box
paragraphs (after the paragraph that anchors them) each become one block; paragraphs are
joined with ``"\\n"``. Deleted text (tracked deletions), field codes and the VML fallback
copies of drawings are skipped. Headers, footers, footnotes and comments are not read.

Pages are approximate: a DOCX stores no layout, only explicit page breaks, page breaks
before paragraphs, section breaks and the page breaks Word rendered when it last saved
the file (``w:lastRenderedPageBreak``). These are counted; a document that has none of
them gets ``page=None`` on every block.
"""

from __future__ import annotations

import dataclasses
import posixpath
from pathlib import Path

from lxml import etree

from comparators.errors import InputError
from comparators.text.read.model import Document, DocumentBuilder
from comparators.text.read.source import ZipContainer

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DEFAULT_MAIN = "word/document.xml"
_FALSE = {"0", "false", "off"}


def main_part(container: ZipContainer) -> str:
    """The name of the main document part, from the package relationships."""
    if container.has("_rels/.rels"):
        rels = container.xml("_rels/.rels")
        for rel in rels.iter(f"{_RELS}Relationship"):
            if (rel.get("Type") or "").endswith("/officeDocument") and rel.get("Target"):
                target = posixpath.normpath(rel.get("Target").lstrip("/"))
                if container.has(target):
                    return target
    if container.has(_DEFAULT_MAIN):
        return _DEFAULT_MAIN
    raise container.invalid(f"{_DEFAULT_MAIN} is missing")


class _Walker:
    """Walks a WordprocessingML body, emitting paragraphs and counting page breaks."""

    def __init__(self, ns: str, builder: DocumentBuilder, part: str) -> None:
        self.builder = builder
        self.part = part
        self.page = 1
        self.fresh = True  # nothing written on the current page yet
        self.explicit_breaks = 0
        self.rendered_breaks = 0
        self.t, self.tab, self.ptab, self.br, self.cr = (ns + n for n in ("t", "tab", "ptab", "br", "cr"))
        self.p, self.ppr, self.rpr, self.sectpr = (ns + n for n in ("p", "pPr", "rPr", "sectPr"))
        self.rendered, self.txbx = ns + "lastRenderedPageBreak", ns + "txbxContent"
        self.nbhyphen, self.type, self.val = ns + "noBreakHyphen", ns + "type", ns + "val"
        self.page_break_before = ns + "pageBreakBefore"
        self.skipped = {self.ppr, self.rpr, self.sectpr, ns + "del", ns + "delText", ns + "instrText",
                        ns + "moveFrom", ns + "footnoteReference", ns + "endnoteReference",
                        _MC + "Fallback"}

    def page_break(self) -> None:
        self.page += 1
        self.fresh = True
        self.explicit_breaks += 1

    def rendered_break(self) -> None:
        self.rendered_breaks += 1
        if not self.fresh:
            self.page += 1
            self.fresh = True

    def container(self, element: etree._Element) -> None:
        """Block-level content: body, table, row, cell, content control, text box."""
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in self.skipped:
                continue
            if tag == self.p:
                self.paragraph(child)
            else:
                self.container(child)

    def paragraph(self, p: etree._Element) -> None:
        """One paragraph, then the text-box paragraphs anchored in it."""
        ppr = p.find(self.ppr)
        if ppr is not None:
            before = ppr.find(self.page_break_before)
            if before is not None and (before.get(self.val) or "true") not in _FALSE:
                self.page_break()
        pieces: list[str] = []
        nested: list[etree._Element] = []
        state = {"page": None}
        self.runs(p, pieces, nested, state)
        self.builder.add_paragraph("".join(pieces), state["page"] or self.page, self.part)
        for box in nested:
            self.container(box)
        sectpr = ppr.find(self.sectpr) if ppr is not None else None
        if sectpr is not None:
            kind = sectpr.find(self.type)
            if kind is None or kind.get(self.val) != "continuous":
                self.page_break()

    def runs(self, element: etree._Element, pieces: list[str], nested: list[etree._Element],
             state: dict[str, int | None]) -> None:
        """Inline content of a paragraph, in order."""
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag in self.skipped:
                continue
            if tag == self.t:
                text = child.text or ""
                pieces.append(text)
                if text.strip():
                    if state["page"] is None:
                        state["page"] = self.page
                    self.fresh = False
            elif tag in (self.tab, self.ptab):
                pieces.append("\t")
            elif tag == self.br:
                pieces.append("\n")
                if child.get(self.type) == "page":
                    self.page_break()
            elif tag == self.cr:
                pieces.append("\n")
            elif tag == self.nbhyphen:
                pieces.append("-")
            elif tag == self.rendered:
                self.rendered_break()
            elif tag in (self.txbx, self.p):
                nested.append(child if tag == self.txbx else _wrap(child))
            else:
                self.runs(child, pieces, nested, state)


def _wrap(p: etree._Element) -> etree._Element:
    """A detached container holding a copy of paragraph ``p`` (for paragraphs nested in runs)."""
    holder = etree.Element("holder")
    holder.append(etree.fromstring(etree.tostring(p)))
    return holder


def read_docx(path: Path, data: bytes, max_bytes: int) -> Document:
    """A DOCX document: one block per non-empty paragraph, pages approximate (see module docstring)."""
    container = ZipContainer(data, path, "DOCX", max_bytes)
    part = main_part(container)
    root = container.xml(part)
    ns = f"{{{etree.QName(root).namespace}}}" if etree.QName(root).namespace else ""
    body = root.find(f"{ns}body")
    if etree.QName(root).localname != "document" or body is None:
        raise container.invalid(f"{part} has no document body")
    builder = DocumentBuilder()
    walker = _Walker(ns, builder, part)
    try:
        walker.container(body)
    except RecursionError:
        raise InputError(path, f"not a valid DOCX: {part} is nested too deeply") from None
    breaks = walker.explicit_breaks + walker.rendered_breaks
    if breaks:
        source = ("Word's last rendered layout and explicit breaks" if walker.rendered_breaks
                  else "explicit page and section breaks only; pages that simply fill up are not counted")
        builder.note(f"DOCX page numbers are approximate (from {source})")
    document = builder.build(path, "docx", None)
    if not breaks:
        document = dataclasses.replace(
            document, blocks=tuple(dataclasses.replace(b, page=None) for b in document.blocks))
    return document
