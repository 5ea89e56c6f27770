"""Passage alignment between two texts, at sentence level, in the manner of the PAN systems.

1. **Seeding**: sentence pairs whose tf-idf cosine and unigram Dice coefficient both reach their
   thresholds (robust to word substitutions, insertions and deletions within a sentence); with
   ``best_only``, a pair seeds only when each sentence is (within 10 %) the other's best match,
   so a line that recurs in a work (a speaker's name, a refrain) does not stretch a passage.
2. **Extension** by clustering: seeds are grouped where they lie within ``gap`` sentences of each
   other in A, then in B, alternately until stable; order inside a group does not matter, so
   reordered sentences stay in one passage.
3. **Validation**: the passage pair (all sentences between the first and last seed on each side)
   must reach ``min_passage_sim``; a group that fails is re-clustered with a smaller gap.
4. **Conflicts**: passages overlapping in B keep the better one; passages adjacent on both sides
   are merged (one detection per copied passage: granularity close to 1).
5. **Segmentation**: a passage is cut wherever more than ``max_uncopied`` consecutive sentences
   inside it are not copied (a sentence is copied when it seeds or its cosine with some sentence
   of the other side's passage reaches ``copied_cosine``), in B always and in A for passages not
   summary-like (found in summary mode or B under ``SUMMARY_LIKE_RATIO`` of A: a summary leaves out sentences of its
   source by nature); each piece is its own passage, so separately copied passages are never
   joined over new text.
6. **Summary mode**: seeds spread far apart in A but close in B (a condensed retelling) are
   clustered with a wide gap in A and a narrow gap in B; such a passage is kept when B's side is
   clearly shorter than A's.

All functions are pure; inputs are a :class:`~comparators.text.vectors.SentenceSpace` and seed
index arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from comparators.text.vectors import SentenceSpace, passage_cosine

SUMMARY_LIKE_RATIO = 0.8  # B's side under this share of A's: A's omitted sentences do not cut the passage
NEAR_VERBATIM_SIM = 0.9  # passage cosine from which a standard passage is a near-verbatim copy


@dataclass(frozen=True)
class AlignParams:
    """Thresholds of the alignment (all visible in the comparator's params)."""

    seed_cosine: float = 0.33
    seed_dice: float = 0.33
    min_passage_sim: float = 0.34
    gap: int = 4
    merge_gap: int = 2
    summary_gap: int = 24
    summary_ratio: float = 0.6
    best_only: bool = True
    max_uncopied: int = 1
    copied_cosine: float = 0.2


@dataclass(frozen=True)
class Passage:
    """Aligned sentences ``[a0, a1)`` of A and ``[b0, b1)`` of B with their seeds (i, j)."""

    a0: int
    a1: int
    b0: int
    b1: int
    sim: float
    seeds_a: tuple[int, ...]
    seeds_b: tuple[int, ...]
    mode: str = "standard"


def seeds(space: SentenceSpace, params: AlignParams,
          min_units: int = 2) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence pairs (i in A, j in B) that seed passages, with their cosine."""
    cos = (space.a @ space.b.T).tocoo()
    empty = np.zeros(0, np.int64)
    if cos.nnz == 0:
        return empty, empty, np.zeros(0)
    keep = cos.data >= params.seed_cosine
    i, j, w = cos.row[keep].astype(np.int64), cos.col[keep].astype(np.int64), cos.data[keep]
    if i.size == 0:
        return i, j, w
    inter = np.asarray(space.a_bin[i].multiply(space.b_bin[j]).sum(axis=1)).ravel()
    size = space.a_size[i] + space.b_size[j]
    dice = np.where(size > 0, 2.0 * inter / np.maximum(size, 1), 0.0)
    ok = (dice >= params.seed_dice) & (space.a_size[i] >= min_units) & (space.b_size[j] >= min_units)
    order = np.lexsort((j[ok], i[ok]))
    return i[ok][order], j[ok][order], w[ok][order]


def best_per_b(i: np.ndarray, j: np.ndarray, w: np.ndarray, within: float = 0.9) -> np.ndarray:
    """Mask of seeds within ``within`` of the best cosine their B sentence reaches."""
    if i.size == 0:
        return np.zeros(0, bool)
    best = np.zeros(int(j.max()) + 1)
    np.maximum.at(best, j, w)
    return w >= within * best[j]


def _split(members: list[int], values: list[int], gap: int) -> list[list[int]]:
    """``members`` ordered by their ``values`` (stable) and cut where consecutive values differ
    by more than ``gap + 1``."""
    ordered = sorted(members, key=values.__getitem__)
    parts: list[list[int]] = []
    current: list[int] = []
    last = 0
    for m in ordered:
        v = values[m]
        if current and v - last > gap + 1:
            parts.append(current)
            current = []
        current.append(m)
        last = v
    parts.append(current)
    return parts


def cluster(i: np.ndarray, j: np.ndarray, gap_a: int, gap_b: int) -> list[np.ndarray]:
    """Seed groups close in both texts (split alternately on A and B until stable)."""
    il, jl = i.tolist(), j.tolist()
    pending = [list(range(len(il)))]
    done: list[list[int]] = []
    while pending:
        group = pending.pop()
        finer = [q for part in _split(group, il, gap_a) for q in _split(part, jl, gap_b)]
        if len(finer) == 1:
            done.append(sorted(finer[0]))
        else:
            pending.extend(finer)
    done.sort(key=lambda g: (min(jl[x] for x in g), min(il[x] for x in g)))
    return [np.array(g, dtype=np.intp) for g in done]


def _passage(space: SentenceSpace, i: np.ndarray, j: np.ndarray, mode: str) -> Passage:
    seeds_a, seeds_b = tuple(i.tolist()), tuple(j.tolist())
    a0, a1, b0, b1 = min(seeds_a), max(seeds_a) + 1, min(seeds_b), max(seeds_b) + 1
    return Passage(a0, a1, b0, b1, passage_cosine(space, a0, a1, b0, b1), seeds_a, seeds_b, mode)


def extend(space: SentenceSpace, i: np.ndarray, j: np.ndarray, gap_a: int, gap_b: int,
           min_sim: float, mode: str = "standard") -> list[Passage]:
    """Validated passages from seeds; failing groups are re-clustered with smaller gaps."""
    out: list[Passage] = []
    for group in cluster(i, j, gap_a, gap_b):
        p = _passage(space, i[group], j[group], mode)
        if p.sim >= min_sim:
            out.append(p)
        elif len(group) > 1 and (gap_a > 0 or gap_b > 0):
            narrower = _narrower(i[group], j[group], gap_a, gap_b)
            out.extend(extend(space, i[group], j[group], *narrower, min_sim, mode))
    return out


def _narrower(i: np.ndarray, j: np.ndarray, gap_a: int, gap_b: int) -> tuple[int, int]:
    """The gaps, each one smaller per step (down to 0), of the first step at which ``cluster``
    splits the seeds or both gaps are 0: at the steps before, every distance between consecutive
    seeds is still bridged in both texts, so they would only rebuild the same failing passage."""
    step_a = int(np.diff(np.sort(i)).max())
    step_b = int(np.diff(np.sort(j)).max())
    gap_a, gap_b = max(gap_a - 1, 0), max(gap_b - 1, 0)
    while (gap_a > 0 or gap_b > 0) and step_a <= gap_a + 1 and step_b <= gap_b + 1:
        gap_a, gap_b = max(gap_a - 1, 0), max(gap_b - 1, 0)
    return gap_a, gap_b


def _overlap(x0: int, x1: int, y0: int, y1: int) -> int:
    return max(0, min(x1, y1) - max(x0, y0))


def _quality(p: Passage) -> float:
    return p.sim * np.log1p((p.a1 - p.a0) + (p.b1 - p.b0))


def resolve_conflicts(passages: list[Passage], fixed: list[Passage] | None = None) -> list[Passage]:
    """Drop passages overlapping a better one in B (better: similarity weighted by length).

    ``fixed`` passages are kept first, whatever their quality.
    """
    kept: list[Passage] = list(fixed or [])
    for p in sorted(passages, key=lambda p: (-_quality(p), p.b0, p.a0)):
        if all(_overlap(p.b0, p.b1, q.b0, q.b1) == 0 for q in kept):
            kept.append(p)
    return sorted(kept, key=lambda p: (p.b0, p.a0))


def _gap(x0: int, x1: int, y0: int, y1: int) -> int:
    """Sentences between two ranges (0 when touching, negative when overlapping)."""
    return max(x0, y0) - min(x1, y1)


def merge_adjacent(space: SentenceSpace, passages: list[Passage], merge_gap: int, min_sim: float) -> list[Passage]:
    """Merge passages next to each other in B whose A sides are near (within the larger one's
    length: a shuffled passage comes back in pieces from all over its source), when the merged
    passage still validates."""
    items = sorted(passages, key=lambda p: (p.b0, p.a0))
    changed = True
    while changed and len(items) > 1:
        changed = False
        for k in range(len(items) - 1):
            p, q = items[k], items[k + 1]
            reach = max(merge_gap, p.a1 - p.a0, q.a1 - q.a0)
            if _gap(p.b0, p.b1, q.b0, q.b1) <= merge_gap and _gap(p.a0, p.a1, q.a0, q.a1) <= reach:
                i = np.array(p.seeds_a + q.seeds_a)
                j = np.array(p.seeds_b + q.seeds_b)
                mode = p.mode if p.mode == q.mode else "standard"
                merged = _passage(space, i, j, mode)
                if merged.sim >= min_sim:
                    items[k:k + 2] = [merged]
                    changed = True
                    break
    return items


def summaries(space: SentenceSpace, i: np.ndarray, j: np.ndarray, params: AlignParams,
              sent_len_a: np.ndarray, sent_len_b: np.ndarray) -> list[Passage]:
    """Summary-style passages: B condenses a long stretch of A (wide gap in A, narrow in B)."""
    out = []
    for p in extend(space, i, j, params.summary_gap, params.gap, params.min_passage_sim, "summary"):
        len_a = int(sent_len_a[p.a0:p.a1].sum())
        len_b = int(sent_len_b[p.b0:p.b1].sum())
        if len(p.seeds_a) >= 2 and len_b <= params.summary_ratio * len_a:
            out.append(p)
    return out


def align(space: SentenceSpace, params: AlignParams, sent_len_a: np.ndarray, sent_len_b: np.ndarray,
          min_units: int = 2) -> list[Passage]:
    """Aligned passages of two texts (see the module docstring)."""
    i, j, w = seeds(space, params, min_units)
    if i.size == 0:
        return []
    space.focus(int(i.min()), int(i.max()) + 1, int(j.min()), int(j.max()) + 1)
    best = best_per_b(i, j, w)
    if params.best_only:
        mutual = best & best_per_b(j, i, w)
        standard = extend(space, i[mutual], j[mutual], params.gap, params.gap, params.min_passage_sim)
    else:
        standard = extend(space, i, j, params.gap, params.gap, params.min_passage_sim)
    condensed = summaries(space, i[best], j[best], params, sent_len_a, sent_len_b)
    # A summary passage replaces the standard passages it contains in B when it explains more of A.
    # It never replaces near-verbatim passages that explain most of its B side (a verbatim copy is
    # not a summary of the sentences around its source that happen to share a few words with it).
    chosen: list[Passage] = []
    for s in condensed:
        inside = [p for p in standard if p.b0 >= s.b0 and p.b1 <= s.b1]
        covered_a = sum(p.a1 - p.a0 for p in inside)
        close_b = sum(p.b1 - p.b0 for p in inside if p.sim >= NEAR_VERBATIM_SIM)
        if (s.a1 - s.a0) > 1.5 * max(covered_a, 1) and close_b < 0.5 * (s.b1 - s.b0):
            chosen.append(s)
    passages = resolve_conflicts(standard, fixed=resolve_conflicts(chosen))
    merged = merge_adjacent(space, passages, params.merge_gap, params.min_passage_sim)
    return [q for p in merged for q in segment(space, p, params, summary_like(p, params, sent_len_a, sent_len_b))]


def summary_like(p: Passage, params: AlignParams, sent_len_a: np.ndarray, sent_len_b: np.ndarray) -> bool:
    """Whether ``p`` may be a condensed retelling: found in summary mode, or B's side shorter than
    ``SUMMARY_LIKE_RATIO`` of A's (in tokens)."""
    len_a = int(sent_len_a[p.a0:p.a1].sum())
    len_b = int(sent_len_b[p.b0:p.b1].sum())
    return p.mode == "summary" or len_b < SUMMARY_LIKE_RATIO * len_a


def copied_sentences(space: SentenceSpace, p: Passage, cosine: float) -> tuple[np.ndarray, np.ndarray]:
    """Which sentences of ``p`` (A ``[a0, a1)``, B ``[b0, b1)``) are copied: seeds, and sentences
    whose cosine with some sentence of the other side of the passage reaches ``cosine``."""
    cos = (space.a[p.a0:p.a1] @ space.b[p.b0:p.b1].T).toarray()
    copied_a = cos.max(axis=1, initial=0.0) >= cosine
    copied_b = cos.max(axis=0, initial=0.0) >= cosine
    copied_a[np.array(p.seeds_a) - p.a0] = True
    copied_b[np.array(p.seeds_b) - p.b0] = True
    return copied_a, copied_b


def cut_at_uncopied(positions: np.ndarray, copied: np.ndarray, offset: int, max_uncopied: int) -> list[np.ndarray]:
    """Indices into ``positions`` (sentence numbers, ``copied`` flags start at sentence ``offset``),
    ordered by position, cut wherever more than ``max_uncopied`` uncopied sentences lie between
    consecutive positions."""
    order = np.argsort(positions, kind="stable")
    uncopied_before = np.concatenate(([0], np.cumsum(~copied)))  # uncopied sentences in [0, k) of the passage
    local = positions[order] - offset
    between = uncopied_before[local[1:]] - uncopied_before[local[:-1] + 1]
    cuts = np.flatnonzero(between > max_uncopied) + 1
    return np.split(order, cuts)


def segment(space: SentenceSpace, p: Passage, params: AlignParams, summary: bool) -> list[Passage]:
    """``p`` cut into pieces that never span more than ``params.max_uncopied`` consecutive
    uncopied sentences (in B, and in A unless ``summary``); see the module docstring."""
    max_uncopied = params.max_uncopied
    copied_a, copied_b = copied_sentences(space, p, params.copied_cosine)
    i, j = np.array(p.seeds_a), np.array(p.seeds_b)
    groups = [np.arange(len(i))]
    while True:
        finer = [g[k] for g in groups for k in cut_at_uncopied(j[g], copied_b, p.b0, max_uncopied)]
        if not summary:
            finer = [g[k] for g in finer for k in cut_at_uncopied(i[g], copied_a, p.a0, max_uncopied)]
        if len(finer) == len(groups):
            break
        groups = finer
    if len(groups) == 1:
        return [p]
    pieces = [_passage(space, i[g], j[g], p.mode) for g in groups]
    return sorted(pieces, key=lambda q: (q.b0, q.a0))
