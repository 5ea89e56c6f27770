"""Inserting obfuscated passages into a host document at sentence boundaries.

Each piece goes after a different sentence of the host (in random order of pieces). Inside a paragraph it
follows the sentence after a space (English) or directly (Chinese); at the end of a paragraph it becomes, half
the time, a paragraph of its own (always, when the paragraph ends without sentence punctuation, such as a
stage direction or a poem's title). The recorded span covers the piece only, never the separator.
"""

from __future__ import annotations

import random
import re

from segment import sentences

_TERMINAL = re.compile(r"[.!?。！？…][\"'’”」』）)\]]*$")


def _paragraph_end(text: str, pos: int) -> bool:
    rest = text[pos:pos + 3]
    return pos >= len(text) or rest.startswith("\n") or rest.lstrip(" \t").startswith("\n")


def insert(host: str, lang: str, pieces: list[str], rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """The host with ``pieces`` inserted; returns the text and each piece's span, in the order of ``pieces``."""
    ends = sorted({e for _, e in sentences(host, lang)})
    if len(ends) < len(pieces):
        raise ValueError("host has too few sentences")
    positions = sorted(rng.sample(ends, len(pieces)))
    order = list(range(len(pieces)))
    rng.shuffle(order)
    return _insert(host, lang, pieces, positions, order, rng)


def host_ends(host: str, lang: str) -> list[int]:
    """Sentence ends of the host, where pieces may go."""
    return sorted({e for _, e in sentences(host, lang)})


def insert_at(host: str, lang: str, pieces: list[str], positions: list[int], rng: random.Random
              ) -> tuple[str, list[tuple[int, int]]]:
    """The host with ``pieces`` inserted in order after the sentence ends ``positions`` (ascending)."""
    return _insert(host, lang, pieces, positions, list(range(len(pieces))), rng)


def _insert(host: str, lang: str, pieces: list[str], positions: list[int], order: list[int],
            rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    out: list[str] = []
    spans: list[tuple[int, int]] = [(0, 0)] * len(pieces)
    length = 0
    prev = 0
    for pos, piece_index in zip(positions, order):
        chunk = host[prev:pos]
        if _paragraph_end(host, pos) and (rng.random() < 0.5 or not _TERMINAL.search(host[max(0, pos - 3):pos])):
            sep = "\n\n" if lang == "en" else "\n"
        else:
            sep = " " if lang == "en" else ""
        out.extend([chunk, sep])
        length += len(chunk) + len(sep)
        piece = pieces[piece_index]
        spans[piece_index] = (length, length + len(piece))
        out.append(piece)
        length += len(piece)
        prev = pos
    out.append(host[prev:])
    text = "".join(out)
    for piece, (start, end) in zip(pieces, spans):
        if text[start:end] != piece:
            raise AssertionError("insertion offsets are wrong")
    return text, spans
