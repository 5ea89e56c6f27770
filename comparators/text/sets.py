"""Set membership of 64-bit hashes (numpy): ``np.isin`` without sorting both sides together.

``np.isin`` sorts the concatenation of its two arrays on every call. Here the table is sorted
once (or given sorted), a presence bitmap of its hashes' low bits rules out nearly every value
that is not in it, and binary search settles the few candidates left. Results equal
``np.isin``'s exactly.
"""

from __future__ import annotations

import numpy as np

FILTER_BITS = 20  # bitmap of 2**20 flags (1 MB)
_LOW = np.uint64((1 << FILTER_BITS) - 1)


def in_sorted(values: np.ndarray, table: np.ndarray) -> np.ndarray:
    """``np.isin(values, table)`` for a sorted ``table`` of the same dtype, by binary search."""
    if table.size == 0:
        return np.zeros(values.shape, dtype=bool)
    pos = np.searchsorted(table, values)
    np.minimum(pos, table.size - 1, out=pos)
    return table[pos] == values


def low_bits(hashes: np.ndarray) -> np.ndarray:
    """The low ``FILTER_BITS`` bits of ``uint64`` hashes, as indices into a bitmap."""
    return (hashes & _LOW).astype(np.intp)


def bitmap_of(table: np.ndarray) -> np.ndarray:
    """Presence bitmap of the low bits of ``table``'s hashes."""
    bitmap = np.zeros(1 << FILTER_BITS, dtype=bool)
    bitmap[low_bits(table)] = True
    return bitmap


def found_in(values: np.ndarray, table: np.ndarray, bitmap: np.ndarray | None = None) -> np.ndarray:
    """``np.isin(values, table)`` for ``uint64`` hashes and a sorted ``table``
    (``bitmap``: :func:`bitmap_of` the table, when it is reused)."""
    if bitmap is None:
        bitmap = bitmap_of(table)
    candidates = np.flatnonzero(bitmap[low_bits(values)])
    out = np.zeros(values.shape, dtype=bool)
    out[candidates[in_sorted(values[candidates], table)]] = True
    return out
