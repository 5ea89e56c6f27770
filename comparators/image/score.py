"""The calibrated score: evidence of a pair combined into the probability that B copies A.

Evidence (all in [0, 1] or a log count, named so a report can list them):

- ``inliers``: log1p of the inlier count of the strongest region;
- ``inlier_ratio``: its inliers over the tentative matches it was fitted on;
- ``hull``: the larger share of A or B covered by the convex hull of those inliers;
- ``overlap``: the larger share of A or B inside the matched region;
- ``spread``: how much of that region the inliers span (hull over region area, in A): a copy
  matches all over the region, a shared template, caption or logo only in a corner of it;
- ``reproduced``: the share of textured blocks inside the region where A and B agree;
- ``coverage``: the larger of coverage_a and coverage_b (reproduced area over image area);
- ``agreeing``: log1p of the number of textured blocks that agree (how much reproduced detail
  there is: a whole picture gives hundreds, a shared logo or caption a few dozen);
- ``consistency``: ``reproduced`` to the fourth power (1.0 stays 1, 0.8 becomes 0.41, 0.5 becomes
  0.06), so that a logistic model can reward near-complete agreement more than a linear share;
- ``hash``: perceptual-hash similarity, 1 - (smallest Hamming distance between the hash sets)/32,
  floored at 0.

A logistic model over the standardised evidence with non-negative weights (more evidence never
lowers the score), fitted on the tune split of the image
benchmark (``benchmarks/image/calibrate.py``), maps them to a probability; the model is
shipped in ``calibration.json`` beside this module, so a threshold on the score is a stated
precision on that benchmark (the file records the precision at each threshold). Without
evidence of a region the score is the hash term alone, scaled down.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from comparators import logistic

EVIDENCE = ("inliers", "inlier_ratio", "hull", "overlap", "spread", "reproduced", "coverage", "agreeing",
            "consistency", "hash")
CALIBRATION_FILE = Path(__file__).with_name("calibration.json")

# used until a calibration file is shipped: a hand-set model of the same form
_DEFAULT: dict[str, Any] = {
    "features": list(EVIDENCE),
    "mean": [2.0, 0.2, 0.2, 0.4, 0.3, 0.4, 0.3, 2.0, 0.3, 0.3],
    "scale": [1.0, 0.2, 0.2, 0.3, 0.2, 0.3, 0.3, 2.0, 0.3, 0.3],
    "coef": [1.0, 0.5, 0.5, 0.3, 3.0, 2.5, 1.0, 0.0, 0.0, 0.8],
    "intercept": -3.0,
    "fitted_on": "hand-set defaults (no calibration file)",
}


@lru_cache(maxsize=1)
def calibration() -> dict[str, Any]:
    """The shipped logistic model (or the hand-set default when none is shipped)."""
    return logistic.load(CALIBRATION_FILE, _DEFAULT)


def probability(evidence: dict[str, float], model: dict[str, Any] | None = None) -> float:
    """Logistic probability of copying from ``evidence`` under ``model`` (the shipped one by default)."""
    return logistic.probability(model or calibration(), evidence)


def describe() -> dict[str, Any]:
    """What the score is fitted on, for the comparator's parameters (the model file's SHA-256 prefix
    pins which fit a result was scored with)."""
    model = calibration()
    shipped = CALIBRATION_FILE.is_file()
    return {"model": "logistic over " + ", ".join(model["features"]), "fitted_on": model["fitted_on"],
            "file": CALIBRATION_FILE.name if shipped else None,
            "sha256": hashlib.sha256(CALIBRATION_FILE.read_bytes()).hexdigest()[:16] if shipped else None}
