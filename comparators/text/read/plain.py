"""Plain-text documents (.txt, .md, .rst, .srt, ...): the decoded file is the document text.

Offsets must map back to the file, so nothing is stripped or rewritten (no markdown
removal, no newline conversion): :attr:`Document.text` is exactly the decoded file, and
only the paragraph blocks are computed.

Paragraphs:

* a text without blank lines has one paragraph per non-blank line;
* otherwise paragraphs are separated by blank lines, and a blank-line-separated group is
  one paragraph only when it looks hard-wrapped (every line but the last at least 60 % of
  the group's widest line, which is at most 100 columns wide, CJK characters counting
  two). Any other group (lists, one-sentence-per-line prose, a Chinese novel with one
  indented paragraph per line) has one paragraph per line. Inside a wrapped group, a line
  that starts indented (a full-width space, a tab or two spaces) starts a new paragraph.
"""

from __future__ import annotations

import re
from pathlib import Path

from comparators.text.read.model import Document, DocumentBuilder, trimmed
from comparators.textio import decode_bytes

_NEWLINE = re.compile(r"\r\n|\r|\n")
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")
_INDENT = ("\u3000", "\t", "  ")
_ITEM = re.compile(r"[ \t]*(?:[-*+\u2022]|\d{1,3}[.)]|#{1,6})[ \t]")
MAX_WRAP_COLUMNS = 100
MIN_WRAP_SHARE = 0.6
_UTF8 = {"utf_8", "utf-8", "utf8", "ascii"}


def display_width(text: str) -> int:
    """Columns ``text`` takes in a monospaced font (CJK and full-width characters count two)."""
    return len(text) + len(_WIDE.findall(text))


def line_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text[start:end]``, line terminators excluded."""
    end = len(text) if end is None else end
    spans = []
    position = start
    for match in _NEWLINE.finditer(text, start, end):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    return spans


def _wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when the lines of one group look like one hard-wrapped paragraph."""
    widths = []
    for start, end in lines:
        if end - start > MAX_WRAP_COLUMNS:
            return False
        widths.append(display_width(text[start:end].rstrip()))
    widest = max(widths)
    return widest <= MAX_WRAP_COLUMNS and all(w >= MIN_WRAP_SHARE * widest for w in widths[:-1])


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Trimmed ``(start, end)`` of every paragraph of a plain text (see the module docstring)."""
    groups: list[list[tuple[int, int]]] = [[]]
    for start, end in line_spans(text):
        if trimmed(text, start, end)[0] == end:
            if groups[-1]:
                groups.append([])
        else:
            groups[-1].append((start, end))
    groups = [group for group in groups if group]
    paragraphs: list[list[tuple[int, int]]] = []
    if len(groups) <= 1:
        paragraphs = [[line] for group in groups for line in group]
    else:
        for group in groups:
            if len(group) > 1 and not _wrapped(text, group):
                paragraphs.extend([line] for line in group)
                continue
            paragraphs.append([group[0]])
            for line in group[1:]:
                if text.startswith(_INDENT, line[0]) or _ITEM.match(text, line[0]):
                    paragraphs.append([line])
                else:
                    paragraphs[-1].append(line)
    spans = []
    for lines in paragraphs:
        start, end = trimmed(text, lines[0][0], lines[-1][1])
        if start < end:
            spans.append((start, end))
    return spans


def read_plain(path: Path, data: bytes, fmt: str = "txt") -> Document:
    """A plain-text document: ``text`` is the decoded file, blocks its paragraphs."""
    decoded = decode_bytes(data, path)
    builder = DocumentBuilder()
    builder.append(decoded.text)
    for start, end in paragraph_spans(decoded.text):
        builder.add_block(start, end, None, "")
    if decoded.encoding not in _UTF8:
        builder.note(f"decoded as {decoded.encoding.upper().replace('_', '-')}")
    return builder.build(path, fmt, decoded.encoding)
