"""The package medium: folders and archives compared file by file.

- :mod:`comparators.package.archive` reads zip/tar/7z archives and folders safely; every
  safety limit (path escapes, links, size, count, ratio, encryption) is in that one module.
- :mod:`comparators.package.compare` pairs the files of two packages (identical by SHA-256,
  similar by signature) and hands each pair to the comparator of its kind.

Like every comparator, this package imports nothing from :mod:`appraisal`.
"""

from comparators.package.archive import ArchiveLimits, Member, extract_archive, is_archive, walk_tree
from comparators.package.compare import MEMBER_KINDS, PackageComparator

__all__ = ["ArchiveLimits", "MEMBER_KINDS", "Member", "PackageComparator", "extract_archive", "is_archive",
           "walk_tree"]
