"""The image comparator: is B a copy of A (whole, cropped, rotated, flipped, embedded, edited)?

``extract`` decodes the image (:mod:`.read`), and for each distinct frame stores SIFT keypoints
on two inputs, plain and mirrored (:mod:`.features`), a grey thumbnail, and the perceptual hash
set used for retrieval (:mod:`.hashes`). ``compare`` verifies the tentative matches
geometrically (:mod:`.verify`), locates the copied region on both images and compares it block
by block (:mod:`.localise`), and turns the evidence into a calibrated probability
(:mod:`.score`). Declared base images (stock photos, logos, common UI elements) are found in A
and in B first; matches inside both are excluded and listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from comparators import packed
from comparators.base import (
    ComparatorInfo,
    Comparison,
    Exclusion,
    Features,
    Match,
    MaterialRef,
    Region,
    Signature,
)
from comparators.errors import InputError
from comparators.hashing import sha256_bytes
from comparators.image import hashes, score, words
from comparators.image.features import SCALES, KeypointSet, keypoint_sets, thumbnail, work_frame
from comparators.image.localise import Overlap, compare_overlap
from comparators.image.read import looks_like_image, read_image
from comparators.image.verify import Model, Settings, fit_models, multiscale_matches, project

HASH_SCHEME = "phash64-set"


@dataclass(frozen=True)
class Frame:
    """One frame's features, unpacked for comparison."""

    number: int
    size: tuple[int, int]  # original pixels (w, h), orientation applied
    work: tuple[int, int]  # work frame (w, h)
    scale: float  # work / original
    sets: dict[str, KeypointSet]
    thumb: np.ndarray
    hashes: np.ndarray


@dataclass(frozen=True)
class Found:
    """A verified region of one frame pair: its model, overlap and how it was found."""

    model: Model
    overlap: Overlap
    channel: str
    mirrored: bool
    frame_a: Frame
    frame_b: Frame


class ImageComparator:
    """Compare images by verified local features, located regions and a calibrated score.

    Parameters (all recorded in every result): ``work_side`` pixels of the long side features
    are computed at; ``max_keypoints`` per input; ``ratio`` of Lowe's test; ``threshold``
    reprojection error (work pixels) of an inlier; ``scales`` at which each input is also
    described reduced (copies shown small in B); ``min_inliers`` of a region; ``max_regions``
    found per pair; ``seed`` of the robust estimators; ``thumb_side`` of the block comparison;
    ``hash_radius`` Hamming distance and ``min_shared_words`` shared uncommon visual words at which
    batch retrieval shortlists a pair; ``max_pixels``
    and ``max_frames`` limits on input (decompression bombs, long animations); ``max_bytes``
    file-size cap.
    """

    name = "image"
    version = "0.2.1"

    def __init__(self, work_side: int = 768, max_keypoints: int = 800, ratio: float = 0.8,
                 threshold: float = 4.0, min_inliers: int = 10, max_regions: int = 3, seed: int = 1,
                 thumb_side: int = 256, hash_radius: int = 12, min_shared_words: int = 12, max_pixels: int = 80_000_000,
                 max_frames: int = 8, max_bytes: int = 256 * 1024 * 1024,
                 scales: tuple[float, ...] = SCALES) -> None:
        self.work_side = work_side
        self.scales = tuple(float(f) for f in scales)
        self.max_keypoints = max_keypoints
        self.settings = Settings(ratio=ratio, threshold=threshold, min_inliers=min_inliers,
                                 max_regions=max_regions, seed=seed)
        self.thumb_side = thumb_side
        self.hash_radius = hash_radius
        self.min_shared_words = min_shared_words
        self.max_pixels = max_pixels
        self.max_frames = max_frames
        self.max_bytes = max_bytes

    # -- contract ----------------------------------------------------------------------
    @property
    def params(self) -> dict[str, Any]:
        s = self.settings
        return {"work_side": self.work_side, "max_keypoints": self.max_keypoints, "scales": list(self.scales),
                "ratio": s.ratio,
                "threshold": s.threshold, "min_inliers": s.min_inliers, "max_regions": s.max_regions,
                "seed": s.seed, "thumb_side": self.thumb_side, "hash_radius": self.hash_radius,
                "min_shared_words": self.min_shared_words, "words_scheme": words.SCHEME,
                "max_pixels": self.max_pixels, "max_frames": self.max_frames, "max_bytes": self.max_bytes,
                "features": "SIFT on CLAHE luma and HSV value, plain and mirrored, full size and reduced",
                "estimator": "MAGSAC++ homography, RANSAC similarity/affine fallback",
                "signature_scheme": HASH_SCHEME, "score": score.describe(),
                "opencv": cv2.__version__}

    def info(self) -> ComparatorInfo:
        return ComparatorInfo(self.name, self.version, self.params)

    def accepts(self, path: Path) -> bool:
        path = Path(path)
        return path.is_file() and looks_like_image(path)

    def extract(self, path: Path, display_path: str | None = None) -> Features:
        """Read one image file (``display_path`` is the name recorded in results)."""
        path = Path(path)
        if path.is_file() and path.stat().st_size > self.max_bytes:
            raise InputError(path, f"is {path.stat().st_size:,} bytes, more than the limit of {self.max_bytes:,}")
        decoded = read_image(path, self.max_pixels, self.max_frames)
        return self._features(decoded, display_path or str(path), sha256_bytes(path.read_bytes()))

    def extract_bytes(self, data: bytes, display_path: str) -> Features:
        """Features of in-memory image content (e.g. an archive member)."""
        if len(data) > self.max_bytes:
            raise InputError(display_path, f"is {len(data):,} bytes, more than the limit of {self.max_bytes:,}")
        decoded = read_image(Path(display_path), self.max_pixels, self.max_frames, data=data)
        return self._features(decoded, display_path, sha256_bytes(data))

    def _features(self, decoded: Any, display: str, sha: str) -> Features:
        frames = [self._frame_data(rgb, n) for rgb, n in zip(decoded.frames, decoded.frame_numbers)]
        notes = []
        if decoded.orientation not in (0, 1):
            notes.append(f"EXIF orientation {decoded.orientation} applied")
        if decoded.total_frames > len(frames):
            notes.append(f"{len(frames)} distinct frame(s) of {decoded.total_frames} compared")
        first = packed.unpack(frames[0]["hashes"])
        data = {"format": decoded.format, "width": decoded.width, "height": decoded.height,
                "orientation": decoded.orientation, "total_frames": decoded.total_frames, "frames": frames}
        sig = Signature(HASH_SCHEME, 0, tuple(int(v) for v in first),
                        {"over": "pHash of the image, its 8 dihedral variants, a 2x2/3x3 tile grid and "
                                 "salient segments (first frame)", "whole": 8})
        return Features(kind=self.name, path=display, sha256=sha, comparator=self.info(),
                        signature=sig, data=data, notes=tuple(notes))

    def _frame_data(self, rgb: np.ndarray, number: int) -> dict[str, Any]:
        work, scale = work_frame(rgb, self.work_side)
        sets = keypoint_sets(work, self.max_keypoints, self.scales)
        thumb = thumbnail(work, self.thumb_side)
        grey = cv2.cvtColor(work, cv2.COLOR_RGB2GRAY)
        values, _labels = hashes.hash_set(grey)
        return {"frame": number, "size": [int(rgb.shape[1]), int(rgb.shape[0])],
                "work": [int(work.shape[1]), int(work.shape[0])], "scale": scale,
                "sets": {name: {"points": packed.pack(k.points, "<f4"), "desc": packed.pack(k.descriptors, "|u1")}
                         for name, k in sets.items()},
                "thumb": {"shape": [int(thumb.shape[0]), int(thumb.shape[1])],
                          "pixels": packed.pack(thumb, "|u1")},
                "hashes": packed.pack(values, "<u8"),
                "words": packed.pack(np.union1d(words.codes(sets["luma"].descriptors),
                                                words.codes(sets["luma/mirror"].descriptors)), "<u4")}

    # -- comparison --------------------------------------------------------------------
    def compare(self, fa: Features, fb: Features, base: Sequence[Features] = ()) -> Comparison:
        frames_a = [_frame(d) for d in fa.data["frames"]]
        frames_b = [_frame(d) for d in fb.data["frames"]]
        base_frames = [(f.path, _frame(f.data["frames"][0])) for f in base]
        best: tuple[float, list[Found], dict[str, float], list[Exclusion]] | None = None
        for frame_a in frames_a:
            for frame_b in frames_b:
                masks, exclusions = self._base_regions(base_frames, frame_a, frame_b, fa.path, fb.path)
                found = self._verify(frame_a, frame_b, masks)
                evidence = _evidence(found, frame_a, frame_b)
                p = score.probability(evidence)
                if best is None or p > best[0] + 1e-12:
                    best = (p, found, evidence, exclusions)
        assert best is not None  # every feature set has at least one frame
        probability, found, evidence, exclusions = best
        matches = [self._match(n, f, fa, fb) for n, f in enumerate(found, start=1)]
        cov_a = min(1.0, sum(f.overlap.share_a * f.overlap.reproduced for f in found))
        cov_b = min(1.0, sum(f.overlap.share_b * f.overlap.reproduced for f in found))
        notes = [f"{side}: {n}" for side, f in (("A", fa), ("B", fb)) for n in f.notes]
        if not found:
            notes.append("no region of A verified in B (fewer than "
                         f"{self.settings.min_inliers} geometrically consistent feature matches)")
        return Comparison(
            kind=self.name, score=probability, coverage_a=cov_a, coverage_b=cov_b, comparator=self.info(),
            a=MaterialRef(fa.path, fa.sha256), b=MaterialRef(fb.path, fb.sha256),
            matches=tuple(matches), excluded=tuple(exclusions), notes=tuple(notes),
            extra={"evidence": evidence,
                   "units": {"name": "pixels", "a": [fa.data["width"], fa.data["height"]],
                             "b": [fb.data["width"], fb.data["height"]]},
                   "frames": {"a": found[0].frame_a.number if found else frames_a[0].number,
                              "b": found[0].frame_b.number if found else frames_b[0].number}})

    def _verify(self, a: Frame, b: Frame, masks: tuple[list[np.ndarray], list[np.ndarray]]) -> list[Found]:
        """The regions of the best channel/mirror combination, strongest first."""
        best: list[Found] = []
        best_strength = -1.0
        mask_a = _thumb_mask(masks[0], a)
        for channel in ("luma", "value"):
            if channel not in a.sets or channel not in b.sets:
                continue
            for mirrored in (False, True):
                pa, pb = multiscale_matches(a.sets, b.sets, channel, mirrored, self.settings.ratio, self.scales)
                keep = ~(_inside_any(pa, masks[0]) & _inside_any(pb, masks[1]))
                models = fit_models(pa[keep], pb[keep], a.work, b.work, self.settings)
                if not models:
                    continue
                found = [Found(m, compare_overlap(m.transform, a.work, b.work, a.thumb, b.thumb, mask_a),
                               channel, mirrored, a, b) for m in models]
                strengths = [_strength(f) for f in found]
                found = [f for _, f in sorted(zip(strengths, found), key=lambda t: -t[0])]
                if max(strengths) > best_strength + 1e-12:
                    best, best_strength = found, max(strengths)
        return best

    def _base_regions(self, base_frames: list[tuple[str, Frame]], a: Frame, b: Frame, path_a: str,
                      path_b: str) -> tuple[tuple[list[np.ndarray], list[np.ndarray]], list[Exclusion]]:
        """Where each declared base image appears in A and in B (work frames), and the exclusions."""
        in_a: list[np.ndarray] = []
        in_b: list[np.ndarray] = []
        exclusions: list[Exclusion] = []
        for name, base in base_frames:
            found_a = self._verify(base, a, ([], []))
            found_b = self._verify(base, b, ([], []))
            if not found_a or not found_b:
                continue
            poly_a = [f.overlap.polygon_b for f in found_a if f.overlap.reproduced >= 0.5]
            poly_b = [f.overlap.polygon_b for f in found_b if f.overlap.reproduced >= 0.5]
            if not poly_a or not poly_b:
                continue
            in_a += poly_a
            in_b += poly_b
            exclusions.append(Exclusion(
                reason=f"declared base material ({name})",
                a=Region(path_a, polygon=_to_pixels(poly_a[0], a.scale, a.size)),
                b=Region(path_b, polygon=_to_pixels(poly_b[0], b.scale, b.size)),
                detail={"base": name, "found_in_a": len(poly_a), "found_in_b": len(poly_b)}))
        return (in_a, in_b), exclusions

    def _match(self, n: int, f: Found, fa: Features, fb: Features) -> Match:
        o, m = f.overlap, f.model
        sa, sb = f.frame_a.scale, f.frame_b.scale
        T_px = np.diag([1 / sb, 1 / sb, 1.0]) @ m.transform @ np.diag([sa, sa, 1.0])
        T_px = T_px / T_px[2, 2]
        size_a, size_b = f.frame_a.size, f.frame_b.size
        changed_b = [_to_pixels(project(m.transform, poly), sb, size_b) for poly in o.changed]
        category = ("reproduced" if o.reproduced >= 0.8 else
                    "reproduced with changes" if o.reproduced >= 0.5 else "partly matching")
        if f.mirrored:
            category += " (mirrored)"
        diff = o.difference
        cells = np.where(np.isnan(diff), 255, np.clip(np.round(np.nan_to_num(diff) * 254), 0, 254)).astype(np.uint8)
        detail = {"inliers": m.inliers, "tentative": m.tentative, "method": m.method, "channel": f.channel,
                  "mirrored": f.mirrored, "transform": [[float(v) for v in row] for row in T_px],
                  "share_a": o.share_a, "share_b": o.share_b, "reproduced": o.reproduced,
                  "informative_blocks": o.informative,
                  "changed_a": [[list(p) for p in _to_pixels(poly, sa, size_a)] for poly in o.changed],
                  "changed_b": [[list(p) for p in poly] for poly in changed_b],
                  "difference": {"shape": list(cells.shape), "cells": packed.pack(cells, "|u1"),
                                 "over": "A's thumbnail in blocks; 0 = same, 254 = unrelated, 255 = outside"},
                  "inliers_a": [list(p) for p in _to_pixels(m.points_a, sa)],
                  "inliers_b": [list(p) for p in _to_pixels(m.points_b, sb)],
                  "frame_a": f.frame_a.number, "frame_b": f.frame_b.number}
        return Match(id=f"F-image-{n:04d}", score=_strength(f), category=category,
                     a=Region(fa.path, polygon=_to_pixels(o.polygon_a, sa, size_a)),
                     b=Region(fb.path, polygon=_to_pixels(o.polygon_b, sb, size_b)), detail=detail)

    # -- batch -------------------------------------------------------------------------
    def candidates(self, features: dict[str, dict[str, Any]], sources: list[str], suspects: list[str] | None,
                   threshold: float) -> list[tuple[str, str]]:
        """Pairs whose hash sets come within ``hash_radius`` (:mod:`.hashes`) or that share at least
        ``min_shared_words`` uncommon visual words (:mod:`.words`), in a stable order.

        ``threshold`` (the batch's retrieval share) is not used: image retrieval has its own two rules.
        """
        del threshold
        sets = {p: np.array(f["signature"]["values"], dtype=np.uint64) for p, f in features.items()}
        found = set(hashes.shortlist(sets, sources, suspects, self.hash_radius))
        paths = sorted(set(sources) | set(suspects or []))
        number = {p: n for n, p in enumerate(paths)}
        code_sets = [packed.unpack(features[p]["data"]["frames"][0]["words"]) for p in paths]
        linked = words.shared_pairs(code_sets, [number[p] for p in sources],
                                    [number[p] for p in suspects] if suspects is not None else None,
                                    self.min_shared_words)
        position = {p: k for k, p in enumerate(sources)}
        for i, j in linked:
            a, b = paths[i], paths[j]
            if suspects is None and (b, a) in found:
                continue
            if suspects is None and position[a] > position[b]:
                a, b = b, a
            found.add((a, b))
        return sorted(found)


def _frame(d: dict[str, Any]) -> Frame:
    sets = {}
    for name, s in d["sets"].items():
        points = packed.unpack(s["points"]).reshape(-1, 4)
        desc = packed.unpack(s["desc"]).reshape(-1, 128)
        sets[name] = KeypointSet(points, desc)
    shape = tuple(d["thumb"]["shape"])
    thumb = packed.unpack(d["thumb"]["pixels"]).reshape(shape)
    return Frame(int(d["frame"]), tuple(d["size"]), tuple(d["work"]), float(d["scale"]), sets, thumb,
                 packed.unpack(d["hashes"]))


def _strength(f: Found) -> float:
    """How strongly one region shows copying: the calibrated probability of its own evidence."""
    return score.probability(_region_evidence(f))


def _region_evidence(f: Found) -> dict[str, float]:
    o, m = f.overlap, f.model
    area_a = float(f.frame_a.work[0] * f.frame_a.work[1])
    area_b = float(f.frame_b.work[0] * f.frame_b.work[1])
    hull_a = cv2.contourArea(cv2.convexHull(m.points_a.astype(np.float32))) / area_a
    hull_b = cv2.contourArea(cv2.convexHull(m.points_b.astype(np.float32))) / area_b
    spread = min(1.0, hull_a / o.share_a) if o.share_a > 0 else 0.0
    return {"inliers": float(np.log1p(m.inliers)), "inlier_ratio": m.inliers / max(1, m.tentative),
            "hull": max(hull_a, hull_b), "overlap": max(o.share_a, o.share_b), "spread": spread,
            "reproduced": o.reproduced,
            "coverage": max(o.share_a * o.reproduced, o.share_b * o.reproduced),
            "agreeing": float(np.log1p(round(o.reproduced * o.informative))), "consistency": o.reproduced ** 4,
            "hash": 0.0}


def _evidence(found: list[Found], a: Frame, b: Frame) -> dict[str, float]:
    """The evidence of a frame pair: its strongest region, total coverage and the hash term."""
    distance = hashes.min_distance(a.hashes, b.hashes)
    hash_term = max(0.0, 1.0 - distance / 32.0)
    if not found:
        out = {name: 0.0 for name in score.EVIDENCE}
        out["hash"] = hash_term
        return out
    out = _region_evidence(found[0])
    out["coverage"] = min(1.0, max(sum(f.overlap.share_a * f.overlap.reproduced for f in found),
                                   sum(f.overlap.share_b * f.overlap.reproduced for f in found)))
    out["hash"] = hash_term
    return {k: float(v) for k, v in out.items()}


def _to_pixels(points: np.ndarray, scale: float, size: Sequence[int] | None = None) -> tuple[tuple[float, float], ...]:
    """Work-frame points as original pixel coordinates (one decimal), clipped to the image when ``size``."""
    px = np.asarray(points, np.float64).reshape(-1, 2) / scale
    if size is not None:
        px = np.clip(px, 0.0, [float(size[0]), float(size[1])])
    return tuple((round(float(x), 1) + 0.0, round(float(y), 1) + 0.0) for x, y in px)


def _inside_any(points: np.ndarray, polygons: list[np.ndarray]) -> np.ndarray:
    """Which points lie inside any of ``polygons`` (work frame)."""
    inside = np.zeros(len(points), bool)
    for poly in polygons:
        contour = poly.astype(np.float32).reshape(-1, 1, 2)
        inside |= np.array([cv2.pointPolygonTest(contour, (float(x), float(y)), False) >= 0
                            for x, y in points], bool)
    return inside


def _thumb_mask(polygons: list[np.ndarray], frame: Frame) -> np.ndarray | None:
    """Thumbnail pixels of ``frame`` inside any polygon (declared base material), or None."""
    if not polygons:
        return None
    h, w = frame.thumb.shape
    fx, fy = w / frame.work[0], h / frame.work[1]
    mask = np.zeros((h, w), np.uint8)
    for poly in polygons:
        cv2.fillPoly(mask, [np.round(poly * [fx, fy]).astype(np.int32)], 1)
    return mask.astype(bool)
