"""Reordering: swap adjacent independent statements, permute methods/functions, shuffle imports."""

from __future__ import annotations

import random

from langs import BLOCK_TYPES, SIMPLE_STATEMENTS, parse, walk
from tree_sitter import Node

from disguise.base import FRACTION, Edit, apply_edits, non_overlapping, text

NAME_TYPES = frozenset({"identifier", "field_identifier", "property_identifier", "shorthand_property_identifier"})
CALL_TYPES = frozenset({"method_invocation", "call_expression", "call", "object_creation_expression",
                        "new_expression", "await_expression", "yield", "yield_expression"})
RECEIVERS = frozenset({"self", "this", "cls"})
MEMBER_TYPES: dict[str, frozenset[str]] = {
    "java": frozenset({"method_declaration", "constructor_declaration", "class_declaration", "interface_declaration",
                       "enum_declaration", "record_declaration"}),
    "c": frozenset({"function_definition"}),
    "python": frozenset({"function_definition", "decorated_definition"}),
    "javascript": frozenset({"method_definition", "function_declaration"}),
}
CONTAINERS: dict[str, frozenset[str]] = {
    "java": frozenset({"class_body", "interface_body", "enum_body_declarations"}),
    "c": frozenset({"translation_unit"}),
    "python": frozenset({"block", "module"}),
    "javascript": frozenset({"class_body", "program"}),
}
# Containers where only unbroken runs of members may move (other statements there run at load time).
RUN_ONLY = frozenset({"module", "program"})


def _names(node: Node, src: bytes) -> set[str]:
    return {text(n, src) for n in walk(node) if n.type in NAME_TYPES} - RECEIVERS


def _calls(node: Node) -> bool:
    return any(n.type in CALL_TYPES for n in walk(node))


def _is_docstring(node: Node) -> bool:
    return node.type == "expression_statement" and node.named_child_count == 1 and \
        node.named_children[0].type == "string"


def _swap_edits(root: Node, src: bytes, lang: str, strength: int, rng: random.Random) -> list[Edit]:
    simple = SIMPLE_STATEMENTS[lang]
    pairs: list[tuple[Node, Node]] = []
    for block in (n for n in walk(root) if n.type in BLOCK_TYPES[lang]):
        stmts = [c for c in block.named_children if "comment" not in c.type]
        i = 0
        while i + 1 < len(stmts):
            a, b = stmts[i], stmts[i + 1]
            ok = a.type in simple and b.type in simple and not _is_docstring(a) and not _is_docstring(b)
            ok = ok and not (_calls(a) and _calls(b)) and not (_names(a, src) & _names(b, src))
            ok = ok and src[a.end_byte:b.start_byte].strip() == b"" and text(a, src).count("\n") < 6
            if ok and lang == "c" and b"#" in src[a.start_byte:b.end_byte]:
                ok = False
            if ok:
                pairs.append((a, b))
                i += 2
            else:
                i += 1
    if not pairs:
        return []
    k = max(1, round(len(pairs) * FRACTION[strength]))
    chosen = sorted(rng.sample(range(len(pairs)), min(k, len(pairs))))
    edits = []
    for idx in chosen:
        a, b = pairs[idx]
        gap = src[a.end_byte:b.start_byte]
        edits.append(Edit(a.start_byte, b.end_byte, src[b.start_byte:b.end_byte] + gap + src[a.start_byte:a.end_byte]))
    return non_overlapping(edits)


def _unit_start(node: Node, src: bytes) -> int:
    """Start of a member including the comments right above it (no blank line between)."""
    start = node.start_byte
    prev = node.prev_sibling
    while prev is not None and "comment" in prev.type and src[prev.end_byte:start].count(b"\n") <= 1:
        start = prev.start_byte
        prev = prev.prev_sibling
    return start


def _movable_python(node: Node, src: bytes, fixed_names: set[str]) -> bool:
    if node.type == "decorated_definition":
        decos = [c for c in node.children if c.type == "decorator"]
        if any(d.named_children and d.named_children[0].type != "identifier" for d in decos):
            return False
        if any(text(d, src).strip() in ("@overload", "@typing.overload") for d in decos):
            return False
        node = node.child_by_field_name("definition")
        if node is None or node.type != "function_definition":
            return False
    name = node.child_by_field_name("name")
    return name is not None and text(name, src) not in fixed_names


def _containers(root: Node, src: bytes, lang: str) -> list[list[Node]]:
    """Groups of members that may be permuted among their own positions."""
    groups: list[list[Node]] = []
    for cont in (n for n in walk(root) if n.type in CONTAINERS[lang]):
        in_class = cont.parent is not None and cont.parent.type == "class_definition"
        if lang == "python" and cont.type == "block" and not in_class:
            continue
        members = [c for c in cont.named_children if c.type in MEMBER_TYPES[lang]]
        if lang == "python":
            fixed: set[str] = set()
            for m in members:
                for d in (c for c in m.children if c.type == "decorator"):
                    deco = text(d, src)
                    if "." in deco:
                        fixed.add(deco.lstrip("@").split(".")[0])
            members = [m for m in members if _movable_python(m, src, fixed)]
        if lang == "c":
            members = [m for m in members if m.child_by_field_name("body") is not None and not any(
                c.type == "declaration" for c in m.children) and _proto(m, src) is not None]
        if cont.type in RUN_ONLY or (lang == "python" and cont.type == "module"):
            runs: list[list[Node]] = [[]]
            for c in cont.named_children:
                if "comment" in c.type:
                    continue
                if c in members:
                    runs[-1].append(c)
                else:
                    runs.append([])
            groups.extend(r for r in runs if len(r) >= 2)
        elif len(members) >= 2:
            groups.append(members)
    return groups


def _proto(fn: Node, src: bytes) -> str | None:
    """A C prototype for a function definition (None for ``main`` or heads holding preprocessor lines)."""
    body = fn.child_by_field_name("body")
    if body is None:
        return None
    head = src[fn.start_byte:body.start_byte].decode("utf-8", "replace").strip()
    decl = fn.child_by_field_name("declarator")
    if "#" in head or not head.endswith(")") or (decl is not None and text(decl, src).startswith("main(")):
        return None
    return head + ";"


def _member_edits(root: Node, src: bytes, lang: str, strength: int, rng: random.Random) -> list[Edit]:
    groups = _containers(root, src, lang)
    if not groups:
        return []
    edits: list[Edit] = []
    if strength == 1:
        groups = [rng.choice(groups)]
    taken: list[tuple[int, int]] = []
    for members in groups:
        n = len(members)
        lo, hi = _unit_start(members[0], src), members[-1].end_byte
        if any(lo < b and a < hi for a, b in taken):
            continue
        taken.append((lo, hi))
        order = list(range(n))
        if strength == 1:
            i, j = rng.sample(range(n), 2)
            order[i], order[j] = order[j], order[i]
        elif strength == 2:
            subset = sorted(rng.sample(range(n), max(2, n // 2)))
            shuffled = subset[:]
            while shuffled == subset:
                rng.shuffle(shuffled)
            for pos, src_idx in zip(subset, shuffled):
                order[pos] = src_idx
        else:
            while order == list(range(n)):
                rng.shuffle(order)
        if order == list(range(n)):
            continue
        spans = [(_unit_start(m, src), m.end_byte) for m in members]
        for pos, src_idx in enumerate(order):
            if pos != src_idx:
                a, b = spans[src_idx]
                edits.append(Edit(spans[pos][0], spans[pos][1], src[a:b]))
        if lang == "c":
            moved = {i for i in range(n) if order[i] != i}
            protos = [_proto(members[i], src) or "" for i in sorted(moved)]
            block = "".join(p + "\n" for p in protos if p) + "\n"
            edits.append(Edit(spans[0][0], spans[0][0], block.encode()))
    return edits


def _import_edits(root: Node, src: bytes, lang: str, rng: random.Random) -> list[Edit]:
    kinds = {"java": ("import_declaration",), "python": ("import_statement", "import_from_statement")}.get(lang)
    if not kinds:
        return []
    run: list[Node] = []
    for c in root.named_children:
        if c.type in kinds and not text(c, src).startswith("from __future__"):
            if run and src[run[-1].end_byte:c.start_byte].strip() != b"":
                break
            run.append(c)
        elif run:
            break
    if len(run) < 2:
        return []
    order = list(range(len(run)))
    while order == list(range(len(run))):
        rng.shuffle(order)
    return [Edit(run[i].start_byte, run[i].end_byte, src[run[j].start_byte:run[j].end_byte])
            for i, j in enumerate(order) if i != j]


def transform(src: bytes, lang: str, strength: int, rng: random.Random) -> bytes:
    """Swap independent statements, then permute members, then (strength >= 2) shuffle imports."""
    out = apply_edits(src, _swap_edits(parse(lang, src).root_node, src, lang, strength, rng))
    out = apply_edits(out, _member_edits(parse(lang, out).root_node, out, lang, strength, rng))
    if strength >= 2:
        out = apply_edits(out, _import_edits(parse(lang, out).root_node, out, lang, rng))
    return out
