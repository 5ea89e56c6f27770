"""Fit the image comparator's score (a logistic model over its evidence) on the tune split.

Usage (from the repository root, after ``generate.py --split tune``)::

    .venv/bin/python benchmarks/image/calibrate.py --split tune --out comparators/image/calibration.json

Runs ``ours`` on every pair of the split (through ``run.py``'s scoring, so the per-pair cache of a
previous ``run.py --split tune`` is reused when the pairs and the comparator's parameters are
unchanged), collects ``r.to_dict()["evidence"]`` (named floats) of each pair and fits a logistic regression
to the labels (features standardised, L2 penalty 1.0) whose weights are all **non-negative**: more
evidence of copying never lowers the score. An unconstrained fit reaches the same ROC AUC by
giving some evidence (inlier count, overlap) negative weights that separate this benchmark's
families, not copies from independent works, and then scores a clean large crop lower than a
small one; a court cannot be told that more matching features make a copy less likely.
Writes ``{"features", "mean", "scale", "coef", "intercept", "fitted_on", "precision_at_threshold"}``,
the form :func:`comparators.image.score.probability` reads. The precision at each threshold is
measured on the same tune pairs (in-sample), and a 5-fold cross-validated ROC AUC is printed
for comparison.

Note: the evidence does not depend on the calibration, but the comparator's score does, so the
per-pair cache of ``run.py`` is keyed by the comparator's parameters (which include what the
score was fitted on): after writing a new calibration, rerun ``run.py`` to score with it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
for _p in (HERE, HERE.parent, HERE.parent.parent):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from common.logistic import cross_validated_auc, fit, precision_table, predict  # noqa: E402
from run import load_pairs, score_tool  # noqa: E402
from tools import available  # noqa: E402


def feature_names(evidence: list[dict[str, float]]) -> list[str]:
    """The evidence names in the comparator's own order when it declares one, else first-seen order."""
    try:
        from comparators.image.score import EVIDENCE

        declared = list(EVIDENCE)
    except ImportError:
        declared = []
    seen = [k for e in evidence for k in e]
    names = [k for k in declared if k in seen]
    return names + [k for k in dict.fromkeys(seen) if k not in names]


def calibrate(split: str, workers: int) -> dict[str, Any]:
    """The calibration model fitted on ``split``."""
    rows = load_pairs(split, None)
    scored = score_tool("ours", split, rows, workers, reuse=True)
    evidence = [r["evidence"] or {} for r in scored["pairs"]]
    names = feature_names(evidence)
    x = np.array([[float(e.get(n, 0.0)) for n in names] for e in evidence])
    y = np.array([int(r["label"]) for r in rows])
    model = fit(x, y)
    prob = predict(model, x)
    cv_mean, cv_std = cross_validated_auc(x, y)
    seeds = sorted({int(r["seed"]) // 1_000_000 for r in rows})
    print(f"5-fold cross-validated ROC AUC on {split}: {cv_mean:.4f} (+- {cv_std:.4f})", file=sys.stderr)
    return {"features": names, **model, "constraint": "non-negative weights (standardised evidence)",
            "fitted_on": f"benchmarks/image {split} split, {len(rows)} pairs, seed {','.join(map(str, seeds))}",
            "precision_at_threshold": precision_table(prob, y), "cv_roc_auc": cv_mean}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="tune", choices=["tune"], help="only the tune split may be fitted on")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    why = available("ours")
    if why:
        print(f"ours is not available: {why}", file=sys.stderr)
        return 1
    model = calibrate(args.split, args.workers)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(model, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
