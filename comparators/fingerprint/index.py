"""Candidate retrieval with an inverted index of k-gram fingerprints (all pairs, no quadratic scan).

Each document contributes the set of its k-gram hashes. Hashes found in only one document
cannot link anything, and hashes found in many *independent* documents (boilerplate idioms)
link everything, so both are dropped. How many independent documents hold a hash is counted
over groups of near-duplicates (:mod:`comparators.fingerprint.groups`): a work copied into a
fifth of the corpus is one group, so its hashes stay and every copy is found. The remaining
shared hashes are counted per document pair (a sparse matrix product, so only pairs between the
two sides are formed) and a pair is a candidate when the shared count is a large enough share of
the smaller document's hashes (containment), so a copied part inside a large file is still found.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csr_matrix

from comparators.fingerprint.groups import group_frequency, near_duplicate_groups


def candidate_pairs(key_sets: list[np.ndarray], left: list[int], right: list[int] | None,
                    min_containment: float, max_df_share: float = 0.05, min_df_cap: int = 8,
                    groups: np.ndarray | None = None) -> list[tuple[int, int, float]]:
    """Pairs (i, j, containment) with ``i`` in ``left`` and ``j`` in ``right`` (or ``left``).

    Without ``right`` the pairs are within ``left`` (i < j). A hash counts when the groups of
    near-duplicates holding it are at most ``max_df_share`` of all groups (and at least
    ``min_df_cap``). ``groups`` gives a group label per entry of ``key_sets`` (computed when
    omitted).
    """
    docs = sorted(set(left) | set(right or []))
    if len(docs) < 2:
        return []
    uniq_sets = [np.unique(key_sets[d]) for d in docs]
    sizes = np.array([len(u) for u in uniq_sets], dtype=np.int64)
    if not sizes.any():
        return []
    keys = np.concatenate(uniq_sets)
    owner = np.repeat(np.arange(len(docs)), sizes)
    labels = (np.asarray(groups)[docs] if groups is not None else near_duplicate_groups(uniq_sets))
    _, labels = np.unique(labels, return_inverse=True)
    uniq, files, in_groups = group_frequency(keys, owner, labels.ravel())
    cap = max(min_df_cap, int(max_df_share * (int(labels.max()) + 1)))
    useful = (files >= 2) & (in_groups <= cap)
    column = np.full(len(uniq), -1, dtype=np.int64)
    column[useful] = np.arange(int(useful.sum()))
    col = column[np.searchsorted(uniq, keys)]
    keep = col >= 0
    incidence = csr_matrix((np.ones(int(keep.sum()), dtype=np.int32), (owner[keep], col[keep])),
                           shape=(len(docs), int(useful.sum())))
    row_of = {d: n for n, d in enumerate(docs)}
    rows_left = np.array([row_of[d] for d in sorted(set(left))], dtype=np.int64)
    rows_right = (rows_left if right is None
                  else np.array([row_of[d] for d in sorted(set(right))], dtype=np.int64))
    shared = (incidence[rows_left] @ incidence[rows_right].T).tocoo()
    x, y, count = rows_left[shared.row], rows_right[shared.col], shared.data
    valid = x != y if right is not None else x < y
    x, y, count = x[valid], y[valid], count[valid]
    containment = count / np.maximum(1, np.minimum(sizes[x], sizes[y]))
    hit = containment >= min_containment
    found: dict[tuple[int, int], tuple[int, int, float]] = {}
    for a, b, c in zip(x[hit].tolist(), y[hit].tolist(), containment[hit].tolist()):
        key = (min(a, b), max(a, b))
        # a document on both sides pairs once, in index order when that order is a left-right pair
        if key not in found or (a, b) == key:
            found[key] = (docs[a], docs[b], c)
    return sorted(found.values())
