"""The data-table comparator on real game-server tables: CSV (UTF-8 and GB18030), JSON, XML, INI, SQL.

A genuine item table and a private server's edit of it (drop rates ×3, two added rows) give
identical-row and edited-value findings at the right lines with the factor reported; schemas of
SQL dumps compare as database schemas; an independent table with the same columns scores low;
bad input is refused naming the file; results are byte-for-byte reproducible.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run_cli

import comparators
from comparators.base import Comparison
from comparators.errors import InputError
from comparators.table import TableComparator

HEADER = "id,name,level,rate,price"
ITEMS = [
    ("100001", "屠龙宝刀", 40, "0.05", 12000),
    ("100002", "倚天长剑", 38, "0.04", 11000),
    ("100003", "玄铁重剑", 35, "0.1", 9000),
    ("100004", "裁决之杖", 45, "0.02", 15000),
    ("100005", "骨玉权杖", 42, "0.03", 14000),
    ("100006", "龙纹圣剑", 50, "0.01", 20000),
]
ADDED = [("200001", "私服神器", 99, "1", 99999), ("200002", "充值大礼包", 1, "1", 648)]


def _csv(rows: list[tuple]) -> str:
    return "\n".join([HEADER, *(",".join(str(c) for c in row) for row in rows)]) + "\n"


def _private_rows() -> list[tuple]:
    """The private server's table: the first four rates ×3, two rows added, the last two unchanged."""
    edited = [(i, n, lv, f"{float(r) * 3:g}", p) for i, n, lv, r, p in ITEMS[:4]]
    return edited + ADDED + ITEMS[4:]


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


def _compare(a: Path, b: Path, base: list[Path] = (), **params: object) -> Comparison:
    comparator = TableComparator(**params)
    return comparator.compare(comparator.extract(a), comparator.extract(b),
                              base=[comparator.extract(p) for p in base])


def _by_category(result: Comparison, category: str) -> list:
    return [m for m in result.matches if m.category == category]


@pytest.fixture()
def items(tmp_path: Path) -> tuple[Path, Path]:
    return (_write(tmp_path / "genuine" / "items.csv", _csv(ITEMS)),
            _write(tmp_path / "private" / "items.csv", _csv(_private_rows())))


def test_private_edit_found_as_edited_and_identical_rows_at_their_lines(items: tuple[Path, Path]) -> None:
    a, b = items
    result = _compare(a, b)
    edited = _by_category(result, "rows with edited values")
    identical = _by_category(result, "identical rows")
    assert len(edited) == 1 and len(identical) == 1
    e = edited[0]
    assert (e.a.path, e.a.start_line, e.a.end_line) == (str(a), 2, 5)
    assert (e.b.path, e.b.start_line, e.b.end_line) == (str(b), 2, 5)
    assert e.detail["changed_columns"] == ["rate"] and e.detail["key"] == ["id"] and e.detail["rows"] == 4
    assert [c["text"] for c in e.detail["changes"]] == ["all `rate` values ×3"]
    assert e.detail["changes"][0]["amount"] == 3.0
    i = identical[0]
    assert (i.a.start_line, i.a.end_line, i.b.start_line, i.b.end_line) == (6, 7, 8, 9)
    schema = _by_category(result, "shared schema")
    assert len(schema) == 1 and schema[0].a.start_line == schema[0].b.start_line == 1
    assert schema[0].detail["columns"] == ["id", "name", "level", "rate", "price"]
    table = result.extra["tables"][0]
    assert (table["identical"], table["edited"]) == (2, 4)
    assert table["changes"][0]["text"] == "all `rate` values ×3"
    # every genuine row reappears; 6 of the 8 suspect rows come from the genuine table
    assert result.coverage_a == 1.0 and result.coverage_b == 0.75
    assert 0.6 < result.score <= 1.0
    assert [m.id for m in result.matches] == [f"F-table-{n:04d}" for n in range(1, len(result.matches) + 1)]


def test_gb18030_tables_read_and_compare_like_utf8(items: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = items
    b_gb = _write(tmp_path / "private_gb" / "items.csv", _csv(_private_rows()), "gb18030")
    a_gb = _write(tmp_path / "genuine_gb" / "items.csv", _csv(ITEMS), "gb18030")
    comparator = TableComparator()
    features = comparator.extract(b_gb)
    assert features.data["encoding"] == "gb18030"
    assert features.data["tables"][0]["rows"][4][1] == "私服神器"
    utf8 = _compare(a, b)
    for left, right in ((a, b_gb), (a_gb, b_gb)):
        mixed = _compare(left, right)
        assert mixed.score == utf8.score
        assert [(m.category, m.a.start_line, m.a.end_line, m.b.start_line, m.b.end_line, m.detail)
                for m in mixed.matches] == \
            [(m.category, m.a.start_line, m.a.end_line, m.b.start_line, m.b.end_line, m.detail)
             for m in utf8.matches]


def test_json_drop_table_with_an_edited_rate(tmp_path: Path) -> None:
    drops = [{"monster": "赤月恶魔", "item": "屠龙宝刀", "rate": 0.001, "count": {"min": 1, "max": 1}},
             {"monster": "沃玛教主", "item": "裁决之杖", "rate": 0.01, "count": {"min": 1, "max": 2}},
             {"monster": "祖玛教主", "item": "骨玉权杖", "rate": 0.008, "count": {"min": 1, "max": 1}},
             {"monster": "触龙神", "item": "龙纹圣剑", "rate": 0.002, "count": {"min": 1, "max": 1}}]
    a = _write(tmp_path / "a" / "drops.json", json.dumps({"version": 7, "drops": drops}, ensure_ascii=False,
                                                          indent=2))
    edited = [dict(d) for d in drops]
    edited[3] = {**edited[3], "rate": 0.02}
    edited = [{k: d[k] for k in ("rate", "item", "monster", "count")} for d in edited]  # keys reordered
    b = _write(tmp_path / "b" / "drops.json", json.dumps({"version": 7, "drops": edited}, ensure_ascii=False,
                                                          indent=1))
    features = TableComparator().extract(a)
    names = [t["name"] for t in features.data["tables"]]
    assert names == ["(root)", "drops"]
    drop_table = features.data["tables"][1]
    assert drop_table["columns"] == ["monster", "item", "rate", "count.min", "count.max"]
    result = _compare(a, b)
    identical = [m for m in _by_category(result, "identical rows") if m.detail["table_b"] == "drops"]
    assert len(identical) == 1 and identical[0].detail["rows"] == 3
    assert identical[0].a.start_line == 4  # the first drop object starts on line 4 of the indented file
    edited_match = _by_category(result, "rows with edited values")
    assert len(edited_match) == 1 and edited_match[0].detail["changed_columns"] == ["rate"]
    assert edited_match[0].detail["changes"][0]["text"] == "`rate` ×10"
    b_lines = b.read_text(encoding="utf-8").splitlines()
    first, last = edited_match[0].b.start_line, edited_match[0].b.end_line
    assert "触龙神" in "\n".join(b_lines[first - 1:last])


XML_A = """<?xml version="1.0" encoding="UTF-8"?>
<shop>
  <item id="100001" name="屠龙宝刀" price="12000"/>
  <item id="100002" name="倚天长剑" price="11000"/>
  <item id="100003">
    <name>玄铁重剑</name>
    <price>9000</price>
  </item>
</shop>
"""
XML_B = """<?xml version="1.0" encoding="UTF-8"?>
<shop>
  <item price="12000" name="屠龙宝刀" id="100001"/>
  <item id="100002" name="倚天长剑" price="11000"/>
  <item id="100003">
    <name>玄铁重剑</name>
    <price>9000</price>
  </item>
  <item id="900001" name="私服元宝" price="1"/>
</shop>
"""


def test_xml_repeated_elements_are_rows(tmp_path: Path) -> None:
    a = _write(tmp_path / "a" / "shop.xml", XML_A)
    b = _write(tmp_path / "b" / "shop.xml", XML_B)
    table = TableComparator().extract(a).data["tables"][0]
    assert table["name"] == "item" and table["columns"] == ["id", "name", "price"]
    assert table["lines"] == [[3, 3], [4, 4], [5, 8]]
    result = _compare(a, b)
    identical = _by_category(result, "identical rows")
    assert len(identical) == 1 and identical[0].detail["rows"] == 3
    assert (identical[0].b.start_line, identical[0].b.end_line) == (3, 8)
    assert result.coverage_a == 1.0 and result.coverage_b == 0.75


def test_ini_sections_are_tables(tmp_path: Path) -> None:
    a = _write(tmp_path / "a" / "server.ini", "; genuine\n[Server]\nName = 传奇\nPort = 7000\n\n"
                                              "[Rates]\nExp = 1.5\nDrop = 2\n")
    b = _write(tmp_path / "b" / "server.ini", "[Server]\nName = 传奇\nPort = 7000\n"
                                              "[Rates]\nExp = 4.5\nDrop = 6\n")
    result = _compare(a, b)
    identical = _by_category(result, "identical rows")
    assert [(m.detail["table_b"], m.a.start_line, m.a.end_line, m.b.start_line, m.b.end_line)
            for m in identical] == [("Server", 2, 4, 1, 3)]
    edited = _by_category(result, "rows with edited values")
    assert len(edited) == 1 and edited[0].detail["table_b"] == "Rates"
    assert edited[0].detail["changed_columns"] == ["Exp", "Drop"]
    assert {c["text"] for c in edited[0].detail["changes"]} == {"`Exp` ×3", "`Drop` ×3"}
    assert (edited[0].a.start_line, edited[0].a.end_line) == (6, 8)


SCHEMA_A = """-- genuine game database
CREATE TABLE `characters` (
  `guid` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `account` int(10) unsigned NOT NULL DEFAULT '0',
  `name` varchar(12) NOT NULL DEFAULT '',
  `level` tinyint(3) unsigned NOT NULL DEFAULT '0',
  PRIMARY KEY (`guid`),
  KEY `idx_account` (`account`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;

CREATE TABLE item_template (
  entry INT NOT NULL PRIMARY KEY,
  name VARCHAR(255) NOT NULL, -- the item's name; may hold ';'
  quality TINYINT
);
"""


def test_sql_schema_with_an_extra_column_is_a_shared_database_schema(tmp_path: Path) -> None:
    a = _write(tmp_path / "a" / "world.sql", SCHEMA_A)
    b_text = SCHEMA_A.replace("-- genuine game database\n", "").replace(
        "  `level` tinyint(3) unsigned NOT NULL DEFAULT '0',\n",
        "  `level` tinyint(3) unsigned NOT NULL DEFAULT '0',\n  `vip` int(10) NOT NULL DEFAULT '0',\n")
    b = _write(tmp_path / "b" / "world.sql", b_text)
    assert comparators.detect(a) == "table"
    tables = TableComparator().extract(a).data["tables"]
    assert [t["name"] for t in tables] == ["characters", "item_template"]
    assert tables[0]["columns"] == ["guid", "account", "name", "level"]
    assert tables[0]["types"][0] == "int(10) unsigned" and tables[0]["key"] == ["guid"]
    assert tables[1]["key"] == ["entry"] and tables[1]["schema_lines"] == [11, 15]
    result = _compare(a, b)
    schema = _by_category(result, "shared database schema")
    assert [m.detail["table_b"] for m in schema] == ["characters", "item_template"]
    chars = schema[0]
    assert (chars.a.start_line, chars.a.end_line) == (2, 9)
    assert (chars.b.start_line, chars.b.end_line) == (1, 9)
    assert chars.detail["only_b"] == ["vip"] and chars.detail["only_a"] == []
    assert chars.detail["columns"] == ["guid", "account", "name", "level"]
    assert not [m for m in result.matches if m.category not in ("shared database schema",)]
    # 7 of B's 8 columns come from A's schema
    assert result.score == pytest.approx(7 / 8)
    assert result.coverage_b == pytest.approx(7 / 8) and result.coverage_a == 1.0


def test_sql_insert_rows_compare_as_rows(tmp_path: Path) -> None:
    dump = SCHEMA_A + ("INSERT INTO item_template VALUES (19019, 'Thunderfury, Blessed Blade', 5),\n"
                       "  (17182, 'Sulfuras, Hand of Ragnaros', 5),\n  (2589, 'Linen Cloth', 1);\n")
    a = _write(tmp_path / "a" / "world.sql", dump)
    b = _write(tmp_path / "b" / "world.sql", dump.replace("'Linen Cloth', 1", "'Linen Cloth', 3"))
    result = _compare(a, b)
    identical = _by_category(result, "identical rows")
    assert [(m.a.start_line, m.a.end_line, m.detail["rows"]) for m in identical] == [(16, 17, 2)]
    edited = _by_category(result, "rows with edited values")
    assert [(m.b.start_line, m.detail["changed_columns"], m.detail["key"]) for m in edited] == \
        [(18, ["quality"], ["entry"])]


def test_independent_table_with_the_same_columns_scores_low(tmp_path: Path, items: tuple[Path, Path]) -> None:
    a, _ = items
    other = [("3001", "青铜剑", 5, "0.3", 120), ("3002", "铁剑", 10, "0.25", 300), ("3003", "八荒刀", 18, "0.2", 800),
             ("3004", "凝霜剑", 25, "0.12", 2600), ("3005", "炼狱斧", 30, "0.08", 5200)]
    b = _write(tmp_path / "other" / "items.csv", _csv(other))
    result = _compare(a, b)
    assert not _by_category(result, "identical rows") and not _by_category(result, "rows with edited values")
    assert _by_category(result, "shared schema")  # the columns are shared, and said so
    assert result.score < 0.25 and result.coverage_b == 0.0


def test_renumbered_rows_are_found_by_shared_rare_values(tmp_path: Path, items: tuple[Path, Path]) -> None:
    a, _ = items
    renumbered = [(str(int(i) + 500000), n, lv, r, p + 1) for i, n, lv, r, p in ITEMS]
    b = _write(tmp_path / "renumbered" / "items.csv", _csv(renumbered))
    result = _compare(a, b)
    rare = _by_category(result, "shared rare values")
    assert len(rare) == 1 and rare[0].detail["rows"] == 6
    assert "屠龙宝刀" in rare[0].detail["values"]
    assert (rare[0].a.start_line, rare[0].a.end_line, rare[0].b.start_line, rare[0].b.end_line) == (2, 7, 2, 7)
    assert result.extra["channels"]["values"] == 1.0


def test_trivial_values_are_not_shared_rare_values(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.csv", "flag,count,label\ntrue,1,x\nfalse,0,\n1,12,是\n")
    b = _write(tmp_path / "b.csv", "a,b,c\n1,x,true\n0,12,\n是,false,no\n")
    result = _compare(a, b)
    assert not _by_category(result, "shared rare values")
    assert result.extra["values"]["rows_with_shared_rare"] == 0


def test_declared_base_rows_are_excluded(tmp_path: Path, items: tuple[Path, Path]) -> None:
    a, b = items
    base = _write(tmp_path / "engine" / "items.csv", _csv(ITEMS[4:]))  # the stock rows shipped with the engine
    plain = _compare(a, b)
    filtered = _compare(a, b, base=[base])
    assert not _by_category(filtered, "identical rows")
    reasons = {e.reason for e in filtered.excluded}
    assert reasons == {f"declared base material ({base})"}
    regions = sorted((("a" if e.a else "b"), (e.a or e.b).start_line, (e.a or e.b).end_line)
                     for e in filtered.excluded if "rows" in e.detail)
    assert regions == [("a", 6, 7), ("b", 8, 9)]
    # the engine's table declares the same columns, so the shared schema is base material too
    schema = [e for e in filtered.excluded if "base_table" in e.detail]
    assert len(schema) == 1 and schema[0].a.start_line == schema[0].b.start_line == 1
    assert not _by_category(filtered, "shared schema")
    assert filtered.extra["rows"]["b"] == 6 and filtered.coverage_b == pytest.approx(4 / 6)
    assert filtered.score < plain.score


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("broken.json", '{"items": [ {"id": 1,, } ]', "is not valid JSON"),
    ("bomb.xml", '<?xml version="1.0"?>\n<!DOCTYPE z [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n<z>&b;</z>\n',
     "declares a DOCTYPE or ENTITY"),
    ("broken.xml", "<items><item id='1'></items>", "is not well-formed XML"),
    ("empty.csv", "", "is empty"),
    ("blank.csv", "\n\n  \n", "is empty"),
    ("scalar.json", "42", "not a table"),
    ("quote.sql", "INSERT INTO t VALUES (1, 'never closed);\n", "unterminated quoted string"),
    ("plain.sql", "SELECT 1;\n", "no CREATE TABLE or INSERT"),
    ("bad.ini", "[a]\nx = 1\nthis line is neither\n", "is not an INI file (line 3"),
])
def test_bad_input_is_refused_naming_the_file(tmp_path: Path, name: str, content: str, problem: str) -> None:
    path = _write(tmp_path / name, content)
    with pytest.raises(InputError) as caught:
        TableComparator().extract(path)
    assert caught.value.path == str(path) and problem in caught.value.problem


def test_files_beyond_max_bytes_are_refused(items: tuple[Path, Path]) -> None:
    a, _ = items
    with pytest.raises(InputError, match="too large"):
        TableComparator(max_bytes=64).extract(a)


def test_same_bytes_give_the_same_output(items: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = items
    first = _compare(a, b).to_json()
    second = _compare(a, b).to_json()
    assert first == second
    comparator = TableComparator()
    assert comparator.extract(a).to_json() == comparator.extract(a).to_json()
    copy = _write(tmp_path / "copy" / "items.csv", a.read_text(encoding="utf-8"))
    assert comparator.extract(copy).signature == comparator.extract(a).signature


def test_kind_detection(tmp_path: Path, items: tuple[Path, Path]) -> None:
    a, _ = items
    assert comparators.detect(a) == "table"
    assert comparators.detect(_write(tmp_path / "x.json", '[{"a": 1}]')) == "table"
    assert comparators.detect(_write(tmp_path / "x.ini", "[s]\nk = v\n")) == "table"
    procedure = "CREATE PROCEDURE add_gold(IN p INT)\nBEGIN\n  UPDATE chars SET gold = gold + p;\nEND\n"
    assert comparators.detect(_write(tmp_path / "proc.sql", procedure)) == "code"
    nginx = "server {\n  listen 80;\n}\n"
    assert comparators.detect(_write(tmp_path / "site.conf", nginx)) != "table"


def test_cli_compares_tables(items: tuple[Path, Path]) -> None:
    a, b = items
    done = run_cli("compare", a, b, "--kind", "table", "--json")
    assert done.code == 0, done.err
    data = json.loads(done.out)
    assert data["kind"] == "table" and data["comparator"]["name"] == "table"
    assert {m["category"] for m in data["matches"]} == {"shared schema", "identical rows", "rows with edited values"}
    auto = run_cli("compare", a, b, "--json")
    assert auto.code == 0 and json.loads(auto.out)["score"] == data["score"]
    script = Path(sys.executable).parent / "appraisal"
    if script.exists():
        proc = subprocess.run([str(script), "compare", str(a), str(b), "--kind", "table", "--json"],
                              capture_output=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["score"] == data["score"]
    broken = a.parent / "broken.json"
    broken.write_text("[{", encoding="utf-8")
    bad = run_cli("compare", broken, b, "--kind", "table")
    assert bad.code == 2 and "broken.json" in bad.err and "Traceback" not in bad.err
