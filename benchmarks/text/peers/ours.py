"""The workbench's text comparator as a tool of the benchmark.

Detections are the comparator's matches (``m.a.start_char:end_char`` in A paired with
``m.b.start_char:end_char`` in B); the document score is ``Comparison.score``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peers.contract import DocCache, PairOutput


class Ours:
    """``comparators.get("text", **overrides)``, features extracted once per document and process."""

    name = "ours"

    def __init__(self, **overrides: Any) -> None:
        import comparators

        self.overrides = overrides
        self.comparator = comparators.get("text", **overrides)
        self._cache: DocCache[Any] = DocCache(self.comparator.extract)

    @property
    def params(self) -> dict[str, Any]:
        """The comparator's own ``params`` (overrides applied)."""
        return dict(self.comparator.params)

    @property
    def version(self) -> str:
        """The comparator's version."""
        return str(self.comparator.version)

    def score(self, a: Path, b: Path) -> PairOutput:
        """``compare(extract(a), extract(b))``: its score and matches."""
        result = self.comparator.compare(self._cache.get(a), self._cache.get(b))
        detections = [(int(m.a.start_char), int(m.a.end_char), int(m.b.start_char), int(m.b.end_char))
                      for m in result.matches]
        excluded = [(int(e.a.start_char), int(e.a.end_char), int(e.b.start_char), int(e.b.end_char), str(e.reason))
                    for e in result.excluded if e.a is not None and e.b is not None]
        return PairOutput(float(result.score), detections, [str(m.category) for m in result.matches], excluded)
