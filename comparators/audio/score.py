"""The two audio questions, each scored as a probability from named evidence.

**Recording** (is B a copy, excerpt or sample of recording A), from the strongest alignment:

- ``hits``: log1p of its inlier landmark hashes;
- ``density``: inliers over A's hashes inside the aligned span (1.0 for a clean copy; noise,
  codecs and pitch changes lower it; two performances of one work share few exact peaks);
- ``seconds``: log1p of the aligned duration in A.

**Work** (is B a version of musical work A), from the best local chroma alignment:

- ``qmax``: log1p of the Qmax alignment score (beats that recur along the path);
- ``share``: Qmax over the shorter piece's beat count;
- ``recurrence``: share of the path's cells that recur.

Each is a logistic function of its standardised evidence with non-negative weights (more evidence
never lowers the score), fitted on the tune split of the audio benchmark
(``benchmarks/audio/calibrate.py``) and shipped in ``calibration.json`` beside this module; without
that file the hand-set models below are used and say so in the comparator's parameters.
"""

from __future__ import annotations

import hashlib
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from comparators import logistic

RECORDING = ("hits", "density", "seconds")
WORK = ("qmax", "share", "recurrence")

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")

HAND_SET: dict[str, dict[str, Any]] = {
    "recording": {"features": list(RECORDING), "mean": [math.log1p(18.0), 0.0, 0.0], "scale": [0.45, 0.25, 1.0],
                  "coef": [1.0, 1.0, 0.0], "intercept": 0.0,
                  "fitted_on": "hand-set on synthetic examples (not yet fitted on the benchmark)"},
    "work": {"features": list(WORK), "mean": [math.log1p(16.0), 0.3, 0.0], "scale": [1.0, 0.1, 1.0],
             "coef": [1.0, 1.0, 0.0], "intercept": 0.0,
             "fitted_on": "hand-set on synthetic examples (not yet fitted on the benchmark)"},
}


@lru_cache(maxsize=1)
def models() -> dict[str, dict[str, Any]]:
    """The shipped models per question (the hand-set ones when no calibration file is shipped)."""
    return logistic.load(CALIBRATION_FILE, HAND_SET)


def probability(question: str, evidence: dict[str, float]) -> float:
    """Logistic probability under the model of ``question`` (``recording`` or ``work``)."""
    return logistic.probability(models()[question], evidence)


def describe() -> dict[str, Any]:
    """The models, for the comparator's parameters (the file's SHA-256 prefix pins the fit)."""
    out: dict[str, Any] = {q: {"evidence": m["features"], "coef": [round(c, 4) for c in m["coef"]],
                               "fitted_on": m["fitted_on"]} for q, m in models().items()}
    if CALIBRATION_FILE.is_file():
        out["file"] = CALIBRATION_FILE.name
        out["sha256"] = hashlib.sha256(CALIBRATION_FILE.read_bytes()).hexdigest()[:16]
    return out
