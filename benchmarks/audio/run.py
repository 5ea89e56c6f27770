"""Score the audio benchmark: the comparator and its peers on the same pairs, per question and family.

Usage (from the repository root, after ``generate.py``)::

    .venv/bin/python benchmarks/audio/run.py --split tune [--tools ours,chromaprint,chroma_xcorr] [--workers 2]
    .venv/bin/python benchmarks/audio/run.py --split test

``ours`` is ``comparators.get("audio", question=<the pair's question>)``; each pair asks either
*recording* (is B a copy, excerpt or sample of recording A) or *work* (is B a version of musical
work A), and ROC AUC, best F1 and precision at recall 0.9 are computed per question over its own
pairs (a cover is a positive for *work* and a ``cover_as_recording`` negative for *recording*).
Per-pair results (score and evidence) are cached in ``data/results/<split>/<tool>.json`` by pairs
file and tool parameters. The tune split writes ``results/thresholds.json`` (best F1 per tool and
question); the test split reads it and reports the false-positive rate per negative type and the
recall per family at that threshold. Localisation: for recording copies with a known segment,
the error of ``ours``' B start and end (seconds) and the share within 0.5 s. Speed: extraction
seconds per minute of audio (real-time factor) and comparison seconds per pair.
Results go to ``results/<split>.json`` and the ``accuracy:<split>`` section of ``RESULTS.md``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import sys
import time
from multiprocessing import Pool
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for _p in (HERE, HERE.parent, ROOT):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from common.machine import load_average, machine  # noqa: E402
from common.measures import auc, best_f1, precision_at_recall, prf_at  # noqa: E402
from common.results import fmt, replace_section, table  # noqa: E402

DATA = HERE / "data"
RESULTS = HERE / "results"
THRESHOLDS = RESULTS / "thresholds.json"
RESULTS_MD = HERE / "RESULTS.md"
QUESTIONS = ("recording", "work")
TOOLS = ("ours", "chromaprint", "chroma_xcorr")

_TOOL: Any = None


class Ours:
    """The workbench's audio comparator, asked the pair's question; features cached per file."""

    name = "ours"

    def __init__(self) -> None:
        import comparators

        self.by_question = {q: comparators.get("audio", question=q) for q in QUESTIONS}
        self.cache: dict[str, tuple[Any, float]] = {}

    @property
    def params(self) -> dict[str, Any]:
        info = self.by_question["recording"].info()
        return {"version": info.version, **{k: v for k, v in info.params.items() if k != "question"}}

    def features(self, path: str) -> tuple[Any, float]:
        if path not in self.cache:
            if len(self.cache) > 64:
                self.cache.clear()
            t = time.perf_counter()
            f = self.by_question["recording"].extract(Path(path))
            self.cache[path] = (f, time.perf_counter() - t)
        return self.cache[path]

    def score(self, a: str, b: str, question: str) -> dict[str, Any]:
        (fa, ta), (fb, tb) = self.features(a), self.features(b)
        t = time.perf_counter()
        r = self.by_question[question].compare(fa, fb)
        first = next((m for m in r.matches if m.detail.get("question") == question), None)
        return {"score": float(r.score), "evidence": r.extra["evidence"], "compare_s": time.perf_counter() - t,
                "extract_s": [ta, tb], "seconds": [fa.data["duration"], fb.data["duration"]],
                "segment_b": [first.b.start_s, first.b.end_s] if first else None,
                "segment_a": [first.a.start_s, first.a.end_s] if first else None}


class Peer:
    """A peer of ``peers.py``: a score only."""

    def __init__(self, name: str) -> None:
        import peers

        self.name = name
        self.tool = {"chromaprint": peers.Chromaprint, "chroma_xcorr": peers.ChromaXcorr}[name]()

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.tool.params)

    def score(self, a: str, b: str, question: str) -> dict[str, Any]:
        del question
        t = time.perf_counter()
        s = float(self.tool.score(Path(a), Path(b)))
        return {"score": s, "compare_s": time.perf_counter() - t}


def make_tool(name: str) -> Any:
    return Ours() if name == "ours" else Peer(name)


def _init(name: str) -> None:
    global _TOOL
    _TOOL = make_tool(name)


def _score(job: tuple[int, str, str, str]) -> tuple[int, dict[str, Any]]:
    i, a, b, question = job
    try:
        return i, _TOOL.score(a, b, question)
    except Exception as exc:  # a pair that fails counts as score 0 and is listed
        return i, {"score": 0.0, "error": f"{type(exc).__name__}: {exc}"}


def load_pairs(split: str) -> list[dict[str, str]]:
    with (DATA / split / "pairs.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def score_tool(name: str, split: str, rows: list[dict[str, str]], workers: int, reuse: bool) -> dict[str, Any]:
    """Per-pair results of one tool (from the cache when pairs and parameters are unchanged)."""
    params = json.dumps(make_tool(name).params, sort_keys=True, default=str)
    key = hashlib.sha256((DATA / split / "pairs.csv").read_bytes() + params.encode()).hexdigest()
    path = DATA / "results" / split / f"{name}.json"
    if reuse and path.is_file():
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached.get("key") == key:
            print(f"{name}: reused {path.relative_to(HERE)}", file=sys.stderr)
            return cached
    base = DATA / split
    jobs = sorted(((i, str(base / r["a"]), str(base / r["b"]), r["question"]) for i, r in enumerate(rows)),
                  key=lambda j: j[1])
    results: list[dict[str, Any] | None] = [None] * len(rows)
    start = time.perf_counter()
    with Pool(workers, initializer=_init, initargs=(name,)) as pool:
        for n, (i, res) in enumerate(pool.imap_unordered(_score, jobs, chunksize=8), start=1):
            results[i] = res
            if n % 100 == 0:
                print(f"{name}: {n}/{len(jobs)} pairs, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    out = {"key": key, "tool": name, "params": json.loads(params), "wall_seconds": time.perf_counter() - start,
           "workers": workers, "pairs": results}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out), encoding="utf-8")
    return out


def accuracy(rows: list[dict[str, str]], scores: np.ndarray, thresholds: dict[str, float] | None) -> dict[str, Any]:
    """Per question: ROC AUC, best F1, P@R0.9, AUC per family, and at the tune threshold FPR per
    negative type and recall per family."""
    out: dict[str, Any] = {}
    for q in QUESTIONS:
        idx = np.array([i for i, r in enumerate(rows) if r["question"] == q])
        y = np.array([int(rows[i]["label"]) for i in idx])
        s = scores[idx]
        fam = np.array([rows[i]["family"] for i in idx])
        ntype = np.array([rows[i]["negative_type"] for i in idx])
        neg = y == 0
        f1 = best_f1(y, s)
        p90 = precision_at_recall(y, s, 0.9)
        res: dict[str, Any] = {"pairs": int(len(idx)), "positives": int(y.sum()), "auc": auc(y, s),
                               "best_f1": f1[0] if f1 else None, "best_f1_threshold": f1[1] if f1 else None,
                               "precision_at_recall_0.9": p90[0] if p90 else None,
                               "threshold_at_recall_0.9": p90[1] if p90 else None,
                               "auc_family": {f: auc(y[(fam == f) & ~neg | neg], s[(fam == f) & ~neg | neg])
                                              for f in sorted(set(fam[~neg]))},
                               "auc_negative_type": {t: auc(y[~neg | (ntype == t)], s[~neg | (ntype == t)])
                                                     for t in sorted(set(ntype[neg]))}}
        if thresholds and thresholds.get(q) is not None:
            t = float(thresholds[q])
            p, r, f = prf_at(y, s, t)
            res["at_threshold"] = {"threshold": t, "precision": p, "recall": r, "f1": f,
                                   "fpr_negative_type": {n: float(np.mean(s[ntype == n] >= t))
                                                         for n in sorted(set(ntype[neg]))},
                                   "recall_family": {g: float(np.mean(s[(fam == g) & ~neg] >= t))
                                                     for g in sorted(set(fam[~neg]))}}
        out[q] = res
    return out


def localisation(rows: list[dict[str, str]], pairs: list[dict[str, Any]]) -> dict[str, Any]:
    """Errors of ours' B segment against the true one, for recording copies with a known segment."""
    per_family: dict[str, list[float]] = {}
    found = 0
    total = 0
    for r, p in zip(rows, pairs):
        if r["label"] != "1" or r["question"] != "recording" or not r["b_start"]:
            continue
        total += 1
        seg = p.get("segment_b")
        if not seg:
            continue
        found += 1
        err = max(abs(seg[0] - float(r["b_start"])), abs(seg[1] - float(r["b_end"])))
        per_family.setdefault(r["family"], []).append(err)
    allv = [e for v in per_family.values() for e in v]
    return {"copies": total, "with_segment": found,
            "median_error_s": float(np.median(allv)) if allv else None,
            "share_within_0.5s": float(np.mean(np.array(allv) <= 0.5)) if allv else None,
            "family": {f: {"median_error_s": float(np.median(v)),
                           "share_within_0.5s": float(np.mean(np.array(v) <= 0.5)), "n": len(v)}
                       for f, v in sorted(per_family.items())}}


def speed(scored: dict[str, Any]) -> dict[str, Any]:
    pairs = [p for p in scored["pairs"] if p and "compare_s" in p]
    out = {"compare_s_per_pair": float(np.mean([p["compare_s"] for p in pairs])), "wall_s": scored["wall_seconds"]}
    seen: dict[float, float] = {}
    for p in pairs:
        for t, d in zip(p.get("extract_s", []), p.get("seconds", [])):
            seen.setdefault(d + t * 1e-9, t / max(d, 1e-9))
    if seen:
        out["extract_s_per_minute_of_audio"] = float(np.median(list(seen.values())) * 60.0)
        out["real_time_factor"] = float(1.0 / max(np.median(list(seen.values())), 1e-9))
    return out


def fingerprint_speed(split: str = "test", files: int = 30) -> dict[str, Any]:
    """One process: seconds per minute of audio for decoding, landmark fingerprinting and the whole
    extraction (landmarks, beat chroma, filtration), medians over ``files`` A files of ``split``."""
    import comparators
    from comparators.audio import landmarks
    from comparators.audio.read import read_audio

    comp = comparators.get("audio")
    paths = sorted({r["a"] for r in load_pairs(split)})[:files]
    decode, marks, whole = [], [], []
    for rel in paths:
        path = DATA / split / rel
        t0 = time.perf_counter()
        decoded = read_audio(path, landmarks.RATE, 1800.0)
        t1 = time.perf_counter()
        landmarks.fingerprint(decoded.samples)
        t2 = time.perf_counter()
        comp.extract(path)
        t3 = time.perf_counter()
        minutes = decoded.seconds / 60.0
        decode.append((t1 - t0) / minutes)
        marks.append((t2 - t1) / minutes)
        whole.append((t3 - t2) / minutes)
    return {"files": len(paths), "decode_s_per_minute": float(np.median(decode)),
            "fingerprint_s_per_minute": float(np.median(marks)),
            "fingerprint_real_time_factor": float(60.0 / np.median(marks)),
            "extract_s_per_minute": float(np.median(whole)), "extract_real_time_factor": float(60.0 / np.median(whole)),
            "load": load_average()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune", "test"))
    ap.add_argument("--speed", action="store_true", help="fingerprinting speed on one core (30 test A files)")
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-reuse", action="store_true")
    args = ap.parse_args(argv)
    if args.speed:
        out = fingerprint_speed()
        lines = ", ".join(f"{k}: {fmt(v, 3) if isinstance(v, float) else v}" for k, v in out.items())
        replace_section(RESULTS_MD, "speed", f"Fingerprinting on one core (`run.py --speed`): {lines}.",
                        title="# Audio benchmark: results\n")
        print(json.dumps(out, indent=2))
        return 0
    if not args.split:
        ap.error("give --split or --speed")
    rows = load_pairs(args.split)
    names = [t for t in args.tools.split(",") if t]
    thresholds = json.loads(THRESHOLDS.read_text(encoding="utf-8")) if THRESHOLDS.is_file() else {}
    summary: dict[str, Any] = {"split": args.split, "pairs": len(rows),
                               "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
                               "machine": machine(), "load": load_average(), "tools": {}}
    for name in names:
        scored = score_tool(name, args.split, rows, args.workers, not args.no_reuse)
        scores = np.array([float((p or {}).get("score", 0.0)) for p in scored["pairs"]])
        entry = {"params": scored["params"], "errors": sum(1 for p in scored["pairs"] if p and "error" in p),
                 "accuracy": accuracy(rows, scores, thresholds.get(name) if args.split == "test" else None),
                 "speed": speed(scored)}
        if name == "ours":
            entry["localisation"] = localisation(rows, scored["pairs"])
        summary["tools"][name] = entry
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.split}.json").write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    if args.split == "tune":
        data = dict(thresholds)
        for name, t in summary["tools"].items():
            data[name] = {q: t["accuracy"][q]["best_f1_threshold"] for q in QUESTIONS}
        THRESHOLDS.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    replace_section(RESULTS_MD, f"accuracy:{args.split}", render(summary, argv), title="# Audio benchmark: results\n")
    print(render(summary, argv))
    return 0


def render(summary: dict[str, Any], argv: list[str] | None) -> str:
    """The markdown section of one run."""
    names = list(summary["tools"])
    args = " ".join(argv if argv is not None else sys.argv[1:])
    lines = [f"### Split `{summary['split']}`", f"Command: `.venv/bin/python benchmarks/audio/run.py {args}`", "",
             f"Date: {summary['date']}; machine: {summary['machine']}; load {summary['load']}; "
             f"pairs: {summary['pairs']}", ""]
    for name in names:
        lines.append(f"- {name}: `{summary['tools'][name]['params']}`")
    lines.append("")
    for q in QUESTIONS:
        acc = {n: summary["tools"][n]["accuracy"][q] for n in names}
        first = acc[names[0]]
        lines += [f"#### Question `{q}` ({first['pairs']} pairs, {first['positives']} copies)", ""]
        rows = [["ROC AUC", *[fmt(acc[n]["auc"]) for n in names]],
                ["best F1", *[fmt(acc[n]["best_f1"]) for n in names]],
                ["threshold at best F1", *[fmt(acc[n]["best_f1_threshold"], 4) for n in names]],
                ["precision at recall 0.9", *[fmt(acc[n]["precision_at_recall_0.9"]) for n in names]]]
        if all("at_threshold" in acc[n] for n in names):
            rows += [["threshold (best F1 on tune)", *[fmt(acc[n]["at_threshold"]["threshold"], 4) for n in names]],
                     ["precision / recall there", *[f"{fmt(acc[n]['at_threshold']['precision'])} / "
                                                    f"{fmt(acc[n]['at_threshold']['recall'])}" for n in names]]]
        lines += [table(["measure", *names], rows), ""]
        fams = sorted(first["auc_family"])
        lines += [table(["ROC AUC per family", *names], [[f, *[fmt(acc[n]["auc_family"].get(f)) for n in names]]
                                                          for f in fams]), ""]
        negs = sorted(first["auc_negative_type"])
        lines += [table(["ROC AUC against one negative type", *names],
                        [[t, *[fmt(acc[n]["auc_negative_type"].get(t)) for n in names]] for t in negs]), ""]
        if all("at_threshold" in acc[n] for n in names):
            lines += [table(["FPR at the tune threshold", *names],
                            [[t, *[fmt(acc[n]["at_threshold"]["fpr_negative_type"].get(t)) for n in names]]
                             for t in negs]), ""]
            lines += [table(["recall at the tune threshold", *names],
                            [[f, *[fmt(acc[n]["at_threshold"]["recall_family"].get(f)) for n in names]]
                             for f in fams]), ""]
    if "ours" in summary["tools"]:
        loc = summary["tools"]["ours"]["localisation"]
        lines += [f"Localisation (ours, recording copies with a true segment): {loc['with_segment']}/{loc['copies']} "
                  f"with a segment; median error of B start/end {fmt(loc['median_error_s'], 2)} s; within 0.5 s: "
                  f"{fmt(loc['share_within_0.5s'])}", ""]
        lines += [table(["family", "median error s", "within 0.5 s", "n"],
                        [[f, fmt(v["median_error_s"], 2), fmt(v["share_within_0.5s"]), str(v["n"])]
                         for f, v in loc["family"].items()]), ""]
    lines += [table(["speed", *names],
                     [["s per comparison (features cached for ours)",
                       *[fmt(summary["tools"][n]["speed"]["compare_s_per_pair"], 4) for n in names]],
                      ["extraction s per minute of audio (ours)",
                       *[fmt(summary["tools"][n]["speed"].get("extract_s_per_minute_of_audio"), 3) for n in names]],
                      ["wall s for the split", *[fmt(summary["tools"][n]["speed"]["wall_s"], 0) for n in names]]]),
              ""]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
