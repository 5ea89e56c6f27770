"""The literary-text comparator: passages aligned on normalised word/character tokens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from comparators.base import ComparatorInfo, Comparison, Features, Match, MaterialRef, Signature
from comparators.errors import InputError
from comparators.fingerprint import minhash
from comparators.fingerprint.fragments import merge_runs
from comparators.fingerprint.tiling import tile
from comparators.fingerprint.tokens import hash_tokens, kgram_hashes
from comparators.hashing import sha256_bytes
from comparators.text.tokenize import tokens
from comparators.textio import DecodedText, decode_bytes, line_starts, read_text, text_region

TEXT_EXTENSIONS = frozenset({".txt", ".md", ".text", ".csv", ".tsv", ".html", ".htm", ".xml",
                             ".json", ".yaml", ".yml", ".ini", ".cfg", ".conf", ".rst", ".srt",
                             ".log", ".toml", ".properties", ".lst"})


class TextComparator:
    """Compare texts as sequences of normalised tokens (CJK characters, Latin words).

    Parameters: ``min_match`` (tokens in the shortest reported passage), ``max_gap``
    (tokens of edits bridged inside one passage), ``shingle``, ``num_perm``, ``seed``
    (MinHash retrieval signature), ``max_bytes`` (size cap).
    """

    name = "text"
    version = "0.1.0"

    def __init__(self, min_match: int = 8, max_gap: int = 6, shingle: int = 4,
                 num_perm: int = 128, seed: int = 1, max_bytes: int = 64 * 1024 * 1024) -> None:
        self.min_match = min_match
        self.max_gap = max_gap
        self.shingle = shingle
        self.num_perm = num_perm
        self.seed = seed
        self.max_bytes = max_bytes

    @property
    def params(self) -> dict[str, Any]:
        return {"tokens": "nfkc-casefold cjk-char latin-word", "min_match": self.min_match,
                "max_gap": self.max_gap, "shingle": self.shingle, "num_perm": self.num_perm,
                "seed": self.seed, "max_bytes": self.max_bytes,
                "signature_scheme": minhash.SCHEME}

    def info(self) -> ComparatorInfo:
        return ComparatorInfo(self.name, self.version, self.params)

    def accepts(self, path: Path) -> bool:
        path = Path(path)
        if not path.is_file():
            return False
        if path.suffix.lower() in TEXT_EXTENSIONS:
            return True
        try:
            with path.open("rb") as handle:
                head = handle.read(65536)
            decode_bytes(head, path)
        except (OSError, InputError):
            return False
        return bool(head)

    def extract(self, path: Path, display_path: str | None = None) -> Features:
        path = Path(path)
        decoded = read_text(path, self.max_bytes)
        return self._features(decoded, display_path or str(path), sha256_bytes(path.read_bytes()))

    def extract_bytes(self, data: bytes, display_path: str) -> Features:
        """Features of in-memory file content (e.g. an archive member)."""
        return self._features(decode_bytes(data, display_path), display_path, sha256_bytes(data))

    def _features(self, decoded: DecodedText, display_path: str, sha256: str) -> Features:
        toks, starts, ends = tokens(decoded.text)
        ids = hash_tokens(toks)
        sig = minhash.signature(kgram_hashes(ids, self.shingle), self.num_perm, self.seed)
        data = {"encoding": decoded.encoding, "chars": len(decoded.text),
                "line_starts": line_starts(decoded.text).tolist(),
                "tokens": ids.tolist(), "start": starts, "end": ends}
        notes = () if toks else ("no words or characters found",)
        return Features(kind=self.name, path=display_path, sha256=sha256, comparator=self.info(),
                        signature=Signature(minhash.SCHEME, self.seed, tuple(sig.tolist()),
                                            {"num_perm": self.num_perm, "shingle": self.shingle}),
                        data=data, notes=notes)

    def compare(self, fa: Features, fb: Features) -> Comparison:
        da, db = fa.data, fb.data
        ids_a = np.array(da["tokens"], dtype=np.uint64)
        ids_b = np.array(db["tokens"], dtype=np.uint64)
        tiles = tile(ids_a, ids_b, k=min(self.min_match, self.shingle), min_len=self.min_match)
        fragments = merge_runs(tiles, self.max_gap)
        starts_a = np.array(da["line_starts"], dtype=np.int64)
        starts_b = np.array(db["line_starts"], dtype=np.int64)
        matches = []
        for seq, frag in enumerate(fragments, start=1):
            region_a = text_region(fa.path, starts_a, da["start"][frag.a_start], da["end"][frag.a_end - 1])
            region_b = text_region(fb.path, starts_b, db["start"][frag.b_start], db["end"][frag.b_end - 1])
            category = "verbatim" if len(frag.runs) == 1 else "edited"
            matches.append(Match(id=f"F-text-{seq:04d}", score=round(frag.similarity, 4),
                                 category=category, a=region_a, b=region_b,
                                 detail={"tokens_a": frag.a_end - frag.a_start,
                                         "tokens_b": frag.b_end - frag.b_start,
                                         "tokens_matched": frag.matched}))
        chars_a = _covered_chars(fragments, da, "a")
        chars_b = _covered_chars(fragments, db, "b")
        matched = sum(t.length for t in tiles)
        na, nb = len(ids_a), len(ids_b)
        return Comparison(
            kind=self.name,
            score=(2 * matched) / (na + nb) if na + nb else 0.0,
            coverage_a=chars_a / da["chars"] if da["chars"] else 0.0,
            coverage_b=chars_b / db["chars"] if db["chars"] else 0.0,
            comparator=self.info(),
            a=MaterialRef(fa.path, fa.sha256), b=MaterialRef(fb.path, fb.sha256),
            matches=tuple(matches),
            notes=tuple(f"{side}: {n}" for side, f in (("A", fa), ("B", fb)) for n in f.notes),
            extra={"units": {"name": "characters", "a": da["chars"], "b": db["chars"],
                             "matched_a": chars_a, "matched_b": chars_b}},
        )


def _covered_chars(fragments: list, data: dict[str, Any], side: str) -> int:
    """Characters of one side inside matched passages."""
    total = 0
    for frag in fragments:
        first, last = (frag.a_start, frag.a_end) if side == "a" else (frag.b_start, frag.b_end)
        total += data["end"][last - 1] - data["start"][first]
    return total
