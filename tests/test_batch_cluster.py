"""Many-vs-many batch: the same results inline, in a process pool and on a Dask cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from appraisal.batch import engine as batch

GUILD = '''public class Guild {
    private final java.util.List<String> members = new java.util.ArrayList<>();
    public boolean join(String player) {
        if (members.size() >= 50 || members.contains(player)) { return false; }
        return members.add(player);
    }
    public int count() { return members.size(); }
}
'''
OTHER = '''public class Timer {
    private long start;
    public void begin() { start = System.nanoTime(); }
    public double seconds() { return (System.nanoTime() - start) / 1e9; }
}
'''


@pytest.fixture()
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    src, sus = tmp_path / "src", tmp_path / "sus"
    src.mkdir()
    sus.mkdir()
    (src / "Guild.java").write_text(GUILD, encoding="utf-8")
    (src / "Timer.java").write_text(OTHER, encoding="utf-8")
    (sus / "Clan.java").write_text(GUILD.replace("Guild", "Clan").replace("members", "list"), encoding="utf-8")
    (sus / "Stopwatch.java").write_text(OTHER.replace("Timer", "Stopwatch"), encoding="utf-8")
    (sus / "Empty.java").write_text("", encoding="utf-8")
    return src, sus


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_inline_pool_and_cluster_agree(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    src, sus = corpus
    outs = {}
    summary = batch.run_many("code", [str(src)], [str(sus)], tmp_path / "inline.jsonl", retrieval=0.0)
    outs["inline"] = tmp_path / "inline.jsonl"
    assert summary.written == 4 and summary.errors == 1
    batch.run_many("code", [str(src)], [str(sus)], tmp_path / "pool.jsonl", retrieval=0.0, workers=2)
    outs["pool"] = tmp_path / "pool.jsonl"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        batch.run_many("code", [str(src)], [str(sus)], tmp_path / "dask.jsonl", retrieval=0.0,
                       scheduler=cluster.scheduler_address)
    outs["dask"] = tmp_path / "dask.jsonl"
    texts = {name: path.read_text(encoding="utf-8") for name, path in outs.items()}
    assert texts["inline"] == texts["pool"] == texts["dask"]
    rows = _lines(outs["inline"])
    errors = [r for r in rows if "error" in r]
    assert len(errors) == 1 and "Empty.java" in errors[0]["a"] and "empty" in errors[0]["error"]
    best = max((r for r in rows if "score" in r), key=lambda r: r["score"])
    assert best["a"].endswith("Guild.java") and best["b"].endswith("Clan.java")


def test_retrieval_threshold_and_resume(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    src, sus = corpus
    out = tmp_path / "r.jsonl"
    full = batch.run_many("code", [str(src)], [str(sus)], out, retrieval=0.0)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[2][: len(lines[2]) // 2], encoding="utf-8")  # killed mid-line
    resumed = batch.run_many("code", [str(src)], [str(sus)], out, retrieval=0.0, resume=True)
    assert resumed.skipped >= 1 and resumed.written + resumed.skipped == full.written
    assert sorted(out.read_text(encoding="utf-8").splitlines()) == sorted(line.rstrip("\n") for line in lines)
    strict = batch.run_many("code", [str(src)], [str(sus)], tmp_path / "s.jsonl", retrieval=0.3)
    assert 1 <= strict.candidates < full.candidates


def test_unreachable_scheduler_is_bad_input(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    src, sus = corpus
    from comparators.errors import InputError
    with pytest.raises(InputError, match="scheduler"):
        batch.run_many("code", [str(src)], [str(sus)], tmp_path / "x.jsonl", retrieval=0.0,
                       scheduler="tcp://127.0.0.1:9")
