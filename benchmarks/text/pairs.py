"""Building one positive pair: source document A, host document of another work of the same genre, 1-4
passages of A obfuscated and inserted into the host at sentence boundaries, and the ground-truth cases.

Offsets are code points (end exclusive) of the decoded texts; every case is checked on the final strings:
``a_text[a_start:a_end]`` is the source passage and ``b_text[b_start:b_end]`` the inserted obfuscated text.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from corpus import Corpus, Lexicons, choose_encoding, choose_scripts
from documents import Doc
from insertion import host_ends, insert
from obfuscate import APPLY, MIN_SENTENCES, Context
from passages import case_count, passage, pick
from scripts import encodable
from segment import sentences
from separate import NAME as SEPARATE
from separate import copy_separately
from works import units


@dataclass(frozen=True)
class Case:
    """One copied passage: its span in A and its (obfuscated) span in B."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    obfuscation: str

    def record(self) -> dict[str, Any]:
        """The case as written to ``pairs.jsonl``."""
        return {"a_start": self.a_start, "a_end": self.a_end, "b_start": self.b_start, "b_end": self.b_end,
                "obfuscation": self.obfuscation}


@dataclass
class Pair:
    """A labelled pair before it is written (texts in memory, provenance for ``documents.jsonl``)."""

    key: str  # internal and stable, e.g. "zh|synonym|2|0007"
    lang: str
    label: int
    obfuscation: str
    strength: int | None
    a_doc: Doc
    a_text: str
    b_text: str
    script_a: str | None
    script_b: str | None
    taiwan: bool
    encoding_b: str
    cases: list[Case] = field(default_factory=list)
    b_doc: Doc | None = None  # B is this original document, unmodified
    provenance: dict[str, Any] = field(default_factory=dict)


def check(pair: Pair, pieces: dict[tuple[int, int], str] | None = None) -> None:
    """Raise if a case's spans are out of range or (given the pieces) do not hold the expected text."""
    for c in pair.cases:
        if not (0 <= c.a_start < c.a_end <= len(pair.a_text) and 0 <= c.b_start < c.b_end <= len(pair.b_text)):
            raise AssertionError(f"{pair.key}: span out of range")
        if pieces is not None and pair.b_text[c.b_start:c.b_end] != pieces[(c.a_start, c.a_end)]:
            raise AssertionError(f"{pair.key}: B span does not hold the inserted text")
    if pair.encoding_b != "utf-8" and not encodable(pair.b_text, pair.encoding_b):
        raise AssertionError(f"{pair.key}: B does not encode in {pair.encoding_b}")


def insert_copies(corpus: Corpus, lex: Lexicons, family: str, strength: int | None, source: Doc, host: Doc,
                  script_a: str | None, script_b: str | None, taiwan: bool, rng: random.Random
                  ) -> tuple[str, str, list[Case], list[dict[str, int]]]:
    """Obfuscate 1-4 passages of ``source`` and insert them into ``host``; returns A's text, B's text, the cases
    and each case's edit counts. Raises ValueError when the documents do not allow it."""
    lang = source.lang
    a_text = corpus.text(source, script_a, taiwan)
    host_text = corpus.text(host, script_b, taiwan)
    spans = sentences(a_text, lang)
    if family == SEPARATE:
        return _separate_copies(corpus, lex, source, a_text, host_text, spans, script_a, script_b, taiwan, rng)
    ranges = pick(a_text, spans, lang, case_count(rng), MIN_SENTENCES.get(family, 1), rng,
                  min_class=1 if family == "summary" else 0)
    if not ranges:
        raise ValueError("no passage fits")
    host_sentences = tuple(host_text[s:e] for s, e in sentences(host_text, lang))
    vocab = corpus.vocab(source, script_a, taiwan)
    pieces: list[str] = []
    a_spans: list[tuple[int, int]] = []
    notes: list[dict[str, int]] = []
    for i, j in ranges:
        p, start, end = passage(a_text, spans, i, j, lang)
        assert p.text == a_text[start:end]
        ctx = Context(lang, script_a, rng, vocab, host_sentences, lex.en, lex.zh, script_b, taiwan)
        out = APPLY[family](p, strength or 1, ctx)
        if family != "verbatim" and out.text == p.text:
            raise ValueError("obfuscation changed nothing")
        pieces.append(out.text)
        a_spans.append((start, end))
        notes.append(dict(sorted(ctx.notes.items())))
    b_text, b_spans = insert(host_text, lang, pieces, rng)
    if lang in corpus.size_cap and units(b_text, lang) > corpus.size_cap[lang]:
        raise ValueError("suspicious document too large")
    cases = [Case(a[0], a[1], b[0], b[1], family) for a, b in zip(a_spans, b_spans)]
    for c, piece in zip(cases, pieces):
        if b_text[c.b_start:c.b_end] != piece:
            raise AssertionError("B span does not hold the inserted text")
    order = sorted(range(len(cases)), key=lambda k: cases[k].a_start)
    return a_text, b_text, [cases[k] for k in order], [notes[k] for k in order]


def _separate_copies(corpus: Corpus, lex: Lexicons, source: Doc, a_text: str, host_text: str, spans: list,
                     script_a: str | None, script_b: str | None, taiwan: bool, rng: random.Random
                     ) -> tuple[str, str, list[Case], list[dict[str, int]]]:
    """:func:`insert_copies` for the ``separate`` family (see ``separate.py``)."""
    lang = source.lang
    host_sentences = tuple(host_text[s:e] for s, e in sentences(host_text, lang))
    vocab = corpus.vocab(source, script_a, taiwan)

    def ctx_for() -> Context:
        return Context(lang, script_a, rng, vocab, host_sentences, lex.en, lex.zh, script_b, taiwan)

    b_text, rows = copy_separately(a_text, host_text, spans, host_ends(host_text, lang), ctx_for, lang, rng)
    if lang in corpus.size_cap and units(b_text, lang) > corpus.size_cap[lang]:
        raise ValueError("suspicious document too large")
    cases = [Case(a0, a1, b0, b1, kind) for a0, a1, b0, b1, kind in rows]
    return a_text, b_text, cases, [{} for _ in cases]


def build_positive(corpus: Corpus, lex: Lexicons, key: str, lang: str, family: str, strength: int | None,
                   rng: random.Random, attempts: int = 40) -> Pair:
    """A positive pair of ``family``; scripts, encoding, documents and passages are drawn from ``rng``."""
    last: Exception | None = None
    for attempt in range(attempts):
        mismatch = family == "script"
        script_a, script_b = choose_scripts(lang, mismatch, rng)
        encoding = choose_encoding(lang, script_b, mismatch, rng)
        if encoding == "big5" and attempt >= attempts // 2:
            encoding = "utf-8"  # give up on Big5 for this pair rather than on the pair
        big5 = encoding == "big5"
        try:
            genre = corpus.genre(lang, rng)
            source = corpus.pick(lang, genre, rng, big5=big5)
            host = corpus.pick(lang, genre, rng, big5=big5, not_work=source.work)
            a_text, b_text, cases, notes = insert_copies(corpus, lex, family, strength, source, host, script_a,
                                                         script_b, big5, rng)
        except ValueError as exc:
            last = exc
            continue
        if big5 and not encodable(b_text, "big5"):
            last = ValueError("obfuscated text leaves Big5")
            continue
        pair = Pair(key, lang, 1, family, strength, source, a_text, b_text, script_a, script_b, big5, encoding,
                    cases, provenance={"host": host.key, "source": source.key, "edits": notes})
        check(pair)
        return pair
    raise RuntimeError(f"{key}: no pair after {attempts} attempts ({last})")
