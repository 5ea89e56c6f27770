"""Choosing the passages of a source document that become cases, and cutting them into sentences.

A passage is a run of whole sentences. Its length class is drawn first (short / medium / long: English
50-150 / 150-500 / 500-1,500 words, Chinese 100-300 / 300-1,000 / 1,000-3,000 characters, with weights
0.35 / 0.40 / 0.25), then its target length within the class, then a random first sentence; sentences are
added until the target is reached. Passages of one pair are at least one sentence apart and together take at
most 60 % of the document.
"""

from __future__ import annotations

import random

from obfuscate import Passage
from segment import Span
from works import units

LENGTHS: dict[str, tuple[tuple[int, int], ...]] = {
    "en": ((50, 150), (150, 500), (500, 1500)),
    "zh": ((100, 300), (300, 1000), (1000, 3000)),
}
CLASS_WEIGHTS = (0.35, 0.40, 0.25)
CASE_COUNTS = ((1, 0.35), (2, 0.30), (3, 0.20), (4, 0.15))
MAX_SHARE = 0.6


def case_count(rng: random.Random) -> int:
    """How many cases a positive pair gets (1-4)."""
    r = rng.random()
    for n, w in CASE_COUNTS:
        if r < w:
            return n
        r -= w
    return CASE_COUNTS[-1][0]


def pick(text: str, spans: list[Span], lang: str, k: int, min_sentences: int, rng: random.Random,
         min_class: int = 0) -> list[tuple[int, int]]:
    """Up to ``k`` non-adjacent sentence ranges ``[i, j)`` of acceptable length, sorted; may return fewer."""
    sizes = [units(text[s:e], lang) for s, e in spans]
    n = len(spans)
    budget = MAX_SHARE * sum(sizes)
    blocked = [False] * n
    chosen: list[tuple[int, int]] = []
    used = 0
    classes = list(range(min_class, len(LENGTHS[lang])))
    weights = [CLASS_WEIGHTS[c] for c in classes]
    for _ in range(k):
        for _attempt in range(80):
            lo, hi = LENGTHS[lang][rng.choices(classes, weights)[0]]
            target = rng.uniform(lo, hi)
            i = rng.randrange(n)
            j, size = i, 0
            while j < n and size < target and not blocked[j]:
                size += sizes[j]
                j += 1
            if blocked[i] or not lo <= size <= hi or j - i < min_sentences or used + size > budget:
                continue
            chosen.append((i, j))
            used += size
            for x in range(max(0, i - 1), min(n, j + 1)):
                blocked[x] = True
            break
    return sorted(chosen)


def passage(text: str, spans: list[Span], i: int, j: int, lang: str) -> tuple[Passage, int, int]:
    """The passage of sentences ``[i, j)`` and its code-point span in ``text``."""
    sentences = tuple(text[s:e] for s, e in spans[i:j])
    gaps = tuple(text[spans[x][1]:spans[x + 1][0]] for x in range(i, j - 1))
    return Passage(lang, sentences, gaps), spans[i][0], spans[j - 1][1]
