"""Draw the labelled pairs of one split of the binary benchmark: is program B derived from program A?

Usage (from the repository root, after ``build.py`` and ``wheels.py``)::

    .venv/bin/python benchmarks/binary/pairs.py --split tune --seed 1
    .venv/bin/python benchmarks/binary/pairs.py --split test --seed 2 [--max-per-family 200]

Reads ``data/build/manifest.csv`` (compiled builds: ``path`` relative to ``data/build``, ``program``,
``group``, ``source_sha256``, ``compiler``, ``compiler_version``, ``opt``, ``stripped``, ``arch``,
``format``, ``kind``) and ``data/wheels/manifest.csv`` (extension modules of released wheels, see
``wheels.py``); either may be missing, and the families it feeds are then empty. Writes
``data/pairs_<split>.csv``: ``a, b`` (paths relative to ``benchmarks/binary/data``), ``label``
(1 derived, 0 independent), ``family``, ``relation`` (the build settings or releases compared)
and ``notes`` (the two programs).

Positive families (B is a rebuild or a release of A's source):

- ``compiler``: gcc against clang, same optimisation level and stripping (x86-64 ELF);
- ``optimisation``: one compiler, O0 against O2 or O3, or O1 against O3, same stripping;
- ``stripped``: stripped against not stripped, one compiler, any two optimisation levels;
- ``cross_compiler_opt``: gcc against clang with optimisation levels two or more apart (O0-O2, O0-O3,
  O1-O3), any stripping: the hardest rebuild;
- ``arch``: x86-64 against arm64 or 32-bit ARM, any settings (reported apart, not in "overall");
- ``release``: extension module of wheel release N against N+1 or N+2 of the same library;
- ``private_server``: the genuine game server against its private edit (``game/private/*``), every
  pair of build settings of one format and architecture;
- ``pe``: two PE builds (MinGW) of one program differing in optimisation or stripping.

Negative families (B is an independent work):

- ``same_task``: two implementations of one task (``tasks/<task>/impl_*``), any build settings; half
  of them with identical compiler, optimisation and stripping (they share the most toolchain code);
- ``same_interface``: two independent implementations of one task that call exactly the same C
  library functions (``interface/<task>/impl_*``, the spec fixes them), so import overlap is 1;
- ``same_format``: extension modules of two libraries of one format (JSON, MessagePack, TOML);
- ``independent_server``: the genuine or private game server against the independent one, every pair
  of build settings of one format and architecture;
- ``same_toolchain``: two unrelated programs built with the same compiler, optimisation, stripping,
  format and architecture (they share the compiler runtime and start-up code);
- ``random``: two unrelated programs or modules, any settings.

The split is by unit of source, never by build: a task (all its implementations), a plug-in program,
a library (all its releases, fixed in :data:`WHEEL_SPLIT` so that each split has libraries of a
common format), another program's ``group``. Units of one kind are ordered by a salted sha256 of
their name and dealt alternately to tune and test, so the assignment does not depend on the seed
(tune and test stay disjoint whatever seeds draw their pairs). The game servers (genuine, private,
independent) are in **test only**: ``private_server`` and ``independent_server`` are test families,
and tune has none of them. The plug-ins are split by program (cheat and benign dealt separately).

Sampling is deterministic given ``--seed``: each family's candidates are sorted, grouped by pair of
programs, shuffled by ``random.Random(seed)`` and taken round-robin over the groups up to
``--max-per-family`` (so one program with many builds does not fill a family). A pair of contents
is used once (the first family that draws it keeps it), and a pair of byte-identical files (O2 and
O3 builds of a small program often are) is left out: its answer is trivial.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from wheels import WHEELS, sha256_file  # noqa: E402

DATA = HERE / "data"
SPLITS = ("tune", "test")
FIELDS = ("a", "b", "label", "family", "relation", "notes")
POSITIVE = ("compiler", "optimisation", "stripped", "cross_compiler_opt", "arch", "release", "private_server", "pe")
NEGATIVE = ("same_task", "same_interface", "same_format", "independent_server", "same_toolchain", "random")
SAME_TASK = {"task": "same_task", "interface": "same_interface"}  # category -> family of independent pairs
NOT_OVERALL = ("arch",)  # reported on its own, left out of the overall measures
OPT_PAIRS = {("O0", "O2"), ("O0", "O3"), ("O1", "O3")}
SALT = "binary-benchmark-split-1"
# Libraries by split: each split has two or more libraries of one format (tune: JSON, TOML; test: JSON, MessagePack).
WHEEL_SPLIT: dict[str, str] = {
    "ujson": "tune", "orjson": "tune", "pysimdjson": "tune", "ormsgpack": "tune", "cbor2": "tune",
    "rtoml": "tune", "pytomlpp": "tune",
    "msgpack": "test", "msgspec": "test", "simplejson": "test", "python-rapidjson": "test", "markupsafe": "test",
}


@dataclass(frozen=True)
class Item:
    """One file of the benchmark: a compiled build or a wheel's extension module."""

    path: str  # relative to data/
    program: str  # build: the manifest's program; wheel: wheels/<library>/<so_name>
    unit: str  # the unit of the split
    category: str  # task | game | plugin-cheat | plugin-benign | other | wheel
    compiler: str = ""
    opt: str = ""
    stripped: int = 0
    arch: str = "x86-64"
    format: str = "ELF"
    kind: str = ""
    library: str = ""
    version: str = ""
    version_rank: int = 0
    formats: tuple[str, ...] = ()
    sha256: str = ""

    @property
    def build(self) -> str:
        """The build settings (``gcc-O2-s``) or release (``msgpack 1.0.5``)."""
        if self.category == "wheel":
            return f"{self.library} {self.version}"
        arch = "" if self.arch == "x86-64" else f"-{self.arch}"
        return f"{self.compiler}-{self.opt}{'-s' if self.stripped else ''}{arch}"

    @property
    def toolchain(self) -> tuple[str, str, int, str, str, str]:
        """What two builds share when built alike."""
        return self.compiler, self.opt, self.stripped, self.arch, self.format, self.kind

    @property
    def game(self) -> tuple[str, str] | None:
        """(variant, name) of a game program (``game/private/server`` -> ("private", "server"))."""
        parts = self.program.split("/")
        return (parts[1], "/".join(parts[2:])) if self.category == "game" and len(parts) >= 3 else None


def _category(program: str) -> str:
    parts = program.split("/")
    if parts[0] == "tasks" and len(parts) >= 3:
        return "task"
    if parts[0] == "interface" and len(parts) >= 3:
        return "interface"
    if parts[0] == "game" and len(parts) >= 3:
        return "game"
    if parts[0] == "plugins" and len(parts) >= 3:
        return "plugin-benign" if parts[1] == "benign" else "plugin-cheat"
    return "other"


def _unit(program: str, group: str, category: str) -> str:
    if category in SAME_TASK:
        return "/".join(program.split("/")[:2])
    if category == "game":
        return "game"
    if category.startswith("plugin"):
        return program
    return group or program


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file (empty when it does not exist)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_items(data: Path) -> list[Item]:
    """Builds and wheel modules of both manifests (files that are missing on disk are left out)."""
    items: list[Item] = []
    builds = read_csv(data / "build" / "manifest.csv")
    if not builds:
        print(f"note: no {data / 'build' / 'manifest.csv'}: no compiled builds", file=sys.stderr)
    for r in builds:
        path = f"build/{r['path']}"
        if not (data / path).is_file():
            print(f"note: {path} listed but missing", file=sys.stderr)
            continue
        cat = _category(r["program"])
        items.append(Item(path, r["program"], _unit(r["program"], r.get("group", ""), cat), cat,
                          compiler=r["compiler"], opt=r["opt"], stripped=int(r["stripped"] or 0),
                          arch=r.get("arch") or "x86-64", format=r.get("format") or "ELF", kind=r.get("kind", ""),
                          sha256=sha256_file(data / path)))
    wheels = read_csv(data / "wheels" / "manifest.csv")
    if not wheels:
        print(f"note: no {data / 'wheels' / 'manifest.csv'}: no release or same_format pairs", file=sys.stderr)
    ranks = {(lib.name, v): n for lib in WHEELS for n, v in enumerate(lib.versions)}
    for r in wheels:
        if not (data / r["path"]).is_file():
            print(f"note: {r['path']} listed but missing", file=sys.stderr)
            continue
        items.append(Item(r["path"], f"wheels/{r['library']}/{r['so_name']}", f"wheels/{r['library']}", "wheel",
                          kind="shared", library=r["library"], version=r["version"],
                          version_rank=ranks.get((r["library"], r["version"]), 0),
                          formats=tuple(f for f in r["format_family"].split(";") if f),
                          sha256=r.get("so_sha256") or sha256_file(data / r["path"])))
    return items


def assign_splits(items: Iterable[Item]) -> dict[str, str]:
    """Unit -> split: fixed for libraries and the game, dealt alternately in salted-hash order otherwise."""
    by_category: dict[str, set[str]] = defaultdict(set)
    out: dict[str, str] = {}
    for it in items:
        if it.category == "wheel":
            out[it.unit] = WHEEL_SPLIT.get(it.library, SPLITS[_hash(it.library) % 2])
        elif it.category == "game":
            out[it.unit] = "test"
        else:
            by_category[it.category].add(it.unit)
    for _, units in sorted(by_category.items()):
        for n, unit in enumerate(sorted(units, key=lambda u: hashlib.sha256(f"{SALT}|{u}".encode()).hexdigest())):
            out[unit] = SPLITS[n % 2]
    return out


def _hash(text: str) -> int:
    return int(hashlib.sha256(f"{SALT}|{text}".encode()).hexdigest()[:8], 16)


@dataclass(frozen=True)
class Pair:
    """A candidate pair: A, B, label, family, relation."""

    a: Item
    b: Item
    label: int
    family: str
    relation: str

    def row(self) -> dict[str, str]:
        """The CSV row."""
        return {"a": self.a.path, "b": self.b.path, "label": str(self.label), "family": self.family,
                "relation": self.relation, "notes": f"{self.a.program} [{self.a.build}] | {self.b.program} "
                                                    f"[{self.b.build}]"}


def _opt_gap(a: Item, b: Item) -> int:
    return abs(int(a.opt.lstrip("Os") or 0) - int(b.opt.lstrip("Os") or 0))


def _ordered(a: Item, b: Item) -> tuple[Item, Item]:
    """A fixed orientation: the less optimised (then unstripped, then gcc) build as A."""
    return (a, b) if (a.opt, a.stripped, a.compiler, a.path) <= (b.opt, b.stripped, b.compiler, b.path) else (b, a)


def positives(items: list[Item]) -> dict[str, list[Pair]]:
    """Candidates of every positive family."""
    out: dict[str, list[Pair]] = defaultdict(list)
    builds = [i for i in items if i.category != "wheel"]
    by_program: dict[str, list[Item]] = defaultdict(list)
    for it in builds:
        by_program[it.program].append(it)
    for program in sorted(by_program):
        group = sorted(by_program[program], key=lambda i: i.path)
        for x, y in itertools.combinations(group, 2):
            if x.kind != y.kind:
                continue
            a, b = _ordered(x, y)
            elf_x64 = a.format == b.format == "ELF" and a.arch == b.arch == "x86-64"
            same_compiler = a.compiler == b.compiler
            compilers = {a.compiler, b.compiler}
            rel = f"{a.build} vs {b.build}"
            if a.format == b.format == "ELF" and a.arch != b.arch and "x86-64" in (a.arch, b.arch):
                out["arch"].append(Pair(a, b, 1, "arch", rel))
            elif a.format == b.format == "PE" and a.arch == b.arch and (a.opt != b.opt or a.stripped != b.stripped):
                out["pe"].append(Pair(a, b, 1, "pe", rel))
            elif not elf_x64:
                continue
            elif compilers == {"gcc", "clang"} and a.opt == b.opt and a.stripped == b.stripped:
                out["compiler"].append(Pair(a, b, 1, "compiler", rel))
            elif same_compiler and a.stripped == b.stripped and tuple(sorted((a.opt, b.opt))) in OPT_PAIRS:
                out["optimisation"].append(Pair(a, b, 1, "optimisation", rel))
            elif same_compiler and a.stripped != b.stripped:
                out["stripped"].append(Pair(a, b, 1, "stripped", rel))
            elif compilers == {"gcc", "clang"} and _opt_gap(a, b) >= 2:
                out["cross_compiler_opt"].append(Pair(a, b, 1, "cross_compiler_opt", rel))
    games = [i for i in builds if i.game]
    for g, p in itertools.product(games, games):
        if g.game and p.game and g.game[0] == "genuine" and p.game[0] == "private" and g.game[1] == p.game[1] \
                and (g.format, g.arch, g.kind) == (p.format, p.arch, p.kind):
            out["private_server"].append(Pair(g, p, 1, "private_server", f"{g.build} vs {p.build}"))
    modules: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        if it.category == "wheel":
            modules[it.program].append(it)
    for program in sorted(modules):
        releases = sorted(modules[program], key=lambda i: i.version_rank)
        for n, a in enumerate(releases):
            for step in (1, 2):
                if n + step < len(releases):
                    b = releases[n + step]
                    out["release"].append(Pair(a, b, 1, "release", f"{a.version} -> {b.version} (N+{step})"))
    return out


def negatives(items: list[Item]) -> dict[str, list[Pair]]:
    """Candidates of every negative family."""
    out: dict[str, list[Pair]] = defaultdict(list)
    builds = [i for i in items if i.category != "wheel"]
    tasks: dict[str, list[Item]] = defaultdict(list)
    for it in builds:
        if it.category in SAME_TASK:
            tasks[it.unit].append(it)
    for unit in sorted(tasks):
        group = sorted(tasks[unit], key=lambda i: i.path)
        for x, y in itertools.combinations(group, 2):
            if x.program == y.program or (x.format, x.arch, x.kind) != (y.format, y.arch, y.kind):
                continue
            a, b = sorted((x, y), key=lambda i: (i.program, i.path))
            same = "same build: " if a.toolchain == b.toolchain else ""
            family = SAME_TASK[a.category]
            out[family].append(Pair(a, b, 0, family, f"{same}{a.build} vs {b.build}"))
    games = [i for i in builds if i.game]
    for g, p in itertools.product(games, games):
        if g.game and p.game and g.game[0] in ("genuine", "private") and p.game[0] == "independent" \
                and g.game[1] == p.game[1] and (g.format, g.arch, g.kind) == (p.format, p.arch, p.kind):
            out["independent_server"].append(Pair(g, p, 0, "independent_server",
                                                  f"{g.game[0]} {g.build} vs independent {p.build}"))
    wheels = sorted((i for i in items if i.category == "wheel"), key=lambda i: i.path)
    for x, y in itertools.combinations(wheels, 2):
        shared = sorted(set(x.formats) & set(y.formats))
        if x.library != y.library and shared:
            a, b = sorted((x, y), key=lambda i: i.path)
            out["same_format"].append(Pair(a, b, 0, "same_format", f"{'/'.join(shared)}: {a.build} vs {b.build}"))
    by_toolchain: dict[tuple[str, str, int, str, str, str], list[Item]] = defaultdict(list)
    for it in builds:
        by_toolchain[it.toolchain].append(it)
    for key in sorted(by_toolchain):
        for x, y in itertools.combinations(sorted(by_toolchain[key], key=lambda i: i.path), 2):
            if x.unit != y.unit:
                out["same_toolchain"].append(Pair(x, y, 0, "same_toolchain", f"both {x.build}"))
    return out


def unrelated(x: Item, y: Item) -> bool:
    """Whether two items may form a ``random`` pair: other units, no common format, other build settings."""
    return x.unit != y.unit and not (set(x.formats) & set(y.formats)) and x.toolchain != y.toolchain


def random_pairs(items: list[Item], cap: int, rng: random.Random) -> list[Pair]:
    """Up to ``cap`` ``random`` pairs: two units drawn uniformly, then one file of each (rejection sampling)."""
    by_unit: dict[str, list[Item]] = defaultdict(list)
    for it in sorted(items, key=lambda i: i.path):
        by_unit[it.unit].append(it)
    units = sorted(by_unit)
    out: list[Pair] = []
    seen: set[frozenset[str]] = set()
    if len(units) < 2:
        return out
    for _ in range(50 * cap):
        if len(out) >= cap:
            break
        u, v = rng.sample(units, 2)
        x, y = rng.choice(by_unit[u]), rng.choice(by_unit[v])
        key = frozenset((x.path, y.path))
        if unrelated(x, y) and key not in seen:
            seen.add(key)
            a, b = sorted((x, y), key=lambda i: i.path)
            out.append(Pair(a, b, 0, "random", f"{a.build} vs {b.build}"))
    return out


def spread(cands: list[Pair], cap: int, rng: random.Random, key: Callable[[Pair], object]) -> list[Pair]:
    """Up to ``cap`` candidates, round-robin over the groups of ``key`` (each group shuffled by ``rng``)."""
    groups: dict[object, list[Pair]] = defaultdict(list)
    for p in cands:
        groups[key(p)].append(p)
    order = sorted(groups, key=str)
    rng.shuffle(order)
    for g in order:
        rng.shuffle(groups[g])
    taken: list[Pair] = []
    while len(taken) < cap and any(groups[g] for g in order):
        for g in order:
            if groups[g] and len(taken) < cap:
                taken.append(groups[g].pop())
    return taken


def _programs(p: Pair) -> tuple[str, str]:
    return p.a.program, p.b.program


def draw(items: list[Item], split: str, seed: int, cap: int) -> list[Pair]:
    """The pairs of ``split``: every family's candidates in the split, sampled up to ``cap``."""
    splits = assign_splits(items)
    mine = [i for i in items if splits[i.unit] == split]
    rng = random.Random(seed)
    cands = {**positives(mine), **negatives(mine)}
    chosen: list[Pair] = []
    seen: set[frozenset[str]] = set()
    identical = Counter()
    for family in POSITIVE + NEGATIVE:
        pool = cands.get(family, [])
        identical[family] = sum(1 for p in pool if p.a.sha256 == p.b.sha256)
        unique: dict[frozenset[str], Pair] = {}
        for p in pool:  # byte-identical builds say nothing; a pair of contents is drawn once
            key = frozenset((p.a.sha256, p.b.sha256))
            if p.a.sha256 != p.b.sha256 and key not in seen:
                unique.setdefault(key, p)
        pool = list(unique.values())
        if family in SAME_TASK.values():  # half with identical build settings, half with any
            alike = [p for p in pool if p.relation.startswith("same build")]
            other = [p for p in pool if not p.relation.startswith("same build")]
            picked = spread(alike, cap // 2, rng, _programs)
            picked += spread(other, cap - len(picked), rng, _programs)
        elif family == "random":
            picked = [p for p in random_pairs(mine, 2 * cap, rng)
                      if p.a.sha256 != p.b.sha256 and frozenset((p.a.sha256, p.b.sha256)) not in seen][:cap]
        else:
            picked = spread(pool, cap, rng, _programs)
        for p in picked:
            key = frozenset((p.a.sha256, p.b.sha256))
            if key not in seen:
                seen.add(key)
                chosen.append(p)
    if any(identical.values()):
        print("left out, byte-identical A and B: " + ", ".join(f"{f} {n}" for f, n in identical.items() if n),
              file=sys.stderr)
    return chosen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=SPLITS, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--max-per-family", type=int, default=200)
    ap.add_argument("--data", type=Path, default=DATA, help="the data folder (default benchmarks/binary/data)")
    args = ap.parse_args(argv)
    items = load_items(args.data)
    splits = assign_splits(items)
    units = sorted(u for u, s in splits.items() if s == args.split)
    print(f"{args.split} units ({len(units)}): {', '.join(units)}", file=sys.stderr)
    pairs = draw(items, args.split, args.seed, args.max_per_family)
    out = args.data / f"pairs_{args.split}.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(p.row() for p in pairs)
    counts = Counter((p.label, p.family) for p in pairs)
    for label, families in ((1, POSITIVE), (0, NEGATIVE)):
        for family in families:
            print(f"  label {label} {family:<20} {counts.get((label, family), 0):>5}")
    print(f"{out}: {len(pairs)} pairs, {sum(p.label for p in pairs)} derived, "
          f"{sum(1 - p.label for p in pairs)} independent (seed {args.seed})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
