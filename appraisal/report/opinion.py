"""Figures per pair (before/after filtration), the opinion per matter, and the wording lint.

Counting policy (documented in the report): a finding counts towards the opinion only when
the expert accepted it; rejected findings stay in the comparable content but are not
counted; findings excluded as public/common are removed from both numerator and
denominator (Altai filtration), like the files the comparator excluded as declared base
material or known files. Findings not yet reviewed count only when the export was asked to
(``allow_unreviewed``), and the report says so.

Code, text and package pairs are counted in lines; image pairs in pixels; audio pairs in seconds.
For images the denominator
is the image's area (width × height), the numerator the reproduced area of the counted
findings (region polygon area × the share of its textured blocks that agree, summed per
side and capped at the denominator). Declared base material removes its region's area from
the denominator, and the part of a counted region inside it (or inside a region the expert
excluded as public) from the numerator, so a share never counts what was filtered out.
For recordings the denominator is each recording's length, the numerator the union of the
counted segments on that side (segments of one pair that overlap in time, such as a
recording match and the musical-work section around it, count once); silence, noise-like
stretches and declared base material are removed from both.
Figures in different units are never added together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from appraisal.custody.config import CaseConfig, Opinion
from appraisal.report.exhibits import FileSource
from appraisal.report.labels import FORBIDDEN_PHRASES, LABELS, NEGATIVE, OPINION_TYPES, POSITIVE, UNDETERMINED, label

ACCEPTED, REJECTED, EXCLUDED, PENDING = "accepted", "rejected", "excluded", "pending"
LINES, PIXELS, SECONDS, BYTES = "lines", "pixels", "seconds", "bytes"
UNITS = (LINES, PIXELS, SECONDS, BYTES)  # order of the clauses of an opinion over several units


@dataclass
class PairFigures:
    """Counts of one compared pair, before and after filtration, in ``unit`` on each side.

    ``unit`` is "lines" (code, text, packages), "pixels" (images: areas in pixels) or "seconds"
    (recordings: durations, to the hundredth of a second).
    ``excluded_lines`` holds the effect of each of the comparator's exclusions, in the order of
    ``result["excluded"]``, in the same unit (the name is kept from when only lines existed).
    """

    a_id: str
    b_id: str
    score: float
    unit: str = LINES
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
    regions_before: int = 0  # findings (regions of an image pair) before filtration
    regions_after: int = 0  # counted findings (the regions of an image opinion)
    excluded_lines: list[tuple[int, int]] = field(default_factory=list)  # per result["excluded"]: (a, b)

    def __add__(self, other: PairFigures) -> PairFigures:
        if self.unit != other.unit:
            raise ValueError(f"cannot add figures in {self.unit} to figures in {other.unit}")
        out = PairFigures(self.a_id, self.b_id, max(self.score, other.score), self.unit)
        for name in ("files_compared", "identical_files", "similar_files", "den_a_before", "den_b_before",
                     "num_a_before", "num_b_before", "den_a_after", "den_b_after", "num_a_after", "num_b_after",
                     "files_after", "regions_before", "regions_after"):
            setattr(out, name, getattr(self, name) + getattr(other, name))
        return out


def amount(unit: str, n: float) -> str:
    """A count as printed in ``unit``: lines as integers, pixels and bytes with thousands separators,
    seconds to 0.1 s."""
    if unit == SECONDS:
        return f"{n:,.1f}"
    if unit == BYTES:
        return f"{round(n):,}"
    return f"{n:,}" if unit == PIXELS else str(n)


def pct(num: float, den: float) -> str:
    """Percentage with one decimal place ("-" when nothing is comparable)."""
    return f"{100 * num / den:.1f}" if den else "-"


def status(finding_id: str, decisions: dict[str, Any]) -> str:
    d = decisions.get(finding_id)
    return d.decision if d is not None else PENDING


def counted(finding_id: str, decisions: dict[str, Any], count_pending: bool) -> bool:
    s = status(finding_id, decisions)
    return s == ACCEPTED or (s == PENDING and count_pending)


def file_text(files: FileSource, path: str) -> str | None:
    """The text a comparator compared in ``path``: the decoded file, or for a document that is not
    plain text (DOCX, PDF, EPUB) the text the text comparator read from it (None when neither)."""
    text = files.file(path).text
    reader = getattr(files, "document", None)
    if text is None and reader is not None:
        text = reader(path).text
    return text


def _line_count(files: FileSource, path: str) -> int:
    text = file_text(files, path)
    return len(text.splitlines()) if text else 0


def _lines(region: dict[str, Any], files: FileSource) -> set[int]:
    if "start_line" in region:
        return set(range(region["start_line"], region["end_line"] + 1))
    return set(range(1, _line_count(files, region["path"]) + 1))


def _material_paths(material: Any, manifest: list[tuple[str, int, str]]) -> list[str]:
    if material.container == "dir":
        return [f"{material.relpath}/{rel}" for rel, _size, _sha in manifest]
    return [material.relpath]


def unit_of(result: dict[str, Any]) -> str:
    """The unit a stored comparison is counted in: "pixels" for images, "seconds" for audio, else "lines"."""
    units = result.get("units")
    name = units.get("name") if isinstance(units, dict) else None
    if name == PIXELS or result.get("kind") == "image":
        return PIXELS
    if name == SECONDS or result.get("kind") == "audio":
        return SECONDS
    if result.get("kind") == "binary":
        return BYTES
    return LINES


def polygon_area(polygon: list[list[float]] | None) -> float:
    """Area of a simple polygon (shoelace formula), in the square of its coordinates' unit."""
    if not polygon or len(polygon) < 3:
        return 0.0
    total = 0.0
    for (x0, y0), (x1, y1) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        total += x0 * y1 - x1 * y0
    return abs(total) / 2


def intersection_area(p: list[list[float]] | None, q: list[list[float]] | None) -> float:
    """Area shared by two polygons (the image comparator's regions are convex; others use their hull)."""
    if not p or not q or len(p) < 3 or len(q) < 3:
        return 0.0
    hulls = [cv2.convexHull(np.asarray(poly, np.float32)).reshape(-1, 2) for poly in (p, q)]
    area, _ = cv2.intersectConvexConvex(hulls[0], hulls[1])
    return max(0.0, float(area))


def _outside(region: list[list[float]] | None, removed: Iterable[list[list[float]]]) -> float:
    """Area of ``region`` outside the ``removed`` polygons (overlaps among those not corrected)."""
    area = polygon_area(region)
    return max(0.0, area - sum(intersection_area(region, r) for r in removed))


def reproduced_area(region: dict[str, Any], detail: dict[str, Any] | None) -> float:
    """Pixels of an image region that reproduce the other side: its area × the agreeing share."""
    return polygon_area(region.get("polygon")) * float((detail or {}).get("reproduced", 1.0))


def image_area(result: dict[str, Any], side: str) -> int:
    """Width × height in pixels of one side of an image comparison (0 when not recorded)."""
    size = (result.get("units") or {}).get(side)
    return int(size[0]) * int(size[1]) if size else 0


def pair_figures(item: dict[str, Any], materials: dict[str, Any], manifests: dict[str, list],
                 files: FileSource, decisions: dict[str, Any], count_pending: bool) -> PairFigures:
    """The figures of one stored comparison (in lines, or in pixels for an image pair)."""
    result = item["result"]
    if unit_of(result) == PIXELS:
        return _pixel_figures(item, decisions, count_pending)
    if unit_of(result) in (SECONDS, BYTES):
        return _span_figures(item, decisions, count_pending, unit_of(result))
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
        fig.excluded_lines.append((counts[0], counts[1]))
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
            fig.regions_after += 1
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


def _pixel_figures(item: dict[str, Any], decisions: dict[str, Any], count_pending: bool) -> PairFigures:
    """Areas in pixels of one image comparison, under the same counting policy as lines."""
    result = item["result"]
    fig = PairFigures(item["a_id"], item["b_id"], result["score"], PIXELS)
    fig.files_compared = 1
    fig.similar_files = 1 if result["matches"] else 0
    den = {side: image_area(result, side) for side in ("a", "b")}
    removed = {"a": 0.0, "b": 0.0}
    cut: dict[str, list[list[list[float]]]] = {"a": [], "b": []}  # filtered-out polygons per side
    for ex in result.get("excluded", []):
        counts = []
        for side in ("a", "b"):
            polygon = (ex.get(side) or {}).get("polygon")
            area = min(float(den[side]), polygon_area(polygon))
            removed[side] += area
            counts.append(round(area))
            if polygon:
                cut[side].append(polygon)
        fig.excluded_lines.append((counts[0], counts[1]))
    public = {"a": 0.0, "b": 0.0}
    for match in result["matches"]:
        if status(match["id"], decisions) == EXCLUDED:
            for side in ("a", "b"):
                public[side] += polygon_area(match[side].get("polygon"))
                cut[side].append(match[side].get("polygon") or [])
    before = {"a": 0.0, "b": 0.0}
    after = {"a": 0.0, "b": 0.0}
    pairs_after = set()
    fig.regions_before = len(result["matches"])
    for match in result["matches"]:
        take = counted(match["id"], decisions, count_pending)
        share = float((match.get("detail") or {}).get("reproduced", 1.0))
        for side in ("a", "b"):
            before[side] += reproduced_area(match[side], match.get("detail"))
            if take:
                after[side] += share * _outside(match[side].get("polygon"), cut[side])
        if take:
            pairs_after.add((match["a"].get("path"), match["b"].get("path")))
            fig.regions_after += 1
    for side in ("a", "b"):
        den_before = den[side]
        den_after = max(0, round(den_before - min(float(den_before), removed[side]) - public[side]))
        setattr(fig, f"den_{side}_before", den_before)
        setattr(fig, f"num_{side}_before", min(den_before, round(before[side])))
        setattr(fig, f"den_{side}_after", den_after)
        setattr(fig, f"num_{side}_after", min(den_after, round(after[side])))
    fig.files_after = len(pairs_after)
    return fig


def _span(region: dict[str, Any] | None, unit: str = SECONDS) -> tuple[float, float] | None:
    """A region's span: seconds of a recording, or the address range of a program's code."""
    if not region:
        return None
    if unit == BYTES:
        address = region.get("address")
        return (float(address[0]), float(address[1])) if address else None
    if region.get("start_s") is None:
        return None
    return float(region["start_s"]), float(region["end_s"])


def union(spans: Iterable[tuple[float, float] | None]) -> list[tuple[float, float]]:
    """The union of time spans as sorted, disjoint ``(start, end)`` spans (empty spans dropped)."""
    out: list[tuple[float, float]] = []
    for lo, hi in sorted(s for s in spans if s is not None and s[1] > s[0]):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def length(spans: Iterable[tuple[float, float]]) -> float:
    """Total length of disjoint spans."""
    return sum(hi - lo for lo, hi in spans)


def minus(spans: list[tuple[float, float]], cut: list[tuple[float, float]]) -> float:
    """Length of the disjoint ``spans`` outside the disjoint ``cut`` spans."""
    overlap = sum(max(0.0, min(hi, c_hi) - max(lo, c_lo)) for lo, hi in spans for c_lo, c_hi in cut)
    return max(0.0, length(spans) - overlap)


def _span_figures(item: dict[str, Any], decisions: dict[str, Any], count_pending: bool,
                  unit: str = SECONDS) -> PairFigures:
    """Seconds of an audio comparison, or code bytes of a binary one (matched functions' address
    ranges over the own functions' bytes), under the same counting policy as lines; findings
    without a span (a plug-in indicator, a shared string) are listed, not counted."""
    result = item["result"]
    fig = PairFigures(item["a_id"], item["b_id"], result["score"], unit)
    fig.files_compared = 1
    fig.similar_files = 1 if result["matches"] else 0
    units = result.get("units") or {}
    den = {side: float(units.get(side) or 0.0) for side in ("a", "b")}
    removed: dict[str, list] = {"a": [], "b": []}
    for ex in result.get("excluded", []):
        spans = {side: _span(ex.get(side), unit) for side in ("a", "b")}
        fig.excluded_lines.append(tuple(round(s[1] - s[0], 2) if s else 0 for s in spans.values()))
        for side, s in spans.items():
            removed[side].append(s)
    public: dict[str, list] = {"a": [], "b": []}
    before: dict[str, list] = {"a": [], "b": []}
    after: dict[str, list] = {"a": [], "b": []}
    pairs_after = set()
    spanned = [m for m in result["matches"] if unit == SECONDS or m.get("category", "").startswith("matched function")]
    fig.regions_before = len(spanned)
    for match in spanned:
        s = status(match["id"], decisions)
        take = counted(match["id"], decisions, count_pending)
        for side in ("a", "b"):
            span = _span(match[side], unit)
            before[side].append(span)
            if s == EXCLUDED:
                public[side].append(span)
            elif take:
                after[side].append(span)
        if take:
            pairs_after.add((match["a"].get("path"), match["b"].get("path")))
            fig.regions_after += 1
    for side in ("a", "b"):
        cut = union(removed[side] + public[side])
        cut_len = min(den[side], length(cut))
        den_after = max(0.0, den[side] - cut_len)
        setattr(fig, f"den_{side}_before", round(den[side], 2))
        setattr(fig, f"num_{side}_before", round(min(den[side], length(union(before[side]))), 2))
        setattr(fig, f"den_{side}_after", round(den_after, 2))
        setattr(fig, f"num_{side}_after", round(min(den_after, minus(union(after[side]), cut)), 2))
    fig.files_after = len(pairs_after)
    return fig


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
    """One opinion per matter: from ``case.toml`` ``[[opinions]]``, else derived and unconfirmed.

    A matter whose pairs are counted in different units gets one clause per unit; the derived
    opinion is positive when the counted numerator of either side is above zero in any unit.
    """
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
            kind = POSITIVE if any(_found(f) for f in selected) else NEGATIVE
            out.append(MatterOpinion(k, kind, _wording(lang, kind, selected, ""), False, ""))
    return out


def _found(fig: PairFigures) -> bool:
    return fig.num_a_after > 0 or fig.num_b_after > 0


def _select(figures: list[PairFigures], pair: str) -> list[PairFigures]:
    """The figures of the selected pairs, summed per unit (one entry per unit, lines first)."""
    if pair:
        a, _, b = pair.partition("/")
        chosen = [f for f in figures if f.a_id == a.strip() and f.b_id == b.strip()]
    else:
        chosen = figures
    out = []
    for unit in UNITS:
        group = [f for f in chosen if f.unit == unit]
        if not group:
            continue
        total = group[0]
        for f in group[1:]:
            total = total + f
        if len(group) > 1:
            total.a_id = "、".join(sorted({f.a_id for f in group}))
            total.b_id = "、".join(sorted({f.b_id for f in group}))
        out.append(total)
    return out


def _wording(lang: str, kind: str, selected: list[PairFigures], reason: str) -> str:
    if kind not in OPINION_TYPES:
        return f"<{kind}>"
    selected = selected or [PairFigures("-", "-", 0.0)]
    if kind == UNDETERMINED:
        subject = label(lang, "subject_join").join(_subject(lang, f.unit) for f in selected)
        ids_a = "、".join(dict.fromkeys(f.a_id for f in selected))
        ids_b = "、".join(dict.fromkeys(f.b_id for f in selected))
        return label(lang, "opinion_undetermined").format(a=ids_a, b=ids_b, subject=subject, reason=reason or "—")
    clauses = []
    any_found = any(_found(f) for f in selected)
    for fig in selected:
        # a positive opinion over several units states, for a unit where nothing was found, that nothing was
        clause_kind = NEGATIVE if kind == POSITIVE and any_found and not _found(fig) else kind
        clauses.append(_clause(lang, clause_kind, fig))
    return label(lang, "clause_sep").join(clauses)


def _regions_text(lang: str, n: int, unit: str = PIXELS) -> str:
    """"3 regions" of an image clause, "3 segments" of an audio one (singular where the language has one)."""
    stem = {SECONDS: "segments_text", BYTES: "functions_text"}.get(unit, "regions_text")
    key = f"{stem}_one" if n == 1 and f"{stem}_one" in LABELS[lang] else stem
    return label(lang, key).format(n=n)


def _subject(lang: str, unit: str) -> str:
    return label(lang, "subject" if unit == LINES else f"subject_{unit}")


def _clause(lang: str, kind: str, fig: PairFigures) -> str:
    """The opinion sentence of one unit's figures."""
    if fig.unit == LINES:
        return label(lang, f"opinion_{kind}").format(
            a=fig.a_id, b=fig.b_id, subject=label(lang, "subject"), unit=label(lang, "unit"),
            files=fig.files_after, lines_a=fig.num_a_after, den_a=fig.den_a_after,
            pct_a=pct(fig.num_a_after, fig.den_a_after),
            lines_b=fig.num_b_after, den_b=fig.den_b_after, pct_b=pct(fig.num_b_after, fig.den_b_after),
            reason="—")
    return label(lang, f"opinion_{kind}_{fig.unit}").format(
        a=fig.a_id, b=fig.b_id, subject=_subject(lang, fig.unit), regions=fig.regions_after,
        regions_text=_regions_text(lang, fig.regions_after, fig.unit),
        files=fig.files_after, num_a=amount(fig.unit, fig.num_a_after), den_a=amount(fig.unit, fig.den_a_after),
        pct_a=pct(fig.num_a_after, fig.den_a_after), num_b=amount(fig.unit, fig.num_b_after),
        den_b=amount(fig.unit, fig.den_b_after), pct_b=pct(fig.num_b_after, fig.den_b_after))


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


__all__ = ["BYTES", "LINES", "MatterOpinion", "NEGATIVE", "PIXELS", "POSITIVE", "PairFigures", "SECONDS",
           "UNDETERMINED",
           "amount", "image_area", "length", "lint", "minus", "opinions", "pair_figures", "pct", "polygon_area",
           "reproduced_area", "union", "unit_of"]
