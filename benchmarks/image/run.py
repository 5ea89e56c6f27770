"""Accuracy, localisation and speed of the image comparator and its peers on one split.

Usage (from the repository root, after ``generate.py``)::

    .venv/bin/python benchmarks/image/run.py --split tune [--tools ours,ahash,phash,dhash,whash,sift_ransac,orb_ransac]
        [--limit N] [--workers 2] [--out benchmarks/image/results/tune.json] [--no-reuse]
    .venv/bin/python benchmarks/image/run.py --split test
    .venv/bin/python benchmarks/image/run.py --speed

Every pair of ``data/<split>/pairs.csv`` is scored by every tool (:mod:`tools`) in a process pool
(pairs sorted by A, so a worker's per-file cache reuses A's features). Per tool: ROC AUC over all
pairs, per family and per strength (positives of the family against all negatives) and per
negative type (all positives against that type); best F1 and its threshold; precision at recall
0.9; at the threshold chosen on ``tune`` (best F1 there; stored in ``results/thresholds.json`` when
the split is ``tune``, read from it otherwise): precision, recall, and the false-positive rate per
negative type; localisation for tools that return regions (mean IoU of the predicted region in B,
and in A, against the truth, and the share of positives with IoU >= 0.5; a positive without a
predicted region counts as IoU 0); speed (mean seconds per pair in a worker, including
extraction of files not cached yet; for ``ours`` also extraction per image and comparison per
pair). A tool that fails to load (``ours`` while the comparator is being written) is skipped.

Scores per pair are kept in ``data/results/<split>/<tool>.json`` keyed by the pairs file and the
tool's parameters, so a rerun only rescores what changed. The summary goes to ``--out`` and to the
``<!-- accuracy:<split> -->`` section of ``RESULTS.md``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import shlex
import sys
import time
from collections import Counter
from dataclasses import asdict
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for _p in (HERE, HERE.parent, ROOT):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from common.machine import load_average, machine  # noqa: E402
from common.measures import auc, best_f1, precision_at_recall, prf_at  # noqa: E402
from common.results import replace_section  # noqa: E402
from geometry import iou  # noqa: E402
from report import section  # noqa: E402
from tools import ALL, Scored, available, make_tool  # noqa: E402

DATA = HERE / "data"
RESULTS = HERE / "results"
THRESHOLDS = RESULTS / "thresholds.json"
RESULTS_MD = HERE / "RESULTS.md"
NEGATIVE_TYPES = ("same_canvas", "same_package", "same_scene", "same_template", "random")


def load_pairs(split: str, limit: int | None) -> list[dict[str, str]]:
    """Rows of ``pairs.csv`` (a stable random subset of ``limit`` rows when given)."""
    with (DATA / split / "pairs.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    if limit and limit < len(rows):
        keep = sorted(np.random.default_rng(0).permutation(len(rows))[:limit].tolist())
        rows = [rows[i] for i in keep]
    return rows


# -- scoring ------------------------------------------------------------------------------------
_TOOL: Any = None


def _init(name: str) -> None:
    global _TOOL
    import cv2

    cv2.setNumThreads(1)
    cv2.setRNGSeed(1)
    _TOOL = make_tool(name)


def _score(job: tuple[int, str, str]) -> tuple[int, dict[str, Any]]:
    i, a, b = job
    try:
        out = _TOOL.score(Path(a), Path(b))
    except Exception as exc:  # noqa: BLE001 - a failing pair is recorded, not fatal
        out = Scored(0.0, error=f"{type(exc).__name__}: {exc}")
    return i, asdict(out)


def cache_key(split: str, rows: list[dict[str, str]], name: str) -> str:
    """Identity of a scoring run: the pairs file, the rows scored and the tool's parameters."""
    pairs = (DATA / split / "pairs.csv").read_bytes()
    params = json.dumps(make_tool(name).params, sort_keys=True, default=str)
    ids = ",".join(r["b"] for r in rows)
    return hashlib.sha256(pairs + params.encode() + ids.encode()).hexdigest()


def score_tool(name: str, split: str, rows: list[dict[str, str]], workers: int, reuse: bool) -> dict[str, Any]:
    """Per-pair results of one tool (from the cache when the key matches) and its wall time."""
    key = cache_key(split, rows, name)
    path = DATA / "results" / split / f"{name}.json"
    if reuse and path.is_file():
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached.get("key") == key:
            print(f"{name}: reused {path.relative_to(ROOT)}", file=sys.stderr)
            return cached
    base = DATA / split
    jobs = sorted(((i, str(base / r["a"]), str(base / r["b"])) for i, r in enumerate(rows)), key=lambda j: j[1])
    results: list[dict[str, Any] | None] = [None] * len(rows)
    start = time.perf_counter()
    with Pool(workers, initializer=_init, initargs=(name,)) as pool:
        for n, (i, res) in enumerate(pool.imap_unordered(_score, jobs, chunksize=8), start=1):
            results[i] = res
            if n % 250 == 0:
                print(f"{name}: {n}/{len(jobs)} pairs, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    out = {"key": key, "tool": name, "params": make_tool(name).params, "wall_seconds": time.perf_counter() - start,
           "workers": workers, "pairs": results}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out), encoding="utf-8")
    return out


# -- measures -----------------------------------------------------------------------------------
def polys(text: str) -> list[np.ndarray]:
    """A JSON polygon of pairs.csv as a list of one array (empty when none)."""
    return [np.array(json.loads(text), float).reshape(-1, 2)] if text else []


def image_size(path: Path) -> tuple[int, int]:
    """(w, h) of an image file."""
    from PIL import Image

    with Image.open(path) as im:
        return im.size


def accuracy(rows: list[dict[str, str]], scores: np.ndarray, threshold: float | None) -> dict[str, Any]:
    """ROC AUC (overall, per family, strength, negative type), best F1, P@R0.9, FPR per negative type."""
    labels = np.array([int(r["label"]) for r in rows])
    neg = labels == 0
    out: dict[str, Any] = {"auc": auc(labels, scores)}
    f1 = best_f1(labels, scores)
    p90 = precision_at_recall(labels, scores, 0.9)
    out["best_f1"], out["best_f1_threshold"] = f1 if f1 else (None, None)
    out["precision_at_recall_0.9"], out["threshold_at_recall_0.9"] = p90 if p90 else (None, None)
    fam = np.array([r["family"] for r in rows])
    strength = np.array([r["strength"] for r in rows])
    ntype = np.array([r["negative_type"] for r in rows])
    out["auc_family"] = {f: auc(labels[(fam == f) & ~neg | neg], scores[(fam == f) & ~neg | neg])
                         for f in sorted(set(fam[~neg]))}
    out["auc_strength"] = {s: auc(labels[(strength == s) & ~neg | neg], scores[(strength == s) & ~neg | neg])
                           for s in sorted(set(strength[~neg]))}
    out["auc_negative_type"] = {t: auc(labels[~neg | (ntype == t)], scores[~neg | (ntype == t)])
                                for t in NEGATIVE_TYPES if np.any(ntype == t)}
    if threshold is not None:
        p, r, f = prf_at(labels, scores, threshold)
        out["at_threshold"] = {"threshold": threshold, "precision": p, "recall": r, "f1": f,
                               "fpr": float(np.mean(scores[neg] >= threshold)) if neg.any() else None,
                               "fpr_negative_type": {t: float(np.mean(scores[ntype == t] >= threshold))
                                                     for t in NEGATIVE_TYPES if np.any(ntype == t)},
                               "recall_family": {f: float(np.mean(scores[(fam == f) & ~neg] >= threshold))
                                                 for f in sorted(set(fam[~neg]))}}
    return out


def localisation(rows: list[dict[str, str]], results: list[dict[str, Any]], split: str) -> dict[str, Any] | None:
    """Mean IoU of predicted vs true regions over positives (in B and in A), and share with IoU >= 0.5."""
    if not results or results[0].get("regions_b") is None:
        return None
    base = DATA / split
    ious_a, ious_b = [], []
    sizes: dict[str, tuple[int, int]] = {}
    for r, res in zip(rows, results):
        if r["label"] != "1":
            continue
        for side, store in (("a", ious_a), ("b", ious_b)):
            size = sizes.setdefault(r[side], image_size(base / r[side]))
            pred = [np.array(p, float).reshape(-1, 2) for p in (res.get(f"regions_{side}") or [])]
            store.append(iou(pred, polys(r[f"region_{side}"]), size) if pred else 0.0)
    a, b = np.array(ious_a), np.array(ious_b)
    per_family: dict[str, float] = {}
    fams = [r["family"] for r in rows if r["label"] == "1"]
    for f in sorted(set(fams)):
        idx = [i for i, x in enumerate(fams) if x == f]
        per_family[f] = float(b[idx].mean())
    return {"iou_b": float(b.mean()), "iou_a": float(a.mean()), "share_iou_b_0.5": float(np.mean(b >= 0.5)),
            "share_iou_a_0.5": float(np.mean(a >= 0.5)), "iou_b_family": per_family, "positives": len(b)}


def speed(scored: dict[str, Any]) -> dict[str, Any]:
    """Mean seconds per pair; for tools that report them, extraction per image and comparison per pair."""
    res = scored["pairs"]
    out = {"seconds_per_pair": float(np.mean([r["seconds"] for r in res])), "wall_seconds": scored["wall_seconds"],
           "workers": scored["workers"]}
    extracts = [t for r in res for t in r["extract_seconds"]]
    if extracts:
        out["extract_seconds_per_image"] = float(np.mean(extracts))
        out["images_extracted"] = len(extracts)
    out["compare_seconds_per_pair"] = float(np.mean([r["compare_seconds"] for r in res]))
    return out


# -- thresholds ---------------------------------------------------------------------------------
def read_thresholds() -> dict[str, Any]:
    return json.loads(THRESHOLDS.read_text(encoding="utf-8")) if THRESHOLDS.is_file() else {}


def write_thresholds(summary: dict[str, Any]) -> None:
    """Store each tool's best-F1 and recall-0.9 thresholds of the tune split."""
    data = read_thresholds()
    for name, t in summary["tools"].items():
        data[name] = {"best_f1": t["accuracy"]["best_f1_threshold"],
                      "recall_0.9": t["accuracy"]["threshold_at_recall_0.9"], "pairs": summary["pairs"],
                      "date": summary["date"]}
    RESULTS.mkdir(parents=True, exist_ok=True)
    THRESHOLDS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# -- retrieval speed ----------------------------------------------------------------------------
def _extract(path: str) -> tuple[str, dict[str, Any], float]:
    from comparators import get

    t = time.perf_counter()
    features = get("image").extract(Path(path)).to_dict()
    return path, features, time.perf_counter() - t


def retrieval_speed(queries: int = 20, indexed: int = 1000, workers: int = 2) -> dict[str, Any]:
    """``queries`` originals of the test split, each against ``indexed`` test B images through the
    comparator's batch retrieval (``candidates``: hash sets and shared visual words), then the
    shortlisted pairs verified. Reports index build (extraction) time, per-query lookup and
    verification time, shortlist size, recall of the query's copies among the indexed images, and
    the peak resident memory of the process."""
    import resource

    from comparators import get
    from comparators.base import Features

    rows = load_pairs("test", None)
    images = sorted({r["b"] for r in rows})[:indexed]
    chosen = set(images)
    copies: dict[str, set[str]] = {}
    for r in rows:
        if r["label"] == "1" and r["b"] in chosen:
            copies.setdefault(r["a"], set()).add(r["b"])
    query_names = sorted(copies)[:: max(1, len(copies) // queries)][:queries]
    root = DATA / "test"
    t = time.perf_counter()
    with Pool(workers) as pool:
        done = pool.map(_extract, [str(root / n) for n in images + query_names], chunksize=8)
    build = time.perf_counter() - t
    features = {Path(p).relative_to(root).as_posix(): f for p, f, _ in done}
    comparator = get("image")
    lookups, verifies, sizes, found, wanted = [], [], [], 0, 0
    for q in query_names:
        t = time.perf_counter()
        pairs = comparator.candidates({k: features[k] for k in [q, *images]}, [q], images, 0.0)
        lookups.append(time.perf_counter() - t)
        fa = Features.from_dict(features[q])
        t = time.perf_counter()
        for _, b in pairs:
            comparator.compare(fa, Features.from_dict(features[b]))
        verifies.append(time.perf_counter() - t)
        sizes.append(len(pairs))
        short = {b for _, b in pairs}
        wanted += len(copies[q])
        found += len(copies[q] & short)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"indexed images": len(images), "queries": len(query_names),
            "index build s (extraction, 2 processes)": round(build, 1),
            "lookup s per query, median": round(float(np.median(lookups)), 4),
            "lookup s per query, max": round(float(np.max(lookups)), 4),
            "shortlist per query, median": int(np.median(sizes)),
            "verification s per query, median": round(float(np.median(verifies)), 3),
            "copies of the query shortlisted": f"{found}/{wanted}",
            "peak resident MiB (main process)": round(peak, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["tune", "test"], default="test")
    ap.add_argument("--tools", default=",".join(ALL))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--no-reuse", action="store_true", help="rescore even when cached scores match")
    ap.add_argument("--no-markdown", action="store_true", help="do not rewrite RESULTS.md")
    ap.add_argument("--speed", action="store_true", help="time retrieval: one query against 1,000 images")
    args = ap.parse_args(argv)
    if args.speed:
        found = retrieval_speed()
        print(json.dumps(found, indent=2))
        if not args.no_markdown:
            replace_section(RESULTS_MD, "speed", "Retrieval (`run.py --speed`, one query against 1,000 indexed "
                            "images, lookup without extraction of the query): "
                            + ", ".join(f"{k}: {v}" for k, v in found.items()) + ".",
                            "# Image comparator: benchmark results\n")
        return 0
    rows = load_pairs(args.split, args.limit)
    command = ".venv/bin/python benchmarks/image/run.py " + shlex.join(sys.argv[1:] if argv is None else argv)
    summary: dict[str, Any] = {"split": args.split, "pairs": len(rows), "command": command,
                               "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                               "machine": machine(), "load": load_average(), "tools": {}, "skipped": {},
                               "data": data_summary(rows)}
    thresholds = read_thresholds()
    for name in [t.strip() for t in args.tools.split(",") if t.strip()]:
        why = available(name)
        if why:
            print(f"{name}: skipped ({why})", file=sys.stderr)
            summary["skipped"][name] = why
            continue
        scored = score_tool(name, args.split, rows, args.workers, not args.no_reuse)
        scores = np.array([r["score"] for r in scored["pairs"]], float)
        tuned = thresholds.get(name, {}).get("best_f1") if args.split != "tune" else None
        acc = accuracy(rows, scores, tuned)
        if args.split == "tune":
            acc = accuracy(rows, scores, acc["best_f1_threshold"])
        summary["tools"][name] = {"params": scored["params"], "accuracy": acc,
                                  "localisation": localisation(rows, scored["pairs"], args.split),
                                  "speed": speed(scored), "errors": sum(1 for r in scored["pairs"] if r["error"]),
                                  "threshold_from": "tune" if args.split == "tune" or tuned is not None else None}
        print(f"{name}: AUC {acc['auc']:.3f}, best F1 {acc['best_f1']:.3f}", file=sys.stderr)
    if args.split == "tune" and args.limit is None:
        write_thresholds(summary)
    out = args.out or RESULTS / f"{args.split}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=2, default=str) + "\n", encoding="utf-8")
    text = section(summary)
    print(text)
    if not args.no_markdown and args.limit is None:
        replace_section(RESULTS_MD, f"accuracy:{args.split}", text, "# Image comparator: benchmark results\n")
    return 0


def data_summary(rows: list[dict[str, str]]) -> dict[str, Any]:
    """Pairs per label, family and negative type."""
    return {"positives": sum(r["label"] == "1" for r in rows), "negatives": sum(r["label"] == "0" for r in rows),
            "family": dict(sorted(Counter(r["family"] for r in rows if r["label"] == "1").items())),
            "negative_type": dict(sorted(Counter(r["negative_type"] for r in rows if r["label"] == "0").items()))}


if __name__ == "__main__":
    raise SystemExit(main())
