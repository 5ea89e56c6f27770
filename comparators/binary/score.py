"""The program score: a probability that B is derived from A, from named channel evidence.

- ``functions``: the mean of the two sides' matched shares of own code (instructions of
  matched functions × their similarity, over all own functions' instructions; run-time code
  and declared base material left out);
- ``names``: Jaccard index of the own functions' symbol names (``main`` aside; 0 when either is stripped);
- ``strings``: shared distinctive strings over the smaller side's distinctive strings;
- ``constants``: the same for distinctive constants;
- ``imports``: Jaccard index of the imported function names;
- ``tlsh``: 1 - TLSH distance / 300 of the whole files (0 when a file is too small to hash).

A logistic function of the standardised evidence with non-negative weights (more evidence never
lowers the score), fitted on the tune split of the binary benchmark (``benchmarks/binary/calibrate.py``)
and shipped in ``calibration.json`` beside this module; without that file the hand-set model below
is used and says so in the comparator's parameters.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from comparators import logistic

PROGRAM = ("functions", "names", "strings", "constants", "imports", "tlsh")
CALIBRATION_FILE = Path(__file__).with_name("calibration.json")
HAND_SET: dict[str, dict[str, Any]] = {
    "program": {"features": list(PROGRAM), "mean": [0.35, 0.3, 0.3, 0.3, 0.5, 0.3],
                "scale": [0.12, 0.3, 0.3, 0.3, 0.5, 0.3], "coef": [1.0, 0.8, 0.6, 0.3, 0.1, 0.3], "intercept": 0.0,
                "fitted_on": "hand-set on small test programs (not yet fitted on the benchmark)"},
}


@lru_cache(maxsize=1)
def models() -> dict[str, dict[str, Any]]:
    """The shipped model (the hand-set one when no calibration file is shipped)."""
    return logistic.load(CALIBRATION_FILE, HAND_SET)


def probability(evidence: dict[str, float]) -> float:
    """Logistic probability that B derives from A under the shipped model."""
    return logistic.probability(models()["program"], evidence)


def describe() -> dict[str, Any]:
    """The model, for the comparator's parameters (the file's SHA-256 prefix pins the fit)."""
    m = models()["program"]
    out: dict[str, Any] = {"evidence": m["features"], "coef": [round(c, 4) for c in m["coef"]],
                           "fitted_on": m["fitted_on"]}
    if CALIBRATION_FILE.is_file():
        out["file"] = CALIBRATION_FILE.name
        out["sha256"] = hashlib.sha256(CALIBRATION_FILE.read_bytes()).hexdigest()[:16]
    return out
