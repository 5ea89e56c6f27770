"""The comparator contract shared by every medium (DESIGN.md, "Comparator").

A comparator turns a material into :class:`Features` (pure, deterministic, serialisable)
and two feature sets into a :class:`Comparison`. Every value object here round-trips
through canonical JSON, so the same inputs and parameters give byte-identical output.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable

from comparators.canonical import canonical_json


@dataclass(frozen=True)
class Region:
    """A located part of a material. Fields that do not apply to a medium stay ``None``.

    Text and code use ``start_line``/``end_line`` (1-based, inclusive) and
    ``start_char``/``end_char`` (Unicode code points, end exclusive); images use
    ``polygon`` (pixel coordinates); audio ``start_s``/``end_s`` (+ ``factor``);
    binaries ``function``/``section`` and ``address`` (start, end).
    """

    path: str
    start_line: int | None = None
    end_line: int | None = None
    start_char: int | None = None
    end_char: int | None = None
    polygon: tuple[tuple[float, float], ...] | None = None
    start_s: float | None = None
    end_s: float | None = None
    factor: float | None = None
    function: str | None = None
    section: str | None = None
    address: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain dict without the fields that do not apply."""
        out: dict[str, Any] = {}
        for name in _REGION_FIELDS:
            value = getattr(self, name)
            if value is not None:
                out[name] = [list(p) for p in value] if name == "polygon" else (
                    list(value) if name == "address" else value)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Region:
        """Inverse of :meth:`to_dict`."""
        kwargs = dict(data)
        if kwargs.get("polygon") is not None:
            kwargs["polygon"] = tuple(tuple(p) for p in kwargs["polygon"])
        if kwargs.get("address") is not None:
            kwargs["address"] = tuple(kwargs["address"])
        return cls(**kwargs)


_REGION_FIELDS = tuple(f.name for f in fields(Region))


@dataclass(frozen=True)
class Match:
    """One matched part: a region in A, a region in B, a score and a category."""

    id: str
    score: float
    category: str
    a: Region
    b: Region
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "score": self.score, "category": self.category,
               "a": self.a.to_dict(), "b": self.b.to_dict()}
        if self.detail:
            out["detail"] = self.detail
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Match:
        return cls(id=data["id"], score=data["score"], category=data["category"],
                   a=Region.from_dict(data["a"]), b=Region.from_dict(data["b"]),
                   detail=data.get("detail", {}))


@dataclass(frozen=True)
class Exclusion:
    """A match (or file) removed by filtration, kept with the reason it was removed."""

    reason: str
    a: Region | None = None
    b: Region | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"reason": self.reason}
        if self.a is not None:
            out["a"] = self.a.to_dict()
        if self.b is not None:
            out["b"] = self.b.to_dict()
        if self.detail:
            out["detail"] = self.detail
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Exclusion:
        return cls(reason=data["reason"],
                   a=Region.from_dict(data["a"]) if "a" in data else None,
                   b=Region.from_dict(data["b"]) if "b" in data else None,
                   detail=data.get("detail", {}))


@dataclass(frozen=True)
class MaterialRef:
    """Which material a side of a comparison is: its path as given and its SHA-256."""

    path: str
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256}


@dataclass(frozen=True)
class ComparatorInfo:
    """Name, version and every result-changing parameter of a comparator."""

    name: str
    version: str
    params: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "version": self.version, "params": self.params}


@dataclass(frozen=True)
class Signature:
    """A retrieval signature (MinHash or winnowing) with the scheme that made it."""

    scheme: str
    seed: int
    values: tuple[int, ...]
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"scheme": self.scheme, "seed": self.seed, "values": list(self.values),
                "params": self.params}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Signature:
        return cls(scheme=data["scheme"], seed=data["seed"], values=tuple(data["values"]),
                   params=data.get("params", {}))


@dataclass(frozen=True)
class Features:
    """What a comparator extracted from one material: serialisable, shippable to workers.

    ``data`` holds the detailed representation needed for alignment (comparator-specific,
    JSON-compatible); ``notes`` records problems met while reading (e.g. a parse error).
    """

    kind: str
    path: str
    sha256: str
    comparator: ComparatorInfo
    signature: Signature | None
    data: dict[str, Any]
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": self.path, "sha256": self.sha256,
                "comparator": self.comparator.to_dict(),
                "signature": self.signature.to_dict() if self.signature else None,
                "data": self.data, "notes": list(self.notes)}

    def to_json(self) -> str:
        """Canonical JSON text."""
        return canonical_json(self.to_dict())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Features:
        info = data["comparator"]
        sig = data.get("signature")
        return cls(kind=data["kind"], path=data["path"], sha256=data["sha256"],
                   comparator=ComparatorInfo(info["name"], info["version"], info["params"]),
                   signature=Signature.from_dict(sig) if sig else None,
                   data=data["data"], notes=tuple(data.get("notes", ())))

    @classmethod
    def from_json(cls, text: str) -> Features:
        return cls.from_dict(json.loads(text))


@dataclass(frozen=True)
class Comparison:
    """The result of comparing two materials (the JSON shape scripts rely on)."""

    kind: str
    score: float
    coverage_a: float
    coverage_b: float
    comparator: ComparatorInfo
    a: MaterialRef
    b: MaterialRef
    matches: tuple[Match, ...] = ()
    excluded: tuple[Exclusion, ...] = ()
    notes: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {"kind": self.kind, "score": self.score, "coverage_a": self.coverage_a,
               "coverage_b": self.coverage_b, "comparator": self.comparator.to_dict(),
               "a": self.a.to_dict(), "b": self.b.to_dict(),
               "matches": [m.to_dict() for m in self.matches],
               "excluded": [e.to_dict() for e in self.excluded],
               "notes": list(self.notes)}
        for key, value in self.extra.items():
            out.setdefault(key, value)
        return out

    def to_json(self) -> str:
        """Canonical JSON text: same comparison -> same bytes."""
        return canonical_json(self.to_dict())

    _CORE: ClassVar[frozenset[str]] = frozenset(
        {"kind", "score", "coverage_a", "coverage_b", "comparator", "a", "b", "matches",
         "excluded", "notes"})

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comparison:
        info = data["comparator"]
        return cls(kind=data["kind"], score=data["score"], coverage_a=data["coverage_a"],
                   coverage_b=data["coverage_b"],
                   comparator=ComparatorInfo(info["name"], info["version"], info["params"]),
                   a=MaterialRef(**data["a"]), b=MaterialRef(**data["b"]),
                   matches=tuple(Match.from_dict(m) for m in data.get("matches", ())),
                   excluded=tuple(Exclusion.from_dict(e) for e in data.get("excluded", ())),
                   notes=tuple(data.get("notes", ())),
                   extra={k: v for k, v in data.items() if k not in cls._CORE})

    @classmethod
    def from_json(cls, text: str) -> Comparison:
        return cls.from_dict(json.loads(text))


@runtime_checkable
class Comparator(Protocol):
    """The protocol every medium implements (``comparators/<medium>``)."""

    name: str
    version: str

    @property
    def params(self) -> dict[str, Any]:
        """Every setting that changes a result; it goes into the report."""
        ...

    def accepts(self, path: Path) -> bool:
        """Whether this comparator can read ``path`` (used by kind detection)."""
        ...

    def extract(self, path: Path) -> Features:
        """Read ``path`` and return its features (raises InputError for bad input)."""
        ...

    def compare(self, fa: Features, fb: Features) -> Comparison:
        """Compare two feature sets; ``score`` in [0, 1], higher = more likely copied."""
        ...

    def info(self) -> ComparatorInfo:
        """Name, version and params as one value."""
        ...
