"""The layering of ``shared/DESIGN.md``, checked on the source: who may import whom, who prints.

- ``comparators/`` imports nothing from ``appraisal/`` (a comparator is a pure library);
- the report builder runs no comparator: ``appraisal/report/`` imports from ``comparators``
  only helpers that compare nothing (hashing, canonical JSON, errors, text decoding, and for
  image and audio exhibits the readers and the exhibit drawings, which draw stored regions);
- only the CLI prints for humans or decides exit codes;
- only custody writes a case (SQL writes, audit entries and transactions stay in ``appraisal/custody/``);
- no import circle between the modules of ``appraisal/`` and ``comparators/``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT_MAY_IMPORT = {"comparators.hashing", "comparators.canonical", "comparators.errors", "comparators.textio",
                     "comparators.text.read", "comparators.image.read", "comparators.image.exhibit",
                     "comparators.audio.read", "comparators.audio.exhibit",
                     "comparators.binary.read", "comparators.binary.disasm"}  # reading to show, not comparing
CLI = {"appraisal/cli.py"}


def _modules(*folders: str) -> dict[str, Path]:
    found = {}
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            found[".".join(parts)] = path
    return found


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_comparators_import_nothing_from_appraisal() -> None:
    bad = [(name, imp) for name, path in _modules("comparators").items() for imp in _imports(path)
           if imp == "appraisal" or imp.startswith("appraisal.")]
    assert bad == []


def test_report_builder_runs_no_comparator() -> None:
    bad = []
    for name, path in _modules("appraisal/report").items():
        for imp in _imports(path):
            if imp == "comparators" or imp.startswith("comparators."):
                if not any(imp == ok or imp.startswith(ok + ".") for ok in REPORT_MAY_IMPORT):
                    bad.append((name, imp))
            if imp.startswith("appraisal.batch"):
                bad.append((name, imp))
    assert bad == []


def _prints_or_exits(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in ("print", "exit", "quit"):
                lines.append(node.lineno)
            elif isinstance(func, ast.Attribute) and func.attr in ("exit", "_exit", "write"):
                owner = func.value
                text = ast.unparse(owner)
                if text in ("sys", "os", "sys.stdout", "sys.stderr"):
                    lines.append(node.lineno)
        elif isinstance(node, ast.Raise) and node.exc is not None and "SystemExit" in ast.unparse(node.exc):
            lines.append(node.lineno)
    return lines


def test_only_the_cli_prints_and_exits() -> None:
    bad = {}
    for name, path in {**_modules("appraisal"), **_modules("comparators")}.items():
        if str(path.relative_to(ROOT)) in CLI:
            continue
        hits = _prints_or_exits(path)
        if hits:
            bad[name] = hits
    assert bad == {}


def test_no_import_circle() -> None:
    modules = {**_modules("appraisal"), **_modules("comparators")}
    graph = {name: sorted({imp for imp in _imports(path) if imp in modules and imp != name})
             for name, path in modules.items()}
    # a package's __init__ re-exporting its own modules is not a circle of the layout
    for name in graph:
        graph[name] = [t for t in graph[name] if not (name.startswith(t + ".") and modules[t].name == "__init__.py")]
    seen: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        seen[node] = 1
        stack.append(node)
        for nxt in graph[node]:
            if seen.get(nxt) == 1:
                circles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in seen:
                visit(nxt)
        stack.pop()
        seen[node] = 2

    for name in sorted(graph):
        if name not in seen:
            visit(name)
    assert circles == []


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """The detectors see what they are meant to see."""
    sample = tmp_path / "m.py"
    sample.write_text("import sys\nfrom appraisal.custody import Case\nprint(1)\nsys.exit(2)\n", encoding="utf-8")
    assert _prints_or_exits(sample) == [3, 4]
    assert "appraisal.custody" in _imports(sample)


def test_only_custody_writes_a_case() -> None:
    """Review and report change a case only through custody's recording calls."""
    writes = ("INSERT INTO", "UPDATE ", "DELETE FROM", "._log(", "._write_head(", "store.transaction(")
    bad = {}
    for name, path in _modules("appraisal").items():
        if name.startswith("appraisal.custody"):
            continue
        text = path.read_text(encoding="utf-8")
        hits = [w for w in writes if w in text]
        if hits:
            bad[name] = hits
    assert bad == {}
