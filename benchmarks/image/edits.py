"""The single edits (DISC21-style families) applied to a :class:`~geometry.Copy`, each at strength 1-3.

Every edit is ``edit(copy, rng, strength, ctx) -> copy`` and records its parameters in
``copy.ops``. Geometric edits update the map from A and the visible region exactly
(:mod:`geometry`); pixel edits leave them alone; overlays cover part of the copy but do not
change the ground-truth region (the copied region is where A's content was placed, occluded
or not).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np
from geometry import Copy, apply, moved, rect_poly, repainted, scale, translate, warp
from library import Library, Original, font
from PIL import Image, ImageDraw

WORDS = ("SALE", "NEW", "WOW", "BEST", "FREE", "LIMITED", "EDITION", "SUMMER", "WINTER", "OFFER", "TODAY",
         "ONLY", "CLICK", "HERE", "PREMIUM", "QUALITY", "ORIGINAL", "COLLECTION", "SPECIAL", "EVENT", "LOL",
         "WHEN", "YOU", "SEE", "IT", "MONDAY", "MOOD", "ART", "GALLERY", "PRINT", "POSTER", "SHOP", "NOW",
         "2024", "HD", "4K", "WALLPAPER", "DOWNLOAD", "LEVEL", "GAME", "OVER", "PLAY", "STORE")


@dataclass(frozen=True)
class Ctx:
    """What an edit may draw on: the split's originals and the original being copied."""

    lib: Library
    a: Original


Edit = Callable[[Copy, np.random.Generator, int, Ctx], Copy]


def pick(rng: np.random.Generator, ranges: dict[int, tuple[float, float]], s: int) -> float:
    """A uniform value from the range of strength ``s``."""
    lo, hi = ranges[s]
    return float(rng.uniform(lo, hi))


def random_colour(rng: np.random.Generator) -> tuple[int, int, int]:
    """A fill colour: black, white, grey or a random colour."""
    choice = int(rng.integers(4))
    if choice == 0:
        return (0, 0, 0)
    if choice == 1:
        return (255, 255, 255)
    if choice == 2:
        g = int(rng.integers(60, 200))
        return (g, g, g)
    return tuple(int(v) for v in rng.integers(0, 256, 3))  # type: ignore[return-value]


def resize(img: np.ndarray, w: int, h: int) -> np.ndarray:
    """Resize with area averaging when shrinking, cubic when enlarging."""
    shrink = w * h < img.shape[0] * img.shape[1]
    return cv2.resize(img, (max(1, w), max(1, h)), interpolation=cv2.INTER_AREA if shrink else cv2.INTER_CUBIC)


# -- geometric edits ----------------------------------------------------------------------------
def crop(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Keep 30-80 % of the area (strength 1: 65-80 %, 2: 45-65 %, 3: 30-45 %)."""
    keep = pick(rng, {1: (0.65, 0.8), 2: (0.45, 0.65), 3: (0.3, 0.45)}, s)
    w, h = c.size
    rw = min(1.0, np.sqrt(keep) * float(np.exp(rng.uniform(-0.3, 0.3))))
    rh = min(1.0, keep / rw)
    rw = min(1.0, keep / rh)
    cw, ch = max(64, round(w * rw)), max(64, round(h * rh))
    cw, ch = min(cw, w), min(ch, h)
    x0, y0 = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    img = c.img[y0:y0 + ch, x0:x0 + cw].copy()
    return moved(c, translate(-x0, -y0), img, op={"edit": "crop", "box": [x0, y0, x0 + cw, y0 + ch],
                                                   "keep": round(cw * ch / (w * h), 3)})


def rescale(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Scale by 0.3-2x (strength 1: 0.7-0.9 or 1.2-1.5, 2: 0.5-0.7 or 1.5-1.8, 3: 0.3-0.5 or 1.8-2)."""
    down = rng.random() < 0.6
    f = pick(rng, {1: (0.7, 0.9), 2: (0.5, 0.7), 3: (0.3, 0.5)} if down else
             {1: (1.2, 1.5), 2: (1.5, 1.8), 3: (1.8, 2.0)}, s)
    return _resized(c, f, f, {"edit": "scale", "factor": round(f, 3)})


def aspect(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Stretch one axis against the other by a ratio (1: 1.15-1.3, 2: 1.3-1.6, 3: 1.6-2.0)."""
    r = pick(rng, {1: (1.15, 1.3), 2: (1.3, 1.6), 3: (1.6, 2.0)}, s)
    sx, sy = (np.sqrt(r), 1 / np.sqrt(r)) if rng.random() < 0.5 else (1 / np.sqrt(r), np.sqrt(r))
    return _resized(c, float(sx), float(sy), {"edit": "aspect", "ratio": round(r, 3)})


def _resized(c: Copy, fx: float, fy: float, op: dict[str, Any]) -> Copy:
    w, h = c.size
    nw, nh = max(32, round(w * fx)), max(32, round(h * fy))
    img = resize(c.img, nw, nh)
    return moved(c, scale(nw / w, nh / h), img, op=op)


def rotate(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Rotate by 5-30 degrees (1: 5-10, 2: 10-20, 3: 20-30) and expand the canvas to fit."""
    deg = pick(rng, {1: (5, 10), 2: (10, 20), 3: (20, 30)}, s) * (1 if rng.random() < 0.5 else -1)
    w, h = c.size
    t = np.deg2rad(deg)
    R = translate(w / 2, h / 2) @ np.array([[np.cos(t), -np.sin(t), 0], [np.sin(t), np.cos(t), 0], [0, 0, 1]]) \
        @ translate(-w / 2, -h / 2)
    corners = apply(rect_poly(0, 0, w, h), R)
    lo, hi = corners.min(axis=0), corners.max(axis=0)
    M = translate(-lo[0], -lo[1]) @ R
    size = (int(np.ceil(hi[0] - lo[0])), int(np.ceil(hi[1] - lo[1])))
    fill = random_colour(rng)
    return moved(c, M, warp(c.img, M, size, fill), op={"edit": "rotate", "degrees": round(deg, 2), "fill": fill})


def rotate90(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Rotate by 90, 180 or 270 degrees counter-clockwise (strength 1, 2, 3)."""
    w, h = c.size
    maps = {1: np.array([[0, 1, 0], [-1, 0, w], [0, 0, 1]], float),
            2: np.array([[-1, 0, w], [0, -1, h], [0, 0, 1]], float),
            3: np.array([[0, -1, h], [1, 0, 0], [0, 0, 1]], float)}
    img = np.ascontiguousarray(np.rot90(c.img, k=s))
    return moved(c, maps[s], img, op={"edit": "rotate90", "degrees": 90 * s})


def flip(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Mirror left-right (strength 1) or top-bottom (strength 2 and 3)."""
    w, h = c.size
    if s == 1:
        M, img, axis = np.array([[-1, 0, w], [0, 1, 0], [0, 0, 1]], float), c.img[:, ::-1], "horizontal"
    else:
        M, img, axis = np.array([[1, 0, 0], [0, -1, h], [0, 0, 1]], float), c.img[::-1], "vertical"
    return moved(c, M, np.ascontiguousarray(img), op={"edit": "flip", "axis": axis})


def perspective(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Move each corner by up to 6 / 12 / 20 % of the side (a photo of a print or a screen)."""
    d = {1: 0.06, 2: 0.12, 3: 0.2}[s]
    w, h = c.size
    src = rect_poly(0, 0, w, h)
    dst = src + rng.uniform(-d, d, (4, 2)) * np.array([w, h])
    P = cv2.getPerspectiveTransform(src.astype(np.float32), dst.astype(np.float32)).astype(np.float64)
    lo, hi = dst.min(axis=0), dst.max(axis=0)
    M = translate(-lo[0], -lo[1]) @ P
    size = (int(np.ceil(hi[0] - lo[0])), int(np.ceil(hi[1] - lo[1])))
    fill = random_colour(rng)
    return moved(c, M, warp(c.img, M, size, fill), op={"edit": "perspective", "max_shift": d, "fill": fill})


def border(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Pad each side by 3-8 / 10-20 / 20-35 % with a colour, a gradient or a blurred enlarged copy."""
    f = pick(rng, {1: (0.03, 0.08), 2: (0.1, 0.2), 3: (0.2, 0.35)}, s)
    w, h = c.size
    side = rng.uniform(0.6, 1.4, 4) * f  # left, top, right, bottom
    pl, pt, pr, pb = (int(round(side[i] * (w if i % 2 == 0 else h))) for i in range(4))
    W, H = w + pl + pr, h + pt + pb
    style = ("colour", "gradient", "blurred")[int(rng.integers(3))]
    canvas = _background(c.img, W, H, style, rng)
    canvas[pt:pt + h, pl:pl + w] = c.img
    return moved(c, translate(pl, pt), canvas, op={"edit": "border", "style": style, "pad": [pl, pt, pr, pb]})


def _background(img: np.ndarray, W: int, H: int, style: str, rng: np.random.Generator) -> np.ndarray:
    if style == "blurred":
        big = resize(img, W, H)
        return cv2.GaussianBlur(big, (0, 0), max(W, H) / 40)
    if style == "gradient":
        c0, c1 = np.array(random_colour(rng), float), np.array(random_colour(rng), float)
        t = np.linspace(0, 1, H)[:, None, None]
        return np.broadcast_to(c0 * (1 - t) + c1 * t, (H, W, 3)).astype(np.uint8).copy()
    return np.full((H, W, 3), random_colour(rng), np.uint8)


# -- pixel edits --------------------------------------------------------------------------------
def jpeg(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Save as JPEG at quality 30-40 / 18-30 / 8-18 (applied when the file is written; keep it last)."""
    q = int(round(pick(rng, {1: (30, 40), 2: (18, 30), 3: (8, 18)}, s)))
    out = repainted(c, c.img, {"edit": "jpeg", "quality": q})
    out.ext, out.quality = "jpg", q
    return out


def jpeg_roundtrip(img: np.ndarray, quality: int) -> np.ndarray:
    """``img`` encoded and decoded as JPEG (for a JPEG edit that is not the last)."""
    ok, buf = cv2.imencode(".jpg", cv2.cvtColor(img, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return cv2.cvtColor(cv2.imdecode(buf, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def colour(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """One colour change: hue shift, saturation, greyscale, or contrast/brightness (and gamma)."""
    kind = ("hue", "saturation", "grey", "contrast")[int(rng.integers(4))]
    img, params = COLOUR[kind](c.img, rng, s)
    return repainted(c, img, {"edit": "colour", "change": kind, **params})


def _hue(img: np.ndarray, rng: np.random.Generator, s: int) -> tuple[np.ndarray, dict[str, Any]]:
    deg = pick(rng, {1: (10, 25), 2: (25, 60), 3: (60, 180)}, s) * (1 if rng.random() < 0.5 else -1)
    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV_FULL).astype(np.int32)
    hsv[:, :, 0] = (hsv[:, :, 0] + int(round(deg * 256 / 360))) % 256
    return cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB_FULL), {"degrees": round(deg, 1)}


def _saturation(img: np.ndarray, rng: np.random.Generator, s: int) -> tuple[np.ndarray, dict[str, Any]]:
    up = rng.random() < 0.5
    f = pick(rng, {1: (1.3, 1.5), 2: (1.5, 2.0), 3: (2.0, 3.0)} if up else
             {1: (0.6, 0.8), 2: (0.35, 0.6), 3: (0.1, 0.35)}, s)
    hsv = cv2.cvtColor(img, cv2.COLOR_RGB2HSV).astype(np.float32)
    hsv[:, :, 1] = np.clip(hsv[:, :, 1] * f, 0, 255)
    return cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB), {"factor": round(f, 3)}


def _grey(img: np.ndarray, rng: np.random.Generator, s: int) -> tuple[np.ndarray, dict[str, Any]]:
    share = {1: 0.6, 2: 0.85, 3: 1.0}[s]
    grey = cv2.cvtColor(cv2.cvtColor(img, cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB).astype(np.float32)
    out = grey * share + img.astype(np.float32) * (1 - share)
    if s == 3:  # greyscale and a contrast change
        out = (out - 128) * float(rng.uniform(1.1, 1.4)) + 128
    return np.clip(out, 0, 255).astype(np.uint8), {"share": share}


def _contrast(img: np.ndarray, rng: np.random.Generator, s: int) -> tuple[np.ndarray, dict[str, Any]]:
    spread = {1: 0.2, 2: 0.4, 3: 0.6}[s]
    k = float(rng.uniform(1 - spread, 1 + spread))
    b = float(rng.uniform(-1, 1) * {1: 15, 2: 30, 3: 50}[s])
    gamma = float(np.exp(rng.uniform(-1, 1) * {1: 0.1, 2: 0.25, 3: 0.45}[s]))
    x = np.clip((img.astype(np.float32) - 128) * k + 128 + b, 0, 255) / 255
    return (np.power(x, gamma) * 255).astype(np.uint8), {"contrast": round(k, 3), "brightness": round(b, 1),
                                                          "gamma": round(gamma, 3)}


COLOUR = {"hue": _hue, "saturation": _saturation, "grey": _grey, "contrast": _contrast}


def blur(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Gaussian blur, sigma 1-2 / 2.5-4 / 5-8 px per 1024 px of the long side."""
    sigma = pick(rng, {1: (1, 2), 2: (2.5, 4), 3: (5, 8)}, s) * max(c.size) / 1024
    img = cv2.GaussianBlur(c.img, (0, 0), max(0.5, sigma))
    return repainted(c, img, {"edit": "blur", "sigma": round(sigma, 2)})


def noise(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Gaussian noise of sigma 6-12 / 15-25 / 30-45 grey levels (strength 3 adds 2 % salt and pepper)."""
    sigma = pick(rng, {1: (6, 12), 2: (15, 25), 3: (30, 45)}, s)
    img = c.img.astype(np.float32) + rng.normal(0, sigma, c.img.shape).astype(np.float32)
    img = np.clip(img, 0, 255).astype(np.uint8)
    if s == 3:
        salt = rng.random(img.shape[:2])
        img[salt < 0.01] = 0
        img[salt > 0.99] = 255
    return repainted(c, img, {"edit": "noise", "sigma": round(sigma, 1)})


# -- overlays -----------------------------------------------------------------------------------
def text(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Large caption text (1 / 2 / 3 lines, 8-10 / 10-14 / 14-20 % of the height each)."""
    lines = [" ".join(rng.choice(WORDS, int(rng.integers(1, 4)))) for _ in range(s)]
    size = pick(rng, {1: (0.08, 0.1), 2: (0.1, 0.14), 3: (0.14, 0.2)}, s)
    im = Image.fromarray(c.img)
    where = ("top", "bottom", "centre")[int(rng.integers(3))]
    fill = (255, 255, 255) if rng.random() < 0.7 else random_colour(rng)
    draw_caption(im, lines, size, where, fill, rng)
    return repainted(c, np.asarray(im).copy(), {"edit": "text", "lines": lines, "size": round(size, 3),
                                                "where": where})


def draw_caption(im: Image.Image, lines: list[str], size: float, where: str, fill: tuple[int, int, int],
                 rng: np.random.Generator | None = None) -> None:
    """Meme-style caption lines (outlined) drawn on ``im`` at ``where`` (top, bottom or centre)."""
    w, h = im.size
    draw = ImageDraw.Draw(im)
    px = max(8, int(size * h))
    boxes = []
    for line in lines:
        f = font(px)
        box = draw.textbbox((0, 0), line, font=f, stroke_width=max(1, px // 12))
        if box[2] - box[0] > 0.94 * w:  # shrink a long line to fit
            f = font(int(px * 0.94 * w / (box[2] - box[0])))
            box = draw.textbbox((0, 0), line, font=f, stroke_width=max(1, px // 12))
        boxes.append((line, f, box))
    total = sum(b[3] - b[1] for _, _, b in boxes) + px // 4 * (len(boxes) - 1)
    y = {"top": 0.04 * h, "bottom": 0.96 * h - total, "centre": (h - total) / 2}[where]
    for line, f, box in boxes:
        x = (w - (box[2] - box[0])) / 2 + (float(rng.uniform(-0.05, 0.05)) * w if rng is not None else 0)
        draw.text((x - box[0], y - box[1]), line, font=f, fill=fill, stroke_width=max(1, px // 12),
                  stroke_fill=(0, 0, 0))
        y += box[3] - box[1] + px // 4


def overlay(c: Copy, rng: np.random.Generator, s: int, ctx: Ctx) -> Copy:
    """Paste a sticker (part of another original), an emoji or a logo over 8-12 / 15-22 / 25-32 % of the copy."""
    share = pick(rng, {1: (0.08, 0.12), 2: (0.15, 0.22), 3: (0.25, 0.32)}, s)
    kind = ("sticker", "emoji", "logo")[int(rng.integers(3))]
    w, h = c.size
    side = int(np.sqrt(share * w * h))
    sw = min(w, int(side * rng.uniform(0.8, 1.25)))
    sh = min(h, int(share * w * h / max(sw, 1)))
    x, y = int(rng.integers(0, w - sw + 1)), int(rng.integers(0, h - sh + 1))
    im = Image.fromarray(c.img)
    paste_mark(im, kind, (x, y, x + sw, y + sh), rng, ctx)
    return repainted(c, np.asarray(im).copy(), {"edit": "overlay", "mark": kind, "box": [x, y, x + sw, y + sh],
                                                "share": round(sw * sh / (w * h), 3)})


def paste_mark(im: Image.Image, kind: str, box: tuple[int, int, int, int], rng: np.random.Generator,
               ctx: Ctx, source: Original | None = None) -> None:
    """Draw a sticker, emoji or logo into ``box`` of ``im``."""
    x0, y0, x1, y1 = box
    bw, bh = max(8, x1 - x0), max(8, y1 - y0)
    if kind == "sticker":
        other = source or ctx.lib.others(rng, 1, {ctx.a.id}, ctx.a, 0.3)[0]
        pix = ctx.lib.image(other)
        ph, pw = pix.shape[:2]
        f = max(bw / pw, bh / ph)
        part = resize(pix, max(bw, round(pw * f)), max(bh, round(ph * f)))[:bh, :bw]
        m = Image.new("L", (bw, bh), 0)
        ImageDraw.Draw(m).rounded_rectangle((0, 0, bw - 1, bh - 1), radius=min(bw, bh) // 6, fill=255)
        im.paste(Image.fromarray(np.ascontiguousarray(part)), (x0, y0), m)
        return
    layer = Image.new("RGBA", (bw, bh), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    if kind == "emoji":
        _emoji(d, bw, bh, rng)
    else:
        _logo(d, bw, bh, rng)
    im.paste(layer, (x0, y0), layer)


def _emoji(d: ImageDraw.ImageDraw, w: int, h: int, rng: np.random.Generator) -> None:
    face = ((255, 204, 51), (255, 120, 80), (120, 200, 255), (160, 230, 120))[int(rng.integers(4))]
    d.ellipse((0, 0, w - 1, h - 1), fill=face + (255,), outline=(60, 40, 0, 255), width=max(2, w // 40))
    ex, ey, er = w * 0.32, h * 0.38, max(2, min(w, h) // 12)
    for cx in (ex, w - ex):
        d.ellipse((cx - er, ey - er * 1.4, cx + er, ey + er * 1.4), fill=(40, 30, 20, 255))
    d.arc((w * 0.25, h * 0.35, w * 0.75, h * 0.78), 20, 160, fill=(40, 30, 20, 255), width=max(2, w // 25))


def _logo(d: ImageDraw.ImageDraw, w: int, h: int, rng: np.random.Generator) -> None:
    bg = tuple(int(v) for v in rng.integers(0, 256, 3)) + (255,)
    fg = (255, 255, 255, 255) if sum(bg[:3]) < 380 else (20, 20, 20, 255)
    d.rounded_rectangle((0, 0, w - 1, h - 1), radius=min(w, h) // 5, fill=bg)
    r = min(w, h) * 0.28
    d.ellipse((w * 0.08, h / 2 - r, w * 0.08 + 2 * r, h / 2 + r), outline=fg, width=max(2, int(r / 5)))
    label = "".join(rng.choice(list("ABCDEFGHKMNPRSTXZ"), int(rng.integers(2, 4))))
    f = font(int(min(h * 0.45, w / (len(label) + 2))))
    d.text((w * 0.12 + 2 * r, h / 2), label, font=f, fill=fg, anchor="lm")


EDITS: dict[str, Edit] = {
    "crop": crop, "scale": rescale, "aspect": aspect, "rotate": rotate, "rotate90": rotate90, "flip": flip,
    "jpeg": jpeg, "colour": colour, "blur": blur, "noise": noise, "text": text, "overlay": overlay,
    "border": border, "perspective": perspective,
}
