"""Negative pairs (label 0): independent works made hard on purpose.

- ``same_canvas``: B is a screenshot or collage of the same layouts as the positives, embedding
  other originals (half from A's package), never A;
- ``same_package``: B is another original of A's package (same game, wallpaper series, artist
  set), the most similar of three random ones by a colour thumbnail;
- ``same_scene``: A and B are two crops of one large original with a gap between them (the
  crop pair is skipped when SIFT verifies 25 or more matches across the gap: a repeated motif);
- ``same_template``: two different originals forced to one template: same aspect and size,
  colour grading, caption, logo or sticker at the same place, and border;
- ``random``: any original of another package.

``same_package``, ``same_scene`` and ``random`` B's get one light edit (strength 1-2) half the
time, so that "B was edited" does not separate positives from negatives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np
from edits import EDITS, WORDS, Ctx, draw_caption, paste_mark, resize
from geometry import Copy
from library import Original
from PIL import Image, ImageDraw
from positives import embed

LIGHT_EDITS = ("crop", "scale", "jpeg", "colour", "border", "text", "blur", "rotate", "flip")
TYPES = ("same_canvas", "same_package", "same_scene", "same_template", "random")


@dataclass
class Negative:
    """A negative pair: A (the original, or a new original-like image) and B."""

    b: Copy
    a_img: np.ndarray | None = None  # None: A is the original itself
    family: str = "none"
    strength: int = 0
    info: dict[str, Any] = field(default_factory=dict)


def light_edit(c: Copy, rng: np.random.Generator, ctx: Ctx, chance: float = 0.5) -> tuple[Copy, str, int]:
    """With probability ``chance`` one light edit of B: (copy, family, strength)."""
    if rng.random() >= chance:
        return c, "none", 0
    name = str(rng.choice(LIGHT_EDITS))
    s = int(rng.integers(1, 3))
    return EDITS[name](c, rng, s, ctx), name, s


def thumb(img: np.ndarray) -> np.ndarray:
    """An 8x8 colour thumbnail (float) for choosing a similar-looking original."""
    return cv2.resize(img, (8, 8), interpolation=cv2.INTER_AREA).astype(np.float32)


def same_canvas(rng: np.random.Generator, ctx: Ctx) -> Negative:
    """A canvas of the positives' layouts embedding another original (half the time of A's package)."""
    canvas = ("screenshot", "collage")[int(rng.integers(2))]
    s = int(rng.integers(1, 4))
    main = ctx.lib.others(rng, 1, {ctx.a.id}, ctx.a, 0.7)[0]
    b = embed(Copy.of(ctx.lib.image(main)), canvas, rng, s, ctx, frozenset({main.id}))
    return Negative(b, family=canvas, strength=s, info={"embedded": main.id})


def same_package(rng: np.random.Generator, ctx: Ctx) -> Negative:
    """The most similar (8x8 colour thumbnail) of three other originals of A's package (else of A's kind)."""
    pool = [o for o in ctx.lib.originals if o.package == ctx.a.package and o.id != ctx.a.id] or \
           [o for o in ctx.lib.originals if o.kind == ctx.a.kind and o.id != ctx.a.id]
    picks = [pool[int(i)] for i in rng.choice(len(pool), min(3, len(pool)), replace=False)]
    ta = thumb(ctx.lib.image(ctx.a))
    other = min(picks, key=lambda o: float(np.abs(thumb(ctx.lib.image(o)) - ta).mean()))
    b, fam, s = light_edit(Copy.of(ctx.lib.image(other)), rng, ctx)
    return Negative(b, family=fam, strength=s, info={"other": other.id})


def scene_eligible(o: Original) -> bool:
    """Large enough for two crops with a gap, and a photo or painting (tile sheets repeat motifs)."""
    return o.kind in ("photo", "painted") and max(o.size) >= 600 and min(o.size) >= 300


def shares_content(x: np.ndarray, y: np.ndarray, min_inliers: int = 25) -> bool:
    """SIFT ratio-test matches verified by one homography (RANSAC 5 px): at least ``min_inliers``."""
    sift = cv2.SIFT_create(nfeatures=800)
    feats = [sift.detectAndCompute(cv2.cvtColor(z, cv2.COLOR_RGB2GRAY), None) for z in (x, y)]
    (ka, da), (kb, db) = feats
    if da is None or db is None or len(da) < 2 or len(db) < 2:
        return False
    good = [m for m, n in (p for p in cv2.BFMatcher().knnMatch(da, db, k=2) if len(p) == 2)
            if m.distance < 0.75 * n.distance]
    if len(good) < min_inliers:
        return False
    src = np.float32([ka[m.queryIdx].pt for m in good])
    dst = np.float32([kb[m.trainIdx].pt for m in good])
    _h, inl = cv2.findHomography(src, dst, cv2.RANSAC, 5.0)
    return inl is not None and int(inl.sum()) >= min_inliers


def scene_crops(img: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """Two crops along the long side, each 36-46 % of it, with a gap of at least 8 %."""
    h, w = img.shape[:2]
    along_x = w >= h
    long_, short = (w, h) if along_x else (h, w)
    gap = int(long_ * rng.uniform(0.08, 0.16))
    l1 = int(long_ * rng.uniform(0.36, 0.46))
    l2 = min(int(long_ * rng.uniform(0.36, 0.46)), long_ - l1 - gap)
    start = int(rng.integers(0, long_ - l1 - gap - l2 + 1))
    spans = [(start, start + l1), (start + l1 + gap, start + l1 + gap + l2)]
    boxes = []
    for lo, hi in spans:
        depth = int(short * rng.uniform(0.75, 1.0))
        off = int(rng.integers(0, short - depth + 1))
        boxes.append((lo, off, hi, off + depth) if along_x else (off, lo, off + depth, hi))
    if rng.random() < 0.5:
        boxes.reverse()
    (a0, a1, a2, a3), (b0, b1, b2, b3) = boxes
    return img[a1:a3, a0:a2].copy(), img[b1:b3, b0:b2].copy(), {"box_a": list(boxes[0]), "box_b": list(boxes[1]),
                                                                 "gap": gap}


def same_scene(rng: np.random.Generator, ctx: Ctx) -> Negative:
    """Two non-overlapping crops of A (A of the pair is the first crop); retried on a repeated motif."""
    img = ctx.lib.image(ctx.a)
    for attempt in range(4):
        ca, cb, info = scene_crops(img, rng)
        if not shares_content(ca, cb):
            b, fam, s = light_edit(Copy.of(cb), rng, ctx)
            return Negative(b, a_img=ca, family=fam, strength=s, info={"scene": ctx.a.id, "attempt": attempt,
                                                                        **info})
    raise LookupError(f"{ctx.a.id}: crops share a repeated motif")


@dataclass(frozen=True)
class Template:
    """What two images forced to one template share."""

    seed: int
    aspect: float
    side: int
    grade: str
    lines: tuple[str, ...]
    caption: str  # where: top, bottom, centre
    mark: str  # sticker, emoji, logo
    mark_box: tuple[float, float, float, float]  # fractions of the image
    sticker: Original | None
    border: int
    border_colour: tuple[int, int, int]


def make_template(rng: np.random.Generator, ctx: Ctx, exclude: set[str]) -> Template:
    """A random template (its sticker, if any, is an original other than the two works)."""
    mark = ("sticker", "emoji", "logo")[int(rng.integers(3))]
    fw, fh = float(rng.uniform(0.18, 0.3)), float(rng.uniform(0.18, 0.3))
    fx, fy = float(rng.uniform(0.02, 0.98 - fw)), float(rng.uniform(0.02, 0.98 - fh))
    return Template(
        seed=int(rng.integers(2**31)), aspect=float(rng.choice([1.0, 4 / 3, 16 / 9, 3 / 4, 2 / 3])),
        side=int(rng.integers(640, 1024)), grade=str(rng.choice(["sepia", "warm", "cool", "faded", "contrast"])),
        lines=tuple(" ".join(rng.choice(WORDS, int(rng.integers(1, 4)))) for _ in range(int(rng.integers(1, 3)))),
        caption=str(rng.choice(["top", "bottom"])), mark=mark, mark_box=(fx, fy, fx + fw, fy + fh),
        sticker=ctx.lib.others(rng, 1, exclude)[0] if mark == "sticker" else None,
        border=int(rng.integers(8, 48)), border_colour=tuple(int(v) for v in rng.integers(0, 256, 3)))


def grade(img: np.ndarray, name: str) -> np.ndarray:
    """A fixed colour grading."""
    x = img.astype(np.float32)
    if name == "sepia":
        m = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]], np.float32)
        x = x @ m.T
    elif name == "warm":
        x = x * np.array([1.12, 1.0, 0.82], np.float32) + 8
    elif name == "cool":
        x = x * np.array([0.85, 0.98, 1.15], np.float32)
    elif name == "faded":
        x = x * 0.7 + 60
    else:
        x = (x - 128) * 1.35 + 128
    return np.clip(x, 0, 255).astype(np.uint8)


def fit_aspect(img: np.ndarray, aspect: float, side: int) -> np.ndarray:
    """Centre crop to ``aspect`` (w/h) and resize to a long side of ``side``."""
    h, w = img.shape[:2]
    if w / h > aspect:
        cw = int(h * aspect)
        img = img[:, (w - cw) // 2:(w - cw) // 2 + cw]
    else:
        ch = int(w / aspect)
        img = img[(h - ch) // 2:(h - ch) // 2 + ch]
    W, H = (side, round(side / aspect)) if aspect >= 1 else (round(side * aspect), side)
    return resize(np.ascontiguousarray(img), W, H)


def apply_template(img: np.ndarray, t: Template, ctx: Ctx) -> np.ndarray:
    """``img`` forced to template ``t`` (identical drawing for every image)."""
    rng = np.random.default_rng(t.seed)
    out = Image.fromarray(grade(fit_aspect(img, t.aspect, t.side), t.grade))
    w, h = out.size
    fx0, fy0, fx1, fy1 = t.mark_box
    paste_mark(out, t.mark, (int(fx0 * w), int(fy0 * h), int(fx1 * w), int(fy1 * h)), rng, ctx, t.sticker)
    draw_caption(out, list(t.lines), 0.09, t.caption, (255, 255, 255))
    framed = Image.new("RGB", (w + 2 * t.border, h + 2 * t.border), t.border_colour)
    framed.paste(out, (t.border, t.border))
    ImageDraw.Draw(framed).rectangle((t.border // 2, t.border // 2, w + t.border * 3 // 2, h + t.border * 3 // 2),
                                     outline=(255, 255, 255), width=max(1, t.border // 6))
    return np.asarray(framed).copy()


def same_template(rng: np.random.Generator, ctx: Ctx) -> Negative:
    """A and another original (half the time of A's package, else of its kind) forced to one template."""
    other = ctx.lib.others(rng, 1, {ctx.a.id}, ctx.a, 0.5)[0]
    t = make_template(rng, ctx, {ctx.a.id, other.id})
    a_img = apply_template(ctx.lib.image(ctx.a), t, ctx)
    b = Copy.of(apply_template(ctx.lib.image(other), t, ctx))
    return Negative(b, a_img=a_img, family="none", strength=0,
                    info={"other": other.id, "template": {"aspect": round(t.aspect, 3), "side": t.side,
                                                          "grade": t.grade, "lines": list(t.lines), "mark": t.mark,
                                                          "sticker": t.sticker.id if t.sticker else None,
                                                          "border": t.border}})


def random_other(rng: np.random.Generator, ctx: Ctx) -> Negative:
    """Any original of another package."""
    pool = [o for o in ctx.lib.originals if o.package != ctx.a.package]
    other = pool[int(rng.integers(len(pool)))]
    b, fam, s = light_edit(Copy.of(ctx.lib.image(other)), rng, ctx)
    return Negative(b, family=fam, strength=s, info={"other": other.id})


BUILDERS = {"same_canvas": same_canvas, "same_package": same_package, "same_scene": same_scene,
            "same_template": same_template, "random": random_other}
assert tuple(BUILDERS) == TYPES
