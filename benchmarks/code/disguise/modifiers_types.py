"""Modifier and type changes: access modifiers, ``final``/``const``/``static``, int->long, Python type hints."""

from __future__ import annotations

import random
import re

from langs import parse, walk
from tree_sitter import Node

from disguise.base import Edit, apply_edits, has_ancestor, non_overlapping, pick, text

WIDER = {"int": "long", "float": "double", "short": "int"}
C_WIDER = {"int": "long", "float": "double", "short": "int", "unsigned": "unsigned long"}
COMPARISONS = frozenset({"<", ">", "<=", ">=", "==", "!="})
PY_HINTS = {"integer": "int", "float": "float", "string": "str", "true": "bool", "false": "bool"}
NAME_HINTS = (
    (re.compile(r"^(n|i|j|k|count|num|size|index|idx|length|width|height|offset|limit|level|depth)(_|$)"), "int"),
    (re.compile(r"(name|path|text|prefix|suffix|label|title|key|msg|message|encoding|sep)$"), "str"),
    (re.compile(r"^(is|has|use|allow|enable|should|strict|verbose|force)_?"), "bool"),
)


def _body_of(node: Node) -> Node | None:
    cur = node.parent
    while cur is not None and cur.type not in ("method_declaration", "constructor_declaration", "function_definition",
                                                "lambda_expression"):
        cur = cur.parent
    return cur


def _assigned(scope: Node, name: str, src: bytes) -> bool:
    """Whether ``name`` is assigned, incremented or has its address taken inside ``scope``."""
    for n in walk(scope):
        if n.type in ("assignment_expression", "augmented_assignment_expression"):
            left = n.child_by_field_name("left")
            if left is not None and text(left, src) == name:
                return True
        elif n.type == "update_expression":
            if any(text(c, src) == name for c in n.named_children):
                return True
        elif n.type == "pointer_expression" and text(n, src).replace(" ", "") == "&" + name:
            return True
    return False


def _widening_safe(scope: Node, name: str, src: bytes) -> bool:
    """Whether every use of ``name`` stays in arithmetic that ends in a comparison or an update of itself."""
    for n in walk(scope):
        if n.type != "identifier" or text(n, src) != name:
            continue
        cur = n
        while True:
            parent = cur.parent
            if parent is None:
                return False
            if parent.type == "binary_expression":
                op = next((c.type for c in parent.children if not c.is_named), "")
                if op in COMPARISONS:
                    break
                cur = parent
                continue
            if parent.type == "parenthesized_expression":
                cur = parent
                continue
            if parent.type in ("update_expression", "expression_statement"):
                break
            if parent.type in ("assignment_expression", "augmented_assignment_expression"):
                left = parent.child_by_field_name("left")
                if left is not None and text(left, src) == name:
                    break
                return False
            if parent.type in ("variable_declarator", "init_declarator"):
                nm = parent.child_by_field_name("name") or parent.child_by_field_name("declarator")
                if nm is not None and text(nm, src) == name:
                    break
                return False
            return False
    return True


def _java_sites(root: Node, src: bytes) -> list[Edit]:
    sites: list[Edit] = []
    for n in walk(root):
        if n.type == "modifiers" and n.parent is not None and n.parent.type in (
                "method_declaration", "field_declaration", "constructor_declaration", "class_declaration"):
            owner = n.parent
            skip = {"interface_body", "enum_body", "annotation_type_body"}
            if has_ancestor(owner, skip) or "@Override" in text(n, src):
                continue
            if owner.type == "method_declaration" and text(owner.child_by_field_name("name"), src) == "main":
                continue
            for tok in n.children:
                word = text(tok, src)
                end = tok.end_byte + (1 if src[tok.end_byte:tok.end_byte + 1] == b" " else 0)
                if word == "private":
                    sites.append(Edit(tok.start_byte, end, b""))
                elif word == "protected":
                    sites.append(Edit(tok.start_byte, tok.end_byte, b"public"))
                elif word == "public" and owner.type != "class_declaration":
                    sites.append(Edit(tok.start_byte, tok.end_byte, b"protected"))
                elif word == "final" and owner.type == "class_declaration":
                    sites.append(Edit(tok.start_byte, end, b""))
        elif n.type in ("local_variable_declaration", "formal_parameter") and \
                not has_ancestor(n, {"lambda_expression"}):
            mods = next((c for c in n.children if c.type == "modifiers"), None)
            scope = _body_of(n)
            if scope is None:
                continue
            if mods is not None and text(mods, src).strip() == "final":
                end = mods.end_byte + (1 if src[mods.end_byte:mods.end_byte + 1] == b" " else 0)
                sites.append(Edit(mods.start_byte, end, b""))
                continue
            typ = n.child_by_field_name("type")
            names = [text(d.child_by_field_name("name"), src) for d in n.named_children
                     if d.type == "variable_declarator"]
            if n.type == "formal_parameter":
                names = [text(n.child_by_field_name("name"), src)]
            if typ is None or text(typ, src) == "var":
                continue
            if mods is None and not any(_assigned(scope, nm, src) for nm in names) and (
                    n.type == "formal_parameter" or all(d.child_by_field_name("value") is not None
                                                        for d in n.named_children if d.type == "variable_declarator")):
                if n.parent is not None and n.parent.type not in ("for_statement",):
                    sites.append(Edit(n.start_byte, n.start_byte, b"final "))
            tname = text(typ, src)
            if n.type == "local_variable_declaration" and tname in WIDER and all(
                    _widening_safe(scope, nm, src) for nm in names):
                sites.append(Edit(typ.start_byte, typ.end_byte, WIDER[tname].encode()))
    return sites


def _c_sites(root: Node, src: bytes) -> list[Edit]:
    sites: list[Edit] = []
    for n in walk(root):
        if n.type == "function_definition":
            decl = n.child_by_field_name("declarator")
            if decl is not None and text(decl, src).startswith("main("):
                continue
            for c in n.children:
                if c.type == "storage_class_specifier" and text(c, src) == "static":
                    end = c.end_byte + (1 if src[c.end_byte:c.end_byte + 1] in (b" ", b"\n") else 0)
                    inline = any(text(x, src) == "inline" for x in n.children)
                    sites.append(Edit(c.start_byte, end, b"" if inline or n.start_point[0] % 2 else b"static inline "))
        elif n.type == "declaration" and n.parent is not None and n.parent.type == "compound_statement":
            scope = _body_of(n)
            typ = n.child_by_field_name("type")
            if scope is None or typ is None or any(c.type == "storage_class_specifier" for c in n.children):
                continue
            decls = n.children_by_field_name("declarator")
            names = []
            for d in decls:
                inner = d.child_by_field_name("declarator") if d.type == "init_declarator" else d
                if inner is None or inner.type != "identifier":
                    names = []
                    break
                names.append(text(inner, src))
            if not names:
                continue
            quals = [c for c in n.children if c.type == "type_qualifier"]
            if quals and text(quals[0], src) == "const":
                end = quals[0].end_byte + 1
                sites.append(Edit(quals[0].start_byte, end, b""))
                continue
            if all(d.type == "init_declarator" for d in decls) and not any(_assigned(scope, nm, src) for nm in names):
                sites.append(Edit(n.start_byte, n.start_byte, b"const "))
            tname = text(typ, src)
            if tname in C_WIDER and all(_widening_safe(scope, nm, src) for nm in names):
                sites.append(Edit(typ.start_byte, typ.end_byte, C_WIDER[tname].encode()))
    return sites


def _py_hint(param: Node, src: bytes, strength: int) -> str | None:
    name_node = param.child_by_field_name("name") if param.type == "default_parameter" else param
    name = text(name_node, src) if name_node is not None else ""
    if param.type == "default_parameter":
        value = param.child_by_field_name("value")
        if value is not None and value.type in PY_HINTS:
            return PY_HINTS[value.type]
        if value is not None and value.type == "none":
            return None
    for pattern, hint in NAME_HINTS:
        if pattern.search(name):
            return hint
    return "object" if strength == 3 else None


def _python_sites(root: Node, src: bytes, strength: int) -> list[Edit]:
    sites: list[Edit] = []
    for n in walk(root):
        if n.type == "typed_parameter":
            ident = next((c for c in n.children if c.type == "identifier"), None)
            if ident is not None and n.named_children[0].type == "identifier":
                sites.append(Edit(n.start_byte, n.end_byte, text(ident, src).encode()))
        elif n.type == "typed_default_parameter":
            nm, value = n.child_by_field_name("name"), n.child_by_field_name("value")
            if nm is not None and value is not None:
                sites.append(Edit(n.start_byte, n.end_byte, f"{text(nm, src)}={text(value, src)}".encode()))
        elif n.type in ("identifier", "default_parameter") and n.parent is not None and n.parent.type == "parameters":
            name = text(n if n.type == "identifier" else n.child_by_field_name("name"), src)
            if name in ("self", "cls"):
                continue
            hint = _py_hint(n, src, strength)
            if hint is None:
                continue
            if n.type == "identifier":
                sites.append(Edit(n.end_byte, n.end_byte, f": {hint}".encode()))
            else:
                value = n.child_by_field_name("value")
                sites.append(Edit(n.start_byte, n.end_byte, f"{name}: {hint} = {text(value, src)}".encode()))
        elif n.type == "function_definition":
            ret = n.child_by_field_name("return_type")
            params = n.child_by_field_name("parameters")
            body = n.child_by_field_name("body")
            if ret is not None and params is not None:
                sites.append(Edit(params.end_byte, ret.end_byte, b""))
            elif params is not None and body is not None:
                returns = [r for r in walk(body) if r.type in ("return_statement", "yield")
                           and not _nested_def(r, n)]
                if not any(r.type == "yield" or r.named_children for r in returns):
                    sites.append(Edit(params.end_byte, params.end_byte, b" -> None"))
                elif returns and all(r.type == "return_statement" and r.named_children and
                                     r.named_children[0].type in ("true", "false", "comparison_operator",
                                                                  "not_operator") for r in returns):
                    sites.append(Edit(params.end_byte, params.end_byte, b" -> bool"))
            sm = _staticmethod_site(n, src)
            if sm:
                sites.extend(sm)
        elif n.type == "assignment" and n.child_by_field_name("type") is not None and \
                n.child_by_field_name("right") is not None and _body_of(n) is not None:
            left, right = n.child_by_field_name("left"), n.child_by_field_name("right")
            sites.append(Edit(n.start_byte, n.end_byte, f"{text(left, src)} = {text(right, src)}".encode()))
    return sites


def _nested_def(node: Node, fn: Node) -> bool:
    cur = node.parent
    while cur is not None and cur != fn:
        if cur.type in ("function_definition", "lambda"):
            return True
        cur = cur.parent
    return False


def _staticmethod_site(fn: Node, src: bytes) -> list[Edit]:
    """Turn a method that never uses ``self`` into a ``@staticmethod`` (drop ``self``)."""
    if fn.parent is None or fn.parent.type != "block" or fn.parent.parent is None or \
            fn.parent.parent.type != "class_definition":
        return []
    params = fn.child_by_field_name("parameters")
    body = fn.child_by_field_name("body")
    name = text(fn.child_by_field_name("name"), src)
    if params is None or body is None or name.startswith("__") or not params.named_children:
        return []
    first = params.named_children[0]
    if text(first, src) != "self" or any(text(i, src) in ("self", "super", "__class__") for i in walk(body)
                                         if i.type == "identifier"):
        return []
    rest = params.named_children[1:]
    new_params = "(" + ", ".join(text(p, src) for p in rest) + ")"
    indent = src[src.rfind(b"\n", 0, fn.start_byte) + 1:fn.start_byte]
    return [Edit(fn.start_byte, params.end_byte, b"@staticmethod\n" + indent + src[fn.start_byte:params.start_byte] +
                 new_params.encode())]


def _js_sites(root: Node, src: bytes) -> list[Edit]:
    sites: list[Edit] = []
    for n in walk(root):
        if n.type == "lexical_declaration":
            kind = n.child_by_field_name("kind") or n.children[0]
            word = text(kind, src)
            if word == "const":
                sites.append(Edit(kind.start_byte, kind.end_byte, b"let"))
            elif word == "let" and (n.parent is None or n.parent.type != "for_statement"):
                sites.append(Edit(kind.start_byte, kind.end_byte, b"var"))
        elif n.type == "variable_declaration" and n.parent is not None and n.parent.type in ("statement_block",):
            sites.append(Edit(n.start_byte, n.start_byte + 3, b"let"))
    return sites


def transform(src: bytes, lang: str, strength: int, rng: random.Random) -> bytes:
    """Change a strength-dependent share of modifiers, qualifiers and declared types."""
    root = parse(lang, src).root_node
    if lang == "java":
        sites = _java_sites(root, src)
    elif lang == "c":
        sites = _c_sites(root, src)
    elif lang == "python":
        sites = _python_sites(root, src, strength)
    else:
        sites = _js_sites(root, src)
    sites = non_overlapping(sorted(sites, key=lambda e: (e.start, e.end)))
    return apply_edits(src, pick(rng, sites, strength))
