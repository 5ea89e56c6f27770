"""Cheat indicators of a program (ELF, PE, Mach-O): what it does to other processes, with located evidence.

An online-game plug-in is appraised for behaviour a cheat needs: reading or writing another
process's memory, injecting code, hooking functions (speed hacks among them), forging protocol
packets, or defeating the game's protection. :func:`scan` lists the :class:`Indicator` s found,
each with :class:`Evidence` located by virtual address, file offset and section.

The rules are YARA files in ``rules/`` (one per category) that the commission can extend. Each
rule has ``meta: category, title, title_zh, weight``. Besides its own strings and byte patterns,
a rule's condition may use *facts* this module computes with LIEF and capstone and passes to
YARA as external variables (YARA's ``pe``/``elf`` modules are not needed):

======================================  =============================================================
``imp_NAME``                             NAME is an imported function (PE IAT, ELF PLT/GOT, Mach-O bind)
``dyn_NAME``                             NAME is a string outside the import/symbol tables (resolved
                                         by name, e.g. ``GetProcAddress(h, "NtReadVirtualMemory")``)
``api_NAME``                             ``imp_NAME or dyn_NAME``
``exp_NAME``                             NAME is an exported function
``sys_NAME`` / ``sysno_N``               a system call NAME (table :data:`SYSCALLS`) / number N is made,
                                         by a raw ``syscall``/``svc``/``int 0x80`` or libc ``syscall()``
``argK_NAME_is_V`` (``_is_negV``)        some call of NAME passes the constant V as argument K (1-4)
``argK_NAME_bits``                       OR of the constants passed as argument K of NAME (int)
``argK_NAME_nonzero``                    some call of NAME passes argument K not provably zero
``jmp_writes``                           number of instructions storing a JMP opcode (E9, FF 25, ...)
``opcode_hits``                          number of the expert's opcodes found as code immediates
``is_pe`` ``is_elf`` ``is_macho``        file format; ``is_shared``: a DLL / shared library
======================================  =============================================================

Every fact a matching rule refers to, when true, contributes its evidence (import slot, call
sites, strings, syscall sites, constants) to the indicator, next to the rule's string matches.
"""

from __future__ import annotations

import hashlib
import re
import struct
import threading
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import capstone
import lief
import yara

from comparators.binary import read
from comparators.errors import InputError

lief.logging.disable()

RULES_DIR = Path(__file__).with_name("rules")
CATEGORIES = ("memory_read", "memory_write", "code_injection", "hooking", "speed_hack", "packet_forge",
              "anti_protection")
MAX_BYTES = 256 * 1024 * 1024
MAX_CODE_BYTES = 48 * 1024 * 1024
MAX_EVIDENCE = 20
MAX_SITES = 64
"""Call sites / string occurrences kept per fact before the per-indicator cap."""

SYSCALLS: dict[str, dict[str, int]] = {
    "process_vm_readv": {"x86_64": 310, "aarch64": 270, "arm": 376, "x86": 347},
    "process_vm_writev": {"x86_64": 311, "aarch64": 271, "arm": 377, "x86": 348},
    "ptrace": {"x86_64": 101, "aarch64": 117, "arm": 26, "x86": 26},
    "mprotect": {"x86_64": 10, "aarch64": 226, "arm": 125, "x86": 125},
    "pkey_mprotect": {"x86_64": 329, "aarch64": 288, "arm": 394, "x86": 380},
}
"""System calls a rule can name as ``sys_NAME``: number per architecture."""

_MASK32 = 0xFFFFFFFF
_MASK64 = (1 << 64) - 1


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class Evidence:
    """One located piece of evidence: an import slot, a call site, a string, a syscall, bytes, ..."""

    kind: str  # "import" | "call" | "string" | "syscall" | "bytes" | "export" | "constant"
    text: str
    address: int | None  # virtual address; None when the file offset maps to no section
    offset: int | None  # file offset
    section: str | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (addresses as ``0x`` hex strings)."""
        return {"kind": self.kind, "text": self.text,
                "address": None if self.address is None else f"0x{self.address:x}",
                "offset": None if self.offset is None else f"0x{self.offset:x}",
                "section": self.section}


@dataclass(frozen=True)
class Indicator:
    """A rule that holds for the program, with the evidence that makes it hold."""

    category: str
    rule: str
    title: str
    title_zh: str
    evidence: tuple[Evidence, ...]
    weight: int = 1
    source: str = ""  # rule file stem (YARA namespace)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"category": self.category, "rule": self.rule, "title": self.title, "title_zh": self.title_zh,
                "weight": self.weight, "source": self.source, "evidence": [e.to_dict() for e in self.evidence]}


class RuleError(ValueError):
    """A rule file cannot be compiled (syntax error, unknown fact name)."""


# --------------------------------------------------------------------------- program model


@dataclass(frozen=True)
class _Section:
    name: str
    address: int | None  # None: not mapped (ELF non-alloc section)
    size: int  # mapped size
    offset: int
    file_size: int
    executable: bool
    searchable: bool  # strings here may be names resolved at run time


@dataclass(frozen=True)
class _Call:
    name: str
    address: int
    args: tuple[int | None, ...]  # first four integer arguments (None = unknown)


@dataclass
class _Program:
    fmt: str  # "pe" | "elf" | "macho"
    arch: str  # "x86_64" | "x86" | "aarch64" | "arm" | other
    shared: bool
    data: bytes
    sections: list[_Section]
    imports: dict[str, list[int]] = field(default_factory=dict)  # name -> slot addresses
    exports: dict[str, int] = field(default_factory=dict)
    excluded: set[int] = field(default_factory=set)  # file offsets of import name-table strings
    excluded_ranges: list[tuple[int, int]] = field(default_factory=list)  # e.g. the PE export directory
    slots: dict[int, str] = field(default_factory=dict)  # slot address -> imported name
    stubs: dict[int, str] = field(default_factory=dict)  # PLT stub / thunk address -> imported name
    calls: dict[str, list[_Call]] = field(default_factory=dict)
    syscalls: list[tuple[int, int, bool]] = field(default_factory=list)  # (address, number, via libc syscall())
    jmp_writes: list[tuple[int, str]] = field(default_factory=list)
    constants: list[tuple[int, int, str]] = field(default_factory=list)  # (address, opcode, instruction)

    def locate(self, address: int) -> tuple[int | None, str | None]:
        """File offset and section name of a virtual address."""
        for s in self.sections:
            if s.address is not None and s.address <= address < s.address + s.size:
                off = s.offset + address - s.address if address - s.address < s.file_size else None
                return off, s.name
        return None, None

    def place(self, offset: int) -> tuple[int | None, str | None]:
        """Virtual address and section name of a file offset."""
        for s in self.sections:
            if s.file_size and s.offset <= offset < s.offset + s.file_size:
                return (None if s.address is None else s.address + offset - s.offset), s.name
        return None, None

    def section_at(self, offset: int) -> _Section | None:
        """The section holding a file offset."""
        for s in self.sections:
            if s.file_size and s.offset <= offset < s.offset + s.file_size:
                return s
        return None

    def at_address(self, kind: str, text: str, address: int) -> Evidence:
        """Evidence at a virtual address."""
        off, sec = self.locate(address)
        return Evidence(kind, text, address, off, sec)

    def at_offset(self, kind: str, text: str, offset: int) -> Evidence:
        """Evidence at a file offset."""
        addr, sec = self.place(offset)
        return Evidence(kind, text, addr, offset, sec)


# --------------------------------------------------------------------------- loading and validation

def _parse(path: Path, data: bytes) -> Any:
    """The LIEF binary of ``data``, through the comparator's one front end (:func:`read.parse`)."""
    return read.parse(path, data)


def _arch(binary: Any) -> str:
    """Architecture name of a LIEF binary."""
    if isinstance(binary, lief.PE.Binary):
        machine = binary.header.machine
        table = {lief.PE.Header.MACHINE_TYPES.AMD64: "x86_64", lief.PE.Header.MACHINE_TYPES.I386: "x86",
                 lief.PE.Header.MACHINE_TYPES.ARM64: "aarch64"}
        return table.get(machine, str(machine))
    if isinstance(binary, lief.ELF.Binary):
        arch = binary.header.machine_type
        table = {lief.ELF.ARCH.X86_64: "x86_64", lief.ELF.ARCH.I386: "x86", lief.ELF.ARCH.AARCH64: "aarch64",
                 lief.ELF.ARCH.ARM: "arm"}
        return table.get(arch, str(arch))
    cpu = binary.header.cpu_type
    table = {lief.MachO.Header.CPU_TYPE.X86_64: "x86_64", lief.MachO.Header.CPU_TYPE.X86: "x86",
             lief.MachO.Header.CPU_TYPE.ARM64: "aarch64", lief.MachO.Header.CPU_TYPE.ARM: "arm"}
    return table.get(cpu, str(cpu))


_ELF_NOT_SEARCHABLE = re.compile(r"^\.(dynstr|strtab|symtab|dynsym|shstrtab|gnu\.version.*|gnu\.hash|hash|comment"
                                 r"|note.*|debug.*|zdebug.*|rela?\..*|interp)$")


def _elf_program(path: Path, binary: Any, data: bytes) -> _Program:
    sections: list[_Section] = []
    for s in binary.sections:
        if not s.name and not s.size and not s.virtual_address:
            continue  # the null section
        alloc = bool(s.flags & 0x2)
        nobits = s.type == lief.ELF.Section.TYPE.NOBITS
        fsize = 0 if nobits else s.size
        if fsize and s.offset + fsize > len(data):
            raise InputError(path, f"truncated ELF file: section {s.name or '?'} extends beyond the end of the file")
        sections.append(_Section(s.name, s.virtual_address if alloc else None, s.size, s.offset, fsize,
                                 bool(s.flags & 0x4), not _ELF_NOT_SEARCHABLE.match(s.name or "")))
    if not sections:  # no section headers: fall back to loadable segments
        for i, seg in enumerate(binary.segments):
            if seg.type == lief.ELF.Segment.TYPE.LOAD:
                sections.append(_Section(f"LOAD[{i}]", seg.virtual_address, seg.virtual_size, seg.file_offset,
                                         min(seg.physical_size, max(0, len(data) - seg.file_offset)),
                                         bool(int(seg.flags) & 1), True))
    shared = binary.header.file_type == lief.ELF.Header.FILE_TYPE.DYN and not binary.has_interpreter
    prog = _Program("elf", _arch(binary), shared, data, sections)
    for reloc in [*binary.pltgot_relocations, *binary.dynamic_relocations]:
        if not reloc.has_symbol:
            continue
        sym = reloc.symbol
        if sym.name and sym.imported and sym.type != lief.ELF.Symbol.TYPE.OBJECT:
            prog.imports.setdefault(sym.name, []).append(reloc.address)
            prog.slots.setdefault(reloc.address, sym.name)
    for sym in binary.dynamic_symbols:
        if sym.name and sym.imported and sym.is_function:
            prog.imports.setdefault(sym.name, [])
        elif sym.name and sym.exported and sym.is_function and sym.value:
            prog.exports.setdefault(sym.name, sym.value)
    _elf_stubs(binary, prog)
    return prog


def _pe_program(path: Path, binary: Any, data: bytes) -> _Program:
    base = binary.optional_header.imagebase
    sections: list[_Section] = []
    execute = lief.PE.Section.CHARACTERISTICS.MEM_EXECUTE
    discardable = lief.PE.Section.CHARACTERISTICS.MEM_DISCARDABLE
    for s in binary.sections:
        raw = s.sizeof_raw_data
        vsize = s.virtual_size or raw
        if raw and s.pointerto_raw_data + raw > len(data):
            raise InputError(path, f"truncated PE file: section {s.name or '?'} extends beyond the end of the file")
        sections.append(_Section(s.name, base + s.virtual_address, vsize, s.pointerto_raw_data,
                                 min(raw, vsize) if raw else 0, s.has_characteristic(execute),
                                 not s.has_characteristic(discardable)))
    shared = bool(binary.header.has_characteristic(lief.PE.Header.CHARACTERISTICS.DLL))
    prog = _Program("pe", _arch(binary), shared, data, sections)
    for imp in binary.imports:
        for entry in imp.entries:
            if entry.is_ordinal or not entry.name:
                continue
            slot = base + entry.iat_address
            prog.imports.setdefault(entry.name, []).append(slot)
            prog.slots.setdefault(slot, entry.name)
            name_rva = entry.ilt_value or entry.iat_value
            if 0 < name_rva < 1 << 31:
                off, _ = prog.locate(base + name_rva + 2)
                if off is not None:
                    prog.excluded.add(off)
    if binary.has_exports:
        for entry in binary.get_export().entries:
            if entry.name and not getattr(entry, "is_forwarded", False):
                prog.exports.setdefault(entry.name, base + entry.address)
        directory = binary.data_directory(lief.PE.DataDirectory.TYPES.EXPORT_TABLE)
        start, _ = prog.locate(base + directory.rva) if directory.rva else (None, None)
        if start is not None:
            prog.excluded_ranges.append((start, start + directory.size))
    _pe_thunks(prog)
    return prog


def _macho_program(binary: Any, data: bytes) -> _Program:
    sections: list[_Section] = []
    for s in binary.sections:
        seg = s.segment_name
        name = f"{seg},{s.name}"
        zerofill = int(s.type) in (0x1, 0xC, 0x12)  # S_ZEROFILL, S_GB_ZEROFILL, S_THREAD_LOCAL_ZEROFILL
        fsize = 0 if zerofill else min(s.size, max(0, len(data) - s.offset))
        executable = bool(int(s.flags) & 0x80000400)  # S_ATTR_PURE_INSTRUCTIONS | S_ATTR_SOME_INSTRUCTIONS
        sections.append(_Section(name, s.virtual_address, s.size, s.offset, fsize, executable,
                                 seg != "__LINKEDIT"))
    ftype = binary.header.file_type
    shared = ftype in (lief.MachO.Header.FILE_TYPE.DYLIB, lief.MachO.Header.FILE_TYPE.BUNDLE)
    prog = _Program("macho", _arch(binary), shared, data, sections)
    for binding in binary.bindings:
        if not binding.has_symbol:
            continue
        name = binding.symbol.name.removeprefix("_")
        if name:
            prog.imports.setdefault(name, []).append(binding.address)
            prog.slots.setdefault(binding.address, name)
    for sym in binary.imported_symbols:
        if sym.name:
            prog.imports.setdefault(sym.name.removeprefix("_"), [])
    for sym in binary.exported_symbols:
        if sym.name and sym.value:
            prog.exports.setdefault(sym.name.removeprefix("_"), sym.value)
    _pe_thunks(prog)  # x86-64 __stubs are `jmp [rip + slot]`, like PE thunks
    if prog.arch == "aarch64":
        for s in prog.sections:
            if s.name.endswith(("__stubs", "__auth_stubs")):
                _arm64_stubs(prog, s)
    return prog


def _load(path: Path, data: bytes) -> _Program:
    binary = _parse(path, data)
    with warnings.catch_warnings():  # LIEF warns about enum values out of range in damaged headers
        warnings.simplefilter("ignore", RuntimeWarning)
        return _program(path, binary, data)


def _program(path: Path, binary: Any, data: bytes) -> _Program:
    try:
        if isinstance(binary, lief.ELF.Binary):
            return _elf_program(path, binary, data)
        if isinstance(binary, lief.PE.Binary):
            return _pe_program(path, binary, data)
        return _macho_program(binary, data)
    except InputError:
        raise
    except Exception as exc:  # inconsistent tables LIEF accepted
        raise InputError(path, f"malformed program file ({type(exc).__name__}: {exc})") from None


def _find_all(data: bytes, needles: Iterable[bytes]) -> list[tuple[int, bytes]]:
    """Offsets of each needle as a NUL-terminated whole word (ASCII and UTF-16LE)."""
    out: list[tuple[int, bytes]] = []
    for needle in sorted(set(needles)):
        for form, width in ((needle, 1), (needle.decode("latin-1").encode("utf-16-le"), 2)):
            pattern = re.compile(re.escape(form) + (b"\x00" if width == 1 else b"\x00\x00"))
            for m in pattern.finditer(data):
                start = m.start()
                prev = data[start - width] if start >= width else 0
                if prev and (chr(prev).isalnum() or prev == ord("_")):
                    continue
                out.append((start, needle))
                if len(out) > 4096:
                    return out
    return out


# --------------------------------------------------------------------------- stubs (PLT, thunks)

_JMP_SLOT = re.compile(rb"\xff\x25(....)", re.S)


def _pe_thunks(prog: _Program) -> None:
    """``jmp [slot]`` thunks/stubs (x86, x86-64) in executable sections: thunk address → import."""
    if prog.arch not in ("x86_64", "x86") or not prog.slots:
        return
    for s in prog.sections:
        if not s.executable or s.address is None or not s.file_size:
            continue
        code = prog.data[s.offset:s.offset + s.file_size]
        for m in _JMP_SLOT.finditer(code):
            (disp,) = struct.unpack("<i", m.group(1))
            at = s.address + m.start()
            slot = at + 6 + disp if prog.arch == "x86_64" else disp & _MASK32
            name = prog.slots.get(slot)
            if name is None:
                continue
            prog.stubs.setdefault(at, name)
            for back, prefix in ((1, b"\xf2"), (4, b"\xf3\x0f\x1e\xfa"), (5, b"\xf3\x0f\x1e\xfa\xf2")):
                if m.start() >= back and code[m.start() - back:m.start()] == prefix:
                    prog.stubs.setdefault(at - back, name)


def _arm64_stubs(prog: _Program, s: _Section) -> None:
    """AArch64 stubs ``adrp x16, page; ldr x17, [x16, #off]`` (ELF PLT, Mach-O __stubs)."""
    if s.address is None or not s.file_size:
        return
    md = capstone.Cs(capstone.CS_ARCH_ARM64, capstone.CS_MODE_ARM)
    code = prog.data[s.offset:s.offset + s.file_size]
    page: dict[str, tuple[int, int]] = {}
    for addr, _size, mnem, ops in md.disasm_lite(code, s.address):
        parts = [p.strip() for p in ops.split(",")]
        if mnem == "adrp" and len(parts) == 2:
            page[parts[0]] = (addr, _int(parts[1].lstrip("#")) or 0)
        elif mnem == "ldr" and len(parts) >= 2 and parts[1].startswith("["):
            base = parts[1].lstrip("[").rstrip("]!")
            off = _int(parts[2].lstrip("#").rstrip("]!")) if len(parts) > 2 else 0
            if base in page and off is not None:
                start, value = page.pop(base)
                name = prog.slots.get(value + off)
                if name:
                    prog.stubs.setdefault(start, name)


def _elf_stubs(binary: Any, prog: _Program) -> None:
    """PLT stub address → imported name, by decoding stubs or by the order of ``.rela.plt``."""
    if prog.arch in ("x86_64", "x86"):
        _pe_thunks(prog)
    elif prog.arch == "aarch64":
        for s in prog.sections:
            if s.name in (".plt", ".plt.sec"):
                _arm64_stubs(prog, s)
    if prog.stubs:
        return
    order = [r.symbol.name if r.has_symbol else "" for r in binary.pltgot_relocations]
    layout = {"x86_64": (16, 16), "x86": (16, 16), "arm": (20, 12), "aarch64": (32, 16)}.get(prog.arch)
    if not order or layout is None:
        return
    header, size = layout
    sec = {s.name: s for s in prog.sections}
    if ".plt.sec" in sec and sec[".plt.sec"].address is not None:
        start = sec[".plt.sec"].address
    elif ".plt" in sec and sec[".plt"].address is not None:
        start = sec[".plt"].address + header
    else:
        return
    for i, name in enumerate(order):
        if name:
            prog.stubs.setdefault(start + i * size, name)


# --------------------------------------------------------------------------- disassembly

_X86_ALIASES = {
    "rax": ("rax", "eax", "ax", "al"), "rdi": ("rdi", "edi", "di", "dil"), "rsi": ("rsi", "esi", "si", "sil"),
    "rdx": ("rdx", "edx", "dx", "dl"), "rcx": ("rcx", "ecx", "cx", "cl"), "r8": ("r8", "r8d", "r8w", "r8b"),
    "r9": ("r9", "r9d", "r9w", "r9b"),
}
_ARGS = {("x86_64", "sysv"): ("rdi", "rsi", "rdx", "rcx"), ("x86_64", "win"): ("rcx", "rdx", "r8", "r9"),
         ("aarch64", ""): ("x0", "x1", "x2", "x3"), ("arm", ""): ("r0", "r1", "r2", "r3")}
_SYSCALL_REG = {"x86_64": "rax", "x86": "rax", "aarch64": "x8", "arm": "r7"}
_X86_NONWRITE = {"cmp", "test", "push", "bt", "ucomiss", "comiss", "ucomisd", "comisd"}
_ARM_NONWRITE = ("st", "cmp", "cmn", "tst", "teq", "b", "cb", "tb", "ccmp", "ccmn", "prfm", "push", "dmb", "dsb",
                 "isb", "nop", "svc", "hint")
_NUM = re.compile(r"^#?(-?(?:0x[0-9a-f]+|\d+))$")
_RIP = re.compile(r"\[rip ([+-]) (0x[0-9a-f]+|\d+)\]")
_ABS = re.compile(r"^(?:dword|qword) ptr (?:ds:)?\[(0x[0-9a-f]+)\]$")
_JMP_STORES = {("byte", 0xE9): "E9 (jmp rel32)", ("word", 0x25FF): "FF 25 (jmp [mem])",
               ("dword", 0x25FF): "FF 25 00 00 (jmp [rip])", ("qword", 0x25FF): "FF 25 00 00 00 00 (jmp [rip])",
               ("word", 0xB848): "48 B8 (movabs rax)",
               ("word", 0xE0FF): "FF E0 (jmp rax)"}
"""Immediate stores (width, value) that write the first bytes of a jump: an inline hook being planted."""
_WINDOW = 24
_X86_REG = re.compile(r"r[a-z0-9]{1,3}|e[a-z]{2}")


def _int(text: str) -> int | None:
    m = _NUM.match(text.strip())
    return int(m.group(1), 0) if m else None


def _aliases(arch: str, reg: str) -> tuple[str, ...]:
    if arch in ("x86_64", "x86"):
        return _X86_ALIASES[reg]
    if arch == "aarch64":
        n = reg[1:]
        return (f"x{n}", f"w{n}")
    return (reg,)


def _decoder(prog: _Program) -> tuple[capstone.Cs, int] | None:
    if prog.arch == "x86_64":
        return capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64), 1
    if prog.arch == "x86":
        return capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_32), 1
    if prog.arch == "aarch64":
        return capstone.Cs(capstone.CS_ARCH_ARM64, capstone.CS_MODE_ARM), 4
    if prog.arch == "arm":
        return capstone.Cs(capstone.CS_ARCH_ARM, capstone.CS_MODE_THUMB), 2
    return None


def _sweep(md: capstone.Cs, step: int, code: bytes, address: int) -> Iterator[tuple[int, int, str, str]]:
    """Linear sweep that skips undecodable bytes."""
    pos = 0
    while pos < len(code):
        end = pos
        for insn in md.disasm_lite(code[pos:], address + pos):
            end = insn[0] - address + insn[1]
            yield insn
        pos = end + step  # resume after the undecodable unit


def _value(prog: _Program, window: Sequence[tuple[int, int, str, str]], reg: str) -> int | None:
    """Constant held by ``reg`` at the end of ``window`` (None = unknown), by a short backward scan."""
    names = _aliases(prog.arch, reg)
    x86 = prog.arch in ("x86_64", "x86")
    for _addr, _size, mnem, ops in reversed(window):
        if mnem in ("call", "ret", "jmp", "bl", "blr", "blx", "br", "b", "syscall", "svc", "int"):
            return None
        parts = [p.strip() for p in ops.split(",")]
        dest = parts[0] if parts else ""
        if dest not in names:
            if not x86 and mnem.startswith("pop") and any(n in ops for n in names):
                return None
            continue
        if x86:
            if mnem in _X86_NONWRITE:
                continue
            if mnem in ("mov", "movabs") and len(parts) == 2:
                value = _int(parts[1])
                if value is None:
                    return None
                if dest in names[2:]:
                    return None  # partial register write
                return value & _MASK32 if dest == names[1] else _signed(value)
            if mnem == "xor" and len(parts) == 2 and parts[1] == dest:
                return 0
            if mnem == "or" and len(parts) == 2 and _int(parts[1]) in (-1, _MASK64, _MASK32):
                return -1 if dest == names[0] else _MASK32
            return None
        if mnem.startswith(_ARM_NONWRITE) and not mnem.startswith(("bic", "bfi", "bfx")):
            continue
        if mnem in ("mov", "movz", "movs", "movw") and len(parts) == 2:
            if parts[1] in ("xzr", "wzr"):
                return 0
            value = _int(parts[1])
            return None if value is None else (_signed(value) if dest.startswith("x") else value & _MASK32)
        if mnem in ("mvn", "mvns") and len(parts) == 2 and _int(parts[1]) is not None:
            return ~(_int(parts[1]) or 0) & _MASK32
        if mnem == "movn" and len(parts) == 2 and _int(parts[1]) is not None:
            return _signed(~(_int(parts[1]) or 0) & _MASK64)
        return None
    return None


def _signed(value: int) -> int:
    value &= _MASK64
    return value - (1 << 64) if value >> 63 else value


_ESP_SLOT = re.compile(r"^dword ptr \[esp(?: \+ (0x[0-9a-f]+|\d+))?\], (\S+)$")


def _stack_args(window: Sequence[tuple[int, int, str, str]]) -> tuple[int | None, ...]:
    """x86 (32-bit) arguments before a call: pushed (the last push is argument 1) or stored at ``[esp + 4k]``."""
    pushed: list[int | None] = []
    stored: dict[int, int | None] = {}
    for _addr, _size, mnem, ops in reversed(window):
        if mnem in ("call", "ret", "jmp") or len(pushed) == 4:
            break
        if mnem == "push":
            pushed.append(_int(ops))
        elif mnem == "mov" and (m := _ESP_SLOT.match(ops)):
            slot = int(m.group(1) or "0", 0) // 4
            if slot < 4 and slot not in stored:
                stored[slot] = _int(m.group(2))
    if pushed:
        return tuple(pushed + [None] * (4 - len(pushed)))
    return tuple(stored.get(k) for k in range(4))


def _call_target(prog: _Program, window: Sequence[tuple[int, int, str, str]], addr: int, size: int,
                 ops: str) -> str | None:
    """Imported function called by the instruction at ``addr`` (x86 and ARM forms)."""
    direct = _int(ops)
    if direct is not None:
        return prog.stubs.get(direct & _MASK64) or prog.slots.get(direct & _MASK64)
    m = _RIP.search(ops)
    if m and ops.startswith("qword ptr"):
        disp = int(m.group(2), 0)
        return prog.slots.get(addr + size + (disp if m.group(1) == "+" else -disp))
    m = _ABS.match(ops)
    if m:
        return prog.slots.get(int(m.group(1), 0))
    if prog.arch in ("x86_64", "x86") and _X86_REG.fullmatch(ops):
        for a, s, mnem, o in reversed(list(window)[:-1]):
            parts = [p.strip() for p in o.split(",")]
            if mnem in ("call", "ret", "jmp"):
                return None
            if parts and parts[0] == ops:
                if mnem == "mov" and len(parts) == 2:
                    return _call_target(prog, [], a, s, parts[1])
                return None
    return None


def _analyse_code(prog: _Program, opcodes: Sequence[int]) -> None:
    """Call sites of imports (with constant arguments), syscall sites, JMP-writing stores, opcode immediates."""
    dec = _decoder(prog)
    if dec is None:
        return
    md, step = dec
    x86 = prog.arch in ("x86_64", "x86")
    abi = "win" if prog.fmt == "pe" else "sysv" if prog.arch == "x86_64" else ""
    arg_regs = _ARGS.get((prog.arch, abi))
    wanted = _opcode_forms(opcodes)
    call_mnems = {"call"} if x86 else {"bl", "blx"}
    sys_mnems = {"syscall", "sysenter"} if x86 else {"svc"}
    budget = MAX_CODE_BYTES
    for s in prog.sections:
        if not s.executable or s.address is None or not s.file_size or budget <= 0:
            continue
        code = prog.data[s.offset:s.offset + min(s.file_size, budget)]
        budget -= len(code)
        window: deque[tuple[int, int, str, str]] = deque(maxlen=_WINDOW)
        for insn in _sweep(md, step, code, s.address):
            window.append(insn)
            addr, size, mnem, ops = insn
            if mnem in call_mnems:
                name = _call_target(prog, window, addr, size, ops)
                if name is not None:
                    before = list(window)[:-1]
                    if arg_regs:
                        args = tuple(_value(prog, before, r) for r in arg_regs)
                    else:
                        args = _stack_args(before)
                    prog.calls.setdefault(name, []).append(_Call(name, addr, args))
                    if name == "syscall" and args[0] is not None:
                        prog.syscalls.append((addr, args[0] & _MASK32, True))
            elif mnem in sys_mnems or (mnem == "int" and ops == "0x80"):
                number = _value(prog, list(window)[:-1], _SYSCALL_REG.get(prog.arch, "rax"))
                if number is not None:
                    prog.syscalls.append((addr, number & _MASK32, False))
            elif x86 and mnem == "mov" and "ptr [" in ops:
                _jmp_store(prog, addr, ops)
            if wanted and mnem not in call_mnems and not mnem.startswith(("j", "b", "loop", "ldr", "adr")):
                _immediates(prog, wanted, insn)


def _immediates(prog: _Program, wanted: dict[int, int], insn: tuple[int, int, str, str]) -> None:
    """Record the expert's opcodes among the instruction's immediates (also as a 16-bit lane of a wider one)."""
    addr, _size, mnem, ops = insn
    for operand in ops.split(", "):
        value = _int(operand)
        if value is None:
            continue
        value &= _MASK64
        if value in wanted:
            prog.constants.append((addr, wanted[value], f"{mnem} {ops}"))
        elif value > 0xFFFF:
            for lane in range(0, 64, 16):
                part = (value >> lane) & 0xFFFF
                if part > 0xFF and wanted.get(part) == part:
                    prog.constants.append((addr, part, f"{mnem} {ops}"))
                    break


def _jmp_store(prog: _Program, addr: int, ops: str) -> None:
    parts = ops.split(", ")
    if len(parts) != 2:
        return
    width = parts[0].split(" ", 1)[0]
    value = _int(parts[1])
    if value is None:
        return
    label = _JMP_STORES.get((width, value & {"byte": 0xFF, "word": 0xFFFF}.get(width, _MASK32)))
    if label:
        prog.jmp_writes.append((addr, f"mov {ops}  ; writes {label}"))


def _opcode_forms(opcodes: Sequence[int]) -> dict[int, int]:
    """Immediate value → opcode, including the byte-swapped (network order) 16/32-bit forms."""
    forms: dict[int, int] = {}
    for op in sorted({int(o) for o in opcodes}):
        forms.setdefault(op, op)
        if 0xFF < op <= 0xFFFF:
            forms.setdefault(((op & 0xFF) << 8) | (op >> 8), op)
        elif 0xFFFF < op <= _MASK32:
            forms.setdefault(int.from_bytes(op.to_bytes(4, "little"), "big"), op)
    return forms


# --------------------------------------------------------------------------- rules and facts

_FACT = re.compile(r"^(?:(imp|dyn|api|exp|sys)_(\w+)|sysno_(\d+)|arg([1-4])_(\w+?)_(?:is_(neg)?(0x[0-9a-fA-F]+|\d+)"
                   r"|(bits)|(nonzero))|(jmp_writes|opcode_hits)|is_(pe|elf|macho|shared))$")
_IDENT = re.compile(r"(?<![\w$#@!\"])([A-Za-z_]\w*)")
_RULE = re.compile(r"^[ \t]*((?:private|global)[ \t]+)*rule[ \t]+(\w+)", re.M)


@dataclass(frozen=True)
class _RuleSet:
    compiled: Any
    facts: dict[tuple[str, str], tuple[str, ...]]  # (namespace, rule) -> fact names in its condition
    defaults: dict[str, bool | int]


def _rule_files(rules_dir: Path) -> list[Path]:
    return sorted(p for p in rules_dir.glob("*.yar") if p.is_file())


def rules_fingerprint(rules_dir: Path | None = None) -> str:
    """SHA-256 prefix (16 hex digits) over the rule files' names and contents, for the run's params."""
    digest = hashlib.sha256()
    for p in _rule_files(rules_dir or RULES_DIR):
        digest.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def _condition_facts(source: str) -> dict[str, tuple[str, ...]]:
    """Rule name → fact names used in its condition."""
    text = _strip_comments(source)
    starts = list(_RULE.finditer(text))
    out: dict[str, tuple[str, ...]] = {}
    for i, m in enumerate(starts):
        body = text[m.end():starts[i + 1].start() if i + 1 < len(starts) else len(text)]
        cond = body.split("condition:", 1)[1] if "condition:" in body else ""
        cond = re.sub(r'"(?:\\.|[^"\\])*"', " ", cond)
        out[m.group(2)] = tuple(sorted({t for t in _IDENT.findall(cond) if _FACT.match(t)}))
    return out


_CACHE: dict[tuple[str, str], _RuleSet] = {}
_LOCK = threading.Lock()


def _rules(rules_dir: Path) -> _RuleSet:
    key = (str(rules_dir.resolve()), rules_fingerprint(rules_dir))
    with _LOCK:
        if key in _CACHE:
            return _CACHE[key]
    sources = {p.stem: p.read_text(encoding="utf-8") for p in _rule_files(rules_dir)}
    if not sources:
        raise RuleError(f"no rule files (*.yar) in {rules_dir}")
    facts: dict[tuple[str, str], tuple[str, ...]] = {}
    defaults: dict[str, bool | int] = {}
    for ns, src in sources.items():
        for rule, names in _condition_facts(src).items():
            facts[(ns, rule)] = names
            for name in names:
                defaults[name] = 0 if name.endswith(("_bits", "_writes", "_hits")) else False
    try:
        compiled = yara.compile(sources=sources, externals=defaults or {"is_pe": False})
    except yara.Error as exc:
        for ns, src in sources.items():  # name the culprit file
            try:
                yara.compile(source=src, externals=defaults or {"is_pe": False})
            except yara.Error as one:
                raise RuleError(f"rule file {rules_dir / (ns + '.yar')} does not compile: {one}") from None
        raise RuleError(f"rule files in {rules_dir} do not compile: {exc}") from None
    ruleset = _RuleSet(compiled, facts, defaults)
    with _LOCK:
        _CACHE[key] = ruleset
    return ruleset


def _dyn_strings(prog: _Program, names: Iterable[str]) -> dict[str, list[int]]:
    """Offsets of each name as a string outside the import/export/symbol tables."""
    out: dict[str, list[int]] = {}
    for off, needle in _find_all(prog.data, (n.encode() for n in names)):
        sec = prog.section_at(off)
        if sec is None or not sec.searchable or off in prog.excluded:
            continue
        if any(lo <= off < hi for lo, hi in prog.excluded_ranges):
            continue
        out.setdefault(needle.decode(), []).append(off)
    return out


def _fmt(value: int) -> str:
    return f"-{-value:#x}" if value < 0 else f"{value:#x}"


def _call_evidence(prog: _Program, call: _Call, arg: int | None = None) -> Evidence:
    text = f"call {call.name}"
    if arg is not None and call.args[arg - 1] is not None:
        text += f" (arg{arg}={_fmt(call.args[arg - 1] or 0)})"
    return prog.at_address("call", text, call.address)


def _fact(prog: _Program, name: str, dyn: dict[str, list[int]]) -> tuple[bool | int, list[Evidence]]:
    """Value of one fact for YARA and the evidence that supports it."""
    m = _FACT.match(name)
    if m is None:
        return False, []
    kind, func = m.group(1), m.group(2)
    if kind in ("imp", "dyn", "api"):
        ev: list[Evidence] = []
        if kind != "dyn" and func in prog.imports:
            for slot in prog.imports[func][:4]:
                ev.append(prog.at_address("import", func, slot))
            if not prog.imports[func]:
                ev.append(Evidence("import", func, None, None, None))
            ev.extend(_call_evidence(prog, c) for c in prog.calls.get(func, [])[:MAX_SITES])
        if kind != "imp":
            ev.extend(prog.at_offset("string", func, off) for off in dyn.get(func, [])[:MAX_SITES])
        return bool(ev), ev
    if kind == "exp":
        if func in prog.exports:
            return True, [prog.at_address("export", func, prog.exports[func])]
        return False, []
    if kind == "sys" or m.group(3):
        numbers = ({SYSCALLS[func][prog.arch]} if func in SYSCALLS and prog.arch in SYSCALLS[func] else set()) \
            if kind == "sys" else {int(m.group(3))}
        label = {v: k for k, t in SYSCALLS.items() for a, v in t.items() if a == prog.arch}
        ev = []
        for addr, number, via_libc in prog.syscalls:
            if number in numbers:
                how = "libc syscall()" if via_libc else "raw system call instruction"
                ev.append(prog.at_address("syscall", f"syscall {number} ({label.get(number, '?')}) via {how}", addr))
        return bool(ev), ev[:MAX_SITES]
    if m.group(4):
        k, func = int(m.group(4)), m.group(5)
        calls = prog.calls.get(func, [])
        ev = [prog.at_address("import", func, slot) for slot in prog.imports.get(func, [])[:1]]
        if m.group(7) is not None:
            want = int(m.group(7), 0) * (-1 if m.group(6) else 1)
            hits = [c for c in calls if c.args[k - 1] is not None and (c.args[k - 1] or 0) & _MASK32 == want & _MASK32]
            return bool(hits), [_call_evidence(prog, c, k) for c in hits[:MAX_SITES]] + ev
        if m.group(8):
            hits = [c for c in calls if c.args[k - 1]]
            bits = 0
            for c in hits:
                bits |= (c.args[k - 1] or 0) & _MASK32
            return bits, [_call_evidence(prog, c, k) for c in hits[:MAX_SITES]] + ev
        hits = [c for c in calls if c.args[k - 1] != 0]
        return bool(hits), [_call_evidence(prog, c, k) for c in hits[:MAX_SITES]] + ev
    if m.group(10) == "jmp_writes":
        ev = [prog.at_address("bytes", text, addr) for addr, text in prog.jmp_writes[:MAX_SITES]]
        return len(prog.jmp_writes), ev
    if m.group(10) == "opcode_hits":
        ev = [prog.at_address("constant", f"opcode {op:#x}: {text}", addr)
              for addr, op, text in prog.constants[:MAX_SITES]]
        return len({op for _a, op, _t in prog.constants}), ev
    flag = m.group(11)
    return {"pe": prog.fmt == "pe", "elf": prog.fmt == "elf", "macho": prog.fmt == "macho",
            "shared": prog.shared}[flag], []


def _string_evidence(prog: _Program, match: Any) -> list[list[Evidence]]:
    groups: list[list[Evidence]] = []
    for sm in match.strings:
        group = []
        for inst in sm.instances[:MAX_SITES]:
            raw = bytes(inst.matched_data)
            text = _printable(raw)
            if text is None:
                group.append(prog.at_offset("bytes", f"{sm.identifier}: {raw[:16].hex(' ')}", inst.offset))
            else:
                group.append(prog.at_offset("string", text, inst.offset))
        groups.append(group)
    return groups


def _printable(raw: bytes) -> str | None:
    for enc in ("ascii", "utf-16-le"):
        if enc == "utf-16-le" and (len(raw) % 2 or b"\x00" not in raw):
            continue
        try:
            text = raw.decode(enc).rstrip("\x00")
        except UnicodeDecodeError:
            continue
        if text and all(ch.isprintable() for ch in text):
            return text[:120]
    return None


def _select(groups: list[list[Evidence]]) -> tuple[Evidence, ...]:
    """At most MAX_EVIDENCE items, taken round-robin over the groups, deduplicated, sorted by address."""
    chosen: dict[tuple[str, int | None, int | None, str], Evidence] = {}
    by_site: dict[tuple[str, int | None, int | None], tuple[str, int | None, int | None, str]] = {}
    depth = 0
    while len(chosen) < MAX_EVIDENCE and any(depth < len(g) for g in groups):
        for g in groups:
            if depth < len(g) and len(chosen) < MAX_EVIDENCE:
                e = g[depth]
                site = (e.kind, e.address, e.offset)
                if e.address is None and e.offset is None:
                    site = (e.kind, None, hash(e.text))
                old = by_site.get(site)
                if old is not None:
                    if len(e.text) > len(old[3]):  # keep the more specific text for the same site
                        del chosen[old]
                    else:
                        continue
                key = (*site, e.text)
                chosen[key] = e
                by_site[site] = key
        depth += 1
    return tuple(sorted(chosen.values(), key=lambda e: (e.address is None, e.address or 0, e.offset or 0,
                                                        e.kind, e.text)))


# --------------------------------------------------------------------------- entry point


def scan(path: Path, data: bytes | None = None, opcodes: Sequence[int] = (), rules_dir: Path | None = None,
         max_bytes: int = MAX_BYTES) -> list[Indicator]:
    """Cheat indicators of the program at ``path`` (or of ``data``, named ``path``), sorted.

    ``opcodes`` are the genuine client's protocol opcodes; those found as immediates in the
    program's code feed ``opcode_hits``. Raises :class:`InputError` for anything that is not a
    well-formed ELF, PE or Mach-O program, and :class:`RuleError` for broken rule files.
    """
    path = Path(path)
    data = read.read_program_bytes(path, data, max_bytes)
    ruleset = _rules(Path(rules_dir) if rules_dir else RULES_DIR)
    prog = _load(path, data)
    _analyse_code(prog, opcodes)
    dyn_names = {m.group(2) for n in ruleset.defaults if (m := _FACT.match(n)) and m.group(1) in ("dyn", "api")}
    dyn = _dyn_strings(prog, dyn_names)
    values: dict[str, bool | int] = {}
    evidence: dict[str, list[Evidence]] = {}
    for name in sorted(ruleset.defaults):
        values[name], evidence[name] = _fact(prog, name, dyn)
    try:
        matches = ruleset.compiled.match(data=data, externals=values, timeout=120)
    except yara.Error as exc:
        raise InputError(path, f"rule scan failed ({exc})") from None
    out: list[Indicator] = []
    for match in matches:
        meta = match.meta
        groups = _string_evidence(prog, match)
        groups.extend(evidence[n] for n in ruleset.facts.get((match.namespace, match.rule), ()) if values.get(n))
        out.append(Indicator(category=str(meta.get("category", match.namespace)), rule=match.rule,
                             title=str(meta.get("title", match.rule)), title_zh=str(meta.get("title_zh", "")),
                             evidence=_select(groups), weight=int(meta.get("weight", 1)), source=match.namespace))
    return sorted(out, key=lambda i: (i.category, i.rule, i.source))
