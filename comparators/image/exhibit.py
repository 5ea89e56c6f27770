"""The side-by-side exhibit of an image comparison: A and B with numbered regions, and the difference map.

Panel 1 shows A, panel 2 shows B, each with every matched region outlined in its own colour and
numbered as its finding (1 = ``F-image-0001``); changed blocks inside a region (overlays, edits)
are hatched in red on B. Panel 3 shows A again with the difference map of the first region laid
over it: green where B reproduces A, red where B differs, no tint outside the region. Text is
ASCII (digits and A/B), so no font is needed. :func:`render` is pure; :func:`write` reads the
two images and writes a PNG.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import numpy as np

from comparators import packed
from comparators.image.read import read_image

PANEL_HEIGHT = 480
COLOURS = ((230, 25, 75), (60, 180, 75), (0, 130, 200), (245, 130, 48), (145, 30, 180), (70, 240, 240))
CHANGED = (220, 0, 0)


def render(rgb_a: np.ndarray, rgb_b: np.ndarray, comparison: dict[str, Any], height: int = PANEL_HEIGHT) -> np.ndarray:
    """The exhibit image (RGB uint8) of ``comparison`` (a comparison as a dict) over its two images."""
    matches = comparison.get("matches", [])
    pa, fa, ta = _fit(rgb_a, height)
    pb, fb, tb = _fit(rgb_b, height)
    for n, m in enumerate(matches, start=1):
        colour = COLOURS[(n - 1) % len(COLOURS)]
        for poly in m.get("detail", {}).get("changed_b", []):
            _hatch(pb, np.array(poly) * fb + [0, tb], CHANGED)
        _outline(pa, np.array(m["a"]["polygon"]) * fa + [0, ta], colour, str(n))
        _outline(pb, np.array(m["b"]["polygon"]) * fb + [0, tb], colour, str(n))
    for e in comparison.get("excluded", []):
        for side, panel, f, top in (("a", pa, fa, ta), ("b", pb, fb, tb)):
            poly = e.get(side, {}).get("polygon")
            if poly:
                _outline(panel, np.array(poly) * f + [0, top], (128, 128, 128), "base")
    pd = _difference_panel(rgb_a, matches[0], height) if matches else (_fit(rgb_a, height)[0] // 2 + 64)
    panels = [_label(pa, "A"), _label(pb, "B"), _label(pd, "A: difference in region 1")]
    gap = np.full((height + 28, 12, 3), 255, np.uint8)
    return np.concatenate([panels[0], gap, panels[1], gap, panels[2]], axis=1)


def write(path_a: Path, path_b: Path, comparison: dict[str, Any], out: Path, max_pixels: int = 80_000_000) -> Path:
    """Read both images (the frames the comparison used) and write the exhibit PNG to ``out``."""
    frames = comparison.get("frames", {"a": 0, "b": 0})
    rgb_a = _frame(read_image(Path(path_a), max_pixels), frames.get("a", 0))
    rgb_b = _frame(read_image(Path(path_b), max_pixels), frames.get("b", 0))
    image = render(rgb_a, rgb_b, comparison)
    out.parent.mkdir(parents=True, exist_ok=True)
    ok, data = cv2.imencode(".png", cv2.cvtColor(image, cv2.COLOR_RGB2BGR))
    if not ok:
        raise OSError(f"cannot encode the exhibit {out}")
    out.write_bytes(data.tobytes())
    return out


def _frame(decoded: Any, number: int) -> np.ndarray:
    for rgb, n in zip(decoded.frames, decoded.frame_numbers):
        if n == number:
            return rgb
    return decoded.frames[0]


def _fit(rgb: np.ndarray, height: int) -> tuple[np.ndarray, float, int]:
    """``rgb`` centred on a white panel of ``height`` (width capped at 1.6 x height): panel, scale, top."""
    h, w = rgb.shape[:2]
    f = min(height / h, 1.6 * height / w)
    size = (max(1, round(w * f)), max(1, round(h * f)))
    scaled = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA if f < 1 else cv2.INTER_LINEAR)
    canvas = np.full((height, size[0], 3), 255, np.uint8)
    top = (height - size[1]) // 2
    canvas[top:top + size[1]] = scaled
    return canvas, f, top


def _outline(canvas: np.ndarray, poly: np.ndarray, colour: tuple[int, int, int], text: str) -> None:
    """Draw polygon ``poly`` (panel coordinates) and its number label."""
    if len(poly) < 2:
        return
    pts = np.round(poly).astype(np.int32)
    cv2.polylines(canvas, [pts], True, colour, 3, cv2.LINE_AA)
    x, y = int(pts[:, 0].min()) + 4, int(pts[:, 1].min()) + 4
    x = min(max(x, 0), canvas.shape[1] - 40)
    y = min(max(y, 0), canvas.shape[0] - 28)
    (tw, th), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, 0.8, 2)
    cv2.rectangle(canvas, (x, y), (x + tw + 8, y + th + 10), colour, -1)
    cv2.putText(canvas, text, (x + 4, y + th + 4), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2, cv2.LINE_AA)


def _hatch(canvas: np.ndarray, poly: np.ndarray, colour: tuple[int, int, int]) -> None:
    """Hatch the inside of ``poly`` (panel coordinates) in ``colour``."""
    pts = np.round(poly).astype(np.int32)
    mask = np.zeros(canvas.shape[:2], np.uint8)
    cv2.fillPoly(mask, [pts], 1)
    stripes = ((np.add.outer(np.arange(canvas.shape[0]), np.arange(canvas.shape[1])) // 6) % 2 == 0)
    sel = (mask > 0) & stripes
    canvas[sel] = (0.5 * canvas[sel] + 0.5 * np.array(colour)).astype(np.uint8)
    cv2.polylines(canvas, [pts], True, colour, 1, cv2.LINE_AA)


def _difference_panel(rgb_a: np.ndarray, match: dict[str, Any], height: int) -> np.ndarray:
    """A in grey with the first region's block differences tinted green (same) to red (different)."""
    canvas, f, top = _fit(rgb_a, height)
    diff = match.get("detail", {}).get("difference")
    if not diff:
        return canvas
    cells = packed.unpack(diff["cells"]).reshape(diff["shape"]).astype(np.float32)
    h, w = rgb_a.shape[:2]
    size = (max(1, round(w * f)), max(1, round(h * f)))
    grid = cv2.resize(cells, size, interpolation=cv2.INTER_NEAREST)
    region = canvas[top:top + size[1], :size[0]]
    grey = cv2.cvtColor(cv2.cvtColor(region, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB).astype(np.float32)
    inside = grid < 255
    t = np.clip(grid / 254.0, 0, 1)[..., None]
    tint = (1 - t) * np.array([40, 200, 60], np.float32) + t * np.array([230, 30, 30], np.float32)
    out = np.where(inside[..., None], 0.55 * grey + 0.45 * tint, 0.6 * grey + 0.4 * 255)
    region[:] = out.astype(np.uint8)
    _outline(canvas, np.array(match["a"]["polygon"]) * f + [0, top], COLOURS[0], "1")
    return canvas


def _label(canvas: np.ndarray, text: str) -> np.ndarray:
    bar = np.full((28, canvas.shape[1], 3), 255, np.uint8)
    cv2.putText(bar, text, (6, 20), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (0, 0, 0), 1, cv2.LINE_AA)
    return np.concatenate([bar, canvas], axis=0)
