"""Function discovery and the features of each function.

Starts come from symbols (and exports), exception tables (ELF ``.eh_frame`` through LIEF,
PE ``.pdata``), Mach-O function starts, the entry point, and the targets of direct calls seen
in a linear sweep (what is left of a stripped build). A function runs to its recorded size,
else to the next start or the end of its section.

Each function gets: normalised instruction n-grams (hashed, for MinHash), constants, the
imports it calls, the strings it references, its internal callees, the shape of its control-flow
graph (basic blocks, edges, loops: :mod:`comparators.binary.cfg`) and its number of
instructions. Stubs (PLT, ``__stubs``), ``.init``/``.fini`` and functions named as compiler
run-time are marked as run-time code so they are filtered, not counted.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import numpy as np

from comparators.binary import cfg, disasm
from comparators.binary.read import Program, Section
from comparators.fingerprint.tokens import hash_tokens

STUB_SECTIONS = frozenset({".plt", ".plt.sec", ".plt.got", "__stubs", "__stub_helper", ".init", ".fini"})
RUNTIME_NAMES = frozenset({
    "_start", "_init", "_fini", "deregister_tm_clones", "register_tm_clones", "__do_global_dtors_aux",
    "frame_dummy", "__libc_csu_init", "__libc_csu_fini", "_dl_relocate_static_pie", "__x86.get_pc_thunk.bx",
    "call_weak_fn", "__tmainCRTStartup", "WinMainCRTStartup", "mainCRTStartup", "pre_c_init", "pre_cpp_init",
    "__main", "__do_global_ctors", "__do_global_dtors", "_pei386_runtime_relocator", "__gcc_register_frame",
    "__gcc_deregister_frame", "atexit", "_onexit", "__dyld_private", "DllMainCRTStartup", "_CRT_INIT",
    "__security_init_cookie", "_GLOBAL__sub_I_main",
})
RUNTIME_PREFIXES = ("__mingw", "_mingw", "__gxx_", "__cxa_", "_ZN9__gnu_cxx", "__emutls", "__chkstk", "___chkstk",
                    "_pei386", "__report_gsfailure", "__security_", "_tls_", "__dyn_tls", "__tlregdtor",
                    "_FindPESection", "_IsNonwritable", "_GetPEImageBase", "_ValidateImageBase", "__write_memory",
                    "__udivti", "__divti", "__umodti", "__modti")
NGRAM = 3
MIN_STRING = 5
_PRINTABLE = re.compile(rb"[\x20-\x7e\t]{%d,}" % MIN_STRING)
_WIDE = re.compile(rb"(?:[\x20-\x7e]\x00){%d,}" % MIN_STRING)


@dataclass
class Function:
    """One discovered function and its features."""

    address: int
    end: int
    name: str | None
    section: str
    instructions: int = 0
    blocks: int = 1
    edges: int = 0
    loops: int = 0
    ngrams: list[int] = field(default_factory=list)  # hashed normalised n-grams (sorted, unique)
    constants: list[int] = field(default_factory=list)
    imports: list[str] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)
    callees: list[int] = field(default_factory=list)
    runtime: bool = False

    @property
    def shape(self) -> cfg.Shape:
        """The shape of the function's control-flow graph."""
        return cfg.Shape(self.blocks, self.edges, self.loops)

    @property
    def label(self) -> str:
        return self.name or f"sub_{self.address:x}"


def is_runtime_name(name: str | None) -> bool:
    """Whether ``name`` is compiler or C run-time start-up code rather than the program's own."""
    return bool(name) and (name in RUNTIME_NAMES or name.startswith(RUNTIME_PREFIXES))


def strings_of(program: Program) -> dict[int, str]:
    """Printable ASCII and UTF-16LE strings of the non-code sections, by virtual address."""
    out: dict[int, str] = {}
    for s in program.sections:
        if s.executable or not s.size or s.name in (".dynstr", ".strtab", ".symtab", ".dynsym", ".shstrtab",
                                                    ".comment", ".gnu.version_r", ".interp") or \
                s.name.startswith((".debug", ".note", ".gnu")):
            continue
        blob = program.bytes_at(s.address, s.size)
        for m in _PRINTABLE.finditer(blob):
            out[s.address + m.start()] = m.group().decode("ascii").strip()
        for m in _WIDE.finditer(blob):
            out.setdefault(s.address + m.start(), m.group().decode("utf-16-le").strip())
    return {a: t for a, t in out.items() if len(t) >= MIN_STRING}


class StringTable:
    """The strings of a program by address; an address inside a string gives its rest (a suffix reference)."""

    def __init__(self, strings: dict[int, str]) -> None:
        self.strings = strings
        self.starts = sorted(strings)

    def at(self, address: int) -> str | None:
        k = bisect.bisect_right(self.starts, address) - 1
        if k < 0:
            return None
        start = self.starts[k]
        text = self.strings[start]
        rest = text[address - start:] if address - start < len(text) else ""
        return rest.strip() if len(rest.strip()) >= MIN_STRING else None


def discover(program: Program, insns: dict[str, list[disasm.Insn]]) -> list[Function]:
    """The functions of ``program`` given the linear sweep of each code section."""
    code = {s.name: s for s in program.code_sections()}
    starts = set(program.symbols) | set(program.starts)
    if program.entry:
        starts.add(program.entry & ~1 if program.arch == "arm" else program.entry)
    for name, listing in insns.items():
        if name in STUB_SECTIONS:
            continue
        for insn in listing:
            if disasm.is_call(insn) and not _relocated(program, insn):
                target = disasm.direct_target(insn)
                if target is not None and target != insn.address + insn.size:  # not x86's `call next; pop`
                    starts.add(target & ~1 if program.arch == "arm" else target)
    in_code = []
    for address in starts:
        sec = program.section_of(address)
        if sec is not None and sec.name in code:
            in_code.append((address, sec))
    in_code.sort(key=lambda t: t[0])
    for name, sec in code.items():  # a code section with no known start begins a function
        if not any(s is sec for _, s in in_code) and name not in STUB_SECTIONS:
            in_code.append((sec.address, sec))
    in_code.sort(key=lambda t: t[0])
    out = []
    addresses = [a for a, _ in in_code]
    for k, (address, sec) in enumerate(in_code):
        nxt = addresses[k + 1] if k + 1 < len(addresses) else sec.address + sec.size
        end = min(nxt, sec.address + sec.size)
        size = program.sizes.get(address)
        if size:
            end = min(end, address + size) if size <= end - address else end
        if end <= address:
            continue
        name = program.symbols.get(address)
        fn = Function(address, end, name, sec.name)
        fn.runtime = sec.name in STUB_SECTIONS or is_runtime_name(name) or (
            address == program.entry and program.kind != "object" and program.format != "MachO")  # LC_MAIN: main
        out.append(fn)
    return out


def _relocated(program: Program, insn: disasm.Insn) -> bool:
    """Whether a relocation fills the instruction's operand (an object's call: its target is not yet known)."""
    return bool(program.reloc_at) and any(insn.address + k in program.reloc_at for k in range(insn.size))


def describe(program: Program, functions: list[Function], insns: dict[str, list[disasm.Insn]],
             strings: dict[int, str]) -> None:
    """Fill in each function's features from the sweep (in place)."""
    by_section: dict[str, list[Function]] = {}
    for fn in functions:
        by_section.setdefault(fn.section, []).append(fn)
    starts = {fn.address for fn in functions}
    table = StringTable(strings)
    image = _image_range(program)
    for sec_name, fns in by_section.items():
        listing = insns.get(sec_name, [])
        keys = [i.address for i in listing]
        for fn in fns:
            lo, hi = bisect.bisect_left(keys, fn.address), bisect.bisect_left(keys, fn.end)
            _features(program, fn, listing[lo:hi], starts, table, image)


def _image_range(program: Program) -> tuple[int, int]:
    spans = [(s.address, s.address + s.size) for s in program.sections if s.size]
    return (min(a for a, _ in spans), max(b for _, b in spans)) if spans else (0, 0)


def _features(program: Program, fn: Function, body: list[disasm.Insn], starts: set[int], strings: StringTable,
              image: tuple[int, int]) -> None:
    tokens: list[str] = []
    constants: set[int] = set()
    imports: set[str] = set()
    refs: set[str] = set()
    callees: set[int] = set()
    pages: dict[str, int] = {}
    for insn in body:
        tokens.append(disasm.normalise(insn))
        target = disasm.memory_target(insn)
        named = _import_called(program, insn, target)
        if named:
            imports.add(named)
        elif disasm.is_call(insn):
            t = disasm.direct_target(insn)
            if t is not None:
                t = t & ~1 if program.arch == "arm" else t
                if t in starts and t != fn.address:
                    callees.add(t)
        text = strings.at(target) if target is not None else None
        if text:
            refs.add(text)
        if program.arch == "arm64":
            _arm64_refs(insn, pages, strings, refs)
        for value in disasm.immediates(insn):
            if _is_constant(value, image):
                constants.add(value & 0xFFFFFFFFFFFFFFFF)
    fn.instructions = len(body)
    graph = cfg.shape(body, fn.address, fn.end)
    fn.blocks, fn.edges, fn.loops = graph.blocks, graph.edges, graph.loops
    grams = [" ".join(tokens[k:k + NGRAM]) for k in range(max(1, len(tokens) - NGRAM + 1))] if tokens else []
    fn.ngrams = sorted(set(hash_tokens(grams).tolist())) if grams else []
    fn.constants = sorted(constants)
    fn.imports = sorted(imports)
    fn.strings = sorted(refs)
    fn.callees = sorted(callees)


def _import_called(program: Program, insn: disasm.Insn, target: int | None) -> str | None:
    if not (disasm.is_call(insn) or insn.mnemonic in ("jmp", "b", "br")):
        return None
    if target is not None and target in program.import_at:
        return program.import_at[target]
    direct = disasm.direct_target(insn)
    if direct is not None and direct in program.import_at:
        return program.import_at[direct]
    for k in range(insn.size):  # relocatable objects: the relocation at the operand names the callee
        name = program.reloc_at.get(insn.address + k)
        if name:
            return name
    return None


def _arm64_refs(insn: disasm.Insn, pages: dict[str, int], strings: StringTable, refs: set[str]) -> None:
    ops = disasm.operands(insn.op_str)
    if insn.mnemonic == "adrp" and len(ops) == 2:
        target = disasm.direct_target(insn)
        if target is not None:
            pages[ops[0]] = target
    elif insn.mnemonic == "add" and len(ops) == 3 and ops[1] in pages:
        imm = disasm.immediates(insn)
        if imm:
            text = strings.at(pages[ops[1]] + imm[-1])
            if text:
                refs.add(text)
    elif insn.mnemonic == "adr":
        target = disasm.direct_target(insn)
        text = strings.at(target) if target is not None else None
        if text:
            refs.add(text)


def _is_constant(value: int, image: tuple[int, int]) -> bool:
    """A program constant: not small, not a power-of-two mask or offset, not an address of the image."""
    v = value & 0xFFFFFFFFFFFFFFFF
    if v < 0x100 or v > 0xFFFFFFFFFFFFFF00:
        return False
    if image[0] <= v < image[1]:
        return False
    return not (v & (v - 1) == 0 or (v + 1) & v == 0)  # 2^k and 2^k - 1


def ngram_array(fn: Function) -> np.ndarray:
    return np.asarray(fn.ngrams, dtype=np.uint64)


def section_names(program: Program) -> list[str]:
    return sorted({s.name for s in program.sections if s.name})


def code_size(sections: list[Section]) -> int:
    return sum(s.size for s in sections if s.executable)
