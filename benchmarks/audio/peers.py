"""The simplest-baseline peers of the audio benchmark: ``score(a_path, b_path) -> float`` and a ``name``.

Usage (from the repository root, after ``generate.py``)::

    .venv/bin/python benchmarks/audio/peers.py --split tune [--limit 50] [--seed 0]

prints each peer's ROC AUC (and seconds) on ``--limit`` pairs of the split drawn with ``--seed``.

- :class:`Chromaprint`: ``fpcalc -raw -length 120`` (Chromaprint 1.5, Debian ``libchromaprint-tools``) on both
  files; the score is the best, over all offsets with at least :attr:`Chromaprint.min_overlap` overlapping
  sub-fingerprints (about 5 s), of ``1 - bit error rate`` of the overlapping 32-bit integers. Unrelated audio
  sits near 0.5, an identical stretch near 1.0.
- :class:`ChromaXcorr`: librosa ``chroma_stft`` of both at 22050 Hz, hop 2048 (about 10.8 frames per s);
  for each of the 12 circular chroma shifts (key invariance), the cosine-similarity matrix of frames; the score
  is the best mean over a run of 10 s along any diagonal (the whole diagonal when shorter), over shifts.
  It sees the same notes in time, so it fires on covers as much as on copies, and loses the diagonal under a
  tempo change.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import librosa
import numpy as np

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))
from common.peers import DocCache  # noqa: E402

SR = 22050


def fpcalc_raw(path: Path, length: int = 120) -> np.ndarray:
    """The raw Chromaprint fingerprint of ``path`` (uint32 sub-fingerprints, about 8 per second).

    fpcalc 1.5.1 exits with 3 after "Error decoding audio frame (End of file)" on some FLAC and mp3 files
    while printing the full fingerprint, so its exit code is not checked: a missing fingerprint scores 0.
    """
    done = subprocess.run(["fpcalc", "-raw", "-length", str(length), str(path)], capture_output=True, text=True)
    for line in done.stdout.splitlines():
        if line.startswith("FINGERPRINT="):
            body = line.split("=", 1)[1].strip()
            values = [int(v) & 0xFFFFFFFF for v in body.split(",") if v]
            return np.array(values, dtype=np.uint32)
    return np.zeros(0, dtype=np.uint32)


class Chromaprint:
    """Best-offset ``1 - BER`` of Chromaprint's raw fingerprints."""

    name = "chromaprint"

    def __init__(self, min_overlap: int = 40, length: int = 120) -> None:
        self.min_overlap = min_overlap
        self.length = length
        self.cache: DocCache[np.ndarray] = DocCache(lambda p: fpcalc_raw(p, self.length))

    @property
    def params(self) -> dict[str, Any]:
        return {"fpcalc_length": self.length, "min_overlap": self.min_overlap}

    def score(self, a: Path, b: Path) -> float:
        fa, fb = self.cache.get(a), self.cache.get(b)
        if len(fa) == 0 or len(fb) == 0:
            return 0.0
        need = min(self.min_overlap, len(fa), len(fb))
        best = 0.0
        for off in range(-(len(fb) - need), len(fa) - need + 1):  # fb[j] against fa[j + off]
            i0, j0 = max(0, off), max(0, -off)
            n = min(len(fa) - i0, len(fb) - j0)
            if n < need:
                continue
            bits = np.bitwise_count(fa[i0:i0 + n] ^ fb[j0:j0 + n]).sum()
            best = max(best, 1.0 - float(bits) / (32.0 * n))
        return best


def chroma(path: Path, hop: int = 2048) -> np.ndarray:
    """L2-normalised chroma frames (12 x T) of ``path`` at 22050 Hz mono."""
    with warnings.catch_warnings():  # .m4a goes through audioread, with a deprecation warning
        warnings.simplefilter("ignore")
        y, _ = librosa.load(path, sr=SR, mono=True)
    c = librosa.feature.chroma_stft(y=y, sr=SR, hop_length=hop)
    return c / (np.linalg.norm(c, axis=0, keepdims=True) + 1e-9)


class ChromaXcorr:
    """Key-invariant chroma cross-similarity: best 10-s diagonal run."""

    name = "chroma_xcorr"

    def __init__(self, run_seconds: float = 10.0, hop: int = 2048) -> None:
        self.run = max(1, round(run_seconds * SR / hop))
        self.hop = hop
        self.cache: DocCache[np.ndarray] = DocCache(lambda p: chroma(p, self.hop))

    @property
    def params(self) -> dict[str, Any]:
        return {"hop": self.hop, "run_frames": self.run, "shifts": 12}

    def score(self, a: Path, b: Path) -> float:
        ca, cb = self.cache.get(a), self.cache.get(b)
        best = 0.0
        for shift in range(12):
            sim = np.roll(ca, shift, axis=0).T @ cb  # Ta x Tb cosine similarities
            for k in range(-(sim.shape[0] - 1), sim.shape[1]):
                d = np.diagonal(sim, offset=k)
                w = min(self.run, len(d))
                if w < min(self.run, 20):
                    continue
                run = np.convolve(d, np.ones(w) / w, mode="valid")
                best = max(best, float(run.max()))
        return best


PEERS = (Chromaprint, ChromaXcorr)


def main(argv: list[str] | None = None) -> int:
    from sklearn.metrics import roc_auc_score

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="tune", choices=["tune", "test"])
    ap.add_argument("--limit", type=int, default=50, help="pairs drawn at random (0: all)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    folder = HERE / "data" / args.split
    with (folder / "pairs.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    if args.limit and args.limit < len(rows):
        pick = np.random.default_rng(args.seed).choice(len(rows), args.limit, replace=False)
        rows = [rows[int(i)] for i in sorted(pick)]
    labels = [int(r["label"]) for r in rows]
    for cls in PEERS:
        peer = cls()
        t = time.monotonic()
        scores = [peer.score(folder / r["a"], folder / r["b"]) for r in rows]
        took = time.monotonic() - t
        by_q = {}
        for q in ("recording", "work"):
            idx = [i for i, r in enumerate(rows) if r["question"] == q]
            ys = [labels[i] for i in idx]
            if 0 < sum(ys) < len(ys):
                by_q[q] = roc_auc_score(ys, [scores[i] for i in idx])
        print(f"{peer.name:13} AUC {roc_auc_score(labels, scores):.3f} over {len(rows)} pairs ({sum(labels)} copies)"
              + "".join(f"; {q} {v:.3f}" for q, v in by_q.items()) + f"; {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
