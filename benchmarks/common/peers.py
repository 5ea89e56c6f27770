"""The contract a peer adapter implements, for every medium's benchmark.

A runner drives each tool (ours and the peers) through :class:`PairScorer`: one instance per
worker process, ``params`` (every setting that changes a result, printed in the run header) and
``score(a, b)``, whose answer is the medium's own result type (a float for code, a score with
detections for text). :class:`DocCache` keeps per-file fingerprints while a worker runs.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")
R_co = TypeVar("R_co", covariant=True)


class PairScorer(Protocol[R_co]):
    """A tool as the runner drives it (one instance per worker process)."""

    name: str

    @property
    def params(self) -> dict[str, Any]:
        """Every setting that changes a result."""
        ...

    def score(self, a: Path, b: Path) -> R_co:
        """Score work A (claimed original) against work B (suspect)."""
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
