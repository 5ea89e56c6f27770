"""Common phrases that two independent authors share without copying: idioms and stock phrases.

Chinese: the idioms (成语, tag ``i``) and set phrases (习用语, tag ``l``) of the dictionary that
ships inside the ``jieba`` package (about 43,000 entries, 3–8 characters), read offline and
cached on disk. English: a short list of stock phrases written for this project. Occurrences
are found with rolling hashes over the token ids (numpy), so marking a book-length text costs
milliseconds; marked tokens are left out of sentence vectors. Filtration is by phrase, never by
passage: a passage that still aligns with the phrases left out is a finding (whole), and each common
phrase both of its sides contain is listed as excluded with its own characters only; a sentence pair
that aligns only through common phrases is not a finding, and again only its phrases are listed.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from comparators.diskcache import cached
from comparators.fingerprint.tokens import kgram_hashes
from comparators.text.normalize import normalise
from comparators.text.sets import bitmap_of, found_in

ENGLISH_STOCK_PHRASES = (
    "once upon a time", "happily ever after", "at the end of the day", "in the nick of time",
    "all of a sudden", "as a matter of fact", "on the other hand", "in other words", "at the same time",
    "for the first time", "in the middle of the night", "the rest of the day", "from time to time",
    "a long time ago", "last but not least", "by and large", "more or less", "sooner or later",
    "in the meantime", "to make a long story short", "it goes without saying", "in the long run",
    "as far as i know", "each and every", "first and foremost", "in accordance with", "subject to the terms",
    "all rights reserved", "without prejudice to", "terms and conditions", "for the avoidance of doubt",
    "to the best of my knowledge", "in the event that", "with respect to", "in order to",
    "a matter of life and death", "the calm before the storm", "time and again", "over and over again",
    "at first sight", "a piece of cake", "break the ice", "the tip of the iceberg", "the heart of the matter",
)


def _jieba_phrases() -> list[str]:
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        return []
    path = Path(spec.origin).parent / "dict.txt"
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) == 3 and parts[2] in ("i", "l") and 3 <= len(parts[0]) <= 8:
                out.append(parts[0])
    return out


def _phrase_hashes(phrases: list[str]) -> dict[int, np.ndarray]:
    """Sorted k-gram hashes of the phrases' token ids, by phrase length in tokens."""
    from comparators.text.units import tokenise

    by_len: dict[int, set[int]] = {}
    for phrase in phrases:
        units = tokenise(normalise(phrase))
        if units.n < 2:
            continue
        h = kgram_hashes(units.ids, units.n)
        by_len.setdefault(units.n, set()).add(int(h[0]))
    return {k: np.array(sorted(v), dtype=np.uint64) for k, v in sorted(by_len.items())}


@lru_cache(maxsize=1)
def phrase_table() -> dict[int, np.ndarray]:
    """Hashes of every common phrase (Chinese idioms and English stock phrases), by length."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        jieba_version = version("jieba")
    except PackageNotFoundError:
        jieba_version = "none"
    return cached(f"text-commonplace-{jieba_version}-v1",
                  lambda: _phrase_hashes(_jieba_phrases() + list(ENGLISH_STOCK_PHRASES)))


@lru_cache(maxsize=1)
def phrase_index() -> tuple[tuple[int, np.ndarray, np.ndarray], ...]:
    """(length, sorted hashes, presence bitmap of their low bits) per phrase length: the bitmap
    rules out nearly every k-gram of a text at once, binary search settles the few left."""
    return tuple((length, table, bitmap_of(table)) for length, table in phrase_table().items())


def mark_common(ids: np.ndarray, nstart: np.ndarray, nend: np.ndarray) -> np.ndarray:
    """Tokens inside a common phrase (contiguous in the text, not across punctuation)."""
    n = ids.shape[0]
    mask = np.zeros(n, dtype=bool)
    widths_cum = np.concatenate(([0], np.cumsum(nend - nstart)))
    for length, table, bitmap in phrase_index():
        if n < length:
            continue
        hit = np.flatnonzero(found_in(kgram_hashes(ids, length), table, bitmap))
        if hit.size == 0:
            continue
        # contiguous: at most one separator (a space) between consecutive tokens of the phrase
        span = nend[hit + length - 1] - nstart[hit]
        chars = widths_cum[hit + length] - widths_cum[hit]
        for k in hit[span <= chars + (length - 1)].tolist():
            mask[k:k + length] = True
    return mask
