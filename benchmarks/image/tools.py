"""The tools of the image benchmark: ours and the peers, one pair in, a :class:`Scored` out.

- ``ours``: ``comparators.get("image")``; ``extract`` of each file (cached per file within a
  worker), ``compare``; regions are the union of ``r.matches[*].a/.b.polygon``, evidence is
  ``r.to_dict()["evidence"]``.
- ``ahash``, ``phash``, ``dhash``, ``whash``: imagehash 64-bit hashes of A and B as given (no
  dihedral variants: as people use them); score = 1 - Hamming distance / 64; no regions.
- ``sift_ransac``: OpenCV SIFT (default settings), Lowe's ratio 0.75, ``findHomography`` RANSAC
  with a 5 px reprojection threshold; score = inliers / (inliers + 50) (0 below 4 ratio-test
  matches); regions are the convex hulls of the inliers in A and in B. Images are reduced to a
  long side of at most 1024 px before detection (coordinates are scaled back).
- ``orb_ransac``: the same with ORB (2000 features, Hamming distance).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np

HASH_BITS = 64
FEATURE_SIDE = 1024
RATIO = 0.75
RANSAC_PX = 5.0
SCORE_K = 50


@dataclass
class Scored:
    """One tool's answer for one pair."""

    score: float
    regions_a: list[list[list[float]]] | None = None  # None: the tool does not localise
    regions_b: list[list[list[float]]] | None = None
    evidence: dict[str, float] | None = None
    seconds: float = 0.0  # whole pair, including the extraction of files not cached yet
    extract_seconds: list[float] = field(default_factory=list)  # per file extracted for this pair
    compare_seconds: float = 0.0
    error: str = ""


class Cache:
    """Per-file values made on first use (kept for the last ``size`` files), with the time each took."""

    def __init__(self, make: Callable[[Path], Any], size: int = 128) -> None:
        self.make = make
        self.size = size
        self.items: dict[Path, Any] = {}

    def get(self, path: Path, timings: list[float]) -> Any:
        if path in self.items:
            return self.items[path]
        t = time.perf_counter()
        value = self.make(path)
        timings.append(time.perf_counter() - t)
        self.items[path] = value
        if len(self.items) > self.size:
            self.items.pop(next(iter(self.items)))
        return value


class HashTool:
    """An imagehash hash; score 1 - Hamming distance / 64."""

    def __init__(self, name: str) -> None:
        import imagehash
        from PIL import Image

        self.name = name
        self.version = imagehash.__version__
        fn = {"ahash": imagehash.average_hash, "phash": imagehash.phash, "dhash": imagehash.dhash,
              "whash": imagehash.whash}[name]

        def make(path: Path) -> Any:
            with Image.open(path) as im:
                return fn(im.convert("RGB"))

        self.cache = Cache(make, 256)

    @property
    def params(self) -> dict[str, Any]:
        return {"hash_size": 8, "bits": HASH_BITS, "score": "1 - hamming/64", "imagehash": self.version}

    def score(self, a: Path, b: Path) -> Scored:
        t = time.perf_counter()
        timings: list[float] = []
        ha, hb = self.cache.get(a, timings), self.cache.get(b, timings)
        return Scored(1.0 - (ha - hb) / HASH_BITS, seconds=time.perf_counter() - t, extract_seconds=timings)


@dataclass(frozen=True)
class Keypoints:
    """Keypoints (full-resolution coordinates) and descriptors of one image."""

    points: np.ndarray
    desc: np.ndarray | None


class RansacTool:
    """Local features, ratio test and a RANSAC homography; score from the inlier count."""

    def __init__(self, name: str) -> None:
        self.name = name
        if name == "sift_ransac":
            self.detector = cv2.SIFT_create()
            self.norm = cv2.NORM_L2
        else:
            self.detector = cv2.ORB_create(nfeatures=2000)
            self.norm = cv2.NORM_HAMMING
        self.matcher = cv2.BFMatcher(self.norm)
        self.cache = Cache(self._features, 128)

    @property
    def params(self) -> dict[str, Any]:
        det = "SIFT (OpenCV defaults)" if self.name == "sift_ransac" else "ORB nfeatures=2000"
        return {"detector": det, "long_side": FEATURE_SIDE, "ratio": RATIO, "ransac_px": RANSAC_PX,
                "score": f"inliers/(inliers+{SCORE_K})", "regions": "convex hull of inliers", "opencv": cv2.__version__}

    def _features(self, path: Path) -> Keypoints:
        grey = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
        f = min(1.0, FEATURE_SIDE / max(grey.shape))
        if f < 1.0:
            grey = cv2.resize(grey, (round(grey.shape[1] * f), round(grey.shape[0] * f)), interpolation=cv2.INTER_AREA)
        kp, desc = self.detector.detectAndCompute(grey, None)
        pts = np.array([k.pt for k in kp], np.float32).reshape(-1, 2)
        return Keypoints((pts + 0.5) / f, desc)

    def score(self, a: Path, b: Path) -> Scored:
        t = time.perf_counter()
        timings: list[float] = []
        ka, kb = self.cache.get(a, timings), self.cache.get(b, timings)
        c = time.perf_counter()
        inliers, hull_a, hull_b = self.match(ka, kb)
        done = time.perf_counter()
        return Scored(inliers / (inliers + SCORE_K), [hull_a] if hull_a else [], [hull_b] if hull_b else [],
                      seconds=done - t, extract_seconds=timings, compare_seconds=done - c)

    def match(self, ka: Keypoints, kb: Keypoints) -> tuple[int, list[list[float]], list[list[float]]]:
        """(inliers, hull in A, hull in B)."""
        if ka.desc is None or kb.desc is None or len(ka.desc) < 2 or len(kb.desc) < 2:
            return 0, [], []
        pairs = self.matcher.knnMatch(ka.desc, kb.desc, k=2)
        good = [m for m, n in (p for p in pairs if len(p) == 2) if m.distance < RATIO * n.distance]
        if len(good) < 4:
            return 0, [], []
        src = ka.points[[m.queryIdx for m in good]]
        dst = kb.points[[m.trainIdx for m in good]]
        _h, mask = cv2.findHomography(src, dst, cv2.RANSAC, RANSAC_PX)
        if mask is None:
            return 0, [], []
        keep = mask.ravel().astype(bool)
        return int(keep.sum()), hull(src[keep]), hull(dst[keep])


def hull(points: np.ndarray) -> list[list[float]]:
    """Convex hull of points as a polygon (empty below 3 points)."""
    if len(points) < 3:
        return []
    h = cv2.convexHull(points.astype(np.float32)).reshape(-1, 2)
    return [[float(x), float(y)] for x, y in h]


class OursTool:
    """The workbench's image comparator."""

    def __init__(self, name: str = "ours") -> None:
        import comparators

        self.name = name
        self.comparator = comparators.get("image")
        self.cache = Cache(lambda p: self.comparator.extract(p), 96)

    @property
    def params(self) -> dict[str, Any]:
        info = self.comparator.info()
        return {"version": info.version, **info.params}

    def score(self, a: Path, b: Path) -> Scored:
        t = time.perf_counter()
        timings: list[float] = []
        fa, fb = self.cache.get(a, timings), self.cache.get(b, timings)
        c = time.perf_counter()
        r = self.comparator.compare(fa, fb)
        done = time.perf_counter()
        evidence = (getattr(r, "extra", None) or {}).get("evidence")
        if evidence is None:
            evidence = r.to_dict().get("evidence")
        ra = [[list(p) for p in m.a.polygon] for m in r.matches if m.a.polygon]
        rb = [[list(p) for p in m.b.polygon] for m in r.matches if m.b.polygon]
        return Scored(float(r.score), ra, rb, {k: float(v) for k, v in (evidence or {}).items()},
                      seconds=done - t, extract_seconds=timings, compare_seconds=done - c)


PEERS = ("ahash", "phash", "dhash", "whash", "sift_ransac", "orb_ransac")
ALL = ("ours",) + PEERS


def make_tool(name: str) -> HashTool | RansacTool | OursTool:
    """A tool by name."""
    if name == "ours":
        return OursTool()
    if name in ("ahash", "phash", "dhash", "whash"):
        return HashTool(name)
    if name in ("sift_ransac", "orb_ransac"):
        return RansacTool(name)
    raise ValueError(f"unknown tool {name!r}; known: {', '.join(ALL)}")


def available(name: str) -> str:
    """Empty when the tool can run here, else why not."""
    try:
        make_tool(name)
    except Exception as exc:  # noqa: BLE001 - any failure means the tool is skipped
        return f"{type(exc).__name__}: {exc}"
    return ""
