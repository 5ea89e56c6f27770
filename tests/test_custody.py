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

from conftest import cli, cli_ok, flip_one_byte, make_writable, material_file, query_db, run_cli, tamper_db

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
