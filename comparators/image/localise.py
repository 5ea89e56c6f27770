"""Where a verified transform puts the copy, and how much of the overlap is really reproduced.

The *overlap* of a model is the part of A that lands inside B (A's frame intersected with B's
frame mapped back), and its image in B. Inside the overlap, B is warped onto A and both are
compared block by block on grey thumbnails by normalised cross-correlation (NCC, insensitive
to brightness and contrast changes):

- a textured block of A that correlates with B is *reproduced*; one that does not is
  *changed* (an overlay, an edit, or simply a different picture);
- flat blocks (no texture in A) carry no evidence either way and are left out of the shares.

Where B shows only part of the overlap as A (a collage tile whose neighbours fall inside B's frame,
a window partly covering the copy), the region is narrowed to the convex hull of the largest
connected group of agreeing blocks, when that hull is clearly smaller than the overlap and the
textured blocks left outside it mostly disagree (a neighbour tile, a covering window). The flat
margins of a clean copy (sky, a plain background) hold few textured blocks, and those agree, so a
clean copy keeps its whole overlap.

The reproduced share of the region separates a copy (most blocks agree; an overlay shows up as
a changed patch) from two works that merely share a template or a logo (the transform is found
on the shared element, but the rest of the overlap disagrees). The per-block disagreement is
the difference map of the exhibit. Pure functions of arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from comparators.image.verify import project

BLOCK = 8  # thumbnail pixels per block side
FLAT_STD = 6.0  # grey-level standard deviation below which a block of A carries no texture
AGREE_NCC = 0.45
CHANGED_NCC = 0.2  # below: a block B clearly changed (an overlay, an edit), not merely blurred
NARROW_BELOW = 0.8  # the agreeing hull replaces the overlap when it covers less than this share of it
MIN_AGREEING = 6  # agreeing blocks needed to narrow the region


@dataclass(frozen=True)
class Overlap:
    """The matched region of one model and the block comparison inside it."""

    polygon_a: np.ndarray  # (k, 2) work frame of A
    polygon_b: np.ndarray  # (k, 2) work frame of B
    share_a: float  # overlap area / A area
    share_b: float
    informative: int  # textured blocks inside the overlap
    reproduced: float  # share of textured blocks that agree (0 when none)
    difference: np.ndarray  # float32 grid over A's thumbnail: 1 - NCC, NaN outside the overlap
    changed: tuple[np.ndarray, ...]  # polygons (work frame of A) of connected changed blocks


def rectangle(w: float, h: float) -> np.ndarray:
    return np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float64)


def polygon_area(poly: np.ndarray) -> float:
    if len(poly) < 3:
        return 0.0
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def overlap_polygons(T: np.ndarray, size_a: tuple[int, int], size_b: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    """The overlap in A (A frame cut by B's frame mapped back) and its image in B."""
    rect_a = rectangle(*size_a)
    back = project(np.linalg.inv(T), rectangle(*size_b))
    poly_a = _intersect(rect_a, back)
    if len(poly_a) < 3:
        return np.zeros((0, 2)), np.zeros((0, 2))
    poly_a = tidy(poly_a)
    return poly_a, project(T, poly_a)


def _intersect(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Intersection of two convex polygons (either orientation)."""
    a = _ccw(p).astype(np.float32)
    b = _ccw(q).astype(np.float32)
    area, poly = cv2.intersectConvexConvex(a, b)
    if poly is None or area <= 0:
        return np.zeros((0, 2))
    return poly.reshape(-1, 2).astype(np.float64)


def tidy(poly: np.ndarray, tolerance: float = 0.5) -> np.ndarray:
    """``poly`` without repeated or collinear vertices, clockwise on screen, from its top-left vertex."""
    pts = [p for i, p in enumerate(poly) if i == 0 or np.linalg.norm(p - poly[i - 1]) > tolerance]
    if len(pts) > 1 and np.linalg.norm(pts[0] - pts[-1]) <= tolerance:
        pts.pop()
    changed = True
    while changed and len(pts) > 3:
        changed = False
        for i in range(len(pts)):
            prev, cur, nxt = pts[i - 1], pts[i], pts[(i + 1) % len(pts)]
            edge = nxt - prev
            dist = abs(edge[0] * (cur - prev)[1] - edge[1] * (cur - prev)[0]) / max(np.linalg.norm(edge), 1e-9)
            if dist <= tolerance:
                pts.pop(i)
                changed = True
                break
    out = _ccw(np.array(pts, np.float64))  # y points down: counter-clockwise in maths = clockwise on screen
    start = int(np.lexsort((out[:, 0], out[:, 0] + out[:, 1]))[0])
    return np.roll(out, -start, axis=0)


def _ccw(poly: np.ndarray) -> np.ndarray:
    x, y = poly[:, 0], poly[:, 1]
    signed = float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))
    return poly if signed >= 0 else poly[::-1]


def compare_overlap(T: np.ndarray, size_a: tuple[int, int], size_b: tuple[int, int],
                    thumb_a: np.ndarray, thumb_b: np.ndarray,
                    masked_a: np.ndarray | None = None) -> Overlap:
    """Block comparison of A and B (warped onto A) inside the overlap of ``T``.

    ``thumb_a``/``thumb_b`` are grey thumbnails of the work frames; ``masked_a`` (same shape as
    ``thumb_a``, True = leave out) removes declared base material from the shares.
    """
    poly_a, poly_b = overlap_polygons(T, size_a, size_b)
    area_a = float(size_a[0] * size_a[1])
    area_b = float(size_b[0] * size_b[1])
    ha, wa = thumb_a.shape
    hb, wb = thumb_b.shape
    sa = np.diag([wa / size_a[0], ha / size_a[1], 1.0])
    sb = np.diag([wb / size_b[0], hb / size_b[1], 1.0])
    T_thumb = sb @ T @ np.linalg.inv(sa)  # A thumbnail -> B thumbnail
    grid_h, grid_w = ha // BLOCK, wa // BLOCK
    empty = np.full((grid_h, grid_w), np.nan, np.float32)
    if len(poly_a) < 3 or grid_h == 0 or grid_w == 0:
        return Overlap(poly_a, poly_b, 0.0, 0.0, 0, 0.0, empty, ())
    warped = cv2.warpPerspective(thumb_b.astype(np.float32), T_thumb, (wa, ha),
                                 flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP, borderValue=0)
    valid = cv2.warpPerspective(np.ones_like(thumb_b, np.float32), T_thumb, (wa, ha),
                                flags=cv2.INTER_NEAREST | cv2.WARP_INVERSE_MAP, borderValue=0)
    inside = np.zeros((ha, wa), np.uint8)
    cv2.fillConvexPoly(inside, np.round((sa @ np.c_[poly_a, np.ones(len(poly_a))].T)[:2].T).astype(np.int32), 1)
    valid = (valid > 0.5) & (inside > 0)
    if masked_a is not None:
        valid &= ~masked_a
    ref = _matched_detail(thumb_a.astype(np.float32), T_thumb)
    ncc, std_a, cover = _block_ncc(ref, warped, valid, grid_h, grid_w)
    usable = cover >= 0.8
    textured = usable & (std_a >= FLAT_STD)
    agree = textured & (ncc >= AGREE_NCC)
    block_px = (size_a[0] * BLOCK / wa, size_a[1] * BLOCK / ha)
    narrowed = _agreeing_hull(agree, block_px)
    if narrowed is not None:
        cut = _intersect(poly_a, narrowed)
        within = _blocks_inside(cut, (grid_h, grid_w), block_px) if len(cut) >= 3 else None
        outside = textured & ~within if within is not None else None
        if (within is not None and polygon_area(cut) < NARROW_BELOW * polygon_area(poly_a)
                and int((agree & within).sum()) >= MIN_AGREEING
                and _mostly_disagree(outside, agree)):
            poly_a = tidy(cut)
            poly_b = project(T, poly_a)
            textured &= within
            agree &= within
    difference = np.where(textured, np.clip(1.0 - ncc, 0.0, 1.0), np.nan).astype(np.float32)
    informative = int(textured.sum())
    reproduced = float(agree.sum()) / informative if informative else 0.0
    changed = _changed_polygons(textured & (ncc < CHANGED_NCC), size_a, (grid_w, grid_h)) if reproduced >= 0.5 else ()
    return Overlap(poly_a, poly_b, polygon_area(poly_a) / area_a, polygon_area(poly_b) / area_b,
                   informative, reproduced, difference, changed)


def _mostly_disagree(outside: np.ndarray, agree: np.ndarray) -> bool:
    """Whether the textured blocks left outside the agreeing hull show something else.

    A collage neighbour or a covering window disagrees block after block; the flat margins of a
    clean copy (sky, a plain background) hold few textured blocks, and those mostly agree.
    """
    disagreeing = int((outside & ~agree).sum())
    return disagreeing >= MIN_AGREEING and disagreeing >= 2 * int((outside & agree).sum())


def _agreeing_hull(agree: np.ndarray, block_px: tuple[float, float]) -> np.ndarray | None:
    """Convex hull (work frame of A) of the largest connected group of agreeing blocks.

    Blocks one apart count as connected (textured blocks are sparse on flat art); None when the
    group has fewer than ``MIN_AGREEING`` blocks.
    """
    if int(agree.sum()) < MIN_AGREEING:
        return None
    joined = cv2.dilate(agree.astype(np.uint8), np.ones((3, 3), np.uint8))
    count, labels = cv2.connectedComponents(joined, connectivity=8)
    if count < 2:
        return None
    sizes = np.bincount(labels[agree], minlength=count)
    sizes[0] = 0
    biggest = int(np.argmax(sizes))
    if sizes[biggest] < MIN_AGREEING:
        return None
    ys, xs = np.nonzero(agree & (labels == biggest))
    corners = np.concatenate([np.c_[xs + dx, ys + dy] for dx in (0, 1) for dy in (0, 1)]).astype(np.float32)
    hull = cv2.convexHull(corners).reshape(-1, 2).astype(np.float64)
    return hull * np.array(block_px)


def _blocks_inside(poly: np.ndarray, grid: tuple[int, int], block_px: tuple[float, float]) -> np.ndarray:
    """Which blocks of the grid have their centre inside ``poly`` (work frame of A)."""
    gh, gw = grid
    cx = (np.arange(gw) + 0.5) * block_px[0]
    cy = (np.arange(gh) + 0.5) * block_px[1]
    contour = poly.astype(np.float32).reshape(-1, 1, 2)
    return np.array([[cv2.pointPolygonTest(contour, (float(x), float(y)), False) >= 0 for x in cx] for y in cy], bool)


def _matched_detail(thumb_a: np.ndarray, T_thumb: np.ndarray) -> np.ndarray:
    """A's thumbnail blurred to the detail B keeps where B shows A smaller (a collage, a screenshot)."""
    scale = np.sqrt(abs(np.linalg.det(T_thumb[:2, :2]))) if abs(T_thumb[2, 2]) > 1e-12 else 1.0
    if scale >= 0.9:
        return thumb_a
    sigma = 0.5 * np.sqrt(max(1.0 / max(scale, 1e-3) ** 2 - 1.0, 0.0))
    return cv2.GaussianBlur(thumb_a, (0, 0), sigmaX=float(sigma))


def _block_ncc(a: np.ndarray, b: np.ndarray, valid: np.ndarray, gh: int, gw: int) -> tuple[np.ndarray, ...]:
    """Per block: NCC of a and b over valid pixels, standard deviation of a, valid share."""
    crop = (slice(0, gh * BLOCK), slice(0, gw * BLOCK))

    def blocks(x: np.ndarray) -> np.ndarray:
        return x[crop].reshape(gh, BLOCK, gw, BLOCK).transpose(0, 2, 1, 3).reshape(gh, gw, BLOCK * BLOCK)

    m = blocks(valid.astype(np.float32))
    n = m.sum(-1)
    cover = n / float(BLOCK * BLOCK)
    safe = np.maximum(n, 1.0)
    xa, xb = blocks(a), blocks(b)
    ma = (xa * m).sum(-1) / safe
    mb = (xb * m).sum(-1) / safe
    da = (xa - ma[..., None]) * m
    db = (xb - mb[..., None]) * m
    va = (da * da).sum(-1)
    vb = (db * db).sum(-1)
    ncc = (da * db).sum(-1) / np.sqrt(np.maximum(va * vb, 1e-6))
    ncc = np.where(vb / safe < 1.0, 0.0, ncc)  # a textured block of A against a flat one of B
    return ncc, np.sqrt(va / safe), cover


def _changed_polygons(changed: np.ndarray, size_a: tuple[int, int], grid: tuple[int, int],
                      min_blocks: int = 3) -> tuple[np.ndarray, ...]:
    """Bounding boxes (work frame of A) of connected groups of changed blocks, largest first."""
    count, _, stats, _ = cv2.connectedComponentsWithStats(changed.astype(np.uint8), connectivity=8)
    fx, fy = size_a[0] / grid[0], size_a[1] / grid[1]
    found = []
    for x, y, w, h, n in stats[1:]:
        if n >= min_blocks:
            found.append((int(n), rectangle(w * fx, h * fy) + [x * fx, y * fy]))
    found.sort(key=lambda item: (-item[0], float(item[1][0, 1]), float(item[1][0, 0])))
    return tuple(poly for _, poly in found[:8])
