"""Audio edits of the recording-copy families (mono float32 at 22050 Hz) and the deterministic file writers.

Every edit is a pure function of its input and its parameters (noise from the caller's ``numpy`` Generator),
so a pair rebuilds byte for byte. Lossless files are written by ``soundfile`` (16-bit FLAC); lossy B files
by ``ffmpeg`` with bit-exact flags and no metadata (libmp3lame, the native AAC encoder in .m4a, libvorbis).
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import librosa
import numpy as np
import soundfile as sf
import soxr
from scipy import signal

SR = 22050
CODECS = {  # name: (extension, ffmpeg codec arguments given the rate/quality)
    "mp3": ("mp3", ["-c:a", "libmp3lame", "-b:a"]),
    "aac": ("m4a", ["-c:a", "aac", "-b:a"]),
    "ogg": ("ogg", ["-c:a", "libvorbis", "-q:a"]),
}
BITEXACT = ["-fflags", "+bitexact", "-flags:a", "+bitexact", "-map_metadata", "-1"]


def normalise(y: np.ndarray, peak: float = 0.9) -> np.ndarray:
    """``y`` scaled to the given peak (float32)."""
    m = float(np.max(np.abs(y))) if len(y) else 0.0
    return (y * (peak / m) if m > 0 else y).astype(np.float32)


def write_flac(y: np.ndarray, path: Path, sr: int = SR) -> None:
    """16-bit mono FLAC (soundfile; deterministic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sf.write(path, np.clip(y, -1.0, 1.0), sr, subtype="PCM_16", format="FLAC")


def write_codec(y: np.ndarray, path: Path, codec: str, setting: str) -> None:
    """Encode ``y`` with ffmpeg (``codec`` in :data:`CODECS`, ``setting`` a bit rate like ``64k`` or a vorbis
    quality like ``2``); bit-exact flags, no metadata, 22050 Hz mono."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="audio-bench-") as tmp:
        wav = Path(tmp) / "in.wav"
        sf.write(wav, np.clip(y, -1.0, 1.0), SR, subtype="PCM_16", format="WAV")
        cmd = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", str(wav), *BITEXACT, "-ac", "1", "-ar", str(SR),
               *CODECS[codec][1], setting]
        if codec == "aac":
            cmd += ["-movflags", "+faststart"]
        subprocess.run([*cmd, str(path)], check=True, capture_output=True)


def decode_lossy(path: Path) -> np.ndarray:
    """A lossy file decoded back to mono float32 at 22050 Hz (ffmpeg), for chaining edits after a codec."""
    done = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-ac", "1", "-ar", str(SR),
                           "-f", "f32le", "-"], capture_output=True, check=True)
    return np.frombuffer(done.stdout, dtype="<f4").copy()


def rms(y: np.ndarray) -> float:
    """Root mean square (a tiny floor avoids division by zero)."""
    return float(np.sqrt(np.mean(np.square(y, dtype=np.float64)) + 1e-12))


def coloured_noise(n: int, kind: str, rng: np.random.Generator) -> np.ndarray:
    """``white``, ``pink`` (1/f power) or ``babble`` (speech-band noise bursts at a syllabic rate) noise."""
    white = rng.standard_normal(n)
    if kind == "white":
        return white
    spec = np.fft.rfft(white)
    f = np.fft.rfftfreq(n, 1 / SR)
    if kind == "pink":
        spec[1:] /= np.sqrt(f[1:])
        spec[0] = 0
        return np.fft.irfft(spec, n)
    # babble: a few voices of band-limited noise (150-4000 Hz), each amplitude-modulated at 3-6 Hz
    sos = signal.butter(4, [150, 4000], btype="bandpass", fs=SR, output="sos")
    t = np.arange(n) / SR
    out = np.zeros(n)
    for _ in range(6):
        voice = signal.sosfilt(sos, rng.standard_normal(n))
        rate, phase = rng.uniform(3, 6), rng.uniform(0, 2 * np.pi)
        out += voice * np.clip(np.sin(2 * np.pi * rate * t + phase), 0, None) ** 2
    return out


def add_noise(y: np.ndarray, snr_db: float, kind: str, rng: np.random.Generator) -> np.ndarray:
    """``y`` plus noise at ``snr_db`` (signal RMS over noise RMS)."""
    noise = coloured_noise(len(y), kind, rng)
    noise *= rms(y) / rms(noise) / (10 ** (snr_db / 20))
    return normalise(y + noise)


def speed(y: np.ndarray, factor: float) -> np.ndarray:
    """Played ``factor`` times faster (pitch and tempo together, like a turntable): resampled by soxr."""
    return normalise(soxr.resample(y.astype(np.float64), SR, SR / factor, quality="HQ"))


def tempo(y: np.ndarray, rate: float) -> np.ndarray:
    """Time-stretched by ``rate`` (> 1: faster) keeping the pitch (librosa phase vocoder)."""
    return normalise(librosa.effects.time_stretch(y, rate=rate))


def pitch(y: np.ndarray, semitones: float) -> np.ndarray:
    """Pitch-shifted by ``semitones`` keeping the duration (librosa)."""
    return normalise(librosa.effects.pitch_shift(y, sr=SR, n_steps=semitones))


def shelf(y: np.ndarray, freq: float, gain_db: float, high: bool) -> np.ndarray:
    """An RBJ-cookbook low or high shelving filter (slope 1)."""
    a = 10 ** (gain_db / 40)
    w0 = 2 * np.pi * freq / SR
    cos, alpha = np.cos(w0), np.sin(w0) / 2 * np.sqrt(2)
    sq = 2 * np.sqrt(a) * alpha
    sign = -1 if high else 1
    b = np.array([a * ((a + 1) - sign * (a - 1) * cos + sq), sign * 2 * a * ((a - 1) - sign * (a + 1) * cos),
                  a * ((a + 1) - sign * (a - 1) * cos - sq)])
    den = np.array([(a + 1) + sign * (a - 1) * cos + sq, -sign * 2 * ((a - 1) + sign * (a + 1) * cos),
                    (a + 1) + sign * (a - 1) * cos - sq])
    return signal.lfilter(b / den[0], den / den[0], y)


def equalise(y: np.ndarray, kind: str, gain_db: float = 0.0) -> np.ndarray:
    """``lowshelf``/``highshelf`` at 250 Hz/3 kHz by ``gain_db``, ``tilt`` (both, opposite signs) or
    ``telephone`` (4th-order Butterworth band-pass 300-3400 Hz)."""
    if kind == "lowshelf":
        out = shelf(y, 250, gain_db, high=False)
    elif kind == "highshelf":
        out = shelf(y, 3000, gain_db, high=True)
    elif kind == "tilt":
        out = shelf(shelf(y, 250, gain_db, high=False), 3000, -gain_db, high=True)
    elif kind == "telephone":
        out = signal.sosfilt(signal.butter(4, [300, 3400], btype="bandpass", fs=SR, output="sos"), y)
    else:
        raise ValueError(kind)
    return normalise(out)


def mix_under(sample: np.ndarray, bed: np.ndarray, at: int, gain_db: float) -> np.ndarray:
    """``sample`` mixed into ``bed`` from sample ``at``, at ``gain_db`` relative to the bed's RMS there."""
    out = bed.astype(np.float64).copy()
    seg = slice(at, at + len(sample))
    level = rms(out[seg]) * 10 ** (gain_db / 20) / rms(sample)
    out[seg] += sample * level
    return normalise(out)
