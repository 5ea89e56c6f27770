"""Determinism: same inputs and parameters give the same bytes, every time.

Two cases built from the same inputs in different folders give byte-identical
``findings.json``; ``compare --json`` run twice prints identical bytes; Features and
Comparisons round-trip through their JSON; the report builder gives identical docx bytes
when run twice on the same case on the same day.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SamplePackages, cli_ok, create_case, run_cli

import comparators
from comparators.base import Comparison, Features


def test_same_inputs_give_byte_identical_findings(sample_packages: SamplePackages,
                                                  tmp_path: Path) -> None:
    first = create_case(tmp_path / "first-case", sample_packages)
    second = create_case(tmp_path / "elsewhere" / "second-case", sample_packages)
    cli_ok("case", "run", first)
    cli_ok("case", "run", second)

    findings = (first / "findings.json").read_bytes()
    assert findings == (second / "findings.json").read_bytes()
    document = json.loads(findings)
    assert document["comparisons"] and document["comparisons"][0]["result"]["matches"]
    assert "first-case" not in findings.decode("utf-8"), "findings depend on the case folder"


@pytest.mark.parametrize(("kind", "a", "b"), [
    ("code", "A/src/demo/store/OrderService.java", "B/src/demo/store/SalesManager.java"),
    ("text", "A/docs/说明.txt", "B/docs/说明.txt"),
    ("package", "A", "B"),
])
def test_compare_json_is_byte_identical_across_runs(sample_packages: SamplePackages, kind: str,
                                                    a: str, b: str) -> None:
    cwd = sample_packages.a.parent
    runs = [run_cli("compare", a, b, "--kind", kind, "--json", cwd=cwd) for _ in range(2)]
    assert all(r.code == 0 for r in runs), [r.err for r in runs]
    assert runs[0].out == runs[1].out
    text = runs[0].out.strip()
    assert Comparison.from_json(text).to_json() == text, "Comparison does not round-trip"


@pytest.mark.parametrize(("kind", "rel"), [
    ("code", "A/src/demo/store/OrderService.java"),
    ("code", "A/scripts/cleanup.py"),
    ("text", "A/docs/说明.txt"),
    ("package", "A"),
])
def test_features_round_trip_through_json(sample_packages: SamplePackages, kind: str, rel: str) -> None:
    path = sample_packages.a.parent / rel
    comparator = comparators.get(kind)
    features = comparator.extract(path)
    text = features.to_json()

    assert Features.from_json(text).to_json() == text
    assert comparator.extract(path).to_json() == text, "extract is not deterministic"
    again = comparator.compare(Features.from_json(text), Features.from_json(text))
    assert again.to_json() == comparator.compare(features, features).to_json()


def test_report_builder_gives_identical_bytes_for_the_same_case(run_case: Path) -> None:
    from appraisal.custody.case import Case
    from appraisal.report.builder import build_docx

    with Case.open(run_case) as case:
        first = build_docx(case, "zh")
        second = build_docx(case, "zh")
    assert first == second
    assert first[:2] == b"PK"
