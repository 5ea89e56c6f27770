"""Fetch the originals of the image benchmark from Debian packages (the one step that needs the network).

Usage (from the repository root)::

    .venv/bin/python benchmarks/image/fetch.py [--workers 2] [--keep-debs]

For every source in :data:`SOURCES` the script runs ``apt-get download <package>`` (the pinned
version when the archive still has it) and ``dpkg-deb -x`` into ``data/extract/<package>/``, reads
the raster images whose path matches the source's pattern, and keeps those with both sides of at
least 128 px that are not mostly transparent or flat. Pictures that are one work are merged into
one original: the same picture shipped at several resolutions, or near-identical variants (a pHash
Hamming distance of at most 10 over the eight dihedral variants, single linkage, across all
packages), and files of one package with the same work key (e.g. a Plasma wallpaper folder, or
``name-l``/``name-d`` light/dark pairs). The largest file of each group is the original. Within a
package, a picture that shares content with one already kept (20 SIFT matches verified by one
homography: colour variants, tile sheets sharing sprites) is skipped too.

Each package contributes at most ``cap`` originals, picked round-robin over its folders in a stable
hash order. Originals are stored as RGB PNG (alpha flattened onto white) with the long side reduced
to at most 1024 px, in ``data/originals/<package>/``. Whole packages go to the ``tune`` or the
``test`` split (balanced per kind), so a package's works and their near-variants never straddle
splits. ``data/originals/manifest.csv`` records each original's package, version, kind, split,
source path, source SHA-256, sizes, pHash and the merged variants.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

import cv2
import imagehash
import numpy as np
from PIL import Image, ImageOps

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))
from common.debian import deb_file, deb_version  # noqa: E402
from common.results import replace_section, table  # noqa: E402

DATA = HERE / "data"
DEBS = DATA / "debs"
EXTRACT = DATA / "extract"
ORIGINALS = DATA / "originals"
MANIFEST = ORIGINALS / "manifest.csv"

VERSION_FILE = ".deb-version"
MIN_SIDE = 128
MAX_SIDE = 1024
MAX_ASPECT = 3.0
PHASH_RADIUS = 10
IMAGE_RE = re.compile(r"\.(png|jpe?g|bmp|gif|webp|tga)$", re.IGNORECASE)
Image.MAX_IMAGE_PIXELS = 200_000_000


@dataclass(frozen=True)
class Source:
    """A Debian package and which of its images are originals."""

    package: str
    version: str  # pinned (bookworm); the manifest records the version actually fetched
    kind: str  # photo (photographs and wallpapers), painted (painted or drawn art), game (sprites, tiles, scenes)
    include: str  # regex searched in the path inside the package
    cap: int
    exclude: str = ""
    work: str = ""  # regex whose group 1 names the work a file belongs to (default: normalised file stem)


SOURCES: tuple[Source, ...] = (
    # photographs and wallpapers
    Source("gnome-backgrounds", "43.1-1", "photo", r"usr/share/backgrounds/gnome/", 16),
    Source("plasma-workspace-wallpapers", "4:5.27.5-2", "photo", r"usr/share/wallpapers/", 24,
           work=r"usr/share/wallpapers/([^/]+)/"),
    Source("mate-backgrounds", "1.26.0-1", "photo", r"usr/share/backgrounds/mate/", 24),
    Source("ukui-wallpapers", "20.04.3-1.1", "photo", r"usr/share/backgrounds/", 12),
    Source("lomiri-wallpapers-20.04", "20.04.0-2", "photo", r"usr/share/backgrounds/", 6),
    Source("lxqt-themes", "1.2.0-1", "photo", r"usr/share/lxqt/wallpapers/", 16),
    Source("sway-backgrounds", "1.7-6", "photo", r"usr/share/backgrounds/sway/", 6),
    Source("desktop-base", "12.0.6+nmu1~deb12u1", "photo",
           r"(wallpaper|background|plymouth/themes/[^/]+/(background|debian))", 10),
    Source("tuxpaint-stamps-default", "2022.06.04-1", "photo",
           r"stamps/(animals|food|plants|town|vehicles|sports|space|military|seasonal|people)", 20),
    Source("endless-sky-data", "0.9.8-1.2", "photo", r"images/land/", 24),
    # painted and drawn art
    Source("wesnoth-1.16-data", "1:1.16.9-1", "painted",
           r"(images/portraits/|images/story/|images/maps/|/images/landscapes?/)", 36,
           exclude=r"(/transparent/|-mask\.|--|_overlay)"),
    Source("flare-game", "1.14-1", "painted",
           r"images/(portraits|menus/backgrounds|loot|logo|backgrounds|npcs)", 16),
    Source("fillets-ng-data", "1.0.1-1.1", "painted", r"images/", 16, exclude=r"demo_briefcase"),
    Source("frozen-bubble-data", "2.212-11", "painted", r"gfx/", 12),
    Source("endless-sky-data:scene", "0.9.8-1.2", "painted", r"images/(scene|planet|_menu)/", 12),
    # game sprites, tiles and scenes
    Source("supertux-data", "0.6.3-2", "game",
           r"images/(background|tiles|worldmap|creatures|objects|decal|engine)/", 20),
    Source("hedgewars-data", "1.0.2-6", "game", r"Data/(Themes|Maps|Graphics|Forts)/", 20),
    Source("freeciv-data", "3.0.6-1+deb12u1", "game", r"usr/share/games/freeciv/", 14,
           exclude=r"(icons/|pixmaps/)"),
    Source("pingus-data", "0.7.6-5.1", "game", r"data/images/", 14),
    Source("neverball-data", "1.6.0+git20180603-3", "game", r"usr/share/games/neverball/shot-", 12),
    Source("lincity-ng-data", "2.9~git20150314-5", "game", r"images/", 12),
    Source("extremetuxracer-data", "0.8.2-1", "game", r"usr/share/games/etr/", 12),
    Source("freedink-data", "1.08.20190120-2", "game", r"dink/(Tiles|graphics)/", 12),
    Source("cataclysm-dda-data", "0.F-3-9", "game", r"gfx/", 12),
)


@dataclass
class Candidate:
    """One image file of a package that passed the size and content checks."""

    source: Source
    path: str  # inside the package
    sha256: str
    size: tuple[int, int]
    hashes: np.ndarray  # uint64 pHash of the 8 dihedral variants (index 0: as is)
    work: str


def package_name(source: Source) -> str:
    """The Debian package of a source (``name:part`` sources share their package)."""
    return source.package.split(":")[0]


def fetch_package(package: str, version: str) -> Path:
    """Download ``package`` (pinned version if available) and extract it; the extraction folder."""
    target = EXTRACT / package
    if (target / VERSION_FILE).is_file():
        return target
    DEBS.mkdir(parents=True, exist_ok=True)
    for spec in (f"{package}={version}", package):
        done = subprocess.run(["apt-get", "download", spec], cwd=DEBS, capture_output=True, text=True)
        if done.returncode == 0:
            break
    else:
        raise RuntimeError(f"apt-get download {package} failed: {done.stderr.strip()}")
    deb = deb_file(DEBS, package)
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    (target / VERSION_FILE).write_text(deb_version(deb) + "\n", encoding="utf-8")
    return target


def load_rgb(path: Path) -> Image.Image | None:
    """The image as RGB (EXIF orientation applied, alpha flattened on white); None when unusable."""
    try:
        with Image.open(path) as im:
            im.seek(0)
            im = ImageOps.exif_transpose(im)
            im.load()
    except Exception:  # noqa: BLE001 - any unreadable file is skipped
        return None
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        rgba = im.convert("RGBA")
        alpha = np.asarray(rgba)[:, :, 3]
        if float(np.mean(alpha > 16)) < 0.4:
            return None  # mostly transparent sprite
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return im.convert("RGB")


def has_content(im: Image.Image) -> bool:
    """Enough tonal range and distinct colours to be a picture (not a flat fill or a mask)."""
    small = np.asarray(im.resize((64, 64), Image.Resampling.BILINEAR))
    grey = small.mean(axis=2)
    colours = len(np.unique(small.reshape(-1, 3) // 8, axis=0))
    return float(grey.std()) >= 14.0 and colours >= 80


def fit_side(im: Image.Image, limit: int = MAX_SIDE) -> Image.Image:
    """``im`` with its long side reduced to ``limit`` (never enlarged)."""
    w, h = im.size
    if max(w, h) <= limit:
        return im
    f = limit / max(w, h)
    return im.resize((max(1, round(w * f)), max(1, round(h * f))), Image.Resampling.LANCZOS)


def dihedral(im: Image.Image) -> list[Image.Image]:
    """The 8 dihedral variants of ``im`` (identity first)."""
    out = []
    for flip in (False, True):
        base = ImageOps.mirror(im) if flip else im
        out += [base, base.rotate(90, expand=True), base.rotate(180), base.rotate(270, expand=True)]
    return out


def phash64(im: Image.Image) -> int:
    """imagehash pHash as an unsigned 64-bit integer."""
    bits = imagehash.phash(im).hash.flatten()
    return int("".join("1" if b else "0" for b in bits), 2)


def work_key(source: Source, rel: str) -> str:
    """Which work of the package a file shows (resolutions and light/dark variants share the key)."""
    if source.work:
        m = re.search(source.work, rel)
        if m:
            return f"{source.package}|{m.group(1)}"
    stem = Path(rel).stem.lower()
    stem = re.sub(r"[-_.]?\d{3,5}x\d{3,5}", "", stem)
    stem = re.sub(r"[-_](l|d|light|dark|day|night|morning|evening|noon|dawn|dusk|\d{1,2})$", "", stem)
    return f"{source.package}|{Path(rel).parent}|{stem}"


def examine(job: tuple[Source, Path, Path]) -> Candidate | None:
    """The candidate of one file, or None when it fails a check."""
    source, root, file = job
    im = load_rgb(file)
    if im is None:
        return None
    w, h = im.size
    if min(w, h) < MIN_SIDE or max(w, h) / min(w, h) > MAX_ASPECT or not has_content(im):
        return None
    small = fit_side(im, 256)
    hashes = np.array([phash64(v) for v in dihedral(small)], dtype=np.uint64)
    rel = str(file.relative_to(root))
    sha = hashlib.sha256(file.read_bytes()).hexdigest()
    return Candidate(source, rel, sha, (w, h), hashes, work_key(source, rel))


def list_files(source: Source, root: Path) -> list[Path]:
    """The image files of ``root`` that the source includes."""
    inc, exc = re.compile(source.include), re.compile(source.exclude) if source.exclude else None
    out = []
    for file in sorted(root.rglob("*")):
        rel = str(file.relative_to(root))
        if file.is_file() and not file.is_symlink() and IMAGE_RE.search(file.name) and inc.search(rel) and not (
                exc and exc.search(rel)):
            out.append(file)
    return out


class UnionFind:
    """Disjoint sets over 0..n-1."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def group_duplicates(cands: list[Candidate]) -> list[list[int]]:
    """Groups of candidates that are one work (pHash over dihedral variants, or the same work key)."""
    uf = UnionFind(len(cands))
    plain = np.array([c.hashes[0] for c in cands], dtype=np.uint64)
    for i, c in enumerate(cands):
        dist = np.bitwise_count(plain[i + 1:, None] ^ c.hashes[None, :]).min(axis=1)
        for j in np.flatnonzero(dist <= PHASH_RADIUS):
            uf.union(i, i + 1 + int(j))
    by_key: dict[str, int] = {}
    for i, c in enumerate(cands):
        if c.work in by_key:
            uf.union(i, by_key[c.work])
        else:
            by_key[c.work] = i
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(cands)):
        groups[uf.find(i)].append(i)
    return list(groups.values())


def stable_hash(text: str) -> str:
    """A hex digest that orders items independently of the file system."""
    return hashlib.sha256(text.encode()).hexdigest()


class ContentCheck:
    """Whether two candidates share content (verified SIFT matches), with features cached per file.

    pHash misses variants that differ in colour (a light and a dark wallpaper, a card in two
    colours) and tile sheets that share sprites; within one package such pictures would make false
    "independent work" negatives, so only one of them is kept.
    """

    def __init__(self, min_inliers: int = 20) -> None:
        self.min_inliers = min_inliers
        self.sift = cv2.SIFT_create(nfeatures=600)
        self.cache: dict[str, tuple[np.ndarray, np.ndarray | None]] = {}

    def features(self, c: Candidate) -> tuple[np.ndarray, np.ndarray | None]:
        key = f"{package_name(c.source)}/{c.path}"
        if key not in self.cache:
            im = fit_side(load_rgb(EXTRACT / package_name(c.source) / c.path), 512)  # type: ignore[arg-type]
            grey = cv2.cvtColor(np.asarray(im), cv2.COLOR_RGB2GRAY)
            kp, desc = self.sift.detectAndCompute(grey, None)
            self.cache[key] = (np.array([k.pt for k in kp], np.float32).reshape(-1, 2), desc)
        return self.cache[key]

    def shared(self, a: Candidate, b: Candidate) -> bool:
        """True when at least ``min_inliers`` ratio-test matches agree on one homography."""
        (pa, da), (pb, db) = self.features(a), self.features(b)
        if da is None or db is None or len(da) < 2 or len(db) < 2:
            return False
        pairs = cv2.BFMatcher(cv2.NORM_L2).knnMatch(da, db, k=2)
        good = [m for m, n in (p for p in pairs if len(p) == 2) if m.distance < 0.75 * n.distance]
        if len(good) < self.min_inliers:
            return False
        src = pa[[m.queryIdx for m in good]]
        dst = pb[[m.trainIdx for m in good]]
        _h, mask = cv2.findHomography(src, dst, cv2.RANSAC, 5.0, maxIters=2000, confidence=0.995)
        return mask is not None and int(mask.sum()) >= self.min_inliers


def pick(groups: list[list[int]], cands: list[Candidate]) -> list[tuple[Candidate, list[Candidate]]]:
    """Per source up to ``cap`` groups, round-robin over folders in stable hash order: (original, variants).

    A group that shares content with one already taken from the same package is skipped.
    """
    cv2.setRNGSeed(1)
    per_source: dict[str, dict[str, list[tuple[Candidate, list[Candidate]]]]] = defaultdict(lambda: defaultdict(list))
    for g in groups:
        members = sorted((cands[i] for i in g), key=lambda c: (-c.size[0] * c.size[1], c.source.package, c.path))
        best = members[0]
        per_source[best.source.package][str(Path(best.path).parent)].append((best, members[1:]))
    check = ContentCheck()
    chosen: list[tuple[Candidate, list[Candidate]]] = []
    for source in SOURCES:
        folders = per_source.get(source.package, {})
        queues = [sorted(v, key=lambda item: stable_hash(item[0].path)) for _, v in
                  sorted(folders.items(), key=lambda kv: stable_hash(kv[0]))]
        same_package = [c for c, _ in chosen if package_name(c.source) == package_name(source)]
        taken: list[tuple[Candidate, list[Candidate]]] = []
        while len(taken) < source.cap and any(queues):
            for q in queues:
                if not q or len(taken) >= source.cap:
                    continue
                item = q.pop(0)
                others = same_package + [c for c, _ in taken]
                if any(check.shared(item[0], o) for o in others):
                    print(f"  skipped {source.package}:{item[0].path} (shares content)", file=sys.stderr)
                    continue
                taken.append(item)
        chosen += taken
    return chosen


def assign_splits(chosen: list[tuple[Candidate, list[Candidate]]]) -> dict[str, str]:
    """Whole Debian packages to ``tune``/``test``, balancing the number of originals per kind."""
    count: dict[str, int] = defaultdict(int)
    kind: dict[str, str] = {}
    for c, _ in chosen:
        count[package_name(c.source)] += 1
        kind.setdefault(package_name(c.source), c.source.kind)
    totals = {(s, k): 0 for s in ("tune", "test") for k in set(kind.values())}
    overall = {"tune": 0, "test": 0}
    split: dict[str, str] = {}
    for pkg in sorted(count, key=lambda p: (-count[p], p)):
        k = kind[pkg]
        s = min(("tune", "test"), key=lambda s: (totals[(s, k)], overall[s], s != "tune"))
        split[pkg] = s
        totals[(s, k)] += count[pkg]
        overall[s] += count[pkg]
    return split


def write_originals(chosen: list[tuple[Candidate, list[Candidate]]], split: dict[str, str],
                    versions: dict[str, str]) -> list[dict[str, str]]:
    """Store each original as PNG and return the manifest rows."""
    rows = []
    numbers: dict[str, int] = defaultdict(int)
    for c, variants in chosen:
        pkg = package_name(c.source)
        numbers[pkg] += 1
        stem = re.sub(r"[^A-Za-z0-9]+", "-", Path(c.path).stem)[:40].strip("-") or "image"
        rel = Path(pkg) / f"{numbers[pkg]:03d}_{stem}.png"
        im = fit_side(load_rgb(EXTRACT / pkg / c.path))  # type: ignore[arg-type]
        (ORIGINALS / rel).parent.mkdir(parents=True, exist_ok=True)
        im.save(ORIGINALS / rel, format="PNG", optimize=False)
        rows.append({
            "id": f"{pkg}/{numbers[pkg]:03d}", "file": str(rel), "package": pkg, "version": versions[pkg],
            "source": c.source.package, "kind": c.source.kind, "split": split[pkg], "source_path": c.path,
            "source_sha256": c.sha256, "source_width": str(c.size[0]), "source_height": str(c.size[1]),
            "width": str(im.size[0]), "height": str(im.size[1]), "phash": f"{int(c.hashes[0]):016x}",
            "variants": str(len(variants)), "variant_paths": ";".join(f"{package_name(v.source)}:{v.path}"
                                                                      for v in variants)})
    return rows


def write_manifest(rows: Iterable[dict[str, str]]) -> None:
    """``data/originals/manifest.csv``."""
    rows = list(rows)
    with MANIFEST.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def summary(rows: list[dict[str, str]]) -> str:
    """Originals per package, kind and split."""
    table: dict[tuple[str, str, str], int] = defaultdict(int)
    for r in rows:
        table[(r["split"], r["kind"], r["package"])] += 1
    lines = [f"{s:5} {k:8} {p:30} {n:4}" for (s, k, p), n in sorted(table.items())]
    for s in ("tune", "test"):
        lines.append(f"{s}: {sum(n for (sp, _, _), n in table.items() if sp == s)} originals")
    return "\n".join(lines)


def describe(rows: list[dict[str, str]]) -> str:
    """The ``originals`` section of RESULTS.md: originals per package, kind and split."""
    per: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        key = (r["split"], r["source"], r["version"], r["kind"])
        per[key][0] += 1
        per[key][1] += int(r["variants"])
    body = [[f"`{src}`", ver, kind, split, str(n), str(v)] for (split, src, ver, kind), (n, v) in
            sorted(per.items(), key=lambda kv: (kv[0][0] != "tune", kv[0][3], kv[0][1]))]
    kinds = sorted({r["kind"] for r in rows})
    totals = [f"{s}: {sum(1 for r in rows if r['split'] == s)} originals ("
              + ", ".join(f"{k} {sum(1 for r in rows if r['split'] == s and r['kind'] == k)}" for k in kinds) + ")"
              for s in ("tune", "test")]
    return ("Written by `fetch.py` from `data/originals/manifest.csv` (Debian bookworm packages).\n\n"
            + table(["source (package[:part])", "version", "kind", "split", "originals", "variants merged"], body)
            + "\n\n" + "; ".join(totals) + ".")


def write_description(rows: list[dict[str, str]]) -> None:
    """Rewrite the ``originals`` section of RESULTS.md."""
    replace_section(HERE / "RESULTS.md", "originals", describe(rows), "# Image comparator: benchmark results\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--keep-debs", action="store_true", help="keep data/debs/*.deb after extraction")
    ap.add_argument("--describe", action="store_true", help="only rewrite RESULTS.md's originals section")
    args = ap.parse_args(argv)
    if args.describe:
        with MANIFEST.open(encoding="utf-8") as fh:
            write_description(list(csv.DictReader(fh)))
        return 0
    jobs: list[tuple[Source, Path, Path]] = []
    versions: dict[str, str] = {}
    for source in SOURCES:
        pkg = package_name(source)
        root = fetch_package(pkg, source.version)
        versions[pkg] = (root / VERSION_FILE).read_text(encoding="utf-8").strip()
        files = list_files(source, root)
        print(f"{source.package}: {len(files)} image files", file=sys.stderr)
        jobs += [(source, root, f) for f in files]
    with Pool(args.workers) as pool:
        cands = [c for c in pool.imap(examine, jobs, chunksize=16) if c is not None]
    print(f"{len(cands)} candidates pass size/content checks", file=sys.stderr)
    groups = group_duplicates(cands)
    print(f"{len(groups)} distinct works after pHash/work-key merging", file=sys.stderr)
    chosen = pick(groups, cands)
    split = assign_splits(chosen)
    if ORIGINALS.exists():
        for old in ORIGINALS.rglob("*.png"):
            old.unlink()
    ORIGINALS.mkdir(parents=True, exist_ok=True)
    rows = write_originals(chosen, split, versions)
    write_manifest(rows)
    if not args.keep_debs:
        for deb in DEBS.glob("*.deb"):
            deb.unlink()
    write_description(rows)
    print(summary(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
