"""Function matching between two programs: signature similarity, then call-graph propagation.

Similarity of two functions: the MinHash estimate of the Jaccard index of their normalised
instruction n-grams, lowered when their sizes or the shapes of their control-flow graphs
(blocks, edges, loops) differ, raised by what they refer to (strings, called imports,
constants) when those agree. Pairs at or above ``threshold`` are matched greedily, best first, one to one;
then functions of the same symbol name (when both sides keep symbols); then the callees of
matched pairs are matched among themselves at the lower ``propagate``
threshold (a function called from matched functions that also looks alike is evidence the
signature alone would miss after heavy optimisation).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from comparators.binary.functions import Function
from comparators.fingerprint import minhash

NUM_PERM = 64
SEED = 1
SIZE_WEIGHT = 0.4
"""Share of the instruction similarity that depends on the functions' size ratio."""
CFG_WEIGHT = 0.3
"""Share of the instruction similarity that depends on the agreement of the control-flow shapes."""


@dataclass(frozen=True)
class Pair:
    """A matched pair of functions (indices into each side's list) and how it was found."""

    a: int
    b: int
    similarity: float
    via: str  # "signature" | "name" | "call graph"


def signatures(fns: list[Function]) -> np.ndarray:
    """MinHash signatures (``uint32[len(fns), NUM_PERM]``) of the functions' n-gram sets."""
    out = np.empty((len(fns), NUM_PERM), dtype=np.uint32)
    for k, fn in enumerate(fns):
        out[k] = minhash.signature(np.asarray(fn.ngrams, dtype=np.uint64), NUM_PERM, SEED)
    return out


def _refs(fn: Function) -> set[str]:
    return {f"s:{s}" for s in fn.strings} | {f"i:{i}" for i in fn.imports} | {f"c:{c:x}" for c in fn.constants}


def similarity_matrix(fa: list[Function], fb: list[Function], sa: np.ndarray, sb: np.ndarray) -> np.ndarray:
    """Pairwise similarity in [0, 1] of every function of A with every function of B."""
    sim = np.zeros((len(fa), len(fb)), dtype=np.float32)
    if not fa or not fb:
        return sim
    for i in range(len(fa)):
        sim[i] = (sb == sa[i]).mean(axis=1)
    refs_a = [_refs(f) for f in fa]
    refs_b = [_refs(f) for f in fb]
    size_a = np.array([max(1, f.instructions) for f in fa], dtype=np.float32)
    size_b = np.array([max(1, f.instructions) for f in fb], dtype=np.float32)
    ratio = np.minimum(size_a[:, None], size_b[None, :]) / np.maximum(size_a[:, None], size_b[None, :])
    sim *= (1 - SIZE_WEIGHT) + SIZE_WEIGHT * np.sqrt(ratio)  # very different sizes are rarely the same function
    if CFG_WEIGHT:
        sim *= (1 - CFG_WEIGHT) + CFG_WEIGHT * shape_agreement(fa, fb)
    for i, ra in enumerate(refs_a):
        if not ra:
            continue
        for j, rb in enumerate(refs_b):
            if rb:
                shared = len(ra & rb)
                if shared:
                    agree = shared / len(ra | rb)
                    sim[i, j] = sim[i, j] + (1 - sim[i, j]) * agree * 0.8
    return sim


def shape_agreement(fa: list[Function], fb: list[Function]) -> np.ndarray:
    """``cfg.agreement`` of every pair of functions, vectorised (``float32[len(fa), len(fb)]``)."""
    def counts(fns: list[Function]) -> np.ndarray:
        return np.array([[f.blocks, f.edges, f.loops] for f in fns], dtype=np.float32) + 1

    ca, cb = counts(fa), counts(fb)
    ratios = np.minimum(ca[:, None, :], cb[None, :, :]) / np.maximum(ca[:, None, :], cb[None, :, :])
    return ratios.mean(axis=2).astype(np.float32)


def match(fa: list[Function], fb: list[Function], threshold: float = 0.5, propagate: float = 0.3) -> list[Pair]:
    """One-to-one function pairs, best first, then propagated along the call graph."""
    sa, sb = signatures(fa), signatures(fb)
    sim = similarity_matrix(fa, fb, sa, sb)
    pairs: list[Pair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    order = np.argwhere(sim >= threshold)
    ranked = sorted(((float(sim[i, j]), int(i), int(j)) for i, j in order), key=lambda t: (-t[0], t[1], t[2]))
    for s, i, j in ranked:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append(Pair(i, j, s, "signature"))
    names_b = {f.name: k for k, f in enumerate(fb) if f.name and f.name != "main"}
    for i, f in enumerate(fa):  # the same symbol name on both sides anchors a pair whatever its similarity
        j = names_b.get(f.name) if f.name else None
        if j is not None and i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append(Pair(i, j, float(sim[i, j]), "name"))
    index_a = {f.address: k for k, f in enumerate(fa)}
    index_b = {f.address: k for k, f in enumerate(fb)}
    frontier = list(pairs)
    while frontier:
        nxt = []
        for p in frontier:
            ca = [index_a[c] for c in fa[p.a].callees if c in index_a and index_a[c] not in used_a]
            cb = [index_b[c] for c in fb[p.b].callees if c in index_b and index_b[c] not in used_b]
            cand = sorted(((float(sim[i, j]), i, j) for i in ca for j in cb if sim[i, j] >= propagate),
                          key=lambda t: (-t[0], t[1], t[2]))
            for s, i, j in cand:
                if i in used_a or j in used_b:
                    continue
                used_a.add(i)
                used_b.add(j)
                q = Pair(i, j, s, "call graph")
                pairs.append(q)
                nxt.append(q)
        frontier = nxt
    return sorted(pairs, key=lambda p: (fa[p.a].address, fb[p.b].address))
