"""Chain of custody: every tampering with materials, the audit log or stored results is caught.

Each test tampers with a real case behind the workbench's back (a byte flipped in a
read-only material, a file slipped into a material folder, audit rows edited or deleted
after dropping the append-only triggers, a stored comparison rewritten) and then checks
that ``case verify`` exits 1 and names the problem, and that ``case report`` refuses to
issue a report (exit 1, nothing new in ``reports/``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import cli, cli_ok, flip_one_byte, make_writable, material_file, query_db, run_cli, tamper_db
from docx import Document

EXIT_INTEGRITY = 1


# --------------------------------------------------------------------------- helpers


def verify_problems(case: Path) -> list[str]:
    """Run ``case verify --json``; it must exit 1 and list problems."""
    result = cli("case", "verify", case, "--json")
    assert result.code == EXIT_INTEGRITY, f"verify accepted a tampered case: {result.out}{result.err}"
    data = json.loads(result.out)
    assert data["ok"] is False
    assert data["problems"], "verify failed but listed no problem"
    return data["problems"]


def assert_report_blocked(case: Path) -> None:
    """``case report`` exits 1 and writes no report file."""
    before = sorted(p.name for p in (case / "reports").iterdir())
    result = cli("case", "report", case)
    after = sorted(p.name for p in (case / "reports").iterdir())
    assert result.code == EXIT_INTEGRITY, (
        f"case report issued a report from a tampered case (exit {result.code}): {result.out}")
    assert after == before, f"report files written despite failed verification: {after}"
    assert "integrity" in result.err.lower() or "verif" in result.err.lower()


def last_audit_seq(case: Path) -> int:
    return query_db(case, "SELECT MAX(seq) FROM audit")[0][0]


# --------------------------------------------------------------------------- intact case


def test_untouched_case_verifies_and_reports(run_case: Path) -> None:
    result = cli("case", "verify", run_case, "--json")
    assert result.code == 0, result.out + result.err
    data = json.loads(result.out)
    assert data["ok"] is True and data["problems"] == []
    assert cli("case", "report", run_case, "--draft").code == 0


# --------------------------------------------------------------------------- materials


def test_one_changed_byte_in_a_folder_material_is_detected(run_case: Path) -> None:
    flip_one_byte(material_file(run_case, "YB-01", "Inventory.java"))

    problems = verify_problems(run_case)

    assert any("YB-01" in p and "Inventory.java" in p for p in problems), problems
    assert_report_blocked(run_case)


def test_one_changed_byte_in_a_single_file_material_is_detected(tmp_path: Path) -> None:
    original = tmp_path / "in" / "Main.java"
    original.parent.mkdir()
    original.write_text("public class Main {\n  public static void main(String[] a) {\n"
                        "    System.out.println(\"custody\");\n  }\n}\n", encoding="utf-8")
    case = tmp_path / "case"
    cli_ok("case", "create", case)
    cli_ok("case", "add", case, original, "--side", "A")
    cli_ok("case", "add", case, original, "--side", "B")
    cli_ok("case", "run", case)

    flip_one_byte(material_file(case, "JC-01", "Main.java"), offset=3)

    problems = verify_problems(case)
    assert any("JC-01" in p and "Main.java" in p for p in problems), problems
    assert not any("YB-01" in p for p in problems), problems
    assert_report_blocked(case)


def test_file_added_to_a_folder_material_after_intake_is_detected(run_case: Path) -> None:
    folder = material_file(run_case, "JC-01", "mailer.py").parent
    make_writable(folder)
    (folder / "backdoor.py").write_text("print('added later')\n", encoding="utf-8")

    problems = verify_problems(run_case)

    assert any("JC-01" in p and "backdoor.py" in p and "added" in p for p in problems), problems
    assert_report_blocked(run_case)


def test_materials_are_read_only_after_intake(case_dir: Path) -> None:
    copied = material_file(case_dir, "YB-01", "Inventory.java")
    assert copied.stat().st_mode & 0o222 == 0
    assert copied.parent.stat().st_mode & 0o222 == 0


# --------------------------------------------------------------------------- audit log


def test_edited_audit_row_is_detected(run_case: Path) -> None:
    tamper_db(run_case, "DROP TRIGGER audit_no_update",
              "UPDATE audit SET actor = 'mallory' WHERE seq = 2")

    problems = verify_problems(run_case)

    assert any("audit entry 2" in p for p in problems), problems
    assert_report_blocked(run_case)


def test_deleted_middle_audit_row_is_detected(run_case: Path) -> None:
    # Two verifications add two entries no other table refers to; delete the first of
    # them, so only the hash chain itself can reveal the gap.
    cli_ok("case", "verify", run_case)
    middle = last_audit_seq(run_case)
    cli_ok("case", "verify", run_case)
    assert last_audit_seq(run_case) == middle + 1
    tamper_db(run_case, "DROP TRIGGER audit_no_delete", f"DELETE FROM audit WHERE seq = {middle}")

    problems = verify_problems(run_case)

    assert any(str(middle) in p and ("missing" in p or "deleted" in p) for p in problems), problems
    assert_report_blocked(run_case)


def test_deleted_last_audit_row_is_detected(run_case: Path) -> None:
    # The newest entry is a verification nothing else refers to: only audit.head can
    # tell that it existed.
    cli_ok("case", "verify", run_case)
    last = last_audit_seq(run_case)
    tamper_db(run_case, "DROP TRIGGER audit_no_delete", f"DELETE FROM audit WHERE seq = {last}")

    problems = verify_problems(run_case)

    assert any("deleted" in p or "missing" in p for p in problems), problems
    assert_report_blocked(run_case)


def test_deleted_last_audit_row_stays_detected_on_every_verification(run_case: Path) -> None:
    """Recording a failed verification must not paper over the deletion it found."""
    cli_ok("case", "verify", run_case)
    last = last_audit_seq(run_case)
    tamper_db(run_case, "DROP TRIGGER audit_no_delete", f"DELETE FROM audit WHERE seq = {last}")

    verify_problems(run_case)
    second = cli("case", "verify", run_case, "--json")

    assert second.code == EXIT_INTEGRITY, (
        "the deletion of the last audit entry was detected once, then forgotten: "
        f"a second verify reports {second.out}")


# --------------------------------------------------------------------------- stored results


def test_edited_stored_comparison_is_detected(run_case: Path) -> None:
    (cid, score), = query_db(run_case, "SELECT id, score FROM comparisons")
    tamper_db(run_case,
              "UPDATE comparisons SET score = 0.01,"
              " result_json = json_set(result_json, '$.score', 0.01)")
    assert query_db(run_case, "SELECT score FROM comparisons")[0][0] != score

    problems = verify_problems(run_case)

    assert any("comparison" in p and str(cid) in p for p in problems), problems
    assert_report_blocked(run_case)


# --------------------------------------------------------------------------- issued reports


def test_case_with_an_issued_report_still_verifies(run_case: Path) -> None:
    cli_ok("case", "report", run_case, "--draft")

    result = run_cli("case", "verify", run_case, "--json")

    assert "Traceback" not in result.err, result.err
    assert result.code == 0, result.err or result.out
    assert json.loads(result.out)["ok"] is True


def test_report_whose_export_entry_is_edited_is_detected(run_case: Path) -> None:
    cli_ok("case", "report", run_case, "--draft")
    tamper_db(run_case, "DROP TRIGGER audit_no_update",
              "UPDATE audit SET outputs = '[\"" + "0" * 64 + "\"]' WHERE action = 'export'")

    problems = verify_problems(run_case)

    assert any("report-v1-zh.docx" in p or "export" in p for p in problems), problems
    assert_report_blocked(run_case)


# --------------------------------------------------------------------------- the head anchor (issue 18)


def write_head_file(case: Path, seq: int) -> None:
    """What a careful forger does after cutting the log: make ``audit.head`` name the new last entry."""
    (digest,), = query_db(case, "SELECT hash FROM audit WHERE seq = ?", (seq,))
    (case / "audit.head").write_text(json.dumps({"seq": seq, "hash": digest}) + "\n", encoding="utf-8")


def test_truncated_log_with_its_head_deleted_is_detected(run_case: Path) -> None:
    cli_ok("case", "verify", run_case)
    last = last_audit_seq(run_case)
    tamper_db(run_case, "DROP TRIGGER audit_no_delete", f"DELETE FROM audit WHERE seq = {last}")
    (run_case / "audit.head").unlink()

    problems = verify_problems(run_case)

    assert any("audit.head is missing" in p for p in problems), problems
    assert_report_blocked(run_case)
    verify_problems(run_case)  # recording failed verifications never re-creates the anchor
    assert not (run_case / "audit.head").exists()


def test_entries_after_the_recorded_head_are_detected(run_case: Path) -> None:
    older = (run_case / "audit.head").read_bytes()
    cli_ok("case", "verify", run_case)
    (run_case / "audit.head").write_bytes(older)  # an older copy put back

    problems = verify_problems(run_case)

    assert any("after the one recorded in audit.head" in p for p in problems), problems
    assert_report_blocked(run_case)


def crash_on_head_write(monkeypatch: pytest.MonkeyPatch, which: int) -> None:
    """Simulate a crash in the next change: ``which`` 1 = just after the pending head is written
    (before ``COMMIT``), 2 = instead of the final head write (after ``COMMIT``)."""
    from appraisal.custody import audit
    real, calls = audit.write_head, []

    def dying(path: Path, head: audit.Head) -> None:
        calls.append(head)
        if len(calls) == 2:
            raise KeyboardInterrupt("simulated crash after the commit")
        real(path, head)
        if which == 1:
            raise KeyboardInterrupt("simulated crash before the commit")

    monkeypatch.setattr(audit, "write_head", dying)


@pytest.mark.parametrize("which", [1, 2], ids=["before-commit", "after-commit"])
def test_a_crash_around_the_commit_leaves_a_case_that_verifies(run_case: Path, monkeypatch: pytest.MonkeyPatch,
                                                               which: int) -> None:
    from appraisal.custody.case import Case
    before = last_audit_seq(run_case)
    with Case.open(run_case, actor="tester") as case:
        crash_on_head_write(monkeypatch, which)
        with pytest.raises(KeyboardInterrupt):
            case.log_event("note", "crash test")
        monkeypatch.undo()
    head = json.loads((run_case / "audit.head").read_text(encoding="utf-8"))
    assert head["pending"]["seq"] == before + 1, head  # the crash left the two-step head half-way
    assert last_audit_seq(run_case) == before + (which - 1)  # rolled back (1) or committed (2)

    result = cli("case", "verify", run_case, "--json")

    assert result.code == 0, result.out
    assert json.loads((run_case / "audit.head").read_text(encoding="utf-8")).get("pending") is None


def test_head_rule_accepts_only_the_head_or_its_pending_entry() -> None:
    from appraisal.custody.audit import GENESIS, Head, Ref, entry_hash, head_problems
    items = []
    for seq in (1, 2, 3):
        entry = {"seq": seq, "ts_utc": "2026-01-01T00:00:00Z", "actor": "t", "action": "a", "target": "x",
                 "params": {}, "inputs": [], "outputs": [], "tool": "t", "tool_version": "1",
                 "prev_hash": items[-1]["hash"] if items else GENESIS}
        entry["hash"] = entry_hash(entry)
        items.append(entry)
    h = {e["seq"]: e["hash"] for e in items}
    pending = Head(2, h[2], Ref(3, h[3]))
    assert head_problems(items, pending) == [] and head_problems(items[:2], pending) == []
    assert head_problems(items, Head(3, h[3])) == []
    assert "deleted" in head_problems(items[:2], Head(3, h[3]))[0]
    assert "after" in head_problems(items, Head(2, h[2]))[0]
    assert "rewritten" in head_problems(items, Head(3, "f" * 64))[0]
    assert "missing" in head_problems(items, None)[0]


# --------------------------------------------------------------------------- the report pins the log (issue 18)


def issued_pin(case: Path) -> dict[str, object]:
    return json.loads((case / "reports" / "manifest-v1.json").read_text(encoding="utf-8"))["audit_head"]


def test_every_report_prints_the_audit_head_and_count_and_the_manifest_records_them(run_case: Path) -> None:
    cli_ok("case", "report", run_case, "--draft")
    pin = issued_pin(run_case)
    export, = query_db(run_case, "SELECT seq FROM audit WHERE action = 'export'")
    assert pin["seq"] == pin["entries"] == export[0] - 1  # the entry just before the report's own export
    (digest,), = query_db(run_case, "SELECT hash FROM audit WHERE seq = ?", (pin["seq"],))
    assert pin["hash"] == digest
    text = "\n".join(p.text for p in Document(str(run_case / "reports" / "report-v1-zh.docx")).paragraphs)
    assert f"audit-pin seq={pin['seq']} sha256={pin['hash']}" in text
    assert f"审计日志共 {pin['entries']} 条记录，末条为第 {pin['seq']} 条" in text


def test_verify_against_the_report_catches_a_truncation_the_case_alone_no_longer_shows(run_case: Path) -> None:
    cli_ok("case", "report", run_case, "--draft")
    docx = run_case / "reports" / "report-v1-zh.docx"
    manifest = run_case / "reports" / "manifest-v1.json"
    pin = issued_pin(run_case)
    good = cli("case", "verify", run_case, "--against", docx, "--against", manifest, "--json")
    assert good.code == 0, good.out + good.err
    assert [a["ok"] for a in json.loads(good.out)["against"]] == [True, True]
    assert json.loads(good.out)["against"][0]["registered_in_entry"] == pin["seq"] + 1

    # cut the log back to before the pinned entry, drop the report's row, re-anchor audit.head
    keep = int(pin["seq"]) - 1
    tamper_db(run_case, "DROP TRIGGER audit_no_delete", f"DELETE FROM audit WHERE seq > {keep}", "DELETE FROM reports")
    write_head_file(run_case, keep)
    assert cli("case", "verify", run_case, "--json").code == 0  # the case alone cannot show it any more

    for against in (docx, manifest):
        result = cli("case", "verify", run_case, "--against", against, "--json")
        assert result.code == EXIT_INTEGRITY, result.out
        problems = json.loads(result.out)["problems"]
        assert any(against.name in p and f"audit entry {pin['seq']}" in p for p in problems), problems


def test_verify_against_the_issued_pdf(run_case: Path) -> None:
    from appraisal.report.pdf import soffice
    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    cli_ok("case", "report", run_case, "--draft", "--pdf")
    pdf = run_case / "reports" / "report-v1-zh.pdf"
    pin = issued_pin(run_case)
    assert cli("case", "verify", run_case, "--against", pdf).code == 0
    tamper_db(run_case, "DROP TRIGGER audit_no_update",
              f"UPDATE audit SET actor = 'mallory' WHERE seq = {int(pin['seq']) - 2}")
    result = cli("case", "verify", run_case, "--against", pdf, "--json")
    assert result.code == EXIT_INTEGRITY
    assert any(pdf.name in p and "chain up to the pinned entry" in p for p in json.loads(result.out)["problems"])


def test_pin_is_read_from_a_pdf_text_layer_even_when_the_hash_wraps(tmp_path: Path) -> None:
    from fpdf import FPDF

    from appraisal.report.pin import read_pin
    digest = "0123456789abcdef" * 4
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Courier", size=9)
    pdf.multi_cell(60, 5, f"audit-pin seq=42 sha256={digest}")  # a narrow cell: the hash breaks over lines
    path = tmp_path / "report.pdf"
    pdf.output(str(path))

    pin = read_pin(path)

    assert (pin.seq, pin.hash) == (42, digest)


def test_verify_against_a_missing_or_pinless_file_is_bad_input(run_case: Path, tmp_path: Path) -> None:
    from docx import Document as NewDocument
    empty = tmp_path / "old-report.docx"
    NewDocument().save(str(empty))
    for path, words in ((tmp_path / "nope.pdf", "does not exist"), (empty, "carries no audit pin"),
                        (run_case / "case.toml", "is not a report")):
        result = run_cli("case", "verify", run_case, "--against", path)
        assert result.code == 2, result.out + result.err
        assert len(result.err_lines) == 1 and str(path) in result.err and words in result.err, result.err
        assert "Traceback" not in result.err
