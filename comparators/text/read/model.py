"""The extracted text of a document and its map back to paragraphs, pages and parts.

Every reader produces a :class:`Document`: one ``text`` that all offsets of the text
comparator refer to (Unicode code points, end exclusive) and ``blocks``, the paragraphs
of that text with where they came from. For plain-text files ``text`` is the decoded
file itself; for container formats (DOCX, PDF, HTML, EPUB) it is the text the reader
built, paragraph by paragraph, and the blocks say where each paragraph sits in the source.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from comparators.errors import InputError

__all__ = ["Block", "Document", "DocumentBuilder"]


@dataclass(frozen=True)
class Block:
    """A paragraph (or heading, table cell paragraph, list item) of the extracted text.

    ``start``/``end`` are code-point offsets into :attr:`Document.text` (end exclusive) and
    cover the paragraph without its surrounding whitespace. ``paragraph`` is the 1-based
    number of the paragraph in the document; ``page`` the 1-based page where it starts
    (PDF; approximate for DOCX; None where the format has no pages); ``part`` the member
    or page it came from (``""`` for plain text).
    """

    start: int
    end: int
    paragraph: int
    page: int | None
    part: str

    def as_dict(self) -> dict[str, Any]:
        """The block as a JSON-ready dict."""
        return {"start": self.start, "end": self.end, "paragraph": self.paragraph,
                "page": self.page, "part": self.part}


@dataclass(frozen=True)
class Document:
    """The text of a document, with the paragraphs it is made of and reading notes.

    ``blocks`` are sorted and do not overlap; every non-blank paragraph of ``text`` lies in
    exactly one block. ``notes`` tell the expert what the reader could not do exactly
    (pages without text, approximate page numbers, the encoding it guessed, ...).
    """

    text: str
    format: str
    encoding: str | None
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = ()
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _ends: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        previous_end = 0
        for block in self.blocks:
            if not previous_end <= block.start < block.end <= len(self.text):
                raise ValueError(f"block {block} is out of order or outside the text")
            previous_end = block.end
        object.__setattr__(self, "_starts", tuple(b.start for b in self.blocks))
        object.__setattr__(self, "_ends", tuple(b.end for b in self.blocks))

    def locate(self, offset: int) -> Block | None:
        """The block containing ``offset``, else the nearest block after it (None past the last)."""
        index = bisect_right(self._ends, offset)
        return self.blocks[index] if index < len(self.blocks) else None

    def span_blocks(self, start: int, end: int) -> tuple[Block, ...]:
        """The blocks the code points ``start:end`` touch (at least one, if the document has blocks).

        A span that lies wholly between two blocks (in separating whitespace) gives the block
        after it; a span past the last block gives the last block.
        """
        if not self.blocks:
            return ()
        first = min(bisect_right(self._ends, start), len(self.blocks) - 1)
        last = bisect_right(self._starts, max(end - 1, start)) - 1
        return self.blocks[first:max(first, last) + 1]

    def cite(self, start: int, end: int) -> str:
        """A human citation of the code points ``start:end``, e.g. ``"p. 3, ¶ 12–14"`` or ``"¶ 12"``."""
        blocks = self.span_blocks(start, end)
        if not blocks:
            return ""
        first, last = blocks[0], blocks[-1]
        parts = []
        pages = sorted({b.page for b in (first, last) if b.page is not None})
        if pages:
            parts.append(f"p. {pages[0]}" if len(pages) == 1 else f"pp. {pages[0]}–{pages[-1]}")
        paragraphs = (f"¶ {first.paragraph}" if first.paragraph == last.paragraph
                      else f"¶ {first.paragraph}–{last.paragraph}")
        parts.append(paragraphs)
        return ", ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        """The document as a JSON-ready dict (see :meth:`from_dict`)."""
        return {"text": self.text, "format": self.format, "encoding": self.encoding,
                "blocks": [b.as_dict() for b in self.blocks], "notes": list(self.notes)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a document from :meth:`as_dict` output."""
        return cls(text=data["text"], format=data["format"], encoding=data["encoding"],
                   blocks=tuple(Block(**b) for b in data["blocks"]), notes=tuple(data["notes"]))


_WHITESPACE = frozenset(" \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                        "\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` narrowed to exclude leading and trailing whitespace (may become empty)."""
    while start < end and (text[start] in _WHITESPACE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _WHITESPACE or text[end - 1].isspace()):
        end -= 1
    return start, end


class DocumentBuilder:
    """Builds a :class:`Document` paragraph by paragraph, numbering the paragraphs."""

    def __init__(self) -> None:
        self._pieces: list[str] = []
        self._length = 0
        self._blocks: list[Block] = []
        self._notes: list[str] = []

    @property
    def length(self) -> int:
        """Code points of text appended so far."""
        return self._length

    def append(self, text: str, separator: str = "\n") -> int:
        """Append ``text`` (after ``separator`` unless the document is still empty); return its offset."""
        if self._length and text:
            self._pieces.append(separator)
            self._length += len(separator)
        base = self._length
        self._pieces.append(text)
        self._length += len(text)
        return base

    def add_block(self, start: int, end: int, page: int | None, part: str) -> Block:
        """Record the paragraph at ``start:end`` of the text appended so far."""
        block = Block(start, end, len(self._blocks) + 1, page, part)
        self._blocks.append(block)
        return block

    def add_paragraph(self, text: str, page: int | None, part: str, separator: str = "\n") -> Block | None:
        """Append one paragraph; blank paragraphs are skipped and give None."""
        start, end = trimmed(text, 0, len(text))
        if start == end:
            return None
        base = self.append(text, separator)
        return self.add_block(base + start, base + end, page, part)

    def note(self, message: str) -> None:
        """Add a reading note (kept once, in order)."""
        if message not in self._notes:
            self._notes.append(message)

    def build(self, path: str | Path, fmt: str, encoding: str | None) -> Document:
        """The finished document; InputError naming ``path`` when it holds no text."""
        if not self._blocks:
            raise InputError(path, "contains no text")
        return Document("".join(self._pieces), fmt, encoding, tuple(self._blocks), tuple(self._notes))
