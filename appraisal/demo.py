"""``make demo``: build the sample case from ``cases/sample-source/`` and issue its report.

The sample is the project's own material: a small game-server code base (side A, the
claimed original), an accused copy with renamed, reordered and edited files plus files of
its own (side B), and a shared public helper declared as base material (filtered out).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from appraisal.case import Case, _remove_tree
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
        case.config.matters = ["检材 JC-01 与样本 YB-01 的源代码及文本是否存在相同或实质性相似"]
        case.config.place = "本鉴定所电子数据实验室"
        from appraisal.config import write_config
        write_config(target / "case.toml", case.config)
        case.add_material(SOURCE / "A" / "server", "A", label="权利人游戏服务端源代码",
                          source="委托人提交，光盘1张，封存完好")
        case.add_material(SOURCE / "B" / "gameserver", "B", label="被诉私服服务端源代码",
                          source="委托人提交，U盘1个，封存完好")
        case.add_material(SOURCE / "base" / "lib", "A", label="公有 JSON 辅助代码", base=True,
                          source="鉴定人自公开渠道取得")
        summary = case.run()
        problems = case.verify()
        use_pdf = soffice() is not None if pdf is None else pdf
        try:
            issued = issue_report(case, "zh", pdf=use_pdf)
        except PdfError as exc:
            print(f"PDF not produced: {exc}", file=sys.stderr)
            issued = issue_report(case, "zh", pdf=False)
        return {"case": target, "compared": summary.compared, "problems": problems,
                "report": issued.path, "pdf": issued.pdf, "comparisons": case.comparisons()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=Path, default=ROOT / "cases" / "sample")
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args(argv)
    result = build_sample(args.target, pdf=False if args.no_pdf else None)
    for item in result["comparisons"]:
        r = item["result"]
        s = r.get("summary", {})
        print(f"{item['a_id']} vs {item['b_id']}: score {r['score']:.3f}, coverage A "
              f"{100 * r['coverage_a']:.1f}%, B {100 * r['coverage_b']:.1f}%, "
              f"{len(r['matches'])} findings; identical files {s.get('identical', {}).get('count', 0)}, "
              f"similar {s.get('similar', {}).get('count', 0)}, excluded {s.get('excluded', {}).get('count', 0)}")
    print("verification:", "ok" if not result["problems"] else result["problems"])
    print(f"report: {result['report']}")
    if result["pdf"]:
        print(f"pdf:    {result['pdf']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
