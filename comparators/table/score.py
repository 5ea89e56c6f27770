"""The table score: how much of B's tables (rows, schema, distinctive values) comes from A."""

from __future__ import annotations

from dataclasses import dataclass

FORMULA = ("rows present in both: score = 1 - (1 - R) * (1 - w_schema * S) * (1 - w_values * V), where "
           "R = (identical rows + edited rows weighted by their share of unchanged cells) / rows of B, "
           "S = shared columns of B (a column of another type counts 0.75) / columns of B, "
           "V = unmatched rows of B holding a shared rare value / unmatched rows of B; "
           "schema only (no rows on one side, e.g. CREATE TABLE dumps): score = S; "
           "rows and columns of declared base material are left out of every count")


@dataclass(frozen=True)
class Weights:
    """How much the schema and shared-rare-value channels add to the row channel."""

    schema: float = 0.2
    values: float = 0.3


def table_score(rows: float, schema: float, values: float, has_rows: bool, weights: Weights) -> float:
    """Combine the channels (see :data:`FORMULA`); each channel and the result are in [0, 1]."""
    if not has_rows:
        return min(max(schema, 0.0), 1.0)
    rest = (1.0 - rows) * (1.0 - weights.schema * schema) * (1.0 - weights.values * values)
    return min(max(1.0 - rest, 0.0), 1.0)
