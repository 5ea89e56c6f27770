"""Program exhibits: the figures of a binary finding and the two functions' disassembly side by side.

The disassembly is made at report time from the intake copies (read only after their SHA-256
matches the intake record) with the comparator's own reader and sweep, so the listing is the
code at the stated addresses. :func:`figures` gives the rows of the finding's table (file and
hash, function, address range and size, instructions and blocks; the similarity and how the
pair was found; shared imports, strings and constants; for a plug-in indicator its rule and
located evidence); the report (:class:`BinaryExhibit`) and the notebook viewer show the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from appraisal.report.exhibits import ExhibitContext, FileSource, exhibit_caption, where
from appraisal.report.image_exhibit import Figures, _region_table
from appraisal.report.labels import label
from appraisal.report.tables import table
from comparators.errors import InputError

MAX_LISTING = 40


def listing(region: dict[str, Any], files: FileSource, limit: int = MAX_LISTING) -> list[str] | None:
    """``address  mnemonic operands`` lines of a region's code (None when the program cannot be read)."""
    from comparators.binary.disasm import sweep
    from comparators.binary.read import load

    path, address = region.get("path", ""), region.get("address")
    data = getattr(files.file(path), "data", None) if path else None
    if not data or not address:
        return None
    try:
        program = load(Path(path), data)
    except InputError:
        return None
    section = program.section_of(int(address[0]))
    if section is None or not section.executable:
        return None
    out = []
    for insn in sweep(program, section):
        if insn.address >= int(address[1]) or len(out) >= limit:
            break
        if insn.address >= int(address[0]):
            out.append(f"{insn.address:08x}  {insn.mnemonic} {insn.op_str}".rstrip())
    return out


def figures(finding: dict[str, Any], lang: str, files: FileSource) -> Figures:
    """The rows of the table of one binary finding in ``lang``."""
    detail = finding.get("detail") or {}
    file_row, fn_row, range_row = [], [], []
    for side in ("a", "b"):
        region = finding.get(side) or {}
        source = files.file(region.get("path", ""))
        file_row.append(f"{where({'path': region.get('path', '')})}  SHA-256 {source.sha256[:12]}")
        fn_row.append(region.get("function") or "-")
        address = region.get("address")
        range_row.append(label(lang, "binary_range_value").format(
            lo=f"0x{int(address[0]):x}", hi=f"0x{int(address[1]):x}", n=int(address[1]) - int(address[0]))
            if address else "-")
    sides = [(label(lang, "image_file"), *file_row), (label(lang, "binary_function"), *fn_row),
             (label(lang, "binary_range"), *range_row)]
    if "instructions_a" in detail:
        sides.append((label(lang, "binary_instructions"),
                      f"{detail['instructions_a']} / {detail.get('blocks_a', '-')}",
                      f"{detail['instructions_b']} / {detail.get('blocks_b', '-')}"))
    pair: list[tuple[str, str]] = []
    if "similarity" in detail:
        pair.append((label(lang, "binary_similarity"), label(lang, "binary_similarity_value").format(
            s=f"{float(detail['similarity']):.3f}", via=label(lang, f"binary_via_{detail.get('via', 'signature')}"))))
    for key in ("imports", "strings", "constants"):
        if detail.get(key):
            pair.append((label(lang, f"binary_shared_{key}"), "; ".join(str(v) for v in detail[key])))
    if "string" in detail:
        pair.append((label(lang, "binary_shared_strings"), detail["string"]))
    if "rule" in detail:
        title = detail.get("title_zh") if lang == "zh" and detail.get("title_zh") else detail.get("title", "")
        pair.append((label(lang, "binary_rule"), f"{detail['rule']}: {title}"))
        for ev in detail.get("evidence", [])[:12]:
            at = (str(ev["address"]) if ev.get("address") is not None else f"offset {ev.get('offset') or 0}")
            pair.append((label(lang, "binary_evidence"), f"{ev.get('kind', '')} {at} {ev.get('section') or ''} "
                                                         f"{ev.get('text', '')}".strip()))
    return Figures(sides, pair)


class BinaryExhibit:
    """Binary findings in the report: caption, figures table, and both functions' code side by side."""

    def render(self, document: Any, finding: dict[str, Any], ctx: ExhibitContext) -> None:
        exhibit_caption(document, finding, ctx)
        _region_table(document, figures(finding, ctx.lang, ctx.files), finding, ctx)
        if not finding.get("category", "").startswith("matched function"):
            return
        code = [listing(finding[s], ctx.files) or [] for s in ("a", "b")]
        if not any(code):
            return
        rows = [[code[0][k] if k < len(code[0]) else "", code[1][k] if k < len(code[1]) else ""]
                for k in range(max(len(code[0]), len(code[1])))]
        header = [label(ctx.lang, "exhibit_side_a").format(id=ctx.files.file(finding["a"]["path"]).material_id),
                  label(ctx.lang, "exhibit_side_b").format(id=ctx.files.file(finding["b"]["path"]).material_id)]
        table(document, header, rows, [7.9, 7.9], mono_columns=(0, 1), mono_size=6.5)
