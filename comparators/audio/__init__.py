"""Audio comparator: recordings by landmark alignment, musical works by chroma alignment (:mod:`.comparator`)."""

from comparators.audio.comparator import AudioComparator

__all__ = ["AudioComparator"]
