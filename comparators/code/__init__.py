"""Source-code comparator."""

from comparators.code.comparator import CodeComparator

__all__ = ["CodeComparator"]
