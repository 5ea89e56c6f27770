"""Candidate retrieval with an inverted index of k-gram fingerprints (all pairs, no quadratic scan).

Each document contributes the set of its k-gram hashes. Hashes found in only one document
cannot link anything, and hashes found in many documents (boilerplate idioms) link
everything, so both are dropped; the remaining shared hashes are counted per document pair
and a pair is a candidate when the shared count is a large enough share of the smaller
document's hashes (containment), so a copied part inside a large file is still found.
"""

from __future__ import annotations

import numpy as np


def candidate_pairs(key_sets: list[np.ndarray], left: list[int], right: list[int] | None,
                    min_containment: float, max_df_share: float = 0.05,
                    min_df_cap: int = 8) -> list[tuple[int, int, float]]:
    """Pairs (i, j, containment) with ``i`` in ``left`` and ``j`` in ``right`` (or ``left``).

    Without ``right`` the pairs are within ``left`` (i < j). ``max_df_share`` of the
    documents (at least ``min_df_cap``) is the most a hash may occur in and still count.
    """
    docs = sorted(set(left) | set(right or []))
    if len(docs) < 2:
        return []
    sizes = np.array([len(key_sets[d]) for d in docs], dtype=np.int64)
    keys = np.concatenate([np.unique(key_sets[d]) for d in docs]) if docs else np.zeros(0, np.uint64)
    owner = np.repeat(np.arange(len(docs)), [len(np.unique(key_sets[d])) for d in docs])
    order = np.argsort(keys, kind="stable")
    keys, owner = keys[order], owner[order]
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    counts = np.diff(np.append(starts, keys.size))
    cap = max(min_df_cap, int(max_df_share * len(docs)))
    useful = (counts >= 2) & (counts <= cap)
    pair_a: list[np.ndarray] = []
    pair_b: list[np.ndarray] = []
    for size in np.unique(counts[useful]):
        group_starts = starts[useful & (counts == size)]
        members = owner[group_starts[:, None] + np.arange(size)]  # (groups, size)
        ia, ib = np.triu_indices(size, k=1)
        pair_a.append(members[:, ia].ravel())
        pair_b.append(members[:, ib].ravel())
    if not pair_a:
        return []
    a = np.concatenate(pair_a)
    b = np.concatenate(pair_b)
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    code = lo.astype(np.int64) * len(docs) + hi
    uniq, shared = np.unique(code, return_counts=True)
    lo, hi = uniq // len(docs), uniq % len(docs)
    containment = shared / np.maximum(1, np.minimum(sizes[lo], sizes[hi]))
    keep = containment >= min_containment
    left_set, right_set = set(left), set(right) if right is not None else None
    out = []
    for x, y, c in zip(lo[keep].tolist(), hi[keep].tolist(), containment[keep].tolist()):
        da, db = docs[x], docs[y]
        if right_set is None:
            if da in left_set and db in left_set:
                out.append((da, db, c))
        elif da in left_set and db in right_set:
            out.append((da, db, c))
        elif db in left_set and da in right_set:
            out.append((db, da, c))
    return sorted(out)
