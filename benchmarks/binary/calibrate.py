"""Fit the binary comparator's score model on the tune split (never on test).

Usage (from the repository root, after ``run.py --split tune`` has cached ours' evidence)::

    .venv/bin/python benchmarks/binary/calibrate.py --out comparators/binary/calibration.json
    .venv/bin/python benchmarks/binary/calibrate.py --out /tmp/c.json --features functions,strings --with-arch

Every tune pair's ``extra["evidence"]`` (a dict name -> number, stored by ``run.py`` in
``data/results/tune/ours.json``) and its label make the data; a logistic model with non-negative
weights on standardised evidence is fitted (``common.logistic``), with its 5-fold cross-validated
ROC AUC and the precision at each probability threshold on tune. The features are the evidence
names that ``comparators.binary.score.PROGRAM`` lists when that module defines it, else
``--features``, else every name found in the stored evidence (sorted); a pair without a name counts
it as 0. ``arch`` pairs are left out unless ``--with-arch`` (they are reported apart in ``run.py``).
The model is written under the key ``program``, in the shape of ``comparators/audio/calibration.json``.
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
from pairs import NOT_OVERALL  # noqa: E402
from peers import PairCache, pair_key  # noqa: E402
from run import DATA, file_hashes, load_pairs  # noqa: E402

KEY = "program"


def default_features() -> list[str] | None:
    """The comparator's own list of evidence names (``comparators.binary.score.PROGRAM``), when it has one."""
    try:
        from comparators.binary import score
    except ImportError:
        return None
    names = getattr(score, "PROGRAM", None)
    return list(names) if names else None


def calibrate(data: Path = DATA, split: str = "tune", features: list[str] | None = None,
              with_arch: bool = False) -> dict[str, dict[str, object]]:
    """The fitted model of ``split``'s stored evidence, under :data:`KEY`."""
    rows = load_pairs(data, split)
    shas = file_hashes(data, rows)
    stored_path = data / "results" / split / "ours.json"
    if not stored_path.is_file():
        raise SystemExit(f"no {stored_path}: run `run.py --split {split} --tools ours` first")
    stored = json.loads(stored_path.read_text(encoding="utf-8"))
    cache = PairCache(stored_path, "ours", stored.get("params", {}))
    kept = [r for r in rows if with_arch or r["family"] not in NOT_OVERALL]
    evidence = []
    for r in kept:
        result = cache.pairs.get(pair_key(shas[r["a"]], shas[r["b"]]))
        if result is None:
            raise SystemExit(f"pair {r['a']} | {r['b']} has no stored result: run `run.py --split {split}` again")
        evidence.append({k: float(v) for k, v in (result.get("evidence") or {}).items()
                         if isinstance(v, int | float) and not isinstance(v, bool)})
    names = features or default_features() or sorted({k for e in evidence for k in e})
    if not names:
        raise SystemExit("the stored results hold no evidence to fit on")
    x = np.array([[e.get(n, 0.0) for n in names] for e in evidence])
    y = np.array([int(r["label"]) for r in kept])
    model = fit(x, y)
    cv_mean, cv_std = cross_validated_auc(x, y)
    print(f"{KEY}: 5-fold cross-validated ROC AUC on {split} {cv_mean:.4f} (+- {cv_std:.4f}); "
          f"weights {dict(zip(names, (round(c, 3) for c in model['coef']), strict=True))}", file=sys.stderr)
    families = "all families" if with_arch else f"all families but {', '.join(NOT_OVERALL)}"
    return {KEY: {"features": list(names), **model, "constraint": "non-negative weights (standardised evidence)",
                  "fitted_on": f"benchmarks/binary {split} split, {len(kept)} pairs ({families}), "
                               f"comparator {stored.get('params', {}).get('version', '?')}",
                  "precision_at_threshold": precision_table(predict(model, x), y), "cv_roc_auc": cv_mean}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--features", default="", help="comma-separated evidence names (default: see above)")
    ap.add_argument("--with-arch", action="store_true", help="fit on the arch pairs too")
    ap.add_argument("--data", type=Path, default=DATA, help="the data folder (default benchmarks/binary/data)")
    args = ap.parse_args(argv)
    features = [f for f in args.features.split(",") if f] or None
    models = calibrate(args.data, "tune", features, args.with_arch)
    args.out.write_text(json.dumps(models, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(models, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
