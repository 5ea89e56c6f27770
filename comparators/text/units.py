"""Tokens and sentences of a normalised text, each located in the source text.

Chinese, Japanese and Korean characters are one token each (no segmentation is needed for
copy detection: character n-grams carry the signal); any other run of letters and digits is one
word. Each token has a 64-bit id (its normalised form), a *unit* id (English words lightly
stemmed, so "copied"/"copies"/"copy" meet; a CJK character is its own unit), a stop flag, and
its start/end code-point offsets in the source. Sentences end at 。 ! ? ; (full- or half-width, unified
by normalisation), at a full stop followed by a space or non-ASCII text, and at line breaks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import xxhash

from comparators.text.normalize import Normalised
from comparators.text.stopwords import is_stop

_SENTENCE_END = re.compile(r"(?:[。!?;]+[”’\"')\]]*|[.]+[”’\"')\]]*(?=\s|$|[^\x00-\x7f])|\n)")
# English abbreviations whose full stop ends no sentence (the text is case-folded here)
ABBREVIATIONS = frozenset("mr mrs ms messrs dr st mt jr sr prof rev revd gen col capt lt sgt gov hon esq "
                          "vs etc e.g i.e cf viz ca approx dept fig vol ed eds".split())
_TERMINATOR_FIRST = np.array([ord(c) for c in "。!?;.\n"], dtype=np.uint32)  # where _SENTENCE_END can match
_SUFFIXES = (("ies", "y"), ("sses", "ss"), ("ing", ""), ("edly", ""), ("ed", ""), ("ly", ""),
             ("es", ""), ("s", ""))


_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF),
               (0x20000, 0x3FFFF))  # kana, CJK ideographs (with extensions and compatibility), hangul


def _is_cjk(cps: np.ndarray) -> np.ndarray:
    """Which code points are CJK characters (one token each)."""
    out = np.zeros(cps.shape, dtype=bool)
    for lo, hi in _CJK_RANGES:
        out |= (cps >= lo) & (cps <= hi)
    return out


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light English suffix stripper (keeps stems of at least three letters)."""
    if not word.isascii() or len(word) <= 4:
        return word
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: len(word) - len(suffix)] + repl
    return word


@lru_cache(maxsize=200_000)
def _word_ids(word: str) -> tuple[int, int, bool]:
    wid = xxhash.xxh64_intdigest(word.encode("utf-8", "surrogatepass")) >> 1
    stemmed = stem(word)
    uid = wid if stemmed == word else xxhash.xxh64_intdigest(stemmed.encode("utf-8", "surrogatepass")) >> 1
    return wid, uid, is_stop(word)


@dataclass(frozen=True)
class Units:
    """Token arrays of one text (all of length ``n``) and its sentences.

    ``start``/``end``: source offsets; ``nstart``/``nend``: offsets in the normalised text; ``ids``: token
    ids; ``units``: unit ids; ``stop``/``cjk``/``converted``: flags; ``sent``: token index where
    each sentence starts (plus ``n`` at the end); ``sent_end``: source offset where each sentence
    ends, sentence-final punctuation included.
    """

    ids: np.ndarray
    units: np.ndarray
    start: np.ndarray
    end: np.ndarray
    nstart: np.ndarray
    nend: np.ndarray
    stop: np.ndarray
    cjk: np.ndarray
    converted: np.ndarray
    sent: np.ndarray
    sent_end: np.ndarray

    @property
    def n(self) -> int:
        return int(self.ids.shape[0])


def _word_arrays(words: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ids, unit ids, stop flags) of ``words``, each distinct word looked up once."""
    if not words:
        return np.zeros(0, np.uint64), np.zeros(0, np.uint64), np.zeros(0, bool)
    distinct = list(dict.fromkeys(words))
    position = {w: k for k, w in enumerate(distinct)}
    index = np.fromiter(map(position.__getitem__, words), dtype=np.intp, count=len(words))
    ids, units, stop = zip(*map(_word_ids, distinct))
    return (np.array(ids, dtype=np.uint64)[index], np.array(units, dtype=np.uint64)[index],
            np.array(stop, dtype=bool)[index])


def _distinct(cps: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(cps, return_inverse=True)`` for code points, by a presence table (no sort)."""
    present = np.zeros(int(cps.max()) + 1, dtype=bool)
    present[cps] = True
    uniq = np.flatnonzero(present).astype(cps.dtype)
    rank = np.cumsum(present, dtype=np.int64) - 1
    return uniq, rank[cps]


def tokenise(norm: Normalised) -> Units:
    """Tokens and sentences of ``norm`` (see the module docstring)."""
    text = norm.text
    cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if cps.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        return Units(empty.astype(np.uint64), empty.astype(np.uint64), empty, empty, empty, empty,
                     empty.astype(bool), empty.astype(bool), empty.astype(bool), np.zeros(1, np.int64), empty)
    uniq, inverse = _distinct(cps)
    chars = [chr(c) for c in uniq.tolist()]
    cjk_u = _is_cjk(uniq)
    alnum_u = np.fromiter((c.isalnum() for c in chars), dtype=bool, count=len(chars))
    stop_u = np.fromiter((is_stop(c) for c in chars), dtype=bool, count=len(chars))
    cjk = cjk_u[inverse]
    word = alnum_u[inverse] & ~cjk
    prev = np.concatenate(([False], word[:-1]))
    nxt = np.concatenate((word[1:], [False]))
    w_start = np.flatnonzero(word & ~prev)
    w_end = np.flatnonzero(word & ~nxt) + 1
    c_pos = np.flatnonzero(cjk)

    w_ids, w_units, w_stop = _word_arrays([text[s:e] for s, e in zip(w_start.tolist(), w_end.tolist())])
    c_ids = cps[c_pos].astype(np.uint64)

    nstart = np.concatenate((w_start, c_pos)).astype(np.int64)
    nend = np.concatenate((w_end, c_pos + 1)).astype(np.int64)
    ids = np.concatenate((w_ids, c_ids))
    units = np.concatenate((w_units, c_ids))
    stop = np.concatenate((w_stop, stop_u[inverse][c_pos]))
    is_cjk = np.concatenate((np.zeros(len(w_start), bool), np.ones(len(c_pos), bool)))
    order = np.argsort(nstart, kind="stable")
    nstart, nend, ids, units, stop, is_cjk = (x[order] for x in (nstart, nend, ids, units, stop, is_cjk))

    origin = norm.origin
    start = origin[nstart]
    end = origin[nend - 1] + 1
    conv_cum = np.concatenate(([0], np.cumsum(norm.converted)))
    converted = (conv_cum[nend] - conv_cum[nstart]) > 0

    sent, sent_end = _sentences(text, cps, nstart, end, origin)
    return Units(ids, units, start, end, nstart, nend, stop, is_cjk, converted, sent, sent_end)


def _hard_wrapped(text: str) -> bool:
    """True for prose wrapped at a fixed width (most lines long, few ending a sentence)."""
    lines = [ln.rstrip() for ln in text[:200_000].split("\n")]
    lines = [ln for ln in lines if ln]
    if len(lines) < 8:
        return False
    lengths = sorted(len(ln) for ln in lines)
    median = lengths[len(lengths) // 2]
    ended = sum(ln[-1] in "。.!?;！？；”\"'」』" for ln in lines) / len(lines)
    return (median >= 40 or (median >= 20 and all(ord(c) > 0x2E80 for c in lines[0][:5]))) and ended < 0.5


MAX_SENTENCE = 60


def _split_long(sent: np.ndarray, limit: int = MAX_SENTENCE) -> np.ndarray:
    """Cut sentences longer than ``limit`` tokens into equal pieces (text whose punctuation was
    stripped or garbled would otherwise become one sentence)."""
    lengths = np.diff(sent)
    if lengths.size == 0 or lengths.max() <= limit:
        return sent
    cuts = [sent[:-1]]
    for k in np.flatnonzero(lengths > limit).tolist():
        pieces = -(-int(lengths[k]) // limit)
        cuts.append(sent[k] + (np.arange(1, pieces) * lengths[k]) // pieces)
    return np.unique(np.concatenate(cuts + [sent[-1:]]))


def _abbreviation_before(text: str, pos: int) -> bool:
    """Whether the full stop at ``pos`` closes an abbreviation ("Mrs.", "Dr.", "e.g.", an initial)
    rather than a sentence."""
    start = pos
    while start > 0 and text[start - 1].isascii() and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:pos]
    return (len(word) == 1 and word.isalpha()) or word in ABBREVIATIONS


def _terminators(text: str, cps: np.ndarray) -> list[tuple[int, int]]:
    """Spans of the ``_SENTENCE_END`` matches of ``text``, exactly as ``finditer`` finds them, but
    trying the pattern only where a match can start (one of its first characters); a single full
    stop after an abbreviation (:data:`ABBREVIATIONS`, a single letter) and an English semicolon
    (followed by a space) end no sentence."""
    spans: list[tuple[int, int]] = []
    match = _SENTENCE_END.match
    reached = 0
    for pos in np.flatnonzero(np.isin(cps, _TERMINATOR_FIRST)).tolist():
        if pos >= reached and (m := match(text, pos)):
            if m.group() == "." and _abbreviation_before(text, pos):
                continue
            if m.group() == ";" and text[pos + 1:pos + 2] == " " and text[pos - 1:pos].isascii():
                continue  # an English semicolon joins clauses of one sentence
            spans.append(m.span())
            reached = m.end()
    return spans


def _sentences(text: str, cps: np.ndarray, nstart: np.ndarray, end: np.ndarray,
               origin: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sentence boundaries as token indices, and each sentence's end offset in the source
    (``cps``: the code points of ``text``)."""
    n = nstart.shape[0]
    if n == 0:
        return np.zeros(1, np.int64), np.zeros(0, np.int64)
    spans = _terminators(text, cps)
    if _hard_wrapped(text):
        # line breaks inside paragraphs are layout, not sentence ends: keep only blank lines
        spans = [(s, e) for s, e in spans if text[s] != "\n" or text[e:e + 1] == "\n" or text[s - 1:s] == "\n"]
    bounds = np.array(spans, dtype=np.int64).reshape(-1, 2)
    m_start, m_end = bounds[:, 0], bounds[:, 1]
    first_after = np.searchsorted(nstart, m_start, side="left")
    inner = (first_after > 0) & (first_after < n)
    cuts = np.unique(first_after[inner])
    sent = _split_long(np.concatenate(([0], cuts, [n])).astype(np.int64))
    s_end = end[sent[1:] - 1].copy()
    # A terminator (not a bare line break) right after a sentence's last token belongs to it.
    closing = cps[m_end - 1] != ord("\n")
    if closing.any():
        sentence_of = np.searchsorted(sent, first_after[closing], side="left") - 1
        sentence_of = np.clip(sentence_of, 0, len(s_end) - 1)
        term_end = origin[m_end[closing] - 1] + 1
        np.maximum.at(s_end, sentence_of, term_end)
    return sent, s_end
