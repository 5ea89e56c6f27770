"""Decode an image file into RGB frames, safely.

PNG, JPEG, WebP, BMP, TIFF, GIF (every distinct frame), PSD (the stored composite) and the other
formats Pillow reads. EXIF orientation is applied, so a photo stored sideways is compared the
way it is shown. The pixel count is checked from the header *before* any pixel is decoded
(a decompression bomb is refused without allocating it), and a truncated or corrupt file is
an :class:`~comparators.errors.InputError` naming the file, never a traceback.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageFile, ImageOps, ImageSequence, UnidentifiedImageError

from comparators.errors import InputError

IMAGE_EXTENSIONS = frozenset({".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".webp", ".bmp", ".dib", ".tif",
                              ".tiff", ".gif", ".psd", ".ppm", ".pgm", ".pbm", ".tga", ".ico"})
MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*", b"8BPS")
ImageFile.LOAD_TRUNCATED_IMAGES = False


@dataclass(frozen=True)
class Decoded:
    """The frames of an image (RGB uint8, EXIF orientation applied) and what was read."""

    frames: tuple[np.ndarray, ...]
    frame_numbers: tuple[int, ...]  # index of each kept frame in the file
    format: str
    width: int
    height: int
    orientation: int  # EXIF orientation tag found (1 = none)
    total_frames: int


def looks_like_image(path: Path) -> bool:
    """Whether ``path`` is named or starts like an image (cheap: extension or magic bytes)."""
    if path.suffix.lower() in IMAGE_EXTENSIONS:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    return head.startswith(MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def read_image(path: Path, max_pixels: int, max_frames: int = 16, data: bytes | None = None) -> Decoded:
    """Decode ``path`` (or ``data``, named ``path``); raise InputError for a missing, empty, corrupt,
    truncated or oversized file."""
    path = Path(path)
    if data is None:
        if not path.is_file():
            raise InputError(path, "does not exist" if not path.exists() else "is not a file")
        if path.stat().st_size == 0:
            raise InputError(path, "is empty")
    elif not data:
        raise InputError(path, "is empty")
    source = io.BytesIO(data) if data is not None else path
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as im:
                width, height = im.size
                if width * height > max_pixels:
                    raise InputError(path, f"has {width} x {height} = {width * height:,} pixels, more than the "
                                           f"limit of {max_pixels:,} (possible decompression bomb)")
                fmt = im.format or "unknown"
                total = getattr(im, "n_frames", 1) if fmt in ("GIF", "PNG", "WEBP", "TIFF") else 1
                orientation = int(im.getexif().get(0x0112, 1) or 1)
                frames, numbers = _frames(im, fmt, max_frames)
    except InputError:
        raise
    except Image.DecompressionBombWarning as exc:
        raise InputError(path, f"exceeds Pillow's decompression-bomb limit ({exc})") from None
    except Image.DecompressionBombError as exc:
        raise InputError(path, f"is a decompression bomb ({exc})") from None
    except UnidentifiedImageError:
        raise InputError(path, "is not an image Pillow can identify (wrong type or corrupt header)") from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError) as exc:
        text = str(exc) or type(exc).__name__
        problem = "is truncated" if "truncated" in text.lower() else "is corrupt"
        raise InputError(path, f"{problem}: the image data cannot be decoded ({text})") from None
    if not frames:
        raise InputError(path, "has no decodable frame")
    h, w = frames[0].shape[:2]
    return Decoded(frames=tuple(frames), frame_numbers=tuple(numbers), format=fmt, width=w, height=h,
                   orientation=orientation, total_frames=int(total))


def _frames(im: Image.Image, fmt: str, max_frames: int) -> tuple[list[np.ndarray], list[int]]:
    """Distinct frames as RGB arrays (an animation's repeated frames are kept once)."""
    if fmt == "PSD":  # Pillow opens a PSD on its stored composite (merged) image
        return [_rgb(ImageOps.exif_transpose(im))], [0]
    frames: list[np.ndarray] = []
    numbers: list[int] = []
    seen: set[str] = set()
    for n, frame in enumerate(ImageSequence.Iterator(im)):
        if n >= 4 * max_frames or len(frames) >= max_frames:
            break
        rgb = _rgb(ImageOps.exif_transpose(frame))
        digest = hashlib.sha256(rgb.tobytes()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        frames.append(rgb)
        numbers.append(n)
    return frames, numbers


def _rgb(im: Image.Image) -> np.ndarray:
    """RGB uint8 array; transparency composited on white (how a viewer shows it)."""
    im.load()
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        canvas.alpha_composite(rgba)
        im = canvas
    if im.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(im, dtype=np.float64)
        lo, hi = float(arr.min()), float(arr.max())
        arr = np.zeros_like(arr) if hi <= lo else (arr - lo) * (255.0 / (hi - lo))
        return np.repeat(arr.astype(np.uint8)[..., None], 3, axis=2)
    return np.ascontiguousarray(np.asarray(im.convert("RGB"), dtype=np.uint8))
