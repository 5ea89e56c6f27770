"""``synonym``: words replaced by synonyms.

English: each lower-case word that WordNet (``wordnet-base``) gives a synonym for in its most frequent sense
(proper nouns excluded) is replaced with probability 0.35 (strength 1) or 0.8 (strength 2); regularly
inflected forms (-s, -ed, -ing) are looked up by their noun or verb lemma and the synonym gets the same ending.
Chinese: jieba cuts the (simplified form of the) sentence into words; a word with a near-synonym of the same
length (同义词词林, or the hand-written single-character list) is replaced with probability 0.35 / 0.8, and
then characters not yet touched are replaced by a homophone (同音字替换, pypinyin reading, same script) with
probability 0.03 / 0.10.
"""

from __future__ import annotations

import logging
import re

import jieba
from scripts import convert

from obfuscate.base import Context, Passage

RATE = {1: 0.35, 2: 0.8}
HOMOPHONE_RATE = {1: 0.03, 2: 0.10}
_WORD = re.compile(r"[A-Za-z]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
jieba.setLogLevel(logging.WARNING)


def english(sentence: str, rate: float, ctx: Context) -> tuple[str, int]:
    """Replace WordNet-synonymous words of one English sentence; returns it and the number replaced."""
    assert ctx.en is not None
    count = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal count
        word = m.group()
        if not word.islower():  # names and sentence-initial words are left alone
            return word
        options = ctx.en.options(word) if ctx.en else ()
        if not options or ctx.rng.random() >= rate:
            return word
        count += 1
        return ctx.rng.choice(options)

    return _WORD.sub(sub, sentence), count


def _words(sentence: str, script: str | None) -> list[tuple[int, int]]:
    """Word spans of a Chinese sentence, cut on its simplified form (length-preserving conversion assumed)."""
    simplified = convert(sentence, script, "simplified")
    if len(simplified) != len(sentence):
        return [(i, i + 1) for i in range(len(sentence))]
    spans = []
    pos = 0
    for word in jieba.cut(simplified, HMM=False):
        spans.append((pos, pos + len(word)))
        pos += len(word)
    return spans


def chinese(sentence: str, strength: int, ctx: Context) -> tuple[str, int]:
    """Near-synonym then homophone substitution in one Chinese sentence; returns it and the number of edits."""
    assert ctx.zh is not None
    script = ctx.script or "simplified"
    pieces: list[str] = []
    touched: list[bool] = []
    count = 0
    for start, end in _words(sentence, script):
        word = sentence[start:end]
        options = ctx.zh.synonyms.get(convert(word, script, "simplified"))
        if options and _HAN.match(word) and ctx.rng.random() < RATE[strength]:
            new = convert(ctx.rng.choice(options), "simplified", script, ctx.taiwan)
            pieces.append(new)
            touched.extend([True] * len(new))
            count += 1
        else:
            pieces.append(word)
            touched.extend([False] * len(word))
    chars = list("".join(pieces))
    pool = ctx.zh.homophones.get(script, {})
    for i, c in enumerate(chars):
        if not touched[i] and c in pool and ctx.rng.random() < HOMOPHONE_RATE[strength]:
            chars[i] = ctx.rng.choice(pool[c][:4])
            count += 1
    return "".join(chars), count


def apply(passage: Passage, strength: int, ctx: Context) -> Passage:
    """Synonym (and, for Chinese, homophone) substitution in every sentence; at least one substitution."""
    for _ in range(20):
        if ctx.lang == "en":
            results = [english(s, RATE[strength], ctx) for s in passage.sentences]
        else:
            results = [chinese(s, strength, ctx) for s in passage.sentences]
        if sum(n for _, n in results):
            ctx.notes["substitutions"] = ctx.notes.get("substitutions", 0) + sum(n for _, n in results)
            return passage.with_sentences([s for s, _ in results])
    raise ValueError("nothing to substitute")
