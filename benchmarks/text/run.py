"""Accuracy benchmark of the text comparator (PAN text alignment), with its peers side by side.

Usage (from the repository root)::

    .venv/bin/python benchmarks/text/run.py --split test [--tools ours,baseline-minhash,copydetect]
        [--threshold-from tune] [--param min_tokens=30 ...] [--workers 2] [--limit N] [--dump FILE]

Every pair of ``<data>/<split>/pairs.jsonl`` (see ``split_data.py``) is scored by every tool,
in a process pool over pairs; per-pair results are cached in ``<work>/cache/`` by tool
identity and file content, so reruns only score what changed. Reported per split and tool
(see ``report.py``): PAN precision, recall, granularity and PlagDet (macro = headline, and
micro) overall, per language, per obfuscation and per language × obfuscation; the share of
negatives without any detection (per negative type too); document-level ROC AUC, best F1
and its threshold, precision at recall 0.9; mean score per negative type; time; and the
issue-4 targets for ``ours``. ``baseline-minhash`` cannot localise (its PlagDet is n/a);
``baseline-minhash-whole`` reports both whole documents as one detection when its score
reaches the best-F1 threshold of ``--threshold-from`` (else of the split itself).

Results go into the ``<!-- accuracy:<split> -->`` section of RESULTS.md (run_speed.py owns
``<!-- speed -->``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import shlex
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for _path in (HERE, HERE.parent, ROOT):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from common.machine import machine  # noqa: E402
from common.measures import best_f1  # noqa: E402
from common.results import replace_section as _replace_section  # noqa: E402
from evaluation import SplitEval, build_split, whole_document_variant  # noqa: E402
from report import dataset_summary, split_section  # noqa: E402
from scoring import score_tool  # noqa: E402
from split_data import load_manifest, load_split  # noqa: E402
from tools import TOOLS, WHOLE, scorer, tool_version  # noqa: E402

TEXT_TITLE = ("# Text comparator: benchmark results\n\nWritten by `benchmarks/text/run.py` (accuracy, "
              "`<!-- accuracy:<split> -->`) and `benchmarks/text/run_speed.py` (`<!-- speed -->`); "
              "see `benchmarks/text/README.md`.\n")


def replace_section_text(path: Path, name: str, body: str) -> None:
    """A section of the text benchmark's RESULTS.md."""
    _replace_section(path, name, body, TEXT_TITLE)


def parse_param(text: str) -> tuple[str, Any]:
    """``k=v`` with ``v`` read as JSON when it parses (numbers, booleans, lists), else as a string."""
    key, sep, value = text.partition("=")
    if not sep or not key:
        raise argparse.ArgumentTypeError(f"--param wants k=v, got {text!r}")
    try:
        return key, json.loads(value)
    except ValueError:
        return key, value


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test", help="split(s) to report, comma separated (tune,test)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma separated: " + ", ".join(TOOLS))
    parser.add_argument("--threshold-from", default=None, metavar="SPLIT",
                        help="choose document-score thresholds on this split (baseline-minhash-whole, P/R/F1 row)")
    parser.add_argument("--param", action="append", type=parse_param, default=[], metavar="K=V",
                        help="override a parameter of our comparator (repeatable)")
    parser.add_argument("--limit", type=int, default=None, help="only N pairs, evenly spaced (development)")
    parser.add_argument("--workers", type=int, default=2, help="processes scoring pairs")
    parser.add_argument("--data", type=Path, default=HERE / "data", help="folder holding <split>/pairs.jsonl")
    parser.add_argument("--work", type=Path, default=HERE / "work", help="the per-pair cache goes to <work>/cache")
    parser.add_argument("--no-cache", action="store_true", help="score every pair again (results still cached)")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--no-write", action="store_true", help="print the tables, leave RESULTS.md alone")
    parser.add_argument("--dump", type=Path, default=None, help="per-pair details as JSON lines")
    args = parser.parse_args(argv)
    args.tool_list = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = set(args.tool_list) - set(TOOLS) - {WHOLE}
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    if WHOLE in args.tool_list:  # derived from baseline-minhash's scores
        args.tool_list = [t for t in args.tool_list if t != WHOLE]
        if "baseline-minhash" not in args.tool_list:
            args.tool_list.append("baseline-minhash")
    args.splits = [s.strip() for s in args.split.split(",") if s.strip()]
    args.overrides = dict(args.param)
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    return args


def evaluate(name: str, args: argparse.Namespace) -> SplitEval:
    """Load a split and score it with every tool."""
    pairs = load_split(args.data, name, args.limit)
    print(f"split {name}: {len(pairs)} pairs", file=sys.stderr, flush=True)
    runs = {t: score_tool(t, pairs, args.data / name, args.overrides, args.workers, args.work / "cache",
                          not args.no_cache) for t in args.tool_list}
    return build_split(name, pairs, runs)


def add_whole_variant(split: SplitEval, tune: SplitEval | None) -> None:
    """Add ``baseline-minhash-whole`` next to ``baseline-minhash`` (threshold from ``tune`` if given)."""
    if "baseline-minhash" not in split.tools:
        return
    source = tune if tune is not None and "baseline-minhash" in tune.tools else split
    chosen = best_f1(source.labels, source.tools["baseline-minhash"].filled())
    threshold = chosen[1] if chosen else 1.0
    origin = f"`{source.name}`" + (" — the reported split itself, optimistic" if source is split else "")
    split.tools[WHOLE] = whole_document_variant(split.tools["baseline-minhash"], split.chars, threshold, origin)


def run_header(args: argparse.Namespace, tools: list[str]) -> str:
    """Command, date, machine, versions and parameters."""
    command = ".venv/bin/python benchmarks/text/run.py " + shlex.join(sys.argv[1:] if args.argv is None else args.argv)
    lines = [f"Command: `{command}`", "",
             f"Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}; machine: {machine()}", ""]
    lines += [f"- {t}: {tool_version(t)}" for t in tools]
    for t in tools:
        params = scorer(t, json.dumps(args.overrides, sort_keys=True) if t == "ours" else "{}").params
        lines.append(f"- {t} params: `{json.dumps(params, sort_keys=True, ensure_ascii=False)}`")
    if args.overrides:
        lines.append(f"- ours overrides (`--param`): `{json.dumps(args.overrides, sort_keys=True)}`")
    return "\n".join(lines)


def dump(path: Path, splits: list[SplitEval]) -> None:
    """Per-pair details of every tool as JSON lines (for debugging)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for split in splits:
            for tool, ev in split.tools.items():
                per_pair = split.per_pair(tool)
                dets = [[] for _ in split.pairs]
                for row in zip(*(x.tolist() for x in (ev.detections.pair, ev.detections.a_start, ev.detections.a_end,
                                                      ev.detections.b_start, ev.detections.b_end))):
                    dets[row[0]].append(list(row[1:]))
                for i, pair in enumerate(split.pairs):
                    m = per_pair[i]
                    row = {"split": split.name, "id": pair.id, "tool": tool, "label": pair.label, "lang": pair.lang,
                           "obfuscation": pair.obfuscation, "strength": pair.strength,
                           "score": None if math.isnan(ev.scores[i]) else float(ev.scores[i]),
                           "error": ev.errors[i], "chars": split.chars[i].tolist(),
                           "detections": dets[i], "categories": ev.categories[i] if ev.categories else [],
                           "cases": [list(c) for c in pair.cases],
                           "precision": m.precision if m.precision_defined else None,
                           "recall": m.recall if m.recall_defined else None, "granularity": m.granularity}
                    handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Score, measure and write RESULTS.md."""
    args = parse_args(argv)
    args.argv = argv
    splits = {name: evaluate(name, args) for name in args.splits}
    tune = None
    if args.threshold_from:
        tune = splits.get(args.threshold_from) or evaluate(args.threshold_from, args)
    for split in {**splits, **({tune.name: tune} if tune else {})}.values():
        add_whole_variant(split, tune if tune is not split else None)
    header = run_header(args, args.tool_list)
    for name, split in splits.items():
        where = (args.data / name / "pairs.jsonl").resolve()
        try:
            where = where.relative_to(ROOT)
        except ValueError:
            pass
        summary = dataset_summary(split, load_manifest(args.data, name), str(where))
        section = split_section(split, tune, header, summary)
        if not args.no_write:
            replace_section_text(args.out, f"accuracy:{name}", section)
        print(section)
    if args.dump:
        dump(args.dump, list(splits.values()))
        print(f"wrote {args.dump}", file=sys.stderr)
    if not args.no_write:
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
