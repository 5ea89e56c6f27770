"""``random``: PAN-style random text operations inside each sentence.

Every token (an English word, or a Chinese character other than punctuation) is edited with probability 0.10
(strength 1) or 0.30 (strength 2; Chinese 0.08 / 0.25): deleted, followed by an inserted token, replaced by
a token drawn from the vocabulary of the source document, or the start of a shuffled run of 2-4 tokens. At
least one edit is made per passage. English words are rejoined with single spaces.
"""

from __future__ import annotations

import re

from obfuscate.base import Context, Passage

RATE = {"en": {1: 0.10, 2: 0.30}, "zh": {1: 0.08, 2: 0.25}}
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _edit(tokens: list[str], editable: list[bool], rate: float, ctx: Context) -> tuple[list[str], int]:
    out: list[str] = []
    edits = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if not editable[i] or ctx.rng.random() >= rate:
            out.append(tok)
            i += 1
            continue
        op = ctx.rng.randrange(4)
        edits += 1
        if op == 0:  # delete
            i += 1
        elif op == 1:  # insert after
            out.extend([tok, ctx.rng.choice(ctx.vocab)])
            i += 1
        elif op == 2:  # replace
            out.append(ctx.rng.choice(ctx.vocab))
            i += 1
        else:  # shuffle a short run of editable tokens
            n = ctx.rng.randint(2, 4)
            run = tokens[i:i + n]
            if len(run) > 1 and all(editable[i:i + n]):
                shuffled = run[:]
                for _ in range(5):
                    ctx.rng.shuffle(shuffled)
                    if shuffled != run:
                        break
                out.extend(shuffled)
                i += len(run)
            else:
                out.append(ctx.rng.choice(ctx.vocab))
                i += 1
    return out, edits


def edit_sentence(sentence: str, rate: float, ctx: Context) -> tuple[str, int]:
    """One sentence with random edits at ``rate``; returns it and the number of edits."""
    if ctx.lang == "en":
        tokens = sentence.split()
        out, n = _edit(tokens, [any(c.isalnum() for c in t) for t in tokens], rate, ctx)
        return " ".join(out), n
    chars = list(sentence)
    out, n = _edit(chars, [bool(_HAN.match(c)) for c in chars], rate, ctx)
    return "".join(out), n


def apply(passage: Passage, strength: int, ctx: Context) -> Passage:
    """Random edits in every sentence (at least one edit in the passage)."""
    rate = RATE[ctx.lang][strength]
    for _ in range(20):
        results = [edit_sentence(s, rate, ctx) for s in passage.sentences]
        if sum(n for _, n in results) and all(s.strip() for s, _ in results):
            ctx.notes["random_edits"] = ctx.notes.get("random_edits", 0) + sum(n for _, n in results)
            return passage.with_sentences([s for s, _ in results])
    raise ValueError("no random edit could be made")
