"""What the review browser shows, as plain data and HTML (no widgets, testable headless).

:func:`finding_rows` lists a case's findings with their decision in force;
:func:`sort_rows` orders them; :func:`side_by_side_html` renders one finding as two
columns (样本 left, 检材 right) with line numbers and the matched spans highlighted, from
the intake copies after their hashes are re-checked (the same excerpt the report's
exhibits use, so the notebook and the docx show the same lines). :func:`finding_view` is what
the browser shows for any finding: for an image finding, the report's exhibit picture (both
images with the region outlined, and the difference map) as PNG plus its region table.
"""

from __future__ import annotations

import base64
import html
import io
import json
from dataclasses import dataclass, field
from typing import Any

from appraisal.custody.case import Case
from appraisal.report.exhibits import CaseFiles, SourceFile, excerpt_lines, modality, where
from appraisal.review import decisions as review

PENDING = "pending"
SORT_KEYS = ("score", "id", "category", "status", "file")
STATUS_LABELS = {lang: {**labels, PENDING: "待审" if lang == "zh" else "pending"}
                 for lang, labels in review.DECISION_LABELS.items()}
MARK_STYLE = "background:#ffe08a"
_CELL = "padding:0 6px;white-space:pre-wrap;font-family:monospace;font-size:12px;vertical-align:top"
_NUM = "padding:0 4px;color:#888;text-align:right;font-family:monospace;font-size:11px;vertical-align:top"


@dataclass(frozen=True)
class FindingRow:
    """One finding as the browser lists it."""

    id: str
    modality: str
    category: str
    score: float
    a: dict[str, Any]
    b: dict[str, Any]
    status: str  # accepted | rejected | excluded | pending
    reason: str
    detail: dict[str, Any]
    context: dict[str, Any] = field(default_factory=dict)  # of its comparison: excluded, units, frames, comparator

    def finding(self) -> dict[str, Any]:
        """The finding as the report's exhibits take it (a stored match)."""
        return {"id": self.id, "category": self.category, "score": self.score, "a": self.a, "b": self.b,
                "detail": self.detail}

    @property
    def where_a(self) -> str:
        return where(self.a)

    @property
    def where_b(self) -> str:
        return where(self.b)

    def label(self, lang: str = "zh") -> str:
        """One line for the list: id, score, status, both locations."""
        return (f"{self.id}  {self.score:.3f}  [{STATUS_LABELS[lang][self.status]}]  "
                f"{self.where_a}  ↔  {self.where_b}")


def finding_rows(case: Case) -> list[FindingRow]:
    """Every finding of the case with the decision in force, in id order."""
    decided = review.decisions(case)
    details = _details(case)
    rows = []
    for fid, category, score, a_json, b_json in case.conn.execute(
            "SELECT id, category, score, a_json, b_json FROM findings ORDER BY id"):
        decision = decided.get(fid)
        detail, context = details.get(fid, ({}, {}))
        rows.append(FindingRow(fid, modality(fid), category, float(score), json.loads(a_json), json.loads(b_json),
                               decision.decision if decision else PENDING, decision.reason if decision else "",
                               detail, context))
    return rows


CONTEXT_KEYS = ("excluded", "units", "frames", "comparator")


def _details(case: Case) -> dict[str, tuple[dict[str, Any], dict[str, Any]]]:
    """``detail`` of every match (cite_a/cite_b for text, channel data for code, regions for images) and
    what its comparison says besides (excluded regions, image sizes, frames), by finding id."""
    out: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for item in case.comparisons():
        result = item["result"]
        context = {k: result[k] for k in CONTEXT_KEYS if k in result}
        for match in result.get("matches", []):
            out[match["id"]] = (match.get("detail") or {}, context)
    return out


def sort_rows(rows: list[FindingRow], key: str = "score", descending: bool | None = None) -> list[FindingRow]:
    """Rows ordered by ``key`` (one of :data:`SORT_KEYS`); ties broken by id, so the order is stable.

    Scores sort highest first unless ``descending`` says otherwise; the other keys ascend.
    """
    if key not in SORT_KEYS:
        raise ValueError(f"unknown sort key {key!r}; use one of {', '.join(SORT_KEYS)}")
    descending = key == "score" if descending is None else descending
    value = {"score": lambda r: r.score, "id": lambda r: r.id, "category": lambda r: r.category,
             "status": lambda r: r.status, "file": lambda r: r.where_b}[key]
    by_id = sorted(rows, key=lambda r: r.id)
    return sorted(by_id, key=value, reverse=descending)


def case_files(case: Case) -> CaseFiles:
    """The case's intake copies as a file source (hash re-checked on read)."""
    materials = case.materials()
    return CaseFiles(case.root, materials, {m.id: case.material_files(m.id) for m in materials})


def side_by_side_html(row: FindingRow, files: CaseFiles, lang: str = "zh") -> str:
    """Two columns with line numbers; matched spans in ``<mark>``; both files' SHA-256 prefixes."""
    sides = []
    for region in (row.a, row.b):
        source = files.file(region.get("path", ""))
        sides.append((region, source, excerpt_lines(region, source) if region.get("path") else []))
    head = "".join(_side_header(region, source, lines, row.detail.get(f"cite_{key}"), lang)
                   for key, (region, source, lines) in zip("ab", sides, strict=True))
    body = []
    for i in range(max(len(sides[0][2]), len(sides[1][2]))):
        cells = []
        for _region, _source, lines in sides:
            if i < len(lines):
                number, text, spans = lines[i]
                cells.append(f'<td style="{_NUM}">{number}</td><td style="{_CELL}">{_marked(text, spans)}</td>')
            else:
                cells.append(f'<td style="{_NUM}"></td><td style="{_CELL}"></td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    status = STATUS_LABELS[lang][row.status]
    reason = f" — {html.escape(row.reason)}" if row.reason else ""
    title = (f"<b>{html.escape(row.id)}</b> {html.escape(row.category)} · score {row.score:.3f} · "
             f"{html.escape(status)}{reason}")
    return (f'<div><div style="margin:4px 0">{title}</div>'
            f'<table style="border-collapse:collapse;width:100%;table-layout:fixed">'
            f'<colgroup><col style="width:3em"><col><col style="width:3em"><col></colgroup>'
            f"<tr>{head}</tr>{''.join(body)}</table></div>")


@dataclass(frozen=True)
class FindingView:
    """One finding as the viewer shows it: HTML, and for an image finding the exhibit picture (PNG)."""

    html: str
    png: bytes | None = None
    size: tuple[int, int] | None = None  # (width, height) of the picture in pixels

    def _repr_html_(self) -> str:
        """In a notebook cell: the picture (when there is one) above the HTML."""
        if self.png is None:
            return self.html
        data = base64.b64encode(self.png).decode("ascii")
        return f'<img src="data:image/png;base64,{data}" style="max-width:100%">' + self.html


def finding_view(row: FindingRow, files: CaseFiles, lang: str = "zh") -> FindingView:
    """What the browser shows for ``row``: the side-by-side excerpt; for an image finding the exhibit
    picture (both images, the region outlined and numbered 1, the difference map) with its figures; for
    an audio finding the exhibit picture (both recordings, the segment, the alignment path), a player
    for the segment of each side, and the figures."""
    if row.modality == "audio":
        return _audio_view(row, files, lang)
    if row.modality == "binary":
        return _binary_view(row, files, lang)
    if row.modality != "image":
        return FindingView(side_by_side_html(row, files, lang))
    from appraisal.report import image_exhibit  # loads OpenCV only when an image finding is shown

    finding = row.finding()
    if not image_exhibit.is_image_finding(finding):
        return FindingView(side_by_side_html(row, files, lang))
    rgb = image_exhibit.exhibit_rgb(finding, files, row.context)
    png = image_exhibit.png_bytes(rgb) if rgb is not None else None
    size = (int(rgb.shape[1]), int(rgb.shape[0])) if rgb is not None else None
    return FindingView(image_finding_html(row, files, lang, shown=rgb is not None), png, size)


def image_finding_html(row: FindingRow, files: CaseFiles, lang: str = "zh", shown: bool = True) -> str:
    """Title, legend (or why the picture is missing) and the region table of an image finding.

    The same rows as the report's exhibit (:func:`appraisal.report.image_exhibit.figures`).
    """
    from appraisal.report import image_exhibit
    from appraisal.report.labels import label

    finding = row.finding()
    figs = image_exhibit.figures(finding, lang, files, row.context)
    if shown:
        note = html.escape(image_exhibit.legend(finding, lang, row.context))
    else:
        names = label(lang, "image_files_sep").join(image_exhibit.unreadable(finding, files, row.context))
        note = f"<i>{html.escape(label(lang, 'image_unreadable').format(files=names))}</i>"
    table = _figures_table(row, files, lang, figs, mono={label(lang, "image_file"), label(lang, "image_vertices")})
    return (f'<div><div style="margin:4px 0">{_title(row, lang)}</div>'
            f'<div style="font-size:12px;margin:4px 0">{note}</div>{table}</div>')


def _audio_view(row: FindingRow, files: CaseFiles, lang: str) -> FindingView:
    from appraisal.report import audio_exhibit  # loads the audio decoders only when an audio finding is shown
    from appraisal.report.labels import label

    finding = row.finding()
    if not audio_exhibit.is_audio_finding(finding):
        return FindingView(side_by_side_html(row, files, lang))
    png = audio_exhibit.exhibit_png(finding, files, row.context)
    figs = audio_exhibit.figures(finding, lang, files, row.context)
    if png is not None:
        note = html.escape(audio_exhibit.legend(finding, lang, row.context))
    else:
        names = label(lang, "image_files_sep").join(html.escape(r.get("path", "")) for r in (row.a, row.b))
        note = f"<i>{html.escape(label(lang, 'audio_unreadable').format(files=names))}</i>"
    players = []
    for side, region in (("exhibit_side_a", row.a), ("exhibit_side_b", row.b)):
        clip = audio_exhibit.segment_wav(region, files)
        name = label(lang, side).format(id=files.file(region.get("path", "")).material_id)
        span = f"{float(region['start_s']):.2f}–{float(region['end_s']):.2f} s"
        if clip is not None:
            data = base64.b64encode(clip).decode("ascii")
            players.append(f'<div style="font-size:12px">{html.escape(name)} {span}<br>'
                           f'<audio controls preload="none" src="data:audio/wav;base64,{data}"></audio></div>')
    size = None
    if png is not None:
        from PIL import Image

        with Image.open(io.BytesIO(png)) as im:
            size = im.size
    table = _figures_table(row, files, lang, figs, mono={label(lang, "image_file")})
    body = (f'<div><div style="margin:4px 0">{_title(row, lang)}</div>'
            f'<div style="font-size:12px;margin:4px 0">{note}</div>'
            f'<div style="display:flex;gap:2em;margin:4px 0">{"".join(players)}</div>{table}</div>')
    return FindingView(body, png, size)


def _binary_view(row: FindingRow, files: CaseFiles, lang: str) -> FindingView:
    """A program finding: its figures, and for a function pair both functions' disassembly side by side."""
    from appraisal.report import binary_exhibit
    from appraisal.report.labels import label

    finding = row.finding()
    figs = binary_exhibit.figures(finding, lang, files)
    table = _figures_table(row, files, lang, figs, mono={label(lang, "image_file"), label(lang, "binary_range")})
    code = ""
    if finding.get("category", "").startswith("matched function"):
        panes = []
        for region in (row.a, row.b):
            lines = binary_exhibit.listing(region, files) or []
            panes.append(f'<pre style="flex:1;font-size:11px;margin:0">{html.escape(chr(10).join(lines))}</pre>')
        code = f'<div style="display:flex;gap:1em;margin:6px 0">{"".join(panes)}</div>'
    return FindingView(f'<div><div style="margin:4px 0">{_title(row, lang)}</div>{table}{code}</div>')


def _title(row: FindingRow, lang: str) -> str:
    status = STATUS_LABELS[lang][row.status]
    reason = f" — {html.escape(row.reason)}" if row.reason else ""
    return (f"<b>{html.escape(row.id)}</b> {html.escape(row.category)} · score {row.score:.3f} · "
            f"{html.escape(status)}{reason}")


def _figures_table(row: FindingRow, files: CaseFiles, lang: str, figs: Any, mono: set[str]) -> str:
    from appraisal.report.labels import label

    ids = [files.file(region.get("path", "")).material_id for region in (row.a, row.b)]
    style = "text-align:left;vertical-align:top;padding:2px 6px;font-size:12px"
    head = (f"<tr><th>{html.escape(label(lang, 'image_item'))}</th>"
            f"<th>{html.escape(label(lang, 'exhibit_side_a').format(id=ids[0]))}</th>"
            f"<th>{html.escape(label(lang, 'exhibit_side_b').format(id=ids[1]))}</th></tr>")
    body = []
    for item, a, b in figs.sides:
        cell = f"{style};font-family:monospace" if item in mono else style
        body.append(f'<tr><th style="{style}">{html.escape(item)}</th><td style="{cell}">{_lines(a)}</td>'
                    f'<td style="{cell}">{_lines(b)}</td></tr>')
    for item, value in figs.pair:
        body.append(f'<tr><th style="{style}">{html.escape(item)}</th>'
                    f'<td colspan="2" style="{style}">{html.escape(value)}</td></tr>')
    return f'<table style="border-collapse:collapse;width:100%">{head}{"".join(body)}</table>'


def _lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def _side_header(region: dict[str, Any], source: SourceFile, lines: list[tuple[int, str, list]], cite: str | None,
                 lang: str) -> str:
    side = ("样本" if lang == "zh" else "Reference") if source.material_id.startswith("YB") else (
        "检材" if lang == "zh" else "Questioned") if source.material_id.startswith("JC") else ""
    span = f":{lines[0][0]}-{lines[-1][0]}" if lines else ""
    chars = (f"<br>{html.escape(cite or '')} chars {region['start_char']}–{region['end_char']}"
             if "start_char" in region else "")
    unreadable = "不可显示:非文本或哈希不符" if lang == "zh" else "not shown: not text or hash mismatch"
    missing = "" if source.text is not None else f"<br><i>({unreadable})</i>"
    return (f'<th colspan="2" style="text-align:left;background:#eee;font-weight:normal;font-size:12px">'
            f"<b>{side} {html.escape(source.material_id)}</b> {html.escape(where({'path': region.get('path', '')}))}"
            f"{span} SHA-256 {source.sha256[:12]}{chars}{missing}</th>")


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in spans:
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark style="{MARK_STYLE}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def decision_counts(rows: list[FindingRow]) -> dict[str, int]:
    """How many findings are accepted, rejected, excluded and pending."""
    counts = {d: 0 for d in (*review.DECISIONS, PENDING)}
    for row in rows:
        counts[row.status] += 1
    return counts


def _html_table(headers: list[str], rows: list[list[str]], mono: tuple[int, ...] = ()) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(
        f"<td style='font-family:monospace'>{html.escape(v)}</td>" if i in mono else f"<td>{html.escape(v)}</td>"
        for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def materials_html(case: Case, lang: str = "zh") -> str:
    """The case's materials (id, name, files, bytes, SHA-256) as an HTML table."""
    headers = ["编号", "名称", "文件数", "字节数", "SHA-256"] if lang == "zh" else [
        "ID", "Name", "Files", "Bytes", "SHA-256"]
    rows = [[m.id, m.label, str(m.file_count), f"{m.size:,}", m.sha256] for m in case.materials()]
    return _html_table(headers, rows, mono=(4,))


def decisions_html(rows: list[FindingRow], lang: str = "zh") -> str:
    """Every finding with its decision in force and the reason, as an HTML table."""
    headers = ["发现项", "类型", "得分", "决定", "理由"] if lang == "zh" else [
        "Finding", "Category", "Score", "Decision", "Reason"]
    return _html_table(headers, [[r.id, r.category, f"{r.score:.3f}", STATUS_LABELS[lang][r.status], r.reason]
                                 for r in rows])
