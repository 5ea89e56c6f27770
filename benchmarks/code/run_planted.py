"""Planted-work retrieval, code: a Java file W copied into 1 %, 5 % and 20 % of 5,000 real source files.

    .venv/bin/python benchmarks/code/run_planted.py [--items 5000] [--refs 200] [--shares 0.01,0.05,0.2]

Items are every acceptable source file (50-600 lines, parsed without error; tests excluded; distinct by
SHA-256) of the pinned packages of both splits of ``catalogue.py`` (downloaded once into ``work/`` by
``sources.fetch``): mostly the JDK's own sources, plus C, Python and JavaScript. W is a JDK file of 250-450
lines. A copy (of W or of a control reference) is disguised with ``comments`` and ``rename`` at strength 1
or 2 each, and embedded after a prefix of the host's own top-level units (for Java: the host's class
with its first members), so the planted suspects are near-duplicates of one another. See
``benchmarks/common/planted.py`` for the layout and the measures; the section goes to ``RESULTS.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shlex
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for _path in (HERE, HERE.parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from catalogue import _TESTS, SPLITS  # noqa: E402
from common.planted import Item, Plan, report, run_all  # noqa: E402
from disguise import FAMILIES  # noqa: E402
from langs import EXTENSION, parse, parse_errors  # noqa: E402
from sources import acceptable, fetch, matches, members  # noqa: E402
from speed import _strip_headers  # noqa: E402

THRESHOLD = 0.35  # best-F1 threshold of the tune split, comparator 0.5.0: 0.3495 (RESULTS.md, accuracy:tune)
NOTES: tuple[str, ...] = ()  # extra lines for the RESULTS.md section
CONTAINERS = {"class_declaration", "interface_declaration", "enum_declaration", "class_definition",
              "class", "record_declaration"}
CLOSE = {"java": b"\n}\n", "javascript": b"\n}\n", "python": b"\n", "c": b"\n}\n"}


def pool(work: Path) -> list[Item]:
    """Every acceptable, distinct source file of the pinned archives of both splits."""
    archives: dict[Path, set[str]] = {}
    for split in SPLITS.values():
        for source in split.sources:
            archive, _ = fetch(source, work)
            archives.setdefault(archive, set()).add(source.language)
    seen: set[bytes] = set()
    items: list[Item] = []
    for archive, languages in sorted(archives.items()):
        for path, data in members(archive):
            for lang in sorted(languages):
                if not path.endswith(EXTENSION[lang]) or matches(path, _TESTS):
                    continue
                digest = hashlib.sha256(data).digest()
                if digest not in seen and acceptable(data, lang):
                    seen.add(digest)
                    items.append(Item(f"{archive.name}:{path}", lang, EXTENSION[lang], data))
    return items


def is_w(item: Item) -> bool:
    """W: a JDK Java file of 250-450 lines."""
    return item.key.startswith("src.zip:") and item.group == "java" and 250 <= item.data.count(b"\n") <= 450


def disguise(item: Item, rng: random.Random) -> bytes:
    """``comments`` then ``rename``, each at strength 1 or 2 (a step that adds parse errors is dropped)."""
    src = item.data
    for family in ("comments", "rename"):
        try:
            out = FAMILIES[family](src, item.group, rng.choice((1, 2)), rng)
        except Exception:  # noqa: BLE001 - a failed step leaves the text as it was
            continue
        if parse_errors(item.group, out) <= parse_errors(item.group, src):
            src = out
    return src


def host_prefix(host: Item, budget: int) -> bytes:
    """The host's leading top-level units (and, inside a class, its leading members) within ``budget`` bytes."""
    src = host.data
    root = parse(host.group, src).root_node
    end = 0
    for node in root.named_children:
        if node.end_byte <= budget or node.type in ("package_declaration", "import_declaration"):
            end = node.end_byte
            continue
        body = node.child_by_field_name("body")
        if node.type in CONTAINERS and body is not None:
            kept = [m for m in body.named_children if m.end_byte <= budget]
            if kept:
                return src[:kept[-1].end_byte] + CLOSE[host.group]
        break
    return src[:end] + b"\n"


def embed(copy: bytes, host: Item, host_share: float, rng: random.Random) -> bytes:
    """The host's own leading content (about ``host_share`` x the copy's size), then the copy."""
    del rng
    head = host_prefix(host, int(host_share * len(copy)))
    return head + b"\n" + _strip_headers(copy, host.group)


def main(argv: list[str] | None = None) -> int:
    """Build the corpora, run ``appraisal batch`` per share, write the section of RESULTS.md."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=5000, help="suspects per share")
    ap.add_argument("--refs", type=int, default=200, help="references, W included")
    ap.add_argument("--controls", type=int, default=100)
    ap.add_argument("--shares", default="0.01,0.05,0.2")
    ap.add_argument("--host-share", type=float, default=0.25,
                    help="host content kept in a planted suspect, relative to the copy's size")
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="score a found pair must reach")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--work", type=Path, default=HERE / "work", help="download cache")
    ap.add_argument("--out", type=Path, default=HERE / "data" / "planted")
    ap.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--reuse", action="store_true",
                    help="evaluate the results (and timings) of an earlier run instead of running the CLI again")
    args = ap.parse_args(argv)
    items = pool(args.work)
    langs = sorted({i.group for i in items})
    counts = ", ".join(f"{lang} {sum(i.group == lang for i in items)}" for lang in langs)
    plan = Plan("code", items, is_w, disguise, embed, args.out / f"n{args.items}-h{args.host_share:g}",
                n_suspects=args.items, n_refs=args.refs, n_controls=args.controls,
                shares=tuple(float(s) for s in args.shares.split(",")), host_share=args.host_share,
                workers=args.workers,
                description=f"{len(items)} distinct real source files of the pinned packages of both splits "
                            f"({counts}); copies: `comments` + `rename` at strength 1-2 each")
    layout, outcomes = run_all(plan, args.threshold, reuse=args.reuse)
    import comparators
    from appraisal.version import tool_version
    version = f"code comparator {comparators.get('code').version}, workbench {tool_version()}"
    given = [a for a in (argv or sys.argv[1:]) if a != "--reuse"]
    command = shlex.join([".venv/bin/python", "benchmarks/code/run_planted.py", *given])
    notes = [*NOTES, *(["figures re-evaluated (`--reuse`) from the results.jsonl and timings this command wrote"]
                       if args.reuse else [])]
    print(report(args.results, command, plan, layout, args.threshold, outcomes, version, notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
