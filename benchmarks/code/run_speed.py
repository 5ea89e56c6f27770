"""Speed benchmark of the source-code comparator against Dolos, in the same run.

Usage (from the repository root)::

    .venv/bin/python benchmarks/code/run_speed.py [--split test] [--repeat 3] [--sizes 600,1000]
        [--memory-sizes 250,500,1000] [--workers 2] [--out benchmarks/code/RESULTS.md]

Data: ``<data>/<split>/speed/`` (~1,000 files of ~200 lines, mixed languages) and
``<data>/<split>/speed_single/`` (per language ``<lang>_a`` and ``<lang>_b``, ~5,000 lines each),
both written by ``generate.py`` (without ``speed_single/``, files of 2,000 lines or more in
``speed/`` make the large pair). Measures:

a. all pairs among the first N files of ``speed/`` (sorted by name; N in ``--sizes``): ours end
   to end through the CLI (``appraisal batch --kind code DIR --out X --workers W``: fingerprints,
   MinHash retrieval, alignment of the candidates) against Dolos (``peers/dolos/dolos_pairs.mjs
   folder DIR``: per language, tokenise, index, all pairs, fragments of the pairs with similarity
   >= 0.5), each run under ``/usr/bin/time -v``; runs alternate between the tools and medians
   are reported;
b. each large pair: ``appraisal compare A B --kind code --json`` (and Dolos on the same two files);
c. peak memory of ours at ``--memory-sizes`` files (flat = grows with files, not with pairs).

Peak memory is given two ways: ``/usr/bin/time``'s maximum resident set size (the largest
single process; ours runs ``--workers`` processes) and the sampled peak of the whole process
tree's summed RSS. Results go into the ``<!-- speed -->`` section of RESULTS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for _path in (HERE, HERE.parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from common.results import table  # noqa: E402
from common.speed import TIME, TreeSampler, parse_time_v  # noqa: E402
from peers import dolos_adapter  # noqa: E402
from run import machine, replace_section, versions  # noqa: E402

APPRAISAL = ROOT / ".venv" / "bin" / "appraisal"
LARGE_LINES = 2000  # without speed_single/, files of speed/ this long are the large pair
TIMEOUT_S = 3600


# --------------------------------------------------------------------------- running


@dataclass
class Run:
    """One measured process: wall time, peak RSS and what it printed."""

    tool: str
    files: int
    wall_s: float
    max_rss_mb: float
    tree_rss_mb: float
    stdout: str
    ok: bool
    error: str = ""


def measure(tool: str, files: int, command: list[str], cwd: Path = ROOT) -> Run:
    """Run ``command`` under ``/usr/bin/time -v`` while sampling its process tree."""
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([TIME, "-v", *command], cwd=cwd, stdout=subprocess.PIPE, stderr=err, text=True)
        with TreeSampler(proc.pid) as sampler:
            try:
                stdout, _ = proc.communicate(timeout=TIMEOUT_S)
            except subprocess.TimeoutExpired:
                proc.kill()
                stdout, _ = proc.communicate()
        err.seek(0)
        stderr = err.read()
    try:
        wall, rss = parse_time_v(stderr)
    except RuntimeError as exc:
        return Run(tool, files, float("nan"), float("nan"), sampler.peak / 2**20, stdout, False, str(exc))
    ok = proc.returncode == 0
    error = "" if ok else stderr.split("\tCommand being timed")[0].strip()[-1500:]
    return Run(tool, files, wall, rss, sampler.peak / 2**20, stdout, ok, error)


def ours_batch(folder: Path, out: Path, args: argparse.Namespace) -> list[str]:
    """The CLI command of ours over a folder, all pairs."""
    cmd = [str(APPRAISAL), "batch", "--kind", "code", str(folder), "--out", str(out),
           "--workers", str(args.workers), "--json"]
    if args.retrieval is not None:
        cmd += ["--retrieval", str(args.retrieval)]
    return cmd


def dolos_folder(folder: Path, fragments_above: float) -> list[str]:
    """The Node command of Dolos over a folder, all pairs (one analysis per language)."""
    return [dolos_adapter.node_binary(), str(dolos_adapter.SCRIPT), "folder", str(folder),
            "--fragments-above", str(fragments_above)]


# --------------------------------------------------------------------------- data


def line_count(path: Path) -> int:
    """Number of lines of a file."""
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def speed_files(split_dir: Path, speed_dir: Path) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """(small files sorted by name, large pairs) of a split."""
    if not speed_dir.is_dir():
        raise SystemExit(f"no speed folder: {speed_dir} (generate the data first)")
    files = _files(speed_dir)
    single = split_dir / "speed_single"
    if single.is_dir():
        return files, large_pairs(_files(single))
    large = [p for p in files if line_count(p) >= LARGE_LINES]
    small = [p for p in files if p not in large]
    return small, [(large[0], large[1])] if len(large) >= 2 else []


def large_pairs(files: list[Path]) -> list[tuple[Path, Path]]:
    """``<lang>_a.<ext>`` with ``<lang>_b.<ext>``, per language."""
    by_name = {p.name: p for p in files}
    pairs = []
    for p in files:
        stem, ext = p.stem, p.suffix
        if stem.endswith("_a") and f"{stem[:-2]}_b{ext}" in by_name:
            pairs.append((p, by_name[f"{stem[:-2]}_b{ext}"]))
    return pairs


def subset_folder(files: list[Path], base: Path, dest: Path) -> Path:
    """Copy ``files`` (keeping their paths relative to ``base``) into ``dest``."""
    for f in files:
        target = dest / f.relative_to(base)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
    return dest


# --------------------------------------------------------------------------- measurements


@dataclass
class SizeResult:
    """All runs of both tools at one number of files."""

    files: int
    lines: int
    languages: dict[str, int]
    runs: dict[str, list[Run]] = field(default_factory=dict)

    def median(self, tool: str, attr: str) -> float | None:
        """Median of ``attr`` over the successful runs of ``tool``."""
        values = [getattr(r, attr) for r in self.runs.get(tool, []) if r.ok]
        return statistics.median(values) if values else None

    def dolos_without_fragments(self) -> float | None:
        """Median Dolos wall time less its own fragments phase (similarity of all pairs only)."""
        values = []
        for run in self.runs.get("dolos", []):
            if run.ok:
                seconds = last_json([run]).get("seconds", {})
                values.append(run.wall_s - float(seconds.get("fragments", 0.0)))
        return statistics.median(values) if values else None


def run_size(small: list[Path], speed_dir: Path, n: int, tools: list[str], args: argparse.Namespace,
             tmp: Path) -> SizeResult:
    """``--repeat`` alternating runs of each tool on the first ``n`` small files."""
    chosen = small[:n]
    folder = subset_folder(chosen, speed_dir, tmp / f"files-{n}")
    languages: dict[str, int] = {}
    for p in chosen:
        languages[p.suffix] = languages.get(p.suffix, 0) + 1
    result = SizeResult(len(chosen), sum(line_count(p) for p in chosen), languages)
    for i in range(args.repeat):
        for tool in tools:
            if tool == "ours":
                out = tmp / f"ours-{n}-{i}.jsonl"
                run = measure("ours", len(chosen), ours_batch(folder, out, args))
                out.unlink(missing_ok=True)
            else:
                run = measure("dolos", len(chosen), dolos_folder(folder, args.fragments_above))
            result.runs.setdefault(tool, []).append(run)
            _log(run, f"{n} files, run {i + 1}/{args.repeat}")
    shutil.rmtree(folder)
    return result


@dataclass
class LargeResult:
    """Runs of both tools on one pair of large files."""

    a: Path
    b: Path
    runs: dict[str, list[Run]] = field(default_factory=dict)


def run_large_pair(pair: tuple[Path, Path], args: argparse.Namespace, tmp: Path) -> LargeResult:
    """Ours (``appraisal compare``) and Dolos (folder mode on just the two files) on one pair."""
    a, b = pair
    folder = tmp / f"large-{a.stem}"
    folder.mkdir()
    for p in pair:
        shutil.copyfile(p, folder / p.name)
    result = LargeResult(a, b)
    for i in range(args.repeat):
        run = measure("ours", 2, [str(APPRAISAL), "compare", str(a), str(b), "--kind", "code", "--json"])
        result.runs.setdefault("ours", []).append(run)
        _log(run, f"{a.name} vs {b.name}, run {i + 1}")
        if "dolos" in args.tool_list:
            run = measure("dolos", 2, dolos_folder(folder, 0.0))
            result.runs.setdefault("dolos", []).append(run)
            _log(run, f"{a.name} vs {b.name}, run {i + 1}")
    return result


def _log(run: Run, what: str) -> None:
    status = "" if run.ok else f" FAILED: {run.error[-300:]}"
    print(f"  {run.tool:5s} {what}: {run.wall_s:.2f} s, max RSS {run.max_rss_mb:.0f} MB, "
          f"tree {run.tree_rss_mb:.0f} MB{status}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- report


def fmt(value: float | None, digits: int = 1) -> str:
    """A number for a table cell."""
    return "–" if value is None else f"{value:.{digits}f}"



def last_json(runs: list[Run]) -> dict[str, object]:
    """The JSON summary printed last by the last successful run (``appraisal batch --json``, Dolos)."""
    for run in reversed(runs):
        if run.ok:
            try:
                return json.loads(run.stdout.strip().splitlines()[-1])
            except (ValueError, IndexError):
                return {}
    return {}


def all_pairs_table(results: list[SizeResult]) -> str:
    """Wall time, peak memory and the Dolos/ours ratio per number of files."""
    rows = []
    for r in results:
        ours_s, dolos_s = r.median("ours", "wall_s"), r.median("dolos", "wall_s")
        ratio = f"{dolos_s / ours_s:.2f}×" if ours_s and dolos_s else "–"
        ours, dolos = last_json(r.runs.get("ours", [])), last_json(r.runs.get("dolos", []))
        no_frag = r.dolos_without_fragments()
        ratio_no_frag = f"{no_frag / ours_s:.2f}×" if ours_s and no_frag else "–"
        langs = ", ".join(f"{k} {v}" for k, v in sorted(r.languages.items()))
        rows.append([str(r.files), langs, str(r.lines), str(r.files * (r.files - 1) // 2),
                     str(ours.get("pairs", "–")), fmt(ours_s), fmt(r.median("ours", "max_rss_mb"), 0),
                     fmt(r.median("ours", "tree_rss_mb"), 0), str(dolos.get("pairs", "–")), fmt(dolos_s),
                     fmt(r.median("dolos", "max_rss_mb"), 0), ratio, fmt(no_frag), ratio_no_frag])
    return table(["files", "extensions", "lines", "all pairs", "ours: candidates aligned", "ours wall (s)",
                  "ours max RSS (MB)", "ours tree RSS (MB)", "dolos: pairs (within a language)", "dolos wall (s)",
                  "dolos max RSS (MB)", "dolos / ours time", "dolos wall without fragments (s)",
                  "dolos without fragments / ours"], rows)


def dolos_phases(results: list[SizeResult]) -> str:
    """Where Dolos spends its time (from its own summary)."""
    rows = []
    for r in results:
        s = last_json(r.runs.get("dolos", []))
        if not s:
            continue
        sec = s.get("seconds", {})
        rows.append([str(s.get("files")), str(s.get("files_analysed")), str(s.get("language")), str(s.get("pairs")),
                     str(s.get("pairs_with_fragments")),
                     *(fmt(sec.get(k), 2) for k in ("read", "tokenize_index", "all_pairs", "fragments", "total"))])
    if not rows:
        return ""
    return table(["files", "analysed", "languages", "pairs", "pairs with fragments", "read (s)",
                  "tokenise+index (s)", "all pairs (s)", "fragments (s)", "in-process total (s)"], rows)


def large_pair_table(results: list[LargeResult]) -> str:
    """Wall time and memory on each large pair."""
    if not results:
        return "_No pair of large files found._"
    rows = []
    for res in results:
        for tool, rs in res.runs.items():
            ok = [r for r in rs if r.ok]
            wall = statistics.median(r.wall_s for r in ok) if ok else None
            rss = statistics.median(r.max_rss_mb for r in ok) if ok else None
            rows.append([f"`{res.a.name}` ({line_count(res.a)} lines) vs `{res.b.name}` ({line_count(res.b)} lines)",
                         tool, fmt(wall, 2), fmt(rss, 0), f"{len(ok)}/{len(rs)}"])
    return table(["pair", "tool", "wall (s), median", "max RSS (MB)", "runs ok"], rows)


def memory_table(results: list[SizeResult], sizes: list[int]) -> str:
    """Ours' peak memory against files and pairs (flat = grows with files, not pairs)."""
    chosen = [r for r in results if r.files in sizes and r.median("ours", "tree_rss_mb")]
    if not chosen:
        return ""
    base = chosen[0]
    rows = []
    for r in chosen:
        rows.append([str(r.files), f"{r.files / base.files:.1f}×",
                     f"{(r.files * (r.files - 1)) / max(base.files * (base.files - 1), 1):.1f}×",
                     fmt(r.median("ours", "max_rss_mb"), 0), fmt(r.median("ours", "tree_rss_mb"), 0),
                     f"{r.median('ours', 'tree_rss_mb') / base.median('ours', 'tree_rss_mb'):.2f}×",
                     fmt(r.median("dolos", "max_rss_mb"), 0)])
    return table(["files", "files vs first", "pairs vs first", "ours max RSS (MB)", "ours tree RSS (MB)",
                  "tree RSS vs first", "dolos max RSS (MB)"], rows)


def targets(results: list[SizeResult], large: list[LargeResult]) -> str:
    """The issue's speed targets, met or not."""
    rows = []
    biggest = max(results, key=lambda r: r.files, default=None)
    if biggest is not None:
        ours_s, dolos_s = biggest.median("ours", "wall_s"), biggest.median("dolos", "wall_s")
        rows.append([f"all pairs of {biggest.files} files under 30 s", fmt(ours_s) + " s",
                     _yes(ours_s is not None and ours_s < 30)])
        ratio = dolos_s / ours_s if ours_s and dolos_s else None
        rows.append([f"at least 2× faster than Dolos on {biggest.files} files", fmt(ratio, 2) + "×",
                     _yes(ratio is not None and ratio >= 2)])
    walls = [statistics.median(r.wall_s for r in ok) for res in large
             if (ok := [r for r in res.runs.get("ours", []) if r.ok])]
    if walls:
        rows.append([f"one pair of ~5,000-line files under 1 s (whole process; slowest of {len(walls)} pairs)",
                     f"{max(walls):.2f} s", _yes(max(walls) < 1)])
    return table(["target", "measured", "met"], rows)


def _yes(flag: bool) -> str:
    return "yes" if flag else "**no**"


def header(args: argparse.Namespace, speed_dir: Path) -> str:
    """Command, date, machine and versions."""
    command = ".venv/bin/python benchmarks/code/run_speed.py " + shlex.join(sys.argv[1:])
    retrieval = f"`--retrieval {args.retrieval}`" if args.retrieval is not None else "the CLI's default retrieval"
    lines = [f"Command: `{command}`", "",
             f"Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}; machine: {machine()}; "
             f"load average (1 min) {args.load_before:.2f} before, {os.getloadavg()[0]:.2f} after "
             "(other work on a shared machine makes times noisy)", "",
             f"Data: `{_rel(speed_dir)}`; medians of {args.repeat} runs, tools alternating. Ours: "
             f"`appraisal batch --kind code DIR --workers {args.workers}` with {retrieval}, all languages in one "
             f"run. Dolos: one analysis per language (it takes one language per run), single-threaded (Node), "
             f"fragments built for pairs with similarity >= {args.fragments_above}.", ""]
    lines += [f"- {tool}: {v}" for tool, v in versions([t for t in ("ours", "dolos") if t in args.tool_list]).items()]
    return "\n".join(lines)


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def failures(results: list[SizeResult], large: list[LargeResult]) -> list[str]:
    """One line per failed run."""
    runs = [r for s in results for rs in s.runs.values() for r in rs]
    runs += [r for res in large for rs in res.runs.values() for r in rs]
    return [f"- {r.tool} on {r.files} files failed: {r.error.splitlines()[-1] if r.error else '?'}"
            for r in runs if not r.ok]


def section(args: argparse.Namespace, speed_dir: Path, results: list[SizeResult], large: list[LargeResult]) -> str:
    """The markdown of the speed section."""
    parts = ["## Speed", header(args, speed_dir), "",
             "### All pairs among N files (end to end, whole process)", all_pairs_table(results), ""]
    phases = dolos_phases(results)
    if phases:
        parts += ["Dolos phases (its own clock, inside the process):", "", phases, ""]
    parts += ["### One pair of large files", large_pair_table(large), ""]
    mem = memory_table(results, args.memory_size_list)
    if mem:
        parts += ["### Memory against the number of files", mem, ""]
    parts += ["### Targets (issue 3)", targets([r for r in results if r.files in args.size_list], large), ""]
    fails = failures(results, large)
    if fails:
        parts += ["Failed runs:", *fails, ""]
    return "\n".join(parts)


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--speed-dir", type=Path, default=None, help="default: <data>/<split>/speed")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="600,1000", help="numbers of files for the all-pairs runs")
    parser.add_argument("--memory-sizes", default="250,500,1000", help="numbers of files for the memory runs (ours)")
    parser.add_argument("--tools", default="ours,dolos")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--retrieval", type=float, default=None, help="passed to appraisal batch (default: CLI's)")
    parser.add_argument("--fragments-above", type=float, default=0.5,
                        help="Dolos builds fragments for pairs at least this similar")
    parser.add_argument("--skip-large", action="store_true", help="skip the large-pair measurement")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args(argv)
    args.tool_list = [t.strip() for t in args.tools.split(",") if t.strip()]
    args.size_list = [int(x) for x in args.sizes.split(",") if x.strip()]
    args.memory_size_list = [int(x) for x in args.memory_sizes.split(",") if x.strip()]
    return args


def check_tools(args: argparse.Namespace) -> None:
    """Fail early when /usr/bin/time, the CLI or Dolos is missing."""
    if not Path(TIME).is_file():
        raise SystemExit(f"{TIME} is missing: apt-get install time (or run benchmarks/code/peers/setup.sh)")
    if "ours" in args.tool_list and not APPRAISAL.is_file():
        raise SystemExit(f"{APPRAISAL} is missing: install the workbench into .venv (make install)")
    if "dolos" in args.tool_list and not dolos_adapter.installed():
        raise SystemExit("Dolos is not installed: run benchmarks/code/peers/setup.sh")


def main(argv: list[str] | None = None) -> int:
    """Measure and write the speed section of RESULTS.md."""
    args = parse_args(argv)
    args.load_before = os.getloadavg()[0]
    check_tools(args)
    speed_dir = args.speed_dir or args.data / args.split / "speed"
    small, large = speed_files(speed_dir.parent, speed_dir)
    print(f"{len(small)} files, {len(large)} large pairs under {speed_dir.parent}", file=sys.stderr)
    results: list[SizeResult] = []
    with tempfile.TemporaryDirectory(prefix="code-speed-") as tmp_name:
        tmp = Path(tmp_name)
        for n in sorted(set(args.size_list) | set(args.memory_size_list)):
            if n > len(small):
                print(f"  skipping {n} files: only {len(small)} available", file=sys.stderr)
                continue
            tools = args.tool_list if n in args.size_list else [t for t in args.tool_list if t == "ours"]
            results.append(run_size(small, speed_dir, n, tools, args, tmp))
        large_results = [] if args.skip_large else [run_large_pair(p, args, tmp) for p in large]
    text = section(args, speed_dir, results, large_results)
    replace_section(args.out, "speed", text)
    print(text)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0 if not failures(results, large_results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
