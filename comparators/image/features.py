"""Local features of one image frame: SIFT keypoints on two inputs, plain and mirrored.

SIFT descriptors are normalised gradient-orientation histograms, so they survive scaling,
rotation, JPEG, blur and brightness or contrast changes. Two inputs make them survive colour
edits as well:

- ``luma``: the grey image (ITU-R 601 weights) after CLAHE (local contrast equalisation);
- ``value``: the HSV value channel max(R, G, B) after CLAHE. A hue rotation leaves it
  unchanged, and it keeps the edges of colours whose luma is close.

SIFT is not mirror-invariant, so each input is also described mirrored (left-right), with the
keypoint coordinates mapped back to the unmirrored image: matching A against B's mirrored set
finds a flipped copy (a vertical flip is a horizontal flip plus a rotation by 180 degrees).

A copy shown small inside B (a collage tile, a thumbnail in a screenshot) keeps only A's
coarse detail, while A's strongest keypoints at full size are mostly fine-scale ones with no
counterpart in B. Each input is therefore also described *reduced* (by ``SCALES``: half and
quarter size, half the keypoint budget each), named ``<channel>@<factor>``: A's reduced sets are
matched against B's full ones (and B's reduced against A's full, for the reverse case).

All coordinates are in the *work* frame: the frame scaled so that its long side is
``work_side`` pixels (``scale`` = work / original); keypoints of a reduced set are mapped back to
it. Pure functions of the pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

CHANNELS = ("luma", "value")
SCALES = (0.5, 0.25)  # reduced inputs described besides the work frame


@dataclass(frozen=True)
class KeypointSet:
    """Keypoints (x, y, size, angle; work frame) and their SIFT descriptors (uint8 x 128)."""

    points: np.ndarray  # float32 (n, 4)
    descriptors: np.ndarray  # uint8 (n, 128)

    def __len__(self) -> int:
        return len(self.points)


def work_frame(rgb: np.ndarray, work_side: int, min_side: int = 320) -> tuple[np.ndarray, float]:
    """``rgb`` resized so its long side is ``work_side`` (small images enlarged up to ``min_side``)."""
    h, w = rgb.shape[:2]
    long_side = max(h, w)
    target = min(work_side, max(long_side, min_side))
    scale = target / long_side
    if abs(scale - 1.0) < 1e-9:
        return rgb, 1.0
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    return cv2.resize(rgb, size, interpolation=interp), scale


def channel(rgb: np.ndarray, name: str) -> np.ndarray:
    """The grey input ``name`` (``luma`` or ``value``) of an RGB frame, contrast-equalised."""
    if name == "luma":
        grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    elif name == "value":
        grey = rgb.max(axis=2)
    else:
        raise ValueError(f"unknown channel {name!r}; known: {CHANNELS}")
    clahe = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))
    return clahe.apply(np.ascontiguousarray(grey))


def is_colourful(rgb: np.ndarray, threshold: float = 12.0) -> bool:
    """Whether the frame has enough colour for the ``value`` channel to differ from ``luma``."""
    small = rgb[:: max(1, rgb.shape[0] // 128), :: max(1, rgb.shape[1] // 128)].astype(np.int16)
    return float((small.max(axis=2) - small.min(axis=2)).mean()) >= threshold


def sift(grey: np.ndarray, max_keypoints: int, mirror: bool = False) -> KeypointSet:
    """SIFT on ``grey`` (mirrored left-right first when ``mirror``; coordinates mapped back).

    Keypoints are ordered by response then position, so the set is the same on every run.
    """
    image = np.ascontiguousarray(grey[:, ::-1]) if mirror else grey
    detector = cv2.SIFT_create(nfeatures=max_keypoints)
    keypoints, descriptors = detector.detectAndCompute(image, None)
    if not keypoints or descriptors is None:
        return KeypointSet(np.zeros((0, 4), np.float32), np.zeros((0, 128), np.uint8))
    points = np.array([(k.pt[0], k.pt[1], k.size, k.angle, k.response) for k in keypoints], np.float32)
    order = np.lexsort((points[:, 1], points[:, 0], -points[:, 4]))[:max_keypoints]
    points = points[order, :4]
    if mirror:
        points[:, 0] = (grey.shape[1] - 1) - points[:, 0]
    desc = np.clip(np.round(descriptors[order]), 0, 255).astype(np.uint8)
    return KeypointSet(points, desc)


def keypoint_sets(rgb_work: np.ndarray, max_keypoints: int,
                  scales: tuple[float, ...] = SCALES) -> dict[str, KeypointSet]:
    """All keypoint sets of a work frame: ``<channel>``, ``<channel>@<factor>`` (reduced by each of
    ``scales``, half the budget), each also ``/mirror``."""
    names = CHANNELS if is_colourful(rgb_work) else ("luma",)
    out: dict[str, KeypointSet] = {}
    for name in names:
        grey = channel(rgb_work, name)
        out[name] = sift(grey, max_keypoints)
        out[f"{name}/mirror"] = sift(grey, max_keypoints, mirror=True)
        for factor in scales:
            small = cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
            if min(small.shape) < 32:
                continue
            for mirror in (False, True):
                k = sift(small, max(1, max_keypoints // 2), mirror=mirror)
                points = k.points.copy()
                points[:, :3] /= factor
                out[reduced_name(name, factor) + ("/mirror" if mirror else "")] = KeypointSet(points, k.descriptors)
    return out


def reduced_name(channel_name: str, factor: float) -> str:
    """The name of a channel's set described at ``factor`` of the work frame (``luma@0.5``)."""
    return f"{channel_name}@{factor:g}"


def thumbnail(rgb: np.ndarray, side: int) -> np.ndarray:
    """Grey thumbnail with long side ``side`` (for the difference map inside a matched region)."""
    h, w = rgb.shape[:2]
    scale = side / max(h, w)
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    return cv2.resize(grey, size, interpolation=cv2.INTER_AREA)
