"""Comparators: one sub-package per medium behind one protocol (see :mod:`comparators.base`).

``get(kind)`` returns a comparator, ``detect(path)`` picks the kind of a material. The
registry is a table of import paths, so importing this package stays cheap and a medium's
heavy dependencies load only when that medium is used.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

from comparators.base import Comparator, Comparison, Features, Match, Region
from comparators.errors import InputError

__all__ = ["Comparator", "Comparison", "Features", "InputError", "Match", "Region",
           "KINDS", "detect", "get", "resolve"]

# kind -> "module:Class"; order matters for detection (most specific first).
_REGISTRY: dict[str, str] = {
    "package": "comparators.package.compare:PackageComparator",
    "image": "comparators.image:ImageComparator",
    "audio": "comparators.audio:AudioComparator",
    "binary": "comparators.binary:BinaryComparator",
    "table": "comparators.table:TableComparator",
    "code": "comparators.code:CodeComparator",
    "text": "comparators.text:TextComparator",
}
KINDS: tuple[str, ...] = tuple(_REGISTRY)
_DETECTION_ORDER: tuple[str, ...] = ("package", "binary", "image", "audio", "table", "code", "text")


def get(kind: str, **params: Any) -> Comparator:
    """A comparator for ``kind`` (``code``, ``text``, ``package``, ...) with ``params``."""
    try:
        target = _REGISTRY[kind]
    except KeyError:
        raise ValueError(f"unknown kind {kind!r}; known kinds: {', '.join(KINDS)}") from None
    module_name, _, class_name = target.partition(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls(**params)


def resolve(kind: str, *paths: str | Path) -> tuple[str, dict[str, Any]]:
    """Which comparator (name and constructor arguments) compares ``paths`` as ``kind``.

    ``auto`` detects each path: any folder or archive makes it a package comparison,
    otherwise the common kind (``text`` when kinds differ). An explicit member kind such
    as ``code`` given with a folder or archive compares the two as packages whose files of
    that kind are compared (the others by hash only).
    """
    if kind == "auto":
        kinds = {detect(p) for p in paths}
        if "package" in kinds:
            return "package", {}
        return (kinds.pop() if len(kinds) == 1 else "text"), {}
    if kind not in _REGISTRY:
        raise InputError(kind, f"unknown kind; known kinds: {', '.join(KINDS)}")
    if kind != "package" and any(get("package").accepts(Path(p)) for p in paths):
        return "package", {"member_kinds": (kind,)}
    return kind, {}


def detect(path: str | Path) -> str:
    """The kind of the material at ``path``; raises InputError when nothing accepts it."""
    p = Path(path)
    if not p.exists() and not p.is_symlink():
        raise InputError(p, "does not exist")
    for kind in _DETECTION_ORDER:
        if get(kind).accepts(p):
            return kind
    raise InputError(p, "no comparator accepts this file (unknown or unsupported kind)")
