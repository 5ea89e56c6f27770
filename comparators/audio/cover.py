"""Is B a version of musical work A: beat-synchronous chroma, key transposition, local alignment.

1. **Features**: a 12-bin chroma (from the CQT, its harmonic part by median-filter separation) averaged between
   beats (``librosa.beat.beat_track``), so a performance at another tempo gives the same sequence;
   every beat vector is normalised to unit length (loudness does not count).
2. **Key**: the optimal transposition index (OTI, Serrà et al. 2008): the circular shift of B's
   global chroma profile that best matches A's; the two best shifts are tried.
3. **Cross-recurrence**: beat i of A and beat j of B (after transposition) *recur* when each is among
   the other's nearest neighbours (``KAPPA`` of the other sequence, on short embedded windows of
   ``EMBED`` beats, so single chords do not match by accident).
4. **Qmax** (Serrà et al. 2009): local alignment over the binary cross-recurrence matrix that allows
   tempo deviations (steps (1,1), (1,2), (2,1)) and short gaps with penalties; the best path gives
   the matching sections in both pieces and its length is the evidence.

Pure functions of arrays (numba for the alignment loop).
"""

from __future__ import annotations

from dataclasses import dataclass

import numba
import numpy as np

HOP = 512  # at the analysis rate (46 ms)
EMBED = 4  # beats per embedded window
KAPPA = 0.1  # share of nearest neighbours that recur
GAP_OPEN = 5.0
GAP_EXTEND = 0.5


@dataclass(frozen=True)
class BeatChroma:
    """Chroma per beat (12 x beats) and the beat times in seconds (beats + 1 edges)."""

    chroma: np.ndarray
    edges: np.ndarray

    @property
    def beats(self) -> int:
        return self.chroma.shape[1]


def beat_chroma(samples: np.ndarray, rate: int) -> BeatChroma:
    """Beat-synchronous, unit-length chroma of a mono signal."""
    import librosa

    y = samples.astype(np.float32)
    cqt = np.abs(librosa.cqt(y, sr=rate, hop_length=HOP, bins_per_octave=36, n_bins=36 * 7))
    harmonic, _ = librosa.decompose.hpss(cqt, margin=2.0)  # on the CQT: a fraction of an STFT's cost
    chroma = librosa.feature.chroma_cqt(C=harmonic, sr=rate, hop_length=HOP, bins_per_octave=36)
    _, beats = librosa.beat.beat_track(y=y, sr=rate, hop_length=HOP, trim=False)
    frames = chroma.shape[1]
    beats = np.unique(np.clip(np.asarray(beats, int), 0, frames))
    if len(beats) < 8:  # no steady beat (speech, free rhythm): half-second frames instead
        beats = np.arange(0, frames, max(1, int(round(0.5 * rate / HOP))))
    edges = np.unique(np.r_[0, beats, frames])
    synced = np.add.reduceat(chroma, edges[:-1], axis=1) / np.maximum(np.diff(edges), 1)[None, :]
    synced = synced / np.maximum(np.linalg.norm(synced, axis=0, keepdims=True), 1e-9)
    times = edges * HOP / float(rate)
    return BeatChroma(synced.astype(np.float32), times.astype(np.float64))


def transpositions(a: np.ndarray, b: np.ndarray, keep: int = 2) -> list[int]:
    """The ``keep`` best circular shifts of B's chroma onto A's (optimal transposition index first)."""
    ga, gb = a.sum(axis=1), b.sum(axis=1)
    ga, gb = ga / max(ga.max(), 1e-9), gb / max(gb.max(), 1e-9)
    fit = np.array([float(np.dot(ga, np.roll(gb, k))) for k in range(12)])
    return [int(k) for k in np.argsort(-fit, kind="stable")[:keep]]


def _embed(x: np.ndarray) -> np.ndarray:
    """(beats - EMBED + 1, 12 * EMBED) windows of consecutive beats, unit length."""
    n = x.shape[1] - EMBED + 1
    if n <= 0:
        return np.zeros((0, 12 * EMBED), np.float32)
    win = np.stack([x[:, i:i + n] for i in range(EMBED)], axis=0).transpose(2, 0, 1).reshape(n, -1)
    return win / np.maximum(np.linalg.norm(win, axis=1, keepdims=True), 1e-9)


def cross_recurrence(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Binary matrix (windows of A x windows of B): mutual nearest neighbours."""
    ea, eb = _embed(a), _embed(b)
    if not len(ea) or not len(eb):
        return np.zeros((len(ea), len(eb)), bool)
    d = 1.0 - ea @ eb.T
    ka = max(1, int(round(KAPPA * d.shape[1])))
    kb = max(1, int(round(KAPPA * d.shape[0])))
    row = d <= np.partition(d, ka - 1, axis=1)[:, ka - 1:ka]
    col = d <= np.partition(d, kb - 1, axis=0)[kb - 1:kb, :]
    return row & col & (d < 0.5)


@numba.njit(cache=True)
def _qmax(crp: np.ndarray, gap_open: float, gap_extend: float) -> np.ndarray:  # pragma: no cover - compiled
    n, m = crp.shape
    q = np.zeros((n + 2, m + 2))
    for i in range(2, n + 2):
        for j in range(2, m + 2):
            a = q[i - 1, j - 1]
            b = q[i - 2, j - 1]
            c = q[i - 1, j - 2]
            best = max(a, max(b, c))
            if crp[i - 2, j - 2]:
                q[i, j] = best + 1.0
            else:
                # opening a gap right after a recurring cell costs more than extending one
                pen_a = gap_open if (i >= 3 and j >= 3 and crp[i - 3, j - 3]) else gap_extend
                pen_b = gap_open if (i >= 4 and j >= 3 and crp[i - 4, j - 3]) else gap_extend
                pen_c = gap_open if (i >= 3 and j >= 4 and crp[i - 3, j - 4]) else gap_extend
                q[i, j] = max(0.0, max(a - pen_a, max(b - pen_b, c - pen_c)))
    return q[2:, 2:]


@dataclass(frozen=True)
class Section:
    """The best local alignment: beat windows [a0, a1] of A and [b0, b1] of B, its Qmax and shift."""

    a0: int
    a1: int
    b0: int
    b1: int
    qmax: float
    shift: int  # semitones B was shifted by (B's key relative to A = -shift mod 12)
    recurrence: float  # share of the path's cells that recur


def best_section(a: BeatChroma, b: BeatChroma) -> Section | None:
    """The highest-scoring local alignment over the two best transpositions."""
    best: Section | None = None
    for shift in transpositions(a.chroma, b.chroma):
        crp = cross_recurrence(a.chroma, np.roll(b.chroma, shift, axis=0))
        if crp.size == 0 or not crp.any():
            continue
        q = _qmax(np.ascontiguousarray(crp), GAP_OPEN, GAP_EXTEND)
        end = np.unravel_index(int(np.argmax(q)), q.shape)
        value = float(q[end])
        if value <= 0:
            continue
        a0, b0, hits, steps = _trace(q, crp, int(end[0]), int(end[1]))
        section = Section(a0, int(end[0]) + EMBED - 1, b0, int(end[1]) + EMBED - 1, value, shift,
                          hits / max(1, steps))
        if best is None or section.qmax > best.qmax:
            best = section
    return best


def _trace(q: np.ndarray, crp: np.ndarray, i: int, j: int) -> tuple[int, int, int, int]:
    """Walk back from (i, j) along the best predecessors until the score falls to zero."""
    hits = steps = 0
    while i >= 0 and j >= 0 and q[i, j] > 0:
        steps += 1
        hits += int(crp[i, j])
        options = [(q[i - 1, j - 1] if i >= 1 and j >= 1 else -1.0, i - 1, j - 1),
                   (q[i - 2, j - 1] if i >= 2 and j >= 1 else -1.0, i - 2, j - 1),
                   (q[i - 1, j - 2] if i >= 1 and j >= 2 else -1.0, i - 1, j - 2)]
        value, ni, nj = max(options)
        if value <= 0:
            break
        i, j = ni, nj
    return max(i, 0), max(j, 0), hits, steps
