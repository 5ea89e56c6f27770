"""Reformatting (the ``format`` family): indentation unit, brace style, blank lines, spacing, line breaks.

Works on the whitespace gaps between tokens, so code, strings and comments keep their text; gaps holding anything
but whitespace (line continuations) and, in C, gaps on preprocessor lines keep their line structure.
"""

from __future__ import annotations

import bisect
import random
import re
from dataclasses import dataclass

from langs import ATOMIC_TYPES, parse, walk
from tree_sitter import Node

from disguise.base import FRACTION, indent_unit

BRACE_PARENTS = frozenset({"block", "class_body", "compound_statement", "statement_block", "interface_body",
                           "enum_body", "constructor_body", "switch_block", "field_declaration_list",
                           "declaration_list", "enumerator_list", "switch_body", "annotation_type_body"})
FOLLOWERS = frozenset({"else", "catch", "finally", "while"})
SPACED_PARENTS = frozenset({"binary_expression", "assignment_expression", "augmented_assignment_expression",
                            "assignment", "augmented_assignment", "comparison_operator", "variable_declarator",
                            "init_declarator", "default_parameter", "keyword_argument"})
LIST_TYPES = frozenset({"argument_list", "formal_parameters", "parameter_list", "parameters", "arguments"})
KEYWORD_PARENS = frozenset({"if", "for", "while", "switch", "catch", "synchronized"})
_WORDCH = re.compile(r"[A-Za-z0-9_$\"'`]")
_OPCH = set("+-*/%<>=!&|^~?:.#@")


@dataclass
class Leaf:
    """A token (or atomic node such as a string or comment)."""

    start: int
    end: int
    text: str
    type: str
    parent: Node | None
    node: Node


def _leaves(root: Node, src: bytes) -> list[Leaf]:
    out: list[Leaf] = []
    stack = [root]
    while stack:
        n = stack.pop()
        if (n.child_count == 0 or n.type in ATOMIC_TYPES) and n.end_byte > n.start_byte:
            out.append(Leaf(n.start_byte, n.end_byte, src[n.start_byte:n.end_byte].decode("utf-8", "replace"),
                            n.type, n.parent, n))
        elif n.child_count:
            stack.extend(reversed(n.children))
    out.sort(key=lambda lf: (lf.start, lf.end))
    dedup: list[Leaf] = []
    for lf in out:
        if dedup and lf.start < dedup[-1].end:
            continue
        dedup.append(lf)
    return dedup


def _can_glue(a: str, b: str) -> bool:
    """Whether tokens ``a`` and ``b`` may touch without changing how the code lexes."""
    if not a or not b:
        return False
    x, y = a[-1], b[0]
    if _WORDCH.match(x) and _WORDCH.match(y):
        return False
    if x in _OPCH and y in _OPCH:
        return False
    if x.isdigit() and y == ".":
        return False
    return not (x == "/" or y == "/")


def _is_comment(leaf: Leaf) -> bool:
    return "comment" in leaf.type


def transform(src: bytes, lang: str, strength: int, rng: random.Random) -> bytes:
    """Reformat the file; strength 1 touches blank lines and spacing, 2 adds indentation and braces, 3 line breaks."""
    root = parse(lang, src).root_node
    leaves = _leaves(root, src)
    if len(leaves) < 2:
        return src
    newlines = [m.start() for m in re.finditer(b"\n", src)]

    def line_of(pos: int) -> int:
        return bisect.bisect_right(newlines, pos - 1)

    directive_lines: set[int] = set()
    if lang == "c":
        for lf in leaves:
            if lf.text.startswith("#") or lf.type in ("preproc_arg", "system_lib_string") or (
                    lf.parent is not None and lf.parent.type.startswith("preproc_") and lf.type == "identifier"):
                first, last = line_of(lf.start), line_of(lf.end)
                directive_lines.update(range(first, last + 1))
        for line in sorted(directive_lines):
            cont = line
            while cont < len(newlines) and src[:newlines[cont]].endswith(b"\\"):
                cont += 1
                directive_lines.add(cont)
    frac = FRACTION[strength]
    gaps: list[str] = []
    frozen: list[bool] = []
    protected: list[bool] = []
    for i in range(1, len(leaves)):
        g = src[leaves[i - 1].end:leaves[i].start].decode("utf-8", "replace")
        gaps.append(g)
        frozen.append(g.strip(" \t\r\n\f") != "")
        protected.append(line_of(leaves[i - 1].end) in directive_lines or line_of(leaves[i].start) in directive_lines
                         or _is_comment(leaves[i - 1]) and "\n" in g)

    def line_indent(pos: int) -> str:
        start = src.rfind(b"\n", 0, pos) + 1
        m = re.match(rb"[ \t]*", src[start:])
        return m.group(0).decode() if m else ""

    old_unit = indent_unit(src).decode()
    old_w = 8 if old_unit == "\t" else len(old_unit)
    c_like = lang != "python"
    # 1. blank lines and spacing (every strength).
    for i, g in enumerate(gaps):
        if frozen[i]:
            continue
        prev, nxt = leaves[i], leaves[i + 1]
        n_nl = g.count("\n")
        if n_nl >= 2 and rng.random() < frac * 0.8:
            gaps[i] = "\n" + g.rsplit("\n", 1)[1]
        elif n_nl == 1 and not protected[i] and rng.random() < frac * 0.25 and (
                not c_like or prev.text in (";", "}")):
            gaps[i] = "\n" + g
        elif n_nl == 0:
            spaced = (prev.parent is not None and prev.parent.type in SPACED_PARENTS and not prev.node.is_named) or (
                nxt.parent is not None and nxt.parent.type in SPACED_PARENTS and not nxt.node.is_named)
            comma = prev.text == ","
            kw = c_like and prev.text in KEYWORD_PARENS and nxt.text == "("
            if (spaced or comma or kw) and rng.random() < frac:
                if g == "" :
                    gaps[i] = " "
                elif _can_glue(prev.text, nxt.text) and not protected[i] and not _is_comment(prev):
                    gaps[i] = ""
    # 2. brace style (C-like, strength >= 2).
    if c_like and strength >= 2:
        for i in range(len(gaps)):
            prev, nxt = leaves[i], leaves[i + 1]
            if frozen[i] or protected[i] or _is_comment(prev):
                continue
            brace = nxt.text == "{" and nxt.parent is not None and nxt.parent.type in BRACE_PARENTS
            follow = prev.text == "}" and nxt.text in FOLLOWERS
            if not (brace or follow) or rng.random() >= frac:
                continue
            if "\n" in gaps[i]:
                gaps[i] = " "
            else:
                gaps[i] = "\n" + line_indent(prev.start)
    # 3. line breaks in argument/parameter lists (strength 3).
    if strength == 3:
        # Leaves are sorted and disjoint, so those inside a node are one contiguous run.
        starts = [lf.start for lf in leaves]
        ends = [lf.end for lf in leaves]
        for n in walk(root):
            if n.type not in LIST_TYPES or rng.random() >= 0.5:
                continue
            idx = list(range(bisect.bisect_left(starts, n.start_byte), bisect.bisect_right(ends, n.end_byte)))
            if len(idx) < 4 or any(_is_comment(leaves[i]) for i in idx) or \
                    any(frozen[i] or protected[i] for i in idx[:-1]):
                continue
            inner = [i for i in idx[:-1]]
            multiline = any("\n" in gaps[i] for i in inner)
            items = sum(1 for lf in (leaves[i] for i in idx) if lf.text == ",") + 1
            if multiline:
                for i in inner:
                    if "\n" in gaps[i]:
                        gaps[i] = " " if leaves[i].text == "," else ""
            elif items >= 3:
                ind = line_indent(n.start_byte) + old_unit * 2
                for i in inner:
                    if leaves[i].text in ("(", ","):
                        gaps[i] = "\n" + ind
    # 4. indentation unit (strength >= 2): every line start, consistently.
    if strength >= 2:
        choices = [u for u in ("  ", "   ", "    ", "        ", "\t") if u != old_unit]
        new_unit = rng.choice(choices)

        def reindent(ws: str) -> str:
            w = len(ws.expandtabs(8))
            level, rem = divmod(w, old_w)
            return new_unit * level + " " * rem

        for i, g in enumerate(gaps):
            if frozen[i] or "\n" not in g:
                continue
            head, tail = g.rsplit("\n", 1)
            gaps[i] = head + "\n" + reindent(tail)
        # Indentation inside block comments follows the code.
        comment_text: dict[int, str] = {}
        for k, lf in enumerate(leaves):
            if _is_comment(lf) and "\n" in lf.text:
                comment_text[k] = re.sub(r"\n([ \t]*)", lambda m: "\n" + reindent(m.group(1)), lf.text)
        first_gap = src[: leaves[0].start].decode("utf-8", "replace")
        if first_gap.strip() == "" and "\n" in first_gap:
            head, tail = first_gap.rsplit("\n", 1)
            first_gap = head + "\n" + reindent(tail)
        elif first_gap.strip() == "":
            first_gap = reindent(first_gap)
    else:
        comment_text = {}
        first_gap = src[: leaves[0].start].decode("utf-8", "replace")
    out = [first_gap]
    for k, lf in enumerate(leaves):
        out.append(comment_text.get(k, src[lf.start:lf.end].decode("utf-8", "replace")))
        if k < len(gaps):
            out.append(gaps[k])
    out.append(src[leaves[-1].end:].decode("utf-8", "replace"))
    return "".join(out).encode("utf-8")
