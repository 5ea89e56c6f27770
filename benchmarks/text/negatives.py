"""Negative pairs (label 0, no cases), all of the same language and genre.

* ``neg-same-author``: two different documents by one author (other works of the author when there are any,
  half of the time; else other chapters of the same work).
* ``neg-same-genre``: documents of two different works (and authors, where named) of one genre. One in three
  is a *distractor*: B is a host into which passages of a third document (of a work other than A's and the
  host's) were inserted with a random obfuscation, so B looks exactly like a positive's B while sharing
  nothing with A.
* ``neg-common-phrases``: B is a document of another work of the genre into which 2-5 stock phrases or
  idioms (成语) that occur in A were put, one per sentence; sharing them is not copying.

Scripts and encodings follow the positives' distribution (Chinese A and B in different scripts 1 time in 8).
"""

from __future__ import annotations

import random

from corpus import SCRIPT_MISMATCH_NEGATIVES, Corpus, Lexicons, choose_encoding, choose_scripts
from obfuscate import FAMILIES, STRENGTHS
from pairs import Pair, check, insert_copies
from phrases import find_english, find_idioms, inject
from scripts import convert, encodable

KINDS = ("neg-same-author", "neg-same-genre", "neg-common-phrases")
SHARES = {"neg-same-author": 0.4, "neg-same-genre": 0.4, "neg-common-phrases": 0.2}
DISTRACTOR_SHARE = 1 / 3


def quotas(total: int) -> dict[str, int]:
    """How many negatives of each kind make ``total`` (largest remainders)."""
    raw = {k: SHARES[k] * total for k in KINDS}
    out = {k: int(v) for k, v in raw.items()}
    for k in sorted(KINDS, key=lambda k: (-(raw[k] - out[k]), k))[:total - sum(out.values())]:
        out[k] += 1
    return out


def _scripts(lang: str, rng: random.Random) -> tuple[str | None, str | None, str, bool]:
    mismatch = lang == "zh" and rng.random() < SCRIPT_MISMATCH_NEGATIVES
    script_a, script_b = choose_scripts(lang, mismatch, rng)
    encoding = choose_encoding(lang, script_b, mismatch, rng)
    return script_a, script_b, encoding, encoding == "big5"


def _plain(corpus: Corpus, key: str, kind: str, lang: str, rng: random.Random) -> Pair:
    script_a, script_b, encoding, big5 = _scripts(lang, rng)
    genre = corpus.genre(lang, rng)
    if kind == "neg-same-author":
        authors = [a for a in corpus.authors(lang, genre)
                   if len({d.key for d in corpus.pool(lang, genre, big5) if d.author == a}) >= 2]
        if not authors:
            raise ValueError("no author with two documents")
        author = authors[rng.randrange(len(authors))]
        a_doc = corpus.pick(lang, genre, rng, big5=big5, author=author)
        works = {d.work for d in corpus.pool(lang, genre, big5) if d.author == author}
        other_work = a_doc.work if len(works) > 1 and rng.random() < 0.5 else ""
        b_doc = corpus.pick(lang, genre, rng, big5=big5, author=author, not_key=a_doc.key, not_work=other_work)
    else:
        a_doc = corpus.pick(lang, genre, rng, big5=big5)
        b_doc = corpus.pick(lang, genre, rng, big5=big5, not_work=a_doc.work, not_author=a_doc.author)
    a_text = corpus.text(a_doc, script_a, big5)
    b_text = corpus.text(b_doc, script_b, big5)
    return Pair(key, lang, 0, kind, None, a_doc, a_text, b_text, script_a, script_b, big5, encoding, [], b_doc,
                {"a": a_doc.key, "b": b_doc.key})


def _distractor(corpus: Corpus, lex: Lexicons, key: str, lang: str, rng: random.Random) -> Pair:
    family = FAMILIES[lang][rng.randrange(len(FAMILIES[lang]))]
    strength = rng.choice(STRENGTHS[family])
    mismatch = family == "script"
    script_a, script_b = choose_scripts(lang, mismatch, rng)
    encoding = choose_encoding(lang, script_b, mismatch, rng)
    big5 = encoding == "big5"
    genre = corpus.genre(lang, rng)
    a_doc = corpus.pick(lang, genre, rng, big5=big5)
    host = corpus.pick(lang, genre, rng, big5=big5, not_work=a_doc.work, not_author=a_doc.author)
    other = corpus.pick(lang, genre, rng, big5=big5, not_work=host.work, not_key=a_doc.key)
    if other.work == a_doc.work:
        raise ValueError("third document from A's work")
    _, b_text, cases, _ = insert_copies(corpus, lex, family, strength, other, host, script_a, script_b, big5, rng)
    a_text = corpus.text(a_doc, script_a, big5)
    return Pair(key, lang, 0, "neg-same-genre", None, a_doc, a_text, b_text, script_a, script_b, big5, encoding,
                [], None, {"a": a_doc.key, "host": host.key, "distractor_source": other.key,
                           "distractor_obfuscation": family, "distractor_cases": len(cases)})


def _common_phrases(corpus: Corpus, lex: Lexicons, key: str, lang: str, rng: random.Random) -> Pair:
    script_a, script_b, encoding, big5 = _scripts(lang, rng)
    genre = corpus.genre(lang, rng)
    a_doc = corpus.pick(lang, genre, rng, big5=big5)
    a_text = corpus.text(a_doc, script_a, big5)
    found = find_english(a_text) if lang == "en" else find_idioms(a_text, script_a, lex.idioms)
    if len(found) < 2:
        raise ValueError("too few common phrases in A")
    items = rng.sample(found, min(len(found), rng.randint(2, 5)))
    if lang == "zh":
        items = [convert(x, "simplified", script_b, big5) for x in items]
    host = corpus.pick(lang, genre, rng, big5=big5, not_work=a_doc.work, not_author=a_doc.author)
    b_text, spans = inject(corpus.text(host, script_b, big5), lang, items, rng)
    return Pair(key, lang, 0, "neg-common-phrases", None, a_doc, a_text, b_text, script_a, script_b, big5, encoding,
                [], None, {"a": a_doc.key, "host": host.key, "phrases": items,
                           "phrase_spans_b": [list(s) for s in spans]})


def build_negative(corpus: Corpus, lex: Lexicons, key: str, lang: str, kind: str, rng: random.Random,
                   attempts: int = 60) -> Pair:
    """A negative pair of ``kind`` drawn from ``rng``."""
    last: Exception | None = None
    distractor = kind == "neg-same-genre" and rng.random() < DISTRACTOR_SHARE
    for _ in range(attempts):
        try:
            if distractor:
                pair = _distractor(corpus, lex, key, lang, rng)
            elif kind == "neg-common-phrases":
                pair = _common_phrases(corpus, lex, key, lang, rng)
            else:
                pair = _plain(corpus, key, kind, lang, rng)
        except ValueError as exc:
            last = exc
            continue
        if pair.encoding_b != "utf-8" and not encodable(pair.b_text, pair.encoding_b):
            last = ValueError("B leaves its encoding")
            continue
        check(pair)
        return pair
    raise RuntimeError(f"{key}: no negative after {attempts} attempts ({last})")
