"""Quotations with attribution: text an author quotes and credits is not copying.

A quotation is a span between quotation marks (after normalisation every Chinese and Western
form is “…” or "…"). It is *attributed* when a citation cue stands within ``window`` characters
before the opening mark or after the closing one: a work's title in 《》, 引自/出自/摘自/写道,
"according to", "as quoted in", a parenthesised source ("(Smith 1999)", "(p. 12)"), a footnote
mark ("[3]"). A bare verb of saying is not a citation: dialogue is part of the work.
Spans are returned as offsets in the source text.
"""

from __future__ import annotations

import re

import numpy as np

from comparators.text.normalize import Normalised

_QUOTE = re.compile(r"“([^“”]{2,4000})”|\"([^\"\n]{2,4000})\"")
# Citation cues: a source named or referenced, not a mere verb of saying (dialogue in a novel is
# still the novel's text, and copying it is copying).
_CUE_BEFORE = re.compile(
    r"(》[^“\"]{0,8}|引自[^“\"]{0,12}|引用[^“\"]{0,12}|出自[^“\"]{0,12}|摘自[^“\"]{0,12}|写道|中说|有云|"
    r"据[^“\"]{1,12}(?:记载|所载|称)|\baccording to\b[^“\"]{0,30}|\bas quoted in\b[^“\"]{0,30}|"
    r"\bwrote in\b[^“\"]{0,30}|\bwrites in\b[^“\"]{0,30}|\bin (?:his|her|their) (?:book|essay|article|poem|novel)\b"
    r"[^“\"]{0,30}|\bquoted from\b[^“\"]{0,30})[:,]?\s*$")
_CUE_AFTER = re.compile(
    r"^\s*[,.;]?\s*(\((?:[^()]{0,40}(?:\d{2,4}|《)[^()]{0,20}|see [^()]{1,40}|p\. ?\d+)\)|"
    r"\[\d{1,3}\]|--\s*《|--\s*[A-Z][a-z]+|《[^》]{1,30}》)")


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
