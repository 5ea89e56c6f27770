"""Writing documents and pair records: opaque seed-derived file names, one file per distinct text."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Any

from pairs import Pair
from scripts import encode


def seed_for(seed: int, *parts: object) -> int:
    """A stable 64-bit seed derived from the split seed and a job's identity (no ``hash()``)."""
    return int.from_bytes(hashlib.sha256("|".join(map(str, (seed,) + parts)).encode()).digest()[:8], "big")


class Writer:
    """Writes ``<folder>/<12 hex>.txt`` files under ``root`` and remembers what each one is."""

    def __init__(self, root: Path, seed: int, folder: str = "docs") -> None:
        self.root = root
        self.seed = seed
        self.folder = folder
        self.paths: dict[str, str] = {}
        self.meta: dict[str, dict[str, Any]] = {}

    def put(self, key: str, text: str, encoding: str, meta: dict[str, Any]) -> str:
        """Path (relative to ``root``) of the file holding ``text`` in ``encoding``; written once per key."""
        if key in self.paths:
            return self.paths[key]
        name = hashlib.sha256(f"{self.seed}|{key}".encode()).hexdigest()[:12]
        rel = f"{self.folder}/{name}.txt"
        if rel in self.meta:
            raise ValueError(f"file name collision for {key}")
        data = encode(text, encoding)
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.paths[key] = rel
        self.meta[rel] = {"path": rel, "encoding": encoding, "chars": len(text),
                          "sha256": hashlib.sha256(data).hexdigest()} | meta
        return rel

    def write_pair(self, pair: Pair, pair_id: str) -> dict[str, Any]:
        """Write A and B of ``pair``; returns its ``pairs.jsonl`` record."""
        a = pair.a_doc
        a_meta = {"role": "original", "doc": a.key, "work": a.work, "author": a.author, "genre": a.genre,
                  "lang": a.lang, "script": pair.script_a, "chapters": a.title}
        tw_a = pair.taiwan and pair.script_a == "traditional"
        tw_b = pair.taiwan and pair.script_b == "traditional"
        a_rel = self.put(f"orig|{a.key}|{pair.script_a}|{tw_a}|utf-8", pair.a_text, "utf-8",
                         a_meta | {"taiwan_forms": tw_a})
        b = pair.b_doc
        if b is not None:
            b_meta = {"role": "original", "doc": b.key, "work": b.work, "author": b.author, "genre": b.genre,
                      "lang": b.lang, "script": pair.script_b, "chapters": b.title,
                      "taiwan_forms": tw_b}
            b_rel = self.put(f"orig|{b.key}|{pair.script_b}|{tw_b}|{pair.encoding_b}", pair.b_text,
                             pair.encoding_b, b_meta)
        else:
            b_meta = {"role": "suspicious", "pair": pair_id, "lang": pair.lang, "script": pair.script_b,
                      "taiwan_forms": tw_b} | pair.provenance
            b_rel = self.put(f"pair|{pair.key}|b", pair.b_text, pair.encoding_b, b_meta)
        return {"id": pair_id, "a": a_rel, "b": b_rel, "label": pair.label, "lang": pair.lang,
                "obfuscation": pair.obfuscation, "strength": pair.strength, "encoding_b": pair.encoding_b,
                "script_a": pair.script_a, "script_b": pair.script_b, "cases": [c.record() for c in pair.cases]}

    def documents(self) -> list[dict[str, Any]]:
        """What every written file is, sorted by path."""
        return [self.meta[k] for k in sorted(self.meta)]


def assign_ids(pairs: list[Pair], seed: int, prefix: str = "") -> list[tuple[str, Pair]]:
    """Pair ids ``<prefix><lang>-00001``... in a seeded random order per language (ids leak no label)."""
    out: list[tuple[str, Pair]] = []
    for lang in sorted({p.lang for p in pairs}):
        group = sorted((p for p in pairs if p.lang == lang), key=lambda p: p.key)
        random.Random(seed_for(seed, "ids", prefix, lang)).shuffle(group)
        out.extend((f"{prefix}{lang}-{i + 1:05d}", p) for i, p in enumerate(group))
    return sorted(out, key=lambda x: x[0])


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    """One JSON object per line, keys in a fixed order, UTF-8 without escapes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
