"""The originals of one split as the generator sees them: manifest rows, cached pixels, a font.

Other originals are drawn for collage tiles, screenshot thumbnails, stickers and negatives;
:meth:`Library.others` prefers the same package (then the same kind) as a given original, so
the surrounding material of a canvas is of the same style as the copy.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageFont

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
ORIGINALS = DATA / "originals"
MANIFEST = ORIGINALS / "manifest.csv"


@dataclass(frozen=True)
class Original:
    """One original of the manifest."""

    id: str
    file: Path  # absolute path of the stored PNG
    package: str
    kind: str
    size: tuple[int, int]

    @property
    def name(self) -> str:
        """File name of its copy in a split folder."""
        return self.id.replace("/", "__") + ".png"


def read_manifest(split: str, manifest: Path = MANIFEST) -> list[Original]:
    """The originals of ``split`` in manifest order."""
    with manifest.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["split"] == split]
    return [Original(r["id"], manifest.parent / r["file"], r["package"], r["kind"],
                     (int(r["width"]), int(r["height"]))) for r in rows]


@lru_cache(maxsize=64)
def pixels(path: Path) -> np.ndarray:
    """RGB pixels of a stored original (cached, read-only)."""
    with Image.open(path) as im:
        arr = np.asarray(im.convert("RGB")).copy()
    arr.setflags(write=False)
    return arr


@lru_cache(maxsize=32)
def font(size: int) -> ImageFont.FreeTypeFont:
    """Pillow's bundled scalable font (the same on every machine with this Pillow)."""
    return ImageFont.load_default(max(6, int(size)))  # type: ignore[return-value]


class Library:
    """The originals of a split, with lookups by package and kind."""

    def __init__(self, originals: list[Original]) -> None:
        self.originals = originals
        self.by_id = {o.id: o for o in originals}

    def image(self, o: Original) -> np.ndarray:
        """Pixels of ``o`` (a writable copy)."""
        return pixels(o.file).copy()

    def others(self, rng: np.random.Generator, n: int, exclude: set[str], like: Original | None = None,
               same_package: float = 0.5) -> list[Original]:
        """``n`` distinct originals not in ``exclude``; each is from ``like``'s package with probability
        ``same_package`` (when there are any left), else of its kind, else any."""
        pool = [o for o in self.originals if o.id not in exclude]
        chosen: list[Original] = []
        for _ in range(min(n, len(pool))):
            left = [o for o in pool if o.id not in {c.id for c in chosen}]
            tiers = [left]
            if like is not None:
                tiers = [[o for o in left if o.kind == like.kind]] + tiers
                if rng.random() < same_package:
                    tiers = [[o for o in left if o.package == like.package]] + tiers
            tier = next(t for t in tiers if t)
            chosen.append(tier[int(rng.integers(len(tier)))])
        return chosen
