"""Control-flow rewrites: for->while, while->for, while(true)+break, if/else inversion, ternary<->if, ++ forms.

Sites are chosen on the original tree; the output is rendered recursively so that a rewritten statement nested in
another rewritten statement is rewritten too.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from langs import BLOCK_TYPES, parse, walk
from tree_sitter import Node

from disguise.base import FRACTION, NameMaker, indent_at, indent_unit, starts_line

Key = tuple[int, int, str]
TERNARY = frozenset({"ternary_expression", "conditional_expression"})
ASSIGN = frozenset({"assignment_expression", "assignment"})
INVERSE = {"==": "!=", "!=": "==", "<": ">=", ">=": "<", ">": "<=", "<=": ">", "===": "!==", "!==": "===",
           "in": "not in", "not in": "in", "is": "is not", "is not": "is"}
LOOSE = frozenset({"assignment_expression", "ternary_expression", "conditional_expression", "comma_expression",
                   "sequence_expression", "lambda_expression", "arrow_function", "expression_list", "lambda",
                   "named_expression", "yield", "assignment", "boolean_operator", "binary_expression",
                   "not_operator", "comparison_operator"})
STATEMENT_LISTS = frozenset({"switch_block_statement_group", "case_statement", "switch_case", "switch_default",
                             "translation_unit", "program", "module"})


def _key(node: Node) -> Key:
    return (node.start_byte, node.end_byte, node.type)


def _key_of(node: Node | None) -> Key | None:
    return None if node is None else _key(node)


def _key_eq(a: Node | None, b: Node | None) -> bool:
    return _key_of(a) == _key_of(b)


class Renderer:
    """Renders nodes with chosen sites replaced by their rewrites (rewrites render their parts through here)."""

    def __init__(self, src: bytes, lang: str, sites: dict[Key, Callable[[Node, Renderer], str]]) -> None:
        self.src = src
        self.lang = lang
        self.sites = sites
        self.unit = indent_unit(src).decode()
        self.dirty: set[Key] = set()
        self.names: NameMaker | None = None

    def fresh(self, hint: str) -> str:
        """A new identifier for a helper variable."""
        assert self.names is not None
        return self.names.fresh(words=1) + "_" + hint if self.lang == "python" else self.names.fresh()

    def mark(self, root: Node) -> None:
        """Remember which nodes contain a site, so that the rest is copied verbatim."""
        for n in walk(root):
            if _key(n) in self.sites:
                cur: Node | None = n
                while cur is not None:
                    self.dirty.add(_key(cur))
                    cur = cur.parent

    def raw(self, node: Node) -> str:
        return self.src[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def render(self, node: Node, skip_site: bool = False) -> str:
        key = _key(node)
        if not skip_site and key in self.sites:
            return self.sites[key](node, self)
        if key not in self.dirty:
            return self.raw(node)
        out: list[str] = []
        pos = node.start_byte
        for c in node.children:
            out.append(self.src[pos:c.start_byte].decode("utf-8", "replace"))
            out.append(self.render(c))
            pos = c.end_byte
        out.append(self.src[pos:node.end_byte].decode("utf-8", "replace"))
        return "".join(out)

    def indent(self, node: Node) -> str:
        return indent_at(self.src, node.start_byte).decode()

    def between(self, a: int, b: int) -> str:
        return self.src[a:b].decode("utf-8", "replace")


# ---------------------------------------------------------------- helpers


def _inner(node: Node) -> Node:
    """The expression inside a parenthesized condition."""
    if node.type in ("parenthesized_expression", "condition_clause") and node.named_children:
        return node.named_children[-1]
    return node


def _paren(node: Node, r: Renderer) -> str:
    txt = r.render(node)
    return f"({txt})" if node.type in LOOSE else txt


def _negate(node: Node, r: Renderer) -> str:
    node = _inner(node)
    py = r.lang == "python"
    if node.type in ("binary_expression", "comparison_operator"):
        ops = [c for c in node.children if not c.is_named]
        named = node.named_children
        op_text = " ".join(r.raw(o) for o in ops)
        if len(named) == 2 and op_text in INVERSE and (py or op_text not in ("in", "is")):
            left, right = named
            return f"{r.render(left)}{r.between(left.end_byte, ops[0].start_byte)}{INVERSE[op_text]}" \
                   f"{r.between(ops[-1].end_byte, right.start_byte)}{r.render(right)}"
    if py and node.type == "not_operator":
        return r.render(node.named_children[0])
    if not py and node.type == "unary_expression" and r.raw(node).startswith("!"):
        arg = node.named_children[0]
        return r.render(arg)
    simple = node.type in ("identifier", "call", "attribute", "method_invocation", "call_expression",
                           "field_access", "member_expression", "field_expression", "true", "false")
    if py:
        return f"not {r.render(node)}" if simple else f"not ({r.render(node)})"
    return f"!{r.render(node)}" if simple else f"!({r.render(node)})"


def _block_body(node: Node, r: Renderer, indent: str) -> tuple[str, bool]:
    """Rendered body text without its braces, and whether it was a braced block."""
    txt = r.render(node)
    if node.type in BLOCK_TYPES[r.lang] and txt.startswith("{") and txt.endswith("}"):
        inner = txt[1:-1].strip("\n").rstrip()
        if "\n" not in inner:
            inner = indent + r.unit + inner.strip()
        return inner, True
    return indent + r.unit + txt, False


def _braced(node: Node, r: Renderer, indent: str) -> str:
    if node.type in BLOCK_TYPES[r.lang]:
        return r.render(node)
    return "{\n" + indent + r.unit + r.render(node) + "\n" + indent + "}"


def _in_statement_list(node: Node, lang: str) -> bool:
    return node.parent is not None and (node.parent.type in BLOCK_TYPES[lang] or node.parent.type in STATEMENT_LISTS)


def _true(lang: str) -> str:
    return "1" if lang == "c" else ("True" if lang == "python" else "true")


# ---------------------------------------------------------------- C-like rewrites


def _for_parts(node: Node) -> tuple[list[Node], list[Node], list[Node], Node | None]:
    init = node.children_by_field_name("init") + node.children_by_field_name("initializer")
    cond = [c for c in node.children_by_field_name("condition") if c.is_named]
    update = node.children_by_field_name("update") + node.children_by_field_name("increment")
    return init, cond, update, node.child_by_field_name("body")


def _for_to_while(node: Node, r: Renderer) -> str:
    init, cond, update, body = _for_parts(node)
    assert body is not None
    ind = r.indent(node)
    declares = False
    init_lines: list[str] = []
    for part in init:
        t = r.render(part).strip()
        if part.type in ("local_variable_declaration", "declaration", "lexical_declaration", "variable_declaration"):
            declares = True
        if t and t != ";":
            init_lines.append(t if t.endswith(";") else t + ";")
    cond_text = r.render(_inner(cond[0])) if cond else _true(r.lang)
    if cond and cond_text.endswith(";"):
        cond_text = cond_text[:-1]
    upd: list[str] = []
    for u in update:
        t = r.render(u)
        if u.type == "comma_expression" and r.lang == "c":
            upd.append(t + ";")
        elif u.type == "sequence_expression":
            upd.extend(s.strip() + ";" for s in t.split(","))
        else:
            upd.append(t + ";")
    inner, _ = _block_body(body, r, ind)
    tail = "".join("\n" + ind + r.unit + u for u in upd)
    loop = f"while ({cond_text}) {{\n{inner}{tail}\n{ind}}}"
    if not init_lines:
        return loop
    if declares or not _in_statement_list(node, r.lang):
        return "{\n" + ind + r.unit + ("\n" + ind + r.unit).join(init_lines) + "\n" + ind + r.unit + loop + \
            "\n" + ind + "}"
    return ("\n" + ind).join(init_lines) + "\n" + ind + loop


def _while_to_for(node: Node, r: Renderer) -> str:
    cond = node.child_by_field_name("condition")
    body = node.child_by_field_name("body")
    assert cond is not None and body is not None
    return f"for (; {r.render(_inner(cond))}; ) {r.render(body)}"


def _while_true(node: Node, r: Renderer) -> str:
    cond = node.child_by_field_name("condition")
    body = node.child_by_field_name("body")
    assert cond is not None and body is not None
    ind = r.indent(node)
    inner, _ = _block_body(body, r, ind)
    guard = f"{ind}{r.unit}if ({_negate(cond, r)}) {{\n{ind}{r.unit}{r.unit}break;\n{ind}{r.unit}}}"
    return f"while ({_true(r.lang)}) {{\n{guard}\n{inner}\n{ind}}}"


def _else_statement(node: Node) -> Node | None:
    alt = node.child_by_field_name("alternative")
    if alt is not None and alt.type == "else_clause":
        return alt.named_children[-1] if alt.named_children else None
    return alt


def _invert_if(node: Node, r: Renderer) -> str:
    cond = node.child_by_field_name("condition")
    cons = node.child_by_field_name("consequence")
    alt = _else_statement(node)
    assert cond is not None and cons is not None and alt is not None
    ind = r.indent(node)
    return f"if ({_negate(cond, r)}) {_braced(alt, r, ind)} else {_braced(cons, r, ind)}"


def _ternary_parts(expr: Node) -> tuple[Node, Node, Node]:
    c = expr.child_by_field_name("condition")
    a = expr.child_by_field_name("consequence")
    b = expr.child_by_field_name("alternative")
    if c is None or a is None or b is None:
        named = expr.named_children
        if expr.type == "conditional_expression" and len(named) == 3:  # python: a if c else b
            return named[1], named[0], named[2]
        raise ValueError("ternary without parts")
    return c, a, b


def _ternary_statement(node: Node, r: Renderer) -> str:
    ind = r.indent(node)
    u = r.unit
    if node.type == "return_statement":
        expr = node.named_children[0]
        c, a, b = _ternary_parts(expr)
        return f"if ({r.render(_inner(c))}) {{\n{ind}{u}return {r.render(a)};\n{ind}}} else {{\n{ind}{u}return " \
               f"{r.render(b)};\n{ind}}}"
    if node.type == "expression_statement":
        assign = node.named_children[0]
        left = assign.child_by_field_name("left")
        c, a, b = _ternary_parts(assign.child_by_field_name("right"))
        lhs = r.render(left)
        return f"if ({r.render(_inner(c))}) {{\n{ind}{u}{lhs} = {r.render(a)};\n{ind}}} else {{\n{ind}{u}{lhs} = " \
               f"{r.render(b)};\n{ind}}}"
    # declaration with one declarator
    decl = _single_declarator(node)
    assert decl is not None
    name_node, value = decl
    head = r.between(node.start_byte, value.start_byte).rstrip().rstrip("=").rstrip()
    if r.lang == "javascript" and head.startswith("const"):
        head = "let" + head[5:]
    c, a, b = _ternary_parts(value)
    name = r.raw(name_node)
    return f"{head};\n{ind}if ({r.render(_inner(c))}) {{\n{ind}{u}{name} = {r.render(a)};\n{ind}}} else {{\n" \
           f"{ind}{u}{name} = {r.render(b)};\n{ind}}}"


def _single_declarator(node: Node) -> tuple[Node, Node] | None:
    """(name, value) of a one-variable declaration whose value is a ternary."""
    decls = [c for c in node.named_children if c.type in ("variable_declarator", "init_declarator")]
    if len(decls) != 1:
        return None
    d = decls[0]
    value = d.child_by_field_name("value")
    name = d.child_by_field_name("name") or d.child_by_field_name("declarator")
    if value is None or name is None or value.type not in TERNARY:
        return None
    while name is not None and name.type == "pointer_declarator":
        name = name.child_by_field_name("declarator")
    if name is None or name.type != "identifier":
        return None
    return name, value


def _branch_single(node: Node, lang: str) -> Node | None:
    """The single statement of a branch (a bare statement or a block holding exactly one)."""
    if node.type in BLOCK_TYPES[lang]:
        stmts = [c for c in node.named_children if "comment" not in c.type]
        if len(stmts) != 1 or len(stmts) != len(node.named_children):
            return None
        return stmts[0]
    return node


def _if_to_ternary_parts(node: Node, lang: str) -> tuple[str, Node, Node] | None:
    """('assign'|'return', a, b) when both branches assign the same target or both return a value."""
    cons = node.child_by_field_name("consequence")
    alt = _else_statement(node) if lang != "python" else None
    if lang == "python":
        alt_clause = node.child_by_field_name("alternative")
        n_alts = len(node.children_by_field_name("alternative"))
        if alt_clause is None or alt_clause.type != "else_clause" or n_alts != 1:
            return None
        alt = alt_clause.child_by_field_name("body")
    if cons is None or alt is None:
        return None
    a, b = _branch_single(cons, lang), _branch_single(alt, lang)
    if a is None or b is None or a.type != b.type:
        return None
    if a.type == "return_statement" and a.named_children and b.named_children:
        return "return", a, b
    if a.type == "expression_statement" and a.named_child_count == 1 and b.named_child_count == 1:
        x, y = a.named_children[0], b.named_children[0]
        if x.type in ASSIGN and y.type in ASSIGN:
            lx, ly = x.child_by_field_name("left"), y.child_by_field_name("left")
            ox = [c.type for c in x.children if not c.is_named]
            oy = [c.type for c in y.children if not c.is_named]
            if lx is not None and ly is not None and lx.text == ly.text and ox == oy == ["="] and \
                    x.child_by_field_name("type") is None and y.child_by_field_name("type") is None:
                return "assign", a, b
    return None


def _if_to_ternary(node: Node, r: Renderer) -> str:
    parts = _if_to_ternary_parts(node, r.lang)
    assert parts is not None
    kind, a, b = parts
    cond = node.child_by_field_name("condition")
    assert cond is not None
    py = r.lang == "python"
    c_txt = _paren(_inner(cond), r)
    if kind == "return":
        va, vb = a.named_children[0], b.named_children[0]
        if py:
            return f"return {_paren(va, r)} if {c_txt} else {_paren(vb, r)}"
        return f"return {c_txt} ? {_paren(va, r)} : {_paren(vb, r)};"
    xa, xb = a.named_children[0], b.named_children[0]
    left = r.render(xa.child_by_field_name("left"))
    ra, rb = xa.child_by_field_name("right"), xb.child_by_field_name("right")
    if py:
        return f"{left} = {_paren(ra, r)} if {c_txt} else {_paren(rb, r)}"
    return f"{left} = {c_txt} ? {_paren(ra, r)} : {_paren(rb, r)};"


def _increment(node: Node, r: Renderer) -> str:
    """``i++`` -> ``i += 1`` and ``i += 1`` -> ``i++`` (C-like); ``x += e`` -> ``x = x + e`` (Python, C, JS)."""
    if node.type == "update_expression":
        arg = node.named_children[0]
        op = "+=" if "++" in r.raw(node) else "-="
        return f"{r.render(arg)} {op} 1"
    left = node.child_by_field_name("left")
    right = node.child_by_field_name("right")
    op = next(r.raw(c) for c in node.children if not c.is_named)
    if r.lang != "python" and r.raw(right) == "1" and op in ("+=", "-="):
        return f"{r.render(left)}{'++' if op == '+=' else '--'}"
    return f"{r.render(left)} = {r.render(left)} {op[:-1]} {_paren(right, r)}"


# ---------------------------------------------------------------- Python rewrites


def _py_while_true(node: Node, r: Renderer) -> str:
    cond = node.child_by_field_name("condition")
    body = node.child_by_field_name("body")
    assert cond is not None and body is not None
    colon = next(c for c in node.children if c.type == ":")
    bi = r.indent(body)
    gap = r.between(colon.end_byte, body.start_byte)
    return f"while True:{gap}if {_negate(cond, r)}:\n{bi}{r.unit}break\n{bi}{r.render(body)}"


def _py_for_range(node: Node, r: Renderer) -> str:
    left = node.child_by_field_name("left")
    right = node.child_by_field_name("right")
    body = node.child_by_field_name("body")
    assert left is not None and right is not None and body is not None
    args = right.child_by_field_name("arguments").named_children
    start, stop = ("0", r.render(args[0])) if len(args) == 1 else (r.render(args[0]), r.render(args[1]))
    ind = r.indent(node)
    bi = r.indent(body)
    var = r.raw(left)
    colon = next(c for c in node.children if c.type == ":")
    gap = r.between(colon.end_byte, body.start_byte)
    return f"{var} = {start}\n{ind}while {var} < {stop}:{gap}{r.render(body)}\n{bi}{var} += 1"


def _py_for_iter(node: Node, r: Renderer) -> str:
    left = node.child_by_field_name("left")
    right = node.child_by_field_name("right")
    body = node.child_by_field_name("body")
    assert left is not None and right is not None and body is not None
    ind = r.indent(node)
    bi = r.indent(body)
    u = r.unit
    it = r.fresh("iterator")
    colon = next(c for c in node.children if c.type == ":")
    gap = r.between(colon.end_byte, body.start_byte)
    return f"{it} = iter({r.render(right)})\n{ind}while True:{gap}try:\n{bi}{u}{r.render(left)} = next({it})\n" \
           f"{bi}except StopIteration:\n{bi}{u}break\n{bi}{r.render(body)}"


def _py_comprehension(node: Node, r: Renderer) -> str:
    assign = node.named_children[0]
    left = assign.child_by_field_name("left")
    comp = assign.child_by_field_name("right")
    assert left is not None and comp is not None
    ind = r.indent(node)
    u = r.unit
    body = comp.child_by_field_name("body")
    clauses = [c for c in comp.named_children if c.type in ("for_in_clause", "if_clause")]
    name = r.render(left)
    lines = [f"{name} = []"]
    depth = 0
    for c in clauses:
        if c.type == "for_in_clause":
            lines.append(f"{u * depth}for {r.render(c.child_by_field_name('left'))} in "
                         f"{r.render(c.child_by_field_name('right'))}:")
        else:
            lines.append(f"{u * depth}if {r.render(c.named_children[0])}:")
        depth += 1
    lines.append(f"{u * depth}{name}.append({r.render(body)})")
    return ("\n" + ind).join(lines)


def _py_invert_if(node: Node, r: Renderer) -> str:
    cond = node.child_by_field_name("condition")
    cons = node.child_by_field_name("consequence")
    alt = node.child_by_field_name("alternative")
    assert cond is not None and cons is not None and alt is not None
    body = alt.child_by_field_name("body")
    assert body is not None
    colon = next(c for c in node.children if c.type == ":")
    return f"if {_negate(cond, r)}{r.between(colon.start_byte, cons.start_byte)}{r.render(body)}" \
           f"{r.between(cons.end_byte, body.start_byte)}{r.render(cons)}"


def _py_ternary(node: Node, r: Renderer) -> str:
    ind = r.indent(node)
    u = r.unit
    inner = node.named_children[0]
    if node.type == "return_statement":
        c, a, b = _ternary_parts(inner)
        return f"if {r.render(c)}:\n{ind}{u}return {r.render(a)}\n{ind}else:\n{ind}{u}return {r.render(b)}"
    left = inner.child_by_field_name("left")
    c, a, b = _ternary_parts(inner.child_by_field_name("right"))
    lhs = r.render(left)
    return f"if {r.render(c)}:\n{ind}{u}{lhs} = {r.render(a)}\n{ind}else:\n{ind}{u}{lhs} = {r.render(b)}"


# ---------------------------------------------------------------- site discovery


def _has(node: Node, types: set[str]) -> bool:
    return any(n.type in types for n in walk(node))


def _java_wide(root: Node, src: bytes, name: bytes) -> bool:
    """Whether a Java variable is declared (somewhere in the file) with a type where ``x op= e`` == ``x = x op e``."""
    for n in walk(root):
        if n.type in ("local_variable_declaration", "field_declaration", "formal_parameter"):
            typ = n.child_by_field_name("type")
            names = [d.child_by_field_name("name") for d in n.named_children if d.type == "variable_declarator"]
            names += [n.child_by_field_name("name")] if n.type == "formal_parameter" else []
            if any(x is not None and src[x.start_byte:x.end_byte] == name for x in names):
                return typ is not None and src[typ.start_byte:typ.end_byte] in (b"int", b"long", b"double", b"String")
    return False


def _sites_c_like(root: Node, src: bytes, lang: str) -> list[tuple[Node, str, Callable[[Node, Renderer], str]]]:
    out: list[tuple[Node, str, Callable[[Node, Renderer], str]]] = []
    for n in walk(root):
        t = n.type
        if t == "for_statement":
            init, cond, update, body = _for_parts(n)
            if body is not None and not _has(body, {"continue_statement"}) and (init or update) and \
                    not (lang == "c" and b"#" in src[n.start_byte:n.end_byte]):
                out.append((n, "for-while", _for_to_while))
        elif t == "while_statement" and n.child_by_field_name("body") is not None:
            cond = n.child_by_field_name("condition")
            if cond is not None and src[cond.start_byte:cond.end_byte].strip(b"() ") not in (b"true", b"1"):
                out.append((n, "while-for", _while_to_for))
                if n.child_by_field_name("body").type in BLOCK_TYPES[lang]:
                    out.append((n, "while-true", _while_true))
        elif t == "if_statement" and _else_statement(n) is not None:
            out.append((n, "invert", _invert_if))
            if _if_to_ternary_parts(n, lang) is not None:
                out.append((n, "if-ternary", _if_to_ternary))
        elif t == "return_statement" and n.named_children and n.named_children[0].type in TERNARY and \
                starts_line(src, n):
            out.append((n, "ternary-if", _ternary_statement))
        elif t == "expression_statement" and n.named_child_count == 1 and starts_line(src, n):
            e = n.named_children[0]
            right = e.child_by_field_name("right") if e.type in ASSIGN else None
            ops = [c.type for c in e.children if not c.is_named]
            if right is not None and right.type in TERNARY and ops == ["="] and _in_statement_list(n, lang):
                out.append((n, "ternary-if", _ternary_statement))
        elif t in ("local_variable_declaration", "declaration", "lexical_declaration") and starts_line(src, n) and \
                _single_declarator(n) is not None and _in_statement_list(n, lang) and \
                b"var " not in src[n.start_byte:n.start_byte + 4] and not _has(n, {"type_qualifier"}):
            out.append((n, "ternary-if", _ternary_statement))
        if t == "update_expression" and n.parent is not None and (
                n.parent.type == "expression_statement" or n.parent.child_by_field_name("update") == n
                or n.parent.child_by_field_name("increment") == n):
            out.append((n, "incr", _increment))
        elif t in ("assignment_expression", "augmented_assignment_expression") and n.parent is not None and \
                n.parent.type == "expression_statement":
            op = next((c.type for c in n.children if not c.is_named), "")
            left = n.child_by_field_name("left")
            right = n.child_by_field_name("right")
            if op in ("+=", "-=") and right is not None and src[right.start_byte:right.end_byte] == b"1":
                out.append((n, "incr", _increment))
            elif op in ("+=", "-=", "*=", "|=", "&=", "^=") and left is not None and left.type == "identifier" and \
                    (lang != "java" or _java_wide(root, src, src[left.start_byte:left.end_byte])):
                out.append((n, "incr", _increment))
    return out


def _sites_python(root: Node, src: bytes) -> list[tuple[Node, str, Callable[[Node, Renderer], str]]]:
    out: list[tuple[Node, str, Callable[[Node, Renderer], str]]] = []
    for n in walk(root):
        t = n.type
        if t == "while_statement" and n.child_by_field_name("alternative") is None:
            body = n.child_by_field_name("body")
            cond = n.child_by_field_name("condition")
            if body is not None and starts_line(src, body) and cond is not None and \
                    src[cond.start_byte:cond.end_byte] not in (b"True", b"1"):
                out.append((n, "while-true", _py_while_true))
        elif t == "for_statement" and n.child_by_field_name("alternative") is None and starts_line(src, n):
            right = n.child_by_field_name("right")
            left = n.child_by_field_name("left")
            body = n.child_by_field_name("body")
            if right is not None and right.type == "call" and src[right.start_byte:right.start_byte + 6] == \
                    b"range(" and left is not None and left.type == "identifier" and body is not None and \
                    starts_line(src, body) and not _has(body, {"continue_statement"}) and \
                    b"async" not in src[n.start_byte - 6:n.start_byte]:
                args = right.child_by_field_name("arguments")
                if args is not None and 1 <= len(args.named_children) <= 2 and all(
                        a.type not in ("keyword_argument", "list_splat") for a in args.named_children):
                    out.append((n, "for-while", _py_for_range))
            elif right is not None and left is not None and body is not None and starts_line(src, body) and \
                    b"async" not in src[max(0, n.start_byte - 6):n.start_byte]:
                out.append((n, "for-while", _py_for_iter))
        elif t == "if_statement" and starts_line(src, n):
            alts = n.children_by_field_name("alternative")
            cons = n.child_by_field_name("consequence")
            if len(alts) == 1 and alts[0].type == "else_clause" and cons is not None and starts_line(src, cons):
                body = alts[0].child_by_field_name("body")
                if body is not None and starts_line(src, body) and \
                        src[cons.end_byte:body.start_byte].count(b"\n") <= 2:
                    out.append((n, "invert", _py_invert_if))
                if _if_to_ternary_parts(n, "python") is not None:
                    out.append((n, "if-ternary", _if_to_ternary))
        elif t in ("expression_statement", "return_statement") and starts_line(src, n) and n.named_children and \
                n.parent is not None and n.parent.type in ("block", "module"):
            inner = n.named_children[0]
            if t == "return_statement" and inner.type == "conditional_expression":
                out.append((n, "ternary-if", _py_ternary))
            elif t == "expression_statement" and inner.type == "assignment" and \
                    inner.child_by_field_name("type") is None:
                right = inner.child_by_field_name("right")
                left = inner.child_by_field_name("left")
                if right is not None and right.type == "conditional_expression" and left is not None and \
                        left.type in ("identifier", "attribute", "subscript"):
                    out.append((n, "ternary-if", _py_ternary))
                if right is not None and right.type == "list_comprehension" and left is not None and \
                        left.type == "identifier" and n.parent.type == "block" and \
                        not _has(right, {"await", "named_expression"}):
                    out.append((n, "comprehension", _py_comprehension))
        if t == "augmented_assignment" and n.parent is not None and n.parent.type == "expression_statement":
            left = n.child_by_field_name("left")
            if left is not None and left.type in ("identifier", "attribute"):
                out.append((n, "incr", _increment))
    return out


def transform(src: bytes, lang: str, strength: int, rng: random.Random, *,
              exclude: frozenset[str] = frozenset()) -> bytes:
    """Rewrite a strength-dependent share of loops, branches, ternaries and increments.

    ``exclude`` names rewrite kinds to leave out (``invert``, ``incr``, ...): a second pass over already rewritten
    code leaves out the kinds that would undo the first pass.
    """
    root = parse(lang, src).root_node
    found = _sites_python(root, src) if lang == "python" else _sites_c_like(root, src, lang)
    if exclude:
        found = [site for site in found if site[1] not in exclude]
    by_node: dict[Key, list[tuple[Node, str, Callable[[Node, Renderer], str]]]] = {}
    for site in found:
        by_node.setdefault(_key(site[0]), []).append(site)
    keys = sorted(by_node)
    if not keys:
        return src
    # Structural rewrites count for more than ++ forms: prefer them when few sites are taken.
    structural = [k for k in keys if any(s[1] != "incr" for s in by_node[k])]
    frac = FRACTION[strength]
    k_struct = max(1, round(len(structural) * frac)) if structural else 0
    chosen = set(rng.sample(structural, min(k_struct, len(structural))))
    rest = [k for k in keys if k not in structural]
    chosen |= set(rng.sample(rest, min(round(len(rest) * frac), len(rest))))
    if not chosen:
        chosen = {rng.choice(keys)}
    sites = {k: rng.choice(by_node[k])[2] for k in sorted(chosen)}
    r = Renderer(src, lang, sites)
    r.names = NameMaker(rng, lang, src)
    r.mark(root)
    return r.render(root).encode("utf-8")
