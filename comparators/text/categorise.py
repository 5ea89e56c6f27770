"""The type of an aligned passage pair, from what survives between its two sides.

- ``script-converted``: one side is in traditional script, the other in simplified (the share of
  characters OpenCC converted differs between the sides);
- ``summarised``: one side is a condensed retelling of the other (much shorter, found in summary
  mode or with a length ratio under ``summary_ratio``);
- ``reordered``: the matched sentences appear in a clearly different order;
- ``verbatim``: the same token sequence (after normalisation) at nearly the same length;
- ``lightly-edited`` / ``heavily-edited``: otherwise, by the share of token 4-grams kept.
"""

from __future__ import annotations

import numpy as np

from comparators.fingerprint.tokens import kgram_hashes

CATEGORIES = ("verbatim", "lightly-edited", "heavily-edited", "reordered", "script-converted", "summarised")


def kgram_overlap(ids_a: np.ndarray, ids_b: np.ndarray, k: int = 4) -> float:
    """Share of the shorter side's distinct token k-grams found on the other side."""
    ga = np.unique(kgram_hashes(ids_a, k)) if len(ids_a) >= k else np.unique(ids_a)
    gb = np.unique(kgram_hashes(ids_b, k)) if len(ids_b) >= k else np.unique(ids_b)
    if ga.size == 0 or gb.size == 0:
        return 0.0
    return float(np.intersect1d(ga, gb, assume_unique=True).size / min(ga.size, gb.size))


def inversion_share(seeds_a: tuple[int, ...], seeds_b: tuple[int, ...]) -> float:
    """Share of consecutive seed pairs (ordered by A) that go backwards in B."""
    if len(seeds_a) < 3:
        return 0.0
    order = np.lexsort((np.array(seeds_b), np.array(seeds_a)))
    b = np.array(seeds_b)[order]
    return float((np.diff(b) < 0).mean())


def categorise(ids_a: np.ndarray, ids_b: np.ndarray, converted_a: float, converted_b: float,
               seeds_a: tuple[int, ...], seeds_b: tuple[int, ...], mode: str,
               summary_ratio: float = 0.6) -> tuple[str, dict[str, float]]:
    """Category of one passage pair and the measurements behind it."""
    la, lb = len(ids_a), len(ids_b)
    ratio = min(la, lb) / max(la, lb, 1)
    overlap = kgram_overlap(ids_a, ids_b)
    inversions = inversion_share(seeds_a, seeds_b)
    facts = {"length_ratio": round(ratio, 4), "kgram_overlap": round(overlap, 4),
             "order_inversions": round(inversions, 4),
             "converted_a": round(converted_a, 4), "converted_b": round(converted_b, 4)}
    if abs(converted_a - converted_b) >= 0.05:
        return "script-converted", facts
    if mode == "summary" or ratio < summary_ratio:
        return "summarised", facts
    if inversions > 0.15:
        return "reordered", facts
    if overlap >= 0.97 and ratio >= 0.97:
        return "verbatim", facts
    return ("lightly-edited" if overlap >= 0.6 else "heavily-edited"), facts
