"""``make demo`` (``appraisal demo``): build the sample case from ``cases/sample-source/`` and issue its report.

The sample is the project's own material: a small game-server code base (side A, the
claimed original), an accused copy with renamed, reordered and edited files plus files of
its own (side B), and a shared public helper declared as base material (filtered out).
"""

from __future__ import annotations

from pathlib import Path

from appraisal.custody.case import Case, _remove_tree
from appraisal.custody.rerun import rerun
from appraisal.report.builder import issue_report
from appraisal.report.pdf import PdfError, soffice

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "cases" / "sample-source"


def build_sample(target: Path, pdf: bool | None = None) -> dict[str, object]:
    """Create, run, verify and report the sample case in ``target`` (replaced if present)."""
    if target.exists():
        _remove_tree(target)
    with Case.create(target, title="游戏服务端软件相似性鉴定", client="某市中级人民法院",
                     number="示例鉴定所[2026]知鉴字第1号", lang="zh", actor="demo") as case:
        configure_sample(case)
        case.add_material(SOURCE / "A" / "server", "A", label="权利人游戏服务端源代码",
                          source="委托人提交，光盘1张，封存完好")
        case.add_material(SOURCE / "B" / "gameserver", "B", label="被诉私服服务端源代码",
                          source="委托人提交，U盘1个，封存完好")
        case.add_material(SOURCE / "base" / "lib", "A", label="公有 JSON 辅助代码", base=True,
                          source="鉴定人自公开渠道取得")
        summary = case.run()
        review_sample(case)
        rerun_result = rerun(case)
        problems = case.verify()
        use_pdf = soffice() is not None if pdf is None else pdf
        pdf_problem = ""
        try:
            issued = issue_report(case, "zh", pdf=use_pdf)
        except PdfError as exc:
            pdf_problem = str(exc)
            issued = issue_report(case, "zh", pdf=False)
        return {"case": target, "compared": summary.compared, "problems": problems, "pdf_problem": pdf_problem,
                "report": issued.path, "pdf": issued.pdf, "comparisons": case.comparisons(),
                "rerun": rerun_result}


def configure_sample(case: Case) -> None:
    """Commission data of the sample (fictitious institution and experts)."""
    from datetime import UTC, datetime

    from appraisal.custody.config import Expert, Opinion, write_config
    cfg = case.config
    cfg.matters = ["检材 JC-01 与样本 YB-01 的源代码及文本是否存在相同或实质性相似"]
    cfg.place = "本鉴定所电子数据实验室"
    cfg.institution = "示例司法鉴定所"
    cfg.institution_licence = "示例许可证号 000000000"
    cfg.institution_address = "某省某市某区示例路1号"
    cfg.institution_postcode = "100000"
    cfg.institution_phone = "010-00000000"
    cfg.persons_present = "无"
    cfg.summary = ("委托人称:原告系某网络游戏服务端软件的著作权人;被告运营的游戏服务器所用服务端程序"
                   "与原告软件高度近似。委托人提交了双方服务端源代码各一份,委托本所鉴定二者是否存在相同或实质性相似。")
    cfg.references = ["公有 JSON 辅助代码(ZL-01),鉴定人自公开渠道取得,用于过滤公有代码。"]
    cfg.experts = [Expert("张示例", "示例执业证号 000001"), Expert("李示例", "示例执业证号 000002")]
    cfg.opinions = [Opinion(matter=1, type="positive", pair="YB-01/JC-01")]
    cfg.report_date = datetime.now(UTC).strftime("%Y-%m-%d")
    write_config(case.root / "case.toml", cfg)


def review_sample(case: Case) -> None:
    """The expert's decisions on the sample's findings: accept most, exclude one, reject one."""
    from appraisal.review import record_decision
    rows = case.conn.execute("SELECT id, category, a_json FROM findings ORDER BY id").fetchall()
    literals = [r[0] for r in rows if r[1] == "string-literal"]
    renamed = [r[0] for r in rows if r[1] == "renamed"]
    rejected = literals[-1] if literals else None
    excluded = next((r[0] for r in rows if r[1] == "renamed" and "shop.py" in r[2]), renamed[-1] if renamed else None)
    for finding_id, _category, _a in rows:
        if finding_id == rejected:
            record_decision(case, finding_id, "rejected", expert="张示例",
                            reason="该处仅为简短的通用提示字符串,单独不足以说明相似(演示数据)")
        elif finding_id == excluded:
            record_decision(case, finding_id, "excluded", category="open-source", expert="张示例",
                            reason="该函数与公开的开源示例代码相同,按开源代码排除(演示数据)")
        else:
            note = "经人工核对,两侧代码结构与语句顺序一致,仅标识符不同" if finding_id in renamed else ""
            record_decision(case, finding_id, "accepted", expert="张示例", reason=note)
