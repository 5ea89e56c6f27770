"""The case lock: one writing process per case at a time.

Every change to a case (intake, run, review decision, verification record, report) takes
the lock ``case.lock`` in the case folder before it writes, and keeps it until the case is
closed. The lock is an advisory ``flock`` on that file, which the operating system drops
when its holder ends in any way (also ``kill -9``); the file's content says who holds it
(pid, host, start time, command), so a second writer is refused with
``case is in use by another run (pid N, since T)`` — or waits up to a given time.

A lock file whose content names a holder but that nobody holds (its process was killed, or
the folder was copied while in use) is *stale*: :meth:`CaseLock.acquire` takes it over and
returns the old holder, and the case records a note in the audit log. A holder that ends
normally removes the file.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from appraisal.custody.audit import utc_now
from comparators.errors import InputError

LOCK_FILE = "case.lock"
POLL_SECONDS = 0.2


@dataclass(frozen=True)
class Holder:
    """Who holds (or held) a case lock."""

    pid: int
    since: str
    host: str
    command: str

    def to_dict(self) -> dict[str, object]:
        return {"pid": self.pid, "since": self.since, "host": self.host, "command": self.command}


class CaseInUse(InputError):
    """Another process holds the case lock (exit 2: the case is fine, it is busy)."""

    def __init__(self, root: Path, holder: Holder | None) -> None:
        self.holder = holder
        pid = holder.pid if holder else "unknown"
        since = holder.since if holder else "unknown"
        super().__init__(root, f"case is in use by another run (pid {pid}, since {since})")


def parse_holder(text: str) -> Holder | None:
    """The holder recorded in a lock file's text, or ``None`` when it is empty or garbled."""
    try:
        data = json.loads(text)
        return Holder(int(data["pid"]), str(data["since"]), str(data.get("host", "")), str(data.get("command", "")))
    except (ValueError, KeyError, TypeError):
        return None


def current_holder(since: str) -> Holder:
    """This process as a lock holder."""
    command = " ".join(os.path.basename(a) if i == 0 else a for i, a in enumerate(sys.argv))[:300]
    return Holder(os.getpid(), since, socket.gethostname(), command)


def pid_alive(pid: int) -> bool:
    """Whether a process with ``pid`` runs on this machine (one we may not signal counts as running)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class CaseLock:
    """The lock of the case folder ``root`` (not held until :meth:`acquire`)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.path = self.root / LOCK_FILE
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait: float = 0.0, now: str = "") -> Holder | None:
        """Take the lock, waiting up to ``wait`` seconds for another holder to finish.

        Returns the holder of a stale lock that was taken over (``None`` when the lock was
        free). Raises :class:`CaseInUse` when another process still holds it after ``wait``,
        and InputError when the lock file cannot be created.
        """
        if self._fd is not None:
            return None
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            fd = self._open()
            if _try_flock(fd, self.path):
                if _same_file(fd, self.path):
                    break
                os.close(fd)  # the previous holder removed this file after we opened it: start again
                continue
            os.close(fd)
            if time.monotonic() >= deadline:
                raise CaseInUse(self.root, self._read_holder())
            time.sleep(POLL_SECONDS)
        stale = parse_holder(_read_fd(fd))
        me = current_holder(now or utc_now())
        os.ftruncate(fd, 0)
        os.pwrite(fd, (json.dumps(me.to_dict(), ensure_ascii=False) + "\n").encode("utf-8"), 0)
        os.fsync(fd)
        self._fd = fd
        return stale if stale is not None and stale.pid != os.getpid() else None

    def release(self) -> None:
        """Remove the lock file and drop the lock (nothing when not held)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            if _same_file(fd, self.path):
                self.path.unlink()
        except OSError:
            pass
        finally:
            os.close(fd)  # closing drops the flock

    def __del__(self) -> None:
        try:
            self.release()
        except Exception:  # noqa: BLE001 - interpreter shutdown: nothing left to report to
            pass

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise InputError(self.path, f"cannot create the case lock ({exc.strerror or exc})") from None

    def _read_holder(self, attempts: int = 5) -> Holder | None:
        """The current holder; a holder that has just taken the lock may not have written itself yet."""
        for _ in range(attempts):
            try:
                holder = parse_holder(self.path.read_text(encoding="utf-8"))
            except OSError:
                holder = None
            if holder is not None:
                return holder
            time.sleep(POLL_SECONDS / 2)
        return None


def _try_flock(fd: int, path: Path) -> bool:
    """``flock(LOCK_EX | LOCK_NB)``: True when taken, False when another holder has it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        os.close(fd)
        raise InputError(path, f"the file system refuses file locks ({exc.strerror or exc})") from None


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd``."""
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _read_fd(fd: int) -> str:
    size = os.fstat(fd).st_size
    return os.pread(fd, size, 0).decode("utf-8", "replace") if size else ""
