"""The documents of one split, indexed for drawing sources, hosts and negative partners, with cached script
conversions and the per-pair choices of script and file encoding."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from catalogue import GENRE_WEIGHTS
from documents import Doc
from lexicon_en import EnglishLexicon
from lexicon_zh import ChineseLexicon
from scripts import convert, encodable

TRADITIONAL_SHARE = 0.2  # share of same-script Chinese pairs written in traditional script
GB18030_SHARE = 0.10  # of Chinese suspicious documents
BIG5_SHARE = 0.05  # of traditional-script suspicious documents
BIG5_SHARE_SCRIPT = 0.30  # of the traditional suspicious documents of the ``script`` obfuscation
SCRIPT_MISMATCH_NEGATIVES = 1 / 8  # Chinese negatives with A and B in different scripts (as the script family)


@dataclass(frozen=True)
class Lexicons:
    """Lexical resources handed to the obfuscations."""

    en: EnglishLexicon
    zh: ChineseLexicon
    idioms: frozenset[str]


def choose_scripts(lang: str, mismatch: bool, rng: random.Random) -> tuple[str | None, str | None]:
    """Scripts of A and B: English has none; Chinese ones differ (either direction) when ``mismatch``."""
    if lang != "zh":
        return None, None
    if mismatch:
        return ("simplified", "traditional") if rng.random() < 0.5 else ("traditional", "simplified")
    script = "traditional" if rng.random() < TRADITIONAL_SHARE else "simplified"
    return script, script


def choose_encoding(lang: str, script_b: str | None, mismatch: bool, rng: random.Random) -> str:
    """File encoding of B: Chinese documents are sometimes GB18030, traditional ones sometimes Big5."""
    if lang != "zh":
        return "utf-8"
    r_big5, r_gb = rng.random(), rng.random()
    if script_b == "traditional" and r_big5 < (BIG5_SHARE_SCRIPT if mismatch else BIG5_SHARE):
        return "big5"
    return "gb18030" if r_gb < GB18030_SHARE else "utf-8"


class Corpus:
    """Documents of one split by language, genre, work and author."""

    def __init__(self, docs: list[Doc], size_cap: dict[str, int] | None = None) -> None:
        self.docs = sorted(docs, key=lambda d: d.key)
        self.size_cap = size_cap or {}  # largest suspicious document per language (words / characters)
        self.by_key = {d.key: d for d in self.docs}
        self._texts: dict[tuple[str, str | None, bool], str] = {}
        self._vocab: dict[tuple[str, str | None, bool], tuple[str, ...]] = {}
        self.big5_ok = frozenset(d.key for d in self.docs if d.lang == "zh"
                                 and encodable(self.text(d, "traditional", True), "big5"))

    def text(self, doc: Doc, script: str | None, taiwan: bool = False) -> str:
        """``doc`` in ``script`` (Taiwan forms if asked), cached."""
        key = (doc.key, script, taiwan and script == "traditional")
        if key not in self._texts:
            self._texts[key] = convert(doc.text, doc.script, script, key[2])
        return self._texts[key]

    def vocab(self, doc: Doc, script: str | None, taiwan: bool = False) -> tuple[str, ...]:
        """Distinct words (English, lower case) or Han characters (Chinese) of ``doc``, sorted."""
        key = (doc.key, script, taiwan)
        if key not in self._vocab:
            text = self.text(doc, script, taiwan)
            if doc.lang == "en":
                items = {w.lower() for w in re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text) if len(w) > 1}
            else:
                items = set(re.findall(r"[\u3400-\u9fff]", text))
            self._vocab[key] = tuple(sorted(items))
        return self._vocab[key]

    def genre(self, lang: str, rng: random.Random) -> str:
        """A genre drawn by the catalogue's weights."""
        names = sorted(GENRE_WEIGHTS[lang])
        return rng.choices(names, [GENRE_WEIGHTS[lang][g] for g in names])[0]

    def pool(self, lang: str, genre: str, big5: bool = False) -> list[Doc]:
        """Documents of one language and genre (only Big5-encodable ones if ``big5``)."""
        return [d for d in self.docs if d.lang == lang and d.genre == genre and (not big5 or d.key in self.big5_ok)]

    def pick(self, lang: str, genre: str, rng: random.Random, big5: bool = False, not_work: str = "",
             not_author: str = "", author: str = "", not_key: str = "") -> Doc:
        """A random document matching the filters (an anonymous document never counts as ``not_author``)."""
        cands = [d for d in self.pool(lang, genre, big5)
                 if d.work != not_work and d.key != not_key
                 and (not not_author or d.author != not_author)
                 and (not author or d.author == author)]
        if not cands:
            raise ValueError(f"no document for {lang}/{genre}")
        return cands[rng.randrange(len(cands))]

    def authors(self, lang: str, genre: str) -> list[str]:
        """Named authors with at least two documents of ``genre``."""
        counts: dict[str, int] = {}
        for d in self.pool(lang, genre):
            if d.author:
                counts[d.author] = counts.get(d.author, 0) + 1
        return sorted(a for a, n in counts.items() if n >= 2)
