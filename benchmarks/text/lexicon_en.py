"""English lexical resources from Debian's ``wordnet-base``: synonyms of a word's most frequent sense, and the
words WordNet knows only as adjectives (which the ``summary`` obfuscation may drop)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from catalogue import WORDNET
from sources import Library

_DICT = "usr/share/wordnet"
_POS = ("noun", "verb", "adj", "adv")
# Function words and very common verbs whose WordNet "synonyms" are nonsense in running text.
STOPWORDS = frozenset("""
a about above after again against all am an and any are as at be been before being below between both but by can
could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or
other our ours ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which while who whom why
will with would you your yours yourself yourselves shall may might must upon thee thou thy thine hath doth art ye
say said says saying make made go went gone come came get got give gave take took know knew see saw seem seemed
think thought tell told let well much many one two first last little great good new old man men day time way
thing things lord sir lady mr mrs miss
""".split())


@dataclass(frozen=True)
class EnglishLexicon:
    """Synonyms per lower-case lemma (the most frequent sense's other single-word lemmas: of the lemma's most
    frequent part of speech, and of its noun and verb senses for inflected forms) and pure adjectives."""

    synonyms: dict[str, tuple[str, ...]]
    by_pos: dict[str, dict[str, tuple[str, ...]]]
    adjectives: frozenset[str]

    def options(self, word: str) -> tuple[str, ...]:
        """Synonyms of a lower-case word form, re-inflected like it (regular -s, -ed, -ing forms only)."""
        if word in self.synonyms:
            return self.synonyms[word]
        for lemma, suffix, pos in _lemmas(word):
            found = self.by_pos[pos].get(lemma)
            if found:
                return tuple(inflect(x, suffix) for x in found)
        return ()


_VOWELS = set("aeiou")


def _lemmas(word: str) -> list[tuple[str, str, str]]:
    """(lemma, suffix, part of speech) candidates for a regularly inflected form, most likely first."""
    out: list[tuple[str, str, str]] = []
    if word.endswith("ies") and len(word) > 4:
        out += [(word[:-3] + "y", "s", "noun"), (word[:-3] + "y", "s", "verb")]
    elif word.endswith("es") and len(word) > 4:
        out += [(word[:-2], "s", "noun"), (word[:-1], "s", "noun"), (word[:-2], "s", "verb"), (word[:-1], "s", "verb")]
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out += [(word[:-1], "s", "noun"), (word[:-1], "s", "verb")]
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[:-len(suffix)]
            out += [(stem, suffix, "verb"), (stem + "e", suffix, "verb")]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                out.append((stem[:-1], suffix, "verb"))
            if suffix == "ed" and stem.endswith("i"):
                out.append((stem[:-1] + "y", suffix, "verb"))
    return out


def inflect(lemma: str, suffix: str) -> str:
    """``lemma`` with a regular ``-s``, ``-ed`` or ``-ing`` ending (no irregular forms)."""
    consonant_y = lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS
    if suffix == "s":
        if lemma.endswith(("s", "x", "z", "ch", "sh")):
            return lemma + "es"
        return lemma[:-1] + "ies" if consonant_y else lemma + "s"
    if suffix == "ed":
        if lemma.endswith("e"):
            return lemma + "d"
        return lemma[:-1] + "ied" if consonant_y else _doubled(lemma) + "ed"
    if suffix == "ing":
        return (lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else _doubled(lemma)) + "ing"
    return lemma


def _doubled(lemma: str) -> str:
    """A one-syllable lemma ending consonant-vowel-consonant doubles its last letter (stop -> stopp-)."""
    groups = re.findall(r"[aeiou]+", lemma)
    cvc = len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS \
        and lemma[-3] not in _VOWELS
    return lemma + lemma[-1] if cvc and len(groups) == 1 else lemma


def _index(lib: Library, pos: str) -> dict[str, tuple[int, str]]:
    """lemma -> (tagged sense count, offset of the most frequent synset)."""
    out: dict[str, tuple[int, str]] = {}
    for line in lib.read(WORDNET, f"{_DICT}/index.{pos}").decode("utf-8").split("\n"):
        if not line or line.startswith(" "):
            continue
        f = line.split()
        n_synsets, n_ptr = int(f[2]), int(f[3])
        tagged = int(f[5 + n_ptr])
        offsets = f[6 + n_ptr:6 + n_ptr + n_synsets]
        out[f[0]] = (tagged, offsets[0])
    return out


def _synsets(lib: Library, pos: str) -> dict[str, list[str]]:
    """synset offset -> its lemmas (lower case, single words only)."""
    out: dict[str, list[str]] = {}
    for line in lib.read(WORDNET, f"{_DICT}/data.{pos}").decode("utf-8").split("\n"):
        if not line or line.startswith(" "):
            continue
        f = line.split(" ")
        n_words = int(f[3], 16)
        words = [f[4 + 2 * i].split("(")[0] for i in range(n_words)]
        out[f[0]] = [w for w in words if w.isalpha() and w.islower()]  # capitalised lemmas are proper nouns
    return out


def load_english(lib: Library) -> EnglishLexicon:
    """Read WordNet's index and data files (a few seconds)."""
    best: dict[str, tuple[int, int, str, str]] = {}
    first: dict[str, dict[str, str]] = {}
    lemmas_by_pos: dict[str, set[str]] = {}
    synsets: dict[str, dict[str, list[str]]] = {}
    for p_rank, pos in enumerate(_POS):
        index = _index(lib, pos)
        synsets[pos] = _synsets(lib, pos)
        lemmas_by_pos[pos] = set(index)
        first[pos] = {}
        for lemma, (tagged, offset) in index.items():
            if not lemma.isalpha():
                continue
            first[pos][lemma] = offset
            cand = (tagged, -p_rank, pos, offset)
            if lemma not in best or cand > best[lemma]:
                best[lemma] = cand

    def others(lemma: str, pos: str, offset: str) -> tuple[str, ...]:
        found = [w for w in synsets[pos].get(offset, []) if w != lemma and len(w) >= 3 and w not in STOPWORDS]
        return tuple(dict.fromkeys(found))

    synonyms: dict[str, tuple[str, ...]] = {}
    for lemma in sorted(best):
        if lemma in STOPWORDS or len(lemma) < 4:
            continue
        _, _, pos, offset = best[lemma]
        found = others(lemma, pos, offset)
        if found:
            synonyms[lemma] = found
    by_pos: dict[str, dict[str, tuple[str, ...]]] = {}
    for pos in ("noun", "verb"):
        by_pos[pos] = {}
        for lemma in sorted(first[pos]):
            if lemma in STOPWORDS or len(lemma) < 3:
                continue
            found = others(lemma, pos, first[pos][lemma])
            if found:
                by_pos[pos][lemma] = found
    pure_adj = lemmas_by_pos["adj"] - lemmas_by_pos["noun"] - lemmas_by_pos["verb"] - STOPWORDS
    return EnglishLexicon(synonyms, by_pos, frozenset(w for w in pure_adj if w.isalpha()))
