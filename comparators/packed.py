"""Numeric arrays inside JSON features, packed as text: ``"<dtype>:<base64 of little-endian bytes>"``.

A text of book length has tens of thousands of tokens; as JSON lists of integers its features
cost more to serialise, pickle to workers and parse back than to compute. Packed, an array is
one string (still canonical JSON, still byte-for-byte reproducible) and unpacks with one
``numpy.frombuffer``.
"""

from __future__ import annotations

import base64

import numpy as np


def pack(values: np.ndarray, dtype: str) -> str:
    """``values`` as ``dtype`` (e.g. ``"<u8"``, ``"<i4"``) in the packed text form."""
    data = np.ascontiguousarray(values, dtype=np.dtype(dtype)).tobytes()
    return f"{dtype}:{base64.b64encode(data).decode('ascii')}"


def unpack(text: str) -> np.ndarray:
    """The array packed by :func:`pack` (read-only view of the decoded bytes)."""
    dtype, _, payload = text.partition(":")
    return np.frombuffer(base64.b64decode(payload), dtype=np.dtype(dtype))
