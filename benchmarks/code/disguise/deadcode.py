"""Dead and redundant code: unused variables, never-taken branches, no-op loops, unused helper functions."""

from __future__ import annotations

import random

from langs import BLOCK_TYPES, parse, walk
from tree_sitter import Node

from disguise.base import WORDS, Edit, NameMaker, apply_edits, indent_at, indent_unit, starts_line, text

Snippet = tuple[tuple[int, str], ...]

STATEMENTS: dict[str, tuple[Snippet, ...]] = {
    "java": (
        ((0, "int {v} = {k};"),),
        ((0, "long {v} = {k}L * {k2};"),),
        ((0, 'String {v} = "{s}";'),),
        ((0, "boolean {v} = {k} > {k2};"),),
        ((0, "if (false) {{"), (1, "int {v} = {k};"), (0, "}}")),
        ((0, "for (int {v} = 0; {v} < 0; {v}++) {{"), (0, "}}")),
        ((0, "double {v} = Math.abs({k}.0);"),),
        ((0, "int[] {v} = new int[{k}];"),),
    ),
    "c": (
        ((0, "int {v} = {k};"), (0, "(void){v};")),
        ((0, "if (0) {{"), (1, "int {v} = {k};"), (1, "(void){v};"), (0, "}}")),
        ((0, "do {{"), (0, "}} while (0);")),
        ((0, "unsigned long {v} = {k}UL;"), (0, "(void){v};")),
        ((0, 'const char *{v} = "{s}";'), (0, "(void){v};")),
        ((0, "{{"), (1, "int {v};"), (1, "for ({v} = 0; {v} < 0; {v}++) {{"), (1, "}}"), (0, "}}")),
    ),
    "python": (
        ((0, "{v} = {k}"),),
        ((0, "{v} = [{k}, {k2}]"),),
        ((0, "if False:"), (1, "{v} = {k}")),
        ((0, "{v} = '{s}'"),),
        ((0, "pass"),),
        ((0, "{v} = {k} * {k2}"),),
        ((0, "for {v} in range(0):"), (1, "pass")),
    ),
    "javascript": (
        ((0, "let {v} = {k};"),),
        ((0, "const {v} = '{s}';"),),
        ((0, "if (false) {{"), (1, "console.log('{s}');"), (0, "}}")),
        ((0, "var {v} = [{k}, {k2}];"),),
        ((0, "for (let {v} = 0; {v} < 0; {v}++) {{"), (0, "}}")),
    ),
}

HELPERS: dict[str, tuple[Snippet, ...]] = {
    "java": (
        ((0, "private static int {f}(int {a}) {{"), (1, "int {b} = {a} * {k};"), (1, "return {b} + {k2};"),
         (0, "}}")),
        ((0, "private static boolean {f}(String {a}) {{"), (1, "return {a} != null && {a}.length() > {k};"),
         (0, "}}")),
    ),
    "c": (
        ((0, "static int {f}(int {a})"), (0, "{{"), (1, "int {b} = {a} * {k};"), (1, "return {b} + {k2};"),
         (0, "}}")),
        ((0, "static void {f}(void)"), (0, "{{"), (0, "}}")),
    ),
    "python": (
        ((0, "def {f}({a}):"), (1, "{b} = {a} * {k}"), (1, "return {b} + {k2}")),
        ((0, "def {f}({a}, {b}=None):"), (1, "if {b} is None:"), (2, "return {a}"), (1, "return [{a}, {b}]")),
    ),
    "javascript": (
        ((0, "function {f}({a}) {{"), (1, "var {b} = {a} * {k};"), (1, "return {b} + {k2};"), (0, "}}")),
        ((0, "function {f}({a}, {b}) {{"), (1, "return {a} === undefined ? {b} : {a};"), (0, "}}")),
    ),
}
METHOD_HELPERS: dict[str, tuple[Snippet, ...]] = {
    "python": (((0, "def {f}(self, {a}):"), (1, "return {a} * {k}")),),
    "javascript": (((0, "{f}({a}) {{"), (1, "return {a} * {k};"), (0, "}}")),),
}


def _render(snippet: Snippet, values: dict[str, str], indent: bytes, unit: bytes) -> bytes:
    lines = []
    for i, (level, template) in enumerate(snippet):
        prefix = b"" if i == 0 else indent
        lines.append(prefix + unit * level + template.format(**values).encode())
    return b"\n".join(lines)


def _values(maker: NameMaker, rng: random.Random) -> dict[str, str]:
    return {"v": maker.fresh(), "f": maker.fresh(words=2), "a": maker.fresh(words=1), "b": maker.fresh(words=1),
            "k": str(rng.randrange(2, 100)), "k2": str(rng.randrange(1, 50)), "s": rng.choice(WORDS)}


SWITCH_GROUPS: dict[str, frozenset[str]] = {
    "java": frozenset({"switch_block_statement_group"}), "c": frozenset({"case_statement"}),
    "python": frozenset(), "javascript": frozenset({"switch_case", "switch_default"}),
}


def _statement_points(root: Node, src: bytes, lang: str, switch_groups: bool = False) -> list[Node]:
    points = []
    for block in (n for n in walk(root) if n.type in BLOCK_TYPES[lang] or
                  (switch_groups and n.type in SWITCH_GROUPS[lang])):
        stmts = [c for c in block.named_children if "comment" not in c.type]
        if block.type in SWITCH_GROUPS[lang]:
            # statements of a case after its first one (never right after the label)
            value = block.child_by_field_name("value")
            stmts = [c for c in stmts if c.type != "switch_label" and not (
                value is not None and c.start_byte == value.start_byte and c.end_byte == value.end_byte)][1:]
        for i, s in enumerate(stmts):
            if not starts_line(src, s):
                continue
            if s.type == "explicit_constructor_invocation":
                continue
            if s.type == "expression_statement" and s.named_child_count == 1 and \
                    s.named_children[0].type in ("string", "string_literal"):
                continue
            if lang == "python" and i == 0 and block.parent is not None and block.parent.type == "class_definition":
                continue
            points.append(s)
    return points


def _helper_points(root: Node, src: bytes, lang: str) -> list[tuple[Node, bool]]:
    """Places before which a helper may go, and whether it is a method position."""
    out: list[tuple[Node, bool]] = []
    for n in walk(root):
        parent = n.parent
        if parent is None or not starts_line(src, n):
            continue
        if lang == "java" and parent.type == "class_body" and n.type in ("method_declaration",
                                                                          "constructor_declaration"):
            out.append((n, False))
        elif lang == "c" and parent.type == "translation_unit" and n.type == "function_definition":
            out.append((n, False))
        elif lang == "python" and n.type in ("function_definition", "decorated_definition", "class_definition"):
            if parent.type == "module":
                out.append((n, False))
            elif parent.type == "block" and parent.parent is not None and parent.parent.type == "class_definition" \
                    and n.type != "class_definition":
                out.append((n, True))
        elif lang == "javascript" and (parent.type == "program" and n.type == "function_declaration"):
            out.append((n, False))
        elif lang == "javascript" and parent.type == "class_body" and n.type == "method_definition":
            out.append((n, True))
    return out


def transform(src: bytes, lang: str, strength: int, rng: random.Random, *, share: float | None = None,
              helpers: int | None = None, top_level: float = 0.0, switch_groups: bool = False) -> bytes:
    """Insert unused statements and (strength >= 2) unused helper functions.

    ``share`` (a share of statement positions) and ``helpers`` (a number) override the strength's density;
    ``top_level`` > 0 also puts unused declarations before that share of class members / top-level statements,
    ``switch_groups`` also inserts between the statements of a ``case`` (the dense levels of ``combined``). The
    defaults give strengths 1-3 exactly.
    """
    root = parse(lang, src).root_node
    maker = NameMaker(rng, lang, src)
    unit = indent_unit(src)
    edits: list[Edit] = []
    points = _statement_points(root, src, lang, switch_groups)
    n = len(points)
    if share is None:
        count = {1: max(1, round(0.04 * n)), 2: max(2, round(0.10 * n)), 3: max(4, round(0.25 * n))}[strength]
    else:
        count = max(1, round(share * n))
    for p in sorted(rng.sample(points, min(count, n)), key=lambda x: x.start_byte):
        indent = indent_at(src, p.start_byte)
        wrap = lang != "python" and p.type == "expression_statement" and "\n" not in text(p, src) and \
            rng.random() < 0.25
        if wrap:
            cond = "1" if lang == "c" else "true"
            new = f"if ({cond}) {{\n".encode() + indent + unit + src[p.start_byte:p.end_byte] + b"\n" + indent + b"}"
            edits.append(Edit(p.start_byte, p.end_byte, new))
            continue
        snippet = rng.choice(STATEMENTS[lang])
        body = _render(snippet, _values(maker, rng), indent, unit)
        edits.append(Edit(p.start_byte, p.start_byte, body + b"\n" + indent))
    helper_points = _helper_points(root, src, lang)
    n_helpers = {1: 0, 2: 1, 3: 2}[strength] if helpers is None else helpers
    for hp, is_method in sorted(rng.sample(helper_points, min(n_helpers, len(helper_points))),
                                key=lambda x: x[0].start_byte):
        indent = indent_at(src, hp.start_byte)
        pool = METHOD_HELPERS[lang] if is_method else HELPERS[lang]
        body = _render(rng.choice(pool), _values(maker, rng), indent, unit)
        sep = b"\n\n" + indent if lang == "python" and not is_method and not indent else b"\n\n" + indent
        edits.append(Edit(hp.start_byte, hp.start_byte, body + sep))
    if top_level > 0:
        edits.extend(_top_level_edits(root, src, lang, top_level, maker, rng))
    edits.sort(key=lambda e: (e.start, e.end))
    kept: list[Edit] = []
    for e in edits:
        if kept and e.start < kept[-1].end:
            continue
        kept.append(e)
    return apply_edits(src, kept)


TOP_DECLARATIONS: dict[str, tuple[str, ...]] = {
    "java": ("private static final int {V} = {k};", "private static final long {V} = {k}L * {k2};",
             'private static final String {V} = "{s}";', "private static final boolean {V} = {k} > {k2};"),
    "c": ("static const int {v} = {k};", "static const unsigned long {v} = {k}UL;", 'static const char {v}[] = "{s}";'),
    "python": ("{V} = {k}", "{V} = '{s}'", "{V} = ({k}, {k2})"),
    "javascript": ("var {v} = {k};", "const {v} = '{s}';", "let {v} = [{k}, {k2}];"),
}


def _top_points(root: Node, src: bytes, lang: str) -> list[Node]:
    """Class members (Java) and top-level statements before which an unused declaration may go."""
    out: list[Node] = []
    if lang == "java":
        for body in (n for n in walk(root) if n.type == "class_body" and n.parent is not None
                     and n.parent.type == "class_declaration"):
            out.extend(c for c in body.named_children if "comment" not in c.type and starts_line(src, c))
        return out
    kids = [c for c in root.named_children if "comment" not in c.type]
    if lang == "python":
        future = [i for i, c in enumerate(kids) if c.type == "import_from_statement"
                  and text(c, src).startswith("from __future__")]
        kids = kids[(future[-1] + 1 if future else 1):]
    else:
        kids = kids[1:]
    for c in kids:
        if not starts_line(src, c) or indent_at(src, c.start_byte):
            continue
        if lang == "c" and c.type not in ("function_definition", "declaration", "type_definition"):
            continue
        out.append(c)
    return out


def _top_level_edits(root: Node, src: bytes, lang: str, share: float, maker: NameMaker,
                     rng: random.Random) -> list[Edit]:
    points = _top_points(root, src, lang)
    if not points:
        return []
    chosen = sorted(rng.sample(points, min(len(points), max(1, round(share * len(points))))),
                    key=lambda p: p.start_byte)
    edits = []
    for p in chosen:
        values = _values(maker, rng)
        values["V"] = maker.fresh(style="upper")
        line = rng.choice(TOP_DECLARATIONS[lang]).format(**values).encode()
        edits.append(Edit(p.start_byte, p.start_byte, line + b"\n" + indent_at(src, p.start_byte)))
    return edits
