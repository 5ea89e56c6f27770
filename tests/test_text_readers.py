"""Document readers of the text comparator: text, paragraph blocks, pages, citations, bad input.

Every document is a real file written in the test (python-docx, fpdf2, zipfile, LibreOffice
when it is installed); nothing is mocked.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from fpdf import FPDF

from comparators.errors import InputError
from comparators.text.read import Block, Document, detect_format, read_document

# --------------------------------------------------------------------------- helpers


def block_texts(doc: Document) -> list[str]:
    return [doc.text[b.start:b.end] for b in doc.blocks]


def write(path: Path, data: bytes | str, encoding: str = "utf-8") -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def span_of(doc: Document, sentence: str) -> tuple[int, int]:
    start = doc.text.index(sentence)
    return start, start + len(sentence)


# --------------------------------------------------------------------------- plain text

ENGLISH = ("Call me Ishmael. Some years ago, never mind how long precisely,\n"
           "having little or no money in my purse, I thought I would sail\n"
           "about a little and see the watery part of the world.\n"
           "\n"
           "It is a way I have of driving off the spleen.\n")
SIMPLIFIED = ("　　第一章　风雪\n"
              "　　那一年的冬天格外寒冷，大雪封住了进山的道路，村里的人都躲在屋里烤火。\n"
              "　　老张的儿子从城里回来，带来了许多新鲜的消息，大家围着他问个不停。\n"
              "　　夜深了，风还在呼呼地刮着，远处传来几声狗叫。\n")
TRADITIONAL = ("　　第二章　歸來\n"
               "　　那一年的冬天格外寒冷，大雪封住了進山的道路，村裡的人都躲在屋裡烤火。\n"
               "　　老張的兒子從城裡回來，帶來了許多新鮮的消息，大家圍著他問個不停。\n")


@pytest.mark.parametrize(("encoding", "text", "expected_encoding", "paragraphs"), [
    ("utf-8", ENGLISH, "utf_8", 2),
    ("utf-8-sig", ENGLISH, "utf_8", 2),
    ("utf-16", SIMPLIFIED, "utf_16", 4),
    ("utf-16-le", ENGLISH, "utf_16_le", 2),  # without a BOM, UTF-16 is recognised by its ASCII NULs
    ("gb18030", SIMPLIFIED, "gb18030", 4),
    ("big5", TRADITIONAL, "big5", 3),
])
def test_plain_text_is_the_decoded_file(tmp_path: Path, encoding: str, text: str, expected_encoding: str,
                                        paragraphs: int) -> None:
    doc = read_document(write(tmp_path / "novel.txt", text, encoding))
    assert doc.text == text
    assert doc.format == "txt"
    assert doc.encoding == expected_encoding
    assert [b.paragraph for b in doc.blocks] == list(range(1, paragraphs + 1))
    assert all(b.page is None and b.part == "" for b in doc.blocks)
    if encoding in ("gb18030", "big5"):
        assert doc.notes == (f"decoded as {expected_encoding.upper()}",)
    # blocks are the lines/paragraphs without their indentation
    last = text.rstrip("\n").split("\n")[-1].strip("\u3000")
    assert block_texts(doc)[-1] == last


def test_plain_paragraphs_wrapped_groups_and_line_mode(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "moby.txt", ENGLISH))
    first, second = block_texts(doc)
    assert first.startswith("Call me Ishmael.") and first.endswith("watery part of the world.")
    assert second == "It is a way I have of driving off the spleen."
    # no blank line anywhere: one paragraph per non-empty line
    lines = "First line.\r\nSecond line, a little longer.\r\nThird.\r\n"
    doc = read_document(write(tmp_path / "lines.txt", lines))
    assert doc.text == lines
    assert block_texts(doc) == ["First line.", "Second line, a little longer.", "Third."]


def test_plain_indented_lines_after_a_title_are_paragraphs(tmp_path: Path) -> None:
    text = "第一章\n\n" + SIMPLIFIED.split("\n", 1)[1]
    doc = read_document(write(tmp_path / "zh.txt", text))
    assert [t[:4] for t in block_texts(doc)] == ["第一章", "那一年的", "老张的儿", "夜深了，"]


def test_markdown_is_not_stripped(tmp_path: Path) -> None:
    text = "# Title\n\nSome *emphasis* and a [link](http://example.com).\n\n- one\n- two\n"
    doc = read_document(write(tmp_path / "notes.md", text))
    assert doc.format == "md" and doc.text == text
    assert block_texts(doc) == ["# Title", "Some *emphasis* and a [link](http://example.com).", "- one", "- two"]


def test_locate_and_cite_on_plain_text(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "moby.txt", ENGLISH))
    start, end = span_of(doc, "spleen")
    assert doc.locate(start).paragraph == 2
    assert doc.cite(start, end) == "¶ 2"
    assert doc.cite(0, end) == "¶ 1–2"
    gap = doc.blocks[0].end + 1  # in the blank line between the paragraphs
    assert doc.locate(gap) == doc.blocks[1]
    assert doc.locate(len(doc.text)) is None
    assert Document.from_dict(doc.as_dict()) == doc


# --------------------------------------------------------------------------- docx


def make_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("The Voyage 远航", level=1)
    document.add_paragraph("The ship left the harbour at dawn.")
    document.add_paragraph("那一年的夏天，我们乘船离开了港口。")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Cell one"
    table.cell(0, 1).text = "单元格二"
    table.cell(1, 0).text = "Cell three"
    document.add_paragraph("")  # empty paragraphs are not blocks
    document.add_paragraph("Before the break.").add_run().add_break(WD_BREAK.PAGE)
    after = document.add_paragraph()
    after.add_run()._r.append(OxmlElement("w:lastRenderedPageBreak"))  # Word's layout agrees: no extra page
    after.add_run("After the break the storm began.")
    overflow = document.add_paragraph()
    overflow.add_run()._r.append(OxmlElement("w:lastRenderedPageBreak"))  # the text filled page 2
    overflow.add_run("第三页的段落讲山和河流。")
    document.save(path)
    return path


def test_docx_paragraphs_tables_and_pages(tmp_path: Path) -> None:
    doc = read_document(make_docx(tmp_path / "voyage.docx"))
    assert doc.format == "docx" and doc.encoding is None
    assert block_texts(doc) == ["The Voyage 远航", "The ship left the harbour at dawn.",
                                "那一年的夏天，我们乘船离开了港口。", "Cell one", "单元格二", "Cell three",
                                "Before the break.", "After the break the storm began.", "第三页的段落讲山和河流。"]
    assert all(b.part == "word/document.xml" for b in doc.blocks)
    assert [b.page for b in doc.blocks] == [1] * 7 + [2, 3]
    assert any("approximate" in note for note in doc.notes)
    start, end = span_of(doc, "the storm began")
    block = doc.locate(start)
    assert (block.paragraph, block.page) == (8, 2)
    assert doc.cite(start, end) == "p. 2, ¶ 8"
    start, _ = span_of(doc, "我们乘船")
    _, end = span_of(doc, "单元格二")
    assert doc.cite(start, end) == "p. 1, ¶ 3–5"
    assert doc.cite(span_of(doc, "Before")[0], span_of(doc, "河流")[1]) == "pp. 1–3, ¶ 7–9"


def test_docx_without_page_breaks_has_no_pages(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Only one page of text.")
    document.save(tmp_path / "short.docx")
    doc = read_document(tmp_path / "short.docx")
    assert [(b.page, b.paragraph) for b in doc.blocks] == [(None, 1)]
    assert doc.cite(0, 4) == "¶ 1"
    assert doc.notes == ()


# --------------------------------------------------------------------------- pdf

PDF_PARAGRAPHS = [
    "The first paragraph of page one talks about the sea and the long voyage of the ship across the "
    "ocean, which took many weeks and weary days.",
    "Second paragraph on page one. It is short.",
    "Third paragraph directly following without a gap, describing the harbour and its lights at night, "
    "and the sailors who came ashore.",
]
PDF_PAGE_TWO = "Page two opens with a new paragraph about the mountains and the rivers that run down to the plains."


def make_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    for index, paragraph in enumerate(PDF_PARAGRAPHS):
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        if index == 0:
            pdf.ln(6)
    pdf.add_page()
    pdf.multi_cell(0, 6, PDF_PAGE_TWO, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def test_pdf_pages_and_paragraphs(tmp_path: Path) -> None:
    doc = read_document(make_pdf(tmp_path / "voyage.pdf"))
    assert doc.format == "pdf" and doc.encoding is None
    assert [(b.paragraph, b.page, b.part) for b in doc.blocks] == [
        (1, 1, "page 1"), (2, 1, "page 1"), (3, 1, "page 1"), (4, 2, "page 2")]
    flat = [" ".join(t.split()) for t in block_texts(doc)]
    assert flat == [*PDF_PARAGRAPHS, PDF_PAGE_TWO]
    start, end = span_of(doc, "mountains")
    assert doc.cite(start, end) == "p. 2, ¶ 4"
    assert doc.cite(span_of(doc, "harbour")[0], end) == "pp. 1–2, ¶ 3–4"
    assert "\n\n" in doc.text[doc.blocks[2].end:doc.blocks[3].start]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_chinese_pdf_from_libreoffice(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("第一段：那一年的夏天，我们乘船离开了港口，向着遥远的南方驶去。")
    document.add_paragraph("第二段：海风吹过甲板，带来咸湿的气息。")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("第三段：第二页的段落讲山和河流，河水一直流到下面的平原。")
    document.save(tmp_path / "zh.docx")
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "zh.docx")],
                   check=True, capture_output=True, timeout=120)
    doc = read_document(tmp_path / "zh.pdf")
    squeezed = ["".join(t.split()) for t in block_texts(doc)]
    assert squeezed == ["第一段：那一年的夏天，我们乘船离开了港口，向着遥远的南方驶去。",
                        "第二段：海风吹过甲板，带来咸湿的气息。",
                        "第三段：第二页的段落讲山和河流，河水一直流到下面的平原。"]
    assert [b.page for b in doc.blocks] == [1, 1, 2]
    start = doc.text.index("第三段")
    assert doc.cite(start, start + 3) == "p. 2, ¶ 3"


# --------------------------------------------------------------------------- html and epub

HTML_GBK = """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>不应出现</title>
<style>p { color: red }</style><script>var hidden = "不应出现";</script></head>
<body>
<div><h1>第一章 &amp; 序</h1>
  <p>鱼 &lt;和&gt; 熊掌，
     不可得兼。&#20013;&#x6587;</p>
  <div>外层<p>内层段落</p>尾巴</div>
  <ul><li>甲</li><li>乙</li></ul>
  <p hidden>隐藏的文字</p>
  <pre>line one
    indented line</pre>
  <p>a&nbsp;b<br>c</p>
</div>
</body></html>
"""


def test_html_visible_text_blocks_and_declared_charset(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "page.html", HTML_GBK, "gbk"))
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert block_texts(doc) == ["第一章 & 序", "鱼 <和> 熊掌， 不可得兼。中文", "外层", "内层段落", "尾巴", "甲", "乙",
                                "line one\n    indented line", "a\u00a0b", "c"]
    assert "不应出现" not in doc.text and "color" not in doc.text and "隐藏" not in doc.text
    assert doc.cite(*span_of(doc, "熊掌")) == "¶ 2"


def make_epub(path: Path, *, container: bool = True) -> Path:
    chapter = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
               "<head><title>{title}</title></head><body><h2>{title}</h2>{body}</body></html>")
    opf = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>书</dc:title></metadata>
  <manifest>
    <item id="c2" href="text/ch%2002.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="text/ch01.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="style.css" media-type="text/css"/>
  </manifest>
  <spine><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>"""
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        if container:
            book.writestr("META-INF/container.xml", """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>""")
        book.writestr("OEBPS/content.opf", opf)
        book.writestr("OEBPS/style.css", "p { margin: 0 }")
        second = "<p>第二章的第一段。</p><p>Second chapter, second paragraph.</p>"
        book.writestr("OEBPS/text/ch 02.xhtml", chapter.format(title="第二章", body=second))
        book.writestr("OEBPS/text/ch01.xhtml",
                      chapter.format(title="第一章", body="<p>第一章的第一段。</p>"))
    return path


def test_epub_spine_order_and_parts(tmp_path: Path) -> None:
    doc = read_document(make_epub(tmp_path / "book.epub"))
    assert doc.format == "epub" and doc.encoding is None
    assert block_texts(doc) == ["第一章", "第一章的第一段。", "第二章", "第二章的第一段。",
                                "Second chapter, second paragraph."]
    assert [b.part for b in doc.blocks] == ["OEBPS/text/ch01.xhtml"] * 2 + ["OEBPS/text/ch 02.xhtml"] * 3
    assert [b.paragraph for b in doc.blocks] == [1, 2, 3, 4, 5]
    assert doc.cite(*span_of(doc, "second paragraph")) == "¶ 5"
    assert "\n\n第二章" in doc.text


def test_format_detection_by_content(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "a.pdf").read_bytes()
    assert detect_format(Path("exhibit"), pdf) == "pdf"
    assert detect_format(Path("exhibit"), make_epub(tmp_path / "b.epub").read_bytes()) == "epub"
    assert detect_format(Path("exhibit"), make_docx(tmp_path / "c.docx").read_bytes()) == "docx"
    assert detect_format(Path("exhibit"), b"<!DOCTYPE html><p>x</p>") == "html"
    assert detect_format(Path("exhibit.log"), b"plain words") == "txt"
    assert read_document(write(tmp_path / "exhibit", pdf)).format == "pdf"


def test_reading_is_deterministic(tmp_path: Path) -> None:
    for path in (make_docx(tmp_path / "a.docx"), make_pdf(tmp_path / "b.pdf"), make_epub(tmp_path / "c.epub")):
        assert read_document(path) == read_document(path)


def test_block_invariants_are_checked() -> None:
    with pytest.raises(ValueError):
        Document("abc", "txt", "utf_8", (Block(1, 3, 1, None, ""), Block(0, 1, 2, None, "")))


# --------------------------------------------------------------------------- bad input


def _encrypted_pdf(path: Path) -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="x")
    pdf.set_font("Helvetica", size=12)
    pdf.add_page()
    pdf.cell(0, 10, "secret")
    pdf.output(str(path))


def _pdf_without_text(path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    pdf.output(str(path))


def _truncated_docx(path: Path) -> None:
    data = make_docx(path.with_name("whole.docx")).read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _zip_without_document(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a word document")


BAD_INPUTS = {
    "empty.txt": (lambda p: p.write_bytes(b""), "is empty"),
    "image.txt": (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)), "binary"),
    "blank.txt": (lambda p: p.write_text(" \n\u3000\n\t\n"), "contains no text"),
    "cut.docx": (_truncated_docx, "not a valid DOCX"),
    "other.docx": (_zip_without_document, "not a valid DOCX: word/document.xml is missing"),
    "text.docx": (lambda p: p.write_text("plain text"), "not a valid DOCX: it is not a zip archive"),
    "noise.pdf": (lambda p: p.write_bytes(bytes(range(256)) * 8), "not a valid PDF"),
    "cut.pdf": (lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"), "not a valid PDF|no text"),
    "locked.pdf": (_encrypted_pdf, "encrypted"),
    "scan.pdf": (_pdf_without_text, "no text layer"),
    "nocontainer.epub": (lambda p: make_epub(p, container=False), "not a valid EPUB: META-INF/container.xml"),
    "scripts.html": (lambda p: p.write_text("<html><script>alert(1)</script></html>"), "contains no text"),
    "folder.txt": (lambda p: p.mkdir(), "is a directory"),
    "missing.txt": (lambda p: None, "does not exist"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_raises_input_error_naming_the_file(tmp_path: Path, name: str) -> None:
    make, problem = BAD_INPUTS[name]
    path = tmp_path / name
    make(path)
    with pytest.raises(InputError, match=problem) as caught:
        read_document(path)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)


def test_too_large_input(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", "x" * 100)
    with pytest.raises(InputError, match="too large"):
        read_document(path, max_bytes=50)
    bomb = tmp_path / "bomb.docx"  # small file, huge member: the member is stopped by the same limit
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", " " * 2_000_000)
    assert bomb.stat().st_size < 100_000
    with pytest.raises(InputError, match="too large: the member word/document.xml"):
        read_document(bomb, max_bytes=100_000)
