"""Compiler run-time and start-up code: recognised by name and by the shipped toolchain reference.

``runtime.json`` (built by ``benchmarks/binary/runtime_reference.py`` from empty programs and
libraries compiled with gcc, clang, MinGW-w64 and the ARM cross compilers at every optimisation
level, stripped and not) holds the MinHash signatures of every function those builds contain.
A function of a compared program whose signature agrees with one of them on at least
:data:`RUNTIME_AGREEMENT` of the permutations is that run-time code, whatever its name.
The reference also lists the strings those builds contain (compiler identification, C run-time
messages and paths); they are the toolchain's, not the program's, and the comparator filters them.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from comparators.binary import match
from comparators.binary.functions import Function

REFERENCE = Path(__file__).with_name("runtime.json")
RUNTIME_AGREEMENT = 0.9
PROGRAM_ENTRY_NAMES = frozenset({"main", "wmain", "WinMain", "wWinMain", "DllMain", "DllEntryPoint"})
"""Names a toolchain defines only when the program does not: the program's own when it does."""
TOOLCHAIN_STRING = re.compile(r"GCC: \(|GNU C(?:\d|\+\+)|clang version \d|mingw-w64-crt|Microsoft \(R\) C/C\+\+")
"""Compiler identification a toolchain writes into every program, whatever its version."""


@lru_cache(maxsize=1)
def reference() -> tuple[np.ndarray, dict[str, Any]]:
    """The reference signatures (``uint32[n, NUM_PERM]``) and their description."""
    if not REFERENCE.is_file():
        return np.zeros((0, match.NUM_PERM), dtype=np.uint32), {}
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    sigs = np.asarray(data["signatures"], dtype=np.uint32).reshape(-1, match.NUM_PERM)
    return sigs, {"toolchains": data["toolchains"], "functions": len(sigs), "strings": len(data.get("strings", [])),
                  "names": len(data.get("names", [])),
                  "sha256": hashlib.sha256(REFERENCE.read_bytes()).hexdigest()[:16], "agreement": RUNTIME_AGREEMENT}


@lru_cache(maxsize=1)
def names() -> frozenset[str]:
    """The names of the toolchains' own functions in the reference builds."""
    if not REFERENCE.is_file():
        return frozenset()
    return frozenset(json.loads(REFERENCE.read_text(encoding="utf-8")).get("names", [])) - PROGRAM_ENTRY_NAMES


def mark(functions: list[Function]) -> None:
    """Set ``runtime`` on the functions that are toolchain run-time code, by name or signature (in place)."""
    ref, _ = reference()
    known = names()
    for fn in functions:
        if fn.name and fn.name in known:
            fn.runtime = True
    if not len(ref) or not functions:
        return
    sigs = match.signatures(functions)
    for fn, sig in zip(functions, sigs, strict=True):
        if not fn.runtime and fn.ngrams and float((ref == sig).mean(axis=1).max()) >= RUNTIME_AGREEMENT:
            fn.runtime = True


@lru_cache(maxsize=1)
def strings() -> frozenset[str]:
    """The strings of the toolchains' own code and data (empty without the reference)."""
    if not REFERENCE.is_file():
        return frozenset()
    return frozenset(json.loads(REFERENCE.read_text(encoding="utf-8")).get("strings", []))


def is_toolchain_string(text: str) -> bool:
    """Whether ``text`` belongs to the toolchain (in the reference builds, or a compiler identification)."""
    return text in strings() or bool(TOOLCHAIN_STRING.search(text))


def describe() -> dict[str, Any]:
    """What the comparator's parameters record about the reference."""
    return reference()[1] or {"toolchains": {}, "functions": 0}
