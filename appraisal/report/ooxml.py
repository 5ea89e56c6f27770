"""Small OOXML helpers python-docx lacks: East-Asian fonts, fields, table furniture.

python-docx's ``font.name`` writes only ``w:ascii``/``w:hAnsi``; Chinese text needs
``w:eastAsia`` too (REPORT_SPEC 4.1), page numbers need complex fields, and long tables
need a repeating header row.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def set_rfonts(rpr, latin: str, east_asia: str) -> None:
    """Set ascii/hAnsi/cs to ``latin`` and eastAsia to ``east_asia`` on an ``w:rPr``."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:ascii"), latin)
    rfonts.set(qn("w:hAnsi"), latin)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)


def set_run_font(run: Run, latin: str, east_asia: str, size_pt: float | None = None,
                 bold: bool | None = None) -> Run:
    """Fonts (incl. eastAsia), size and weight of one run."""
    set_rfonts(run._r.get_or_add_rPr(), latin, east_asia)
    if size_pt is not None:
        run.font.size = Pt(size_pt)
    if bold is not None:
        run.font.bold = bold
    return run


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """Append a complex field (e.g. ``PAGE``, ``NUMPAGES``) evaluated by the renderer."""
    def fld_char(kind: str) -> OxmlElement:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = paragraph.add_run()
    run._r.append(fld_char("begin"))
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    run._r.append(fld_char("separate"))
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    run._r.append(fld_char("end"))


def repeat_header_row(row) -> None:
    """Mark a table row as a header repeated on every page (``w:tblHeader``)."""
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def shading(fill: str) -> Any:
    """A ``w:shd`` element: solid background ``fill`` (hex, e.g. ``D9D9D9``)."""
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    return shd


def shade_cell(cell, fill: str) -> None:
    """Background colour of a table cell (hex, e.g. ``D9D9D9``)."""
    cell._tc.get_or_add_tcPr().append(shading(fill))


def set_column_widths(table, widths_cm: list[float]) -> None:
    """Fixed column widths (grid and every cell), so hashes do not wrap into towers."""
    from docx.shared import Cm
    table.autofit = False
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_cm, strict=False):
        col.set(qn("w:w"), str(int(Cm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def fix_core_properties(document, when: datetime, title: str, keywords: str = "") -> None:
    """Deterministic document properties (no wall-clock time in the file); ``keywords`` as given."""
    props = document.core_properties
    props.keywords = keywords
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1
    props.title = title
    props.author = "appraisal-workbench"
    props.last_modified_by = "appraisal-workbench"


def normalised_docx_bytes(document) -> bytes:
    """Save ``document`` and rewrite the zip with sorted entries and fixed timestamps."""
    raw = io.BytesIO()
    document.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in sorted(src.namelist()):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


_W_T, _W_R = qn("w:t"), qn("w:r")
_BREAKS = {qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:tab"): "\t"}


def rewrite_text(document, rule: Callable[[Sequence[tuple[str, bool]]], list[str]],
                 frozen: Callable[[Any], bool]) -> None:
    """Rewrite every paragraph's text (body, tables, headers, footers) with ``rule``, run by run.

    ``rule`` gets a paragraph as pieces ``(text, frozen)`` — one per ``w:t``, plus frozen
    ``"\n"``/``"\t"`` pieces for breaks and tabs, so context never runs across them — and
    returns the new text of every piece. ``frozen(run_element)`` marks runs kept verbatim (they
    still give context). Run properties are untouched; only the text changes.
    """
    roots = [document.element.body]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer,
                     section.even_page_header, section.even_page_footer):
            if not part.is_linked_to_previous:
                roots.append(part._element)
    for root in roots:
        for paragraph in root.iter(qn("w:p")):
            _rewrite_paragraph(paragraph, rule, frozen)


def _rewrite_paragraph(paragraph, rule: Callable[[Sequence[tuple[str, bool]]], list[str]],
                       frozen: Callable[[Any], bool]) -> None:
    nodes: list[Any] = []
    pieces: list[tuple[str, bool]] = []
    for run in paragraph.iter(_W_R):
        if _owner(run) is not paragraph:  # a run of a paragraph nested in a text box: done on its own
            continue
        keep = frozen(run)
        for child in run:
            if child.tag == _W_T:
                nodes.append(child)
                pieces.append((child.text or "", keep))
            elif child.tag in _BREAKS:
                nodes.append(None)
                pieces.append((_BREAKS[child.tag], True))
    if not any(text and not keep for text, keep in pieces):
        return
    for node, (old, _keep), new in zip(nodes, pieces, rule(pieces), strict=True):
        if node is None or new == old:
            continue
        node.text = new
        if new != new.strip():
            node.set(qn("xml:space"), "preserve")


def _owner(element):
    """The nearest ``w:p`` around ``element``."""
    parent = element.getparent()
    while parent is not None and parent.tag != qn("w:p"):
        parent = parent.getparent()
    return parent
