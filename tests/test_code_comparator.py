"""The code comparator on real snippets: disguises found at the right lines, in many languages."""

from __future__ import annotations

from pathlib import Path

import pytest

import comparators
from comparators.base import Comparison

JAVA = """package shop;

import java.util.List;

public class Cart {
    private final List<Item> items;
    private int discount;

    public Cart(List<Item> items, int discount) {
        this.items = items;
        this.discount = discount;
    }

    public int total() {
        int sum = 0;
        for (int i = 0; i < items.size(); i++) {
            sum += items.get(i).price() * items.get(i).count();
        }
        if (sum > 1000) {
            sum = sum - discount;
        } else {
            sum = sum + 15;
        }
        return sum;
    }

    public boolean isEmpty() {
        return items.size() == 0;
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        for (Item item : items) {
            out.append(item.name()).append(" x").append(item.count()).append("\\n");
        }
        return out.toString();
    }
}
"""

PYTHON = """import json


def load_scores(path):
    with open(path, encoding="utf-8") as handle:
        rows = json.load(handle)
    totals = {}
    for row in rows:
        name = row["player"]
        totals[name] = totals.get(name, 0) + row["points"]
    best = max(totals, key=totals.get)
    worst = min(totals, key=totals.get)
    spread = totals[best] - totals[worst]
    return best, worst, spread


def rank(totals):
    ordered = sorted(totals.items(), key=lambda kv: kv[1], reverse=True)
    return [name for name, _ in ordered]
"""

C = """#include <stdio.h>

static int checksum(const unsigned char *buf, int len) {
    int acc = 0;
    for (int i = 0; i < len; i++) {
        acc = (acc * 31 + buf[i]) % 65521;
    }
    return acc;
}

int verify_packet(const unsigned char *pkt, int len, int expected) {
    if (len < 4) {
        return -1;
    }
    int sum = checksum(pkt + 4, len - 4);
    if (sum != expected) {
        printf("checksum mismatch: %d != %d\\n", sum, expected);
        return 0;
    }
    return 1;
}
"""


def _compare(tmp_path: Path, name_a: str, a: str, name_b: str, b: str) -> Comparison:
    pa, pb = tmp_path / "a" / name_a, tmp_path / "b" / name_b
    pa.parent.mkdir(exist_ok=True)
    pb.parent.mkdir(exist_ok=True)
    pa.write_text(a, encoding="utf-8")
    pb.write_text(b, encoding="utf-8")
    code = comparators.get("code")
    return code.compare(code.extract(pa), code.extract(pb))


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _structural(result: Comparison) -> list:
    return [m for m in result.matches if m.category in ("identical", "renamed", "similar", "reordered")]


def test_renamed_identifiers_and_changed_literals(tmp_path: Path) -> None:
    copy = (JAVA.replace("Cart", "Basket").replace("sum", "acc").replace("items", "goods")
            .replace("1000", "999").replace("discount", "rebate").replace("15", "17"))
    result = _compare(tmp_path, "Cart.java", JAVA, "Basket.java", copy)
    assert result.score > 0.9 and result.coverage_a > 0.9
    first = _structural(result)[0]
    assert first.category == "renamed"
    assert first.a.start_line == _line(JAVA, "public class") and first.b.start_line == _line(copy, "public class")


def test_reformatting_and_comments_change_nothing(tmp_path: Path) -> None:
    copy = "/* packet utilities, rewritten */\n" + C.replace("    ", "\t").replace(") {\n", ")\n{\n")
    copy = copy.replace("int acc = 0;", "int acc = 0; // running sum")
    result = _compare(tmp_path, "pkt.c", C, "net.c", copy)
    assert result.score > 0.95
    assert {m.category for m in _structural(result)} <= {"identical", "renamed"}


def test_reordered_methods_are_found_where_they_moved(tmp_path: Path) -> None:
    head, rest = JAVA.split("    public int total() {", 1)
    total, rest = rest.split("    public boolean isEmpty() {", 1)
    is_empty, describe = rest.split("    public String describe() {", 1)
    copy = (head + "    public String describe() {" + describe.rstrip().rstrip("}") + "\n"
            + "    public boolean isEmpty() {" + is_empty + "    public int total() {" + total + "}\n")
    result = _compare(tmp_path, "Cart.java", JAVA, "Cart2.java", copy)
    assert result.coverage_a > 0.85
    starts_b = sorted(m.b.start_line for m in _structural(result))
    assert _line(copy, "public String describe") in range(starts_b[0], starts_b[0] + 3) or any(
        m.b.start_line <= _line(copy, "public String describe") <= m.b.end_line for m in _structural(result))
    total_line = _line(copy, "public int total")
    assert any(m.b.start_line <= total_line + 1 <= m.b.end_line and m.a.start_line <= _line(JAVA, "public int total")
               + 1 <= m.a.end_line for m in _structural(result))


def test_reordered_independent_statements(tmp_path: Path) -> None:
    copy = PYTHON.replace(
        "    best = max(totals, key=totals.get)\n    worst = min(totals, key=totals.get)\n",
        "    worst = min(totals, key=totals.get)\n    best = max(totals, key=totals.get)\n")
    result = _compare(tmp_path, "scores.py", PYTHON, "s.py", copy)
    assert result.score > 0.8
    assert result.coverage_a > 0.85


def test_dead_code_insertion_and_loop_form_switch(tmp_path: Path) -> None:
    copy = C.replace("    for (int i = 0; i < len; i++) {\n        acc = (acc * 31 + buf[i]) % 65521;\n    }\n",
                     "    int i = 0;\n    int unused_flag = 7;\n    while (i < len) {\n"
                     "        acc = (acc * 31 + buf[i]) % 65521;\n        i++;\n    }\n")
    copy = copy.replace("    if (len < 4) {", "    if (0) {\n        len = len * 2;\n    }\n    if (len < 4) {")
    result = _compare(tmp_path, "pkt.c", C, "pkt2.c", copy)
    assert result.score > 0.75
    verify_a, verify_b = _line(C, "int verify_packet"), _line(copy, "int verify_packet")
    assert any(m.a.start_line <= verify_a + 1 <= m.a.end_line and m.b.start_line <= verify_b + 4 <= m.b.end_line
               for m in _structural(result))


def test_if_else_inversion_and_ternary(tmp_path: Path) -> None:
    copy = JAVA.replace("""        if (sum > 1000) {
            sum = sum - discount;
        } else {
            sum = sum + 15;
        }""", """        if (sum <= 1000) {
            sum = sum + 15;
        } else {
            sum = sum - discount;
        }""").replace("return items.size() == 0;", "return items.size() == 0 ? true : false;")
    result = _compare(tmp_path, "Cart.java", JAVA, "Cart3.java", copy)
    assert result.score > 0.8


def test_changed_access_modifiers_and_types(tmp_path: Path) -> None:
    copy = JAVA.replace("public int", "protected long").replace("private int", "protected long").replace(
        "private final", "final")
    result = _compare(tmp_path, "Cart.java", JAVA, "Cart4.java", copy)
    assert result.score > 0.95


def test_split_function(tmp_path: Path) -> None:
    copy = PYTHON.replace("""    best = max(totals, key=totals.get)
    worst = min(totals, key=totals.get)
    spread = totals[best] - totals[worst]
    return best, worst, spread
""", """    return summarise(totals)


def summarise(totals):
    best = max(totals, key=totals.get)
    worst = min(totals, key=totals.get)
    spread = totals[best] - totals[worst]
    return best, worst, spread
""")
    result = _compare(tmp_path, "scores.py", PYTHON, "split.py", copy)
    assert result.score > 0.75 and result.coverage_a > 0.9
    helper = _line(copy, "    best = max")
    assert any(m.b.start_line <= helper <= m.b.end_line for m in _structural(result))


def test_independent_implementations_score_low(tmp_path: Path) -> None:
    mine = """def bubble(values):
    data = list(values)
    n = len(data)
    for i in range(n):
        for j in range(n - i - 1):
            if data[j] > data[j + 1]:
                data[j], data[j + 1] = data[j + 1], data[j]
    return data
"""
    theirs = """def sort_numbers(xs):
    result = []
    for x in xs:
        pos = 0
        while pos < len(result) and result[pos] < x:
            pos += 1
        result.insert(pos, x)
    return result
"""
    result = _compare(tmp_path, "a.py", mine, "b.py", theirs)
    copy = _compare(tmp_path, "a.py", mine, "c.py", mine.replace("data", "arr").replace("values", "v"))
    assert result.score < 0.3 < copy.score


def test_evidence_channels_are_reported_with_locations(tmp_path: Path) -> None:
    a = C.replace("checksum mismatch", "cheksum mismatch in recieved packet").replace(
        "static int checksum", "/* Adler-like rolling checksum used by the login server */\nstatic int checksum")
    b = a.replace("acc", "h").replace("verify_packet", "check_pkt")
    result = _compare(tmp_path, "a.c", a, "b.c", b)
    categories = {m.category for m in result.matches}
    assert {"comment", "string-literal", "misspelling"} <= categories
    literal = next(m for m in result.matches if m.category == "string-literal")
    assert literal.a.start_line == _line(a, "cheksum") and literal.b.start_line == _line(b, "cheksum")
    assert result.to_dict()["evidence"]["counts"]["misspelling"] >= 1


def test_base_template_is_excluded_and_listed(tmp_path: Path) -> None:
    template = JAVA
    a_text = JAVA + "\nclass Extra {\n    int twice(int v) {\n        int r = v * 2;\n        return r + 1;\n    }\n}\n"
    code = comparators.get("code")
    (tmp_path / "T.java").write_text(template, encoding="utf-8")
    (tmp_path / "A.java").write_text(a_text, encoding="utf-8")
    (tmp_path / "B.java").write_text(JAVA.replace("Cart", "Cart9"), encoding="utf-8")
    fa, fb, ft = (code.extract(tmp_path / n) for n in ("A.java", "B.java", "T.java"))
    plain = code.compare(fa, fb)
    filtered = code.compare(fa, fb, base=[ft])
    assert plain.score > 0.8
    assert filtered.excluded and "declared base material" in filtered.excluded[0].reason
    assert filtered.excluded[0].a.start_line == _line(a_text, "public class")
    assert filtered.score < 0.2 and not _structural(filtered)


def test_gbk_source_and_parse_errors_are_noted_not_fatal(tmp_path: Path) -> None:
    text = JAVA.replace("\" x\"", "\"\u4ef6\u6570\"")
    (tmp_path / "gbk.java").write_bytes(text.encode("gbk"))
    (tmp_path / "broken.java").write_text(JAVA.replace("return sum;", "return sum;;; }}} )(("), encoding="utf-8")
    code = comparators.get("code")
    fg, fbroken = code.extract(tmp_path / "gbk.java"), code.extract(tmp_path / "broken.java")
    assert fg.data["encoding"] == "gb18030"
    assert any("parse errors" in n for n in fbroken.notes)
    result = code.compare(fg, fbroken)
    assert result.score > 0.7 and any("parse errors" in n for n in result.notes)


SNIPPETS = {
    "Main.java": "class A { int f(int x) { return x + 1; } }",
    "m.c": "int f(int x) { return x + 1; }",
    "m.cpp": "template <class T> T f(T x) { return x + 1; }",
    "M.cs": "class A { int F(int x) { return x + 1; } }",
    "m.py": "def f(x):\n    return x + 1\n",
    "m.js": "function f(x) { return x + 1; }",
    "m.ts": "function f(x: number): number { return x + 1; }",
    "m.go": "package m\nfunc f(x int) int { return x + 1 }\n",
    "m.php": "<?php function f($x) { return $x + 1; }",
    "m.lua": "local function f(x) return x + 1 end",
    "m.kt": "fun f(x: Int): Int { return x + 1 }",
    "m.rs": "fn f(x: i32) -> i32 { return x + 1; }",
    "m.rb": "def f(x)\n  return x + 1\nend\n",
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_every_language_is_parsed_by_its_grammar(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(SNIPPETS[name], encoding="utf-8")
    features = comparators.get("code").extract(tmp_path / name)
    assert features.data["reader"] == "tree-sitter" and features.data["grammar"]
    assert "RETURN" in features.data["kinds"].split("\x1f") and not features.notes


def test_unknown_language_uses_the_lexical_reader(tmp_path: Path) -> None:
    (tmp_path / "a.pl").write_text("sub f { my $x = shift; return $x + 1; }\n", encoding="utf-8")
    features = comparators.get("code").extract(tmp_path / "a.pl")
    assert features.data["reader"] == "lexical"


def test_results_are_deterministic(tmp_path: Path) -> None:
    one = _compare(tmp_path, "Cart.java", JAVA, "B.java", JAVA.replace("sum", "s"))
    two = _compare(tmp_path, "Cart.java", JAVA, "B.java", JAVA.replace("sum", "s"))
    assert one.to_json() == two.to_json()


def test_normalisation_steps_can_be_switched_off(tmp_path: Path) -> None:
    copy = JAVA.replace("sum", "acc").replace("items", "goods")
    (tmp_path / "a.java").write_text(JAVA, encoding="utf-8")
    (tmp_path / "b.java").write_text(copy, encoding="utf-8")
    full = comparators.get("code")
    literal = comparators.get("code", normalise=("literals", "types", "loops", "conditionals", "operators"))
    assert literal.params["normalise"] == ["literals", "types", "loops", "conditionals", "operators"]
    renamed_full = full.compare(full.extract(tmp_path / "a.java"), full.extract(tmp_path / "b.java"))
    renamed_raw = literal.compare(literal.extract(tmp_path / "a.java"), literal.extract(tmp_path / "b.java"))
    assert renamed_full.coverage_a > 0.9 > renamed_raw.coverage_a
    with pytest.raises(ValueError, match="unknown normalisation"):
        comparators.get("code", normalise=("nope",))


def test_code_inside_preprocessor_conditionals_is_read(tmp_path: Path) -> None:
    wrapped = "#include <stdio.h>\n#ifdef _WIN32\n#define LIMIT 4\n" + C.split("\n", 1)[1] + "#endif\n"
    (tmp_path / "w.c").write_text(wrapped, encoding="utf-8")
    features = comparators.get("code").extract(tmp_path / "w.c")
    assert features.data["kinds"].split("\x1f").count("FUNC") == 2


def test_flipped_comparisons_read_alike() -> None:
    """``0 != i % 15`` and ``i % 15 != 0`` (and ``a < b`` / ``b > a``) give the same normalised tokens."""
    from comparators.code.extract import token_stream
    from comparators.code.languages import language_of

    c = language_of(Path("x.c"))
    plain = token_stream("int f(int i, int n) { if (i % 15 != 0 && i < n) return 1; return 0; }\n", c)
    flipped = token_stream("int f(int i, int n) { if (0 != i % 15 && n > i) return 1; return 0; }\n", c)
    assert plain.kinds == flipped.kinds
    assert flipped.start == sorted(flipped.start)  # positions stay in text order
    chained = token_stream("def f(a, b, c):\n    return a < b < c\n", language_of(Path("x.py")))
    assert chained.kinds.count("OP_CMP") == 1  # a chain of three operands is left as written


def test_api_names_weigh_less_than_shared_declared_names(tmp_path: Path) -> None:
    """Names both files merely use (library calls) are weak evidence; names both declare are strong."""
    from comparators.code.extract import token_stream
    from comparators.code.languages import language_of

    stream = token_stream("import os\n\ndef load_quest_table(path, limit=3):\n    rows = os.listdir(path)\n"
                          "    for entry in rows:\n        print(entry)\n", language_of(Path("x.py")))
    assert {"load_quest_table", "path", "limit", "rows", "entry"} <= stream.declared
    assert not {"os", "listdir", "print"} & stream.declared
    call = "int main(void) {{\n    int {v} = compute_checksum_table({n});\n    return {v};\n}}\n"
    uses = _compare(tmp_path, "a.c", call.format(v="total", n=3), "b.c", call.format(v="acc", n=4))
    define = "int compute_checksum_table(int {v}) {{\n    return {v} * {n};\n}}\n"
    both = _compare(tmp_path, "c.c", define.format(v="n", n=7), "d.c", define.format(v="m", n=9))
    for result in (uses, both):
        assert "compute_checksum_table" in result.to_dict()["evidence"]["identifiers"]
    assert 0 < uses.to_dict()["scores"]["evidence"] < both.to_dict()["scores"]["evidence"]


def test_jargon_and_contractions_are_not_misspellings() -> None:
    from comparators.code import evidence

    words = [(w, 0, 1) for w in evidence.prose_words("@param utils: doesn't lookup the recieved colour")]
    found = {w for w, _, _ in evidence.misspellings(words)}
    assert found == {"recieved"}


@pytest.mark.parametrize("ext, for_loop, while_loop", [
    (".c", "for (i = 0; i < n; i++) { s += a[i]; }", "i = 0; while (i < n) { s += a[i]; i++; }"),
    (".java", "for (int i = 0; i < n; i++) { s += a[i]; }", "int i = 0; while (i < n) { s += a[i]; i++; }"),
    (".js", "for (let i = 0; i < n; i++) { s += a[i]; }", "let i = 0; while (i < n) { s += a[i]; i++; }"),
])
def test_for_and_while_forms_read_alike(ext: str, for_loop: str, while_loop: str) -> None:
    """A three-part ``for`` is read in the order of its ``while`` form; positions stay in text order."""
    from comparators.code.extract import token_stream
    from comparators.code.languages import language_of

    wrap = {".c": "int f(int *a, int n) {{ int s = 0; int i; {} return s; }}\n",
            ".java": "class A {{ int f(int[] a, int n) {{ int s = 0; {} return s; }} }}\n",
            ".js": "function f(a, n) {{ let s = 0; {} return s; }}\n"}[ext]
    lang = language_of(Path("x" + ext))
    a, b = token_stream(wrap.format(for_loop), lang), token_stream(wrap.format(while_loop), lang)
    assert a.kinds == b.kinds
    assert a.start == sorted(a.start)


def test_inverted_if_else_reads_alike() -> None:
    from comparators.code.extract import token_stream
    from comparators.code.languages import language_of

    lang = language_of(Path("x.java"))
    body = "class A {{ int f(int a) {{ {} return a; }} }}\n"
    plain = token_stream(body.format("if (a > 0) { return g(a); } else { a = 0; }"), lang)
    inverted = token_stream(body.format("if (a <= 0) { a = 0; } else { return g(a); }"), lang)
    chain = token_stream(body.format("if (a > 0) { a = 1; } else if (a < 0) { a = 2; } else { a = 3; }"), lang)
    assert plain.kinds == inverted.kinds
    assert chain.kinds.count("COND") == 2


ERRORS_H = """#ifndef CIPHER_ERRORS_H
#define CIPHER_ERRORS_H

/** Standard errors common to all ciphers **/
#define ERR_NULL                1
#define ERR_MEMORY              2
#define ERR_NOT_ENOUGH_DATA     3
#define ERR_ENCRYPT             4
#define ERR_DECRYPT             5
#define ERR_KEY_SIZE            6
#define ERR_NONCE_SIZE          7
#define ERR_NR_ROUNDS           8
#define ERR_DIGEST_SIZE         9
#define ERR_BLOCK_SIZE          12

#endif
"""


def test_text_as_written_counts_where_there_are_few_code_tokens(tmp_path: Path) -> None:
    """A header of #defines has almost no code tokens; its copy is found by the text channel."""
    copy = ERRORS_H.replace("CIPHER_ERRORS_H", "_ERRORS_H").replace("#define ERR_BLOCK_SIZE          12\n", "")
    other = ("#ifndef NET_LIMITS_H\n#define NET_LIMITS_H\n\n/* limits of the packet layer */\n"
             "#define MAX_PACKET 1500\n#define MAX_PEERS 64\n#define RETRY_MS 250\n\n#endif\n")
    found = _compare(tmp_path, "errors.h", ERRORS_H, "errors2.h", copy)
    unrelated = _compare(tmp_path, "errors.h", ERRORS_H, "limits.h", other)
    assert found.to_dict()["scores"]["text"] > 0.7 and found.score > 0.7
    assert unrelated.score < 0.25
    assert "text" in comparators.get("code").baseline()


def test_a_few_shared_names_among_many_do_not_make_independent_files_alike(tmp_path: Path) -> None:
    """Evidence counts by the share of each file's telling names that is shared, not by the raw count."""
    names = [f"{w}_{v}" for w in ("parse", "render", "escape", "scan", "emit") for v in
             ("header", "paragraph", "emphasis", "blockquote", "codespan", "footnote", "tablecell", "listitem")]

    def module(own: str) -> str:
        # the same eight API names (a standard's vocabulary) in each file, the rest its own
        funcs = [f"def {own}{i}_{n}(state):\n    return state.{n}_{own}x{i}\n" for i, n in enumerate(names)]
        api = "".join(f"def {n}(state):\n    return {n}_impl_{own}(state)\n" for n in names[:8])
        return api + "\n".join(funcs)

    a, b = module("alpha"), module("omega")
    result = _compare(tmp_path, "a.py", a, "b.py", b)
    scores = result.to_dict()["scores"]
    assert scores["evidence_share"] < 0.3
    copy = _compare(tmp_path, "a.py", a, "c.py", a.replace("state", "st"))
    assert copy.to_dict()["scores"]["evidence_share"] > 0.8
    assert scores["evidence"] < copy.to_dict()["scores"]["evidence"] * 0.9


def test_one_short_statement_inside_a_large_file_is_no_copy(tmp_path: Path) -> None:
    """A file of one short statement matched somewhere in a large file is too short for run contiguity."""
    tiny = "x = compute(a, b, c)[0] + offset(d) * 2\n"
    large = PYTHON + "\n\ndef other(a, b, c, d):\n    y = compute(a, b, c)[0] + offset(d) * 2\n    return y\n" * 3
    result = _compare(tmp_path, "tiny.py", tiny, "large.py", large)
    assert result.to_dict()["scores"]["shape_runs"] < 0.5
    assert result.score < 0.5


def test_identical_lines_the_text_channel_counts_are_located(tmp_path: Path) -> None:
    copy = ERRORS_H.replace("CIPHER_ERRORS_H", "_ERRORS_H")
    result = _compare(tmp_path, "errors.h", ERRORS_H, "errors2.h", copy)
    runs = [m for m in result.matches if m.category == "identical-text"]
    assert runs and runs[0].a.start_line == _line(ERRORS_H, "/** Standard")
    assert runs[0].a.end_line == _line(ERRORS_H, "#endif") and runs[0].b.end_line == _line(copy, "#endif")
    # code the aligned fragments already show is not shown twice
    plain = _compare(tmp_path, "Cart.java", JAVA, "Cart2.java", JAVA)
    assert not [m for m in plain.matches if m.category == "identical-text"]
