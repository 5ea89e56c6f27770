"""Generate the labelled code-similarity benchmark for one split.

    .venv/bin/python benchmarks/code/generate.py --split tune --out benchmarks/code/data
    .venv/bin/python benchmarks/code/generate.py --split test --out benchmarks/code/data

Writes ``<out>/<split>/files/<language>/<name>``, ``pairs.csv`` (a,b,label,family,strength,language,origin),
``sources.json`` (seed, pinned sources, every original and task implementation with its hash), ``stats.json``
(what each disguise job produced) and the speed sets ``speed/`` and ``speed_single/``. Same inputs, same bytes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

from catalogue import SPLITS, Source, Split, check_disjoint
from disguise import DENSE_FAMILY, DENSE_STRENGTHS, FAMILIES, SINGLE_DENSE_LEVELS, STRENGTHS
from jobs import Job, run_all, seed_for
from langs import EXTENSION
from negatives import Doc, extra_same_domain_pairs, same_domain_pairs, same_task_pairs
from same_task import Impl, load
from sources import Original, candidates, select
from speed import build_many, build_single, write_manifest

HERE = Path(__file__).resolve().parent
PAIR_FIELDS = ("a", "b", "label", "family", "strength", "language", "origin")
TASK_LANGUAGES = ("java", "c", "python")


def _name(seed: int, *parts: object) -> str:
    return hashlib.sha256("|".join(map(str, (seed,) + parts)).encode()).hexdigest()[:12]


def _gather(split: Split, work: Path, languages: tuple[str, ...], min_lines: int, max_lines: int
            ) -> tuple[dict[str, list[Original]], dict[str, str]]:
    pools: dict[str, list[Original]] = {}
    used: dict[str, str] = {}
    for source in split.sources:
        if source.language not in languages:
            continue
        files, version = candidates(source, work, min_lines, max_lines)
        used[source.key] = version
        pools.setdefault(source.language, []).extend(files)
    return pools, used


def _source_record(s: Source, used: dict[str, str]) -> dict[str, object]:
    return {"registry": s.registry, "name": s.name, "version": s.version, "version_used": used.get(s.key, ""),
            "area": s.area, "language": s.language, "domain": s.domain, "include": list(s.include),
            "exclude": list(s.exclude), "key": s.key}


class Writer:
    """Writes files under ``files/<language>/`` with opaque, seed-derived names (no label leaks in paths)."""

    def __init__(self, root: Path, seed: int) -> None:
        self.root = root
        self.seed = seed
        self.paths: dict[str, str] = {}

    def put(self, doc_key: str, language: str, text: bytes) -> str:
        if doc_key in self.paths:
            return self.paths[doc_key]
        rel = f"files/{language}/{_name(self.seed, doc_key)}{EXTENSION[language]}"
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)
        self.paths[doc_key] = rel
        return rel


def generate(split: Split, out_root: Path, work: Path, per_language: int, languages: tuple[str, ...],
             workers: int, speed_files: int, speed_lines: int, speed_only: bool) -> dict[str, object]:
    """Build one split; returns a summary."""
    check_disjoint()
    out = out_root / split.name
    rng = random.Random(seed_for(split.seed, "select"))
    if not speed_only:
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        summary = _pairs(split, out, work, per_language, languages, workers, rng)
    else:
        summary = {}
        for sub in ("speed", "speed_single"):
            if (out / sub).exists():
                shutil.rmtree(out / sub)
    speed_pool, _ = _gather(split, work, ("java", "c", "python"), 120, 320)
    big_pool, _ = _gather(split, work, ("java", "c", "python"), 100, 600)
    rows = build_many(speed_pool, split.seed, out / "speed", speed_files, workers)
    write_manifest(rows, out / "speed_manifest.csv")
    single = build_single(big_pool, split.seed, out / "speed_single", speed_lines, workers)
    write_manifest(single, out / "speed_single_manifest.csv")
    summary["speed_files"] = len(rows)
    summary["speed_single"] = single
    return summary


def _pairs(split: Split, out: Path, work: Path, per_language: int, languages: tuple[str, ...], workers: int,
           rng: random.Random) -> dict[str, object]:
    pools, used = _gather(split, work, languages, 50, 600)
    originals = {lang: select(pools.get(lang, []), per_language, rng) for lang in languages}
    impls = load(split.tasks, tuple(lang for lang in TASK_LANGUAGES if lang in languages))
    # One implementation per task and language is also disguised (positives on small, same-task code).
    disguised_impl: dict[tuple[str, str], Impl] = {k: v[rng.randrange(len(v))] for k, v in sorted(impls.items())}
    docs: dict[str, tuple[Doc, bytes]] = {}
    for lang, files in originals.items():
        for o in files:
            docs[o.id] = (Doc(o.id, o.id, o.package, o.domain, lang, o.lines), o.text)
    for (task, lang), group in sorted(impls.items()):
        for impl in group:
            docs[impl.id] = (Doc(impl.id, impl.id, f"task:{task}", f"task:{task}", lang,
                                 impl.text.count(b"\n")), impl.text)
    sources_to_disguise = [d for d, _ in docs.values() if not d.key.startswith("task:")]
    sources_to_disguise += [docs[i.id][0] for i in disguised_impl.values()]
    ordered = sorted(sources_to_disguise, key=lambda d: d.key)
    jobs = [Job(d.key, d.language, fam, s, seed_for(split.seed, d.key, fam, s), docs[d.key][1])
            for d in ordered for fam in FAMILIES for s in STRENGTHS]
    # The dense combined levels (4, 5) come after the rest, so that everything of strengths 1-3 (files, pairs,
    # negatives) is exactly what it was without them; their rows are appended to pairs.csv.
    dense_jobs = [Job(d.key, d.language, DENSE_FAMILY, s, seed_for(split.seed, d.key, DENSE_FAMILY, s),
                      docs[d.key][1]) for d in ordered for s in DENSE_STRENGTHS]
    # Then the dense levels of the structural families alone, appended after the dense combined rows (so those,
    # and their negatives, stay what they were too).
    single_jobs = [Job(d.key, d.language, fam, s, seed_for(split.seed, d.key, fam, s), docs[d.key][1])
                   for d in ordered for fam, levels in SINGLE_DENSE_LEVELS.items() for s in levels]
    t0 = time.time()
    # Slowest jobs first, for an even load over the workers (outcomes come back in job order).
    all_outcomes = run_all(dense_jobs + single_jobs + jobs, workers)
    n_dense, n_single = len(dense_jobs), len(single_jobs)
    dense_outcomes = all_outcomes[:n_dense]
    single_outcomes = all_outcomes[n_dense:n_dense + n_single]
    outcomes = all_outcomes[n_dense + n_single:]
    print(f"{len(all_outcomes)} disguise jobs in {time.time() - t0:.1f}s", file=sys.stderr)
    writer = Writer(out, split.seed)
    rows: list[dict[str, object]] = []
    dense_rows: list[dict[str, object]] = []
    single_rows: list[dict[str, object]] = []
    stats: Counter[tuple[str, int, str, str]] = Counter()
    variants: dict[str, list[Doc]] = {}
    dense_variants: dict[str, list[Doc]] = {}
    single_variants: dict[str, list[Doc]] = {}
    variant_text: dict[str, bytes] = {}
    stages = [(jobs, outcomes, variants, rows), (dense_jobs, dense_outcomes, dense_variants, dense_rows),
              (single_jobs, single_outcomes, single_variants, single_rows)]
    for stage_jobs, stage_outcomes, stage_variants, stage_rows in stages:
        for job, res in zip(stage_jobs, stage_outcomes):
            stats[(job.family, job.strength, job.language, res.status)] += 1
            if res.text is None:
                continue
            base = docs[job.origin][0]
            v = Doc(f"{job.origin}#{job.family}#{job.strength}", job.origin, base.package, base.domain,
                    job.language, res.text.count(b"\n"), job.family, job.strength)
            stage_variants.setdefault(job.origin, []).append(v)
            variant_text[v.key] = res.text
            a = writer.put(job.origin, job.language, docs[job.origin][1])
            b = writer.put(v.key, job.language, res.text)
            stage_rows.append({"a": a, "b": b, "label": 1, "family": job.family, "strength": job.strength,
                               "language": job.language, "origin": job.origin})

    def path_of(d: Doc) -> str:
        text = variant_text[d.key] if d.family else docs[d.key][1]
        return writer.put(d.key, d.language, text)

    neg_rng = random.Random(seed_for(split.seed, "negatives"))
    for (task, lang), group in sorted(impls.items()):
        group_docs = [docs[i.id][0] for i in group]
        for a, b in same_task_pairs(group_docs, variants, neg_rng):
            rows.append({"a": path_of(a), "b": path_of(b), "label": 0, "family": "neg-same-task", "strength": 0,
                         "language": lang, "origin": f"task:{task}|{a.key}|{b.key}"})
    for lang in languages:
        n_pos = sum(1 for r in rows if r["language"] == lang and r["label"] == 1)
        n_neg = sum(1 for r in rows if r["language"] == lang and r["label"] == 0)
        for a, b in same_domain_pairs(originals[lang], variants, max(0, n_pos - n_neg), neg_rng):
            rows.append({"a": path_of(a), "b": path_of(b), "label": 0, "family": "neg-same-domain", "strength": 0,
                         "language": lang, "origin": f"{a.origin}|{b.origin}"})
    # Dense-level copies, and as many more same-domain negatives per language (half of them with a dense-level
    # variant of an unrelated original, so that those artefacts alone never tell the classes apart).
    # The same again for the dense levels of single families, with their own seeded stream.
    for stage_rows, stage_variants, stream in ((dense_rows, dense_variants, "negatives-dense"),
                                               (single_rows, single_variants, "negatives-dense-single")):
        rows.extend(stage_rows)
        stage_rng = random.Random(seed_for(split.seed, stream))
        used_pairs = {(str(r["a"]), str(r["b"])) for r in rows if r["label"] == 0}
        for lang in languages:
            n_pos = sum(1 for r in rows if r["language"] == lang and r["label"] == 1)
            n_neg = sum(1 for r in rows if r["language"] == lang and r["label"] == 0)
            for a, b in extra_same_domain_pairs(originals[lang], stage_variants, max(0, n_pos - n_neg), stage_rng,
                                                path_of, used_pairs):
                rows.append({"a": path_of(a), "b": path_of(b), "label": 0, "family": "neg-same-domain",
                             "strength": 0, "language": lang, "origin": f"{a.origin}|{b.origin}"})
    with (out / "pairs.csv").open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=PAIR_FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    record = {
        "split": split.name, "seed": split.seed, "languages": list(languages), "per_language": per_language,
        "sources": [_source_record(s, used) for s in split.sources if s.language in languages],
        "originals": [o.record() for lang in languages for o in originals[lang]],
        "tasks": [i.record() for group in impls.values() for i in group],
        "disguised_task_impls": sorted(i.id for i in disguised_impl.values()),
    }
    (out / "sources.json").write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")
    nested: dict[str, dict[str, dict[str, dict[str, int]]]] = {}
    for (fam, s, lang, status), n in sorted(stats.items()):
        nested.setdefault(fam, {}).setdefault(str(s), {}).setdefault(lang, {})[status] = n
    counts: Counter[tuple[str, str]] = Counter((str(r["family"]), str(r["language"])) for r in rows)
    summary = {"pairs": len(rows), "positives": sum(1 for r in rows if r["label"] == 1),
               "negatives": sum(1 for r in rows if r["label"] == 0),
               "pairs_by_family_language": {f"{f}/{lang}": n for (f, lang), n in sorted(counts.items())},
               "jobs": nested, "originals": {lang: len(v) for lang, v in originals.items()}}
    (out / "stats.json").write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n")
    return summary


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=sorted(SPLITS), required=True)
    ap.add_argument("--out", type=Path, default=HERE / "data")
    ap.add_argument("--work", type=Path, default=HERE / "work", help="download cache")
    ap.add_argument("--per-language", type=int, default=40, help="originals per language")
    ap.add_argument("--languages", default="java,c,python,javascript")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--speed-files", type=int, default=1000)
    ap.add_argument("--speed-lines", type=int, default=5000, help="lines of each single-pair speed file")
    ap.add_argument("--speed-only", action="store_true", help="only rebuild speed/ and speed_single/")
    args = ap.parse_args(argv)
    languages = tuple(x for x in args.languages.split(",") if x)
    t0 = time.time()
    summary = generate(SPLITS[args.split], args.out, args.work, args.per_language, languages, args.workers,
                       args.speed_files, args.speed_lines, args.speed_only)
    brief = {k: v for k, v in summary.items() if k in ("pairs", "positives", "negatives", "originals", "speed_files")}
    print(json.dumps(brief, sort_keys=True))
    print(f"split {args.split} done in {time.time() - t0:.0f}s -> {args.out / args.split}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
