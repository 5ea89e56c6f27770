"""Running disguise transformations as independent, seeded jobs (in a process pool)."""

from __future__ import annotations

import hashlib
import multiprocessing
import random
from collections.abc import Sequence
from dataclasses import dataclass

from disguise import FAMILIES
from langs import parse_errors


@dataclass(frozen=True)
class Job:
    """Disguise ``src`` with one family at one strength; the seed makes the result reproducible."""

    origin: str
    language: str
    family: str
    strength: int
    seed: str
    src: bytes


@dataclass(frozen=True)
class Outcome:
    """What a job produced: the text (None when skipped) and why."""

    text: bytes | None
    status: str  # ok | unchanged | parse-error | error:<Exception>


def seed_for(*parts: object) -> str:
    """A seed string for one job, derived from the split seed and the job's identity."""
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def run(job: Job) -> Outcome:
    """Run one job; outputs equal to the input or with new parse errors are withheld."""
    try:
        out = FAMILIES[job.family](job.src, job.language, job.strength, random.Random(job.seed))
    except Exception as exc:  # noqa: BLE001 - a failed transformation only skips its pair
        return Outcome(None, f"error:{type(exc).__name__}")
    if out == job.src:
        return Outcome(None, "unchanged")
    if parse_errors(job.language, out) > parse_errors(job.language, job.src):
        return Outcome(None, "parse-error")
    return Outcome(out, "ok")


def run_all(jobs: Sequence[Job], workers: int) -> list[Outcome]:
    """Outcomes in job order (deterministic whatever the number of workers)."""
    if workers <= 1:
        return [run(j) for j in jobs]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        return pool.map(run, jobs, chunksize=16)
