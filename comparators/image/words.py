"""Visual words for retrieval: each SIFT descriptor hashed to a short code, an inverted index over codes.

Perceptual hashes shortlist what is globally similar (the whole image, a tile, a segment), but a
rotated, foreshortened or loosely cropped copy hashes far from every one of them. Local
descriptors survive those edits, so each descriptor is also reduced to a ``BITS``-bit code by
random-hyperplane hashing (sign of fixed random projections of the RootSIFT vector; the
projections come from a fixed seed and are part of the scheme). Two images whose descriptors
agree share many codes; codes that occur in many images of a corpus (generic corners and edges)
are dropped, and a pair is a candidate when it shares at least ``min_shared`` of the rest.
Pure functions; numpy only.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

BITS = 24
SEED = 20261207
OFFSET = 0.06  # roughly the mean RootSIFT component: centres the vectors before the sign test
SCHEME = f"rootsift-srp{BITS}-seed{SEED}"


@lru_cache(maxsize=1)
def _planes() -> np.ndarray:
    return np.random.default_rng(SEED).normal(size=(128, BITS)).astype(np.float32)


def codes(descriptors: np.ndarray) -> np.ndarray:
    """Sorted unique uint32 codes of SIFT ``descriptors`` (n x 128)."""
    if not len(descriptors):
        return np.zeros(0, np.uint32)
    x = descriptors.astype(np.float32)
    x /= np.maximum(x.sum(axis=1, keepdims=True), 1e-6)
    x = np.sqrt(x) - OFFSET
    bits = (x @ _planes()) > 0
    weights = (np.uint32(1) << np.arange(BITS, dtype=np.uint32))
    return np.unique((bits.astype(np.uint32) * weights).sum(axis=1, dtype=np.uint32))


def shared_pairs(code_sets: list[np.ndarray], left: list[int], right: list[int] | None, min_shared: int,
                 max_df_share: float = 0.02, min_df_cap: int = 8) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)`` sharing at least ``min_shared`` codes that occur in few images.

    A code in more than ``max(min_df_cap, max_df_share * images)`` images links nothing. With
    ``right`` each ``i`` in ``left`` is paired with each ``j`` in ``right``; without, all pairs
    ``i < j`` within ``left``.
    """
    n = len(code_sets)
    if n < 2:
        return []
    owner = np.concatenate([np.full(len(c), k, np.int64) for k, c in enumerate(code_sets)])
    values = np.concatenate(code_sets) if n else np.zeros(0, np.uint32)
    order = np.lexsort((owner, values))
    values, owner = values[order], owner[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    sizes = np.diff(np.r_[starts, len(values)])
    cap = max(min_df_cap, int(max_df_share * n))
    keys: list[np.ndarray] = []
    for size in range(2, cap + 1):
        group = starts[sizes == size]
        if not len(group):
            continue
        members = owner[group[:, None] + np.arange(size)]  # (groups, size), owners ascending
        iu, ju = np.triu_indices(size, 1)
        keys.append(members[:, iu].ravel() * n + members[:, ju].ravel())
    if not keys:
        return []
    pair_keys, counts = np.unique(np.concatenate(keys), return_counts=True)
    pair_keys = pair_keys[counts >= min_shared]
    a, b = pair_keys // n, pair_keys % n
    in_left = np.zeros(n, bool)
    in_left[left] = True
    if right is None:
        keep = in_left[a] & in_left[b]
        return [(int(i), int(j)) for i, j in zip(a[keep], b[keep])]
    in_right = np.zeros(n, bool)
    in_right[right] = True
    out = {(int(i), int(j)) for i, j in zip(a, b) if in_left[i] and in_right[j]}
    out |= {(int(j), int(i)) for i, j in zip(a, b) if in_left[j] and in_right[i]}
    return sorted(p for p in out if p[0] != p[1])
