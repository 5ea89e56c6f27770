"""Perceptual hashes for retrieval: the whole image, its 8 dihedral variants, tiles and segments.

A 64-bit DCT hash (pHash: the signs of the 8 x 8 lowest frequencies of a 32 x 32 grey version
against their median) survives colour, blur, JPEG and scaling. A single global hash does not
survive rotation, flips, crops or embedding, so an image gets a *set* of hashes:

- the whole image in its 8 dihedral variants (rotations by 90 degrees, mirror images);
- a multi-scale grid of tiles (2 x 2 and 3 x 3, overlapping by half a tile): a crop of the image
  hashes close to one of its tiles;
- salient segments (the bounding boxes of the largest connected regions of a coarse, thresholded
  version): an image pasted into a screenshot or collage is a segment of the canvas, and its hash
  is close to the whole-image hash of the original.

Two images are shortlisted when some hash of one is within a Hamming radius of some hash of the
other (:func:`min_distance`). Pure functions; numpy only (and OpenCV for resizing).
"""

from __future__ import annotations

import cv2
import numpy as np

HASH_SIZE = 8
_DCT_SIZE = 32
_BITS = np.uint64(1) << np.arange(64, dtype=np.uint64)
_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


def phash(grey: np.ndarray) -> int:
    """64-bit pHash of a grey uint8 image (any size >= 1 x 1)."""
    small = cv2.resize(grey.astype(np.float32), (_DCT_SIZE, _DCT_SIZE), interpolation=cv2.INTER_AREA)
    low = cv2.dct(small)[:HASH_SIZE, :HASH_SIZE].ravel()
    bits = low > np.median(low[1:])
    return int(np.bitwise_or.reduce(_BITS[bits])) if bits.any() else 0


def dihedral(grey: np.ndarray) -> list[np.ndarray]:
    """The 8 images of the dihedral group: 4 rotations by 90 degrees, each also mirrored."""
    out = []
    for k in range(4):
        r = np.rot90(grey, k)
        out += [r, r[:, ::-1]]
    return out


def tile_boxes(width: int, height: int, grids: tuple[int, ...] = (2, 3)) -> list[tuple[int, int, int, int]]:
    """Boxes ``(x0, y0, x1, y1)`` of a multi-scale grid of tiles, overlapping by half a tile."""
    boxes = []
    for g in grids:
        tw, th = width / g, height / g
        steps = 2 * g - 1
        for i in range(steps):
            for j in range(steps):
                x0, y0 = int(round(j * tw / 2)), int(round(i * th / 2))
                x1, y1 = int(round(x0 + tw)), int(round(y0 + th))
                if x1 - x0 >= 8 and y1 - y0 >= 8:
                    boxes.append((x0, y0, min(x1, width), min(y1, height)))
    return boxes


def segment_boxes(grey: np.ndarray, limit: int = 6, min_share: float = 0.04) -> list[tuple[int, int, int, int]]:
    """Bounding boxes of the largest salient segments (Otsu on a 96 px version, both polarities, and
    edge-bounded regions), largest first, each at least ``min_share`` of the image."""
    h, w = grey.shape
    scale = 96.0 / max(h, w)
    small = cv2.resize(grey, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (3, 3), 0)
    _, mask = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    edges = cv2.dilate(cv2.Canny(small, 40, 120), np.ones((2, 2), np.uint8))
    candidates = []
    for m in (mask, 255 - mask, 255 - edges):
        n, _, stats, _ = cv2.connectedComponentsWithStats(m, connectivity=4)
        for x, y, bw, bh, _area in stats[1:]:
            if bw * bh >= min_share * small.size and bw * bh <= 0.9 * small.size:
                candidates.append((int(bw * bh), int(x), int(y), int(bw), int(bh)))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    boxes: list[tuple[int, int, int, int]] = []
    for _, x, y, bw, bh in candidates:
        box = (int(x / scale), int(y / scale), min(w, int((x + bw) / scale + 0.5)), min(h, int((y + bh) / scale + 0.5)))
        if box[2] - box[0] < 16 or box[3] - box[1] < 16 or any(_iou(box, b) > 0.7 for b in boxes):
            continue
        boxes.append(box)
        if len(boxes) >= limit:
            break
    return boxes


def _iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union else 0.0


def hash_set(grey: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """All hashes of one image (uint64) and what each one hashes (``whole/d0``..``d7``, ``tile``, ``segment``)."""
    h, w = grey.shape
    values = [phash(v) for v in dihedral(grey)]
    labels = [f"whole/d{k}" for k in range(8)]
    for x0, y0, x1, y1 in tile_boxes(w, h):
        values.append(phash(grey[y0:y1, x0:x1]))
        labels.append(f"tile/{x0},{y0},{x1},{y1}")
    for x0, y0, x1, y1 in segment_boxes(grey):
        values.append(phash(grey[y0:y1, x0:x1]))
        labels.append(f"segment/{x0},{y0},{x1},{y1}")
    return np.array(values, dtype=np.uint64), labels


def hamming(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairwise Hamming distances between two uint64 hash arrays (len(a) x len(b))."""
    x = np.bitwise_xor(a[:, None], b[None, :])
    return _POPCOUNT[x.view(np.uint8).reshape(*x.shape, 8)].sum(axis=-1, dtype=np.int32)


def min_distance(a: np.ndarray, b: np.ndarray, whole_a: int = 8, whole_b: int = 8) -> int:
    """Smallest Hamming distance linking two hash sets through at least one whole-image hash.

    Tile-to-tile links are left out (textures of independent images collide there): a copy is
    one image's whole (or a dihedral variant) against the other's whole, tile or segment.
    """
    if not len(a) or not len(b):
        return 64
    d1 = hamming(a[:whole_a], b).min()
    d2 = hamming(a, b[:whole_b]).min()
    return int(min(d1, d2))


def shortlist(sets: dict[str, np.ndarray], sources: list[str], suspects: list[str] | None, radius: int,
              whole: int = 8) -> list[tuple[str, str]]:
    """Pairs linked within ``radius`` by :func:`min_distance`, computed against all suspects at once.

    With ``suspects`` each source is paired with each suspect; without, all pairs within ``sources``.
    """
    right = suspects if suspects is not None else sources
    if not sources or not right:
        return []
    owner = np.concatenate([np.full(len(sets[p]), j, np.int64) for j, p in enumerate(right)])
    position = np.concatenate([np.arange(len(sets[p])) for p in right])
    values = np.concatenate([sets[p] for p in right])
    is_whole = position < whole
    pairs: list[tuple[str, str]] = []
    for i, a in enumerate(sources):
        ha = sets[a]
        best = np.full(len(right), 64, np.int32)
        if len(ha):
            np.minimum.at(best, owner, hamming(ha[:whole], values).min(axis=0))
            np.minimum.at(best, owner[is_whole], hamming(ha, values[is_whole]).min(axis=0))
        for j in np.flatnonzero(best <= radius):
            b = right[int(j)]
            if b == a or (suspects is None and j <= i):
                continue
            pairs.append((a, b))
    return pairs
