"""Binary programs (ELF, PE, Mach-O): function-level comparison and plug-in indicators."""

from comparators.binary.comparator import BinaryComparator

__all__ = ["BinaryComparator"]
