"""SHA-256 helpers shared by the comparators.

Files are read in 1 MiB chunks so that hashing a large file never holds it in memory.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK_SIZE = 1 << 20
"""Read size used when streaming file contents (1 MiB)."""


def sha256_bytes(data: bytes) -> str:
    """Return the lowercase hexadecimal SHA-256 digest of ``data``."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """Return the lowercase hexadecimal SHA-256 digest of the file at ``path``.

    The file is streamed in :data:`CHUNK_SIZE` chunks. ``OSError`` (missing file,
    permission denied, ...) propagates to the caller, which knows how to report it.
    """
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digest.update(chunk)
    return digest.hexdigest()
