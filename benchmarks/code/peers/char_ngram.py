"""The simplest baseline: Jaccard similarity of the files' character 5-gram sets.

The file is decoded as UTF-8 (undecodable bytes replaced) and every run of whitespace becomes
one space; nothing else is normalised, so identifiers, literals, comments and layout all count.
Every table of the hard-negative families keeps this baseline beside the tools.
"""

from __future__ import annotations

import re
from pathlib import Path

N = 5
_SPACE = re.compile(r"\s+")


def grams(text: str, n: int = N) -> set[str]:
    """The distinct character ``n``-grams of ``text`` after whitespace runs are collapsed."""
    flat = _SPACE.sub(" ", text).strip()
    return {flat[i:i + n] for i in range(max(0, len(flat) - n + 1))}


def jaccard(a: set[str], b: set[str]) -> float:
    """|A ∩ B| / |A ∪ B| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


class CharNgramScorer:
    """Scores file pairs, reading each file once."""

    def __init__(self, n: int = N) -> None:
        self.n = n
        self._cache: dict[Path, set[str]] = {}

    def _grams(self, path: Path) -> set[str]:
        if path not in self._cache:
            self._cache[path] = grams(path.read_bytes().decode("utf-8", "replace"), self.n)
        return self._cache[path]

    def score(self, a: Path, b: Path) -> float:
        """Jaccard similarity of the two files' character n-gram sets."""
        return jaccard(self._grams(a), self._grams(b))
