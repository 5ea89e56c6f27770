"""The binary comparator: is program B derived from program A (recompiled, stripped, edited)?

``extract`` reads the program (:mod:`~comparators.binary.read`), sweeps its code
(:mod:`~comparators.binary.disasm`), discovers its functions and their features
(:mod:`~comparators.binary.functions`), and keeps the other channels: distinctive strings and
constants, imports, exports, section names, PE resources, the TLSH digest of the file and the
plug-in indicators (:mod:`~comparators.binary.indicators`). ``compare`` matches functions
(:mod:`~comparators.binary.match`), scores the channels (:mod:`~comparators.binary.score`) and
reports each matched function pair (address range, name when known, size, similarity), the
shared distinctive strings and B's plug-in indicators as findings. Run-time start-up code,
functions matching declared base material, published algorithm and compiler constants
(:mod:`~comparators.binary.public_constants`) and the toolchain's strings are excluded and listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from comparators.base import ComparatorInfo, Comparison, Exclusion, Features, Match, MaterialRef, Region, Signature
from comparators.binary import disasm, public_constants, runtime, score
from comparators.binary import functions as fnmod
from comparators.binary import match as matcher
from comparators.binary.read import MAX_BYTES, load, looks_like_program
from comparators.errors import InputError
from comparators.fingerprint import minhash
from comparators.hashing import sha256_bytes

MIN_INSTRUCTIONS = 6  # functions shorter than this are matched but not counted (thunks, getters)
MIN_DISTINCT_STRING = 6
MAX_FUNCTION_FINDINGS = 200
MAX_STRING_FINDINGS = 20
MAX_LISTED = 40  # filtered values listed in an exclusion
VIA_SUFFIX = {"call graph": " (via call graph)", "name": " (by name)"}
SUFFIXES = frozenset({".exe", ".dll", ".sys", ".so", ".o", ".obj", ".dylib", ".bin", ".elf", ".ko", ".bundle", ""})


class BinaryComparator:
    """Compare two programs function by function, with strings, constants, imports and TLSH as channels."""

    name = "binary"
    version = "0.1.0"

    def __init__(self, threshold: float = 0.5, propagate: float = 0.3, max_bytes: int = MAX_BYTES,
                 opcodes: Sequence[int] = (), indicators: bool = True) -> None:
        self.threshold = threshold
        self.propagate = propagate
        self.max_bytes = max_bytes
        self.opcodes = tuple(int(o) for o in opcodes)
        self.indicators = indicators

    @property
    def params(self) -> dict[str, Any]:
        out: dict[str, Any] = {"threshold": self.threshold, "propagate": self.propagate, "max_bytes": self.max_bytes,
                               "ngram": fnmod.NGRAM, "num_perm": matcher.NUM_PERM, "seed": matcher.SEED,
                               "min_instructions": MIN_INSTRUCTIONS, "normalisation": "mnemonic + operand kinds",
                               "size_weight": matcher.SIZE_WEIGHT, "cfg_weight": matcher.CFG_WEIGHT,
                               "public_constants": public_constants.describe(),
                               "score": score.describe(), "runtime": runtime.describe(),
                               "indicators": self.indicators}
        if self.indicators:
            from comparators.binary.indicators import rules_fingerprint

            out["rules"] = rules_fingerprint()
            out["opcodes"] = [f"0x{o:x}" for o in self.opcodes]
        return out

    def info(self) -> ComparatorInfo:
        return ComparatorInfo(self.name, self.version, self.params)

    def accepts(self, path: Path) -> bool:
        path = Path(path)
        if not path.is_file() or path.suffix.lower() not in SUFFIXES and not path.suffix.lower().startswith(".so"):
            return False
        try:
            with path.open("rb") as fh:
                return looks_like_program(fh.read(4))
        except OSError:
            return False

    # -- extraction ----------------------------------------------------------------------
    def extract(self, path: Path, display_path: str | None = None) -> Features:
        path = Path(path)
        program = load(path, max_bytes=self.max_bytes)
        display = display_path or str(path)
        insns = {s.name: list(disasm.sweep(program, s)) for s in program.code_sections()}
        strings = fnmod.strings_of(program)
        fns = fnmod.discover(program, insns)
        fnmod.describe(program, fns, insns, strings)
        runtime.mark(fns)
        found: list[dict[str, Any]] = []
        if self.indicators:
            from comparators.binary.indicators import scan

            try:
                found = [i.to_dict() for i in scan(path, program.data, opcodes=self.opcodes)]
            except InputError:
                found = []
        digest = _tlsh(program.data)
        own = [f for f in fns if not f.runtime]
        sig = minhash.signature(_all_ngrams(own), 128, 1)
        notes = list(program.notes)
        if not program.symbols:
            notes.append("stripped: no function symbols; functions found from exception tables and call targets")
        data = {"format": program.format, "arch": program.arch, "kind": program.kind, "entry": program.entry,
                "size": len(program.data),
                "functions": [_fn_dict(f) for f in fns],
                "strings": sorted({t for t in strings.values() if len(t) >= MIN_DISTINCT_STRING}),
                "string_at": {t: a for a, t in sorted(strings.items(), reverse=True)},
                "imports": program.imports, "exports": program.exports, "libraries": program.libraries,
                "sections": sorted({s.name for s in program.sections}), "resources": program.resources,
                "tlsh": digest, "indicators": found}
        return Features(kind=self.name, path=display, sha256=sha256_bytes(program.data), comparator=self.info(),
                        signature=Signature(minhash.SCHEME, 1, tuple(sig.tolist()),
                                            {"num_perm": 128, "over": "normalised instruction 3-grams"}),
                        data=data, notes=tuple(notes))

    # -- comparison ----------------------------------------------------------------------
    def compare(self, fa: Features, fb: Features, base: Sequence[Features] = ()) -> Comparison:
        a, b = fa.data, fb.data
        funcs_a = [_fn(d) for d in a["functions"]]
        funcs_b = [_fn(d) for d in b["functions"]]
        exclusions: list[Exclusion] = []
        runtime_a = [f for f in funcs_a if f.runtime]
        runtime_b = [f for f in funcs_b if f.runtime]
        if runtime_a or runtime_b:
            exclusions.append(Exclusion(reason="compiler run-time and start-up code (stubs, .init/.fini, CRT)",
                                        detail={"functions_a": len(runtime_a), "functions_b": len(runtime_b)}))
        own_a = [f for f in funcs_a if not f.runtime]
        own_b = [f for f in funcs_b if not f.runtime]
        for bf in base:
            base_fns = [_fn(d) for d in bf.data["functions"]]
            for side, own, path in (("a", own_a, fa.path), ("b", own_b, fb.path)):
                hit = {p.a for p in matcher.match(own, base_fns, 0.8, 1.1)}
                for k in sorted(hit):
                    f = own[k]
                    region = _region(path, f)
                    exclusions.append(Exclusion(reason=f"declared base material ({bf.path})",
                                                a=region if side == "a" else None, b=region if side == "b" else None,
                                                detail={"function": f.label}))
                kept = [f for k, f in enumerate(own) if k not in hit]
                if side == "a":
                    own_a = kept
                else:
                    own_b = kept
        own_a, public_a = _without_public_constants(own_a)
        own_b, public_b = _without_public_constants(own_b)
        if public_a or public_b:
            shown = sorted(public_a | public_b)
            exclusions.append(Exclusion(
                reason="public constants: published algorithms and compiler division multipliers",
                detail={"constants_a": len(public_a), "constants_b": len(public_b),
                        "values": [f"0x{v:x} ({public_constants.source(v)})" for v in shown[:MAX_LISTED]]}))
        strings_a, toolchain_a = _own_strings(a["strings"])
        strings_b, toolchain_b = _own_strings(b["strings"])
        if toolchain_a or toolchain_b:
            exclusions.append(Exclusion(reason="toolchain strings (compiler identification, C run-time messages)",
                                        detail={"strings_a": len(toolchain_a), "strings_b": len(toolchain_b),
                                                "examples": sorted(toolchain_a & toolchain_b)[:5]}))
        pairs = matcher.match(own_a, own_b, self.threshold, self.propagate)
        evidence = _evidence({**a, "strings": sorted(strings_a)}, {**b, "strings": sorted(strings_b)},
                             own_a, own_b, pairs)
        probability = score.probability(evidence)
        matches = self._function_matches(fa, fb, own_a, own_b, pairs)
        matches += _string_matches(fa, fb, strings_a & strings_b, len(matches))
        matches += _indicator_matches(fa, fb, len(matches))
        counted_a = sum(f.instructions for f in own_a if f.instructions >= MIN_INSTRUCTIONS) or 1
        counted_b = sum(f.instructions for f in own_b if f.instructions >= MIN_INSTRUCTIONS) or 1
        cov_a = sum(own_a[p.a].instructions for p in pairs if own_a[p.a].instructions >= MIN_INSTRUCTIONS) / counted_a
        cov_b = sum(own_b[p.b].instructions for p in pairs if own_b[p.b].instructions >= MIN_INSTRUCTIONS) / counted_b
        notes = [f"{side}: {n}" for side, f in (("A", fa), ("B", fb)) for n in f.notes]
        if a["arch"] != b["arch"]:
            notes.append(f"different architectures ({a['arch']} / {b['arch']}): instruction features do not carry "
                         "across; strings, constants, imports and call structure do")
        units = {"name": "bytes", "a": sum(f.end - f.address for f in own_a),
                 "b": sum(f.end - f.address for f in own_b)}
        return Comparison(kind=self.name, score=float(probability), coverage_a=float(min(1.0, cov_a)),
                          coverage_b=float(min(1.0, cov_b)), comparator=self.info(),
                          a=MaterialRef(fa.path, fa.sha256), b=MaterialRef(fb.path, fb.sha256),
                          matches=tuple(matches), excluded=tuple(exclusions), notes=tuple(notes),
                          extra={"evidence": {k: round(float(v), 6) for k, v in evidence.items()},
                                 "functions": {"a": len(own_a), "b": len(own_b), "matched": len(pairs)},
                                 "shared_constants": shared_constants(own_a, own_b),
                                 "indicators": b.get("indicators", []), "units": units})

    def _function_matches(self, fa: Features, fb: Features, own_a: list[fnmod.Function], own_b: list[fnmod.Function],
                          pairs: list[matcher.Pair]) -> list[Match]:
        ranked = sorted(pairs, key=lambda p: (-own_a[p.a].instructions * p.similarity, own_a[p.a].address))
        ranked = [p for p in ranked if max(own_a[p.a].instructions, own_b[p.b].instructions) >= MIN_INSTRUCTIONS]
        out = []
        for n, p in enumerate(sorted(ranked[:MAX_FUNCTION_FINDINGS], key=lambda p: own_a[p.a].address), start=1):
            x, y = own_a[p.a], own_b[p.b]
            shared = sorted(set(x.strings) & set(y.strings))[:5]
            out.append(Match(id=f"F-binary-{n:04d}", score=round(p.similarity, 4),
                             category="matched function" + VIA_SUFFIX.get(p.via, ""),
                             a=_region(fa.path, x), b=_region(fb.path, y),
                             detail={"similarity": round(p.similarity, 4), "via": p.via,
                                     "size_a": x.end - x.address, "size_b": y.end - y.address,
                                     "instructions_a": x.instructions, "instructions_b": y.instructions,
                                     "blocks_a": x.blocks, "blocks_b": y.blocks,
                                     "edges_a": x.edges, "edges_b": y.edges, "loops_a": x.loops, "loops_b": y.loops,
                                     "imports": sorted(set(x.imports) & set(y.imports)),
                                     "constants": [f"0x{c:x}" for c in sorted(set(x.constants) & set(y.constants))][:8],
                                     "strings": shared}))
        return out


def _fn_dict(f: fnmod.Function) -> dict[str, Any]:
    return {"address": f.address, "end": f.end, "name": f.name, "section": f.section, "instructions": f.instructions,
            "blocks": f.blocks, "edges": f.edges, "loops": f.loops, "ngrams": f.ngrams, "constants": f.constants,
            "imports": f.imports,
            "strings": f.strings, "callees": f.callees, "runtime": f.runtime}


def _fn(d: dict[str, Any]) -> fnmod.Function:
    return fnmod.Function(d["address"], d["end"], d["name"], d["section"], d["instructions"], d["blocks"],
                          d.get("edges", 0), d.get("loops", 0), list(d["ngrams"]), list(d["constants"]),
                          list(d["imports"]), list(d["strings"]), list(d["callees"]), bool(d["runtime"]))


def _region(path: str, f: fnmod.Function) -> Region:
    return Region(path, function=f.label, section=f.section, address=(f.address, f.end))


def _all_ngrams(fns: list[fnmod.Function]):  # noqa: ANN202 - numpy array
    import numpy as np

    values = [g for f in fns for g in f.ngrams]
    return np.asarray(sorted(set(values)), dtype=np.uint64)


def _without_public_constants(fns: list[fnmod.Function]) -> tuple[list[fnmod.Function], set[int]]:
    """The functions with published and compiler-generated constants removed, and the constants removed."""
    removed: set[int] = set()
    out = []
    for f in fns:
        public = {c for c in f.constants if public_constants.is_public(c)}
        removed |= public
        out.append(replace(f, constants=[c for c in f.constants if c not in public]) if public else f)
    return out, removed


def _own_strings(strings: Sequence[str]) -> tuple[set[str], set[str]]:
    """A program's distinctive strings split into its own and its toolchain's."""
    toolchain = {t for t in strings if runtime.is_toolchain_string(t)}
    return set(strings) - toolchain, toolchain


def _tlsh(data: bytes) -> str:
    try:
        import tlsh

        digest = tlsh.hash(data)
    except Exception:  # noqa: BLE001 - too little variety to hash is not an error
        return ""
    return "" if not digest or digest == "TNULL" else digest


def _tlsh_similarity(x: str, y: str) -> float:
    if not x or not y:
        return 0.0
    import tlsh

    return max(0.0, 1.0 - tlsh.diff(x, y) / 300.0)


def _jaccard(x: set, y: set) -> float:
    return len(x & y) / len(x | y) if x | y else 0.0


def shared_constants(own_a: list[fnmod.Function], own_b: list[fnmod.Function], limit: int = 20) -> list[str]:
    """Distinctive constants in the own code of both programs, largest first (rate tables, salts, opcodes)."""
    common = {c for f in own_a for c in f.constants} & {c for f in own_b for c in f.constants}
    return [f"0x{c:x}" for c in sorted(common, reverse=True)[:limit]]


def _share(x: set, y: set) -> float:
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def _evidence(a: dict[str, Any], b: dict[str, Any], own_a: list[fnmod.Function], own_b: list[fnmod.Function],
              pairs: list[matcher.Pair]) -> dict[str, float]:
    def side(own: list[fnmod.Function], pick: str) -> float:
        total = sum(f.instructions for f in own if f.instructions >= MIN_INSTRUCTIONS)
        got = sum(own[getattr(p, pick)].instructions * p.similarity for p in pairs
                  if own[getattr(p, pick)].instructions >= MIN_INSTRUCTIONS)
        return got / total if total else 0.0

    consts_a = {c for f in own_a for c in f.constants}
    consts_b = {c for f in own_b for c in f.constants}
    imports_a, imports_b = set(a["imports"]), set(b["imports"])
    names_a = {f.name for f in own_a if f.name and f.name != "main"}
    names_b = {f.name for f in own_b if f.name and f.name != "main"}
    channels = {name: _jaccard(set(a.get(name, [])), set(b.get(name, [])))
                for name in ("exports", "sections", "resources")}  # reported beside the score, not in it
    return {**channels, "functions": (side(own_a, "a") + side(own_b, "b")) / 2,
            "names": len(names_a & names_b) / len(names_a | names_b) if names_a and names_b else 0.0,
            "strings": _share(set(a["strings"]), set(b["strings"])),
            "constants": _share(consts_a, consts_b),
            "imports": len(imports_a & imports_b) / len(imports_a | imports_b) if imports_a | imports_b else 0.0,
            "tlsh": _tlsh_similarity(a.get("tlsh", ""), b.get("tlsh", ""))}


def _string_matches(fa: Features, fb: Features, shared_strings: set[str], start: int) -> list[Match]:
    """The longest shared distinctive strings (the toolchain's left out), each located in both files."""
    shared = sorted(shared_strings, key=lambda t: (-len(t), t))
    out = []
    for k, text in enumerate(shared[:MAX_STRING_FINDINGS], start=start + 1):
        at_a, at_b = fa.data["string_at"].get(text), fb.data["string_at"].get(text)
        out.append(Match(id=f"F-binary-{k:04d}", score=1.0, category="shared string",
                         a=Region(fa.path, address=(at_a, at_a + len(text)) if at_a is not None else None),
                         b=Region(fb.path, address=(at_b, at_b + len(text)) if at_b is not None else None),
                         detail={"string": text}))
    return out


def _as_int(value: int | str | None) -> int | None:
    """An address as stored by the indicator scan (``0x`` hex text) or as a number."""
    if value is None:
        return None
    return int(value, 0) if isinstance(value, str) else int(value)


def _indicator_matches(fa: Features, fb: Features, start: int) -> list[Match]:
    """B's plug-in indicators as findings (the region in A is the reference program as a whole)."""
    out = []
    for k, ind in enumerate(fb.data.get("indicators", []), start=start + 1):
        ev = [e for e in ind.get("evidence", []) if e.get("address") is not None]
        first = ev[0] if ev else {}
        address = _as_int(first.get("address"))
        out.append(Match(id=f"F-binary-{k:04d}", score=1.0, category=f"plug-in indicator: {ind['category']}",
                         a=Region(fa.path),
                         b=Region(fb.path, section=first.get("section"),
                                  address=(address, address + 1) if address is not None else None),
                         detail={"rule": ind.get("rule"), "title": ind.get("title"), "title_zh": ind.get("title_zh"),
                                 "evidence": ind.get("evidence", [])}))
    return out
