"""Derived data (lexicons, indexes) cached on disk, keyed by the version of what they derive from.

Building such data from an installed package's files can cost a noticeable share of a second;
loading the pickled result costs milliseconds. The cache lives in ``$XDG_CACHE_HOME/appraisal``
(default ``~/.cache/appraisal``); a read-only home only costs a rebuild next time. The key must
change whenever the source data or the building code changes (package version + a code tag).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    """Where derived data is cached."""
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "appraisal"


def cached(key: str, build: Callable[[], T]) -> T:
    """The pickled value stored under ``key``, built (and stored) when missing or unreadable."""
    path = cache_dir() / f"{key}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, ValueError, AttributeError):
        pass
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass
    return value
