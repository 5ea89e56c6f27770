"""The shape of a function's control-flow graph: basic blocks, edges and loops.

Computed from the linear sweep of the function's bytes: a block starts at the function's first
instruction, at the target of every direct branch inside the function, and after every branch
or return. A block ending in a conditional branch has two successors, in an unconditional
branch one (none when it leaves the function: a tail call), in a return none, otherwise it
falls through to the next block. An edge to an address at or before its source is a back edge
(a loop). Indirect jumps (jump tables) add no edge they cannot name.

BinDiff and BSim use this shape beside the instructions: two functions whose instructions look
alike but whose graphs differ (a loop against straight-line code) are rarely the same function.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from comparators.binary import disasm

UNCONDITIONAL = frozenset({"jmp", "b", "b.al", "bal"})


@dataclass(frozen=True)
class Shape:
    """Blocks, edges and back edges (loops) of one function's control-flow graph."""

    blocks: int = 1
    edges: int = 0
    loops: int = 0


def _conditional(insn: disasm.Insn) -> bool:
    return disasm.is_branch(insn) and insn.mnemonic not in UNCONDITIONAL and insn.mnemonic not in ("br", "bx")


def shape(body: Sequence[disasm.Insn], start: int, end: int) -> Shape:
    """The control-flow shape of the function spanning ``[start, end)`` with instructions ``body``."""
    if not body:
        return Shape()
    leaders = {body[0].address}
    for k, insn in enumerate(body):
        if disasm.is_branch(insn) or disasm.is_return(insn):
            target = disasm.direct_target(insn)
            if target is not None and start <= target < end:
                leaders.add(target)
            if k + 1 < len(body):
                leaders.add(body[k + 1].address)
    addresses = {i.address for i in body}
    leaders &= addresses
    blocks = edges = loops = 0
    for k, insn in enumerate(body):
        if insn.address in leaders:
            blocks += 1
        last = k + 1 == len(body) or body[k + 1].address in leaders
        if not last:
            continue
        successors: list[int] = []
        if disasm.is_return(insn):
            pass
        elif disasm.is_branch(insn):
            target = disasm.direct_target(insn)
            if target is not None and target in leaders:
                successors.append(target)
            if _conditional(insn) and k + 1 < len(body):
                successors.append(body[k + 1].address)
        elif k + 1 < len(body):
            successors.append(body[k + 1].address)
        edges += len(successors)
        loops += sum(1 for s in successors if s <= insn.address)
    return Shape(max(1, blocks), edges, loops)


def agreement(x: Shape, y: Shape) -> float:
    """How alike two shapes are, in [0, 1]: the mean ratio (smaller + 1) / (larger + 1) of the three counts."""
    def ratio(p: int, q: int) -> float:
        return (min(p, q) + 1) / (max(p, q) + 1)

    return (ratio(x.blocks, y.blocks) + ratio(x.edges, y.edges) + ratio(x.loops, y.loops)) / 3
