"""``reorder``: the passage's sentences in another order (the whitespace between them stays in place).

Strength 1 swaps about a quarter of the adjacent sentence pairs (at least one); strength 2 shuffles all
sentences. The result always differs from the original order.
"""

from __future__ import annotations

from obfuscate.base import Context, Passage


def permute(n: int, strength: int, ctx: Context) -> list[int]:
    """A non-identity order of ``n`` sentences (``n`` >= 2)."""
    order = list(range(n))
    if strength == 1:
        for _ in range(max(1, n // 4)):
            i = ctx.rng.randrange(n - 1)
            order[i], order[i + 1] = order[i + 1], order[i]
        if order == list(range(n)):
            order[0], order[1] = order[1], order[0]
        return order
    for _ in range(10):
        ctx.rng.shuffle(order)
        if order != list(range(n)):
            break
    if order == list(range(n)):
        order[0], order[1] = order[1], order[0]
    return order


def apply(passage: Passage, strength: int, ctx: Context) -> Passage:
    """Reorder the sentences of a passage of at least two sentences."""
    n = len(passage.sentences)
    if n < 2:
        raise ValueError("reorder needs two sentences")
    order = permute(n, strength, ctx)
    ctx.notes["moved_sentences"] = sum(1 for i, j in enumerate(order) if i != j)
    return passage.with_sentences([passage.sentences[j] for j in order])
