"""The binary comparator on small programs compiled here: gcc and clang, -O0 and -O2, stripped, PE, objects."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import run_cli

import comparators
from comparators.errors import InputError

SOURCE = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define OP_LOGIN 0x1001
#define OP_ATTACK 0x3001
struct player { int hp; int level; long exp; char name[32]; };
static unsigned checksum(const unsigned char *p, size_t n) {
    unsigned h = 0x5eed1234u;  /* the game's own salt */
    for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 0x01000193u; h = (h << 7) | (h >> 25); }
    return h;
}
long exp_for_level(int level) {
    long e = 0;
    for (int i = 1; i <= level; i++) e += (long)i * i * 137 + 4211;
    return e;
}
int damage(const struct player *a, const struct player *b, int roll) {
    int base = a->level * 17 + roll % 23;
    int armour = b->level * 5 + 3;
    int d = base - armour;
    if (d < 1) d = 1;
    if (roll % 97 == 0) d *= 3;
    return d;
}
int handle(int opcode, struct player *p, struct player *q, const unsigned char *buf, size_t n) {
    switch (opcode) {
    case OP_LOGIN:
        memcpy(p->name, buf, n < 31 ? n : 31); p->name[31] = 0;
        printf("[GameServer] login %s checksum %08x\n", p->name, checksum(buf, n));
        return 0;
    case OP_ATTACK:
        q->hp -= damage(p, q, (int)checksum(buf, n));
        if (q->hp <= 0) { p->exp += exp_for_level(q->level) / 10; printf("[GameServer] %s wins\n", p->name); }
        return 1;
    default:
        fprintf(stderr, "[GameServer] unknown opcode %04x\n", opcode);
        return -1;
    }
}
int main(int argc, char **argv) {
    struct player p = {100, 7, 0, ""}, q = {80, 5, 0, "slime"};
    const char *who = argc > 1 ? argv[1] : "hero";
    handle(OP_LOGIN, &p, &q, (const unsigned char *)who, strlen(who));
    for (int k = 0; k < 10; k++) handle(OP_ATTACK, &p, &q, (const unsigned char *)&k, sizeof k);
    return (int)(p.exp % 7);
}
"""

OTHER = r"""
#include <stdio.h>
#include <stdlib.h>
static int cmp(const void *x, const void *y) { return *(const int *)x - *(const int *)y; }
int median(int *v, int n) { qsort(v, n, sizeof *v, cmp); return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2; }
double mean(const int *v, int n) { double s = 0; for (int i = 0; i < n; i++) s += v[i]; return n ? s / n : 0; }
int main(int argc, char **argv) {
    int v[64]; int n = 0;
    for (int i = 1; i < argc && n < 64; i++) v[n++] = atoi(argv[i]);
    printf("statistics: median %d mean %.3f of %d values\n", median(v, n), mean(v, n), n);
    return 0;
}
"""


def _cc(name: str) -> str:
    if shutil.which(name) is None:
        pytest.skip(f"{name} is not installed")
    return name


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("binary")
    (root / "server.c").write_text(SOURCE)
    edited = SOURCE.replace("[GameServer]", "[PrivateServer v2]").replace("i * i * 137", "i * i * 411")
    (root / "private.c").write_text(edited)
    (root / "other.c").write_text(OTHER)
    out = {}
    jobs = {"gcc_O0": ("gcc", "server.c", ["-O0"]), "gcc_O2": ("gcc", "server.c", ["-O2"]),
            "clang_O2": ("clang", "server.c", ["-O2"]), "gcc_O2_strip": ("gcc", "server.c", ["-O2", "-s"]),
            "private_O2": ("gcc", "private.c", ["-O2", "-s"]), "other_O2": ("gcc", "other.c", ["-O2"]),
            "object": ("gcc", "server.c", ["-O2", "-c"])}
    for name, (cc, src, flags) in jobs.items():
        target = root / (name + (".o" if "-c" in flags else ""))
        subprocess.run([_cc(cc), *flags, "-o", str(target), str(root / src)], check=True, capture_output=True)
        out[name] = target
    if shutil.which("x86_64-w64-mingw32-gcc"):
        target = root / "server.exe"
        subprocess.run(["x86_64-w64-mingw32-gcc", "-O2", "-o", str(target), str(root / "server.c")], check=True,
                       capture_output=True)
        out["pe"] = target
    return out


@pytest.fixture(scope="module")
def comparator():
    return comparators.get("binary")


@pytest.fixture(scope="module")
def features(comparator, builds):
    return {name: comparator.extract(path) for name, path in builds.items()}


def _named(result, name: str):
    return [m for m in result.matches if m.category.startswith("matched function") and m.a.function == name]


def test_functions_match_across_optimisation_levels_and_compilers(comparator, features):
    for other in ("gcc_O0", "clang_O2"):
        result = comparator.compare(features["gcc_O2"], features[other])
        assert result.score >= 0.7, (other, result.extra["evidence"])
        matched = {m.a.function: m.b.function for m in result.matches if m.category.startswith("matched function")}
        assert matched.get("handle") == "handle" or matched.get("damage") == "damage", (other, matched)
        first = result.matches[0]
        assert first.a.address[0] < first.a.address[1] and first.detail["size_a"] > 0


def test_stripped_build_and_private_edit_are_found_and_the_unrelated_program_stays_low(comparator, features):
    stripped = comparator.compare(features["gcc_O2"], features["gcc_O2_strip"])
    assert stripped.score >= 0.9
    assert any(m.b.function and m.b.function.startswith("sub_") for m in stripped.matches)
    private = comparator.compare(features["gcc_O2"], features["private_O2"])
    unrelated = comparator.compare(features["gcc_O2"], features["other_O2"])
    assert private.score >= comparator.threshold > unrelated.score
    assert "0x5eed1234" in private.extra["shared_constants"]  # the checksum's own salt, in both
    public = [e for e in private.excluded if e.reason.startswith("public constants")]
    assert public and any("0x1000193 (FNV)" == v for v in public[0].detail["values"])  # FNV's prime: filtered
    assert "0x1000193" not in private.extra["shared_constants"]
    assert {"exports", "sections", "resources", "tlsh"} <= set(private.extra["evidence"])
    assert private.score > unrelated.score + 0.3
    across = comparator.compare(features["gcc_O2"], features["gcc_O0"])
    assert any(m.category == "shared string" for m in across.matches)


def test_objects_and_pe_are_read(comparator, features):
    assert features["object"].data["kind"] == "object"
    names = {f["name"] for f in features["object"].data["functions"]}
    assert {"handle", "damage", "exp_for_level"} <= names
    if "pe" in features:
        assert features["pe"].data["format"] == "PE" and len(features["pe"].data["functions"]) > 5


def test_malformed_programs_are_refused_clearly(comparator, builds, tmp_path):
    data = builds["gcc_O2"].read_bytes()
    for name, blob in (("empty", b""), ("truncated", data[:60]), ("random", b"\x7fELF" + bytes(range(256)) * 4),
                       ("text.exe", b"MZ is not a program\n")):
        path = tmp_path / name
        path.write_bytes(blob)
        with pytest.raises(InputError) as err:
            comparator.extract(path)
        assert str(path) in str(err.value)


def test_results_are_deterministic(comparator, builds, features):
    again = comparator.extract(builds["gcc_O2"])
    assert again.to_json() == features["gcc_O2"].to_json()
    x = comparator.compare(features["gcc_O2"], features["clang_O2"]).to_json()
    assert x == comparator.compare(features["gcc_O2"], features["clang_O2"]).to_json()


def test_cli_compare_binary_json(builds):
    r = run_cli("compare", builds["gcc_O2"], builds["gcc_O2_strip"], "--kind", "binary", "--json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    assert data["kind"] == "binary" and data["score"] >= 0.9
    assert any(m["category"].startswith("matched function") and "address" in m["a"] for m in data["matches"])
    bad = builds["gcc_O2"].parent / "bad.so"
    bad.write_bytes(b"\x7fELF\x02\x01\x01")
    r = run_cli("compare", builds["gcc_O2"], bad, "--kind", "binary", "--json")
    assert r.code == 2 and "bad.so" in r.err and "Traceback" not in r.err


def test_case_run_review_view_and_report_show_binary_findings(builds, tmp_path):
    from conftest import cli_ok
    from docx import Document

    from appraisal.custody.case import Case
    from appraisal.demo import configure_sample
    from appraisal.review import record_decision
    from appraisal.review.view import case_files, finding_rows, finding_view

    case_dir = tmp_path / "case"
    cli_ok("case", "create", case_dir, "--title", "游戏服务端程序相似性鉴定", "--client", "某市公安局",
           "--number", "示例鉴定所[2026]知鉴字第7号", "--lang", "zh")
    for path, side in ((builds["gcc_O2"], "A"), (builds["private_O2"], "B")):
        added = json.loads(cli_ok("case", "add", case_dir, path, "--side", side, "--json").out)
        assert added["kind"] == "binary"
    run = json.loads(cli_ok("case", "run", case_dir, "--json").out)
    assert run["comparisons"][0]["kind"] == "binary"
    with Case.open(case_dir, actor="张示例") as case:
        configure_sample(case)
        result = case.comparisons()[0]["result"]
        functions = [m for m in result["matches"] if m["category"].startswith("matched function")]
        assert functions
        for m in result["matches"]:
            record_decision(case, m["id"], "accepted", reason="经人工核对反汇编一致（测试数据）")
        rows = {r.id: r for r in finding_rows(case)}
        view = finding_view(rows[functions[0]["id"]], case_files(case), "zh")
        assert "0x" in view.html
    issued = json.loads(cli_ok("case", "report", case_dir, "--json").out)
    document = Document(issued["report"])
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "目标程序的比对" in text and "相同或实质性相似的函数" in text and "字节" in text
    assert "函数对应" in cells and "@0x" in cells


def test_private_server_package_comparison_from_the_cli(builds, tmp_path):
    for side, program, rate in (("A", "gcc_O2", "1"), ("B", "private_O2", "3")):
        folder = tmp_path / side
        (folder / "bin").mkdir(parents=True)
        (folder / "data").mkdir()
        (folder / "bin" / "server").write_bytes(builds[program].read_bytes())
        rows = "\n".join(f"{1000 + k},物品{k},{int(rate) * (k % 5 + 1)}" for k in range(12))
        (folder / "data" / "items.csv").write_text("id,name,drop_rate\n" + rows + "\n", encoding="utf-8")
    r = run_cli("compare", tmp_path / "A", tmp_path / "B", "--json")
    assert r.code == 0, r.err
    data = json.loads(r.out)
    by_kind = data["summary"]["by_kind"]
    assert by_kind["binary"]["similar_files"] == 1 and by_kind["binary"]["reappearing_share"] > 0.8
    assert by_kind["table"]["similar_files"] == 1
    categories = {m["category"] for m in data["matches"]}
    assert any(c.startswith("matched function") for c in categories) and "rows with edited values" in categories


def test_plug_in_indicators_are_findings_of_a_case_and_its_report(builds, tmp_path):
    from conftest import cli_ok
    from docx import Document

    from appraisal.custody.case import Case
    from appraisal.demo import configure_sample
    from appraisal.review import record_decision

    source = tmp_path / "trainer.c"
    source.write_text("#define _GNU_SOURCE\n#include <stdlib.h>\n#include <sys/uio.h>\n"
                      "int main(int c, char **v) { long x = 999999; struct iovec l = {&x, sizeof x}, "
                      "r = {(void *)strtol(v[2], 0, 16), sizeof x};\n"
                      "return process_vm_writev(atoi(v[1]), &l, 1, &r, 1, 0) < 0; }\n")
    plugin = tmp_path / "trainer"
    subprocess.run([_cc("gcc"), "-O2", "-o", str(plugin), str(source)], check=True, capture_output=True)
    r = run_cli("scan", plugin, "--json")
    assert r.code == 0, r.err
    assert [i["category"] for i in json.loads(r.out)["indicators"]] == ["memory_write"]
    case_dir = tmp_path / "case"
    cli_ok("case", "create", case_dir, "--title", "外挂程序鉴定", "--client", "某市公安局",
           "--number", "示例鉴定所[2026]知鉴字第8号", "--lang", "zh")
    cli_ok("case", "add", case_dir, builds["gcc_O2"], "--side", "A")
    cli_ok("case", "add", case_dir, plugin, "--side", "B")
    cli_ok("case", "run", case_dir)
    with Case.open(case_dir, actor="张示例") as case:
        configure_sample(case)
        result = case.comparisons()[0]["result"]
        found = [m for m in result["matches"] if m["category"].startswith("plug-in indicator")]
        assert found and found[0]["b"]["address"]
        for m in result["matches"]:
            record_decision(case, m["id"], "accepted", reason="经人工核对调用位置（测试数据）")
    issued = json.loads(cli_ok("case", "report", case_dir, "--json").out)
    cells = "\n".join(c.text for t in Document(issued["report"]).tables for r in t.rows for c in r.cells)
    assert "外挂特征：写入其他进程内存" in cells and "process_vm_writev" in cells


def test_32_bit_x86_programs_are_compared(comparator, tmp_path):
    """PE32 (i686) builds: the private edit scores above the unrelated program; an i386 object names its calls."""
    cc = _cc("i686-w64-mingw32-gcc")
    for name in ("server", "other"):
        (tmp_path / f"{name}.c").write_text(SOURCE if name == "server" else OTHER)
    (tmp_path / "private.c").write_text(SOURCE.replace("[GameServer]", "[PrivateServer v2]")
                                        .replace("i * i * 137", "i * i * 411"))
    built = {}
    for name, flags in (("server", ["-O2"]), ("private", ["-O2", "-s"]), ("other", ["-O2"])):
        built[name] = tmp_path / f"{name}.exe"
        subprocess.run([cc, *flags, "-o", str(built[name]), str(tmp_path / f"{name}.c")], check=True,
                       capture_output=True)
    feats = {n: comparator.extract(p) for n, p in built.items()}
    assert feats["server"].data["arch"] == "x86" and feats["server"].data["format"] == "PE"
    private = comparator.compare(feats["server"], feats["private"])
    unrelated = comparator.compare(feats["server"], feats["other"])
    assert private.score > unrelated.score + 0.3, (private.extra["evidence"], unrelated.extra["evidence"])
    assert any(m.category.startswith("matched function") for m in private.matches)
    (tmp_path / "m.c").write_text(MACHO_SOURCE)  # no headers: the 32-bit C library headers are not needed
    obj = tmp_path / "m32.o"
    subprocess.run([_cc("clang"), "-m32", "-O0", "-fPIC", "-c", "-o", str(obj), str(tmp_path / "m.c")],
                   check=True, capture_output=True)
    fns = {f["name"]: f for f in comparator.extract(obj).data["functions"]}
    assert set(fns) == {"mix", "main"}  # `call next; pop ebx` (PIC) starts no function
    assert {"printf", "puts", "mix"} - set(fns["main"]["imports"]) == {"mix"}  # relocations name the calls


MACHO_SOURCE = r"""
int printf(const char *, ...);
int puts(const char *);
static unsigned mix(unsigned h, unsigned v) { h ^= v; h *= 0x5bd1e995u; return h ^ (h >> 15); }
int main(int argc, char **argv) {
    unsigned h = 0x5eed1234u;
    for (int i = 0; i < argc; i++) for (const char *p = argv[i]; *p; p++) h = mix(h, (unsigned)*p);
    printf("[GameServer] session key %08x\n", h);
    puts("[GameServer] ready");
    return 0;
}
"""
LIBSYSTEM_TBD = """--- !tapi-tbd
tbd-version: 4
targets: [ x86_64-macos, arm64-macos ]
install-name: '/usr/lib/libSystem.B.dylib'
current-version: 1311
exports:
  - targets: [ x86_64-macos, arm64-macos ]
    symbols: [ _printf, _puts, dyld_stub_binder ]
...
"""


@pytest.mark.parametrize("arch", ["x86_64", "arm64"])
def test_linked_macho_programs_name_their_stubs(comparator, tmp_path, arch):
    """A linked Mach-O executable (clang + ld64.lld against a text stub of libSystem): main, its calls, strings."""
    linker = shutil.which("ld64.lld") or shutil.which("ld64.lld-14") or shutil.which("ld64.lld-15")
    if linker is None:
        pytest.skip("ld64.lld is not installed")
    (tmp_path / "m.c").write_text(MACHO_SOURCE)
    (tmp_path / "libSystem.tbd").write_text(LIBSYSTEM_TBD)
    (tmp_path / "p.c").write_text(MACHO_SOURCE.replace("[GameServer]", "[AetherMS]"))  # a rebranded copy
    exes = []
    for src in ("m", "p"):
        obj, exe = tmp_path / f"{src}.o", tmp_path / src
        subprocess.run([_cc("clang"), "-target", f"{arch}-apple-macos11", "-O2", "-c", "-o", str(obj),
                        str(tmp_path / f"{src}.c")], check=True, capture_output=True)
        subprocess.run([linker, "-arch", arch, "-platform_version", "macos", "11.0", "11.0", "-o", str(exe),
                        str(obj), str(tmp_path / "libSystem.tbd")], check=True, capture_output=True)
        exes.append(comparator.extract(exe))
    data = exes[0].data
    assert data["format"] == "MachO" and data["kind"] == "exe"
    main = next(f for f in data["functions"] if f["name"] == "main")
    assert not main["runtime"]  # LC_MAIN's entry is main itself
    assert {"printf", "puts"} <= set(main["imports"])  # __stubs decoded to their dyld slots
    assert any("[GameServer]" in s for s in main["strings"])
    result = comparator.compare(exes[0], exes[1])
    assert any(m.category.startswith("matched function") and m.a.function == "main" for m in result.matches)
