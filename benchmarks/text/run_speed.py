"""Speed benchmark of the text comparator on ``<data>/<split>/speed/pairs.jsonl``.

Usage (from the repository root)::

    .venv/bin/python benchmarks/text/run_speed.py [--split test] [--repeat 3] [--workers 2]
        [--tools ours,baseline-minhash,copydetect] [--param k=v ...] [--out benchmarks/text/RESULTS.md]

Measures (medians of ``--repeat`` runs):

a. fingerprinting: ``extract()`` of every distinct document of the speed pairs, one process,
   in MB of text (UTF-8 bytes of the decoded text) per second — per core, as one process uses one;
b. pairs per second end to end: ``appraisal batch --kind text --pairs PAIRS.csv --out X
   --workers W --json`` (reading, fingerprinting, comparing and writing every pair), whole
   process wall time and maximum resident set size under ``/usr/bin/time -v``;
c. ``compare()`` only, in this process on features extracted beforehand (pairs per second per core);
d. every tool of ``--tools`` from scratch in this process (its own fingerprinting + comparing
   of each pair), so peers compare with ours as a ratio measured in the same run.

Paths in ``speed/pairs.jsonl`` are relative to ``speed/`` (else to the split folder). Results
go into the ``<!-- speed -->`` section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for _path in (HERE, HERE.parent, ROOT):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from common.machine import load_average, machine  # noqa: E402
from run import parse_param, replace_section_text  # noqa: E402
from tools import TOOLS, canonical, tool_version  # noqa: E402

APPRAISAL = ROOT / ".venv" / "bin" / "appraisal"
TIME = "/usr/bin/time"
TIMEOUT_S = 3600
TARGET_PAIRS_PER_S = 20.0
TARGET_MB_PER_S = 1.0


# --------------------------------------------------------------------------- data


def speed_pairs(data: Path, split: str, limit: int | None) -> list[tuple[Path, Path]]:
    """(A, B) absolute paths of ``<data>/<split>/speed/pairs.jsonl``."""
    folder = data / split / "speed"
    path = folder / "pairs.jsonl"
    if not path.is_file():
        raise SystemExit(f"no such file: {path} (generate the data first, see benchmarks/text/README.md)")
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out.append((_resolve(row["a"], folder), _resolve(row["b"], folder)))
    return out[:limit] if limit else out


def _resolve(value: str, folder: Path) -> Path:
    p = Path(value)
    if p.is_absolute():
        return p
    return (folder / p) if (folder / p).exists() else (folder.parent / p)


def text_sizes(docs: list[Path]) -> dict[Path, tuple[int, int]]:
    """(code points, UTF-8 bytes) of each decoded document."""
    from comparators.textio import read_text

    out = {}
    for d in docs:
        text = read_text(d).text
        out[d] = (len(text), len(text.encode("utf-8")))
    return out


# --------------------------------------------------------------------------- measures


def time_extract(docs: list[Path], overrides: dict[str, Any]) -> float:
    """Seconds to ``extract()`` every document once with a fresh comparator (after one warm-up)."""
    import comparators

    comparator = comparators.get("text", **overrides)
    comparator.extract(docs[0])
    started = time.perf_counter()
    for d in docs:
        comparator.extract(d)
    return time.perf_counter() - started


def time_compare(pairs: list[tuple[Path, Path]], overrides: dict[str, Any]) -> float:
    """Seconds of ``compare()`` over every pair, features extracted beforehand."""
    import comparators

    comparator = comparators.get("text", **overrides)
    feats = {d: comparator.extract(d) for d in {x for p in pairs for x in p}}
    comparator.compare(feats[pairs[0][0]], feats[pairs[0][1]])
    started = time.perf_counter()
    for a, b in pairs:
        comparator.compare(feats[a], feats[b])
    return time.perf_counter() - started


def time_tool(tool: str, pairs: list[tuple[Path, Path]], overrides: dict[str, Any]) -> float:
    """Seconds for ``tool`` to score every pair from scratch in this process (fresh instance)."""
    import tools

    tools.scorer.cache_clear()
    scorer = tools.scorer(tool, canonical(overrides if tool == "ours" else {}))
    started = time.perf_counter()
    for a, b in pairs:
        scorer.score(a, b)
    elapsed = time.perf_counter() - started
    tools.scorer.cache_clear()
    return elapsed


def parse_time_v(stderr: str) -> tuple[float, float] | None:
    """(wall seconds, max RSS in MB) from ``/usr/bin/time -v`` output, if present."""
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    if not wall or not rss:
        return None
    seconds = 0.0
    for part in wall.group(1).split(":"):
        seconds = seconds * 60 + float(part)
    return seconds, int(rss.group(1)) / 1024


def batch_command(csv_path: Path, out: Path, workers: int) -> list[str]:
    """The CLI command scoring the listed pairs."""
    return [str(APPRAISAL), "batch", "--kind", "text", "--pairs", str(csv_path), "--out", str(out),
            "--workers", str(workers), "--json"]


def run_batch(pairs: list[tuple[Path, Path]], workers: int, tmp: Path) -> dict[str, Any]:
    """One end-to-end CLI run: wall time, max RSS (largest process), errors reported."""
    csv_path, out = tmp / "pairs.csv", tmp / "out.jsonl"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["a", "b"])
        writer.writerows((str(a), str(b)) for a, b in pairs)
    out.unlink(missing_ok=True)
    command = batch_command(csv_path, out, workers)
    use_time = Path(TIME).is_file()
    started = time.perf_counter()
    proc = subprocess.run([TIME, "-v", *command] if use_time else command, capture_output=True, text=True,
                          timeout=TIMEOUT_S, cwd=ROOT, check=False)
    wall = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    measured = parse_time_v(proc.stderr) if use_time else None
    if measured:
        wall, rss = measured
    if proc.returncode != 0:
        raise SystemExit(f"appraisal batch failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"wall_s": wall, "max_rss_mb": rss, "errors": summary.get("errors", 0), "written": summary.get("written"),
            "rss_source": "/usr/bin/time -v" if measured else "getrusage(RUSAGE_CHILDREN)"}


# --------------------------------------------------------------------------- report


def fmt(value: float | None, digits: int = 2) -> str:
    """A number for a table cell."""
    return "–" if value is None else f"{value:.{digits}f}"


def section(args: argparse.Namespace, facts: dict[str, Any]) -> str:
    """The markdown of the speed results."""
    command = ".venv/bin/python benchmarks/text/run_speed.py " + shlex.join(args.argv)
    lines = [f"Command: `{command}`", "",
             f"Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}; machine: {machine()}; "
             f"load average (1/5/15 min) before {facts['load_before']}, after {load_average()}", "",
             f"- ours: {tool_version('ours')}; params overrides: `{canonical(args.overrides)}`",
             f"- data: `{facts['where']}`: {facts['pairs']} pairs, {facts['docs']} distinct documents, "
             f"mean {facts['mean_chars']:.0f} characters ({facts['mean_kb']:.1f} KB UTF-8) per document; "
             f"medians of {args.repeat} runs", "",
             "| measure | median | runs |", "|---|---:|---:|"]
    for name, values, digits in facts["rows"]:
        lines.append(f"| {name} | {fmt(statistics.median(values), digits)} | "
                     f"{', '.join(fmt(v, digits) for v in values)} |")
    lines += ["", "| target | measured | met |", "|---|---:|---:|"]
    for name, value, bound in facts["targets"]:
        lines.append(f"| {name} | {fmt(value)} | {'yes' if value >= bound else '**no**'} |")
    if facts["notes"]:
        lines += ["", "Notes:", *(f"- {n}" for n in facts["notes"])]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="workers of appraisal batch")
    parser.add_argument("--tools", default=",".join(TOOLS), help="tools timed from scratch in-process (d)")
    parser.add_argument("--param", action="append", type=parse_param, default=[], metavar="K=V")
    parser.add_argument("--limit", type=int, default=None, help="only the first N speed pairs")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    args.argv = sys.argv[1:] if argv is None else argv
    args.overrides = dict(args.param)
    args.tool_list = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = set(args.tool_list) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    return args


def measure_all(args: argparse.Namespace, pairs: list[tuple[Path, Path]]) -> dict[str, Any]:
    """Run every measure ``--repeat`` times; rows of (name, values, digits) and targets."""
    docs = sorted({x for p in pairs for x in p})
    sizes = text_sizes(docs)
    megabytes = sum(b for _, b in sizes.values()) / 1e6
    extract_s, compare_s, batch = [], [], []
    tool_s: dict[str, list[float]] = {t: [] for t in args.tool_list}
    with tempfile.TemporaryDirectory(prefix="text-speed-") as tmp:
        for r in range(args.repeat):
            print(f"repeat {r + 1}/{args.repeat}", file=sys.stderr, flush=True)
            batch.append(run_batch(pairs, args.workers, Path(tmp)))
            extract_s.append(time_extract(docs, args.overrides))
            compare_s.append(time_compare(pairs, args.overrides))
            for t in args.tool_list:
                tool_s[t].append(time_tool(t, pairs, args.overrides))
    n = len(pairs)
    rows: list[tuple[str, list[float], int]] = [
        ("(a) fingerprinting, MB of text per second (1 process = per core)", [megabytes / s for s in extract_s], 2),
        ("(a) fingerprinting, documents per second", [len(docs) / s for s in extract_s], 1),
        (f"(b) `appraisal batch --workers {args.workers}` end to end, pairs per second",
         [n / b["wall_s"] for b in batch], 1),
        ("(b) … its whole-process wall time (s)", [b["wall_s"] for b in batch], 2),
        ("(b) … its max RSS of the largest process (MB)", [b["max_rss_mb"] for b in batch], 0),
        ("(c) `compare()` only, pairs per second (1 process)", [n / s for s in compare_s], 1),
    ]
    rows += [(f"(d) {t} from scratch in-process, pairs per second (1 process)", [n / s for s in v], 1)
             for t, v in tool_s.items()]
    ours = statistics.median(n / b["wall_s"] for b in batch)
    targets = [(f"end-to-end pairs per second on {args.workers} workers >= {TARGET_PAIRS_PER_S:.0f}", ours,
                TARGET_PAIRS_PER_S),
               (f"fingerprinting MB/s per core >= {TARGET_MB_PER_S:.0f}",
                statistics.median(megabytes / s for s in extract_s), TARGET_MB_PER_S)]
    notes = [f"appraisal batch reported {b['errors']} errors in run {i + 1}" for i, b in enumerate(batch)
             if b["errors"]]
    notes.append(f"max RSS from {batch[0]['rss_source']} (each worker is its own process)")
    if "ours" in tool_s and len(tool_s) > 1:
        base = statistics.median(tool_s["ours"])
        ratios = ", ".join(f"{t} {statistics.median(v) / base:.2f}×" for t, v in tool_s.items() if t != "ours")
        notes.append(f"time per pair relative to ours, in-process from scratch (d; > 1 = slower): {ratios}")
    chars = [c for c, _ in sizes.values()]
    return {"rows": rows, "targets": targets, "notes": notes, "pairs": n, "docs": len(docs),
            "mean_chars": statistics.mean(chars), "mean_kb": megabytes * 1000 / len(docs)}


def main(argv: list[str] | None = None) -> int:
    """Measure and write the speed section of RESULTS.md."""
    args = parse_args(argv)
    if not APPRAISAL.is_file() and not shutil.which("appraisal"):
        raise SystemExit(f"no appraisal CLI at {APPRAISAL} (pip install -e . in the venv)")
    pairs = speed_pairs(args.data, args.split, args.limit)
    load_before = load_average()
    facts = measure_all(args, pairs)
    where = args.data / args.split / "speed" / "pairs.jsonl"
    try:
        where = where.resolve().relative_to(ROOT)
    except ValueError:
        pass
    facts.update(load_before=load_before, where=str(where))
    text = section(args, facts)
    if not args.no_write:
        replace_section_text(args.out, "speed", text)
        print(f"wrote {args.out}", file=sys.stderr)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
