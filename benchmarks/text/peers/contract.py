"""What every tool of the text benchmark returns for one pair (the rest of the contract is common)."""

from __future__ import annotations

from dataclasses import dataclass, field

from common.peers import DocCache, PairScorer

Range4 = tuple[int, int, int, int]  # (a_start, a_end, b_start, b_end) in code points, end exclusive


@dataclass
class PairOutput:
    """A tool's answer for one pair: a document score and its detections (empty: cannot localise)."""

    score: float
    detections: list[Range4] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    excluded: list[tuple[int, int, int, int, str]] = field(default_factory=list)  # ranges left out, and why


__all__ = ["DocCache", "PairOutput", "PairScorer", "Range4"]
