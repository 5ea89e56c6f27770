"""copydetect 0.5.0 (PyPI) on plain text, with its copied slices turned into PAN detections.

What copydetect does with a ``.txt`` file (read in ``copydetect/utils.py``): ``filter_code``
asks Pygments for the lexer of the file name and gets ``TextLexer``; its guard
``lexer == pygments.lexers.TextLexer`` compares a lexer *instance* with the class, so it never
fires, and ``TextLexer`` yields the whole file as one ``Token.Text`` token, which
``filter_code`` drops as whitespace. The filtered document is empty: no fingerprint, score 0
and no slice for every pair, English or Chinese. We therefore build ``CodeFingerprint`` with
``filter=False`` — what copydetect itself does for an extension Pygments does not know —
so it winnows k-grams of the raw *characters* (case and punctuation kept; no word
boundaries are involved, so Chinese without spaces is handled the same way as English).
The text is decoded by the workbench's ``read_text`` (GB18030/Big5 too) and handed over as
``fp``, so character offsets are code points of the same decoded text the cases use.

Defaults as in copydetect: noise threshold k = 25 characters, guarantee threshold 25
(winnowing window 1, i.e. every k-gram is a fingerprint; this also keeps results
independent of Python's per-process string-hash salt, which copydetect's ``hash()`` uses).
Score: ``max`` of copydetect's two similarity ratios, as in its HTML report.

Detections. ``compare_files`` returns, for each side separately, the copied slices (runs of
shared k-grams merged when less than k apart); it does not say which A slice matches which B
slice. We pair them through the shared fingerprints: every shared k-gram hash links each of
its positions in A with each of its positions in B; a position pair falls into one A slice
and one B slice, and every (A slice, B slice) couple linked by at least one position pair
becomes one detection, narrowed on each side to the k-grams that link the two slices
(first linked position to last linked position + k).
"""

from __future__ import annotations

import io
import logging
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

from peers.contract import DocCache, PairOutput, Range4

NOISE_THRESHOLD = 25
GUARANTEE_THRESHOLD = 25


def copydetect_version() -> str:
    """The installed copydetect version."""
    return version("copydetect")


def linked_positions(hashes_a: set[int], idx_a: dict[int, list[int]], hashes_b: set[int],
                     idx_b: dict[int, list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """(A position, B position) of every occurrence pair of every shared k-gram hash."""
    pos_a: list[np.ndarray] = []
    pos_b: list[np.ndarray] = []
    for h in sorted(hashes_a & hashes_b):
        pa, pb = np.asarray(idx_a[h], dtype=np.int64), np.asarray(idx_b[h], dtype=np.int64)
        pos_a.append(np.repeat(pa, pb.size))
        pos_b.append(np.tile(pb, pa.size))
    if not pos_a:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(pos_a), np.concatenate(pos_b)


def pair_slices(pos_a: np.ndarray, pos_b: np.ndarray, slices_a: np.ndarray, slices_b: np.ndarray,
                k: int) -> list[Range4]:
    """One detection per (A slice, B slice) couple linked by shared k-grams (see module doc)."""
    if not pos_a.size or not slices_a.size or not slices_b.size:
        return []
    ia = np.searchsorted(slices_a[0], pos_a, side="right") - 1
    ib = np.searchsorted(slices_b[0], pos_b, side="right") - 1
    key = ia * (slices_b.shape[1] + 1) + ib
    order = np.argsort(key, kind="stable")
    key, pos_a, pos_b = key[order], pos_a[order], pos_b[order]
    first = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
    a_lo, a_hi = np.minimum.reduceat(pos_a, first), np.maximum.reduceat(pos_a, first) + k
    b_lo, b_hi = np.minimum.reduceat(pos_b, first), np.maximum.reduceat(pos_b, first) + k
    return sorted(zip(a_lo.tolist(), a_hi.tolist(), b_lo.tolist(), b_hi.tolist()))


class CopydetectText:
    """Fingerprint each text once per process and compare pairs with ``copydetect.compare_files``."""

    name = "copydetect"

    def __init__(self, noise_t: int = NOISE_THRESHOLD, guarantee_t: int = GUARANTEE_THRESHOLD) -> None:
        self.k = noise_t
        self.win_size = guarantee_t - noise_t + 1
        self._cache: DocCache[Any] = DocCache(self.fingerprint)
        logging.getLogger().setLevel(logging.ERROR)

    @property
    def params(self) -> dict[str, Any]:
        """The settings that change a result."""
        return {"noise_t": self.k, "guarantee_t": self.k + self.win_size - 1, "filter": False,
                "score": "max(similarity_a, similarity_b)",
                "detections": "(A slice, B slice) couples linked by shared k-grams"}

    def fingerprint(self, path: Path) -> Any:
        """copydetect's ``CodeFingerprint`` of the decoded text, unfiltered."""
        from copydetect import CodeFingerprint

        from comparators.textio import read_text

        text = read_text(path).text
        return CodeFingerprint(str(path), self.k, self.win_size, filter=False, fp=io.StringIO(text))

    def score(self, a: Path, b: Path) -> PairOutput:
        """copydetect's score and its slices paired into detections."""
        from copydetect import compare_files

        fa, fb = self._cache.get(a), self._cache.get(b)
        _, (sim_a, sim_b), (slices_a, slices_b) = compare_files(fa, fb)
        slices_a = np.asarray(slices_a, dtype=np.int64).reshape(2, -1)
        slices_b = np.asarray(slices_b, dtype=np.int64).reshape(2, -1)
        pos_a, pos_b = linked_positions(fa.hashes, fa.hash_idx, fb.hashes, fb.hash_idx)
        detections = pair_slices(pos_a, pos_b, slices_a, slices_b, self.k)
        return PairOutput(float(max(sim_a, sim_b)), detections, ["copied-slice"] * len(detections))
