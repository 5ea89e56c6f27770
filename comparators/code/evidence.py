"""Evidence channels beyond structure: comments, string literals, unusual identifiers,
misspellings and dead code shared by two files, each weighted by how telling it is.

Common words and short literals weigh (almost) nothing: a shared ``i``, ``value`` or
``"OK"`` proves nothing, a shared ``calcualteBonus`` or a shared odd error message does.
Rarity comes from the compared corpus when the comparator was fitted on one (document
frequency), else from built-in English word frequencies and a list of everyday code words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from comparators.diskcache import cached

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_SPACE = re.compile(r"\s+")
_COMMENT_MARKS = re.compile(r"^\s*(//+|/\*+|\*+/?|#+|--+|'''|\"\"\"|<!--|-->|;+)\s*|\s*(\*+/|-->)\s*$",
                            re.MULTILINE)
CODE_WORDS = frozenset("""
i j k n m x y z a b c d e f g h p q r s t u v w id ids idx index key keys val value values item items
data result results res ret tmp temp buf buffer str string text name names list arr array map dict obj
object count cnt num number size len length total sum min max avg start end begin first last next prev
node nodes left right root parent child children head tail self this args argv kwargs opts options
config conf ctx context err error errors ex exc exception msg message line lines file files path dir
input output in out src dst source target type kind get set put add remove delete update create init
main run test tests check is has to from of on off new old ok flag flags state status mode level time
date ts timestamp log logger debug info warn print format parse read write open close load save
printf sprintf snprintf fprintf malloc calloc realloc strlen strcpy strncpy strcmp strncmp memcpy memset
sizeof typedef struct enum const static extern inline volatile unsigned signed char int bool auto
println stdin stdout stderr argc impl func async await lambda elif endif ifdef ifndef pragma
""".split())


# Words of programmers' English that are no English dictionary word but no misspelling either: jargon,
# abbreviations, British spellings, fragments of markup (found as the most frequent "misspellings" across
# thousands of unrelated files of the benchmark's tune split). Words already in CODE_WORDS are not repeated.
JARGON = frozenset("""
param params errno readme utils util lookup lookups endian codec codecs compat globals modulo stateful deque
arity impls preload lineno millis unary binop fixme todo rtype consts ssize cstring cstrings untrusted
decref incref asdict ident idents memoizing embedder embedders dists deopts chardet ulong uint ushort uchar
thead tfoot tbody hgroup colgroup iframe noscript textarea fieldset datetime timezone unicode ascii utf
mutex mutexes regex regexes stdio stdlib structs enums varargs bools inits
ctor dtor getter getters setter setters iterable iterables iterator callable callables sync
tuple tuples typedefs namespace namespaces boolean booleans configs runtime runtimes
metadata dataset datasets subclass subclasses superclass builtin builtins plugin plugins localhost
hostname hostnames username usernames filename filenames pathname dirname basename whitespace
colour colours behaviour behaviours initialise initialised initialises serialise serialised normalise
normalised recognise recognised licence licences centre centres favour favours honour
inout recurse recursing
""".split())
# Contractions ("doesn't", "couldn't"): their first half ("doesn") is no misspelling.
_CONTRACTION = re.compile(r"[A-Za-z]+['’][A-Za-z]+")


def prose_words(body: str) -> list[str]:
    """Lower-case words of a comment or string body, contractions left out."""
    return [w.lower() for w in _WORD.findall(_CONTRACTION.sub(" ", body))]


@dataclass(frozen=True)
class EvidenceItem:
    """One shared piece of evidence: its channel, text, weight and where it is on each side."""

    channel: str
    text: str
    weight: float
    a: tuple[int, int]
    b: tuple[int, int]


def normalise_comment(text: str) -> str:
    """Comment text without markers, whitespace collapsed, case folded, NFKC."""
    body = _COMMENT_MARKS.sub(" ", text)
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", body)).strip().casefold()


def string_body(literal: str) -> str:
    """A string literal without its quotes and prefixes."""
    body = literal.strip()
    body = re.sub(r"^[A-Za-z]{0,3}(\"\"\"|'''|\"|'|`|@\"|\$\")", "", body)
    return re.sub(r"(\"\"\"|'''|\"|'|`)$", "", body)


def words_of(identifier: str) -> list[str]:
    """Sub-words of an identifier (camelCase, snake_case, digits apart), lower case."""
    return [w.lower() for w in _WORD.findall(identifier)]


@lru_cache(maxsize=1)
def _english() -> dict[str, int]:
    """English word frequencies shipped with pyspellchecker (loaded once, offline)."""
    return _lexicon()[0]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, int], dict[str, str]]:
    """(English word frequencies, deletion index), cached on disk per pyspellchecker version.

    Both derive only from the installed pyspellchecker word list; building them takes about
    a third of a second, loading the cached pickle a few milliseconds.
    """
    from importlib.metadata import version

    def build() -> tuple[dict[str, int], dict[str, str]]:
        from spellchecker import SpellChecker

        english = dict(SpellChecker(distance=1).word_frequency.dictionary)
        return english, _build_deletion_index(english)

    return cached(f"english-{version('pyspellchecker')}-v1", build)


def word_frequency(word: str) -> int:
    """Frequency of an English word in the built-in list (0 = unknown)."""
    return _english().get(word, 0)


def _deletion_index() -> dict[str, str]:
    return _lexicon()[1]


def _build_deletion_index(english: dict[str, int], min_frequency: int = 1000) -> dict[str, str]:
    """Each one-letter deletion of a common English word -> the most frequent such word."""
    index: dict[str, tuple[int, str]] = {}
    for word, freq in english.items():
        if freq < min_frequency or len(word) < 4:
            continue
        for variant in {word[:i] + word[i + 1:] for i in range(len(word))} | {word}:
            best = index.get(variant)
            if best is None or (freq, word) > best:
                index[variant] = (freq, word)
    return {variant: word for variant, (_, word) in index.items()}


@lru_cache(maxsize=65536)
def correction(word: str) -> str | None:
    """A common English word one edit (insert, delete, replace, swap) away, if any.

    Symmetric deletion: ``word`` and a common word are one edit apart when deleting at most
    one letter from each makes them equal (the index holds the deletions of common words).
    """
    index = _deletion_index()
    candidates = [index.get(word)] + [index.get(word[:i] + word[i + 1:]) for i in range(len(word))]
    found = sorted({c for c in candidates if c and c != word and abs(len(c) - len(word)) <= 1})
    return max(found, key=lambda c: (word_frequency(c), c)) if found else None


def misspellings(words: Iterable[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Words of 5+ letters that are not English but one edit away from a common word."""
    english = _english()
    seen: dict[str, tuple[int, int]] = {}
    for word, start, end in words:
        if len(word) >= 5 and word.isalpha() and word.isascii() and word not in seen:
            seen[word] = (start, end)
    out = []
    for word in sorted(seen):
        if word in english or word in CODE_WORDS or word in JARGON:
            continue
        if correction(word) is not None:
            out.append((word, *seen[word]))
    return out


def identifier_rarity(name: str, doc_freq: dict[str, int] | None = None, corpus_size: int = 0) -> float:
    """How telling a shared identifier is, in [0, 1]."""
    if len(name) < 4 or name.lower() in CODE_WORDS:
        return 0.0
    if doc_freq and corpus_size >= 10:
        df = doc_freq.get(name, 0)
        idf = math.log((corpus_size + 1) / (df + 1)) / math.log(corpus_size + 1)
        return max(0.0, min(1.0, idf))
    parts = words_of(name)
    if not parts:
        return 0.0
    common = sum(1 for w in parts if w in CODE_WORDS or word_frequency(w) > 200_000)
    length = min(1.0, len(name) / 16)
    return max(0.0, (1 - common / len(parts)) * 0.6 + 0.4 * length * (len(parts) > 1)) * 0.5


def literal_weight(body: str, doc_freq: dict[str, int] | None = None, corpus_size: int = 0) -> float:
    """Weight of a shared string literal: long, unusual literals count, short ones do not."""
    text = body.strip()
    if len(text) < 5 or text.lower() in CODE_WORDS:
        return 0.0
    weight = min(1.0, len(text) / 30)
    if doc_freq and corpus_size >= 10:
        df = doc_freq.get(text, 0)
        weight *= max(0.0, math.log((corpus_size + 1) / (df + 1)) / math.log(corpus_size + 1))
    return weight


def comment_weight(norm: str) -> float:
    """Weight of a shared comment: by length (short comments like 'todo' prove little)."""
    letters = sum(ch.isalnum() for ch in norm)
    return 0.0 if letters < 12 else min(1.0, letters / 40)


def combine(items: Iterable[EvidenceItem], scale: float = 3.0) -> float:
    """Evidence strength in [0, 1): ``1 - exp(-sum(weights) / scale)``."""
    return 1.0 - math.exp(-sum(i.weight for i in items) / scale)
