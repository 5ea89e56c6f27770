"""Independent recomputation of a case's findings (``appraisal case rerun``; REPORT_SPEC 3.10).

The intake copies in ``materials/`` are re-verified against their recorded hashes, then taken
into a fresh case in a temporary folder (the same intake code, so the same material ids and
hashes) and every stored comparison is recomputed there with the comparator, parameters and
base materials it was made with, in the order it was stored (so finding ids are numbered
the same way). The recomputed findings document is compared with the stored one as canonical
JSON, byte for byte. The stored case is never written to except for one ``rerun`` audit entry
holding the result; :func:`last_rerun` reads it back for the report.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from appraisal.custody.case import Case, IntegrityError, Material, _remove_tree
from comparators.canonical import canonical_bytes, canonical_json
from comparators.errors import InputError
from comparators.hashing import sha256_bytes

ACTION = "rerun"
IDENTICAL, DIFFERS, REFUSED = "identical", "differs", "refused"


@dataclass(frozen=True)
class RerunResult:
    """Outcome of a rerun: identical or the list of what differs (comparison and finding ids)."""

    identical: bool
    stored_sha256: str
    recomputed_sha256: str
    differences: list[str] = field(default_factory=list)
    comparisons: int = 0
    findings: int = 0
    audit_seq: int = 0

    @property
    def result(self) -> str:
        return IDENTICAL if self.identical else DIFFERS

    def to_dict(self) -> dict[str, Any]:
        return {"result": self.result, "identical": self.identical, "stored_sha256": self.stored_sha256,
                "recomputed_sha256": self.recomputed_sha256, "differences": list(self.differences),
                "comparisons": self.comparisons, "findings": self.findings, "audit_seq": self.audit_seq}


def rerun(case: Case, progress: Callable[[int, int, str], None] | None = None,
          workdir: Path | None = None) -> RerunResult:
    """Recompute every stored comparison in a clean temporary case and compare the findings.

    Raises :class:`IntegrityError` (after logging the refusal) when a material no longer
    matches its intake record: nothing is recomputed from altered inputs.
    """
    materials = case.materials()
    problems = case.check_materials()
    if problems:
        case.log_event(ACTION, case.config.case_id,
                       params={"result": REFUSED, "identical": False, "problems": problems},
                       inputs=[m.sha256 for m in materials])
        raise IntegrityError(problems)
    stored = canonical_bytes(case.findings_document())
    stored_sha = sha256_bytes(stored)
    parent = Path(tempfile.mkdtemp(prefix="appraisal-rerun-", dir=workdir))
    try:
        with _recompute(case, materials, parent / "case", progress) as fresh:
            recomputed = canonical_bytes(fresh.findings_document())
            differences = _differences(case, fresh, stored, recomputed)
    finally:
        _remove_tree(parent)
    recomputed_sha = sha256_bytes(recomputed)
    n_findings = case.conn.execute("SELECT COUNT(*) FROM findings").fetchone()[0]
    n_comparisons = case.conn.execute("SELECT COUNT(*) FROM comparisons").fetchone()[0]
    identical = not differences
    params = {"result": IDENTICAL if identical else DIFFERS, "identical": identical,
              "differences": differences, "comparisons": n_comparisons, "findings": n_findings,
              "stored_sha256": stored_sha, "recomputed_sha256": recomputed_sha,
              "method": "materials re-verified, taken into a clean temporary case, every comparison "
                        "recomputed with its recorded comparator and parameters; findings compared "
                        "as canonical JSON"}
    entry = case.log_event(ACTION, case.config.case_id, params=params,
                           inputs=[m.sha256 for m in materials] + [stored_sha], outputs=[recomputed_sha])
    return RerunResult(identical, stored_sha, recomputed_sha, differences, n_comparisons, n_findings,
                       entry["seq"])


def last_rerun(case: Case) -> dict[str, Any] | None:
    """The latest rerun audit entry's params plus ``ts_utc``, ``seq`` and ``actor`` (None if never run)."""
    for entry in reversed(case.audit_entries()):
        if entry["action"] == ACTION:
            out = dict(entry["params"]) if isinstance(entry["params"], dict) else {}
            out.update(ts_utc=entry["ts_utc"], seq=entry["seq"], actor=entry["actor"])
            return out
    return None


# -- recomputation ---------------------------------------------------------------------------
@contextmanager
def _recompute(case: Case, materials: list[Material], root: Path,
               progress: Callable[[int, int, str], None] | None) -> Iterator[Case]:
    """Build the fresh case: same materials (same intake order), same comparisons, same order."""
    fresh = Case.create(root, lang=case.config.lang, actor=case.actor)
    try:
        shutil.copyfile(case.root / "case.toml", root / "case.toml")
        for m in sorted(materials, key=lambda m: m.audit_seq):
            got = fresh.add_material(case.root / m.relpath, m.side, label=m.label, source=m.source,
                                     base=m.is_base)
            if (got.id, got.sha256, got.kind, got.relpath) != (m.id, m.sha256, m.kind, m.relpath):
                raise IntegrityError([f"material {m.id}: intake in the clean folder gave {got.id} "
                                      f"({got.relpath}, {got.kind}, SHA-256 {got.sha256})"])
        rows = case.conn.execute(
            "SELECT a_id, b_id, result_json, audit_seq FROM comparisons ORDER BY id").fetchall()
        by_id = {m.id: m for m in fresh.materials()}
        intake_seq = {m.id: m.audit_seq for m in materials}
        cache: dict[tuple[str, str, str], Any] = {}
        for done, (a_id, b_id, result_json, seq) in enumerate(rows):
            if progress:
                progress(done, len(rows), f"{a_id} vs {b_id}")
            info = json.loads(result_json)["comparator"]
            # the base materials declared when the comparison was made (taken in before it)
            base = [m for m in by_id.values() if m.is_base and intake_seq[m.id] < seq]
            _recompute_pair(fresh, by_id[a_id], by_id[b_id], info, base, cache)
        if progress:
            progress(len(rows), len(rows), "done")
        yield fresh
    finally:
        fresh.close()


def comparator_arguments(info: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The ``comparators.get`` name and arguments that reproduce a recorded comparator."""
    name = info["name"]
    kwargs: dict[str, Any] = {}
    params = info.get("params") or {}
    if name == "package":
        from comparators.package.compare import MEMBER_KINDS
        members = tuple(k for k in MEMBER_KINDS if k in (params.get("members") or {}))
        if members and set(members) != set(MEMBER_KINDS):
            kwargs["member_kinds"] = members
        known = params.get("known_files")
        if known:
            path = known.get("path")
            if not path or not Path(path).is_file():
                raise InputError(path or "known_files", "the known-files list this comparison used is no "
                                 "longer available; the comparison cannot be recomputed")
            kwargs["known_files"] = path
    return name, kwargs


def _recompute_pair(fresh: Case, a: Material, b: Material, info: dict[str, Any], base: list[Material],
                    cache: dict[tuple[str, str, str], Any]) -> None:
    """Compare one pair in the fresh case exactly as :meth:`Case.run` does, and store it."""
    name, kwargs = comparator_arguments(info)
    fresh.compare_pair(a, b, name, kwargs, base, cache)


# -- comparison of stored and recomputed -----------------------------------------------------
def _differences(case: Case, fresh: Case, stored: bytes, recomputed: bytes) -> list[str]:
    """Ids of what differs: comparisons (``YB-01 vs JC-01``), findings (``F-...``), files."""
    out: list[str] = []
    findings_file = case.root / "findings.json"
    if findings_file.is_file() and findings_file.read_bytes() != stored:
        out.append("findings.json")
    old, new = json.loads(stored), json.loads(recomputed)
    if canonical_json(old["materials"]) != canonical_json(new["materials"]):
        out.append("materials")
    old_c = {_label(c): c["result"] for c in old["comparisons"]}
    new_c = {_label(c): c["result"] for c in new["comparisons"]}
    finding_ids: set[str] = set()
    for label in sorted(set(old_c) | set(new_c)):
        a, b = old_c.get(label), new_c.get(label)
        if a is None or b is None:
            out.append(label)
            continue
        if canonical_json(a) == canonical_json(b):
            continue
        ma = {m["id"]: m for m in a.get("matches", [])}
        mb = {m["id"]: m for m in b.get("matches", [])}
        changed = {i for i in set(ma) | set(mb) if canonical_json(ma.get(i)) != canonical_json(mb.get(i))}
        finding_ids |= changed
        rest_a = {k: v for k, v in a.items() if k != "matches"}
        rest_b = {k: v for k, v in b.items() if k != "matches"}
        if canonical_json(rest_a) != canonical_json(rest_b) or not changed:
            out.append(label)
    finding_ids |= _finding_rows_differ(case, fresh)
    out += sorted(finding_ids)
    if not out and stored != recomputed:  # pragma: no cover - canonical forms differ elsewhere
        out.append("findings document")
    return out


def _label(item: dict[str, Any]) -> str:
    return f"{item['a_id']} vs {item['b_id']} ({item['result']['comparator']['name']})"


def _finding_rows_differ(case: Case, fresh: Case) -> set[str]:
    """Finding ids whose ``findings`` table rows differ (the rows review and reports look up)."""
    sql = "SELECT id, category, score, a_json, b_json FROM findings ORDER BY id"

    def rows(c: Case) -> dict[str, str]:
        return {r[0]: canonical_json(list(r[1:])) for r in c.conn.execute(sql).fetchall()}

    old, new = rows(case), rows(fresh)
    return {i for i in set(old) | set(new) if old.get(i) != new.get(i)}


__all__ = ["ACTION", "RerunResult", "comparator_arguments", "last_rerun", "rerun"]
