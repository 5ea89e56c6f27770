"""The source-code comparator: tree-sitter normalisation, tiling, reordering, evidence, filtration."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from comparators.base import ComparatorInfo, Comparison, Exclusion, Features, Match, MaterialRef, Region, Signature
from comparators.canonical import canonical_bytes
from comparators.code import evidence
from comparators.code.align import (
    Piece,
    aligned_runs,
    categorise,
    group_pieces,
    mask,
    reordered_units,
    split_runs,
    unit_hashes,
)
from comparators.code.extract import features_data
from comparators.code.languages import language_of
from comparators.code.normalize import NORMALISATION_STEPS
from comparators.commonplace import describe
from comparators.fingerprint import minhash
from comparators.fingerprint.chargrams import char_grams, identical_line_runs, jaccard, without_spans
from comparators.fingerprint.fragments import merge_runs
from comparators.fingerprint.groups import METHOD as GROUP_METHOD
from comparators.fingerprint.groups import group_counts, group_frequency, near_duplicate_groups
from comparators.fingerprint.tiling import tile
from comparators.fingerprint.tokens import hash_tokens, kgram_hashes
from comparators.hashing import sha256_bytes
from comparators.textio import decode_bytes, read_text, text_region

EVIDENCE_CATEGORIES = {"comment": "comment", "string": "string-literal", "misspelling": "misspelling",
                       "dead": "dead-code"}


class CodeComparator:
    """Compare source files as normalised syntax-tree token streams.

    Parameters (all recorded in every result):
    ``min_match`` tokens in the shortest exact run anchoring an alignment; ``min_fill`` tokens
    in the shortest run accepted between two anchors; ``max_gap`` tokens of inserted or changed
    code bridged inside one fragment; ``min_unit`` tokens of the smallest statement unit
    reported as reordered; ``shingle``/``num_perm``/``seed`` for the MinHash retrieval
    signature; ``evidence_weight`` and ``evidence_scale`` for how much shared comments,
    literals, identifiers, misspellings and dead code add to the score; ``evidence_share`` of the
    smaller file's telling evidence (by weight) that must be shared for it to count fully (less
    shared, it counts in proportion: two large independent files of one domain share a few dozen
    names out of hundreds, a copy shares most of them); ``api_weight`` for a
    shared identifier that is not declared in both files (a library or language name both
    merely use, such as ``prototype`` or ``printf``) relative to one both declare; ``structure_mix``
    between symmetric similarity and containment; ``small_file`` tokens below which
    containment is shrunk; ``run_floor`` tokens below which a file is too short for run
    contiguity to mean anything (one minimal run is no copy); ``text_gram`` characters in the
    n-grams of the text channel (the text as written); ``commonplace_share`` of corpus files a k-gram must occur in to
    be commonplace; ``max_bytes`` size cap per file.
    """

    name = "code"
    version = "0.5.0"

    def __init__(self, min_match: int = 12, max_gap: int = 12, min_fill: int = 8, min_unit: int = 8, shingle: int = 8,
                 num_perm: int = 128, seed: int = 1, evidence_weight: float = 0.5,
                 evidence_scale: float = 3.0, evidence_share: float = 0.3, api_weight: float = 0.25,
                 structure_mix: float = 0.5, run_floor: int = 24, text_gram: int = 5,
                 small_file: int = 150, small_program: int = 400, small_shape: int = 100,
                 small_power: float = 1.0, shape_weight: float = 0.95,
                 commonplace_share: float = 0.1, max_bytes: int = 4 * 1024 * 1024,
                 normalise: Sequence[str] = NORMALISATION_STEPS, reorder: bool = True) -> None:
        self.min_match = min_match
        self.max_gap = max_gap
        self.min_fill = min_fill
        self.min_unit = min_unit
        self.shingle = shingle
        self.num_perm = num_perm
        self.seed = seed
        self.evidence_weight = evidence_weight
        self.evidence_scale = evidence_scale
        self.evidence_share = evidence_share
        self.run_floor = run_floor
        self.text_gram = text_gram
        self.api_weight = api_weight
        self.structure_mix = structure_mix
        self.small_file = small_file
        self.small_program = small_program
        self.small_shape = small_shape
        self.small_power = small_power
        self.shape_weight = shape_weight
        self.commonplace_share = commonplace_share
        self.max_bytes = max_bytes
        unknown = sorted(set(normalise) - set(NORMALISATION_STEPS))
        if unknown:
            raise ValueError(f"unknown normalisation steps {unknown}; known: {NORMALISATION_STEPS}")
        self.normalise = tuple(step for step in NORMALISATION_STEPS if step in normalise)
        self.reorder = reorder
        self.corpus_: dict[str, Any] | None = None

    # -- contract ----------------------------------------------------------------------
    @property
    def params(self) -> dict[str, Any]:
        out = {"min_match": self.min_match, "max_gap": self.max_gap, "min_fill": self.min_fill,
               "min_unit": self.min_unit, "shingle": self.shingle, "num_perm": self.num_perm, "seed": self.seed,
               "evidence_weight": self.evidence_weight, "evidence_scale": self.evidence_scale,
               "evidence_share": self.evidence_share, "run_floor": self.run_floor, "text_gram": self.text_gram,
               "api_weight": self.api_weight, "structure_mix": self.structure_mix, "small_file": self.small_file,
               "small_program": self.small_program, "small_shape": self.small_shape,
               "small_power": self.small_power,
               "shape_weight": self.shape_weight,
               "commonplace_share": self.commonplace_share, "max_bytes": self.max_bytes,
               "signature_scheme": minhash.SCHEME, "reader": "tree-sitter (lexical fallback)",
               "normalise": list(self.normalise), "reorder": self.reorder}
        out["commonplace"] = describe(self.corpus_)
        return out

    def info(self) -> ComparatorInfo:
        return ComparatorInfo(self.name, self.version, self.params)

    def accepts(self, path: Path) -> bool:
        return Path(path).is_file() and language_of(path) is not None

    def extract(self, path: Path, display_path: str | None = None) -> Features:
        """Read one source file (``display_path`` is the name recorded in results)."""
        path = Path(path)
        decoded = read_text(path, self.max_bytes)
        return self._features(decoded.text, decoded.encoding, display_path or str(path),
                              sha256_bytes(path.read_bytes()), path)

    def extract_bytes(self, data: bytes, display_path: str) -> Features:
        """Features of in-memory file content (e.g. an archive member)."""
        decoded = decode_bytes(data, display_path)
        return self._features(decoded.text, decoded.encoding, display_path, sha256_bytes(data),
                              Path(display_path))

    def _features(self, text: str, encoding: str, display: str, sha: str, path: Path) -> Features:
        data, notes = features_data(text, encoding, language_of(path), frozenset(self.normalise))
        ids = _ids(data)
        sig = minhash.signature(kgram_hashes(ids, self.shingle), self.num_perm, self.seed)
        return Features(kind=self.name, path=display, sha256=sha, comparator=self.info(),
                        signature=Signature(minhash.SCHEME, self.seed, tuple(sig.tolist()),
                                            {"num_perm": self.num_perm, "shingle": self.shingle,
                                             "over": "normalised token k-grams"}),
                        data=data, notes=tuple(notes))

    def retrieval_keys(self, features: Features) -> np.ndarray:
        """The file's distinct normalised k-gram hashes, for inverted-index candidate retrieval."""
        return np.unique(kgram_hashes(_ids(features.data), self.shingle))

    # -- corpus statistics (rarity, commonplace code) ------------------------------------
    def fit(self, corpus: Sequence[Features]) -> CodeComparator:
        """Learn how common identifiers, literals and k-grams are among the independent files of ``corpus``.

        Files are grouped as near-duplicates first and every frequency counts groups, not files:
        thirty copies of one file in the corpus count once, so a copied work never becomes
        commonplace because it was copied many times.
        """
        grams = [np.unique(kgram_hashes(_ids(f.data), self.shingle)) for f in corpus]
        labels = near_duplicate_groups(grams)
        n = len(corpus)
        n_groups = int(labels.max()) + 1 if n else 0
        ident_df = group_counts([{row[0] for row in f.data["identifiers"]} for f in corpus], labels)
        string_df = group_counts([{row[0] for row in f.data["strings"]} for f in corpus], labels)
        threshold = max(5, math.ceil(self.commonplace_share * n_groups))
        commonplace: set[int] = set()
        if n_groups >= 20:
            owners = np.repeat(np.arange(n), [len(g) for g in grams])
            uniq, _, groups = group_frequency(np.concatenate(grams), owners, labels)
            commonplace = set(uniq[groups >= threshold].tolist())
        self.corpus_ = {
            "files": n, "groups": n_groups,
            "sha256": sha256_bytes(canonical_bytes(sorted(f.sha256 for f in corpus))),
            "method": f"token sequences in at least {threshold} of {n_groups} independent file groups are "
                      f"commonplace; identifier and literal rarity counted over the same groups; {GROUP_METHOD}",
            "ident_df": dict(ident_df), "string_df": dict(string_df),
            "commonplace": commonplace, "commonplace_min": threshold,
        }
        return self

    # -- comparison ---------------------------------------------------------------------
    def compare(self, fa: Features, fb: Features, base: Sequence[Features] = ()) -> Comparison:
        da, db = fa.data, fb.data
        ids_a, ids_b = _ids(da), _ids(db)
        raw_a = np.array(da["raw"], dtype=np.uint32)
        raw_b = np.array(db["raw"], dtype=np.uint32)
        na, nb = len(ids_a), len(ids_b)
        k = min(self.min_match, self.shingle)
        tiles = aligned_runs(ids_a, ids_b, k, self.min_match, self.min_fill)
        base_a, base_b, base_names = self._base_masks(ids_a, ids_b, base)

        def in_base(i: int, j: int, p: int, q: int) -> bool:
            return bool(base_a[i:j].mean() >= 0.5 and base_b[p:q].mean() >= 0.5)

        base_runs, own_runs = split_runs(tiles, base_a, base_b)
        run_a = mask(na, [(t.a_start, t.a_start + t.length) for t in tiles])
        run_b = mask(nb, [(t.b_start, t.b_start + t.length) for t in tiles])
        units_a, units_b = da["units"], db["units"]
        moved = reordered_units(units_a, units_b, unit_hashes(ids_a, units_a), unit_hashes(ids_b, units_b),
                                run_a, run_b, self.min_unit) if self.reorder else []
        pieces = [Piece(f.a_start, f.a_end, f.b_start, f.b_end, f.matched, categorise(f, raw_a, raw_b), f.runs)
                  for f in merge_runs(own_runs, self.max_gap)]
        pieces += group_pieces([m for m in moved if not in_base(*m)], self.max_gap)
        pieces.sort(key=lambda p: (p.a_start, p.b_start))
        base_pieces = [Piece(f.a_start, f.a_end, f.b_start, f.b_end, f.matched, categorise(f, raw_a, raw_b), f.runs)
                       for f in merge_runs(base_runs, self.max_gap)]
        base_pieces += group_pieces([m for m in moved if in_base(*m)], self.max_gap)
        kept, excluded = self._filter(pieces, fa, fb, ids_a)
        excluded = [self._exclusion(p, fa, fb, f"declared base material ({', '.join(base_names)})")
                    for p in base_pieces] + excluded
        cover_a = mask(na, [(p.a_start, p.a_end) for p in kept]) & (run_a | mask(na, [m[:2] for m in moved]))
        cover_b = mask(nb, [(p.b_start, p.b_end) for p in kept]) & (run_b | mask(nb, [m[2:] for m in moved]))
        eff_a, eff_b = na - int(base_a.sum()), nb - int(base_b.sum())
        cov_a = float((cover_a & ~base_a).sum()) / eff_a if eff_a > 0 else 0.0
        cov_b = float((cover_b & ~base_b).sum()) / eff_b if eff_b > 0 else 0.0
        items, share = self._evidence(fa, fb, base_a, base_b)
        strength = evidence.combine(items, self.evidence_scale) * (min(1.0, share / self.evidence_share)
                                                                    if self.evidence_share > 0 else 1.0)
        normalised = self._structure(cov_a, cov_b, eff_a, eff_b)
        # tokens excluded as base material or commonplace code count in no channel
        kept_ids = {id(p) for p in kept}
        dropped = [p for p in pieces if id(p) not in kept_ids] + base_pieces
        gone_a = base_a | mask(na, [(p.a_start, p.a_end) for p in dropped])
        gone_b = base_b | mask(nb, [(p.b_start, p.b_end) for p in dropped])
        exact = self._channel(raw_a.astype(np.uint64), raw_b.astype(np.uint64), gone_a, gone_b)[0]
        shape_a, shape_b = _shape_ids(da), _shape_ids(db)
        shape, shape_runs = (self._channel(shape_a, shape_b, *self._base_masks(shape_a, shape_b, base, _shape_ids)[:2])
                             if shape_a is not None and shape_b is not None else (0.0, 0.0))
        weight = self.normalised_weight(min(eff_a, eff_b))
        small_shape = self.normalised_weight(min(eff_a, eff_b), self.small_shape)
        # below small_shape, the shape channel leans on how contiguous its matches are: a renamed copy
        # is one long run, independent solutions that converge share scattered short runs
        shape_score = self.shape_weight * (small_shape * shape + (1.0 - small_shape) * shape_runs)
        text = self._text(fa, fb, gone_a, gone_b)
        structure = max(exact, shape_score, weight * normalised, text)
        score = 1.0 - (1.0 - structure) * (1.0 - self.evidence_weight * strength)
        matches = self._matches(kept, items, self._text_runs(fa, fb, kept, items, gone_a, gone_b), fa, fb)
        channels = Counter(i.channel for i in items)
        notes = [f"{side}: {n}" for side, f in (("A", fa), ("B", fb)) for n in f.notes]
        if weight < 1.0:
            notes.append(f"small program ({min(eff_a, eff_b)} tokens, below {self.small_program}): independent "
                         f"implementations of one small task converge to the same normalised structure, so "
                         f"normalised similarity counts {weight:.2f} of its value; the score leans on exact tokens, "
                         f"names, literals, comments and layout")
        return Comparison(
            kind=self.name, score=score, coverage_a=cov_a, coverage_b=cov_b, comparator=self.info(),
            a=MaterialRef(fa.path, fa.sha256), b=MaterialRef(fb.path, fb.sha256),
            matches=tuple(matches), excluded=tuple(excluded),
            notes=tuple(notes),
            extra={"units": {"name": "tokens", "a": na, "b": nb, "a_after_filtration": eff_a,
                             "b_after_filtration": eff_b, "matched_a": int((cover_a & ~base_a).sum()),
                             "matched_b": int((cover_b & ~base_b).sum())},
                   "scores": {"structure": structure, "evidence": strength, "evidence_share": share,
                              "exact": exact, "shape": shape, "text": text,
                              "shape_runs": shape_runs,
                              "normalised": normalised, "normalised_weight": weight},
                   "baseline": self.baseline(),
                   "evidence": {"counts": dict(sorted(channels.items())),
                                "identifiers": sorted(i.text for i in items if i.channel == "identifier")},
                   "languages": {"a": da["language"], "b": db["language"]},
                   "readers": {"a": da["reader"], "b": db["reader"]}},
        )

    def normalised_weight(self, tokens: int, below: int | None = None) -> float:
        """How much normalised similarity counts for a pair whose smaller file has ``tokens`` tokens.

        Below ``small_program`` tokens independent solutions of one task converge to the same
        normalised token stream (measured on the benchmark's same-task family), so normalised
        similarity is worth ``(tokens / small_program) ** small_power`` there, and fully above.
        The shape channel (names and literals abstracted) converges later: ``below`` = ``small_shape``.
        """
        limit = self.small_program if below is None else below
        if limit <= 0 or tokens >= limit:
            return 1.0
        return max(0.0, tokens / limit) ** self.small_power

    def baseline(self) -> str:
        """The expected-similarity baseline the score is measured against, in words (for results and reports)."""
        return (f"structure is the strongest of four channels: exact tokens (names and literals as written), "
                f"the shape with names and literals abstracted (weighted {self.shape_weight}), fully normalised "
                f"tokens, and the text as written (Jaccard similarity of character {self.text_gram}-grams, "
                f"whitespace collapsed: what a plain character baseline measures); below {self.small_program} "
                f"tokens (shape: {self.small_shape}) a channel is discounted by (tokens/limit)^{self.small_power}, "
                f"because independent implementations of one small task converge there (the shape channel then "
                f"counts run contiguity instead: a copy is a few long runs, convergent solutions share scattered "
                f"short ones; files under {self.run_floor} tokens are too short for it); shared comments, "
                f"literals, identifiers and misspellings add evidence weighted by rarity (among independent "
                f"groups of the declared commonplace corpus, if any) and by the share of the smaller file's "
                f"telling items that is shared (full at {self.evidence_share:.0%})")

    def _channel(self, ids_a: np.ndarray, ids_b: np.ndarray, gone_a: np.ndarray,
                 gone_b: np.ndarray) -> tuple[float, float]:
        """Similarity of one token channel: aligned runs, masked tokens left out.

        Returns the coverage structure (``_structure``) and the run contiguity: the sum of squared run
        lengths over the squared size of the smaller side (1 for one run covering it, small for many
        short runs).
        """
        na, nb = len(ids_a), len(ids_b)
        if not na or not nb:
            return 0.0, 0.0
        runs = aligned_runs(ids_a, ids_b, min(self.min_match, self.shingle), self.min_match, self.min_fill)
        kept = [r for r in runs if not (gone_a[r.a_start:r.a_start + r.length].mean() >= 0.5)]
        cover_a = mask(na, [(r.a_start, r.a_start + r.length) for r in kept]) & ~gone_a
        cover_b = mask(nb, [(r.b_start, r.b_start + r.length) for r in kept]) & ~gone_b
        eff_a, eff_b = na - int(gone_a.sum()), nb - int(gone_b.sum())
        if eff_a <= 0 or eff_b <= 0:
            return 0.0, 0.0
        lengths = np.array([int((~gone_a[r.a_start:r.a_start + r.length]).sum()) for r in kept], dtype=float)
        floor = float(max(min(eff_a, eff_b), self.run_floor))
        contiguity = min(1.0, float((lengths ** 2).sum()) / floor ** 2)
        return (self._structure(float(cover_a.sum()) / eff_a, float(cover_b.sum()) / eff_b, eff_a, eff_b),
                contiguity)

    def _text(self, fa: Features, fb: Features, gone_a: np.ndarray, gone_b: np.ndarray) -> float:
        """The text channel: Jaccard similarity of the character n-grams of the two texts as written.

        Tokens filtered as base material or commonplace code are cut out of the text: only n-grams of
        what is left count as shared, over all n-grams of both files (what was filtered lowers this
        channel; a few characters left over after filtration never make two files alike). Features
        without the text (older caches) give 0.
        """
        if "text" not in fa.data or "text" not in fb.data:
            return 0.0
        full_a, full_b = _text_grams(fa, self.text_gram), _text_grams(fb, self.text_gram)
        if not gone_a.any() and not gone_b.any():
            return jaccard(full_a, full_b)
        kept = _kept_grams(fa, gone_a, self.text_gram) & _kept_grams(fb, gone_b, self.text_gram)
        union = len(full_a | full_b)
        return len(kept & full_a & full_b) / union if union else 0.0

    def _structure(self, cov_a: float, cov_b: float, na: int, nb: int) -> float:
        """Symmetric coverage, raised towards containment (shrunk for tiny files) when larger."""
        symmetric = (cov_a * na + cov_b * nb) / (na + nb) if na + nb else 0.0
        contained = max(cov_a * min(1.0, na / self.small_file), cov_b * min(1.0, nb / self.small_file))
        return max(symmetric, self.structure_mix * symmetric + (1 - self.structure_mix) * contained)

    def _base_masks(self, ids_a: np.ndarray, ids_b: np.ndarray, base: Sequence[Features],
                    stream: Any = None) -> tuple[np.ndarray, np.ndarray, list[str]]:
        base_a = np.zeros(len(ids_a), dtype=bool)
        base_b = np.zeros(len(ids_b), dtype=bool)
        names = []
        for bf in base:
            if bf.kind != self.name:
                continue
            ids_base = (stream or _ids)(bf.data)
            if ids_base is None:
                continue
            hit = False
            for ids, target in ((ids_a, base_a), (ids_b, base_b)):
                for run in tile(ids, ids_base, k=min(self.min_match, self.shingle), min_len=self.min_match):
                    target[run.a_start:run.a_start + run.length] = True
                    hit = True
            if hit:
                names.append(bf.path)
        return base_a, base_b, names

    def _filter(self, pieces: list[Piece], fa: Features, fb: Features,
                ids_a: np.ndarray) -> tuple[list[Piece], list[Exclusion]]:
        """Drop pieces made of commonplace code (fitted corpus); list them as excluded."""
        common = self.corpus_["commonplace"] if self.corpus_ else set()
        if not common:
            return pieces, []
        kept, excluded = [], []
        reason = (f"commonplace code: its token sequences occur in at least {self.corpus_['commonplace_min']} "
                  f"of {self.corpus_['groups']} independent file groups of the corpus "
                  f"{self.corpus_.get('source', '')}").rstrip()
        for p in pieces:
            grams = kgram_hashes(ids_a[p.a_start:p.a_end], self.shingle).tolist()
            if grams and sum(g in common for g in grams) / len(grams) >= 0.6:
                excluded.append(self._exclusion(p, fa, fb, reason))
            else:
                kept.append(p)
        return kept, excluded

    @staticmethod
    def _exclusion(p: Piece, fa: Features, fb: Features, reason: str) -> Exclusion:
        return Exclusion(reason=reason, a=_region(fa, p.a_start, p.a_end), b=_region(fb, p.b_start, p.b_end),
                         detail={"category": p.category, "tokens_a": p.a_end - p.a_start,
                                 "tokens_b": p.b_end - p.b_start})

    def _evidence(self, fa: Features, fb: Features, base_a: np.ndarray,
                  base_b: np.ndarray) -> tuple[list[evidence.EvidenceItem], float]:
        """The shared evidence items, and the share they are of the smaller side's telling evidence.

        The share is the weight of what is shared over the smaller of the two files' total weight of
        telling items (each distinct comment, literal, name, misspelling and dead-code range counted
        once, weighed as if it were shared; a name weighed as declared where that file declares it).
        """
        da, db = fa.data, fb.data
        corpus = self.corpus_ or {}
        n = corpus.get("groups", corpus.get("files", 0))
        in_base_a = _char_mask(da, base_a)
        in_base_b = _char_mask(db, base_b)
        items: list[evidence.EvidenceItem] = []
        possible = [0.0, 0.0]

        def shared(rows_a, rows_b, channel, weigh, weigh_own=None):
            for side, rows, in_base in ((0, rows_a, in_base_a), (1, rows_b, in_base_b)):
                own = weigh_own(side) if weigh_own else weigh
                possible[side] += sum(own(r[0]) for r in {r[0]: r for r in rows}.values() if not in_base(r[1]))
            index = {}
            for text, s, e in rows_b:
                index.setdefault(text, (s, e))
            seen = set()
            for text, s, e in rows_a:
                if text in index and text not in seen and not in_base_a(s) and not in_base_b(index[text][0]):
                    seen.add(text)
                    weight = weigh(text)
                    if weight > 0:
                        items.append(evidence.EvidenceItem(channel, text, weight, (s, e), index[text]))

        shared(da["comments"], db["comments"], "comment", evidence.comment_weight)
        shared(da["strings"], db["strings"], "string",
               lambda t: evidence.literal_weight(t, corpus.get("string_df"), n))
        # Names declared in both files weigh fully; names one side merely uses (library/language API) less.
        # Features without a "declared" list (older caches) count every name as declared.
        declared = (set(da["declared"]) & set(db["declared"])
                    if "declared" in da and "declared" in db else None)

        def identifier_weight(t: str, names: set[str] | None = declared) -> float:
            rarity = evidence.identifier_rarity(t, corpus.get("ident_df"), n)
            return rarity if names is None or t in names else rarity * self.api_weight

        def own_identifier_weight(side: int):
            names = set((da, db)[side]["declared"]) if declared is not None else None
            return lambda t: identifier_weight(t, names)

        shared([[r[0], r[2], r[3]] for r in da["identifiers"]], [[r[0], r[2], r[3]] for r in db["identifiers"]],
               "identifier", identifier_weight, own_identifier_weight)
        shared(da["misspellings"], db["misspellings"], "misspelling", lambda t: 1.0)
        dead_a = _dead_rows(da)
        dead_b = _dead_rows(db)
        shared(dead_a, dead_b, "dead", lambda t: min(1.0, int(t.split(":")[1]) / 10))
        smaller = min(possible)
        share = min(1.0, sum(i.weight for i in items) / smaller) if smaller > 0 else 0.0
        return items, share

    @staticmethod
    def _text_runs(fa: Features, fb: Features, pieces: list[Piece], items: list[evidence.EvidenceItem],
                   gone_a: np.ndarray, gone_b: np.ndarray) -> list[tuple[int, int, int, int]]:
        """Runs of identical lines that no code fragment or evidence item already shows, outside filtered code.

        They locate what the text channel counts where there are few code tokens to align (a header of
        constants, a configuration block).
        """
        if "text" not in fa.data or "text" not in fb.data:
            return []
        da, db = fa.data, fb.data
        shown = [(da["start"][p.a_start], da["end"][p.a_end - 1]) for p in pieces] + [i.a for i in items]
        filtered_a, filtered_b = _char_mask(da, gone_a), _char_mask(db, gone_b)
        out = []
        for run in identical_line_runs(da["text"], db["text"]):
            a0, a1 = run[0], run[1]
            inside = sum(max(0, min(a1, e) - max(a0, s)) for s, e in shown)
            if inside < 0.5 * (a1 - a0) and not filtered_a(a0) and not filtered_b(run[2]):
                out.append(run)
        return out

    def _matches(self, pieces: list[Piece], items: list[evidence.EvidenceItem],
                 text_runs: list[tuple[int, int, int, int]], fa: Features, fb: Features) -> list[Match]:
        out = []
        for p in pieces:
            out.append(("0", fa.data["start"][p.a_start], Match(
                id="", score=round(p.similarity, 4), category=p.category,
                a=_region(fa, p.a_start, p.a_end), b=_region(fb, p.b_start, p.b_end),
                detail={"tokens_a": p.a_end - p.a_start, "tokens_b": p.b_end - p.b_start,
                        "tokens_matched": p.matched})))
        starts_a, starts_b = _line_starts(fa), _line_starts(fb)
        for a0, a1, b0, b1 in text_runs:
            out.append(("0", a0, Match(
                id="", score=1.0, category="identical-text",
                a=text_region(fa.path, starts_a, a0, a1), b=text_region(fb.path, starts_b, b0, b1),
                detail={"characters_a": a1 - a0, "characters_b": b1 - b0, "channel": "text as written"})))
        for item in items:
            category = EVIDENCE_CATEGORIES.get(item.channel)
            if category is None:
                continue
            out.append(("1", item.a[0], Match(
                id="", score=round(item.weight, 4), category=category,
                a=text_region(fa.path, starts_a, *item.a), b=text_region(fb.path, starts_b, *item.b),
                detail={"text": item.text[:200]})))
        out.sort(key=lambda t: (t[0], t[1], t[2].category, t[2].b.start_char or 0))
        return [Match(id=f"F-code-{n:04d}", score=m.score, category=m.category, a=m.a, b=m.b, detail=m.detail)
                for n, (_, _, m) in enumerate(out, start=1)]


def _shape_ids(data: dict[str, Any]) -> np.ndarray | None:
    """Token ids of a file's shape stream (names abstracted only); ``None`` for older features."""
    return _kind_ids(data["shape"]) if "shape" in data else None


def _ids(data: dict[str, Any]) -> np.ndarray:
    """Token ids of a file's normalised kinds (cached per kinds string)."""
    return _kind_ids(data["kinds"])


_ID_CACHE: dict[str, np.ndarray] = {}


def _kind_ids(kinds: str) -> np.ndarray:
    cached = _ID_CACHE.get(kinds)
    if cached is None:
        cached = hash_tokens(kinds.split("\x1f")) if kinds else np.zeros(0, dtype=np.uint64)
        if len(_ID_CACHE) > 4096:
            _ID_CACHE.clear()
        _ID_CACHE[kinds] = cached
    return cached


def _line_starts(f: Features) -> np.ndarray:
    """The line-start offsets of a file as an array (cached per file version)."""
    key = (f.path, f.sha256)
    cached = _LINE_CACHE.get(key)
    if cached is None:
        if len(_LINE_CACHE) > 4096:
            _LINE_CACHE.clear()
        cached = _LINE_CACHE[key] = np.array(f.data["line_starts"], dtype=np.int64)
    return cached


_LINE_CACHE: dict[tuple[str, str], np.ndarray] = {}


def _region(f: Features, first: int, last: int) -> Region:
    return text_region(f.path, _line_starts(f), f.data["start"][first], f.data["end"][last - 1])


def _char_mask(data: dict[str, Any], token_mask: np.ndarray):
    """A predicate: is this character offset inside tokens marked in ``token_mask``?"""
    if not token_mask.any():
        return lambda offset: False
    starts = np.array(data["start"], dtype=np.int64)
    ends = np.array(data["end"], dtype=np.int64)
    marked = [(int(s), int(e)) for s, e, m in zip(starts, ends, token_mask) if m]

    def inside(offset: int) -> bool:
        return any(s <= offset < e for s, e in marked)
    return inside


_GRAM_CACHE: dict[tuple[str, str, int], frozenset[str]] = {}


def _text_grams(f: Features, n: int) -> frozenset[str]:
    """Character n-grams of a file's text as written (cached per file version)."""
    key = (f.path, f.sha256, n)
    grams = _GRAM_CACHE.get(key)
    if grams is None:
        if len(_GRAM_CACHE) > 1024:
            _GRAM_CACHE.clear()
        grams = _GRAM_CACHE[key] = char_grams(f.data["text"], n)
    return grams


def _kept_grams(f: Features, gone: np.ndarray, n: int) -> frozenset[str]:
    """Character n-grams of a file's text with the ``gone`` tokens cut out."""
    if not gone.any():
        return _text_grams(f, n)
    starts, ends = f.data["start"], f.data["end"]
    return char_grams(without_spans(f.data["text"], [(starts[i], ends[i]) for i in np.flatnonzero(gone)]), n)


def _dead_rows(data: dict[str, Any]) -> list[list[Any]]:
    """Dead-code ranges as (hash:length, start char, end char) rows for evidence matching."""
    ids = _ids(data)
    rows = []
    for i, j in data["dead"]:
        if j - i >= 3:
            h = unit_hashes(ids, [[i, j]])[0]
            rows.append([f"{int(h)}:{j - i}", data["start"][i], data["end"][j - 1]])
    return rows
