"""Speed sets: ~1,000 files of ~200 lines (originals and disguised copies) and pairs of ~5,000-line files."""

from __future__ import annotations

import csv
import hashlib
import random
from pathlib import Path

from disguise import FAMILIES
from jobs import Job, run_all, seed_for
from langs import EXTENSION, parse, walk
from sources import Original

SPEED_LANGUAGES = ("java", "c", "python")


def _name(seed: int, *parts: object) -> str:
    return hashlib.sha256("|".join(map(str, (seed,) + parts)).encode()).hexdigest()[:12]


def build_many(pool: dict[str, list[Original]], seed: int, out: Path, n_files: int, workers: int) -> list[dict]:
    """Write ~``n_files`` files into ``out`` (mixed languages); returns the manifest rows."""
    rng = random.Random(seed_for(seed, "speed"))
    out.mkdir(parents=True, exist_ok=True)
    per_lang = n_files // len(SPEED_LANGUAGES)
    rows: list[dict] = []
    jobs: list[Job] = []
    families = sorted(f for f in FAMILIES)
    for lang in SPEED_LANGUAGES:
        files = sorted(pool.get(lang, []), key=lambda o: o.id)
        if not files:
            continue
        n_orig = min(len(files), max(1, per_lang // 3))
        chosen = sorted(rng.sample(files, n_orig), key=lambda o: o.id)
        variants_each = -(-per_lang // n_orig) - 1
        for i, o in enumerate(chosen):
            rows.append({"name": _name(seed, o.id) + EXTENSION[lang], "language": lang, "origin": o.id,
                         "family": "", "strength": 0, "lines": o.lines, "_text": o.text})
            budget = per_lang - len([r for r in rows if r["language"] == lang])
            k = min(variants_each, budget - (n_orig - i - 1))
            for v in range(max(0, k)):
                fam, strength = rng.choice(families), rng.choice((1, 2, 3))
                jobs.append(Job(o.id, lang, fam, strength, seed_for(seed, "speed", o.id, v, fam, strength), o.text))
    outcomes = run_all(jobs, workers)
    for job, res in zip(jobs, outcomes):
        if res.text is None:
            continue
        rows.append({"name": _name(seed, job.origin, job.family, job.strength, job.seed) + EXTENSION[job.language],
                     "language": job.language, "origin": job.origin, "family": job.family,
                     "strength": job.strength, "lines": res.text.count(b"\n"), "_text": res.text})
    rows.sort(key=lambda r: r["name"])
    for r in rows:
        (out / r["name"]).write_bytes(r.pop("_text"))
    return rows


def _strip_headers(src: bytes, lang: str) -> bytes:
    """Drop package/import declarations (Java) so that concatenated classes stay one valid compilation unit."""
    if lang != "java":
        return src
    root = parse(lang, src).root_node
    cut = [n for n in root.named_children if n.type in ("package_declaration", "import_declaration")]
    for n in sorted(cut, key=lambda n: n.start_byte, reverse=True):
        src = src[:n.start_byte] + src[n.end_byte:]
    return src


def build_single(pool: dict[str, list[Original]], seed: int, out: Path, target_lines: int, workers: int) -> list[dict]:
    """Per language, ``<lang>_a`` (real files concatenated) and ``<lang>_b`` (half of them disguised, plus others)."""
    rng = random.Random(seed_for(seed, "speed-single"))
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for lang in SPEED_LANGUAGES:
        files = sorted(pool.get(lang, []), key=lambda o: o.id)
        rng.shuffle(files)
        a_parts: list[Original] = []
        while files and sum(o.lines for o in a_parts) < target_lines:
            a_parts.append(files.pop())
        copied = a_parts[: len(a_parts) // 2]
        jobs = [Job(o.id, lang, "combined", 2, seed_for(seed, "single", o.id), o.text) for o in copied]
        disguised = [res.text or job.src for job, res in zip(jobs, run_all(jobs, workers))]
        b_texts = list(disguised)
        while files and sum(t.count(b"\n") for t in b_texts) < target_lines:
            b_texts.append(files.pop().text)
        for tag, texts in (("a", [o.text for o in a_parts]), ("b", b_texts)):
            body = texts[0] + b"\n" + b"\n".join(_strip_headers(t, lang) for t in texts[1:])
            name = f"{lang}_{tag}{EXTENSION[lang]}"
            (out / name).write_bytes(body)
            errors = sum(1 for n in walk(parse(lang, body).root_node) if n.is_error or n.is_missing)
            rows.append({"name": name, "language": lang, "lines": body.count(b"\n"), "parts": len(texts),
                         "copied_parts": len(copied), "parse_errors": errors})
    return rows


def write_manifest(rows: list[dict], path: Path) -> None:
    """A CSV listing the speed files and where they come from."""
    fields = [k for k in rows[0] if not k.startswith("_")] if rows else []
    with path.open("w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r[k] for k in fields})


