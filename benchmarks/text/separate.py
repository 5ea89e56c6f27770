"""``separate``: 2-4 passages of A copied one after the other with uncopied text between them (issue 17).

In A the passages are consecutive runs of whole sentences, ``GAP_SENTENCES`` sentences apart; in B they
follow one another in source order, each after a host sentence, with ``GAP_SENTENCES`` host sentences
between consecutive ones. Each passage is copied verbatim, with light random edits or with light synonym
substitution (``PARTS``, drawn per passage; the case records which). A tool that joins neighbouring
findings over the uncopied text between them produces *merged* detections (``findings.py``); the gap is
at least two sentences, more than the comparator's default ``max_uncopied`` of 1.
"""

from __future__ import annotations

import random

from insertion import insert_at
from obfuscate import APPLY, Context
from passages import LENGTHS, passage
from segment import Span
from works import units

NAME = "separate"
PARTS = ("verbatim", "random", "synonym")
GAP_SENTENCES = (2, 3)
PARTS_PER_PAIR = (2, 4)


def pick_runs(text: str, spans: list[Span], lang: str, k: int, rng: random.Random) -> list[tuple[int, int]]:
    """``k`` sentence ranges ``[i, j)`` of A, each of a short passage's length (``LENGTHS``), with
    ``GAP_SENTENCES`` sentences between consecutive ones; empty when the document is too short."""
    sizes = [units(text[s:e], lang) for s, e in spans]
    lo, hi = LENGTHS[lang][0]
    for _attempt in range(40):
        i = rng.randrange(len(spans))
        out: list[tuple[int, int]] = []
        while len(out) < k and i < len(spans):
            target, j, size = rng.uniform(lo, hi), i, 0
            while j < len(spans) and size < target:
                size += sizes[j]
                j += 1
            if not lo <= size <= hi:
                break
            out.append((i, j))
            i = j + rng.choice(GAP_SENTENCES)
        if len(out) == k:
            return out
    return []


def host_positions(ends: list[int], k: int, rng: random.Random) -> list[int]:
    """Sentence ends of the host after which the ``k`` pieces go, ``GAP_SENTENCES`` apart."""
    gaps = [rng.choice(GAP_SENTENCES) for _ in range(k - 1)]
    span = sum(gaps)
    if len(ends) <= span:
        raise ValueError("host has too few sentences")
    first = rng.randrange(len(ends) - span)
    positions = [first]
    for g in gaps:
        positions.append(positions[-1] + g)
    return [ends[p] for p in positions]


def copy_separately(a_text: str, host_text: str, spans: list[Span], host_ends: list[int], ctx_for, lang: str,
                    rng: random.Random) -> tuple[str, list[tuple[int, int, int, int, str]]]:
    """B's text and the cases ``(a_start, a_end, b_start, b_end, obfuscation)`` in source order.

    ``ctx_for()`` makes a fresh obfuscation :class:`Context`. Raises ValueError when the documents do
    not allow it.
    """
    k = rng.randint(*PARTS_PER_PAIR)
    ranges = pick_runs(a_text, spans, lang, k, rng)
    if not ranges:
        raise ValueError("no separate passages fit")
    pieces, a_spans, kinds = [], [], []
    for i, j in ranges:
        p, start, end = passage(a_text, spans, i, j, lang)
        kind = rng.choice(PARTS)
        ctx: Context = ctx_for()
        out = APPLY[kind](p, 1, ctx)
        if kind != "verbatim" and out.text == p.text:
            raise ValueError("obfuscation changed nothing")
        pieces.append(out.text)
        a_spans.append((start, end))
        kinds.append(kind)
    b_text, b_spans = insert_at(host_text, lang, pieces, host_positions(host_ends, k, rng), rng)
    return b_text, [(a[0], a[1], b[0], b[1], kind) for a, b, kind in zip(a_spans, b_spans, kinds)]
