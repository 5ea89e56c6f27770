"""The literary-text comparator: copied passages of Chinese and English works, located exactly.

Stages (one module each): ``read`` (txt/md/docx/pdf/html/epub with a position map to pages and
paragraphs) → ``normalize`` (NFKC, punctuation, case, traditional → simplified, offset map) →
``units`` (CJK characters and words, sentences) → ``commonplace`` / ``quotations`` (what does not
count as copying) → ``vectors`` (sentence tf-idf) → ``align`` (seeding, extension, validation,
summary mode, merging) → ``categorise``. Offsets in results are code points of the text the
reader produced (for .txt: the decoded file), end exclusive.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from comparators.base import ComparatorInfo, Comparison, Exclusion, Features, Match, MaterialRef, Signature
from comparators.canonical import canonical_bytes
from comparators.commonplace import describe
from comparators.errors import InputError
from comparators.fingerprint import minhash
from comparators.fingerprint.groups import METHOD as GROUP_METHOD
from comparators.fingerprint.groups import group_frequency, near_duplicate_groups
from comparators.fingerprint.tokens import kgram_hashes
from comparators.hashing import sha256_bytes
from comparators.packed import pack, unpack
from comparators.text.align import AlignParams, Passage, align
from comparators.text.categorise import THRESHOLDS as LABEL_THRESHOLDS
from comparators.text.categorise import categorise
from comparators.text.commonplace import mark_common, phrase_index
from comparators.text.normalize import normalise
from comparators.text.quotations import attributed_share, quotations
from comparators.text.read import Document, read_document
from comparators.text.sets import found_in
from comparators.text.units import tokenise
from comparators.text.vectors import SentenceSpace, build_space, sentence_features, summed_cosine
from comparators.textio import decode_bytes, line_starts, text_region

TEXT_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".text", ".rst", ".srt", ".html", ".htm", ".xhtml",
                             ".docx", ".pdf", ".epub"})
ALIGNED_K = 3  # a token is aligned when a k-gram of normalised tokens through it occurs on the other side
EXTEND_LIMIT = 400  # tokens a passage's end may be extended over text both sides share exactly
_CJK_LIMIT = 0x40000  # token ids below this are CJK code points; word ids are 63-bit hashes


class TextComparator:
    """Align copied passages between two texts (Chinese and English).

    Parameters (all in ``params``, all reported): ``seed_cosine``/``seed_dice`` (sentence pairs
    that seed a passage), ``min_passage_sim`` (validation), ``gap`` (sentences bridged inside one
    passage), ``merge_gap``, ``max_uncopied`` (a finding never spans more consecutive uncopied
    sentences: separately copied passages become separate findings; ``copied_cosine``: a sentence
    counts as copied from that cosine with a sentence of the other side),
    ``summary_gap``/``summary_ratio`` (summary mode), ``best_only`` (a sentence
    seeds only with its best counterparts on the other side), ``bigram_weight``,
    ``min_tokens`` (shortest passage, in words; a CJK character counts half a word),
    ``single_sim`` (a passage of one sentence pair must reach it), ``evidence_tokens`` (passage
    length at which one passage is strong evidence), ``simplify`` (traditional → simplified),
    ``filter_common`` (idioms and stock phrases; ``common_context``: an idiom inside a shared run of
    that many tokens counts as copied text), ``quotation_share``/``base_share``
    (filtration), ``shingle``/``num_perm``/``seed`` (retrieval signature), ``max_bytes``.
    """

    name = "text"
    version = "0.5.2"

    def __init__(self, seed_cosine: float = 0.33, seed_dice: float = 0.33, min_passage_sim: float = 0.4,
                 gap: int = 6, merge_gap: int = 6, summary_gap: int = 24, summary_ratio: float = 0.6,
                 best_only: bool = True,
                 bigram_weight: float = 0.5, common_context: int = 7, min_tokens: int = 25,
                 single_sim: float = 0.5, min_units: int = 2,
                 evidence_tokens: int = 60, simplify: bool = True, filter_common: bool = True,
                 quotation_share: float = 0.8, base_share: float = 0.5, shingle: int = 3,
                 num_perm: int = 128, seed: int = 1, max_bytes: int = 64 * 1024 * 1024,
                 boilerplate_share: float = 0.1, max_uncopied: int = 1,
                 copied_cosine: float = 0.2) -> None:
        self.align_params = AlignParams(seed_cosine=seed_cosine, seed_dice=seed_dice,
                                        min_passage_sim=min_passage_sim, gap=gap, merge_gap=merge_gap,
                                        summary_gap=summary_gap, summary_ratio=summary_ratio,
                                        best_only=best_only, max_uncopied=max_uncopied,
                                        copied_cosine=copied_cosine)
        self.bigram_weight = bigram_weight
        self.common_context = common_context
        self.min_tokens = min_tokens
        self.single_sim = single_sim
        self.min_units = min_units
        self.evidence_tokens = evidence_tokens
        self.simplify = simplify
        self.filter_common = filter_common
        self.quotation_share = quotation_share
        self.base_share = base_share
        self.shingle = shingle
        self.num_perm = num_perm
        self.seed = seed
        self.max_bytes = max_bytes
        self.boilerplate_share = boilerplate_share
        self.corpus_: dict[str, Any] | None = None

    # -- contract -----------------------------------------------------------------------
    @property
    def params(self) -> dict[str, Any]:
        p = self.align_params
        return {"seed_cosine": p.seed_cosine, "seed_dice": p.seed_dice, "min_passage_sim": p.min_passage_sim,
                "gap": p.gap, "merge_gap": p.merge_gap, "summary_gap": p.summary_gap,
                "summary_ratio": p.summary_ratio, "best_only": p.best_only,
                "max_uncopied": p.max_uncopied, "copied_cosine": p.copied_cosine, "bigram_weight": self.bigram_weight,
                "common_context": self.common_context,
                "min_tokens": self.min_tokens, "single_sim": self.single_sim, "min_units": self.min_units,
                "evidence_tokens": self.evidence_tokens, "simplify": self.simplify,
                "filter_common": self.filter_common, "quotation_share": self.quotation_share,
                "base_share": self.base_share, "shingle": self.shingle, "num_perm": self.num_perm,
                "seed": self.seed, "max_bytes": self.max_bytes, "signature_scheme": minhash.SCHEME,
                "normalise": "NFKC, punctuation, casefold" + (", OpenCC t2s" if self.simplify else ""),
                "units": "CJK characters; English words (light stemming)",
                "boilerplate_share": self.boilerplate_share, "labels": dict(LABEL_THRESHOLDS)}

    def info(self) -> ComparatorInfo:
        params = self.params
        params["commonplace"] = describe(self.corpus_)
        return ComparatorInfo(self.name, self.version, params)

    def fit(self, corpus: Sequence[Features]) -> TextComparator:
        """Learn the corpus's boilerplate: sentences found in at least ``boilerplate_share`` of its
        independent documents (and at least 5), such as licence notices, legal formulas or publisher
        front matter. Documents are counted by groups of near-duplicates, so copies of one work
        count once and never make that work boilerplate. Passages made of boilerplate sentences
        are excluded, and listed."""
        n = len(corpus)
        labels = near_duplicate_groups([self.retrieval_keys(f) for f in corpus])
        n_groups = int(labels.max()) + 1 if n else 0
        threshold = max(5, math.ceil(self.boilerplate_share * n_groups))
        boilerplate: set[int] = set()
        if n_groups >= 20:
            keys = [np.unique(_data_sentence_keys(f.data)) for f in corpus]
            owners = np.repeat(np.arange(n), [len(k) for k in keys])
            uniq, _, groups = group_frequency(np.concatenate(keys), owners, labels)
            boilerplate = set(uniq[(groups >= threshold) & (uniq != 0)].tolist())
        self.corpus_ = {"documents": n, "files": n, "groups": n_groups,
                        "sha256": sha256_bytes(canonical_bytes(sorted(f.sha256 for f in corpus))),
                        "method": f"sentences in at least {threshold} of {n_groups} independent document groups "
                                  f"are boilerplate; {GROUP_METHOD}",
                        "boilerplate": boilerplate, "boilerplate_min": threshold}
        return self

    def prepare(self) -> None:
        """Load the OpenCC dictionaries and the common-phrase table now (batch calls this once
        before its worker processes fork, so that every worker inherits them)."""
        normalise("漢字", simplify=self.simplify)
        if self.filter_common:
            phrase_index()

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
        doc = read_document(path, max_bytes=self.max_bytes)
        return self.features(doc, display_path or str(path), sha256_bytes(path.read_bytes()))

    def features(self, doc: Document, display_path: str, sha256: str) -> Features:
        """Features of an already read document."""
        norm = normalise(doc.text, simplify=self.simplify)
        u = tokenise(norm)
        common = mark_common(u.ids, u.nstart, u.nend) if self.filter_common else np.zeros(u.n, bool)
        keys = self._keys(u.units, u.stop | common)
        sig = minhash.signature(keys, self.num_perm, self.seed)
        data = {
            "format": doc.format, "encoding": doc.encoding, "chars": len(doc.text),
            "line_starts": pack(line_starts(doc.text), "<i4"),
            "blocks": [[b.start, b.end, b.paragraph, b.page] for b in doc.blocks],
            "ids": pack(u.ids, "<u8"), "units": pack(u.units, "<u8"), "start": pack(u.start, "<i4"),
            "end": pack(u.end, "<i4"), "stop": pack(np.flatnonzero(u.stop), "<i4"),
            "common": pack(np.flatnonzero(common), "<i4"), "converted": pack(np.flatnonzero(u.converted), "<i4"),
            "sent": pack(u.sent, "<i4"), "sent_end": pack(u.sent_end, "<i4"),
            "quotes": [list(q) for q in quotations(norm)],
            "common_runs": _runs_text(common, u.start, u.end, doc.text),
        }
        notes = tuple(doc.notes) + (() if u.n else ("no words or characters found",))
        return Features(kind=self.name, path=display_path, sha256=sha256, comparator=self.info(),
                        signature=Signature(minhash.SCHEME, self.seed, tuple(sig.tolist()),
                                            {"num_perm": self.num_perm, "shingle": self.shingle,
                                             "keys": "content-unit k-grams"}),
                        data=data, notes=notes)

    def _keys(self, units: np.ndarray, skip: np.ndarray) -> np.ndarray:
        content = units[~skip]
        if content.size < self.shingle:
            return np.unique(content)
        return np.unique(kgram_hashes(content, self.shingle))

    def retrieval_keys(self, features: Features) -> np.ndarray:
        """Distinct k-grams of content units, for containment retrieval in batch mode.

        Containment (shared keys / keys of the smaller text) finds a short copied passage
        inside a long document, which Jaccard similarity of whole documents would miss.
        """
        d = features.data
        units = unpack(d["units"])
        skip = np.zeros(len(units), bool)
        skip[unpack(d["stop"])] = True
        skip[unpack(d["common"])] = True
        return self._keys(units, skip)

    # -- comparison ---------------------------------------------------------------------
    def compare(self, fa: Features, fb: Features, base: Sequence[Features] = ()) -> Comparison:
        sa, sb = _Side(fa.data), _Side(fb.data)
        passages = self._passages(sa, sb, self.filter_common)
        idiom_only: list[Passage] = []
        if self.filter_common:
            recovered, idiom_only = self._phrase_passages(sa, sb, passages)
            passages = sorted(passages + recovered, key=lambda q: (q.b0, q.a0))
        spans = [self._spans(p, sa, sb) for p in passages]
        kept: list[tuple[Passage, tuple[int, int, int, int]]] = []
        excluded: list[Exclusion] = []
        base_a, base_b, base_names = self._base_cover(sa, sb, base)
        for p, span in zip(passages, spans):
            ta0, ta1, tb0, tb1 = span
            wa, wb = sa.weight(ta0, ta1), sb.weight(tb0, tb1)
            if min(wa, wb) < self.min_tokens / 2 or (wa + wb) / 2 < self.min_tokens:
                continue
            if len(p.seeds_a) == 1 and p.sim < self.single_sim:
                continue
            (a0, a1), (b0, b1) = sa.chars(ta0, ta1, p.a1), sb.chars(tb0, tb1, p.b1)
            share, cue = attributed_share(fb.data["quotes"], b0, b1)
            if share >= self.quotation_share:
                excluded.append(self._exclusion(
                    fa, fb, sa, sb, (a0, a1, b0, b1), "attributed quotation",
                    {"cue": cue, "share_in_quotes": round(share, 4), "sim": round(p.sim, 4)}))
                continue
            common = self._boilerplate_share(sb, p)
            if common >= 0.5:
                excluded.append(self._exclusion(
                    fa, fb, sa, sb, (a0, a1, b0, b1),
                    f"boilerplate: its sentences occur in at least {self.corpus_['boilerplate_min']} "
                    f"of {self.corpus_['groups']} independent document groups of the corpus "
                    f"{self.corpus_.get('source', '')}".rstrip(),
                    {"share_boilerplate": round(common, 4), "sim": round(p.sim, 4)}))
                continue
            in_base = max(_share(base_a, a0, a1), _share(base_b, b0, b1))
            if in_base >= self.base_share:
                excluded.append(self._exclusion(
                    fa, fb, sa, sb, (a0, a1, b0, b1), f"declared base material ({', '.join(base_names)})",
                    {"share_in_base": round(in_base, 4), "sim": round(p.sim, 4)}))
                continue
            kept.append((p, span))
        for p in idiom_only:
            if not any(p.b0 < q.b1 and q.b0 < p.b1 for q, _ in kept):
                excluded += self._phrase_exclusions(fa, fb, sa, sb, self._spans(p, sa, sb), None,
                                                    {"sim": round(p.sim, 4)})

        matches, cover_a, cover_b, evidence = [], np.zeros(sa.chars_total, bool), np.zeros(sb.chars_total, bool), []
        inside: list[Exclusion] = []
        for seq, (p, (ta0, ta1, tb0, tb1)) in enumerate(kept, start=1):
            (a0, a1), (b0, b1) = sa.chars(ta0, ta1, p.a1), sb.chars(tb0, tb1, p.b1)
            cover_a[a0:a1] = True
            cover_b[b0:b1] = True
            if self.filter_common:
                inside += self._phrase_exclusions(fa, fb, sa, sb, (ta0, ta1, tb0, tb1), f"F-text-{seq:04d}", {})
            category, facts = categorise(sa.ids[ta0:ta1], sb.ids[tb0:tb1], sa.converted_share(ta0, ta1),
                                         sb.converted_share(tb0, tb1), p.seeds_a, p.seeds_b, p.mode,
                                         self.align_params.summary_ratio)
            tokens = min(ta1 - ta0, tb1 - tb0) if category != "summarised" else (ta1 - ta0 + tb1 - tb0) / 2
            evidence.append(p.sim * (1.0 - math.exp(-tokens / self.evidence_tokens)))
            matches.append(Match(
                id=f"F-text-{seq:04d}", score=round(min(1.0, p.sim), 4), category=category,
                a=text_region(fa.path, sa.line_starts, a0, a1), b=text_region(fb.path, sb.line_starts, b0, b1),
                detail={"tokens_a": ta1 - ta0, "tokens_b": tb1 - tb0, "sentences_a": [p.a0, p.a1],
                        "sentences_b": [p.b0, p.b1], "sentence_pairs": len(p.seeds_a),
                        "cite_a": sa.cite(a0, a1), "cite_b": sb.cite(b0, b1), **facts}))
        excluded += inside  # common phrases inside findings, listed: the finding itself stays whole
        score = 1.0 - float(np.prod([1.0 - e for e in evidence])) if evidence else 0.0
        matched_a, matched_b = int(cover_a.sum()), int(cover_b.sum())
        return Comparison(
            kind=self.name, score=score,
            coverage_a=matched_a / sa.chars_total if sa.chars_total else 0.0,
            coverage_b=matched_b / sb.chars_total if sb.chars_total else 0.0,
            comparator=self.info(),
            a=MaterialRef(fa.path, fa.sha256), b=MaterialRef(fb.path, fb.sha256),
            matches=tuple(matches), excluded=tuple(excluded),
            notes=tuple(f"{side}: {n}" for side, f in (("A", fa), ("B", fb)) for n in f.notes),
            extra={"units": {"name": "characters", "a": sa.chars_total, "b": sb.chars_total,
                             "matched_a": matched_a, "matched_b": matched_b}},
        )

    def _boilerplate_share(self, side: _Side, p: Passage) -> float:
        """Share of the passage's B sentences that are corpus boilerplate."""
        if not self.corpus_ or not self.corpus_["boilerplate"]:
            return 0.0
        keys = side.sentence_keys()[p.b0:p.b1]
        return float(np.mean([k in self.corpus_["boilerplate"] for k in keys.tolist()])) if len(keys) else 0.0

    def _space(self, sa: _Side, sb: _Side, skip_common: bool) -> SentenceSpace:
        keep_a, keep_b = ~sa.stop, ~sb.stop
        if skip_common:
            # an idiom inside a longer stretch the two texts share is part of that stretch
            in_a, in_b = shared_runs(sa.ids, sb.ids, self.common_context)
            keep_a &= ~(sa.common & ~in_a)
            keep_b &= ~(sb.common & ~in_b)
        fa = sentence_features(sa.units, keep_a, sa.sent, self.bigram_weight)
        fb = sentence_features(sb.units, keep_b, sb.sent, self.bigram_weight)
        return build_space(fa, len(sa.sent) - 1, fb, len(sb.sent) - 1)

    def _passages(self, sa: _Side, sb: _Side, skip_common: bool) -> list[Passage]:
        if sa.n == 0 or sb.n == 0:
            return []
        space = self._space(sa, sb, skip_common)
        return align(space, self.align_params, np.diff(sa.sent), np.diff(sb.sent), self.min_units)

    def _spans(self, p: Passage, sa: _Side, sb: _Side) -> tuple[int, int, int, int]:
        """Token ranges of a passage, trimmed at both ends to the first and last aligned token.

        Aligned: covered by a token ``ALIGNED_K``-gram (normalised ids) that the other side's
        passage also has; where the first or last sentence has none (a rewritten sentence), the
        end is trimmed to units the other side shares instead.
        """
        ta0, ta1 = int(sa.sent[p.a0]), int(sa.sent[p.a1])
        tb0, tb1 = int(sb.sent[p.b0]), int(sb.sent[p.b1])
        shared_a = np.isin(sa.units[ta0:ta1], sb.units[tb0:tb1])
        shared_b = np.isin(sb.units[tb0:tb1], sa.units[ta0:ta1])
        run_a, run_b = shared_runs(sa.ids[ta0:ta1], sb.ids[tb0:tb1], ALIGNED_K)
        ta0, ta1 = _trim(ta0, run_a, shared_a, sa.sent, p.a0, p.a1)
        tb0, tb1 = _trim(tb0, run_b, shared_b, sb.sent, p.b0, p.b1)
        back = _same_run(sa.ids[:ta0][::-1], sb.ids[:tb0][::-1])
        ahead = _same_run(sa.ids[ta1:], sb.ids[tb1:])
        return ta0 - back, ta1 + ahead, tb0 - back, tb1 + ahead

    def _exclusion(self, fa: Features, fb: Features, sa: _Side, sb: _Side, chars: tuple[int, int, int, int],
                   reason: str, detail: dict[str, Any]) -> Exclusion:
        a0, a1, b0, b1 = chars
        return Exclusion(reason=reason, a=text_region(fa.path, sa.line_starts, a0, a1),
                         b=text_region(fb.path, sb.line_starts, b0, b1),
                         detail={**detail, "cite_a": sa.cite(a0, a1), "cite_b": sb.cite(b0, b1)})

    def _phrase_passages(self, sa: _Side, sb: _Side, found: list[Passage]) -> tuple[list[Passage], list[Passage]]:
        """Passages that only the alignment *with* common phrases finds (outside ``found`` in B):
        (copied passages: they still validate with the phrases left out; idiom-only passages: they
        do not, so the two sides share little beyond the phrases)."""
        shared = np.intersect1d(sa.ids[sa.common], sb.ids[sb.common])
        if shared.size == 0:
            return [], []
        # only idioms outside the passages already found can make new pairs
        for side, lo, hi in ((sa, "a0", "a1"), (sb, "b0", "b1")):
            outside = side.common & np.isin(side.ids, shared)
            for q in found:
                outside[side.sent[getattr(q, lo)]:side.sent[getattr(q, hi)]] = False
            if not outside.any():
                return [], []
        if not _may_share_phrase(sa, sb, found):
            return [], []
        filtered: SentenceSpace | None = None
        copied, idiom_only = [], []
        for p in self._passages(sa, sb, skip_common=False):
            if any(p.b0 < q.b1 and q.b0 < p.b1 for q in found):
                continue
            filtered = filtered or self._space(sa, sb, skip_common=True)
            sim = summed_cosine(filtered, p.a0, p.a1, p.b0, p.b1)
            (copied if sim >= self.align_params.min_passage_sim else idiom_only).append(p)
        return copied, idiom_only

    def _phrase_exclusions(self, fa: Features, fb: Features, sa: _Side, sb: _Side, span: tuple[int, int, int, int],
                           inside: str | None, detail: dict[str, Any]) -> list[Exclusion]:
        """One exclusion per common phrase that both token ranges of ``span`` contain, each
        covering that phrase's own characters in A and in B (``inside``: the finding holding it)."""
        ta0, ta1, tb0, tb1 = span
        out = []
        for (r0, r1), (q0, q1) in shared_phrases(sa, sb, ta0, ta1, tb0, tb1):
            a0, a1 = int(sa.start[r0]), int(sa.end[r1 - 1])
            b0, b1 = int(sb.start[q0]), int(sb.end[q1 - 1])
            info = {"phrases": [_run_text(sb, q0, q1)], **detail}
            if inside:
                info["inside"] = inside
            out.append(self._exclusion(fa, fb, sa, sb, (a0, a1, b0, b1), "common phrase or idiom", info))
        return out

    def _base_cover(self, sa: _Side, sb: _Side, base: Sequence[Features]) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """Characters of A and of B that align with declared base material."""
        cover_a = np.zeros(sa.chars_total, bool)
        cover_b = np.zeros(sb.chars_total, bool)
        names = []
        for bf in base:
            if bf.kind != self.name:
                continue
            sbase = _Side(bf.data)
            hit = False
            for side, cover in ((sa, cover_a), (sb, cover_b)):
                for p in self._passages(side, sbase, self.filter_common):
                    t0, t1, _, _ = self._spans(p, side, sbase)
                    c0, c1 = side.chars(t0, t1, p.a1)
                    cover[c0:c1] = True
                    hit = True
            if hit:
                names.append(Path(bf.path).name)
        return cover_a, cover_b, sorted(set(names))


def shared_runs(ids_a: np.ndarray, ids_b: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Tokens of each text covered by a token k-gram that the other text also has."""
    def covered(ids: np.ndarray, hit: np.ndarray) -> np.ndarray:
        starts = np.flatnonzero(hit)
        mark = np.bincount(starts, minlength=len(ids) + 1) - np.bincount(starts + k, minlength=len(ids) + 1)
        return np.cumsum(mark)[:-1] > 0

    if len(ids_a) < k or len(ids_b) < k:
        return np.zeros(len(ids_a), bool), np.zeros(len(ids_b), bool)
    ha, hb = kgram_hashes(ids_a, k), kgram_hashes(ids_b, k)
    return covered(ids_a, found_in(ha, np.sort(hb))), covered(ids_b, found_in(hb, np.sort(ha)))


def shared_phrases(sa: _Side, sb: _Side, ta0: int, ta1: int, tb0: int, tb1: int
                   ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Common-phrase occurrences (token ranges) in B's tokens ``[tb0, tb1)`` each paired, in order,
    with an unused occurrence of the same normalised phrase in A's tokens ``[ta0, ta1)``."""
    runs_a = [(r0, r1) for r0, r1, _ in sa.common_runs if ta0 <= r0 and r1 <= ta1]
    used: set[int] = set()
    pairs = []
    for q0, q1, _ in sb.common_runs:
        if not (tb0 <= q0 and q1 <= tb1):
            continue
        key = sb.ids[q0:q1].tobytes()
        for k, (r0, r1) in enumerate(runs_a):
            if k not in used and sa.ids[r0:r1].tobytes() == key:
                used.add(k)
                pairs.append(((r0, r1), (q0, q1)))
                break
    return pairs


def _run_text(side: _Side, t0: int, t1: int) -> str:
    """Source text of a run of tokens, from the side's recorded common runs."""
    for r0, r1, text in side.common_runs:
        if r0 == t0 and r1 == t1:
            return text
    return ""


def _may_share_phrase(sa: _Side, sb: _Side, kept: list[Passage]) -> bool:
    """Whether a common phrase's text occurs in A and, outside the B side of every kept passage,
    in B: a pair excluded as "common phrase or idiom" needs one (its B side lies outside those
    passages and both its sides contain the phrase), so without one the second alignment is
    skipped."""
    inside = np.zeros(sb.n, bool)
    for q in kept:
        inside[sb.sent[q.b0]:sb.sent[q.b1]] = True
    texts_b = {text for r0, r1, text in sb.common_runs if not inside[r0:r1].all()}
    return any(text in texts_b for _, _, text in sa.common_runs)


def _trim(t0: int, aligned: np.ndarray, shared: np.ndarray, sent: np.ndarray, s0: int, s1: int) -> tuple[int, int]:
    """Move a passage's ends inward, within its first and last sentence, to the first and last
    ``aligned`` token there (else to the first and last ``shared`` one)."""
    if not shared.any() and not aligned.any():
        return t0, t0 + len(shared)
    first_end = int(sent[s0 + 1]) - t0
    last_start = int(sent[s1 - 1]) - t0
    head = aligned[:first_end] if aligned[:first_end].any() else shared[:first_end]
    lo = int(np.argmax(head)) if head.any() else 0
    tail = aligned[last_start:] if aligned[last_start:].any() else shared[last_start:]
    hi = last_start + len(tail) - int(np.argmax(tail[::-1])) if tail.any() else len(shared)
    return t0 + lo, t0 + max(hi, lo + 1)


def _same_run(ids_a: np.ndarray, ids_b: np.ndarray, limit: int = EXTEND_LIMIT) -> int:
    """Length of the common prefix of two token sequences (at most ``limit``), or 0 when shorter
    than ``ALIGNED_K``: a passage's ends are extended over text both sides continue to share
    exactly (a copy that begins or ends inside a sentence the alignment left out)."""
    n = min(len(ids_a), len(ids_b), limit)
    if n < ALIGNED_K:
        return 0
    differ = ids_a[:n] != ids_b[:n]
    run = int(np.argmax(differ)) if differ.any() else n
    return run if run >= ALIGNED_K else 0


def _share(cover: np.ndarray, start: int, end: int) -> float:
    return float(cover[start:end].mean()) if end > start and cover.any() else 0.0


class _Side:
    """Arrays of one side's features, rebuilt once per comparison; those needed only to place
    passages (offsets, lines, blocks) are unpacked on first use (most pairs have no passage)."""

    def __init__(self, d: dict[str, Any]) -> None:
        self._d = d
        self.ids = unpack(d["ids"])
        self.units = unpack(d["units"])
        self.sent = unpack(d["sent"]).astype(np.int64)
        self.n = len(self.ids)
        self.stop = self._mask("stop")
        self.common = self._mask("common")
        self.chars_total = int(d["chars"])
        self.common_runs = d.get("common_runs", [])
        self.blocks = d.get("blocks", [])

    def _mask(self, key: str) -> np.ndarray:
        mask = np.zeros(self.n, bool)
        mask[unpack(self._d[key])] = True
        return mask

    @cached_property
    def start(self) -> np.ndarray:
        return unpack(self._d["start"]).astype(np.int64)

    @cached_property
    def end(self) -> np.ndarray:
        return unpack(self._d["end"]).astype(np.int64)

    @cached_property
    def sent_end(self) -> np.ndarray:
        return unpack(self._d["sent_end"]).astype(np.int64)

    @cached_property
    def converted(self) -> np.ndarray:
        return self._mask("converted")

    @cached_property
    def line_starts(self) -> np.ndarray:
        return unpack(self._d["line_starts"]).astype(np.int64)

    @cached_property
    def cjk(self) -> np.ndarray:
        return self.ids < _CJK_LIMIT

    @cached_property
    def _weight(self) -> np.ndarray:
        return np.concatenate(([0.0], np.cumsum(np.where(self.cjk, 0.5, 1.0))))

    @cached_property
    def _block_starts(self) -> np.ndarray:
        return np.array([b[0] for b in self.blocks], dtype=np.int64)

    def sentence_keys(self) -> np.ndarray:
        """A hash of each sentence's content units (0 for sentences of fewer than 3 units)."""
        if getattr(self, "_keys", None) is None:
            self._keys = sentence_keys(self.units, self.stop, self.sent)
        return self._keys

    def weight(self, t0: int, t1: int) -> float:
        """Length of tokens ``[t0, t1)`` in words (a CJK character counts half)."""
        return float(self._weight[t1] - self._weight[t0])

    def chars(self, t0: int, t1: int, s1: int) -> tuple[int, int]:
        """Source offsets of tokens ``[t0, t1)``; a passage ending its sentence keeps the terminator
        (``s1``, the passage's end sentence, is kept for the callers; the sentence is found from ``t1``)."""
        end = int(self.end[t1 - 1])
        s1 = int(np.searchsorted(self.sent, t1, side="left"))  # t1 ends sentence s1 - 1 when sent[s1] == t1
        if s1 < len(self.sent) and t1 == int(self.sent[s1]):
            end = max(end, int(self.sent_end[s1 - 1]))
        return int(self.start[t0]), end

    def converted_share(self, t0: int, t1: int) -> float:
        cjk = self.cjk[t0:t1]
        return float(self.converted[t0:t1][cjk].mean()) if cjk.any() else 0.0

    def common_phrases(self, t0: int, t1: int) -> list[str]:
        """Text of the common phrases among tokens ``[t0, t1)``."""
        return sorted({text for r0, r1, text in self.common_runs if r0 < t1 and t0 < r1})[:20]

    def cite(self, start: int, end: int) -> str:
        """Page/paragraph citation of a character range (from the reader's blocks)."""
        if not self.blocks:
            return ""
        first = max(int(np.searchsorted(self._block_starts, start, side="right")) - 1, 0)
        last = max(int(np.searchsorted(self._block_starts, max(end - 1, start), side="right")) - 1, 0)
        b0, b1 = self.blocks[first], self.blocks[last]
        para = f"¶ {b0[2]}" if b0[2] == b1[2] else f"¶ {b0[2]}–{b1[2]}"
        if b0[3] is None:
            return para
        page = f"p. {b0[3]}" if b0[3] == b1[3] else f"pp. {b0[3]}–{b1[3]}"
        return f"{page}, {para}"


def sentence_keys(units: np.ndarray, stop: np.ndarray, sent: np.ndarray) -> np.ndarray:
    """A hash of each sentence's content units (0 for sentences of fewer than 3 units)."""
    content = np.flatnonzero(~stop)
    row = np.searchsorted(sent, content, side="right") - 1
    keys = np.zeros(len(sent) - 1, dtype=np.uint64)
    counts = np.bincount(row, minlength=len(keys))
    pos = np.arange(len(row)) - np.searchsorted(row, row, side="left")
    with np.errstate(over="ignore"):
        mixed = (units[content] + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15) \
            ^ (pos.astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F))
    np.add.at(keys, row, mixed)
    keys[counts < 3] = 0
    return keys


def _data_sentence_keys(d: dict[str, Any]) -> np.ndarray:
    """:func:`sentence_keys` of a feature dict, unpacking only the arrays it needs (fitting a
    corpus reads every document's features once)."""
    units = unpack(d["units"])
    stop = np.zeros(len(units), bool)
    stop[unpack(d["stop"])] = True
    return sentence_keys(units, stop, unpack(d["sent"]).astype(np.int64))


def _runs_text(mask: np.ndarray, start: np.ndarray, end: np.ndarray, text: str) -> list[list]:
    """[first token, end token, source text] of every run of marked tokens."""
    if not mask.any():
        return []
    edges = np.flatnonzero(np.diff(np.concatenate(([0], mask.astype(np.int8), [0]))))
    return [[int(s), int(e), text[int(start[s]):int(end[e - 1])]] for s, e in zip(edges[::2], edges[1::2])]
