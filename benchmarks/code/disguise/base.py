"""Shared machinery for disguise transformations: byte-range edits, tree helpers, site selection, fresh names."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from langs import KEYWORDS
from tree_sitter import Node

# Share of eligible sites a transformation edits at each strength.
FRACTION: dict[int, float] = {1: 0.25, 2: 0.6, 3: 1.0}


@dataclass(frozen=True)
class Edit:
    """Replace ``src[start:end]`` with ``text``."""

    start: int
    end: int
    text: bytes


def apply_edits(src: bytes, edits: Iterable[Edit]) -> bytes:
    """Apply non-overlapping edits (insertions at one point keep their given order)."""
    ordered = sorted(enumerate(edits), key=lambda ie: (ie[1].start, ie[1].end, ie[0]))
    out: list[bytes] = []
    pos = 0
    for _, e in ordered:
        if e.start < pos:
            raise ValueError(f"overlapping edit at {e.start} (< {pos})")
        out.append(src[pos:e.start])
        out.append(e.text)
        pos = e.end
    out.append(src[pos:])
    return b"".join(out)


def non_overlapping(edits: Iterable[Edit]) -> list[Edit]:
    """Keep edits in the given order of priority, dropping any that overlaps one already kept."""
    kept: list[Edit] = []
    for e in edits:
        if all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
    return kept


def text(node: Node, src: bytes) -> str:
    """The source text of ``node``."""
    return src[node.start_byte:node.end_byte].decode("utf-8", "replace")


def pick(rng: random.Random, items: Sequence, strength: int, minimum: int = 1) -> list:
    """A seeded subset of ``items`` sized by ``strength`` (kept in the original order)."""
    if not items:
        return []
    k = max(minimum, round(len(items) * FRACTION[strength]))
    k = min(k, len(items))
    chosen = sorted(rng.sample(range(len(items)), k))
    return [items[i] for i in chosen]


def line_start(src: bytes, pos: int) -> int:
    """Byte offset where the line holding ``pos`` starts."""
    return src.rfind(b"\n", 0, pos) + 1


def line_end(src: bytes, pos: int) -> int:
    """Byte offset of the newline ending the line holding ``pos`` (or the end of the text)."""
    end = src.find(b"\n", pos)
    return len(src) if end < 0 else end


def indent_at(src: bytes, pos: int) -> bytes:
    """The leading whitespace of the line holding ``pos``."""
    start = line_start(src, pos)
    m = re.match(rb"[ \t]*", src[start:])
    return m.group(0) if m else b""


def starts_line(src: bytes, node: Node) -> bool:
    """Whether only whitespace precedes ``node`` on its line."""
    return src[line_start(src, node.start_byte):node.start_byte].strip() == b""


def ends_line(src: bytes, node: Node) -> bool:
    """Whether only whitespace follows ``node`` on its line."""
    return src[node.end_byte:line_end(src, node.end_byte)].strip() == b""


def indent_unit(src: bytes) -> bytes:
    """The file's indentation step (tab, or the most common positive difference of space indents)."""
    widths: list[int] = []
    tabs = 0
    for line in src.split(b"\n"):
        if not line.strip():
            continue
        lead = line[: len(line) - len(line.lstrip(b" \t"))]
        if lead.startswith(b"\t"):
            tabs += 1
        widths.append(len(lead.expandtabs(8)))
    if tabs > len(widths) // 2:
        return b"\t"
    counts: dict[int, int] = {}
    prev = 0
    for w in widths:
        d = w - prev
        if 2 <= d <= 8:
            counts[d] = counts.get(d, 0) + 1
        prev = w
    if not counts:
        return b"    "
    return b" " * max(sorted(counts), key=lambda d: counts[d])


def named_children(node: Node, skip: frozenset[str] = frozenset()) -> list[Node]:
    """Named children of ``node`` whose type is not in ``skip``."""
    return [c for c in node.named_children if c.type not in skip]


def ancestors(node: Node) -> Iterable[Node]:
    """Parents of ``node`` up to the root."""
    cur = node.parent
    while cur is not None:
        yield cur
        cur = cur.parent


def has_ancestor(node: Node, types: frozenset[str] | set[str]) -> bool:
    """Whether any ancestor of ``node`` has a type in ``types``."""
    return any(a.type in types for a in ancestors(node))


WORDS: tuple[str, ...] = tuple(
    """
    item value count total index node entry buffer data result state flag size length limit offset position
    cursor record element key name label target source origin handle token chunk block frame packet message
    signal event payload header footer body field column row cell table list queue stack map tree graph edge
    vertex path route link chain slot bucket pool cache store registry context session scope config option
    setting param argument input output reader writer parser builder factory manager handler worker helper
    runner visitor walker scanner checker filter mapper reducer collector counter tracker monitor watcher
    listener observer adapter wrapper proxy bridge channel stream pipe socket port host client server request
    response reply answer query match pattern rule policy mode kind type format layout style scheme template
    model view unit part piece segment span range window delta step pass round cycle phase stage level depth
    width height weight score rank order sequence series batch group set pair tuple triple vector matrix grid
    image pixel color shade tone bit byte word char text line page sheet file folder archive bundle package
    module library resource asset object instance entity subject owner user account member person agent actor
    """.split()
)

SYNONYMS: dict[str, tuple[str, ...]] = {
    "count": ("total", "tally", "num", "amount"), "index": ("idx", "pos", "position", "slot"),
    "value": ("val", "datum", "content", "amount"), "result": ("res", "outcome", "answer", "ret"),
    "buffer": ("buf", "storage", "area", "scratch"), "length": ("len", "size", "extent"),
    "size": ("length", "extent", "capacity"), "number": ("num", "count", "amount"),
    "temp": ("tmp", "scratch", "aux"), "tmp": ("temp", "aux", "work"), "data": ("payload", "content", "bytes"),
    "key": ("id", "name", "tag"), "name": ("label", "title", "ident"), "list": ("items", "seq", "array"),
    "item": ("elem", "entry", "element"), "element": ("item", "entry", "member"), "node": ("vertex", "elem"),
    "get": ("fetch", "obtain", "read", "load"), "set": ("put", "store", "assign", "write"),
    "add": ("append", "insert", "push", "put"), "remove": ("delete", "drop", "erase", "discard"),
    "create": ("make", "build", "new", "construct"), "init": ("setup", "prepare", "start"),
    "check": ("verify", "validate", "test", "ensure"), "is": ("has", "can", "should"),
    "parse": ("read", "decode", "scan", "process"), "write": ("emit", "output", "put", "store"),
    "read": ("load", "fetch", "consume", "take"), "compute": ("calc", "calculate", "evaluate", "derive"),
    "find": ("search", "lookup", "locate", "seek"), "update": ("refresh", "modify", "change", "adjust"),
    "start": ("begin", "first", "head", "from"), "end": ("stop", "last", "tail", "finish"),
    "begin": ("start", "open", "enter"), "close": ("finish", "shutdown", "release", "end"),
    "open": ("begin", "acquire", "enter"), "input": ("source", "src", "in"), "output": ("sink", "dest", "out"),
    "source": ("origin", "src", "input"), "target": ("dest", "goal", "dst"), "string": ("str", "text", "chars"),
    "str": ("string", "text", "txt"), "text": ("str", "content", "string"), "error": ("err", "fault", "failure"),
    "message": ("msg", "text", "note"), "msg": ("message", "note", "text"), "file": ("doc", "fp", "stream"),
    "path": ("route", "location", "filename"), "map": ("table", "dict", "lookup"), "table": ("map", "grid"),
    "handler": ("callback", "processor", "hook"), "callback": ("handler", "hook", "fn"),
    "max": ("upper", "top", "most"), "min": ("lower", "least", "bottom"), "first": ("head", "initial", "front"),
    "last": ("tail", "final", "back"), "next": ("following", "succ", "after"),
    "prev": ("previous", "pred", "before"), "current": ("cur", "active", "now"),
    "cur": ("current", "active", "here"), "new": ("fresh", "next", "created"), "old": ("prev", "former", "stale"),
    "default": ("fallback", "base", "standard"), "state": ("status", "mode", "phase"),
    "type": ("kind", "sort", "category"), "info": ("details", "meta", "desc"), "out": ("dst", "sink", "res"),
    "in": ("src", "inp", "source"), "ptr": ("pointer", "ref", "p"), "len": ("length", "size", "n"),
    "num": ("count", "number", "n"), "pos": ("position", "offset", "idx"), "offset": ("pos", "shift", "delta"),
    "flag": ("mark", "bit", "switch"), "flags": ("bits", "options", "mask"), "mask": ("bits", "filter", "flags"),
    "list_": ("items",), "config": ("settings", "conf", "options"), "options": ("opts", "settings", "config"),
    "opts": ("options", "settings"), "args": ("params", "arguments", "argv"), "params": ("args", "arguments"),
    "request": ("req", "query", "call"), "response": ("resp", "reply", "answer"),
    "context": ("ctx", "env", "scope"), "ctx": ("context", "env", "state"),
    "manager": ("controller", "supervisor", "registry"), "builder": ("maker", "factory", "assembler"),
    "reader": ("loader", "scanner", "source"), "writer": ("emitter", "printer", "sink"),
    "token": ("lexeme", "symbol", "piece"), "line": ("row", "record", "text"), "char": ("ch", "symbol", "letter"),
    "word": ("term", "token", "unit"), "total": ("sum", "count", "overall"), "sum": ("total", "acc", "accum"),
    "width": ("cols", "w", "span"), "height": ("rows", "h", "depth"), "image": ("picture", "img", "bitmap"),
    "color": ("colour", "tint", "shade"),
}

_SPLIT_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")


def split_words(name: str) -> list[str]:
    """Lower-case words of an identifier written in camel, Pascal or snake case."""
    return [w.lower() for w in _SPLIT_RE.findall(name)] or [name.lower()]


def name_style(name: str) -> str:
    """``upper``, ``pascal``, ``snake`` or ``camel`` (the way ``name`` is written)."""
    core = name.strip("_")
    if not core:
        return "snake"
    if core.isupper() and len(core) > 1:
        return "upper"
    if core[0].isupper():
        return "pascal"
    if "_" in core:
        return "snake"
    return "camel"


def join_words(words: Sequence[str], style: str) -> str:
    """Write ``words`` as one identifier in ``style``."""
    if style == "upper":
        return "_".join(w.upper() for w in words)
    if style == "snake":
        return "_".join(words)
    if style == "pascal":
        return "".join(w.capitalize() for w in words)
    return words[0] + "".join(w.capitalize() for w in words[1:])


IDENT_RE = re.compile(rb"[A-Za-z_$][A-Za-z0-9_$]*")


def identifiers_in(src: bytes) -> set[str]:
    """Every identifier-like word in ``src`` (used to keep fresh names from capturing existing ones)."""
    return {m.decode() for m in IDENT_RE.findall(src)}


class NameMaker:
    """Makes new identifiers that collide with nothing in the file, a keyword or each other."""

    def __init__(self, rng: random.Random, lang: str, src: bytes) -> None:
        self.rng = rng
        self.lang = lang
        self.taken: set[str] = identifiers_in(src) | set(KEYWORDS[lang])

    def _claim(self, candidate: str) -> str | None:
        if candidate and candidate not in self.taken and candidate.isidentifier():
            self.taken.add(candidate)
            return candidate
        return None

    def rename(self, old: str) -> str:
        """A plausible new name for ``old``: synonyms, abbreviations or fresh words, in the same style."""
        style = name_style(old)
        lead = old[: len(old) - len(old.lstrip("_"))]
        words = split_words(old)
        for attempt in range(40):
            new_words: list[str] = []
            for w in words:
                r = self.rng.random()
                if w in SYNONYMS and r < 0.6:
                    new_words.append(self.rng.choice(SYNONYMS[w]))
                elif r < 0.8 or len(words) == 1:
                    new_words.append(self.rng.choice(WORDS))
                else:
                    new_words.append(w)
            if attempt > 10 or (len(words) == 1 and self.rng.random() < 0.3):
                new_words.append(self.rng.choice(WORDS))
            if attempt > 25:
                new_words.append(str(self.rng.randrange(2, 99)))
            cand = lead + join_words(new_words, style)
            if cand != old and (got := self._claim(cand)):
                return got
        raise RuntimeError(f"no fresh name for {old}")

    def fresh(self, style: str | None = None, words: int = 2) -> str:
        """A new name made of random words."""
        if style is None:
            style = "snake" if self.lang in ("python", "c") else "camel"
        for attempt in range(60):
            ws = [self.rng.choice(WORDS) for _ in range(words + attempt // 20)]
            if (got := self._claim(join_words(ws, style))):
                return got
        raise RuntimeError("no fresh name")


def comment_line(lang: str, words: str) -> str:
    """A one-line comment in ``lang``."""
    return f"# {words}" if lang == "python" else f"// {words}"


def function_name(node: Node) -> Node | None:
    """The name node of a function/method definition (follows C declarator chains)."""
    name = node.child_by_field_name("name")
    if name is not None:
        return name
    decl = node.child_by_field_name("declarator")
    while decl is not None and decl.type not in ("identifier", "field_identifier"):
        decl = decl.child_by_field_name("declarator")
    return decl


Transform = Callable[[bytes, str, int, random.Random], bytes]
