"""A regular-expression lexer with named groups and line/column tracking."""
import re
from typing import Iterator, NamedTuple


class Token(NamedTuple):
    kind: str
    value: str
    line: int
    column: int


SPEC = [
    ("NUMBER", r"\d+(?:\.\d*)?"),
    ("ID", r"[A-Za-z_]\w*"),
    ("STRING", r"'[^']*'"),
    ("OP", r"[+\-*/=<>!]=?|[(),;]"),
    ("NEWLINE", r"\n"),
    ("SKIP", r"[ \t]+"),
    ("MISMATCH", r"."),
]
MASTER = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in SPEC))


def lex(code: str) -> Iterator[Token]:
    line, line_start = 1, 0
    for m in MASTER.finditer(code):
        kind = m.lastgroup
        if kind == "NEWLINE":
            line, line_start = line + 1, m.end()
        elif kind == "SKIP":
            continue
        elif kind == "MISMATCH":
            raise RuntimeError(f"unexpected {m.group()!r} on line {line}")
        else:
            yield Token(kind, m.group(), line, m.start() - line_start)


for token in lex("x = 3.5 * y\nprint('done', x)"):
    print(token)
