"""Chinese typography rule (GB/T 15834-2011) of the zh report: full-width in Chinese text, half-width elsewhere.

The rule is a pure function; these tests pin it on the issue's examples and on what must stay
half-width (code, numbers, hashes, paths, URLs, options, Latin text). The rendered report is
checked in ``tests/test_report.py`` (``test_zh_report_uses_full_width_punctuation_in_chinese_text``).
"""

from __future__ import annotations

import pytest

from appraisal.report.typography import typeset, typeset_pieces

HASH = "3f2a9b0c" * 8


@pytest.mark.parametrize(("before", "after"), [
    ("委托人称:原告系著作权人", "委托人称：原告系著作权人"),
    ("源代码(软件包/目录),7 个文件", "源代码（软件包/目录），7 个文件"),
    ("封存完好;接收时间 2026-01-02", "封存完好；接收时间 2026-01-02"),
    ("是否相同?是!", "是否相同？是！"),
    ("YB-01:权利人源代码", "YB-01：权利人源代码"),
    ("时间(UTC)", "时间（UTC）"),
    ("得分 0.950):样本", "得分 0.950)：样本"),  # an unmatched bracket stays, the colon turns
])
def test_half_width_punctuation_in_chinese_text_becomes_full_width(before: str, after: str) -> None:
    assert typeset(before) == after


@pytest.mark.parametrize("text", [
    "12,345 字节", "10:30:00 UTC", f"SHA-256:{HASH}", "Linux 6.1 (x86_64); Python 3.12",
    "(DRAFT, do not use)", "appraisal case run --kind code", "1. 编号", "0.95",
])
def test_latin_text_numbers_times_and_hashes_stay_half_width(text: str) -> None:
    assert typeset(text) == text


def test_paths_urls_and_options_inside_chinese_text_are_kept() -> None:
    text = ("样本 YB-01/服务端/商店(副本).py:1-20 与检材,见 https://example.org/a?b=1,c 及 --kind=code;"
            "完好")
    out = typeset(text)
    assert "YB-01/服务端/商店(副本).py:1-20" in out
    assert "https://example.org/a?b=1,c" in out
    assert "--kind=code" in out
    assert "检材，见" in out and "；完好" in out


def test_slash_between_chinese_words_is_text_not_a_path() -> None:
    assert typeset("公有/第三方(资料)") == "公有/第三方（资料）"


def test_spaces_around_a_converted_mark_are_dropped() -> None:
    assert typeset("委托人提交, 光盘1张 ; 封存完好") == "委托人提交，光盘1张；封存完好"


def test_the_rule_is_idempotent() -> None:
    once = typeset("委托人称:原告(软件包/目录),7 个文件;封存完好?")
    assert typeset(once) == once


def test_frozen_pieces_are_kept_but_give_context() -> None:
    pieces = [("委托人", False), (":", False), ('raise ValueError("金币不足,无法购买")', True), (",其余", False)]
    out = typeset_pieces(pieces)
    assert out[2] == 'raise ValueError("金币不足,无法购买")'  # code stays as it is
    assert out[:2] == ["委托人", "："]
    assert out[3] == "，其余"  # the comma after the code has Chinese on its right


def test_a_mark_split_from_its_context_across_runs_is_converted() -> None:
    assert typeset_pieces([("委托人称", False), (":", False), ("原告", False)]) == ["委托人称", "：", "原告"]
