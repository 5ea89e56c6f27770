"""EPUB books: the XHTML documents of the spine, in reading order, through the HTML reader.

``META-INF/container.xml`` names the package document (OPF); its manifest maps ids to
members and its spine gives the reading order. Each spine document becomes a run of
paragraphs (``part`` = its member path); chapters are separated by a blank line. Members
are read in memory within the size budget, never extracted. Books whose chapters are
encrypted (DRM) are refused; obfuscated fonts are irrelevant and ignored.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from comparators.errors import InputError
from comparators.text.read.html import decode_html, html_paragraphs
from comparators.text.read.model import Document, DocumentBuilder
from comparators.text.read.source import ZipContainer

CONTAINER = "META-INF/container.xml"
ENCRYPTION = "META-INF/encryption.xml"
HTML_TYPES = frozenset({"application/xhtml+xml", "text/html", "application/html"})
HTML_SUFFIXES = (".xhtml", ".html", ".htm")


def _local(element: etree._Element) -> str:
    """The local name of an element (namespaces vary between EPUB 2 and 3)."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _resolve(base: str, href: str) -> str:
    """The member path of ``href`` relative to the directory of member ``base``."""
    target = unquote(urlsplit(href).path)
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target)).lstrip("/")


def package_path(container: ZipContainer) -> str:
    """The OPF member named by ``META-INF/container.xml``."""
    if not container.has(CONTAINER):
        raise container.invalid(f"{CONTAINER} is missing")
    root = container.xml(CONTAINER)
    rootfiles = [el for el in root.iter() if _local(el) == "rootfile" and el.get("full-path")]
    preferred = [el for el in rootfiles if el.get("media-type") == "application/oebps-package+xml"]
    if not rootfiles:
        raise container.invalid(f"{CONTAINER} names no package document (rootfile)")
    opf = unquote((preferred or rootfiles)[0].get("full-path")).lstrip("/")
    if not container.has(opf):
        raise container.invalid(f"the package document {opf} is missing")
    return opf


def spine(container: ZipContainer, opf: str) -> list[tuple[str, str]]:
    """``(member path, media type)`` of every spine item, in reading order."""
    root = container.xml(opf)
    manifest = {el.get("id"): (el.get("href") or "", el.get("media-type") or "")
                for el in root.iter() if _local(el) == "item" and el.get("id")}
    items = []
    for ref in (el for el in root.iter() if _local(el) == "itemref"):
        href, media_type = manifest.get(ref.get("idref"), ("", ""))
        if href:
            items.append((_resolve(opf, href), media_type))
    if not items:
        raise container.invalid(f"the spine of {opf} lists no readable documents")
    return items


def encrypted_members(container: ZipContainer) -> set[str]:
    """Members listed as encrypted in ``META-INF/encryption.xml`` (paths relative to the book root)."""
    if not container.has(ENCRYPTION):
        return set()
    root = container.xml(ENCRYPTION)
    return {unquote(el.get("URI")).lstrip("/") for el in root.iter()
            if _local(el) == "CipherReference" and el.get("URI")}


def read_epub(path: Path, data: bytes, max_bytes: int) -> Document:
    """An EPUB book: the paragraphs of its spine documents, ``part`` = the member path."""
    container = ZipContainer(data, path, "EPUB", max_bytes)
    builder = DocumentBuilder()
    if container.has("mimetype") and container.read("mimetype").strip() != b"application/epub+zip":
        builder.note("the mimetype member does not say application/epub+zip")
    opf = package_path(container)
    items = spine(container, opf)
    locked = encrypted_members(container)
    if any(member in locked for member, _ in items):
        raise InputError(path, "EPUB is DRM-protected (its chapters are encrypted); provide a DRM-free copy")
    for member, media_type in items:
        if media_type not in HTML_TYPES and not member.lower().endswith(HTML_SUFFIXES):
            builder.note(f"spine item {member} ({media_type or 'unknown type'}) is not XHTML; skipped")
            continue
        if not container.has(member):
            builder.note(f"spine item {member} is missing from the book; skipped")
            continue
        text, _, notes = decode_html(container.read(member), f"{path}!{member}")
        for note in notes:
            builder.note(f"{member}: {note}")
        separator = "\n\n"
        for paragraph in html_paragraphs(text, f"{path}!{member}"):
            if builder.add_paragraph(paragraph, None, member, separator) is not None:
                separator = "\n"
    return builder.build(path, "epub", None)
