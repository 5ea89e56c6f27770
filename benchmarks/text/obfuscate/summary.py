"""``summary``: summary-like partial copying.

Every sentence is shortened first: parentheticals and dashed asides go, English subordinate clauses (", which
...", ", when ...") and, with probability 0.7, pure adjectives and -ly adverbs are dropped, and the part after
a semicolon or colon is cut off half the time; a Chinese sentence keeps its first clause and each further
clause with probability 0.6 (strength 1) or 0.4 (strength 2), quotation marks removed. Then sentences are
chosen (the first one preferred, the rest in random order) until the summary reaches a target share of the
passage's length, drawn from 35-50 % (strength 1) or 20-30 % (strength 2) and never outside 20-50 %; chosen
sentences stay in source order and about a third of neighbours are merged into one sentence.
The case spans the whole source passage and the whole summary.
"""

from __future__ import annotations

import re

from segment import clauses
from works import units

from obfuscate.base import Context, Passage

RATIO = {1: (0.35, 0.5), 2: (0.2, 0.3)}
BOUNDS = (0.2, 0.5)
KEEP_CLAUSE = {1: 0.6, 2: 0.4}
_SUBORDINATE = re.compile(r",\s*(?:which|who|whom|whose|where|when|while|although|though|because|since|unless|as "
                          r"if|if|whereas)\b[^,;:.!?]*(?=[,;:.!?])", re.I)
_END_EN = re.compile(r"[.!?][\"'’”)]*$")
_QUOTES_ZH = re.compile(r"[“”「」『』‘’\"]")
_MERGE_LOWER = {"The", "He", "She", "It", "They", "We", "There", "This", "That", "His", "Her", "A", "An", "But",
                "And", "Then", "So", "Their", "Its", "These", "Those", "You", "Your"}


def shorten_en(sentence: str, ctx: Context) -> str:
    """An English sentence without asides, subordinate clauses, most adjectives and adverbs."""
    s = re.sub(r"\s*\([^()]*\)", "", sentence)
    s = re.sub(r"\s*(?:--|—)[^—]*?(?:--|—)\s*", " ", s)
    s = _SUBORDINATE.sub("", s)
    cut = re.search(r"[;:]", s)
    if cut and len(s[:cut.start()].split()) >= 4 and ctx.rng.random() < 0.5:
        s = s[:cut.start()] + "."
    words = s.split()
    kept: list[str] = []
    adjectives = ctx.en.adjectives if ctx.en else frozenset()
    for i, w in enumerate(words):
        core = w.lower()
        droppable = i > 0 and core.isalpha() and (core in adjectives or (core.endswith("ly") and len(core) > 4))
        if droppable and ctx.rng.random() < 0.7:
            continue
        kept.append(w)
    s = " ".join(kept)
    s = re.sub(r"\s+([,;:.!?])", r"\1", s)
    s = re.sub(r"[,;:]+(?=[.!?])", "", s)
    s = re.sub(r"([,;:])[,;:]+", r"\1", s).strip(" ,;:")
    if not s:
        return s
    s = s[0].upper() + s[1:]
    return s if _END_EN.search(s) else s + "."


def shorten_zh(sentence: str, strength: int, ctx: Context) -> str:
    """A Chinese sentence reduced to its first clause and some of the others (a leading speech marker such as
    "子曰：" keeps the clause it introduces)."""
    s = re.sub(r"[（(][^（）()]*[）)]", "", sentence)
    s = _QUOTES_ZH.sub("", s)
    end = re.search(r"[。！？!?…]+$", s)
    terminal = end.group() if end else "。"
    body = s[:end.start()] if end else s
    parts = [c for c in clauses(body, "zh") if c.rstrip("，；：、,;:")]
    if not parts:
        return ""
    head = 1
    while head < len(parts) and (parts[head - 1].endswith(("：", ":")) or len(parts[head - 1]) <= 3):
        head += 1
    kept = parts[:head] + [p for p in parts[head:] if ctx.rng.random() < KEEP_CLAUSE[strength]]
    out = ""
    for i, clause in enumerate(kept):
        core = clause.rstrip("，；：、,;:")
        if i == len(kept) - 1:
            out += core
        else:
            out += core + ("：" if clause.endswith(("：", ":")) else "，")
    return out + terminal


def _merge(first: str, second: str, lang: str) -> str:
    if lang == "zh":
        return re.sub(r"[。！？!?…]+$", "", first) + "，" + second
    head = _END_EN.sub("", first).rstrip(",;:")
    word = second.split(" ", 1)[0]
    if word in _MERGE_LOWER:
        second = second[0].lower() + second[1:]
    return f"{head}, and {second}"


def apply(passage: Passage, strength: int, ctx: Context) -> Passage:
    """A summary of the passage (20-50 % of its length); raises when the passage cannot give one."""
    lang = ctx.lang
    total_units = units(passage.text, lang)
    lo, hi = RATIO[strength]
    target = ctx.rng.uniform(lo, hi) * total_units
    short = [shorten_en(s, ctx) if lang == "en" else shorten_zh(s, strength, ctx) for s in passage.sentences]
    rest = list(range(1, len(short)))
    ctx.rng.shuffle(rest)
    chosen: list[int] = []
    size = 0
    for i in [0] + rest:
        u = units(short[i], lang)
        if not u or size + u > hi * total_units:
            continue
        chosen.append(i)
        size += u
        if size >= target:
            break
    if size < lo * total_units or len(chosen) < 1:
        raise ValueError("passage cannot be summarised within bounds")
    chosen.sort()
    out: list[str] = []
    for i in chosen:
        if out and ctx.rng.random() < 1 / 3:
            out[-1] = _merge(out[-1], short[i], lang)
        else:
            out.append(short[i])
    result = passage.with_sentences(out, keep_gaps=False)
    ratio = units(result.text, lang) / total_units
    if not BOUNDS[0] <= ratio <= BOUNDS[1]:
        raise ValueError(f"summary ratio {ratio:.2f} out of bounds")
    ctx.notes["summary_permille"] = round(1000 * ratio)
    ctx.notes["summary_sentences"] = len(out)
    return result
