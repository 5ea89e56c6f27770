"""From landmark matches to aligned segments: time factor, pitch shift and offset by voting.

Matches that belong to one copy agree on a pitch shift (B anchor bin minus A anchor bin), a time
factor (B span over A span) and, given the factor, an offset (B time minus factor times A time).
Votes are counted on a (pitch, log factor) grid; for the strongest cells, the offsets of their
matches are counted in turn, the matches at the winning offset are the inliers, and a least-
squares fit of B time on A time over them gives the factor and offset precisely. Inliers are cut
into segments where A's anchor times leave a gap. The inliers of an accepted alignment are
removed and the rest searched again (a sample used twice, two excerpts). Pure functions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from comparators.audio.landmarks import BINS_PER_OCTAVE, Matches

PITCH_RANGE = 60  # bins (15 semitones) either way
LOG_SCALE_STEP = 0.02
LOG_SCALE_RANGE = 0.3  # factors 0.74 .. 1.35
OFFSET_TOLERANCE = 3.0  # frames
GAP_FRAMES = 260  # 6 s without an inlier ends a segment


@dataclass(frozen=True)
class Segment:
    """One aligned stretch: A frames [a_start, a_end] map to B by ``t_b = factor * t_a + offset``.

    It starts at the first inlier's anchor and ends at the last peak an inlier hash reaches.
    """

    a_start: float
    a_end: float
    b_start: float
    b_end: float
    factor: float  # B seconds per A second
    offset: float  # frames
    pitch: float  # semitones, B relative to A
    hits: int
    index_a: np.ndarray  # inlier hashes of A (into A's landmarks)


def alignments(m: Matches, min_hits: int = 8, max_alignments: int = 3, candidates: int = 4) -> list[Segment]:
    """Up to ``max_alignments`` alignments (each cut into segments), strongest first."""
    out: list[Segment] = []
    alive = np.ones(len(m.t_a), bool)
    for _ in range(max_alignments):
        found = _best_alignment(m, alive, min_hits, candidates)
        if found is None:
            break
        inliers, factor, offset, pitch = found
        alive[inliers] = False
        out += _segments(m, inliers, factor, offset, pitch, min_hits)
    return sorted(out, key=lambda s: (-s.hits, s.a_start))


def _best_alignment(m: Matches, alive: np.ndarray, min_hits: int,
                    candidates: int) -> tuple[np.ndarray, float, float, float] | None:
    idx = np.nonzero(alive & (np.abs(m.f_b - m.f_a) <= PITCH_RANGE) & (np.abs(m.log_scale) <= LOG_SCALE_RANGE))[0]
    if len(idx) < min_hits:
        return None
    dp = m.f_b[idx] - m.f_a[idx]
    ls = m.log_scale[idx]
    p_bin = np.round(dp).astype(np.int64) + PITCH_RANGE
    s_bin = np.round((ls + LOG_SCALE_RANGE) / LOG_SCALE_STEP).astype(np.int64)
    n_s = int(round(2 * LOG_SCALE_RANGE / LOG_SCALE_STEP)) + 1
    grid = np.zeros((2 * PITCH_RANGE + 1, n_s))
    np.add.at(grid, (p_bin, s_bin), 1.0)
    smooth = grid.copy()
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dy or dx:
                smooth += np.roll(np.roll(grid, dy, 0), dx, 1)
    best: tuple[np.ndarray, float, float, float] | None = None
    for cell in np.argsort(-smooth, axis=None, kind="stable")[:candidates]:
        pc, sc = np.unravel_index(cell, smooth.shape)
        near = idx[(np.abs(p_bin - pc) <= 1) & (np.abs(s_bin - sc) <= 1)]
        if len(near) < min_hits:
            continue
        factor = float(np.exp(np.median(m.log_scale[near])))
        offsets = m.t_b[near] - factor * m.t_a[near]
        o_bins = np.round(offsets / 2.0).astype(np.int64)
        counts = np.bincount(o_bins - o_bins.min())
        window = np.convolve(counts, np.ones(3), mode="same")  # adjacent 2-frame bins count together
        centre = (int(np.argmax(window)) + int(o_bins.min())) * 2.0
        o0 = float(np.median(offsets[np.abs(offsets - centre) <= 3.0]))
        inl = near[np.abs(offsets - o0) <= OFFSET_TOLERANCE * 2]
        for _ in range(2):  # refine the factor and offset on the inliers, then re-select
            if len(inl) < min_hits:
                break
            factor, offset = _fit(m.t_a[inl], m.t_b[inl], factor)
            resid = np.abs(m.t_b[near] - (factor * m.t_a[near] + offset))
            inl = near[resid <= OFFSET_TOLERANCE]
        if len(inl) < min_hits:
            continue
        if best is None or len(inl) > len(best[0]):
            pitch = float(np.mean(m.f_b[inl] - m.f_a[inl])) * 12.0 / BINS_PER_OCTAVE
            best = (inl, factor, offset, pitch)
    return best


def _fit(t_a: np.ndarray, t_b: np.ndarray, prior: float) -> tuple[float, float]:
    """Least-squares ``t_b = factor * t_a + offset``; the prior factor when A's times span too little."""
    if np.ptp(t_a) < 20:
        return prior, float(np.median(t_b - prior * t_a))
    factor, offset = np.polyfit(t_a, t_b, 1)
    if not 0.5 < factor < 2.0:
        return prior, float(np.median(t_b - prior * t_a))
    return float(factor), float(offset)


def _segments(m: Matches, inliers: np.ndarray, factor: float, offset: float, pitch: float,
              min_hits: int) -> list[Segment]:
    order = inliers[np.argsort(m.t_a[inliers], kind="stable")]
    t = m.t_a[order]
    cuts = np.nonzero(np.diff(t) > GAP_FRAMES)[0] + 1
    out = []
    for part in np.split(order, cuts):
        if len(part) < min_hits:
            continue
        a0, a1 = float(m.t_a[part].min()), float((m.t_a[part] + m.span_a[part]).max())
        if a1 - a0 < 10:  # under a quarter second: not a passage
            continue
        out.append(Segment(a0, a1, factor * a0 + offset, factor * a1 + offset, factor, offset, pitch, len(part),
                           m.index_a[part]))
    return out
