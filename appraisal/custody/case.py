"""A case: the commission's folder with its materials, store, audit log and findings.

Layout (DESIGN.md, fixed): ``case.toml``, ``materials/``, ``case.db``, ``audit.head``,
``exhibits/``, ``reports/`` (and ``case.lock`` while a process writes). Every change goes
through one SQLite transaction together with its audit entry, under the case lock
(:mod:`appraisal.custody.lock`), with the audit head moved around its commit
(:mod:`appraisal.custody.audit`); materials are hashed at intake, made read-only, and
re-verified before they are compared or reported on.
"""

from __future__ import annotations

import getpass
import inspect
import os
import shutil
import sqlite3
import stat
import unicodedata
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

import comparators
from appraisal.custody import audit, store
from appraisal.custody.config import CaseConfig, read_config, write_config
from appraisal.custody.lock import CaseLock, Holder, pid_alive
from appraisal.version import TOOL_NAME, tool_version
from comparators.base import Comparison, Features, Match
from comparators.canonical import canonical_bytes, canonical_json
from comparators.errors import InputError
from comparators.hashing import sha256_bytes, sha256_file
from comparators.package.archive import ArchiveLimits, extract_archive, is_archive, walk_tree

SIDE_PREFIX = {"A": "YB", "B": "JC"}  # 样本 (claimed original) / 检材 (accused)
BASE_PREFIX = "ZL"  # 资料: declared public / template / library material
FINDINGS_FORMAT = "appraisal-findings/1"


class IntegrityError(Exception):
    """Materials or the audit log no longer match their records; work must stop."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class Material:
    """One intake record (a row of ``materials``)."""

    id: str
    side: str
    is_base: bool
    label: str
    name: str
    kind: str
    container: str
    relpath: str
    sha256: str
    size: int
    file_count: int
    source: str
    received_utc: str
    original_path: str
    original_mtime: str | None
    audit_seq: int


@dataclass(frozen=True)
class RunSummary:
    """What ``case run`` did: pairs compared now, pairs already done, total pairs."""

    compared: list[str]
    skipped: list[str]
    total: int


def default_actor() -> str:
    """The person recorded in the audit log: ``$APPRAISAL_ACTOR`` or the login name."""
    try:
        return os.environ.get("APPRAISAL_ACTOR") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


class Case:
    """An open case folder.

    Reading needs no lock. The first change takes the case lock (waiting up to ``wait``
    seconds for another writer) and keeps it until :meth:`close`; ``Case.open(..., lock=True)``
    takes it at once, before the database is opened (what the command line's writing verbs do).
    """

    def __init__(self, root: Path, conn: sqlite3.Connection, config: CaseConfig, actor: str,
                 lock: CaseLock | None = None, wait: float = 0.0) -> None:
        self.root = root
        self.conn = conn
        self.config = config
        self.actor = actor
        self._lock = lock or CaseLock(root)
        self._wait = wait
        self._before: audit.Ref | None = None
        self._advancing: audit.Ref | None = None

    # -- opening -------------------------------------------------------------------
    @classmethod
    def create(cls, root: Path, *, title: str = "", client: str = "", number: str = "",
               lang: str = "zh", actor: str | None = None) -> Case:
        """Create a new case folder (it must not exist or be empty); the new case holds its lock."""
        root = Path(root)
        if root.exists() and (not root.is_dir() or any(root.iterdir())):
            raise InputError(root, "already exists and is not an empty folder")
        if lang not in ("zh", "en"):
            raise InputError(lang, "report language must be zh or en")
        root.mkdir(parents=True, exist_ok=True)
        lock = CaseLock(root)
        lock.acquire()
        if any(p.name != lock.path.name for p in root.iterdir()):
            lock.release()
            raise InputError(root, "already exists and is not an empty folder")
        for sub in ("materials", "exhibits", "reports"):
            (root / sub).mkdir()
        config = CaseConfig(case_id=unicodedata.normalize("NFC", root.resolve().name),
                            title=title, client=client, number=number, lang=lang)
        write_config(root / "case.toml", config)
        conn = store.connect(root / "case.db")
        store.initialise(conn, config.case_id, audit.utc_now())
        case = cls(root, conn, config, actor or default_actor(), lock)
        with case._writing():
            case._log("create", config.case_id, params=config.to_dict(),
                      outputs=[sha256_file(root / "case.toml")])
        return case

    @classmethod
    def open(cls, root: Path, actor: str | None = None, *, lock: bool = False, wait: float = 0.0) -> Case:
        """Open an existing case folder (InputError when it is not one).

        With ``lock``, take the case lock now (before the database is touched), waiting up to
        ``wait`` seconds; :class:`~appraisal.custody.lock.CaseInUse` (an InputError) when
        another process keeps it. Without, the lock is taken by the first change.
        """
        root = Path(root)
        if not root.is_dir():
            raise InputError(root, "is not a case folder (it does not exist)")
        db_path = root / "case.db"
        if not db_path.is_file():
            raise InputError(root, "is not a case folder (case.db is missing)")
        config = read_config(root / "case.toml")
        case_lock = CaseLock(root)
        stale = case_lock.acquire(wait) if lock else None
        try:
            conn = store.connect(db_path)
            try:
                store.check_schema(conn, db_path)
            except store.StoreError as exc:
                conn.close()
                raise InputError(db_path, str(exc).split(": ", 1)[-1]) from None
        except BaseException:
            case_lock.release()
            raise
        case = cls(root, conn, config, actor or default_actor(), case_lock, wait)
        if stale is not None:
            case._note_stale_lock(stale)
        return case

    def close(self) -> None:
        """Close the database connection and release the case lock."""
        self.conn.close()
        self._lock.release()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- audit -----------------------------------------------------------------------
    def _log(self, action: str, target: str, *, params: dict[str, Any] | None = None,
             inputs: list[str] | None = None, outputs: list[str] | None = None) -> dict[str, Any]:
        return audit.append(self.conn, actor=self.actor, action=action, target=target,
                            params=params, inputs=inputs, outputs=outputs, tool=TOOL_NAME,
                            tool_version=tool_version())

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One change: the case lock, one transaction, and the audit head moved around its commit.

        Just before ``COMMIT`` the head records the last committed entry and the one being
        committed; just after, the new entry alone (the rule is in :mod:`appraisal.custody.audit`).
        A head that no longer agrees with the log (deleted, rewritten, missing) is left as it is,
        so the evidence of the tampering is never overwritten.
        """
        self._ensure_lock()
        self._advancing = None
        with store.transaction(self.conn, before_commit=self._head_pending):
            self._before = audit.last_entry(self.conn)
            yield self.conn
        if self._advancing is not None:
            audit.write_head(self._head_path, audit.Head(self._advancing.seq, self._advancing.hash))
            self._advancing = None

    @property
    def _head_path(self) -> Path:
        return self.root / audit.HEAD_FILE

    def _head_pending(self) -> None:
        """Inside the transaction, before ``COMMIT``: record the entry about to be committed."""
        before = self._before or audit.EMPTY
        after = audit.last_entry(self.conn)
        current = audit.read_head(self._head_path)
        if after == before or not audit.head_follows(current, before):
            return
        audit.write_head(self._head_path, audit.Head(before.seq, before.hash, pending=after))
        self._advancing = after

    def _ensure_lock(self) -> None:
        """Take the case lock for this object's first change (a stale lock is cleared and noted)."""
        if self._lock.held:
            return
        stale = self._lock.acquire(self._wait)
        if stale is not None:
            self._note_stale_lock(stale)

    def _note_stale_lock(self, stale: Holder) -> None:
        """Record in the audit log that a lock left by an ended process was cleared."""
        alive = pid_alive(stale.pid)
        self.log_event("lock_cleared", self.config.case_id,
                       params={**stale.to_dict(), "holder_running": alive,
                               "note": "stale case lock cleared: its process no longer holds it"
                                       + (" (a process with that pid is running)" if alive
                                          else " (the process is no longer running)")})

    def audit_entries(self) -> list[dict[str, Any]]:
        """The audit log, oldest first."""
        return audit.entries(self.conn)

    def log_event(self, action: str, target: str, *, params: dict[str, Any] | None = None,
                  inputs: list[str] | None = None, outputs: list[str] | None = None) -> dict[str, Any]:
        """Append one audit entry in its own transaction (for actions with no other row)."""
        with self._writing():
            entry = self._log(action, target, params=params, inputs=inputs, outputs=outputs)
        return entry

    def record_annotation(self, finding_id: str, decision: str, category: str | None, reason: str,
                          expert: str) -> dict[str, Any]:
        """Store one expert decision on a finding with its audit entry, in one transaction."""
        with self._writing():
            entry = self._log("annotate", finding_id,
                              params={"decision": decision, "category": category, "reason": reason,
                                      "expert": expert})
            self.conn.execute(
                "INSERT INTO annotations(finding_id, decision, category, reason, expert, ts_utc, audit_seq)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (finding_id, decision, category, reason, expert, entry["ts_utc"], entry["seq"]))
        return entry

    def write_report_file(self, name: str, data: bytes) -> Path:
        """Write one report output (docx, PDF, manifest, audit export) atomically into ``reports/``."""
        self._ensure_lock()
        target = self.root / "reports" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        return target

    def record_report(self, version: int, lang: str, path: Path, sha256: str, *, params: dict[str, Any],
                      inputs: list[str], outputs: list[str]) -> dict[str, Any]:
        """Register an issued report version with its audit entry, in one transaction."""
        with self._writing():
            entry = self._log("export", path.name, params=params, inputs=inputs, outputs=outputs)
            self.conn.execute(
                "INSERT INTO reports(version, lang, path, sha256, created_utc, audit_seq) VALUES (?,?,?,?,?,?)",
                (version, lang, f"reports/{path.name}", sha256, entry["ts_utc"], entry["seq"]))
        return entry

    # -- materials -------------------------------------------------------------------
    def materials(self) -> list[Material]:
        """All materials, ordered by id."""
        rows = self.conn.execute(
            "SELECT id, side, is_base, label, name, kind, container, relpath, sha256, size,"
            " file_count, source, received_utc, original_path, original_mtime, audit_seq"
            " FROM materials ORDER BY id").fetchall()
        return [Material(r[0], r[1], bool(r[2]), *r[3:]) for r in rows]

    def material_files(self, material_id: str) -> list[tuple[str, int, str]]:
        """The per-file manifest of a material: (relative path, size, SHA-256)."""
        return self.conn.execute(
            "SELECT relpath, size, sha256 FROM material_files WHERE material_id = ? ORDER BY relpath",
            (material_id,)).fetchall()

    def add_material(self, path: Path, side: str, *, label: str = "", source: str = "",
                     base: bool = False, limits: ArchiveLimits | None = None) -> Material:
        """Take a file, folder or archive into ``materials/`` (hashed, read-only, logged).

        All checks run before anything is written to the case; on any InputError the case
        is left exactly as it was.
        """
        src = Path(path)
        self._ensure_lock()
        if side not in SIDE_PREFIX:
            raise InputError(side, "side must be A (claimed original) or B (accused)")
        intake = _inspect_intake(src, limits or ArchiveLimits())
        prefix = BASE_PREFIX if base else SIDE_PREFIX[side]
        material_id = self._next_id(prefix)
        name = intake.name
        incoming = self.root / "materials" / ".incoming" / uuid.uuid4().hex
        final_dir = self.root / "materials" / material_id
        try:
            incoming.mkdir(parents=True)
            copied = _copy_intake(src, intake, incoming / name)
            if _leftover(final_dir):
                _remove_tree(final_dir)
            received = audit.utc_now()
            relpath = f"materials/{material_id}/{name}"
            with self._writing():
                entry = self._log("intake", material_id,
                                  params={"side": side, "base": base, "label": label,
                                          "source": source, "name": name,
                                          "original_path": str(src.resolve()),
                                          "container": intake.container, "kind": intake.kind,
                                          "files": len(copied), "size": intake.size},
                                  outputs=[intake.sha256])
                self.conn.execute(
                    "INSERT INTO materials(id, side, is_base, label, name, kind, container, relpath,"
                    " sha256, size, file_count, source, received_utc, original_path, original_mtime,"
                    " audit_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (material_id, side, int(base), label or name, name, intake.kind,
                     intake.container, relpath, intake.sha256, intake.size, len(copied),
                     source or "委托人提交", received, str(src.resolve()), intake.mtime,
                     entry["seq"]))
                self.conn.executemany(
                    "INSERT INTO material_files(material_id, relpath, size, sha256) VALUES (?,?,?,?)",
                    [(material_id, m.relpath, m.size, m.sha256) for m in copied])
                os.replace(incoming, final_dir)
        finally:
            if incoming.exists():
                _remove_tree(incoming)
            _remove_empty(self.root / "materials" / ".incoming")
        _make_read_only(final_dir)
        return next(m for m in self.materials() if m.id == material_id)

    def _next_id(self, prefix: str) -> str:
        rows = self.conn.execute("SELECT id FROM materials WHERE id LIKE ?", (f"{prefix}-%",)).fetchall()
        numbers = [int(r[0].split("-")[1]) for r in rows]
        return f"{prefix}-{max(numbers, default=0) + 1:02d}"

    # -- verification ----------------------------------------------------------------
    def check_materials(self, materials: list[Material] | None = None) -> list[str]:
        """Re-hash materials against their intake records; list every mismatch."""
        problems: list[str] = []
        for m in materials if materials is not None else self.materials():
            problems += _check_material(self.root, m, self.material_files(m.id))
        if materials is None:
            known = {m.id for m in self.materials()}
            for entry in sorted((self.root / "materials").iterdir()):
                if entry.name not in known and entry.name != ".incoming":
                    problems.append(f"materials/{entry.name}: not a recorded material (untracked)")
        return problems

    def audit_head(self) -> audit.Ref:
        """The newest entry of the audit log (what a report issued now pins)."""
        return audit.last_entry(self.conn)

    def check_audit(self) -> list[str]:
        """Check the hash chain, its recorded head (``audit.head``), and that every row has its entry."""
        items = self.audit_entries()
        problems = audit.verify_chain(items, audit.read_head(self._head_path))
        by_seq = {e["seq"]: e for e in items}
        for m in self.materials():
            entry = by_seq.get(m.audit_seq)
            if entry is None or entry["action"] != "intake" or entry["target"] != m.id:
                problems.append(f"material {m.id}: its intake entry is missing from the audit log")
            elif entry["outputs"] != [m.sha256]:
                problems.append(f"material {m.id}: recorded SHA-256 differs from the one logged at intake")
        for a_id, b_id, seq, digest in self.conn.execute(
                "SELECT a_id, b_id, audit_seq, result_sha256 FROM comparisons ORDER BY id"):
            entry = by_seq.get(seq)
            if entry is None or entry["action"] != "run_comparator" or entry["outputs"] != [digest]:
                problems.append(f"comparison {a_id} vs {b_id}: its audit entry is missing or differs")
        for cid, result, digest in self.conn.execute(
                "SELECT id, result_json, result_sha256 FROM comparisons ORDER BY id"):
            if sha256_bytes(result.encode("utf-8")) != digest:
                problems.append(f"comparison {cid}: stored result does not match its hash (edited)")
        for path, digest, seq in self.conn.execute(
                "SELECT path, sha256, audit_seq FROM reports ORDER BY id"):
            entry = by_seq.get(seq)
            if entry is None or entry["action"] != "export" or digest not in entry["outputs"]:
                problems.append(f"report {path}: its export entry is missing from the audit log")
        return problems

    def check_pins(self, pins: Sequence[audit.Pin]) -> list[str]:
        """Problems of the log against what issued reports pinned (see :func:`audit.pin_problems`)."""
        items = self.audit_entries()
        return [p for pin in pins for p in audit.pin_problems(items, pin)]

    def registered_output(self, digest: str) -> int | None:
        """The seq of the export entry that lists ``digest`` among its outputs (an issued file), or None."""
        for entry in self.audit_entries():
            if entry["action"] == "export" and digest in entry["outputs"]:
                return entry["seq"]
        return None

    def verify(self, record: bool = True, pins: Sequence[audit.Pin] = ()) -> list[str]:
        """Full verification (materials + audit, and the log against ``pins`` of issued reports).

        Logs the result unless ``record`` is False.
        """
        problems = self.check_materials() + self.check_audit() + self.check_pins(pins)
        if record:
            params: dict[str, Any] = {"result": "ok" if not problems else "mismatch", "problems": problems}
            if pins:
                params["against"] = [{"source": p.source, "seq": p.seq, "hash": p.hash} for p in pins]
            self.log_event("verify", self.config.case_id, params=params,
                           inputs=[m.sha256 for m in self.materials()])
        return problems

    # -- comparison ------------------------------------------------------------------
    def run(self, kind: str | None = None, progress: Callable[[int, int, str], None] | None = None,
            known_files: str | None = None) -> RunSummary:
        """Compare every A material with every B material; resumable pair by pair.

        ``known_files`` lists hashes of known third-party files that package comparisons
        exclude (with the reason) besides the declared base materials.
        """
        self._ensure_lock()
        problems = self.check_materials() + self.check_audit()
        if problems:
            raise IntegrityError(problems)
        materials = self.materials()
        side_a = [m for m in materials if m.side == "A" and not m.is_base]
        side_b = [m for m in materials if m.side == "B" and not m.is_base]
        base = [m for m in materials if m.is_base]
        if not side_a or not side_b:
            raise InputError(self.root, "needs at least one side-A and one side-B material to run")
        if kind is not None and kind not in comparators.KINDS:
            raise InputError(kind, f"unknown kind; known kinds: {', '.join(comparators.KINDS)}")
        pairs = [(a, b) for a in side_a for b in side_b]
        cache: dict[tuple[str, str, str], Features] = {}
        compared, skipped = [], []
        for done, (a, b) in enumerate(pairs):
            name, kwargs = comparators.resolve(kind or "auto", self.root / a.relpath, self.root / b.relpath)
            if name == "package" and known_files:
                kwargs["known_files"] = known_files
            label = f"{a.id} vs {b.id}"
            if progress:
                progress(done, len(pairs), label)
            if not self.compare_pair(a, b, name, kwargs, base, cache, skip_stored=True):
                skipped.append(label)
                continue
            compared.append(label)
        if progress:
            progress(len(pairs), len(pairs), "done")
        self.write_findings()
        return RunSummary(compared, skipped, len(pairs))

    def compare_pair(self, a: Material, b: Material, name: str, kwargs: dict[str, Any], base: list[Material],
                     cache: dict[tuple[str, str, str], Features], skip_stored: bool = False) -> bool:
        """Compare ``a`` with ``b`` using comparator ``name(**kwargs)`` and store the result.

        The pair key hashes both materials, the comparator's name, version and parameters and
        (for comparators that take base material) the base materials, so an unchanged pair is
        recognised. With ``skip_stored``, a pair already stored is not recomputed (returns False).
        :mod:`appraisal.custody.rerun` calls this too, so a rerun compares exactly as a run does.
        """
        comparator = comparators.get(name, **kwargs)
        takes_base = "base" in inspect.signature(comparator.compare).parameters
        key = sha256_bytes(canonical_bytes({
            "a": [a.id, a.sha256], "b": [b.id, b.sha256], "comparator": comparator.info().to_dict(),
            "base": [[m.id, m.sha256] for m in base] if takes_base else []}))
        if skip_stored and self.conn.execute("SELECT 1 FROM comparisons WHERE pair_key = ?", (key,)).fetchone():
            return False
        fa = self._features(a, name, kwargs, cache)
        fb = self._features(b, name, kwargs, cache)
        if takes_base:
            result = comparator.compare(fa, fb, base=self._base_features(base, name, kwargs, cache))
        else:
            result = comparator.compare(fa, fb)
        self._store_comparison(key, a, b, result)
        return True

    def _features(self, m: Material, name: str, kwargs: dict[str, Any],
                  cache: dict[tuple[str, str, str], Features]) -> Features:
        key = (m.id, name, canonical_json(kwargs))
        if key not in cache:
            cache[key] = comparators.get(name, **kwargs).extract(self.root / m.relpath, display_path=m.relpath)
        return cache[key]

    def _base_features(self, base: list[Material], name: str, kwargs: dict[str, Any],
                       cache: dict[tuple[str, str, str], Features]) -> list[Features]:
        """Declared base material as features the pair's comparator can filter with.

        A package comparison takes base packages whole; a file comparison (e.g. ``code``)
        takes the files of its kind inside base folders and archives.
        """
        if name == "package":
            return [self._features(m, "package", kwargs, cache) for m in base]
        out: list[Features] = []
        for m in base:
            if m.kind == name:
                out.append(self._features(m, name, {}, cache))
            elif m.kind == "package":
                package = self._features(m, "package", {"member_kinds": [name]}, cache)
                out.extend(Features.from_dict(f["features"]) for f in package.data["files"]
                           if f["kind"] == name and f["features"])
        return out

    def _store_comparison(self, key: str, a: Material, b: Material, result: Comparison) -> None:
        with self._writing():
            result = self._renumber(result)
            text = result.to_json()
            digest = sha256_bytes(text.encode("utf-8"))
            entry = self._log("run_comparator", f"{a.id} vs {b.id}",
                              params={"comparator": result.comparator.name,
                                      "version": result.comparator.version, "pair_key": key},
                              inputs=[a.sha256, b.sha256], outputs=[digest])
            cur = self.conn.execute(
                "INSERT INTO comparisons(pair_key, a_id, b_id, kind, comparator_version, score,"
                " coverage_a, coverage_b, result_json, result_sha256, audit_seq)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (key, a.id, b.id, result.kind, result.comparator.version, result.score,
                 result.coverage_a, result.coverage_b, text, digest, entry["seq"]))
            self.conn.executemany(
                "INSERT INTO findings(id, comparison_id, category, score, a_json, b_json)"
                " VALUES (?,?,?,?,?,?)",
                [(m.id, cur.lastrowid, m.category, m.score, canonical_json(m.a.to_dict()),
                  canonical_json(m.b.to_dict())) for m in result.matches])

    def _renumber(self, result: Comparison) -> Comparison:
        """Give each match its case-wide finding id ``F-<modality>-<seq>``."""
        counters: dict[str, int] = {}
        matches = []
        for m in result.matches:
            modality = m.id.split("-")[1] if m.id.count("-") >= 2 else result.kind
            if modality not in counters:
                rows = self.conn.execute("SELECT id FROM findings WHERE id LIKE ?",
                                         (f"F-{modality}-%",)).fetchall()
                counters[modality] = max((int(r[0].rsplit("-", 1)[1]) for r in rows), default=0)
            counters[modality] += 1
            matches.append(Match(id=f"F-{modality}-{counters[modality]:04d}", score=m.score,
                                 category=m.category, a=m.a, b=m.b, detail=m.detail))
        return Comparison(result.kind, result.score, result.coverage_a, result.coverage_b,
                          result.comparator, result.a, result.b, tuple(matches), result.excluded,
                          result.notes, result.extra)

    # -- findings --------------------------------------------------------------------
    def comparisons(self) -> list[dict[str, Any]]:
        """Stored comparisons (``a_id``, ``b_id`` and the result dict), in pair order."""
        rows = self.conn.execute(
            "SELECT a_id, b_id, result_json FROM comparisons ORDER BY a_id, b_id, kind, id").fetchall()
        return [{"a_id": a, "b_id": b, "result": Comparison.from_json(r).to_dict()} for a, b, r in rows]

    def findings_document(self) -> dict[str, Any]:
        """The case's findings as one JSON-ready document (no wall-clock values)."""
        return {"format": FINDINGS_FORMAT,
                "materials": [{"id": m.id, "side": m.side, "base": m.is_base, "path": m.relpath,
                               "sha256": m.sha256, "kind": m.kind} for m in self.materials()],
                "comparisons": self.comparisons()}

    def write_findings(self) -> Path:
        """Write ``findings.json`` (canonical JSON) and return its path."""
        path = self.root / "findings.json"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(canonical_bytes(self.findings_document()))
        os.replace(tmp, path)
        return path


# -- intake helpers (pure checks first, then the copy) -----------------------------------
@dataclass(frozen=True)
class _Intake:
    name: str
    container: str
    kind: str
    sha256: str
    size: int
    mtime: str | None
    members: list[Any]


def _inspect_intake(src: Path, limits: ArchiveLimits) -> _Intake:
    """Validate a material before anything is copied; InputError names the problem."""
    if not src.exists() and not src.is_symlink():
        raise InputError(src, "does not exist")
    name = unicodedata.normalize("NFC", src.resolve().name if src.name in ("", ".", "..") else src.name)
    if any("\udc80" <= ch <= "\udcff" for ch in name):
        raise InputError(src, f"file name is not valid UTF-8 ({os.fsencode(name)!r}); rename it")
    if src.is_symlink():
        raise InputError(src, "is a symbolic link; supply the file or folder it points to")
    try:
        st = src.stat()
    except PermissionError:
        raise InputError(src, "cannot be read (permission denied)") from None
    mtime = _iso_mtime(st.st_mtime)
    if src.is_dir():
        members = walk_tree(src)
        if not members:
            raise InputError(src, "is an empty folder")
        manifest = canonical_bytes([[m.relpath, m.size, m.sha256] for m in members])
        return _Intake(name, "dir", "package", sha256_bytes(manifest),
                       sum(m.size for m in members), mtime, members)
    if not stat.S_ISREG(st.st_mode):
        raise InputError(src, "is not a regular file or folder")
    if st.st_size == 0:
        raise InputError(src, "is empty")
    if not os.access(src, os.R_OK):
        raise InputError(src, "cannot be read (permission denied)")
    try:
        digest = sha256_file(src)
    except OSError as exc:
        raise InputError(src, f"cannot be read ({exc.strerror or exc})") from None
    if is_archive(src):
        import tempfile
        with tempfile.TemporaryDirectory(prefix="appraisal-intake-") as tmp:
            members = extract_archive(src, Path(tmp), limits)
        if not members:
            raise InputError(src, "is an empty archive")
        return _Intake(name, "archive", "package", digest, st.st_size, mtime, members)
    kind = comparators.detect(src)
    from comparators.package.archive import Member
    return _Intake(name, "file", kind, digest, st.st_size, mtime,
                   [Member(relpath=name, size=st.st_size, sha256=digest)])


def _copy_intake(src: Path, intake: _Intake, dest: Path) -> list[Any]:
    """Copy the material and check every copied file against the hash taken before."""
    if intake.container == "dir":
        for m in intake.members:
            target = dest / m.relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src / m.relpath, target)
            if sha256_file(target) != m.sha256:
                raise InputError(src / m.relpath, "changed while it was being copied; try again")
        return intake.members
    shutil.copy2(src, dest)
    if sha256_file(dest) != intake.sha256:
        raise InputError(src, "changed while it was being copied; try again")
    return intake.members


def _check_material(root: Path, m: Material, files: list[tuple[str, int, str]]) -> list[str]:
    path = root / m.relpath
    label = f"material {m.id} ({m.relpath})"
    if not path.exists():
        return [f"{label}: missing"]
    if m.container != "dir":
        try:
            digest = sha256_file(path)
        except OSError as exc:
            return [f"{label}: cannot be read ({exc.strerror or exc})"]
        if digest != m.sha256:
            return [f"{label}: content changed (SHA-256 now {digest}, recorded {m.sha256})"]
        return []
    try:
        current = {x.relpath: x for x in walk_tree(path)}
    except InputError as exc:
        return [f"{label}: {exc.problem}"]
    problems = []
    recorded = {rel: (size, sha) for rel, size, sha in files}
    for rel, (_size, sha) in recorded.items():
        now = current.get(rel)
        if now is None:
            problems.append(f"{label}: file {rel} is missing")
        elif now.sha256 != sha:
            problems.append(f"{label}: file {rel} changed (SHA-256 now {now.sha256}, recorded {sha})")
    problems += [f"{label}: file {rel} was added after intake" for rel in sorted(set(current) - set(recorded))]
    manifest = canonical_bytes([[rel, size, sha] for rel, (size, sha) in sorted(recorded.items())])
    if not problems and sha256_bytes(manifest) != m.sha256:
        problems.append(f"{label}: manifest hash differs from the intake record")
    return problems


def _iso_mtime(ts: float) -> str:
    from datetime import datetime
    return datetime.fromtimestamp(ts, UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _make_read_only(path: Path) -> None:
    for dirpath, _dirnames, filenames in os.walk(path):
        for f in filenames:
            os.chmod(os.path.join(dirpath, f), 0o444)
    for dirpath, _dirnames, _ in sorted(os.walk(path), reverse=True):
        os.chmod(dirpath, 0o555)


def _make_writable(path: Path) -> None:
    for dirpath, _dirnames, filenames in os.walk(path):
        os.chmod(dirpath, 0o755)
        for f in filenames:
            os.chmod(os.path.join(dirpath, f), 0o644)


def _remove_tree(path: Path) -> None:
    _make_writable(path)
    shutil.rmtree(path)


def _remove_empty(path: Path) -> None:
    try:
        path.rmdir()
    except OSError:
        pass


def _leftover(final_dir: Path) -> bool:
    """A folder for an id not in the database: left by an intake that crashed."""
    return final_dir.exists()
