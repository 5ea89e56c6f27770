"""Landmark fingerprints of a recording that survive pitch shifts and speed or tempo changes.

1. **Spectrogram** on a logarithmic frequency axis (``BINS_PER_OCTAVE`` bins per octave between
   ``FMIN`` and ``FMAX``): a pitch shift, and the pitch change of a speed change, move every
   peak by the same number of bins.
2. **Peaks**: local maxima of the log spectrogram that stand out from their neighbourhood, the
   ``PEAKS_PER_SECOND`` most prominent per second (a density that does not depend on loudness).
3. **Triplet hashes** (after Sonnleitner and Widmer's quad hashes, reduced to three peaks): an
   anchor peak and two later peaks near it. The hash keeps the two frequency *differences* (a
   pitch shift adds the same amount to every peak, so differences are unchanged), the *ratio* of
   the two time differences (a tempo or speed change scales every time difference by one factor,
   so ratios are unchanged) and the longer time difference on a coarse log scale (looked up in
   the neighbouring cells too, so speed changes within about ±15 % still meet). Each hash keeps
   its anchor's time and frequency and the longer time difference, so a match tells the time
   factor, the pitch shift and the offset of the alignment it supports.

Pure functions of arrays; :mod:`.align` turns matches into aligned segments.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import ndimage

RATE = 11025  # analysis sample rate (Hz)
N_FFT = 2048
HOP = 256  # frame = 23.2 ms
FMIN, FMAX = 110.0, 5000.0
BINS_PER_OCTAVE = 48  # quarter semitones
PEAKS_PER_SECOND = 50
TARGETS = 5  # later peaks paired with each anchor
MIN_DT, MAX_DT = 2, 64  # frames between the anchor and a target (46 ms .. 1.5 s)
MAX_DF = 36  # bins between the anchor and a target (9 semitones)
DF_STEP = 2  # frequency differences are hashed in half semitones
RATIO_BINS = 12
LOG_DT_STEP = float(np.log(1.15))
LOG_DT_CELLS = 32
SCHEME = (f"triplet-v1 sr{RATE} fft{N_FFT} hop{HOP} {BINS_PER_OCTAVE}/oct {FMIN:g}-{FMAX:g}Hz "
          f"peaks{PEAKS_PER_SECOND}/s targets{TARGETS} dt{MIN_DT}-{MAX_DT} df{MAX_DF}/{DF_STEP} "
          f"ratio{RATIO_BINS} logdt1.15")


@dataclass(frozen=True)
class Landmarks:
    """Hashes of one recording with their anchors (arrays of equal length, sorted by key)."""

    keys: np.ndarray  # int64 hash key (see :func:`hash_key`)
    times: np.ndarray  # int32 anchor frame
    freqs: np.ndarray  # int16 anchor bin
    spans: np.ndarray  # int16 frames from the anchor to the later target
    frames: int  # length of the recording in frames

    def __len__(self) -> int:
        return len(self.keys)


def frame_seconds() -> float:
    return HOP / float(RATE)


def log_spectrogram(samples: np.ndarray) -> np.ndarray:
    """(bins, frames) magnitude in dB on the log-frequency axis."""
    import librosa

    mag = np.abs(librosa.stft(samples.astype(np.float32), n_fft=N_FFT, hop_length=HOP, center=True))
    return 20.0 * np.log10(_log_filterbank() @ mag + 1e-6)


def _log_filterbank() -> np.ndarray:
    """Triangular filters from linear FFT bins to log-spaced bins (at least one FFT bin wide)."""
    n_bins = int(np.floor(BINS_PER_OCTAVE * np.log2(FMAX / FMIN))) + 1
    centres = FMIN * 2.0 ** (np.arange(n_bins) / BINS_PER_OCTAVE)
    fft_freqs = np.arange(N_FFT // 2 + 1) * RATE / N_FFT
    width = np.maximum(centres * (2.0 ** (1.0 / BINS_PER_OCTAVE) - 1.0), RATE / N_FFT)
    weights = np.maximum(0.0, 1.0 - np.abs(fft_freqs[None, :] - centres[:, None]) / width[:, None])
    return (weights / np.maximum(weights.sum(axis=1, keepdims=True), 1e-9)).astype(np.float32)


def peaks(spec: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(frames, bins) of prominent local maxima, about ``PEAKS_PER_SECOND`` per second, time-ordered."""
    local = ndimage.maximum_filter(spec, size=(9, 7), mode="nearest")
    background = ndimage.uniform_filter(spec, size=(41, 43), mode="nearest")
    prominence = spec - background
    is_peak = (spec >= local) & (prominence > 3.0) & (spec > spec.max() - 80.0)
    f, t = np.nonzero(is_peak)
    if not len(t):
        return np.zeros(0, np.int32), np.zeros(0, np.int16)
    strength = prominence[f, t]
    per_block = max(1, int(round(PEAKS_PER_SECOND * 2.0)))  # per 2-second block
    block = t // int(round(2.0 * RATE / HOP))
    order = np.lexsort((-strength, block))
    rank = np.arange(len(order)) - np.searchsorted(block[order], block[order], side="left")
    keep = np.sort(order[rank < per_block])
    keep = keep[np.lexsort((f[keep], t[keep]))]
    return t[keep].astype(np.int32), f[keep].astype(np.int16)


def hash_key(d2: np.ndarray, d3: np.ndarray, ratio: np.ndarray, log_dt: np.ndarray) -> np.ndarray:
    """The integer key of triplets: frequency differences, time ratio, coarse log time span."""
    half = MAX_DF // DF_STEP
    q2 = np.floor_divide(d2, DF_STEP) + half
    q3 = np.floor_divide(d3, DF_STEP) + half
    code = (q2.astype(np.int64) * (2 * half + 1) + q3) * RATIO_BINS + ratio
    return code * LOG_DT_CELLS + log_dt


def triplets(times: np.ndarray, freqs: np.ndarray, frames: int) -> Landmarks:
    """Triplet hashes of the peaks (anchors in time order), sorted by key."""
    n = len(times)
    rows_i, rows_j, rows_k = [], [], []
    for i in range(n):
        lo = np.searchsorted(times, times[i] + MIN_DT, side="left")
        hi = np.searchsorted(times, times[i] + MAX_DT, side="right")
        cand = np.arange(lo, hi)
        cand = cand[np.abs(freqs[cand].astype(np.int32) - int(freqs[i])) <= MAX_DF][:TARGETS]
        for a in range(len(cand)):
            for b in range(a + 1, len(cand)):
                if times[cand[b]] - times[cand[a]] >= 1:
                    rows_i.append(i)
                    rows_j.append(cand[a])
                    rows_k.append(cand[b])
    if not rows_i:
        empty = np.zeros(0, np.int64)
        return Landmarks(empty, empty.astype(np.int32), empty.astype(np.int16), empty.astype(np.int16), frames)
    i, j, k = np.array(rows_i), np.array(rows_j), np.array(rows_k)
    t1, t2, t3 = times[i].astype(np.int64), times[j].astype(np.int64), times[k].astype(np.int64)
    f1 = freqs[i].astype(np.int64)
    span = t3 - t1
    ratio = np.minimum(((t2 - t1) * RATIO_BINS) // span, RATIO_BINS - 1)
    log_dt = np.clip(np.floor(np.log(span) / LOG_DT_STEP).astype(np.int64), 0, LOG_DT_CELLS - 1)
    keys = hash_key(freqs[j].astype(np.int64) - f1, freqs[k].astype(np.int64) - f1, ratio, log_dt)
    order = np.argsort(keys, kind="stable")
    return Landmarks(keys[order], t1[order].astype(np.int32), f1[order].astype(np.int16),
                     span[order].astype(np.int16), frames)


def fingerprint(samples: np.ndarray) -> Landmarks:
    """Landmarks of a mono signal at :data:`RATE`."""
    spec = log_spectrogram(samples)
    t, f = peaks(spec)
    return triplets(t, f, spec.shape[1])


@dataclass(frozen=True)
class Matches:
    """Hash matches between A and B: anchors on both sides and the factor each implies."""

    t_a: np.ndarray  # frames
    t_b: np.ndarray
    f_a: np.ndarray  # bins
    f_b: np.ndarray
    log_scale: np.ndarray  # log of (B span / A span): time factor of B relative to A
    span_a: np.ndarray  # frames from A's anchor to its last peak (how far the match reaches)
    index_a: np.ndarray  # into A's landmarks
    common: int  # hashes of A skipped as too frequent in A (loops, sustained tones)


def match(a: Landmarks, b: Landmarks, max_per_key: int = 40, exclude_a: np.ndarray | None = None) -> Matches:
    """Every pair of equal keys (B's coarse log span looked up at ±1 cell), except keys occurring
    more than ``max_per_key`` times in A (a repeated loop or a held tone says nothing about copying)
    and A hashes marked in ``exclude_a``."""
    keys_a, counts = np.unique(a.keys, return_counts=True)
    frequent = keys_a[counts > max_per_key]
    common = int(counts[counts > max_per_key].sum())
    ia_all, ib_all = [], []
    for shift in (-1, 0, 1):
        q = b.keys + shift
        ok = (np.mod(b.keys, LOG_DT_CELLS) + shift >= 0) & (np.mod(b.keys, LOG_DT_CELLS) + shift < LOG_DT_CELLS)
        q, ib = q[ok], np.nonzero(ok)[0]
        lo = np.searchsorted(a.keys, q, side="left")
        hi = np.searchsorted(a.keys, q, side="right")
        n = hi - lo
        if frequent.size:
            n = np.where(np.isin(q, frequent), 0, n)
        total = int(n.sum())
        if not total:
            continue
        rep_b = np.repeat(ib, n)
        starts = np.repeat(lo, n)
        within = np.arange(total) - np.repeat(np.cumsum(n) - n, n)
        ia_all.append(starts + within)
        ib_all.append(rep_b)
    if not ia_all:
        z = np.zeros(0)
        return Matches(z, z, z, z, z, z, z.astype(np.int64), common)
    ia, ib = np.concatenate(ia_all), np.concatenate(ib_all)
    if exclude_a is not None and exclude_a.size:
        keep = ~exclude_a[ia]
        ia, ib = ia[keep], ib[keep]
    log_scale = np.log(b.spans[ib].astype(np.float64) / a.spans[ia].astype(np.float64))
    return Matches(a.times[ia].astype(np.float64), b.times[ib].astype(np.float64), a.freqs[ia].astype(np.float64),
                   b.freqs[ib].astype(np.float64), log_scale, a.spans[ia].astype(np.float64), ia.astype(np.int64),
                   common)
