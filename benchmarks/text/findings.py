"""What an expert reading the findings one by one meets: merged detections and wrong labels (issue 17).

- A detection is *merged* when it detects (overlaps in both documents, as in PAN) more than one
  case: it joins separately copied passages and shows the uncopied text between them as copied.
  PlagDet's granularity does not see this (each case is still detected once).
- A *single-case* detection detects exactly one case; its label is *right* when it is one of
  the categories ``EXPECTED_LABELS`` allows for that case's obfuscation. Label accuracy is the
  share of single-case detections with a right label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

Range4 = tuple[int, int, int, int]

EDITED = ("lightly-edited", "heavily-edited")
# Categories a detection of a case of each obfuscation may carry (the obfuscation's own label; for
# PAN-style word or sentence edits either degree of editing; a combined obfuscation any of its parts).
# ``insdel`` keeps its own sentences verbatim and inserts host sentences between them: the comparator cuts
# its findings at the inserted sentences (``max_uncopied``), and a piece between two of them is verbatim.
EXPECTED_LABELS: dict[str, frozenset[str]] = {
    "verbatim": frozenset({"verbatim"}),
    "random": frozenset(EDITED),
    "insdel": frozenset({*EDITED, "verbatim"}),
    "synonym": frozenset({"synonym-substituted"}),
    "reorder": frozenset({"reordered"}),
    "script": frozenset({"script-converted"}),
    "summary": frozenset({"summarised"}),
    "combined": frozenset({*EDITED, "reordered", "synonym-substituted"}),
}


def _overlap(x0: int, x1: int, y0: int, y1: int) -> bool:
    return min(x1, y1) > max(x0, y0)


def detected_cases(cases: Sequence[Range4], detection: Range4) -> list[int]:
    """Indices of the cases that ``detection`` detects (overlap in A and in B)."""
    a0, a1, b0, b1 = detection
    return [k for k, (c0, c1, d0, d1) in enumerate(cases) if _overlap(a0, a1, c0, c1) and _overlap(b0, b1, d0, d1)]


@dataclass(frozen=True)
class FindingCounts:
    """Counts over a set of pairs (see the module docstring)."""

    detections: int = 0
    merged: int = 0
    single: int = 0
    right_label: int = 0

    def __add__(self, other: FindingCounts) -> FindingCounts:
        return FindingCounts(self.detections + other.detections, self.merged + other.merged,
                             self.single + other.single, self.right_label + other.right_label)

    @property
    def merged_share(self) -> float:
        """Share of detections that detect more than one case."""
        return self.merged / self.detections if self.detections else 0.0

    @property
    def label_accuracy(self) -> float:
        """Share of single-case detections whose label is right."""
        return self.right_label / self.single if self.single else 0.0


def pair_counts(cases: Sequence[Range4], case_obfuscations: Sequence[str], detections: Sequence[Range4],
                categories: Sequence[str]) -> FindingCounts:
    """Merged detections and right labels of one pair (``categories[k]`` labels ``detections[k]``;
    a tool without labels gives an empty ``categories`` and never a right label)."""
    merged = single = right = 0
    for k, det in enumerate(detections):
        hit = detected_cases(cases, det)
        if len(hit) > 1:
            merged += 1
        elif len(hit) == 1:
            single += 1
            label = categories[k] if k < len(categories) else ""
            right += label in EXPECTED_LABELS.get(case_obfuscations[hit[0]], frozenset())
    return FindingCounts(len(detections), merged, single, right)
