"""Tree-sitter parsers and per-language facts used by the code benchmark generator."""

from __future__ import annotations

import keyword
from collections.abc import Iterator
from functools import cache

import tree_sitter_c
import tree_sitter_java
import tree_sitter_javascript
import tree_sitter_python
from tree_sitter import Language, Node, Parser, Tree

LANGUAGES: tuple[str, ...] = ("java", "c", "python", "javascript")

EXTENSION: dict[str, str] = {"java": ".java", "c": ".c", "python": ".py", "javascript": ".js"}

_GRAMMARS = {
    "java": tree_sitter_java,
    "c": tree_sitter_c,
    "python": tree_sitter_python,
    "javascript": tree_sitter_javascript,
}

KEYWORDS: dict[str, frozenset[str]] = {
    "java": frozenset(
        "abstract assert boolean break byte case catch char class const continue default do double else enum "
        "extends final finally float for goto if implements import instanceof int interface long native new "
        "package private protected public return short static strictfp super switch synchronized this throw "
        "throws transient try void volatile while true false null var record yield sealed permits".split()
    ),
    "c": frozenset(
        "auto break case char const continue default do double else enum extern float for goto if inline int "
        "long register restrict return short signed sizeof static struct switch typedef union unsigned void "
        "volatile while _Bool _Complex bool true false NULL main size_t uint8_t uint16_t uint32_t uint64_t "
        "int8_t int16_t int32_t int64_t".split()
    ),
    "python": frozenset(keyword.kwlist + keyword.softkwlist + dir(__builtins__) + ["self", "cls"]),
    "javascript": frozenset(
        "break case catch class const continue debugger default delete do else export extends finally for "
        "function if import in instanceof new return super switch this throw try typeof var void while with "
        "yield let static enum await implements package protected interface private public null true false "
        "undefined arguments require module exports eval NaN Infinity async of get set".split()
    ),
}

# Node types holding a statement list, and the statement types that may be moved or precede an insertion.
BLOCK_TYPES: dict[str, frozenset[str]] = {
    "java": frozenset({"block", "constructor_body"}),
    "c": frozenset({"compound_statement"}),
    "python": frozenset({"block"}),
    "javascript": frozenset({"statement_block"}),
}

SIMPLE_STATEMENTS: dict[str, frozenset[str]] = {
    "java": frozenset({"expression_statement", "local_variable_declaration"}),
    "c": frozenset({"expression_statement", "declaration"}),
    "python": frozenset({"expression_statement"}),
    "javascript": frozenset({"expression_statement", "lexical_declaration", "variable_declaration"}),
}

COMMENT_TYPES: dict[str, frozenset[str]] = {
    "java": frozenset({"line_comment", "block_comment"}),
    "c": frozenset({"comment"}),
    "python": frozenset({"comment"}),
    "javascript": frozenset({"comment"}),
}

# Nodes whose text is never split into smaller tokens by the layout and renaming passes.
ATOMIC_TYPES: frozenset[str] = frozenset(
    {
        "string_literal", "character_literal", "string", "char_literal", "template_string", "regex",
        "line_comment", "block_comment", "comment", "preproc_arg", "concatenated_string", "text_block",
        "system_lib_string", "raw_string_literal",
    }
)

FUNCTION_TYPES: dict[str, frozenset[str]] = {
    "java": frozenset({"method_declaration", "constructor_declaration"}),
    "c": frozenset({"function_definition"}),
    "python": frozenset({"function_definition"}),
    "javascript": frozenset({"function_declaration", "method_definition", "function_expression", "arrow_function",
                             "generator_function_declaration"}),
}


@cache
def parser(lang: str) -> Parser:
    """A tree-sitter parser for ``lang`` (cached per process)."""
    return Parser(Language(_GRAMMARS[lang].language()))


def parse(lang: str, src: bytes) -> Tree:
    """Parse ``src`` as ``lang``."""
    return parser(lang).parse(src)


def walk(node: Node) -> Iterator[Node]:
    """All nodes under ``node`` (included) in document order."""
    stack = [node]
    while stack:
        cur = stack.pop()
        yield cur
        stack.extend(reversed(cur.children))


def error_count(tree_or_node: Tree | Node) -> int:
    """Number of ERROR and MISSING nodes in a tree."""
    root = tree_or_node.root_node if isinstance(tree_or_node, Tree) else tree_or_node
    if not root.has_error:
        return 0
    return sum(1 for n in walk(root) if n.is_error or n.is_missing)


def parse_errors(lang: str, src: bytes) -> int:
    """Number of ERROR and MISSING nodes when ``src`` is parsed as ``lang``."""
    return error_count(parse(lang, src))
