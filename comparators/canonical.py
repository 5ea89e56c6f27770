"""Canonical JSON: the one serialisation used for findings, features and the audit log.

Same object -> same bytes: keys sorted, no insignificant whitespace, UTF-8 kept as is,
and floats rounded to a fixed number of decimals so that platform noise in the last bits
never reaches a stored result (REPORT_SPEC 3.9 / 3.10).
"""

from __future__ import annotations

import json
import math
from typing import Any

FLOAT_DECIMALS = 6


def normalise(obj: Any, decimals: int = FLOAT_DECIMALS) -> Any:
    """Return a copy of ``obj`` with floats rounded and tuples turned into lists."""
    if isinstance(obj, float):
        if not math.isfinite(obj):
            raise ValueError(f"non-finite float {obj!r} cannot be serialised canonically")
        value = round(obj, decimals)
        return 0.0 if value == 0 else value
    if isinstance(obj, dict):
        return {str(k): normalise(v, decimals) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [normalise(v, decimals) for v in obj]
    if hasattr(obj, "item") and callable(obj.item):  # numpy scalar
        return normalise(obj.item(), decimals)
    return obj


def canonical_json(obj: Any) -> str:
    """Serialise ``obj`` as canonical JSON text (sorted keys, compact, floats rounded)."""
    return json.dumps(normalise(obj), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical_bytes(obj: Any) -> bytes:
    """Canonical JSON encoded as UTF-8."""
    return canonical_json(obj).encode("utf-8")
