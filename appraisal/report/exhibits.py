"""Exhibits: one renderer per modality, each showing one finding from the case's materials.

An exhibit is built from a stored finding (its regions) and the intake copies in
``materials/`` (after their hashes are re-checked); it never runs a comparator. A renderer
implements :class:`ExhibitRenderer`; :func:`register` plugs in another modality (image
regions, audio segments, binary function tables) the same way. Findings of a modality
without a renderer get :class:`RegionTable`, a plain table of their regions. Image findings
are drawn by :mod:`appraisal.report.image_exhibit` (registered lazily, so a report without
images never loads OpenCV).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Any, Protocol

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt

from appraisal.report.labels import category_name, label
from appraisal.report.ooxml import repeat_header_row, set_column_widths
from appraisal.report.tables import HEADER_FILL, caption, mono_run, shade_run, table
from comparators.errors import InputError
from comparators.hashing import sha256_bytes
from comparators.text.read import parse_document
from comparators.textio import decode_bytes

MAX_LINES = 40
CONTEXT_LINES = 2
SIDE_WIDTHS = [0.9, 7.0, 0.9, 7.0]  # cm: line no., text, line no., text (A4 body 15.8 cm)


@dataclass(frozen=True)
class SourceFile:
    """A file inside a material: its material id, path, recorded SHA-256, text and bytes."""

    material_id: str
    path: str
    sha256: str
    text: str | None  # None when the file is not text or its hash no longer matches
    data: bytes | None = None  # the file's bytes, only when they match the recorded SHA-256


class FileSource(Protocol):
    """Where renderers read material files from (the case, after hash re-verification)."""

    def file(self, path: str) -> SourceFile: ...


@dataclass(frozen=True)
class ExhibitContext:
    """What a renderer needs besides the finding."""

    lang: str
    number: str  # e.g. "附件3-2"
    attachment: int
    seq: int
    files: FileSource
    comparison: dict[str, Any] | None = None  # the stored comparison the finding belongs to (excluded, units)


class ExhibitRenderer(Protocol):
    """Renders one finding as an exhibit into a python-docx document."""

    def render(self, document: Any, finding: dict[str, Any], ctx: ExhibitContext) -> None: ...


_REGISTRY: dict[str, ExhibitRenderer] = {}


def register(modality: str, renderer: ExhibitRenderer) -> None:
    """Use ``renderer`` for findings ``F-<modality>-<seq>``."""
    _REGISTRY[modality] = renderer


def modality(finding_id: str) -> str:
    """``code`` for ``F-code-0001``."""
    parts = finding_id.split("-")
    return parts[1] if len(parts) >= 3 else "generic"


def renderer_for(finding: dict[str, Any]) -> ExhibitRenderer:
    """The renderer of a finding's modality, or the generic region table."""
    return _REGISTRY.get(modality(finding["id"]), RegionTable())


def exhibit_caption(document: Any, finding: dict[str, Any], ctx: ExhibitContext) -> None:
    caption(document, label(ctx.lang, "exhibit_caption").format(
        k=ctx.attachment, m=ctx.seq, id=finding["id"], category=category_name(ctx.lang, finding["category"]),
        score=f"{finding['score']:.3f}"))


def where(region: dict[str, Any]) -> str:
    """``path:start-end`` of a region (path without the ``materials/`` prefix).

    An image region (a polygon) reads ``path:x<min>-<max> y<min>-<max>``, its bounding box in pixels;
    an audio segment ``path:<start>-<end>s``; a program's function ``path:name@0x<start>-0x<end>``.
    """
    path = region.get("path", "")
    path = path.split("/", 1)[1] if path.startswith("materials/") else path
    if "start_line" in region:
        return f"{path}:{region['start_line']}-{region['end_line']}"
    if region.get("start_s") is not None:
        return f"{path}:{float(region['start_s']):.2f}-{float(region['end_s']):.2f}s"
    if region.get("address"):
        lo, hi = region["address"]
        name = f"{region['function']}@" if region.get("function") else ""
        return f"{path}:{name}0x{int(lo):x}-0x{int(hi):x}"
    if region.get("polygon"):
        x0, y0, x1, y1 = bounding_box(region["polygon"])
        return f"{path}:x{x0:.0f}-{x1:.0f} y{y0:.0f}-{y1:.0f}"
    return path


def bounding_box(polygon: list[list[float]]) -> tuple[float, float, float, float]:
    """``(x_min, y_min, x_max, y_max)`` of a polygon's vertices."""
    xs = [float(p[0]) for p in polygon]
    ys = [float(p[1]) for p in polygon]
    return min(xs), min(ys), max(xs), max(ys)


class SideBySide:
    """Code and text: two columns (样本 left, 检材 right), line numbers, matched spans shaded.

    With ``documents`` (text findings) each side is the text the text comparator read from the
    file (a DOCX's paragraphs, a GB18030 file decoded), which its character offsets refer to;
    otherwise the file decoded as the code comparator decodes it.
    """

    def __init__(self, documents: bool = False) -> None:
        self.documents = documents

    def _source(self, files: FileSource, path: str) -> SourceFile:
        reader = getattr(files, "document", None) if self.documents else None
        return reader(path) if reader is not None else files.file(path)

    def render(self, document: Any, finding: dict[str, Any], ctx: ExhibitContext) -> None:
        exhibit_caption(document, finding, ctx)
        sides = []
        for key in ("a", "b"):
            region = finding[key]
            source = self._source(ctx.files, region["path"])
            sides.append((region, source, excerpt_lines(region, source)))
        tbl = document.add_table(rows=1, cols=4)
        tbl.style = "Table Grid"
        tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
        head = tbl.rows[0].cells
        for (region, source, excerpt), left, right, side_key in (
                (sides[0], head[0], head[1], "exhibit_side_a"), (sides[1], head[2], head[3], "exhibit_side_b")):
            cell = left.merge(right)
            paragraph = cell.paragraphs[0]
            paragraph.style = "Table Text"
            paragraph.add_run(label(ctx.lang, side_key).format(id=source.material_id) + "  ").bold = True
            lines = f"{excerpt[0][0]}-{excerpt[-1][0]}" if excerpt else "-"
            mono_run(paragraph.add_run(f"{where({'path': region['path']})}:{lines}  SHA-256 {source.sha256[:12]}"), 7)
            cite = (finding.get("detail") or {}).get(f"cite_{'a' if side_key.endswith('a') else 'b'}")
            if "start_char" in region:
                extra = label(ctx.lang, "exhibit_cite").format(cite=cite or "-", start=region["start_char"],
                                                               end=region["end_char"])
                paragraph.add_run("\n" + extra).font.size = Pt(7)
            from appraisal.report.ooxml import shade_cell
            shade_cell(cell, HEADER_FILL)
        repeat_header_row(tbl.rows[0])
        rows = max(len(sides[0][2]), len(sides[1][2]))
        for i in range(rows):
            cells = tbl.add_row().cells
            for col, (_region, _source, excerpt) in zip((0, 2), sides, strict=True):
                if i >= len(excerpt):
                    continue
                number, text, spans = excerpt[i]
                _mono_cell(cells[col], str(number))
                paragraph = cells[col + 1].paragraphs[0]
                paragraph.style = "Table Text"
                pos = 0
                for start, end in spans:
                    if start > pos:
                        mono_run(paragraph.add_run(text[pos:start]), 8)
                    shade_run(mono_run(paragraph.add_run(text[start:end]), 8))
                    pos = end
                if pos < len(text) or not text:
                    mono_run(paragraph.add_run(text[pos:]), 8)
        set_column_widths(tbl, SIDE_WIDTHS)
        truncated = [s for s in sides if s[1].text is not None and _span_lines(s[0], s[1]) > MAX_LINES]
        if truncated:
            note = document.add_paragraph(label(ctx.lang, "exhibit_truncated").format(n=MAX_LINES), style="Table Text")
            note.paragraph_format.space_after = Pt(6)


def _mono_cell(cell: Any, text: str) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = "Table Text"
    mono_run(paragraph.add_run(text), 7)


def _span_lines(region: dict[str, Any], source: SourceFile) -> int:
    if "start_line" not in region:
        return (source.text or "").count("\n") + 1
    return region["end_line"] - region["start_line"] + 1


def excerpt_lines(region: dict[str, Any], source: SourceFile) -> list[tuple[int, str, list[tuple[int, int]]]]:
    """Lines to show: ``(line number, text, shaded spans)``, at most MAX_LINES."""
    if source.text is None:
        return []
    raw_lines = source.text.split("\n")  # lines as the comparators count them
    offsets = list(accumulate((len(line) + 1 for line in raw_lines[:-1]), initial=0))
    lines = [line.removesuffix("\r") for line in raw_lines]
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # the text ends with a newline: no empty line after it
    if "start_line" in region:
        first, last = region["start_line"], region["end_line"]
        span_start, span_end = region.get("start_char"), region.get("end_char")
    else:  # a whole identical file
        first, last, span_start, span_end = 1, len(lines), 0, len(source.text)
    show_first = max(1, first - CONTEXT_LINES)
    show_last = min(len(lines), last + CONTEXT_LINES, show_first + MAX_LINES - 1)
    out = []
    for number in range(show_first, show_last + 1):
        text = lines[number - 1].replace("\t", "    ") if number - 1 < len(lines) else ""
        raw = lines[number - 1] if number - 1 < len(lines) else ""
        spans: list[tuple[int, int]] = []
        if first <= number <= last:
            if span_start is None:
                spans = [(0, len(text))]
            else:
                begin = offsets[number - 1] if number - 1 < len(offsets) else 0
                s = max(0, span_start - begin)
                e = min(len(raw), span_end - begin)
                if e > s:
                    spans = [(len(raw[:s].replace("\t", "    ")), len(raw[:e].replace("\t", "    ")))]
        out.append((number, text, spans))
    return out


class RegionTable:
    """Fallback for modalities without their own renderer: the regions as a table."""

    def render(self, document: Any, finding: dict[str, Any], ctx: ExhibitContext) -> None:
        exhibit_caption(document, finding, ctx)
        rows = []
        for key, side_key in (("a", "exhibit_side_a"), ("b", "exhibit_side_b")):
            region = finding.get(key) or {}
            source = ctx.files.file(region["path"]) if region.get("path") else None
            mid = source.material_id if source else "-"
            detail = ", ".join(f"{k}={v}" for k, v in sorted(region.items()) if k != "path")
            sha = f"  SHA-256 {source.sha256[:12]}" if source else ""
            rows.append([label(ctx.lang, side_key).format(id=mid), where({"path": region.get("path", "")}) + sha,
                         detail or "-"])
        table(document, label(ctx.lang, "cols_region").split("|"), rows, [2.6, 8.2, 5.0], mono_columns=(1,))


class _Deferred:
    """A renderer imported on first use (``"module:Class"``), so its dependencies load only when needed."""

    def __init__(self, target: str) -> None:
        self.target = target

    def render(self, document: Any, finding: dict[str, Any], ctx: ExhibitContext) -> None:
        module, _, name = self.target.partition(":")
        getattr(importlib.import_module(module), name)().render(document, finding, ctx)


register("code", SideBySide())
register("text", SideBySide(documents=True))
register("file", SideBySide())
register("image", _Deferred("appraisal.report.image_exhibit:ImageExhibit"))
register("audio", _Deferred("appraisal.report.audio_exhibit:AudioExhibit"))
register("binary", _Deferred("appraisal.report.binary_exhibit:BinaryExhibit"))


class CaseFiles:
    """:class:`FileSource` over a case's intake copies; a file is read only if its hash matches."""

    def __init__(self, root: Path, materials: list[Any], manifests: dict[str, list[tuple[str, int, str]]]) -> None:
        self.root = root
        self.materials = materials
        self.manifests = manifests
        self._cache: dict[str, SourceFile] = {}
        self._documents: dict[str, SourceFile] = {}

    def document(self, path: str) -> SourceFile:
        """``path`` with the text the text comparator reads from it (None when unreadable or changed)."""
        if path not in self._documents:
            source = self.file(path)
            text = None
            if source.data is not None:
                try:
                    text = parse_document(Path(path), source.data).text
                except InputError:
                    text = None
            self._documents[path] = SourceFile(source.material_id, source.path, source.sha256, text, source.data)
        return self._documents[path]

    def file(self, path: str) -> SourceFile:
        if path in self._cache:
            return self._cache[path]
        material = next((m for m in self.materials if path == m.relpath or path.startswith(m.relpath + "/")), None)
        if material is None:
            result = SourceFile("-", path, "", None)
        else:
            rel = path[len(material.relpath) + 1:] if path != material.relpath else material.name
            recorded = {r: sha for r, _size, sha in self.manifests.get(material.id, [])}
            sha = recorded.get(rel, material.sha256 if path == material.relpath else "")
            text = None
            try:
                data: bytes | None = (self.root / path).read_bytes()
            except OSError:
                data = None
            if data is not None and sha256_bytes(data) != sha:
                data = None
            if data is not None:
                try:
                    text = decode_bytes(data, path).text
                except InputError:  # binary, or bytes no encoding explains: no excerpt
                    text = None
            result = SourceFile(material.id, path, sha, text, data)
        self._cache[path] = result
        return result
