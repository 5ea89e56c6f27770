"""Figures per pair (before/after filtration), the opinion per matter, and the wording lint.

Counting policy (documented in the report): a finding counts towards the opinion only when
the expert accepted it; rejected findings stay in the comparable content but are not
counted; findings excluded as public/common are removed from both numerator and
denominator (Altai filtration), like the files the comparator excluded as declared base
material or known files. Findings not yet reviewed count only when the export was asked to
(``allow_unreviewed``), and the report says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from appraisal.custody.config import CaseConfig, Opinion
from appraisal.report.exhibits import FileSource
from appraisal.report.labels import FORBIDDEN_PHRASES, NEGATIVE, OPINION_TYPES, POSITIVE, UNDETERMINED, label

ACCEPTED, REJECTED, EXCLUDED, PENDING = "accepted", "rejected", "excluded", "pending"


@dataclass
class PairFigures:
    """Counts of one compared pair, before and after filtration (lines on each side)."""

    a_id: str
    b_id: str
    score: float
    files_compared: int = 0
    identical_files: int = 0
    similar_files: int = 0
    den_a_before: int = 0
    den_b_before: int = 0
    num_a_before: int = 0
    num_b_before: int = 0
    den_a_after: int = 0
    den_b_after: int = 0
    num_a_after: int = 0
    num_b_after: int = 0
    files_after: int = 0
    excluded_lines: dict[str, tuple[int, int]] = field(default_factory=dict)  # item -> (a, b)

    def __add__(self, other: PairFigures) -> PairFigures:
        out = PairFigures(self.a_id, self.b_id, max(self.score, other.score))
        for name in ("files_compared", "identical_files", "similar_files", "den_a_before", "den_b_before",
                     "num_a_before", "num_b_before", "den_a_after", "den_b_after", "num_a_after", "num_b_after",
                     "files_after"):
            setattr(out, name, getattr(self, name) + getattr(other, name))
        return out


def pct(num: int, den: int) -> str:
    """Percentage with one decimal place ("-" when nothing is comparable)."""
    return f"{100 * num / den:.1f}" if den else "-"


def status(finding_id: str, decisions: dict[str, Any]) -> str:
    d = decisions.get(finding_id)
    return d.decision if d is not None else PENDING


def counted(finding_id: str, decisions: dict[str, Any], count_pending: bool) -> bool:
    s = status(finding_id, decisions)
    return s == ACCEPTED or (s == PENDING and count_pending)


def _line_count(files: FileSource, path: str) -> int:
    text = files.file(path).text
    return len(text.splitlines()) if text else 0


def _lines(region: dict[str, Any], files: FileSource) -> set[int]:
    if "start_line" in region:
        return set(range(region["start_line"], region["end_line"] + 1))
    return set(range(1, _line_count(files, region["path"]) + 1))


def _material_paths(material: Any, manifest: list[tuple[str, int, str]]) -> list[str]:
    if material.container == "dir":
        return [f"{material.relpath}/{rel}" for rel, _size, _sha in manifest]
    return [material.relpath]


def pair_figures(item: dict[str, Any], materials: dict[str, Any], manifests: dict[str, list],
                 files: FileSource, decisions: dict[str, Any], count_pending: bool) -> PairFigures:
    """The figures of one stored comparison."""
    result = item["result"]
    fig = PairFigures(item["a_id"], item["b_id"], result["score"])
    summary = result.get("summary")
    if summary:
        fig.identical_files = summary["identical"]["count"]
        fig.similar_files = summary["similar"]["count"]
        fig.files_compared = fig.identical_files + fig.similar_files + summary["only_a"]["count"] + \
            summary["only_b"]["count"]
    else:
        fig.files_compared = 1
        fig.similar_files = 1 if result["matches"] else 0
    side_paths = {}
    for side, mid in (("a", item["a_id"]), ("b", item["b_id"])):
        m = materials[mid]
        side_paths[side] = {p: _line_count(files, p) for p in _material_paths(m, manifests.get(mid, []))}
    fig.den_a_before = sum(side_paths["a"].values())
    fig.den_b_before = sum(side_paths["b"].values())
    # comparator exclusions (declared base material, known files): whole files
    removed = {"a": 0, "b": 0}
    for ex in result.get("excluded", []):
        counts = []
        for side in ("a", "b"):
            region = ex.get(side)
            n = 0
            if region and region.get("path") in side_paths[side]:
                n = side_paths[side][region["path"]] if "start_line" not in region else \
                    region["end_line"] - region["start_line"] + 1
            removed[side] += n
            counts.append(n)
        fig.excluded_lines[_excluded_item(ex)] = (counts[0], counts[1])
    before = {"a": {}, "b": {}}
    after = {"a": {}, "b": {}}
    public = {"a": {}, "b": {}}
    pairs_after = set()
    for match in result["matches"]:
        s = status(match["id"], decisions)
        for side in ("a", "b"):
            region = match[side]
            lines = _lines(region, files)
            before[side].setdefault(region["path"], set()).update(lines)
            if s == EXCLUDED:
                public[side].setdefault(region["path"], set()).update(lines)
            elif counted(match["id"], decisions, count_pending):
                after[side].setdefault(region["path"], set()).update(lines)
        if counted(match["id"], decisions, count_pending):
            pairs_after.add((match["a"]["path"], match["b"]["path"]))
    for side in ("a", "b"):
        # lines excluded as public by the expert and not also counted elsewhere
        for path, lines in public[side].items():
            after[side][path] = after[side].get(path, set()) - lines
    fig.num_a_before = sum(len(v) for v in before["a"].values())
    fig.num_b_before = sum(len(v) for v in before["b"].values())
    fig.num_a_after = sum(len(v) for v in after["a"].values())
    fig.num_b_after = sum(len(v) for v in after["b"].values())
    public_a = sum(len(v) for v in public["a"].values())
    public_b = sum(len(v) for v in public["b"].values())
    fig.den_a_after = fig.den_a_before - removed["a"] - public_a
    fig.den_b_after = fig.den_b_before - removed["b"] - public_b
    fig.files_after = len(pairs_after)
    return fig


def _excluded_item(ex: dict[str, Any]) -> str:
    paths = sorted({ex[s]["path"] for s in ("a", "b") if ex.get(s)})
    return " / ".join(paths)


# -- opinion -----------------------------------------------------------------------------
@dataclass(frozen=True)
class MatterOpinion:
    """The opinion on one matter: its type, wording and whether the expert confirmed it."""

    matter: int
    type: str
    text: str
    confirmed: bool
    reason: str


def opinions(config: CaseConfig, figures: list[PairFigures], lang: str) -> list[MatterOpinion]:
    """One opinion per matter: from ``case.toml`` ``[[opinions]]``, else derived and unconfirmed."""
    matters = config.matters or [config.title or label(lang, "default_title")]
    by_matter: dict[int, Opinion] = {o.matter: o for o in config.opinions}
    out = []
    for k in range(1, len(matters) + 1):
        given = by_matter.get(k)
        selected = _select(figures, given.pair if given else "")
        if given is not None:
            out.append(MatterOpinion(k, given.type, _wording(lang, given.type, selected, given.reason),
                                     True, given.reason))
        else:
            kind = POSITIVE if selected and selected.num_a_after > 0 else NEGATIVE
            out.append(MatterOpinion(k, kind, _wording(lang, kind, selected, ""), False, ""))
    return out


def _select(figures: list[PairFigures], pair: str) -> PairFigures | None:
    if pair:
        a, _, b = pair.partition("/")
        chosen = [f for f in figures if f.a_id == a.strip() and f.b_id == b.strip()]
    else:
        chosen = figures
    if not chosen:
        return None
    total = chosen[0]
    for f in chosen[1:]:
        total = total + f
    if len(chosen) > 1:
        total.a_id = "、".join(sorted({f.a_id for f in chosen}))
        total.b_id = "、".join(sorted({f.b_id for f in chosen}))
    return total


def _wording(lang: str, kind: str, fig: PairFigures | None, reason: str) -> str:
    if kind not in OPINION_TYPES:
        return f"<{kind}>"
    fig = fig or PairFigures("-", "-", 0.0)
    return label(lang, f"opinion_{kind}").format(
        a=fig.a_id, b=fig.b_id, subject=label(lang, "subject"), unit=label(lang, "unit"),
        files=fig.files_after, lines_a=fig.num_a_after, den_a=fig.den_a_after,
        pct_a=pct(fig.num_a_after, fig.den_a_after),
        lines_b=fig.num_b_after, den_b=fig.den_b_after, pct_b=pct(fig.num_b_after, fig.den_b_after),
        reason=reason or "—")


# -- lint --------------------------------------------------------------------------------
def lint(text: str) -> list[tuple[str, str]]:
    """Forbidden phrases in ``text``: ``(phrase as written, why)``; empty when clean."""
    hits = []
    for phrase, why in FORBIDDEN_PHRASES:
        pattern = re.escape(phrase) + (r"\w*" if phrase.isascii() and phrase[-1].isalpha() else "")
        match = re.search(pattern, text, flags=re.IGNORECASE)
        if match and not any(match.group(0) in h[0] or h[0] in match.group(0) for h in hits):
            hits.append((match.group(0), why))
    return hits


__all__ = ["MatterOpinion", "NEGATIVE", "POSITIVE", "PairFigures", "UNDETERMINED", "lint", "opinions",
           "pair_figures", "pct"]
