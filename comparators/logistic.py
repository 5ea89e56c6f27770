"""The calibrated logistic model the image, audio and binary scores share.

A model is a dict: ``features`` (evidence names), ``mean`` and ``scale`` (standardisation),
``coef`` (non-negative weights), ``intercept`` and ``fitted_on``; it is fitted by
``benchmarks/common/logistic.py`` and shipped as JSON beside each comparator.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any


def probability(model: dict[str, Any], evidence: dict[str, float]) -> float:
    """Logistic probability of ``evidence`` (missing names count 0) under ``model``."""
    z = float(model["intercept"])
    for name, mean, scale, coef in zip(model["features"], model["mean"], model["scale"], model["coef"], strict=True):
        z += coef * (float(evidence.get(name, 0.0)) - mean) / (scale or 1.0)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def load(path: Path, default: Any) -> Any:
    """The shipped calibration at ``path``, or ``default`` when none is shipped."""
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else default
