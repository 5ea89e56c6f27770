"""Greedy tiling of two hashed token sequences into maximal non-overlapping common runs.

Seeds are equal k-gram hashes; seeds on the same diagonal that touch are chained into runs;
runs are then taken longest first (ties: earlier in A, then in B) when they overlap no run
already taken — the greedy string tiling rule (Wise 1993), computed with numpy.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from comparators.fingerprint.tokens import kgram_hashes


@dataclass(frozen=True)
class Run:
    """A common run: tokens ``a_start:a_start+length`` of A equal ``b_start:...`` of B."""

    a_start: int
    b_start: int
    length: int


def seed_pairs(ha: np.ndarray, hb: np.ndarray, max_occurrences: int) -> tuple[np.ndarray, np.ndarray]:
    """Seed pairs (i, j) with ``ha[i] == hb[j]``.

    A hash occurring at most ``max_occurrences`` times on both sides gives every pairing of
    its positions; a more frequent one (repetitive code, boilerplate) pairs its occurrences
    in order only (the n-th in A with the n-th in B), which keeps identical or lightly edited
    repetitive files aligned without a quadratic number of seeds.
    """
    empty = np.zeros(0, dtype=np.int64)
    if ha.size == 0 or hb.size == 0:
        return empty, empty
    common = np.intersect1d(ha, hb)
    if common.size == 0:
        return empty, empty
    ua, ca = np.unique(ha, return_counts=True)
    ub, cb = np.unique(hb, return_counts=True)
    rare = np.intersect1d(ua[ca <= max_occurrences], ub[cb <= max_occurrences])
    frequent = np.setdiff1d(common, rare)
    i_rare, j_rare = _all_pairings(ha, hb, rare)
    i_freq, j_freq = _ordered_pairings(ha, hb, frequent)
    return np.concatenate([i_rare, i_freq]), np.concatenate([j_rare, j_freq])


def _all_pairings(ha: np.ndarray, hb: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    ia = np.flatnonzero(np.isin(ha, keys))
    ib = np.flatnonzero(np.isin(hb, keys))
    order_b = np.argsort(hb[ib], kind="stable")
    sorted_b = hb[ib][order_b]
    left = np.searchsorted(sorted_b, ha[ia], side="left")
    right = np.searchsorted(sorted_b, ha[ia], side="right")
    counts = right - left
    i_idx = np.repeat(ia, counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    j_idx = ib[order_b][np.repeat(left, counts) + offsets]
    return i_idx.astype(np.int64), j_idx.astype(np.int64)


def _ordered_pairings(ha: np.ndarray, hb: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pair the n-th occurrence of each key in A with its n-th occurrence in B."""
    def ranked(h: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        idx = np.flatnonzero(np.isin(h, keys))
        idx = idx[np.lexsort((idx, h[idx]))]
        vals = h[idx]
        rank = np.arange(idx.size) - np.searchsorted(vals, vals, side="left")
        return idx, vals, rank

    ia, va, ra = ranked(ha)
    ib, vb, _ = ranked(hb)
    pos = np.searchsorted(vb, va, side="left") + ra
    ok = pos < np.searchsorted(vb, va, side="right")
    return ia[ok].astype(np.int64), ib[pos[ok]].astype(np.int64)


def chain_runs(i_idx: np.ndarray, j_idx: np.ndarray, k: int, min_len: int = 0) -> list[Run]:
    """Chain seeds on the same diagonal with consecutive positions into token runs.

    Runs shorter than ``min_len`` tokens are dropped here, before any object is made.
    """
    if i_idx.size == 0:
        return []
    diag = j_idx - i_idx
    order = np.lexsort((i_idx, diag))
    d, i = diag[order], i_idx[order]
    breaks = np.ones(d.size, dtype=bool)
    breaks[1:] = (d[1:] != d[:-1]) | (i[1:] != i[:-1] + 1)
    starts = np.flatnonzero(breaks)
    ends = np.append(starts[1:], d.size) - 1
    lengths = i[ends] - i[starts] + k
    keep = lengths >= min_len
    return [Run(int(a), int(a + dd), int(n))
            for a, dd, n in zip(i[starts][keep], d[starts][keep], lengths[keep])]


def greedy_tiles(runs: list[Run], len_a: int, len_b: int, min_len: int) -> list[Run]:
    """Longest-first selection of runs that overlap no selected run on either side.

    A run that overlaps is trimmed to its longest free stretch and reconsidered, so
    partially covered runs still contribute their uncovered part.
    """
    taken_a = np.zeros(len_a, dtype=bool)
    taken_b = np.zeros(len_b, dtype=bool)
    pending = sorted(runs, key=lambda r: (r.length, -r.a_start, -r.b_start))  # longest last
    tiles: list[Run] = []
    while pending:
        run = pending.pop()
        if run.length < min_len:
            continue
        free = ~(taken_a[run.a_start:run.a_start + run.length]
                 | taken_b[run.b_start:run.b_start + run.length])
        if free.all():
            taken_a[run.a_start:run.a_start + run.length] = True
            taken_b[run.b_start:run.b_start + run.length] = True
            tiles.append(run)
            continue
        best = _longest_true_stretch(free)
        if best is not None and best[1] >= min_len:
            off, length = best
            trimmed = Run(run.a_start + off, run.b_start + off, length)
            _insert_sorted(pending, trimmed)
    return sorted(tiles, key=lambda r: (r.a_start, r.b_start))


def _longest_true_stretch(mask: np.ndarray) -> tuple[int, int] | None:
    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    if edges.size == 0:
        return None
    starts, stops = edges[::2], edges[1::2]
    lengths = stops - starts
    best = int(np.argmax(lengths))
    return int(starts[best]), int(lengths[best])


def _insert_sorted(pending: list[Run], run: Run) -> None:
    """Insert into ``pending`` kept in ascending (length, -a_start, -b_start) order."""
    key = (run.length, -run.a_start, -run.b_start)
    lo, hi = 0, len(pending)
    while lo < hi:
        mid = (lo + hi) // 2
        p = pending[mid]
        if (p.length, -p.a_start, -p.b_start) < key:
            lo = mid + 1
        else:
            hi = mid
    pending.insert(lo, run)


def tile(token_ids_a: np.ndarray, token_ids_b: np.ndarray, k: int, min_len: int | None = None,
         max_occurrences: int = 64) -> list[Run]:
    """Greedy string tiling of two token-id sequences with minimum match length ``min_len``."""
    min_len = k if min_len is None else max(min_len, k)
    ha = kgram_hashes(token_ids_a, k)
    hb = kgram_hashes(token_ids_b, k)
    i_idx, j_idx = seed_pairs(ha, hb, max_occurrences)
    runs = chain_runs(i_idx, j_idx, k, min_len)
    return greedy_tiles(runs, len(token_ids_a), len(token_ids_b), min_len)
