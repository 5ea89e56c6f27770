"""Exact geometry of a derived copy: where the pixels of original A lie in the edited image B.

Coordinates are continuous pixel coordinates: the image spans ``[0, w] x [0, h]`` and pixel
``(i, j)`` covers ``[i, i+1] x [j, j+1]``. A :class:`Copy` carries the edited image, the 3x3 map
``H`` from A's coordinates to the image's, and the polygon (in the image) that A's content
covers, clipped to what is still visible. Every edit updates all three, so the ground-truth
regions of ``pairs.csv`` follow from the chain of edits rather than from a guess.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np


@dataclass
class Copy:
    """An image derived from A and the map of A's pixels into it."""

    img: np.ndarray  # H x W x 3, uint8 RGB
    H: np.ndarray  # 3x3, A's coordinates -> img's coordinates
    poly: np.ndarray  # N x 2 polygon of A's content in img (clipped)
    ops: list[dict[str, Any]] = field(default_factory=list)
    ext: str = "png"
    quality: int = 95

    @classmethod
    def of(cls, img: np.ndarray) -> Copy:
        """The untouched original."""
        return cls(img, np.eye(3), rect_poly(0, 0, img.shape[1], img.shape[0]))

    @property
    def size(self) -> tuple[int, int]:
        """(width, height)."""
        return int(self.img.shape[1]), int(self.img.shape[0])


def rect_poly(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    """The rectangle as a clockwise polygon (in image coordinates, y down)."""
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], dtype=np.float64)


def translate(dx: float, dy: float) -> np.ndarray:
    """3x3 translation."""
    return np.array([[1.0, 0.0, dx], [0.0, 1.0, dy], [0.0, 0.0, 1.0]])


def scale(sx: float, sy: float) -> np.ndarray:
    """3x3 scaling about the origin."""
    return np.diag([sx, sy, 1.0])


def apply(points: np.ndarray, M: np.ndarray) -> np.ndarray:
    """Points (N x 2) mapped by the 3x3 matrix ``M``."""
    pts = np.asarray(points, np.float64).reshape(-1, 2)
    hom = np.hstack([pts, np.ones((len(pts), 1))]) @ M.T
    return hom[:, :2] / hom[:, 2:3]


def clip(poly: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    """Sutherland-Hodgman clipping of a convex or concave polygon to an axis-aligned rectangle."""
    pts = [tuple(p) for p in np.asarray(poly, np.float64).reshape(-1, 2)]
    edges = [(0, x0, True), (0, x1, False), (1, y0, True), (1, y1, False)]
    for axis, bound, keep_greater in edges:
        if not pts:
            break
        out: list[tuple[float, float]] = []
        for i, cur in enumerate(pts):
            prev = pts[i - 1]
            cur_in = cur[axis] >= bound if keep_greater else cur[axis] <= bound
            prev_in = prev[axis] >= bound if keep_greater else prev[axis] <= bound
            if cur_in != prev_in:
                t = (bound - prev[axis]) / (cur[axis] - prev[axis])
                out.append((prev[0] + t * (cur[0] - prev[0]), prev[1] + t * (cur[1] - prev[1])))
            if cur_in:
                out.append(cur)
        pts = out
    return np.array(pts, dtype=np.float64).reshape(-1, 2)


def area(poly: np.ndarray) -> float:
    """Polygon area (shoelace)."""
    p = np.asarray(poly, np.float64).reshape(-1, 2)
    if len(p) < 3:
        return 0.0
    x, y = p[:, 0], p[:, 1]
    return float(abs(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))) / 2)


def to_cv(M: np.ndarray) -> np.ndarray:
    """A continuous-coordinate map as OpenCV's pixel-centre map."""
    return translate(-0.5, -0.5) @ M @ translate(0.5, 0.5)


def warp(img: np.ndarray, M: np.ndarray, size: tuple[int, int], fill: tuple[int, int, int]) -> np.ndarray:
    """``img`` warped by the continuous map ``M`` onto a canvas of ``size`` (w, h) filled with ``fill``."""
    return cv2.warpPerspective(img, to_cv(M), size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                               borderValue=tuple(int(v) for v in fill))


def moved(c: Copy, M: np.ndarray, img: np.ndarray, window: tuple[float, float, float, float] | None = None,
          op: dict[str, Any] | None = None) -> Copy:
    """``c`` after a geometric edit ``M`` that produced ``img``; the region is clipped to ``window``
    (default: the whole new image)."""
    h, w = img.shape[:2]
    x0, y0, x1, y1 = window if window is not None else (0.0, 0.0, float(w), float(h))
    poly = clip(apply(c.poly, M), x0, y0, x1, y1)
    ops = c.ops + ([op] if op else [])
    return Copy(img, M @ c.H, poly, ops, c.ext, c.quality)


def repainted(c: Copy, img: np.ndarray, op: dict[str, Any]) -> Copy:
    """``c`` after an edit that changes pixels but not geometry."""
    return Copy(img, c.H, c.poly, c.ops + [op], c.ext, c.quality)


def region_in_a(c: Copy, size_a: tuple[int, int]) -> np.ndarray:
    """The part of A that is visible in the copy (B's region mapped back and clipped to A)."""
    if len(c.poly) < 3:
        return np.zeros((0, 2))
    back = apply(c.poly, np.linalg.inv(c.H))
    return clip(back, 0, 0, size_a[0], size_a[1])


def poly_json(poly: np.ndarray) -> str:
    """A polygon as the JSON list of [x, y] of ``pairs.csv`` (one decimal)."""
    return json.dumps([[round(float(x), 1), round(float(y), 1)] for x, y in np.asarray(poly).reshape(-1, 2)])


def mask(polys: list[np.ndarray], size: tuple[int, int], factor: float) -> np.ndarray:
    """Boolean mask (at ``factor`` of full size) of the union of polygons."""
    w, h = max(1, round(size[0] * factor)), max(1, round(size[1] * factor))
    out = np.zeros((h, w), np.uint8)
    for p in polys:
        p = np.asarray(p, np.float64).reshape(-1, 2)
        if len(p) >= 3:
            cv2.fillPoly(out, [np.round(p * factor * 8).astype(np.int32)], 1, lineType=cv2.LINE_8, shift=3)
    return out.astype(bool)


def iou(pred: list[np.ndarray], truth: list[np.ndarray], size: tuple[int, int], side: int = 512) -> float:
    """Intersection over union of two polygon unions on an image of ``size``, rasterised at ``side`` px."""
    factor = min(1.0, side / max(size))
    a, b = mask(pred, size, factor), mask(truth, size, factor)
    union = int(np.sum(a | b))
    return float(np.sum(a & b)) / union if union else 0.0
