"""On-disk cache of per-pair results: ``<work>/cache/<tool>-<tool key>.jsonl``.

A line holds one pair's result under the key ``sha256(A bytes)[:16] + sha256(B bytes)[:16]``;
the tool key (see ``tools.cache_key``) covers the tool's name, version, params and source
code, so a rerun with anything changed starts a new file and an unchanged rerun is instant.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=65536)
def file_digest(path: str) -> str:
    """First 16 hex digits of the SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]


def pair_key(a: Path, b: Path) -> str:
    """Cache key of a pair of documents (by content, not by name)."""
    return file_digest(str(a)) + file_digest(str(b))


class PairCache:
    """Results of one tool (one tool key) by pair key, appended as they are computed."""

    def __init__(self, folder: Path, tool: str, key: str, enabled: bool = True) -> None:
        self.path = folder / f"{tool}-{key}.jsonl"
        self.enabled = enabled
        self.items: dict[str, dict[str, Any]] = {}
        if enabled and self.path.is_file():
            with self.path.open(encoding="utf-8") as handle:
                for line in handle:
                    try:
                        row = json.loads(line)
                    except ValueError:
                        continue  # a line cut by a crash
                    self.items[row.pop("key")] = row

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached result of a pair, or ``None``."""
        return self.items.get(key) if self.enabled else None

    def put_many(self, rows: dict[str, dict[str, Any]]) -> None:
        """Remember new results (failed pairs are not cached, so they are retried)."""
        fresh = {k: v for k, v in rows.items() if v.get("error") is None}
        self.items.update(fresh)
        if not self.enabled or not fresh:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as handle:
            for key, row in fresh.items():
                handle.write(json.dumps({"key": key, **row}, sort_keys=True, ensure_ascii=False) + "\n")
