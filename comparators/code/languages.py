"""Source languages the code comparator recognises, by file extension."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Language:
    """A language's name and how its comments look (for the lexical reader)."""

    name: str
    line_comments: tuple[str, ...]
    block_comments: tuple[tuple[str, str], ...]


_C_LIKE = (("//",), (("/*", "*/"),))
_HASH = (("#",), ())

LANGUAGES: dict[str, Language] = {
    "java": Language("java", *_C_LIKE),
    "c": Language("c", *_C_LIKE),
    "cpp": Language("cpp", *_C_LIKE),
    "csharp": Language("csharp", *_C_LIKE),
    "javascript": Language("javascript", *_C_LIKE),
    "typescript": Language("typescript", *_C_LIKE),
    "tsx": Language("tsx", *_C_LIKE),
    "go": Language("go", *_C_LIKE),
    "kotlin": Language("kotlin", *_C_LIKE),
    "rust": Language("rust", *_C_LIKE),
    "swift": Language("swift", *_C_LIKE),
    "scala": Language("scala", *_C_LIKE),
    "php": Language("php", ("//", "#"), (("/*", "*/"),)),
    "python": Language("python", *_HASH),
    "ruby": Language("ruby", ("#",), (("=begin", "=end"),)),
    "shell": Language("shell", *_HASH),
    "perl": Language("perl", *_HASH),
    "lua": Language("lua", ("--",), (("--[[", "]]"),)),
    "sql": Language("sql", ("--",), (("/*", "*/"),)),
}

EXTENSIONS: dict[str, str] = {
    ".java": "java", ".c": "c", ".h": "c", ".cc": "cpp", ".cpp": "cpp", ".cxx": "cpp",
    ".hpp": "cpp", ".hh": "cpp", ".hxx": "cpp", ".cs": "csharp", ".js": "javascript",
    ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript", ".ts": "typescript",
    ".tsx": "tsx", ".go": "go", ".kt": "kotlin", ".kts": "kotlin", ".rs": "rust",
    ".swift": "swift", ".scala": "scala", ".php": "php", ".py": "python", ".pyw": "python",
    ".rb": "ruby", ".sh": "shell", ".bash": "shell", ".pl": "perl", ".pm": "perl",
    ".lua": "lua", ".sql": "sql",
}


def language_of(path: str | Path) -> Language | None:
    """The language of a source file by its extension, or ``None``."""
    name = EXTENSIONS.get(Path(path).suffix.lower())
    return LANGUAGES[name] if name else None
