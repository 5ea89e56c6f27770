"""The case store: one SQLite database (``case.db``) with a schema version.

Every change runs in one transaction together with its audit entry (see
:mod:`appraisal.custody.audit`), so a crash leaves either both or neither. The audit table is
append-only: triggers refuse UPDATE and DELETE (the hash chain catches edits made around
them).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS materials (
    id TEXT PRIMARY KEY,            -- YB-01 (side A), JC-01 (side B), ZL-01 (declared base)
    side TEXT NOT NULL CHECK (side IN ('A', 'B')),
    is_base INTEGER NOT NULL DEFAULT 0,
    label TEXT NOT NULL,
    name TEXT NOT NULL,             -- file or folder name as received
    kind TEXT NOT NULL,             -- comparator kind (package, code, text, ...)
    container TEXT NOT NULL CHECK (container IN ('file', 'dir', 'archive')),
    relpath TEXT NOT NULL UNIQUE,   -- path inside the case, e.g. materials/YB-01/src
    sha256 TEXT NOT NULL,           -- file hash; for a folder, hash of its manifest
    size INTEGER NOT NULL,
    file_count INTEGER NOT NULL,
    source TEXT NOT NULL,
    received_utc TEXT NOT NULL,
    original_path TEXT NOT NULL,
    original_mtime TEXT,
    audit_seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS material_files (
    material_id TEXT NOT NULL REFERENCES materials(id),
    relpath TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (material_id, relpath)
);
CREATE TABLE IF NOT EXISTS comparisons (
    id INTEGER PRIMARY KEY,
    pair_key TEXT NOT NULL UNIQUE,  -- hash of (A, B, comparator, version, params, base)
    a_id TEXT NOT NULL REFERENCES materials(id),
    b_id TEXT NOT NULL REFERENCES materials(id),
    kind TEXT NOT NULL,
    comparator_version TEXT NOT NULL,
    score REAL NOT NULL,
    coverage_a REAL NOT NULL,
    coverage_b REAL NOT NULL,
    result_json TEXT NOT NULL,      -- canonical JSON of the Comparison
    result_sha256 TEXT NOT NULL,
    audit_seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
    id TEXT PRIMARY KEY,            -- F-<modality>-<seq>, stable across notebook/store/report
    comparison_id INTEGER NOT NULL REFERENCES comparisons(id),
    category TEXT NOT NULL,
    score REAL NOT NULL,
    a_json TEXT NOT NULL,
    b_json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS annotations (
    id INTEGER PRIMARY KEY,
    finding_id TEXT NOT NULL REFERENCES findings(id),
    decision TEXT NOT NULL,
    category TEXT,
    reason TEXT,
    expert TEXT NOT NULL,
    ts_utc TEXT NOT NULL,
    audit_seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS reports (
    id INTEGER PRIMARY KEY,
    version INTEGER NOT NULL,
    lang TEXT NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    audit_seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY,
    ts_utc TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    params TEXT NOT NULL,
    inputs TEXT NOT NULL,
    outputs TEXT NOT NULL,
    tool TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


class StoreError(Exception):
    """The case database is missing, unreadable or of an unknown schema version."""


def connect(db_path: Path) -> sqlite3.Connection:
    """Open ``case.db`` (autocommit mode; use :func:`transaction` for changes)."""
    conn = sqlite3.connect(str(db_path), isolation_level=None, timeout=30)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def initialise(conn: sqlite3.Connection, case_id: str, created_utc: str) -> None:
    """Create the schema in a new database."""
    with transaction(conn):
        for statement in _statements(SCHEMA):
            conn.execute(statement)
        conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)",
                         [("schema_version", str(SCHEMA_VERSION)), ("case_id", case_id),
                          ("created_utc", created_utc)])


def check_schema(conn: sqlite3.Connection, db_path: Path) -> None:
    """Raise StoreError unless the database carries the schema version this code knows."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{db_path}: not a readable case database ({exc})") from None
    if row is None or row[0] != str(SCHEMA_VERSION):
        found = row[0] if row else "none"
        raise StoreError(f"{db_path}: schema version {found}, this tool reads {SCHEMA_VERSION}")


@contextmanager
def transaction(conn: sqlite3.Connection,
                before_commit: Callable[[], None] | None = None) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any exception.

    ``before_commit`` runs after the body, inside the transaction, just before ``COMMIT``
    (custody moves the audit head there); when it raises, the transaction is rolled back.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        if before_commit is not None:
            before_commit()
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _statements(script: str) -> list[str]:
    """Split the schema script into statements (triggers contain ';' inside BEGIN/END)."""
    out: list[str] = []
    buf: list[str] = []
    for line in script.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buf.append(line)
        text = "\n".join(buf)
        if text.rstrip().endswith(";") and (not text.lstrip().upper().startswith("CREATE TRIGGER")
                                            or text.rstrip().upper().endswith("END;")):
            out.append(text)
            buf = []
    return out
