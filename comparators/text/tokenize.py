"""Tokens of a literary text: single CJK characters and Latin words, with offsets.

Chinese needs no segmentation for copy detection: character n-grams carry the signal.
Text is compared after NFKC normalisation (full-width forms fold to half-width) and case
folding; punctuation and whitespace are not tokens.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]"
                    r"|[\u3040-\u30ff\uac00-\ud7af]|[^\W_]+", re.UNICODE)


def tokens(text: str) -> tuple[list[str], list[int], list[int]]:
    """Normalised token strings with the start/end code-point offsets in ``text``."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _TOKEN.finditer(text):
        out.append(unicodedata.normalize("NFKC", m.group()).casefold())
        starts.append(m.start())
        ends.append(m.end())
    return out, starts, ends
