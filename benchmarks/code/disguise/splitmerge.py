"""Split and merge functions: extract the tail of a body into a new helper, or inline a one-expression helper."""

from __future__ import annotations

import random
import re

from langs import parse, walk
from tree_sitter import Node

from disguise.base import (
    Edit,
    NameMaker,
    apply_edits,
    function_name,
    has_ancestor,
    indent_at,
    indent_unit,
    join_words,
    line_end,
    line_start,
    split_words,
    text,
)

OPS = {1: 1, 2: 2, 3: 4}
LOCAL_DECLS = frozenset({"local_variable_declaration", "declaration", "lexical_declaration", "variable_declaration"})
JS_BANNED = re.compile(r"\b(yield|await|arguments|super)\b")
PY_BANNED = re.compile(r"\b(yield|await|nonlocal|global|super|locals|__class__)\b|(?<![\w.])__[a-z]\w*[a-z0-9](?!__)")


def _functions(root: Node, lang: str) -> list[Node]:
    types = {"java": ("method_declaration",), "c": ("function_definition",), "python": ("function_definition",),
             "javascript": ("function_declaration", "method_definition")}[lang]
    out = []
    for n in walk(root):
        if n.type not in types or n.child_by_field_name("body") is None:
            continue
        if lang == "java" and has_ancestor(n, {"interface_body", "annotation_type_body"}):
            continue
        if lang == "python":
            holder = n.parent.parent if n.parent is not None and n.parent.type == "decorated_definition" else n.parent
            top = holder is not None and holder.type == "module"
            in_class = holder is not None and holder.type == "block" and holder.parent is not None and \
                holder.parent.type == "class_definition" and holder.parent.parent is not None and \
                holder.parent.parent.type == "module"
            if not (top or in_class):
                continue
        out.append(n)
    return out


def _statements(body: Node) -> list[Node]:
    return [c for c in body.named_children if "comment" not in c.type]


def _helper_name(maker: NameMaker, base: str, lang: str) -> str:
    words = split_words(base)
    style = "snake" if lang in ("python", "c") else "camel"
    pattern = maker.rng.choice((["finish"] + words, words + ["rest"], words + ["impl"], ["do"] + words,
                                words + ["tail"], ["complete"] + words, words + ["step"]))
    name = join_words(pattern, style)
    if lang == "python":
        name = "_" + name
    claimed = maker._claim(name)
    return claimed or maker.fresh(style=style)


# ---------------------------------------------------------------- declarations and types


def _c_param_decl(p: Node, src: bytes) -> tuple[str, str] | None:
    """(name, declaration text) for a C parameter."""
    decl = p.child_by_field_name("declarator")
    ident = decl
    while ident is not None and ident.type != "identifier":
        if ident.type == "function_declarator" and ident.child_by_field_name("declarator") is not None and \
                ident.child_by_field_name("declarator").type != "parenthesized_declarator":
            return None
        ident = ident.child_by_field_name("declarator") or next(
            (c for c in ident.named_children if c.type in ("identifier", "pointer_declarator",
                                                          "parenthesized_declarator", "array_declarator",
                                                          "function_declarator")), None)
    if ident is None:
        return None
    return text(ident, src), text(p, src)


def _declared(fn: Node, head: list[Node], src: bytes, lang: str) -> dict[str, str | None]:
    """Names in scope at the split point, with a parameter declaration for each (None: unusable)."""
    out: dict[str, str | None] = {}
    params = fn.child_by_field_name("parameters")
    if lang == "c":
        decl = fn.child_by_field_name("declarator")
        while decl is not None and decl.type != "function_declarator":
            decl = decl.child_by_field_name("declarator")
        params = decl.child_by_field_name("parameters") if decl is not None else None
    for p in params.named_children if params is not None else []:
        if lang == "java":
            if p.type == "formal_parameter":
                name = p.child_by_field_name("name")
                typ = p.child_by_field_name("type")
                dims = p.child_by_field_name("dimensions")
                if name is not None and typ is not None:
                    out[text(name, src)] = f"{text(typ, src)}{text(dims, src) if dims else ''} {text(name, src)}"
            elif p.type == "spread_parameter":
                typ = next((c for c in p.named_children if c.type not in ("modifiers", "variable_declarator")), None)
                vd = next((c for c in p.named_children if c.type == "variable_declarator"), None)
                if typ is not None and vd is not None:
                    nm = text(vd.child_by_field_name("name"), src)
                    out[nm] = f"{text(typ, src)}[] {nm}"
        elif lang == "c":
            if p.type == "parameter_declaration":
                got = _c_param_decl(p, src)
                if got:
                    out[got[0]] = got[1]
        else:
            for ident in (c for c in walk(p) if c.type == "identifier"):
                out.setdefault(text(ident, src), text(ident, src))
                if lang == "javascript":
                    break
    for stmt in head:
        if lang == "java" and stmt.type == "local_variable_declaration":
            typ = stmt.child_by_field_name("type")
            for d in stmt.children_by_field_name("declarator"):
                nm = text(d.child_by_field_name("name"), src)
                ok = typ is not None and text(typ, src) != "var" and d.child_by_field_name("value") is not None
                dims = d.child_by_field_name("dimensions")
                out[nm] = f"{text(typ, src)}{text(dims, src) if dims else ''} {nm}" if ok else None
        elif lang == "c" and stmt.type == "declaration":
            typ = stmt.child_by_field_name("type")
            quals = " ".join(text(c, src) for c in stmt.children if c.type == "type_qualifier")
            base = (quals + " " if quals else "") + (text(typ, src) if typ is not None else "int")
            for d in stmt.children_by_field_name("declarator"):
                inner = d.child_by_field_name("declarator") if d.type == "init_declarator" else d
                ident = inner
                while ident is not None and ident.type != "identifier":
                    ident = ident.child_by_field_name("declarator")
                if ident is None or inner is None:
                    continue
                ok = d.type == "init_declarator" or inner.type == "array_declarator"
                if any(c.type == "storage_class_specifier" for c in stmt.children) or "(" in text(inner, src):
                    ok = False
                out[text(ident, src)] = f"{base} {text(inner, src)}" if ok else None
        elif lang == "javascript":
            for n in walk(stmt):
                if n.type == "variable_declarator":
                    for ident in (c for c in walk(n.child_by_field_name("name")) if c.type == "identifier"):
                        out[text(ident, src)] = text(ident, src)
        elif lang == "python":
            for n in walk(stmt):
                if n.type in ("assignment", "augmented_assignment", "for_statement", "for_in_clause",
                              "as_pattern_target", "named_expression", "import_statement", "import_from_statement",
                              "with_item", "except_clause"):
                    target = n.child_by_field_name("left") or n.child_by_field_name("name") or n
                    for ident in (c for c in walk(target) if c.type == "identifier"):
                        out.setdefault(text(ident, src), text(ident, src))
                elif n.type in ("function_definition", "class_definition"):
                    nm = n.child_by_field_name("name")
                    if nm is not None:
                        out.setdefault(text(nm, src), text(nm, src))
    return out


def _used(tail: list[Node], src: bytes) -> set[str]:
    names: set[str] = set()
    for stmt in tail:
        for n in walk(stmt):
            if n.type == "identifier":
                parent = n.parent
                if parent is not None and parent.type in ("field_access", "attribute", "member_expression") and \
                        parent.child_by_field_name("field") == n:
                    continue
                if parent is not None and parent.type == "attribute" and parent.child_by_field_name("attribute") == n:
                    continue
                names.add(text(n, src))
    return names


# ---------------------------------------------------------------- split


def _split(fn: Node, src: bytes, lang: str, maker: NameMaker) -> list[Edit] | None:
    body = fn.child_by_field_name("body")
    assert body is not None
    stmts = _statements(body)
    n = len(stmts)
    if n < 4:
        return None
    fn_text = text(fn, src)
    if lang == "python" and (PY_BANNED.search(fn_text) or "async" in src[line_start(src, fn.start_byte):fn.start_byte +
                                                                          10].decode("utf-8", "replace")):
        return None
    if lang == "javascript" and (JS_BANNED.search(fn_text) or fn.child_by_field_name("name") is None or
                                 any(c.type in ("get", "set", "async", "*", "static") for c in fn.children)):
        return None
    points = list(range(max(1, n // 3), n - 1))
    maker.rng.shuffle(points)
    for k in points:
        head, tail = stmts[:k], stmts[k:]
        first, last = tail[0], tail[-1]
        if src[line_start(src, first.start_byte):first.start_byte].strip():
            continue
        tail_src = src[first.start_byte:last.end_byte]
        if lang == "c" and (re.search(rb"\bgoto\b|\bva_\w+|^\s*#", tail_src, re.M) or any(
                s.type == "labeled_statement" for s in tail)):
            continue
        if lang == "java" and any(s.type in ("class_declaration", "local_class_declaration") for s in head):
            continue
        if lang == "javascript" and fn.type == "function_declaration" and re.search(rb"\bthis\b", tail_src):
            continue
        if lang == "python" and any(s.type in ("function_definition", "class_definition", "decorated_definition")
                                    for s in head):
            continue
        declared = _declared(fn, head, src, lang)
        used = _used(tail, src)
        free = [nm for nm in declared if nm in used]
        if any(declared[nm] is None for nm in free):
            continue
        name = _helper_name(maker, text(function_name(fn), src), lang)
        return _emit_split(fn, tail, free, declared, name, src, lang)
    return None


def _emit_split(fn: Node, tail: list[Node], free: list[str], declared: dict[str, str | None], name: str,
                src: bytes, lang: str) -> list[Edit]:
    first, last = tail[0], tail[-1]
    body_indent = indent_at(src, first.start_byte).decode()
    fn_indent = indent_at(src, fn.start_byte).decode()
    tail_text = src[line_start(src, first.start_byte):last.end_byte].decode("utf-8", "replace")
    args = ", ".join(free)
    params = ", ".join(str(declared[nm]) for nm in free)
    if lang == "java":
        mods = next((c for c in fn.children if c.type == "modifiers"), None)
        static = mods is not None and re.search(r"\bstatic\b", text(mods, src)) is not None
        tparams = fn.child_by_field_name("type_parameters")
        ret = fn.child_by_field_name("type")
        dims = fn.child_by_field_name("dimensions")
        throws = next((c for c in fn.children if c.type == "throws"), None)
        ret_text = text(ret, src) + (text(dims, src) if dims else "") if ret is not None else "void"
        head = "private " + ("static " if static else "") + (text(tparams, src) + " " if tparams else "") + \
            f"{ret_text} {name}({params})" + (" " + text(throws, src) if throws else "")
        helper = f"\n\n{fn_indent}{head} {{\n{tail_text}\n{fn_indent}}}"
        call = f"{name}({args});" if ret_text == "void" else f"return {name}({args});"
        return [Edit(line_start(src, first.start_byte), last.end_byte, (body_indent + call).encode()),
                Edit(fn.end_byte, fn.end_byte, helper.encode())]
    if lang == "c":
        typ = fn.child_by_field_name("type")
        decl = fn.child_by_field_name("declarator")
        stars = ""
        while decl is not None and decl.type == "pointer_declarator":
            stars += "*"
            decl = decl.child_by_field_name("declarator")
        quals = " ".join(text(c, src) for c in fn.children if c.type == "type_qualifier")
        ret_text = (quals + " " if quals else "") + (text(typ, src) if typ is not None else "int") + \
            (" " + stars if stars else "")
        helper = f"static {ret_text}\n{name}({params or 'void'})\n{{\n{tail_text}\n}}\n\n"
        void = ret_text.strip() == "void"
        call = f"{name}({args});" if void else f"return {name}({args});"
        return [Edit(fn.start_byte, fn.start_byte, helper.encode()),
                Edit(line_start(src, first.start_byte), last.end_byte, (body_indent + call).encode())]
    if lang == "javascript":
        if fn.type == "method_definition":
            comma = "," if fn.parent is not None and fn.parent.type == "object" else ""
            helper = f"{comma}\n\n{fn_indent}{name}({args}) {{\n{tail_text}\n{fn_indent}}}"
            call = f"return this.{name}({args});"
        else:
            helper = f"\n\n{fn_indent}function {name}({args}) {{\n{tail_text}\n{fn_indent}}}"
            call = f"return {name}({args});"
        return [Edit(line_start(src, first.start_byte), last.end_byte, (body_indent + call).encode()),
                Edit(fn.end_byte, fn.end_byte, helper.encode())]
    # python: module-level helper placed before the top-level statement holding the function
    unit = indent_unit(src).decode()
    top = fn
    while top.parent is not None and top.parent.type != "module":
        top = top.parent
    cut = len(body_indent) - len(unit)
    lines = tail_text.split("\n")
    body_lines = [ln[cut:] if ln[:cut].strip() == "" else ln for ln in lines]
    helper = f"def {name}({args}):\n" + "\n".join(body_lines) + "\n\n\n"
    call = f"return {name}({args})"
    return [Edit(line_start(src, top.start_byte), line_start(src, top.start_byte), helper.encode()),
            Edit(line_start(src, first.start_byte), last.end_byte, (body_indent + call).encode())]


# ---------------------------------------------------------------- merge (inline)


def _simple_params(fn: Node, src: bytes, lang: str) -> list[str] | None:
    params = fn.child_by_field_name("parameters")
    if lang == "c":
        decl = fn.child_by_field_name("declarator")
        while decl is not None and decl.type != "function_declarator":
            decl = decl.child_by_field_name("declarator")
        params = decl.child_by_field_name("parameters") if decl is not None else None
    if params is None:
        return None
    names: list[str] = []
    for p in params.named_children:
        if "comment" in p.type:
            continue
        if lang == "java" and p.type == "formal_parameter":
            names.append(text(p.child_by_field_name("name"), src))
        elif lang == "c" and p.type == "parameter_declaration":
            got = _c_param_decl(p, src)
            if got is None:
                if text(p, src) == "void":
                    continue
                return None
            names.append(got[0])
        elif lang in ("python", "javascript") and p.type == "identifier":
            names.append(text(p, src))
        else:
            return None
    return names


def _merge(fn: Node, root: Node, src: bytes, lang: str) -> list[Edit] | None:
    body = fn.child_by_field_name("body")
    assert body is not None
    stmts = _statements(body)
    if len(stmts) != 1 or stmts[0].type != "return_statement" or not stmts[0].named_children:
        return None
    expr = stmts[0].named_children[0]
    if len(_statements(body)) != len([c for c in body.named_children]):
        return None
    params = _simple_params(fn, src, lang)
    name_node = function_name(fn)
    if params is None or name_node is None:
        return None
    name = text(name_node, src)
    is_method = lang == "python" and params[:1] == ["self"]
    if is_method and not name.startswith("_"):
        return None  # public methods may be overridden
    if lang == "python" and (fn.parent is not None and fn.parent.type == "decorated_definition"):
        return None
    if lang == "java":
        mods = next((c for c in fn.children if c.type == "modifiers"), None)
        mods_text = text(mods, src) if mods is not None else ""
        if "@" in mods_text or "abstract" in mods_text or not re.search(r"\b(private|static|final)\b", mods_text):
            return None  # an overridable method may do something else in a subclass
        fn_static = "static" in mods_text
    edits: list[Edit] = []
    for call in walk(root):
        if call.start_byte >= fn.start_byte and call.end_byte <= fn.end_byte:
            continue
        args_node = call.child_by_field_name("arguments")
        if args_node is None:
            continue
        receiver: str | None = None
        if lang == "java" and call.type == "method_invocation":
            if text(call.child_by_field_name("name"), src) != name:
                continue
            obj = call.child_by_field_name("object")
            if obj is not None and text(obj, src) != "this":
                continue
            host = next((a for a in _ancestors(call) if a.type == "method_declaration"), None)
            if not fn_static and (host is None or "static" in text(host, src).split("(")[0]):
                continue
        elif lang in ("c", "javascript") and call.type == "call_expression":
            func = call.child_by_field_name("function")
            if func is None:
                continue
            ftxt = text(func, src)
            if fn.type == "method_definition":
                if ftxt != f"this.{name}":
                    continue
            elif ftxt != name:
                continue
        elif lang == "python" and call.type == "call":
            func = call.child_by_field_name("function")
            if func is None:
                continue
            if is_method:
                if func.type != "attribute" or text(func.child_by_field_name("attribute"), src) != name:
                    continue
                obj = func.child_by_field_name("object")
                if obj is None or text(obj, src) != "self":
                    continue
                receiver = "self"
            elif text(func, src) != name:
                continue
        else:
            continue
        args = [a for a in args_node.named_children if "comment" not in a.type]
        formal = params[1:] if is_method else params
        if len(args) != len(formal) or any(a.type in ("keyword_argument", "list_splat", "dictionary_splat",
                                                       "spread_element") for a in args):
            continue
        mapping = {p: text(a, src) for p, a in zip(formal, args)}
        if receiver:
            mapping["self"] = receiver
        counts: dict[str, int] = {}
        for n in walk(expr):
            if n.type == "identifier":
                counts[text(n, src)] = counts.get(text(n, src), 0) + 1
        if any(counts.get(p, 0) > 1 and not re.fullmatch(r"[\w.]+", mapping[p]) for p in mapping):
            continue
        pieces: list[Edit] = []
        for n in walk(expr):
            if n.type == "identifier" and text(n, src) in mapping:
                parent = n.parent
                if parent is not None and parent.type in ("field_access", "attribute", "member_expression") and \
                        (parent.child_by_field_name("field") == n or parent.child_by_field_name("attribute") == n):
                    continue
                arg = mapping[text(n, src)]
                arg = arg if re.fullmatch(r"[\w.]+|\"[^\"]*\"|'[^']*'", arg) else f"({arg})"
                pieces.append(Edit(n.start_byte - expr.start_byte, n.end_byte - expr.start_byte, arg.encode()))
        inlined = apply_edits(src[expr.start_byte:expr.end_byte], pieces)
        if b"\n" in inlined and lang == "python":
            inlined = b" ".join(inlined.split())
        edits.append(Edit(call.start_byte, call.end_byte, b"(" + inlined + b")"))
    if not edits:
        return None
    removable = (lang == "java" and "private" in mods_text) or (lang == "c" and "static" in text(fn, src).split(
        "(")[0]) or (lang == "python" and name.startswith("_") and not name.startswith("__"))
    if removable:
        rest = apply_edits(src, edits)
        count_left = len(re.findall(rb"\b" + re.escape(name.encode()) + rb"\b", rest))
        if count_left == 1:
            owner = fn.parent if fn.parent is not None and fn.parent.type == "decorated_definition" else fn
            start = line_start(src, owner.start_byte)
            end = min(len(src), line_end(src, owner.end_byte) + 1)
            if src[end:end + 1] == b"\n":
                end += 1
            if all(e.end <= start or e.start >= end for e in edits):
                edits.append(Edit(start, end, b""))
    return edits


def _ancestors(node: Node) -> list[Node]:
    out = []
    cur = node.parent
    while cur is not None:
        out.append(cur)
        cur = cur.parent
    return out


def transform(src: bytes, lang: str, strength: int, rng: random.Random, *, ops: int | None = None) -> bytes:
    """Apply a strength-dependent number (or ``ops``) of split/merge operations, one at a time."""
    out = src
    for _ in range(OPS[strength] if ops is None else ops):
        root = parse(lang, out).root_node
        fns = _functions(root, lang)
        maker = NameMaker(rng, lang, out)
        order = list(range(len(fns)))
        rng.shuffle(order)
        prefer_merge = rng.random() < 0.5
        done = None
        for phase in ((_try_merge, _try_split) if prefer_merge else (_try_split, _try_merge)):
            for i in order:
                done = phase(fns[i], root, out, lang, maker)
                if done:
                    break
            if done:
                break
        if not done:
            break
        out = apply_edits(out, done)
    return out


def _try_split(fn: Node, root: Node, src: bytes, lang: str, maker: NameMaker) -> list[Edit] | None:
    return _split(fn, src, lang, maker)


def _try_merge(fn: Node, root: Node, src: bytes, lang: str, maker: NameMaker) -> list[Edit] | None:
    return _merge(fn, root, src, lang)
