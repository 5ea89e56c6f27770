"""Reading a program file (ELF, PE, Mach-O) into a plain :class:`Program`: sections, symbols, imports.

LIEF parses the container; everything the comparator needs afterwards is copied into plain
Python values here, so no LIEF object outlives this module (LIEF objects are not picklable and
some of their accessors crash on malformed input when misused). Bad input raises
:class:`~comparators.errors.InputError` with one clear problem.

Import resolution (what an indirect call or a stub calls):
- ELF: ``.rela.plt`` relocations name the GOT slots; the PLT stubs call through them in the same
  order (``.plt.sec`` 16 bytes an entry, or ``.plt`` after its header), so each stub address is
  mapped to its import. GLOB_DAT relocations name the slots of ``-fno-plt`` calls.
- PE: every import entry's IAT slot address (image base + RVA) names the import.
- Mach-O: the dyld bindings name the pointer slots; each ``__stubs`` entry (x86-64 ``jmp [rip+d]``,
  arm64 ``adrp``/``ldr``/``br``) is decoded to its slot; relocatable objects name their call targets
  through relocations.
- Relocatable objects (``.o``): a relocation at an instruction's operand names the callee.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

from comparators.errors import InputError

MAX_BYTES = 256 * 1024 * 1024
MAGICS = (b"\x7fELF", b"MZ", b"\xfe\xed\xfa\xce", b"\xce\xfa\xed\xfe", b"\xfe\xed\xfa\xcf", b"\xcf\xfa\xed\xfe",
          b"\xca\xfe\xba\xbe", b"\xbe\xba\xfe\xca")
ARCHES = ("x86", "x86-64", "arm", "arm64")


@dataclass(frozen=True)
class Section:
    """One section: name, virtual address, size, file offset, whether it holds code."""

    name: str
    address: int
    size: int
    offset: int
    executable: bool


@dataclass
class Program:
    """What the comparator reads from a program file; plain values only."""

    path: str
    format: str  # ELF | PE | MachO
    arch: str  # x86 | x86-64 | arm | arm64
    kind: str  # exe | shared | object
    entry: int
    data: bytes
    sections: list[Section]
    symbols: dict[int, str] = field(default_factory=dict)  # function address -> name
    sizes: dict[int, int] = field(default_factory=dict)  # function address -> size when known
    starts: set[int] = field(default_factory=set)  # function starts from exception tables / function starts
    imports: list[str] = field(default_factory=list)
    import_at: dict[int, str] = field(default_factory=dict)  # stub or slot address -> imported name
    reloc_at: dict[int, str] = field(default_factory=dict)  # relocated operand address -> symbol (objects)
    exports: list[str] = field(default_factory=list)
    libraries: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)  # PE resource entries as "type/id/lang:sha16"
    notes: list[str] = field(default_factory=list)

    def code_sections(self) -> list[Section]:
        return [s for s in self.sections if s.executable and s.size > 0]

    def section_of(self, address: int) -> Section | None:
        for s in self.sections:
            if s.address <= address < s.address + s.size and s.size:
                return s
        return None

    def bytes_at(self, address: int, size: int) -> bytes:
        """``size`` bytes of the file image at virtual ``address`` (short when the section ends)."""
        s = self.section_of(address)
        if s is None or s.offset <= 0 and s.address != 0 and self.kind != "object":
            return b""
        start = s.offset + (address - s.address)
        end = min(s.offset + s.size, start + size)
        return self.data[start:end]

    def address_of_offset(self, offset: int) -> tuple[int | None, str | None]:
        for s in self.sections:
            if s.size and s.offset <= offset < s.offset + s.size:
                return s.address + (offset - s.offset), s.name
        return None, None


def looks_like_program(head: bytes) -> bool:
    """Whether the first bytes carry an ELF, PE (MZ) or Mach-O magic."""
    return any(head.startswith(m) for m in MAGICS)


def read_program_bytes(path: Path, data: bytes | None = None, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of the program at ``path`` (or ``data``); InputError when missing, empty or over the limit."""
    path = Path(path)
    if data is None:
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None
        if not path.is_file():
            raise InputError(path, "does not exist or is not a file")
        if size > max_bytes:
            raise InputError(path, f"is {size:,} bytes, over the limit of {max_bytes:,} bytes")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(path, f"cannot read the file ({exc.strerror or exc})") from None
    data = bytes(data)
    if not data:
        raise InputError(path, "is empty")
    if len(data) > max_bytes:
        raise InputError(path, f"is {len(data):,} bytes, over the limit of {max_bytes:,} bytes")
    return data


def elf_header_problem(data: bytes) -> str | None:
    """A problem with an ELF file's header or its tables (truncation), or None when they are sound."""
    if len(data) < 52 or data[4] not in (1, 2) or data[5] not in (1, 2):
        return "truncated or malformed ELF header"
    end = "<" if data[5] == 1 else ">"
    if data[4] == 2:
        if len(data) < 64:
            return "truncated ELF header"
        phoff, shoff = struct.unpack_from(end + "QQ", data, 32)
        phentsize, phnum, shentsize, shnum = struct.unpack_from(end + "HHHH", data, 54)
        ph_fmt, ph_fields = end + "IIQQQQQQ", (2, 5)  # p_offset, p_filesz
    else:
        phoff, shoff = struct.unpack_from(end + "II", data, 28)
        phentsize, phnum, shentsize, shnum = struct.unpack_from(end + "HHHH", data, 42)
        ph_fmt, ph_fields = end + "IIIIIIII", (1, 4)
    if phnum and phoff + phnum * phentsize > len(data):
        return "truncated ELF file: the program header table lies beyond the end of the file"
    if shnum and shoff + shnum * shentsize > len(data):
        return "truncated ELF file: the section header table lies beyond the end of the file"
    if phnum and phentsize >= struct.calcsize(ph_fmt):
        for i in range(phnum):
            fields = struct.unpack_from(ph_fmt, data, phoff + i * phentsize)
            if fields[0] == 1 and fields[ph_fields[0]] + fields[ph_fields[1]] > len(data):
                return "truncated ELF file: a loadable segment extends beyond the end of the file"
    if not phnum and not shnum:
        return "ELF file without program or section headers"
    return None


def parse(path: Path, data: bytes):  # noqa: ANN201 - a LIEF binary
    """The LIEF binary of ``data`` (the first slice of a universal Mach-O file).

    The one front end of the comparator and the indicator scan: InputError when the bytes are
    no ELF, PE or Mach-O program, or when its headers are truncated or malformed.
    """
    import warnings

    import lief

    lief.logging.disable()
    if not looks_like_program(data[:4]):
        raise InputError(path, "is not an ELF, PE or Mach-O program")
    if data.startswith(b"\x7fELF"):
        problem = elf_header_problem(data)
        if problem:
            raise InputError(path, problem)
    with warnings.catch_warnings():  # LIEF warns about enum values out of range in damaged headers
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            binary = lief.parse(data)
        except Exception as exc:  # noqa: BLE001 - LIEF raises assorted errors on malformed files
            raise InputError(path, f"cannot be parsed as a program ({type(exc).__name__}: {exc})") from None
    if binary is None:
        raise InputError(path, "is truncated or malformed (the program headers cannot be parsed)")
    if isinstance(binary, lief.MachO.FatBinary):
        if binary.size == 0:
            raise InputError(path, "is a malformed Mach-O universal file")
        binary = binary.at(0)
    return binary


def load(path: Path, data: bytes | None = None, max_bytes: int = MAX_BYTES) -> Program:
    """Parse the program at ``path`` (or ``data``); InputError for anything that is not a readable program."""
    import lief

    path = Path(path)
    data = read_program_bytes(path, data, max_bytes)
    binary = parse(path, data)
    fmt = str(binary.format).split(".")[-1]
    try:
        if fmt == "ELF":
            program = _elf(path, data, binary, lief)
        elif fmt == "PE":
            program = _pe(path, data, binary, lief)
        elif fmt == "MACHO":
            program = _macho(path, data, binary, lief)
        else:
            raise InputError(path, f"has an unsupported program format ({fmt})")
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - malformed tables inside a parsable header
        raise InputError(path, f"is malformed ({type(exc).__name__}: {exc})") from None
    if not program.code_sections():
        raise InputError(path, "has no code section")
    return program


# -- ELF ------------------------------------------------------------------------------------
_ELF_ARCH = {"X86_64": "x86-64", "I386": "x86", "AARCH64": "arm64", "ARM": "arm"}
_PLT_LAYOUT = {"x86-64": (16, 16), "x86": (16, 16), "arm64": (32, 16), "arm": (20, 12)}  # header, entry


def _elf(path: Path, data: bytes, b, lief) -> Program:  # noqa: ANN001 - LIEF types
    arch = _ELF_ARCH.get(str(b.header.machine_type).split(".")[-1])
    if arch is None:
        raise InputError(path, f"has an unsupported architecture ({b.header.machine_type})")
    etype = str(b.header.file_type).split(".")[-1]
    kind = {"EXEC": "exe", "DYN": "shared", "REL": "object"}.get(etype, "exe")
    if kind == "shared" and b.has_interpreter:
        kind = "exe"  # a position-independent executable
    flag_exec = lief.ELF.Section.FLAGS.EXECINSTR
    sections = []
    for s in b.sections:
        if not s.name or str(s.type).split(".")[-1] == "NOBITS":
            continue
        sections.append(Section(s.name, int(s.virtual_address), int(s.size), int(s.offset), s.has(flag_exec)))
    if kind == "object":  # sections of an object all start at 0: lay them out one after another
        sections = _lay_out(sections)
    program = Program(str(path), "ELF", arch, kind, int(b.entrypoint) if kind != "object" else 0, data, sections)
    by_name = {s.name: s for s in sections}
    for sym in list(b.symbols):
        try:
            if str(sym.type).split(".")[-1] != "FUNC" or not sym.value and kind != "object":
                continue
            name = sym.demangled_name or sym.name
        except Exception:  # noqa: BLE001, S112 - one unreadable symbol does not spoil the rest
            continue
        address = int(sym.value)
        if kind == "object":
            sec = _object_section(b, sym, sections)
            if sec is None:
                continue
            address += sec.address
        if not name or sym.shndx == 0:
            continue
        program.symbols.setdefault(address & ~1 if arch == "arm" else address, name)
        if sym.size:
            program.sizes[address & ~1 if arch == "arm" else address] = int(sym.size)
    for fn in list(b.functions):  # symbols and .eh_frame FDEs (stripped builds keep the latter)
        address = int(fn.address) & (~1 if arch == "arm" else ~0)
        if address and kind != "object":
            program.starts.add(address)
            if fn.size:
                program.sizes.setdefault(address, int(fn.size))
    program.imports = sorted({f.name for f in b.imported_functions if f.name})
    program.exports = sorted({f.name for f in b.exported_functions if f.name})
    program.libraries = sorted(set(b.libraries))
    plt_relocs = []
    for r in b.pltgot_relocations:
        if r.has_symbol and r.symbol.name:
            plt_relocs.append((int(r.address), r.symbol.name))
            program.import_at[int(r.address)] = r.symbol.name
    for r in b.dynamic_relocations:
        if r.has_symbol and r.symbol.name:
            program.import_at.setdefault(int(r.address), r.symbol.name)
    header, entry = _PLT_LAYOUT[arch]
    if ".plt.sec" in by_name:
        _map_stubs(program, by_name[".plt.sec"], 0, entry, plt_relocs)
    elif ".plt" in by_name:
        _map_stubs(program, by_name[".plt"], header, entry, plt_relocs)
    if kind == "object":
        for r in b.object_relocations:
            if not r.has_symbol or not r.has_section:
                continue
            target = by_name.get(r.section.name)
            name = r.symbol.name
            if target is not None and name:
                program.reloc_at[target.address + int(r.address)] = name
    return program


def _object_section(b, sym, sections: list[Section]) -> Section | None:  # noqa: ANN001
    try:
        name = b.sections[sym.shndx].name
    except Exception:  # noqa: BLE001
        return None
    return next((s for s in sections if s.name == name), None)


def _lay_out(sections: list[Section]) -> list[Section]:
    """Give the sections of a relocatable object distinct addresses (their file order, 16-aligned)."""
    out, address = [], 0x10000
    for s in sections:
        out.append(Section(s.name, address, s.size, s.offset, s.executable))
        address = (address + s.size + 15) & ~15
    return out


def _map_stubs(program: Program, plt: Section, header: int, entry: int, relocs: list[tuple[int, str]]) -> None:
    for k, (_, name) in enumerate(sorted(relocs)):
        stub = plt.address + header + k * entry
        if stub < plt.address + plt.size:
            program.import_at.setdefault(stub, name)


# -- PE -------------------------------------------------------------------------------------
_PE_ARCH = {"AMD64": "x86-64", "I386": "x86", "ARM64": "arm64", "ARM": "arm", "ARMNT": "arm", "THUMB": "arm"}


def _pe(path: Path, data: bytes, b, lief) -> Program:  # noqa: ANN001
    arch = _PE_ARCH.get(str(b.header.machine).split(".")[-1])
    if arch is None:
        raise InputError(path, f"has an unsupported architecture ({b.header.machine})")
    base = int(b.optional_header.imagebase)
    mem_exec = lief.PE.Section.CHARACTERISTICS.MEM_EXECUTE
    sections = [Section(s.name, base + int(s.virtual_address), int(min(s.virtual_size or s.size, s.size) or s.size),
                        int(s.offset), s.has_characteristic(mem_exec)) for s in b.sections]
    kind = "shared" if b.header.has_characteristic(lief.PE.Header.CHARACTERISTICS.DLL) else "exe"
    program = Program(str(path), "PE", arch, kind, int(b.entrypoint), data, sections)
    for imp in b.imports:
        for e in imp.entries:
            name = e.name if not e.is_ordinal else f"{imp.name}#{e.ordinal}"
            if name:
                program.imports.append(name)
                program.import_at[base + int(e.iat_address)] = name
    program.imports = sorted(set(program.imports))
    program.libraries = sorted({imp.name.lower() for imp in b.imports})
    if b.has_exports:
        for e in b.get_export().entries:
            if e.name:
                program.exports.append(e.name)
                program.symbols.setdefault(base + int(e.address), e.name)
        program.exports = sorted(set(program.exports))
    for fn in b.functions:
        if fn.address:
            program.starts.add(int(fn.address) if int(fn.address) >= base else base + int(fn.address))
    _pdata(program, b, base)
    pe_sections = list(b.sections)
    for sym in getattr(b, "symbols", []):  # COFF symbols of an unstripped mingw build
        try:
            if not sym.is_function or not 0 < sym.section_idx <= len(
                    pe_sections):
                continue
            address = base + int(pe_sections[sym.section_idx - 1].virtual_address) + int(sym.value)
            name = sym.name
            if arch == "x86":  # cdecl's leading underscore and stdcall's "@bytes"
                name = name[1:] if name.startswith("_") else name
                name = name.split("@")[0] if "@" in name[1:] else name
            program.symbols.setdefault(address, name)
        except Exception:  # noqa: BLE001, S112
            continue
    if b.has_resources:
        program.resources = _resources(b)
    return program


def _pdata(program: Program, b, base: int) -> None:  # noqa: ANN001
    """Function starts and ends from the x64 exception table (``.pdata``: RUNTIME_FUNCTION triples)."""
    sec = next((s for s in b.sections if s.name == ".pdata"), None)
    if sec is None:
        return
    raw = bytes(sec.content)
    for k in range(0, len(raw) - 11, 12):
        begin, end, _unwind = struct.unpack_from("<III", raw, k)
        if begin and end > begin:
            program.starts.add(base + begin)
            program.sizes.setdefault(base + begin, end - begin)


def _resources(b) -> list[str]:  # noqa: ANN001
    import hashlib

    out = []

    def walk(node, trail: list[str]) -> None:  # noqa: ANN001
        if node.is_data:
            content = bytes(node.content)
            out.append("/".join(trail) + ":" + hashlib.sha256(content).hexdigest()[:16])
            return
        for child in node.childs:
            walk(child, [*trail, str(child.name or child.id)])

    try:
        walk(b.resources, [])
    except Exception:  # noqa: BLE001 - a damaged resource tree is noted by its absence
        return []
    return sorted(out)


# -- Mach-O ---------------------------------------------------------------------------------
_MACHO_ARCH = {"X86_64": "x86-64", "X86": "x86", "ARM64": "arm64", "ARM": "arm"}


def _macho(path: Path, data: bytes, b, lief) -> Program:  # noqa: ANN001
    if isinstance(b, lief.MachO.FatBinary):
        b = b.at(0)
    arch = _MACHO_ARCH.get(str(b.header.cpu_type).split(".")[-1])
    if arch is None:
        raise InputError(path, f"has an unsupported architecture ({b.header.cpu_type})")
    ftype = str(b.header.file_type).split(".")[-1]
    kind = {"OBJECT": "object", "DYLIB": "shared", "BUNDLE": "shared"}.get(ftype, "exe")
    sections = []
    for s in b.sections:
        executable = s.segment_name == "__TEXT" and s.name in ("__text", "__stubs", "__stub_helper")
        sections.append(Section(s.name, int(s.virtual_address), int(s.size), int(s.offset), executable))
    if kind == "object" and len({s.address for s in sections}) < len(sections):
        sections = _lay_out(sections)
    program = Program(str(path), "MachO", arch, kind, int(b.entrypoint) if kind != "object" else 0, data, sections)
    text = next((s for s in sections if s.name == "__text"), None)
    for sym in b.symbols:
        try:
            if sym.type is None or not sym.name or sym.numberof_sections == 0:
                continue
        except Exception:  # noqa: BLE001, S112
            continue
        address = int(sym.value)
        if text is not None and sym.numberof_sections == 1 + sections.index(text) and not sym.name.startswith("L"):
            program.symbols.setdefault(address, sym.name.lstrip("_") or sym.name)
    if b.has_function_starts:
        for offset in b.function_starts.functions:
            program.starts.add(int(b.imagebase) + int(offset))
    program.imports = sorted({f.name.lstrip("_") for f in b.imported_functions if f.name})
    program.exports = sorted({f.name.lstrip("_") for f in b.exported_functions if f.name})
    program.libraries = sorted({lib.name for lib in b.libraries})
    _macho_stubs(program, b)
    for r in b.relocations:
        try:
            if r.has_symbol and r.symbol.name and r.has_section:
                sec = next((s for s in sections if s.name == r.section.name), None)
                if sec is not None:
                    program.reloc_at[sec.address + int(r.address)] = r.symbol.name.lstrip("_")
        except Exception:  # noqa: BLE001, S112
            continue
    return program


def _macho_stubs(program: Program, b) -> None:  # noqa: ANN001 - LIEF type
    """Name the lazy and non-lazy pointer slots (dyld bindings) and the ``__stubs`` that jump through them."""
    slots: dict[int, str] = {}
    try:
        for binding in b.bindings:
            if binding.has_symbol and binding.symbol.name:
                slots[int(binding.address)] = binding.symbol.name.lstrip("_")
    except Exception:  # noqa: BLE001 - damaged binding opcodes: calls stay unnamed
        return
    program.import_at.update(slots)
    stubs = next((s for s in program.sections if s.name == "__stubs"), None)
    if stubs is None or not slots:
        return
    code = program.bytes_at(stubs.address, stubs.size)
    if program.arch == "x86-64":  # jmp qword ptr [rip + disp32]: FF 25 disp32
        for k in range(0, len(code) - 5, 6):
            if code[k:k + 2] == b"\xff\x25":
                (disp,) = struct.unpack_from("<i", code, k + 2)
                name = slots.get(stubs.address + k + 6 + disp)
                if name:
                    program.import_at[stubs.address + k] = name
    elif program.arch == "arm64":  # adrp x16, page; ldr x16, [x16, #off]; br x16
        for k in range(0, len(code) - 11, 12):
            adrp, ldr = struct.unpack_from("<II", code, k)
            if adrp & 0x9F000000 != 0x90000000 or ldr & 0xFFC00000 != 0xF9400000:
                continue
            imm = ((adrp >> 5) & 0x7FFFF) << 2 | (adrp >> 29) & 3
            imm = imm - (1 << 21) if imm & (1 << 20) else imm
            page = ((stubs.address + k) & ~0xFFF) + (imm << 12)
            name = slots.get(page + ((ldr >> 10) & 0xFFF) * 8)
            if name:
                program.import_at[stubs.address + k] = name
