"""The append-only, hash-chained audit log (REPORT_SPEC 3.9).

Each entry holds the hash of the one before it; its own hash is the SHA-256 of the
canonical JSON of the entry without ``hash``. The latest (seq, hash) is also written to
``audit.head`` beside the database after each commit, so deleting the newest rows (which
the chain alone cannot show) is detected too.
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
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
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
class Head:
    """The newest entry's sequence number and hash."""

    seq: int
    hash: str


def write_head(path: Path, head: Head) -> None:
    """Atomically record the chain head next to the database."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"seq": head.seq, "hash": head.hash}) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def read_head(path: Path) -> Head | None:
    """The recorded head, or ``None`` when the file is absent."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Head(int(data["seq"]), str(data["hash"]))
    except (ValueError, KeyError, TypeError):
        return Head(-1, "unreadable")


def verify_chain(items: list[dict[str, Any]], head: Head | None) -> list[str]:
    """Problems found in the chain (empty list = intact).

    Checks consecutive sequence numbers from 1, each ``prev_hash`` link, each entry's own
    hash, and that the recorded head is an entry of the chain (rows after it are allowed:
    a crash can stop between the commit and the head update).
    """
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
    if head is not None:
        by_seq = {e["seq"]: e["hash"] for e in items}
        if head.seq not in by_seq:
            problems.append(f"audit log ends at entry {len(items)} but entry {head.seq} was "
                            "recorded (entries deleted)")
        elif by_seq[head.seq] != head.hash:
            problems.append(f"audit entry {head.seq} differs from the recorded head")
    return problems
