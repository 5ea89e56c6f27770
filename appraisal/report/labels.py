"""Report wording per language (data, not code, so a commission can adjust it)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "doc_type": "司法鉴定意见书",
        "default_title": "软件及作品相似性鉴定意见书",
        "basic": "一、基本情况",
        "client": "委托人",
        "matters": "委托鉴定事项",
        "received": "受理日期",
        "materials": "鉴定材料",
        "period": "鉴定日期",
        "place": "鉴定地点",
        "present": "在场人员",
        "none": "无",
        "see_table": "见下表(表1)",
        "materials_table": "表1 鉴定材料及哈希值",
        "cols_materials": "编号|名称|类型|来源|接收时间|文件数|字节数|SHA-256|复核",
        "results": "二、检验结果",
        "results_table": "表2 比对结果",
        "cols_results": "样本|检材|方法|得分|样本覆盖率|检材覆盖率|匹配数",
        "package_line": ("{a} 与 {b}:相同文件 {identical} 个,相似文件 {similar} 个,"
                         "仅样本有 {only_a} 个,仅检材有 {only_b} 个,经过滤排除 {excluded} 个。"),
        "custody": "三、检材保管与审计",
        "custody_text": ("全部鉴定材料在受理时计算 SHA-256 并设为只读;出具本文书前已重新计算哈希值并与受理"
                         "记录核对一致,审计日志哈希链校验通过(共 {n} 条记录,末条哈希 {head})。"),
        "tool": "鉴定工具:{tool} 版本 {version}。",
        "kinds": "package=软件包/目录|code=源代码|text=文本",
        "verified": "✓ {date}",
        "failed": "✗ {date}",
    },
    "en": {
        "doc_type": "Appraisal Opinion",
        "default_title": "Similarity Appraisal Opinion",
        "basic": "1. Basic information",
        "client": "Client",
        "matters": "Matters entrusted",
        "received": "Date accepted",
        "materials": "Materials",
        "period": "Examination period",
        "place": "Place",
        "present": "Persons present",
        "none": "none",
        "see_table": "see Table 1",
        "materials_table": "Table 1 Materials and hashes",
        "cols_materials": "ID|Name|Type|Source|Received|Files|Bytes|SHA-256|Verified",
        "results": "2. Results",
        "results_table": "Table 2 Comparison results",
        "cols_results": "Reference|Questioned|Method|Score|Coverage ref.|Coverage quest.|Matches",
        "package_line": ("{a} vs {b}: {identical} identical files, {similar} similar files, "
                         "{only_a} only in the reference, {only_b} only in the questioned "
                         "material, {excluded} excluded by filtration."),
        "custody": "3. Custody and audit",
        "custody_text": ("Every material was hashed (SHA-256) at intake and made read-only; before "
                         "this document was issued the hashes were recomputed and matched the "
                         "intake records, and the audit hash chain verified ({n} entries, last "
                         "hash {head})."),
        "tool": "Tool: {tool} version {version}.",
        "kinds": "package=package/folder|code=source code|text=text",
        "verified": "✓ {date}",
        "failed": "✗ {date}",
    },
}


def label(lang: str, key: str) -> str:
    """The wording of ``key`` in ``lang``."""
    return LABELS[lang][key]


def kind_name(lang: str, kind: str) -> str:
    """Human name of a material kind."""
    names = dict(item.split("=", 1) for item in LABELS[lang]["kinds"].split("|"))
    return names.get(kind, kind)
