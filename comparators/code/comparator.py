"""The source-code comparator (lexical reader, winnowing-free greedy tiling)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from comparators.base import ComparatorInfo, Comparison, Features, Match, MaterialRef, Signature
from comparators.code.languages import language_of
from comparators.code.lexer import lex, normalised
from comparators.fingerprint import minhash
from comparators.fingerprint.fragments import Fragment, merge_runs
from comparators.fingerprint.tiling import tile
from comparators.fingerprint.tokens import hash_tokens, kgram_hashes
from comparators.hashing import sha256_bytes
from comparators.textio import decode_bytes, line_starts, read_text, text_region


class CodeComparator:
    """Compare source files as token streams with names and literals abstracted.

    Parameters: ``min_match`` (tokens in the shortest reported run), ``max_gap`` (tokens of
    inserted/changed code bridged when merging runs into one fragment), ``shingle``,
    ``num_perm`` and ``seed`` (MinHash retrieval signature), ``max_bytes`` (size cap).
    """

    name = "code"
    version = "0.1.0"

    def __init__(self, min_match: int = 12, max_gap: int = 8, shingle: int = 5,
                 num_perm: int = 128, seed: int = 1, max_bytes: int = 8 * 1024 * 1024) -> None:
        self.min_match = min_match
        self.max_gap = max_gap
        self.shingle = shingle
        self.num_perm = num_perm
        self.seed = seed
        self.max_bytes = max_bytes

    @property
    def params(self) -> dict[str, Any]:
        return {"reader": "lexical", "min_match": self.min_match, "max_gap": self.max_gap,
                "shingle": self.shingle, "num_perm": self.num_perm, "seed": self.seed,
                "max_bytes": self.max_bytes, "signature_scheme": minhash.SCHEME}

    def info(self) -> ComparatorInfo:
        return ComparatorInfo(self.name, self.version, self.params)

    def accepts(self, path: Path) -> bool:
        return Path(path).is_file() and language_of(path) is not None

    def extract(self, path: Path, display_path: str | None = None) -> Features:
        """Read one source file (``display_path`` is the name recorded in results)."""
        path = Path(path)
        decoded = read_text(path, self.max_bytes)
        return self.extract_text(decoded.text, display_path or str(path),
                                 sha256_bytes(path.read_bytes()), decoded.encoding,
                                 language_of(path))

    def extract_bytes(self, data: bytes, display_path: str) -> Features:
        """Features of in-memory file content (e.g. an archive member)."""
        decoded = decode_bytes(data, display_path)
        return self.extract_text(decoded.text, display_path, sha256_bytes(data),
                                 decoded.encoding, language_of(display_path))

    def extract_text(self, text: str, display_path: str, sha256: str, encoding: str,
                     language: Any) -> Features:
        tokens, comments = lex(text, language)
        norm = hash_tokens(normalised(t) for t in tokens)
        raw = hash_tokens(t.text for t in tokens)
        sig = minhash.signature(kgram_hashes(norm, self.shingle), self.num_perm, self.seed)
        notes = () if tokens else ("no code tokens found (empty or comments only)",)
        data = {
            "language": language.name if language else "unknown",
            "encoding": encoding,
            "chars": len(text),
            "line_starts": line_starts(text).tolist(),
            "norm": norm.tolist(),
            "raw": raw.tolist(),
            "start": [t.start for t in tokens],
            "end": [t.end for t in tokens],
            "comments": len(comments),
        }
        return Features(kind=self.name, path=display_path, sha256=sha256, comparator=self.info(),
                        signature=Signature(minhash.SCHEME, self.seed, tuple(sig.tolist()),
                                            {"num_perm": self.num_perm, "shingle": self.shingle}),
                        data=data, notes=notes)

    def compare(self, fa: Features, fb: Features) -> Comparison:
        da, db = fa.data, fb.data
        norm_a = np.array(da["norm"], dtype=np.uint64)
        norm_b = np.array(db["norm"], dtype=np.uint64)
        tiles = tile(norm_a, norm_b, k=min(self.min_match, self.shingle * 2), min_len=self.min_match)
        fragments = merge_runs(tiles, self.max_gap)
        raw_a = np.array(da["raw"], dtype=np.uint64)
        raw_b = np.array(db["raw"], dtype=np.uint64)
        starts_a = np.array(da["line_starts"], dtype=np.int64)
        starts_b = np.array(db["line_starts"], dtype=np.int64)
        matches = []
        for seq, frag in enumerate(fragments, start=1):
            region_a = text_region(fa.path, starts_a, da["start"][frag.a_start], da["end"][frag.a_end - 1])
            region_b = text_region(fb.path, starts_b, db["start"][frag.b_start], db["end"][frag.b_end - 1])
            matches.append(Match(id=f"F-code-{seq:04d}", score=round(frag.similarity, 4),
                                 category=_category(frag, raw_a, raw_b), a=region_a, b=region_b,
                                 detail={"tokens_a": frag.a_end - frag.a_start,
                                         "tokens_b": frag.b_end - frag.b_start,
                                         "tokens_matched": frag.matched}))
        matched = sum(t.length for t in tiles)
        na, nb = len(norm_a), len(norm_b)
        return Comparison(
            kind=self.name,
            score=(2 * matched) / (na + nb) if na + nb else 0.0,
            coverage_a=matched / na if na else 0.0,
            coverage_b=matched / nb if nb else 0.0,
            comparator=self.info(),
            a=MaterialRef(fa.path, fa.sha256), b=MaterialRef(fb.path, fb.sha256),
            matches=tuple(matches),
            notes=tuple(f"{side}: {n}" for side, f in (("A", fa), ("B", fb)) for n in f.notes),
            extra={"units": {"name": "tokens", "a": na, "b": nb, "matched": matched}},
        )


def _category(frag: Fragment, raw_a: np.ndarray, raw_b: np.ndarray) -> str:
    """``identical`` (same text), ``renamed`` (same after abstraction), ``edited`` (gaps)."""
    if len(frag.runs) > 1:
        return "edited"
    run = frag.runs[0]
    same = np.array_equal(raw_a[run.a_start:run.a_start + run.length],
                          raw_b[run.b_start:run.b_start + run.length])
    return "identical" if same else "renamed"
