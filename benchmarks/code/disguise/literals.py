"""Literal changes: other spellings of the same number, reworded messages, split strings, changed constants."""

from __future__ import annotations

import random
import re

from langs import parse, walk
from tree_sitter import Node

from disguise.base import SYNONYMS, Edit, apply_edits, has_ancestor, pick, text

NUMBER_TYPES = frozenset({"decimal_integer_literal", "hex_integer_literal", "decimal_floating_point_literal",
                          "number_literal", "integer", "float", "number"})
STRING_TYPES = {"java": "string_literal", "c": "string_literal", "python": "string", "javascript": "string"}

_INT = re.compile(r"^(0|[1-9][0-9]*)([uUlL]*)$")
_HEX = re.compile(r"^0[xX]([0-9a-fA-F]+)([uUlL]*)$")
_FLOAT = re.compile(r"^([0-9]+)\.([0-9]+)([fFdD]?)$")
_PLAIN_CHAR = re.compile(r"'[ -&(-\[\]-~]'")
_WORD = re.compile(r"[A-Za-z]{3,}")


def _is_docstring(node: Node) -> bool:
    parent = node.parent
    if parent is None or parent.type != "expression_statement" or parent.named_child_count != 1:
        return False
    holder = parent.parent
    if holder is None or holder.type not in ("block", "module"):
        return False
    first = next((c for c in holder.named_children if c.type != "comment"), None)
    return first == parent


def _number_variant(lit: str, lang: str, strength: int, rng: random.Random) -> str | None:
    """Another spelling (or, at strength 3, sometimes another value) of a numeric literal."""
    if (m := _INT.match(lit)):
        value, suffix = int(m.group(1)), m.group(2)
        if lang == "javascript" and suffix:
            return None
        if strength == 3 and value >= 2 and rng.random() < 0.3:
            return str(value + rng.choice((1, -1, value))) + suffix
        options = []
        if value < 10 and lang != "python":
            options.append(f"0x{value}{suffix}")
        if value >= 10:
            options.append(f"0x{value:X}{suffix}" if rng.random() < 0.5 else f"0x{value:x}{suffix}")
        if value >= 1000 and lang != "c":
            options.append(f"{value:_}{suffix}")
        if value >= 2:
            a = rng.randrange(1, value)
            options.append(f"({a}{suffix} + {value - a}{suffix})")
        return rng.choice(options) if options else None
    if (m := _HEX.match(lit)):
        value, suffix = int(m.group(1), 16), m.group(2)
        if lang == "javascript" and suffix:
            return None
        return f"{value}{suffix}" if rng.random() < 0.6 else f"0x{value:0{len(m.group(1))}X}{suffix}".replace(
            f"0x{m.group(1)}", f"0x{m.group(1).swapcase()}")
    if (m := _FLOAT.match(lit)):
        whole, frac, suffix = m.groups()
        r = rng.random()
        if r < 0.4:
            return f"{whole}.{frac}0{suffix}"
        if r < 0.7 and whole != "0":
            return f"{whole}.{frac}e0{suffix}"
        return f"{whole}{frac}e-{len(frac)}{suffix}"
    return None


def _reword(content: str, rng: random.Random) -> str:
    """Reword a human-readable message (synonyms, case, punctuation)."""
    words = list(_WORD.finditer(content))
    out = content
    for m in reversed(words):
        w = m.group(0)
        low = w.lower()
        if low in SYNONYMS and rng.random() < 0.7:
            new = rng.choice(SYNONYMS[low])
            new = new.capitalize() if w[0].isupper() else new
            out = out[: m.start()] + new + out[m.end():]
    if out == content:
        if content[:1].islower():
            out = content[0].upper() + content[1:]
        elif content[:1].isupper():
            out = content[0].lower() + content[1:]
        if content.endswith((".", "!")):
            out = out[:-1]
        elif content.endswith(tuple("abcdefghijklmnopqrstuvwxyz")):
            out = out + "."
    return out


def _string_sites(root: Node, src: bytes, lang: str) -> list[Node]:
    kind = STRING_TYPES[lang]
    sites = []
    for n in walk(root):
        if n.type != kind or has_ancestor(n, {"preproc_include", "import_declaration", "import_statement",
                                               "import_from_statement", "annotation", "decorator"}):
            continue
        raw = text(n, src)
        if lang == "python":
            if _is_docstring(n) or any(c.type == "interpolation" for c in n.children):
                continue
            if not re.match(r"^[rRbBuU]?(['\"])", raw) or raw.startswith(("'''", '"""')) or \
                    raw[1:3] in ("''", '""'):
                continue
        elif not raw.startswith('"') and not (lang == "javascript" and raw.startswith("'")):
            continue
        sites.append(n)
    return sites


def _string_variant(node: Node, src: bytes, lang: str, strength: int, rng: random.Random) -> str | None:
    raw = text(node, src)
    prefix = ""
    if lang == "python":
        m = re.match(r"^([rRbBuU]?)(['\"])", raw)
        assert m is not None
        prefix, quote = m.group(1), m.group(2)
    else:
        quote = raw[0]
    body = raw[len(prefix) + 1: -1]
    if not body or "\\" in body[-1:]:
        return None
    is_message = " " in body and bool(_WORD.search(body)) and "%" not in body and "{" not in body
    options: list[str] = []
    if lang in ("python", "javascript") and "'" not in body and '"' not in body and "\\" not in body:
        other = '"' if quote == "'" else "'"
        options.append(f"{prefix}{other}{body}{other}")
    if is_message:
        new_body = _reword(body, rng)
        if new_body != body:
            options.append(f"{prefix}{quote}{new_body}{quote}")
    if is_message and strength == 3 and len(body) > 8:
        cut = body.find(" ", len(body) // 3)
        if 0 < cut < len(body) - 1 and "\\" not in body[cut - 1: cut + 1]:
            a, b = body[: cut + 1], body[cut + 1:]
            joiner = " " if lang in ("c", "python") else " + "
            joined = f"{prefix}{quote}{a}{quote}{joiner}{prefix}{quote}{b}{quote}"
            parent = node.parent.type if node.parent is not None else ""
            bare = lang == "c" or parent == "concatenated_string"
            if parent not in ("field_access", "member_expression", "attribute", "method_invocation", "call"):
                options.append(joined if bare else f"({joined})")
    return rng.choice(options) if options else None


def transform(src: bytes, lang: str, strength: int, rng: random.Random) -> bytes:
    """Respell numbers and reword/split strings on a strength-dependent share of literal sites."""
    root = parse(lang, src).root_node
    numbers = [n for n in walk(root) if n.type in NUMBER_TYPES and not has_ancestor(n, {"annotation"})]
    if lang == "c":
        # ``#line``/``#if`` operands and array designators take respelled numbers fine; case labels too.
        numbers = [n for n in numbers if not has_ancestor(n, {"preproc_call"})]
    strings = _string_sites(root, src, lang)
    if lang in ("java", "c"):
        strings += [n for n in walk(root) if n.type in ("character_literal", "char_literal") and _PLAIN_CHAR.fullmatch(
            text(n, src)) and not has_ancestor(n, {"preproc_if", "preproc_elif"})]
    sites = sorted(numbers + strings, key=lambda n: n.start_byte)
    candidates: list[Edit] = []
    for n in sites:
        if n.type in ("character_literal", "char_literal"):
            code = ord(text(n, src)[1])
            new = f"'\\u{code:04x}'" if lang == "java" else (str(code) if rng.random() < 0.5 else f"0x{code:x}")
        elif n.type == STRING_TYPES[lang]:
            new = _string_variant(n, src, lang, strength, rng)
        else:
            new = _number_variant(text(n, src), lang, strength, rng)
            if new is not None and new.startswith("(") and n.parent is not None and \
                    n.parent.type in ("unary_expression", "unary_operator", "field_access", "attribute",
                                      "member_expression", "pair"):
                new = None
        if new is not None and new != text(n, src):
            candidates.append(Edit(n.start_byte, n.end_byte, new.encode()))
    return apply_edits(src, pick(rng, candidates, strength))
