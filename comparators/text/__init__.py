"""Literary-text comparator."""

from comparators.text.comparator import TextComparator

__all__ = ["TextComparator"]
