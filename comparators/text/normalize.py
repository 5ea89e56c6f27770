"""Normalisation of literary text with a map from every normalised character back to the source.

Steps, in order: Unicode NFKC (full-width letters and digits fold to half-width, compatibility
forms to their base), punctuation unified to one ASCII form per class, case folded, traditional
Chinese converted to simplified with OpenCC ``t2s`` (the safe direction: many simplified
characters stand for several traditional ones, never the reverse). Each step may change the
length of a character (NFKC turns "①" into "1", "ﬁ" into "fi"); ``origin`` records, for every
character of the normalised text, the code-point offset of the source character it came from,
so that every passage found on normalised text is cited in the original.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

# Punctuation folded to one form per class (after NFKC, which leaves CJK punctuation alone).
_PUNCT = {
    "．": ".", "！": "!", "？": "?", "，": ",", "、": ",", "；": ";", "：": ":",
    "„": "“", "«": "“", "»": "”", "「": "“", "」": "”", "『": "“", "』": "”", "‚": "‘", "【": "[", "】": "]",
    "〔": "[", "〕": "]", "（": "(", "）": ")", "—": "-", "–": "-", "―": "-", "…": "...",
    "～": "~", "〜": "~",
}


@dataclass(frozen=True)
class Normalised:
    """Normalised text; ``origin[i]`` is the source offset of normalised character ``i``.

    ``converted[i]`` is true where OpenCC changed the character (a traditional form in the
    source): the share of such characters tells a script-converted copy from a verbatim one.
    """

    text: str
    origin: np.ndarray
    converted: np.ndarray


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported lazily: loading the dictionaries costs ~50 ms

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _fold(char: str) -> str:
    """NFKC, punctuation class and case folding of one character."""
    out = unicodedata.normalize("NFKC", char)
    out = "".join(_PUNCT.get(c, c) for c in out)
    return out.casefold()


def to_simplified(text: str) -> str:
    """OpenCC ``t2s`` conversion of ``text``."""
    return _t2s().convert(text)


def _simplify_same_length(text: str) -> str:
    """``t2s`` that keeps every character in place (length preserved).

    OpenCC converts phrase by phrase; nearly always one character becomes one character. Where
    a line changes length, that line is converted character by character instead.
    """
    whole = to_simplified(text)
    if len(whole) == len(text):
        return whole
    lines = text.split("\n")
    out = []
    for line in lines:
        conv = to_simplified(line)
        if len(conv) != len(line):
            conv = "".join(c2 if len(c2 := to_simplified(c)) == 1 else c for c in line)
        out.append(conv)
    return "\n".join(out)


def _has_cjk(text: str) -> bool:
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c >= "\U00020000" for c in set(text))


def normalise(text: str, simplify: bool = True) -> Normalised:
    """Normalise ``text`` (see the module docstring) keeping the offset map."""
    table = {c: _fold(c) for c in set(text)}
    if all(len(v) == 1 for v in table.values()):
        folded = text.translate(str.maketrans(table)) if table else text
        origin = np.arange(len(text), dtype=np.int64)
    else:
        parts = [table[c] for c in text]
        folded = "".join(parts)
        lengths = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
        origin = np.repeat(np.arange(len(text), dtype=np.int64), lengths)
    converted = np.zeros(len(folded), dtype=bool)
    if simplify and _has_cjk("".join(table.values())):  # the characters of ``folded``, each once
        simple = _simplify_same_length(folded)
        if simple != folded:
            a = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
            b = np.frombuffer(simple.encode("utf-32-le"), dtype=np.uint32)
            converted = a != b
            folded = simple
    return Normalised(folded, origin, converted)
