"""Generate the editable report templates ``report_zh.docx`` and ``report_en.docx``.

A commission may open the generated files in Word and restyle them (fonts, margins,
header, footer); the report builder only uses the named styles and fills the body and the
``{{document_number}}`` placeholder in the header. Run: ``python report_templates/make_templates.py``.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from appraisal.report.ooxml import add_field, fix_core_properties, normalised_docx_bytes, set_rfonts  # noqa: E402

LATIN = "Times New Roman"
MONO = "Liberation Mono"
FACES = {  # language -> (body, heading, title)
    "zh": ("仿宋", "黑体", "宋体"),
    "en": ("Times New Roman", "Times New Roman", "Times New Roman"),
}
FOOTER = {"zh": ("第 ", " 页 共 ", " 页"), "en": ("Page ", " of ", "")}


def _style_fonts(style, latin: str, east_asia: str, size: float, bold: bool = False) -> None:
    set_rfonts(style.element.get_or_add_rPr(), latin, east_asia)
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.color.rgb = RGBColor(0, 0, 0)


def _drop_borders(style) -> None:
    ppr = style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


def _doc_defaults(document, latin: str, east_asia: str) -> None:
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    set_rfonts(rpr, latin, east_asia)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def build(lang: str) -> bytes:
    """The template for one language, as normalised docx bytes."""
    body, heading, title = FACES[lang]
    document = Document()
    _doc_defaults(document, LATIN, body)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.6))
    styles = document.styles
    normal = styles["Normal"]
    _style_fonts(normal, LATIN, body, 14 if lang == "zh" else 12)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.25
    title_style = styles["Title"]
    _style_fonts(title_style, LATIN, title, 22, bold=True)
    _drop_borders(title_style)
    title_style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name, size in (("Heading 1", 16), ("Heading 2", 14)):
        _style_fonts(styles[name], LATIN, heading, size, bold=True)
        styles[name].paragraph_format.space_before = Pt(12)
    number = styles.add_style("Document Number", WD_STYLE_TYPE.PARAGRAPH)
    number.base_style = normal
    _style_fonts(number, LATIN, FACES[lang][2], 10.5)
    number.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    cell = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    _style_fonts(cell, LATIN, body, 9)
    cell.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    cell.paragraph_format.space_after = Pt(0)
    cell.paragraph_format.line_spacing = 1.0
    mono = styles.add_style("Hash", WD_STYLE_TYPE.CHARACTER)
    set_rfonts(mono.element.get_or_add_rPr(), MONO, MONO)
    mono.font.size = Pt(7)
    for rfonts in styles.element.iter(qn("w:rFonts")):
        if rfonts.get(qn("w:asciiTheme")) is not None:
            set_rfonts(rfonts.getparent(), LATIN, heading)
    header = section.header.paragraphs[0]
    header.style = number
    header.text = "{{document_number}}"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, middle, after = FOOTER[lang]
    footer.add_run(before)
    add_field(footer, "PAGE")
    footer.add_run(middle)
    add_field(footer, "NUMPAGES")
    footer.add_run(after)
    for run in footer.runs:
        set_rfonts(run._r.get_or_add_rPr(), LATIN, body)
    fix_core_properties(document, datetime(2026, 1, 1), f"report template ({lang})")
    return normalised_docx_bytes(document)


def main() -> None:
    here = Path(__file__).resolve().parent
    for lang in FACES:
        (here / f"report_{lang}.docx").write_bytes(build(lang))
        print(here / f"report_{lang}.docx")


if __name__ == "__main__":
    main()
