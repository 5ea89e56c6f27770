"""Accuracy benchmark of the source-code comparator, with copydetect and Dolos side by side.

Usage (from the repository root)::

    .venv/bin/python benchmarks/code/run.py --split test [--tools ours,copydetect,dolos]
        [--threshold-from tune] [--out benchmarks/code/RESULTS.md]

Every pair of ``<data>/<split>/pairs.csv`` (columns ``a,b,label,family,strength,language,
origin``; paths relative to the CSV) is scored by every tool. Measures (scikit-learn):
ROC AUC over all pairs, per disguise family and per strength (positives of that group
against *all* negatives), per language (pairs of that language); best F1 and its
threshold; precision at recall 0.9; mean score per negative type; and, with
``--threshold-from tune``, precision/recall/F1 on the reported split at the best-F1
threshold chosen on the tune split. A pair a tool cannot score (e.g. a language it has no
parser for) counts as score 0 in the "all pairs" measures and is left out of the "pairs
every tool scores" row; the per-language table shows which languages those are.

Raw scores go to ``<work>/scores_<split>_<tool>.csv``; the tables go into the
``<!-- accuracy:<split> -->`` section of RESULTS.md (run_speed.py owns ``<!-- speed -->``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import shlex
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
for _path in (HERE, HERE.parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from common.machine import machine  # noqa: E402
from common.measures import auc, best_f1, precision_at_recall, prf_at  # noqa: E402
from common.results import fmt, table  # noqa: E402
from common.results import replace_section as _replace_section  # noqa: E402
from peers import copydetect_adapter, dolos_adapter  # noqa: E402

TOOLS = ("ours", "copydetect", "dolos")
# Strengths from which a disguise counts as dense (``combined`` 4-5 and the structural families alone at 4-5).
DENSE_MIN = 4
COLUMNS = ("a", "b", "label", "family", "strength", "language", "origin")
RECALL_TARGET = 0.9
CODE_TITLE = ("# Source-code comparator: benchmark results\n\nWritten by `benchmarks/code/run.py` (accuracy) "
              "and `benchmarks/code/run_speed.py` (speed); see `benchmarks/code/README.md`.\n")


def replace_section(path: Path, name: str, body: str) -> None:
    """A section of the code benchmark's RESULTS.md."""
    _replace_section(path, name, body, CODE_TITLE)


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Pair:
    """One labelled pair of a split (paths relative to the split folder)."""

    a: str
    b: str
    label: int
    family: str
    strength: int
    language: str
    origin: str


@dataclass
class Scores:
    """One tool's scores on a split: ``nan`` where the tool gave no score (see ``errors``)."""

    tool: str
    values: np.ndarray
    errors: list[str | None]
    seconds: float
    notes: list[str] = field(default_factory=list)

    @property
    def scored(self) -> np.ndarray:
        """Mask of pairs with a score."""
        return ~np.isnan(self.values)

    def filled(self) -> np.ndarray:
        """Scores with missing ones as 0 (the tool reported nothing for that pair)."""
        return np.nan_to_num(self.values, nan=0.0)


def load_split(data_dir: Path, split: str) -> list[Pair]:
    """The pairs of ``<data_dir>/<split>/pairs.csv``."""
    path = data_dir / split / "pairs.csv"
    if not path.is_file():
        raise SystemExit(f"no such split: {path} (generate the data first, see benchmarks/code/README.md)")
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise SystemExit(f"{path}: missing columns {', '.join(sorted(missing))}")
        return [Pair(r["a"], r["b"], int(r["label"]), r["family"], int(r["strength"] or 0),
                     r["language"], r["origin"]) for r in reader]


# --------------------------------------------------------------------------- scoring


def _progress(tool: str, done: int, total: int, started: float) -> None:
    """A progress line on stderr every 10 %."""
    step = max(1, total // 10)
    if done == total or done % step == 0:
        print(f"  {tool}: {done}/{total} pairs, {time.perf_counter() - started:.1f} s",
              file=sys.stderr, flush=True)


def _score_each(tool: str, pairs: list[Pair], base: Path,
                score_fn: Callable[[Path, Path], float]) -> Scores:
    """Scores from ``score_fn(path_a, path_b)``, one pair at a time; exceptions become errors."""
    values = np.full(len(pairs), np.nan)
    errors: list[str | None] = [None] * len(pairs)
    started = time.perf_counter()
    for i, p in enumerate(pairs):
        try:
            values[i] = float(score_fn(base / p.a, base / p.b))
        except Exception as exc:  # noqa: BLE001 - a tool's failure on one pair is a result
            errors[i] = f"{type(exc).__name__}: {exc}"
        _progress(tool, i + 1, len(pairs), started)
    return Scores(tool, values, errors, time.perf_counter() - started)


def score_ours(pairs: list[Pair], base: Path) -> Scores:
    """The workbench's code comparator: extract each file once, then compare each pair."""
    import comparators

    comparator = comparators.get("code")
    cache: dict[Path, object] = {}

    def features(path: Path) -> object:
        if path not in cache:
            try:
                cache[path] = comparator.extract(path)
            except Exception as exc:  # noqa: BLE001 - remembered, re-raised for each pair
                cache[path] = exc
        if isinstance(cache[path], Exception):
            raise cache[path]
        return cache[path]

    def score(a: Path, b: Path) -> float:
        return comparator.compare(features(a), features(b)).score

    return _score_each("ours", pairs, base, score)


def score_copydetect(pairs: list[Pair], base: Path) -> Scores:
    """copydetect: ``max`` of its two similarity ratios (see peers/copydetect_adapter.py)."""
    scorer = copydetect_adapter.CopydetectScorer()
    result = _score_each("copydetect", pairs, base, scorer.score)
    untokenised = sorted({Path(p.a).suffix for p in pairs if copydetect_adapter.lexer_name(p.a) is None})
    if untokenised:
        result.notes.append("copydetect has no Pygments lexer for " + ", ".join(untokenised)
                            + " (compared as raw text)")
    return result


def score_dolos(pairs: list[Pair], base: Path) -> Scores:
    """Dolos: all pairs in one Node run (see peers/dolos/dolos_pairs.mjs)."""
    started = time.perf_counter()
    results = dolos_adapter.DolosScorer().score_pairs([(base / p.a, base / p.b) for p in pairs])
    values = np.array([math.nan if s is None else float(s) for s, _ in results])
    seconds = time.perf_counter() - started
    print(f"  dolos: {len(pairs)} pairs, {seconds:.1f} s", file=sys.stderr, flush=True)
    return Scores("dolos", values, [e for _, e in results], seconds)


SCORERS: dict[str, Callable[[list[Pair], Path], Scores]] = {
    "ours": score_ours, "copydetect": score_copydetect, "dolos": score_dolos}


def write_scores(path: Path, pairs: list[Pair], scores: Scores) -> None:
    """Raw per-pair scores as CSV (pair columns + score + error)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*COLUMNS, "score", "error"])
        for p, value, error in zip(pairs, scores.values, scores.errors):
            writer.writerow([p.a, p.b, p.label, p.family, p.strength, p.language, p.origin,
                             "" if math.isnan(value) else f"{value:.6f}", error or ""])


def _meta_path(path: Path) -> Path:
    return path.with_suffix(".meta.json")


def write_meta(path: Path, scores: Scores) -> None:
    """Scoring time and notes next to the raw scores (read back by ``--reuse-scores``)."""
    meta = {"tool": scores.tool, "seconds": scores.seconds, "notes": scores.notes,
            "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    _meta_path(path).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def read_scores(path: Path, pairs: list[Pair], tool: str) -> Scores:
    """Scores written earlier by :func:`write_scores` (``--reuse-scores``)."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    if [(r["a"], r["b"]) for r in rows] != [(p.a, p.b) for p in pairs]:
        raise SystemExit(f"{path} does not match the split's pairs; run without --reuse-scores")
    values = np.array([float(r["score"]) if r["score"] else math.nan for r in rows])
    meta_path = _meta_path(path)
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
    notes = [*meta.get("notes", []), f"scores reused from {path.name} (scored {meta.get('written', '?')})"]
    return Scores(tool, values, [r["error"] or None for r in rows], meta.get("seconds", math.nan), notes)


def score_split(tool: str, pairs: list[Pair], base: Path, work: Path, split: str, reuse: bool) -> Scores:
    """Score (or reload) one tool on one split and keep the raw scores."""
    path = work / f"scores_{split}_{tool}.csv"
    if reuse and path.is_file():
        return read_scores(path, pairs, tool)
    print(f"scoring {split} with {tool} ...", file=sys.stderr, flush=True)
    scores = SCORERS[tool](pairs, base)
    write_scores(path, pairs, scores)
    write_meta(path, scores)
    return scores


# --------------------------------------------------------------------------- measures






# --------------------------------------------------------------------------- tables




def ordered(values: Iterable[str]) -> list[str]:
    """Distinct values in order of first appearance."""
    return list(dict.fromkeys(values))


@dataclass
class Split:
    """A split's pairs and each tool's scores, with the arrays the measures need."""

    name: str
    pairs: list[Pair]
    scores: dict[str, Scores]

    def __post_init__(self) -> None:
        self.labels = np.array([p.label for p in self.pairs])
        self.negatives = self.labels == 0
        self.common = np.logical_and.reduce([s.scored for s in self.scores.values()]) \
            if self.scores else np.ones(len(self.pairs), bool)

    def mask(self, pred: Callable[[Pair], bool]) -> np.ndarray:
        """Mask of pairs satisfying ``pred``."""
        return np.array([pred(p) for p in self.pairs], dtype=bool)


def _cell_auc_f1(split: Split, tool: str, mask: np.ndarray, scope: np.ndarray | None = None) -> str:
    """"AUC / best F1" of one tool on the pairs in ``mask``."""
    if scope is not None:
        mask = mask & scope
    labels, scores = split.labels[mask], split.scores[tool].filled()[mask]
    f1 = best_f1(labels, scores)
    return f"{fmt(auc(labels, scores))} / {fmt(f1[0] if f1 else None)}"


def overall_table(split: Split) -> str:
    """ROC AUC, best F1, precision at recall 0.9, coverage and time, tools as columns."""
    tools = list(split.scores)
    everything = np.ones(len(split.pairs), bool)
    rows: list[list[str]] = []

    def row(name: str, fn: Callable[[str], str]) -> None:
        rows.append([name, *(fn(t) for t in tools)])

    def measure(t: str, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return split.labels[mask], split.scores[t].filled()[mask]

    row("ROC AUC, all pairs (unscored = 0)", lambda t: fmt(auc(*measure(t, everything))))
    row(f"ROC AUC, pairs every tool scores ({int(split.common.sum())})",
        lambda t: fmt(auc(*measure(t, split.common))))
    row("best F1", lambda t: fmt(_first(best_f1(*measure(t, everything)))))
    row("threshold at best F1", lambda t: fmt(_second(best_f1(*measure(t, everything))), 4))
    row(f"precision at recall {RECALL_TARGET}", lambda t: fmt(_first(precision_at_recall(*measure(t, everything)))))
    row(f"threshold at recall {RECALL_TARGET}",
        lambda t: fmt(_second(precision_at_recall(*measure(t, everything))), 4))
    row("precision at recall 0.99", lambda t: fmt(_first(precision_at_recall(*measure(t, everything), 0.99))))
    row("pairs scored / all", lambda t: f"{int(split.scores[t].scored.sum())} / {len(split.pairs)}")
    row("scoring time (s)", lambda t: fmt(split.scores[t].seconds, 1))
    return table(["measure", *tools], rows)


def _first(pair: tuple[float, float] | None) -> float | None:
    return pair[0] if pair else None


def _second(pair: tuple[float, float] | None) -> float | None:
    return pair[1] if pair else None


def group_table(split: Split, title: str, key: Callable[[Pair], str], scope: np.ndarray | None,
                where: Callable[[Pair], bool] = lambda p: True) -> str:
    """AUC / best F1 per group of positives (those ``where`` holds for), each against all negatives."""
    positives = [p for p in split.pairs if p.label == 1 and where(p)]
    rows = []
    for group in ordered(key(p) for p in positives):
        mask = split.mask(lambda p, g=group: p.label == 0 or (where(p) and key(p) == g))
        n = sum(1 for p in positives if key(p) == group)
        rows.append([group, str(n), *(_cell_auc_f1(split, t, mask, scope) for t in split.scores)])
    return table([title, "positives", *(f"{t} AUC / F1" for t in split.scores)], rows)


def language_table(split: Split) -> str:
    """AUC / best F1 within each language, ``unsupported`` where a tool scored none of its pairs."""
    rows = []
    for language in ordered(p.language for p in split.pairs):
        mask = split.mask(lambda p, lang=language: p.language == lang)
        pos = int(np.sum(mask & ~split.negatives))
        cells = []
        for tool, scores in split.scores.items():
            covered = int(np.sum(mask & scores.scored))
            cell = _uncovered_label(scores, mask) if covered == 0 else _cell_auc_f1(split, tool, mask)
            if 0 < covered < int(mask.sum()):
                cell += f" ({covered}/{int(mask.sum())} scored)"
            cells.append(cell)
        rows.append([language, f"{pos} / {int(mask.sum()) - pos}", *cells])
    return table(["language", "pos / neg", *(f"{t} AUC / F1" for t in split.scores)], rows)


def _uncovered_label(scores: Scores, mask: np.ndarray) -> str:
    """"unsupported" when the tool refused the language, else "not scored" (it failed)."""
    errors = [e for e, m in zip(scores.errors, mask) if m]
    return "unsupported" if all(e and e.startswith("unsupported") for e in errors) else "not scored (errors)"


def negatives_table(split: Split) -> str:
    """Mean and max score per negative type (how alike independent code looks to each tool)."""
    rows = []
    for family in ordered(p.family for p in split.pairs if p.label == 0):
        mask = split.mask(lambda p, f=family: p.label == 0 and p.family == f)
        cells = []
        for scores in split.scores.values():
            values = scores.values[mask & scores.scored]
            cells.append(f"{fmt(float(values.mean()))} / {fmt(float(values.max()))}" if values.size else "–")
        rows.append([family, str(int(mask.sum())), *cells])
    return table(["negative type", "pairs", *(f"{t} mean / max" for t in split.scores)], rows)


def fixed_threshold_table(split: Split, tune: Split) -> str:
    """Precision/recall/F1 on ``split`` at each tool's best-F1 threshold from ``tune``."""
    rows = []
    for tool in split.scores:
        chosen = best_f1(tune.labels, tune.scores[tool].filled())
        if chosen is None:
            rows.append([tool, "–", "–", "–", "–"])
            continue
        p, r, f = prf_at(split.labels, split.scores[tool].filled(), chosen[1])
        rows.append([tool, fmt(chosen[1], 4), fmt(p), fmt(r), fmt(f)])
    return table(["tool", f"threshold (best F1 on {tune.name})", "precision", "recall", "F1"], rows)


def family_recall_table(split: Split, tune: Split) -> str:
    """Recall per disguise family at the tune-chosen threshold (which disguises slip through)."""
    thresholds = {t: _second(best_f1(tune.labels, tune.scores[t].filled())) for t in split.scores}
    rows = []
    for family in ordered(p.family for p in split.pairs if p.label == 1):
        mask = split.mask(lambda p, f=family: p.label == 1 and p.family == f)
        cells = [fmt(float(np.mean(split.scores[t].filled()[mask] >= thr))) if thr is not None else "–"
                 for t, thr in thresholds.items()]
        rows.append([family, str(int(mask.sum())), *cells])
    return table(["family", "positives", *(f"{t} recall" for t in split.scores)], rows)


def targets_table(split: Split, combined_family: str) -> str:
    """The issue's accuracy targets for ``ours``, met or not."""
    if "ours" not in split.scores:
        return "_(targets need the `ours` tool)_"
    ours = split.scores["ours"].filled()
    rows = [["ROC AUC over all pairs >= 0.98", *_target(auc(split.labels, ours), 0.98)]]
    strongest = max((p.strength for p in split.pairs if p.family == combined_family), default=None)
    mask = split.mask(lambda p: p.label == 0 or (p.family == combined_family and p.strength == strongest))
    rows.append([f"ROC AUC on `{combined_family}` strength {strongest} >= 0.95",
                 *_target(auc(split.labels[mask], ours[mask]) if strongest else None, 0.95)])
    rows.append(["best F1 above every peer on every disguise family", *_f1_beats_peers(split)])
    return table(["target", "measured", "met"], rows)


def _target(value: float | None, bound: float) -> list[str]:
    return [fmt(value), "–" if value is None else ("yes" if value >= bound else "**no**")]


def _f1_beats_peers(split: Split) -> list[str]:
    """[summary, verdict] for ours' best F1 against each peer's, family by family.

    A family is won when ours' F1 is higher than every peer's, tied when equal to the best
    peer's at three decimals, lost otherwise; a tie at F1 = 1.000 cannot be beaten and does
    not fail the target, any other tie or loss does.
    """
    peers = [t for t in split.scores if t != "ours"]
    if not peers:
        return ["no peer run", "–"]
    won, perfect_ties, failed = [], [], []
    families = ordered(p.family for p in split.pairs if p.label == 1)
    for family in families:
        mask = split.mask(lambda p, f=family: p.label == 0 or p.family == f)
        f1 = {t: round(_first(best_f1(split.labels[mask], split.scores[t].filled()[mask])) or 0.0, 3)
              for t in split.scores}
        best_peer = max(f1[peer] for peer in peers)
        if f1["ours"] > best_peer:
            won.append(family)
        elif f1["ours"] == best_peer == 1.0:
            perfect_ties.append(family)
        else:
            failed.append(family)
    summary = f"won {len(won)}, tied at 1.000 {len(perfect_ties)}, lost or tied below 1 {len(failed)} " \
              f"(of {len(families)})"
    return [summary, "yes" if not failed else "**no** (" + ", ".join(failed) + ")"]


# --------------------------------------------------------------------------- report


def versions(tools: list[str]) -> dict[str, str]:
    """Version of each tool that ran (ours: comparator version + workbench build)."""
    out: dict[str, str] = {}
    if "ours" in tools:
        import comparators
        from appraisal.version import tool_version

        out["ours"] = f"code comparator {comparators.get('code').version}, workbench {tool_version()}"
    if "copydetect" in tools:
        out["copydetect"] = copydetect_adapter.copydetect_version()
    if "dolos" in tools:
        out["dolos"] = "@dodona/dolos-lib " + dolos_adapter.dolos_version()
    return out




def dataset_summary(split: Split, data_dir: Path) -> str:
    """Counts of the split: pairs, positives, negatives, files, languages, families."""
    files = {x for p in split.pairs for x in (p.a, p.b)}
    pos = int(np.sum(split.labels == 1))
    languages = ", ".join(f"{k} {v}" for k, v in _counts(p.language for p in split.pairs).items())
    origins = ", ".join(f"{k} {v}" for k, v in _counts(p.origin.split(":", 1)[0] for p in split.pairs).items())
    return (f"`{_rel(data_dir / split.name / 'pairs.csv')}`: {len(split.pairs)} pairs ({pos} copies, "
            f"{len(split.pairs) - pos} independent), {len(files)} files; languages: {languages}; "
            f"pairs by origin (registry or task): {origins}.")


def _counts(values: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return out


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def split_section(split: Split, data_dir: Path, args: argparse.Namespace, tune: Split | None,
                  header: str) -> str:
    """The markdown of one split's results."""
    scope = split.common if args.scope == "common" else None
    scope_txt = "pairs every tool scores" if scope is not None else "all pairs, unscored = 0"
    parts = [
        f"### Split `{split.name}`", header, "",
        "Data: " + dataset_summary(split, data_dir), "",
        "#### Overall", overall_table(split), "",
        f"#### Per disguise family (positives of the family vs all negatives; {scope_txt})",
        group_table(split, "family", lambda p: p.family, scope), "",
        f"#### Per strength (positives of that strength vs all negatives; {scope_txt})",
        group_table(split, "strength", lambda p: str(p.strength), scope), "",
        f"#### Dense levels per family (positives of that family and strength vs all negatives; {scope_txt})",
        group_table(split, "family, strength", lambda p: f"{p.family} {p.strength}", scope,
                    where=lambda p: p.strength >= DENSE_MIN), "",
        "#### Per language (pairs of that language)", language_table(split), "",
        "#### Negatives: score of independent code", negatives_table(split), "",
    ]
    if tune is not None and tune is not split:
        parts += [f"#### At the threshold chosen on `{tune.name}`", fixed_threshold_table(split, tune), "",
                  family_recall_table(split, tune), ""]
    parts += ["#### Targets (issue 3)", targets_table(split, args.combined_family), ""]
    notes = [f"- {t}: {n}" for t, s in split.scores.items() for n in s.notes + _error_summary(s)]
    if notes:
        parts += ["Notes:", *notes, ""]
    return "\n".join(parts)


def _error_summary(scores: Scores) -> list[str]:
    """Distinct errors with counts (at most five)."""
    counts = _counts(e for e in scores.errors if e)
    top = sorted(counts.items(), key=lambda kv: -kv[1])[:5]
    return [f"{n} pairs not scored: {e}" for e, n in top]


def run_header(args: argparse.Namespace, tools: list[str]) -> str:
    """Command, date, machine and versions."""
    command = ".venv/bin/python benchmarks/code/run.py " + shlex.join(sys.argv[1:])
    lines = [f"Command: `{command}`", "",
             f"Date: {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')}; machine: {machine()}", ""]
    lines += [f"- {tool}: {v}" for tool, v in versions(tools).items()]
    if "ours" in tools:
        import comparators

        lines.append(f"- ours params: `{comparators.get('code').params}`")
    if "copydetect" in tools:
        lines.append(f"- copydetect params: `{copydetect_adapter.CopydetectScorer().params}`")
    if "dolos" in tools:
        lines.append(f"- dolos params: `{dolos_adapter.DolosScorer.params}`")
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test", help="split(s) to report, comma separated (tune,test)")
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma separated: " + ", ".join(TOOLS))
    parser.add_argument("--threshold-from", default=None, metavar="SPLIT",
                        help="choose each tool's best-F1 threshold on this split and apply it to --split")
    parser.add_argument("--data", type=Path, default=HERE / "data", help="folder holding <split>/pairs.csv")
    parser.add_argument("--work", type=Path, default=HERE / "work", help="raw per-pair scores go here")
    parser.add_argument("--out", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument("--scope", choices=("all", "common"), default="all",
                        help="family/strength tables over all pairs (unscored = 0) or pairs every tool scores")
    parser.add_argument("--combined-family", default="combined",
                        help="the family holding the combined disguises (for the targets table)")
    parser.add_argument("--reuse-scores", action="store_true",
                        help="reload <work>/scores_<split>_<tool>.csv instead of scoring again")
    args = parser.parse_args(argv)
    args.tool_list = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = set(args.tool_list) - set(TOOLS)
    if unknown:
        parser.error(f"unknown tools: {', '.join(sorted(unknown))}")
    args.splits = [s.strip() for s in args.split.split(",") if s.strip()]
    return args


def evaluate(name: str, args: argparse.Namespace) -> Split:
    """Load a split and score it with every tool."""
    pairs = load_split(args.data, name)
    base = args.data / name
    scores = {t: score_split(t, pairs, base, args.work, name, args.reuse_scores) for t in args.tool_list}
    return Split(name, pairs, scores)


def main(argv: list[str] | None = None) -> int:
    """Score, measure and write RESULTS.md."""
    args = parse_args(argv)
    splits = {name: evaluate(name, args) for name in args.splits}
    tune = None
    if args.threshold_from:
        tune = splits.get(args.threshold_from) or evaluate(args.threshold_from, args)
    header = run_header(args, args.tool_list)
    for name, split in splits.items():
        section = split_section(split, args.data, args, tune, header)
        replace_section(args.out, f"accuracy:{name}", section)
        print(section)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
