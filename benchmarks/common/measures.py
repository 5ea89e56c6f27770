"""Measures of a score against labels: ROC AUC, best F1, precision at a recall, P/R/F1 at a threshold.

scikit-learn computes the curves; the 95 % intervals are the report's own functions
(:mod:`appraisal.report.intervals`), so a benchmark and an opinion state an interval the same way.
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import precision_recall_curve, roc_auc_score

from appraisal.report.intervals import auc_interval, wilson

__all__ = ["auc", "auc_interval", "best_f1", "precision_at_recall", "prf_at", "wilson"]


def _two_classes(labels: np.ndarray) -> bool:
    return len(set(labels.tolist())) == 2


def auc(labels: np.ndarray, scores: np.ndarray) -> float | None:
    """ROC AUC, or ``None`` when only one class is present."""
    return float(roc_auc_score(labels, scores)) if _two_classes(labels) else None


def best_f1(labels: np.ndarray, scores: np.ndarray) -> tuple[float, float] | None:
    """(best F1, the threshold reaching it: predict copy when score >= threshold)."""
    if not _two_classes(labels):
        return None
    precision, recall, thresholds = precision_recall_curve(labels, scores)
    f1 = 2 * precision[:-1] * recall[:-1] / np.maximum(precision[:-1] + recall[:-1], 1e-12)
    i = int(np.argmax(f1))
    return float(f1[i]), float(thresholds[i])


def precision_at_recall(labels: np.ndarray, scores: np.ndarray, target: float = 0.9) -> tuple[float, float] | None:
    """(highest precision with recall >= target, its threshold)."""
    if not _two_classes(labels):
        return None
    precision, recall, thresholds = precision_recall_curve(labels, scores)
    ok = np.flatnonzero(recall[:-1] >= target)
    i = int(ok[np.argmax(precision[ok])])
    return float(precision[i]), float(thresholds[i])


def prf_at(labels: np.ndarray, scores: np.ndarray, threshold: float) -> tuple[float, float, float]:
    """(precision, recall, F1) predicting copy when score >= threshold."""
    predicted = scores >= threshold
    tp = int(np.sum(predicted & (labels == 1)))
    precision = tp / max(int(predicted.sum()), 1)
    recall = tp / max(int(np.sum(labels == 1)), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
