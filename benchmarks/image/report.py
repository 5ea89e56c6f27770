"""The markdown section of ``RESULTS.md`` for one split (written by ``run.py``)."""

from __future__ import annotations

from typing import Any

from common.results import fmt, table

MEASURES = (("ROC AUC, all pairs", ("auc",)), ("best F1", ("best_f1",)),
            ("threshold at best F1", ("best_f1_threshold",)),
            ("precision at recall 0.9", ("precision_at_recall_0.9",)),
            ("threshold at recall 0.9", ("threshold_at_recall_0.9",)))


def _get(d: dict[str, Any] | None, *keys: str) -> Any:
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def overall(tools: dict[str, Any], split: str) -> str:
    """Overall accuracy and the operating point of the tune threshold."""
    names = list(tools)
    rows = [[label] + [fmt(_get(t["accuracy"], *keys), 4 if "threshold" in label else 3) for t in tools.values()]
            for label, keys in MEASURES]
    src = "tune" if split == "tune" else "tune (results/thresholds.json)"
    for label, key in (("threshold (best F1 on " + src + ")", "threshold"),
                       ("precision at that threshold", "precision"), ("recall at that threshold", "recall"),
                       ("FPR at that threshold", "fpr")):
        rows.append([label] + [fmt(_get(t["accuracy"], "at_threshold", key), 4 if key == "threshold" else 3)
                               for t in tools.values()])
    rows.append(["errors (pairs scored 0)"] + [str(t["errors"]) for t in tools.values()])
    return table(["measure"] + names, rows)


def per_key(tools: dict[str, Any], path: tuple[str, ...], label: str) -> str:
    """One row per key of a nested dict (e.g. AUC per family), one column per tool."""
    keys: list[str] = []
    for t in tools.values():
        for k in _get(t, *path) or {}:
            if k not in keys:
                keys.append(k)
    rows = [[k] + [fmt(_get(t, *path, k)) for t in tools.values()] for k in keys]
    return table([label] + list(tools), rows)


def localisation(tools: dict[str, Any]) -> str:
    """Localisation of the tools that return regions."""
    loc = {n: t["localisation"] for n, t in tools.items() if t.get("localisation")}
    if not loc:
        return "No tool returned regions."
    rows = [[m] + [fmt(v[key]) for v in loc.values()] for m, key in
            (("mean IoU, region in B", "iou_b"), ("mean IoU, region in A", "iou_a"),
             ("share IoU >= 0.5 in B", "share_iou_b_0.5"), ("share IoU >= 0.5 in A", "share_iou_a_0.5"))]
    fams = sorted({f for v in loc.values() for f in v["iou_b_family"]})
    rows += [[f"IoU in B: {f}"] + [fmt(v["iou_b_family"].get(f)) for v in loc.values()] for f in fams]
    return table(["measure (positives)"] + list(loc), rows)


def speed(tools: dict[str, Any]) -> str:
    """Seconds per pair and, where reported, per image and per comparison."""
    rows = [[m] + [fmt(_get(t, "speed", key), 4) for t in tools.values()] for m, key in
            (("mean s per pair (worker, incl. uncached extraction)", "seconds_per_pair"),
             ("mean s per image extracted", "extract_seconds_per_image"),
             ("mean s per comparison (features cached)", "compare_seconds_per_pair"),
             ("wall s for the split", "wall_seconds"))]
    return table(["speed"] + list(tools), rows)


def section(summary: dict[str, Any]) -> str:
    """The whole ``accuracy:<split>`` section."""
    tools, split, data = summary["tools"], summary["split"], summary["data"]
    parts = [f"### Split `{split}`", f"Command: `{summary['command']}`", "",
             f"Date: {summary['date']}; machine: {summary['machine']}; load {summary['load']}", "",
             f"Pairs: {summary['pairs']} ({data['positives']} copies, {data['negatives']} independent); negatives: "
             + ", ".join(f"{k} {v}" for k, v in data["negative_type"].items()) + "."]
    for name, why in summary["skipped"].items():
        parts.append(f"\n`{name}` skipped: {why}")
    if not tools:
        return "\n".join(parts)
    parts += ["", "Tool parameters:"] + [f"- {n}: `{t['params']}`" for n, t in tools.items()]
    parts += ["", "#### Overall", overall(tools, split),
              "", "#### ROC AUC per family (the family's copies against all negatives)",
              per_key(tools, ("accuracy", "auc_family"), "family"),
              "", "#### ROC AUC per strength (copies of that strength against all negatives)",
              per_key(tools, ("accuracy", "auc_strength"), "strength"),
              "", "#### ROC AUC per negative type (all copies against that type)",
              per_key(tools, ("accuracy", "auc_negative_type"), "negative type"),
              "", "#### False-positive rate per negative type at the tune threshold",
              per_key(tools, ("accuracy", "at_threshold", "fpr_negative_type"), "negative type"),
              "", "#### Recall per family at the tune threshold",
              per_key(tools, ("accuracy", "at_threshold", "recall_family"), "family"),
              "", "#### Localisation (predicted region vs truth, rasterised IoU; no region = 0)", localisation(tools),
              "", "#### Speed (2 worker processes)", speed(tools)]
    return "\n".join(parts)
