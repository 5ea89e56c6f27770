"""Hard-negative families of the code benchmark: independent same-task solutions and same-domain projects.

Usage (from the repository root)::

    .venv/bin/python benchmarks/code/run_hard.py --splits same_task_tune,same_task_test \\
        [--tools ours,copydetect,dolos,char5] [--threshold-from same_task_tune] [--reuse-scores]
    .venv/bin/python benchmarks/code/run_hard.py --splits realworld

Every pair of ``<data>/<split>/pairs.csv`` (the columns of ``run.py``, plus ``task``/``size`` for the
same-task family and ``domain``/``project_a``/``project_b`` for the real-world family, read from the
CSV or from ``pairs_meta.csv``) is scored by each tool. A character 5-gram Jaccard baseline
(``char5``) is always in the tables. ``--batch-check`` also runs ``appraisal batch --pairs`` on the
split and counts pairs whose batch score differs from the ``compare`` score. Tables go into the
``<!-- hard:<split> -->`` sections of ``benchmarks/code/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import csv
import json
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for _path in (HERE, HERE.parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

import run  # noqa: E402
from common.machine import machine  # noqa: E402
from common.measures import auc, best_f1  # noqa: E402
from common.results import fmt, table  # noqa: E402
from peers.char_ngram import CharNgramScorer  # noqa: E402

from comparators import canonical  # noqa: E402

TOOLS = ("ours", "copydetect", "dolos", "char5")
PEERS = ("copydetect", "dolos", "char5")


def score_char5(pairs: list[run.Pair], base: Path) -> run.Scores:
    """The character 5-gram Jaccard baseline (peers/char_ngram.py)."""
    return run._score_each("char5", pairs, base, CharNgramScorer().score)


run.SCORERS["char5"] = score_char5


def read_meta(data_dir: Path, split: str, pairs: list[run.Pair]) -> list[dict[str, str]]:
    """The extra columns of each pair (from pairs.csv itself, else from pairs_meta.csv keyed by a, b)."""
    folder = data_dir / split
    sidecar = folder / "pairs_meta.csv"
    source = sidecar if sidecar.is_file() else folder / "pairs.csv"
    with source.open(newline="", encoding="utf-8") as handle:
        rows = {(r["a"], r["b"]): r for r in csv.DictReader(handle)}
    return [rows.get((p.a, p.b), {}) for p in pairs]


def level_of(p: run.Pair) -> str:
    """The table group of a pair: its level for same-task copies, else its family."""
    return p.family


def _auc_cell(labels: np.ndarray, scores: np.ndarray) -> str:
    f1 = best_f1(labels, scores)
    return f"{fmt(auc(labels, scores))} / {fmt(f1[0] if f1 else None)}"


def grouped(split: run.Split, title: str, key: Callable[[int], str], tools: list[str]) -> tuple[str, dict]:
    """AUC / best F1 per group: the group's positives against all negatives (of the same scope)."""
    groups = run.ordered(key(i) for i, p in enumerate(split.pairs) if p.label == 1)
    neg = split.labels == 0
    rows, values = [], {}
    for g in groups:
        pos = np.array([p.label == 1 and key(i) == g for i, p in enumerate(split.pairs)])
        mask = pos | neg
        cells = []
        for t in tools:
            s = split.scores[t].filled()
            cells.append(_auc_cell(split.labels[mask], s[mask]))
            values[(g, t)] = auc(split.labels[mask], s[mask])
        rows.append([g, str(int(pos.sum())), *cells])
    return table([title, "positives", *(f"{t} AUC / F1" for t in tools)], rows), values


def scoped(split: run.Split, title: str, key: Callable[[int], str], tools: list[str]) -> str:
    """AUC / best F1 within each group (its positives and its negatives)."""
    rows = []
    for g in run.ordered(key(i) for i in range(len(split.pairs))):
        mask = np.array([key(i) == g for i in range(len(split.pairs))])
        n_pos, n_neg = int((split.labels[mask] == 1).sum()), int((split.labels[mask] == 0).sum())
        rows.append([g, str(n_pos), str(n_neg),
                     *(_auc_cell(split.labels[mask], split.scores[t].filled()[mask]) for t in tools)])
    return table([title, "positives", "negatives", *(f"{t} AUC / F1" for t in tools)], rows)


def negatives_table(split: run.Split, tools: list[str]) -> str:
    """Score quantiles of the negatives (independent pairs) per tool."""
    neg = split.labels == 0
    rows = []
    for name, q in (("median", 50), ("75th percentile", 75), ("90th percentile", 90), ("maximum", 100)):
        rows.append([f"{name} negative score", *(fmt(float(np.percentile(split.scores[t].filled()[neg], q)))
                                                 for t in tools)])
    rows.append(["negatives scoring >= 0.5",
                 *(f"{int((split.scores[t].filled()[neg] >= 0.5).sum())} / {int(neg.sum())}" for t in tools)])
    return table(["measure", *tools], rows)


def batch_check(pairs: list[run.Pair], base: Path, ours: run.Scores, workers: int) -> tuple[int, int, float]:
    """Run ``appraisal batch --pairs`` on the split: (pairs compared, pairs differing, largest difference)."""
    with tempfile.TemporaryDirectory(prefix="hard-batch-") as tmp:
        listing = Path(tmp) / "pairs.csv"
        with listing.open("w", newline="", encoding="utf-8") as handle:
            w = csv.writer(handle)
            w.writerow(["a", "b"])
            for p in pairs:
                w.writerow([str(base / p.a), str(base / p.b)])
        out = Path(tmp) / "out.jsonl"
        subprocess.run([str(ROOT / ".venv" / "bin" / "appraisal"), "batch", "--kind", "code", "--pairs", str(listing),
                        "--out", str(out), "--workers", str(workers)], check=True, capture_output=True)
        got = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            if "score" in row:
                got[(row["a"], row["b"])] = row["score"]
    diffs = []
    for p, value in zip(pairs, ours.values):
        other = got.get((str(base / p.a), str(base / p.b)))
        if other is None or np.isnan(value):
            continue
        # the Comparison JSON of ``compare`` and every batch row carry the canonical (rounded) score
        diffs.append(abs(other - canonical.normalise(float(value))))
    return len(diffs), sum(d > 0.0 for d in diffs), max(diffs, default=0.0)


def section(split: run.Split, meta: list[dict[str, str]], args: argparse.Namespace, tools: list[str],
            check: tuple[int, int, float] | None) -> tuple[str, dict]:
    """The markdown of one split and the figures the targets need."""
    figures: dict = {}
    n_pos, n_neg = int((split.labels == 1).sum()), int((split.labels == 0).sum())
    everything = np.ones(len(split.pairs), bool)
    overall = table(["measure", *tools], [
        ["ROC AUC, all pairs", *(fmt(auc(split.labels, split.scores[t].filled()[everything])) for t in tools)],
        ["best F1", *(fmt(run._first(best_f1(split.labels, split.scores[t].filled()))) for t in tools)],
        ["pairs scored / all", *(f"{int(split.scores[t].scored.sum())} / {len(split.pairs)}" for t in tools)],
        ["scoring time (s)", *(fmt(split.scores[t].seconds, 1) for t in tools)]])
    figures["auc"] = {t: auc(split.labels, split.scores[t].filled()) for t in tools}
    levels, figures["levels"] = grouped(split, "positives of", lambda i: level_of(split.pairs[i]), tools)
    size = scoped(split, "size of the smaller file", lambda i: meta[i].get("size") or "-", tools)
    language = scoped(split, "language", lambda i: split.pairs[i].language, tools)
    parts = [f"Pairs: {len(split.pairs)} ({n_pos} positives, {n_neg} negatives).", "", overall, "",
             "Per level or family (that group's positives against all negatives):", "", levels, "",
             "Per size band of the smaller file (pairs of that band only):", "", size, "",
             "Per language (pairs of that language only):", "", language, "",
             "Negatives (independent pairs):", "", negatives_table(split, tools)]
    if any(m.get("task") for m in meta):
        parts += ["", "Per task (pairs of that task only):", "",
                  scoped(split, "task", lambda i: meta[i].get("task") or "-", tools)]
    if any(m.get("domain") for m in meta):
        parts += ["", "Per domain (pairs of that domain only):", "",
                  scoped(split, "domain", lambda i: meta[i].get("domain") or "-", tools)]
    neg = split.labels == 0
    figures["median_negative"] = {t: float(np.median(split.scores[t].filled()[neg])) for t in tools}
    if check is not None:
        compared, differing, largest = check
        figures["batch"] = check
        parts += ["", f"`appraisal batch --pairs` against `compare`: {compared} pairs compared, {differing} differ "
                      f"(largest difference {largest:.2g})."]
    return "\n".join(parts), figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--splits", required=True, help="comma separated, e.g. same_task_tune,same_task_test")
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--data", type=Path, default=HERE / "data")
    ap.add_argument("--work", type=Path, default=HERE / "work")
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--reuse-scores", action="store_true", help="reuse raw scores of earlier runs")
    ap.add_argument("--batch-check", action="store_true", help="also score with appraisal batch and compare")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    tools = [t for t in args.tools.split(",") if t]
    command = "  ".join(["$ .venv/bin/python benchmarks/code/run_hard.py",
                         *(shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:]))])
    for name in args.splits.split(","):
        started = time.time()
        pairs = run.load_split(args.data, name)
        base = args.data / name
        scores = {t: run.score_split(t, pairs, base, args.work, name, args.reuse_scores) for t in tools}
        split = run.Split(name, pairs, scores)
        meta = read_meta(args.data, name, pairs)
        check = batch_check(pairs, base, scores["ours"], args.workers) if args.batch_check and "ours" in scores \
            else None
        body, figures = section(split, meta, args, tools, check)
        header = (f"## Hard negatives: `{name}`\n\nCommand: `{command}` ({time.time() - started:.0f} s)\n\n"
                  f"{machine()}\n\n")
        run.replace_section(args.out, f"hard:{name}", header + body)
        summary = {k: v for k, v in figures.items() if k != "levels"}
        summary["levels"] = {f"{g}|{t}": v for (g, t), v in figures["levels"].items()}
        (args.work / f"hard_{name}.json").write_text(json.dumps(summary, indent=1, default=float) + "\n")
        print(json.dumps(summary, indent=1, default=float))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
