"""MIDI pieces as lists of timed events in seconds: windows, performance changes, and rendering with FluidSynth.

A piece is read once with ``mido`` (all tracks merged, tempo map applied) into :class:`Piece`: notes
(start, end, channel, pitch, velocity) and controller/program/pitch-wheel events, all in seconds. Edits are
plain list operations (window, tempo scale, transpose, program remap, keep some channels, merge two pieces),
and :func:`write_midi` writes the result as a type-0 file at a fixed 120 bpm (960 ticks per second), which
:func:`render` turns into mono float audio with ``fluidsynth -ni -F`` at 22050 Hz (the renderer is
deterministic: only the WAV header of its output changes between runs, and only the samples are kept).
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import mido
import numpy as np
import soundfile as sf

SR = 22050
TICKS_PER_SECOND = 960  # ticks_per_beat 480 at 120 bpm
DRUMS = 9
SOUNDFONTS = {
    "FluidR3_GM": Path("/usr/share/sounds/sf2/FluidR3_GM.sf2"),
    "TimGM6mb": Path("/usr/share/sounds/sf2/TimGM6mb.sf2"),
    "MuseScore_General_Lite": Path("/usr/share/sounds/sf3/MuseScore_General_Lite.sf3"),
}
PLAIN_SOUNDFONT = "FluidR3_GM"


@dataclass(frozen=True)
class Note:
    """One note in seconds."""

    start: float
    end: float
    channel: int
    pitch: int
    velocity: int


@dataclass
class Piece:
    """Notes and channel events (``(time, mido.Message)`` without note messages) of a piece."""

    notes: list[Note]
    controls: list[tuple[float, mido.Message]] = field(default_factory=list)
    duration: float = 0.0

    def channels(self) -> list[int]:
        """Channels that play notes, sorted."""
        return sorted({n.channel for n in self.notes})


def read_piece(path: Path) -> Piece:
    """Read a MIDI file into a :class:`Piece` (times in seconds)."""
    mid = mido.MidiFile(str(path))
    now = 0.0
    open_notes: dict[tuple[int, int], list[tuple[float, int]]] = {}
    notes: list[Note] = []
    controls: list[tuple[float, mido.Message]] = []
    for msg in mid:
        now += msg.time
        if msg.is_meta or not hasattr(msg, "channel"):
            continue
        if msg.type == "note_on" and msg.velocity > 0:
            open_notes.setdefault((msg.channel, msg.note), []).append((now, msg.velocity))
        elif msg.type in ("note_off", "note_on"):
            stack = open_notes.get((msg.channel, msg.note))
            if stack:
                start, vel = stack.pop(0)
                notes.append(Note(start, max(now, start + 0.01), msg.channel, msg.note, vel))
        elif msg.type in ("program_change", "control_change", "pitchwheel"):
            controls.append((now, msg.copy(time=0)))
    for (ch, pitch), stack in open_notes.items():
        notes += [Note(s, max(now, s + 0.25), ch, pitch, v) for s, v in stack]
    notes.sort(key=lambda n: (n.start, n.channel, n.pitch))
    return Piece(notes, controls, now)


def window(piece: Piece, t0: float, t1: float) -> Piece:
    """The notes starting in ``[t0, t1)`` shifted to start at 0 (ends clipped), with the channel state at t0."""
    notes = [replace(n, start=n.start - t0, end=min(n.end, t1) - t0) for n in piece.notes if t0 <= n.start < t1]
    state: dict[tuple[int, str, int], mido.Message] = {}
    inside: list[tuple[float, mido.Message]] = []
    for t, msg in piece.controls:
        if t < t0:
            key = (msg.channel, msg.type, getattr(msg, "control", -1))
            state[key] = msg
        elif t < t1:
            inside.append((t - t0, msg))
    return Piece(notes, [(0.0, m) for _, m in sorted(state.items(), key=lambda kv: kv[0])] + inside, t1 - t0)


def note_count(piece: Piece, t0: float, t1: float, drums: bool = False) -> int:
    """Notes starting in ``[t0, t1)`` (melodic only unless ``drums``)."""
    return sum(1 for n in piece.notes if t0 <= n.start < t1 and (drums or n.channel != DRUMS))


def scale_time(piece: Piece, factor: float) -> Piece:
    """All times multiplied by ``factor`` (> 1: slower)."""
    return Piece([replace(n, start=n.start * factor, end=n.end * factor) for n in piece.notes],
                 [(t * factor, m) for t, m in piece.controls], piece.duration * factor)


def transpose(piece: Piece, semitones: int) -> Piece:
    """Melodic notes moved by ``semitones`` (drums unchanged), kept inside 0..127."""
    def move(n: Note) -> Note:
        if n.channel == DRUMS:
            return n
        p = n.pitch + semitones
        while p > 127:
            p -= 12
        while p < 0:
            p += 12
        return replace(n, pitch=p)

    return Piece([move(n) for n in piece.notes], list(piece.controls), piece.duration)


def programs(piece: Piece) -> dict[int, int]:
    """The first program of each melodic channel that plays (0 when it has no program change)."""
    first: dict[int, int] = {}
    for _, m in piece.controls:
        if m.type == "program_change" and m.channel not in first:
            first[m.channel] = m.program
    return {ch: first.get(ch, 0) for ch in piece.channels() if ch != DRUMS}


def set_programs(piece: Piece, mapping: dict[int, int]) -> Piece:
    """Each channel of ``mapping`` plays that program throughout (its program changes replaced)."""
    controls = [(t, m) for t, m in piece.controls if not (m.type == "program_change" and m.channel in mapping)]
    fixed = [(0.0, mido.Message("program_change", channel=ch, program=p)) for ch, p in sorted(mapping.items())]
    return Piece(list(piece.notes), fixed + controls, piece.duration)


def keep_channels(piece: Piece, channels: set[int]) -> Piece:
    """Only the notes and events of ``channels``."""
    return Piece([n for n in piece.notes if n.channel in channels],
                 [(t, m) for t, m in piece.controls if m.channel in channels], piece.duration)


def drop_channels(piece: Piece, channels: set[int]) -> Piece:
    """Everything but ``channels``."""
    return keep_channels(piece, set(range(16)) - channels)


def merge(first: Piece, second: Piece) -> Piece:
    """Both pieces together (channel numbers as they are: the caller keeps them disjoint)."""
    return Piece(sorted(first.notes + second.notes, key=lambda n: (n.start, n.channel, n.pitch)),
                 first.controls + second.controls, max(first.duration, second.duration))


def humanise(piece: Piece, rng: np.random.Generator, jitter: float, velocity: float) -> Piece:
    """Onsets moved by up to ``jitter`` s and velocities scaled by up to ``velocity`` (a performer's looseness)."""
    out = []
    for n in piece.notes:
        dt = float(rng.uniform(-jitter, jitter))
        v = int(np.clip(round(n.velocity * (1 + rng.uniform(-velocity, velocity))), 1, 127))
        out.append(replace(n, start=max(0.0, n.start + dt), end=max(n.start + dt + 0.01, n.end + dt), velocity=v))
    return Piece(out, list(piece.controls), piece.duration)


def melody_channel(piece: Piece) -> int:
    """The melodic channel with the highest mean pitch among those with at least 15 % of the melodic notes."""
    counts: dict[int, list[int]] = {}
    for n in piece.notes:
        if n.channel != DRUMS:
            counts.setdefault(n.channel, []).append(n.pitch)
    if not counts:
        raise LookupError("no melodic notes")
    total = sum(len(v) for v in counts.values())
    eligible = {ch: v for ch, v in counts.items() if len(v) >= 0.15 * total} or counts
    return max(sorted(eligible), key=lambda ch: float(np.mean(eligible[ch])))


def write_midi(piece: Piece, path: Path) -> None:
    """A type-0 MIDI file at 120 bpm (960 ticks per second) playing ``piece``."""
    events: list[tuple[int, int, mido.Message]] = []
    for t, m in piece.controls:
        events.append((round(t * TICKS_PER_SECOND), 0, m))
    for n in piece.notes:
        on, off = round(n.start * TICKS_PER_SECOND), round(n.end * TICKS_PER_SECOND)
        events.append((on, 2, mido.Message("note_on", channel=n.channel, note=n.pitch, velocity=n.velocity)))
        events.append((max(off, on + 1), 1, mido.Message("note_off", channel=n.channel, note=n.pitch, velocity=0)))
    events.sort(key=lambda e: (e[0], e[1]))
    mid = mido.MidiFile(type=0, ticks_per_beat=480)
    track = mido.MidiTrack()
    track.append(mido.MetaMessage("set_tempo", tempo=500000, time=0))
    last = 0
    for tick, _, m in events:
        track.append(m.copy(time=tick - last))
        last = tick
    end = round(piece.duration * TICKS_PER_SECOND)
    track.append(mido.MetaMessage("end_of_track", time=max(0, end - last)))
    mid.tracks.append(track)
    mid.save(str(path))


def render(piece: Piece, soundfont: str = PLAIN_SOUNDFONT, tail: float = 1.0) -> np.ndarray:
    """Mono float32 audio of ``piece`` at 22050 Hz (``piece.duration + tail`` s), peak-normalised to 0.9."""
    with tempfile.TemporaryDirectory(prefix="audio-bench-") as tmp:
        mid, wav = Path(tmp) / "piece.mid", Path(tmp) / "out.wav"
        write_midi(piece, mid)
        subprocess.run(["fluidsynth", "-ni", "-q", "-F", str(wav), "-r", str(SR), "-o", "audio.file.format=float",
                        "-o", "synth.cpu-cores=1", str(SOUNDFONTS[soundfont]), str(mid)],
                       check=True, capture_output=True)
        y, _ = sf.read(wav, dtype="float32", always_2d=True)
    y = y.mean(axis=1)
    n = round((piece.duration + tail) * SR)
    y = np.pad(y[:n], (0, max(0, n - len(y))))
    peak = float(np.max(np.abs(y)))
    return (y * (0.9 / peak) if peak > 0 else y).astype(np.float32)
