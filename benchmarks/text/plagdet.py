"""PAN text-alignment measures (Potthast et al., COLING 2010): precision, recall, granularity, PlagDet.

A *case* s (what the generator copied) and a *detection* r (what a tool reports) are each a
pair of character ranges, one in document A (source) and one in document B (suspicious),
read as the set of characters they cover on both documents (A and B characters distinct,
so ``|s| = len(A range) + len(B range)``). Following PAN, r *detects* s when they overlap in
both documents, and ``s ⊓ r = s ∩ r`` if r detects s, else the empty set. Cases and
detections of a whole corpus are pooled; a detection only meets cases of its own pair.

- macro (PAN's headline, BENCHMARKS.md): precision = mean over r of ``|∪_s (s ⊓ r)| / |r|``;
  recall = mean over s of ``|∪_r (s ⊓ r)| / |s|``;
- micro: precision = ``|∪_{s,r} (s ⊓ r)| / |∪ r|``; recall = ``|∪_{s,r} (s ⊓ r)| / |∪ s|``
  (unions per document pair, characters then summed over pairs);
- granularity = mean over detected cases of the number of detections that detect them (1
  when no case is detected); PlagDet = F1 / log2(1 + granularity).

Without detections precision is undefined and reported as 0 with ``precision_defined``
False (likewise recall without cases). A detection or case covering no character adds 0 to
the mean it belongs to. All set sizes are computed with interval arithmetic in numpy.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

Range4 = tuple[int, int, int, int]  # (a_start, a_end, b_start, b_end), end exclusive


@dataclass(frozen=True)
class Spans:
    """Cases or detections of a corpus: one row per span, ``pair`` says which document pair."""

    pair: np.ndarray
    a_start: np.ndarray
    a_end: np.ndarray
    b_start: np.ndarray
    b_end: np.ndarray

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[int, int, int, int, int]]) -> Spans:
        """Spans from ``(pair, a_start, a_end, b_start, b_end)`` rows."""
        arr = np.array(list(rows), dtype=np.int64).reshape(-1, 5)
        return cls(*(np.ascontiguousarray(arr[:, i]) for i in range(5)))

    @classmethod
    def of_pairs(cls, per_pair: Sequence[Sequence[Range4]]) -> Spans:
        """Spans from one list of ranges per pair (pair number = list position)."""
        return cls.from_rows((p, *r) for p, ranges in enumerate(per_pair) for r in ranges)

    def __len__(self) -> int:
        return int(self.pair.shape[0])

    def sizes(self) -> np.ndarray:
        """Characters of each span (A side + B side)."""
        return np.maximum(self.a_end - self.a_start, 0) + np.maximum(self.b_end - self.b_start, 0)

    def select(self, mask: np.ndarray) -> Spans:
        """The spans where ``mask`` is true."""
        return Spans(self.pair[mask], self.a_start[mask], self.a_end[mask], self.b_start[mask], self.b_end[mask])

    def in_pairs(self, pairs: np.ndarray) -> Spans:
        """The spans whose pair number is in ``pairs``."""
        return self.select(np.isin(self.pair, pairs))


@dataclass(frozen=True)
class Alignment:
    """PAN measures of a set of detections against a set of cases."""

    precision: float
    recall: float
    granularity: float
    cases: int
    detections: int
    detected_cases: int
    precision_defined: bool
    recall_defined: bool

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (0 when both are 0)."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r > 0 else 0.0

    @property
    def plagdet(self) -> float:
        """F1 / log2(1 + granularity)."""
        return self.f1 / math.log2(1 + self.granularity)


def union_lengths(group: np.ndarray, start: np.ndarray, end: np.ndarray, n_groups: int) -> np.ndarray:
    """Length of the union of the intervals ``[start, end)`` of each group (``int64[n_groups]``)."""
    keep = end > start
    if not np.any(keep):
        return np.zeros(n_groups, dtype=np.int64)
    g, s, e = group[keep].astype(np.int64), start[keep].astype(np.int64), end[keep].astype(np.int64)
    order = np.lexsort((s, g))
    g, s, e = g[order], s[order], e[order]
    # Lay the groups end to end on one line, so a running maximum never crosses a group.
    base = s.min()
    span = int(e.max() - base) + 1
    s, e = s - base + g * span, e - base + g * span
    covered_before = np.concatenate(([s[0]], np.maximum.accumulate(e)[:-1]))
    new = np.maximum(0, e - np.maximum(s, covered_before))
    return np.rint(np.bincount(g, weights=new, minlength=n_groups)).astype(np.int64)


def _same_pair(cases: Spans, detections: Spans) -> tuple[np.ndarray, np.ndarray]:
    """(case index, detection index) of every case/detection combination within a pair."""
    if not len(cases) or not len(detections):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    order = np.argsort(detections.pair, kind="stable")
    sorted_pairs = detections.pair[order]
    lo = np.searchsorted(sorted_pairs, cases.pair, side="left")
    counts = np.searchsorted(sorted_pairs, cases.pair, side="right") - lo
    ci = np.repeat(np.arange(len(cases)), counts)
    within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return ci, order[np.repeat(lo, counts) + within]


@dataclass(frozen=True)
class _Hits:
    """Case/detection combinations where the detection detects the case, with their intersections."""

    case: np.ndarray
    det: np.ndarray
    pair: np.ndarray
    a_start: np.ndarray
    a_end: np.ndarray
    b_start: np.ndarray
    b_end: np.ndarray


def _hits(cases: Spans, detections: Spans) -> _Hits:
    """Every (s, r) with r detecting s (overlap in both documents) and ``s ∩ r`` on each side."""
    ci, ri = _same_pair(cases, detections)
    a0 = np.maximum(cases.a_start[ci], detections.a_start[ri])
    a1 = np.minimum(cases.a_end[ci], detections.a_end[ri])
    b0 = np.maximum(cases.b_start[ci], detections.b_start[ri])
    b1 = np.minimum(cases.b_end[ci], detections.b_end[ri])
    ok = (a1 > a0) & (b1 > b0)
    return _Hits(ci[ok], ri[ok], cases.pair[ci[ok]], a0[ok], a1[ok], b0[ok], b1[ok])


def _union_both_sides(hits: _Hits, group: np.ndarray, n_groups: int) -> np.ndarray:
    """Characters of the union of the intersections of each group, A side plus B side."""
    return (union_lengths(group, hits.a_start, hits.a_end, n_groups)
            + union_lengths(group, hits.b_start, hits.b_end, n_groups))


def _mean_share(covered: np.ndarray, sizes: np.ndarray) -> float:
    """Mean of ``covered / sizes`` (0 where a size is 0); 0 for no rows."""
    if not sizes.size:
        return 0.0
    share = np.divide(covered, sizes, out=np.zeros(sizes.shape, dtype=float), where=sizes > 0)
    return float(share.mean())


def _granularity(hits: _Hits, n_cases: int) -> tuple[float, int]:
    """(mean detections per detected case or 1, number of detected cases)."""
    per_case = np.bincount(hits.case, minlength=n_cases) if n_cases else np.zeros(0, dtype=np.int64)
    detected = per_case > 0
    n_detected = int(detected.sum())
    return (float(per_case[detected].mean()) if n_detected else 1.0), n_detected


def macro(cases: Spans, detections: Spans) -> Alignment:
    """PAN's macro-averaged precision and recall, with granularity."""
    hits = _hits(cases, detections)
    precision = _mean_share(_union_both_sides(hits, hits.det, len(detections)), detections.sizes())
    recall = _mean_share(_union_both_sides(hits, hits.case, len(cases)), cases.sizes())
    granularity, detected = _granularity(hits, len(cases))
    return Alignment(precision, recall, granularity, len(cases), len(detections), detected,
                     len(detections) > 0, len(cases) > 0)


def _pair_union(spans: Spans | _Hits, n_pairs: int) -> int:
    """Characters covered by ``spans``, union per pair and side, summed."""
    return int(union_lengths(spans.pair, spans.a_start, spans.a_end, n_pairs).sum()
               + union_lengths(spans.pair, spans.b_start, spans.b_end, n_pairs).sum())


def micro(cases: Spans, detections: Spans) -> Alignment:
    """PAN's micro-averaged precision and recall (character counts pooled), with granularity."""
    hits = _hits(cases, detections)
    n_pairs = int(max(cases.pair.max(initial=-1), detections.pair.max(initial=-1))) + 1
    found = _pair_union(hits, n_pairs)
    detected_chars, case_chars = _pair_union(detections, n_pairs), _pair_union(cases, n_pairs)
    precision = found / detected_chars if detected_chars else 0.0
    recall = found / case_chars if case_chars else 0.0
    granularity, detected = _granularity(hits, len(cases))
    return Alignment(precision, recall, granularity, len(cases), len(detections), detected,
                     len(detections) > 0, len(cases) > 0)


def per_pair_macro(cases: Spans, detections: Spans, n_pairs: int) -> list[Alignment]:
    """Macro measures of each pair on its own (for per-pair debugging dumps)."""
    hits = _hits(cases, detections)
    det_cover = _union_both_sides(hits, hits.det, len(detections))
    case_cover = _union_both_sides(hits, hits.case, len(cases))
    det_share = np.divide(det_cover, detections.sizes(), out=np.zeros(len(detections)),
                          where=detections.sizes() > 0)
    case_share = np.divide(case_cover, cases.sizes(), out=np.zeros(len(cases)), where=cases.sizes() > 0)
    n_det = np.bincount(detections.pair, minlength=n_pairs)
    n_case = np.bincount(cases.pair, minlength=n_pairs)
    precision = np.bincount(detections.pair, weights=det_share, minlength=n_pairs)
    recall = np.bincount(cases.pair, weights=case_share, minlength=n_pairs)
    per_case = np.bincount(hits.case, minlength=len(cases))
    detected = per_case > 0
    gran_sum = np.bincount(cases.pair[detected], weights=per_case[detected], minlength=n_pairs)
    n_detected = np.bincount(cases.pair[detected], minlength=n_pairs)
    out = []
    for p in range(n_pairs):
        out.append(Alignment(
            precision=float(precision[p] / n_det[p]) if n_det[p] else 0.0,
            recall=float(recall[p] / n_case[p]) if n_case[p] else 0.0,
            granularity=float(gran_sum[p] / n_detected[p]) if n_detected[p] else 1.0,
            cases=int(n_case[p]), detections=int(n_det[p]), detected_cases=int(n_detected[p]),
            precision_defined=bool(n_det[p]), recall_defined=bool(n_case[p])))
    return out
