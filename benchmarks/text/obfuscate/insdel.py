"""``insdel``: sentences of the passage deleted and sentences of the host document inserted.

Strength 1 deletes and inserts about 15 % of the passage's sentence count each (at least one of each),
strength 2 about 35 %; at least two of the passage's own sentences always remain. The case spans the whole
passage in the source and the whole edited passage in the suspicious document, as in PAN.
"""

from __future__ import annotations

from obfuscate.base import Context, Passage

RATE = {1: 0.15, 2: 0.35}


def apply(passage: Passage, strength: int, ctx: Context) -> Passage:
    """Delete some sentences and insert some host sentences at random places."""
    n = len(passage.sentences)
    if n < 3 or not ctx.host_sentences:
        raise ValueError("insdel needs three sentences and a host")
    k = max(1, round(RATE[strength] * n))
    n_del = min(k, n - 2)
    dropped = set(ctx.rng.sample(range(n), n_del))
    kept = [s for i, s in enumerate(passage.sentences) if i not in dropped]
    for _ in range(k):
        kept.insert(ctx.rng.randint(0, len(kept)), ctx.rng.choice(ctx.host_sentences))
    ctx.notes["deleted_sentences"] = n_del
    ctx.notes["inserted_sentences"] = k
    return passage.with_sentences(kept)
