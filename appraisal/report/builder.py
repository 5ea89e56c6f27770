"""Build the appraisal opinion (docx) from a case's store. Never runs a comparator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from appraisal import store
from appraisal.case import Case, IntegrityError
from appraisal.report.labels import kind_name, label
from appraisal.report.ooxml import (
    fix_core_properties,
    normalised_docx_bytes,
    repeat_header_row,
    set_column_widths,
    shade_cell,
    write_bytes_atomic,
)
from appraisal.version import TOOL_NAME, tool_version
from comparators.hashing import sha256_bytes

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "report_templates"


@dataclass(frozen=True)
class IssuedReport:
    """A report written to ``reports/``: version, language, path and SHA-256."""

    version: int
    lang: str
    path: Path
    sha256: str
    pdf: Path | None = None


def report_date(case: Case) -> str:
    """The report date: ``case.toml`` ``report_date`` or today's UTC date."""
    return case.config.report_date or datetime.now(UTC).strftime("%Y-%m-%d")


def build_docx(case: Case, lang: str, template: Path | None = None) -> bytes:
    """The report as normalised docx bytes (same case and date -> same bytes)."""
    cfg = case.config
    date = report_date(case)
    document = Document(str(template or TEMPLATES / f"report_{lang}.docx"))
    _clear_body(document)
    _fill_header(document, cfg.number)
    title = cfg.title or label(lang, "default_title")
    document.add_paragraph(title, style="Title")
    if cfg.number:
        document.add_paragraph(cfg.number, style="Document Number")

    document.add_heading(label(lang, "basic"), level=1)
    none = label(lang, "none")
    materials = case.materials()
    for key, value in (("client", cfg.client or none),
                       ("matters", ";".join(cfg.matters) if cfg.matters else (cfg.title or none)),
                       ("received", cfg.received_date or _first_received(materials) or none),
                       ("materials", label(lang, "see_table")),
                       ("period", f"{_first_received(materials) or date} — {date}"),
                       ("place", cfg.place or none),
                       ("present", none)):
        document.add_paragraph(f"{label(lang, key)}：{value}" if lang == "zh" else f"{label(lang, key)}: {value}")
    _materials_table(document, case, materials, lang, date)

    document.add_heading(label(lang, "results"), level=1)
    comparisons = case.comparisons()
    _results_table(document, comparisons, lang)
    for item in comparisons:
        summary = item["result"].get("summary")
        if summary:
            document.add_paragraph(label(lang, "package_line").format(
                a=item["a_id"], b=item["b_id"], identical=summary["identical"]["count"],
                similar=summary["similar"]["count"], only_a=summary["only_a"]["count"],
                only_b=summary["only_b"]["count"], excluded=summary["excluded"]["count"]))

    document.add_heading(label(lang, "custody"), level=1)
    entries = case.audit_entries()
    document.add_paragraph(label(lang, "custody_text").format(
        n=len(entries), head=entries[-1]["hash"][:16] if entries else "-"))
    document.add_paragraph(label(lang, "tool").format(tool=TOOL_NAME, version=tool_version()))
    when = datetime.strptime(date, "%Y-%m-%d")
    fix_core_properties(document, when, title)
    return normalised_docx_bytes(document)


def issue_report(case: Case, lang: str | None = None, pdf: bool = False) -> IssuedReport:
    """Verify the case, write a new report version to ``reports/`` and log its hash.

    Raises IntegrityError (nothing written) when a material or the audit log fails
    verification. Earlier versions are kept.
    """
    lang = lang or case.config.lang
    problems = case.verify(record=True)
    if problems:
        raise IntegrityError(problems)
    data = build_docx(case, lang)
    row = case.conn.execute("SELECT MAX(version) FROM reports").fetchone()
    version = (row[0] or 0) + 1
    path = case.root / "reports" / f"report-v{version}-{lang}.docx"
    write_bytes_atomic(path, data)
    digest = sha256_bytes(data)
    outputs = [digest]
    pdf_path = None
    if pdf:
        from appraisal.report.pdf import convert_to_pdf
        pdf_path = convert_to_pdf(path, require_cjk=lang == "zh")
        outputs.append(sha256_bytes(pdf_path.read_bytes()))
    findings = case.write_findings()
    with store.transaction(case.conn):
        entry = case._log("export", path.name,
                          params={"lang": lang, "version": version, "pdf": pdf_path is not None},
                          inputs=[sha256_bytes(findings.read_bytes())], outputs=outputs)
        case.conn.execute(
            "INSERT INTO reports(version, lang, path, sha256, created_utc, audit_seq) VALUES (?,?,?,?,?,?)",
            (version, lang, f"reports/{path.name}", digest, entry["ts_utc"], entry["seq"]))
    case._write_head()
    return IssuedReport(version, lang, path, digest, pdf_path)


def _clear_body(document: Any) -> None:
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _fill_header(document: Any, number: str) -> None:
    for section in document.sections:
        for paragraph in section.header.paragraphs:
            if "{{document_number}}" in paragraph.text:
                for run in paragraph.runs:
                    run.text = run.text.replace("{{document_number}}", number)


def _first_received(materials: list) -> str:
    return min((m.received_utc[:10] for m in materials), default="")


def _table(document: Any, header: list[str], rows: list[list[str]], widths: list[float],
           mono_columns: tuple[int, ...] = ()) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=False):
        cell.paragraphs[0].style = "Table Text"
        cell.paragraphs[0].add_run(text).bold = True
        shade_cell(cell, "D9D9D9")
    repeat_header_row(table.rows[0])
    for values in rows:
        cells = table.add_row().cells
        for col, (cell, text) in enumerate(zip(cells, values, strict=False)):
            paragraph = cell.paragraphs[0]
            paragraph.style = "Table Text"
            run = paragraph.add_run(text)
            if col in mono_columns:
                run.style = "Hash"
    set_column_widths(table, widths)


def _materials_table(document: Any, case: Case, materials: list, lang: str, date: str) -> None:
    caption = document.add_paragraph(label(lang, "materials_table"))
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    failures = {p.split(" ")[1] for p in case.check_materials(materials)}
    rows = []
    order = {"YB": 0, "JC": 1, "ZL": 2}
    for m in sorted(materials, key=lambda m: (order.get(m.id[:2], 3), m.id)):
        ok = m.id not in failures
        rows.append([m.id, m.label, kind_name(lang, m.kind), m.source,
                     m.received_utc.replace("T", " ").replace("Z", " UTC"), str(m.file_count),
                     f"{m.size:,}", m.sha256,
                     label(lang, "verified" if ok else "failed").format(date=date)])
    _table(document, label(lang, "cols_materials").split("|"), rows,
           [1.3, 2.3, 1.3, 2.0, 2.0, 1.1, 1.5, 3.7, 1.6], mono_columns=(7,))


def _results_table(document: Any, comparisons: list[dict], lang: str) -> None:
    caption = document.add_paragraph(label(lang, "results_table"))
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows = []
    for item in comparisons:
        r = item["result"]
        rows.append([item["a_id"], item["b_id"], f"{r['comparator']['name']} {r['comparator']['version']}",
                     f"{r['score']:.3f}", f"{100 * r['coverage_a']:.1f}%", f"{100 * r['coverage_b']:.1f}%",
                     str(len(r["matches"]))])
    _table(document, label(lang, "cols_results").split("|"), rows,
           [2.0, 2.0, 3.0, 1.8, 2.2, 2.2, 1.6])


