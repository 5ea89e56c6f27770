"""Chinese typography of the zh report: full-width punctuation in Chinese text (GB/T 15834-2011).

The one rule, applied to every paragraph of the zh report when the document is written
(:func:`appraisal.report.ooxml.rewrite_text` with :func:`typeset_pieces`):

- The half-width marks ``: ; , ? !`` become ``： ； ， ？ ！`` when the nearest character on
  either side (spaces skipped) is Chinese — a CJK character or full-width punctuation. Between
  Latin letters and digits they stay (``12,345``, ``10:30``, ``SHA-256:3f2a``, ``Python 3.12;``).
- A pair of half-width brackets ``( )`` becomes ``（ ）`` when it encloses Chinese text or
  touches Chinese on the outside (``得分(0.95)``, ``时间(UTC)``); ``(x86_64)`` in Latin text stays.
- Spaces directly around a converted mark are dropped (full-width marks carry their own space).
- Kept verbatim: frozen pieces (the report marks code, excerpts of the materials, hashes and
  the audit pin as monospace runs), URLs, file paths (a slash with a Latin letter or digit
  beside it, with an optional ``:line`` suffix) and command-line options (``--kind``).
  Full stops are never changed (``1.``, ``0.95``, ``shop.py``).

Everything here is pure: text in, text out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

FULL_WIDTH: dict[str, str] = {":": "：", ";": "；", ",": "，", "?": "？", "!": "！", "(": "（", ")": "）"}
MARKS = frozenset(":;,?!")

URL_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s<>\"，。；：、（）《》]*[^\s<>\"，。；：、（）《》.,;:!?)]")
OPTION_RE = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*(?:=[\w./:@-]*)?")
_NAME = r"[\w.~\-@]+(?:\([\w.~\-@]*\)[\w.~\-@]*)*"  # a path component; balanced (…) allowed: 商店(副本).py
PATH_RE = re.compile(rf"(?:[A-Za-z]:)?(?:{_NAME})?(?:[/\\]{_NAME})+[/\\]?(?::[\w.@\-]+)?")
_ASCII_PATH_CHAR = re.compile(r"[A-Za-z0-9_.~\-]")


def is_chinese(ch: str) -> bool:
    """CJK ideographs, kana, CJK symbols and punctuation, full-width forms."""
    if not ch:
        return False
    code = ord(ch[-1])
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x2FFFF or 0x3000 <= code <= 0x30FF or 0xFF00 <= code <= 0xFFEF)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of URLs, file paths and command-line options in ``text``."""
    spans = [m.span() for m in URL_RE.finditer(text)]
    spans += [m.span() for m in OPTION_RE.finditer(text)]
    spans += [m.span() for m in PATH_RE.finditer(text) if _is_path(m.group())]
    return spans


def _is_path(token: str) -> bool:
    """A slash-separated token is a path when some slash has a Latin letter or digit beside it.

    ``软件包/目录`` (Chinese on both sides: "or") is text; ``YB-01/商店.py`` is a path.
    """
    return any(ch in "/\\" and any(_ASCII_PATH_CHAR.fullmatch(c) for c in (token[i - 1:i] if i else "",
                                                                           token[i + 1:i + 2]) if c)
               for i, ch in enumerate(token))


def typeset(text: str) -> str:
    """``text`` with full-width punctuation in its Chinese parts (the module's rule)."""
    return typeset_pieces([(text, False)])[0]


def typeset_pieces(pieces: Sequence[tuple[str, bool]]) -> list[str]:
    """Apply the rule across pieces ``(text, frozen)`` of one paragraph; the new text of each piece.

    The rule sees the pieces' joined text (punctuation at a run boundary gets its context);
    frozen pieces come back unchanged.
    """
    text = "".join(t for t, _ in pieces)
    keep = [f for t, f in pieces for _ in t]
    for start, end in protected_spans(text):
        keep[start:end] = [True] * (end - start)
    out = list(text)
    converted = _brackets(text, keep, out) | _marks(text, keep, out)
    _drop_spaces(text, keep, out, converted)
    result, pos = [], 0
    for t, _ in pieces:
        result.append("".join(out[pos:pos + len(t)]))
        pos += len(t)
    return result


def _brackets(text: str, keep: list[bool], out: list[str]) -> set[int]:
    """Convert bracket pairs that enclose or touch Chinese text; the converted positions."""
    done: set[int] = set()
    stack: list[int] = []
    for j, ch in enumerate(text):
        if keep[j] or ch not in "()":
            continue
        if ch == "(":
            stack.append(j)
            continue
        if not stack:
            continue
        i = stack.pop()
        inside = any(is_chinese(c) for c in out[i + 1:j])
        outside = (i > 0 and is_chinese(out[i - 1])) or (j + 1 < len(out) and is_chinese(out[j + 1]))
        if inside or outside:
            out[i], out[j] = FULL_WIDTH["("], FULL_WIDTH[")"]
            done |= {i, j}
    return done


def _marks(text: str, keep: list[bool], out: list[str]) -> set[int]:
    """Convert ``: ; , ? !`` next to Chinese text; the converted positions."""
    done: set[int] = set()
    for i, ch in enumerate(text):
        if keep[i] or ch not in MARKS:
            continue
        if is_chinese(_neighbour(out, i, -1)) or is_chinese(_neighbour(out, i, 1)):
            out[i] = FULL_WIDTH[ch]
            done.add(i)
    return done


def _neighbour(out: list[str], i: int, step: int) -> str:
    """The nearest non-space character before (``step=-1``) or after (``1``) position ``i``."""
    k = i + step
    while 0 <= k < len(out) and out[k] in (" ", ""):
        k += step
    return out[k] if 0 <= k < len(out) else ""


def _drop_spaces(text: str, keep: list[bool], out: list[str], converted: set[int]) -> None:
    """Remove the plain spaces right before and after each converted mark."""
    for i in sorted(converted):
        for step in (-1, 1):
            k = i + step
            while 0 <= k < len(text) and text[k] == " " and not keep[k]:
                out[k] = ""
                k += step
