"""What every obfuscation works on: a passage cut into sentences, and the context of one case."""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from lexicon_en import EnglishLexicon
from lexicon_zh import ChineseLexicon


@dataclass(frozen=True)
class Passage:
    """Sentences of a passage and the whitespace between them (``gaps[i]`` follows ``sentences[i]``)."""

    lang: str
    sentences: tuple[str, ...]
    gaps: tuple[str, ...]

    @property
    def text(self) -> str:
        """The passage as one string."""
        out = [self.sentences[0]] if self.sentences else []
        for gap, sentence in zip(self.gaps, self.sentences[1:]):
            out.append(gap)
            out.append(sentence)
        return "".join(out)

    def with_sentences(self, sentences: list[str], keep_gaps: bool = True) -> Passage:
        """The same passage with other sentences; gaps kept by position (or not at all), others the language's
        default."""
        default = default_gap(self.lang)
        gaps = tuple(self.gaps[i] if keep_gaps and i < len(self.gaps) else default
                     for i in range(max(0, len(sentences) - 1)))
        return replace(self, sentences=tuple(sentences), gaps=gaps)


@dataclass(frozen=True)
class Context:
    """Everything an obfuscation may draw on for one case."""

    lang: str
    script: str | None  # script of the passage (Chinese)
    rng: random.Random
    vocab: tuple[str, ...]  # words (en) or characters (zh) for random insertions and replacements
    host_sentences: tuple[str, ...]  # sentences of the host document (insdel inserts these)
    en: EnglishLexicon | None = None
    zh: ChineseLexicon | None = None
    target_script: str | None = None  # script obfuscation: the script of the suspicious document
    taiwan: bool = False  # Taiwan-standard traditional forms (Big5 output)
    notes: dict[str, int] = field(default_factory=dict)  # counts of edits made, for the provenance record


def default_gap(lang: str) -> str:
    """Whitespace put between sentences that were not adjacent in the original."""
    return " " if lang == "en" else ""
