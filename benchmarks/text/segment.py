"""Paragraphs and sentences of English and Chinese text, as code-point spans (end exclusive).

A paragraph is a run of text between blank lines (English) or between line breaks (Chinese). Sentences never
cross a paragraph; English sentences end at ``.!?`` (plus closing quotes or brackets) followed by whitespace and
a capital, a quote or a digit, except after common abbreviations; Chinese sentences end at ``。！？``, an
ellipsis or a line break, closing quotes included. Spans are stripped of surrounding whitespace.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

_EN_PARA = re.compile(r"\n[ \t]*\n")
_EN_END = re.compile(r"[.!?]+[\"'’”)\]]*(?=\s+[\"'‘“`(\[A-Z0-9])")
_ABBREV = {"mr", "mrs", "ms", "dr", "st", "mme", "col", "gen", "capt", "esq", "rev", "sir", "messrs", "no", "vol",
           "lt", "sr", "jr", "mt", "co", "ch", "viz", "i.e", "e.g", "cf"}
_ZH_END = re.compile(r"(?:[。！？!?]+|……|…)[”’」』）)\"']*")


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def paragraphs(text: str, lang: str) -> list[Span]:
    """Paragraph spans (English: blank-line separated; Chinese: one per line)."""
    sep = _EN_PARA if lang == "en" else re.compile(r"\n")
    out: list[Span] = []
    pos = 0
    for m in sep.finditer(text):
        span = _strip(text, pos, m.start())
        if span:
            out.append(span)
        pos = m.end()
    span = _strip(text, pos, len(text))
    if span:
        out.append(span)
    return out


def _en_sentences(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    pos = start
    for m in _EN_END.finditer(text, start, end):
        word = re.search(r"([A-Za-z.]+)$", text[pos:m.start()])
        if m.group().startswith(".") and word and word.group(1).lower().rstrip(".") in _ABBREV:
            continue
        if word and len(word.group(1)) == 1 and word.group(1).isupper() and m.group() == ".":
            continue  # an initial ("J. Smith")
        span = _strip(text, pos, m.end())
        if span:
            out.append(span)
        pos = m.end()
    span = _strip(text, pos, end)
    if span:
        out.append(span)
    return out


def _zh_sentences(text: str, start: int, end: int) -> list[Span]:
    out: list[Span] = []
    pos = start
    for m in _ZH_END.finditer(text, start, end):
        span = _strip(text, pos, m.end())
        if span:
            out.append(span)
        pos = m.end()
    span = _strip(text, pos, end)
    if span:
        out.append(span)
    return out


def sentences(text: str, lang: str) -> list[Span]:
    """Sentence spans of ``text`` in reading order; every span lies inside one paragraph."""
    split = _en_sentences if lang == "en" else _zh_sentences
    out: list[Span] = []
    for p_start, p_end in paragraphs(text, lang):
        out.extend(s for s in split(text, p_start, p_end) if any(c.isalnum() for c in text[s[0]:s[1]]))
    return out


def clauses(sentence: str, lang: str) -> list[str]:
    """A sentence cut after its clause punctuation (commas, semicolons, colons), punctuation kept."""
    pattern = r"[^,;:—]+(?:[,;:—]+\s*|$)" if lang == "en" else r"[^，；：、,;:]+(?:[，；：、,;:]+|$)"
    return [m.group() for m in re.finditer(pattern, sentence) if m.group()]
