"""Fit the audio comparator's two score models on the tune split (never on test).

Usage (from the repository root, after ``run.py --split tune`` has cached ours' evidence)::

    .venv/bin/python benchmarks/audio/calibrate.py --out comparators/audio/calibration.json

For each question the pairs of that question give the evidence of ``comparators.audio.score``
(``recording``: hits, density, seconds; ``work``: qmax, share, recurrence) and their labels; a
logistic model with non-negative weights is fitted (``common.logistic``), with its 5-fold
cross-validated ROC AUC and the precision at each probability threshold on tune.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
for _p in (HERE, HERE.parent, HERE.parent.parent):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from common.logistic import cross_validated_auc, fit, precision_table, predict  # noqa: E402
from run import DATA, load_pairs  # noqa: E402

from comparators.audio import score  # noqa: E402


def calibrate(split: str = "tune") -> dict[str, dict[str, object]]:
    rows = load_pairs(split)
    cached = json.loads((DATA / "results" / split / "ours.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, object]] = {}
    for question, names in (("recording", score.RECORDING), ("work", score.WORK)):
        idx = [i for i, r in enumerate(rows) if r["question"] == question]
        x = np.array([[float((cached["pairs"][i].get("evidence") or {}).get(f"{question}_{n}", 0.0)) for n in names]
                      for i in idx])
        y = np.array([int(rows[i]["label"]) for i in idx])
        model = fit(x, y)
        cv_mean, cv_std = cross_validated_auc(x, y)
        print(f"{question}: 5-fold cross-validated ROC AUC on {split} {cv_mean:.4f} (+- {cv_std:.4f})", file=sys.stderr)
        out[question] = {"features": list(names), **model, "constraint": "non-negative weights (standardised evidence)",
                         "fitted_on": f"benchmarks/audio {split} split, {len(idx)} {question} pairs, seed 1",
                         "precision_at_threshold": precision_table(predict(model, x), y), "cv_roc_auc": cv_mean}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    models = calibrate("tune")
    args.out.write_text(json.dumps(models, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(models, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
