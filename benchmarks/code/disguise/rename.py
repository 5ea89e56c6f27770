"""Consistent identifier renaming: locals, parameters, fields, methods, functions and types declared in the file.

Names come from the file's own declarations only, so library names, keywords and imported names stay. Every
occurrence of a chosen name in a role where it was declared (variable, attribute/field/method, type) gets the
same new name; a new name never collides with any word already in the file.
"""

from __future__ import annotations

import random
import re

from langs import parse, walk
from tree_sitter import Node

from disguise.base import Edit, NameMaker, apply_edits, has_ancestor, pick, text

JAVA_KEEP = frozenset(
    "main toString equals hashCode compareTo compare run call close iterator get set put apply accept test clone "
    "finalize size isEmpty contains add remove next hasNext length charAt subSequence read write flush hash "
    "getMessage getCause values valueOf ordinal name append start stop init destroy execute handle visit".split()
)
PY_KEEP = frozenset(
    "run get set close read write flush send recv emit format filter handle update copy keys values items append "
    "extend pop clear start stop join result open encode decode match search split strip lower upper add remove "
    "discard insert index count sort reverse name value parent children args kwargs data message exception error "
    "headers url method status_code text content path mode size type key default id self cls setup teardown main "
    "cancel done send_all connect request response response_class fileno seek tell readline readlines writelines "
    "next iter le lt ge gt eq ne".split()
)
JS_KEEP = frozenset(
    "constructor then catch finally next return throw toString valueOf toJSON get set has delete add clear "
    "length push pop shift unshift call apply bind on emit once off handle render prototype default".split()
)
_PY_PROTOCOL = re.compile(r"^(visit|test|do|setUp|tearDown|handle|_?on)_?")


def _declarator_name(node: Node | None) -> Node | None:
    """Follow a C declarator chain to the declared identifier (None for function declarators)."""
    while node is not None:
        if node.type in ("identifier", "field_identifier", "type_identifier"):
            return node
        if node.type == "function_declarator":
            return None
        node = node.child_by_field_name("declarator")
    return None


def _roles_java(root: Node, src: bytes) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {"var": set(), "method": set(), "type": set()}
    for n in walk(root):
        t = n.type
        name = n.child_by_field_name("name")
        if t in ("class_declaration", "interface_declaration", "enum_declaration", "record_declaration",
                 "annotation_type_declaration") and name:
            roles["type"].add(text(name, src))
        elif t == "method_declaration" and name:
            mods = next((c for c in n.children if c.type == "modifiers"), None)
            if mods is not None and "@Override" in text(mods, src):
                continue
            if has_ancestor(n, {"interface_body", "object_creation_expression", "enum_body"}):
                continue
            roles["method"].add(text(name, src))
        elif t in ("variable_declarator", "formal_parameter", "catch_formal_parameter", "enhanced_for_statement",
                   "enum_constant", "resource") and name and name.type == "identifier":
            roles["var"].add(text(name, src))
        elif t == "lambda_expression":
            params = n.child_by_field_name("parameters")
            if params is not None and params.type == "identifier":
                roles["var"].add(text(params, src))
            elif params is not None and params.type == "inferred_parameters":
                roles["var"].update(text(c, src) for c in params.named_children if c.type == "identifier")
    roles["method"] -= JAVA_KEEP
    return roles


def _sites_java(root: Node, src: bytes, roles: dict[str, set[str]], mapping: dict[str, str]) -> list[Edit]:
    edits = []
    for n in walk(root):
        if n.type not in ("identifier", "type_identifier"):
            continue
        name = text(n, src)
        if name not in mapping:
            continue
        parent = n.parent
        if has_ancestor(n, {"import_declaration", "package_declaration"}):
            continue
        if parent is not None and parent.type in ("marker_annotation", "annotation"):
            continue
        field = "name" if parent is not None and parent.child_by_field_name("name") == n else None
        if n.type == "type_identifier":
            role = "type"
        elif parent is not None and parent.type in ("method_declaration", "method_invocation") and field == "name":
            role = "method"
        elif parent is not None and parent.type == "method_reference" and n.end_byte == parent.end_byte:
            role = "method"
        elif parent is not None and parent.type == "constructor_declaration" and field == "name":
            role = "type"
        elif name in roles["var"]:
            role = "var"
        else:
            role = "type"
        if name in roles[role]:
            edits.append(Edit(n.start_byte, n.end_byte, mapping[name].encode()))
    return edits


def _roles_c(root: Node, src: bytes) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {"ordinary": set(), "field": set(), "type": set()}
    macro_words: set[str] = set()
    for n in walk(root):
        t = n.type
        if t == "preproc_arg" or t == "preproc_params":
            macro_words.update(re.findall(r"[A-Za-z_]\w*", text(n, src)))
        elif t == "function_definition":
            decl = n.child_by_field_name("declarator")
            while decl is not None and decl.type != "function_declarator":
                decl = decl.child_by_field_name("declarator")
            if decl is not None:
                ident = decl.child_by_field_name("declarator")
                if ident is not None and ident.type == "identifier":
                    roles["ordinary"].add(text(ident, src))
                params = decl.child_by_field_name("parameters")
                for p in params.named_children if params is not None else []:
                    got = _declarator_name(p.child_by_field_name("declarator"))
                    if got is not None:
                        roles["ordinary"].add(text(got, src))
        elif t == "declaration":
            if any(c.type == "storage_class_specifier" and text(c, src) == "extern" for c in n.children):
                continue
            for d in n.children_by_field_name("declarator"):
                got = _declarator_name(d)
                if got is not None and got.type == "identifier":
                    roles["ordinary"].add(text(got, src))
        elif t == "field_declaration":
            for d in n.children_by_field_name("declarator"):
                got = _declarator_name(d)
                if got is not None and got.type == "field_identifier":
                    roles["field"].add(text(got, src))
        elif t == "type_definition":
            for d in n.children_by_field_name("declarator"):
                got = _declarator_name(d)
                if got is not None and got.type == "type_identifier":
                    roles["type"].add(text(got, src))
        elif t in ("struct_specifier", "union_specifier", "enum_specifier"):
            name = n.child_by_field_name("name")
            if name is not None and n.child_by_field_name("body") is not None:
                roles["type"].add(text(name, src))
        elif t == "enumerator":
            roles["ordinary"].add(text(n.child_by_field_name("name"), src))
        elif t in ("preproc_def", "preproc_function_def"):
            roles["ordinary"].add(text(n.child_by_field_name("name"), src))
    for k in roles:
        roles[k] -= macro_words
        roles[k].discard("main")
    return roles


def _sites_c(root: Node, src: bytes, roles: dict[str, set[str]], mapping: dict[str, str]) -> list[Edit]:
    kinds = {"identifier": "ordinary", "field_identifier": "field", "type_identifier": "type"}
    edits = []
    for n in walk(root):
        role = kinds.get(n.type)
        if role is None:
            continue
        name = text(n, src)
        if name in mapping and name in roles[role] and not has_ancestor(n, {"preproc_include"}):
            edits.append(Edit(n.start_byte, n.end_byte, mapping[name].encode()))
    return edits


def _targets(node: Node, src: bytes) -> list[str]:
    """Identifiers bound by an assignment/for target (Python)."""
    if node.type == "identifier":
        return [text(node, src)]
    if node.type in ("pattern_list", "tuple_pattern", "list_pattern", "list_splat_pattern", "parenthesized_expression"):
        out: list[str] = []
        for c in node.named_children:
            out.extend(_targets(c, src))
        return out
    return []


def _roles_python(root: Node, src: bytes) -> dict[str, set[str]]:
    var: set[str] = set()
    attr: set[str] = set()
    banned: set[str] = set()
    for n in walk(root):
        t = n.type
        if t in ("import_statement", "import_from_statement", "future_import_statement"):
            banned.update(re.findall(r"[A-Za-z_]\w*", text(n, src)))
        elif t == "keyword_argument":
            banned.add(text(n.child_by_field_name("name"), src))
        elif t in ("function_definition", "class_definition"):
            name = text(n.child_by_field_name("name"), src)
            owner = n.parent.parent if n.parent is not None and n.parent.type == "decorated_definition" else n
            holder = owner.parent
            in_class = holder is not None and holder.type == "block" and holder.parent is not None and \
                holder.parent.type == "class_definition"
            if t == "function_definition" and in_class:
                if not _PY_PROTOCOL.match(name):
                    attr.add(name)
            else:
                var.add(name)
            if t == "function_definition":
                params = n.child_by_field_name("parameters")
                for p in params.named_children if params is not None else []:
                    if p.type == "identifier":
                        var.add(text(p, src))
                    elif p.type in ("default_parameter", "typed_default_parameter"):
                        var.add(text(p.child_by_field_name("name"), src))
                    elif p.type in ("typed_parameter", "list_splat_pattern", "dictionary_splat_pattern"):
                        ident = next((c for c in p.named_children if c.type == "identifier"), None)
                        if ident is not None:
                            var.add(text(ident, src))
        elif t in ("assignment", "augmented_assignment"):
            left = n.child_by_field_name("left")
            if left is None:
                continue
            names = _targets(left, src)
            var.update(names)
            holder = n.parent.parent if n.parent is not None else None
            if holder is not None and holder.type == "block" and holder.parent is not None and \
                    holder.parent.type == "class_definition":
                attr.update(names)
            if left.type == "attribute":
                obj = left.child_by_field_name("object")
                if obj is not None and text(obj, src) in ("self", "cls"):
                    attr.add(text(left.child_by_field_name("attribute"), src))
        elif t in ("for_statement", "for_in_clause"):
            left = n.child_by_field_name("left")
            if left is not None:
                var.update(_targets(left, src))
        elif t == "as_pattern_target" or t == "named_expression":
            target = n if t == "as_pattern_target" else n.child_by_field_name("name")
            if target is not None:
                for c in walk(target):
                    if c.type == "identifier":
                        var.add(text(c, src))
                        break
        elif t == "lambda_parameters":
            var.update(text(c, src) for c in n.named_children if c.type == "identifier")
        elif t == "expression_statement" and text(n, src).startswith("__all__"):
            banned.update(re.findall(r"[\"'](\w+)[\"']", text(n, src)))
    dunder = {x for x in var | attr if x.startswith("__") and x.endswith("__")}
    var -= banned | dunder | {"self", "cls", "_"}
    attr -= banned | dunder | PY_KEEP | {"self", "cls", "_"}
    return {"var": var, "attr": attr}


def _sites_python(root: Node, src: bytes, roles: dict[str, set[str]], mapping: dict[str, str]) -> list[Edit]:
    edits = []
    for n in walk(root):
        if n.type != "identifier":
            continue
        name = text(n, src)
        if name not in mapping:
            continue
        parent = n.parent
        if parent is None or has_ancestor(n, {"import_statement", "import_from_statement"}):
            continue
        if parent.type == "keyword_argument" and parent.child_by_field_name("name") == n:
            continue
        if parent.type == "attribute" and parent.child_by_field_name("attribute") == n:
            role = "attr"
        elif parent.type == "function_definition" and parent.child_by_field_name("name") == n:
            owner = parent.parent if parent.parent is not None and parent.parent.type == "decorated_definition" \
                else parent
            holder = owner.parent
            in_class = holder is not None and holder.type == "block" and holder.parent is not None and \
                holder.parent.type == "class_definition"
            role = "attr" if in_class else "var"
        else:
            role = "var"
        if name in roles[role]:
            edits.append(Edit(n.start_byte, n.end_byte, mapping[name].encode()))
    return edits


def _roles_js(root: Node, src: bytes) -> dict[str, set[str]]:
    var: set[str] = set()
    attr: set[str] = set()
    banned: set[str] = set()
    for n in walk(root):
        t = n.type
        if t in ("import_statement", "export_specifier"):
            banned.update(re.findall(r"[A-Za-z_$][\w$]*", text(n, src)))
        elif t in ("function_declaration", "generator_function_declaration", "class_declaration",
                   "function_expression"):
            name = n.child_by_field_name("name")
            if name is not None:
                var.add(text(name, src))
        elif t == "variable_declarator":
            name = n.child_by_field_name("name")
            for c in walk(name) if name is not None else []:
                if c.type in ("identifier", "shorthand_property_identifier_pattern"):
                    var.add(text(c, src))
        elif t in ("formal_parameters", "catch_clause", "arrow_function"):
            for c in n.named_children:
                if c.type == "identifier":
                    var.add(text(c, src))
                elif c.type in ("assignment_pattern", "rest_pattern"):
                    first = c.named_children[0] if c.named_children else None
                    if first is not None and first.type == "identifier":
                        var.add(text(first, src))
        elif t == "method_definition":
            name = n.child_by_field_name("name")
            if name is not None and name.type == "property_identifier":
                attr.add(text(name, src))
        elif t == "assignment_expression":
            left = n.child_by_field_name("left")
            if left is not None and left.type == "member_expression":
                obj = left.child_by_field_name("object")
                if obj is not None and obj.type == "this":
                    attr.add(text(left.child_by_field_name("property"), src))
    var -= banned | JS_KEEP
    attr -= banned | JS_KEEP
    return {"var": var, "attr": attr}


def _sites_js(root: Node, src: bytes, roles: dict[str, set[str]], mapping: dict[str, str]) -> list[Edit]:
    edits = []
    for n in walk(root):
        name = text(n, src)
        if name not in mapping or has_ancestor(n, {"import_statement", "export_clause"}):
            continue
        if n.type == "identifier" and name in roles["var"]:
            edits.append(Edit(n.start_byte, n.end_byte, mapping[name].encode()))
        elif n.type in ("shorthand_property_identifier", "shorthand_property_identifier_pattern") and \
                name in roles["var"]:
            edits.append(Edit(n.start_byte, n.end_byte, f"{name}: {mapping[name]}".encode()))
        elif n.type == "property_identifier" and name in roles["attr"]:
            edits.append(Edit(n.start_byte, n.end_byte, mapping[name].encode()))
    return edits


_ROLES = {"java": _roles_java, "c": _roles_c, "python": _roles_python, "javascript": _roles_js}
_SITES = {"java": _sites_java, "c": _sites_c, "python": _sites_python, "javascript": _sites_js}


def transform(src: bytes, lang: str, strength: int, rng: random.Random) -> bytes:
    """Rename a strength-dependent share of the file's declared names, consistently."""
    root = parse(lang, src).root_node
    roles = _ROLES[lang](root, src)
    names = sorted(set().union(*roles.values()))
    names = [n for n in names if len(n) > 1 or strength == 3]
    chosen = pick(rng, names, strength)
    maker = NameMaker(rng, lang, src)
    mapping = {old: maker.rename(old) for old in chosen}
    return apply_edits(src, _SITES[lang](root, src, roles, mapping))
