"""Logistic calibration with non-negative weights, shared by the benchmarks' calibrate scripts.

Evidence is standardised and a logistic model is fitted with every weight >= 0 (more evidence
never lowers the score), by L-BFGS-B from zero with a small L2 penalty; cross-validation is over
stratified folds with a fixed shuffle seed, so a refit gives the same model.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def fit(x: np.ndarray, y: np.ndarray, penalty: float = 1.0) -> dict[str, list[float] | float]:
    """Standardise ``x`` and fit a logistic model with non-negative weights (L-BFGS-B, from zero)."""
    mean, scale = x.mean(0), x.std(0)
    scale = np.where(scale > 1e-12, scale, 1.0)
    z = (x - mean) / scale
    d = z.shape[1]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        t = z @ w[:d] + w[d]
        p = 1.0 / (1.0 + np.exp(-t))
        value = float(np.sum(np.logaddexp(0.0, t) - y * t) + 0.5 * penalty * np.sum(w[:d] ** 2))
        return value, np.r_[z.T @ (p - y) + penalty * w[:d], np.sum(p - y)]

    w = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B",
                 bounds=[(0.0, None)] * d + [(None, None)]).x
    return {"mean": [float(v) for v in mean], "scale": [float(v) for v in scale],
            "coef": [float(v) for v in w[:d]], "intercept": float(w[d])}


def predict(model: dict[str, list[float] | float], x: np.ndarray) -> np.ndarray:
    """Probabilities of ``model`` (as :func:`fit` returns it) for the rows of ``x``."""
    z = (x - np.array(model["mean"])) / np.array(model["scale"])
    return 1.0 / (1.0 + np.exp(-(z @ np.array(model["coef"]) + float(model["intercept"]))))


def cross_validated_auc(x: np.ndarray, y: np.ndarray, folds: int = 5) -> tuple[float, float]:
    """Mean and standard deviation of the ROC AUC over stratified folds (fixed shuffle seed)."""
    aucs = []
    for train, held in StratifiedKFold(folds, shuffle=True, random_state=0).split(x, y):
        aucs.append(roc_auc_score(y[held], predict(fit(x[train], y[train]), x[held])))
    return float(np.mean(aucs)), float(np.std(aucs))


def precision_table(p: np.ndarray, y: np.ndarray) -> dict[str, float | None]:
    """Precision of "copy when probability >= t" for each threshold (None when nothing passes)."""
    out: dict[str, float | None] = {}
    for t in THRESHOLDS:
        hit = p >= t
        out[f"{t:.1f}"] = float(np.mean(y[hit])) if hit.any() else None
    return out
