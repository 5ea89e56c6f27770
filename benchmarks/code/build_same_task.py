"""Build the same-task registry family: independent registry implementations of small tasks, disguised copies.

    .venv/bin/python benchmarks/code/build_same_task.py --out benchmarks/code/data \\
        --splits same_task_tune,same_task_test

For every entry of ``registry_tasks.ENTRIES`` the pinned package is downloaded once into
``<work>/registry/{npm,pypi,deb}/`` (offline on rerun), the one function or small class is cut out with
tree-sitter (with the comments right before it; Java methods are wrapped in their class, Python methods
dedented) and kept if it parses cleanly and has 5-150 lines. Each implementation is disguised at six
cumulative levels (``LEVELS``; each step a disguise family at ``STRENGTH``, a step that would add a parse
error is dropped; a level equal to the one below it, or to the original, is skipped and counted).
Negatives are all same-task same-language pairs of implementations. Writes, per split,
``files/<language>/<12 hex>.<ext>``, ``pairs.csv`` (``a,b,label,family,strength,language,origin,task,size``),
``sources.json`` and ``stats.json``. Same inputs, same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import multiprocessing
import random
import re
import shutil
import subprocess
import sys
import tarfile
import textwrap
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import sources  # noqa: E402
from disguise import FAMILIES  # noqa: E402
from langs import EXTENSION, parse, parse_errors  # noqa: E402
from registry_tasks import ENTRIES, SPLIT_SEEDS, TASK_SPLIT, Entry, check  # noqa: E402
from sources import matches  # noqa: E402

FIELDS = ("a", "b", "label", "family", "strength", "language", "origin", "task", "size")
STRENGTH = 3
# Level k applies its families on top of level k-1 (level 1 on top of the original).
LEVELS: tuple[tuple[str, ...], ...] = (
    ("comments", "format"), ("rename",), ("literals", "modifiers_types"), ("splitmerge",), ("reorder",),
    ("controlflow", "deadcode"),
)
MIN_LINES, MAX_LINES = 5, 150
# Macro-heavy C keeps a few tree-sitter errors (the disguise filter is relative to the original's count).
MAX_PARSE_ERRORS = {"c": 2}
# Source suffixes read per language (mmh3 ships its C MurmurHash3 as a .cpp file).
PYTHON_SUFFIX = {"python": (".py",), "javascript": (".js", ".mjs", ".cjs"), "java": (".java",),
                 "c": (".c", ".h", ".cpp")}


# --------------------------------------------------------------------------- download


def _run(cmd: list[str], cwd: Path) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def _find(folder: Path, pattern: str) -> list[Path]:
    rx = re.compile(pattern, re.IGNORECASE)
    return sorted(p for p in folder.iterdir() if rx.fullmatch(p.name)) if folder.is_dir() else []


def _fetch_pypi(name: str, version: str, folder: Path) -> Path:
    stem = re.sub(r"[-_.]+", "[-_.]", name)
    pattern = f"{stem}-{re.escape(version)}\\.(tar\\.gz|zip|tar\\.bz2)"
    if not _find(folder, pattern):
        _run([sys.executable, "-m", "pip", "download", "--quiet", "--no-binary", ":all:", "--no-deps",
              f"{name}=={version}", "-d", str(folder)], folder)
    return _find(folder, pattern)[0]


def _fetch_npm(name: str, version: str, folder: Path) -> Path:
    tgz = folder / (name.lstrip("@").replace("/", "-") + f"-{version}.tgz")
    if not tgz.exists():
        _run(["npm", "pack", "--silent", f"{name}@{version}"], folder)
    return tgz


def _fetch_deb(name: str, version: str, folder: Path) -> Path:
    upstream = version.split(":", 1)[-1].rsplit("-", 1)[0]
    pattern = f"{re.escape(name)}_{re.escape(upstream)}\\.orig\\.tar\\.(gz|xz|bz2)"
    if not _find(folder, pattern):
        _run(["apt-get", "source", "--download-only", f"{name}={version}"], folder)
    return _find(folder, pattern)[0]


def _fetch_debjdk(name: str, version: str, folder: Path) -> Path:
    """The ``src.zip`` of a Debian JDK source binary package (shared with the main generator's cache)."""
    return sources._fetch_deb(name, version, folder.parent.parent)[0]


FETCHERS = {"pypi": _fetch_pypi, "npm": _fetch_npm, "deb": _fetch_deb, "debjdk": _fetch_debjdk}


@cache
def fetch(registry: str, name: str, version: str, work: Path) -> Path:
    """The cached archive of a pinned package (downloaded once)."""
    folder = work / "registry" / registry
    folder.mkdir(parents=True, exist_ok=True)
    return FETCHERS[registry](name, version, folder)


@cache
def members(archive: Path) -> dict[str, bytes]:
    """Files of an archive by path (its top folder stripped), only source files of the four languages."""
    wanted = tuple(s for v in PYTHON_SUFFIX.values() for s in v) + ("PKG-INFO", "package.json")
    out: dict[str, bytes] = {}
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                if not info.is_dir() and info.filename.endswith(wanted):
                    out[info.filename.split("/", 1)[-1]] = zf.read(info)
        return out
    with tarfile.open(archive) as tf:
        for m in tf:
            if m.isfile() and m.name.endswith(wanted):
                f = tf.extractfile(m)
                if f is not None:
                    out.setdefault(m.name.split("/", 1)[-1] if "/" in m.name else m.name, f.read())
    return out


def metadata_author(files: dict[str, bytes]) -> str:
    """The author or maintainer field of the package's own metadata (``package.json``, ``PKG-INFO``)."""
    if "package.json" in files:
        try:
            meta = json.loads(files["package.json"])
        except ValueError:
            return ""
        author = meta.get("author") or (meta.get("maintainers") or [""])[0]
        return str(author.get("name", "") if isinstance(author, dict) else author)
    if "PKG-INFO" in files:
        text = files["PKG-INFO"].decode("utf-8", "replace")
        for key in ("Author", "Maintainer", "Author-email", "Maintainer-email"):
            m = re.search(rf"^{key}: *(.+)$", text, re.MULTILINE)
            if m and m.group(1).strip() not in ("", "UNKNOWN"):
                return m.group(1).strip()
    return ""


# --------------------------------------------------------------------------- extraction


@dataclass
class Impl:
    """One extracted implementation."""

    entry: Entry
    path: str
    text: bytes
    archive: str
    metadata_author: str
    id: str = ""
    lines: int = 0

    def __post_init__(self) -> None:
        e = self.entry
        self.id = f"{e.registry}:{e.package}=={e.version}:{self.path}#{e.function}"
        self.lines = nonblank(self.text)

    def record(self) -> dict[str, object]:
        """What ``sources.json`` says about this implementation."""
        e = self.entry
        return {"id": self.id, "task": e.task, "language": e.language, "registry": e.registry,
                "package": e.package, "version": e.version, "path": self.path, "function": e.function,
                "author": e.author, "metadata_author": self.metadata_author, "lines": self.lines,
                "parse_errors": parse_errors(e.language, self.text),
                "sha256": hashlib.sha256(self.text).hexdigest()}


def nonblank(text: bytes) -> int:
    """Number of non-blank lines."""
    return sum(1 for line in text.split(b"\n") if line.strip())


def _name_of(node, src: bytes) -> str | None:  # noqa: ANN001 - tree_sitter.Node
    """The declared name of a definition node, if it has one."""
    if node.type == "function_definition" and node.child_by_field_name("declarator") is not None \
            and node.child_by_field_name("name") is None:
        return _c_function_name(node, src)
    name = node.child_by_field_name("name")
    if name is not None:
        return src[name.start_byte:name.end_byte].decode()
    if node.type == "variable_declarator":
        return None
    return None


def _c_function_name(node, src: bytes) -> str | None:  # noqa: ANN001
    decl = node.child_by_field_name("declarator")
    while decl is not None and decl.type != "identifier":
        inner = decl.child_by_field_name("declarator")
        if inner is None:
            break
        decl = inner
    if decl is not None and decl.type == "identifier":
        return src[decl.start_byte:decl.end_byte].decode()
    return None


DEFINITIONS = {
    "python": {"function_definition", "class_definition"},
    "javascript": {"function_declaration", "generator_function_declaration", "class_declaration",
                   "method_definition"},
    "java": {"method_declaration", "class_declaration", "constructor_declaration"},
    "c": {"function_definition"},
}
JS_FUNCTION_VALUES = {"function_expression", "arrow_function", "class", "function"}


def _walk(node) -> Iterator:  # noqa: ANN001
    stack = [node]
    while stack:
        cur = stack.pop()
        yield cur
        stack.extend(reversed(cur.children))


def _js_target(node, src: bytes) -> str | None:  # noqa: ANN001
    """The name a JavaScript function value is bound to (``const f = ...``, ``module.exports = ...``)."""
    if node.type == "variable_declarator":
        value = node.child_by_field_name("value")
        if value is not None and value.type in JS_FUNCTION_VALUES:
            name = node.child_by_field_name("name")
            return src[name.start_byte:name.end_byte].decode() if name is not None else None
    if node.type == "assignment_expression":
        left = node.child_by_field_name("left")
        return src[left.start_byte:left.end_byte].decode() if left is not None else None
    if node.type == "pair":
        value, key = node.child_by_field_name("value"), node.child_by_field_name("key")
        if value is not None and key is not None and value.type in JS_FUNCTION_VALUES:
            return src[key.start_byte:key.end_byte].decode().strip("'\"")
    return None


def _statement(node):  # noqa: ANN001, ANN202
    """The statement holding a JavaScript binding (declaration or expression statement)."""
    if node.type == "pair":
        return node
    cur = node
    while cur.parent is not None and cur.type not in (
            "lexical_declaration", "variable_declaration", "expression_statement"):
        cur = cur.parent
    if cur.parent is not None and cur.parent.type == "export_statement":
        cur = cur.parent
    return cur


def find_definition(src: bytes, language: str, function: str):  # noqa: ANN201
    """The node defining ``function`` (``Class.member`` looks inside that class), or None."""
    owner, member = "", function
    if "." in function and (language != "javascript" or function.split(".")[0] in _class_names(src, language)):
        owner, _, member = function.rpartition(".")
    tree = parse(language, src)
    scope = tree.root_node
    if owner:
        found = _first(scope, src, language, owner)
        if found is None:
            return None
        scope = found
    return _first(scope, src, language, member, skip_root=bool(owner))


def _class_names(src: bytes, language: str) -> set[str]:
    tree = parse(language, src)
    return {n for node in _walk(tree.root_node) if "class" in node.type and (n := _name_of(node, src))}


def _first(scope, src: bytes, language: str, name: str, skip_root: bool = False):  # noqa: ANN001, ANN202
    for node in _walk(scope):
        if skip_root and node == scope:
            continue
        if node.type in DEFINITIONS[language] and _name_of(node, src) == name:
            return node
        if language == "javascript" and _js_target(node, src) == name:
            return _statement(node)
    return None


def _with_comments(node, src: bytes) -> int:  # noqa: ANN001
    """Start byte of ``node`` extended over the comments (and decorators) right before it."""
    if node.parent is not None and node.parent.type in ("decorated_definition", "export_statement"):
        node = node.parent
    start = node.start_byte
    prev = node.prev_sibling
    while prev is not None and "comment" in prev.type and src[prev.end_byte:start].count(b"\n") <= 1:
        start = prev.start_byte
        prev = prev.prev_sibling
    return start


def _enclosing_class(node, src: bytes) -> str | None:  # noqa: ANN001
    cur = node.parent
    while cur is not None:
        if cur.type in ("class_declaration", "class_definition", "class", "interface_declaration",
                        "enum_declaration"):
            return _name_of(cur, src) or "Impl"
        cur = cur.parent
    return None


def _owns(stmt, src: bytes, name: str) -> bool:  # noqa: ANN001
    """Whether a statement declares constructor ``name`` or assigns to one of its members."""
    head = src[stmt.start_byte:stmt.end_byte]
    if stmt.type == "function_declaration":
        return _name_of(stmt, src) == name
    if stmt.type in ("lexical_declaration", "variable_declaration"):
        return re.match(rb"(var|let|const)\s+" + re.escape(name.encode()) + rb"\s*=", head) is not None
    return stmt.type == "expression_statement" and head.startswith(name.encode() + b".")


def cut_prototype(src: bytes, name: str) -> bytes | None:
    """A JavaScript constructor ``name`` with the ``name.prototype.x = ...`` / ``name.x = ...`` beside it."""
    root = parse("javascript", src).root_node
    ctor = next((n if n.type == "function_declaration" else _statement(n) for n in _walk(root)
                 if (n.type == "function_declaration" and _name_of(n, src) == name)
                 or (n.type == "variable_declarator" and _js_target(n, src) == name)), None)
    if ctor is None or ctor.parent is None:
        return None
    parts = [src[_with_comments(stmt, src):stmt.end_byte] for stmt in ctor.parent.named_children
             if _owns(stmt, src, name)]
    body = textwrap.dedent("\n\n".join(p.decode("utf-8", "replace") for p in parts))
    return (body.strip("\n") + "\n").encode()


def cut(src: bytes, language: str, function: str) -> bytes | None:
    """The text of ``function`` from ``src``, made to parse on its own; None when it is not there."""
    if language == "javascript" and function.endswith("+prototype"):
        return cut_prototype(src, function.removesuffix("+prototype"))
    node = find_definition(src, language, function)
    if node is None:
        return None
    start = _with_comments(node, src)
    line_start = src.rfind(b"\n", 0, start) + 1
    prefix = src[line_start:start]
    body = (prefix if not prefix.strip() else b"") + src[start:node.end_byte]
    text = textwrap.dedent(body.decode("utf-8", "replace")).strip("\n") + "\n"
    owner = _enclosing_class(node, src)
    if owner is not None and (language == "java" or (language == "javascript" and node.type == "method_definition")):
        text = f"class {owner} {{\n" + textwrap.indent(text, "    ") + "}\n"
    elif node.type == "pair":
        text = "module.exports = {\n" + textwrap.indent(text.rstrip("\n"), "    ") + "\n};\n"
    return text.encode()


def extract(entry: Entry, work: Path) -> tuple[Impl | None, str]:
    """The implementation an entry names and ``ok``, or None and why not."""
    archive = fetch(entry.registry, entry.package, entry.version, work)
    files = members(archive)
    candidates = sorted(p for p in files if matches(p, (entry.path,)) and p.endswith(PYTHON_SUFFIX[entry.language]))
    if not candidates:
        return None, "no file matches"
    for path in candidates:
        src = files[path]
        if entry.function.removesuffix("+prototype").rsplit(".", 1)[-1].encode() not in src:
            continue
        text = cut(src, entry.language, entry.function)
        if text is None:
            continue
        impl = Impl(entry, path, text, archive.name, metadata_author(files))
        if parse_errors(entry.language, text) > MAX_PARSE_ERRORS.get(entry.language, 0):
            return None, f"parse errors in {path}"
        if not MIN_LINES <= impl.lines <= MAX_LINES:
            return None, f"{impl.lines} lines in {path}"
        return impl, "ok"
    return None, "function not found"


# --------------------------------------------------------------------------- disguise


@dataclass(frozen=True)
class Chain:
    """Disguise one implementation at every level (the job of one worker)."""

    id: str
    language: str
    seed: int
    text: bytes


@dataclass
class ChainResult:
    """The copy of each level (None when skipped) and what happened to each step and level."""

    copies: dict[int, bytes | None] = field(default_factory=dict)
    status: dict[int, str] = field(default_factory=dict)
    dropped_steps: list[str] = field(default_factory=list)


def seed_for(*parts: object) -> str:
    """A seed string from the split seed and a job's identity."""
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def _step(src: bytes, language: str, family: str, rng: random.Random) -> bytes | None:
    """One family applied to ``src``; None when it fails or adds a parse error."""
    try:
        out = FAMILIES[family](src, language, STRENGTH, rng)
    except Exception:  # noqa: BLE001 - a failing step is dropped, not fatal
        return None
    if parse_errors(language, out) > parse_errors(language, src):
        return None
    return out


def run_chain(job: Chain) -> ChainResult:
    """Levels 1..6 of one implementation, each on top of the one below."""
    result = ChainResult()
    base_errors = parse_errors(job.language, job.text)
    current = job.text
    for level, families in enumerate(LEVELS, start=1):
        before = current
        for family in families:
            out = _step(current, job.language, family, random.Random(seed_for(job.seed, job.id, level, family)))
            if out is None:
                result.dropped_steps.append(f"L{level}:{family}")
            else:
                current = out
        if current == before or current == job.text:
            result.copies[level], result.status[level] = None, "unchanged"
        elif parse_errors(job.language, current) > base_errors:
            result.copies[level], result.status[level] = None, "parse-error"
        else:
            result.copies[level], result.status[level] = current, "ok"
    return result


# --------------------------------------------------------------------------- output


def size_band(lines: int) -> str:
    """The size band of a pair (from the smaller file's non-blank line count)."""
    if lines < 15:
        return "<15"
    if lines < 30:
        return "15-29"
    if lines < 60:
        return "30-59"
    return "60+"


class Writer:
    """Writes files under ``files/<language>/`` with seed-derived names (paths leak no label)."""

    def __init__(self, root: Path, seed: int) -> None:
        self.root = root
        self.seed = seed
        self.paths: dict[str, str] = {}

    def put(self, key: str, language: str, text: bytes) -> str:
        """The relative path of ``key`` (written on first use)."""
        if key not in self.paths:
            digest = hashlib.sha256(f"{self.seed}|{key}".encode()).hexdigest()[:12]
            rel = f"files/{language}/{digest}{EXTENSION[language]}"
            (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
            (self.root / rel).write_bytes(text)
            self.paths[key] = rel
        return self.paths[key]


def _row(a: str, b: str, label: int, family: str, strength: int, impl: Impl, origin: str, lines: int
         ) -> dict[str, object]:
    return {"a": a, "b": b, "label": label, "family": family, "strength": strength,
            "language": impl.entry.language, "origin": origin, "task": impl.entry.task, "size": size_band(lines)}


def positive_rows(impls: list[Impl], results: list[ChainResult], writer: Writer) -> list[dict[str, object]]:
    """(original, copy) at every level that was emitted."""
    rows = []
    for impl, res in zip(impls, results):
        for level in range(1, len(LEVELS) + 1):
            copy = res.copies.get(level)
            if copy is None:
                continue
            a = writer.put(impl.id, impl.entry.language, impl.text)
            b = writer.put(f"{impl.id}#L{level}", impl.entry.language, copy)
            rows.append(_row(a, b, 1, f"L{level}", level, impl, impl.id, min(impl.lines, nonblank(copy))))
    return rows


def negative_rows(impls: list[Impl], writer: Writer) -> list[dict[str, object]]:
    """Every unordered same-task same-language pair of implementations."""
    groups: dict[tuple[str, str], list[Impl]] = {}
    for impl in impls:
        groups.setdefault((impl.entry.task, impl.entry.language), []).append(impl)
    rows = []
    for _, group in sorted(groups.items()):
        for x, y in combinations(group, 2):
            a = writer.put(x.id, x.entry.language, x.text)
            b = writer.put(y.id, y.entry.language, y.text)
            rows.append(_row(a, b, 0, "neg-same-task", 0, x, f"{x.id}|{y.id}", min(x.lines, y.lines)))
    return rows


def _stats(impls: list[Impl], results: list[ChainResult], rows: list[dict[str, object]],
           failures: dict[str, str]) -> dict[str, object]:
    per_task: dict[str, dict[str, int]] = {}
    for impl in impls:
        per_task.setdefault(impl.entry.task, Counter())[impl.entry.language] += 1  # type: ignore[index]
    levels: Counter[str] = Counter()
    dropped: Counter[str] = Counter()
    for impl, res in zip(impls, results):
        for level, status in res.status.items():
            levels[f"L{level}/{impl.entry.language}/{status}"] += 1
        dropped.update(f"{s}/{impl.entry.language}" for s in res.dropped_steps)
    pairs: Counter[str] = Counter(f"{r['family']}/{r['language']}" for r in rows)
    by_task: Counter[str] = Counter(f"{r['task']}/{r['language']}/{'pos' if r['label'] else 'neg'}" for r in rows)
    sizes: Counter[str] = Counter(f"{r['size']}/{'pos' if r['label'] else 'neg'}" for r in rows)
    return {"pairs": len(rows), "positives": sum(1 for r in rows if r["label"] == 1),
            "negatives": sum(1 for r in rows if r["label"] == 0),
            "implementations": {t: dict(sorted(c.items())) for t, c in sorted(per_task.items())},
            "pairs_by_family_language": dict(sorted(pairs.items())), "pairs_by_task": dict(sorted(by_task.items())),
            "pairs_by_size": dict(sorted(sizes.items())), "level_jobs": dict(sorted(levels.items())),
            "skipped_levels": sum(n for k, n in levels.items() if not k.endswith("/ok")),
            "dropped_steps": dict(sorted(dropped.items())), "strength": STRENGTH,
            "levels": {f"L{i}": list(f) for i, f in enumerate(LEVELS, start=1)},
            "entries_not_used": failures}


def _sources(split: str, impls: list[Impl], work: Path) -> dict[str, object]:
    pinned: dict[str, dict[str, object]] = {}
    for impl in impls:
        e = impl.entry
        if e.source_key not in pinned:
            archive = fetch(e.registry, e.package, e.version, work)
            pinned[e.source_key] = {"registry": e.registry, "name": e.package, "version": e.version,
                                    "archive": archive.name, "sha256": hashlib.sha256(archive.read_bytes()).hexdigest(),
                                    "metadata_author": impl.metadata_author}
    return {"split": split, "seed": SPLIT_SEEDS[split], "strength": STRENGTH,
            "sources": [pinned[k] for k in sorted(pinned)], "implementations": [i.record() for i in impls]}


def build_split(split: str, out_root: Path, work: Path, workers: int) -> dict[str, object]:
    """Extract, disguise and write one split; returns its stats."""
    seed = SPLIT_SEEDS[split]
    impls: list[Impl] = []
    failures: dict[str, str] = {}
    for entry in ENTRIES:
        if TASK_SPLIT[entry.task] != split:
            continue
        impl, why = extract(entry, work)
        if impl is None:
            failures[f"{entry.source_key}:{entry.path}#{entry.function}"] = why
            print(f"skip {entry.task}/{entry.language} {entry.package}: {why}", file=sys.stderr)
        else:
            impls.append(impl)
    impls.sort(key=lambda i: (i.entry.task, i.entry.language, i.id))
    jobs = [Chain(i.id, i.entry.language, seed, i.text) for i in impls]
    if workers > 1:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.map(run_chain, jobs, chunksize=4)
    else:
        results = [run_chain(j) for j in jobs]
    out = out_root / split
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    writer = Writer(out, seed)
    rows = positive_rows(impls, results, writer) + negative_rows(impls, writer)
    with (out / "pairs.csv").open("w", newline="", encoding="utf-8") as handle:
        w = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    (out / "sources.json").write_text(json.dumps(_sources(split, impls, work), indent=1, sort_keys=True) + "\n")
    stats = _stats(impls, results, rows, failures)
    (out / "stats.json").write_text(json.dumps(stats, indent=1, sort_keys=True) + "\n")
    return stats


def report_extraction(work: Path) -> int:
    """Print, per entry, the lines extracted or why nothing was."""
    for entry in ENTRIES:
        try:
            impl, why = extract(entry, work)
        except Exception as exc:  # noqa: BLE001 - a report, not a build
            impl, why = None, f"{type(exc).__name__}: {exc}"
        lines = impl.lines if impl else 0
        print(f"{entry.task:18} {entry.language:10} {entry.package:28} {lines:4} {why}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line: build the requested splits."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=HERE / "data")
    ap.add_argument("--work", type=Path, default=HERE / "work", help="download cache (registry/ inside)")
    ap.add_argument("--splits", default=",".join(SPLIT_SEEDS))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--extract-only", action="store_true", help="only report what each entry extracts to")
    args = ap.parse_args(argv)
    check()
    if args.extract_only:
        return report_extraction(args.work.resolve())
    for split in (s for s in args.splits.split(",") if s):
        if split not in SPLIT_SEEDS:
            raise SystemExit(f"unknown split {split}")
        stats = build_split(split, args.out, args.work.resolve(), args.workers)
        brief = {k: stats[k] for k in ("pairs", "positives", "negatives", "skipped_levels")}
        print(split, json.dumps(brief, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
