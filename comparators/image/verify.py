"""Geometric verification: which local features of A reappear in B under one transform.

1. Tentative matches: each descriptor of A against its two nearest in B (brute force, L2),
   kept when the nearest is clearly nearer than the second (Lowe's ratio test) and when no
   other A descriptor claims the same B keypoint more strongly.
2. A transform A -> B explaining them: a homography by MAGSAC++ (OpenCV USAC, fixed random
   state, so every run gives the same inliers), checked for a plausible shape; when it fails
   or is implausible, a similarity (rotation, scale, shift) and then a full affine by RANSAC.
   Inliers along one line (a caption, an edge) fix only a similarity: a homography or affine
   fitted on them tilts the rest of the frame arbitrarily, so only the similarity is kept.
3. Further regions: the inliers of an accepted transform are removed and the rest fitted
   again, so a work pasted twice, or two parts of A placed apart in B, are each found.

Coordinates are in the work frames of :mod:`comparators.image.features`. Pure functions.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from comparators.image.features import KeypointSet, reduced_name


@dataclass(frozen=True)
class Model:
    """One verified transform from A to B with its inlier correspondences."""

    transform: np.ndarray  # 3 x 3, A work frame -> B work frame
    method: str  # "homography", "similarity" or "affine"
    points_a: np.ndarray  # float32 (n, 2) inliers in A
    points_b: np.ndarray  # float32 (n, 2) their matches in B
    tentative: int  # tentative matches the model was fitted on

    @property
    def inliers(self) -> int:
        return len(self.points_a)


@dataclass(frozen=True)
class Settings:
    """Parameters of verification (recorded in every result through the comparator)."""

    ratio: float = 0.8
    threshold: float = 4.0  # reprojection error in work-frame pixels
    min_inliers: int = 10
    max_regions: int = 3
    max_iterations: int = 4000
    seed: int = 1


def tentative_matches(a: KeypointSet, b: KeypointSet, ratio: float) -> tuple[np.ndarray, np.ndarray]:
    """Indices (into A, into B) of ratio-test matches, one per B keypoint, in A order."""
    if len(a) < 2 or len(b) < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    da = a.descriptors.astype(np.float32)
    db = b.descriptors.astype(np.float32)
    # squared L2 distances through the dot product: ||x||^2 + ||y||^2 - 2 x.y
    d2 = (da * da).sum(1)[:, None] + (db * db).sum(1)[None, :] - 2.0 * (da @ db.T)
    np.maximum(d2, 0.0, out=d2)
    nearest = np.argpartition(d2, 1, axis=1)[:, :2]
    rows = np.arange(len(da))
    first = d2[rows, nearest[:, 0]]
    second = d2[rows, nearest[:, 1]]
    swap = second < first
    best = np.where(swap, nearest[:, 1], nearest[:, 0])
    first, second = np.minimum(first, second), np.maximum(first, second)
    keep = first < (ratio * ratio) * second
    idx_a = rows[keep]
    idx_b = best[keep]
    dist = first[keep]
    # one A keypoint per B keypoint: the nearest claim wins (ties: lower A index)
    order = np.lexsort((idx_a, dist))
    _, first_claim = np.unique(idx_b[order], return_index=True)
    chosen = np.sort(order[first_claim])
    return idx_a[chosen], idx_b[chosen]


def multiscale_matches(a: dict[str, KeypointSet], b: dict[str, KeypointSet], channel: str, mirrored: bool,
                       ratio: float, scales: tuple[float, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Tentative correspondences (points in A, points in B) of one channel, over scales.

    A's full set is matched against B's (``/mirror`` when ``mirrored``), and each reduced set of
    one side (``<channel>@<factor>``) against the other's full set, each with its own ratio test
    (a feature found at two scales would otherwise fail the test against itself). A
    correspondence found at several scales is kept once (same 3-pixel cell on both sides).
    """
    suffix = "/mirror" if mirrored else ""
    pairs = [(channel, channel + suffix)]
    for factor in scales:
        reduced = reduced_name(channel, factor)
        pairs += [(reduced, channel + suffix), (channel, reduced + suffix)]
    found_a, found_b = [], []
    for name_a, name_b in pairs:
        if name_a not in a or name_b not in b:
            continue
        ka, kb = a[name_a], b[name_b]
        ia, ib = tentative_matches(ka, kb, ratio)
        found_a.append(ka.points[ia, :2])
        found_b.append(kb.points[ib, :2])
    if not found_a:
        return np.zeros((0, 2), np.float32), np.zeros((0, 2), np.float32)
    pa, pb = np.concatenate(found_a), np.concatenate(found_b)
    if len(pa) and len(found_a) > 1:
        cells = np.floor(np.c_[pa, pb] / 3.0).astype(np.int64)
        _, first = np.unique(cells, axis=0, return_index=True)
        keep = np.sort(first)
        pa, pb = pa[keep], pb[keep]
    return pa, pb


def fit_models(pa: np.ndarray, pb: np.ndarray, size_a: tuple[int, int], size_b: tuple[int, int],
               settings: Settings) -> list[Model]:
    """Up to ``max_regions`` transforms explaining disjoint sets of the correspondences."""
    models: list[Model] = []
    remaining = np.arange(len(pa))
    for _ in range(settings.max_regions):
        if len(remaining) < settings.min_inliers:
            break
        model = fit_one(pa[remaining], pb[remaining], size_a, size_b, settings)
        if model is None:
            break
        models.append(model)
        used = _inlier_mask(pa[remaining], pb[remaining], model.transform, settings.threshold)
        remaining = remaining[~used]
    return models


def fit_one(pa: np.ndarray, pb: np.ndarray, size_a: tuple[int, int], size_b: tuple[int, int],
            settings: Settings) -> Model | None:
    """The best plausible transform for ``pa -> pb``, or None when none has enough inliers."""
    n = len(pa)
    if n < settings.min_inliers:
        return None
    candidates: list[tuple[str, np.ndarray]] = []
    if n >= 4:
        params = _usac(settings)
        H, _ = cv2.findHomography(pa, pb, params)
        if H is not None and plausible(H, size_a, size_b):
            candidates.append(("homography", H))
    cv2.setRNGSeed(settings.seed)
    S, _ = cv2.estimateAffinePartial2D(pa, pb, method=cv2.RANSAC,
                                       ransacReprojThreshold=settings.threshold,
                                       maxIters=settings.max_iterations, confidence=0.999)
    if S is not None:
        candidates.append(("similarity", np.vstack([S, [0.0, 0.0, 1.0]])))
    cv2.setRNGSeed(settings.seed)
    A, _ = cv2.estimateAffine2D(pa, pb, method=cv2.RANSAC, ransacReprojThreshold=settings.threshold,
                                maxIters=settings.max_iterations, confidence=0.999)
    if A is not None:
        candidates.append(("affine", np.vstack([A, [0.0, 0.0, 1.0]])))
    best: Model | None = None
    for method, T in candidates:
        if not plausible(T, size_a, size_b) or not plausible(np.linalg.inv(T), size_b, size_a):
            continue
        mask = _inlier_mask(pa, pb, T, settings.threshold)
        if mask.sum() < settings.min_inliers or not _spread(pa[mask], size_a):
            continue
        if method != "similarity" and _thin(pa[mask]):
            continue  # points along one line (a caption, an edge) leave a general model's tilt free
        # a simpler model is kept unless the more general one explains clearly more (5 %)
        if best is None or mask.sum() > 1.05 * best.inliers:
            best = Model(T, method, pa[mask], pb[mask], n)
    return best


def _usac(settings: Settings) -> cv2.UsacParams:
    params = cv2.UsacParams()
    params.threshold = settings.threshold
    params.confidence = 0.999
    params.maxIterations = settings.max_iterations
    params.randomGeneratorState = settings.seed
    params.sampler = cv2.SAMPLING_UNIFORM
    params.score = cv2.SCORE_METHOD_MAGSAC
    params.loMethod = cv2.LOCAL_OPTIM_SIGMA
    params.isParallel = False
    return params


def project(T: np.ndarray, points: np.ndarray) -> np.ndarray:
    """``points`` (n, 2) mapped through the 3 x 3 transform ``T``."""
    if not len(points):
        return np.zeros((0, 2), np.float64)
    return cv2.perspectiveTransform(np.asarray(points, np.float64)[None], T)[0]


def _inlier_mask(pa: np.ndarray, pb: np.ndarray, T: np.ndarray, threshold: float) -> np.ndarray:
    err = np.linalg.norm(project(T, pa) - pb, axis=1)
    return err <= threshold


def plausible(T: np.ndarray, size_a: tuple[int, int], size_b: tuple[int, int]) -> bool:
    """Whether ``T`` maps A's frame to a convex, not degenerate, not wildly foreshortened shape."""
    if not np.all(np.isfinite(T)) or abs(T[2, 2]) < 1e-12:
        return False
    w, h = size_a
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float64)
    denom = T[2, 0] * corners[:, 0] + T[2, 1] * corners[:, 1] + T[2, 2]
    if np.any(denom * np.sign(T[2, 2]) <= 0.05 * abs(T[2, 2])):
        return False  # a corner maps through the horizon
    quad = project(T, corners)
    if not _convex(quad):
        return False
    area = abs(_area(quad))
    ratio = area / float(w * h)
    if not 1 / 400 <= ratio <= 400:
        return False
    sides = np.linalg.norm(np.roll(quad, -1, axis=0) - quad, axis=1)
    return bool(sides.min() > 0 and sides.max() / sides.min() < 12 * max(w, h) / min(w, h))


def _spread(points: np.ndarray, size: tuple[int, int], min_share: float = 0.002) -> bool:
    """Inliers must span an area (not a single repeated corner), at least ``min_share`` of the frame."""
    if len(points) < 3:
        return False
    hull = cv2.convexHull(points.astype(np.float32))
    return cv2.contourArea(hull) >= min_share * size[0] * size[1]


def _thin(points: np.ndarray, min_ratio: float = 0.15) -> bool:
    """Whether ``points`` lie nearly along one line (minor over major standard deviation below ``min_ratio``)."""
    centred = points.astype(np.float64) - points.mean(axis=0)
    eig = np.linalg.eigvalsh(centred.T @ centred / max(1, len(points)))
    return bool(eig[1] <= 0 or np.sqrt(max(eig[0], 0.0) / eig[1]) < min_ratio)


def _area(poly: np.ndarray) -> float:
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def _convex(poly: np.ndarray) -> bool:
    edges = np.roll(poly, -1, axis=0) - poly
    nxt = np.roll(edges, -1, axis=0)
    cross = edges[:, 0] * nxt[:, 1] - edges[:, 1] * nxt[:, 0]
    return bool(np.all(cross > 0) or np.all(cross < 0))
