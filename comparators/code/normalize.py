"""From a syntax tree to the normalised token stream the code comparator aligns.

Normalisation works on tree-sitter node *types*, not on text, so that the disguises copiers
use change nothing or little:

- names and literals become ``ID``/``STR``/``NUM`` (renaming, changed literals);
- whitespace, comments, parentheses, blocks and statement wrappers emit nothing
  (reformatting, comment edits, braces added or removed);
- types, modifiers, annotations and imports are dropped (changed types and access);
- every loop form is ``LOOP``, every conditional form (if, ternary, switch) is ``COND``,
  and operators are grouped into arithmetic / comparison / logic / bit classes (for/while
  switches, if/else inversion with a negated comparison, ternaries).

Alongside the tokens the reader records the evidence an expert weighs separately:
comments, string literals, identifiers, and dead code (statements after a return/throw/
break, constant-false conditions, variables never used again), and the token ranges of
statement-like subtrees ("units") used for reordering-robust matching.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from comparators.code.languages import Language as LexLanguage
from comparators.code.lexer import lex, normalised
from comparators.textio import line_starts

# Categories of node types. The first matching rule wins; order matters.
_RULES: tuple[tuple[str, str], ...] = (
    ("COMMENT", r"comment"),
    ("STR", r"(^|_)(string|template_string|char_literal|character_literal|rune_literal|heredoc_body|"
            r"raw_string_literal|interpreted_string_literal|verbatim_string_literal|concatenated_string|"
            r"chained_string|string_literal|encapsed_string|bare_string|multiline_string_literal)$"),
    ("LIT", r"^(true|false|null|nil|none|boolean_literal|null_literal|boolean|nullptr|undefined)$"),
    ("DROP", r"comment_content|type|modifier|storage_class|qualifier|annotation|decorator|attribute_item|"
             r"visibility|import|^include|preproc_include|preproc_def|preproc_function_def|preproc_call|"
             r"package_(declaration|clause|header)|using_directive|use_declaration|namespace_use"),
    ("NUM", r"integer|float|number|decimal|hex_|octal|binary_integer|real_literal|imaginary"),
    ("SELF", r"^(this|self|super|base)$"),
    ("ID", r"identifier$|^name$|^constant$|^simple_identifier$|shorthand_property|^field_identifier$|"
           r"^property_identifier$|^global_variable$|^instance_variable$|^class_variable$|^variable_name$"),
    ("CALL", r"call|invocation|object_creation|new_expression|instance_creation"),
    ("LOOP", r"(^|_)(for|while|do|loop|repeat|foreach|enhanced_for|for_in|for_range|for_of|until)(_|$)"),
    ("COND", r"(^|_)(if|conditional|ternary|switch|match|case|when|elif|unless|elsif|select)(_|$)"),
    ("FUNC", r"(function|method|constructor|lambda|arrow_function|closure|func_literal|fun)_?"
             r"(declaration|definition|item|expression|literal|signature|$)|^(lambda|closure_expression)$"),
    ("CLASS", r"(^|_)(class|struct|interface|enum|trait|impl|record|object|module|protocol)"
              r"(_declaration|_definition|_specifier|_item|_body_declaration)?$"),
    ("RETURN", r"return|yield"),
    ("THROW", r"throw|raise"),
    ("TRY", r"(^|_)try(_|$)"),
    ("CATCH", r"catch|except|rescue"),
    ("JUMP", r"(^|_)(break|continue|goto|next|redo|retry)(_|$)"),
    ("ASSIGN", r"assignment|augmented_assign|compound_assign|operator_assignment"),
    ("DECL", r"(variable|local_variable|field|let|var|const|short_var|lexical)_?(declaration|statement|spec)|"
             r"^declaration$|^variable_assignment$"),
    ("UNARY", r"unary|update_expression|not_operator|prefix|postfix|increment|decrement"),
    ("BINOP", r"binary|comparison_operator|boolean_operator|infix_expression"),
    ("INDEX", r"subscript|array_access|index_expression|element_access|slice"),
    ("MEMBER", r"field_access|member_expression|member_access|^attribute$|selector_expression|field_expression|"
               r"dot_index|method_index|navigation_expression|scoped_identifier"),
    ("PARAM", r"(^|_)parameter$|parameter_declaration|typed_parameter|default_parameter|required_parameter"),
    ("COLL", r"array_creation|array_initializer|initializer_list|^list$|^dictionary$|^set$|^tuple$|^array$|"
             r"^object$|table_constructor|composite_literal|collection_literal|hash$"),
)
_COMPILED = tuple((cat, re.compile(pattern)) for cat, pattern in _RULES)
LEAF_CATEGORIES = frozenset({"STR", "LIT", "NUM", "ID"})
UNIT_CATEGORIES = frozenset({"LOOP", "COND", "FUNC", "CLASS", "RETURN", "THROW", "TRY", "ASSIGN",
                             "DECL", "CALL"})
TERMINATORS = frozenset({"RETURN", "THROW", "JUMP"})
FALSY = frozenset({"false", "False", "0", "nil", "NULL", "None", "null"})
_ARITH = frozenset("+ - * / % ** // .. @ ^^".split())
_COMPARE = frozenset("< > <= >= == != === !== ~= <> is in instanceof not in is not".split())
# Comparisons that mean the same with their operands swapped (and the operator mirrored: < and > share a class).
_MIRRORABLE = frozenset("< > <= >= == != === !== ~= <>".split())
_LOGIC = frozenset("&& || and or ?? !".split())
MIN_UNIT_TOKENS = 4


@lru_cache(maxsize=4096)
def classify(node_type: str) -> str | None:
    """The category of a named node type (``None``: emit nothing, descend)."""
    for category, pattern in _COMPILED:
        if pattern.search(node_type):
            return category
    return None


@dataclass
class TokenStream:
    """A file as normalised tokens with positions, units and evidence."""

    kinds: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    units: list[tuple[int, int]] = field(default_factory=list)
    comments: list[tuple[str, int, int]] = field(default_factory=list)
    strings: list[tuple[str, int, int]] = field(default_factory=list)
    identifiers: list[tuple[str, int, int]] = field(default_factory=list)
    dead: list[tuple[int, int]] = field(default_factory=list)
    declared: set[str] = field(default_factory=set)
    reader: str = "tree-sitter"
    problems: list[str] = field(default_factory=list)

    def emit(self, kind: str, raw: str, start: int, end: int) -> None:
        self.kinds.append(kind)
        self.raw.append(raw)
        self.start.append(start)
        self.end.append(end)


def _char_offsets(text: str, data: bytes) -> np.ndarray | None:
    """Map UTF-8 byte offsets to code-point offsets (``None`` when they are equal)."""
    if len(data) == len(text):
        return None
    arr = np.frombuffer(data, dtype=np.uint8)
    starts = (arr & 0xC0) != 0x80
    mapping = np.cumsum(starts) - 1
    return np.append(mapping, len(text)).astype(np.int64)


NORMALISATION_STEPS = ("names", "literals", "types", "loops", "conditionals", "operators")


def _operator_class(node, classes: bool = True) -> str:
    for child in node.children:
        if not child.is_named:
            op = child.type
            if not classes:
                return f"OP:{op}"
            if op in _COMPARE:
                return "OP_CMP"
            if op in _LOGIC:
                return "OP_LOGIC"
            if op in _ARITH:
                return "OP_ARITH"
            return "OP_BIT"
    return "OP"


# Fields under which a name is declared (functions, classes, variables, fields, parameters in every grammar).
_DECLARING_FIELDS = ("name", "declarator")
# Parents whose identifier children are declared names even without such a field.
_DECLARING_PARENTS = frozenset({"parameters", "formal_parameters", "typed_parameter", "lambda_parameters",
                                "pattern_list", "tuple_pattern", "catch_clause", "except_clause",
                                "parameter_list"})
# Parents whose ``left`` side declares (Python assignments, for-loop variables).
_LEFT_DECLARES = frozenset({"assignment", "for_statement", "for_in_statement"})


def _declares(node) -> bool:
    """Whether this identifier is the name a declaration introduces (not a use of a name)."""
    parent = node.parent
    if parent is None:
        return False
    if any(parent.child_by_field_name(name) == node for name in _DECLARING_FIELDS):
        return True
    if parent.type in _LEFT_DECLARES:
        return parent.child_by_field_name("left") == node
    return parent.type in _DECLARING_PARENTS


def _node_span(node, pos: Callable[[int], int]) -> tuple[int, int]:
    return pos(node.start_byte), pos(node.end_byte)


def _field_span(node, names: tuple[str, ...], pos: Callable[[int], int]) -> tuple[int, int] | None:
    """Character span of all children under any of the field ``names`` (None when there are none)."""
    children = [c for name in names for c in node.children_by_field_name(name) if c.is_named]
    if not children:
        return None
    return pos(min(c.start_byte for c in children)), pos(max(c.end_byte for c in children))


def _tokens_in(out: TokenStream, first: int, span: tuple[int, int]) -> tuple[int, int]:
    """Index range of the tokens of the node headed by token ``first`` that start inside ``span``."""
    end = len(out.kinds)
    lo = bisect.bisect_left(out.start, span[0], first + 1, end)
    return lo, bisect.bisect_left(out.start, span[1], lo, end)


def _regroup(out: TokenStream, first: int, spans: list[tuple[int, int] | None]) -> None:
    """Reorder the tokens of one node (``first`` = its head token) so that the groups come in the order of
    ``spans`` (character spans; None = the head token). Kinds and raw texts move; positions stay in text order,
    so a fragment still maps to the lines it covers (columns inside the node are approximate). Nothing changes
    unless the groups cover every token of the node exactly once."""
    end = len(out.kinds)
    groups = [(first, first + 1) if span is None else _tokens_in(out, first, span) for span in spans]
    edge = first
    for lo, hi in sorted(g for g in groups if g[1] > g[0]):
        if lo != edge:
            return  # a gap or an overlap: some token belongs to no group, or to two
        edge = hi
    if edge != end:
        return
    out.kinds[first:end] = [k for lo, hi in groups for k in out.kinds[lo:hi]]
    out.raw[first:end] = [r for lo, hi in groups for r in out.raw[lo:hi]]


def _canonical_operands(out: TokenStream, node, first: int, pos: Callable[[int], int]) -> None:
    """Put the two operands of a mirrorable comparison in a canonical order (``0 != i % 15`` and
    ``i % 15 != 0``, ``a < b`` and ``b > a`` give the same kinds)."""
    operands = [c for c in node.named_children if classify(c.type) != "COMMENT"]
    ops = [c.type for c in node.children if not c.is_named]
    if len(operands) != 2 or len(ops) != 1 or ops[0] not in _MIRRORABLE:
        return
    left, right = (_node_span(c, pos) for c in operands)
    (l_lo, l_hi), (r_lo, r_hi) = _tokens_in(out, first, left), _tokens_in(out, first, right)
    if l_hi > l_lo and r_hi > r_lo and out.kinds[r_lo:r_hi] < out.kinds[l_lo:l_hi]:
        _regroup(out, first, [None, right, left])


def _loop_in_while_order(out: TokenStream, node, first: int, pos: Callable[[int], int]) -> None:
    """A three-part ``for`` read in the order of the equivalent ``while``: initialiser, loop, condition, body,
    update (so ``for (i = 0; i < n; i++) B`` and ``i = 0; while (i < n) { B i++; }`` read alike)."""
    init = _field_span(node, ("initializer", "init"), pos)
    update = _field_span(node, ("update", "increment"), pos)
    body = _field_span(node, ("body",), pos)
    if body is None or (init is None and update is None):
        return
    condition = _field_span(node, ("condition",), pos)
    before = [init] if init else []
    _regroup(out, first, [*before, None, *(s for s in (condition, body, update) if s)])


def _branches_in_canonical_order(out: TokenStream, node, first: int, pos: Callable[[int], int]) -> None:
    """``if c A else B`` and ``if !c B else A`` (and ternaries) read alike: the two branches in a canonical
    order (by their kinds). ``else if`` chains are left as written."""
    alternatives = [c for c in node.children_by_field_name("alternative") if c.is_named]
    consequence = _field_span(node, ("consequence",), pos)
    if len(alternatives) != 1 or consequence is None or _is_else_if(alternatives[0]):
        return
    alternative = _node_span(alternatives[0], pos)
    (a_lo, a_hi), (c_lo, c_hi) = _tokens_in(out, first, alternative), _tokens_in(out, first, consequence)
    if out.kinds[a_lo:a_hi] < out.kinds[c_lo:c_hi]:
        condition = _field_span(node, ("condition",), pos)
        _regroup(out, first, [None, *([condition] if condition else []), alternative, consequence])


def _is_else_if(alternative) -> bool:
    """An ``else if`` / ``elif`` branch (the next link of a chain, not a plain else)."""
    if alternative.type in ("if_statement", "elif_clause"):
        return True
    inner = [c for c in alternative.named_children if classify(c.type) != "COMMENT"]
    return alternative.type == "else_clause" and len(inner) == 1 and inner[0].type == "if_statement"


def _condition_text(node) -> str | None:
    cond = node.child_by_field_name("condition")
    if cond is None:
        return None
    return cond.text.decode("utf-8", "replace").strip().strip("()").strip()


def from_tree(tree, text: str, data: bytes, steps: frozenset[str] = frozenset(NORMALISATION_STEPS)) -> TokenStream:
    """Normalised tokens of a parsed file (``data`` = the UTF-8 bytes given to the parser).

    ``steps`` switches normalisation steps on (all by default; switching one off is how the
    benchmark measures what each step is worth): ``names`` (identifiers -> ID), ``literals``
    (-> STR/NUM/LIT), ``types`` (types and modifiers dropped), ``loops`` (every loop -> LOOP),
    ``conditionals`` (if/ternary/switch -> COND), ``operators`` (operator classes).
    """
    out = TokenStream()
    keep_names, keep_literals = "names" not in steps, "literals" not in steps
    mapping = _char_offsets(text, data)

    def pos(byte_offset: int) -> int:
        return int(mapping[byte_offset]) if mapping is not None else byte_offset

    errors: list[int] = []
    dead_chars: list[tuple[int, int]] = []
    # iterative pre-order walk; ("exit", node, category, first_token) closes a unit
    stack: list[tuple] = [("enter", tree.root_node)]
    while stack:
        action, node, *rest = stack.pop()
        if action == "exit":
            category, first = rest
            if category in UNIT_CATEGORIES and len(out.kinds) - first >= MIN_UNIT_TOKENS:
                out.units.append((first, len(out.kinds)))
            if category in ("COND", "LOOP") and _condition_text(node) in FALSY:
                out.dead.append((first, len(out.kinds)))
            if category == "BINOP" and "operators" in steps:
                _canonical_operands(out, node, first, pos)
            elif category == "LOOP" and "loops" in steps:
                _loop_in_while_order(out, node, first, pos)
            elif category == "COND" and "conditionals" in steps:
                _branches_in_canonical_order(out, node, first, pos)
            continue
        category = classify(node.type) if node.parent is not None else None
        start, end = pos(node.start_byte), pos(node.end_byte)
        if category == "COMMENT":
            out.comments.append((text[start:end], start, end))
            continue
        if category == "DROP" or category == "SELF":
            if category == "DROP" and "types" not in steps and re.search("type|modifier", node.type):
                out.emit(f"T:{text[start:end]}", text[start:end], start, end)
            continue
        if category in LEAF_CATEGORIES:
            raw = text[start:end]
            concrete = keep_names if category == "ID" else keep_literals
            out.emit(f"{category}:{raw[:40]}" if concrete else category, raw, start, end)
            if category == "STR":
                out.strings.append((raw, start, end))
            elif category == "ID":
                out.identifiers.append((raw, start, end))
                if _declares(node):
                    out.declared.add(raw)
            continue
        first = len(out.kinds)
        if category is not None:
            kind = _operator_class(node, "operators" in steps) if category == "BINOP" else category
            if (category == "LOOP" and "loops" not in steps) or (
                    category == "COND" and "conditionals" not in steps):
                kind = node.type
            head = node.child(0)
            out.emit(kind, node.type, start, pos(head.end_byte) if head is not None else end)
            stack.append(("exit", node, category, first))
        children = node.named_children
        named = [c for c in children if classify(c.type) != "COMMENT"]
        for idx, child in enumerate(named[:-1]):
            if classify(child.type) in TERMINATORS:
                dead_chars.append((pos(named[idx + 1].start_byte), pos(named[-1].end_byte)))
                break
        for child in reversed(children):
            stack.append(("enter", child))
    if tree.root_node.has_error:
        errors = _error_lines(tree.root_node)
    if errors:
        lines = sorted(set(errors))
        shown = ", ".join(str(n) for n in lines[:10]) + (" ..." if len(lines) > 10 else "")
        out.problems.append(f"parse errors near line(s) {shown}; those parts were read as best possible")
    starts = np.array(out.start, dtype=np.int64)
    for first, last in dead_chars:
        i, j = int(np.searchsorted(starts, first, "left")), int(np.searchsorted(starts, last, "left"))
        if j > i:
            out.dead.append((i, j))
    out.dead.extend(_unused_declarations(out))
    out.dead = sorted(set(out.dead))
    return out


def _error_lines(root) -> list[int]:
    """1-based lines of ERROR and MISSING nodes (only subtrees that contain errors are walked)."""
    lines: list[int] = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.type == "ERROR" or node.is_missing:
            lines.append(node.start_point[0] + 1)
        stack.extend(c for c in node.children if c.has_error or c.is_missing)
    return lines


def _unused_declarations(out: TokenStream) -> list[tuple[int, int]]:
    """Declarations whose declared name never occurs again in the file."""
    counts: dict[str, int] = {}
    for name, _, _ in out.identifiers:
        counts[name] = counts.get(name, 0) + 1
    dead = []
    for i, j in out.units:
        if out.kinds[i] != "DECL":
            continue
        for k in range(i + 1, j):
            if out.kinds[k] == "ID":
                if counts.get(out.raw[k], 0) == 1:
                    dead.append((i, j))
                break
    return dead


def from_lexer(text: str, language: LexLanguage | None) -> TokenStream:
    """The lexical fallback: tokens of a file no grammar reads; units are lines."""
    tokens, comments = lex(text, language)
    out = TokenStream(reader="lexical")
    for t in tokens:
        kind = normalised(t)
        out.emit(kind, t.text, t.start, t.end)
        if t.kind == "str":
            out.strings.append((t.text, t.start, t.end))
        elif t.kind == "id":
            out.identifiers.append((t.text, t.start, t.end))
    out.comments = [(c.text, c.start, c.end) for c in comments]
    line_of = np.searchsorted(line_starts(text), np.array(out.start, dtype=np.int64), side="right").tolist()
    first = 0
    for k in range(1, len(line_of) + 1):
        if k == len(line_of) or line_of[k] != line_of[first]:
            if k - first >= MIN_UNIT_TOKENS:
                out.units.append((first, k))
            first = k
    return out
