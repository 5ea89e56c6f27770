"""Scoring a split with one tool: cached results first, the rest in a process pool, in pair order."""

from __future__ import annotations

import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pair_cache import PairCache, pair_key
from split_data import Pair
from tools import cache_key, canonical, score_job


@dataclass
class ToolRun:
    """One tool's per-pair results on a split (same order as the pairs) and what it cost."""

    tool: str
    results: list[dict[str, Any]]
    wall_s: float
    cached: int
    notes: list[str] = field(default_factory=list)

    @property
    def tool_s(self) -> float:
        """Time spent inside the tool, summed over pairs (from the cache for cached pairs)."""
        return float(sum(r.get("seconds") or 0.0 for r in self.results))


def _progress(tool: str, done: int, total: int, started: float) -> None:
    step = max(1, total // 10)
    if done == total or done % step == 0:
        print(f"  {tool}: {done}/{total} pairs, {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)


def score_tool(tool: str, pairs: list[Pair], base: Path, overrides: dict[str, Any], workers: int,
               cache_dir: Path, use_cache: bool = True) -> ToolRun:
    """Every pair's result for ``tool``; pairs are scored in ``workers`` processes."""
    overrides_json = canonical(overrides if tool == "ours" else {})
    cache = PairCache(cache_dir, tool, cache_key(tool, overrides_json), use_cache)
    keys = [pair_key(base / p.a, base / p.b) for p in pairs]
    results: list[dict[str, Any] | None] = [cache.get(k) for k in keys]
    todo = [i for i, r in enumerate(results) if r is None]
    started = time.perf_counter()
    print(f"{tool}: {len(pairs) - len(todo)} pairs cached, {len(todo)} to score", file=sys.stderr, flush=True)
    jobs = ([tool] * len(todo), [overrides_json] * len(todo),
            [str(base / pairs[i].a) for i in todo], [str(base / pairs[i].b) for i in todo])
    fresh: dict[str, dict[str, Any]] = {}
    if workers > 1 and len(todo) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            outputs = pool.map(score_job, *jobs, chunksize=max(1, min(16, len(todo) // (4 * workers))))
            fresh = _collect(tool, todo, keys, outputs, results, started)
    else:
        fresh = _collect(tool, todo, keys, map(score_job, *jobs), results, started)
    cache.put_many(fresh)
    run = ToolRun(tool, [r or {} for r in results], time.perf_counter() - started, len(pairs) - len(todo))
    if run.cached:
        run.notes.append(f"{run.cached} of {len(pairs)} pairs from the cache ({cache.path.name})")
    return run


def _collect(tool: str, todo: list[int], keys: list[str], outputs: Any,
             results: list[dict[str, Any] | None], started: float) -> dict[str, dict[str, Any]]:
    """Put each worker output in its pair's slot; returns the new results by pair key."""
    fresh: dict[str, dict[str, Any]] = {}
    for done, (i, out) in enumerate(zip(todo, outputs), start=1):
        results[i] = out
        fresh[keys[i]] = out
        _progress(tool, done, len(todo), started)
    return fresh
