"""Merging tiles into fragments: neighbouring runs split by small edits become one passage."""

from __future__ import annotations

from dataclasses import dataclass

from comparators.fingerprint.tiling import Run


@dataclass(frozen=True)
class Fragment:
    """Tokens ``a_start:a_end`` of A correspond to ``b_start:b_end`` of B.

    ``matched`` counts the tokens covered by exact runs inside the fragment, and ``runs``
    lists those runs, so a fragment can say how much of it is exact.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    matched: int
    runs: tuple[Run, ...]

    @property
    def similarity(self) -> float:
        """Share of the fragment's tokens (both sides) that lie in exact runs."""
        span = (self.a_end - self.a_start) + (self.b_end - self.b_start)
        return 2.0 * self.matched / span if span else 0.0


def merge_runs(tiles: list[Run], max_gap: int) -> list[Fragment]:
    """Merge runs that follow each other in both A and B with gaps of at most ``max_gap``.

    Runs are visited in A order; a run joins the current fragment when it starts after the
    fragment's end on both sides and neither gap exceeds ``max_gap`` tokens.
    """
    fragments: list[Fragment] = []
    current: list[Run] = []
    for run in sorted(tiles, key=lambda r: (r.a_start, r.b_start)):
        if current:
            last = current[-1]
            gap_a = run.a_start - (last.a_start + last.length)
            gap_b = run.b_start - (last.b_start + last.length)
            if 0 <= gap_a <= max_gap and 0 <= gap_b <= max_gap:
                current.append(run)
                continue
            fragments.append(_fragment(current))
        current = [run]
    if current:
        fragments.append(_fragment(current))
    return fragments


def _fragment(runs: list[Run]) -> Fragment:
    first, last = runs[0], runs[-1]
    return Fragment(a_start=first.a_start, a_end=last.a_start + last.length,
                    b_start=first.b_start, b_end=last.b_start + last.length,
                    matched=sum(r.length for r in runs), runs=tuple(runs))
