"""The throughput set ``speed/``: 100 pairs of book-chapter-sized documents (about 10,000 Chinese characters or
6,000 English words each; 50 per language), half of them with copied passages, in the main schema.

Documents are consecutive documents of one work of the split merged up to the catalogue's ``SPEED_SIZE``;
positives cycle through the language's obfuscations, negatives through the negative kinds.
"""

from __future__ import annotations

from catalogue import SPEED_SIZE
from documents import Doc
from obfuscate import FAMILIES, STRENGTHS
from works import units


def speed_docs(docs: list[Doc]) -> list[Doc]:
    """Merge each work's documents (in order) into documents of ``SPEED_SIZE``; leftovers are dropped."""
    out: list[Doc] = []
    by_work: dict[str, list[Doc]] = {}
    for d in sorted(docs, key=lambda d: d.key):
        by_work.setdefault(d.work, []).append(d)
    for work, group in sorted(by_work.items()):
        lang = group[0].lang
        lo, hi = SPEED_SIZE[lang]
        current: list[Doc] = []
        for d in group:
            current.append(d)
            size = sum(x.size for x in current)
            if size >= lo:
                if size <= hi * 1.25:
                    text = "\n\n".join(x.text for x in current)
                    first = current[0]
                    out.append(Doc(f"{work}#speed{len(out):03d}", lang, first.genre, first.author, work,
                                   " / ".join(x.title for x in current), first.script, text))
                current = []
    return [d for d in out if units(d.text, d.lang) >= SPEED_SIZE[d.lang][0]]


def speed_jobs(per_lang: int = 50) -> list[tuple[str, str, str, int | None]]:
    """(key, lang, obfuscation or negative kind, strength) of every speed pair."""
    jobs: list[tuple[str, str, str, int | None]] = []
    kinds = ("neg-same-author", "neg-same-genre", "neg-common-phrases")
    for lang in ("en", "zh"):
        families = FAMILIES[lang]
        for i in range(per_lang // 2):
            family = families[i % len(families)]
            strengths = STRENGTHS[family]
            jobs.append((f"speed|{lang}|pos|{i:03d}", lang, family, strengths[(i // len(families)) % len(strengths)]))
        for i in range(per_lang - per_lang // 2):
            jobs.append((f"speed|{lang}|neg|{i:03d}", lang, kinds[i % len(kinds)], None))
    return jobs
