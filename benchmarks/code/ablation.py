"""Ablation: what each normalisation step and matching stage of the code comparator is worth.

Every variant switches one step off (all others on) and scores the same split; the table
shows ROC AUC per disguise family (positives of that family against all negatives), the
mean score of the positives, and how high the negatives go. Writes the ``ablation``
section of ``benchmarks/code/RESULTS.md``.

Usage: ``.venv/bin/python benchmarks/code/ablation.py --split test``
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import replace_section  # noqa: E402

import comparators  # noqa: E402
from comparators.code.normalize import NORMALISATION_STEPS  # noqa: E402

HERE = Path(__file__).resolve().parent


def variants() -> dict[str, dict[str, Any]]:
    """Variant name -> comparator parameters (the full comparator first)."""
    out: dict[str, dict[str, Any]] = {"full": {}}
    for step in NORMALISATION_STEPS:
        out[f"no {step}"] = {"normalise": [s for s in NORMALISATION_STEPS if s != step]}
    out["no reordered units"] = {"reorder": False}
    out["no gap filling"] = {"min_fill": 0}
    out["no evidence channels"] = {"evidence_weight": 0.0}
    out["no corpus fit"] = {"_fit": False}
    return out


def score(rows: list[dict[str, str]], base: Path, params: dict[str, Any]) -> np.ndarray:
    """Scores of every pair with the given parameters (corpus-fitted like ``batch --pairs``)."""
    params = dict(params)
    fit = params.pop("_fit", True)
    comparator = comparators.get("code", **params)
    feats = {}
    for path in sorted({r["a"] for r in rows} | {r["b"] for r in rows}):
        try:
            feats[path] = comparator.extract(base / path)
        except comparators.InputError:
            feats[path] = None
    if fit:
        comparator.fit([f for f in feats.values() if f is not None])
    return np.array([comparator.compare(feats[r["a"]], feats[r["b"]]).score
                     if feats[r["a"]] is not None and feats[r["b"]] is not None else 0.0 for r in rows])


def table(rows: list[dict[str, str]], results: dict[str, np.ndarray]) -> str:
    """Markdown: one row per variant, AUC (mean positive score) per family, negatives' p95/max."""
    labels = np.array([int(r["label"]) for r in rows])
    negatives = [i for i, r in enumerate(rows) if r["label"] == "0"]
    families = sorted({r["family"] for r in rows if r["label"] == "1"})
    head = "| variant | all | " + " | ".join(families) + " | combined s3 | negatives p95 / max |"
    lines = [head, "|" + "---|" * (len(families) + 4)]
    for name, scores in results.items():
        cells = [f"{roc_auc_score(labels, scores):.4f}"]
        for family in families:
            pos = [i for i, r in enumerate(rows) if r["family"] == family]
            cells.append(f"{roc_auc_score(labels[pos + negatives], scores[pos + negatives]):.4f} "
                         f"({scores[pos].mean():.2f})")
        strong = [i for i, r in enumerate(rows) if r["family"] == "combined" and r["strength"] == "3"]
        cells.append(f"{roc_auc_score(labels[strong + negatives], scores[strong + negatives]):.4f} "
                     f"({scores[strong].mean():.2f})")
        cells.append(f"{np.percentile(scores[negatives], 95):.2f} / {scores[negatives].max():.2f}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    base = args.data / args.split
    with (base / "pairs.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    results = {}
    for name, params in variants().items():
        started = time.perf_counter()
        results[name] = score(rows, base, params)
        print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    body = (f"## Ablation ({args.split} split, {len(rows)} pairs)\n\n"
            f"Command: `.venv/bin/python benchmarks/code/ablation.py --split {args.split}`\n\n"
            "Each cell: ROC AUC of that family's positives against all negatives (mean positive score).\n\n"
            + table(rows, results))
    replace_section(args.out, "ablation", body)
    print(body)


if __name__ == "__main__":
    main()
