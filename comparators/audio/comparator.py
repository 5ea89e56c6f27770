"""The audio comparator: is B a copy of recording A, or a version of musical work A, and where?

``extract`` decodes the file (:mod:`.read`, any format, mono at the analysis rate), computes its
pitch- and tempo-invariant landmark hashes (:mod:`.landmarks`), its beat-synchronous chroma
(:mod:`.cover`) and the stretches that carry no evidence (:mod:`.filtration`: silence, noise-like
sound). ``compare`` answers two questions:

- **recording**: landmark matches voted into alignments with a time factor, a pitch shift and an
  offset (:mod:`.align`): copies, excerpts, samples mixed under other music, sped up or shifted;
- **work**: the best local alignment of the chroma sequences after key transposition (Qmax):
  the same composition in another performance, key or tempo.

``question`` chooses which one the score answers (``any``: the stronger of the two). Each
aligned segment is a match with its start and end in both files, its time factor and pitch
shift; declared base recordings are found in A first and the hashes there are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from comparators import packed
from comparators.audio import align, cover, filtration, landmarks, score
from comparators.audio.landmarks import Landmarks
from comparators.audio.read import looks_like_audio, read_audio
from comparators.base import (
    ComparatorInfo,
    Comparison,
    Exclusion,
    Features,
    Match,
    MaterialRef,
    Region,
)
from comparators.errors import InputError
from comparators.hashing import sha256_bytes

QUESTIONS = ("any", "recording", "work")


@dataclass(frozen=True)
class Track:
    """One file's features, unpacked for comparison."""

    path: str
    duration: float
    marks: Landmarks
    chroma: cover.BeatChroma
    silence: list[tuple[float, float]]
    noise: list[tuple[float, float]]


class AudioComparator:
    """Compare recordings by landmark alignment and musical works by chroma alignment.

    Parameters (all recorded in every result): ``question`` the score answers (``any``,
    ``recording`` or ``work``); ``min_hits`` inlier hashes of an alignment; ``max_alignments``
    searched per pair; ``max_per_key`` occurrences of one hash in A beyond which it is a repeated
    pattern and not used; ``max_seconds`` and ``max_bytes`` input limits.
    """

    name = "audio"
    version = "0.1.0"

    def __init__(self, question: str = "any", min_hits: int = 10, max_alignments: int = 3, max_per_key: int = 40,
                 max_seconds: float = 1800.0,
                 max_bytes: int = 512 * 1024 * 1024) -> None:
        if question not in QUESTIONS:
            raise ValueError(f"question must be one of {', '.join(QUESTIONS)}, not {question!r}")
        self.question = question
        self.min_hits = int(min_hits)
        self.max_alignments = int(max_alignments)
        self.max_per_key = int(max_per_key)
        self.max_seconds = float(max_seconds)
        self.max_bytes = int(max_bytes)

    # -- contract ----------------------------------------------------------------------
    @property
    def params(self) -> dict[str, Any]:
        import librosa

        return {"question": self.question, "min_hits": self.min_hits, "max_alignments": self.max_alignments,
                "max_per_key": self.max_per_key,
                "max_seconds": self.max_seconds, "max_bytes": self.max_bytes, "rate": landmarks.RATE,
                "landmarks": landmarks.SCHEME,
                "chroma": f"CQT chroma of the harmonic part, beat-synchronous, hop {cover.HOP}, "
                          f"embedding {cover.EMBED}, kappa {cover.KAPPA}, "
                          f"Qmax gaps {cover.GAP_OPEN}/{cover.GAP_EXTEND}",
                "filtration": {"silence_db": filtration.SILENCE_DB, "flatness": filtration.FLATNESS,
                               "min_seconds": filtration.MIN_SECONDS},
                "score": score.describe(), "librosa": librosa.__version__}

    def info(self) -> ComparatorInfo:
        return ComparatorInfo(self.name, self.version, self.params)

    def accepts(self, path: Path) -> bool:
        path = Path(path)
        return path.is_file() and looks_like_audio(path)

    def extract(self, path: Path, display_path: str | None = None) -> Features:
        path = Path(path)
        if path.is_file() and path.stat().st_size > self.max_bytes:
            raise InputError(display_path or path, f"is {path.stat().st_size:,} bytes, more than the limit of "
                                                   f"{self.max_bytes:,}")
        data = path.read_bytes() if path.is_file() else None
        decoded = read_audio(path, landmarks.RATE, self.max_seconds, data=data)
        return self._features(decoded, display_path or str(path), sha256_bytes(data or b""))

    def extract_bytes(self, data: bytes, display_path: str) -> Features:
        """Features of in-memory audio content (e.g. an archive member)."""
        if len(data) > self.max_bytes:
            raise InputError(display_path, f"is {len(data):,} bytes, more than the limit of {self.max_bytes:,}")
        decoded = read_audio(Path(display_path), landmarks.RATE, self.max_seconds, data=data)
        return self._features(decoded, display_path, sha256_bytes(data))

    def _features(self, decoded: Any, display: str, sha: str) -> Features:
        samples = decoded.samples
        spec = landmarks.log_spectrogram(samples)
        fs = landmarks.frame_seconds()
        silent = filtration.silent_frames(samples, landmarks.HOP)[: spec.shape[1]]
        noisy = filtration.noise_frames(spec) & ~np.pad(silent, (0, max(0, spec.shape[1] - len(silent))))
        t, f = landmarks.peaks(spec)
        marks = landmarks.triplets(t, f, spec.shape[1])
        chroma = cover.beat_chroma(samples, landmarks.RATE)
        data = {"format": decoded.format, "source_rate": decoded.source_rate, "channels": decoded.channels,
                "duration": round(decoded.duration, 4), "rate": decoded.rate,
                "landmarks": {"keys": packed.pack(marks.keys, "<i8"), "times": packed.pack(marks.times, "<i4"),
                              "freqs": packed.pack(marks.freqs, "<i2"), "spans": packed.pack(marks.spans, "<i2"),
                              "frames": int(marks.frames)},
                "chroma": {"beats": int(chroma.beats), "values": packed.pack(chroma.chroma.astype(np.float16), "<f2"),
                           "edges": packed.pack(chroma.edges, "<f8")},
                "silence": [list(s) for s in filtration.stretches(silent, fs)],
                "noise": [list(s) for s in filtration.stretches(noisy, fs, 2.0)]}
        notes = [] if decoded.channels <= 1 else [f"{decoded.channels} channels mixed down to mono"]
        return Features(kind=self.name, path=display, sha256=sha, comparator=self.info(), signature=None,
                        data=data, notes=tuple(notes))

    # -- comparison --------------------------------------------------------------------
    def compare(self, fa: Features, fb: Features, base: Sequence[Features] = ()) -> Comparison:
        a, b = _track(fa), _track(fb)
        exclusions = _stretch_exclusions(a, "a") + _stretch_exclusions(b, "b")
        masked = _masked_hashes(a)
        for f in base:
            found = self._base_in(_track(f), a)
            for seg in found:
                lo, hi = seg.b_start, seg.b_end
                # hashes reaching into the base from either side belong to it too
                masked |= (a.marks.times >= lo - landmarks.MAX_DT) & (a.marks.times <= hi)
                exclusions.append(Exclusion(reason=f"declared base material ({f.path})",
                                            a=Region(fa.path, start_s=_s(lo), end_s=_s(hi)),
                                            detail={"base": f.path, "base_start_s": _s(seg.a_start),
                                                    "base_end_s": _s(seg.a_end)}))
        m = landmarks.match(a.marks, b.marks, self.max_per_key, masked)
        if m.common:
            exclusions.append(Exclusion(reason="repeated pattern within A (a loop or a held tone)",
                                        detail={"hashes": int(m.common), "max_per_key": self.max_per_key}))
        segments = _distinct(align.alignments(m, self.min_hits, self.max_alignments))
        rec = [(seg, _recording_evidence(seg, a, masked)) for seg in segments]
        section = cover.best_section(a.chroma, b.chroma)
        if section is not None and filtration.is_scale(a.chroma.chroma[:, section.a0:section.a1 + 1]):
            exclusions.append(Exclusion(
                reason="a plain scale (common pattern)",
                a=Region(fa.path, start_s=_beat(a, section.a0), end_s=_beat(a, section.a1 + 1)),
                b=Region(fb.path, start_s=_beat(b, section.b0), end_s=_beat(b, section.b1 + 1))))
            section = None
        work_ev = _work_evidence(section, a, b)
        p_rec = score.probability("recording", rec[0][1]) if rec else score.probability("recording", {})
        p_work = score.probability("work", work_ev)
        probability = {"recording": p_rec, "work": p_work, "any": max(p_rec, p_work)}[self.question]
        matches = [self._recording_match(n, seg, ev, fa, fb) for n, (seg, ev) in enumerate(rec, start=1)]
        if section is not None and self.question != "recording":
            matches.append(self._work_match(len(matches) + 1, section, work_ev, p_work, a, b, fa, fb))
        if self.question == "work":
            covered = [mt for mt in matches if mt.detail["question"] == "work"]
        else:
            covered = [mt for mt in matches if mt.detail["question"] == "recording"] or [
                mt for mt in matches if mt.detail["question"] == "work" and p_work >= p_rec]
        cov_a = min(1.0, sum(mt.a.end_s - mt.a.start_s for mt in covered) / max(a.duration, 1e-9))
        cov_b = min(1.0, sum(mt.b.end_s - mt.b.start_s for mt in covered) / max(b.duration, 1e-9))
        notes = [f"{side}: {n}" for side, f in (("A", fa), ("B", fb)) for n in f.notes]
        if not rec:
            notes.append(f"no recording alignment (fewer than {self.min_hits} landmark hashes agree on one "
                         "offset, time factor and pitch shift)")
        ev = {**{f"recording_{k}": v for k, v in (rec[0][1] if rec else {}).items()},
              **{f"work_{k}": v for k, v in work_ev.items()}}
        return Comparison(
            kind=self.name, score=float(probability), coverage_a=float(cov_a), coverage_b=float(cov_b),
            comparator=self.info(), a=MaterialRef(fa.path, fa.sha256), b=MaterialRef(fb.path, fb.sha256),
            matches=tuple(matches), excluded=tuple(exclusions), notes=tuple(notes),
            extra={"evidence": {k: float(v) for k, v in ev.items()},
                   "scores": {"recording": float(p_rec), "work": float(p_work)},
                   "units": {"name": "seconds", "a": a.duration, "b": b.duration}})

    def _base_in(self, base: Track, a: Track) -> list[align.Segment]:
        m = landmarks.match(base.marks, a.marks, self.max_per_key)
        return [s for s in align.alignments(m, self.min_hits, self.max_alignments)
                if score.probability("recording", _recording_evidence(s, base, None)) >= 0.5]

    def _recording_match(self, n: int, seg: align.Segment, ev: dict[str, float], fa: Features,
                         fb: Features) -> Match:
        changed = abs(seg.factor - 1.0) > 0.005 or abs(seg.pitch) > 0.1
        category = "recording reproduced" + (" (speed or pitch changed)" if changed else "")
        detail = {"question": "recording", "hits": int(seg.hits), "density": round(ev["density"], 4),
                  "time_factor": round(seg.factor, 4), "pitch_semitones": round(seg.pitch, 2),
                  "offset_s": _s(seg.offset), "evidence": {k: round(v, 4) for k, v in ev.items()}}
        return Match(id=f"F-audio-{n:04d}", score=score.probability("recording", ev), category=category,
                     a=Region(fa.path, start_s=_s(seg.a_start), end_s=_s(seg.a_end)),
                     b=Region(fb.path, start_s=_s(seg.b_start), end_s=_s(seg.b_end), factor=round(seg.factor, 4)),
                     detail=detail)

    def _work_match(self, n: int, sec: cover.Section, ev: dict[str, float], p: float, a: Track, b: Track,
                    fa: Features, fb: Features) -> Match:
        a0, a1 = _beat(a, sec.a0), _beat(a, sec.a1 + 1)
        b0, b1 = _beat(b, sec.b0), _beat(b, sec.b1 + 1)
        factor = round((b1 - b0) / max(a1 - a0, 1e-9), 4)
        key = (-sec.shift) % 12
        detail = {"question": "work", "qmax": round(sec.qmax, 2), "recurrence": round(sec.recurrence, 4),
                  "transposition_semitones": key - 12 if key > 6 else key, "tempo_factor": factor,
                  "evidence": {k: round(v, 4) for k, v in ev.items()}}
        return Match(id=f"F-audio-{n:04d}", score=p, category="same musical work (another performance)",
                     a=Region(fa.path, start_s=a0, end_s=a1), b=Region(fb.path, start_s=b0, end_s=b1, factor=factor),
                     detail=detail)

    # -- batch -------------------------------------------------------------------------
    def candidates(self, features: dict[str, dict[str, Any]], sources: list[str], suspects: list[str] | None,
                   threshold: float) -> list[tuple[str, str]]:
        """Pairs with a recording alignment of at least ``min_hits`` hashes, or a chroma alignment
        scoring at least 0.5 as the same work; pairs are tried one by one (hash matching is a sorted
        lookup, milliseconds a pair), so this shortlist misses nothing ``compare`` would find."""
        del threshold
        tracks = {p: _track(Features.from_dict(features[p])) for p in sorted(set(sources) | set(suspects or []))}
        if suspects is None:
            pairs = [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:]]
        else:
            pairs = [(a, b) for a in sources for b in suspects if a != b]
        out = []
        for a, b in pairs:
            ta, tb = tracks[a], tracks[b]
            m = landmarks.match(ta.marks, tb.marks, self.max_per_key, _masked_hashes(ta))
            if align.alignments(m, self.min_hits, 1):
                out.append((a, b))
                continue
            if self.question != "recording" and score.probability(
                    "work", _work_evidence(cover.best_section(ta.chroma, tb.chroma), ta, tb)) >= 0.5:
                out.append((a, b))
        return out


def _track(f: Features) -> Track:
    d = f.data
    lm = d["landmarks"]
    marks = Landmarks(packed.unpack(lm["keys"]).astype(np.int64), packed.unpack(lm["times"]).astype(np.int32),
                      packed.unpack(lm["freqs"]).astype(np.int16), packed.unpack(lm["spans"]).astype(np.int16),
                      int(lm["frames"]))
    ch = d["chroma"]
    chroma = packed.unpack(ch["values"]).astype(np.float32).reshape(12, int(ch["beats"]))
    beats = cover.BeatChroma(chroma, packed.unpack(ch["edges"]).astype(np.float64))
    return Track(f.path, float(d["duration"]), marks, beats, [tuple(s) for s in d["silence"]],
                 [tuple(s) for s in d["noise"]])


def _masked_hashes(t: Track) -> np.ndarray:
    """Hashes of A anchored in a noise-like stretch (silence has no peaks to begin with)."""
    fs = landmarks.frame_seconds()
    seconds = t.marks.times * fs
    mask = np.zeros(len(t.marks), bool)
    for lo, hi in t.noise:
        mask |= (seconds >= lo) & (seconds < hi)
    return mask


def _stretch_exclusions(t: Track, side: str) -> list[Exclusion]:
    out = []
    for reason, spans in (("silence", t.silence), ("noise-like sound (applause, crowd, hiss)", t.noise)):
        for lo, hi in spans:
            region = Region(t.path, start_s=float(lo), end_s=float(hi))
            out.append(Exclusion(reason=reason, a=region if side == "a" else None, b=region if side == "b" else None))
    return out


def _recording_evidence(seg: align.Segment, a: Track, masked: np.ndarray | None) -> dict[str, float]:
    inside = (a.marks.times >= seg.a_start) & (a.marks.times <= seg.a_end)
    if masked is not None:
        inside &= ~masked
    seconds = (seg.a_end - seg.a_start) * landmarks.frame_seconds()
    return {"hits": float(np.log1p(seg.hits)), "density": float(seg.hits / max(1, int(inside.sum()))),
            "seconds": float(np.log1p(seconds))}


def _work_evidence(section: cover.Section | None, a: Track, b: Track) -> dict[str, float]:
    if section is None:
        return {"qmax": 0.0, "share": 0.0, "recurrence": 0.0}
    shorter = max(1, min(a.chroma.beats, b.chroma.beats) - cover.EMBED + 1)
    return {"qmax": float(np.log1p(section.qmax)), "share": float(min(1.0, section.qmax / shorter)),
            "recurrence": float(section.recurrence)}


def _distinct(segments: list[align.Segment]) -> list[align.Segment]:
    """Drop weaker alignments that cover the same stretch of A or of B as a stronger one (a
    repeated chorus, an octave confusion) unless they hold a tenth of the strongest one's hits."""
    kept: list[align.Segment] = []
    for seg in segments:
        clash = any(_overlap(seg.a_start, seg.a_end, k.a_start, k.a_end) > 0.5
                    or _overlap(seg.b_start, seg.b_end, k.b_start, k.b_end) > 0.5 for k in kept)
        if clash or (kept and seg.hits < 0.1 * kept[0].hits):
            continue
        kept.append(seg)
    return kept


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    inter = max(0.0, min(a1, b1) - max(a0, b0))
    return inter / max(1e-9, min(a1 - a0, b1 - b0))


def _beat(t: Track, index: int) -> float:
    edges = t.chroma.edges
    return round(float(edges[min(max(index, 0), len(edges) - 1)]), 3)


def _s(frames: float) -> float:
    return round(float(frames) * landmarks.frame_seconds(), 3)
