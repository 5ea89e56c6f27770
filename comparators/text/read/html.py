"""HTML and XHTML documents: the visible text, one paragraph per block-level element.

The bytes are decoded by their byte-order mark, else by the charset the document
declares (``<meta charset>``, ``<meta http-equiv=Content-Type>``, ``<?xml encoding?>``),
else by :func:`comparators.textio.decode_bytes` detection. Text inside ``script``,
``style``, ``head``, ``template``, ``noscript``, ruby annotations and ``hidden`` elements
is skipped; entities are resolved; block-level elements (and ``br``) end a paragraph;
whitespace runs collapse to one space except inside ``pre``.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

from comparators.errors import InputError
from comparators.text.read.model import Document, DocumentBuilder
from comparators.textio import decode_bytes

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "html", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
SKIP_TAGS = frozenset({"script", "style", "head", "template", "noscript", "title", "rp", "rt", "svg", "math",
                       "object", "iframe", "select", "textarea"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                       "source", "track", "wbr"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_\-.]+)[\"']")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# How browsers read declared labels (WHATWG Encoding): GB2312/GBK mean GB18030, Latin-1 means
# windows-1252, and a UTF-16 label in an ASCII-compatible document means UTF-8.
_LABEL_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
                  "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
                  "utf-16": "utf_8", "utf-16le": "utf_8", "utf-16be": "utf_8", "big5": "big5hkscs",
                  "x-x-big5": "big5hkscs"}
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def declared_encoding(data: bytes) -> str | None:
    """The charset the document declares in its first 4 KiB (a Python codec name), or None."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _LABEL_ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None


def decode_html(data: bytes, path: str | Path) -> tuple[str, str, list[str]]:
    """Decode HTML bytes: BOM, then the declared charset, then detection. Returns text, encoding, notes."""
    notes: list[str] = []
    declared = None if data.startswith(_BOMS) else declared_encoding(data)
    if declared is not None:
        try:
            return data.decode(declared), declared, notes
        except UnicodeDecodeError as exc:
            notes.append(f"declared charset {declared} does not fit the bytes (byte {exc.start}); detected instead")
    decoded = decode_bytes(data, path)
    return decoded.text, decoded.encoding, notes


class _TextParser(HTMLParser):
    """Collects the visible text of an HTML document as a list of paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._pieces: list[str] = []
        self._skip: dict[str, int] = {}
        self._hidden: list[str] = []
        self._pre = 0

    def _skipping(self) -> bool:
        return bool(self._hidden) or any(self._skip.values())

    def flush(self) -> None:
        """End the current paragraph."""
        text = "".join(self._pieces)
        self._pieces = []
        if self._pre:
            text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n").rstrip()
        else:
            text = _HTML_SPACE.sub(" ", text).strip(" ")
        if text.strip():
            self.paragraphs.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._hidden:
            if tag == self._hidden[0] and tag not in VOID_TAGS:
                self._hidden.append(tag)
            return
        if tag == "body":
            self._skip["head"] = 0
        if tag in SKIP_TAGS and tag not in VOID_TAGS:
            self._skip[tag] = self._skip.get(tag, 0) + 1
            return
        attributes = dict(attrs)
        if tag not in VOID_TAGS and ("hidden" in attributes or _HIDDEN_STYLE.search(attributes.get("style") or "")):
            if tag in BLOCK_TAGS:
                self.flush()
            self._hidden.append(tag)
            return
        if tag in BLOCK_TAGS:
            if tag == "br" and self._pre:
                self._pieces.append("\n")
                return
            self.flush()
            if tag == "pre":
                self._pre += 1

    def handle_endtag(self, tag: str) -> None:
        if self._hidden:
            if tag == self._hidden[0]:
                self._hidden.pop()
            return
        if self._skip.get(tag):
            self._skip[tag] -= 1
            return
        if tag in BLOCK_TAGS and tag != "br":
            self.flush()
            if tag == "pre" and self._pre:
                self._pre -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping():
            self._pieces.append(data)

    def close(self) -> None:
        super().close()
        self.flush()


def html_paragraphs(text: str, path: str | Path) -> list[str]:
    """The visible paragraphs of decoded HTML ``text``, in document order."""
    parser = _TextParser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError, RecursionError) as exc:
        raise InputError(path, f"cannot be parsed as HTML ({exc})") from None
    return parser.paragraphs


def read_html(path: Path, data: bytes) -> Document:
    """An HTML/XHTML document: its visible paragraphs joined with newlines."""
    text, encoding, notes = decode_html(data, path)
    builder = DocumentBuilder()
    for note in notes:
        builder.note(note)
    for paragraph in html_paragraphs(text, path):
        builder.add_paragraph(paragraph, None, "")
    return builder.build(path, "html", encoding)
