"""A scored split: cases and each tool's scores and detections, and the measures over any subset of pairs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from findings import FindingCounts, detected_cases, pair_counts
from plagdet import Alignment, Spans, macro, micro, per_pair_macro
from scoring import ToolRun
from split_data import Pair
from tools import WHOLE

NO_LOCALISATION = frozenset({"baseline-minhash"})  # tools that give a score but never a detection


@dataclass
class ToolEval:
    """One tool's results on a split, as arrays aligned with the split's pairs."""

    tool: str
    scores: np.ndarray  # nan where the tool failed
    detections: Spans
    errors: list[str | None]
    wall_s: float
    tool_s: float
    notes: list[str] = field(default_factory=list)
    categories: list[list[str]] = field(default_factory=list)
    excluded: list[list[list]] = field(default_factory=list)  # per pair: [a0, a1, b0, b1, reason]

    @property
    def localises(self) -> bool:
        """False for a tool that cannot say where the copied passages are."""
        return self.tool not in NO_LOCALISATION

    def filled(self) -> np.ndarray:
        """Scores with failures as 0."""
        return np.nan_to_num(self.scores, nan=0.0)

    def detections_per_pair(self, n_pairs: int) -> np.ndarray:
        """Number of detections of each pair."""
        return np.bincount(self.detections.pair, minlength=n_pairs)


def tool_eval(run: ToolRun) -> ToolEval:
    """Arrays from a tool's per-pair results."""
    scores = np.array([np.nan if r.get("score") is None else float(r["score"]) for r in run.results])
    rows = [(i, *d) for i, r in enumerate(run.results) for d in r.get("detections") or []]
    return ToolEval(run.tool, scores, Spans.from_rows(rows), [r.get("error") for r in run.results],
                    run.wall_s, run.tool_s, list(run.notes), [list(r.get("categories") or []) for r in run.results],
                    [list(r.get("excluded") or []) for r in run.results])


def whole_document_variant(base: ToolEval, chars: np.ndarray, threshold: float, origin: str) -> ToolEval:
    """``baseline-minhash-whole``: one detection covering both whole documents when score >= threshold."""
    hit = base.filled() >= threshold
    rows = [(i, 0, int(chars[i, 0]), 0, int(chars[i, 1])) for i in np.flatnonzero(hit)]
    note = f"whole documents reported when the MinHash score >= {threshold:.4f} (best-F1 threshold of {origin})"
    return ToolEval(WHOLE, base.scores, Spans.from_rows(rows), base.errors, base.wall_s, base.tool_s,
                    [note], [["whole-document"] if h else [] for h in hit])


@dataclass
class SplitEval:
    """A split's pairs with their cases and every tool's results."""

    name: str
    pairs: list[Pair]
    tools: dict[str, ToolEval]
    chars: np.ndarray  # (n_pairs, 2) code points of A and B
    runs: dict[str, ToolRun] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.labels = np.array([p.label for p in self.pairs], dtype=int)
        self.cases = Spans.from_rows((i, *c) for i, p in enumerate(self.pairs) for c in p.cases)

    def mask(self, pred: Callable[[Pair], bool]) -> np.ndarray:
        """Mask of pairs satisfying ``pred``."""
        return np.array([pred(p) for p in self.pairs], dtype=bool)

    def alignment(self, tool: str, mask: np.ndarray | None = None) -> tuple[Alignment, Alignment]:
        """(macro, micro) PAN measures of ``tool`` on the pairs in ``mask`` (all when ``None``)."""
        cases, dets = self.cases, self.tools[tool].detections
        if mask is not None:
            chosen = np.flatnonzero(mask)
            cases, dets = cases.in_pairs(chosen), dets.in_pairs(chosen)
        return macro(cases, dets), micro(cases, dets)

    def per_pair(self, tool: str) -> list[Alignment]:
        """Macro measures of each pair on its own."""
        return per_pair_macro(self.cases, self.tools[tool].detections, len(self.pairs))

    def findings(self, tool: str, mask: np.ndarray | None = None) -> FindingCounts:
        """Merged detections and right labels of ``tool`` over the pairs in ``mask`` (``findings.py``)."""
        ev = self.tools[tool]
        dets = ev.detections
        total = FindingCounts()
        for i in (range(len(self.pairs)) if mask is None else np.flatnonzero(mask).tolist()):
            rows = np.flatnonzero(dets.pair == i)
            mine = [(int(dets.a_start[k]), int(dets.a_end[k]), int(dets.b_start[k]), int(dets.b_end[k])) for k in rows]
            labels = ev.categories[i] if i < len(ev.categories) else []
            pair = self.pairs[i]
            total += pair_counts(pair.cases, pair.case_kinds, mine, labels)
        return total

    def cases_lost_as_common(self, tool: str) -> tuple[int, int]:
        """(cases that no detection detects but a "common phrase" exclusion overlaps, cases)."""
        ev = self.tools[tool]
        dets = ev.detections
        lost = 0
        for i, pair in enumerate(self.pairs):
            rows = np.flatnonzero(dets.pair == i)
            mine = [(int(dets.a_start[k]), int(dets.a_end[k]), int(dets.b_start[k]), int(dets.b_end[k])) for k in rows]
            common = [tuple(e[:4]) for e in (ev.excluded[i] if i < len(ev.excluded) else []) if "common" in str(e[4])]
            for case in pair.cases:
                if common and not any(detected_cases([case], d) for d in mine) \
                        and any(detected_cases([case], c) for c in common):
                    lost += 1
        return lost, len(self.cases)

    def clean_negatives(self, tool: str, mask: np.ndarray | None = None) -> tuple[int, int]:
        """(negatives without any detection, negatives) among the pairs in ``mask``."""
        neg = self.labels == 0 if mask is None else mask & (self.labels == 0)
        clean = neg & (self.tools[tool].detections_per_pair(len(self.pairs)) == 0)
        return int(clean.sum()), int(neg.sum())


def chars_of_runs(runs: dict[str, ToolRun], n_pairs: int) -> np.ndarray:
    """(n_pairs, 2) document lengths taken from any run that read them."""
    chars = np.zeros((n_pairs, 2), dtype=np.int64)
    for run in runs.values():
        for i, r in enumerate(run.results):
            if "chars_a" in r and chars[i, 0] == 0:
                chars[i] = (r["chars_a"], r["chars_b"])
    return chars


def build_split(name: str, pairs: list[Pair], runs: dict[str, ToolRun]) -> SplitEval:
    """A :class:`SplitEval` from each tool's run."""
    return SplitEval(name, pairs, {t: tool_eval(r) for t, r in runs.items()}, chars_of_runs(runs, len(pairs)), runs)
