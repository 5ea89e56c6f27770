"""Quotations with attribution: text an author quotes and credits is not copying.

A quotation is a span between quotation marks (after normalisation every Chinese and Western
form is “…” or "…"). It is *attributed* when a citation cue stands within ``window`` characters
before the opening mark or after the closing one: a verb of saying (说, 道, 曰, 云, 写道, 指出,
said, wrote, according to …), a work's title in 《》, or a parenthesised source ("(Smith 1999)").
Spans are returned as offsets in the source text.
"""

from __future__ import annotations

import re

import numpy as np

from comparators.text.normalize import Normalised

_QUOTE = re.compile(r"“([^“”]{2,4000})”|\"([^\"\n]{2,4000})\"")
_CUE_BEFORE = re.compile(
    r"(说|道|曰|云|称|问|答|写道|指出|认为|表示|引用|引自|出自|所言|所说|有言|有云|》|"
    r"\bsaid\b|\bsays\b|\bwrote\b|\bwrites\b|\baccording to\b|\bquoted?\b|\bnoted\b|\bdeclared\b|"
    r"\bremarked\b|\bput it\b|\basked\b|\breplied\b|\bstates?\b|\bin his\b|\bin her\b)[^“\"]{0,6}[:,]?\s*$")
_CUE_AFTER = re.compile(
    r"^\s*[,.;]?\s*(\(|（|《|——|--|-\s|他说|她说|说道|\bsaid\b|\bsays\b|\bwrote\b|\bwrites\b|\basked\b|"
    r"\breplied\b|\bsaid [a-z]+\b)")


def quotations(norm: Normalised, window: int = 24) -> list[tuple[int, int, bool, str]]:
    """(start, end, attributed, cue) of every quotation, offsets in the source text."""
    text = norm.text
    out: list[tuple[int, int, bool, str]] = []
    for m in _QUOTE.finditer(text):
        s, e = m.start(), m.end()
        before = text[max(0, s - window):s]
        after = text[e:e + window]
        cue = _CUE_BEFORE.search(before) or _CUE_AFTER.search(after)
        src_s = int(norm.origin[s])
        src_e = int(norm.origin[e - 1]) + 1
        out.append((src_s, src_e, cue is not None, cue.group(1).strip() if cue else ""))
    return out


def attributed_share(spans: list[list], start: int, end: int) -> tuple[float, str]:
    """Share of ``[start, end)`` inside attributed quotations, and the first cue met."""
    if end <= start or not spans:
        return 0.0, ""
    covered = np.zeros(end - start, dtype=bool)
    cue = ""
    for s, e, attributed, c in spans:
        if attributed and e > start and s < end:
            covered[max(s, start) - start:min(e, end) - start] = True
            cue = cue or c
    return float(covered.mean()), cue
