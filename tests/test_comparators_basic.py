"""The code and text comparators on real snippets: renamed code, edited Chinese text, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

import comparators
from comparators.errors import InputError
from comparators.textio import decode_bytes

ORIGINAL = '''def price_for(item_price, reputation):
    discount = 0
    if reputation >= 3000:
        discount = 15
    elif reputation >= 1500:
        discount = 10
    return item_price * (100 - discount) // 100


def buy(player, item, count):
    total = price_for(item.price, player.reputation) * count
    if player.gold < total:
        raise ValueError("not enough gold")
    player.gold -= total
    return total
'''

UNRELATED = '''import os


def walk(root):
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        if os.path.isdir(path):
            yield from walk(path)
        else:
            yield path
'''


def test_renamed_code_is_found_with_line_ranges(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.py", tmp_path / "b.py", tmp_path / "c.py"
    a.write_text(ORIGINAL, encoding="utf-8")
    renamed = ORIGINAL.replace("price_for", "calc").replace("player", "p").replace("total", "cost")
    b.write_text("# header added by the copier\n\n" + renamed, encoding="utf-8")
    c.write_text(UNRELATED, encoding="utf-8")
    code = comparators.get("code")
    fa, fb, fc = code.extract(a), code.extract(b), code.extract(c)
    copy = code.compare(fa, fb)
    assert copy.score > 0.9
    assert copy.matches and copy.matches[0].category == "renamed"
    m = copy.matches[0]
    assert (m.a.start_line, m.b.start_line) == (1, 3)
    assert m.a.end_line == ORIGINAL.count("\n") and m.b.end_line == ORIGINAL.count("\n") + 2
    assert b.read_text(encoding="utf-8")[m.b.start_char:m.b.end_char].startswith("def calc")
    assert code.compare(fa, fc).score < 0.2


def test_chinese_text_passage_offsets_point_into_the_original(tmp_path: Path) -> None:
    passage = ("北境的风从来不会停歇。守城的老兵说，那是赤龙在山口的另一边呼吸。"
               "少年第一次站在城墙上的时候，看见远处的雪峰被夕阳染成了血色。")
    a_text = "第一章\n\n" + passage + "\n\n他的师父曾告诉他很多事情。\n"
    b_text = "序章 别的开头，完全不同的句子在这里。\n" + passage.replace("老兵说", "老兵们都说")
    b_text += "\n"
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(a_text, encoding="gb18030")
    b.write_text(b_text, encoding="utf-16")
    text = comparators.get("text")
    result = text.compare(text.extract(a), text.extract(b))
    assert len(result.matches) == 1
    m = result.matches[0]
    assert a_text[m.a.start_char:m.a.end_char].startswith("北境")
    assert b_text[m.b.start_char:m.b.end_char].endswith("血色。")
    assert m.a.start_line == 3 and m.b.start_line == 2
    assert result.coverage_b > 0.6


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "gb18030", "gbk", "big5"])
def test_encodings_decode(encoding: str) -> None:
    text = "這是一個測試文件，用於檢查編碼檢測是否正確。資料庫連接失敗時返回錯誤訊息。"
    if encoding in ("gbk", "gb18030"):
        text = "这是一个测试文件，用于检查编码检测是否正确。数据库连接失败时返回错误信息。"
    assert decode_bytes(text.encode(encoding)).text == text


def test_binary_and_empty_files_are_refused(tmp_path: Path) -> None:
    binary, empty = tmp_path / "x.java", tmp_path / "e.java"
    binary.write_bytes(b"\x7fELF\x00\x01\x02" * 100)
    empty.write_bytes(b"")
    code = comparators.get("code")
    with pytest.raises(InputError, match="binary"):
        code.extract(binary)
    with pytest.raises(InputError, match="empty"):
        code.extract(empty)
