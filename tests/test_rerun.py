"""``appraisal case rerun``: findings recomputed from the materials in a clean folder.

The sample case's materials (``cases/sample-source``) are taken into a case in ``tmp_path``
and run; rerun must reproduce the stored findings byte for byte, name what a tamper changed,
refuse altered materials, and leave exactly one audit entry in the case.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from appraisal.custody.case import Case
from appraisal.custody.rerun import last_rerun, rerun
from comparators.canonical import canonical_json
from comparators.hashing import sha256_bytes, sha256_file
from tests.conftest import cli, make_sample_case


@pytest.fixture()
def case_dir(tmp_path: Path) -> Path:
    return make_sample_case(tmp_path / "case")


def snapshot(root: Path) -> dict[str, object]:
    """Everything in the case except the audit log (which grows by one entry)."""
    conn = sqlite3.connect(root / "case.db")
    try:
        tables = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()  # noqa: S608 - fixed names
                  for t in ("materials", "material_files", "comparisons", "findings", "annotations", "reports")}
        audit = conn.execute("SELECT seq, action, hash FROM audit ORDER BY seq").fetchall()
    finally:
        conn.close()
    files = {str(p.relative_to(root)): sha256_file(p) for p in sorted(root.rglob("*"))
             if p.is_file() and p.name not in ("case.db", "case.db-wal", "case.db-shm", "audit.head")}
    return {"tables": tables, "audit": audit, "files": files}


def tamper(root: Path, finding_id: str, score: float) -> None:
    """What a forger would do: change one finding's score in the stored result and its row,
    and recompute the stored result hash so that the row looks self-consistent."""
    conn = sqlite3.connect(root / "case.db")
    try:
        cid, text = conn.execute(
            "SELECT c.id, c.result_json FROM comparisons c JOIN findings f ON f.comparison_id = c.id"
            " WHERE f.id = ?", (finding_id,)).fetchone()
        result = json.loads(text)
        for m in result["matches"]:
            if m["id"] == finding_id:
                m["score"] = score
        new = canonical_json(result)
        with conn:
            conn.execute("UPDATE comparisons SET result_json = ?, result_sha256 = ? WHERE id = ?",
                         (new, sha256_bytes(new.encode("utf-8")), cid))
            conn.execute("UPDATE findings SET score = ? WHERE id = ?", (score, finding_id))
    finally:
        conn.close()


def test_rerun_is_identical_on_the_sample_case_and_logs_one_entry(case_dir: Path) -> None:
    before = snapshot(case_dir)
    with Case.open(case_dir) as case:
        assert last_rerun(case) is None
        stored = sha256_bytes((case_dir / "findings.json").read_bytes())
    result = cli("case", "rerun", case_dir, "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["identical"] is True and data["result"] == "identical"
    assert data["differences"] == []
    assert data["stored_sha256"] == data["recomputed_sha256"] == stored
    assert data["comparisons"] == 1 and data["findings"] > 5

    after = snapshot(case_dir)
    assert after["tables"] == before["tables"]
    assert after["files"] == before["files"]
    assert after["audit"][:-1] == before["audit"]
    assert after["audit"][-1][1] == "rerun"
    with Case.open(case_dir) as case:
        entry = case.audit_entries()[-1]
        assert entry["action"] == "rerun"
        assert entry["outputs"] == [stored]
        assert stored in entry["inputs"]
        assert {m.sha256 for m in case.materials()} <= set(entry["inputs"])
        info = last_rerun(case)
        assert info is not None and info["result"] == "identical" and info["seq"] == entry["seq"]
        assert case.verify(record=False) == []


def test_rerun_text_output_and_no_temporary_folder_left(case_dir: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    with Case.open(case_dir) as case:
        result = rerun(case, workdir=work)
    assert result.identical
    assert list(work.iterdir()) == []
    text = cli("case", "rerun", case_dir)
    assert text.code == 0 and text.out.startswith("rerun: identical")


def test_a_changed_finding_is_detected_with_its_id(case_dir: Path) -> None:
    tamper(case_dir, "F-code-0001", 0.123)
    result = cli("case", "rerun", case_dir, "--json")
    assert result.code == 1, result.out + result.err
    data = json.loads(result.out)
    assert data["identical"] is False and data["result"] == "differs"
    assert "F-code-0001" in data["differences"]
    assert not any(d.startswith("F-") and d != "F-code-0001" for d in data["differences"])
    with Case.open(case_dir) as case:
        info = last_rerun(case)
        assert info is not None and info["result"] == "differs"
        assert "F-code-0001" in info["differences"]
    text = cli("case", "rerun", case_dir)
    assert text.code == 1 and "F-code-0001" in text.out


def test_a_changed_findings_row_alone_is_detected(case_dir: Path) -> None:
    conn = sqlite3.connect(case_dir / "case.db")
    with conn:
        conn.execute("UPDATE findings SET category = 'identical' WHERE id = 'F-text-0001'")
    conn.close()
    with Case.open(case_dir) as case:
        result = rerun(case)
    assert not result.identical
    assert result.differences == ["F-text-0001"]


def test_an_edited_findings_json_is_detected(case_dir: Path) -> None:
    path = case_dir / "findings.json"
    path.write_bytes(path.read_bytes().replace(b'"score":', b'"score": ', 1))
    with Case.open(case_dir) as case:
        result = rerun(case)
    assert result.differences == ["findings.json"]


def test_a_tampered_material_makes_rerun_refuse(case_dir: Path) -> None:
    target = case_dir / "materials" / "JC-01" / "gameserver" / "src" / "DropTable.java"
    os.chmod(target.parent, 0o755)
    os.chmod(target, 0o644)
    target.write_text(target.read_text(encoding="utf-8") + "\n// edited\n", encoding="utf-8")
    with Case.open(case_dir) as case:
        seq_before = len(case.audit_entries())
    result = cli("case", "rerun", case_dir, "--json")
    assert result.code == 1
    assert "integrity check failed" in result.err
    assert "material JC-01" in result.err and "file src/DropTable.java changed" in result.err
    assert result.out == ""
    with Case.open(case_dir) as case:
        entries = case.audit_entries()
        assert len(entries) == seq_before + 1
        assert entries[-1]["action"] == "rerun"
        assert entries[-1]["params"]["result"] == "refused"
        assert any("DropTable.java" in p for p in entries[-1]["params"]["problems"])
        conn_count = case.conn.execute("SELECT COUNT(*) FROM comparisons").fetchone()[0]
        assert conn_count == 1


def test_rerun_of_a_folder_that_is_not_a_case_is_bad_input(tmp_path: Path) -> None:
    result = cli("case", "rerun", tmp_path / "nope")
    assert result.code == 2
    assert "nope" in result.err and "Traceback" not in result.err
