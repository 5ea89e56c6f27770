"""Alignment of two normalised token streams: exact runs, merged fragments, reordered units.

Greedy string tiling finds the longest common runs (any order, so moved methods are found
where they went); runs split by inserted or changed code are merged into one fragment; and
statement-like units (whole loops, conditionals, declarations, functions) that match
exactly but were not covered by a run are reported as *reordered* — that is what remains
when a copier shuffles independent statements.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import xxhash

from comparators.fingerprint.fragments import Fragment
from comparators.fingerprint.tiling import Run, tile


@dataclass(frozen=True)
class Piece:
    """An aligned piece: token ranges on both sides, a category and exactness."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int
    category: str
    runs: tuple[Run, ...] = ()

    @property
    def similarity(self) -> float:
        span = (self.a_end - self.a_start) + (self.b_end - self.b_start)
        return 2.0 * self.matched / span if span else 0.0


def unit_hashes(ids: np.ndarray, units: list[list[int]]) -> np.ndarray:
    """Hash of the normalised tokens of each unit (uint64)."""
    data = ids.astype("<u8")
    return np.array([xxhash.xxh64_intdigest(data[i:j].tobytes()) for i, j in units], dtype=np.uint64)


def aligned_runs(ids_a: np.ndarray, ids_b: np.ndarray, k: int, min_match: int, min_fill: int) -> list[Run]:
    """Exact runs (tiles) plus shorter runs filling the gaps between them, in A order.

    Runs of at least ``min_match`` tokens anchor the alignment anywhere in the files; between
    two consecutive anchors (and before the first / after the last) runs of ``min_fill``
    tokens are accepted too, because there they extend an alignment already established
    rather than claim a new one.
    """
    tiles = tile(ids_a, ids_b, k=k, min_len=min_match)
    return sorted(tiles + fill_gaps(ids_a, ids_b, tiles, min_fill), key=lambda r: (r.a_start, r.b_start))


def fill_gaps(ids_a: np.ndarray, ids_b: np.ndarray, anchors: list[Run], min_fill: int) -> list[Run]:
    """Runs of ``min_fill``+ tokens inside the gaps between consecutive ordered anchors."""
    if not anchors or min_fill <= 0:
        return []
    ordered = sorted(anchors, key=lambda r: r.a_start)
    bounds = [(0, 0)] + [(r.a_start, r.b_start) for r in ordered] + [(len(ids_a), len(ids_b))]
    ends = [(0, 0)] + [(r.a_start + r.length, r.b_start + r.length) for r in ordered]
    extra: list[Run] = []
    for (a0, b0), (a1, b1) in zip(ends, bounds[1:]):
        if a1 - a0 < min_fill or b1 - b0 < min_fill:
            continue
        for run in tile(ids_a[a0:a1], ids_b[b0:b1], k=min(min_fill, 4), min_len=min_fill):
            extra.append(Run(run.a_start + a0, run.b_start + b0, run.length))
    return extra


def split_runs(runs: list[Run], in_a: np.ndarray, in_b: np.ndarray) -> tuple[list[Run], list[Run]]:
    """Cut runs where they enter or leave a marked region (e.g. base material).

    Returns (marked parts, unmarked parts): a part is marked when its tokens are marked on
    both sides, so a run covering template code followed by own code splits in two.
    """
    marked: list[Run] = []
    plain: list[Run] = []
    for run in runs:
        flags = in_a[run.a_start:run.a_start + run.length] & in_b[run.b_start:run.b_start + run.length]
        edges = np.flatnonzero(np.diff(flags.astype(np.int8))) + 1
        bounds = [0, *edges.tolist(), run.length]
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            part = Run(run.a_start + lo, run.b_start + lo, hi - lo)
            (marked if flags[lo] else plain).append(part)
    return marked, plain


def categorise(frag: Fragment, raw_a: np.ndarray, raw_b: np.ndarray) -> str:
    """``identical`` (same source tokens), ``renamed`` (same after abstraction), ``similar``."""
    if len(frag.runs) > 1:
        return "similar"
    run = frag.runs[0]
    same = np.array_equal(raw_a[run.a_start:run.a_start + run.length],
                          raw_b[run.b_start:run.b_start + run.length])
    return "identical" if same else "renamed"


def reordered_units(units_a: list[list[int]], units_b: list[list[int]], hashes_a: np.ndarray,
                    hashes_b: np.ndarray, covered_a: np.ndarray, covered_b: np.ndarray,
                    min_tokens: int) -> list[tuple[int, int, int, int]]:
    """Units equal on both sides but outside the runs: (a_start, a_end, b_start, b_end).

    Only maximal units are reported (a unit inside a reported one is skipped), each B unit
    is used once, and both occurrences must be mostly uncovered by runs.
    """
    by_hash: dict[int, list[int]] = {}
    for idx, h in enumerate(hashes_b.tolist()):
        by_hash.setdefault(h, []).append(idx)
    order = sorted(range(len(units_a)), key=lambda u: (-(units_a[u][1] - units_a[u][0]), units_a[u][0]))
    taken_a = covered_a.copy()
    taken_b = covered_b.copy()
    out = []
    for u in order:
        i, j = units_a[u]
        if j - i < min_tokens or taken_a[i:j].mean() > 0.5:
            continue
        for v in by_hash.get(int(hashes_a[u]), []):
            p, q = units_b[v]
            if taken_b[p:q].mean() <= 0.5:
                taken_a[i:j] = True
                taken_b[p:q] = True
                out.append((i, j, p, q))
                break
    return sorted(out)


def group_pieces(units: list[tuple[int, int, int, int]], max_gap: int) -> list[Piece]:
    """Merge reordered units that sit next to each other in A (gap <= ``max_gap``)."""
    pieces: list[Piece] = []
    for i, j, p, q in units:
        if pieces and 0 <= i - pieces[-1].a_end <= max_gap:
            last = pieces[-1]
            pieces[-1] = Piece(last.a_start, j, min(last.b_start, p), max(last.b_end, q),
                               last.matched + (j - i), "reordered")
        else:
            pieces.append(Piece(i, j, p, q, j - i, "reordered"))
    return pieces


def mask(length: int, ranges: list[tuple[int, int]]) -> np.ndarray:
    """Boolean mask of ``length`` with ``ranges`` set."""
    out = np.zeros(length, dtype=bool)
    for i, j in ranges:
        out[i:j] = True
    return out
