"""Synthetic music for the audio tests: a note score rendered with a chosen timbre, key and tempo.

A *score* is a melody and a chord accompaniment drawn from a seed; *rendering* it with other
harmonics, transposed or at another tempo gives a cover (the same work, another performance);
editing one rendering (excerpt, noise, speed, pitch) gives copies of that recording.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

RATE = 22050
Score = tuple[list[tuple[float, float, int]], list[tuple[float, float, int]]]


def score(seed: int, seconds: float = 32.0) -> Score:
    """Melody notes and chord roots (start s, duration s, MIDI note) of one piece."""
    rng = np.random.default_rng(seed)
    beat = 60.0 / rng.uniform(90, 130)
    scale = np.array([0, 2, 4, 5, 7, 9, 11, 12])
    root = 57 + int(rng.integers(-3, 4))
    notes, t = [], 0.0
    while t < seconds:
        dur = beat * float(rng.choice([0.5, 1, 1, 2]))
        notes.append((t, dur, int(root + scale[rng.integers(8)] + 12 * rng.integers(0, 2))))
        t += dur
    chords, t = [], 0.0
    while t < seconds:
        chords.append((t, 2 * beat, int(root - 12 + scale[rng.integers(0, 6)])))
        t += 2 * beat
    return notes, chords


def render(sc: Score, transpose: int = 0, tempo: float = 1.0, harmonics: tuple[float, ...] = (1, .5, .33, .25, .2),
           melody_only: bool = False, seed: int = 0) -> np.ndarray:
    """The score as float32 audio at :data:`RATE` (``tempo`` > 1 plays faster)."""
    notes, chords = sc
    rng = np.random.default_rng(seed)
    end = max(t + d for t, d, _ in notes) / tempo
    y = np.zeros(int(end * RATE) + RATE)

    def add(t: float, d: float, note: int, amp: float, h: tuple[float, ...]) -> None:
        f = 440.0 * 2 ** ((note + transpose - 69) / 12)
        i0, n = int(t / tempo * RATE), int(d / tempo * RATE)
        tt = np.arange(n) / RATE
        env = np.exp(-3 * tt / (d / tempo)) * np.minimum(1, tt * 200)
        y[i0:i0 + n] += amp * env * sum(w * np.sin(2 * np.pi * f * (k + 1) * tt + rng.uniform(0, 6))
                                         for k, w in enumerate(h))

    for t, d, note in notes:
        add(t, d, note, 0.3, harmonics)
    if not melody_only:
        for t, d, r in chords:
            for interval in (0, 4, 7):
                add(t, d, r + interval, 0.1, harmonics[:2])
    return (y / np.abs(y).max() * 0.8).astype(np.float32)


def noise_like(y: np.ndarray, snr_db: float, seed: int = 0) -> np.ndarray:
    """``y`` with white noise at ``snr_db``."""
    noise = np.random.default_rng(seed).standard_normal(len(y))
    noise *= np.sqrt(np.mean(y.astype(np.float64) ** 2) / np.mean(noise ** 2) / 10 ** (snr_db / 10))
    out = y + noise
    return (out / np.abs(out).max() * 0.9).astype(np.float32)


def save(path: Path, y: np.ndarray, rate: int = RATE, **options: object) -> Path:
    sf.write(path, y, rate, **options)
    return path
