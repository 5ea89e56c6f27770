"""Build the toolchain run-time reference the binary comparator ships (``comparators/binary/runtime.json``).

Compiler start-up and C run-time code (``_start``, ``__libc_csu_init``, MinGW's statically linked
CRT, ...) is the same in every program a toolchain builds, so it says nothing about copying. This
script compiles an empty program, a program calling the usual C library functions and an empty
shared library with every toolchain found here, at
-O0..-O3, stripped and not, and records the MinHash signature of every function the comparator
finds in them. The comparator marks a function whose signature agrees with a reference one on at
least ``RUNTIME_AGREEMENT`` of its permutations as run-time code: filtered and listed, never counted.

Usage: ``.venv/bin/python benchmarks/binary/runtime_reference.py`` (rewrites the JSON file).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from comparators.binary import comparator as binary  # noqa: E402
from comparators.binary import match  # noqa: E402
from comparators.binary.comparator import _fn  # noqa: E402

OUT = ROOT / "comparators" / "binary" / "runtime.json"
TOOLCHAINS = {"gcc": "gcc", "clang": "clang", "mingw-gcc": "x86_64-w64-mingw32-gcc",
              "mingw-gcc-i686": "i686-w64-mingw32-gcc", "aarch64-gcc": "aarch64-linux-gnu-gcc",
              "arm-gcc": "arm-linux-gnueabihf-gcc"}
PROGRAM = "int main(void) { return 0; }\n"
# a program calling the usual C library functions: MinGW links its own wrappers of them statically
TYPICAL = r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
int main(int argc, char **argv) {
    char buf[256]; double d = argc > 1 ? atof(argv[1]) : 1.5;
    snprintf(buf, sizeof buf, "%s %d %.3f %ld", argv[0], atoi(argc > 2 ? argv[2] : "3"), d, (long)time(0));
    char *p = malloc(strlen(buf) + 1); strcpy(p, buf); printf("%s\n", p); fprintf(stderr, "%x\n", argc);
    FILE *f = fopen(argc > 3 ? argv[3] : "/dev/null", "rb"); if (f) { fread(buf, 1, 16, f); fclose(f); }
    puts(strchr(p, ' ') ? "a" : "b"); free(p); return (int)strtol("7", 0, 10) + sscanf(buf, "%d", &argc);
}
"""
LIBRARY = "int empty_library_function(int x) { return x + 1; }\n"


def _version(cc: str) -> str:
    out = subprocess.run([cc, "--version"], capture_output=True, text=True, check=False).stdout
    return out.splitlines()[0].strip() if out else "?"


def main() -> int:
    comparator = binary.BinaryComparator(indicators=False)
    signatures: set[tuple[int, ...]] = set()
    strings: set[str] = set()
    names: set[str] = set()
    literals = "".join((PROGRAM, TYPICAL, LIBRARY))
    toolchains = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "main.c").write_text(PROGRAM)
        (folder / "lib.c").write_text(LIBRARY)
        (folder / "typical.c").write_text(TYPICAL)
        for name, cc in TOOLCHAINS.items():
            if shutil.which(cc) is None:
                print(f"{name}: {cc} not found, skipped")
                continue
            toolchains[name] = _version(cc)
            for opt in ("-O0", "-O1", "-O2", "-O3", "-Os"):
                exe, lib = (".exe", ".dll") if name.startswith("mingw") else ("", ".so")
                for source, extra, suffix in (("main.c", [], exe), ("typical.c", [], exe),
                                              ("lib.c", ["-shared", "-fPIC"], lib)):
                    for strip in ([],):  # stripping changes no code; symbols tell main apart
                        out = folder / f"{name}{opt}{Path(source).stem}{''.join(strip)}{suffix}"
                        built = subprocess.run([cc, opt, *extra, *strip, "-o", str(out), str(folder / source)],
                                               capture_output=True, check=False)
                        if built.returncode != 0:
                            continue
                        features = comparator.extract(out).data
                        strings.update(t for t in features["strings"] if t not in literals)
                        fns = [_fn(d) for d in features["functions"]]
                        own = [f for f in fns if f.name != "main" and f.name != "empty_library_function"]
                        names.update(f.name for f in own if f.name)
                        for row in match.signatures(own):
                            signatures.add(tuple(int(v) for v in row))
            print(f"{name}: {toolchains[name]}; {len(signatures)} signatures so far")
    OUT.write_text(json.dumps({"toolchains": toolchains, "num_perm": match.NUM_PERM, "seed": match.SEED,
                               "signatures": sorted(signatures), "strings": sorted(strings),
                               "names": sorted(names)},
                              separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(signatures)} run-time function signatures, {len(strings)} strings)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
