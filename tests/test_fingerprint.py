"""Fingerprint helpers: MinHash agrees with datasketch, tiling finds the common runs."""

from __future__ import annotations

import datasketch
import numpy as np

from comparators.fingerprint import minhash, tiling, tokens
from comparators.fingerprint.fragments import merge_runs


def _ids(text: str) -> np.ndarray:
    return tokens.hash_tokens(text.split())


def test_minhash_equals_datasketch_with_same_hashes() -> None:
    shingles = tokens.kgram_hashes(_ids("the quick brown fox jumps over the lazy dog and runs away"), 3)
    sig = minhash.signature(shingles, num_perm=64, seed=7)
    reference = datasketch.MinHash(num_perm=64, seed=7, hashfunc=int)
    for value in np.unique(tokens.to_uint32(shingles)):
        reference.update(int(value))
    assert np.array_equal(reference.hashvalues, sig)
    assert minhash.to_datasketch(sig, 7).jaccard(reference) == 1.0


def test_minhash_estimate_tracks_jaccard() -> None:
    rng = np.random.default_rng(0)
    base = rng.integers(0, 2**63, 2000, dtype=np.uint64)
    other = np.concatenate([base[:1000], rng.integers(0, 2**63, 1000, dtype=np.uint64)])
    est = minhash.jaccard(minhash.signature(base, 256, 1), minhash.signature(other, 256, 1))
    assert abs(est - 1000 / 3000) < 0.08


def test_tiling_finds_runs_and_merge_bridges_gaps() -> None:
    a = _ids("a b c d e f g h i j k l m n o p")
    b = _ids("x y a b c d e f g Z Z h i j k l m n o p")
    tiles = tiling.tile(a, b, k=3, min_len=4)
    assert [(t.a_start, t.b_start, t.length) for t in tiles] == [(0, 2, 7), (7, 11, 9)]
    fragments = merge_runs(tiles, max_gap=2)
    assert len(fragments) == 1 and fragments[0].matched == 16
    assert merge_runs(tiles, max_gap=1) != fragments


def test_tiling_longest_first_without_overlap() -> None:
    a = _ids("p q r s t u v w p q r s")
    b = _ids("p q r s t u v w")
    tiles = tiling.tile(a, b, k=2, min_len=3)
    assert [(t.a_start, t.b_start, t.length) for t in tiles] == [(0, 0, 8)]


def test_repetitive_sequences_still_align() -> None:
    text = " ".join(f"get ( ) {{ return value + {i % 3} ; }}" for i in range(400))
    ids = tokens.hash_tokens(text.split())
    tiles = tiling.tile(ids, ids, k=5, min_len=8, max_occurrences=8)
    assert sum(t.length for t in tiles) == len(ids)
