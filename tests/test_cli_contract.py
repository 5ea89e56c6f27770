"""The command-line contract scripts and outside evaluators rely on (DESIGN.md, "Command line").

``compare --json`` output shape, ``batch --pairs`` (CSV values and extra columns carried
through, errors per pair, ``--resume``), many-vs-many ``batch``, ``case ... --json``
outputs, exit codes 0/1/2, and the issued report (footer page fields, materials table with
full hashes, East-Asian fonts, the export entry in the audit log, report versions).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import SamplePackages, cli, cli_ok, flip_one_byte, material_file, query_db, run_cli, sha256_file
from docx import Document

COMPARISON_KEYS = {"kind", "score", "coverage_a", "coverage_b", "matches", "comparator", "a", "b"}
TEXT_REGION_KEYS = {"path", "start_line", "end_line", "start_char", "end_char"}


# --------------------------------------------------------------------------- compare --json


def compare_json(cwd: Path, a: str, b: str, kind: str) -> dict:
    result = run_cli("compare", a, b, "--kind", kind, "--json", cwd=cwd)
    assert result.code == 0, result.err
    return json.loads(result.out)


def assert_comparison_shape(data: dict, a: str, b: str, cwd: Path) -> None:
    assert COMPARISON_KEYS <= set(data), COMPARISON_KEYS - set(data)
    assert set(data["comparator"]) >= {"name", "version", "params"}
    assert isinstance(data["comparator"]["params"], dict) and data["comparator"]["params"]
    for side, arg in (("a", a), ("b", b)):
        assert data[side]["path"] == arg, "the path must be the argument as given"
        assert data[side]["sha256"] == sha256_file(cwd / arg)
    for key in ("score", "coverage_a", "coverage_b"):
        assert 0.0 <= data[key] <= 1.0, (key, data[key])


def assert_text_regions_locate_the_text(data: dict, cwd: Path) -> None:
    """Offsets are code points of the decoded text (end exclusive), lines 1-based."""
    assert data["matches"], "the sample pair must produce matches"
    for match in data["matches"]:
        assert {"id", "score", "category", "a", "b"} <= set(match)
        assert 0.0 <= match["score"] <= 1.0
        for side in ("a", "b"):
            region = match[side]
            assert TEXT_REGION_KEYS <= set(region), region
            text = (cwd / region["path"]).read_text(encoding="utf-8")
            start, end = region["start_char"], region["end_char"]
            assert 0 <= start < end <= len(text)
            assert region["start_line"] == text.count("\n", 0, start) + 1
            assert region["end_line"] == text.count("\n", 0, end - 1) + 1


@pytest.mark.parametrize(("kind", "rel_a", "rel_b"), [
    ("code", "A/src/demo/store/OrderService.java", "B/src/demo/store/SalesManager.java"),
    ("code", "A/scripts/cleanup.py", "B/scripts/cleanup.py"),
    ("text", "A/docs/说明.txt", "B/docs/说明.txt"),
])
def test_compare_json_shape_for_code_and_text(sample_packages: SamplePackages, kind: str,
                                              rel_a: str, rel_b: str) -> None:
    cwd = sample_packages.a.parent
    data = compare_json(cwd, rel_a, rel_b, kind)
    assert data["kind"] == kind
    assert data["comparator"]["name"] == kind
    assert_comparison_shape(data, rel_a, rel_b, cwd)
    assert_text_regions_locate_the_text(data, cwd)
    assert data["score"] > 0.5, "an edited copy must score high"


def test_compare_json_renamed_code_is_categorised(sample_packages: SamplePackages) -> None:
    cwd = sample_packages.a.parent
    data = compare_json(cwd, "A/src/demo/store/OrderService.java",
                        "B/src/demo/store/SalesManager.java", "code")
    assert {m["category"] for m in data["matches"]} & {"renamed", "edited"}


def test_compare_json_for_two_packages(sample_packages: SamplePackages) -> None:
    cwd = sample_packages.a.parent
    result = run_cli("compare", "A", "B", "--json", cwd=cwd)  # kind detected: package
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["kind"] == "package"
    assert COMPARISON_KEYS <= set(data)
    assert data["a"]["path"] == "A" and data["b"]["path"] == "B"
    assert 0.0 <= data["score"] <= 1.0
    categories = [m["category"] for m in data["matches"]]
    assert categories.count("identical-file") == 2  # Inventory.java, report.py


def test_compare_without_json_prints_a_summary(sample_packages: SamplePackages) -> None:
    cwd = sample_packages.a.parent
    result = run_cli("compare", "A/scripts/report.py", "B/scripts/report.py", cwd=cwd)
    assert result.code == 0, result.err
    assert "score" in result.out


# --------------------------------------------------------------------------- batch --pairs


def write_pairs_csv(root: Path) -> tuple[Path, list[dict[str, str]]]:
    rows = [
        {"a": "A/src/demo/store/OrderService.java", "b": "B/src/demo/store/SalesManager.java",
         "exhibit": "E-1", "note": "renamed class"},
        {"a": "A/scripts/report.py", "b": "B/scripts/report.py", "exhibit": "E-2", "note": "same"},
        {"a": "A/scripts/missing.py", "b": "B/scripts/cleanup.py", "exhibit": "E-3", "note": "gone"},
        {"a": "A/scripts/cleanup.py", "b": "B/tools/mailer.py", "exhibit": "E-4", "note": "unrelated"},
    ]
    path = root / "pairs.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["a", "b", "exhibit", "note"])
        writer.writeheader()
        writer.writerows(rows)
    return path, rows


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_batch_pairs_writes_one_line_per_pair(sample_packages: SamplePackages, tmp_path: Path) -> None:
    pairs, rows = write_pairs_csv(sample_packages.a.parent)
    out = tmp_path / "r.jsonl"

    result = run_cli("batch", "--kind", "code", "--pairs", pairs, "--out", out)  # cwd: repo root

    assert result.code == 0, result.err
    lines = read_jsonl(out)
    assert len(lines) == len(rows)
    by_pair = {(line["a"], line["b"]): line for line in lines}
    assert set(by_pair) == {(r["a"], r["b"]) for r in rows}, "a and b must be the CSV's values"
    for row in rows:
        line = by_pair[(row["a"], row["b"])]
        assert line["exhibit"] == row["exhibit"] and line["note"] == row["note"]
        if "missing" in row["a"]:
            assert "error" in line and "score" not in line
            assert "missing.py" in line["error"]
        else:
            assert "error" not in line
            assert 0.0 <= line["score"] <= 1.0
            assert line["kind"] == "code"
    assert by_pair[(rows[1]["a"], rows[1]["b"])]["score"] == 1.0
    assert by_pair[(rows[0]["a"], rows[0]["b"])]["score"] > by_pair[(rows[3]["a"], rows[3]["b"])]["score"]


def test_batch_pairs_resume_writes_only_the_remaining_pairs(sample_packages: SamplePackages,
                                                            tmp_path: Path) -> None:
    pairs, rows = write_pairs_csv(sample_packages.a.parent)
    out = tmp_path / "r.jsonl"
    assert run_cli("batch", "--kind", "code", "--pairs", pairs, "--out", out).code == 0
    full = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(full[0], encoding="utf-8")  # as if the run had died after one pair

    result = run_cli("batch", "--kind", "code", "--pairs", pairs, "--out", out, "--resume", "--json")

    assert result.code == 0, result.err
    summary = json.loads(result.out)
    assert summary["skipped"] == 1
    assert summary["written"] + summary["errors"] == len(rows) - 1
    resumed = out.read_text(encoding="utf-8").splitlines(keepends=True)
    assert resumed[0] == full[0]
    assert len(resumed) == len(rows), "pairs written twice or missing after --resume"
    assert sorted(resumed) == sorted(full)


def test_batch_many_vs_many_writes_every_pair(sample_packages: SamplePackages, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    result = run_cli("batch", "--kind", "code", sample_packages.a, "--against", sample_packages.b,
                     "--out", out, "--retrieval", "0")
    assert result.code == 0, result.err
    code_suffixes = {".java", ".py"}
    sources = {str(p) for p in sample_packages.a.rglob("*") if p.suffix in code_suffixes}
    suspects = {str(p) for p in sample_packages.b.rglob("*") if p.suffix in code_suffixes}
    lines = read_jsonl(out)
    assert {(line["a"], line["b"]) for line in lines} == {(a, b) for a in sources for b in suspects}
    assert len(lines) == len(sources) * len(suspects)
    assert all(0.0 <= line["score"] <= 1.0 for line in lines)
    identical = [line for line in lines if line["a"].endswith("A/scripts/report.py")
                 and line["b"].endswith("B/scripts/report.py")]
    assert identical and identical[0]["score"] == 1.0


# --------------------------------------------------------------------------- case verbs --json


def test_case_verbs_print_json(sample_packages: SamplePackages, tmp_path: Path) -> None:
    case = tmp_path / "case"
    created = json.loads(cli_ok("case", "create", case, "--json").out)
    assert "case_id" in created
    added = json.loads(cli_ok("case", "add", case, sample_packages.a, "--side", "A", "--json").out)
    assert added["id"] == "YB-01" and len(added["sha256"]) == 64
    cli_ok("case", "add", case, sample_packages.b, "--side", "B")
    ran = json.loads(cli_ok("case", "run", case, "--json").out)
    assert ran["pairs"] == 1
    verified = json.loads(cli_ok("case", "verify", case, "--json").out)
    assert verified["ok"] is True and verified["problems"] == []


def test_exit_codes_0_1_2(run_case: Path, tmp_path: Path) -> None:
    assert run_cli("case", "verify", run_case).code == 0
    assert run_cli("case", "verify", tmp_path / "not-a-case").code == 2
    flip_one_byte(material_file(run_case, "YB-01", "report.py"))
    failed = run_cli("case", "verify", run_case, "--json")
    assert failed.code == 1
    assert json.loads(failed.out)["ok"] is False
    assert "Traceback" not in failed.err


# --------------------------------------------------------------------------- case report

CJK_FONT = re.compile(r'w:eastAsia="([^"]*)"')


def test_case_report_writes_a_docx_with_the_required_parts(run_case: Path) -> None:
    result = cli("case", "report", run_case, "--draft")
    assert result.code == 0, result.err
    report = run_case / "reports" / "report-v1-zh.docx"
    assert result.out.strip().endswith("report-v1-zh.docx")
    assert report.is_file()

    document = Document(str(report))
    footer_xml = "".join(section.footer._element.xml for section in document.sections)
    assert re.search(r"<w:instrText[^>]*>\s*PAGE\s*</w:instrText>", footer_xml)
    assert re.search(r"<w:instrText[^>]*>\s*NUMPAGES\s*</w:instrText>", footer_xml)
    assert "第" in footer_xml and "页 共" in footer_xml

    cells = {cell.text.strip() for table in document.tables for row in table.rows for cell in row.cells}
    for material_id, digest in query_db(run_case, "SELECT id, sha256 FROM materials"):
        assert digest in cells, f"full SHA-256 of {material_id} missing from the materials table"

    with zipfile.ZipFile(report) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
    east_asia = set(CJK_FONT.findall(styles))
    assert any(re.search(r"[\u4e00-\u9fff]|CJK|Song|Hei|Fang", name) for name in east_asia), east_asia

    digest = hashlib.sha256(report.read_bytes()).hexdigest()
    exports = query_db(run_case, "SELECT target, outputs FROM audit WHERE action = 'export'")
    assert [(target, digest in json.loads(outputs)) for target, outputs in exports] == \
        [("report-v1-zh.docx", True)]


def test_second_report_is_a_new_version_and_keeps_the_first(run_case: Path) -> None:
    cli_ok("case", "report", run_case, "--draft")
    first = (run_case / "reports" / "report-v1-zh.docx").read_bytes()

    cli_ok("case", "report", run_case, "--draft")

    assert (run_case / "reports" / "report-v1-zh.docx").read_bytes() == first
    second = run_case / "reports" / "report-v2-zh.docx"
    assert second.is_file()
    versions = query_db(run_case, "SELECT version, path, sha256 FROM reports ORDER BY version")
    assert [(v, p) for v, p, _ in versions] == [(1, "reports/report-v1-zh.docx"),
                                                (2, "reports/report-v2-zh.docx")]
    assert versions[1][2] == sha256_file(second)
    assert cli("case", "verify", run_case).code == 0
