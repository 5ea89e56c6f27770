"""Dense rewrites used only by the strongest ``combined`` levels (4 and 5).

* ``shuffle_statements`` — every run of adjacent statements of a block gets a random order that keeps each pair of
  dependent statements in their original order (a shared name, other than an object whose different fields the
  two touch; both calling something; a jump or definition inside keeps a statement in place).
* ``flip_comparisons`` — ``a < b`` -> ``b > a``, ``a == b`` -> ``b == a`` (operands without side effects on both
  sides).
* ``temporaries`` — a call or arithmetic argument (or right-hand side) is computed into a new local first:
  ``f(g(x))`` -> ``t = g(x); f(t)``. Only where nothing evaluated earlier in the statement has side effects and the
  expression is not under a lambda, a ternary or a short-circuit operator. Java uses ``var``; C only when the
  type is known from the file (the callee's declared return type, or scalar locals all of one type).
* ``parentheses`` — redundant parentheses around arguments, right-hand sides, returned values, composite
  operands, elements of array/list/set literals and values of dictionary/object entries and keyword arguments.
* ``add_braces`` — braces round single-statement loop and branch bodies (so that dead code can go in them).
* ``number_expressions`` — small integer constants written as a sum, difference or product (``12`` -> ``(5 + 7)``).
"""

from __future__ import annotations

import functools
import random
import re

from langs import BLOCK_TYPES, parse, walk
from tree_sitter import Node

from disguise.base import Edit, NameMaker, apply_edits, indent_at, indent_unit, non_overlapping, starts_line, text

NAME_TYPES = frozenset({"identifier", "field_identifier", "property_identifier", "shorthand_property_identifier"})
CALL_TYPES = frozenset({"method_invocation", "call_expression", "call", "object_creation_expression",
                        "new_expression", "await_expression", "await", "yield", "yield_expression"})
EFFECT_TYPES = CALL_TYPES | frozenset({"assignment_expression", "assignment", "augmented_assignment",
                                        "augmented_assignment_expression", "update_expression",
                                        "named_expression", "delete_expression"})
JUMP_TYPES = frozenset({"return_statement", "break_statement", "continue_statement", "throw_statement",
                        "goto_statement", "raise_statement", "yield", "yield_statement", "labeled_statement",
                        "yield_expression", "global_statement", "nonlocal_statement", "case_statement",
                        "switch_label", "local_class_declaration", "class_declaration", "function_definition",
                        "decorated_definition", "class_definition", "function_declaration",
                        "generator_function_declaration", "explicit_constructor_invocation", "import_statement",
                        "import_from_statement", "future_import_statement"})
RECEIVERS = frozenset({"self", "this", "cls"})
FIELD_ACCESS = frozenset({"field_access", "member_expression", "attribute", "field_expression"})
# Statements that may change places with independent neighbours.
MOVABLE: dict[str, frozenset[str]] = {
    "java": frozenset({"expression_statement", "local_variable_declaration", "if_statement", "for_statement",
                       "while_statement", "do_statement", "block", "enhanced_for_statement"}),
    "c": frozenset({"expression_statement", "declaration", "if_statement", "for_statement", "while_statement",
                    "do_statement", "compound_statement"}),
    "python": frozenset({"expression_statement", "if_statement", "for_statement", "while_statement",
                         "pass_statement"}),
    "javascript": frozenset({"expression_statement", "lexical_declaration", "variable_declaration", "if_statement",
                             "for_statement", "while_statement", "do_statement", "statement_block",
                             "for_in_statement"}),
}
# Ancestors under which an expression is evaluated lazily, repeatedly or in another scope (no temporaries there).
LAZY = frozenset({"lambda", "lambda_expression", "arrow_function", "function_expression", "function",
                  "generator_function", "list_comprehension", "set_comprehension", "dictionary_comprehension",
                  "generator_expression", "conditional_expression", "ternary_expression", "boolean_operator",
                  "interpolation", "template_substitution", "switch_expression", "class_body", "string",
                  "template_string", "annotation", "marker_annotation", "decorator"})
# Ancestors under which no parentheses are added (string interpolation, annotations, case labels).
NO_PAREN_ANCESTORS = frozenset({"interpolation", "template_substitution", "string", "template_string", "annotation",
                                "marker_annotation", "switch_label", "decorator", "case_pattern"})
SHORT_CIRCUIT = frozenset({"&&", "||", "??"})
# Expressions never wrapped in parentheses (not expressions everywhere, or already wrapped).
NO_PARENS = frozenset({
    "keyword_argument", "list_splat", "dictionary_splat", "spread_element", "parenthesized_expression",
    "type_descriptor", "primitive_type", "type_identifier", "array_initializer", "initializer_list", "comment",
    "line_comment", "block_comment", "sized_type_specifier", "assignment", "pattern_list", "lambda", "yield",
    "concatenated_string", "class_literal", "compound_literal_expression", "object_pattern", "array_pattern",
    "generator_expression", "expression_list", "parenthesized_list_splat", "dictionary_splat_pattern",
    "list_splat_pattern", "await", "named_expression", "sequence_expression", "comma_expression",
})
ARGUMENT_LISTS = frozenset({"argument_list", "arguments"})
# Literal collections whose elements may be parenthesised (tuples only with two or more elements).
COLLECTIONS = frozenset({"array", "list", "set", "initializer_list", "array_initializer"})
C_TYPE_MACROS = frozenset({"offsetof", "va_arg", "va_start", "va_end", "va_copy", "sizeof", "alignof",
                           "_Alignof", "__alignof__", "typeof", "__typeof__"})
COMPARE_SWAP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!=", "===": "===", "!==": "!==",
                "is": "is", "is not": "is not"}


def _has(node: Node, types: frozenset[str]) -> bool:
    return any(n.type in types for n in walk(node))


def _preproc(node: Node, src: bytes) -> bool:
    return re.search(rb"^[ \t]*#", src[node.start_byte:node.end_byte], re.M) is not None


# ---------------------------------------------------------------- statement shuffle


def _movable(node: Node, src: bytes, lang: str, jumps: set[tuple[int, int, str]] | None = None) -> bool:
    if node.type not in MOVABLE[lang]:
        return False
    if (_key(node) in jumps) if jumps is not None else _has(node, JUMP_TYPES):
        return False
    if node.type == "expression_statement" and node.named_child_count == 1 and \
            node.named_children[0].type in ("string", "string_literal"):
        return False  # docstrings and directives stay first
    if lang == "c" and _preproc(node, src):
        return False
    return True


def _uses(node: Node, src: bytes) -> tuple[set[str], set[str]]:
    """Names a statement uses directly, and names it only uses as the object of a field access (``a`` in ``a.x``).

    Two statements that only touch different fields of one object do not depend on each other.
    """
    direct: set[str] = set()
    bases: set[str] = set()
    for n in walk(node):
        if n.type not in NAME_TYPES:
            continue
        name = text(n, src)
        parent = n.parent
        obj = None
        if parent is not None and parent.type in FIELD_ACCESS:
            obj = parent.child_by_field_name("argument" if parent.type == "field_expression" else "object")
        if obj is not None and obj.start_byte == n.start_byte and obj.end_byte == n.end_byte:
            bases.add(name)
        else:
            direct.add(name)
    return direct - RECEIVERS, bases - RECEIVERS


def _key(node: Node) -> tuple[int, int, str]:
    return (node.start_byte, node.end_byte, node.type)


def _holders(root: Node, groups: tuple[frozenset[str], ...]) -> list[set[tuple[int, int, str]]]:
    """Per group of node types, the keys of every node that is, or contains, a node of one of those types."""
    out: list[set[tuple[int, int, str]]] = [set() for _ in groups]
    for n in walk(root):
        for types, keys in zip(groups, out):
            if n.type in types:
                cur: Node | None = n
                while cur is not None and _key(cur) not in keys:
                    keys.add(_key(cur))
                    cur = cur.parent
    return out


def _random_order(items: list[Node], src: bytes, rng: random.Random,
                  callers: set[tuple[int, int, str]]) -> list[int]:
    uses = [_uses(n, src) for n in items]
    calls = [_key(n) in callers for n in items]
    n = len(items)
    before: list[set[int]] = [set() for _ in range(n)]
    for j in range(n):
        dj, bj = uses[j]
        for i in range(j):
            di, bi = uses[i]
            if di & dj or di & bj or bi & dj or (calls[i] and calls[j]) or ((calls[i] or calls[j]) and bi & bj):
                before[j].add(i)
    placed: list[int] = []
    done: set[int] = set()
    while len(placed) < n:
        ready = [j for j in range(n) if j not in done and before[j] <= done]
        j = rng.choice(ready)
        placed.append(j)
        done.add(j)
    return placed


class _Shuffler:
    def __init__(self, src: bytes, lang: str, rng: random.Random, root: Node) -> None:
        self.src = src
        self.lang = lang
        self.rng = rng
        self.marked, self.jumps, self.callers = _holders(root, (BLOCK_TYPES[lang], JUMP_TYPES, CALL_TYPES))

    def render(self, node: Node) -> bytes:
        src = self.src
        if _key(node) not in self.marked or not node.children:
            return src[node.start_byte:node.end_byte]
        kids = node.children
        parts = [self.render(c) for c in kids]
        if node.type in BLOCK_TYPES[self.lang]:
            runs: list[list[int]] = [[]]
            for i, c in enumerate(kids):
                ok = c.is_named and _movable(c, src, self.lang, self.jumps) and starts_line(src, c)
                if ok and runs[-1] and src[kids[runs[-1][-1]].end_byte:c.start_byte].strip() != b"":
                    runs.append([])
                if ok:
                    runs[-1].append(i)
                elif runs[-1]:
                    runs.append([])
            for run in runs:
                if len(run) < 2:
                    continue
                order = _random_order([kids[i] for i in run], src, self.rng, self.callers)
                moved = [parts[run[k]] for k in order]
                for slot, part in zip(run, moved):
                    parts[slot] = part
        out = [src[node.start_byte:kids[0].start_byte]]
        for i, c in enumerate(kids):
            out.append(parts[i])
            nxt = kids[i + 1].start_byte if i + 1 < len(kids) else node.end_byte
            out.append(src[c.end_byte:nxt])
        return b"".join(out)


def shuffle_statements(src: bytes, lang: str, rng: random.Random) -> bytes:
    """Reorder every run of independent statements (dependency order kept)."""
    root = parse(lang, src).root_node
    return _Shuffler(src, lang, rng, root).render(root)


# ---------------------------------------------------------------- comparisons


def flip_comparisons(src: bytes, lang: str, rng: random.Random, share: float = 1.0) -> bytes:
    """Swap the operands of comparisons (turning the operator round)."""
    root = parse(lang, src).root_node
    edits: list[Edit] = []
    for n in walk(root):
        if n.type not in ("binary_expression", "comparison_operator") or n.named_child_count != 2:
            continue
        ops = [c for c in n.children if not c.is_named]
        op = " ".join(text(o, src) for o in ops)
        if op not in COMPARE_SWAP or (lang != "python" and op in ("is", "is not")):
            continue
        left, right = n.named_children
        if _has(left, EFFECT_TYPES) and _has(right, EFFECT_TYPES):
            continue
        if "comment" in left.type or "comment" in right.type or (lang == "c" and _preproc(n, src)):
            continue
        if rng.random() >= share:
            continue
        gap1 = src[left.end_byte:ops[0].start_byte]
        gap2 = src[ops[-1].end_byte:right.start_byte]
        new = src[right.start_byte:right.end_byte] + gap1 + COMPARE_SWAP[op].encode() + gap2 + \
            src[left.start_byte:left.end_byte]
        edits.append(Edit(n.start_byte, n.end_byte, new))
    return apply_edits(src, non_overlapping(edits))


# ---------------------------------------------------------------- temporaries


def _c_return_types(root: Node, src: bytes) -> dict[str, str]:
    """Return type text of every function defined or declared in a C file (plain declarators only)."""
    out: dict[str, str] = {}
    for n in walk(root):
        if n.type not in ("function_definition", "declaration") or n.parent is None or \
                n.parent.type != "translation_unit":
            continue
        typ = n.child_by_field_name("type")
        decl = n.child_by_field_name("declarator")
        stars = ""
        while decl is not None and decl.type == "pointer_declarator":
            stars += "*"
            decl = decl.child_by_field_name("declarator")
        if typ is None or decl is None or decl.type != "function_declarator":
            continue
        name = decl.child_by_field_name("declarator")
        if name is None or name.type != "identifier":
            continue
        quals = " ".join(text(c, src) for c in n.children if c.type == "type_qualifier")
        ret = (quals + " " if quals else "") + text(typ, src) + (" " + stars if stars else "")
        if ret.strip() != "void" and "\n" not in ret and "(" not in ret:
            out[text(name, src)] = ret
    return out


def _c_local_types(fn: Node, src: bytes) -> dict[str, str]:
    """Plain scalar variables of a C function (parameters and locals) with their type."""
    out: dict[str, str] = {}
    clash: set[str] = set()
    for n in walk(fn):
        if n.type not in ("parameter_declaration", "declaration"):
            continue
        typ = n.child_by_field_name("type")
        if typ is None or typ.type not in ("primitive_type", "sized_type_specifier", "type_identifier"):
            continue
        decls = n.children_by_field_name("declarator")
        for d in decls:
            ident = d.child_by_field_name("declarator") if d.type == "init_declarator" else d
            if ident is None or ident.type != "identifier":
                continue
            name = text(ident, src)
            if name in out and out[name] != text(typ, src):
                clash.add(name)
            out[name] = text(typ, src)
    return {k: v for k, v in out.items() if k not in clash}


def _c_type_of(e: Node, src: bytes, c_types: dict[str, str]) -> str:
    """A C type for a temporary holding ``e`` ('' when unknown)."""
    if e.type == "call_expression":
        return c_types.get(_callee(e, src), "")
    fn = next((a for a in _ancestors(e) if a.type == "function_definition"), None)
    if fn is None or _has(e, frozenset({"call_expression", "field_expression", "subscript_expression",
                                         "pointer_expression", "cast_expression", "string_literal"})):
        return ""
    local = _c_local_types(fn, src)
    names = {text(n, src) for n in walk(e) if n.type == "identifier"}
    types = {local.get(nm, "") for nm in names}
    if len(types) != 1 or "" in types:
        return ""
    return types.pop()


def _callee(call: Node, src: bytes) -> str:
    fn = call.child_by_field_name("function") or call.child_by_field_name("name")
    return text(fn, src) if fn is not None else ""


def _statement_of(node: Node, lang: str) -> Node | None:
    cur = node.parent
    prev = node
    while cur is not None:
        if cur.type in BLOCK_TYPES[lang]:
            return prev
        prev, cur = cur, cur.parent
    return None


def _lazy_between(node: Node, stop: Node, src: bytes) -> bool:
    cur = node.parent
    while cur is not None and cur != stop:
        if cur.type in LAZY:
            return True
        if cur.type == "binary_expression":
            op = next((text(c, src) for c in cur.children if not c.is_named), "")
            if op in SHORT_CIRCUIT:
                return True
        cur = cur.parent
    return False


def _effects_before(stmt: Node, expr: Node) -> bool:
    """Whether something with a side effect is evaluated (textually) before ``expr`` in ``stmt``."""
    anc = set()
    cur = expr.parent
    while cur is not None:
        anc.add((cur.start_byte, cur.end_byte, cur.type))
        cur = cur.parent
    for n in walk(stmt):
        if n.start_byte >= expr.start_byte:
            continue
        if n.type in EFFECT_TYPES and (n.start_byte, n.end_byte, n.type) not in anc:
            return True
    return False


def _temp_candidates(root: Node, src: bytes, lang: str, c_types: dict[str, str]) -> list[tuple[Node, Node, str]]:
    """(statement, expression, declared type or '') pairs where the expression may be computed first."""
    out: list[tuple[Node, Node, str]] = []
    calls = {"java": ("method_invocation",), "c": ("call_expression",), "python": ("call",),
             "javascript": ("call_expression",)}[lang]
    arith = ("binary_expression", "binary_operator")
    allowed = {"expression_statement", "local_variable_declaration", "declaration", "lexical_declaration",
               "variable_declaration", "return_statement", "if_statement", "throw_statement", "raise_statement"}
    for e in walk(root):
        if e.type not in calls and e.type not in arith:
            continue
        parent = e.parent
        if parent is None:
            continue
        role = parent.type in ARGUMENT_LISTS or parent.type in ("variable_declarator", "init_declarator") or \
            (parent.type in ("assignment", "assignment_expression") and parent.child_by_field_name("right") == e)
        if not role:
            continue
        if e.type in arith:
            op = next((text(c, src) for c in e.children if not c.is_named), "")
            if op not in ("+", "-", "*", "/", "%", "<<", ">>", "|", "&", "^"):
                continue
        stmt = _statement_of(e, lang)
        if stmt is None or stmt.type not in allowed or not starts_line(src, stmt):
            continue
        if stmt.type == "if_statement":
            cond = stmt.child_by_field_name("condition")
            if cond is None or not (cond.start_byte <= e.start_byte and e.end_byte <= cond.end_byte):
                continue
        if stmt.type in ("local_variable_declaration", "declaration", "lexical_declaration", "variable_declaration"):
            if len([c for c in stmt.named_children if c.type in ("variable_declarator", "init_declarator")]) != 1:
                continue
        if _lazy_between(e, stmt, src) or _effects_before(stmt, e) or _has(e, frozenset({"yield", "yield_expression"})):
            continue
        if lang == "c" and _preproc(stmt, src):
            continue
        if lang == "python":
            scope = next((a for a in _ancestors(stmt) if a.type in ("function_definition", "class_definition")), None)
            if scope is None or scope.type != "function_definition":
                continue  # in a class body or at module level a temporary would become an attribute or a global
        typ = ""
        if lang == "c":
            typ = _c_type_of(e, src, c_types)
            if not typ:
                continue
        if lang == "java" and text(e, src).startswith("super."):
            continue
        out.append((stmt, e, typ))
    return out


def temporaries(src: bytes, lang: str, rng: random.Random, share: float) -> bytes:
    """Compute some call/arithmetic arguments into new locals declared just before their statement."""
    root = parse(lang, src).root_node
    c_types = _c_return_types(root, src) if lang == "c" else {}
    by_stmt: dict[tuple[int, int], list[tuple[Node, Node, str]]] = {}
    for stmt, e, typ in _temp_candidates(root, src, lang, c_types):
        by_stmt.setdefault((stmt.start_byte, stmt.end_byte), []).append((stmt, e, typ))
    maker = NameMaker(rng, lang, src)
    edits: list[Edit] = []
    for key in sorted(by_stmt):
        if rng.random() >= share:
            continue
        stmt, e, typ = rng.choice(by_stmt[key])
        name = maker.fresh()
        value = src[e.start_byte:e.end_byte]
        if b"\n" in value and lang == "python":
            value = b"(" + value + b")"
        head = {"java": f"var {name} = ", "c": f"{typ} {name} = ", "python": f"{name} = ",
                "javascript": f"const {name} = "}[lang].encode()
        tail = b"" if lang == "python" else b";"
        decl = head + value + tail + b"\n" + indent_at(src, stmt.start_byte)
        pair = [Edit(stmt.start_byte, stmt.start_byte, decl), Edit(e.start_byte, e.end_byte, name.encode())]
        if any(x.start < k.end and k.start < x.end for x in pair for k in edits):
            continue  # nested in (or holding) an expression already taken
        edits.extend(pair)
    return apply_edits(src, edits)


# ---------------------------------------------------------------- parentheses


def _paren_sites(root: Node, src: bytes, lang: str) -> list[Node]:
    out: list[Node] = []
    for n in walk(root):
        parent = n.parent
        if parent is None or not n.is_named or n.type in NO_PARENS or "comment" in n.type:
            continue
        site = False
        if parent.type in ARGUMENT_LISTS:
            callee = parent.parent
            name = _callee(callee, src) if callee is not None else ""
            site = not (lang == "c" and (name.isupper() or name in C_TYPE_MACROS or name.startswith("__builtin")))
        elif parent.type in ("variable_declarator", "init_declarator") and parent.child_by_field_name("value") == n:
            site = not (lang == "c" and n.type in ("string_literal", "concatenated_string"))
        elif parent.type in ("assignment", "assignment_expression", "augmented_assignment",
                             "augmented_assignment_expression") and parent.child_by_field_name("right") == n:
            site = True
        elif parent.type == "return_statement":
            site = True
        elif parent.type in COLLECTIONS or (parent.type in ("pair", "keyword_argument", "initializer_pair")
                                            and parent.child_by_field_name("value") == n):
            site = not (lang == "c" and n.type in ("string_literal", "concatenated_string"))
        elif parent.type in ("binary_expression", "binary_operator", "comparison_operator", "boolean_operator"):
            right = parent.named_children[-1] == n
            composite = n.type not in ("identifier", "field_access", "scoped_identifier", "field_expression",
                                       "member_expression", "attribute", "true", "false", "null_literal", "null",
                                       "this", "none", "number_literal", "integer", "float", "string")
            site = composite or right or lang in ("python", "javascript")
        if not site:
            continue
        if any(a.type in NO_PAREN_ANCESTORS for a in _ancestors(n)) or _in_case_label(n):
            continue
        if lang == "c" and re.match(rb"[ \t]*#", src[src.rfind(b"\n", 0, n.start_byte) + 1:n.start_byte + 1]):
            continue
        out.append(n)
    return out


def _in_case_label(node: Node) -> bool:
    """Whether ``node`` is (inside) the value of a ``case`` label."""
    for a in _ancestors(node):
        if a.type in ("case_statement", "switch_case"):
            value = a.child_by_field_name("value")
            return value is not None and value.start_byte <= node.start_byte and node.end_byte <= value.end_byte
    return False


def _ancestors(node: Node) -> list[Node]:
    out = []
    cur = node.parent
    while cur is not None:
        out.append(cur)
        cur = cur.parent
    return out


def parentheses(src: bytes, lang: str, rng: random.Random, share: float) -> bytes:
    """Put redundant parentheses around a share of arguments, right-hand sides, returns and operands."""
    root = parse(lang, src).root_node
    edits: list[Edit] = []
    for n in _paren_sites(root, src, lang):
        if rng.random() < share:
            edits.append(Edit(n.start_byte, n.start_byte, b"("))
            edits.append(Edit(n.end_byte, n.end_byte, b")"))
    return apply_edits(src, edits)



# ---------------------------------------------------------------- braces

BODY_FIELDS: dict[str, tuple[str, ...]] = {
    "if_statement": ("consequence", "alternative"),
    "else_clause": ("",),
    "for_statement": ("body",), "while_statement": ("body",), "do_statement": ("body",),
    "enhanced_for_statement": ("body",), "for_in_statement": ("body",),
}


def _bodies(root: Node, src: bytes, lang: str) -> list[tuple[Node, Node]]:
    """(statement, body) for loop and branch bodies that are a single statement without braces."""
    out: list[tuple[Node, Node]] = []
    for n in walk(root):
        fields = BODY_FIELDS.get(n.type)
        if fields is None:
            continue
        for f in fields:
            body = (n.named_children[-1] if n.named_children else None) if f == "" else n.child_by_field_name(f)
            if body is None or body.type in BLOCK_TYPES[lang] or body.type in ("else_clause", "if_statement") or \
                    "comment" in body.type or body.type in ("empty_statement", ";") or not body.is_named:
                continue
            if lang == "c" and _preproc(n, src):
                continue
            prev = body.prev_sibling
            if prev is None or "comment" in prev.type or src[prev.end_byte:body.start_byte].strip() != b"":
                continue
            out.append((n, body))
    return out


def add_braces(src: bytes, lang: str, rng: random.Random) -> bytes:
    """Put braces round every single-statement loop or branch body (C, Java, JavaScript)."""
    if lang == "python":
        return src
    unit = indent_unit(src)
    for _ in range(4):
        root = parse(lang, src).root_node
        edits = []
        for stmt, body in _bodies(root, src, lang):
            prev = body.prev_sibling
            assert prev is not None
            ind = indent_at(src, stmt.start_byte)
            body_text = src[body.start_byte:body.end_byte]
            if starts_line(src, body):
                new = b" {" + src[prev.end_byte:body.end_byte] + b"\n" + ind + b"}"
            else:
                new = b" {\n" + ind + unit + body_text + b"\n" + ind + b"}"
            edits.append(Edit(prev.end_byte, body.end_byte, new))
        edits.sort(key=lambda e: e.end - e.start)
        kept = non_overlapping(edits)
        if not kept:
            break
        src = apply_edits(src, kept)
    return src


# ---------------------------------------------------------------- numbers as expressions

INTEGER_TYPES: dict[str, frozenset[str]] = {
    "java": frozenset({"decimal_integer_literal", "hex_integer_literal"}),
    "c": frozenset({"number_literal"}),
    "python": frozenset({"integer"}),
    "javascript": frozenset({"number"}),
}
NO_NUMBER_ANCESTORS = NO_PAREN_ANCESTORS | frozenset({"preproc_def", "preproc_function_def", "preproc_call"})
NO_NUMBER_PARENTS = frozenset({"member_expression", "attribute", "field_access"})
_INT_RE = re.compile(r"(0[xX][0-9a-fA-F_]+|[1-9][0-9_]*|0)([uUlL]*)")


def _spell(v: int, hexa: bool, suffix: str) -> str:
    # (no hex ending in ``e`` without a suffix: in C, ``0xe-1`` would lex as one preprocessing number)
    return (hex(v) if hexa and not (hex(v).endswith("e") and not suffix) else str(v)) + suffix


def number_expressions(src: bytes, lang: str, rng: random.Random, share: float) -> bytes:
    """Write a share of small integer literals as constant expressions of the same value."""
    root = parse(lang, src).root_node
    edits: list[Edit] = []
    for n in walk(root):
        if n.type not in INTEGER_TYPES[lang] or n.child_count:
            continue
        m = _INT_RE.fullmatch(text(n, src))
        if m is None or (lang == "java" and m.group(2) not in ("", "L", "l")) or \
                (lang in ("python", "javascript") and m.group(2)):
            continue
        value = int(m.group(1).replace("_", ""), 0)
        if n.parent is not None and n.parent.type == "pair" and n.parent.child_by_field_name("key") == n and \
                lang == "javascript":
            continue  # an object key
        if value >= 1 << 15 or n.parent is None or n.parent.type in NO_NUMBER_PARENTS or \
                any(a.type in NO_NUMBER_ANCESTORS for a in _ancestors(n)) or _in_case_label(n):
            continue
        if lang == "c" and re.match(rb"[ \t]*#", src[src.rfind(b"\n", 0, n.start_byte) + 1:n.start_byte + 1]):
            continue
        if rng.random() >= share:
            continue
        suffix = m.group(2)
        hexa = m.group(1).lower().startswith("0x")
        num = functools.partial(_spell, hexa=hexa, suffix=suffix)
        kind = rng.random()
        if value >= 4 and kind < 0.3:
            factors = [d for d in range(2, int(value ** 0.5) + 1) if value % d == 0]
            if factors:
                d = rng.choice(factors)
                edits.append(Edit(n.start_byte, n.end_byte, f"({num(d)} * {num(value // d)})".encode()))
                continue
        if value >= 2 and kind < 0.75:
            a = rng.randrange(1, value)
            edits.append(Edit(n.start_byte, n.end_byte, f"({num(a)} + {num(value - a)})".encode()))
        else:
            k = rng.randrange(1, 16)
            edits.append(Edit(n.start_byte, n.end_byte, f"({num(value + k)} - {num(k)})".encode()))
    return apply_edits(src, edits)
