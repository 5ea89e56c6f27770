"""What carries no evidence of copying in a recording: silence, noise-like stretches, plain scales.

- **Silence**: frames whose RMS is ``SILENCE_DB`` below the file's loud level (its 95th percentile).
- **Noise-like sound** (applause, crowd, hiss, wind): frames whose spectral flatness is above
  ``FLATNESS`` (noise is flat, tones are peaky), in stretches of at least ``MIN_SECONDS``.
- **A plain scale** in a matched musical section: the strongest pitch class of successive beats
  steps up or down by one or two semitones almost throughout (any two pieces that run up a scale
  align there).

The stretches are returned in seconds; landmarks anchored inside them are not used, and the
comparator lists them as excluded. Pure functions of arrays.
"""

from __future__ import annotations

import numpy as np

SILENCE_DB = 45.0
FLATNESS = 0.35
MIN_SECONDS = 1.0


def stretches(mask: np.ndarray, seconds_per_frame: float,
              min_seconds: float = MIN_SECONDS) -> list[tuple[float, float]]:
    """(start, end) seconds of runs of True in ``mask`` lasting at least ``min_seconds``."""
    padded = np.r_[False, mask.astype(bool), False]
    edges = np.flatnonzero(np.diff(padded.astype(np.int8)))
    out = []
    for start, end in zip(edges[::2], edges[1::2]):
        if (end - start) * seconds_per_frame >= min_seconds:
            out.append((round(start * seconds_per_frame, 2), round(end * seconds_per_frame, 2)))
    return out


def silent_frames(samples: np.ndarray, hop: int) -> np.ndarray:
    """Per frame of ``hop`` samples: quieter than ``SILENCE_DB`` below the loud level."""
    n = len(samples) // hop
    if n == 0:
        return np.zeros(0, bool)
    frames = samples[: n * hop].astype(np.float64).reshape(n, hop)
    rms = np.sqrt((frames ** 2).mean(axis=1)) + 1e-9
    loud = np.percentile(rms, 95)
    return 20.0 * np.log10(rms / loud) < -SILENCE_DB


def noise_frames(spec_db: np.ndarray) -> np.ndarray:
    """Per spectrogram frame (log-frequency, dB): spectral flatness above ``FLATNESS``."""
    power = 10.0 ** (spec_db / 10.0)
    geometric = np.exp(np.mean(np.log(power + 1e-12), axis=0))
    arithmetic = np.mean(power, axis=0) + 1e-12
    return geometric / arithmetic > FLATNESS


def is_scale(chroma: np.ndarray, share: float = 0.8) -> bool:
    """Whether the strongest pitch class of successive beats steps by 1-2 semitones almost throughout."""
    if chroma.shape[1] < 6:
        return False
    top = np.argmax(chroma, axis=0)
    steps = np.diff(top)
    steps = steps[steps != 0]
    if len(steps) < 5:
        return False
    wrapped = (steps + 6) % 12 - 6
    up, down = np.mean(np.isin(wrapped, (1, 2))), np.mean(np.isin(wrapped, (-1, -2)))
    return bool(max(up, down) >= share)
