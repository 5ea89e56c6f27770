"""Crash safety: ``case run`` killed with SIGKILL midway leaves a consistent, resumable case.

A case with 4 side-A and 5 side-B text materials (~150 KB each, generated deterministically
so every pair takes a noticeable fraction of a second) is run in a subprocess that is
killed as soon as the first comparison is committed. The case must then verify, a second
``case run`` must complete every pair exactly once, and its ``findings.json`` must be
byte-identical to that of a case that ran uninterrupted from the same inputs.
"""

from __future__ import annotations

import contextlib
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import REPO, cli_env, cli_ok, query_db, run_cli

N_A, N_B = 4, 5
TOTAL_PAIRS = N_A * N_B
TARGET_BYTES = 150_000
HANZI = ("的一是在不了有和人这中大为上个国我以要他时来用们"
         "生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所")
WORDS = [f"{c}{v}{n}" for c in "bdgklmnprstvz" for v in "aeiou" for n in ("", "n", "r")] + list(HANZI)


def prose(seed: int, nbytes: int) -> str:
    """Deterministic pseudo-prose (Latin words and Chinese characters) of about ``nbytes``."""
    rng = random.Random(seed)
    lines, size = [], 0
    while size < nbytes:
        line = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18))) + "。\n"
        lines.append(line)
        size += len(line.encode("utf-8"))
    return "".join(lines)


def write_inputs(root: Path) -> tuple[list[Path], list[Path]]:
    """Side-A originals and side-B texts that copy passages of them among new text."""
    root.mkdir(parents=True)
    originals = [prose(100 + i, TARGET_BYTES) for i in range(N_A)]
    a_paths, b_paths = [], []
    for i, text in enumerate(originals):
        path = root / f"original_{i + 1}.txt"
        path.write_text(text, encoding="utf-8")
        a_paths.append(path)
    for j in range(N_B):
        source = originals[j % N_A]
        start = (j * 7919) % (len(source) // 2)
        copied = source[start:start + len(source) // 3]
        text = prose(200 + j, TARGET_BYTES // 2) + copied + prose(300 + j, TARGET_BYTES // 6)
        path = root / f"accused_{j + 1}.txt"
        path.write_text(text, encoding="utf-8")
        b_paths.append(path)
    return a_paths, b_paths


def build_case(case: Path, a_paths: list[Path], b_paths: list[Path]) -> Path:
    cli_ok("case", "create", case)
    for path in a_paths:
        cli_ok("case", "add", case, path, "--side", "A")
    for path in b_paths:
        cli_ok("case", "add", case, path, "--side", "B")
    return case


def comparison_count(conn: sqlite3.Connection) -> int:
    try:
        return conn.execute("SELECT COUNT(*) FROM comparisons").fetchone()[0]
    except sqlite3.OperationalError:  # database briefly locked by the writer
        return 0


def kill_after_first_comparison(case: Path, timeout: float = 60) -> None:
    """Start ``case run``, SIGKILL it as soon as one comparison is committed."""
    proc = subprocess.Popen([sys.executable, "-m", "appraisal.cli", "case", "run", str(case)],
                            cwd=REPO, env=cli_env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    try:
        with contextlib.closing(sqlite3.connect(f"file:{case / 'case.db'}?mode=ro", uri=True,
                                                isolation_level=None, timeout=0.1)) as conn:
            while comparison_count(conn) < 1:
                if proc.poll() is not None:
                    raise AssertionError(
                        f"case run ended (exit {proc.returncode}) before it could be killed: "
                        f"{proc.stderr.read().decode('utf-8', 'replace')}")
                if time.monotonic() > deadline:
                    raise AssertionError("case run committed no comparison in time")
                time.sleep(0.005)
            proc.send_signal(signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL


def test_killed_run_leaves_a_valid_case_that_a_second_run_completes(tmp_path: Path) -> None:
    a_paths, b_paths = write_inputs(tmp_path / "input")
    interrupted = build_case(tmp_path / "interrupted", a_paths, b_paths)
    reference = build_case(tmp_path / "reference", a_paths, b_paths)

    kill_after_first_comparison(interrupted)
    done_at_kill = query_db(interrupted, "SELECT COUNT(*) FROM comparisons")[0][0]
    assert 1 <= done_at_kill < TOTAL_PAIRS, f"the kill came too late: {done_at_kill} pairs done"

    verify = run_cli("case", "verify", interrupted, "--json")
    assert verify.code == 0, f"a killed run left a case that fails verification: {verify.out}"

    rerun = run_cli("case", "run", interrupted, "--json")
    assert rerun.code == 0, rerun.err
    rows = query_db(interrupted, "SELECT a_id, b_id FROM comparisons")
    assert len(rows) == TOTAL_PAIRS
    assert len(set(rows)) == TOTAL_PAIRS, "a pair was compared twice"
    assert {a for a, _ in rows} == {f"YB-{i:02d}" for i in range(1, N_A + 1)}
    assert {b for _, b in rows} == {f"JC-{j:02d}" for j in range(1, N_B + 1)}
    assert run_cli("case", "verify", interrupted).code == 0

    cli_ok("case", "run", reference)
    resumed = (interrupted / "findings.json").read_bytes()
    uninterrupted = (reference / "findings.json").read_bytes()
    assert resumed == uninterrupted, "an interrupted and resumed run gives different findings"
