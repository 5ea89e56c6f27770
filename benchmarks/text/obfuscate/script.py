"""``script`` (Chinese only): the passage converted to the other script with OpenCC (``s2t`` or ``t2s``; Taiwan
forms when the suspicious document is written in Big5). The host is converted the same way by the pair
builder, so the whole suspicious document is in the other script."""

from __future__ import annotations

from scripts import convert

from obfuscate.base import Context, Passage


def apply(passage: Passage, strength: int, ctx: Context) -> Passage:
    """Convert every sentence from ``ctx.script`` to ``ctx.target_script``; fails if nothing changes."""
    if ctx.lang != "zh" or ctx.target_script == ctx.script:
        raise ValueError("script conversion needs Chinese and two scripts")
    out = [convert(s, ctx.script, ctx.target_script, ctx.taiwan) for s in passage.sentences]
    if out == list(passage.sentences):
        raise ValueError("conversion changed nothing")
    ctx.notes["converted_chars"] = sum(a != b for s, t in zip(passage.sentences, out) for a, b in zip(s, t))
    return passage.with_sentences(out)
