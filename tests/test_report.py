"""The court-ready report: skeleton, tables, exhibits, decisions, opinion lint, checks, versions.

One sample case (``make demo``'s, with expert decisions and opinion config) is built per
module; tests that change a case work on a copy. Reports are read back as real docx
(python-docx / zipfile); the PDF is converted once (skipped without LibreOffice).
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from conftest import cli, cli_ok, flip_one_byte, material_file, query_db
from docx import Document
from docx.oxml.ns import qn

from appraisal.custody.case import Case
from appraisal.custody.config import Opinion
from appraisal.demo import build_sample, configure_sample
from appraisal.report import exhibits, labels
from appraisal.report.builder import build_docx, issue_report
from appraisal.report.opinion import lint
from appraisal.report.pdf import soffice
from appraisal.report.typography import typeset
from appraisal.report.validate import check
from appraisal.review.decisions import decisions, record_decision

ZH_HEADINGS = ("basic", "summary", "digest", "process", "handling", "steps", "methods", "standards", "filtration",
               "results", "analysis", "limits", "alternatives", "opinion", "attachments", "notes")
FIELDS = ("client", "matters", "received", "materials", "period", "place", "present", "examinee")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("report") / "sample"
    build_sample(target, pdf=False)
    return target


@pytest.fixture(scope="module")
def docs(sample: Path) -> dict[str, bytes]:
    with Case.open(sample) as case:
        return {lang: build_docx(case, lang) for lang in ("zh", "en")}


def copy_case(sample: Path, dest: Path) -> Path:
    shutil.copytree(sample, dest)
    return dest


def all_text(data: bytes) -> str:
    """Every text node of the document body, headers and footers, in order."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = "".join(package.read(n).decode("utf-8") for n in sorted(package.namelist())
                      if n.startswith("word/") and n.endswith(".xml"))
    return "".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml))


def table_cells(data: bytes) -> set[str]:
    document = Document(io.BytesIO(data))
    return {cell.text.strip() for table in document.tables for row in table.rows for cell in row.cells}


def edit_config(case: Path, **changes: object) -> None:
    data = tomllib.loads((case / "case.toml").read_text(encoding="utf-8"))
    data.update(changes)
    (case / "case.toml").write_text(tomli_w.dumps(data), encoding="utf-8")


# --------------------------------------------------------------------------- skeleton


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_required_section_and_field_is_present(docs: dict[str, bytes], sample: Path, lang: str) -> None:
    text = all_text(docs[lang])
    for key in ZH_HEADINGS + FIELDS:
        assert labels.label(lang, key) in text, f"{lang}: {key} ({labels.label(lang, key)}) missing"
    with Case.open(sample) as case:
        cfg = case.config
    for value in (cfg.institution, cfg.institution_licence, cfg.institution_address, cfg.institution_postcode,
                  cfg.institution_phone, cfg.number, cfg.client):
        assert value in text, value
    for expert in cfg.experts:
        assert expert.name in text and expert.licence in text
    if lang == "zh":
        for phrase in ("司法鉴定意见书", "声", "使用本鉴定文书应当保持其完整性和严肃性", "鉴定人负责制度", "（签名）",
                       "（司法鉴定专用章）", "SF/T 0158-2023", "软件相似性鉴定技术规范", "委托人陈述"):
            assert phrase in text, phrase
        y, m, d = (int(x) for x in cfg.report_date.split("-"))
        assert f"{y}年{m}月{d}日" in text
        assert "附件1" in text and "附件6" in text


def test_document_number_is_right_aligned_and_in_the_header(docs: dict[str, bytes], sample: Path) -> None:
    document = Document(io.BytesIO(docs["zh"]))
    with Case.open(sample) as case:
        number = case.config.number
    numbered = [p for p in document.paragraphs if p.text == number]
    assert numbered and numbered[0].style.name == "Document Number"
    assert numbered[0].style.paragraph_format.alignment == 2  # RIGHT
    for section in document.sections:
        assert number in "".join(p.text for p in section.header.paragraphs)


def test_footer_has_page_and_numpages_fields(docs: dict[str, bytes]) -> None:
    document = Document(io.BytesIO(docs["zh"]))
    footer = "".join(section.footer._element.xml for section in document.sections)
    assert re.search(r"<w:instrText[^>]*>\s*PAGE\s*</w:instrText>", footer)
    assert re.search(r"<w:instrText[^>]*>\s*NUMPAGES\s*</w:instrText>", footer)


def test_east_asian_fonts_set_and_table_headers_repeat(docs: dict[str, bytes]) -> None:
    with zipfile.ZipFile(io.BytesIO(docs["zh"])) as package:
        styles = package.read("word/styles.xml").decode("utf-8")
        body = package.read("word/document.xml").decode("utf-8")
    assert 'w:eastAsia="仿宋"' in styles and 'w:eastAsia="黑体"' in styles
    assert "eastAsiaTheme" not in body
    assert body.count("<w:tblHeader") >= 8
    assert 'w:ascii="Liberation Mono"' in body  # hashes and excerpts in monospace


def test_material_hashes_equal_the_store(docs: dict[str, bytes], sample: Path) -> None:
    cells = table_cells(docs["zh"])
    for material_id, digest in query_db(sample, "SELECT id, sha256 FROM materials"):
        assert digest in cells, material_id
    for rel, digest in query_db(sample, "SELECT relpath, sha256 FROM material_files"):
        assert digest in cells and rel in cells, rel
    assert any(c.startswith("✓ ") for c in cells)


def test_tools_table_has_versions_params_and_validation_from_data(docs: dict[str, bytes]) -> None:
    text = all_text(docs["zh"])
    validation = tomllib.loads((Path(__file__).parent.parent / "report_templates" / "validation.toml")
                               .read_text(encoding="utf-8"))
    for tool in validation["tool"]:
        assert tool["reference"] in text
        assert f"{tool['pairs']:,}" in text
    code, textual = (next(t for t in validation["tool"] if t["comparator"] == k) for k in ("code", "text"))
    assert f"ROC AUC {code['roc_auc']:.3f} (95% CI " in text and f"PlagDet {textual['plagdet']:.3f}," in text
    assert "negatives without detection" in text and "%)" in text
    assert "seed=1" in text and "num_perm=128" in text and "shingle=8" in text
    assert "Python 3." in text and "python-docx" in text


def test_method_section_states_the_expected_similarity_baseline_and_the_corpus(docs: dict[str, bytes]) -> None:
    zh, en = all_text(docs["zh"]), all_text(docs["en"])
    assert "相似度以独立实现之间的预期相似为基准" in zh and "公共内容参照库：code: the files of both packages" in zh
    assert "what independent implementations share" in en and "groups of near-duplicate files" in en
    assert "Commonplace reference corpus: code: the files of both packages and their base material" in en


# --------------------------------------------------------------------------- exhibits and decisions


def test_exhibits_are_numbered_consecutively_with_every_accepted_finding(docs: dict[str, bytes],
                                                                         sample: Path) -> None:
    text = all_text(docs["zh"])
    exhibits = re.findall(r"附件3-(\d+) 发现项 (F-[a-z]+-\d{4})", text)
    assert [int(n) for n, _ in exhibits] == list(range(1, len(exhibits) + 1))
    with Case.open(sample) as case:
        decided = decisions(case)
    accepted = sorted(f for f, d in decided.items() if d.decision == "accepted")
    assert sorted(f for _, f in exhibits) == accepted
    for finding_id in accepted:  # cross-referenced from the analysis
        assert re.search(re.escape(finding_id) + r".{0,200}?见附件3-\d+", text), finding_id
    assert re.search(r"SHA-256 [0-9a-f]{12}", text)
    assert "¶" in text  # text finding cites its paragraphs


def test_rejected_and_excluded_findings_are_listed_with_reasons_and_not_counted(docs: dict[str, bytes],
                                                                               sample: Path) -> None:
    text = all_text(docs["zh"])
    with Case.open(sample) as case:
        decided = decisions(case)
        from appraisal.report.builder import collect
        data = collect(case, "zh")
    others = {f: d for f, d in decided.items() if d.decision != "accepted"}
    assert {d.decision for d in others.values()} == {"rejected", "excluded"}
    for finding_id, d in others.items():
        assert typeset(d.reason) in text  # the expert's own wording, set in Chinese typography
        assert not re.search(r"附件3-\d+ 发现项 " + re.escape(finding_id), text)
    fig = data.figures[0][1]
    excluded = next(d for d in others.values() if d.decision == "excluded")
    assert "开源代码" in text and typeset(excluded.reason) in text
    assert fig.den_a_after < fig.den_a_before and fig.num_a_after <= fig.num_a_before
    assert f"{fig.num_a_after}/{fig.den_a_after}" in text
    assert f"{100 * fig.num_a_after / fig.den_a_after:.1f}%" in text  # the opinion's figure


HALF_WIDTH_IN_CHINESE = re.compile(r"[\u4e00-\u9fff][:;,?!()]|[:;,?!()][\u4e00-\u9fff]")


def docx_paragraphs(data: bytes) -> list[Any]:
    """Every paragraph of a docx: body, table cells (nested tables too), headers and footers."""
    from docx.text.paragraph import Paragraph
    document = Document(io.BytesIO(data))
    roots = [document.element.body] + [s.header._element for s in document.sections]
    return [Paragraph(p, document) for root in roots for p in root.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]


def test_zh_report_uses_full_width_punctuation_in_chinese_text(docs: dict[str, bytes], sample: Path) -> None:
    paragraphs = docx_paragraphs(docs["zh"])
    prose = ["".join(r.text for r in p.runs if r.font.name != "Liberation Mono") for p in paragraphs]
    bad = [text[max(0, m.start() - 12):m.end() + 12] for text in prose for m in HALF_WIDTH_IN_CHINESE.finditer(text)]
    assert not bad, bad
    text = "\n".join(p.text for p in paragraphs)
    # the issue's three examples: case.toml's summary, the digest line, a material's source
    assert "委托人称：原告" in text and "委托人称:" not in text
    assert "（软件包/目录），7 个文件" in text and "),7 个文件" not in text
    assert "封存完好；接收时间" in text and "完好;接收" not in text
    # half-width kept: hashes, paths, code excerpts, Latin text
    with Case.open(sample) as case:
        hashes = [m.sha256 for m in case.materials()]
        regions = [exhibits.where(m[side]) for c in case.comparisons() for m in c["result"]["matches"]
                   for side in ("a", "b")]
    assert all(h in text for h in hashes)
    assert all(r in text for r in regions) and any(":" in r for r in regions)
    assert 'raise ValueError("金币不足，无法购买")' in text  # code: brackets around Chinese stay half-width
    assert "SF/T 0158-2023" in text
    # the English report is left as it is
    assert "委托人称:原告" in "\n".join(p.text for p in docx_paragraphs(docs["en"]))


def test_rebuild_is_byte_identical(sample: Path, docs: dict[str, bytes]) -> None:
    with Case.open(sample) as case:
        again = build_docx(case, "zh")
    assert again == docs["zh"]
    with zipfile.ZipFile(io.BytesIO(again)) as package:
        assert {i.date_time for i in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "<cp:revision>1</cp:revision>" in package.read("docProps/core.xml").decode("utf-8")


# --------------------------------------------------------------------------- opinion wording


@pytest.mark.parametrize("phrase", [p for p, _ in labels.FORBIDDEN_PHRASES])
def test_lint_blocks_each_forbidden_phrase(sample: Path, phrase: str) -> None:
    assert lint(f"经比对,{phrase}相关内容")
    with Case.open(sample) as case:
        cfg = case.config
        cfg.opinions = [Opinion(matter=1, type="undetermined", reason=f"材料显示{phrase}")]
        from appraisal.report.builder import collect
        data = collect(case, "zh")
        checks = check(cfg, data.opinions, [], False)
    assert any("forbidden phrase" in p and phrase.lower() in p.lower() for p in checks.blocking), checks.blocking


def test_clean_opinion_passes_the_lint(sample: Path) -> None:
    with Case.open(sample) as case:
        from appraisal.report.builder import collect
        data = collect(case, "zh")
        assert not check(case.config, data.opinions, [], False).blocking
    assert data.opinions[0].type == "positive" and "%" in data.opinions[0].text


def test_forbidden_phrase_in_the_opinion_refuses_export_via_cli(sample: Path, tmp_path: Path) -> None:
    case = copy_case(sample, tmp_path / "case")
    edit_config(case, opinions=[{"matter": 1, "type": "undetermined", "reason": "被告构成侵权", "pair": ""}])
    before = sorted(p.name for p in (case / "reports").iterdir())
    result = cli("case", "report", case)
    assert result.code == 2, result.err
    assert "构成侵权" in result.err and "forbidden" in result.err
    assert sorted(p.name for p in (case / "reports").iterdir()) == before
    # a draft is refused too: the lint is never waived
    assert cli("case", "report", case, "--draft").code == 2


def test_undetermined_without_reason_is_refused(sample: Path, tmp_path: Path) -> None:
    case = copy_case(sample, tmp_path / "case")
    edit_config(case, opinions=[{"matter": 1, "type": "undetermined", "reason": "", "pair": ""}])
    result = cli("case", "report", case)
    assert result.code == 2
    assert "undetermined" in result.err and "reason" in result.err


def test_missing_required_fields_are_named(sample: Path, tmp_path: Path) -> None:
    case = copy_case(sample, tmp_path / "case")
    edit_config(case, institution="", experts=[])
    result = cli("case", "report", case)
    assert result.code == 2
    assert "institution" in result.err and "experts" in result.err
    assert "Traceback" not in result.err


def test_tampered_material_blocks_export(sample: Path, tmp_path: Path) -> None:
    case = copy_case(sample, tmp_path / "case")
    flip_one_byte(material_file(case, "JC-01", "shop.py"))
    before = sorted(p.name for p in (case / "reports").iterdir())
    result = cli("case", "report", case)
    assert result.code == 1
    assert "JC-01" in result.err and "shop.py" in result.err
    assert sorted(p.name for p in (case / "reports").iterdir()) == before


def test_pending_findings_block_unless_allowed(run_case: Path) -> None:
    edit_config(run_case, institution="某鉴定所", institution_licence="0001", matters=["是否相似"],
                experts=[{"name": "王某", "licence": "A1", "dissent": ""}],
                opinions=[{"matter": 1, "type": "positive", "reason": "", "pair": ""}])
    refused = cli("case", "report", run_case)
    assert refused.code == 2 and "not yet reviewed" in refused.err
    issued = cli("case", "report", run_case, "--allow-unreviewed", "--json")
    assert issued.code == 0, issued.err
    report = Path(json.loads(issued.out)["report"])
    text = all_text(report.read_bytes())
    assert "未经鉴定人审查" in text and "--allow-unreviewed" in text


def test_unconfigured_case_gives_a_marked_draft(run_case: Path) -> None:
    result = cli("case", "report", run_case, "--draft", "--json")
    assert result.code == 0, result.err
    text = all_text(Path(json.loads(result.out)["report"]).read_bytes())
    assert "【草稿】" in text and "待鉴定人确认" in text


# --------------------------------------------------------------------------- versions, manifest, PDF


def test_reissue_keeps_v1_writes_v2_manifest_and_pdf(sample: Path, tmp_path: Path) -> None:
    case_dir = copy_case(sample, tmp_path / "case")
    v1 = (case_dir / "reports" / "report-v1-zh.docx").read_bytes()
    use_pdf = soffice() is not None and shutil.which("pdftotext") is not None
    with Case.open(case_dir) as case:
        issued = issue_report(case, "zh", pdf=use_pdf)
    assert issued.version == 2
    assert (case_dir / "reports" / "report-v1-zh.docx").read_bytes() == v1
    assert (case_dir / "reports" / "manifest-v1.json").is_file()
    manifest_path = case_dir / "reports" / "manifest-v2.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    docx = case_dir / "reports" / "report-v2-zh.docx"
    assert manifest["outputs"]["docx"]["sha256"] == hashlib.sha256(docx.read_bytes()).hexdigest()
    for key in ("case_toml", "materials", "findings_json", "annotations", "templates", "tools"):
        assert manifest["inputs"][key], key
    assert manifest["inputs"]["case_toml"] == hashlib.sha256((case_dir / "case.toml").read_bytes()).hexdigest()
    assert manifest["inputs_sha256"] in all_text(docx.read_bytes())
    manifest_hash = hashlib.sha256(manifest_path.read_bytes()).hexdigest()
    exports = query_db(case_dir, "SELECT target, outputs FROM audit WHERE action = 'export' ORDER BY seq")
    assert exports[-1][0] == "report-v2-zh.docx" and manifest_hash in json.loads(exports[-1][1])
    assert cli("case", "verify", case_dir).code == 0
    if not use_pdf:
        pytest.skip("LibreOffice/poppler not installed: PDF part skipped")
    pdf = issued.pdf
    assert manifest["outputs"]["pdf"]["sha256"] == hashlib.sha256(pdf.read_bytes()).hexdigest()
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"第\s*1\s*页\s*共\s*\d+\s*页", text)
    assert "鉴定意见" in text and "F-code-0001" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts


def test_issued_report_carries_the_audit_log_as_verifiable_json_lines(sample: Path) -> None:
    from appraisal.custody.audit import Head, verify_chain
    manifest = json.loads((sample / "reports" / "manifest-v1.json").read_text(encoding="utf-8"))
    record = manifest["outputs"]["audit_log"]
    data = (sample / record["path"]).read_bytes()
    assert hashlib.sha256(data).hexdigest() == record["sha256"]
    entries = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert len(entries) == record["entries"] and entries[0]["seq"] == 1
    pinned = manifest["audit_head"]  # the export ends exactly at the entry the report pins
    assert pinned["entries"] == record["entries"] == pinned["seq"]
    head = Head(pinned["seq"], pinned["hash"])
    assert verify_chain(entries, head) == []
    assert verify_chain(entries, None), "an exported log without its head must not pass as complete"
    assert {"intake", "run_comparator", "annotate"} <= {e["action"] for e in entries}
    entries[1]["actor"] = "someone else"
    assert verify_chain(entries, head)


def test_confidence_intervals() -> None:
    from appraisal.report.intervals import auc_interval, wilson
    lo, hi = wilson(387, 390)
    assert 0.977 < lo < 0.978 and 0.997 < hi < 0.998  # Wilson 95% for 387/390
    assert wilson(0, 10)[0] < 1e-9 and wilson(10, 10)[1] > 1 - 1e-9 and wilson(0, 0) == (0.0, 1.0)
    lo, hi = auc_interval(0.9, 50, 50)
    assert lo < 0.9 < hi and hi - lo < 0.15
    perfect = auc_interval(1.0, 390, 390)
    assert 0.98 < perfect[0] < 0.995 and perfect[1] > 1 - 1e-9  # never a zero-width interval
    narrow = auc_interval(0.9, 5000, 5000)
    assert narrow[1] - narrow[0] < (hi - lo) / 5


# --------------------------------------------------------------------------- exhibit interface


def test_other_modalities_plug_into_the_exhibit_interface(sample: Path) -> None:
    """An image finding whose regions are not polygons gets the generic region table; a registered renderer
    takes over its modality."""
    from appraisal.report import exhibits
    from appraisal.review.view import case_files

    with Case.open(sample) as case:
        files = case_files(case)
        path_a = case.conn.execute("SELECT a_json FROM findings WHERE id = 'F-file-0001'").fetchone()[0]
        path_b = case.conn.execute("SELECT b_json FROM findings WHERE id = 'F-file-0001'").fetchone()[0]
    finding = {"id": "F-image-0001", "category": "keypoint-region", "score": 0.91,
               "a": {**json.loads(path_a), "x": 10, "y": 20, "w": 64, "h": 48},
               "b": {**json.loads(path_b), "x": 12, "y": 18, "w": 66, "h": 47}}
    ctx = exhibits.ExhibitContext("zh", "附件3-1", 3, 1, files)
    assert exhibits.modality(finding["id"]) == "image"
    document = Document(str(Path(exhibits.__file__).parent.parent.parent / "report_templates" / "report_zh.docx"))
    exhibits.renderer_for(finding).render(document, finding, ctx)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    joined = "\n".join(cells)
    assert "F-image-0001" in "\n".join(p.text for p in document.paragraphs)
    assert "x=10" in joined and "w=64" in joined and "x=12" in joined
    assert files.file(json.loads(path_a)["path"]).sha256[:12] in joined

    rendered: list[str] = []

    class Overlay:
        def render(self, document: object, finding: dict, ctx: exhibits.ExhibitContext) -> None:
            rendered.append(f"{ctx.number}:{finding['id']}")

    previous = exhibits._REGISTRY.get("image")
    exhibits.register("image", Overlay())
    try:
        exhibits.renderer_for(finding).render(document, finding, ctx)
    finally:
        exhibits._REGISTRY.pop("image")
        if previous is not None:
            exhibits.register("image", previous)
    assert rendered == ["附件3-1:F-image-0001"]


def _shaded_texts(table: Any) -> list[str]:
    """The shaded (matched) runs of a side-by-side exhibit table, column by column joined."""
    out = []
    for column in (1, 3):
        runs = []
        for row in table.rows[1:]:
            for run in row.cells[column].paragraphs[0].runs:
                if run._r.rPr is not None and run._r.rPr.find(qn("w:shd")) is not None:
                    runs.append(run.text)
        out.append(" ".join(runs))
    return out


def test_text_exhibits_show_separately_copied_passages_separately(tmp_path: Path) -> None:
    """A DOCX whose paragraphs 1 and 3 are copied and whose paragraph 2 is new gives two exhibits; each shows
    the text the comparator read (not the zip bytes) with only its own passage shaded."""
    copied_1 = ("The keeper climbed the spiral stair every evening at dusk, counting the steps aloud as his father "
                "had taught him. At the top he wiped the salt from the lens and checked the wick twice. Ships passing "
                "the northern reef depended on that steady beam, and he had never let it fail in thirty winters.")
    new_a = ("The village below had changed a great deal since the railway arrived. Fishermen sold their catch to "
             "merchants from the city. Children learned arithmetic in a new brick school beside the chapel.")
    new_b = ("Meanwhile the market town across the bay held its annual fair with wrestling and a brass band. Farmers "
             "brought sheep down from the moor to be judged. A photographer sold portraits for a shilling each.")
    copied_2 = ("In the spring a young woman from the lighthouse board arrived with a ledger and new instruments. She "
                "measured the tower, tested the clockwork that turned the lens, and wrote every number down. She "
                "stayed three days and left without a word about the future of the station.")
    for name, middle in (("original.docx", new_a), ("accused.docx", new_b)):
        document = Document()
        for text in (copied_1, middle, copied_2):
            document.add_paragraph(text)
        document.save(tmp_path / name)
    case_dir = tmp_path / "case"
    cli_ok("case", "create", case_dir, "--title", "文字作品相似性鉴定", "--client", "某法院", "--number", "T-17")
    cli_ok("case", "add", case_dir, tmp_path / "original.docx", "--side", "A")
    cli_ok("case", "add", case_dir, tmp_path / "accused.docx", "--side", "B")
    cli_ok("case", "run", case_dir)
    with Case.open(case_dir, actor="张示例") as case:
        configure_sample(case)
        matches = case.comparisons()[0]["result"]["matches"]
        assert len(matches) == 2
        for match in matches:
            record_decision(case, match["id"], "accepted", reason="test")
    issued = json.loads(cli_ok("case", "report", case_dir, "--json").out)
    report = Document(issued["report"])
    side_by_side = [t for t in report.tables if t.rows and "YB-01" in t.rows[0].cells[0].text
                    and "accused.docx" in t.rows[0].cells[2].text]
    assert len(side_by_side) == 2
    cells = {c.text for t in report.tables for r in t.rows for c in r.cells}
    assert "66.7% (2/3)" in cells  # the results table counts the DOCX's paragraphs (lines), not 0 lines
    for table, passage in zip(side_by_side, (copied_1, copied_2), strict=True):
        shaded_a, shaded_b = _shaded_texts(table)
        assert shaded_a == passage and shaded_b == passage
        assert new_a not in shaded_a and new_b not in shaded_b
