"""Generate the labelled pairs of one split of the audio benchmark.

Usage (from the repository root, after ``fetch.py``)::

    .venv/bin/python benchmarks/audio/generate.py --split tune --seed 1 [--workers 1]
    .venv/bin/python benchmarks/audio/generate.py --split test --seed 2
    .venv/bin/python benchmarks/audio/generate.py --split tune --seed 1 --limit-originals 4 --scale 0.1  # quick check

Writes ``benchmarks/audio/data/<split>/``:

- ``a/clip_NNNN.flac``: the A recordings, :data:`CLIPS_PER_ORIGINAL` clips of 40-60 s of each original of the
  split (a MIDI piece's window rendered plainly with FluidR3_GM, or a stretch of a recording), 16-bit FLAC,
  22050 Hz mono; ``clips.csv`` says which original and which seconds each clip is. ``a/NNNNN_same_loop.flac``:
  the A of ``same_loop`` negatives (made for the pair).
- ``b/NNNNN_<family or negative type>.<flac|mp3|m4a|ogg>``: the B of each pair.
- ``pairs.csv``: ``a, b, label, question, family, strength, negative_type, a_start, a_end, b_start, b_end,
  time_factor, pitch_semitones, ops`` (paths relative to the split folder). ``question`` is ``recording``
  (is B a copy, excerpt or sample of recording A?) or ``work`` (is B a version of the musical work of A?).
  For a positive, ``a_start..a_end`` (s in A) is copied as ``b_start..b_end`` (s in B); ``time_factor`` is
  B seconds per A second, ``pitch_semitones`` the pitch shift (approximate for lossy B: encoder delay of
  mp3/aac moves B by a few tens of ms). For a negative these are empty, and ``family``/``strength`` name the
  light edit of B (``none``/0), or the performance change of a re-rendered B (``cover``/``cover_melody``).
  ``ops`` lists the edits in JSON.

Families (label 1, strengths 1-3 in turn): recording copies ``excerpt codec noise speed tempo pitch eq mix
combined`` (question ``recording``), covers ``cover cover_melody`` (question ``work``: the same MIDI window
re-performed: other programs, transposed, other tempo, humanised, often another soundfont; ``cover_melody``
plays only the melody channel). Negatives (label 0): ``same_style`` (another piece of the same package, same
soundfont for recordings; re-performed like a cover for ``work``), ``same_loop`` (two different melodies over
the same drum pattern of a third piece), ``cover_as_recording`` (a cover asked as ``recording``: not a copy of
the recording) and ``random`` (a piece of another package).

The plan is drawn from ``--seed``; pair ``i`` is built with ``numpy.random.default_rng(seed * 1_000_000 + i)``
and clip windows with ``default_rng([seed, 7, k])``, so the set is the same for any number of workers, and
rebuilds byte for byte (FLAC by soundfile; lossy files by ffmpeg with bit-exact flags).
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np
import soundfile as sf

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import edits  # noqa: E402
import midi  # noqa: E402

DATA = HERE / "data"
ORIGINALS = DATA / "originals"
SR = 22050
CLIPS_PER_ORIGINAL = 2
CLIP_SECONDS = (40.0, 60.0)
SCAN_SECONDS = 300.0  # long MIDI loops (planetblupi): windows come from the first 5 minutes

RECORDING_FAMILIES = ("excerpt", "codec", "noise", "speed", "tempo", "pitch", "eq", "mix", "combined")
COVER_FAMILIES = ("cover", "cover_melody")
POSITIVES = {**{f: 24 for f in RECORDING_FAMILIES}, "cover": 36, "cover_melody": 27}
NEGATIVES = {("recording", "same_style"): 80, ("recording", "same_loop"): 40,
             ("recording", "cover_as_recording"): 50, ("recording", "random"): 30,
             ("work", "same_style"): 60, ("work", "same_loop"): 40, ("work", "random"): 30}
COLUMNS = ["a", "b", "label", "question", "family", "strength", "negative_type", "a_start", "a_end", "b_start",
           "b_end", "time_factor", "pitch_semitones", "ops"]
MELODIC_PROGRAMS = 104  # GM programs 0-103 (leaves out sound effects and percussive oddities)


@dataclass(frozen=True)
class Original:
    """One row of ``data/originals/manifest.csv``."""

    id: str
    file: Path
    package: str
    kind: str  # midi | recording
    duration: float
    bpm: float
    drums: bool


@dataclass(frozen=True)
class Clip:
    """An A recording: ``t0..t1`` seconds of an original, stored as ``a/clip_NNNN.flac``."""

    index: int
    original: str
    t0: float
    t1: float

    @property
    def rel(self) -> str:
        return f"a/clip_{self.index:04d}.flac"


@dataclass(frozen=True)
class Task:
    """One planned pair."""

    index: int
    label: int
    question: str
    kind: str  # family (positives) or negative type
    strength: int
    seed: int


def read_manifest(split: str) -> list[Original]:
    """The originals of ``split``."""
    with (ORIGINALS / "manifest.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["split"] == split]
    return [Original(r["id"], ORIGINALS / r["file"], r["package"], r["kind"], float(r["duration"]),
                     float(r["bpm"] or 120), r["drums"] == "1") for r in rows]


def limit(originals: list[Original], k: int) -> list[Original]:
    """At most ``k`` originals of each kind, taken round-robin over packages (for quick checks)."""
    out: list[Original] = []
    for kind in ("midi", "recording"):
        by_pkg: dict[str, list[Original]] = {}
        for o in originals:
            if o.kind == kind:
                by_pkg.setdefault(o.package, []).append(o)
        queues = [list(v) for _, v in sorted(by_pkg.items())]
        taken: list[Original] = []
        while len(taken) < k and any(queues):
            for q in queues:
                if q and len(taken) < k:
                    taken.append(q.pop(0))
        out += taken
    return out


def cached(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A one-argument memoiser (per process)."""
    store: dict[Any, Any] = {}

    def wrapper(key: Any) -> Any:
        if key not in store:
            store[key] = fn(key)
        return store[key]

    return wrapper


@cached
def piece_of(path: Path) -> midi.Piece:
    """The parsed MIDI piece of an original file."""
    return midi.read_piece(path)


def quantise(y: np.ndarray) -> np.ndarray:
    """``y`` as it reads back from 16-bit FLAC."""
    return (np.round(np.clip(y, -1, 1) * 32767) / 32767).astype(np.float32)


def load_recording(o: Original, t0: float, t1: float) -> np.ndarray:
    """Seconds ``t0..t1`` of a recording original (float32)."""
    start, stop = round(t0 * SR), round(t1 * SR)
    y, _ = sf.read(o.file, start=start, stop=stop, dtype="float32")
    return y


def pick_windows(o: Original, rng: np.random.Generator, count: int) -> list[tuple[float, float]]:
    """``count`` windows of 40-60 s of an original: bar-aligned with enough notes (MIDI), not quiet (recordings)."""
    out = []
    for _ in range(count):
        length = float(rng.uniform(*CLIP_SECONDS))
        span = max(0.0, min(o.duration, SCAN_SECONDS) - length)
        if o.kind == "midi":
            piece = piece_of(o.file)
            bar = 4 * 60.0 / o.bpm
            starts = np.arange(0.0, span + 1e-9, bar)
            dense = [s for s in starts if midi.note_count(piece, s, s + length) >= 40]
            t0 = float(dense[int(rng.integers(len(dense)))] if dense else starts[0])
        else:
            t0 = 0.0
            for _ in range(10):
                t0 = float(rng.uniform(0, span))
                if edits.rms(load_recording(o, t0, t0 + length)) > 0.03:
                    break
        out.append((round(t0, 3), round(t0 + min(length, o.duration - t0), 3)))
    return out


def make_clips(originals: list[Original], seed: int, out: Path) -> list[Clip]:
    """Render or cut the A clips of the split into ``out/a/`` and write ``clips.csv``."""
    clips: list[Clip] = []
    for k, o in enumerate(originals):
        rng = np.random.default_rng([seed, 7, k])
        for t0, t1 in pick_windows(o, rng, CLIPS_PER_ORIGINAL):
            c = Clip(len(clips), o.id, t0, t1)
            if o.kind == "midi":
                y = midi.render(midi.window(piece_of(o.file), t0, t1), midi.PLAIN_SOUNDFONT, tail=0.0)
            else:
                y = edits.normalise(load_recording(o, t0, t1))
            edits.write_flac(y, out / c.rel)
            clips.append(c)
    with (out / "clips.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["clip", "file", "original", "t0", "t1"])
        writer.writerows([[c.index, c.rel, c.original, c.t0, c.t1] for c in clips])
    return clips


def read_clips(out: Path) -> list[Clip]:
    """The clips of a split folder."""
    with (out / "clips.csv").open(encoding="utf-8") as fh:
        return [Clip(int(r["clip"]), r["original"], float(r["t0"]), float(r["t1"])) for r in csv.DictReader(fh)]


def plan(seed: int, factor: float) -> list[Task]:
    """Which pairs to build, in a seeded random order."""
    rng = np.random.default_rng(seed)
    wanted: list[tuple[int, str, str, int]] = []
    for fam, n in POSITIVES.items():
        q = "work" if fam in COVER_FAMILIES else "recording"
        wanted += [(1, q, fam, 1 + k % 3) for k in range(max(1, round(n * factor)))]
    for (q, neg), n in NEGATIVES.items():
        wanted += [(0, q, neg, 0)] * max(1, round(n * factor))
    order = rng.permutation(len(wanted))
    return [Task(i, *wanted[int(k)], seed * 1_000_000 + i) for i, k in enumerate(order)]


def fmt(x: float | None) -> str:
    """A number for pairs.csv (6 decimals: below one sample at 22050 Hz; empty for None)."""
    return "" if x is None else f"{x:.6f}"


class Builder:
    """Builds the pairs of one split (one instance per worker process)."""

    def __init__(self, split: str, out: Path, originals: list[Original]) -> None:
        self.out = out
        self.originals = {o.id: o for o in originals}
        self.clips = read_clips(out)
        self.midi_clips = [c for c in self.clips if self.originals[c.original].kind == "midi"]
        self._audio: dict[int, np.ndarray] = {}

    # -- helpers -------------------------------------------------------------------------------------------
    def audio(self, c: Clip) -> np.ndarray:
        """The A clip's samples as stored."""
        if c.index not in self._audio:
            self._audio[c.index] = sf.read(self.out / c.rel, dtype="float32")[0]
        return self._audio[c.index]

    def orig(self, c: Clip) -> Original:
        return self.originals[c.original]

    def choose(self, rng: np.random.Generator, pool: list[Clip]) -> Clip:
        if not pool:
            raise LookupError("empty pool")
        return pool[int(rng.integers(len(pool)))]

    def others(self, c: Clip, same_package: bool, kind: str | None = None) -> list[Clip]:
        """Clips of other originals, of the same package or of other packages (optionally of one kind)."""
        o = self.orig(c)
        return [d for d in self.clips if d.original != c.original
                and (self.orig(d).package == o.package) == same_package
                and (kind is None or self.orig(d).kind == kind)]

    def clip_piece(self, c: Clip) -> midi.Piece:
        """The MIDI window of a MIDI clip (times from 0)."""
        return midi.window(piece_of(self.orig(c).file), c.t0, c.t1)

    def emit(self, y: np.ndarray, task: Task, codec: tuple[str, str] | None = None) -> str:
        """Write B (FLAC, or lossy when ``codec`` = (name, setting)); its path relative to the split folder."""
        if codec is None:
            rel = f"b/{task.index:05d}_{task.kind}.flac"
            edits.write_flac(y, self.out / rel)
        else:
            rel = f"b/{task.index:05d}_{task.kind}.{edits.CODECS[codec[0]][0]}"
            edits.write_codec(y, self.out / rel, *codec)
        return rel

    @staticmethod
    def segment(rng: np.random.Generator, n: int, lo: float, hi: float) -> tuple[int, int]:
        """A random ``[start, stop)`` sample range of ``lo..hi`` seconds within ``n`` samples."""
        length = min(n, round(float(rng.uniform(lo, hi)) * SR))
        start = int(rng.integers(0, n - length + 1))
        return start, start + length

    @staticmethod
    def codec_choice(rng: np.random.Generator, strength: int) -> tuple[str, str]:
        """A codec and its setting for a strength (1 light .. 3 heavy)."""
        name = ["mp3", "aac", "ogg"][int(rng.integers(3))]
        setting = {"mp3": ["128k", "64k", "32k"], "aac": ["96k", "64k", "48k"], "ogg": ["3", "1", "0"]}[name]
        return name, setting[strength - 1]

    # -- recording copies ----------------------------------------------------------------------------------
    def recording_copy(self, task: Task, rng: np.random.Generator) -> dict[str, Any]:
        """A positive of a recording family."""
        c = self.choose(rng, self.clips)
        a = self.audio(c)
        s = task.strength
        tf, semi = 1.0, 0.0
        codec = None
        ops: list[dict[str, Any]] = [{"a_clip": c.index, "original": c.original}]
        if task.kind == "excerpt":
            lo, hi = [(20, 25), (12, 20), (8, 12)][s - 1]
            i0, i1 = self.segment(rng, len(a), lo, hi)
        elif task.kind == "mix":
            i0, i1 = self.segment(rng, len(a), 8, 8)
        else:
            i0, i1 = self.segment(rng, len(a), 15, 30)
        y = a[i0:i1]
        b_start = 0.0
        fam = task.kind
        if fam == "combined":
            recipe = int(rng.integers(2))
            steps = [[["codec1"], ["noise10", "codec2"]], [["speed3", "eq", "codec2"], ["noise10", "codec2"]],
                     [["speed6", "telephone", "codec3"], ["tempo8", "pitch2", "noise5", "codec2"]]][s - 1][recipe]
            if s == 1:
                i0, i1 = self.segment(rng, len(a), 10, 20)
                y = a[i0:i1]
        else:
            steps = [fam]
        for step in steps:
            if step in ("codec", "codec1", "codec2", "codec3"):
                codec = self.codec_choice(rng, s if step == "codec" else int(step[-1]))
                ops.append({"codec": codec[0], "setting": codec[1]})
            elif step in ("noise", "noise10", "noise5"):
                snr = [20.0, 10.0, float(rng.choice([5.0, 0.0]))][s - 1] if step == "noise" else float(step[5:])
                kind = ["white", "pink", "babble"][int(rng.integers(3))]
                y = edits.add_noise(y, snr, kind, rng)
                ops.append({"noise": kind, "snr_db": snr})
            elif step in ("speed", "speed3", "speed6"):
                pct = [3, 6, 10][s - 1] if step == "speed" else int(step[5:])
                f = 1 + float(rng.choice([-1, 1])) * pct / 100
                y = edits.speed(y, f)
                tf, semi = tf / f, semi + 12 * float(np.log2(f))
                ops.append({"speed": round(f, 4)})
            elif step in ("tempo", "tempo8"):
                pct = float(rng.uniform(*[(3, 4), (5, 7), (8, 10)][s - 1])) if step == "tempo" else 8.0
                r = 1 + float(rng.choice([-1, 1])) * pct / 100
                y = edits.tempo(y, r)
                tf /= r
                ops.append({"tempo_rate": round(r, 4)})
            elif step in ("pitch", "pitch2"):
                k = (s if step == "pitch" else 2) * int(rng.choice([-1, 1]))
                y = edits.pitch(y, k)
                semi += k
                ops.append({"pitch_semitones": k})
            elif step in ("eq", "telephone"):
                if step == "telephone" or s == 3:
                    kind, gain = "telephone", 0.0
                elif s == 1:
                    kind, gain = ["lowshelf", "highshelf"][int(rng.integers(2))], float(rng.choice([-6.0, 6.0]))
                else:
                    kind, gain = "tilt", float(rng.choice([-10.0, 10.0]))
                y = edits.equalise(y, kind, gain)
                ops.append({"eq": kind, "gain_db": gain})
            elif step == "mix":
                bed_clip = self.choose(rng, self.others(c, same_package=bool(rng.integers(2))) or self.others(
                    c, same_package=False))
                bed = self.audio(bed_clip)
                j0, j1 = self.segment(rng, len(bed), 30, 30)
                bed = bed[j0:j1]
                at = int(rng.integers(0, len(bed) - len(y) + 1))
                gain = [0.0, -3.0, -6.0][s - 1]
                y = edits.mix_under(y, bed, at, gain)
                b_start = at / SR
                ops.append({"mix_under": bed_clip.index, "bed_original": bed_clip.original,
                            "bed_seconds": [round(j0 / SR, 3), round(j1 / SR, 3)], "at": round(b_start, 3),
                            "gain_db": gain})
            elif step != "excerpt":
                raise ValueError(step)
        if not ops[1:]:
            ops.append({"excerpt": True})
        b_rel = self.emit(y, task, codec)
        dur = (i1 - i0) / SR
        return self.row(task, c.rel, b_rel, 1, fam, s, "", (i0 / SR, i1 / SR, b_start, b_start + dur * tf),
                        tf, semi, ops)

    # -- covers --------------------------------------------------------------------------------------------
    def perform(self, piece: midi.Piece, rng: np.random.Generator, strength: int, melody_only: bool,
                sub_window: bool = True) -> tuple[np.ndarray, dict[str, Any]]:
        """A different performance of ``piece``: audio and what was changed (``sub``: seconds of the piece)."""
        s = strength
        w0, w1 = 0.0, piece.duration
        if sub_window and s >= 2 and piece.duration > 30:
            length = float(rng.uniform(20, min(40, piece.duration)))
            w0 = float(rng.uniform(0, piece.duration - length))
            w1 = w0 + length
            piece = midi.window(piece, w0, w1)
        info: dict[str, Any] = {"sub": [round(w0, 3), round(w1, 3)]}
        if melody_only:
            ch = midi.melody_channel(piece)
            piece = midi.keep_channels(piece, {ch})
            old = midi.programs(piece).get(ch, 0)
            new = int(rng.integers(MELODIC_PROGRAMS))
            while new // 8 == old // 8:
                new = int(rng.integers(MELODIC_PROGRAMS))
            mapping = {ch: new}
            info["melody_channel"] = ch
        else:
            mapping = {}
            for ch, old in midi.programs(piece).items():
                if s == 1:
                    new = (old // 8) * 8 + int(rng.integers(8))
                else:
                    new = int(rng.integers(MELODIC_PROGRAMS))
                    while new // 8 == old // 8:
                        new = int(rng.integers(MELODIC_PROGRAMS))
                mapping[ch] = new
            if s == 3 and rng.random() < 0.5:
                piece = midi.drop_channels(piece, {midi.DRUMS})
                info["drums"] = "dropped"
        piece = midi.set_programs(piece, mapping)
        lo, hi = [(1, 2), (2, 4), (3, 5)][s - 1]
        semi = int(rng.integers(lo, hi + 1)) * int(rng.choice([-1, 1]))
        piece = midi.transpose(piece, semi)
        pct = float(rng.uniform(*[(5, 10), (10, 18), (18, 25)][s - 1]))
        f = 1 + float(rng.choice([-1, 1])) * pct / 100  # tempo factor (> 1: faster)
        piece = midi.scale_time(piece, 1 / f)
        piece = midi.humanise(piece, rng, jitter=0.01 * s, velocity=0.08 * s)
        fonts = [["FluidR3_GM", "TimGM6mb"], ["TimGM6mb", "MuseScore_General_Lite"],
                 ["MuseScore_General_Lite", "TimGM6mb"]][s - 1]
        font = fonts[int(rng.integers(2))]
        y = midi.render(piece, font, tail=0.0)
        info.update({"programs": {str(k): v for k, v in sorted(mapping.items())}, "transpose": semi,
                     "tempo_factor": round(f, 4), "soundfont": font})
        return y, info

    def cover(self, task: Task, rng: np.random.Generator, melody_only: bool, question: str,
              label: int) -> dict[str, Any]:
        """A cover (label 1, work) or a cover asked as a recording question (label 0)."""
        c = self.choose(rng, self.midi_clips)
        s = task.strength if label else int(rng.integers(1, 4))
        y, info = self.perform(self.clip_piece(c), rng, s, melody_only)
        b_rel = self.emit(y, task)
        fam = "cover_melody" if melody_only else "cover"
        tf = 1 / info["tempo_factor"]
        w0, w1 = info["sub"]
        ops = [{"a_clip": c.index, "original": c.original, fam: info,
                "aligned": [w0, w1, 0.0, round((w1 - w0) * tf, 3)]}]
        if label:
            return self.row(task, c.rel, b_rel, 1, fam, s, "", (w0, w1, 0.0, (w1 - w0) * tf), tf,
                            float(info["transpose"]), ops)
        return self.row(task, c.rel, b_rel, 0, fam, s, task.kind, None, None, None, ops)

    # -- negatives -----------------------------------------------------------------------------------------
    def light_edit(self, y: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, str, int, Any,
                                                                           list[dict[str, Any]]]:
        """A light edit of a negative's B, so that format and processing do not tell the label."""
        r = rng.random()
        s = int(rng.integers(1, 3))
        if r < 0.4:
            return y, "none", 0, None, []
        if r < 0.7:
            codec = self.codec_choice(rng, s)
            return y, "codec", s, codec, [{"codec": codec[0], "setting": codec[1]}]
        if r < 0.85:
            kind = ["white", "pink", "babble"][int(rng.integers(3))]
            snr = [20.0, 10.0][s - 1]
            return edits.add_noise(y, snr, kind, rng), "noise", s, None, [{"noise": kind, "snr_db": snr}]
        kind = ["lowshelf", "highshelf"][int(rng.integers(2))]
        gain = float(rng.choice([-6.0, 6.0]))
        return edits.equalise(y, kind, gain), "eq", 1, None, [{"eq": kind, "gain_db": gain}]

    def other_clip(self, task: Task, rng: np.random.Generator, c: Clip) -> Clip:
        """B's clip of a same_style (same package, closest tempo for MIDI) or random (other package) negative."""
        o = self.orig(c)
        if task.kind == "same_style":
            pool = self.others(c, same_package=True, kind=o.kind)
            if o.kind == "midi" and len(pool) > 3:
                ratio = {d.index: abs(np.log(self.orig(d).bpm / o.bpm)) for d in pool}
                pool = sorted(pool, key=lambda d: (ratio[d.index], d.index))[:max(3, len(pool) // 2)]
        else:  # a work question prefers a MIDI piece of another package; a recording when there is none (test)
            pool = (self.others(c, same_package=False, kind="midi") if task.question == "work" else []) \
                or self.others(c, same_package=False)
        return self.choose(rng, pool)

    def negative(self, task: Task, rng: np.random.Generator) -> dict[str, Any]:
        """A same_style or random negative, asked as a recording or a work question."""
        c = self.choose(rng, self.midi_clips if task.question == "work" else self.clips)
        d = self.other_clip(task, rng, c)
        ops: list[dict[str, Any]] = [{"a_clip": c.index, "original": c.original, "b_clip": d.index,
                                      "b_original": d.original}]
        if task.question == "work" and self.orig(d).kind == "midi":
            s = int(rng.integers(1, 4))
            y, info = self.perform(self.clip_piece(d), rng, s, melody_only=rng.random() < 0.3)
            fam = "cover_melody" if "melody_channel" in info else "cover"
            ops.append({fam: info})
            return self.row(task, c.rel, self.emit(y, task), 0, fam, s, task.kind, None, None, None, ops)
        b = self.audio(d)
        j0, j1 = self.segment(rng, len(b), 8, 30)
        ops[0]["b_seconds"] = [round(j0 / SR, 3), round(j1 / SR, 3)]
        y, fam, s, codec, more = self.light_edit(b[j0:j1], rng)
        return self.row(task, c.rel, self.emit(y, task, codec), 0, fam, s, task.kind, None, None, None, ops + more)

    def same_loop(self, task: Task, rng: np.random.Generator) -> dict[str, Any]:
        """Two different melodies over one drum pattern: A and B share the groove, not the work or recording."""
        drummers = [c for c in self.midi_clips if self.orig(c).drums]
        x = self.choose(rng, drummers)
        melodic = [c for c in self.midi_clips if c.original != x.original]
        y_clip = self.choose(rng, melodic)
        z_pool = [c for c in melodic if c.original != y_clip.original]
        z_clip = self.choose(rng, z_pool)
        xo = self.orig(x)
        drums = midi.keep_channels(self.clip_piece(x), {midi.DRUMS})
        if not drums.notes:
            raise LookupError("no drums in window")
        length = float(rng.uniform(25, 40))
        bar = 4 * 60.0 / xo.bpm
        ops: dict[str, Any] = {"drums_clip": x.index, "drums_original": x.original, "seconds": round(length, 3)}

        def over_drums(mel_clip: Clip, drum_start: float) -> tuple[midi.Piece, float]:
            mel = midi.drop_channels(self.clip_piece(mel_clip), {midi.DRUMS})
            ratio = self.orig(mel_clip).bpm / xo.bpm  # re-timed so its beat matches the drums'
            ratio = ratio if 0.6 <= ratio <= 1.6 else 1.0
            mel = midi.window(midi.scale_time(mel, ratio), 0.0, length)
            groove = midi.window(drums, drum_start, drum_start + length)
            return midi.merge(mel, groove), ratio

        bars = max(1, int((drums.duration - length) // bar))
        start_a = bar * int(rng.integers(bars))
        start_b = bar * int(rng.integers(bars))
        piece_a, ra = over_drums(y_clip, start_a)
        piece_b, rb = over_drums(z_clip, start_b)
        piece_a.duration = piece_b.duration = length
        font_b = midi.PLAIN_SOUNDFONT if task.question == "work" and rng.random() < 0.5 else "TimGM6mb"
        ya = midi.render(piece_a, midi.PLAIN_SOUNDFONT, tail=0.0)
        yb = midi.render(piece_b, font_b, tail=0.0)
        a_rel = f"a/{task.index:05d}_{task.kind}.flac"
        edits.write_flac(ya, self.out / a_rel)
        ops.update({"a_melody_clip": y_clip.index, "a_melody_original": y_clip.original, "a_retime": round(ra, 4),
                    "a_drums_from": round(start_a, 3), "b_melody_clip": z_clip.index,
                    "b_melody_original": z_clip.original, "b_retime": round(rb, 4), "b_drums_from": round(start_b, 3),
                    "b_soundfont": font_b})
        return self.row(task, a_rel, self.emit(yb, task), 0, "none", 0, task.kind, None, None, None, [ops])

    # -- rows ----------------------------------------------------------------------------------------------
    def row(self, task: Task, a: str, b: str, label: int, family: str, strength: int, negative: str,
            seg: tuple[float, float, float, float] | None, tf: float | None, semi: float | None,
            ops: list[dict[str, Any]]) -> dict[str, Any]:
        seg_cells = [fmt(v) for v in seg] if seg else ["", "", "", ""]
        return {"a": a, "b": b, "label": label, "question": task.question, "family": family, "strength": strength,
                "negative_type": negative, "a_start": seg_cells[0], "a_end": seg_cells[1], "b_start": seg_cells[2],
                "b_end": seg_cells[3], "time_factor": fmt(tf) if tf is not None else "",
                "pitch_semitones": fmt(semi) if semi is not None else "",
                "ops": json.dumps([{"seed": task.seed}] + ops, separators=(",", ":"))}

    def __call__(self, task: Task) -> dict[str, Any]:
        for attempt in range(5):
            rng = np.random.default_rng([task.seed, attempt])
            try:
                if task.label == 1 and task.kind in RECORDING_FAMILIES:
                    return self.recording_copy(task, rng)
                if task.label == 1:
                    return self.cover(task, rng, task.kind == "cover_melody", "work", 1)
                if task.kind == "cover_as_recording":
                    return self.cover(task, rng, rng.random() < 0.4, "recording", 0)
                if task.kind == "same_loop":
                    return self.same_loop(task, rng)
                return self.negative(task, rng)
            except LookupError:
                continue
        raise RuntimeError(f"pair {task.index} ({task.kind}): no material after 5 attempts")


_BUILDER: Builder | None = None


def _init(split: str, out: str, originals: list[Original]) -> None:
    global _BUILDER
    _BUILDER = Builder(split, Path(out), originals)


def _build(task: Task) -> dict[str, Any]:
    assert _BUILDER is not None
    return _BUILDER(task)


def counts(rows: list[dict[str, Any]]) -> str:
    """Pairs per question, label and family / negative type (plain text)."""
    c = Counter((r["question"], r["label"], r["family"] if r["label"] else r["negative_type"]) for r in rows)
    lines = [f"{q:9} {'copy' if lab else 'independent':11} {k:20} {n:4}"
             for (q, lab, k), n in sorted(c.items(), key=lambda kv: (kv[0][0], -kv[0][1], kv[0][2]))]
    pos = sum(1 for r in rows if r["label"])
    lines.append(f"total {len(rows)} pairs: {pos} copies, {len(rows) - pos} independent")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", required=True, choices=["tune", "test"])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--limit-originals", type=int, default=0, help="at most K originals of each kind (checks)")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the number of pairs (quick checks)")
    args = ap.parse_args(argv)
    started = time.monotonic()
    originals = read_manifest(args.split)
    if args.limit_originals:
        originals = limit(originals, args.limit_originals)
    out = DATA / args.split
    for sub in ("a", "b"):
        shutil.rmtree(out / sub, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    make_clips(originals, args.seed, out)
    tasks = plan(args.seed, args.scale)
    if args.workers > 1:
        with Pool(args.workers, initializer=_init, initargs=(args.split, str(out), originals)) as pool:
            rows = list(pool.imap(_build, tasks, chunksize=4))
    else:
        builder = Builder(args.split, out, originals)
        rows = []
        for k, t in enumerate(tasks):
            rows.append(builder(t))
            if (k + 1) % 100 == 0:
                print(f"  {k + 1}/{len(tasks)} pairs, {time.monotonic() - started:.0f} s", file=sys.stderr)
    with (out / "pairs.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    print(f"{args.split} (seed {args.seed}): {len(originals)} originals, "
          f"{time.monotonic() - started:.0f} s\n{counts(rows)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
