"""Build the appraisal opinion (docx) from a case's store. Never runs a comparator.

The skeleton follows REPORT_SPEC 3.1: cover and declaration (from the template, where a
commission edits them), title and number, 一 基本情况 … 七 附件, 附注. Wording is in
:mod:`appraisal.report.labels`, standards and tool validation figures in
``report_templates/*.toml``; exhibits come from :mod:`appraisal.report.exhibits`.
"""

from __future__ import annotations

import importlib.metadata
import json
import platform
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Pt

from appraisal.custody.audit import Ref
from appraisal.custody.case import Case, IntegrityError
from appraisal.report import exhibits as exhibit_mod
from appraisal.report import typography
from appraisal.report.intervals import auc_interval, wilson
from appraisal.report.labels import category_name, exclusion_name, kind_name, label, listing
from appraisal.report.ooxml import fix_core_properties, normalised_docx_bytes, rewrite_text, shade_cell
from appraisal.report.opinion import (
    ACCEPTED,
    BYTES,
    EXCLUDED,
    LINES,
    PENDING,
    PIXELS,
    REJECTED,
    SECONDS,
    UNITS,
    MatterOpinion,
    PairFigures,
    amount,
    counted,
    file_text,
    image_area,
    opinions,
    pair_figures,
    pct,
    polygon_area,
    status,
    unit_of,
)
from appraisal.report.pin import pin_line
from appraisal.report.tables import MONO, body_indent, caption, mono_run, no_indent, table
from appraisal.report.templates import TEMPLATES
from appraisal.report.validate import Checks, ReportBlocked, check
from appraisal.review import decisions as review
from appraisal.version import TOOL_NAME, tool_version
from comparators.canonical import canonical_bytes
from comparators.hashing import sha256_bytes, sha256_file

BODY_MARKER = "{{body}}"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_RPR, _W_RFONTS, _W_ASCII = f"{_W}rPr", f"{_W}rFonts", f"{_W}ascii"
ENV_PACKAGES = ("python-docx", "numpy", "tree-sitter", "datasketch", "xxhash", "opencc", "lxml")
AUDIT_EXCERPT = 12


@dataclass(frozen=True)
class IssuedReport:
    """A report written to ``reports/``: version, language, path and SHA-256."""

    version: int
    lang: str
    path: Path
    sha256: str
    pdf: Path | None = None
    manifest: Path | None = None
    warnings: tuple[str, ...] = ()


@dataclass
class ReportData:
    """Everything the document is built from, read once from the case."""

    case: Case
    lang: str
    date: str
    materials: list[Any]
    manifests: dict[str, list[tuple[str, int, str]]]
    comparisons: list[dict[str, Any]]
    decisions: dict[str, Any]
    pending: list[str]
    count_pending: bool
    files: exhibit_mod.CaseFiles
    figures: list[tuple[PairFigures, PairFigures]]  # (before-only view, after view) per pair
    opinions: list[MatterOpinion]
    audit_head: Ref = Ref(0, "")  # the newest audit entry when the data was read: the report's pin
    audit_entries: int = 0
    draft_reasons: list[str] = field(default_factory=list)
    tables: int = 0
    exhibit_numbers: dict[str, str] = field(default_factory=dict)

    def next_table(self) -> int:
        self.tables += 1
        return self.tables


def report_date(case: Case) -> str:
    """The report date: ``case.toml`` ``report_date`` or today's UTC date."""
    return case.config.report_date or datetime.now(UTC).strftime("%Y-%m-%d")


def collect(case: Case, lang: str, count_pending: bool = False) -> ReportData:
    """Read the case store (after re-checking the materials' hashes)."""
    materials = case.materials()
    problems = case.check_materials(materials)
    if problems:
        raise IntegrityError(problems)
    manifests = {m.id: case.material_files(m.id) for m in materials}
    files = exhibit_mod.CaseFiles(case.root, materials, manifests)
    comparisons = case.comparisons()
    decisions = review.decisions(case)
    pending = review.pending(case)
    by_id = {m.id: m for m in materials}
    figures = [(pair_figures(c, by_id, manifests, files, decisions, count_pending),) * 2 for c in comparisons]
    return ReportData(case, lang, report_date(case), materials, manifests, comparisons, decisions, pending,
                      count_pending, files, figures,
                      opinions(case.config, [f for f, _ in figures], lang),
                      audit_head=case.audit_head(), audit_entries=len(case.audit_entries()))


def preflight(case: Case, lang: str, allow_unreviewed: bool = False) -> tuple[ReportData, Checks]:
    """Collect the report's data and run the MUST/SHOULD checks (integrity raises)."""
    data = collect(case, lang, count_pending=allow_unreviewed)
    return data, check(case.config, data.opinions, data.pending, allow_unreviewed)


# -- the document -------------------------------------------------------------------------
def build_docx(case: Case, lang: str, template: Path | None = None, *, allow_unreviewed: bool = False,
               draft_reasons: list[str] | None = None, manifest_hash: str | None = None) -> bytes:
    """The report as normalised docx bytes (same case and date -> same bytes)."""
    data = collect(case, lang, count_pending=allow_unreviewed or bool(draft_reasons))
    data.draft_reasons = list(draft_reasons or [])
    return _render(data, template, manifest_hash or manifest_inputs_hash(case, lang))


def _render(data: ReportData, template: Path | None, manifest_hash: str) -> bytes:
    lang, cfg = data.lang, data.case.config
    document = Document(str(template or TEMPLATES / f"report_{lang}.docx"))
    doc_type = label(lang, "doc_type" if cfg.document_type != "inspection" else "doc_type_inspection")
    _fill_template(document, {
        "document_number": cfg.number, "institution": cfg.institution or "—", "doc_type": doc_type,
        "institution_licence": cfg.institution_licence or "—", "institution_address": cfg.institution_address or "—",
        "institution_postcode": cfg.institution_postcode or "—", "institution_phone": cfg.institution_phone or "—"})
    matter = (cfg.title or label(lang, "default_title")).removesuffix("鉴定")
    title = label(lang, "title_format").format(
        institution=cfg.institution, matter=matter,
        doc_type=doc_type.removeprefix("司法") if lang == "zh" else doc_type).strip()
    document.add_paragraph(title, style="Title")
    if cfg.number:
        document.add_paragraph(cfg.number, style="Document Number")
    if data.draft_reasons:
        banner = no_indent(document.add_paragraph())
        run = banner.add_run(label(lang, "draft_banner").format(reasons="; ".join(data.draft_reasons)))
        run.bold = True
        run.font.size = Pt(10)
    _basic(document, data)
    _summary(document, data)
    _digest(document, data)
    tools_table = _process(document, data)
    _analysis(document, data, tools_table)
    _opinion(document, data)
    _signature(document, data)
    _attachments(document, data, manifest_hash)
    document.add_heading(label(lang, "notes"), level=1)
    for line in listing(lang, "notes_text"):
        no_indent(document.add_paragraph(line))
    when = datetime.strptime(data.date, "%Y-%m-%d")
    fix_core_properties(document, when, title, keywords=pin_line(data.audit_head.seq, data.audit_head.hash))
    if lang == "zh":
        rewrite_text(document, typography.typeset_pieces, frozen=_is_mono)
    return normalised_docx_bytes(document)


def _is_mono(run: Any) -> bool:
    """A monospace run: code, an excerpt of a material, a hash, a path, the pin — kept verbatim."""
    rpr = run.find(_W_RPR)
    fonts = rpr.find(_W_RFONTS) if rpr is not None else None
    return fonts is not None and fonts.get(_W_ASCII) == MONO


def _fill_template(document: Any, values: dict[str, str]) -> None:
    """Keep the template's cover and declaration (up to ``{{body}}``), fill placeholders."""
    body = document.element.body
    children = list(body)
    marker = next((i for i, el in enumerate(children) if el.tag.endswith("}p")
                   and BODY_MARKER in "".join(t.text or "" for t in el.iter() if t.tag.endswith("}t"))), None)
    for i, child in enumerate(children):
        if child.tag.endswith("}sectPr"):
            continue
        if marker is None or i >= marker:
            body.remove(child)
    paragraphs = list(document.paragraphs)
    for section in document.sections:
        paragraphs += section.header.paragraphs + section.footer.paragraphs
    for paragraph in paragraphs:
        for run in paragraph.runs:
            if "{{" in run.text:
                text = run.text
                for key, value in values.items():
                    text = text.replace("{{" + key + "}}", value)
                run.text = text


def _kv(document: Any, lang: str, key: str, value: str) -> None:
    paragraph = no_indent(document.add_paragraph())
    paragraph.add_run(label(lang, key) + label(lang, "colon")).bold = True
    paragraph.add_run(value)


def _left(paragraph: Any) -> Any:
    """Left-aligned, unindented (lines with paths or hashes that justification would stretch)."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    return no_indent(paragraph)


def _fmt_time(ts: str) -> str:
    return ts.replace("T", " ").replace("Z", " UTC") if ts else "—"


def _basic(document: Any, data: ReportData) -> None:
    lang, cfg, none = data.lang, data.case.config, label(data.lang, "none")
    document.add_heading(label(lang, "basic"), level=1)
    first = min((m.received_utc[:10] for m in data.materials), default="")
    n = data.next_table()
    for key, value in (("client", cfg.client or none),
                       ("matters", label(lang, "list_sep").join(
                           f"{k}. {m}" for k, m in enumerate(cfg.matters, 1)) if cfg.matters else none),
                       ("received", cfg.received_date or first or none),
                       ("materials", label(lang, "see_table").format(n=n)),
                       ("period", f"{cfg.exam_start or first or data.date} — {data.date}"),
                       ("place", cfg.place or none),
                       ("present", cfg.persons_present or none),
                       ("examinee", none)):
        _kv(document, lang, key, value)
    caption(document, label(lang, "materials_table").format(n=n))
    _materials_table(document, data)


def _verify_time(data: ReportData) -> str:
    for entry in reversed(data.case.audit_entries()):
        if entry["action"] == "verify" and entry["params"].get("result") == "ok":
            return _fmt_time(entry["ts_utc"])
    return "—"


def _materials_table(document: Any, data: ReportData) -> None:
    lang = data.lang
    failures = {p.split(" ")[1] for p in data.case.check_materials(data.materials)}
    when = _verify_time(data)
    order = {"YB": 0, "JC": 1, "ZL": 2}
    rows = []
    for m in sorted(data.materials, key=lambda m: (order.get(m.id[:2], 3), m.id)):
        rows.append([m.id, m.label, kind_name(lang, m.kind), m.source, _fmt_time(m.received_utc),
                     str(m.file_count), f"{m.size:,}", m.sha256,
                     label(lang, "verified" if m.id not in failures else "failed").format(time=when)])
    table(document, label(lang, "cols_materials").split("|"), rows,
          [1.2, 2.0, 1.3, 2.2, 1.9, 0.9, 1.4, 3.3, 1.6], mono_columns=(7,))


def _summary(document: Any, data: ReportData) -> None:
    lang = data.lang
    document.add_heading(label(lang, "summary"), level=1)
    body_indent(document.add_paragraph(label(lang, "summary_note")))
    text = data.case.config.summary or label(lang, "summary_missing")
    for line in text.splitlines() or [text]:
        if line.strip():
            body_indent(document.add_paragraph(line.strip()))


def _digest(document: Any, data: ReportData) -> None:
    lang = data.lang
    document.add_heading(label(lang, "digest"), level=1)
    order = {"YB": 0, "JC": 1, "ZL": 2}
    for m in sorted(data.materials, key=lambda m: (order.get(m.id[:2], 3), m.id)):
        key = "digest_base" if m.is_base else "digest_line"
        body_indent(document.add_paragraph(label(lang, key).format(
            id=m.id, label=m.label, kind=kind_name(lang, m.kind), files=m.file_count, size=f"{m.size:,}",
            source=m.source, received=_fmt_time(m.received_utc))))
    refs = data.case.config.references
    if refs:
        body_indent(document.add_paragraph(label(lang, "digest_refs")))
        for k, ref in enumerate(refs, 1):
            no_indent(document.add_paragraph(f"{k}. {ref}"))
    else:
        body_indent(document.add_paragraph(label(lang, "digest_none")))


def _comparators_used(data: ReportData) -> list[dict[str, Any]]:
    """Each distinct comparator (and package member comparator) with its params."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for item in data.comparisons:
        comp = item["result"]["comparator"]
        params = dict(comp.get("params") or {})
        members = params.pop("members", None) or {}
        seen.setdefault((comp["name"], comp["version"]), {"name": comp["name"], "version": comp["version"],
                                                          "params": params})
        for member in members.values():
            seen.setdefault((member["name"], member["version"]), member)
    return [seen[k] for k in sorted(seen)]


def _text_label_thresholds(data: ReportData) -> dict[str, Any]:
    """The label thresholds the text comparator recorded in its params (``labels``), from the
    stored comparisons (the newest version first); empty when none recorded them."""
    for comp in reversed(_comparators_used(data)):
        labels = comp["params"].get("labels") if comp["name"] == "text" else None
        if isinstance(labels, dict):
            return labels
    return {}


MEDIA = ("code", "text", "image", "audio", "binary")  # the media whose method the report describes, in this order


def media_used(data: ReportData) -> list[str]:
    """The media compared in the case (code, text, image, audio), from the stored comparisons.

    A comparison's medium is its comparator's name (or its kind); a package comparison counts
    as the media of its member comparators, or as code and text when it names none.
    """
    used: set[str] = set()
    for item in data.comparisons:
        result = item["result"]
        comp = result.get("comparator") or {}
        name = comp.get("name") or result.get("kind", "")
        members = [m.get("name", "") for m in ((comp.get("params") or {}).get("members") or {}).values()]
        if name == "package":
            used.update(m for m in members if m in MEDIA)
            if not any(m in MEDIA for m in members):
                used.update(("code", "text"))
        elif name in MEDIA:
            used.add(name)
    return [m for m in MEDIA if m in used]


def _methods(document: Any, data: ReportData, n_tools: int) -> None:
    """One paragraph per method used (code and text together, image), then the tools table reference."""
    lang = data.lang
    used = media_used(data)
    paragraphs = []
    if "code" in used or "text" in used or not used:
        paragraphs.append(label(lang, "methods_text"))
    thresholds = _text_label_thresholds(data)
    if "text" in used and thresholds:
        paragraphs[-1] += label(lang, "methods_text_labels").format(**thresholds)
    if "image" in used:
        paragraphs.append(label(lang, "methods_image"))
    if "audio" in used:
        paragraphs.append(label(lang, "methods_audio"))
    if "binary" in used:
        paragraphs.append(label(lang, "methods_binary"))
    paragraphs[-1] += label(lang, "methods_tools").format(n=n_tools)
    for text in paragraphs:
        body_indent(document.add_paragraph(text))
    if "code" in used or "text" in used:
        body_indent(document.add_paragraph(_baseline_text(data)))


def _flat(params: dict[str, Any], prefix: str = "") -> list[str]:
    out = []
    for key in sorted(params):
        value = params[key]
        if isinstance(value, dict):
            out += _flat(value, f"{prefix}{key}.")
        else:
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            out.append(f"{prefix}{key}={text}")
    return out


def load_validation() -> dict[str, dict[str, Any]]:
    """``report_templates/validation.toml``: measured figures per comparator."""
    data = tomllib.loads((TEMPLATES / "validation.toml").read_text(encoding="utf-8"))
    return {t["comparator"]: t for t in data.get("tool", [])}


def load_standards(date: str, kinds: set[str]) -> list[dict[str, Any]]:
    """Standards in force on ``date`` that apply to the case's material kinds."""
    data = tomllib.loads((TEMPLATES / "standards.toml").read_text(encoding="utf-8"))
    out = []
    for s in data.get("standard", []):
        if s.get("effective") and s["effective"] > date:
            continue
        if s.get("withdrawn") and s["withdrawn"] <= date:
            continue
        if "*" in s.get("kinds", ["*"]) or kinds & set(s.get("kinds", [])):
            out.append(s)
    return out


METRIC_NAMES = {"roc_auc": "ROC AUC", "best_f1": "best F1", "plagdet": "PlagDet", "precision": "precision",
                "recall": "recall", "negatives_clean": "negatives without detection"}


def _metrics(entry: dict[str, Any]) -> str:
    """The measured figures of one comparator, each with its 95% CI where the counts allow one."""
    parts = []
    for key, name in METRIC_NAMES.items():
        if key not in entry:
            continue
        value = entry[key]
        text = f"{name} {100 * value:.1f}%" if key == "negatives_clean" else f"{name} {value:.3f}"
        interval = _interval(key, entry)
        if interval:
            lo, hi = interval
            text += (f" (95% CI {100 * lo:.1f}–{100 * hi:.1f}%)" if key == "negatives_clean"
                     else f" (95% CI {lo:.3f}–{hi:.3f})")
        parts.append(text)
    return ", ".join(parts)


def _interval(key: str, entry: dict[str, Any]) -> tuple[float, float] | None:
    """Wilson interval for document-level proportions, Hanley–McNeil for the AUC; None without counts.

    Character-level measures (PlagDet and its precision/recall) get no interval.
    """
    positives, negatives = entry.get("positives", 0), entry.get("negatives", 0)
    if key == "roc_auc" and positives and negatives:
        return auc_interval(entry[key], positives, negatives)
    if key == "negatives_clean" and negatives:
        return wilson(round(entry[key] * negatives), negatives)
    if entry.get("level", "document") != "document":
        return None
    if key == "recall" and positives:
        return wilson(round(entry[key] * positives), positives)
    if key == "precision" and positives and entry.get("recall"):
        predicted = round(entry["recall"] * positives / entry[key]) if entry[key] else 0
        return wilson(round(entry[key] * predicted), predicted) if predicted else None
    return None


def environment() -> str:
    """OS, Python and key package versions (importlib.metadata)."""
    versions = []
    for name in ENV_PACKAGES:
        try:
            versions.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            continue
    return (f"{platform.system()} {platform.release()} ({platform.machine()}); Python "
            f"{sys.version.split()[0]}; " + ", ".join(versions))


def _att_numbers(data: ReportData) -> dict[str, int]:
    return {"materials": 1, "detail": 2, "exhibits": 3, "validation": 4, "audit": 5, "licences": 6}


def _process(document: Any, data: ReportData) -> int:
    lang, case = data.lang, data.case
    att = _att_numbers(data)
    document.add_heading(label(lang, "process"), level=1)
    document.add_heading(label(lang, "handling"), level=2)
    entries = case.audit_entries()
    body_indent(document.add_paragraph(label(lang, "handling_text").format(
        time=_verify_time(data), n=len(entries), head=entries[-1]["hash"][:16] if entries else "-")))
    document.add_heading(label(lang, "steps"), level=2)
    for k, step in enumerate(listing(lang, "steps_list"), 1):
        body_indent(document.add_paragraph(f"{k}. {step}"))
    document.add_heading(label(lang, "methods"), level=2)
    n_tools = data.next_table()
    _methods(document, data, n_tools)
    caption(document, label(lang, "tools_table").format(n=n_tools))
    validation = load_validation()
    rows = [[TOOL_NAME, tool_version(), "case store, hashing, audit log, report" if lang == "en"
             else "案件管理、哈希校验、审计日志、报告生成", "-", "-"]]
    seeds = []
    for comp in _comparators_used(data):
        params = comp.get("params") or {}
        if "seed" in params:
            seeds.append(f"{comp['name']} seed={params['seed']}")
        entry = validation.get(comp["name"])
        cell = label(lang, "not_measured") if entry is None else label(lang, "validation_cell").format(
            dataset=entry.get("dataset", "-"), pairs=f"{entry.get('pairs', 0):,}", metrics=_metrics(entry),
            operating_point=entry.get("operating_point", "-"), measured=entry.get("measured", "-"),
            attachment=att["validation"])
        rows.append([f"{comp['name']} comparator", comp["version"], kind_name(lang, comp["name"]),
                     "; ".join(_flat(params)), cell])
    table(document, label(lang, "cols_tools").split("|"), rows, [2.0, 2.1, 2.2, 5.5, 4.0], mono_columns=(3,),
          mono_size=6.5)
    body_indent(document.add_paragraph(label(lang, "environment").format(
        env=environment(), seeds=", ".join(seeds) or "-")))
    body_indent(document.add_paragraph(_rerun_line(data)))
    document.add_heading(label(lang, "standards"), level=2)
    kinds = {m.kind for m in data.materials}
    for k, s in enumerate(load_standards(data.date, kinds), 1):
        extra = label(lang, "standards_supersedes").format(code=s["supersedes"]) if s.get("supersedes") else ""
        no_indent(document.add_paragraph(f"{k}. " + label(lang, "standards_line").format(
            code=s["code"], title=s[f"title_{lang}"], extra=extra)))
    _filtration(document, data)
    _results(document, data)
    return n_tools


def _baseline_text(data: ReportData) -> str:
    """The method's expected-similarity baseline and the commonplace corpus every comparison was filtered against."""
    corpora, small, gram = [], "400", "5"
    for comp in _comparators_used(data):
        params = comp.get("params") or {}
        small = str(params.get("small_program", small))
        gram = str(params.get("text_gram", gram))
        source = (params.get("commonplace") or {}).get("source")
        if source and source != "none":
            corpora.append(f"{comp['name']}: {source}")
    corpus = "; ".join(sorted(set(corpora))) or label(data.lang, "baseline_none")
    return label(data.lang, "baseline_text").format(small=small, gram=gram, corpus=corpus)


def _rerun_line(data: ReportData) -> str:
    for entry in reversed(data.case.audit_entries()):
        if entry["action"] in ("rerun", "re-run", "reproduce"):
            params = entry["params"]
            if params.get("result") in ("ok", "identical", "match") or params.get("identical") is True:
                return label(data.lang, "rerun_done").format(time=_fmt_time(entry["ts_utc"]))
            break
    return label(data.lang, "rerun_none")


def _short(path: str) -> str:
    return exhibit_mod.where({"path": path})


def _filtration(document: Any, data: ReportData) -> None:
    lang = data.lang
    document.add_heading(label(lang, "filtration"), level=2)
    rows = []
    for item, (fig, _) in zip(data.comparisons, data.figures, strict=True):
        result = item["result"]
        for k, ex in enumerate(result.get("excluded", [])):
            a_n, b_n = fig.excluded_lines[k] if k < len(fig.excluded_lines) else (0, 0)
            detail = ex.get("detail") or {}
            evidence = []
            if detail.get("base"):
                evidence.append(_short(detail["base"]))
            if detail.get("sha256"):
                evidence.append(f"SHA-256 {detail['sha256'][:16]}…")
            reason = ex.get("reason", "")
            if fig.unit in (PIXELS, SECONDS, BYTES):
                name = " / ".join(exhibit_mod.where(ex[s]) for s in ("a", "b") if ex.get(s)) or "-"
            else:
                key = " / ".join(sorted({ex[s]["path"] for s in ("a", "b") if ex.get(s)}))
                name = " / ".join(_short(p) for p in key.split(" / "))
            rows.append([name, LABELS_REASON(lang, reason), "; ".join(evidence) or "-",
                         _effect(lang, fig.unit, a_n, b_n, result)])
        for match in result["matches"]:
            if status(match["id"], data.decisions) != EXCLUDED:
                continue
            d = data.decisions[match["id"]]
            if fig.unit == PIXELS:
                a_n, b_n = (min(image_area(result, s), round(polygon_area(match[s].get("polygon"))))
                            for s in ("a", "b"))
            elif fig.unit == SECONDS:
                a_n, b_n = (round(float(match[s]["end_s"]) - float(match[s]["start_s"]), 2) for s in ("a", "b"))
            elif fig.unit == BYTES:
                a_n, b_n = ((match[s]["address"][1] - match[s]["address"][0]) if match[s].get("address") else 0
                            for s in ("a", "b"))
            else:
                a_n = _region_lines(match["a"], data)
                b_n = _region_lines(match["b"], data)
            rows.append([f"{match['id']}: {exhibit_mod.where(match['a'])} ↔ {exhibit_mod.where(match['b'])}",
                         label(lang, "exclusion_expert").format(category=exclusion_name(lang, d.category),
                                                                reason=d.reason),
                         f"{d.expert}, {_fmt_time(d.ts_utc)}",
                         _effect(lang, fig.unit, a_n, b_n, result)])
    if not rows:
        body_indent(document.add_paragraph(label(lang, "filtration_none")))
        return
    n = data.next_table()
    body_indent(document.add_paragraph(label(lang, "filtration_text").format(n=n)))
    caption(document, label(lang, "filtration_table").format(n=n))
    table(document, label(lang, "cols_filtration").split("|"), rows, [5.2, 4.6, 3.4, 2.6])


def _effect(lang: str, unit: str, a_n: float, b_n: float, result: dict[str, Any]) -> str:
    """The ledger's effect cell: lines removed, or pixels or seconds removed and their share of each side."""
    if unit == LINES:
        return label(lang, "effect_lines").format(a=a_n, b=b_n)
    if unit == PIXELS:
        den_a, den_b = image_area(result, "a"), image_area(result, "b")
    else:
        den_a, den_b = (float((result.get("units") or {}).get(s) or 0.0) for s in ("a", "b"))
    return label(lang, f"effect_{unit}").format(a=amount(unit, a_n), b=amount(unit, b_n), pct_a=pct(a_n, den_a),
                                                pct_b=pct(b_n, den_b))


def LABELS_REASON(lang: str, reason: str) -> str:  # noqa: N802 - reads as a label lookup
    """Wording of a comparator's exclusion reason (its own text when no label exists)."""
    from appraisal.report.labels import LABELS
    if f"reason_{reason}" in LABELS[lang]:
        return LABELS[lang][f"reason_{reason}"]
    head, sep, rest = reason.partition(" (")
    if sep and rest.endswith(")") and f"reason_{head}" in LABELS[lang]:  # "declared base material (logo.png)"
        return label(lang, "reason_named").format(reason=LABELS[lang][f"reason_{head}"], name=_short(rest[:-1]))
    return reason


def _region_lines(region: dict[str, Any], data: ReportData) -> int:
    if "start_line" in region:
        return region["end_line"] - region["start_line"] + 1
    text = file_text(data.files, region["path"])
    return len(text.splitlines()) if text else 0


RESULT_WIDTHS = {LINES: [2.4, 1.0, 1.0, 1.0, 1.2, 1.2, 1.3, 1.3, 2.0, 2.0, 1.4],
                 PIXELS: [2.8, 1.5, 1.8, 1.8, 1.8, 1.8, 1.55, 1.55, 1.2],
                 SECONDS: [2.8, 1.5, 1.8, 1.8, 1.8, 1.8, 1.55, 1.55, 1.2],
                 BYTES: [2.8, 1.5, 1.8, 1.8, 1.8, 1.8, 1.55, 1.55, 1.2]}


def _results_table(document: Any, data: ReportData, unit: str) -> None:
    """Table of the pairs counted in ``unit``: lines (code, text, packages), pixels (images) or seconds (audio).

    An image (audio) row is one pair: its regions (segments), both image areas (lengths), both
    matching areas (durations) and the two shares (numerator and denominator are the row's own
    columns, so the share cells hold only the percentage and the eight-digit areas do not wrap).
    """
    lang = data.lang
    n = data.next_table()
    suffix = "" if unit == LINES else f"_{unit}"
    caption(document, label(lang, f"results_table{suffix}").format(n=n))
    rows = []
    for fig, _ in data.figures:
        if fig.unit != unit:
            continue
        pair = f"{fig.a_id} / {fig.b_id}"
        for stage in ("before", "after"):
            den_a, den_b = getattr(fig, f"den_a_{stage}"), getattr(fig, f"den_b_{stage}")
            num_a, num_b = getattr(fig, f"num_a_{stage}"), getattr(fig, f"num_b_{stage}")
            if unit == LINES:
                counts = [str(fig.files_compared), str(fig.identical_files), str(fig.similar_files)]
                shares = [f"{pct(num_a, den_a)}% ({num_a}/{den_a})", f"{pct(num_b, den_b)}% ({num_b}/{den_b})"]
            else:
                counts = [str(getattr(fig, f"regions_{stage}"))]
                shares = [f"{pct(num_a, den_a)}%", f"{pct(num_b, den_b)}%"]
            # pixels: the stage on its own line, the pair column stays narrow enough for eight-digit areas
            name = f"{pair} {label(lang, stage)}" if unit == LINES else f"{pair}\n{label(lang, stage)}"
            rows.append([name, *counts, *(amount(unit, n) for n in (den_a, den_b, num_a, num_b)), *shares,
                         f"{fig.score:.3f}"])
    table(document, label(lang, f"cols_results{suffix}").split("|"), rows, RESULT_WIDTHS[unit])


def _results(document: Any, data: ReportData) -> None:
    lang = data.lang
    document.add_heading(label(lang, "results"), level=2)
    units = [u for u in UNITS if any(f.unit == u for f, _ in data.figures)] or [LINES]
    for unit in units:
        _results_table(document, data, unit)
    for item in data.comparisons:
        summary = item["result"].get("summary")
        if summary:
            body_indent(document.add_paragraph(label(lang, "package_line").format(
                a=item["a_id"], b=item["b_id"], identical=summary["identical"]["count"],
                similar=summary["similar"]["count"], only_a=summary["only_a"]["count"],
                only_b=summary["only_b"]["count"], excluded=summary["excluded"]["count"])))
    # exhibit numbers: every counted or pending finding gets an exhibit in 附件3
    seq = 0
    att = _att_numbers(data)["exhibits"]
    for item in data.comparisons:
        for match in item["result"]["matches"]:
            if status(match["id"], data.decisions) in (ACCEPTED, PENDING):
                seq += 1
                data.exhibit_numbers[match["id"]] = (f"附件{att}-{seq}" if lang == "zh"
                                                     else f"Attachment {att}-{seq}")
    n = data.next_table()
    caption(document, label(lang, "findings_table").format(n=n))
    rows = []
    for item in data.comparisons:
        for match in item["result"]["matches"]:
            rows.append([match["id"], category_name(lang, match["category"]), exhibit_mod.where(match["a"]),
                         exhibit_mod.where(match["b"]), f"{match['score']:.3f}", _decision_text(data, match["id"]),
                         data.exhibit_numbers.get(match["id"], "—")])
    table(document, label(lang, "cols_findings").split("|"), rows, [2.0, 1.8, 3.4, 3.4, 1.5, 1.7, 2.0],
          mono_columns=(0, 2, 3), mono_size=7)


def _decision_text(data: ReportData, finding_id: str) -> str:
    s = status(finding_id, data.decisions)
    if s == PENDING:
        return "待审查" if data.lang == "zh" else "not reviewed"
    return review.DECISION_LABELS[data.lang][s]


def _analysis(document: Any, data: ReportData, tools_table: int) -> None:
    lang = data.lang
    document.add_heading(label(lang, "analysis"), level=1)
    units = {unit_of(item["result"]) for item in data.comparisons} or {LINES}
    where = label(lang, "analysis_where_join").join(
        label(lang, f"analysis_where_{unit}") for unit in UNITS if unit in units)
    body_indent(document.add_paragraph(label(lang, "analysis_intro").format(where=where)))
    k = 0
    for item in data.comparisons:
        for match in item["result"]["matches"]:
            if not counted(match["id"], data.decisions, data.count_pending):
                continue
            k += 1
            pending = status(match["id"], data.decisions) == PENDING
            note = label(lang, "analysis_pending") if pending else ""
            d = data.decisions.get(match["id"])
            if d is not None and d.reason:
                note += d.reason + ("。" if lang == "zh" and not d.reason.endswith("。") else " ")
            _left(document.add_paragraph(f"{k}. " + label(lang, "analysis_finding").format(
                id=match["id"], category=category_name(lang, match["category"]), score=f"{match['score']:.3f}",
                a=exhibit_mod.where(match["a"]), b=exhibit_mod.where(match["b"]), note=note,
                exhibit=data.exhibit_numbers.get(match["id"], "—"))))
    if not k:
        body_indent(document.add_paragraph(label(lang, "analysis_none")))
    for decision, key in ((REJECTED, "analysis_rejected"), (EXCLUDED, "analysis_excluded")):
        document.add_heading(label(lang, key).rstrip(":："), level=2)
        listed = 0
        for item in data.comparisons:
            for match in item["result"]["matches"]:
                if status(match["id"], data.decisions) != decision:
                    continue
                listed += 1
                d = data.decisions[match["id"]]
                text = review.DECISION_LABELS[lang][decision]
                if decision == EXCLUDED:
                    text += f"({exclusion_name(lang, d.category)})" if lang == "zh" else f" ({d.category})"
                _left(document.add_paragraph(f"{listed}. " + label(lang, "analysis_decision").format(
                    id=match["id"], a=exhibit_mod.where(match["a"]), b=exhibit_mod.where(match["b"]),
                    decision=text, reason=d.reason)))
        if not listed:
            body_indent(document.add_paragraph(label(lang, "analysis_none")))
    att = _att_numbers(data)
    document.add_heading(label(lang, "limits"), level=2)
    body_indent(document.add_paragraph(label(lang, "limits_text").format(n=tools_table, attachment=att["validation"])))
    document.add_heading(label(lang, "alternatives"), level=2)
    body_indent(document.add_paragraph(label(lang, "alternatives_text").format(n=max(1, tools_table + 1))))
    if data.pending and data.count_pending:
        body_indent(document.add_paragraph(label(lang, "unreviewed_note").format(n=len(data.pending))))


def _opinion(document: Any, data: ReportData) -> None:
    lang = data.lang
    document.add_heading(label(lang, "opinion"), level=1)
    for o in data.opinions:
        paragraph = body_indent(document.add_paragraph())
        if not o.confirmed:
            paragraph.add_run(label(lang, "opinion_unconfirmed")).bold = True
        paragraph.add_run(f"{o.matter}. ")
        paragraph.add_run(o.text)
    for expert in data.case.config.experts:
        if expert.dissent:
            k, _, reason = expert.dissent.partition(":")
            body_indent(document.add_paragraph(label(lang, "dissent").format(
                name=expert.name, k=k.strip(), reason=reason.strip() or expert.dissent)))


def _signature(document: Any, data: ReportData) -> None:
    lang, cfg = data.lang, data.case.config
    document.add_paragraph()
    for expert in cfg.experts:
        right = document.add_paragraph()
        right.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        right.add_run(label(lang, "expert_line").format(name=expert.name, licence=expert.licence or "—"))
        sig = document.add_paragraph(label(lang, "signature"))
        sig.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    box = document.add_table(rows=1, cols=1)
    box.style = "Table Grid"
    box.alignment = 2  # right
    cell = box.rows[0].cells[0]
    cell.paragraphs[0].style = "Table Text"
    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell.paragraphs[0].add_run("\n" + label(lang, "seal").format(institution=cfg.institution or "—") + "\n")
    shade_cell(cell, "FFFFFF")
    from appraisal.report.ooxml import set_column_widths
    set_column_widths(box, [6.5])
    date = document.add_paragraph(format_date(lang, data.date))
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def format_date(lang: str, date: str) -> str:
    y, m, d = (int(x) for x in date.split("-"))
    return label(lang, "date_format").format(y=y, m=m, d=d)


def _attachments(document: Any, data: ReportData, manifest_hash: str) -> None:
    lang = data.lang
    att = _att_numbers(data)
    document.add_heading(label(lang, "attachments"), level=1)
    titles = {att["materials"]: label(lang, "att_materials"), att["detail"]: label(lang, "att_detail"),
              att["exhibits"]: label(lang, "att_exhibits").format(n=len(data.exhibit_numbers)),
              att["validation"]: label(lang, "att_validation"), att["audit"]: label(lang, "att_audit"),
              att["licences"]: label(lang, "att_licences")}
    for k in sorted(titles):
        no_indent(document.add_paragraph(label(lang, "att_heading").format(k=k, title=titles[k] or "—")))
    # 附件1: materials + per-file manifests
    _page_break(document)
    document.add_heading(label(lang, "att_heading").format(k=att["materials"], title=titles[att["materials"]]),
                         level=2)
    _materials_table(document, data)
    for m_seq, m in enumerate(data.materials, 1):
        caption(document, label(lang, "manifest_table").format(m=m_seq, id=m.id))
        rows = [[rel, f"{size:,}", sha] for rel, size, sha in data.manifests[m.id]]
        table(document, label(lang, "cols_manifest").split("|"), rows, [7.0, 1.8, 7.0], mono_columns=(0, 2))
    # 附件2: all findings
    document.add_heading(label(lang, "att_heading").format(k=att["detail"], title=titles[att["detail"]]), level=2)
    findings_sha = sha256_bytes(canonical_bytes(data.case.findings_document()))
    _left(document.add_paragraph(label(lang, "detail_file").format(sha=findings_sha)))
    rows = []
    for item in data.comparisons:
        for match in item["result"]["matches"]:
            d = data.decisions.get(match["id"])
            decision = _decision_text(data, match["id"]) + (f" — {d.reason}" if d is not None and d.reason else "")
            rows.append([match["id"], category_name(lang, match["category"]), f"{match['score']:.3f}",
                         exhibit_mod.where(match["a"]), exhibit_mod.where(match["b"]), decision])
    table(document, label(lang, "cols_detail").split("|"), rows, [2.0, 1.9, 1.5, 3.7, 3.7, 3.0],
          mono_columns=(0, 3, 4), mono_size=7)
    # 附件3: exhibits
    document.add_heading(label(lang, "att_heading").format(k=att["exhibits"], title=titles[att["exhibits"]]),
                         level=2)
    seq = 0
    for item in data.comparisons:
        for match in item["result"]["matches"]:
            if match["id"] not in data.exhibit_numbers:
                continue
            seq += 1
            ctx = exhibit_mod.ExhibitContext(lang, data.exhibit_numbers[match["id"]], att["exhibits"], seq, data.files,
                                             item["result"])
            exhibit_mod.renderer_for(match).render(document, match, ctx)
    # 附件4: validation
    document.add_heading(label(lang, "att_heading").format(k=att["validation"], title=titles[att["validation"]]),
                         level=2)
    rows = [[name, e.get("dataset", "-"), f"{e.get('pairs', 0):,}", _metrics(e), e.get("operating_point", "-"),
             e.get("measured", "-"), e.get("reference", "-")] for name, e in sorted(load_validation().items())]
    table(document, label(lang, "cols_validation").split("|"), rows, [1.5, 3.6, 1.3, 3.6, 2.4, 1.6, 1.8])
    # 附件5: audit excerpt + manifest hash
    document.add_heading(label(lang, "att_heading").format(k=att["audit"], title=titles[att["audit"]]), level=2)
    entries = data.case.audit_entries()
    tail = entries[-AUDIT_EXCERPT:]
    no_indent(document.add_paragraph(label(lang, "audit_text").format(n=len(entries), k=len(tail))))
    rows = [[str(e["seq"]), _fmt_time(e["ts_utc"]), e["actor"], e["action"], e["target"], e["hash"][:16]]
            for e in tail]
    table(document, label(lang, "cols_audit").split("|"), rows, [1.1, 3.4, 2.0, 2.2, 3.9, 3.2], mono_columns=(5,))
    version = _next_version(data.case)
    _left(document.add_paragraph(label(lang, "manifest_hash").format(v=version, sha=manifest_hash)))
    _audit_pin(document, data)
    # 附件6: licences
    document.add_heading(label(lang, "att_heading").format(k=att["licences"], title=titles[att["licences"]]),
                         level=2)
    no_indent(document.add_paragraph(label(lang, "licence_placeholder")))


def _audit_pin(document: Any, data: ReportData) -> None:
    """The log's newest entry when the report was issued (count, seq, full hash) and the pin line.

    ``case verify --against`` reads the pin line back from the issued docx or PDF.
    """
    lang, head = data.lang, data.audit_head
    _left(document.add_paragraph(label(lang, "audit_pin_text").format(n=data.audit_entries, seq=head.seq)))
    paragraph = _left(document.add_paragraph())
    mono_run(paragraph.add_run(pin_line(head.seq, head.hash)), 7)


def _page_break(document: Any) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _next_version(case: Case) -> int:
    row = case.conn.execute("SELECT MAX(version) FROM reports").fetchone()
    return (row[0] or 0) + 1


# -- manifest and issue --------------------------------------------------------------------
def manifest_inputs(case: Case, lang: str) -> dict[str, Any]:
    """Hashes of everything that goes into a report (REPORT_SPEC 3.9), no wall-clock values."""
    annotations = [d.__dict__ for d in review.history(case)]
    templates = {}
    for name in (f"report_{lang}.docx", "fonts.conf", "validation.toml", "standards.toml"):
        path = TEMPLATES / name
        if path.exists():
            templates[name] = sha256_file(path)
    tools = {TOOL_NAME: tool_version()}
    for item in case.comparisons():
        comp = item["result"]["comparator"]
        tools[f"comparator:{comp['name']}"] = comp["version"]
        for member in (comp.get("params") or {}).get("members", {}).values():
            tools[f"comparator:{member['name']}"] = member["version"]
    return {"case_toml": sha256_file(case.root / "case.toml"),
            "materials": [{"id": m.id, "sha256": m.sha256} for m in case.materials()],
            "findings_json": sha256_bytes(canonical_bytes(case.findings_document())),
            "annotations": sha256_bytes(canonical_bytes(annotations)),
            "templates": templates, "tools": tools, "environment": environment(),
            "report_date": report_date(case), "lang": lang}


def manifest_inputs_hash(case: Case, lang: str) -> str:
    return sha256_bytes(canonical_bytes(manifest_inputs(case, lang)))


def export_audit_log(case: Case, name: str) -> tuple[Path, int]:
    """Write the audit log into ``reports/name`` as JSON lines (one canonical entry a line, REPORT_SPEC 3.9)."""
    entries = case.audit_entries()
    target = case.write_report_file(name, b"".join(canonical_bytes(e) + b"\n" for e in entries))
    return target, len(entries)


def issue_report(case: Case, lang: str | None = None, pdf: bool = False, *, allow_unreviewed: bool = False,
                 draft: bool = False) -> IssuedReport:
    """Verify and check the case, write a new report version to ``reports/`` and log it.

    Raises IntegrityError (exit 1, nothing written) when a material or the audit log fails
    verification, and :class:`ReportBlocked` (exit 2) when a MUST rule fails — unless
    ``draft``, which issues the report marked as a draft that must not be used (the lint
    and integrity checks still block). Earlier versions are kept.
    """
    lang = lang or case.config.lang
    problems = case.verify(record=True)
    if problems:
        raise IntegrityError(problems)
    data, checks = preflight(case, lang, allow_unreviewed=allow_unreviewed or draft)
    if draft:
        checks_strict = check(case.config, data.opinions, data.pending, allow_unreviewed)
        lint_hits = [p for p in checks_strict.blocking if "forbidden phrase" in p]
        if lint_hits:
            raise ReportBlocked(str(case.root), lint_hits)
        data.draft_reasons = checks_strict.blocking
    elif checks.blocking:
        raise ReportBlocked(str(case.root), checks.blocking)
    inputs = manifest_inputs(case, lang)
    inputs_hash = sha256_bytes(canonical_bytes(inputs))
    docx = _render(data, None, inputs_hash)
    version = _next_version(case)
    path = case.write_report_file(f"report-v{version}-{lang}.docx", docx)
    digest = sha256_bytes(docx)
    outputs = [digest]
    pdf_path = None
    if pdf:
        from appraisal.report.pdf import pdf_bytes
        pdf_data = pdf_bytes(path, require_cjk=lang == "zh")
        pdf_path = case.write_report_file(path.with_suffix(".pdf").name, pdf_data)
        outputs.append(sha256_bytes(pdf_data))
    findings = case.write_findings()
    audit_path, audit_count = export_audit_log(case, f"audit-v{version}.jsonl")
    audit_digest = sha256_file(audit_path)
    manifest = {"format": "appraisal-report-manifest/1", "version": version, "inputs": inputs,
                "inputs_sha256": inputs_hash, "draft": draft, "warnings": checks.warnings,
                "audit_head": {"seq": data.audit_head.seq, "hash": data.audit_head.hash,
                               "entries": data.audit_entries},
                "outputs": {"docx": {"path": f"reports/{path.name}", "sha256": digest},
                            "audit_log": {"path": f"reports/{audit_path.name}", "sha256": audit_digest,
                                          "entries": audit_count}}}
    if pdf_path is not None:
        manifest["outputs"]["pdf"] = {"path": f"reports/{pdf_path.name}", "sha256": outputs[1]}
    manifest_bytes = json.dumps(manifest, sort_keys=True, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    manifest_path = case.write_report_file(f"manifest-v{version}.json", manifest_bytes)
    manifest_hash = sha256_bytes(manifest_bytes)
    case.record_report(version, lang, path, digest,
                       params={"lang": lang, "version": version, "pdf": pdf_path is not None, "draft": draft,
                               "allow_unreviewed": allow_unreviewed, "pending": len(data.pending),
                               "manifest": manifest_path.name, "inputs_sha256": inputs_hash,
                               "warnings": checks.warnings},
                       inputs=[sha256_file(findings), audit_digest], outputs=[*outputs, manifest_hash])
    return IssuedReport(version, lang, path, digest, pdf_path, manifest_path, tuple(checks.warnings))
