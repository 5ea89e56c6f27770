"""Chapter-sized documents cut from the works, and their assignment to the splits.

Consecutive chapters of a work are merged until a document reaches the language's minimum size (Chinese
3,000 non-space characters, English 2,000 words); a chapter above the maximum is cut at paragraph boundaries
into near-equal parts; a short remainder joins the previous document when that stays under the maximum.
Documents of a work alternate between the splits (``parity``), so ``tune`` and ``test`` share no chapter.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from catalogue import DOC_SIZE, Split
from works import Work, units


@dataclass(frozen=True)
class Doc:
    """A chapter-sized original document in its native script."""

    key: str  # "<work id>#<nn>"
    lang: str
    genre: str
    author: str
    work: str
    title: str  # chapter titles joined with " / "
    script: str | None
    text: str

    @property
    def size(self) -> int:
        """Words (English) or non-space characters (Chinese)."""
        return units(self.text, self.lang)


def _para_sep(lang: str) -> str:
    return "\n\n" if lang == "en" else "\n"


def _pieces(work: Work, lo: int, hi: int) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every chapter, the chapters above ``hi`` cut into near-equal parts."""
    lang = work.spec.lang
    out: list[tuple[str, list[str]]] = []
    for ch in work.chapters:
        size = sum(units(p, lang) for p in ch.paragraphs)
        if size <= hi:
            out.append((ch.title, list(ch.paragraphs)))
            continue
        parts = math.ceil(size / ((lo + hi) / 2))
        target = size / parts
        current: list[str] = []
        acc = 0
        for p in ch.paragraphs:
            current.append(p)
            acc += units(p, lang)
            if acc >= target:
                out.append((ch.title, current))
                current, acc = [], 0
        if current:
            out.append((ch.title, current))
    return out


def cut(work: Work, size: tuple[int, int] | None = None) -> list[Doc]:
    """Documents of ``work`` in reading order (sizes within ``size``, default the language's bounds)."""
    spec = work.spec
    lo, hi = size or DOC_SIZE[spec.lang]
    sep = _para_sep(spec.lang)
    groups: list[tuple[list[str], list[str]]] = []  # (titles, chapter texts)
    current: tuple[list[str], list[str]] = ([], [])
    acc = 0
    for title, paras in _pieces(work, lo, hi):
        current[0].append(title)
        current[1].append(sep.join(paras))
        acc += sum(units(p, spec.lang) for p in paras)
        if acc >= lo:
            groups.append(current)
            current, acc = ([], []), 0
    if current[1]:
        if groups and acc + sum(units(t, spec.lang) for t in groups[-1][1]) <= hi:
            groups[-1][0].extend(current[0])
            groups[-1][1].extend(current[1])
        elif acc >= lo:
            groups.append(current)
    docs = []
    for i, (titles, texts) in enumerate(groups):
        docs.append(Doc(f"{spec.id}#{i:02d}", spec.lang, spec.genre, spec.author, spec.id,
                        " / ".join(t for t in titles if t), spec.script, "\n\n".join(texts)))
    return [d for d in docs if lo <= d.size <= hi]


def split_docs(works: list[Work], split: Split) -> list[Doc]:
    """The documents of ``split``: every other document of each work (works in catalogue order, the phase
    shifted per work so that single-document works are shared out too)."""
    out: list[Doc] = []
    for w_index, work in enumerate(works):
        for d_index, doc in enumerate(cut(work)):
            if (d_index + w_index) % 2 == split.parity:
                out.append(doc)
    return out
