"""Compile the binary benchmark's C sources over a matrix of toolchains, optimisation levels and stripping.

    .venv/bin/python benchmarks/binary/build.py [--out benchmarks/binary/data/build] [--jobs 2] [--force]

Programs (see README_DATA.md): ``sources/game/<variant>/*.c`` (one server each), ``sources/tasks/<task>/impl_<k>.c``,
``sources/interface/<task>/impl_<k>.c`` (independent implementations calling the same library functions),
the C same-task implementations of the code benchmark (``benchmarks/code/tasks/<task>/c/impl_<k>.c``, ids
``tasks/<task>/code_impl_<k>``) and ``sources/plugins/{cheat,benign}/*.c``. A source may carry a directive comment
``/* build: platform=linux|windows|any kind=exe|shared libs=dl libs_linux=m libs_windows=ws2_32 */``.

Matrix: x86-64 ELF with gcc and clang at O0-O3; aarch64 and arm ELF with gcc at O2; PE with mingw-gcc at O0 and O2;
each plain and stripped (the stripped file is the plain one run through the toolchain's ``strip``). Sources that
include no header at all are also compiled to Mach-O objects with clang for x86-64 and arm64 (O0, O2, not stripped).
Linux-only programs get ELF builds only, Windows-only programs PE builds only.

Writes ``<out>/<format>-<arch>/<compiler>/<opt>/<plain|stripped>/<program>[.ext]`` and ``<out>/manifest.csv``
(``path,program,group,source_sha256,compiler,compiler_version,opt,stripped,arch,format,kind``, sorted by path).
A build whose inputs (source hash, command line) are unchanged is skipped unless ``--force``; a failing variant is
reported and left out of the manifest. Flags are fixed, compiles run inside the source directory with relative file
names and PE links use ``--no-insert-timestamp``, so the same toolchain gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
CODE_TASKS = HERE.parent / "code" / "tasks"
DEFAULT_OUT = HERE / "data" / "build"

MANIFEST_COLUMNS = [
    "path",
    "program",
    "group",
    "source_sha256",
    "compiler",
    "compiler_version",
    "opt",
    "stripped",
    "arch",
    "format",
    "kind",
]
COMMON_FLAGS = ["-std=gnu11", "-Wall", "-Wextra", "-pipe"]
DIRECTIVE = re.compile(r"/\*\s*build:([^*]*)\*/")


@dataclass(frozen=True)
class Toolchain:
    """One compiler configuration of the matrix."""

    name: str  # manifest "compiler"
    cc: list[str]
    strip: str | None
    arch: str
    fmt: str
    platform: str  # "linux", "windows" or "macos"
    opts: tuple[str, ...]
    version_cmd: list[str]
    objects_only: bool = False


TOOLCHAINS = [
    Toolchain("gcc", ["gcc"], "strip", "x86-64", "ELF", "linux", ("O0", "O1", "O2", "O3"), ["gcc", "-dumpfullversion"]),
    Toolchain(
        "clang", ["clang"], "strip", "x86-64", "ELF", "linux", ("O0", "O1", "O2", "O3"), ["clang", "-dumpversion"]
    ),
    Toolchain(
        "aarch64-gcc",
        ["aarch64-linux-gnu-gcc"],
        "aarch64-linux-gnu-strip",
        "arm64",
        "ELF",
        "linux",
        ("O2",),
        ["aarch64-linux-gnu-gcc", "-dumpfullversion"],
    ),
    Toolchain(
        "arm-gcc",
        ["arm-linux-gnueabihf-gcc"],
        "arm-linux-gnueabihf-strip",
        "arm",
        "ELF",
        "linux",
        ("O2",),
        ["arm-linux-gnueabihf-gcc", "-dumpfullversion"],
    ),
    Toolchain(
        "mingw-gcc",
        ["x86_64-w64-mingw32-gcc"],
        "x86_64-w64-mingw32-strip",
        "x86-64",
        "PE",
        "windows",
        ("O0", "O2"),
        ["x86_64-w64-mingw32-gcc", "-dumpversion"],
    ),
    Toolchain(
        "clang",
        ["clang", "-target", "x86_64-apple-darwin"],
        None,
        "x86-64",
        "MachO",
        "macos",
        ("O0", "O2"),
        ["clang", "-dumpversion"],
        objects_only=True,
    ),
    Toolchain(
        "clang",
        ["clang", "-target", "arm64-apple-darwin"],
        None,
        "arm64",
        "MachO",
        "macos",
        ("O0", "O2"),
        ["clang", "-dumpversion"],
        objects_only=True,
    ),
]


@dataclass
class Program:
    """A buildable program: its sources (relative to ``root``) and build options."""

    program: str
    group: str
    root: Path
    files: list[str]
    platform: str = "any"  # any | linux | windows
    kind: str = "exe"  # exe | shared | object
    libs: dict[str, list[str]] = field(default_factory=dict)  # platform -> libraries
    headerless: bool = False

    def source_sha256(self) -> str:
        """SHA-256 of the program's source files concatenated in sorted-name order."""
        digest = hashlib.sha256()
        for name in sorted(self.all_sources()):
            digest.update((self.root / name).read_bytes())
        return digest.hexdigest()

    def all_sources(self) -> list[str]:
        """The compiled files plus the headers next to them."""
        headers = sorted(p.name for p in self.root.glob("*.h")) if len(self.files) > 1 else []
        return sorted(set(self.files) | set(headers))


@dataclass(frozen=True)
class Job:
    """One compile (plus its stripped copy) of one program with one toolchain at one level."""

    prog: Program
    tc: Toolchain
    opt: str

    def kind(self) -> str:
        """Kind of the output: Mach-O builds are always objects."""
        return "object" if self.tc.objects_only else self.prog.kind


def parse_directive(text: str) -> dict[str, str]:
    """Key/value pairs of the ``/* build: ... */`` comment, if any."""
    match = DIRECTIVE.search(text)
    if not match:
        return {}
    return dict(item.split("=", 1) for item in match.group(1).split() if "=" in item)


def program_from_files(program: str, group: str, root: Path, files: list[str]) -> Program:
    """Build a Program, reading directives and header usage from its sources."""
    texts = [(root / name).read_text(encoding="utf-8", errors="replace") for name in files]
    options: dict[str, str] = {}
    for text in texts:
        options.update(parse_directive(text))
    libs: dict[str, list[str]] = {"linux": [], "windows": []}
    for plat in ("linux", "windows"):
        for key in ("libs", f"libs_{plat}"):
            libs[plat] += [lib for lib in options.get(key, "").split(",") if lib]
    kind = options.get("kind", "exe")
    if kind == "exe" and not any(re.search(r"\bmain\s*\(", text) for text in texts):
        kind = "object"
    headerless = len(files) == 1 and not any(re.search(r"^\s*#\s*include", t, re.M) for t in texts)
    return Program(program, group, root, files, options.get("platform", "any"), kind, libs, headerless)


def discover() -> list[Program]:
    """All programs of the benchmark, in a stable order."""
    programs: list[Program] = []
    for variant in sorted(p for p in (SOURCES / "game").iterdir() if p.is_dir()):
        files = sorted(p.name for p in variant.glob("*.c"))
        prog = program_from_files(f"game/{variant.name}/server", f"game/{variant.name}", variant, files)
        prog.libs["windows"] = sorted(set(prog.libs["windows"]) | {"ws2_32"})
        programs.append(prog)
    for task in sorted(p for p in (SOURCES / "tasks").iterdir() if p.is_dir()):
        for src in sorted(task.glob("impl_*.c")):
            pid = f"tasks/{task.name}/{src.stem}"
            programs.append(program_from_files(pid, pid, task, [src.name]))
    interface = SOURCES / "interface"
    for task in sorted(p for p in interface.iterdir() if p.is_dir()) if interface.is_dir() else ():
        for src in sorted(task.glob("impl_*.c")):
            pid = f"interface/{task.name}/{src.stem}"
            programs.append(program_from_files(pid, pid, task, [src.name]))
    if CODE_TASKS.is_dir():
        for src in sorted(CODE_TASKS.glob("*/c/impl_*.c")):
            task = src.parent.parent.name
            pid = f"tasks/{task}/code_{src.stem}"
            programs.append(program_from_files(pid, pid, src.parent, [src.name]))
    for category in ("cheat", "benign"):
        for src in sorted((SOURCES / "plugins" / category).glob("*.c")):
            pid = f"plugins/{category}/{src.stem}"
            programs.append(program_from_files(pid, pid, src.parent, [src.name]))
    return programs


def jobs_for(prog: Program) -> list[Job]:
    """The matrix cells that apply to a program."""
    jobs = []
    for tc in TOOLCHAINS:
        if tc.objects_only:
            if not prog.headerless:
                continue
        elif prog.platform not in ("any", tc.platform):
            continue
        jobs += [Job(prog, tc, opt) for opt in tc.opts]
    return jobs


def extension(fmt: str, kind: str) -> str:
    """File name suffix of an output."""
    if kind == "object":
        return ".o"
    if fmt == "PE":
        return ".dll" if kind == "shared" else ".exe"
    return ".so" if kind == "shared" else ""


def out_path(job: Job, stripped: bool) -> str:
    """Path of an output relative to the build directory."""
    tc = job.tc
    sub = "stripped" if stripped else "plain"
    return f"{tc.fmt}-{tc.arch}/{tc.name}/{job.opt}/{sub}/{job.prog.program}{extension(tc.fmt, job.kind())}"


def compile_command(job: Job, output: Path) -> list[str]:
    """The compiler command line (run with the program's source directory as working directory)."""
    tc, prog, kind = job.tc, job.prog, job.kind()
    cmd = [*tc.cc, *COMMON_FLAGS, f"-{job.opt}"]
    if kind == "object":
        cmd += ["-c"]
    elif kind == "shared":
        cmd += ["-shared"] + (["-fPIC"] if tc.fmt == "ELF" else [])
    if tc.fmt == "PE" and kind != "object":
        cmd += ["-Wl,--no-insert-timestamp"]
    cmd += ["-o", str(output), *prog.files]
    if kind != "object":
        cmd += [f"-l{lib}" for lib in prog.libs.get(tc.platform, [])]
    return cmd


def strip_command(job: Job, src: Path, dst: Path) -> list[str] | None:
    """Command producing the stripped copy, or None when the toolchain has no stripped variant."""
    if job.tc.strip is None:
        return None
    mode = "--strip-all" if job.kind() == "exe" else "--strip-unneeded"
    return [job.tc.strip, mode, "-o", str(dst), str(src)]


def tool_version(cmd: list[str]) -> str:
    """Version string reported by a compiler, or "missing"."""
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "missing"
    return done.stdout.strip().splitlines()[0] if done.returncode == 0 and done.stdout.strip() else "missing"


@dataclass
class Result:
    """Outcome of one job: manifest rows, whether it was skipped, an error text, warnings."""

    rows: list[dict[str, str]]
    skipped: bool = False
    error: str = ""
    warnings: str = ""
    stamps: dict[str, str] = field(default_factory=dict)


def run_job(job: Job, out: Path, versions: dict[str, str], stamps: dict[str, str], force: bool) -> Result:
    """Compile one matrix cell (and strip it); reuse outputs whose stamp matches."""
    sha = job.prog.source_sha256()
    plain_rel = out_path(job, False)
    plain = out / plain_rel
    version = versions[" ".join(job.tc.version_cmd)]
    cmd = compile_command(job, plain)
    stamp = hashlib.sha256(json.dumps([sha, version, cmd[: cmd.index("-o")], job.prog.files]).encode()).hexdigest()
    targets = [(plain_rel, False)]
    if job.tc.strip is not None:
        targets.append((out_path(job, True), True))
    result = Result(rows=[])
    if not force and all((out / rel).exists() and stamps.get(rel) == stamp for rel, _ in targets):
        result.skipped = True
    else:
        plain.parent.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(cmd, cwd=job.prog.root, capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != 0 or not plain.exists():
            plain.unlink(missing_ok=True)
            return Result(
                rows=[],
                error=f"{job.prog.program} [{job.tc.name} {job.tc.fmt} {job.opt}]: "
                + (done.stderr.strip().splitlines() or ["no output"])[-1],
            )
        result.warnings = done.stderr.strip()
        for rel, _stripped in targets[1:]:
            dst = out / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            scmd = strip_command(job, plain, dst)
            assert scmd is not None
            sdone = subprocess.run(scmd, capture_output=True, text=True, timeout=120, check=False)
            if sdone.returncode != 0:
                dst.unlink(missing_ok=True)
                result.error = f"{job.prog.program} [{job.tc.strip}]: {sdone.stderr.strip()}"
                targets = targets[:1]
    for rel, stripped in targets:
        result.stamps[rel] = stamp
        result.rows.append(
            {
                "path": rel,
                "program": job.prog.program,
                "group": job.prog.group,
                "source_sha256": sha,
                "compiler": job.tc.name,
                "compiler_version": version,
                "opt": job.opt,
                "stripped": "1" if stripped else "0",
                "arch": job.tc.arch,
                "format": job.tc.fmt,
                "kind": job.kind(),
            }
        )
    return result


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="build directory (default %(default)s)")
    parser.add_argument("--jobs", type=int, default=2, help="parallel compiler processes")
    parser.add_argument("--force", action="store_true", help="rebuild outputs that already exist")
    parser.add_argument("--only", default="", help="build only programs whose id starts with this prefix")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)

    versions = {" ".join(tc.version_cmd): tool_version(tc.version_cmd) for tc in TOOLCHAINS}
    programs = [p for p in discover() if p.program.startswith(args.only)]
    jobs = [job for prog in programs for job in jobs_for(prog)]
    # longest first (multi-file programs, then clang), so the pool does not end on a slow straggler
    order = sorted(jobs, key=lambda j: (-len(j.prog.files), j.tc.name != "clang"))
    missing = {" ".join(tc.cc) for tc in TOOLCHAINS if versions[" ".join(tc.version_cmd)] == "missing"}
    if missing:
        print(f"warning: toolchains not found, their builds will fail: {', '.join(sorted(missing))}")
    stamp_file = out / "stamps.json"
    stamps: dict[str, str] = json.loads(stamp_file.read_text()) if stamp_file.exists() else {}
    print(f"{len(programs)} programs, {len(jobs)} compile jobs, {args.jobs} workers -> {out}")

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda j: run_job(j, out, versions, stamps, args.force), order))

    rows = sorted((row for r in results for row in r.rows), key=lambda row: row["path"])
    failures = [r.error for r in results if r.error]
    warned = sorted({r.rows[0]["program"] for r in results if r.warnings and r.rows})
    for r in results:
        stamps.update(r.stamps)
    stamp_file.write_text(json.dumps(dict(sorted(stamps.items())), indent=0) + "\n")
    if args.only:  # keep rows of programs not rebuilt this time
        old = out / "manifest.csv"
        if old.exists():
            with old.open(newline="") as fh:
                kept = [row for row in csv.DictReader(fh) if not row["program"].startswith(args.only)]
            rows = sorted(kept + rows, key=lambda row: row["path"])
    with (out / "manifest.csv").open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    (out / "failures.txt").write_text("".join(f"{line}\n" for line in failures))

    built = sum(1 for r in results if r.rows and not r.skipped)
    skipped = sum(1 for r in results if r.skipped)
    print(f"compiled {built}, reused {skipped}, failed {len(failures)}; manifest has {len(rows)} rows")
    counts = Counter((row["compiler"], row["format"], row["arch"]) for row in rows)
    for (compiler, fmt, arch), n in sorted(counts.items()):
        print(f"  {compiler:12s} {fmt:6s} {arch:7s} {n:5d}")
    families = Counter("/".join(row["program"].split("/")[:2]) for row in rows)
    print("per family: " + ", ".join(f"{k} {v}" for k, v in sorted(families.items())))
    if warned:
        print(f"compiler warnings in {len(warned)} program(s): {', '.join(warned[:10])}")
    for line in failures:
        print(f"FAILED {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
