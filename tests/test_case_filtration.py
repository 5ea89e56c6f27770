"""Filtration in a case: declared base code is excluded from the findings and listed."""

from __future__ import annotations

import json
from pathlib import Path

from appraisal.custody.case import Case

TEMPLATE = """public class Template {
    public static void main(String[] args) {
        Config config = Config.load("server.properties");
        Server server = new Server(config.port(), config.threads());
        server.registerShutdownHook();
        server.start();
        System.out.println("started on port " + config.port());
    }
}
"""
OWN = """class Bonus {
    static int bonusFor(int level, int streak) {
        int bonus = level * 3;
        if (streak > 5) {
            bonus = bonus + streak * 2;
        }
        for (int i = 0; i < streak; i++) {
            bonus += i % 2;
        }
        return bonus;
    }
}
"""


def test_base_template_code_is_excluded_in_case_findings(tmp_path: Path) -> None:
    a_file = tmp_path / "A" / "Server.java"
    b_file = tmp_path / "B" / "Server.java"
    base_file = tmp_path / "base" / "Template.java"
    for path, text in ((a_file, TEMPLATE + OWN), (b_file, TEMPLATE.replace("Template", "Main") + OWN.replace(
            "bonus", "b")), (base_file, TEMPLATE)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    with Case.create(tmp_path / "case", actor="test") as case:
        case.add_material(tmp_path / "A", "A")
        case.add_material(tmp_path / "B", "B")
        case.add_material(base_file, "A", base=True)
        case.run(kind="code")
        document = json.loads((case.root / "findings.json").read_text(encoding="utf-8"))
    result = document["comparisons"][0]["result"]
    assert result["kind"] == "package"
    excluded = result["excluded"]
    assert excluded and all("declared base material" in e["reason"] for e in excluded)
    assert excluded[0]["a"]["start_line"] == 1
    structural = [m for m in result["matches"] if m["category"] in ("identical", "renamed", "similar", "reordered")]
    assert structural and all(m["a"]["start_line"] > TEMPLATE.count("\n") for m in structural)
