"""End-to-end test of the runner on the dev fixture, with a stand-in for our comparator.

Our comparator is being rewritten; the stand-in (difflib's matching blocks) keeps this test
independent of its state. A second test runs the real comparator and is skipped when it
does not import.

    .venv/bin/pytest benchmarks/text/test_run.py
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import dev_fixture  # noqa: E402
import run  # noqa: E402
import tools  # noqa: E402
from peers.contract import PairOutput  # noqa: E402


class StandIn:
    """Exact common substrings of >= 40 characters (difflib), merged across gaps < 40."""

    name = "ours"
    version = "stand-in"
    params: dict[str, Any] = {"stand_in": "difflib matching blocks >= 40 chars"}

    def score(self, a: Path, b: Path) -> PairOutput:
        from comparators.textio import read_text

        ta, tb = read_text(a).text, read_text(b).text
        blocks = [m for m in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_matching_blocks()
                  if m.size >= 40]
        dets: list[list[int]] = []
        for m in blocks:
            if dets and m.a - dets[-1][1] < 40 and 0 <= m.b - dets[-1][3] < 40:
                dets[-1][1], dets[-1][3] = m.a + m.size, m.b + m.size
            else:
                dets.append([m.a, m.a + m.size, m.b, m.b + m.size])
        matched = sum(m.size for m in blocks)
        return PairOutput(matched / max(min(len(ta), len(tb)), 1), [tuple(d) for d in dets])


@pytest.fixture()
def fixture_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    dev_fixture.write_fixture(data, "tune", seed=1)
    dev_fixture.write_fixture(data, "test", seed=2)
    return data


def _argv(data: Path, tmp: Path, tools_arg: str, *extra: str) -> list[str]:
    return ["--data", str(data), "--work", str(tmp / "work"), "--out", str(tmp / "RESULTS.md"),
            "--tools", tools_arg, "--dump", str(tmp / "dump.jsonl"), *extra]


def test_runner_end_to_end_with_stand_in(fixture_data: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    real = tools.scorer

    def patched(name: str, overrides_json: str = "{}") -> Any:
        return StandIn() if name == "ours" else real(name, overrides_json)

    monkeypatch.setattr(tools, "scorer", patched)
    monkeypatch.setattr(run, "scorer", patched)
    monkeypatch.setattr(tools, "tool_version", lambda name: "stand-in" if name == "ours" else "peer")
    monkeypatch.setattr(run, "tool_version", lambda name: "stand-in" if name == "ours" else "peer")
    argv = _argv(fixture_data, tmp_path, "ours,baseline-minhash,copydetect",
                 "--split", "tune,test", "--threshold-from", "tune", "--workers", "2")
    assert run.main(argv) == 0
    text = (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
    for marker in ("<!-- accuracy:tune -->", "<!-- /accuracy:test -->", "Targets (issue 4", "n/a (no localisation)",
                   "baseline-minhash-whole", "neg-common-phrases"):
        assert marker in text
    rows = [json.loads(line) for line in (tmp_path / "dump.jsonl").read_text(encoding="utf-8").splitlines()]
    ours_test = {r["id"]: r for r in rows if r["tool"] == "ours" and r["split"] == "test"}
    assert len(ours_test) == 11
    verbatim = ours_test["en-000"]
    assert verbatim["precision"] == pytest.approx(1.0, abs=0.02) and verbatim["recall"] > 0.95
    cached = tmp_path / "work" / "cache"
    assert len(list(cached.glob("*.jsonl"))) == 3
    # a rerun is served by the cache
    assert run.main(argv) == 0
    assert "from the cache" in (tmp_path / "RESULTS.md").read_text(encoding="utf-8")


def test_copydetect_finds_verbatim_copies(fixture_data: Path, tmp_path: Path) -> None:
    argv = _argv(fixture_data, tmp_path, "copydetect", "--split", "test", "--workers", "1", "--no-write")
    assert run.main(argv) == 0
    rows = [json.loads(line) for line in (tmp_path / "dump.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r for r in rows}
    for pair_id in ("en-000", "zh-005"):
        assert by_id[pair_id]["recall"] > 0.9 and by_id[pair_id]["precision"] > 0.9, by_id[pair_id]


def test_runner_with_the_real_comparator(fixture_data: Path, tmp_path: Path) -> None:
    try:
        tools.scorer("ours").score(fixture_data / "test" / "docs" / "en_src.txt",
                                   fixture_data / "test" / "docs" / "en_verbatim.txt")
    except Exception as exc:  # noqa: BLE001 - the comparator may be mid-rewrite
        pytest.skip(f"our comparator does not run right now: {type(exc).__name__}: {exc}")
    argv = _argv(fixture_data, tmp_path, "ours", "--split", "test", "--workers", "2", "--param", "min_tokens=20")
    assert run.main(argv) == 0
    assert "PlagDet overall >= 0.93" in (tmp_path / "RESULTS.md").read_text(encoding="utf-8")
