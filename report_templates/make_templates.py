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
# Cover (封面) and declaration (声明, 封二): editable here or in Word; {{...}} are filled from case.toml.
COVER = {
    "zh": {"licence": "司法鉴定许可证号:{{institution_licence}}", "declaration": "声  明",
           "statements": (
               "1. 委托人应当向鉴定机构提供真实、完整、充分的鉴定材料,并对鉴定材料的真实性、合法性负责。",
               "2. 司法鉴定人按照法律、法规和规章规定的方式、方法和步骤,遵守和采用相关技术标准和技术规范进行鉴定。",
               "3. 司法鉴定实行鉴定人负责制度。司法鉴定人依法独立、客观、公正地进行鉴定,"
               "不受任何个人或者组织的非法干预。",
               "4. 使用本鉴定文书应当保持其完整性和严肃性。"),
           "address": "地    址:{{institution_address}}", "postcode": "邮政编码:{{institution_postcode}}",
           "phone": "联系电话:{{institution_phone}}"},
    "en": {"licence": "Appraisal licence no.: {{institution_licence}}", "declaration": "Declaration",
           "statements": (
               "1. The client shall provide true, complete and sufficient materials and is responsible for their "
               "authenticity and legality.",
               "2. The appraisers examine in the manner, by the methods and in the steps prescribed by laws, "
               "regulations and rules, following the relevant technical standards and specifications.",
               "3. The appraisers are personally responsible for the appraisal and conduct it independently, "
               "objectively and impartially, free from unlawful interference by any person or organisation.",
               "4. This document must be used in its entirety and with due seriousness."),
           "address": "Address: {{institution_address}}", "postcode": "Postcode: {{institution_postcode}}",
           "phone": "Telephone: {{institution_phone}}"},
}


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
    _cover(document, lang)
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


def _centred(document, text: str, size: float, east_asia: str, bold: bool = False, space_before: float = 0):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(space_before)
    run = paragraph.add_run(text)
    set_rfonts(run._r.get_or_add_rPr(), LATIN, east_asia)
    run.font.size = Pt(size)
    run.font.bold = bold
    return paragraph


def _cover(document, lang: str) -> None:
    """Cover page and declaration page; the report body follows the ``{{body}}`` marker."""
    from docx.enum.text import WD_BREAK
    body, heading, title = FACES[lang]
    words = COVER[lang]
    _centred(document, "{{institution}}", 26, title, bold=True, space_before=140)
    _centred(document, "{{doc_type}}", 36, title, bold=True, space_before=60)
    _centred(document, words["licence"], 16, body, space_before=200)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _centred(document, words["declaration"], 22, heading, bold=True, space_before=40)
    for line in words["statements"]:
        paragraph = document.add_paragraph(line)
        paragraph.paragraph_format.space_before = Pt(10)
    for key in ("address", "postcode", "phone"):
        paragraph = document.add_paragraph(words[key])
        paragraph.paragraph_format.space_before = Pt(60 if key == "address" else 4)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("{{body}}")


def main() -> None:
    here = Path(__file__).resolve().parent
    for lang in FACES:
        (here / f"report_{lang}.docx").write_bytes(build(lang))
        print(here / f"report_{lang}.docx")


if __name__ == "__main__":
    main()
