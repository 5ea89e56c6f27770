"""Choose the code comparator's small-program parameters on tune splits (the record of that choice).

Usage (from the repository root)::

    .venv/bin/python benchmarks/code/tune_small.py --splits tune,same_task_tune

Each pair is compared once; its channel similarities (exact, shape, normalised), evidence and
the smaller file's token count are kept, and the score is recomputed for every combination of
``small_program``, ``small_shape``, ``small_power`` and ``shape_weight`` (the score is a closed
formula of those values). Printed: ROC AUC and best F1 per split and per level for each
combination, best first by the mean same-task AUC, so the choice and its cost on the other
families are visible side by side.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
for _path in (HERE, HERE.parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import run  # noqa: E402
from common.measures import auc, best_f1  # noqa: E402

FIELDS = ("label", "family", "strength", "exact", "shape", "normalised", "evidence", "tokens")


def channels(pairs: list[run.Pair], base: Path, cache: Path) -> np.ndarray:
    """Per pair: label, exact, shape, normalised, evidence, tokens (cached as CSV)."""
    if cache.is_file():
        with cache.open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        if len(rows) == len(pairs):
            return np.array([[float(r[k]) for k in ("label", "exact", "shape", "normalised", "evidence", "tokens")]
                             for r in rows])
    import comparators

    comparator = comparators.get("code")
    feats: dict[Path, object] = {}
    out = []
    for p in pairs:
        for path in (base / p.a, base / p.b):
            if path not in feats:
                feats[path] = comparator.extract(path)
        r = comparator.compare(feats[base / p.a], feats[base / p.b])
        s, u = r.extra["scores"], r.extra["units"]
        out.append([p.label, s["exact"], s["shape"], s["normalised"], s["evidence"],
                    min(u["a_after_filtration"], u["b_after_filtration"])])
    cache.parent.mkdir(parents=True, exist_ok=True)
    with cache.open("w", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(("label", "exact", "shape", "normalised", "evidence", "tokens"))
        w.writerows(out)
    return np.array(out, dtype=float)


def weight(tokens: np.ndarray, limit: int, power: float) -> np.ndarray:
    """The comparator's size discount (see ``CodeComparator.normalised_weight``)."""
    if limit <= 0:
        return np.ones_like(tokens)
    return np.minimum(1.0, tokens / limit) ** power


def score(c: np.ndarray, small_program: int, small_shape: int, power: float, shape_weight: float,
          evidence_weight: float = 0.5) -> np.ndarray:
    """The comparator's score formula over the cached channels."""
    exact, shape, normalised, strength, tokens = c[:, 1], c[:, 2], c[:, 3], c[:, 4], c[:, 5]
    structure = np.maximum.reduce([exact, shape_weight * weight(tokens, small_shape, power) * shape,
                                   weight(tokens, small_program, power) * normalised])
    return 1.0 - (1.0 - structure) * (1.0 - evidence_weight * strength)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--splits", default="tune,same_task_tune")
    ap.add_argument("--data", type=Path, default=HERE / "data")
    ap.add_argument("--work", type=Path, default=HERE / "work")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args(argv)
    data = {}
    for name in args.splits.split(","):
        pairs = run.load_split(args.data, name)
        data[name] = (pairs, channels(pairs, args.data / name, args.work / f"channels_{name}.csv"))
    grid = itertools.product((0, 150, 200, 250, 300, 400, 600), (0, 50, 100, 150, 200), (0.5, 1.0, 2.0),
                             (0.9, 0.95, 1.0))
    masks = {name: {level: np.array([p.label == 0 or p.family == level for p in pairs])
                    for level in sorted({p.family for p in pairs if p.label == 1})}
             for name, (pairs, _) in data.items() if "same_task" in name}
    results = []
    for params in grid:
        row = {}
        for name, (_pairs, c) in data.items():
            s = score(c, *params)
            labels = c[:, 0]
            row[name] = (auc(labels, s), (best_f1(labels, s) or (0.0, 0.0))[0])
            for level, mask in masks.get(name, {}).items():
                row[f"{name}:{level}"] = (auc(labels[mask], s[mask]), 0.0)
        results.append((params, row))
    same = [k for k in data if "same_task" in k] or list(data)
    results.sort(key=lambda r: -np.mean([r[1][k][0] for k in same]))
    for params, row in results[: args.top]:
        cells = "  ".join(f"{k} {v[0]:.3f}/{v[1]:.3f}" for k, v in row.items() if ":" not in k)
        levels = " ".join(f"{k.split(':')[1]} {v[0]:.3f}" for k, v in row.items() if ":" in k and "same_task" in k)
        print(f"program={params[0]} shape={params[1]} power={params[2]} shape_weight={params[3]}  {cells}  {levels}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
