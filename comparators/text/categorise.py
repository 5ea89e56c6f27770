"""The label of an aligned passage pair, decided from measured edit properties of its two spans.

Measurements (all in the match's ``detail``): ``length_ratio`` (shorter span / longer, in tokens),
``kgram_overlap`` (share of the shorter side's distinct token 4-grams found on the other side),
``order_inversions`` (share of consecutive seed sentence pairs, ordered by A, that go backwards in B),
``converted_a``/``converted_b`` (share of CJK characters OpenCC converted), and from a token-level
alignment of the two spans (``difflib``, no junk heuristic) ``substituted`` (tokens replaced one for
one, or by a same-length group, per token of A) and ``indels`` (tokens inserted, deleted or replaced by
a group of another length, per token of A). Rules, first match wins, thresholds the constants below:

1. ``script-converted``: the converted shares differ by at least ``SCRIPT_MIN_DIFF``;
2. ``verbatim``: ``kgram_overlap`` and ``length_ratio`` both at least ``VERBATIM_MIN`` (a verbatim copy
   is never called a summary, whatever mode found it);
3. ``summarised``: found in summary mode, or ``length_ratio`` under ``summary_ratio`` (a parameter);
4. ``reordered``: ``order_inversions`` above ``REORDER_MIN_INVERSIONS``, or above 0 with the sentences
   intact (``kgram_overlap`` at least ``REORDER_INTACT_OVERLAP``);
5. ``synonym-substituted``: ``substituted`` at least ``SYNONYM_MIN_SUBSTITUTED``, ``indels`` at most
   ``SYNONYM_MAX_INDEL_SHARE`` of ``substituted``, ``length_ratio`` at least ``SYNONYM_MIN_RATIO`` (words
   exchanged in place, one for one, the text otherwise kept; whether the new words are synonyms is
   not checked, no lexicon is consulted);
6. ``lightly-edited`` when ``kgram_overlap`` is at least ``LIGHT_MIN_OVERLAP``, else ``heavily-edited``.
"""

from __future__ import annotations

from difflib import SequenceMatcher

import numpy as np

from comparators.fingerprint.tokens import kgram_hashes

CATEGORIES = ("verbatim", "lightly-edited", "heavily-edited", "reordered", "synonym-substituted",
              "script-converted", "summarised")

SCRIPT_MIN_DIFF = 0.05
VERBATIM_MIN = 0.97
REORDER_MIN_INVERSIONS = 0.15
REORDER_INTACT_OVERLAP = 0.9
SYNONYM_MIN_SUBSTITUTED = 0.01
SYNONYM_MAX_INDEL_SHARE = 0.25
SYNONYM_MIN_RATIO = 0.9
LIGHT_MIN_OVERLAP = 0.6
THRESHOLDS = {"script_min_diff": SCRIPT_MIN_DIFF, "verbatim_min": VERBATIM_MIN,
              "reorder_min_inversions": REORDER_MIN_INVERSIONS, "reorder_intact_overlap": REORDER_INTACT_OVERLAP,
              "synonym_min_substituted": SYNONYM_MIN_SUBSTITUTED,
              "synonym_max_indel_share": SYNONYM_MAX_INDEL_SHARE, "synonym_min_ratio": SYNONYM_MIN_RATIO,
              "light_min_overlap": LIGHT_MIN_OVERLAP}


def kgram_overlap(ids_a: np.ndarray, ids_b: np.ndarray, k: int = 4) -> float:
    """Share of the shorter side's distinct token k-grams found on the other side."""
    ga = np.unique(kgram_hashes(ids_a, k)) if len(ids_a) >= k else np.unique(ids_a)
    gb = np.unique(kgram_hashes(ids_b, k)) if len(ids_b) >= k else np.unique(ids_b)
    if ga.size == 0 or gb.size == 0:
        return 0.0
    return float(np.intersect1d(ga, gb, assume_unique=True).size / min(ga.size, gb.size))


def inversion_share(seeds_a: tuple[int, ...], seeds_b: tuple[int, ...]) -> float:
    """Share of consecutive seed pairs (ordered by A) that go backwards in B."""
    if len(seeds_a) < 2:
        return 0.0
    order = np.lexsort((np.array(seeds_b), np.array(seeds_a)))
    b = np.array(seeds_b)[order]
    return float((np.diff(b) < 0).mean())


def edit_shares(ids_a: np.ndarray, ids_b: np.ndarray) -> tuple[float, float]:
    """(substituted, indels) per token of A, from a token alignment of the two spans (module docstring)."""
    if len(ids_a) == 0:
        return 0.0, 0.0
    matcher = SequenceMatcher(None, ids_a.tolist(), ids_b.tolist(), autojunk=False)
    substituted = indels = 0
    for op, i0, i1, j0, j1 in matcher.get_opcodes():
        if op == "replace" and i1 - i0 == j1 - j0:
            substituted += i1 - i0
        elif op != "equal":
            indels += max(i1 - i0, j1 - j0)
    return substituted / len(ids_a), indels / len(ids_a)


def categorise(ids_a: np.ndarray, ids_b: np.ndarray, converted_a: float, converted_b: float,
               seeds_a: tuple[int, ...], seeds_b: tuple[int, ...], mode: str,
               summary_ratio: float = 0.6) -> tuple[str, dict[str, float]]:
    """Category of one passage pair and the measurements behind it (rules in the module docstring)."""
    la, lb = len(ids_a), len(ids_b)
    ratio = min(la, lb) / max(la, lb, 1)
    overlap = kgram_overlap(ids_a, ids_b)
    inversions = inversion_share(seeds_a, seeds_b)
    facts = {"length_ratio": round(ratio, 4), "kgram_overlap": round(overlap, 4),
             "order_inversions": round(inversions, 4),
             "converted_a": round(converted_a, 4), "converted_b": round(converted_b, 4)}
    if abs(converted_a - converted_b) >= SCRIPT_MIN_DIFF:
        return "script-converted", facts
    if overlap >= VERBATIM_MIN and ratio >= VERBATIM_MIN:
        return "verbatim", facts
    if mode == "summary" or ratio < summary_ratio:
        return "summarised", facts
    if inversions > REORDER_MIN_INVERSIONS or (inversions > 0 and overlap >= REORDER_INTACT_OVERLAP):
        return "reordered", facts
    substituted, indels = edit_shares(ids_a, ids_b)
    facts.update(substituted=round(substituted, 4), indels=round(indels, 4))
    if (substituted >= SYNONYM_MIN_SUBSTITUTED and indels <= SYNONYM_MAX_INDEL_SHARE * substituted
            and ratio >= SYNONYM_MIN_RATIO):
        return "synonym-substituted", facts
    return ("lightly-edited" if overlap >= LIGHT_MIN_OVERLAP else "heavily-edited"), facts
