"""The append-only, hash-chained audit log (REPORT_SPEC 3.9) and its head anchor.

Each entry holds the hash of the one before it; its own hash is the SHA-256 of the
canonical JSON of the entry without ``hash``. The chain alone shows an edited entry or a
gap, but not entries cut off at the end; for that the newest (seq, hash) is also kept in
``audit.head`` beside the database, and every issued report prints it (a *pin*, see
:func:`pin_problems`).

The head rule (what :func:`head_problems` accepts):

- a case written by this version always has ``audit.head`` once its first entry exists, so a
  missing or unreadable head is a finding;
- the log must end exactly at the recorded head. A write moves the head in two steps around
  its commit: just before ``COMMIT`` the head file names the last committed entry *and* the
  entry being committed (``pending``); right after ``COMMIT`` it names the new entry alone.
  A crash at any point therefore leaves the log ending either at the head or at its
  ``pending`` entry, both accepted. Anything else is a finding: the head's entry missing
  (entries deleted), changed (entries rewritten), or entries after the head (added behind
  the workbench's back, or an older copy of ``audit.head`` put back).

``audit.head`` is a plain file: whoever can rewrite the database can rewrite it too. What
cannot be rewritten is a pin printed in a report already handed over; ``case verify
--against`` checks the log against it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from comparators.canonical import canonical_json

GENESIS = "0" * 64
HEAD_FILE = "audit.head"
_FIELDS = ("seq", "ts_utc", "actor", "action", "target", "params", "inputs", "outputs",
           "tool", "tool_version", "prev_hash")


def utc_now() -> str:
    """Current UTC time as ISO-8601 with a ``Z`` (second precision)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def entry_hash(entry: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of ``entry`` without its ``hash`` field."""
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def append(conn: sqlite3.Connection, *, actor: str, action: str, target: str,
           params: dict[str, Any] | None = None, inputs: list[str] | None = None,
           outputs: list[str] | None = None, tool: str, tool_version: str) -> dict[str, Any]:
    """Append one entry inside the caller's transaction and return it (with seq and hash)."""
    last = last_entry(conn)
    seq, prev = last.seq + 1, last.hash
    entry: dict[str, Any] = {
        "seq": seq, "ts_utc": utc_now(), "actor": actor, "action": action, "target": target,
        "params": params or {}, "inputs": list(inputs or []), "outputs": list(outputs or []),
        "tool": tool, "tool_version": tool_version, "prev_hash": prev,
    }
    entry["hash"] = entry_hash(entry)
    conn.execute(
        "INSERT INTO audit(seq, ts_utc, actor, action, target, params, inputs, outputs, tool,"
        " tool_version, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (seq, entry["ts_utc"], actor, action, target, canonical_json(entry["params"]),
         canonical_json(entry["inputs"]), canonical_json(entry["outputs"]), tool, tool_version,
         prev, entry["hash"]))
    return entry


def entries(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """All entries in sequence order, as dicts (JSON columns decoded)."""
    rows = conn.execute(
        "SELECT seq, ts_utc, actor, action, target, params, inputs, outputs, tool,"
        " tool_version, prev_hash, hash FROM audit ORDER BY seq").fetchall()
    out = []
    for r in rows:
        entry = dict(zip((*_FIELDS, "hash"), r, strict=False))
        for key in ("params", "inputs", "outputs"):
            try:
                entry[key] = json.loads(entry[key])
            except (TypeError, ValueError):
                entry[key] = {"unreadable": str(entry[key])}
        out.append(entry)
    return out


@dataclass(frozen=True)
class Ref:
    """One entry named by its sequence number and hash (``Ref(0, GENESIS)``: before the first)."""

    seq: int
    hash: str


EMPTY = Ref(0, GENESIS)


def last_entry(conn: sqlite3.Connection) -> Ref:
    """The newest entry of the log, or :data:`EMPTY` when there is none."""
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return Ref(row[0], row[1]) if row else EMPTY


@dataclass(frozen=True)
class Head:
    """The recorded head: the newest committed entry, and the entry being committed, if any."""

    seq: int
    hash: str
    pending: Ref | None = None

    @property
    def ref(self) -> Ref:
        return Ref(self.seq, self.hash)

    def accepts(self, end: Ref) -> bool:
        """Whether a log ending at ``end`` agrees with this head (the crash window included)."""
        return end == self.ref or (self.pending is not None and end == self.pending)


UNREADABLE = Head(-1, "unreadable")


def write_head(path: Path, head: Head) -> None:
    """Atomically record the chain head next to the database (written, flushed, renamed)."""
    data: dict[str, Any] = {"seq": head.seq, "hash": head.hash}
    if head.pending is not None:
        data["pending"] = {"seq": head.pending.seq, "hash": head.pending.hash}
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(data) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def read_head(path: Path) -> Head | None:
    """The recorded head, ``None`` when the file is absent, :data:`UNREADABLE` when garbled."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        pending = data.get("pending")
        return Head(int(data["seq"]), str(data["hash"]),
                    Ref(int(pending["seq"]), str(pending["hash"])) if pending else None)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return UNREADABLE


def head_follows(head: Head | None, before: Ref) -> bool:
    """Whether the recorded ``head`` agrees with a log that ends at ``before``.

    Used before a write moves the head: only a head that agrees is advanced, so evidence
    of deleted or rewritten entries (or a deleted head) is never overwritten. A missing head
    agrees only with an empty log (a case being created).
    """
    if head is None:
        return before == EMPTY
    return head.accepts(before)


def head_problems(items: list[dict[str, Any]], head: Head | None) -> list[str]:
    """Problems of the recorded head against the log ``items`` (oldest first); see the module rule."""
    if not items:
        if head is not None and head.seq > 0:
            return [f"the audit log is empty but {HEAD_FILE} records entry {head.seq} (entries deleted)"]
        return ["the audit log is empty (a case's first entry records its creation; entries deleted or the "
                "case was never completely created)"]
    end = Ref(items[-1]["seq"], items[-1]["hash"])
    if head is None:
        return [f"{HEAD_FILE} is missing: the anchor of the audit log was deleted, so entries cut off at the "
                f"end of the log could go unnoticed (the log now ends at entry {end.seq})"]
    if head == UNREADABLE:
        return [f"{HEAD_FILE} is unreadable: the anchor of the audit log was damaged"]
    if head.accepts(end):
        return []
    by_seq = {e["seq"]: e["hash"] for e in items}
    newest = head.pending if head.pending is not None and head.pending.seq in by_seq else head.ref
    if newest.seq not in by_seq:
        return [f"audit log ends at entry {end.seq} but entry {newest.seq} was recorded in {HEAD_FILE} "
                "(entries deleted)"]
    if by_seq[newest.seq] != newest.hash:
        return [f"audit entry {newest.seq} differs from the one recorded in {HEAD_FILE} (entries rewritten)"]
    return [f"audit log has entries after the one recorded in {HEAD_FILE} (entries {newest.seq + 1}..{end.seq}): "
            f"they were added outside the workbench, or an older copy of {HEAD_FILE} was put back"]


def chain_problems(items: list[dict[str, Any]]) -> list[str]:
    """Problems of the hash chain itself: consecutive seq from 1, each link, each entry's hash."""
    problems: list[str] = []
    prev = GENESIS
    expected = 1
    for entry in items:
        seq = entry["seq"]
        if seq != expected:
            problems.append(f"audit entries {expected}..{seq - 1} are missing (deleted)")
        expected = seq + 1
        if entry["prev_hash"] != prev:
            problems.append(f"audit entry {seq}: link to the previous entry is broken")
        if entry_hash(entry) != entry["hash"]:
            problems.append(f"audit entry {seq} ({entry['action']} {entry['target']}): "
                            "content does not match its hash (edited)")
        prev = entry["hash"]
    return problems


def verify_chain(items: list[dict[str, Any]], head: Head | None) -> list[str]:
    """Problems found in the chain and its recorded head (empty list = intact)."""
    return chain_problems(items) + head_problems(items, head)


@dataclass(frozen=True)
class Pin:
    """What an issued report recorded of the log: its newest entry ``seq`` with ``hash``.

    ``source`` names where the pin was read (a report, a manifest, a copy of ``audit.head``).
    """

    source: str
    seq: int
    hash: str


def pin_problems(items: list[dict[str, Any]], pin: Pin) -> list[str]:
    """Problems of the log against ``pin`` (empty list: the pinned entry and all before it are intact).

    Entry ``pin.seq`` must still be in the log with hash ``pin.hash``, and the chain from the
    first entry up to it must be intact. Because every entry's hash covers the hash of the
    one before, this proves that entries 1..seq are exactly those the report was issued on.
    """
    by_seq = {e["seq"]: e for e in items}
    entry = by_seq.get(pin.seq)
    last = items[-1]["seq"] if items else 0
    if entry is None:
        return [f"{pin.source} pins audit entry {pin.seq} (SHA-256 {pin.hash}), but the log now ends at entry "
                f"{last}: entries were deleted after that report was issued"]
    problems = []
    if entry["hash"] != pin.hash:
        problems.append(f"{pin.source} pins audit entry {pin.seq} with SHA-256 {pin.hash}, but the log's entry "
                        f"{pin.seq} now has {entry['hash']}: the log was rewritten after that report was issued")
    upto = [e for e in items if e["seq"] <= pin.seq]
    broken = chain_problems(upto)
    if broken:
        problems.append(f"{pin.source}: the hash chain up to the pinned entry {pin.seq} is broken "
                        f"({'; '.join(broken)})")
    return problems
