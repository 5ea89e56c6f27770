"""Validate generated text-alignment data and print a summary table (not part of the test suite).

    .venv/bin/python benchmarks/text/check_generator.py benchmarks/text/data              # every split found
    .venv/bin/python benchmarks/text/check_generator.py DATA --compare OTHER_DATA          # byte-for-byte rebuild

For every pair of ``pairs.jsonl`` (and ``speed/pairs.jsonl``): the schema, that A decodes as UTF-8 and B in
its declared encoding (and that GB18030/Big5 files are not valid UTF-8, so decoding is really exercised),
label 1 exactly when there are cases, spans inside the texts and not overlapping, each inserted span starting
at a sentence boundary of B, and per obfuscation: ``verbatim`` spans identical, ``script`` spans equal to the
OpenCC conversion of the source span, every other positive span different from its source, ``summary`` spans
20-50 % of the source's length. Also document sizes, counts per language x obfuscation x strength, encodings
and scripts, and that the splits share no original document. Exit status 1 on any problem.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from catalogue import DOC_SIZE
from obfuscate import FAMILIES, STRENGTHS
from scripts import convert
from separate import NAME as SEPARATE
from separate import PARTS as SEPARATE_PARTS
from works import units

KEYS = ("id", "a", "b", "label", "lang", "obfuscation", "strength", "encoding_b", "script_a", "script_b", "cases")
CASE_KEYS = ("a_start", "a_end", "b_start", "b_end", "obfuscation")
NEGATIVES = ("neg-same-author", "neg-same-genre", "neg-common-phrases")
_BOUNDARY_BEFORE = set(".!?'\"’”)]`:;。！？」』”’）…\n")


def _at_boundary(text: str, pos: int) -> bool:
    """Whether ``pos`` follows a sentence end (or the start of the text), ignoring whitespace."""
    i = pos
    while i > 0 and text[i - 1] in " \t\n":
        if text[i - 1] == "\n":
            return True
        i -= 1
    return i == 0 or text[i - 1] in _BOUNDARY_BEFORE


def _overlaps(spans: list[tuple[int, int]]) -> bool:
    spans = sorted(spans)
    return any(b[0] < a[1] for a, b in zip(spans, spans[1:]))


def check_pairs(folder: Path, size_bounds: bool) -> tuple[list[str], dict[str, Any]]:
    """Problems found in one pairs folder and its statistics."""
    problems: list[str] = []
    rows = [json.loads(line) for line in (folder / "pairs.jsonl").read_text(encoding="utf-8").splitlines()]
    ids = [r["id"] for r in rows]
    if ids != sorted(ids) or len(set(ids)) != len(ids):
        problems.append("ids not sorted or not unique")
    texts: dict[tuple[str, str], str] = {}
    cells: Counter[tuple[str, str, str]] = Counter()
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    sizes: dict[str, list[int]] = defaultdict(list)
    ratios: dict[str, list[float]] = defaultdict(list)

    def text(rel: str, encoding: str) -> str:
        if (rel, encoding) not in texts:
            data = (folder / rel).read_bytes()
            texts[(rel, encoding)] = data.decode(encoding)
            if encoding != "utf-8":
                try:
                    data.decode("utf-8")
                    problems.append(f"{rel}: {encoding} file is also valid UTF-8")
                except UnicodeDecodeError:
                    stats["decoding"][f"{encoding} (not UTF-8)"] += 1
        return texts[(rel, encoding)]

    for r in rows:
        pid = r["id"]
        if tuple(r) != KEYS:
            problems.append(f"{pid}: keys {list(r)}")
            continue
        try:
            a, b = text(r["a"], "utf-8"), text(r["b"], r["encoding_b"])
        except (OSError, UnicodeDecodeError, LookupError) as exc:
            problems.append(f"{pid}: cannot read: {exc}")
            continue
        lang, obf, cases = r["lang"], r["obfuscation"], r["cases"]
        cells[(lang, obf, str(r["strength"] or "-"))] += 1
        stats["encoding_b"][f"{lang}/{r['encoding_b']}"] += 1
        if lang == "zh":
            stats["scripts"][f"{r['script_a']}->{r['script_b']}"] += 1
        valid = (*FAMILIES[lang], SEPARATE) if r["label"] == 1 else NEGATIVES
        if obf not in valid or (r["label"] == 1) != bool(cases):
            problems.append(f"{pid}: label {r['label']} with obfuscation {obf} and {len(cases)} cases")
        if r["label"] == 1 and r["strength"] not in STRENGTHS[obf]:
            problems.append(f"{pid}: strength {r['strength']} for {obf}")
        sizes[f"{lang}/A"].append(units(a, lang))
        sizes[f"{lang}/B"].append(units(b, lang))
        a_spans, b_spans = [], []
        for c in cases:
            if tuple(c) != CASE_KEYS or c["obfuscation"] not in ((obf,) if obf != SEPARATE else SEPARATE_PARTS):
                problems.append(f"{pid}: bad case {c}")
                continue
            if not (0 <= c["a_start"] < c["a_end"] <= len(a) and 0 <= c["b_start"] < c["b_end"] <= len(b)):
                problems.append(f"{pid}: case out of range {c}")
                continue
            a_spans.append((c["a_start"], c["a_end"]))
            b_spans.append((c["b_start"], c["b_end"]))
            src, dst = a[c["a_start"]:c["a_end"]], b[c["b_start"]:c["b_end"]]
            kind = c["obfuscation"]  # a separate-passages pair: each case has its own
            stats["cases"][lang] += 1
            if not _at_boundary(b, c["b_start"]):
                problems.append(f"{pid}: case at B {c['b_start']} is not at a sentence boundary")
            if not _at_boundary(a, c["a_start"]):
                problems.append(f"{pid}: case at A {c['a_start']} is not at a sentence boundary")
            if kind == "verbatim" and src != dst:
                problems.append(f"{pid}: verbatim case differs")
            elif kind == "script":
                expected = convert(src, r["script_a"], r["script_b"], r["encoding_b"] == "big5")
                if expected != dst:
                    problems.append(f"{pid}: script case is not the OpenCC conversion of its source")
            elif kind != "verbatim" and src == dst:
                problems.append(f"{pid}: {kind} case identical to its source")
            if kind == "summary":
                ratio = units(dst, lang) / max(1, units(src, lang))
                ratios[lang].append(ratio)
                if not 0.2 <= ratio <= 0.5:
                    problems.append(f"{pid}: summary ratio {ratio:.2f}")
        if _overlaps(a_spans) or _overlaps(b_spans):
            problems.append(f"{pid}: overlapping cases")
    if size_bounds:
        for key, values in sizes.items():
            lo, hi = DOC_SIZE[key.split("/")[0]]
            outside = sum(1 for v in values if not lo <= v <= hi)
            if outside:
                problems.append(f"{key}: {outside} documents outside {lo}-{hi}")
    summary = {
        "pairs": len(rows),
        "files": len({r["a"] for r in rows} | {r["b"] for r in rows}),
        "cells": {f"{lang}/{obf}/{s}": n for (lang, obf, s), n in sorted(cells.items())},
        "stats": {k: dict(sorted(v.items())) for k, v in sorted(stats.items())},
        "sizes": {k: [min(v), round(sum(v) / len(v)), max(v)] for k, v in sorted(sizes.items())},
        "summary_ratio": {k: [round(min(v), 2), round(sum(v) / len(v), 2), round(max(v), 2)]
                          for k, v in sorted(ratios.items())},
    }
    return problems, summary


def table(summary: dict[str, Any]) -> str:
    """Counts per language x obfuscation x strength as a Markdown table."""
    langs = sorted({k.split("/")[0] for k in summary["cells"]})
    rows: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for key, n in summary["cells"].items():
        lang, obf, strength = key.split("/")
        rows[(obf, strength)][lang] = n
    order = [f for lang in ("zh", "en") for f in (*FAMILIES[lang], SEPARATE)] + list(NEGATIVES)
    keys = sorted(rows, key=lambda k: (order.index(k[0]) if k[0] in order else 99, k[1]))
    lines = ["| obfuscation | strength | " + " | ".join(langs) + " |",
             "| --- | --- | " + " | ".join("---:" for _ in langs) + " |"]
    for obf, strength in keys:
        lines.append(f"| {obf} | {strength} | " + " | ".join(str(rows[(obf, strength)].get(lg, 0)) for lg in langs)
                     + " |")
    totals = {lg: sum(n for k, n in summary["cells"].items() if k.startswith(lg + "/")) for lg in langs}
    lines.append("| **total** | | " + " | ".join(str(totals[lg]) for lg in langs) + " |")
    return "\n".join(lines)


def _digest_tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path)
    ap.add_argument("--compare", type=Path, help="another data folder that must hold identical bytes")
    ap.add_argument("--json", action="store_true", help="also print the full statistics as JSON")
    args = ap.parse_args(argv)
    ok = True
    docs_by_split: dict[str, set[str]] = {}
    report: dict[str, Any] = {}
    for split in ("tune", "test"):
        folder = args.data / split
        if not (folder / "pairs.jsonl").exists():
            continue
        for name, sub, bounded in ((split, folder, True), (f"{split}/speed", folder / "speed", False)):
            problems, summary = check_pairs(sub, bounded)
            report[name] = summary
            print(f"\n## {name}: {summary['pairs']} pairs, {summary['files']} files, "
                  f"{len(problems)} problems")
            print(table(summary))
            print(f"sizes (min/mean/max, words or characters): {summary['sizes']}")
            print(f"encodings: {summary['stats'].get('encoding_b')}; decoding checked: "
                  f"{summary['stats'].get('decoding')}; scripts: {summary['stats'].get('scripts')}")
            print(f"cases: {summary['stats'].get('cases')}; summary length / source: {summary['summary_ratio']}")
            for p in problems[:20]:
                print("  PROBLEM", p)
            ok = ok and not problems
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        docs_by_split[split] = {d for w in manifest["catalogue"]["works"] for d in w["documents_in_split"]}
    if len(docs_by_split) == 2:
        shared = docs_by_split["tune"] & docs_by_split["test"]
        print(f"\noriginal documents: tune {len(docs_by_split['tune'])}, test {len(docs_by_split['test'])}, "
              f"shared {len(shared)}")
        ok = ok and not shared
    if args.compare:
        a, b = _digest_tree(args.data), _digest_tree(args.compare)
        diff = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        print(f"\ncompare: {len(a)} files, {len(diff)} differ {diff[:5]}")
        ok = ok and not diff
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True))
    print("OK" if ok else "PROBLEMS FOUND", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
