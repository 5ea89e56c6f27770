"""PDF documents: the text layer of each page (pypdf), pages joined with a blank line.

The page text is exactly what ``pypdf``'s ``page.extract_text()`` returns (hyphenated line
ends are kept as they are). Paragraphs inside a page are found from the lines pypdf
emits and the positions it reports for each piece of text (its ``visitor_text`` hook):
a new paragraph starts after a blank line, at a vertical gap clearly larger than the
page's usual line spacing, at a change of font size, at an indented line (by position;
by leading full-width/double spaces where positions are unknown), when text jumps up the
page (a new column), and
after a line that is clearly shorter than the page's full lines and ends a sentence.
These are heuristics: paragraph numbers in PDF citations are approximate, pages exact.

Pages without a text layer are noted; a PDF with no text at all, an encrypted PDF that
does not open with an empty password and a corrupt PDF are InputErrors.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import statistics
import struct
import zlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, PyPdfError

from comparators.errors import InputError
from comparators.text.read.model import Document, DocumentBuilder, trimmed
from comparators.text.read.plain import display_width, line_spans

PDF_ERRORS: tuple[type[BaseException], ...] = (PyPdfError, ValueError, KeyError, TypeError, AttributeError,
                                               IndexError, OSError, EOFError, zlib.error, struct.error,
                                               RecursionError, AssertionError, ZeroDivisionError, OverflowError,
                                               UnicodeError, NotImplementedError)
NO_TEXT = "PDF has no text layer (scanned image?); run OCR first"
_INDENT = ("\u3000", "  ", "\t")
_SENTENCE_END = tuple(".!?。！？…\"”’」』:：")
MAX_LOG_NOTES = 3


@dataclass
class _Line:
    """One line of a page's text with the position of its first glyphs (None when unknown)."""

    start: int
    end: int
    y: float | None = None
    x: float | None = None
    size: float = 0.0


def _position(cm: Any, tm: Any, font_size: Any) -> tuple[float, float, float] | None:
    """``(x, y, size)`` of upright text drawn with matrices ``tm`` x ``cm``; None for rotated text."""
    try:
        a, b, c, d, e, f = (float(v) for v in tm[:6])
        a2, b2, c2, d2, e2, f2 = (float(v) for v in cm[:6])
        size = float(font_size)
    except (TypeError, ValueError):
        return None
    m = (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)
    if not (m[0] > 0 and m[3] > 0 and abs(m[1]) <= 0.01 * m[0] and abs(m[2]) <= 0.01 * m[3]):
        return None
    return m[4], m[5], abs(size) * math.hypot(m[2], m[3])


def _page_lines(text: str, chunks: list[tuple[str, tuple[float, float, float] | None]]) -> list[_Line]:
    """The lines of ``text`` with positions taken from the visitor ``chunks`` when they spell ``text``."""
    lines = [_Line(start, end) for start, end in line_spans(text)]
    if "".join(chunk for chunk, _ in chunks) != text:
        return lines
    starts = [line.start for line in lines]
    cursor = 0
    for chunk, position in chunks:
        offset, cursor = cursor, cursor + len(chunk)
        stripped = chunk.lstrip()
        if position is None or not stripped.strip():
            continue
        line = lines[bisect_right(starts, offset + len(chunk) - len(stripped)) - 1]
        x, y, size = position
        if line.y is None:
            line.y = y
        line.x = x if line.x is None else min(line.x, x)
        line.size = max(line.size, size)
    return lines


class _Layout:
    """Statistics of one page used to decide where paragraphs start."""

    def __init__(self, text: str, lines: list[_Line]) -> None:
        self.text = text
        widths = sorted(display_width(text[line.start:line.end].strip()) for line in lines)
        self.full_width = widths[int(0.9 * (len(widths) - 1))] if len(widths) >= 3 else None
        placed = [line for line in lines if line.y is not None and line.x is not None]
        gaps = [a.y - b.y for a, b in zip(placed, placed[1:], strict=False)
                if 0 < a.y - b.y <= 3 * max(a.size, b.size, 1.0)]
        # Usual line spacing: a low quantile of the gaps (paragraph gaps are the larger ones); with
        # too few lines to tell, no more than single spacing (1.5 x the font size) is assumed.
        if len(gaps) >= 3:
            self.spacing: float | None = sorted(gaps)[(len(gaps) - 1) // 4]
        elif gaps:
            self.spacing = min(*gaps, 1.5 * statistics.median(line.size for line in placed))
        else:
            self.spacing = None
        margins = Counter(round(line.x) for line in placed)
        self.margin = min(margins, key=lambda x: (-margins[x], x)) if margins else None

    def starts_paragraph(self, a: _Line, b: _Line) -> bool:
        """True when line ``b``, right after line ``a``, begins a new paragraph."""
        if b.x is None and self.text.startswith(_INDENT, b.start):
            return True
        if a.y is not None and b.y is not None:
            size = max(a.size, b.size, 1.0)
            gap = a.y - b.y
            if gap < -0.5 * size:
                return True
            if self.spacing and gap > 1.35 * self.spacing and gap - self.spacing > 0.25 * size:
                return True
            if abs(a.size - b.size) > 0.15 * size:
                return True
            if self.margin is not None and b.x is not None and b.x > self.margin + 0.8 * size:
                return True
        previous = self.text[a.start:a.end].strip()
        return (self.full_width is not None and display_width(previous) < 0.8 * self.full_width
                and previous.endswith(_SENTENCE_END))


def page_paragraphs(text: str, chunks: list[tuple[str, tuple[float, float, float] | None]]) -> list[tuple[int, int]]:
    """Trimmed ``(start, end)`` of the paragraphs of one page's ``text``."""
    lines = _page_lines(text, chunks)
    filled = [line for line in lines if trimmed(text, line.start, line.end)[0] < line.end]
    layout = _Layout(text, filled)
    groups: list[list[_Line]] = []
    previous: _Line | None = None
    blank = False
    for line in lines:
        if trimmed(text, line.start, line.end)[0] == line.end:
            blank = True
            continue
        if previous is None or blank or layout.starts_paragraph(previous, line):
            groups.append([line])
        else:
            groups[-1].append(line)
        previous, blank = line, False
    spans = [trimmed(text, group[0].start, group[-1].end) for group in groups]
    return [(s, e) for s, e in spans if s < e]


class _LogNotes(logging.Handler):
    """Collects pypdf's warnings (repairs of a damaged file) instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = " ".join(record.getMessage().split())
        if message not in self.messages:
            self.messages.append(message)


@contextlib.contextmanager
def _pypdf_warnings() -> Iterator[_LogNotes]:
    """Route pypdf's log warnings to a collector for the duration of one read."""
    logger = logging.getLogger("pypdf")
    handler = _LogNotes()
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


def _short(exc: BaseException) -> str:
    text = " ".join((str(exc) or type(exc).__name__).split())
    return text if len(text) <= 100 else text[:97] + "..."


def _open(path: Path, data: bytes, builder: DocumentBuilder) -> PdfReader:
    """A PdfReader on ``data``, decrypted with the empty password when needed."""
    if b"%PDF-" not in data[:1024]:
        raise InputError(path, "not a valid PDF: no %PDF header")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except PDF_ERRORS as exc:
        raise InputError(path, f"not a valid PDF: the file is corrupt ({_short(exc)})") from None
    if encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError:
            raise InputError(path, "PDF is encrypted with AES, which needs the 'cryptography' package; "
                                   "provide a decrypted copy") from None
        except PDF_ERRORS as exc:
            raise InputError(path, f"PDF is encrypted and cannot be opened ({_short(exc)})") from None
        if opened == PasswordType.NOT_DECRYPTED:
            raise InputError(path, "PDF is encrypted with a password; provide a decrypted copy")
        builder.note("PDF is encrypted with an owner password only; read with the empty user password")
    return reader


def read_pdf(path: Path, data: bytes) -> Document:
    """A PDF document: blocks per page paragraph, ``page`` exact, ``part`` = ``"page N"``."""
    builder = DocumentBuilder()
    with _pypdf_warnings() as log:
        reader = _open(path, data, builder)
        try:
            pages = list(reader.pages)
        except PDF_ERRORS as exc:
            raise InputError(path, f"not a valid PDF: its page tree is corrupt ({_short(exc)})") from None
        if not pages:
            raise InputError(path, "PDF has no pages")
        failures: list[str] = []
        for number, page in enumerate(pages, start=1):
            chunks: list[tuple[str, tuple[float, float, float] | None]] = []

            def visit(text: Any, cm: Any, tm: Any, _font: Any, size: Any) -> None:
                chunks.append((str(text), _position(cm, tm, size)))  # noqa: B023 - used during this iteration

            try:
                text = page.extract_text(visitor_text=visit)
            except PDF_ERRORS as exc:
                failures.append(_short(exc))
                builder.note(f"page {number}: the text could not be extracted ({failures[-1]})")
                continue
            if not text.strip():
                builder.note(f"page {number} has no text layer (scanned?)")
                continue
            base = builder.append(text, "\n\n")
            for start, end in page_paragraphs(text, chunks):
                builder.add_block(base + start, base + end, number, f"page {number}")
    for message in log.messages[:MAX_LOG_NOTES]:
        builder.note(f"damaged PDF repaired while reading: {message}")
    if len(log.messages) > MAX_LOG_NOTES:
        builder.note(f"… and {len(log.messages) - MAX_LOG_NOTES} more repair warnings")
    if not builder.length and failures:
        raise InputError(path, f"not a valid PDF: no page's text can be extracted ({failures[0]})")
    if not builder.length:
        raise InputError(path, NO_TEXT)
    return builder.build(path, "pdf", None)
