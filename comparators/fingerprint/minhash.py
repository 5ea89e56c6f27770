"""MinHash signatures computed in numpy in datasketch's ``affine32`` scheme.

Signatures follow datasketch 2.x's default scheme: each 32-bit shingle hash is pre-mixed
with the MurmurHash3 32-bit finaliser, then permuted as ``a * h + b`` in 32-bit wrap-around
arithmetic, with odd ``a`` and any ``b`` drawn from ``numpy.random.RandomState(seed)`` as
datasketch draws them. A signature made here equals the one datasketch makes from the same
32-bit shingle hashes (the tests check this) and loads into ``datasketch.MinHash`` or
``MinHashLSH``; what differs is speed: shingles are hashed once with xxhash (see
:mod:`comparators.fingerprint.tokens`) instead of datasketch's SHA-1 default, the
permutations run over whole numpy blocks, and datasketch (slow to import) is loaded only
when a ``datasketch.MinHash`` object is asked for.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy as np

from comparators.fingerprint.tokens import to_uint32

SCHEME = "datasketch-affine32/xxh64-fold32"
_CHUNK = 16384
_EMPTY = np.uint32(0xFFFFFFFF)


@lru_cache(maxsize=16)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) permutation vectors for ``seed`` (uint32; ``a`` odd), as datasketch draws them."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser (a fixed bijection that spreads the bits)."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def signature(shingle_hashes: np.ndarray, num_perm: int = 128, seed: int = 1) -> np.ndarray:
    """MinHash signature (``uint32[num_perm]``) of a set of shingle hashes.

    An empty set gives the all-``2**32-1`` signature, as in datasketch.
    """
    a, b = permutations(num_perm, seed)
    hv = np.unique(to_uint32(shingle_hashes)).astype(np.uint32)
    sig = np.full(num_perm, _EMPTY, dtype=np.uint32)
    with np.errstate(over="ignore"):
        mixed = fmix32(hv)
        for start in range(0, mixed.shape[0], _CHUNK):
            phv = mixed[start:start + _CHUNK, None] * a + b
            np.minimum(sig, phv.min(axis=0), out=sig)
    return sig


def to_datasketch(sig: np.ndarray, seed: int) -> Any:
    """Wrap a signature as a ``datasketch.MinHash`` (e.g. to insert into ``MinHashLSH``)."""
    import datasketch

    return datasketch.MinHash(seed=seed, hashvalues=np.asarray(sig, dtype=np.uint32), scheme="affine32")


def jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two sets behind the signatures."""
    sa, sb = np.asarray(sig_a), np.asarray(sig_b)
    if sa.shape != sb.shape:
        raise ValueError("signatures of different num_perm cannot be compared")
    if sa.size == 0:
        return 0.0
    return float(np.count_nonzero(sa == sb)) / float(sa.shape[0])
