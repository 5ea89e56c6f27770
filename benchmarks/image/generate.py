"""Generate the labelled pairs of one split of the image benchmark.

Usage (from the repository root, after ``fetch.py``)::

    .venv/bin/python benchmarks/image/generate.py --split tune --seed 1 [--scale 1.0] [--workers 2]
    .venv/bin/python benchmarks/image/generate.py --split test --seed 2

Writes ``benchmarks/image/data/<split>/``: ``originals/`` (the split's originals, copied),
``b/`` (derived copies and negatives' B), ``a/`` (new A images of ``same_scene`` and
``same_template`` negatives) and ``pairs.csv`` with the columns ``a, b, label, family, strength,
negative_type, region_a, region_b, seed, ops`` (paths relative to the split folder; regions are
JSON polygons in pixels, empty for negatives; ``seed`` is the pair's own generator seed, so a pair
rebuilds alone; ``ops`` lists the edits in JSON). For a negative, ``family``/``strength`` name the
light edit of B (``none``/0 when unedited) or the canvas layout of ``same_canvas``.

The plan (which family, strength and A for each pair) is drawn from ``--seed``; pair ``i`` is then
built with ``numpy.random.default_rng(seed * 1_000_000 + i)``, so the set is the same for any
number of workers. Per split: 40 positives for each of the 17 families (strengths 1-3 in turn)
and 820 negatives (170 same_canvas, 170 same_package, 165 same_scene, 170 same_template,
145 random), 1500 pairs; ``--scale`` multiplies these counts.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from collections import Counter
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
for _p in (HERE, HERE.parent):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from common.results import replace_section, table  # noqa: E402
from edits import Ctx  # noqa: E402
from geometry import Copy, poly_json, region_in_a  # noqa: E402
from library import DATA, Library, Original, read_manifest  # noqa: E402
from negatives import BUILDERS, scene_eligible  # noqa: E402
from PIL import Image  # noqa: E402
from positives import FAMILIES, derive  # noqa: E402

POSITIVES_PER_FAMILY = 40
NEGATIVES = {"same_canvas": 170, "same_package": 170, "same_scene": 165, "same_template": 170, "random": 145}
COLUMNS = ["a", "b", "label", "family", "strength", "negative_type", "region_a", "region_b", "seed", "ops"]


@dataclass(frozen=True)
class Task:
    """One planned pair."""

    index: int
    label: int
    kind: str  # family (positives) or negative type
    strength: int
    a: str  # original id
    seed: int


def cycle(rng: np.random.Generator, items: list[Original]) -> Any:
    """An endless stream of ``items``, reshuffled on every pass."""
    while True:
        for i in rng.permutation(len(items)):
            yield items[int(i)]


def plan(originals: list[Original], seed: int, factor: float) -> list[Task]:
    """Which pairs to build: families x strengths and negative types, with their A."""
    rng = np.random.default_rng(seed)
    wanted: list[tuple[int, str, int]] = []
    n_pos = max(1, round(POSITIVES_PER_FAMILY * factor))
    for family in FAMILIES:
        wanted += [(1, family, 1 + k % 3) for k in range(n_pos)]
    for neg, n in NEGATIVES.items():
        wanted += [(0, neg, 0)] * max(1, round(n * factor))
    order = rng.permutation(len(wanted))
    any_a = cycle(rng, originals)
    scene_a = cycle(rng, [o for o in originals if scene_eligible(o)])
    tasks = []
    for i, k in enumerate(order):
        label, kind, s = wanted[int(k)]
        a = next(scene_a) if kind == "same_scene" else next(any_a)
        tasks.append(Task(i, label, kind, s, a.id, seed * 1_000_000 + i))
    return tasks


def save(img: np.ndarray, path: Path, ext: str = "png", quality: int = 95) -> None:
    """Write RGB pixels as PNG or JPEG (Pillow, deterministic settings)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    im = Image.fromarray(np.ascontiguousarray(img))
    if ext == "jpg":
        im.save(path, format="JPEG", quality=quality)
    else:
        im.save(path, format="PNG", compress_level=3)


class Builder:
    """Builds the pairs of one split into its folder (one instance per worker process)."""

    def __init__(self, split: str, out: Path) -> None:
        self.lib = Library(read_manifest(split))
        self.out = out

    def __call__(self, task: Task) -> dict[str, Any]:
        rng = np.random.default_rng(task.seed)
        a = self.lib.by_id[task.a]
        ctx = Ctx(self.lib, a)
        if task.label == 1:
            return self.positive(task, derive(task.kind, task.strength, rng, ctx), a)
        attempts = 5
        for _ in range(attempts):
            try:
                neg = BUILDERS[task.kind](rng, ctx)
                break
            except LookupError:  # e.g. a scene with a repeated motif: another A
                ctx = Ctx(self.lib, self.lib.originals[int(rng.integers(len(self.lib.originals)))])
                if task.kind == "same_scene":
                    pool = [o for o in self.lib.originals if scene_eligible(o)]
                    ctx = Ctx(self.lib, pool[int(rng.integers(len(pool)))])
        else:
            raise RuntimeError(f"pair {task.index}: no {task.kind} negative after {attempts} attempts")
        a_rel = f"originals/{ctx.a.name}"
        if neg.a_img is not None:
            a_rel = f"a/{task.index:05d}_{task.kind}.png"
            save(neg.a_img, self.out / a_rel)
        b_rel = f"b/{task.index:05d}_{task.kind}.{neg.b.ext}"
        save(neg.b.img, self.out / b_rel, neg.b.ext, neg.b.quality)
        ops = [{"negative": task.kind, "a": ctx.a.id, **neg.info}] + neg.b.ops
        return {"a": a_rel, "b": b_rel, "label": 0, "family": neg.family, "strength": neg.strength,
                "negative_type": task.kind, "region_a": "", "region_b": "", "seed": task.seed,
                "ops": json.dumps(ops, separators=(",", ":"))}

    def positive(self, task: Task, c: Copy, a: Original) -> dict[str, Any]:
        b_rel = f"b/{task.index:05d}_{task.kind}.{c.ext}"
        save(c.img, self.out / b_rel, c.ext, c.quality)
        return {"a": f"originals/{a.name}", "b": b_rel, "label": 1, "family": task.kind,
                "strength": task.strength, "negative_type": "", "region_a": poly_json(region_in_a(c, a.size)),
                "region_b": poly_json(c.poly), "seed": task.seed,
                "ops": json.dumps([{"a": a.id}] + c.ops, separators=(",", ":"))}


_BUILDER: Builder | None = None


def _init(split: str, out: str) -> None:
    global _BUILDER
    _BUILDER = Builder(split, Path(out))


def _build(task: Task) -> dict[str, Any]:
    assert _BUILDER is not None
    return _BUILDER(task)


def prepare(out: Path, originals: list[Original]) -> None:
    """Empty the split folder and copy the split's originals into it."""
    for sub in ("a", "b", "originals"):
        shutil.rmtree(out / sub, ignore_errors=True)
    (out / "originals").mkdir(parents=True)
    for o in originals:
        shutil.copyfile(o.file, out / "originals" / o.name)


def describe(split: str, seed: int, rows: list[dict[str, Any]], originals: int) -> str:
    """The ``data:<split>`` section of RESULTS.md: pairs per family x strength and per negative type."""
    pos = [r for r in rows if r["label"] == 1]
    neg = [r for r in rows if r["label"] == 0]
    fam = Counter((r["family"], r["strength"]) for r in pos)
    body = [[f, *(str(fam[(f, s)]) for s in (1, 2, 3)), str(sum(fam[(f, s)] for s in (1, 2, 3)))] for f in FAMILIES]
    types = Counter(r["negative_type"] for r in neg)
    edited = Counter(r["negative_type"] for r in neg if r["family"] != "none")
    nbody = [[t, str(types[t]), str(edited[t])] for t in NEGATIVES if t in types]
    files = Counter(Path(r["b"]).suffix for r in rows)
    return (f"`generate.py --split {split} --seed {seed}`: {len(rows)} pairs over {originals} originals; "
            f"{len(pos)} copies, {len(neg)} independent "
            f"({sum(n for t, n in types.items() if t != 'random')} hard); B files: "
            + ", ".join(f"{k} {v}" for k, v in sorted(files.items())) + ".\n\n"
            + table(["family (copies)", "strength 1", "strength 2", "strength 3", "all"], body) + "\n\n"
            + table(["negative type", "pairs", "B edited or embedded (family column)"], nbody))


def write_description(split: str, seed: int, rows: list[dict[str, Any]], originals: int) -> None:
    """Rewrite the ``data:<split>`` section of RESULTS.md."""
    replace_section(HERE / "RESULTS.md", f"data:{split}", describe(split, seed, rows, originals),
                    "# Image comparator: benchmark results\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", required=True, choices=["tune", "test"])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the number of pairs (quick checks)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--describe", action="store_true", help="only rewrite RESULTS.md's data section from pairs.csv")
    args = ap.parse_args(argv)
    originals = read_manifest(args.split)
    out = DATA / args.split
    if args.describe:
        with (out / "pairs.csv").open(encoding="utf-8") as fh:
            old = [{**r, "label": int(r["label"]), "strength": int(r["strength"])} for r in csv.DictReader(fh)]
        write_description(args.split, args.seed, old, len(originals))
        return 0
    prepare(out, originals)
    tasks = plan(originals, args.seed, args.scale)
    with Pool(args.workers, initializer=_init, initargs=(args.split, str(out))) as pool:
        rows = list(pool.imap(_build, tasks, chunksize=4))
    with (out / "pairs.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    write_description(args.split, args.seed, rows, len(originals))
    counts = Counter((r["label"], r["family"] if r["label"] else r["negative_type"]) for r in rows)
    print(f"{args.split}: {len(rows)} pairs, {len(originals)} originals; "
          + ", ".join(f"{k[1]} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[0][0], kv[0][1]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
