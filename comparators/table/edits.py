"""Systematic value edits: a numeric column changed by one factor (``rate`` ×3) or one offset (``level`` +10)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from comparators.table.normalize import number, number_text


@dataclass(frozen=True)
class Change:
    """How one column's values changed over ``rows`` of ``of`` edited rows: ``kind`` is ``ratio`` or ``offset``."""

    column: str
    kind: str
    amount: Decimal
    rows: int
    of: int

    @property
    def text(self) -> str:
        """E.g. ``all `rate` values ×3`` or ``` `rate` ×3 in 5 of 8 edited rows```."""
        amount = number_text(self.amount)
        step = f"×{amount}" if self.kind == "ratio" else (f"+{amount}" if self.amount > 0 else amount)
        if self.rows == self.of:
            return f"all `{self.column}` values {step}" if self.of > 1 else f"`{self.column}` {step}"
        return f"`{self.column}` {step} in {self.rows} of {self.of} edited rows"

    def to_dict(self) -> dict[str, object]:
        """JSON form for a finding's detail (amount as a float)."""
        return {"column": self.column, "change": self.kind, "amount": float(self.amount), "rows": self.rows,
                "of": self.of, "text": self.text}


def _tolerance(value: Decimal) -> Decimal:
    """Half a unit of the last decimal place of ``value`` (rounding of an edited value)."""
    exponent = value.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Decimal(5) / Decimal(10) ** (places + 1)


def _nice(value: Decimal) -> Decimal:
    """A factor rounded to 6 significant digits (so 2.9999999 reads 3)."""
    return Decimal(f"{value:.6g}")


def column_change(column: str, pairs: Sequence[tuple[str, str]]) -> Change | None:
    """The one factor or offset that explains the most of ``pairs`` (old, new value; values differ), if any.

    A factor is tried first: for every pair with numeric values the factor new/old is taken, the
    most frequent one (to 6 significant digits) kept, and the pairs whose new value equals
    old × factor up to the rounding of the new value are counted. An offset is tried the same
    way when no factor explains at least as many pairs. ``None`` when the values are not numeric
    or no factor/offset explains two pairs (or the only pair).
    """
    numeric = [(number(a), number(b)) for a, b in pairs]
    numeric = [(a, b) for a, b in numeric if a is not None and b is not None and a.is_finite() and b.is_finite()]
    if not numeric:
        return None
    best: Change | None = None
    ratios = Counter(_nice(b / a) for a, b in numeric if a != 0)
    if ratios:
        factor = max(ratios.items(), key=lambda kv: (kv[1], -abs(kv[0])))[0]
        fits = sum(1 for a, b in numeric if a != 0 and abs(b - a * factor) <= _tolerance(b))
        best = Change(column, "ratio", factor, fits, len(pairs))
    offsets = Counter(b - a for a, b in numeric)
    offset, fits = max(offsets.items(), key=lambda kv: (kv[1], -abs(kv[0])))
    if best is None or fits > best.rows:
        best = Change(column, "offset", offset.normalize(), fits, len(pairs))
    if best.rows >= 2 or best.rows == len(pairs):
        return best
    return None
