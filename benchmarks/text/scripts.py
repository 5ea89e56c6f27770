"""Chinese script conversion (OpenCC) and the file encodings of suspicious documents.

Simplified originals are OpenCC ``t2s`` of traditional ones and vice versa (``s2t``). A pair whose suspicious
document is written in Big5 uses Taiwan-standard traditional forms on both sides (``s2tw`` / ``t2tw``: Big5
has 為 but not OpenCC's default 爲), so a verbatim copy stays verbatim. Offsets are code points of the decoded
text, so the encoding never changes a label.
"""

from __future__ import annotations

from functools import cache

import opencc

ENCODINGS = ("utf-8", "gb18030", "big5")


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _run(config: str, text: str) -> str:
    return str(_converter(config).convert(text))


def convert(text: str, native: str | None, target: str | None, taiwan: bool = False) -> str:
    """``text`` (written in script ``native``) in script ``target``; ``taiwan`` picks Taiwan-standard forms for
    traditional output. English (``None``) passes through."""
    if native is None or target is None:
        return text
    if target == "simplified":
        return text if native == "simplified" else _run("t2s", text)
    if native == "simplified":
        return _run("s2tw" if taiwan else "s2t", text)
    return _run("t2tw", text) if taiwan else text


def encodable(text: str, encoding: str) -> bool:
    """Whether ``text`` survives a round trip through ``encoding`` unchanged."""
    try:
        return text.encode(encoding).decode(encoding) == text
    except UnicodeError:
        return False


def encode(text: str, encoding: str) -> bytes:
    """The file bytes of ``text`` (no BOM)."""
    data = text.encode(encoding)
    if data.decode(encoding) != text:
        raise ValueError(f"{encoding} does not round-trip")
    return data
