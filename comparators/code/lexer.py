"""A lexical reader for source code: tokens with code-point offsets, comments apart.

This is the language-independent reader; it never fails on a file it can decode, so every
source file can be compared even when no grammar parses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from comparators.code.languages import Language

KEYWORDS = frozenset("""
abstract and as assert async await auto bool boolean break byte case catch char class const
continue def default defer del delete do double elif else elseif end enum except explicit
export extends extern false final finally float fn for foreach from func function go goto if
impl implements import in inline instanceof int interface is lambda let local long loop match
mod module mut namespace new nil none not null or package pass private protected pub public
raise register repeat return self short signed sizeof static struct super switch synchronized
template then this throw throws trait true try type typedef typeof union unless unsigned until
use using val var virtual void volatile when where while with yield
""".split())

_STRING = r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|`(?:\\.|[^`\\])*`'
_NUMBER = r"0[xX][0-9a-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?[a-zA-Z]*|\.\d+"
_IDENT = r"[^\W\d]\w*"
_OPERATOR = r">>>=|<<=|>>=|\*\*=|===|!==|\.\.\.|->|=>|::|\+\+|--|&&|\|\||[-+*/%&|^!=<>]=|<<|>>|\S"


@dataclass(frozen=True)
class Token:
    """A token: its kind (``id``, ``kw``, ``str``, ``num``, ``op``), text and offsets."""

    kind: str
    text: str
    start: int
    end: int


def _comment_pattern(language: Language | None) -> str:
    line = language.line_comments if language else ("//", "#")
    block = language.block_comments if language else (("/*", "*/"),)
    parts = [re.escape(b) + r"[\s\S]*?" + re.escape(e) for b, e in block]
    parts += [re.escape(m) + r"[^\n]*" for m in line]
    return "|".join(parts)


def _master_pattern(language: Language | None) -> re.Pattern[str]:
    return re.compile(
        rf"(?P<comment>{_comment_pattern(language)})|(?P<str>{_STRING})|(?P<num>{_NUMBER})"
        rf"|(?P<id>{_IDENT})|(?P<ws>\s+)|(?P<op>{_OPERATOR})")


def lex(text: str, language: Language | None) -> tuple[list[Token], list[Token]]:
    """Split ``text`` into code tokens and comment tokens (both with offsets)."""
    tokens: list[Token] = []
    comments: list[Token] = []
    for m in _master_pattern(language).finditer(text):
        kind = m.lastgroup
        if kind == "ws":
            continue
        value = m.group()
        if kind == "comment":
            comments.append(Token("comment", value, m.start(), m.end()))
            continue
        if kind == "id" and value in KEYWORDS:
            kind = "kw"
        tokens.append(Token(kind, value, m.start(), m.end()))
    return tokens, comments


def normalised(token: Token) -> str:
    """The token as compared: names, literals abstracted; keywords and operators kept."""
    if token.kind == "id":
        return "ID"
    if token.kind == "str":
        return "STR"
    if token.kind == "num":
        return "NUM"
    return token.text
