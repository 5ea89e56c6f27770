"""Character n-grams of text as written: the un-normalised channel every medium's simplest baseline uses.

Whitespace runs become one space and nothing else is normalised, so names, literals, comments
and layout choices all count. Spans can be cut out first (declared base material, commonplace
code), so what was filtered counts in this channel no more than in any other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SPACE = re.compile(r"\s+")


def without_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the character ranges ``[start, end)`` removed (a space left in each place)."""
    out, at = [], 0
    for start, end in sorted(spans):
        if end <= at:
            continue
        out.append(text[at:max(at, start)])
        out.append(" ")
        at = max(at, end)
    out.append(text[at:])
    return "".join(out)


def char_grams(text: str, n: int) -> frozenset[str]:
    """The distinct character ``n``-grams of ``text`` with whitespace runs collapsed."""
    flat = _SPACE.sub(" ", text).strip()
    return frozenset(flat[i:i + n] for i in range(max(0, len(flat) - n + 1)))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|A ∩ B| / |A ∪ B| (0 when both are empty)."""
    if not a and not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def _lines(text: str, min_alnum: int) -> list[tuple[str, int, int]]:
    """(line with whitespace collapsed, start, end) of every line with at least ``min_alnum`` letters or digits."""
    out, at = [], 0
    for raw in text.splitlines(keepends=True):
        key = _SPACE.sub(" ", raw).strip()
        if sum(ch.isalnum() for ch in key) >= min_alnum:
            lead = len(raw) - len(raw.lstrip())
            out.append((key, at + lead, at + len(raw.rstrip())))
        at += len(raw)
    return out


def identical_line_runs(text_a: str, text_b: str, min_chars: int = 60, min_alnum: int = 4,
                        max_repeats: int = 32) -> list[tuple[int, int, int, int]]:
    """Runs of consecutive lines identical in both texts (whitespace aside), as character ranges.

    Lines with fewer than ``min_alnum`` letters or digits (braces, blank lines) are skipped and do not
    break a run; a run must hold ``min_chars`` characters; a line found more than ``max_repeats``
    times in ``text_b`` anchors nothing. Returns ``(a_start, a_end, b_start, b_end)``, longest first,
    no two overlapping on either side.
    """
    la, lb = _lines(text_a, min_alnum), _lines(text_b, min_alnum)
    where: dict[str, list[int]] = {}
    for j, (key, _, _) in enumerate(lb):
        where.setdefault(key, []).append(j)
    length: dict[tuple[int, int], int] = {}
    for i, (key, _, _) in enumerate(la):
        spots = where.get(key, ())
        if len(spots) > max_repeats:
            continue
        for j in spots:
            length[(i, j)] = length.get((i - 1, j - 1), 0) + 1
    upto = [0]  # characters of la[:k], for the size of a run of lines
    for key, _, _ in la:
        upto.append(upto[-1] + len(key))
    ends = [(upto[i + 1] - upto[i + 1 - n], n, i, j) for (i, j), n in length.items()
            if (i + 1, j + 1) not in length]
    runs, used_a, used_b = [], set(), set()
    for chars, n, i, j in sorted(ends, key=lambda t: (-t[0], t[2], t[3])):
        rows_a, rows_b = range(i - n + 1, i + 1), range(j - n + 1, j + 1)
        if chars < min_chars or used_a & set(rows_a) or used_b & set(rows_b):
            continue
        used_a.update(rows_a)
        used_b.update(rows_b)
        runs.append((la[rows_a[0]][1], la[i][2], lb[rows_b[0]][1], lb[j][2]))
    return runs
