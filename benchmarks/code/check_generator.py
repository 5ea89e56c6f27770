"""Self-checks for generated benchmark data (not part of the test suite).

    .venv/bin/python benchmarks/code/check_generator.py benchmarks/code/data            # both splits
    .venv/bin/python benchmarks/code/check_generator.py DATA --compare OTHER_DATA       # byte-for-byte rebuild

Reports pair counts per family/strength/language, the share of generated files with new parse errors (after the
generator's own filter: should be 0), the generator's raw failure rates per family (before filtering), whether
positives differ from their originals, whether the splits share any original, and the speed sets' sizes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from langs import EXTENSION, parse_errors

LANG_OF_EXT = {v: k for k, v in EXTENSION.items()}


def _digest_tree(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def check_split(folder: Path) -> dict[str, object]:
    """Counts and parse-error rates for one split folder."""
    rows = list(csv.DictReader((folder / "pairs.csv").open()))
    errors: dict[str, int] = {}
    for rel in sorted({r["a"] for r in rows} | {r["b"] for r in rows}):
        path = folder / rel
        errors[rel] = parse_errors(LANG_OF_EXT[path.suffix], path.read_bytes())
    by_family: dict[str, Counter[str]] = defaultdict(Counter)
    same = 0
    for r in rows:
        fam = r["family"]
        by_family[fam]["pairs"] += 1
        if r["label"] == "1":
            by_family[fam]["new_parse_errors"] += errors[r["b"]] > errors[r["a"]]
            if (folder / r["a"]).read_bytes() == (folder / r["b"]).read_bytes():
                same += 1
    table = Counter((r["family"], r["strength"], r["language"]) for r in rows)
    stats = json.loads((folder / "stats.json").read_text())
    raw: dict[str, dict[str, float]] = {}
    for fam, per_strength in stats["jobs"].items():
        total: Counter[str] = Counter()
        for per_lang in per_strength.values():
            for counts in per_lang.values():
                total.update(counts)
        n = sum(total.values())
        raw[fam] = {k: round(v / n, 4) for k, v in sorted(total.items())} | {"jobs": n}
    speed = sorted((folder / "speed").glob("*"))
    lines = [p.read_bytes().count(b"\n") for p in speed]
    return {
        "pairs": len(rows),
        "labels": dict(Counter(r["label"] for r in rows)),
        "files_with_parse_errors": sum(1 for v in errors.values() if v),
        "files": len(errors),
        "positives_identical_to_original": same,
        "per_family": {f: dict(c) | {"new_parse_error_rate": round(c["new_parse_errors"] / c["pairs"], 4)}
                       for f, c in sorted(by_family.items())},
        "per_family_strength_language": {f"{f}/s{s}/{lang}": n for (f, s, lang), n in sorted(table.items())},
        "raw_job_outcomes": raw,
        "speed": {"files": len(speed), "mean_lines": round(sum(lines) / max(1, len(lines)), 1),
                  "languages": dict(Counter(LANG_OF_EXT[p.suffix] for p in speed))},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path)
    ap.add_argument("--compare", type=Path, help="another data folder that must hold identical bytes")
    args = ap.parse_args(argv)
    ok = True
    report: dict[str, object] = {}
    originals: dict[str, set[str]] = {}
    for split in ("tune", "test"):
        folder = args.data / split
        if not (folder / "pairs.csv").exists():
            continue
        report[split] = check_split(folder)
        src = json.loads((folder / "sources.json").read_text())
        originals[split] = {o["sha256"] for o in src["originals"]} | {t["sha256"] for t in src["tasks"]}
        originals[split + "-packages"] = {o["package"] for o in src["originals"]}
        if report[split]["files_with_parse_errors"] or report[split]["positives_identical_to_original"]:  # type: ignore[index]
            ok = False
    if "tune" in originals and "test" in originals:
        shared = originals["tune"] & originals["test"]
        shared_pk = originals["tune-packages"] & originals["test-packages"]
        report["shared_between_splits"] = {"originals": len(shared), "packages": sorted(shared_pk)}
        ok = ok and not shared and not shared_pk
    if args.compare:
        a, b = _digest_tree(args.data), _digest_tree(args.compare)
        diff = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
        report["compare"] = {"files": len(a), "differing": len(diff), "examples": diff[:10]}
        ok = ok and not diff
    json.dump(report, sys.stdout, indent=1, sort_keys=True)
    print()
    print("OK" if ok else "PROBLEMS FOUND", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
