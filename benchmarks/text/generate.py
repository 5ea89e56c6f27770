"""Generate the labelled text-alignment benchmark (Chinese and English, PAN text-alignment style) for one split.

    .venv/bin/python benchmarks/text/generate.py --split tune --out benchmarks/text/data
    .venv/bin/python benchmarks/text/generate.py --split test --out benchmarks/text/data [--pairs-per-cell 26]

Writes ``<out>/<split>/docs/<12 hex>.txt``, ``pairs.jsonl`` (one pair per line, sorted by id),
``documents.jsonl`` (what every file is), ``manifest.json`` (seed, generator version, pinned originals with
their SHA-256, counts) and the throughput set ``speed/`` (same layout). Same inputs, same bytes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import shutil
import sys
import time
from collections import Counter
from importlib.metadata import version
from pathlib import Path
from typing import Any

import jieba
from catalogue import DOC_SIZE, PACKAGES, SPEED_SIZE, SPLITS, WORKS, Split, check_catalogue
from corpus import Corpus, Lexicons
from documents import Doc, split_docs
from lexicon_en import load_english
from lexicon_zh import load_chinese
from negatives import build_negative, quotas
from obfuscate import FAMILIES, STRENGTHS
from pairs import Pair, build_positive
from scripts import convert
from separate import NAME as SEPARATE
from sources import Library
from speed import speed_docs, speed_jobs
from works import Work, load
from writer import Writer, assign_ids, seed_for, write_jsonl

HERE = Path(__file__).resolve().parent
GENERATOR_VERSION = "1.1.0"  # 1.1.0: the ``separate`` family (issue 17)
DEFAULT_PAIRS_PER_CELL = 26
Job = tuple[str, str, str, int | None]

_STATE: dict[str, Any] = {}


def jobs_for(lang: str, per_cell: int) -> list[Job]:
    """(key, lang, obfuscation or negative kind, strength) of every pair of one language: ``per_cell``
    positives per obfuscation (strengths alternating), then as many negatives split over the kinds."""
    jobs: list[Job] = []
    for family in (*FAMILIES[lang], SEPARATE):
        strengths = STRENGTHS[family]
        for i in range(per_cell):
            jobs.append((f"{lang}|{family}|{i:04d}", lang, family, strengths[i % len(strengths)]))
    for kind, n in quotas(len(jobs)).items():
        for i in range(n):
            jobs.append((f"{lang}|{kind}|{i:04d}", lang, kind, None))
    return jobs


def _run_job(job: Job) -> Pair:
    key, lang, kind, strength = job
    corpus: Corpus = _STATE["speed_corpus" if key.startswith("speed|") else "corpus"]
    rng = random.Random(seed_for(_STATE["seed"], key))
    if kind.startswith("neg-"):
        return build_negative(corpus, _STATE["lex"], key, lang, kind, rng)
    return build_positive(corpus, _STATE["lex"], key, lang, kind, strength, rng)


def _run_all(jobs: list[Job], workers: int) -> list[Pair]:
    if workers <= 1:
        return [_run_job(j) for j in jobs]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(_run_job, jobs, chunksize=4)


def _lexicons(lib: Library, docs: list[Doc]) -> Lexicons:
    zh_docs = [d for d in docs if d.lang == "zh"]
    simplified = [convert(d.text, d.script, "simplified") for d in zh_docs]
    traditional = [convert(d.text, d.script, "traditional") for d in zh_docs]
    zh = load_chinese(lib, simplified, traditional)
    return Lexicons(load_english(lib), zh, frozenset(zh.idioms))


def _counts(rows: list[dict[str, Any]]) -> dict[str, Any]:
    by_cell: Counter[str] = Counter(f"{r['lang']}/{r['obfuscation']}" + (f"/s{r['strength']}" if r["strength"] else "")
                                    for r in rows)
    return {
        "pairs": len(rows),
        "by_language_label": dict(sorted(Counter(f"{r['lang']}/{r['label']}" for r in rows).items())),
        "by_language_obfuscation_strength": dict(sorted(by_cell.items())),
        "cases": sum(len(r["cases"]) for r in rows),
        "encoding_b": dict(sorted(Counter(f"{r['lang']}/{r['encoding_b']}" for r in rows).items())),
        "scripts": dict(sorted(Counter(f"{r['script_a']}->{r['script_b']}" for r in rows if r["lang"] == "zh")
                               .items())),
    }


def _write(pairs: list[Pair], folder: Path, seed: int, prefix: str = "") -> tuple[list[dict[str, Any]], Writer]:
    writer = Writer(folder, seed)
    rows = [writer.write_pair(p, pair_id) for pair_id, p in assign_ids(pairs, seed, prefix)]
    write_jsonl(folder / "pairs.jsonl", rows)
    write_jsonl(folder / "documents.jsonl", writer.documents())
    return rows, writer


def _work_record(w: Work, split_docs_: list[Doc]) -> dict[str, Any]:
    s = w.spec
    return {"id": s.id, "lang": s.lang, "genre": s.genre, "author": s.author, "title": s.title,
            "package": s.package.key, "paths": list(s.paths), "script": s.script, "chapters": len(w.chapters),
            "documents_in_split": sorted(d.key for d in split_docs_ if d.work == s.id)}


def generate(split: Split, out_root: Path, work: Path, per_cell: int, workers: int, speed_pairs: int
             ) -> dict[str, Any]:
    """Build one split; returns the manifest."""
    check_catalogue()
    lib = Library(work)
    works = [load(lib, spec) for spec in WORKS]
    docs = split_docs(works, split)
    lex = _lexicons(lib, docs)
    jieba.initialize()
    cap = {lang: hi for lang, (_, hi) in DOC_SIZE.items()}
    _STATE.update(seed=split.seed, lex=lex, corpus=Corpus(docs, cap), speed_corpus=Corpus(speed_docs(docs)))
    out = out_root / split.name
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    jobs = [j for lang in ("en", "zh") for j in jobs_for(lang, per_cell)]
    t0 = time.time()
    pairs = _run_all(jobs, workers)
    print(f"{len(jobs)} pairs built in {time.time() - t0:.1f}s", file=sys.stderr)
    rows, writer = _write(pairs, out, split.seed)
    sjobs = speed_jobs(speed_pairs // 2)
    t0 = time.time()
    spairs = _run_all(sjobs, workers)
    print(f"{len(sjobs)} speed pairs built in {time.time() - t0:.1f}s", file=sys.stderr)
    srows, swriter = _write(spairs, out / "speed", split.seed, "speed-")
    manifest = {
        "split": split.name,
        "seed": split.seed,
        "generator_version": GENERATOR_VERSION,
        "parameters": {"pairs_per_cell": per_cell, "speed_pairs": speed_pairs, "doc_size": DOC_SIZE,
                       "speed_size": SPEED_SIZE},
        "tools": {name: version(name) for name in ("opencc", "jieba", "pypinyin")},
        "catalogue": {
            "packages": [{"key": p.key, "registry": p.registry, "name": p.name, "version": p.version,
                          "licence": p.licence, "archive_sha256": lib.archives.get(p.key, "")} for p in PACKAGES],
            "files": lib.record(),
            "works": [_work_record(w, docs) for w in works],
        },
        "documents_in_split": {lang: sum(1 for d in docs if d.lang == lang) for lang in ("en", "zh")},
        "files_written": len(writer.meta),
        "counts": _counts(rows),
        "speed": {"files_written": len(swriter.meta), "counts": _counts(srows),
                  "documents": {lang: sum(1 for d in _STATE["speed_corpus"].docs if d.lang == lang)
                                for lang in ("en", "zh")}},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                                       encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=sorted(SPLITS), required=True)
    ap.add_argument("--out", type=Path, default=HERE / "data")
    ap.add_argument("--work", type=Path, default=HERE / "work", help="download cache")
    ap.add_argument("--pairs-per-cell", type=int, default=DEFAULT_PAIRS_PER_CELL,
                    help="positives per language and obfuscation (negatives: as many as positives per language)")
    ap.add_argument("--seed", type=int, default=None, help="override the split's seed (default: catalogue.py)")
    ap.add_argument("--speed-pairs", type=int, default=100, help="pairs in speed/ (half per language)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    split = SPLITS[args.split]
    if args.seed is not None:
        split = Split(split.name, args.seed, split.parity)
    t0 = time.time()
    manifest = generate(split, args.out, args.work, args.pairs_per_cell, args.workers, args.speed_pairs)
    print(json.dumps({"split": split.name, "seed": split.seed, **manifest["counts"]["by_language_label"],
                      "speed_pairs": manifest["speed"]["counts"]["pairs"]}, sort_keys=True))
    print(f"split {split.name} done in {time.time() - t0:.0f}s -> {args.out / split.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
