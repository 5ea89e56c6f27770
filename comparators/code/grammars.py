"""Tree-sitter grammars, loaded offline from the per-language wheels on first use."""

from __future__ import annotations

import importlib
from functools import cache

from tree_sitter import Language, Parser

# language -> (module, function returning the grammar pointer)
GRAMMARS: dict[str, tuple[str, str]] = {
    "java": ("tree_sitter_java", "language"),
    "c": ("tree_sitter_c", "language"),
    "cpp": ("tree_sitter_cpp", "language"),
    "csharp": ("tree_sitter_c_sharp", "language"),
    "python": ("tree_sitter_python", "language"),
    "javascript": ("tree_sitter_javascript", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),
    "go": ("tree_sitter_go", "language"),
    "php": ("tree_sitter_php", "language_php"),
    "lua": ("tree_sitter_lua", "language"),
    "kotlin": ("tree_sitter_kotlin", "language"),
    "rust": ("tree_sitter_rust", "language"),
    "ruby": ("tree_sitter_ruby", "language"),
}


@cache
def language(name: str) -> Language | None:
    """The tree-sitter ``Language`` for ``name``, or ``None`` when no grammar is installed."""
    entry = GRAMMARS.get(name)
    if entry is None:
        return None
    module_name, function = entry
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    return Language(getattr(module, function)())


@cache
def parser(name: str) -> Parser | None:
    """A parser for ``name`` (one per process and language), or ``None``."""
    lang = language(name)
    return Parser(lang) if lang is not None else None


def grammar_version(name: str) -> str | None:
    """The installed version of the grammar wheel (recorded in the comparator's params)."""
    entry = GRAMMARS.get(name)
    if entry is None:
        return None
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(entry[0].replace("_", "-"))
    except PackageNotFoundError:
        return None
