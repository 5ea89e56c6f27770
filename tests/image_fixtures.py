"""Real images for the image tests: two photographs shipped with scikit-learn, and edits of them.

Every edit returns the edited image and where the copy of A sits in it (a polygon in B's
pixels), so a test can check that the comparator finds the region in the right place.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import cv2
import numpy as np
import sklearn.datasets
from PIL import Image

IMAGES = Path(sklearn.datasets.__file__).parent / "images"


def photo(name: str) -> np.ndarray:
    """``china`` or ``flower`` (640 x 427 RGB)."""
    return np.asarray(Image.open(IMAGES / f"{name}.jpg").convert("RGB")).copy()


def rect(x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], np.float64)


def _warp(img: np.ndarray, M: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    return cv2.warpPerspective(img, M, size, flags=cv2.INTER_LINEAR, borderValue=(255, 255, 255))


def edits(a: np.ndarray, other: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Edit family -> (B image, polygon of the copy of A in B)."""
    h, w = a.shape[:2]
    full = rect(0, 0, w, h)
    out: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    out["crop"] = (a[80:360, 150:560].copy(), rect(0, 0, 410, 280))
    out["scale"] = (cv2.resize(a, (256, 171), interpolation=cv2.INTER_AREA), rect(0, 0, 256, 171))
    out["aspect"] = (cv2.resize(a, (640, 280), interpolation=cv2.INTER_AREA), rect(0, 0, 640, 280))
    R = np.vstack([cv2.getRotationMatrix2D((w / 2, h / 2), 20, 1.0), [0, 0, 1]])
    out["rotation"] = (_warp(a, R, (w, h)), cv2.perspectiveTransform(full[None], R)[0])
    out["rotation90"] = (np.rot90(a).copy(), rect(0, 0, h, w))
    out["flip"] = (a[:, ::-1].copy(), full)
    out["jpeg"] = (a, full)  # saved at quality 15 by the caller
    hsv = cv2.cvtColor(a, cv2.COLOR_RGB2HSV).astype(np.int32)
    hsv[..., 0] = (hsv[..., 0] + 70) % 180
    out["colour"] = (cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB), full)
    out["blur"] = (cv2.GaussianBlur(a, (0, 0), 2.5), full)
    rng = np.random.default_rng(3)
    out["noise"] = (np.clip(a + rng.normal(0, 25, a.shape), 0, 255).astype(np.uint8), full)
    text = a.copy()
    cv2.putText(text, "FAKE 2026", (40, 250), cv2.FONT_HERSHEY_SIMPLEX, 3.2, (255, 255, 0), 14)
    out["text"] = (text, full)
    border = cv2.copyMakeBorder(a, 60, 60, 90, 90, cv2.BORDER_CONSTANT, value=(20, 20, 160))
    out["border"] = (border, rect(90, 60, 90 + w, 60 + h))
    out["screenshot"] = (screenshot(a), rect(200, 150, 200 + 384, 150 + 256))
    out["collage"] = collage(a, other)
    src = full.astype(np.float32)
    dst = np.array([[60, 40], [600, 10], [630, 420], [20, 380]], np.float32)
    P = cv2.getPerspectiveTransform(src, dst)
    out["perspective"] = (_warp(a, P, (w, h)), dst.astype(np.float64))
    crop = a[40:400, 60:600]
    R2 = np.vstack([cv2.getRotationMatrix2D((270, 180), -12, 0.8), [0, 0, 1]])
    combo = _warp(crop, R2, (540, 360)).copy()
    cv2.putText(combo, "SALE", (150, 200), cv2.FONT_HERSHEY_SIMPLEX, 2.5, (255, 0, 0), 10)
    out["combined"] = (combo, cv2.perspectiveTransform(rect(0, 0, 540, 360)[None], R2)[0])
    return out


def screenshot(a: np.ndarray) -> np.ndarray:
    """A window-like canvas: title bar, toolbar, text lines, and ``a`` shown at 384 x 256 px."""
    canvas = np.full((720, 1000, 3), 245, np.uint8)
    canvas[:40] = (50, 60, 90)
    canvas[40:90] = (225, 225, 230)
    for i in range(12):
        cv2.rectangle(canvas, (10 + 60 * i, 50), (50 + 60 * i, 80), (180, 180, 190), -1)
    for y in range(450, 700, 28):
        cv2.line(canvas, (200, y), (200 + (y * 37) % 500 + 200, y), (90, 90, 90), 6)
    canvas[150:406, 200:584] = cv2.resize(a, (384, 256), interpolation=cv2.INTER_AREA)
    cv2.putText(canvas, "Gallery - Viewer", (12, 28), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2)
    return canvas


def collage(a: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A 2 x 2 collage: ``a`` (cropped) top right, ``other`` in two tiles, a grey tile."""
    canvas = np.full((640, 960, 3), 255, np.uint8)
    canvas[10:310, 490:950] = cv2.resize(a[30:400, 40:600], (460, 300))
    canvas[10:310, 10:470] = cv2.resize(other, (460, 300))
    canvas[330:630, 10:470] = cv2.resize(other[::-1], (460, 300))
    canvas[330:630, 490:950] = 128
    return canvas, rect(490, 10, 950, 310)


def same_template(content: np.ndarray) -> np.ndarray:
    """``content`` in a fixed template: coloured frame, caption bar with text and a badge."""
    canvas = np.full((600, 800, 3), (240, 230, 200), np.uint8)
    canvas[60:487, 80:720] = cv2.resize(content, (640, 427))
    cv2.rectangle(canvas, (0, 500), (800, 600), (30, 40, 120), -1)
    cv2.putText(canvas, "Summer Festival 2026", (60, 565), cv2.FONT_HERSHEY_SIMPLEX, 1.6, (255, 255, 255), 4)
    cv2.circle(canvas, (730, 550), 36, (240, 200, 0), -1)
    cv2.putText(canvas, "No.1", (700, 560), cv2.FONT_HERSHEY_SIMPLEX, 0.9, (0, 0, 0), 2)
    return canvas


def save(path: Path, rgb: np.ndarray, **options: object) -> Path:
    Image.fromarray(np.ascontiguousarray(rgb)).save(path, **options)
    return path


def psd_bytes(rgb: np.ndarray) -> bytes:
    """A minimal Photoshop file: RGB 8-bit, no layers, raw composite image data."""
    h, w = rgb.shape[:2]
    header = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, h, w, 8, 3)
    sections = struct.pack(">I", 0) * 3  # colour mode data, image resources, layer and mask info
    planes = b"".join(np.ascontiguousarray(rgb[..., c]).tobytes() for c in range(3))
    return header + sections + struct.pack(">H", 0) + planes


def png_bomb_header(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` x ``height`` pixels (its data is a few bytes)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00" * 16)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
