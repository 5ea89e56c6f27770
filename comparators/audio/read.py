"""Decode an audio file (or the audio track of a video) into one mono signal at the analysis rate.

WAV, FLAC, OGG (Vorbis, Opus), MP3, AIFF and the other formats libsndfile reads are decoded with
soundfile; M4A/AAC, WMA and the audio track of video files (MP4, MKV, WebM, MOV, AVI) with PyAV
(FFmpeg's libraries, shipped inside the wheel). Every input is mixed down to mono and resampled to
one rate with soxr (high quality, deterministic), so a pair is always compared on equal terms.

Refused with an :class:`~comparators.errors.InputError` naming the file: missing, empty, not audio,
corrupt, truncated (fewer samples than the header declares, or a decoder error part-way), longer
than the limit (checked from the header before decoding where the format states its length), or
silent throughout.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import soundfile as sf
import soxr

from comparators.errors import InputError

SNDFILE_EXTENSIONS = frozenset({".wav", ".wave", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".aif", ".aiff",
                                ".aifc", ".au", ".snd", ".caf", ".w64", ".rf64"})
FFMPEG_EXTENSIONS = frozenset({".m4a", ".aac", ".mp4", ".m4v", ".mov", ".mkv", ".mka", ".webm", ".avi", ".wma",
                               ".wmv", ".3gp", ".flv", ".ts", ".ac3"})
AUDIO_EXTENSIONS = SNDFILE_EXTENSIONS | FFMPEG_EXTENSIONS
MAGIC = (b"RIFF", b"fLaC", b"OggS", b"ID3", b"FORM", b".snd", b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xf1",
         b"\xff\xf9")
SILENT_RMS = 1e-4  # about -80 dBFS: below this throughout, a file carries no sound to compare


@dataclass(frozen=True)
class Decoded:
    """A mono signal at ``rate`` and what was read."""

    samples: np.ndarray  # float32 mono in [-1, 1]
    rate: int
    format: str
    source_rate: int
    channels: int
    duration: float  # seconds

    @property
    def seconds(self) -> float:
        return len(self.samples) / float(self.rate)


def looks_like_audio(path: Path) -> bool:
    """Whether ``path`` is named or starts like audio or video (cheap: extension or magic bytes)."""
    if path.suffix.lower() in AUDIO_EXTENSIONS:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(12)
    except OSError:
        return False
    if head[:4] == b"RIFF":
        return head[8:12] == b"WAVE"
    return head.startswith(MAGIC) or head[4:8] == b"ftyp"


def read_audio(path: Path, rate: int, max_seconds: float, data: bytes | None = None) -> Decoded:
    """Decode ``path`` (or ``data``, named ``path``) to mono float32 at ``rate``."""
    path = Path(path)
    if data is None:
        if not path.is_file():
            raise InputError(path, "does not exist" if not path.exists() else "is not a file")
        data = path.read_bytes()
    if not data:
        raise InputError(path, "is empty")
    if path.suffix.lower() in FFMPEG_EXTENSIONS or data[4:8] == b"ftyp":
        samples, source_rate, channels, fmt = _decode_ffmpeg(path, data, max_seconds)
    else:
        samples, source_rate, channels, fmt = _decode_sndfile(path, data, max_seconds)
    if samples.size == 0:
        raise InputError(path, "contains no audio samples")
    mono = samples.mean(axis=1) if samples.ndim == 2 else samples
    mono = np.nan_to_num(mono.astype(np.float64), nan=0.0, posinf=0.0, neginf=0.0)
    out = soxr.resample(mono, source_rate, rate, quality="HQ") if source_rate != rate else mono
    out = np.clip(out, -1.0, 1.0).astype(np.float32)
    if float(np.sqrt(np.mean(out.astype(np.float64) ** 2))) < SILENT_RMS:
        raise InputError(path, "is silent throughout (nothing to compare)")
    return Decoded(out, rate, fmt, int(source_rate), int(channels), len(mono) / float(source_rate))


def _decode_sndfile(path: Path, data: bytes, max_seconds: float) -> tuple[np.ndarray, int, int, str]:
    try:
        with sf.SoundFile(io.BytesIO(data)) as handle:
            declared = handle.frames
            if handle.samplerate <= 0:
                raise InputError(path, "declares no sample rate")
            if declared / handle.samplerate > max_seconds:
                raise InputError(path, f"lasts {declared / handle.samplerate:,.0f} s, more than the limit of "
                                       f"{max_seconds:,.0f} s")
            samples = handle.read(dtype="float32", always_2d=True)
            fmt = f"{handle.format} ({handle.subtype})"
            rate, channels = handle.samplerate, handle.channels
    except InputError:
        raise
    except (sf.LibsndfileError, RuntimeError, ValueError, TypeError) as exc:
        raise InputError(path, f"is not a readable audio file ({_reason(exc)})") from None
    if _wav_truncated(data):
        raise InputError(path, "is truncated (the WAV header declares more audio than the file holds)")
    if declared > 0 and len(samples) < declared:
        raise InputError(path, f"is truncated ({len(samples):,} of {declared:,} declared samples)")
    return samples, int(rate), int(channels), fmt


def _wav_truncated(data: bytes) -> bool:
    """Whether a RIFF/WAVE file's data chunk declares more bytes than follow it."""
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        return False
    pos = 12
    while pos + 8 <= len(data):
        chunk, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        if chunk == b"data":
            return size != 0xFFFFFFFF and pos + 8 + size > len(data)
        pos += 8 + size + (size & 1)
    return False


def _decode_ffmpeg(path: Path, data: bytes, max_seconds: float) -> tuple[np.ndarray, int, int, str]:
    import av  # FFmpeg libraries in the PyAV wheel; loaded only for these formats

    try:
        with av.open(io.BytesIO(data), mode="r") as container:
            streams = [s for s in container.streams if s.type == "audio"]
            if not streams:
                raise InputError(path, "has no audio track")
            stream = streams[0]
            if stream.duration is not None and stream.time_base is not None:
                if float(stream.duration * stream.time_base) > max_seconds:
                    raise InputError(path, f"lasts {float(stream.duration * stream.time_base):,.0f} s, more than "
                                           f"the limit of {max_seconds:,.0f} s")
            rate = stream.codec_context.sample_rate or stream.rate
            chunks: list[np.ndarray] = []
            total = 0
            for frame in container.decode(stream):
                block = frame.to_ndarray().astype(np.float32)
                if frame.format.is_planar:
                    block = block.T
                else:
                    block = block.reshape(-1, len(frame.layout.channels))
                if np.issubdtype(frame.to_ndarray().dtype, np.integer):
                    block /= float(np.iinfo(frame.to_ndarray().dtype).max)
                chunks.append(block)
                total += len(block)
                if total / float(rate) > max_seconds:
                    raise InputError(path, f"lasts more than the limit of {max_seconds:,.0f} s")
            fmt = f"{container.format.name} ({stream.codec_context.name})"
            channels = stream.codec_context.channels
    except InputError:
        raise
    except (av.error.FFmpegError, ValueError, OSError, IndexError) as exc:
        raise InputError(path, f"is not a readable audio or video file ({_reason(exc)})") from None
    if not chunks:
        raise InputError(path, "has an audio track with no decodable audio")
    return np.concatenate(chunks), int(rate), int(channels), fmt


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]
