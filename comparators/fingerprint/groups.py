"""Near-duplicate groups and the document frequency counted over them.

How common a fingerprint is decides two things: whether it may link documents in the
candidate index, and whether a comparator treats it as commonplace (boilerplate, stock code).
Counted over *files*, a work copied into a thousand files looks as common as a licence header:
its fingerprints are in a thousand files. Counted over *groups of near-duplicates*, the thousand
copies are one group, so the work stays rare and is still found against every copy, while a
header shared by a thousand independent files is still common.

Groups are the connected components of the graph that links two documents when the Jaccard
similarity of their fingerprint sets, estimated with MinHash, reaches ``threshold``. Candidate
links come from locality-sensitive hashing (bands of ``rows`` signature values); within a band
bucket each member is checked against the bucket's first member only, so the work is linear in
the number of documents even when a thousand of them are copies of one work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from comparators.fingerprint import minhash

GROUP_THRESHOLD = 0.5  # estimated Jaccard similarity of whole fingerprint sets that makes two files one group
GROUP_PERM = 128
GROUP_ROWS = 4
GROUP_SEED = 11
METHOD = (f"near-duplicate groups: connected components of files whose whole fingerprint sets have an "
          f"estimated Jaccard similarity of at least {GROUP_THRESHOLD} (MinHash, {GROUP_PERM} permutations, "
          f"LSH bands of {GROUP_ROWS}); a fingerprint's frequency is the number of groups holding it")


def signatures(key_sets: Sequence[np.ndarray], num_perm: int = GROUP_PERM, seed: int = GROUP_SEED) -> np.ndarray:
    """MinHash signatures (``uint32[n, num_perm]``) of each document's fingerprint set."""
    out = np.empty((len(key_sets), num_perm), dtype=np.uint32)
    for n, keys in enumerate(key_sets):
        out[n] = minhash.signature(np.asarray(keys), num_perm, seed)
    return out


def near_duplicate_groups(key_sets: Sequence[np.ndarray], threshold: float = GROUP_THRESHOLD,
                          num_perm: int = GROUP_PERM, rows: int = GROUP_ROWS,
                          seed: int = GROUP_SEED) -> np.ndarray:
    """A group label per document (``int64[n]``, labels 0..groups-1 in order of first member).

    Documents without fingerprints are each their own group. The result depends only on the
    documents' fingerprint sets and their order, never on timing or on other runs.
    """
    n = len(key_sets)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    sigs = signatures(key_sets, num_perm, seed)
    empty = np.array([len(k) == 0 for k in key_sets])
    src: list[np.ndarray] = []
    dst: list[np.ndarray] = []
    live = np.flatnonzero(~empty)
    for start in range(0, num_perm - rows + 1, rows):
        band = np.ascontiguousarray(sigs[live, start:start + rows]).view(np.dtype((np.void, 4 * rows))).ravel()
        _, first, inverse = np.unique(band, return_index=True, return_inverse=True)
        rep = live[first[inverse.ravel()]]
        member = live
        linked = rep != member
        if not linked.any():
            continue
        a, b = member[linked], rep[linked]
        close = (sigs[a] == sigs[b]).mean(axis=1) >= threshold
        src.append(a[close])
        dst.append(b[close])
    if src:
        s, d = np.concatenate(src), np.concatenate(dst)
    else:
        s = d = np.zeros(0, dtype=np.int64)
    graph = coo_matrix((np.ones(len(s), dtype=np.int8), (s, d)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return _first_seen_order(labels)


def _first_seen_order(labels: np.ndarray) -> np.ndarray:
    """Relabel groups 0, 1, 2... in the order of their first document (stable across scipy versions)."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse.ravel()]


def group_frequency(keys: np.ndarray, owners: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray,
                                                                                         np.ndarray]:
    """For (key, owning document) rows: the distinct keys, their file counts and their group counts.

    ``keys[i]`` is held by document ``owners[i]``; each (key, document) row appears once.
    """
    uniq, key_id = np.unique(keys, return_inverse=True)
    key_id = key_id.ravel()
    files = np.bincount(key_id, minlength=len(uniq))
    per_group = np.unique(key_id.astype(np.int64) * (int(labels.max(initial=0)) + 1) + labels[owners])
    groups = np.bincount(per_group // (int(labels.max(initial=0)) + 1), minlength=len(uniq))
    return uniq, files, groups


def group_counts(items: Sequence[Iterable[Hashable]], labels: np.ndarray) -> Counter:
    """How many groups hold each item (an identifier, a literal, a k-gram) of the documents."""
    held: dict[int, set[Hashable]] = {}
    for doc_items, label in zip(items, labels.tolist()):
        held.setdefault(label, set()).update(doc_items)
    out: Counter = Counter()
    for group_items in held.values():
        out.update(group_items)
    return out
