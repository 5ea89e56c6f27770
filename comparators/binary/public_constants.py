"""Constants no program owns: those of published algorithms and those compilers generate.

Two independent implementations of SHA-1 share its round constants, two programs that divide by
ten share the compiler's multiply-by-reciprocal constant ``0xcccccccd``; neither says anything
about copying (the merger of idea and expression, scènes à faire). The binary comparator leaves
these constants out of its constants channel and its function similarity and lists them as
filtered. A private server's own salt, rate table or opcode values are not in these tables and
keep counting.

- :data:`ALGORITHMS`: initial values and round constants of published hash and checksum
  algorithms and generators (computed from their definitions where the standard does so: SHA-2
  from the roots of primes, MD5 from the sine), as 32- or 64-bit values and as the 16-bit halves
  an ARM ``movw``/``movt`` or arm64 ``movk`` pair loads them with;
- :func:`division_magic`: the multipliers compilers use for division and remainder by a constant
  (``x / d`` as a multiply-high by about ``2**k / d``), for the divisors programs use.
"""

from __future__ import annotations

import math
from functools import lru_cache


def _iroot(n: int, k: int) -> int:
    """The integer ``k``-th root of ``n`` (the largest ``r`` with ``r**k <= n``)."""
    r = int(round(n ** (1.0 / k)))
    while r ** k > n:
        r -= 1
    while (r + 1) ** k <= n:
        r += 1
    return r


def _primes(count: int) -> list[int]:
    out: list[int] = []
    n = 2
    while len(out) < count:
        if all(n % p for p in out if p * p <= n):
            out.append(n)
        n += 1
    return out


def _root_fractions(count: int, k: int, bits: int) -> tuple[int, ...]:
    """The first ``bits`` bits of the fractional parts of the ``k``-th roots of the first primes (SHA-2)."""
    return tuple(_iroot(p << (k * bits), k) & ((1 << bits) - 1) for p in _primes(count))


ALGORITHMS: dict[str, tuple[int, ...]] = {
    "MD5": (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476,
            *(int(abs(math.sin(i)) * 2 ** 32) & 0xFFFFFFFF for i in range(1, 65))),
    "SHA-1": (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0,
              0x5A827999, 0x6ED9EBA1, 0x8F1BBCDC, 0xCA62C1D6),
    "SHA-256": (*_root_fractions(8, 2, 32), *_root_fractions(64, 3, 32)),
    "SHA-512": (*_root_fractions(8, 2, 64), *_root_fractions(80, 3, 64)),
    "CRC-32": (0xEDB88320, 0x04C11DB7, 0x82F63B78, 0x1EDC6F41, 0xFFFFFFFF),
    "CRC-16": (0xA001, 0x8005, 0x1021, 0x8408, 0xFFFF),
    "CRC-64": (0xC96C5795D7870F42, 0x42F0E1EBA9EA3693, 0xD800000000000000),
    "Adler-32": (65521, 5552),
    "FNV": (0x811C9DC5, 0x01000193, 0xCBF29CE484222325, 0x100000001B3),
    "golden ratio (TEA, Fibonacci hashing)": (0x9E3779B9, 0x61C88647, 0x9E3779B97F4A7C15, 0x61C8864680B583EB),
    "MurmurHash3": (0xCC9E2D51, 0x1B873593, 0xE6546B64, 0x85EBCA6B, 0xC2B2AE35,
                    0x87C37B91114253D5, 0x4CF5AD432745937F, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53),
    "xxHash": (0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1,
               0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5),
    "SplitMix64": (0xBF58476D1CE4E5B9, 0x94D049BB133111EB),
    "linear congruential generators": (1103515245, 12345, 6364136223846793005, 1442695040888963407, 0x5DEECE66D,
                                       214013, 2531011, 69069, 1664525, 1013904223, 16807, 48271, 2147483647),
    "Mersenne Twister": (0x9908B0DF, 0x9D2C5680, 0xEFC60000, 1812433253, 0xB5026F5AA96619E9,
                         0x71D67FFFEDA60000, 0xFFF7EEE000000000, 6364136223846793005),
    "bit-counting masks": (0x55555555, 0x33333333, 0x0F0F0F0F, 0x01010101, 0x80808080, 0x7EFEFEFF, 0x81010100,
                           0x5555555555555555, 0x3333333333333333, 0x0F0F0F0F0F0F0F0F, 0x0101010101010101,
                           0x8080808080808080, 0x7EFEFEFEFEFEFEFF, 0xFEFEFEFEFEFEFEFF),
    "calendar (seconds, days, Julian day)": (3600, 86400, 604800, 31536000, 31556952, 1461, 36524, 146097,
                                             719468, 2440588, 2440587, 719163, 2299161, 1721425),
    "base64 (alphabet limits)": (0x3F3F3F3F,),
}
"""Published constants by algorithm (every value also counts by its 16-bit halves)."""

DIVISORS = (*range(3, 1025), 1440, 3600, 10000, 36524, 86400, 100000, 146097, 1000000, 10000000, 100000000,
            1000000000)
"""Divisors whose compiler reciprocals are public (powers of two divide by shifting and are left out)."""


def _halves(value: int) -> set[int]:
    out = set()
    v = value & 0xFFFFFFFFFFFFFFFF
    while v:
        if v & 0xFFFF >= 0x100:
            out.add(v & 0xFFFF)
        v >>= 16
    return out


@lru_cache(maxsize=1)
def division_magic() -> frozenset[int]:
    """The multipliers of ``x / d`` and ``x % d`` for every divisor in :data:`DIVISORS`, 32- and 64-bit.

    A compiler replaces division by a constant ``d`` by a multiply-high with ``ceil(2**k / d)``
    (sometimes ``floor``, or the value less ``2**32``/``2**64`` when it overflows, with an extra add)
    for the smallest working ``k``; every candidate ``k`` is listed, since which one is used
    depends on the compiler and the operand width.
    """
    out: set[int] = set()
    for d in DIVISORS:
        if d & (d - 1) == 0:
            continue
        for width in (32, 64):
            for k in range(width, width + d.bit_length() + 2):
                for m in (-(-(1 << k) // d), (1 << k) // d):
                    if m < 1 << (width + 1):
                        out.add(m & ((1 << width) - 1))
                        out.add(m)
    return frozenset(v for v in out if v >= 0x100)


@lru_cache(maxsize=1)
def _named() -> dict[int, str]:
    out: dict[int, str] = {}
    for name, values in ALGORITHMS.items():
        for v in values:
            out.setdefault(v, name)
            for h in _halves(v) if v > 0xFFFF else ():
                out.setdefault(h, name)
    return out


def source(value: int) -> str | None:
    """Why ``value`` is public (the algorithm it belongs to, or compiler division), else None."""
    v = value & 0xFFFFFFFFFFFFFFFF
    named = _named().get(v)
    if named:
        return named
    if v in division_magic():
        return "compiler division by a constant"
    return None


def is_public(value: int) -> bool:
    """Whether ``value`` is a published algorithm constant or a compiler division multiplier."""
    return source(value) is not None


def describe() -> dict[str, object]:
    """What the comparator's parameters record about the tables (their content pins them)."""
    import hashlib

    text = repr(sorted(ALGORITHMS.items())) + repr(DIVISORS)
    return {"algorithms": len(ALGORITHMS), "divisors": len(DIVISORS),
            "sha256": hashlib.sha256(text.encode()).hexdigest()[:16]}
