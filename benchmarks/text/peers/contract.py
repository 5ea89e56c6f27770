"""What every tool of the text benchmark returns for one pair, and a small per-process cache."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

Range4 = tuple[int, int, int, int]  # (a_start, a_end, b_start, b_end) in code points, end exclusive
T = TypeVar("T")


@dataclass
class PairOutput:
    """A tool's answer for one pair: a document score and its detections (empty: cannot localise)."""

    score: float
    detections: list[Range4] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)


class PairScorer(Protocol):
    """A tool as the runner drives it (one instance per worker process)."""

    name: str

    @property
    def params(self) -> dict[str, Any]:
        """Every setting that changes a result."""
        ...

    def score(self, a: Path, b: Path) -> PairOutput:
        """Score document A (source) against document B (suspicious)."""
        ...


class DocCache(Generic[T]):
    """Per-document values (fingerprints, features) kept for the last ``size`` documents."""

    def __init__(self, make: Callable[[Path], T], size: int = 256) -> None:
        self.make = make
        self.size = size
        self._items: OrderedDict[Path, T] = OrderedDict()

    def get(self, path: Path) -> T:
        """The value for ``path``, made on first use."""
        if path in self._items:
            self._items.move_to_end(path)
            return self._items[path]
        value = self.make(path)
        self._items[path] = value
        if len(self._items) > self.size:
            self._items.popitem(last=False)
        return value
