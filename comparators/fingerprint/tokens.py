"""Hashing of token streams into 64-bit ids and k-gram shingles (numpy, vectorised)."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import xxhash

_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
_KGRAM_BASE = np.uint64(0x100000001B3)  # FNV prime: odd, good bit spread
_MIX = np.uint64(0x9E3779B97F4A7C15)  # golden-ratio constant for the final mix


def hash_tokens(tokens: Iterable[str], seed: int = 0) -> np.ndarray:
    """64-bit xxhash of each token string, as a ``uint64`` array."""
    digest = xxhash.xxh64_intdigest
    return np.fromiter((digest(t.encode("utf-8", "surrogatepass"), seed) for t in tokens),
                       dtype=np.uint64)


def kgram_hashes(token_ids: np.ndarray, k: int) -> np.ndarray:
    """Polynomial hash of every window of ``k`` consecutive token ids (length n-k+1).

    Arithmetic wraps modulo 2**64, so the result depends only on the ids and ``k``.
    """
    ids = np.asarray(token_ids, dtype=np.uint64)
    n = ids.shape[0] - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    out = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            out = out * _KGRAM_BASE + ids[j:j + n]
        out ^= out >> np.uint64(29)
        out *= _MIX
        out ^= out >> np.uint64(32)
    return out


def to_uint32(hashes: np.ndarray) -> np.ndarray:
    """Fold 64-bit hashes to the 32-bit values MinHash permutes."""
    h = np.asarray(hashes, dtype=np.uint64)
    return (h ^ (h >> np.uint64(32))) & np.uint64(0xFFFFFFFF)
