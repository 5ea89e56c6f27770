"""Comment changes: delete, reword or add comments (and Python docstrings)."""

from __future__ import annotations

import random
import re

from langs import BLOCK_TYPES, COMMENT_TYPES, FUNCTION_TYPES, parse, walk
from tree_sitter import Node

from disguise.base import (
    FRACTION,
    SYNONYMS,
    Edit,
    apply_edits,
    ends_line,
    function_name,
    identifiers_in,
    indent_at,
    line_end,
    line_start,
    non_overlapping,
    split_words,
    starts_line,
    text,
)

TEMPLATES = (
    "compute the {w}", "update {w}", "check the {w} first", "handle the {w} case", "now process {w}",
    "get {w} ready", "make sure {w} is valid", "store the {w}", "{w} is needed below", "prepare {w}",
    "loop over {w}", "TODO: revisit {w}", "note: {w} may change here", "set up {w}", "keep track of {w}",
)
DOC_TEMPLATES = (
    "Handles {w}.", "Returns the {w}.", "Helper for {w}.", "Computes {w} from the inputs.",
    "Processes the given {w}.", "Utility that deals with {w}.", "Builds the {w}.",
)
FILLERS = frozenset({"the", "a", "an", "this", "that", "of", "to", "is", "be", "we", "it", "and"})


def _reword(body: str, rng: random.Random) -> str:
    """A paraphrase of a comment body: synonyms, dropped filler words, other capitalisation."""
    def swap(m: re.Match[str]) -> str:
        w = m.group(0)
        low = w.lower()
        if low in SYNONYMS and rng.random() < 0.6:
            new = rng.choice(SYNONYMS[low])
            return new.capitalize() if w[0].isupper() else new
        if low in FILLERS and rng.random() < 0.4:
            return ""
        return w
    out = re.sub(r"[A-Za-z]+", swap, body)
    out = re.sub(r"(?<=\S)  +(?=\S)", " ", out)
    if out == body:
        out = body.rstrip(".") if body.rstrip().endswith(".") else body.rstrip() + "."
    return out


def _reworded_comment(raw: str, lang: str, rng: random.Random) -> str:
    if lang == "python" or raw.startswith("//"):
        lead = re.match(r"^(#+|//+)\s*", raw)
        assert lead is not None
        return lead.group(0) + _reword(raw[lead.end():], rng)
    return re.sub(r"(?<=[ \t*])[A-Za-z][^\n*]*", lambda m: _reword(m.group(0), rng), raw, count=0)


def _docstrings(root: Node) -> list[Node]:
    out = []
    for n in walk(root):
        if n.type in ("module", "block") and n.named_children:
            first = next((c for c in n.named_children if c.type != "comment"), None)
            if first is not None and first.type == "expression_statement" and first.named_child_count == 1 and \
                    first.named_children[0].type == "string":
                out.append(first)
    return out


def _delete(src: bytes, node: Node, lang: str, siblings: int) -> Edit:
    """Remove a comment or docstring: whole lines when it stands alone, else the comment and the space before it."""
    if starts_line(src, node) and ends_line(src, node):
        start = line_start(src, node.start_byte)
        end = min(len(src), line_end(src, node.end_byte) + 1)
        if node.type == "expression_statement" and siblings == 1:
            return Edit(node.start_byte, node.end_byte, b"pass")
        return Edit(start, end, b"")
    if node.type == "expression_statement":
        return Edit(node.start_byte, node.end_byte, b"pass" if siblings == 1 else b"None")
    start = node.start_byte
    while start > 0 and src[start - 1:start] in (b" ", b"\t"):
        start -= 1
    glue = b"" if ends_line(src, node) or start == line_start(src, node.start_byte) else b" "
    return Edit(start, node.end_byte, glue)


def _insertion_points(root: Node, src: bytes, lang: str) -> list[Node]:
    blocks = BLOCK_TYPES[lang]
    points = []
    for n in walk(root):
        if n.parent is not None and n.parent.type in blocks and n.is_named and "comment" not in n.type and \
                starts_line(src, n):
            points.append(n)
    return points


def _words_for(node: Node, src: bytes) -> str:
    names = sorted(identifiers_in(src[node.start_byte:min(node.end_byte, node.start_byte + 200)]))
    words = [w for name in names for w in split_words(name) if len(w) > 2]
    return " ".join(words[:2]) if words else "value"


def transform(src: bytes, lang: str, strength: int, rng: random.Random) -> bytes:
    """Delete or reword a strength-dependent share of comments and add new ones."""
    root = parse(lang, src).root_node
    comments = [n for n in walk(root) if n.type in COMMENT_TYPES[lang]]
    if lang == "python":
        comments = [c for c in comments if not text(c, src).startswith("#!") and "coding" not in text(c, src)[:30]]
        comments += _docstrings(root)
    comments.sort(key=lambda n: n.start_byte)
    frac = FRACTION[strength]
    edits: list[Edit] = []
    for c in comments:
        if rng.random() >= frac:
            continue
        siblings = len([s for s in c.parent.named_children if s.type != "comment"]) if c.parent is not None else 0
        if c.type == "expression_statement":
            if rng.random() < 0.5:
                edits.append(_delete(src, c, lang, siblings))
            else:
                raw = text(c, src)
                m = re.match(r'^([rRuU]?)("""|\'\'\'|"|\')(.*)(\2)$', raw, re.S)
                if m and "\\" not in m.group(3):
                    edits.append(Edit(c.start_byte, c.end_byte,
                                      (m.group(1) + m.group(2) + _reword(m.group(3), rng) + m.group(4)).encode()))
            continue
        raw = text(c, src)
        if rng.random() < 0.5 and not raw.startswith(("#!", "/*!")):
            edits.append(_delete(src, c, lang, siblings))
        else:
            new = _reworded_comment(raw, lang, rng)
            if raw.startswith("//") and raw.endswith("\\"):
                continue
            edits.append(Edit(c.start_byte, c.end_byte, new.encode()))
    points = _insertion_points(root, src, lang)
    n_add = {1: 1, 2: max(2, len(points) // 12), 3: max(4, len(points) // 5)}[strength]
    for p in sorted(rng.sample(points, min(n_add, len(points))), key=lambda n: n.start_byte):
        words = _words_for(p, src)
        body = rng.choice(TEMPLATES).format(w=words)
        line = (f"# {body}" if lang == "python" else f"// {body}") if rng.random() < 0.8 or lang == "python" \
            else f"/* {body} */"
        edits.append(Edit(p.start_byte, p.start_byte, (line + "\n").encode() + indent_at(src, p.start_byte)))
    if strength >= 2:
        funcs = [f for f in walk(root) if f.type in FUNCTION_TYPES[lang] and starts_line(src, f)
                 and f.type not in ("function_expression", "arrow_function")]
        for f in funcs:
            if rng.random() >= frac * 0.5:
                continue
            name = function_name(f)
            words = " ".join(split_words(text(name, src))[:3]) if name is not None else "values"
            doc = rng.choice(DOC_TEMPLATES).format(w=words)
            if lang == "python":
                body = f.child_by_field_name("body")
                if body is None or not body.named_children or not starts_line(src, body.named_children[0]):
                    continue
                first = body.named_children[0]
                if first.type == "expression_statement" and first.named_children and \
                        first.named_children[0].type == "string":
                    continue
                edits.append(Edit(first.start_byte, first.start_byte,
                                  f'"""{doc}"""\n'.encode() + indent_at(src, first.start_byte)))
            else:
                start = f.start_byte
                prev = f.prev_sibling
                if prev is not None and "comment" in prev.type or (
                        f.parent is not None and f.parent.type in ("declaration_list", "field_declaration_list")):
                    continue
                edits.append(Edit(start, start, f"/** {doc} */\n".encode() + indent_at(src, start)))
    return apply_edits(src, non_overlapping(edits))
