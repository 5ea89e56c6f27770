"""Reading a split written by the generator: ``<data>/<split>/pairs.jsonl`` and its manifest.

Each line of ``pairs.jsonl`` is one labelled pair: ``id``, ``a``, ``b`` (paths relative to the
split folder; A is the source, B the suspicious document), ``label`` (1 copy, 0 independent),
``lang``, ``obfuscation`` (a disguise for positives, ``neg-…`` for negatives), ``strength``,
``encoding_b``, ``script_a``, ``script_b`` and ``cases`` — the copied passages as code-point
ranges ``a_start, a_end, b_start, b_end`` (end exclusive) of the decoded texts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plagdet import Range4

REQUIRED = ("id", "a", "b", "label", "lang", "obfuscation", "cases")


@dataclass(frozen=True)
class Pair:
    """One labelled pair of a split."""

    id: str
    a: str
    b: str
    label: int
    lang: str
    obfuscation: str
    strength: int
    cases: tuple[Range4, ...]
    extra: tuple[tuple[str, Any], ...] = ()
    case_kinds: tuple[str, ...] = ()  # each case's obfuscation (a ``separate`` pair mixes several)

    @property
    def negative_type(self) -> str | None:
        """The kind of negative (``neg-same-author`` …), ``None`` for a positive."""
        return self.obfuscation if self.label == 0 else None


def parse_pair(row: dict[str, Any], where: str) -> Pair:
    """A :class:`Pair` from one JSON object of ``pairs.jsonl`` (``where`` names it in errors)."""
    missing = [k for k in REQUIRED if k not in row]
    if missing:
        raise SystemExit(f"{where}: missing keys {', '.join(missing)}")
    cases = tuple((int(c["a_start"]), int(c["a_end"]), int(c["b_start"]), int(c["b_end"])) for c in row["cases"])
    known = {*REQUIRED, "strength"}
    extra = tuple(sorted((k, v) for k, v in row.items() if k not in known and not isinstance(v, (list, dict))))
    kinds = tuple(str(c.get("obfuscation", row["obfuscation"])) for c in row["cases"])
    return Pair(str(row["id"]), row["a"], row["b"], int(row["label"]), row["lang"], row["obfuscation"],
                int(row.get("strength") or 0), cases, extra, kinds)


def load_pairs(path: Path, limit: int | None = None) -> list[Pair]:
    """The pairs of a ``pairs.jsonl`` file.

    With ``limit``, ``limit`` pairs evenly spaced through the file (the file may be sorted by
    label or obfuscation, so its first lines would not be a fair sample).
    """
    if not path.is_file():
        raise SystemExit(f"no such file: {path} (generate the data first, see benchmarks/text/README.md)")
    with path.open(encoding="utf-8") as handle:
        pairs = [parse_pair(json.loads(line), f"{path}:{n}")
                 for n, line in enumerate(handle, start=1) if line.strip()]
    if limit is not None and limit < len(pairs):
        pairs = [pairs[i * len(pairs) // limit] for i in range(limit)]
    ids = [p.id for p in pairs]
    if len(set(ids)) != len(ids):
        raise SystemExit(f"{path}: duplicate pair ids")
    return pairs


def load_split(data_dir: Path, split: str, limit: int | None = None) -> list[Pair]:
    """The pairs of ``<data_dir>/<split>/pairs.jsonl``."""
    return load_pairs(data_dir / split / "pairs.jsonl", limit)


def load_manifest(data_dir: Path, split: str) -> dict[str, Any]:
    """``manifest.json`` of a split (empty when absent)."""
    path = data_dir / split / "manifest.json"
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))
