"""Table and paragraph building blocks of the report (fonts, widths, repeating headers)."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from appraisal.report.ooxml import repeat_header_row, set_column_widths, set_run_font, shade_cell, shading

MONO = "Liberation Mono"
HEADER_FILL = "D9D9D9"
MATCH_FILL = "FFE699"  # matched span (yellow)


def caption(document: Any, text: str) -> Any:
    """A centred, bold table/figure caption kept with the table that follows."""
    paragraph = document.add_paragraph(style="Table Text")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(6)
    paragraph.paragraph_format.space_after = Pt(3)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run(text).bold = True
    return paragraph


def table(document: Any, header: list[str], rows: list[list[str]], widths: list[float],
          mono_columns: tuple[int, ...] = (), mono_size: float = 7) -> Any:
    """A grid table with a shaded, repeating header row and fixed column widths (cm)."""
    tbl = document.add_table(rows=1, cols=len(header))
    tbl.style = "Table Grid"
    for cell, text in zip(tbl.rows[0].cells, header, strict=False):
        cell.paragraphs[0].style = "Table Text"
        cell.paragraphs[0].add_run(text).bold = True
        shade_cell(cell, HEADER_FILL)
    repeat_header_row(tbl.rows[0])
    for values in rows:
        cells = tbl.add_row().cells
        for col, (cell, text) in enumerate(zip(cells, values, strict=False)):
            paragraph = cell.paragraphs[0]
            paragraph.style = "Table Text"
            run = paragraph.add_run(text)
            if col in mono_columns:
                mono_run(run, mono_size)
    set_column_widths(tbl, widths)
    return tbl


def mono_run(run: Any, size: float = 8) -> Any:
    """Monospace font (also for East-Asian glyphs' fallback) at ``size`` pt."""
    return set_run_font(run, MONO, MONO, size)


def shade_run(run: Any, fill: str = MATCH_FILL) -> None:
    """Background shading of one run (the matched span of an excerpt)."""
    run._r.get_or_add_rPr().append(shading(fill))


def no_indent(paragraph: Any) -> Any:
    """Cancel the body's first-line indent (lists, signature lines)."""
    paragraph.paragraph_format.first_line_indent = Pt(0)
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    if ind is not None:
        ind.attrib.pop(qn("w:firstLineChars"), None)
    return paragraph


def body_indent(paragraph: Any) -> Any:
    """Two-character first-line indent (``w:firstLineChars="200"``)."""
    ppr = paragraph._p.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        ppr.append(ind)
    ind.set(qn("w:firstLineChars"), "200")
    return paragraph
