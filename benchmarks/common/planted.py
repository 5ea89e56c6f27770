"""Planted-work retrieval benchmark: a work copied into many suspects must not vanish from batch retrieval.

The candidate index of ``appraisal batch`` drops k-gram hashes found in more than a small share of the
corpus; it counts that share over groups of near-duplicate files, so a work planted into 1 %, 5 % or 20 %
of a suspect corpus should still be retrieved against every copy. This module is the medium-independent
part: the layout of the corpora (references, suspects, planted copies of one work W, one-to-one control
copies of other references), the run of the real CLI under ``/usr/bin/time -v``, scoring of
``results.jsonl`` and the RESULTS.md section. Each medium's ``run_planted.py`` supplies the items (real
files or documents), how a copy is lightly edited and how it is embedded in a host suspect.

Layout written under ``out`` (one folder per share, references shared)::

    refs/<name>                   n_refs references: W and other real items (the controls' sources among them)
    share-<pct>/suspects/<name>   n_suspects suspects; planted ones hold an edited copy of W in host content
    share-<pct>/manifest.json     role of every file (planted, control with its reference, own)
    share-<pct>/results.jsonl     what ``appraisal batch`` wrote

Planted slots are nested (the 1 % copies are among the 5 %, those among the 20 %) and a slot's copy is
the same in every share; the controls are the same files in every share.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from common.machine import load_average, machine
from common.results import fmt, replace_section, table
from common.speed import TIME, TreeSampler, parse_time_v

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
SECTION = "planted"


@dataclass(frozen=True)
class Item:
    """One real file or document: ``group`` (language) decides which hosts a copy of it may go into."""

    key: str
    group: str
    ext: str
    data: bytes


# copy(item, rng) -> lightly edited bytes; embed(copy, host, host_share, rng) -> bytes of the suspect
CopyFn = Callable[[Item, random.Random], bytes]
EmbedFn = Callable[[bytes, Item, float, random.Random], bytes]


@dataclass
class Plan:
    """What to build: sizes, shares, the work W and how copies are made."""

    kind: str
    items: list[Item]
    pick_w: Callable[[Item], bool]
    copy: CopyFn
    embed: EmbedFn
    out: Path
    seed: int = 20250101
    n_suspects: int = 5000
    n_refs: int = 200
    n_controls: int = 100
    shares: tuple[float, ...] = (0.01, 0.05, 0.20)
    host_share: float = 0.25  # host content kept in a planted suspect, relative to the size of the copy
    workers: int = 2
    description: str = ""
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Layout:
    """Names of the written files by role."""

    w: str
    refs: list[str]
    planted: dict[float, list[str]]  # share -> suspect names holding a copy of W
    controls: dict[str, str]  # suspect name -> reference name it copies
    suspects: int
    keys: dict[str, str] = field(default_factory=dict)  # file name -> item key (origin)

    def planted_set(self, share: float) -> set[str]:
        """Suspects holding a copy of W at ``share``."""
        return set(self.planted[share])


def _name(seed: int, *parts: object) -> str:
    return hashlib.sha256("|".join(map(str, (seed, *parts))).encode()).hexdigest()[:12]


def _pct(share: float) -> str:
    return f"{share * 100:g}"


def share_dir(out: Path, share: float) -> Path:
    """Folder of one share's corpus."""
    return out / f"share-{_pct(share)}"


_STATE: dict[str, Any] = {}


def _make_copy(job: tuple[str, int, str, int]) -> bytes:
    """Worker: (role, item index, host index or -1, seed) -> the suspect's bytes."""
    role, item_i, host_i, seed = job
    plan: Plan = _STATE["plan"]
    items: list[Item] = _STATE["items"]
    rng = random.Random(seed)
    copied = plan.copy(items[item_i], rng)
    return plan.embed(copied, items[host_i], plan.host_share, rng)


def build(plan: Plan) -> Layout:
    """Write references and the corpora of every share (skipped when the same plan is already on disk)."""
    fingerprint = hashlib.sha256(json.dumps(
        {"seed": plan.seed, "n": plan.n_suspects, "refs": plan.n_refs, "controls": plan.n_controls,
         "shares": plan.shares, "host_share": plan.host_share, "items": [i.key for i in plan.items],
         "params": plan.params}, sort_keys=True).encode()).hexdigest()
    rng = random.Random(plan.seed)
    items = sorted(plan.items, key=lambda i: i.key)
    rng.shuffle(items)
    w_index = next(n for n, it in enumerate(items) if plan.pick_w(it))
    w = items.pop(w_index)
    need = plan.n_refs - 1 + plan.n_suspects
    if len(items) < need:
        raise SystemExit(f"only {len(items) + 1} items for {plan.n_refs} references and {plan.n_suspects} "
                         "suspects: lower --items or --refs")
    refs = [w] + items[:plan.n_refs - 1]
    suspects = items[plan.n_refs - 1:need]
    # hosts of W: suspects of W's group, in a seeded order; the first n*share of them at each share
    w_hosts = [n for n, s in enumerate(suspects) if s.group == w.group]
    rng.shuffle(w_hosts)
    n_planted = {s: round(s * plan.n_suspects) for s in plan.shares}
    if max(n_planted.values()) > len(w_hosts):
        raise SystemExit(f"{max(n_planted.values())} copies of W need as many {w.group} suspects; "
                         f"there are {len(w_hosts)}")
    taken = set(w_hosts[:max(n_planted.values())])
    control_src = [r for r in refs[1:]][:plan.n_controls]
    free = [n for n in range(len(suspects)) if n not in taken]
    rng.shuffle(free)
    control_slot: dict[int, int] = {}  # suspect index -> reference index
    for r_i, ref in enumerate(control_src, start=1):
        slot = next((n for n in free if suspects[n].group == ref.group and n not in control_slot), None)
        if slot is not None:
            control_slot[slot] = r_i
    all_items = refs + suspects
    ref_names = [_name(plan.seed, "ref", r.key) + r.ext for r in refs]
    sus_names = [_name(plan.seed, "suspect", n) + s.ext for n, s in enumerate(suspects)]
    keys = {name: item.key for name, item in zip(ref_names + sus_names, all_items)}
    stamp = plan.out / "layout.json"
    if stamp.exists() and json.loads(stamp.read_text()).get("fingerprint") == fingerprint:
        saved = json.loads(stamp.read_text())
        return Layout(saved["w"], saved["refs"], {float(k): v for k, v in saved["planted"].items()},
                      saved["controls"], saved["suspects"], keys)
    jobs = [("planted", 0, plan.n_refs + n, plan.seed * 7 + n) for n in w_hosts[:max(n_planted.values())]]
    jobs += [("control", r_i, plan.n_refs + n, plan.seed * 11 + n) for n, r_i in sorted(control_slot.items())]
    _STATE.update(plan=plan, items=all_items)
    t0 = dt.datetime.now()
    if plan.workers > 1:
        with get_context("fork").Pool(plan.workers) as pool:
            made = pool.map(_make_copy, jobs, chunksize=8)
    else:
        made = [_make_copy(j) for j in jobs]
    print(f"{len(jobs)} copies made in {(dt.datetime.now() - t0).total_seconds():.1f}s", file=sys.stderr)
    content = {job[2] - plan.n_refs: data for job, data in zip(jobs, made) if job[0] == "control"}
    planted_bytes = {job[2] - plan.n_refs: data for job, data in zip(jobs, made) if job[0] == "planted"}
    (plan.out / "refs").mkdir(parents=True, exist_ok=True)
    for name, ref in zip(ref_names, refs):
        (plan.out / "refs" / name).write_bytes(ref.data)
    planted: dict[float, list[str]] = {}
    for share in plan.shares:
        folder = share_dir(plan.out, share) / "suspects"
        folder.mkdir(parents=True, exist_ok=True)
        here = set(w_hosts[:n_planted[share]])
        for n, (name, sus) in enumerate(zip(sus_names, suspects)):
            data = planted_bytes[n] if n in here else content.get(n, sus.data)
            (folder / name).write_bytes(data)
        planted[share] = sorted(sus_names[n] for n in here)
        manifest = {name: ("planted" if n in here else
                           f"control:{ref_names[control_slot[n]]}" if n in control_slot else "own")
                    for n, name in enumerate(sus_names)}
        (share_dir(plan.out, share) / "manifest.json").write_text(json.dumps(manifest, indent=0, sort_keys=True))
    layout = Layout(ref_names[0], ref_names, planted,
                    {sus_names[n]: ref_names[r] for n, r in control_slot.items()}, len(suspects), keys)
    stamp.write_text(json.dumps({"fingerprint": fingerprint, "w": layout.w, "w_key": w.key, "refs": layout.refs,
                                 "planted": {str(k): v for k, v in planted.items()}, "controls": layout.controls,
                                 "suspects": layout.suspects}, indent=0))
    return layout


@dataclass(frozen=True)
class Run:
    """One CLI run: wall time, peak RSS of the largest process and of the whole tree, its summary."""

    command: list[str]
    wall_s: float
    rss_mb: float
    tree_rss_mb: float
    summary: dict[str, Any]


def run_batch(kind: str, refs: Path, suspects: Path, out: Path, workers: int, extra: Sequence[str] = ()) -> Run:
    """``appraisal batch --kind KIND REFS --against SUSPECTS --out OUT`` under ``/usr/bin/time -v``."""
    command = [str(PYTHON), "-m", "appraisal.cli", "batch", "--kind", kind, str(refs), "--against", str(suspects),
               "--out", str(out), "--workers", str(workers), "--json", *extra]
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([TIME, "-v", *command], cwd=ROOT, stdout=subprocess.PIPE, stderr=err, text=True)
        with TreeSampler(proc.pid, interval=0.2) as sampler:
            stdout, _ = proc.communicate()
        err.seek(0)
        stderr = err.read()
    if proc.returncode != 0:
        raise SystemExit(f"batch failed ({proc.returncode}): {shlex.join(command)}\n{stderr[-3000:]}")
    wall, rss = parse_time_v(stderr)
    try:
        summary = json.loads(stdout)
    except ValueError:
        summary = {"stdout": stdout.strip()[-500:]}
    return Run(command, wall, rss, sampler.peak / 2**20, summary)


def read_scores(results: Path) -> dict[tuple[str, str], float]:
    """(reference name, suspect name) -> score of every scored pair in ``results.jsonl``."""
    scores: dict[tuple[str, str], float] = {}
    with results.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if "score" not in row or not row.get("b"):
                continue
            a, b = Path(row["a"]).name, Path(row["b"]).name
            scores[(a, b)] = float(row["score"])
    return scores


@dataclass(frozen=True)
class Outcome:
    """Figures of one share."""

    share: float
    planted: int
    candidates: int  # planted copies paired with W at all (the retrieval stage)
    found: int  # ... scoring at least the threshold
    controls: int
    controls_candidates: int
    controls_found: int
    pairs: int
    min_score: float | None
    median_score: float | None
    run: Run
    missed_controls: tuple[tuple[str, str, float | None], ...] = ()  # (suspect, reference, score or None)

    @property
    def recall(self) -> float:
        """Planted copies found at the threshold, as a share of all planted copies."""
        return self.found / self.planted if self.planted else float("nan")

    @property
    def candidate_recall(self) -> float:
        """Planted copies retrieved at all."""
        return self.candidates / self.planted if self.planted else float("nan")

    @property
    def controls_recall(self) -> float:
        """Controls found at the threshold."""
        return self.controls_found / self.controls if self.controls else float("nan")


def evaluate(layout: Layout, share: float, results: Path, threshold: float, run: Run) -> Outcome:
    """Recall of the planted copies and of the controls at the candidate stage and at ``threshold``."""
    scores = read_scores(results)
    planted = layout.planted[share]
    w_scores = [scores[(layout.w, s)] for s in planted if (layout.w, s) in scores]
    ctl = [scores.get((ref, sus)) for sus, ref in layout.controls.items()]
    missed = tuple((sus, ref, scores.get((ref, sus))) for sus, ref in sorted(layout.controls.items())
                   if scores.get((ref, sus), -1.0) < threshold)
    return Outcome(share, len(planted), len(w_scores), sum(s >= threshold for s in w_scores),
                   len(ctl), sum(s is not None for s in ctl), sum(s is not None and s >= threshold for s in ctl),
                   len(scores), min(w_scores) if w_scores else None,
                   statistics.median(w_scores) if w_scores else None, run, missed)


def run_all(plan: Plan, threshold: float, extra: Sequence[str] = (), reuse: bool = False
            ) -> tuple[Layout, list[Outcome]]:
    """Build the corpora, run the CLI on each share (``reuse``: take an earlier run's results), evaluate."""
    layout = build(plan)
    outcomes = []
    for share in plan.shares:
        folder = share_dir(plan.out, share)
        results = folder / "results.jsonl"
        saved = folder / "run.json"
        if reuse and saved.exists() and results.exists():
            run = Run(**json.loads(saved.read_text()))
        else:
            print(f"share {_pct(share)} %: running batch", file=sys.stderr)
            run = run_batch(plan.kind, plan.out / "refs", folder / "suspects", results, plan.workers, extra)
            saved.write_text(json.dumps(run.__dict__))
        outcome = evaluate(layout, share, results, threshold, run)
        print(f"share {_pct(share)} %: {outcome.candidates}/{outcome.planted} retrieved, {outcome.found} found, "
              f"controls {outcome.controls_found}/{outcome.controls}, {outcome.pairs} pairs, "
              f"{run.wall_s:.0f}s, {run.rss_mb:.0f} MB", file=sys.stderr)
        outcomes.append(outcome)
    return layout, outcomes


def missed_notes(layout: Layout, outcomes: list[Outcome]) -> list[str]:
    """One line per control missed at some share: its reference's origin and the stage where it was lost."""
    seen: dict[tuple[str, str], list[str]] = {}
    for o in outcomes:
        for sus, ref, score in o.missed_controls:
            stage = "not retrieved" if score is None else f"score {score:.3f}"
            seen.setdefault((sus, ref), []).append(f"{_pct(o.share)} %: {stage}")
    return [f"control missed: `{layout.keys.get(ref, ref)}` → suspect `{sus}` ({'; '.join(where)})"
            for (sus, ref), where in sorted(seen.items())]


def report(path: Path, command: str, plan: Plan, layout: Layout, threshold: float, outcomes: list[Outcome],
           version: str, notes: Sequence[str] = ()) -> str:
    """Write the ``planted`` section of ``path`` and return it."""
    header = ["share planted", "planted copies", "retrieved (candidates)", f"found (score >= {threshold:g})",
              "recall", "candidate recall", "controls recall", "pairs scored", "W score min / median",
              "wall (s)", "max RSS (MB)", "tree RSS (MB)"]
    rows = [[f"{_pct(o.share)} %", str(o.planted), str(o.candidates), str(o.found), fmt(o.recall),
             fmt(o.candidate_recall), f"{fmt(o.controls_recall)} ({o.controls_found}/{o.controls})", str(o.pairs),
             f"{fmt(o.min_score)} / {fmt(o.median_score)}", f"{o.run.wall_s:.0f}", f"{o.run.rss_mb:.0f}",
             f"{o.run.tree_rss_mb:.0f}"] for o in outcomes]
    met = all(o.recall >= 0.99 for o in outcomes)
    near = ", so the copies are near-duplicates of each other" if plan.host_share <= 0.5 else ""
    lines = [
        "## A work copied many times: batch retrieval of planted copies",
        f"Command: `{command}`", "",
        f"Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}; machine: {machine()}; "
        f"load average after: {load_average()}", "",
        f"- ours: {version}",
        f"- CLI per share: `{shlex.join(['.venv/bin/python', *outcomes[0].run.command[1:]])}`"
        .replace(str(ROOT) + "/", "") if outcomes else "",
        f"- corpus: {plan.description}; W = `{layout.keys.get(layout.w, layout.w)}`",
        f"- {plan.n_refs} references (W and {plan.n_refs - 1} other real items), {plan.n_suspects} suspects per share; "
        f"W planted into the given share of the suspects, each copy lightly edited and embedded in the host's "
        f"own content (host content ≈ {plan.host_share:g} × the copy's size, at most the whole host"
        f"{near}); {outcomes[0].controls if outcomes else 0} one-to-one controls (other references, "
        "edited the same way, each in one suspect) in every share",
        "- retrieval: the CLI's default `--retrieval`; the CLI is run with `--threshold 0` so every candidate is "
        f"written, and *found* counts the pairs (W, copy) scoring at least {threshold:g} (the medium's best-F1 "
        "threshold of the tune split) — the same rows `--threshold` would keep",
        "- max RSS: largest single process (`/usr/bin/time -v`); tree RSS: summed RSS of the CLI and its workers",
        *[f"- {n}" for n in [*missed_notes(layout, outcomes), *notes]], "",
        table(header, rows), "",
        f"Target recall >= 0.99 at every share: {'met' if met else 'NOT met'}.",
    ]
    body = "\n".join(line for line in lines if line is not None)
    replace_section(path, SECTION, body)
    return body
