"""Score the binary benchmark: the comparator and its peers on the same pairs, per relation family.

Usage (from the repository root, after ``pairs.py``)::

    .venv/bin/python benchmarks/binary/run.py --split tune [--tools ours,tlsh,ssdeep,imports,strings] [--workers 2]
    .venv/bin/python benchmarks/binary/run.py --split test

The question: is program B derived from program A (same source recompiled, stripped, released
again, edited) or an independent work of the same task, format or protocol? ``ours`` is
``comparators.get("binary")`` (``extract`` each file once per worker, features kept by sha256;
``compare`` each pair); when that comparator cannot be loaded, ``ours`` is skipped with the reason
and the peers still run. Pairs are grouped by A file and the groups shared over a pool of
``--workers`` processes. Each tool's per-pair results (score; for ``ours`` also ``extra["evidence"]``
and ``extra["channels"]``, the input of ``calibrate.py``) are cached in
``data/results/<split>/<tool>.json`` by the two files' sha256 and the tool's parameters.

Measures (``common.measures``): overall ROC AUC, best F1 with its threshold and precision at recall
0.9, all over every family but ``arch`` (cross-architecture pairs are reported on their own); the
ROC AUC of each positive family against all negatives and of all positives against each negative
family; the "no independent implementation above a private-server edit" check (highest
``independent_server``, ``same_task`` and ``same_interface`` score against the lowest ``private_server`` score); speed
(extraction seconds per MB, comparison seconds per pair). The tune split writes
``results/thresholds.json`` (each tool's best-F1 threshold); the test split applies it and reports
precision, recall and FPR overall and per family there. When ``comparators.binary.indicators``
exists, its ``scan`` runs over the split's plug-in builds: precision and recall per indicator
category against ``sources/plugins/labels.csv``, benign builds flagged, and each cheat program's
categories found. Results go to ``results/<split>.json`` and the ``accuracy:<split>`` section of
``RESULTS.md``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import time
from collections import defaultdict
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
from common.results import fmt, replace_section, table  # noqa: E402
from pairs import NEGATIVE, NOT_OVERALL, POSITIVE, assign_splits, load_items  # noqa: E402
from peers import PEERS, PairCache, make_peer, pair_key, run_peer, sha256_file  # noqa: E402

DATA = HERE / "data"
LABELS = HERE / "sources" / "plugins" / "labels.csv"
TOOLS = ("ours", *PEERS)
INDEPENDENT = ("independent_server", "same_task", "same_interface")
"""Families of independent works that must all score below every private-server edit."""
TITLE = "# Binary benchmark: results\n"
CATEGORIES = ("memory_read", "memory_write", "code_injection", "hooking", "speed_hack", "packet_forge",
              "anti_protection")

_TOOL: Any = None


def _plain(value: Any) -> Any:
    """A JSON-compatible copy (numpy numbers to float, unknown objects to str)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


class Ours:
    """The workbench's binary comparator; features kept per file sha256 while a worker runs."""

    name = "ours"

    def __init__(self) -> None:
        import comparators

        self.comparator = comparators.get("binary")
        self.features: dict[str, Any] = {}
        self.extracted: dict[str, list[float]] = {}  # sha -> [seconds, bytes] of extractions done here

    @property
    def params(self) -> dict[str, Any]:
        """The comparator's version and parameters."""
        info_fn = getattr(self.comparator, "info", None)
        if info_fn is None:
            return {"class": type(self.comparator).__name__}
        info = info_fn()
        return {"version": getattr(info, "version", "?"), **_plain(dict(getattr(info, "params", {}) or {}))}

    def feature(self, path: Path, sha: str) -> Any:
        """Features of one file (extracted on first use)."""
        if sha not in self.features:
            if len(self.features) > 128:
                self.features.clear()
            t = time.perf_counter()
            self.features[sha] = self.comparator.extract(path)
            self.extracted[sha] = [time.perf_counter() - t, float(path.stat().st_size)]
        return self.features[sha]

    def score(self, a: Path, b: Path, sha_a: str, sha_b: str) -> dict[str, Any]:
        """Score, evidence and channels of one pair."""
        fa, fb = self.feature(a, sha_a), self.feature(b, sha_b)
        t = time.perf_counter()
        r = self.comparator.compare(fa, fb)
        extra = dict(getattr(r, "extra", {}) or {})
        out = {"score": float(r.score), "compare_s": time.perf_counter() - t}
        for key in ("evidence", "channels"):
            if key in extra:
                out[key] = _plain(extra[key])
        return out


class Peer:
    """A peer of ``peers.py``."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.tool = make_peer(name)
        self.extracted: dict[str, list[float]] = {}

    @property
    def params(self) -> dict[str, Any]:
        """The peer's parameters."""
        return dict(self.tool.params)

    def score(self, a: Path, b: Path, sha_a: str, sha_b: str) -> dict[str, Any]:
        """Score and note of one pair."""
        del sha_a, sha_b
        return run_peer(self.tool, a, b)


def make_tool(name: str) -> Ours | Peer:
    """A tool by name."""
    return Ours() if name == "ours" else Peer(name)


def _init(name: str) -> None:
    global _TOOL
    _TOOL = make_tool(name)


Group = tuple[str, str, list[tuple[str, str, str]]]  # (a path, a sha, [(key, b path, b sha)])


def _score_group(group: Group) -> tuple[dict[str, dict[str, Any]], dict[str, list[float]]]:
    """Worker: the results of one A file against its B files, and the extractions it made."""
    a, sha_a, rest = group
    out: dict[str, dict[str, Any]] = {}
    for key, b, sha_b in rest:
        try:
            out[key] = _TOOL.score(Path(a), Path(b), sha_a, sha_b)
        except Exception as exc:  # noqa: BLE001 - a pair that fails scores 0 and is counted
            out[key] = {"score": 0.0, "error": f"{type(exc).__name__}: {exc}"}
    done = dict(_TOOL.extracted)
    _TOOL.extracted.clear()
    return out, done


def load_pairs(data: Path, split: str) -> list[dict[str, str]]:
    """The rows of ``data/pairs_<split>.csv``."""
    with (data / f"pairs_{split}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def file_hashes(data: Path, rows: list[dict[str, str]]) -> dict[str, str]:
    """sha256 of every file of the pairs (relative path -> hex)."""
    return {rel: sha256_file(data / rel) for rel in sorted({r[c] for r in rows for c in ("a", "b")})}


def score_tool(name: str, data: Path, split: str, rows: list[dict[str, str]], shas: dict[str, str],
               workers: int) -> dict[str, Any]:
    """Per-pair results of one tool (cached pairs reused), in the order of ``rows``."""
    params = make_tool(name).params
    cache = PairCache(data / "results" / split / f"{name}.json", name, params)
    groups: dict[str, dict[str, tuple[str, str, str]]] = defaultdict(dict)
    for r in rows:
        key = pair_key(shas[r["a"]], shas[r["b"]])
        if key not in cache.pairs:
            groups[r["a"]][key] = (key, str(data / r["b"]), shas[r["b"]])
    jobs: list[Group] = [(str(data / a), shas[a], sorted(g.values(), key=lambda x: x[1]))
                         for a, g in sorted(groups.items())]
    todo = sum(len(j[2]) for j in jobs)
    start = time.perf_counter()
    if jobs:
        print(f"{name}: {todo} pairs to score ({len(rows) - todo} cached), {len(jobs)} A files", file=sys.stderr)
        with Pool(max(1, workers), initializer=_init, initargs=(name,)) as pool:
            done = 0
            for results, extracted in pool.imap_unordered(_score_group, jobs, chunksize=1):
                cache.pairs.update(results)
                cache.files.update(extracted)
                done += len(results)
                if done // 200 != (done - len(results)) // 200:
                    print(f"{name}: {done}/{todo} pairs, {time.perf_counter() - start:.0f} s", file=sys.stderr)
        cache.save()
    else:
        print(f"{name}: all {len(rows)} pairs cached in {cache.path.relative_to(data)}", file=sys.stderr)
    pairs = [cache.pairs[pair_key(shas[r["a"]], shas[r["b"]])] for r in rows]
    return {"tool": name, "params": cache.params, "pairs": pairs, "files": cache.files,
            "wall_seconds": time.perf_counter() - start, "scored_now": todo}


def accuracy(rows: list[dict[str, str]], scores: np.ndarray, threshold: float | None) -> dict[str, Any]:
    """Overall (without ``arch``) and per family measures; at ``threshold`` (tune's), P/R/FPR per family."""
    y = np.array([int(r["label"]) for r in rows])
    fam = np.array([r["family"] for r in rows])
    neg = y == 0
    core = ~np.isin(fam, NOT_OVERALL)
    pos_fams = [f for f in POSITIVE if np.any((fam == f) & ~neg)]
    neg_fams = [f for f in NEGATIVE if np.any((fam == f) & neg)]
    yc, sc = y[core], scores[core]
    f1 = best_f1(yc, sc)
    p90 = precision_at_recall(yc, sc, 0.9)
    out: dict[str, Any] = {
        "pairs": int(core.sum()), "positives": int(yc.sum()), "auc": auc(yc, sc),
        "best_f1": f1[0] if f1 else None, "best_f1_threshold": f1[1] if f1 else None,
        "precision_at_recall_0.9": p90[0] if p90 else None, "threshold_at_recall_0.9": p90[1] if p90 else None,
        "family_pairs": {f: int(np.sum(fam == f)) for f in pos_fams + neg_fams},
        "auc_family": {f: auc(y[(fam == f) | neg], scores[(fam == f) | neg]) for f in pos_fams},
        "auc_negative_family": {f: auc(y[(~neg & core) | (fam == f)], scores[(~neg & core) | (fam == f)])
                                for f in neg_fams},
        "median_score": {f: float(np.median(scores[fam == f])) for f in pos_fams + neg_fams},
    }
    if threshold is not None:
        p, r, f = prf_at(yc, sc, threshold)
        hit = scores >= threshold
        out["at_threshold"] = {
            "threshold": threshold, "precision": p, "recall": r, "f1": f,
            "fpr": float(np.mean(hit[neg & core])) if np.any(neg & core) else None,
            "recall_family": {g: float(np.mean(hit[fam == g])) for g in pos_fams},
            "precision_family": {g: prf_at(y[(fam == g) | neg], scores[(fam == g) | neg], threshold)[0]
                                 for g in pos_fams},
            "fpr_family": {g: float(np.mean(hit[fam == g])) for g in neg_fams}}
    return out


def server_check(rows: list[dict[str, str]], scores: np.ndarray) -> dict[str, Any] | None:
    """Highest independent score (independent_server, same_task, same_interface) against the lowest private edit."""
    fam = np.array([r["family"] for r in rows])
    private = scores[fam == "private_server"]
    if not len(private):
        return None
    low = float(private.min())
    out: dict[str, Any] = {"min_private_server": low, "private_server_pairs": int(len(private))}
    for f in INDEPENDENT:
        s = scores[fam == f]
        out[f"max_{f}"] = float(s.max()) if len(s) else None
        out[f"{f}_at_or_above"] = int(np.sum(s >= low))
        out[f"{f}_pairs"] = int(len(s))
    highs = [out[f"max_{f}"] for f in INDEPENDENT if out[f"max_{f}"] is not None]
    out["holds"] = bool(highs) and max(highs) < low
    return out


def speed(scored: dict[str, Any]) -> dict[str, Any]:
    """Comparison seconds per pair; extraction seconds per MB (ours)."""
    pairs = [p for p in scored["pairs"] if "compare_s" in p]
    out: dict[str, Any] = {"compare_s_per_pair": float(np.mean([p["compare_s"] for p in pairs])) if pairs else None,
                           "wall_s": scored["wall_seconds"], "scored_now": scored["scored_now"]}
    files = [v for v in scored["files"].values() if isinstance(v, list) and len(v) == 2 and v[1] > 0]
    if files:
        rates = [s / (b / 1e6) for s, b in files]
        out["extract_s_per_mb_median"] = float(np.median(rates))
        out["extract_s_per_mb_total"] = float(sum(s for s, _ in files) / (sum(b for _, b in files) / 1e6))
        out["extracted_files"] = len(files)
    return out


def extremes(rows: list[dict[str, str]], scores: np.ndarray, k: int = 5) -> dict[str, list[dict[str, Any]]]:
    """The ``k`` highest-scoring negatives and lowest-scoring positives (outside ``arch``)."""
    idx = [i for i, r in enumerate(rows) if r["family"] not in NOT_OVERALL]
    negs = sorted((i for i in idx if rows[i]["label"] == "0"), key=lambda i: -scores[i])[:k]
    poss = sorted((i for i in idx if rows[i]["label"] == "1"), key=lambda i: scores[i])[:k]

    def one(i: int) -> dict[str, Any]:
        return {"score": float(scores[i]), "family": rows[i]["family"], "notes": rows[i]["notes"]}

    return {"top_negatives": [one(i) for i in negs], "bottom_positives": [one(i) for i in poss]}


def _label_for(program: str, labels: dict[str, dict[str, str]]) -> dict[str, str] | None:
    name = program.rsplit("/", 1)[-1]
    rel = program.removeprefix("plugins/")
    for key in (program, rel, name):
        if key in labels:
            return labels[key]
    return None


def read_labels(path: Path) -> dict[str, dict[str, str]]:
    """labels.csv rows by the file's path without suffix, and by its stem."""
    out: dict[str, dict[str, str]] = {}
    if not path.is_file():
        return out
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            file = row["file"].strip()
            stem = file.rsplit(".", 1)[0] if "." in file.rsplit("/", 1)[-1] else file
            out.setdefault(stem, row)
            out.setdefault(stem.rsplit("/", 1)[-1], row)
    return out


def _scan(scan: Any, path: Path) -> list[str]:
    """The categories ``scan`` reports for one file (given a path, or failing that the read program)."""
    try:
        found = scan(path)
    except TypeError:
        from comparators.binary import read

        found = scan(read.load(path))
    return sorted({str(getattr(i, "category", i)) for i in found})


def indicators(data: Path, split: str, labels_path: Path) -> dict[str, Any] | None:
    """Per-category precision/recall of ``comparators.binary.indicators.scan`` over the split's plug-in builds."""
    try:
        from comparators.binary.indicators import scan
    except ImportError as exc:
        print(f"indicators: skipped ({exc})", file=sys.stderr)
        return None
    labels = read_labels(labels_path)
    if not labels:
        print(f"indicators: skipped (no labels at {labels_path})", file=sys.stderr)
        return None
    items = load_items(data)
    splits = assign_splits(items)
    builds = [i for i in items if i.category.startswith("plugin") and splits[i.unit] == split]
    rows: list[dict[str, Any]] = []
    for it in sorted(builds, key=lambda i: i.path):
        label = _label_for(it.program, labels)
        if label is None:
            print(f"indicators: no label for {it.program}", file=sys.stderr)
            continue
        truth = sorted({c.strip() for c in (label.get("indicators") or "").split(";") if c.strip()})
        t = time.perf_counter()
        try:
            found, error = _scan(scan, data / it.path), ""
        except Exception as exc:  # noqa: BLE001 - one file's failure is listed, the rest go on
            found, error = [], f"{type(exc).__name__}: {exc}"
        rows.append({"path": it.path, "program": it.program, "build": it.build, "benign": label.get("benign") == "1",
                     "truth": truth, "found": found, "error": error, "seconds": time.perf_counter() - t})
    if not rows:
        return None
    cats = sorted(set(CATEGORIES) | {c for r in rows for c in r["truth"] + r["found"]})
    per_cat: dict[str, dict[str, Any]] = {}
    for c in cats:
        tp = sum(1 for r in rows if c in r["truth"] and c in r["found"])
        fp = sum(1 for r in rows if c not in r["truth"] and c in r["found"])
        fn = sum(1 for r in rows if c in r["truth"] and c not in r["found"])
        per_cat[c] = {"tp": tp, "fp": fp, "fn": fn, "precision": tp / (tp + fp) if tp + fp else None,
                      "recall": tp / (tp + fn) if tp + fn else None}
    benign = [r for r in rows if r["benign"]]
    cheats: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["benign"]:
            continue
        entry = cheats.setdefault(r["program"], {"truth": r["truth"], "builds": 0, "found": defaultdict(int)})
        entry["builds"] += 1
        for c in r["found"]:
            entry["found"][c] += 1
    return {"builds": len(rows), "benign_builds": len(benign), "errors": sum(1 for r in rows if r["error"]),
            "benign_flagged": sum(1 for r in benign if r["found"]),
            "benign_programs_flagged": sorted({r["program"] for r in benign if r["found"]}),
            "categories": per_cat,
            "cheats": {p: {"truth": v["truth"], "builds": v["builds"], "found": dict(v["found"])}
                       for p, v in sorted(cheats.items())},
            "seconds_per_build": float(np.mean([r["seconds"] for r in rows])), "files": rows}


def available(names: list[str]) -> list[str]:
    """The tools that can run here (``ours`` needs ``comparators.get("binary")``)."""
    out = []
    for name in names:
        if name == "ours":
            try:
                Ours()
            except Exception as exc:  # noqa: BLE001 - the comparator may not exist yet
                print(f"ours: skipped (comparators.get('binary') failed: {type(exc).__name__}: {exc})",
                      file=sys.stderr)
                continue
        elif name not in PEERS:
            raise SystemExit(f"unknown tool {name!r}; known: {', '.join(TOOLS)}")
        out.append(name)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune", "test"), required=True)
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--data", type=Path, default=DATA, help="the data folder (default benchmarks/binary/data)")
    ap.add_argument("--report-dir", type=Path, default=HERE,
                    help="where RESULTS.md and results/ go (default benchmarks/binary)")
    ap.add_argument("--labels", type=Path, default=LABELS, help="plug-in truth (default sources/plugins/labels.csv)")
    args = ap.parse_args(argv)
    results_dir = args.report_dir / "results"
    thresholds_file = results_dir / "thresholds.json"
    rows = load_pairs(args.data, args.split)
    shas = file_hashes(args.data, rows)
    names = available([t for t in args.tools.split(",") if t])
    thresholds = json.loads(thresholds_file.read_text(encoding="utf-8")) if thresholds_file.is_file() else {}
    summary: dict[str, Any] = {"split": args.split, "pairs": len(rows), "files": len(shas),
                               "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                               "machine": machine(), "load": load_average(), "workers": args.workers, "tools": {}}
    for name in names:
        scored = score_tool(name, args.data, args.split, rows, shas, args.workers)
        scores = np.array([float(p.get("score", 0.0)) for p in scored["pairs"]])
        threshold = thresholds.get(name) if args.split == "test" else None
        summary["tools"][name] = {
            "params": scored["params"], "errors": sum(1 for p in scored["pairs"] if "error" in p),
            "notes": sum(1 for p in scored["pairs"] if p.get("note")),
            "accuracy": accuracy(rows, scores, threshold), "server_check": server_check(rows, scores),
            "speed": speed(scored), "extremes": extremes(rows, scores)}
    summary["indicators"] = indicators(args.data, args.split, args.labels)
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / f"{args.split}.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n",
                                                    encoding="utf-8")
    if args.split == "tune":
        data = dict(thresholds)
        for name, t in summary["tools"].items():
            data[name] = t["accuracy"]["best_f1_threshold"]
        thresholds_file.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    text = render(summary, argv)
    replace_section(args.report_dir / "RESULTS.md", f"accuracy:{args.split}", text, title=TITLE)
    print(text)
    return 0


def render(summary: dict[str, Any], argv: list[str] | None) -> str:
    """The markdown section of one run."""
    names = list(summary["tools"])
    args = " ".join(argv if argv is not None else sys.argv[1:])
    lines = [f"### Split `{summary['split']}`", f"Command: `.venv/bin/python benchmarks/binary/run.py {args}`", "",
             f"Date: {summary['date']}; machine: {summary['machine']}; load {summary['load']}; "
             f"pairs: {summary['pairs']} over {summary['files']} files; workers: {summary['workers']}", ""]
    for name in names:
        tool = summary["tools"][name]
        lines.append(f"- {name}: `{json.dumps(tool['params'], sort_keys=True)}`; errors {tool['errors']}, "
                     f"pairs with a note {tool['notes']}")
    lines.append("")
    if names:
        acc = {n: summary["tools"][n]["accuracy"] for n in names}
        first = acc[names[0]]
        lines += [f"Overall, every family but {', '.join(NOT_OVERALL)} ({first['pairs']} pairs, "
                  f"{first['positives']} derived):", ""]
        rows = [["ROC AUC", *[fmt(acc[n]["auc"]) for n in names]],
                ["best F1", *[fmt(acc[n]["best_f1"]) for n in names]],
                ["threshold at best F1", *[fmt(acc[n]["best_f1_threshold"], 4) for n in names]],
                ["precision at recall 0.9", *[fmt(acc[n]["precision_at_recall_0.9"]) for n in names]]]
        at = all("at_threshold" in acc[n] for n in names)
        if at:
            rows += [["threshold (best F1 on tune)", *[fmt(acc[n]["at_threshold"]["threshold"], 4) for n in names]],
                     ["precision / recall there", *[f"{fmt(acc[n]['at_threshold']['precision'])} / "
                                                    f"{fmt(acc[n]['at_threshold']['recall'])}" for n in names]],
                     ["FPR there", *[fmt(acc[n]["at_threshold"]["fpr"]) for n in names]]]
        lines += [table(["measure", *names], rows), ""]
        fams = list(first["auc_family"])
        lines += [table(["ROC AUC: positive family against all negatives", "pairs", *names],
                        [[f, str(first["family_pairs"][f]), *[fmt(acc[n]["auc_family"].get(f)) for n in names]]
                         for f in fams]), ""]
        negs = list(first["auc_negative_family"])
        lines += [table(["ROC AUC: all positives against one negative family", "pairs", *names],
                        [[f, str(first["family_pairs"][f]),
                          *[fmt(acc[n]["auc_negative_family"].get(f)) for n in names]] for f in negs]), ""]
        lines += [table(["median score", *names], [[f, *[fmt(acc[n]["median_score"].get(f)) for n in names]]
                                                    for f in fams + negs]), ""]
        if at:
            lines += [table(["at the tune threshold: recall (precision)", *names],
                            [[f, *[f"{fmt(acc[n]['at_threshold']['recall_family'].get(f))} "
                                   f"({fmt(acc[n]['at_threshold']['precision_family'].get(f))})" for n in names]]
                             for f in fams]), ""]
            lines += [table(["at the tune threshold: FPR", *names],
                            [[f, *[fmt(acc[n]["at_threshold"]["fpr_family"].get(f)) for n in names]]
                             for f in negs]), ""]
        checks = {n: summary["tools"][n]["server_check"] for n in names}
        if all(checks.values()):
            lines += ["No independent implementation above a private-server edit (highest `independent_server`, "
                      "`same_task` and `same_interface` score against the lowest `private_server` score):", ""]
            lines += [table(["check", *names], [
                ["lowest private_server", *[fmt(checks[n]["min_private_server"]) for n in names]],
                *[row for f in INDEPENDENT for row in (
                    [f"highest {f}", *[fmt(checks[n].get(f"max_{f}")) for n in names]],
                    [f"{f} pairs at or above it",
                     *[f"{checks[n].get(f'{f}_at_or_above', 0)}/{checks[n].get(f'{f}_pairs', 0)}" for n in names]])],
                ["holds", *["yes" if checks[n]["holds"] else "no" for n in names]]]), ""]
        sp = {n: summary["tools"][n]["speed"] for n in names}
        lines += [table(["speed", *names], [
            ["s per comparison (features cached for ours)", *[fmt(sp[n]["compare_s_per_pair"], 4) for n in names]],
            ["extraction s per MB (ours, median over files)",
             *[fmt(sp[n].get("extract_s_per_mb_median"), 3) for n in names]],
            ["extraction s per MB (ours, all files)", *[fmt(sp[n].get("extract_s_per_mb_total"), 3) for n in names]],
            ["pairs scored in this run", *[str(sp[n]["scored_now"]) for n in names]],
            ["wall s of this run", *[fmt(sp[n]["wall_s"], 0) for n in names]]]), ""]
        if "ours" in names:
            ex = summary["tools"]["ours"]["extremes"]
            lines += ["Ours, highest negatives and lowest positives:", ""]
            lines += [table(["pair", "family", "score"],
                            [[e["notes"].replace("|", "\\|"), e["family"], fmt(e["score"])]
                             for e in ex["top_negatives"] + ex["bottom_positives"]]), ""]
    ind = summary.get("indicators")
    if ind:
        lines += [f"Plug-in indicators (`comparators.binary.indicators.scan`, {ind['builds']} plug-in builds of this "
                  f"split, {ind['benign_builds']} benign; errors {ind['errors']}; "
                  f"{fmt(ind['seconds_per_build'], 3)} s per build):", ""]
        lines += [table(["category", "precision", "recall", "tp", "fp", "fn"],
                        [[c, fmt(v["precision"]), fmt(v["recall"]), str(v["tp"]), str(v["fp"]), str(v["fn"])]
                         for c, v in ind["categories"].items()]), ""]
        flagged = ", ".join(ind["benign_programs_flagged"]) or "none"
        lines += [f"Benign builds flagged: {ind['benign_flagged']}/{ind['benign_builds']} (programs: {flagged}).", ""]
        lines += [table(["cheat program", "builds", "labelled", "found (builds)"],
                        [[p, str(v["builds"]), ", ".join(v["truth"]) or "–",
                          ", ".join(f"{c} ({k})" for c, k in sorted(v["found"].items())) or "none"]
                         for p, v in ind["cheats"].items()]), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
