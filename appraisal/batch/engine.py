"""Batch comparison from scripts: listed pairs, or many-vs-many with signature retrieval.

Both modes write one JSON line per pair as soon as it is done and flush, so a crashed run
is resumed with ``resume=True``: pairs already in the output are skipped. Work runs in
this process, in a local process pool (``workers > 1``), or on a Dask cluster
(``scheduler`` = its address) through the same ``concurrent.futures`` interface.
"""

from __future__ import annotations

import csv
import json
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

import comparators
from appraisal.batch.progress import progress_bar
from comparators import commonplace
from comparators.base import Features
from comparators.canonical import canonical_json
from comparators.errors import InputError
from comparators.fingerprint.index import candidate_pairs as index_pairs
from comparators.hashing import sha256_bytes


@dataclass(frozen=True)
class BatchSummary:
    """Counts of a batch run."""

    written: int
    skipped: int
    errors: int
    candidates: int


def read_pairs(csv_path: Path) -> list[dict[str, str]]:
    """Rows of a pairs CSV (header with at least ``a`` and ``b``)."""
    if not csv_path.is_file():
        raise InputError(csv_path, "does not exist" if not csv_path.exists() else "is not a file")
    try:
        text = csv_path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(csv_path, "is not UTF-8 text (save the CSV as UTF-8)") from None
    if not text.strip():
        raise InputError(csv_path, "is empty")
    reader = csv.DictReader(text.splitlines())
    fields = reader.fieldnames or []
    if "a" not in fields or "b" not in fields:
        raise InputError(csv_path, f"needs a header with columns a and b (found: {', '.join(fields)})")
    rows = [dict(r) for r in reader]
    for n, row in enumerate(rows, start=2):
        if not row.get("a") or not row.get("b"):
            raise InputError(csv_path, f"line {n} has an empty a or b")
    return rows


def _done_keys(out: Path) -> set[tuple[str, str]]:
    keys: set[tuple[str, str]] = set()
    if not out.exists():
        return keys
    with out.open("r", encoding="utf-8") as handle:
        for line in handle:
            try:
                row = json.loads(line)
                keys.add((row["a"], row["b"]))
            except (ValueError, KeyError, TypeError):
                continue  # a line cut by a crash: that pair is simply done again
    return keys


def _truncate_partial_line(out: Path) -> None:
    """Drop a last line without newline (written when a run was killed)."""
    if not out.exists() or out.stat().st_size == 0:
        return
    data = out.read_bytes()
    if not data.endswith(b"\n"):
        out.write_bytes(data[: data.rfind(b"\n") + 1])


@contextmanager
def executor_for(workers: int, scheduler: str | None) -> Iterator[Executor | None]:
    """``None`` (run inline), a process pool, or a Dask cluster's executor."""
    if scheduler:
        try:
            from distributed import Client
        except ImportError:
            raise InputError(scheduler, "--scheduler needs Dask (pip install 'appraisal-workbench[cluster]')") from None
        try:
            client = Client(scheduler, timeout=10)
        except OSError as exc:
            raise InputError(scheduler, f"cannot reach the Dask scheduler ({exc})") from None
        try:
            yield client.get_executor()
        finally:
            client.close()
    elif workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield pool
    else:
        yield None


# (comparator name, canonical JSON of its constructor arguments, commonplace corpus file or "")
Spec = tuple[str, str, str]


def spec_of(name: str, kwargs: dict[str, Any], corpus: str = "") -> Spec:
    """A picklable, hashable description of a comparator for the workers."""
    return name, canonical_json(kwargs), corpus


@lru_cache(maxsize=16)
def _instance(spec: Spec) -> Any:
    """The comparator a spec describes (one per worker process), with its corpus statistics."""
    comparator = comparators.get(spec[0], **json.loads(spec[1]))
    if spec[2]:
        comparator.corpus_ = commonplace.load(Path(spec[2]), spec[0])
    return comparator


def with_commonplace(spec: Spec, declared: str, batch_features: list[dict[str, Any]], workdir: Path) -> Spec:
    """Point the spec at the commonplace corpus the expert declared (``none``, ``batch``, a folder or file).

    ``batch`` fits on ``batch_features``: every material of the batch, never only the pairs left
    to do, so a resumed run scores exactly as an uninterrupted one.
    """
    if not declared or declared == "none":
        return spec
    comparator = comparators.get(spec[0], **json.loads(spec[1]))
    if not hasattr(comparator, "fit"):
        return spec
    if declared == "batch":
        state = commonplace.fit(comparator, [Features.from_dict(f) for f in batch_features],
                                f"batch ({len(batch_features)} files)")
    else:
        state = commonplace.from_declared(comparator, declared)
    if state is None:
        return spec
    path = workdir / f"commonplace-{spec[0]}-{sha256_bytes(spec[1].encode())[:12]}.json"
    commonplace.save(state, spec[0], path)
    return spec[0], spec[1], str(path)


def _extract(spec: Spec, path: str) -> dict[str, Any]:
    """Worker: features of one path as a dict, or the error message."""
    try:
        return {"features": _instance(spec).extract(Path(path), display_path=path).to_dict()}
    except InputError as exc:
        return {"error": str(exc)}


def _save_store(workdir: Path, features: dict[str, dict[str, Any]]) -> str:
    """Write all features once; workers load the file once instead of receiving them per pair."""
    path = workdir / "features.pickle"
    with path.open("wb") as handle:
        pickle.dump(features, handle, protocol=pickle.HIGHEST_PROTOCOL)
    return str(path)


@lru_cache(maxsize=2)
def _load_store(path: str) -> dict[str, dict[str, Any]]:
    with open(path, "rb") as handle:
        return pickle.load(handle)


def _compare(spec: Spec, store: str, key_a: str, key_b: str) -> dict[str, Any]:
    """Worker: the comparison of two stored feature sets, as a dict."""
    feats = _load_store(store)
    return _instance(spec).compare(Features.from_dict(feats[key_a]), Features.from_dict(feats[key_b])).to_dict()


def _warm_up(specs: set[Spec]) -> None:
    """Load what the comparators need once (dictionaries, lexicons) before worker processes fork."""
    for spec in sorted(specs):
        comparator = _instance(spec)
        if hasattr(comparator, "prepare"):
            comparator.prepare()


def _map(executor: Executor | None, fn: Callable, *iterables: Iterable) -> Iterator[Any]:
    if executor is None:
        return map(fn, *iterables)
    if isinstance(executor, ProcessPoolExecutor):
        items = [list(it) for it in iterables]
        workers = getattr(executor, "_max_workers", 2)
        # small chunks: items cost tens of milliseconds each, and the last chunk decides when a
        # phase ends (one worker idles while the other finishes it)
        chunk = max(1, min(16, len(items[0]) // (16 * workers))) if items else 1
        return executor.map(fn, *items, chunksize=chunk)
    return executor.map(fn, *iterables)


def _compare_all(executor: Executor | None, store: str,
                 jobs: list[tuple[Spec, str, str]]) -> Iterator[dict[str, Any]]:
    """Results of ``_compare`` for each (spec, key A, key B) job, in order."""
    if not jobs:
        return iter(())
    specs, keys_a, keys_b = zip(*jobs)
    return _map(executor, _compare, specs, [store] * len(jobs), keys_a, keys_b)


def _spec_for(kind: str, a: str, b: str) -> Spec:
    for p in (a, b):
        if not Path(p).exists():
            raise InputError(p, "does not exist")
    return spec_of(*comparators.resolve(kind, a, b))


def run_pairs(kind: str, pairs_csv: Path, out: Path, *, resume: bool = False, workers: int = 1,
              scheduler: str | None = None, progress: bool | None = None,
              commonplace_from: str = "none") -> BatchSummary:
    """Score exactly the pairs listed in ``pairs_csv``; one JSON line each in ``out``.

    ``commonplace_from`` declares what is filtered as common (see :mod:`comparators.commonplace`);
    with ``batch`` every listed file is read, also on ``--resume``.
    """
    rows = read_pairs(pairs_csv)
    commonplace.check_declared(commonplace_from)
    base_dir = pairs_csv.parent
    if resume:
        _truncate_partial_line(out)
    done = _done_keys(out) if resume else set()
    todo = [r for r in rows if (r["a"], r["b"]) not in done]
    written = errors = 0
    with executor_for(workers, scheduler) as executor, \
            out.open("a" if resume else "w", encoding="utf-8") as handle, \
            progress_bar(len(todo), "pairs", progress) as bar, \
            tempfile.TemporaryDirectory(prefix="appraisal-batch-") as tmp:
        kinds = {}
        for r in (rows if commonplace_from == "batch" else todo):
            try:
                kinds[(r["a"], r["b"])] = _spec_for(kind, _resolve(base_dir, r["a"]), _resolve(base_dir, r["b"]))
            except InputError as exc:
                kinds[(r["a"], r["b"])] = exc
        needed = sorted({(k, p) for r in (rows if commonplace_from == "batch" else todo)
                         if isinstance(k := kinds[(r["a"], r["b"])], tuple) for p in (r["a"], r["b"])})
        _warm_up({k for k, _ in needed})
        feats = dict(zip(needed, _map(executor, _extract, [k for k, _ in needed],
                                      [_resolve(base_dir, p) for _, p in needed])))
        fitted = {spec: with_commonplace(spec, commonplace_from,
                                         [f["features"] for (k, _), f in feats.items()
                                          if k == spec and "features" in f],
                                         Path(tmp)) for spec in sorted({k for k, _ in needed})}
        keys = {entry: str(n) for n, entry in enumerate(needed)}
        store = _save_store(Path(tmp), {keys[e]: f["features"] for e, f in feats.items() if "features" in f})
        jobs, pending = [], []
        for r in todo:
            k = kinds[(r["a"], r["b"])]
            if isinstance(k, InputError):
                _write(handle, _row(r, error=str(k)))
                errors += 1
                bar.update()
                continue
            fa, fb = feats[(k, r["a"])], feats[(k, r["b"])]
            if "error" in fa or "error" in fb:
                _write(handle, _row(r, error=fa.get("error") or fb.get("error")))
                errors += 1
                bar.update()
                continue
            jobs.append((fitted[k], keys[(k, r["a"])], keys[(k, r["b"])]))
            pending.append(r)
        for r, result in zip(pending, _compare_all(executor, store, jobs)):
            result = dict(result)
            result["a_path"], result["b_path"] = result["a"]["path"], result["b"]["path"]
            result["a_sha256"], result["b_sha256"] = result["a"]["sha256"], result["b"]["sha256"]
            _write(handle, _row(r, result=result))
            written += 1
            bar.update()
    return BatchSummary(written, len(rows) - len(todo), errors, len(rows))


def _resolve(base_dir: Path, value: str) -> str:
    p = Path(value)
    return str(p if p.is_absolute() or p.exists() else base_dir / p)


def _row(csv_row: dict[str, str], result: dict[str, Any] | None = None, error: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if result is not None:
        out.update({k: v for k, v in result.items() if k not in ("a", "b")})
    else:
        out["error"] = error
    for key, value in csv_row.items():
        if key not in ("a", "b") and key not in out:
            out[key] = value
    out["a"], out["b"] = csv_row["a"], csv_row["b"]
    return out


def _write(handle: Any, row: dict[str, Any]) -> None:
    """Write one result line and hand it to the OS, so a killed run keeps every finished pair."""
    handle.write(canonical_json(row) + "\n")
    handle.flush()


def expand_materials(kind: str, paths: Iterable[str]) -> list[str]:
    """Files named, plus the files under named folders that ``kind`` accepts (sorted)."""
    comparator = comparators.get(kind)
    out: list[str] = []
    for value in paths:
        p = Path(value)
        if not p.exists():
            raise InputError(p, "does not exist")
        if p.is_dir() and kind != "package":
            found = sorted(str(f) for f in p.rglob("*") if f.is_file() and comparator.accepts(f))
            if not found:
                raise InputError(p, f"holds no file the {kind} comparator accepts")
            out.extend(found)
        else:
            out.append(str(p))
    return sorted(dict.fromkeys(out))


def retrieve(comparator: Any, features: dict[str, dict[str, Any]], sources: list[str],
             suspects: list[str] | None, threshold: float) -> list[tuple[str, str]]:
    """Candidate pairs for alignment.

    With ``threshold`` 0 every pair is a candidate. Comparators that expose
    ``candidates`` shortlist by their own rule (images: perceptual-hash sets within a Hamming
    radius). Comparators that expose ``retrieval_keys`` (normalised k-gram sets) use the
    inverted index: a pair is a candidate when the k-grams it shares, leaving out those common
    to many files, cover ``threshold`` of the smaller file. Others use the MinHash estimate of
    their signatures.
    """
    left = sources
    right = suspects if suspects is not None else sources
    if threshold <= 0:
        if suspects is None:
            return [(a, b) for i, a in enumerate(left) for b in left[i + 1:]]
        return [(a, b) for a in left for b in right if a != b]
    if hasattr(comparator, "candidates"):  # a comparator with its own shortlist (e.g. image hash sets)
        return comparator.candidates(features, left, suspects, threshold)
    if not hasattr(comparator, "retrieval_keys"):
        sigs = {p: np.array(f["signature"]["values"], dtype=np.uint32) for p, f in features.items()}
        return candidate_pairs(sigs, sources, suspects, threshold)
    paths = sorted(set(left) | set(right))
    number = {p: n for n, p in enumerate(paths)}
    keys = [comparator.retrieval_keys(Features.from_dict(features[p])) for p in paths]
    found = index_pairs(keys, [number[p] for p in left],
                        [number[p] for p in right] if suspects is not None else None, threshold,
                        max_df_share=RETRIEVAL_MAX_DF_SHARE)
    return [(paths[i], paths[j]) for i, j, _ in found]


RETRIEVAL_MAX_DF_SHARE = 0.02  # k-grams in more than 2% of the files do not link files


def candidate_pairs(signatures: dict[str, np.ndarray], sources: list[str], suspects: list[str] | None,
                    threshold: float) -> list[tuple[str, str]]:
    """Pairs whose MinHash estimate reaches ``threshold`` (all pairs when it is 0).

    With ``suspects`` each source is paired with each suspect; without, all pairs within
    ``sources``. Estimates are computed block-wise in numpy.
    """
    left = sources
    right = suspects if suspects is not None else sources
    if not left or not right:
        return []
    sig_r = np.stack([signatures[p] for p in right])
    pairs: list[tuple[str, str]] = []
    for i, a in enumerate(left):
        est = (sig_r == signatures[a]).mean(axis=1)
        for j in np.flatnonzero(est >= threshold):
            b = right[int(j)]
            if suspects is None and j <= i:
                continue
            if a != b:
                pairs.append((a, b))
    return pairs


def run_many(kind: str, sources: list[str], suspects: list[str] | None, out: Path, *,
             threshold: float = 0.0, retrieval: float = 0.1, resume: bool = False,
             workers: int = 1, scheduler: str | None = None,
             progress: bool | None = None, commonplace_from: str = "none") -> BatchSummary:
    """Many-vs-many: extract all, retrieve candidates by signature, compare, write lines.

    ``commonplace_from`` declares what is filtered as common (see :mod:`comparators.commonplace`).
    """
    if kind == "auto":
        raise InputError("--kind", "many-vs-many batch needs an explicit --kind")
    spec = spec_of(kind, {})
    commonplace.check_declared(commonplace_from)
    src = expand_materials(kind, sources)
    sus = expand_materials(kind, suspects) if suspects is not None else None
    if resume:
        _truncate_partial_line(out)
    done = _done_keys(out) if resume else set()
    all_paths = sorted(set(src) | set(sus or []))
    errors = written = 0
    with executor_for(workers, scheduler) as executor, \
            out.open("a" if resume else "w", encoding="utf-8") as handle, \
            tempfile.TemporaryDirectory(prefix="appraisal-batch-") as tmp:
        workdir = Path(tmp)
        feats: dict[str, dict[str, Any]] = {}
        _warm_up({spec})
        with progress_bar(len(all_paths), "fingerprints", progress) as bar:
            for path, res in zip(all_paths, _map(executor, _extract, [spec] * len(all_paths), all_paths)):
                feats[path] = res
                bar.update()
        bad = {p for p, r in feats.items() if "error" in r}
        for p in sorted(bad):
            if (p, "") not in done:
                _write(handle, {"a": p, "b": "", "error": feats[p]["error"]})
                errors += 1
        good_src = [p for p in src if p not in bad]
        good_sus = [p for p in sus if p not in bad] if sus is not None else None
        cands = retrieve(_instance(spec), {p: r["features"] for p, r in feats.items() if p not in bad},
                         good_src, good_sus, retrieval)
        todo = [c for c in cands if c not in done]
        with progress_bar(len(todo), "pairs", progress) as bar:
            spec = with_commonplace(spec, commonplace_from,
                                    [feats[p]["features"] for p in all_paths if "features" in feats[p]], workdir)
            store = _save_store(workdir, {p: r["features"] for p, r in feats.items() if "features" in r})
            del feats
            jobs = [(spec, a, b) for a, b in todo]
            for (a, b), result in zip(todo, _compare_all(executor, store, jobs)):
                bar.update()
                if result["score"] < threshold:
                    continue
                row = {k: v for k, v in result.items() if k not in ("a", "b")}
                row.update({"a": a, "b": b, "a_sha256": result["a"]["sha256"],
                            "b_sha256": result["b"]["sha256"]})
                _write(handle, row)
                written += 1
    return BatchSummary(written, len(cands) - len(todo), errors, len(cands))
