"""Try comparator parameter settings on one split (the ``tune`` split: never choose on ``test``).

Each setting is a Python dict literal of ``comparators.get("code", **params)`` overrides (``{}`` = the defaults);
the corpus is fitted as ``batch --pairs`` does (see ``ablation.score``). Prints, per setting, the ROC AUC and best
F1 over all pairs, the same on the hardest groups (``combined`` 4 and 5, ``deadcode`` 5, each against all
negatives) and the 95th percentile of the negatives' scores.

Usage: ``.venv/bin/python benchmarks/code/tune_params.py --split tune "{}" "{'min_fill': 8}"``
"""

from __future__ import annotations

import argparse
import ast
import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import precision_recall_curve, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ablation import score  # noqa: E402

HERE = Path(__file__).resolve().parent
HARD_GROUPS = (("combined", "4"), ("combined", "5"), ("deadcode", "5"))


def best_f1(labels: np.ndarray, scores: np.ndarray) -> float:
    """The highest F1 over all thresholds."""
    precision, recall, _ = precision_recall_curve(labels, scores)
    return float(np.max(2 * precision * recall / np.maximum(precision + recall, 1e-12)))


def summary(rows: list[dict[str, str]], scores: np.ndarray) -> str:
    """One line of measures for one setting."""
    labels = np.array([int(r["label"]) for r in rows])
    negatives = [i for i, r in enumerate(rows) if r["label"] == "0"]
    out = [f"AUC {roc_auc_score(labels, scores):.4f}", f"F1 {best_f1(labels, scores):.4f}"]
    for family, strength in HARD_GROUPS:
        idx = [i for i, r in enumerate(rows) if r["family"] == family and r["strength"] == strength] + negatives
        out.append(f"{family} {strength}: AUC {roc_auc_score(labels[idx], scores[idx]):.4f} "
                   f"F1 {best_f1(labels[idx], scores[idx]):.4f}")
    out.append(f"negatives p95 {np.percentile(scores[negatives], 95):.2f}")
    return " | ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("settings", nargs="+", help="dict literals of parameter overrides")
    parser.add_argument("--split", default="tune")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    args = parser.parse_args()
    base = args.data / args.split
    with (base / "pairs.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for setting in args.settings:
        params = ast.literal_eval(setting)
        print(f"{setting}: {summary(rows, score(rows, base, params))}", flush=True)


if __name__ == "__main__":
    main()
