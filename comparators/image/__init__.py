"""Image comparator: verified local features, located regions, calibrated score (see :mod:`.comparator`)."""

from comparators.image.comparator import ImageComparator

__all__ = ["ImageComparator"]
