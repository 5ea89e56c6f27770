"""A plain MinHash-Jaccard baseline (datasketch): a document score, no localisation.

Text is NFKC-normalised and case-folded (no Traditional/Simplified conversion: this is a
plain baseline). A document is Chinese when at least 30 % of its word characters are CJK
ideographs; Chinese documents are shingled into character 5-grams of their word characters,
others into word 3-grams (``\\w+`` runs). The score is datasketch's MinHash estimate of the
Jaccard index of the two shingle sets (128 permutations, xxh32 as the shingle hash, seed 1).
The ``baseline-minhash-whole`` variant of the runner turns a score above a threshold into
one detection spanning both whole documents.
"""

from __future__ import annotations

import re
import unicodedata
from importlib.metadata import version
from pathlib import Path
from typing import Any

from peers.contract import DocCache, PairOutput

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_BATCH = 8192


def is_chinese(text: str, min_share: float = 0.3) -> bool:
    """True when at least ``min_share`` of the word characters are CJK ideographs."""
    words = "".join(_WORD.findall(text))
    return bool(words) and len(_CJK.findall(words)) / len(words) >= min_share


def shingles(text: str, word_n: int = 3, char_n: int = 5) -> set[str]:
    """Word ``word_n``-grams, or character ``char_n``-grams for Chinese, of normalised text."""
    norm = unicodedata.normalize("NFKC", text).casefold()
    if is_chinese(norm):
        chars = "".join(_WORD.findall(norm))
        return {chars[i:i + char_n] for i in range(max(len(chars) - char_n + 1, 0))}
    words = _WORD.findall(norm)
    return {" ".join(words[i:i + word_n]) for i in range(max(len(words) - word_n + 1, 0))}


class MinHashBaseline:
    """datasketch MinHash over shingles; ``score`` is the estimated Jaccard index."""

    name = "baseline-minhash"

    def __init__(self, num_perm: int = 128, word_n: int = 3, char_n: int = 5, seed: int = 1) -> None:
        self.num_perm = num_perm
        self.word_n = word_n
        self.char_n = char_n
        self.seed = seed
        self._cache: DocCache[Any] = DocCache(self.signature)

    @property
    def params(self) -> dict[str, Any]:
        """The settings that change a score."""
        return {"num_perm": self.num_perm, "seed": self.seed, "hashfunc": "xxhash.xxh32_intdigest",
                "shingles": f"en: word {self.word_n}-grams; zh: char {self.char_n}-grams; NFKC+casefold"}

    def signature(self, path: Path) -> Any:
        """(MinHash of the document's shingles, number of shingles)."""
        import xxhash
        from datasketch import MinHash

        from comparators.textio import read_text

        found = sorted(shingles(read_text(path).text, self.word_n, self.char_n))
        minhash = MinHash(num_perm=self.num_perm, seed=self.seed, hashfunc=xxhash.xxh32_intdigest)
        encoded = [s.encode("utf-8") for s in found]
        for start in range(0, len(encoded), _BATCH):
            minhash.update_batch(encoded[start:start + _BATCH])
        return minhash, len(found)

    def score(self, a: Path, b: Path) -> PairOutput:
        """Estimated Jaccard index of the two documents' shingle sets (0 when one has none)."""
        (ma, na), (mb, nb) = self._cache.get(a), self._cache.get(b)
        return PairOutput(float(ma.jaccard(mb)) if na and nb else 0.0)


def versions() -> str:
    """datasketch and xxhash versions."""
    return f"datasketch {version('datasketch')}, xxhash {version('xxhash')}"
