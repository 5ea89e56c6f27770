"""Image exhibits: both images with the finding's region outlined, and the region's figures.

The picture is :func:`comparators.image.exhibit.render` over the two intake copies, decoded
from the bytes :class:`~appraisal.report.exhibits.CaseFiles` returns only after their SHA-256
matches the intake record (the frame the comparator used, EXIF orientation applied). It
shows this one finding as region 1. :func:`figures` turns the stored match into the rows
of the region table (bounding boxes and vertices in original pixels, area shares with
numerator/denominator, agreeing blocks, inliers, model, mirroring, changed regions); the
report (:class:`ImageExhibit`) and the notebook viewer (:mod:`appraisal.review.view`) show the
same rows. When an image cannot be shown (unreadable, undecodable, hash mismatch) the region
table is given with a note instead.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Pt

from appraisal.report.exhibits import (
    ExhibitContext,
    FileSource,
    RegionTable,
    bounding_box,
    exhibit_caption,
    where,
)
from appraisal.report.labels import label
from appraisal.report.ooxml import repeat_header_row, set_column_widths, shade_cell
from appraisal.report.tables import HEADER_FILL, mono_run, no_indent
from comparators.errors import InputError
from comparators.image.exhibit import render as render_exhibit
from comparators.image.read import read_image

MAX_WIDTH_CM = 15.8  # A4 body width
MAX_HEIGHT_CM = 11.0  # leaves room for the caption, legend and table on the same page
TABLE_WIDTHS = [2.8, 6.5, 6.5]  # cm: item, 样本, 检材
DEFAULT_MAX_PIXELS = 80_000_000  # the image comparator's defaults, used when the comparison does not say
DEFAULT_MAX_FRAMES = 8


@dataclass(frozen=True)
class Figures:
    """The region table of one image finding: per-side rows and rows about the pair."""

    sides: list[tuple[str, str, str]]  # (item, 样本 value, 检材 value)
    pair: list[tuple[str, str]]  # (item, value)


def is_image_finding(finding: dict[str, Any]) -> bool:
    """Whether both regions of ``finding`` are polygons (what the image comparator writes)."""
    return all(isinstance((finding.get(k) or {}).get("polygon"), list) for k in ("a", "b"))


def exhibit_rgb(finding: dict[str, Any], files: FileSource,
                comparison: dict[str, Any] | None = None) -> np.ndarray | None:
    """The exhibit picture (RGB uint8) of one finding, or None when either image cannot be shown."""
    images = []
    for side in ("a", "b"):
        rgb = _decoded(finding, side, files, comparison)
        if rgb is None:
            return None
        images.append(rgb)
    excluded = (comparison or {}).get("excluded", [])
    return render_exhibit(images[0], images[1], {"matches": [finding], "excluded": excluded})


def png_bytes(rgb: np.ndarray) -> bytes:
    """``rgb`` as PNG (lossless; the same bytes for the same picture)."""
    ok, data = cv2.imencode(".png", cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
    if not ok:
        raise ValueError("cannot encode the exhibit picture as PNG")
    return data.tobytes()


def unreadable(finding: dict[str, Any], files: FileSource, comparison: dict[str, Any] | None = None) -> list[str]:
    """Paths (without ``materials/``) of the finding's images that cannot be shown."""
    return [where({"path": finding[s].get("path", "")}) for s in ("a", "b")
            if _decoded(finding, s, files, comparison) is None]


def _decoded(finding: dict[str, Any], side: str, files: FileSource,
             comparison: dict[str, Any] | None) -> np.ndarray | None:
    """The frame of one side the comparator used, from the verified bytes (None if not available)."""
    path = (finding.get(side) or {}).get("path", "")
    data = getattr(files.file(path), "data", None) if path else None
    if not data:
        return None
    params = ((comparison or {}).get("comparator") or {}).get("params") or {}
    detail = finding.get("detail") or {}
    frame = detail.get(f"frame_{side}", ((comparison or {}).get("frames") or {}).get(side, 0))
    try:
        decoded = read_image(Path(path), int(params.get("max_pixels", DEFAULT_MAX_PIXELS)),
                             int(params.get("max_frames", DEFAULT_MAX_FRAMES)), data=data)
    except InputError:
        return None
    for rgb, number in zip(decoded.frames, decoded.frame_numbers, strict=True):
        if number == frame:
            return rgb
    return decoded.frames[0]


# -- the figures --------------------------------------------------------------------------
def figures(finding: dict[str, Any], lang: str, files: FileSource,
            comparison: dict[str, Any] | None = None) -> Figures:
    """The rows of the region table of ``finding`` in ``lang``."""
    detail = finding.get("detail") or {}
    sizes = ((comparison or {}).get("units") or {})
    file_row, region_row, vertex_row, share_row, changed_row = [], [], [], [], []
    for side in ("a", "b"):
        region = finding[side]
        source = files.file(region.get("path", ""))
        size = sizes.get(side)
        text = f"{where({'path': region.get('path', '')})}  SHA-256 {source.sha256[:12]}"
        extra = label(lang, "image_size").format(w=size[0], h=size[1]) if size else ""
        frame = detail.get(f"frame_{side}", 0)
        if frame:
            extra += label(lang, "image_frame").format(n=frame)
        file_row.append(text + ("\n" + extra if extra else ""))
        region_row.append(_box(lang, region["polygon"]))
        vertex_row.append(" ".join(f"({x:.1f}, {y:.1f})" for x, y in region["polygon"]))
        share = float(detail.get(f"share_{side}", 0.0))
        den = int(size[0]) * int(size[1]) if size else 0
        share_row.append(label(lang, f"image_share_{side}").format(
            pct=f"{100 * share:.1f}", num=f"{round(share * den):,}" if den else "-", den=f"{den:,}" if den else "-"))
        changed = detail.get(f"changed_{side}") or []
        changed_row.append(label(lang, "image_changed_value").format(
            n=len(changed), regions=label(lang, "image_changed_sep").join(_box(lang, p) for p in changed))
            if changed else label(lang, "none"))
    sides = [(label(lang, "image_file"), *file_row), (label(lang, "image_region"), *region_row),
             (label(lang, "image_vertices"), *vertex_row), (label(lang, "image_share"), *share_row),
             (label(lang, "image_changed"), *changed_row)]
    pair = []
    blocks = int(detail.get("informative_blocks", 0))
    if "reproduced" in detail:
        reproduced = float(detail["reproduced"])
        pair.append((label(lang, "image_reproduced"), label(lang, "image_reproduced_value").format(
            pct=f"{100 * reproduced:.1f}", num=round(reproduced * blocks), den=blocks)))
    if "inliers" in detail:
        pair.append((label(lang, "image_inliers"), label(lang, "image_inliers_value").format(
            n=detail["inliers"], t=detail.get("tentative", "-"))))
    if "method" in detail:
        method = _named(lang, "image_methods", detail["method"])
        channel = _named(lang, "image_channels", detail.get("channel", "-"))
        pair.append((label(lang, "image_method"), label(lang, "image_method_value").format(method=method,
                                                                                           channel=channel)))
    pair.append((label(lang, "image_mirrored"), label(lang, "yes" if detail.get("mirrored") else "no")))
    return Figures(sides, pair)


def _box(lang: str, polygon: list[list[float]]) -> str:
    x0, y0, x1, y1 = bounding_box(polygon)
    return label(lang, "image_region_value").format(x0=f"{x0:.0f}", x1=f"{x1:.0f}", y0=f"{y0:.0f}", y1=f"{y1:.0f}",
                                                    w=f"{x1 - x0:.0f}", h=f"{y1 - y0:.0f}")


def _named(lang: str, key: str, value: str) -> str:
    names = dict(item.split("=", 1) for item in label(lang, key).split("|") if "=" in item)
    return names.get(value, value)


def legend(finding: dict[str, Any], lang: str, comparison: dict[str, Any] | None = None) -> str:
    """The sentence under the picture: what each panel shows and which box is this finding."""
    excluded = label(lang, "image_legend_excluded") if (comparison or {}).get("excluded") else ""
    return label(lang, "image_legend").format(id=finding["id"], excluded=excluded)


# -- the report ---------------------------------------------------------------------------
class ImageExhibit:
    """Image findings in the report: caption, picture at body width, legend, region table."""

    def render(self, document: Any, finding: dict[str, Any], ctx: ExhibitContext) -> None:
        if not is_image_finding(finding):  # regions that are not polygons: the generic table
            RegionTable().render(document, finding, ctx)
            return
        exhibit_caption(document, finding, ctx)
        rgb = exhibit_rgb(finding, ctx.files, ctx.comparison)
        if rgb is None:
            names = label(ctx.lang, "image_files_sep").join(unreadable(finding, ctx.files, ctx.comparison))
            note = no_indent(document.add_paragraph(style="Table Text"))
            note.add_run(label(ctx.lang, "image_unreadable").format(files=names)).italic = True
            note.paragraph_format.keep_with_next = True
        else:
            _picture(document, rgb)
            text = no_indent(document.add_paragraph(legend(finding, ctx.lang, ctx.comparison), style="Table Text"))
            text.paragraph_format.space_after = Pt(3)
            text.paragraph_format.keep_with_next = True
            for run in text.runs:
                run.font.size = Pt(8)
        _region_table(document, figures(finding, ctx.lang, ctx.files, ctx.comparison), finding, ctx)


def _picture(document: Any, rgb: np.ndarray) -> None:
    """The picture, centred, as wide as the body allows without exceeding MAX_HEIGHT_CM."""
    height, width = rgb.shape[:2]
    width_cm = min(MAX_WIDTH_CM, MAX_HEIGHT_CM * width / height)
    paragraph = no_indent(document.add_paragraph(style="Table Text"))
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True
    paragraph.paragraph_format.space_after = Pt(2)
    paragraph.add_run().add_picture(io.BytesIO(png_bytes(rgb)), width=Cm(width_cm))


def _region_table(document: Any, figs: Figures, finding: dict[str, Any], ctx: ExhibitContext) -> None:
    lang = ctx.lang
    tbl = document.add_table(rows=1, cols=3)
    tbl.style = "Table Grid"
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    ids = [ctx.files.file(finding[s].get("path", "")).material_id for s in ("a", "b")]
    head = [label(lang, "image_item"), label(lang, "exhibit_side_a").format(id=ids[0]),
            label(lang, "exhibit_side_b").format(id=ids[1])]
    for cell, text in zip(tbl.rows[0].cells, head, strict=True):
        cell.paragraphs[0].style = "Table Text"
        cell.paragraphs[0].add_run(text).bold = True
        shade_cell(cell, HEADER_FILL)
    repeat_header_row(tbl.rows[0])
    mono_items = {label(lang, "image_file"), label(lang, "image_vertices")}
    for item, a, b in figs.sides:
        cells = tbl.add_row().cells
        _text(cells[0], item)
        for cell, value in ((cells[1], a), (cells[2], b)):
            _text(cell, value, mono=item in mono_items)
    for item, value in figs.pair:
        cells = tbl.add_row().cells
        _text(cells[0], item)
        merged = cells[1].merge(cells[2])
        _text(merged, value)
    set_column_widths(tbl, TABLE_WIDTHS)
    _keep_together(tbl)
    spacer = document.add_paragraph(style="Table Text")
    spacer.paragraph_format.space_after = Pt(6)


def _text(cell: Any, text: str, mono: bool = False) -> None:
    """``text`` in a cell; ``mono``: the first line in monospace (paths, hashes, coordinates), the rest plain."""
    paragraph = cell.paragraphs[0]
    paragraph.style = "Table Text"
    if not mono:
        paragraph.add_run(text)
        return
    first, _, rest = text.partition("\n")
    mono_run(paragraph.add_run(first), 7)
    if rest:
        paragraph.add_run("\n" + rest)


def _keep_together(tbl: Any) -> None:
    """Rows not split across pages and kept with the next row, so the exhibit stays on one page when it fits."""
    rows = list(tbl.rows)
    for k, row in enumerate(rows):
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        if k < len(rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
