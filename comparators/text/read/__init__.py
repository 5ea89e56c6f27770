"""Document readers for the text comparator: the text of a file and its map back to the source.

:func:`read_document` reads a plain-text, Markdown, DOCX, PDF, HTML or EPUB file into a
:class:`Document`: the text that every offset of a text comparison refers to, and the
paragraph :class:`Block` s that let a report cite a passage as "p. 3, ¶ 12–14".

For plain-text formats the text is exactly the decoded file (offsets are code points of
the file); for container formats it is the text the reader assembled from the document's
paragraphs. Any problem with the file is an :class:`~comparators.errors.InputError` that
names the file. Reading is pure and deterministic: the same file gives the same Document.

The format is chosen by extension; a file with an unknown extension is recognised by
content (PDF, EPUB, DOCX, HTML) and otherwise read as plain text.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from comparators.text.read.model import Block, Document
from comparators.text.read.plain import read_plain
from comparators.text.read.source import ZIP_ERRORS, ZIP_MAGIC, load_bytes

__all__ = ["Block", "DEFAULT_MAX_BYTES", "Document", "FORMAT_BY_SUFFIX", "detect_format", "parse_document",
           "read_document"]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
FORMAT_BY_SUFFIX = {
    ".txt": "txt", ".text": "txt", ".rst": "txt", ".srt": "txt",
    ".md": "md", ".markdown": "md",
    ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".dotm": "docx",
    ".pdf": "pdf",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".epub": "epub",
}


def _sniff(data: bytes) -> str:
    """The format of a file with an unknown extension, from its content (``"txt"`` by default)."""
    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        if data[30:38] == b"mimetype" and b"application/epub+zip" in data[38:100]:
            return "epub"
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except ZIP_ERRORS:
            return "txt"
        if "word/document.xml" in names:
            return "docx"
        if "META-INF/container.xml" in names:
            return "epub"
        return "txt"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "txt"


def detect_format(path: Path, data: bytes) -> str:
    """``"txt"``, ``"md"``, ``"docx"``, ``"pdf"``, ``"html"`` or ``"epub"`` for a file and its bytes."""
    return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower()) or _sniff(data)


def read_document(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read ``path`` into a :class:`Document`; InputError (naming the file) for any bad input.

    ``max_bytes`` bounds the file and, for DOCX and EPUB, the total of the members read.
    """
    path = Path(path)
    return parse_document(path, load_bytes(path, max_bytes), max_bytes=max_bytes)


def parse_document(path: Path, data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """The :class:`Document` of ``data``, the bytes of ``path`` (already read and checked by the
    caller, e.g. an intake copy whose hash was re-verified); InputError for any bad input."""
    path = Path(path)
    fmt = detect_format(path, data)
    # container readers are imported on first use: their parsers (pypdf, XML) cost a plain-text
    # comparison a noticeable share of its start-up
    if fmt == "docx":
        from comparators.text.read.docx import read_docx

        return read_docx(path, data, max_bytes)
    if fmt == "pdf":
        from comparators.text.read.pdf import read_pdf

        return read_pdf(path, data)
    if fmt == "html":
        from comparators.text.read.html import read_html

        return read_html(path, data)
    if fmt == "epub":
        from comparators.text.read.epub import read_epub

        return read_epub(path, data, max_bytes)
    return read_plain(path, data, fmt)
