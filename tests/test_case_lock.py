"""One writing process per case: a second run is refused (or waits), a stale lock is cleared and noted.

Reproduces issue 18's second finding with two real ``case run`` processes: the first is held
inside its first write (the test keeps SQLite's write lock), so it is certainly still running
when the second starts; the second must be refused with exit 2 naming the first one's pid,
never with the old ``case database is damaged or locked (UNIQUE constraint failed …)``.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, cli, cli_env, query_db, run_cli

from appraisal.custody import lock as lock_mod
from appraisal.custody.case import Case
from appraisal.custody.lock import CaseInUse, CaseLock, parse_holder

IN_USE = "case is in use by another run (pid {pid}, since "


def wait_for_holder(case: Path, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """Poll until ``proc`` holds the case lock (fails if it ends first)."""
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError):
            holder = parse_holder((case / "case.lock").read_text(encoding="utf-8"))
            if holder is not None and holder.pid == proc.pid:
                return
        if proc.poll() is not None:
            raise AssertionError(f"the first run ended (exit {proc.returncode}) before it took the lock: "
                                 f"{proc.stderr.read().decode('utf-8', 'replace') if proc.stderr else ''}")
        if time.monotonic() > deadline:
            raise AssertionError("the first run did not take the case lock")
        time.sleep(0.05)


def test_second_run_on_a_case_in_use_is_refused_naming_the_first(case_dir: Path) -> None:
    db = sqlite3.connect(case_dir / "case.db", isolation_level=None, timeout=0.5)
    db.execute("BEGIN IMMEDIATE")  # the first run will block at its first write, while holding the case lock
    first = subprocess.Popen([sys.executable, "-m", "appraisal.cli", "case", "run", str(case_dir)], cwd=REPO,
                             env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_holder(case_dir, first)

        second = run_cli("case", "run", case_dir)

        assert second.code == 2, second.out + second.err
        assert len(second.err_lines) == 1, second.err
        assert second.err_lines[0].startswith(f"appraisal: error: {case_dir}: {IN_USE.format(pid=first.pid)}")
        assert "damaged" not in second.err and "UNIQUE" not in second.err and "Traceback" not in second.err
        report = run_cli("case", "report", case_dir, "--draft")
        assert report.code == 2 and IN_USE.format(pid=first.pid) in report.err, report.err
    finally:
        db.execute("ROLLBACK")
        db.close()
        _, err = first.communicate(timeout=300)
    assert first.returncode == 0, err.decode("utf-8", "replace")
    pairs = query_db(case_dir, "SELECT a_id, b_id FROM comparisons")
    assert len(pairs) == len(set(pairs)) == 1
    assert not (case_dir / "case.lock").exists(), "the lock file outlived its run"
    assert run_cli("case", "verify", case_dir).code == 0


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_lock_of_a_killed_run_is_cleared_and_noted_in_the_audit_log(case_dir: Path) -> None:
    pid = dead_pid()
    stale = {"pid": pid, "since": "2026-01-02T03:04:05Z", "host": socket.gethostname(),
             "command": "appraisal case run"}
    (case_dir / "case.lock").write_text(json.dumps(stale) + "\n", encoding="utf-8")

    result = run_cli("case", "run", case_dir)

    assert result.code == 0, result.err
    assert not (case_dir / "case.lock").exists()
    with Case.open(case_dir) as case:
        notes = [e for e in case.audit_entries() if e["action"] == "lock_cleared"]
    assert len(notes) == 1, notes
    assert notes[0]["params"]["pid"] == pid and notes[0]["params"]["since"] == stale["since"]
    assert notes[0]["params"]["holder_running"] is False
    assert query_db(case_dir, "SELECT COUNT(*) FROM comparisons")[0][0] == 1
    assert run_cli("case", "verify", case_dir).code == 0


def test_a_case_held_by_this_process_refuses_another_writer(case_dir: Path) -> None:
    with Case.open(case_dir, lock=True):
        result = cli("case", "verify", case_dir)
        assert result.code == 2
        assert IN_USE.format(pid=os.getpid()) in result.err, result.err
        with Case.open(case_dir) as other:  # reading needs no lock ...
            assert other.materials()
            with pytest.raises(CaseInUse):  # ... a change does
                other.log_event("note", "second writer")
    assert cli("case", "verify", case_dir).code == 0


def test_reading_takes_no_lock_and_the_first_change_takes_it_until_close(case_dir: Path) -> None:
    with Case.open(case_dir) as case:
        case.audit_entries()
        assert not (case_dir / "case.lock").exists()
        case.log_event("note", "first change")
        holder = parse_holder((case_dir / "case.lock").read_text(encoding="utf-8"))
        assert holder is not None and holder.pid == os.getpid()
    assert not (case_dir / "case.lock").exists()


def test_wait_takes_the_lock_once_the_holder_lets_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = CaseLock(tmp_path), CaseLock(tmp_path)
    first.acquire()
    polls: list[float] = []

    def holder_finishes(seconds: float) -> None:  # the waiting lock polls: the holder ends meanwhile
        polls.append(seconds)
        first.release()

    monkeypatch.setattr(lock_mod.time, "sleep", holder_finishes)

    assert second.acquire(wait=60) is None
    assert polls and second.held
    second.release()


def test_without_wait_a_held_lock_is_refused_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = CaseLock(tmp_path)
    first.acquire()
    monkeypatch.setattr(lock_mod.time, "sleep", lambda s: None)  # reading the holder may poll briefly
    with pytest.raises(CaseInUse) as caught:
        CaseLock(tmp_path).acquire(wait=0)
    assert caught.value.holder is not None and caught.value.holder.pid == os.getpid()
    first.release()


def test_negative_wait_is_bad_input(case_dir: Path) -> None:
    result = cli("case", "run", case_dir, "--wait", "-1")
    assert result.code == 2 and "--wait" in result.err
