"""Disassembly of a program's code sections (capstone, linear sweep) and instruction normalisation.

An instruction is normalised to its mnemonic and the kinds of its operands, so register
allocation, addresses and stack offsets (what a recompile changes) drop out:
``mov rax, qword ptr [rbp - 0x18]`` becomes ``mov r,m`` and ``add w0, w0, #0x1f`` becomes
``add r,r,i``. Immediates that look like constants of the program (not addresses, not small
offsets) are kept separately as constants; call targets, referenced addresses (x86
RIP-relative operands, arm64 ``adrp``+``add`` pairs) and branches are read from the operands.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from comparators.binary.read import Program, Section

CALLS = frozenset({"call", "bl", "blx", "callq"})
RETURNS = frozenset({"ret", "retq", "retn", "bx lr"})
_HEX = re.compile(r"^#?(-?0x[0-9a-f]+|-?\d+)$")
_RIP = re.compile(r"\[rip ([+-]) (0x[0-9a-f]+)\]")
_ABS_MEM = re.compile(r"\[(0x[0-9a-f]+)\]")
_IMM = re.compile(r"(?:^|[\s,#\[])(-?0x[0-9a-f]+|-?\d+)\b")
BRANCH_PREFIXES = ("j", "b.", "cb", "tb", "loop")
BRANCHES_ARM = frozenset({"b", "bx", "br", "beq", "bne", "bgt", "blt", "bge", "ble", "bhi", "blo", "bhs", "bls",
                          "bmi", "bpl", "bcs", "bcc", "bvs", "bvc", "cbz", "cbnz", "tbz", "tbnz"})
MAX_INSTRUCTIONS = 3_000_000


@dataclass(frozen=True)
class Insn:
    """One decoded instruction: address, size, mnemonic, operand text."""

    address: int
    size: int
    mnemonic: str
    op_str: str


def _engine(arch: str, thumb: bool = False):  # noqa: ANN202 - capstone type
    import capstone as cs

    mode = {"x86": (cs.CS_ARCH_X86, cs.CS_MODE_32), "x86-64": (cs.CS_ARCH_X86, cs.CS_MODE_64),
            "arm": (cs.CS_ARCH_ARM, cs.CS_MODE_THUMB if thumb else cs.CS_MODE_ARM),
            "arm64": (cs.CS_ARCH_ARM64, cs.CS_MODE_ARM)}[arch]
    return cs.Cs(*mode)


def uses_thumb(program: Program) -> bool:
    """An ARM program whose entry or function symbols are odd addresses is Thumb code."""
    return program.arch == "arm" and bool(program.entry & 1 or program.kind == "object")


def sweep(program: Program, section: Section, limit: int = MAX_INSTRUCTIONS) -> Iterator[Insn]:
    """Linear sweep of one code section; undecodable bytes are skipped (data islands, padding)."""
    engine = _engine(program.arch, uses_thumb(program))
    code = program.bytes_at(section.address, section.size)
    step = 2 if program.arch == "arm" and uses_thumb(program) else (4 if program.arch in ("arm", "arm64") else 1)
    offset, count = 0, 0
    while offset < len(code) and count < limit:
        progressed = False
        for address, size, mnemonic, op_str in engine.disasm_lite(code[offset:], section.address + offset):
            yield Insn(address, size, mnemonic, op_str)
            offset += size
            count += 1
            progressed = True
            if count >= limit:
                return
        if not progressed or offset < len(code):
            offset += step


def operands(op_str: str) -> list[str]:
    """Split an operand string at top-level commas (not inside brackets or braces)."""
    out, depth, cur = [], 0, []
    for ch in op_str:
        if ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
        if ch == "," and depth == 0:
            out.append("".join(cur).strip())
            cur = []
        else:
            cur.append(ch)
    if cur and "".join(cur).strip():
        out.append("".join(cur).strip())
    return out


def kind_of(operand: str) -> str:
    """``m`` memory, ``i`` immediate, ``r`` register (anything else, e.g. shifts, counts as ``r``)."""
    if "[" in operand or "ptr" in operand:
        return "m"
    if _HEX.match(operand.strip()):
        return "i"
    return "r"


def normalise(insn: Insn) -> str:
    """``mnemonic kinds``: the instruction with registers, addresses and offsets abstracted."""
    kinds = ",".join(kind_of(o) for o in operands(insn.op_str))
    return f"{insn.mnemonic} {kinds}" if kinds else insn.mnemonic


def is_call(insn: Insn) -> bool:
    return insn.mnemonic in CALLS


def is_branch(insn: Insn) -> bool:
    m = insn.mnemonic
    if m in CALLS:
        return False
    return m.startswith(("j", "b.", "loop")) or m in BRANCHES_ARM or m.startswith(("cb", "tb"))


def is_return(insn: Insn) -> bool:
    return insn.mnemonic in ("ret", "retq", "retn") or (insn.mnemonic == "bx" and insn.op_str == "lr") or (
        insn.mnemonic == "pop" and "pc" in insn.op_str)


def direct_target(insn: Insn) -> int | None:
    """The target of a direct call or branch (``call 0x1140``, ``bl #0x7a4``), else None."""
    ops = operands(insn.op_str)
    if len(ops) == 0:
        return None
    last = ops[-1].strip().lstrip("#")
    if re.fullmatch(r"0x[0-9a-f]+", last):
        return int(last, 16)
    return None


def memory_target(insn: Insn) -> int | None:
    """The absolute address a RIP-relative (or absolute) memory operand refers to."""
    m = _RIP.search(insn.op_str)
    if m:
        disp = int(m.group(2), 16)
        return insn.address + insn.size + (disp if m.group(1) == "+" else -disp)
    m = _ABS_MEM.search(insn.op_str)
    if m and insn.mnemonic in ("call", "jmp", "mov", "push", "lea"):
        return int(m.group(1), 16)
    return None


def immediates(insn: Insn) -> list[int]:
    """Immediate values in the operands (not memory displacements)."""
    out = []
    for op in operands(insn.op_str):
        if kind_of(op) == "i":
            text = op.strip().lstrip("#")
            try:
                out.append(int(text, 16) if "0x" in text else int(text))
            except ValueError:
                continue
    return out
