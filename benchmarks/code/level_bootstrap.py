"""Is ours behind Dolos at a disguise level by more than chance? A paired bootstrap over tasks.

    .venv/bin/python benchmarks/code/level_bootstrap.py [--split same_task_test] [--peer dolos] [--rounds 2000]

Reads the per-pair scores ``run_hard.py`` left in ``work/scores_<split>_<tool>.csv`` and the task of each pair
from ``data/<split>/pairs.csv``. For each level (positives of that level against all negatives of the split)
it resamples whole tasks with replacement (pairs of one task are not independent) and reports the ROC AUC
difference ours - peer with its 95 % percentile interval and the share of rounds in which ours is behind.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

HERE = Path(__file__).resolve().parent


def _scores(path: Path) -> dict[tuple[str, str], dict[str, str]]:
    with path.open(newline="") as handle:
        return {(r["a"], r["b"]): r for r in csv.DictReader(handle)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="same_task_test")
    parser.add_argument("--peer", default="dolos")
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with (HERE / "data" / args.split / "pairs.csv").open(newline="") as handle:
        task = {(r["a"], r["b"]): r["task"] for r in csv.DictReader(handle)}
    ours = _scores(HERE / "work" / f"scores_{args.split}_ours.csv")
    peer = _scores(HERE / "work" / f"scores_{args.split}_{args.peer}.csv")
    keys = sorted(ours)
    tasks = sorted({task[k] for k in keys})
    index = {t: i for i, t in enumerate(tasks)}
    rng = np.random.default_rng(args.seed)
    levels = sorted({ours[k]["family"] for k in keys if ours[k]["label"] == "1"})
    print(f"| level | pairs | ROC AUC ours - {args.peer} | 95 % interval (tasks resampled) | rounds ours behind |")
    print("|---|---:|---:|---:|---:|")
    for level in [*levels, "all"]:
        chosen = [k for k in keys if ours[k]["label"] == "0" or level in ("all", ours[k]["family"])]
        y = np.array([int(ours[k]["label"]) for k in chosen])
        a = np.array([float(ours[k]["score"] or 0) for k in chosen])
        b = np.array([float(peer[k]["score"] or 0) for k in chosen])
        groups = np.array([index[task[k]] for k in chosen])
        members = [np.flatnonzero(groups == g) for g in range(len(tasks))]
        observed = roc_auc_score(y, a) - roc_auc_score(y, b)
        diffs = []
        for _ in range(args.rounds):
            rows = np.concatenate([members[g] for g in rng.integers(0, len(tasks), len(tasks))])
            if y[rows].min() != y[rows].max():
                diffs.append(roc_auc_score(y[rows], a[rows]) - roc_auc_score(y[rows], b[rows]))
        low, high = np.percentile(diffs, [2.5, 97.5])
        behind = float(np.mean(np.array(diffs) < 0))
        print(f"| {level} | {len(chosen)} | {observed:+.4f} | {low:+.4f} to {high:+.4f} | {behind:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
