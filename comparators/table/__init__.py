"""Data-table comparator (game data tables, configuration tables, SQL dumps and database schemas)."""

from comparators.table.comparator import TableComparator

__all__ = ["TableComparator"]
