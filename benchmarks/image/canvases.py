"""Synthetic canvases that embed one image among other material: a UI screenshot and a collage.

Both builders take the embedded image (a derived copy for positives, another original for the
``same_canvas`` negatives) and fillers (other originals), and return the canvas with the exact
map of the embedded image into it and the window that clips it, so positives and negatives
share one layout distribution.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from edits import WORDS, resize
from geometry import scale, translate
from library import font
from PIL import Image, ImageDraw

SCREEN_SIZES = ((1024, 640), (1280, 800), (1366, 768), (1440, 900), (1600, 900), (1280, 1024))


@dataclass(frozen=True)
class Placement:
    """Where the embedded image went: its map into the canvas and the window clipping it."""

    M: np.ndarray
    window: tuple[float, float, float, float]


def paste_scaled(canvas: np.ndarray, img: np.ndarray, f: float, x: int, y: int,
                 window: tuple[int, int, int, int]) -> Placement:
    """Paste ``img`` scaled by ``f`` with its top-left at (x, y), clipped to ``window`` (x0, y0, x1, y1)."""
    h, w = img.shape[:2]
    nw, nh = max(1, round(w * f)), max(1, round(h * f))
    big = resize(img, nw, nh)
    x0, y0 = max(x, window[0]), max(y, window[1])
    x1, y1 = min(x + nw, window[2]), min(y + nh, window[3])
    if x1 > x0 and y1 > y0:
        canvas[y0:y1, x0:x1] = big[y0 - y:y1 - y, x0 - x:x1 - x]
    return Placement(translate(x, y) @ scale(nw / w, nh / h), (x0, y0, x1, y1))


def cover(canvas: np.ndarray, img: np.ndarray, tile: tuple[int, int, int, int], rng: np.random.Generator,
          zoom: float = 1.0) -> Placement:
    """Fill ``tile`` with ``img`` scaled to cover it (times ``zoom``) at a random offset."""
    x0, y0, x1, y1 = tile
    tw, th = x1 - x0, y1 - y0
    h, w = img.shape[:2]
    f = max(tw / w, th / h) * zoom
    ox = int(rng.integers(0, max(0, round(w * f) - tw) + 1))
    oy = int(rng.integers(0, max(0, round(h * f) - th) + 1))
    return paste_scaled(canvas, img, f, x0 - ox, y0 - oy, tile)


def fit(canvas: np.ndarray, img: np.ndarray, box: tuple[int, int, int, int]) -> None:
    """Paste ``img`` scaled to fit inside ``box``, centred (a thumbnail)."""
    x0, y0, x1, y1 = box
    h, w = img.shape[:2]
    f = min((x1 - x0) / w, (y1 - y0) / h)
    if f <= 0:
        return
    x = x0 + ((x1 - x0) - round(w * f)) // 2
    y = y0 + ((y1 - y0) - round(h * f)) // 2
    paste_scaled(canvas, img, f, x, y, box)


# -- screenshot ---------------------------------------------------------------------------------
def screenshot(main: np.ndarray, fillers: list[np.ndarray], rng: np.random.Generator,
               s: int) -> tuple[np.ndarray, Placement, dict[str, object]]:
    """A window with title bar, toolbar, optional sidebar, text lines and thumbnails, showing ``main`` at
    45-60 / 30-45 / 20-30 % of the canvas area (strength 3 may scroll up to 25 % of it out of view)."""
    W, H = SCREEN_SIZES[int(rng.integers(len(SCREEN_SIZES)))]
    dark = rng.random() < 0.4
    bg, fg, panel = ((34, 36, 40), (220, 220, 220), (52, 55, 60)) if dark else \
        ((246, 246, 246), (40, 40, 40), (228, 230, 233))
    im = Image.new("RGB", (W, H), bg)
    d = ImageDraw.Draw(im)
    top = _chrome(d, W, rng, fg, panel)
    bottom = H - 24
    d.rectangle((0, bottom, W, H), fill=panel)
    _words(d, (8, bottom + 4, W // 2, H - 4), rng, fg, 13, 1)
    left = 0
    if rng.random() < 0.5:
        left = int(W * rng.uniform(0.16, 0.22))
        d.rectangle((0, top, left, bottom), fill=panel)
        _words(d, (10, top + 12, left - 10, bottom - 10), rng, fg, 15, 40)
    content = (left + 16, top + 12, W - 16, bottom - 8)
    share = float(rng.uniform(*{1: (0.45, 0.6), 2: (0.3, 0.45), 3: (0.2, 0.3)}[s]))
    h, w = main.shape[:2]
    cw, ch = content[2] - content[0], content[3] - content[1]
    f = min(np.sqrt(share * W * H / (w * h)), cw / w, ch / h * (1.25 if s == 3 else 1.0))
    mw, mh = round(w * f), round(h * f)
    x = content[0] + int(rng.integers(0, max(0, cw - mw) + 1))
    overflow = int(mh * rng.uniform(0, 0.25)) if s == 3 and rng.random() < 0.5 else 0
    y = content[1] + int(rng.integers(0, max(0, ch - mh) + 1)) + overflow
    y = min(y, content[3] - max(mh - overflow, 32))
    canvas = np.asarray(im).copy()
    _fill_free(canvas, content, (x, y, x + mw, y + mh), list(fillers), rng, fg)
    place = paste_scaled(canvas, main, f, x, y, content)
    return canvas, place, {"canvas": "screenshot", "size": [W, H], "share": round(mw * mh / (W * H), 3),
                           "dark": dark, "sidebar": left > 0}


def _chrome(d: ImageDraw.ImageDraw, W: int, rng: np.random.Generator, fg: tuple[int, int, int],
            panel: tuple[int, int, int]) -> int:
    """Title bar, address bar and toolbar; the y where the content starts."""
    title = tuple(int(v) for v in rng.integers(30, 90, 3)) if rng.random() < 0.5 else panel
    d.rectangle((0, 0, W, 32), fill=title)
    for i, col in enumerate(((237, 106, 94), (245, 191, 79), (98, 197, 84))):
        d.ellipse((12 + 22 * i, 10, 26 + 22 * i, 24), fill=col)
    d.text((W / 2, 16), " ".join(rng.choice(WORDS, 3)).title() + " - Viewer", font=font(15),
           fill=(230, 230, 230) if sum(title) < 300 else (30, 30, 30), anchor="mm")
    d.rounded_rectangle((90, 38, W - 90, 64), radius=12, fill=(255, 255, 255) if sum(panel) > 400 else (70, 72, 78))
    d.text((104, 51), "https://" + "".join(rng.choice(list("abcdefghijklmnopqrstuvwxyz"), 10)) + ".example/"
           + "/".join(w.lower() for w in rng.choice(WORDS, 2)), font=font(14), fill=fg, anchor="lm")
    x = 12
    for _ in range(int(rng.integers(4, 9))):
        label = str(rng.choice(WORDS)).title()
        bw = 20 + 9 * len(label)
        d.rounded_rectangle((x, 72, x + bw, 98), radius=6, fill=tuple(min(255, v + 12) for v in panel))
        d.text((x + bw / 2, 85), label, font=font(13), fill=fg, anchor="mm")
        x += bw + 8
        if x > W - 100:
            break
    return 106


def _words(d: ImageDraw.ImageDraw, box: tuple[int, int, int, int], rng: np.random.Generator,
           fg: tuple[int, int, int], px: int, lines: int) -> None:
    """Lines of random words inside ``box``."""
    x0, y0, x1, y1 = box
    y = y0
    f = font(px)
    for _ in range(lines):
        if y + px > y1:
            break
        n = int(rng.integers(2, 9))
        line = " ".join(str(w).lower() for w in rng.choice(WORDS, n))
        while line and d.textlength(line, font=f) > x1 - x0:
            line = line.rsplit(" ", 1)[0] if " " in line else ""
        d.text((x0, y), line, font=f, fill=fg)
        y += int(px * 1.6)


def _fill_free(canvas: np.ndarray, content: tuple[int, int, int, int], main: tuple[int, int, int, int],
               fillers: list[np.ndarray], rng: np.random.Generator, fg: tuple[int, int, int]) -> None:
    """Thumbnails and text in the strips of ``content`` left free by ``main``."""
    cx0, cy0, cx1, cy1 = content
    mx0, my0, mx1, my1 = main
    strips = [(cx0, cy0, mx0 - 12, cy1), (mx1 + 12, cy0, cx1, cy1), (mx0, cy0, mx1, my0 - 12),
              (mx0, my1 + 12, mx1, cy1)]
    for x0, y0, x1, y1 in strips:
        w, h = x1 - x0, y1 - y0
        if w < 60 or h < 30:
            continue
        if fillers and w >= 120 and h >= 100:
            tw = min(w, max(120, int(w * rng.uniform(0.5, 1.0))))
            th = min(h // 2 if h > 260 else h, int(tw * rng.uniform(0.55, 0.8)))
            for _ in range(2):
                if fillers and y1 - y0 >= th:
                    fit(canvas, fillers.pop(0), (x0, y0, x0 + tw, y0 + th))
                    y0 += th + 10
        im = Image.fromarray(canvas)
        _words(ImageDraw.Draw(im), (x0, y0, x1, y1), rng, fg, 15, 30)
        canvas[:] = np.asarray(im)


# -- collage ------------------------------------------------------------------------------------
def collage_tiles(rng: np.random.Generator, n: int, W: int, H: int, gap: int) -> list[tuple[int, int, int, int]]:
    """``n`` tiles in rows (rows of random heights, tiles of random widths), separated by ``gap``."""
    rows = {3: [(3,), (1, 2), (2, 1)], 4: [(2, 2), (1, 3), (3, 1)], 5: [(2, 3), (3, 2)],
            6: [(3, 3), (2, 2, 2), (2, 4)]}[n]
    counts = rows[int(rng.integers(len(rows)))]
    heights = rng.uniform(0.7, 1.3, len(counts))
    heights = heights / heights.sum() * (H - gap * (len(counts) + 1))
    tiles, y = [], gap
    for k, rh in zip(counts, heights):
        widths = rng.uniform(0.6, 1.4, k)
        widths = widths / widths.sum() * (W - gap * (k + 1))
        x = gap
        for tw in widths:
            tiles.append((int(x), int(y), int(x + tw), int(y + rh)))
            x += tw + gap
        y += rh + gap
    return tiles


def collage(main: np.ndarray, fillers: list[np.ndarray], rng: np.random.Generator,
            s: int) -> tuple[np.ndarray, Placement, dict[str, object]]:
    """``main`` as one of 3 / 4-5 / 6 tiles (strength 1 / 2 / 3) with ``fillers`` in the others."""
    n = {1: 3, 2: int(rng.integers(4, 6)), 3: 6}[s]
    W = int(rng.integers(1000, 1500))
    H = int(W * rng.uniform(0.6, 1.0))
    gap = int(rng.integers(0, 18))
    colour = tuple(int(v) for v in rng.integers(0, 256, 3)) if rng.random() < 0.5 else (255, 255, 255)
    canvas = np.full((H, W, 3), colour, np.uint8)
    tiles = collage_tiles(rng, n, W, H, gap)
    k = int(rng.integers(len(tiles)))
    queue = list(fillers)
    place = None
    for i, tile in enumerate(tiles):
        if i == k:
            place = cover(canvas, main, tile, rng, float(rng.uniform(1.0, 1.15)))
        elif queue:
            cover(canvas, queue.pop(0), tile, rng, float(rng.uniform(1.0, 1.2)))
    assert place is not None
    return canvas, place, {"canvas": "collage", "size": [W, H], "tiles": n, "tile": list(tiles[k]), "gap": gap}


CANVASES = {"screenshot": screenshot, "collage": collage}
