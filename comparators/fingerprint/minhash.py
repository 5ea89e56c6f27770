"""MinHash signatures computed in numpy with datasketch's own permutations.

Signatures follow datasketch 2.x's default ``affine32`` scheme (MurmurHash3 pre-mix, then
``a * h + b`` in 32-bit wrap-around arithmetic), taking the permutation vectors from
``datasketch.MinHash(num_perm, seed)``. A signature made here therefore equals the one
datasketch makes from the same 32-bit shingle hashes and loads into ``datasketch.MinHash``
or ``MinHashLSH``; what differs is speed: shingles are hashed once with xxhash (see
:mod:`comparators.fingerprint.tokens`) instead of datasketch's SHA-1 default, and the
permutations run over whole numpy blocks.
"""

from __future__ import annotations

from functools import lru_cache

import datasketch
import numpy as np
from datasketch.minhash import _fmix

from comparators.fingerprint.tokens import to_uint32

SCHEME = "datasketch-affine32/xxh64-fold32"
_CHUNK = 16384
_EMPTY = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=16)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) permutation vectors datasketch derives from ``seed`` (uint32)."""
    a, b = datasketch.MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def signature(shingle_hashes: np.ndarray, num_perm: int = 128, seed: int = 1) -> np.ndarray:
    """MinHash signature (``uint32[num_perm]``) of a set of shingle hashes.

    An empty set gives the all-``2**32-1`` signature, as in datasketch.
    """
    a, b = permutations(num_perm, seed)
    hv = np.unique(to_uint32(shingle_hashes)).astype(np.uint32)
    sig = np.full(num_perm, _EMPTY, dtype=np.uint32)
    with np.errstate(over="ignore"):
        mixed = _fmix(hv, 32)
        for start in range(0, mixed.shape[0], _CHUNK):
            phv = mixed[start:start + _CHUNK, None] * a + b
            np.minimum(sig, phv.min(axis=0), out=sig)
    return sig


def to_datasketch(sig: np.ndarray, seed: int) -> datasketch.MinHash:
    """Wrap a signature as a ``datasketch.MinHash`` (e.g. to insert into ``MinHashLSH``)."""
    return datasketch.MinHash(seed=seed, hashvalues=np.asarray(sig, dtype=np.uint32),
                              scheme="affine32")


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two sets behind the signatures."""
    sa, sb = np.asarray(sig_a), np.asarray(sig_b)
    if sa.shape != sb.shape:
        raise ValueError("signatures of different num_perm cannot be compared")
    if sa.size == 0:
        return 0.0
    return float(np.count_nonzero(sa == sb)) / float(sa.shape[0])
