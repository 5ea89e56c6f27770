"""Audio findings end to end: intake of two recordings, run, the notebook viewer and the report exhibit.

A is a synthetic piece (``audio_fixtures``) saved as FLAC; B is an excerpt of it with noise, as
WAV. The case is built through the command line; the viewer's code path plays both segments and
shows the exhibit picture; the docx carries the picture and the segment table.
"""

from __future__ import annotations

import base64
import io
import json
import re
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from audio_fixtures import RATE, noise_like, render, save, score
from conftest import cli_ok
from docx import Document

from appraisal.custody.case import Case
from appraisal.demo import configure_sample
from appraisal.review import record_decision
from appraisal.review.view import case_files, finding_rows, finding_view


@pytest.fixture(scope="module")
def audio_case(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("audio-report")
    y = render(score(1))
    a = save(root / "song.flac", y)
    b = save(root / "clip.wav", noise_like(y[6 * RATE:20 * RATE], 15.0))
    case_dir = root / "case"
    cli_ok("case", "create", case_dir, "--title", "音乐作品相似性鉴定", "--client", "某市中级人民法院",
           "--number", "示例鉴定所[2026]知鉴字第5号", "--lang", "zh")
    added = [json.loads(cli_ok("case", "add", case_dir, path, "--side", side, "--label", name, "--json").out)
             for path, side, name in ((a, "A", "权利人录音制品"), (b, "B", "被诉短视频配乐"))]
    assert [m["kind"] for m in added] == ["audio", "audio"]
    run = json.loads(cli_ok("case", "run", case_dir, "--json").out)
    assert run["comparisons"][0]["kind"] == "audio"
    with Case.open(case_dir, actor="张示例") as case:
        configure_sample(case)
        result = case.comparisons()[0]["result"]
        first = result["matches"][0]
        for match in result["matches"]:
            record_decision(case, match["id"], "accepted", reason="经人工试听两段录音一致（测试数据）")
    issued = json.loads(cli_ok("case", "report", case_dir, "--json").out)
    return {"case": case_dir, "result": result, "first": first, "report": Path(issued["report"])}


def test_the_run_found_the_excerpt_where_it_is(audio_case: dict[str, object]) -> None:
    first = audio_case["first"]
    assert first["detail"]["question"] == "recording"
    assert abs((first["a"]["start_s"] - first["b"]["start_s"]) - 6.0) < 0.1


def test_viewer_plays_both_segments_and_shows_the_alignment(audio_case: dict[str, object]) -> None:
    first = audio_case["first"]
    with Case.open(audio_case["case"]) as case:
        rows = {r.id: r for r in finding_rows(case)}
        view = finding_view(rows[first["id"]], case_files(case), "zh")
    assert view.png is not None and view.png[:8] == b"\x89PNG\r\n\x1a\n" and view.size[0] > 500
    clips = re.findall(r'src="data:audio/wav;base64,([^"]+)"', view.html)
    assert len(clips) == 2
    for clip, side in zip(clips, ("a", "b"), strict=True):
        samples, rate = sf.read(io.BytesIO(base64.b64decode(clip)))
        expected = first[side]["end_s"] - first[side]["start_s"]
        assert abs(len(samples) / rate - expected) < 0.05
        assert np.abs(samples).max() > 0.01
    assert "录音是否复制" in view.html and "时间因子" in view.html and "对齐路径" in view.html


def test_report_shows_the_audio_exhibit_with_its_segment_table(audio_case: dict[str, object]) -> None:
    document = Document(str(audio_case["report"]))
    first = audio_case["first"]
    assert len(document.inline_shapes) == len(audio_case["result"]["matches"])  # one exhibit picture per finding
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert f"{first['a']['start_s']:.2f}–{first['a']['end_s']:.2f} 秒" in cells
    assert "一致的指纹" in cells and "个半音" in cells
    text = "\n".join(p.text for p in document.paragraphs)
    assert "录音与音乐作品的比对" in text  # the method paragraph names the audio method
    assert "发现项 F-audio-0001" in text


def test_opinion_and_results_count_seconds_not_lines(audio_case: dict[str, object]) -> None:
    document = Document(str(audio_case["report"]))
    result = audio_case["result"]
    text = "\n".join(p.text for p in document.paragraphs)
    opinion = next(p for p in text.splitlines() if "相同或实质性相似的片段" in p)
    assert "行" not in opinion and "录音及音乐作品" in opinion
    num_b, den_b = (float(x) for x in re.search(r"对应检材([\d.,]+)秒，占检材可比时长([\d.,]+)秒", opinion).groups())
    # B is a 14-second excerpt: nearly all of it is found, and its length is the denominator
    assert den_b <= result["units"]["b"] + 0.05 and num_b > 0.8 * den_b
    headers = [c.text for t in document.tables for c in t.rows[0].cells]
    assert "检材录音时长（秒）" in headers and "检材可比行数" not in headers
    assert "录音的位置以“文件：起止时间（秒）”表示" in text


def test_seconds_figures_take_the_union_of_segments_and_follow_the_filtration() -> None:
    from appraisal.report.opinion import SECONDS, pair_figures
    from appraisal.review.decisions import Decision

    def seg(s: float, e: float) -> dict[str, object]:
        return {"path": "materials/x.wav", "start_s": s, "end_s": e}

    result = {"kind": "audio", "score": 0.9, "units": {"name": "seconds", "a": 100.0, "b": 60.0},
              "excluded": [{"reason": "silence", "a": seg(0.0, 10.0)}],
              "matches": [{"id": "F1", "a": seg(5.0, 35.0), "b": seg(0.0, 30.0)},   # recording match
                          {"id": "F2", "a": seg(20.0, 50.0), "b": seg(15.0, 45.0)},  # work section overlapping F1
                          {"id": "F3", "a": seg(80.0, 90.0), "b": seg(50.0, 60.0)},  # excluded by the expert
                          {"id": "F4", "a": seg(60.0, 70.0), "b": seg(46.0, 49.0)}]}  # rejected
    decisions = {"F3": Decision("F3", "excluded", "common", "a standard drum loop", "t", "2026-01-01T00:00:00Z", 1),
                 "F4": Decision("F4", "rejected", None, "not the same", "t", "2026-01-01T00:00:00Z", 2)}
    fig = pair_figures({"a_id": "A1", "b_id": "B1", "result": result}, {}, {}, None, decisions, True)
    assert fig.unit == SECONDS and fig.regions_after == 2 and fig.excluded_lines == [(10.0, 0)]
    assert (fig.den_a_before, fig.den_b_before) == (100.0, 60.0)
    assert (fig.den_a_after, fig.den_b_after) == (80.0, 50.0)  # silence and the public segment removed
    assert (fig.num_a_after, fig.num_b_after) == (40.0, 45.0)  # 10-50 s of A (5-10 s is silence), 0-45 s of B
    assert (fig.num_a_before, fig.num_b_before) == (65.0, 58.0)
