"""95% confidence intervals for the validation figures printed in the report (REPORT_SPEC 3.3).

Pure functions: Wilson score interval for a proportion k/n, and the Hanley–McNeil (1982)
standard error of a ROC AUC from the numbers of positives and negatives.
"""

from __future__ import annotations

import math

Z95 = 1.959964


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of the proportion ``k / n`` (``(0, 1)`` when ``n`` is 0)."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def auc_interval(auc: float, positives: int, negatives: int, z: float = Z95) -> tuple[float, float]:
    """Normal-approximation interval of a ROC AUC with the Hanley–McNeil standard error.

    At a perfect AUC of 1 that standard error is 0, which would claim a certainty no finite
    sample supports; there the interval is the Wilson interval of n successes in n trials
    with n the smaller class (a perfect separation seen on n examples of the rarer class).
    """
    if positives <= 0 or negatives <= 0:
        return 0.0, 1.0
    if auc >= 1.0:
        n = min(positives, negatives)
        return wilson(n, n, z)
    q1 = auc / (2 - auc)
    q2 = 2 * auc * auc / (1 + auc)
    variance = (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc)
                + (negatives - 1) * (q2 - auc * auc)) / (positives * negatives)
    se = math.sqrt(max(variance, 0.0))
    return max(0.0, auc - z * se), min(1.0, auc + z * se)
