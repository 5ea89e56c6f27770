"""Markdown tables of a scored split: PAN alignment measures, document-level measures, targets.

Headline: PAN's macro-averaged precision and recall (BENCHMARKS.md) and the PlagDet built
from them; the micro-averaged values (characters pooled over the corpus) stand beside them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from common.measures import auc, best_f1, precision_at_recall, prf_at
from common.results import fmt, table
from evaluation import SplitEval, ToolEval
from findings import EXPECTED_LABELS
from plagdet import Alignment

RECALL_TARGET = 0.9
NA = "n/a (no localisation)"




def ordered(values: Iterable[str]) -> list[str]:
    """Distinct values in order of first appearance."""
    return list(dict.fromkeys(values))


def _first(pair: tuple[float, float] | None) -> float | None:
    return pair[0] if pair else None


def _second(pair: tuple[float, float] | None) -> float | None:
    return pair[1] if pair else None


def macro_cell(result: Alignment) -> str:
    """``PlagDet (P / R / G)``; a ``*`` marks a precision that is undefined (no detection)."""
    star = "" if result.precision_defined else "*"
    return (f"{fmt(result.plagdet)} ({fmt(result.precision)}{star} / {fmt(result.recall)} / "
            f"{fmt(result.granularity, 2)})")


def micro_cell(result: Alignment) -> str:
    """``PlagDet (P / R)`` of the micro-averaged measures."""
    star = "" if result.precision_defined else "*"
    return f"{fmt(result.plagdet)} ({fmt(result.precision)}{star} / {fmt(result.recall)})"


def _localising(split: SplitEval) -> list[str]:
    return [t for t, e in split.tools.items() if e.localises]


# --------------------------------------------------------------------------- overall


def overall_table(split: SplitEval, tune: SplitEval | None) -> str:
    """All measures over the whole split, tools as columns."""
    tools = list(split.tools)
    aligned = {t: split.alignment(t) for t in tools if split.tools[t].localises}
    labels = split.labels
    rows: list[list[str]] = []

    def row(name: str, fn: Callable[[str], str], alignment: bool = False) -> None:
        rows.append([name, *(NA if alignment and t not in aligned else fn(t) for t in tools)])

    row("**PlagDet (macro, headline)**", lambda t: f"**{fmt(aligned[t][0].plagdet)}**", True)
    row("precision / recall (macro)", lambda t: f"{_p(aligned[t][0])} / {fmt(aligned[t][0].recall)}", True)
    row("granularity", lambda t: fmt(aligned[t][0].granularity, 3), True)
    row("PlagDet (micro)", lambda t: fmt(aligned[t][1].plagdet), True)
    row("precision / recall (micro)", lambda t: f"{_p(aligned[t][1])} / {fmt(aligned[t][1].recall)}", True)
    row("detections / cases detected / cases",
        lambda t: f"{aligned[t][0].detections} / {aligned[t][0].detected_cases} / {aligned[t][0].cases}", True)
    row("negatives with no detection", lambda t: _clean_cell(split, t), True)
    row("ROC AUC (document score)", lambda t: fmt(auc(labels, split.tools[t].filled())))
    row("best F1 / threshold", lambda t: _pair_cell(best_f1(labels, split.tools[t].filled())))
    row(f"precision at recall {RECALL_TARGET} / threshold",
        lambda t: _pair_cell(precision_at_recall(labels, split.tools[t].filled(), RECALL_TARGET)))
    if tune is not None and tune is not split:
        row(f"P / R / F1 at the best-F1 threshold of `{tune.name}`", lambda t: _at_tune(split, tune, t))
    row("pairs failed", lambda t: str(sum(1 for e in split.tools[t].errors if e)))
    row("time in tool, summed (s)", lambda t: fmt(split.tools[t].tool_s, 1))
    row("wall time of the scoring run (s)", lambda t: _wall(split.tools[t]))
    return table(["measure", *tools], rows)


def _p(result: Alignment) -> str:
    return fmt(result.precision) + ("" if result.precision_defined else "*")


def _pair_cell(pair: tuple[float, float] | None) -> str:
    return "–" if pair is None else f"{fmt(pair[0])} / {fmt(pair[1], 4)}"


def _clean_cell(split: SplitEval, tool: str, mask: np.ndarray | None = None) -> str:
    clean, total = split.clean_negatives(tool, mask)
    return f"{fmt(clean / total) if total else '–'} ({clean}/{total})"


def _at_tune(split: SplitEval, tune: SplitEval, tool: str) -> str:
    if tool not in tune.tools:
        return "–"
    chosen = best_f1(tune.labels, tune.tools[tool].filled())
    if chosen is None:
        return "–"
    p, r, f = prf_at(split.labels, split.tools[tool].filled(), chosen[1])
    return f"{fmt(p)} / {fmt(r)} / {fmt(f)} (t = {fmt(chosen[1], 4)})"


def _wall(tool: ToolEval) -> str:
    text = fmt(tool.wall_s, 1)
    return text + (" (cached)" if any("from the cache" in n for n in tool.notes) else "")


# --------------------------------------------------------------------------- groups


def group_table(split: SplitEval, title: str, groups: list[tuple[str, np.ndarray]]) -> str:
    """Macro ``PlagDet (P / R / G)`` and micro ``PlagDet (P / R)`` of each localising tool per group."""
    tools = _localising(split)
    rows = []
    for name, mask in groups:
        pos = int(np.sum(mask & (split.labels == 1)))
        cells = []
        for t in tools:
            ma, mi = split.alignment(t, mask)
            cells += [macro_cell(ma), micro_cell(mi)]
        rows.append([name, f"{pos} / {int(mask.sum()) - pos}", *cells])
    header = [title, "pos / neg"]
    for t in tools:
        header += [f"{t} PlagDet (P / R / G)", f"{t} micro (P / R)"]
    return table(header, rows)


def language_groups(split: SplitEval) -> list[tuple[str, np.ndarray]]:
    """All pairs of each language (negatives included: detections on them cost precision)."""
    return [(lang, split.mask(lambda p, x=lang: p.lang == x)) for lang in ordered(p.lang for p in split.pairs)]


def obfuscation_groups(split: SplitEval) -> list[tuple[str, np.ndarray]]:
    """Positives of each obfuscation."""
    names = ordered(p.obfuscation for p in split.pairs if p.label == 1)
    return [(o, split.mask(lambda p, x=o: p.label == 1 and p.obfuscation == x)) for o in names]


def language_obfuscation_groups(split: SplitEval) -> list[tuple[str, np.ndarray]]:
    """Positives of each language × obfuscation."""
    keys = ordered((p.lang, p.obfuscation) for p in split.pairs if p.label == 1)
    keys = sorted(keys, key=lambda k: (k[0], [o for _, o in keys].index(k[1])))
    return [(f"{lang} · {o}", split.mask(lambda p, x=lang, y=o: p.label == 1 and p.lang == x and p.obfuscation == y))
            for lang, o in keys]


def obfuscation_auc_table(split: SplitEval) -> str:
    """Document ROC AUC of each obfuscation's positives against all negatives."""
    tools = list(split.tools)
    rows = []
    for name, mask in obfuscation_groups(split):
        both = mask | (split.labels == 0)
        rows.append([name, str(int(mask.sum())),
                     *(fmt(auc(split.labels[both], split.tools[t].filled()[both])) for t in tools)])
    return table(["obfuscation", "positives", *(f"{t} AUC" for t in tools)], rows)


def negatives_table(split: SplitEval) -> str:
    """Per negative type: share of pairs with no detection, and mean / max document score."""
    tools = list(split.tools)
    rows = []
    for kind in ordered(p.obfuscation for p in split.pairs if p.label == 0):
        mask = split.mask(lambda p, x=kind: p.label == 0 and p.obfuscation == x)
        cells = []
        for t in tools:
            scores = split.tools[t].filled()[mask]
            clean = _clean_cell(split, t, mask) if split.tools[t].localises else "n/a"
            cells.append(f"{clean}; {fmt(float(scores.mean()))} / {fmt(float(scores.max()))}")
        rows.append([kind, str(int(mask.sum())), *cells])
    return table(["negative type", "pairs", *(f"{t}: no detection; score mean / max" for t in tools)], rows)


# --------------------------------------------------------------------------- targets


def targets_table(split: SplitEval) -> str:
    """Issue 4's targets for ``ours``: measured value and met or not."""
    if "ours" not in split.tools:
        return "_(the targets need the `ours` tool)_"
    rows = [["PlagDet overall >= 0.93", *_target(split.alignment("ours")[0].plagdet, 0.93)]]
    for name, mask in language_groups(split):
        rows.append([f"PlagDet `{name}` >= 0.90", *_target(split.alignment("ours", mask)[0].plagdet, 0.90)])
    obf = dict(obfuscation_groups(split))
    for name, bound in (("script", 0.90), ("summary", 0.80)):
        value = split.alignment("ours", obf[name])[0].plagdet if name in obf else None
        rows.append([f"PlagDet `{name}` >= {bound:.2f}", *_target(value, bound)])
    gran = split.alignment("ours")[0].granularity
    rows.append(["granularity <= 1.05", fmt(gran), "yes" if gran <= 1.05 else "**no**"])
    clean, total = split.clean_negatives("ours")
    rows.append(["no detection on >= 98 % of negatives", *_target(clean / total if total else None, 0.98)])
    rows.append(["document ROC AUC >= 0.99", *_target(auc(split.labels, split.tools["ours"].filled()), 0.99)])
    return table(["target (issue 4)", "measured", "met"], rows)


KNOWN_LABELS = frozenset().union(*EXPECTED_LABELS.values())


def findings_table(split: SplitEval) -> str:
    """Merged detections (detecting more than one case) and label accuracy (single-case detections
    with a right label, ``findings.EXPECTED_LABELS``) of each localising tool, overall and per obfuscation."""
    tools = _localising(split)
    groups = [("all positives", split.labels == 1), *obfuscation_groups(split)]
    rows = []
    for name, mask in groups:
        cells = []
        for t in tools:
            c = split.findings(t, mask)
            labelled = any(set(split.tools[t].categories[i]) & KNOWN_LABELS for i in np.flatnonzero(mask))
            cells += [f"{fmt(c.merged_share)} ({c.merged}/{c.detections})",
                      f"{fmt(c.label_accuracy)} ({c.right_label}/{c.single})" if labelled else "n/a (no such labels)"]
        rows.append([name, *cells])
    header = ["positives"]
    for t in tools:
        header += [f"{t} merged detections", f"{t} label accuracy"]
    return table(header, rows)


def issue17_targets_table(split: SplitEval) -> str:
    """Issue 17's targets for ``ours``: measured value and met or not."""
    if "ours" not in split.tools:
        return "_(the targets need the `ours` tool)_"
    rows = [["PlagDet overall >= 0.97", *_target(split.alignment("ours")[0].plagdet, 0.97)]]
    cells = dict(language_obfuscation_groups(split))
    for lang, bound in (("zh", 0.90), ("en", 0.85)):
        mask = cells.get(f"{lang} · summary")
        value = split.alignment("ours", mask)[0].plagdet if mask is not None else None
        rows.append([f"PlagDet `{lang} · summary` >= {bound:.2f}", *_target(value, bound)])
    obf = dict(obfuscation_groups(split))
    value = split.alignment("ours", obf["verbatim"])[0].precision if "verbatim" in obf else None
    rows.append(["verbatim precision (macro) >= 0.99", *_target(value, 0.99)])
    found = split.findings("ours", split.labels == 1)
    rows.append(["merged detections <= 1 %", fmt(found.merged_share),
                 "yes" if found.merged_share <= 0.01 else "**no**"])
    rows.append(["label accuracy >= 0.95", *_target(found.label_accuracy, 0.95)])
    lost, cases = split.cases_lost_as_common("ours")
    rows.append(["no copied passage excluded as common", f"{lost} of {cases} cases", "yes" if lost == 0 else "**no**"])
    return table(["target (issue 17)", "measured", "met"], rows)


def _target(value: float | None, bound: float) -> list[str]:
    return [fmt(value), "–" if value is None else ("yes" if value >= bound else "**no**")]


# --------------------------------------------------------------------------- section


def dataset_summary(split: SplitEval, manifest: dict[str, object], where: str) -> str:
    """Counts of the split: pairs, positives, negatives, documents, languages, obfuscations."""
    docs = {x for p in split.pairs for x in (p.a, p.b)}
    pos = int(np.sum(split.labels == 1))
    langs = ", ".join(f"{k} {v}" for k, v in _counts(p.lang for p in split.pairs).items())
    kinds = ", ".join(f"{k} {v}" for k, v in _counts(p.obfuscation for p in split.pairs).items())
    chars = split.chars[split.chars.sum(axis=1) > 0]
    size = f"; mean document {fmt(float(chars.mean()), 0)} characters" if chars.size else ""
    head = (f"`{where}`: {len(split.pairs)} pairs ({pos} positive, {len(split.pairs) - pos} negative), "
            f"{len(docs)} documents, {len(split.cases)} cases{size}; languages: {langs}; by type: {kinds}.")
    facts = {k: v for k, v in manifest.items() if isinstance(v, (str, int, float, bool))}
    return head + ("\n\nManifest: " + ", ".join(f"{k} `{v}`" for k, v in facts.items()) if facts else "")


def _counts(values: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def split_section(split: SplitEval, tune: SplitEval | None, header: str, data_summary: str) -> str:
    """The markdown of one split's results."""
    parts = [f"### Split `{split.name}`", header, "", "Data: " + data_summary, "",
             "Headline: PAN macro-averaged precision/recall (BENCHMARKS.md) and PlagDet = F1 / log2(1 + "
             "granularity); micro-averaged (characters pooled) beside it. `*`: no detection at all, precision "
             "undefined and shown as 0.", "",
             "#### Overall", overall_table(split, tune), "",
             "#### Per language (all pairs of the language)", group_table(split, "language", language_groups(split)),
             "", "#### Per obfuscation (positives of that obfuscation)",
             group_table(split, "obfuscation", obfuscation_groups(split)), "",
             "#### Per language × obfuscation (positives)",
             group_table(split, "language · obfuscation", language_obfuscation_groups(split)), "",
             "#### Document score per obfuscation (its positives vs all negatives)", obfuscation_auc_table(split), "",
             "#### Negatives", negatives_table(split), "",
             "#### Findings one by one: merged detections and labels (issue 17)",
             "A detection is merged when it detects (overlaps in A and in B) more than one case; label accuracy is "
             "over detections of exactly one case (`findings.py`).", "", findings_table(split), "",
             "#### Targets (issue 4, tool `ours`)", targets_table(split), "",
             "#### Targets (issue 17, tool `ours`)", issue17_targets_table(split), ""]
    notes = [f"- {t}: {n}" for t, e in split.tools.items() for n in e.notes + _error_summary(e)]
    if notes:
        parts += ["Notes:", *notes, ""]
    return "\n".join(parts)


def _error_summary(tool: ToolEval) -> list[str]:
    counts = _counts(e for e in tool.errors if e)
    return [f"{n} pairs failed: {e}" for e, n in sorted(counts.items(), key=lambda kv: -kv[1])[:5]]
