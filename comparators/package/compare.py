"""Package comparison: two folders or archives compared file by file.

Files are paired first by content (identical SHA-256), then by kind and retrieval
signature (MinHash estimate), each candidate pair going to the comparator of its kind;
the result lists identical, similar, only-in-A and only-in-B files with counts and bytes, and
per member kind (``summary.by_kind``) how much of A reappears in B. Files identical to a declared
base material are excluded and listed with the reason.
"""

from __future__ import annotations

import inspect
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from comparators.base import (
    ComparatorInfo,
    Comparison,
    Exclusion,
    Features,
    Match,
    MaterialRef,
    Region,
    Signature,
)
from comparators.canonical import canonical_bytes
from comparators.errors import InputError
from comparators.fingerprint import minhash
from comparators.fingerprint.tokens import hash_tokens
from comparators.hashing import sha256_bytes, sha256_file
from comparators.package.archive import ArchiveLimits, Member, extract_archive, is_archive, walk_tree

# Member kinds in detection order (most specific first): tables before code and text (a .sql dump
# or a .json table is data, not a program or prose); binary only once that comparator is registered.
MEMBER_DETECTION_ORDER = ("table", "binary", "image", "audio", "code", "text")
DEFAULT_MEMBER_KINDS = ("table", "image", "audio", "code", "text")
OTHER = "other"  # files compared by hash only, in the summary by kind


def available_member_kinds() -> tuple[str, ...]:
    """The default member kinds plus ``binary`` when it is registered, in detection order."""
    from comparators import KINDS

    return tuple(k for k in MEMBER_DETECTION_ORDER
                 if k in DEFAULT_MEMBER_KINDS or (k == "binary" and k in KINDS))


MEMBER_KINDS = available_member_kinds()
VENDOR_DIRS = frozenset({"node_modules", "vendor", "vendors", "third_party", "thirdparty", "third-party",
                         "external", "externals", "site-packages", "bower_components", "deps", "extern"})
# Zip-based document formats: archives by structure, but works of their own to a comparator.
DOCUMENT_SUFFIXES = frozenset({".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub"})


class PackageComparator:
    """Compare two file collections (folder, archive, or a single file as a one-file package).

    Parameters: ``candidates`` (how many best-signature partners each file is compared
    with), ``min_signature`` (MinHash estimate below which files are not paired unless
    they share a name), ``min_score`` (pair score below which files count as unmatched),
    plus the archive safety limits. ``member_kinds`` (default: every available kind, see
    :func:`available_member_kinds`) are the comparators member files are compared with, tried in
    :data:`MEMBER_DETECTION_ORDER`; other files are compared by hash only.
    """

    name = "package"
    version = "0.1.0"

    def __init__(self, candidates: int = 3, min_signature: float = 0.05, min_score: float = 0.2,
                 limits: ArchiveLimits | None = None, num_perm: int = 128, seed: int = 1,
                 member_kinds: Sequence[str] | None = None, known_files: str | None = None) -> None:
        self.candidates = candidates
        self.min_signature = min_signature
        self.min_score = min_score
        self.limits = limits or ArchiveLimits()
        self.num_perm = num_perm
        self.seed = seed
        available = available_member_kinds()
        chosen = available if member_kinds is None else tuple(member_kinds)
        unknown = [k for k in chosen if k not in available]
        if unknown:
            raise ValueError(f"package members cannot be compared as {unknown}; choose from {available}")
        self.member_kinds = tuple(k for k in MEMBER_DETECTION_ORDER if k in chosen)
        self.known_files = known_files
        self.known = read_known_files(known_files) if known_files else {}
        self._members: dict[str, Any] = {}

    def member_comparator(self, kind: str) -> Any:
        """The comparator used for member files of ``kind`` (created once)."""
        if kind not in self._members:
            from comparators import get
            self._members[kind] = get(kind)
        return self._members[kind]

    @property
    def params(self) -> dict[str, Any]:
        members = {k: self.member_comparator(k).info().to_dict() for k in self.member_kinds}
        return {"candidates": self.candidates, "min_signature": self.min_signature,
                "min_score": self.min_score, "limits": self.limits.as_params(),
                "num_perm": self.num_perm, "seed": self.seed, "members": members,
                "known_files": {"path": self.known_files, "entries": len(self.known)} if self.known_files else None}

    def info(self) -> ComparatorInfo:
        return ComparatorInfo(self.name, self.version, self.params)

    def accepts(self, path: Path) -> bool:
        path = Path(path)
        if path.is_dir():
            return True
        return (path.is_file() and path.suffix.lower() not in DOCUMENT_SUFFIXES
                and is_archive(path))

    def member_kind(self, path: Path) -> str | None:
        """The comparator kind of one member file, or ``None`` (compared by hash only)."""
        for kind in self.member_kinds:
            if self.member_comparator(kind).accepts(path):
                return kind
        return None

    def extract(self, path: Path, display_path: str | None = None) -> Features:
        """Features of every file of a folder, an archive or a single file."""
        path = Path(path)
        display = display_path or str(path)
        if not path.exists():
            raise InputError(path, "does not exist")
        if path.is_dir():
            members = walk_tree(path)
            if not members:
                raise InputError(path, "is an empty folder")
            files = self._member_features(path, members, display)
            container, sha = "dir", _manifest_hash(members)
        elif is_archive(path):
            with tempfile.TemporaryDirectory(prefix="appraisal-unpack-") as tmp:
                members = extract_archive(path, Path(tmp), self.limits)
                if not members:
                    raise InputError(path, "is an empty archive")
                files = self._member_features(Path(tmp), members, display + "!")
            container, sha = "archive", sha256_file(path)
        else:
            if path.stat().st_size == 0:
                raise InputError(path, "is empty")
            member = Member(relpath=path.name, size=path.stat().st_size, sha256=sha256_file(path))
            files = self._member_features(path.parent, [member], str(Path(display).parent))
            container, sha = "file", member.sha256
        sig = minhash.signature(hash_tokens(f["sha256"] for f in files), self.num_perm, self.seed)
        return Features(kind=self.name, path=display, sha256=sha, comparator=self.info(),
                        signature=Signature(minhash.SCHEME, self.seed, tuple(sig.tolist()),
                                            {"num_perm": self.num_perm, "over": "file sha256"}),
                        data={"container": container, "files": files})

    def _member_features(self, root: Path, members: Iterable[Member], prefix: str) -> list[dict]:
        files = []
        sep = "" if prefix.endswith("!") else "/"
        for m in members:
            entry: dict[str, Any] = {"path": m.relpath, "size": m.size, "sha256": m.sha256,
                                     "kind": None, "features": None}
            file_path = root / m.relpath
            kind = self.member_kind(file_path) if m.size else None
            if kind:
                try:
                    feats = self._extract_member(kind, file_path, f"{prefix}{sep}{m.relpath}")
                    entry["kind"], entry["features"] = kind, feats.to_dict()
                except InputError as exc:
                    entry["note"] = exc.problem
                    entry["refused_as"] = kind
            elif m.size == 0:
                entry["note"] = "empty file"
            else:
                entry["note"] = "no comparator for this file kind; compared by hash only"
            files.append(entry)
        return files

    def _extract_member(self, kind: str, path: Path, display: str) -> Features:
        """Features of one member file, named ``display`` where its comparator records a display path."""
        extract = self.member_comparator(kind).extract
        if "display_path" in inspect.signature(extract).parameters:
            return extract(path, display_path=display)
        features = extract(path)
        return Features(kind=features.kind, path=display, sha256=features.sha256, comparator=features.comparator,
                        signature=features.signature, data=features.data, notes=features.notes)

    def compare(self, fa: Features, fb: Features, base: Sequence[Features] = ()) -> Comparison:
        """Pair the files of two packages and compare each pair with its kind's comparator."""
        base_hashes = {f["sha256"]: (bf.path, f["path"]) for bf in base
                       for f in _files_of(bf)}
        files_a, files_b = _files_of(fa), _files_of(fb)
        excluded, files_a, files_b = _filter_base(files_a, files_b, base_hashes, self.known, fa, fb)
        identical, rest_a, rest_b = _pair_identical(files_a, files_b)
        base_files = [f for bf in base for f in _files_of(bf)]
        similar = self._pair_similar(rest_a, rest_b, files_a + files_b + base_files, base_files)
        paired_a = {id(a) for a, _, _ in similar}
        paired_b = {id(b) for _, b, _ in similar}
        only_a = [f for f in rest_a if id(f) not in paired_a]
        only_b = [f for f in rest_b if id(f) not in paired_b]
        return self._result(fa, fb, identical, similar, only_a, only_b, excluded)

    def _pair_similar(self, rest_a: list[dict], rest_b: list[dict], corpus: list[dict],
                      base_files: list[dict]) -> list[tuple[dict, dict, Comparison]]:
        """Greedy one-to-one pairing by comparison score over signature candidates.

        Comparators that learn corpus statistics (``fit``) see every file of both packages
        and the base material; comparators that filter (``base=``) get the base files.
        """
        scored: list[tuple[float, int, int, Comparison]] = []
        for kind in self.member_kinds:
            ia = [i for i, f in enumerate(rest_a) if f["kind"] == kind and f["features"]]
            ib = [j for j, f in enumerate(rest_b) if f["kind"] == kind and f["features"]]
            if not ia or not ib:
                continue
            comparator = self.member_comparator(kind)
            if hasattr(comparator, "fit"):
                comparator.fit([Features.from_dict(f["features"]) for f in corpus
                                if f["kind"] == kind and f["features"]])
                comparator.corpus_["source"] = "the files of both packages and their base material"
            base_kind = [Features.from_dict(f["features"]) for f in base_files
                         if f["kind"] == kind and f["features"]]
            takes_base = "base" in inspect.signature(comparator.compare).parameters
            feats_a = [Features.from_dict(rest_a[i]["features"]) for i in ia]
            feats_b = [Features.from_dict(rest_b[j]["features"]) for j in ib]
            for x, y in _candidates(feats_a, feats_b, [rest_a[i]["path"] for i in ia],
                                    [rest_b[j]["path"] for j in ib], self.candidates,
                                    self.min_signature):
                if takes_base:
                    result = comparator.compare(feats_a[x], feats_b[y], base=base_kind)
                else:
                    result = comparator.compare(feats_a[x], feats_b[y])
                if result.score >= self.min_score:
                    scored.append((result.score, ia[x], ib[y], result))
        scored.sort(key=lambda s: (-s[0], rest_a[s[1]]["path"], rest_b[s[2]]["path"]))
        used_a: set[int] = set()
        used_b: set[int] = set()
        pairs = []
        for _, i, j, result in scored:
            if i in used_a or j in used_b:
                continue
            used_a.add(i)
            used_b.add(j)
            pairs.append((rest_a[i], rest_b[j], result))
        return sorted(pairs, key=lambda p: (p[0]["path"], p[1]["path"]))

    def _result(self, fa: Features, fb: Features, identical: list[tuple[dict, dict]],
                similar: list[tuple[dict, dict, Comparison]], only_a: list[dict],
                only_b: list[dict], excluded: list[Exclusion]) -> Comparison:
        matches: list[Match] = []
        for a, b in identical:
            matches.append(Match(id="", score=1.0, category="identical-file",
                                 a=Region(path=member_path(fa, a["path"])),
                                 b=Region(path=member_path(fb, b["path"])),
                                 detail={"sha256": a["sha256"], "bytes": a["size"]}))
        for _, _, result in similar:
            matches.extend(result.matches)
        for _, _, result in similar:
            excluded.extend(result.excluded)
        matches = _numbered(matches)
        size_a = sum(f["size"] for f in _files_of(fa)) - sum(e.detail.get("bytes", 0) for e in excluded if e.a)
        size_b = sum(f["size"] for f in _files_of(fb)) - sum(e.detail.get("bytes", 0) for e in excluded if e.b)
        cov_a = sum(a["size"] for a, _ in identical) + sum(a["size"] * r.coverage_a for a, _, r in similar)
        cov_b = sum(b["size"] for _, b in identical) + sum(b["size"] * r.coverage_b for _, b, r in similar)
        coverage_a = cov_a / size_a if size_a else 0.0
        coverage_b = cov_b / size_b if size_b else 0.0
        score = (cov_a + cov_b) / (size_a + size_b) if size_a + size_b else 0.0
        notes = [f"{side} {f['path']}: {note}" for side, feats in (("A", fa), ("B", fb))
                 for f in _files_of(feats) for note in _member_notes(f)]
        notes += [f"{side} {path}: path suggests bundled third-party code; declare it as base material "
                  "(or list its hash in known files) to exclude it"
                  for side, feats in (("A", fa), ("B", fb)) for path in vendored_paths(_files_of(feats))]
        files = {
            "identical": [{"a": a["path"], "b": b["path"], "bytes": a["size"], "sha256": a["sha256"]}
                          for a, b in identical],
            "similar": [{"a": a["path"], "b": b["path"], "kind": a["kind"], "score": r.score,
                         "coverage_a": r.coverage_a, "coverage_b": r.coverage_b,
                         "bytes_a": a["size"], "bytes_b": b["size"], "comparison": r.to_dict()}
                        for a, b, r in similar],
            "only_a": [{"path": f["path"], "bytes": f["size"]} for f in only_a],
            "only_b": [{"path": f["path"], "bytes": f["size"]} for f in only_b],
        }
        ranked = [{"a": a["path"], "b": b["path"], "score": 1.0, "kind": "identical"} for a, b in identical]
        ranked += [{"a": a["path"], "b": b["path"], "score": r.score, "kind": a["kind"]} for a, b, r in similar]
        ranked.sort(key=lambda x: (-x["score"], x["a"], x["b"]))
        summary = {name: {"count": len(rows),
                          "bytes": sum(r.get("bytes", r.get("bytes_a", 0)) for r in rows)}
                   for name, rows in files.items()}
        excluded_files = [e for e in excluded if "bytes" in e.detail]
        files["vendored_a"] = vendored_paths(_files_of(fa))
        files["vendored_b"] = vendored_paths(_files_of(fb))
        summary["by_kind"] = kind_summary(identical, similar, only_a, only_b)
        summary["excluded"] = {"count": len(excluded_files),
                               "bytes": sum(e.detail["bytes"] for e in excluded_files),
                               "fragments": len(excluded) - len(excluded_files)}
        return Comparison(kind=self.name, score=score, coverage_a=coverage_a, coverage_b=coverage_b,
                          comparator=self.info(), a=MaterialRef(fa.path, fa.sha256),
                          b=MaterialRef(fb.path, fb.sha256), matches=tuple(matches),
                          excluded=tuple(excluded), notes=tuple(notes),
                          extra={"files": files, "summary": summary, "ranked": ranked,
                                 "units": {"name": "bytes", "a": size_a, "b": size_b}})


def member_kind_of(entry: dict) -> str:
    """The kind a member file is counted under: its comparator's, the one that refused it, or ``other``."""
    return entry.get("kind") or entry.get("refused_as") or OTHER


def kind_summary(identical: list[tuple[dict, dict]], similar: list[tuple[dict, dict, Comparison]],
                 only_a: list[dict], only_b: list[dict]) -> dict[str, dict[str, Any]]:
    """Per member kind: files and bytes of each side, A's files found identically or similar in B, and the
    share of A's bytes that reappear in B (identical files whole, similar files weighted by coverage of A).

    Files excluded as base material or known third-party files count on neither side.
    """
    out: dict[str, dict[str, Any]] = {}

    def row(kind: str) -> dict[str, Any]:
        return out.setdefault(kind, {"files_a": 0, "bytes_a": 0, "files_b": 0, "bytes_b": 0, "identical_files": 0,
                                     "identical_bytes": 0, "similar_files": 0, "similar_bytes": 0.0,
                                     "reappearing_share": 0.0})

    for a, b in identical:
        r = row(member_kind_of(a))
        r["files_a"] += 1
        r["bytes_a"] += a["size"]
        r["identical_files"] += 1
        r["identical_bytes"] += a["size"]
        rb = row(member_kind_of(b))
        rb["files_b"] += 1
        rb["bytes_b"] += b["size"]
    for a, b, result in similar:
        r = row(member_kind_of(a))
        r["files_a"] += 1
        r["bytes_a"] += a["size"]
        r["similar_files"] += 1
        r["similar_bytes"] += a["size"] * result.coverage_a
        rb = row(member_kind_of(b))
        rb["files_b"] += 1
        rb["bytes_b"] += b["size"]
    for side, files in (("a", only_a), ("b", only_b)):
        for f in files:
            r = row(member_kind_of(f))
            r[f"files_{side}"] += 1
            r[f"bytes_{side}"] += f["size"]
    for r in out.values():
        if r["bytes_a"]:
            r["reappearing_share"] = (r["identical_bytes"] + r["similar_bytes"]) / r["bytes_a"]
    return dict(sorted(out.items()))


def member_path(features: Features, relpath: str) -> str:
    """How results name a member file: ``folder/rel``, ``archive!rel``, or the file itself."""
    container = features.data["container"]
    if container == "file":
        return features.path
    return f"{features.path}{'!' if container == 'archive' else '/'}{relpath}"


def _files_of(features: Features) -> list[dict]:
    if features.kind != "package":
        raise ValueError(f"{features.path}: package comparison needs package features, "
                         f"got {features.kind!r}")
    return features.data["files"]


def _manifest_hash(members: Sequence[Member]) -> str:
    """SHA-256 of a folder: the hash of its canonical manifest (path, size, sha256)."""
    return sha256_bytes(canonical_bytes([[m.relpath, m.size, m.sha256] for m in members]))


def _filter_base(files_a: list[dict], files_b: list[dict], base_hashes: dict[str, tuple[str, str]],
                 known: dict[str, str], fa: Features, fb: Features) -> tuple[list[Exclusion], list[dict], list[dict]]:
    """Remove files identical to declared base material or to known third-party files."""
    excluded: list[Exclusion] = []
    keep_a, keep_b = [], []
    for side, files, keep, owner in (("a", files_a, keep_a, fa), ("b", files_b, keep_b, fb)):
        for f in files:
            hit = base_hashes.get(f["sha256"])
            label = known.get(f["sha256"])
            if hit is None and label is None:
                keep.append(f)
                continue
            region = Region(path=member_path(owner, f["path"]))
            if hit is not None:
                reason, origin = "declared base material", f"{hit[0]}/{hit[1]}"
            else:
                reason, origin = f"known third-party file ({label})", label
            excluded.append(Exclusion(
                reason=reason, a=region if side == "a" else None, b=region if side == "b" else None,
                detail={"bytes": f["size"], "sha256": f["sha256"], "base": origin}))
    return excluded, keep_a, keep_b


def _member_notes(entry: dict) -> list[str]:
    """What reading one member file noted: its refusal reason or its comparator's notes."""
    if entry.get("note"):
        return [entry["note"]]
    return list(entry["features"]["notes"]) if entry.get("features") else []


def vendored_paths(files: list[dict]) -> list[str]:
    """Files whose path suggests bundled third-party code (flagged for the expert, not removed)."""
    return [f["path"] for f in files if VENDOR_DIRS & set(f["path"].lower().split("/")[:-1])]


def read_known_files(path: str | Path) -> dict[str, str]:
    """A list of known third-party files: lines ``<sha256> <label>`` (``#`` comments allowed)."""
    known: dict[str, str] = {}
    source = Path(path)
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(source, f"cannot be read as a known-files list ({exc})") from None
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        digest, _, label = line.partition(" ")
        if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest.lower()):
            raise InputError(source, f"line {number} does not start with a SHA-256")
        known[digest.lower()] = label.strip() or source.name
    return known


def _pair_identical(files_a: list[dict], files_b: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Pair files with equal SHA-256 (same relative path preferred), one to one."""
    by_hash: dict[str, list[dict]] = {}
    for f in files_b:
        by_hash.setdefault(f["sha256"], []).append(f)
    pairs, rest_a, used = [], [], set()
    for a in files_a:
        cands = [b for b in by_hash.get(a["sha256"], []) if id(b) not in used]
        if not cands or a["size"] == 0:
            rest_a.append(a)
            continue
        same_name = [b for b in cands if b["path"] == a["path"]]
        b = (same_name or cands)[0]
        used.add(id(b))
        pairs.append((a, b))
    rest_b = [b for b in files_b if id(b) not in used]
    return pairs, rest_a, rest_b


def _candidates(feats_a: list[Features], feats_b: list[Features], names_a: list[str],
                names_b: list[str], per_file: int, min_signature: float) -> list[tuple[int, int]]:
    """Candidate pairs: each file's best signature partners, plus same-named files."""
    sig_a = np.array([f.signature.values for f in feats_a], dtype=np.uint32)
    sig_b = np.array([f.signature.values for f in feats_b], dtype=np.uint32)
    est = np.zeros((len(feats_a), len(feats_b)), dtype=np.float32)
    for i in range(len(feats_a)):
        est[i] = (sig_b == sig_a[i]).mean(axis=1)
    pairs: set[tuple[int, int]] = set()
    k = min(per_file, len(feats_b))
    for i in range(len(feats_a)):
        for j in np.argsort(-est[i], kind="stable")[:k]:
            if est[i, j] >= min_signature:
                pairs.add((i, int(j)))
    k = min(per_file, len(feats_a))
    for j in range(len(feats_b)):
        for i in np.argsort(-est[:, j], kind="stable")[:k]:
            if est[i, j] >= min_signature:
                pairs.add((int(i), j))
    index_b = {Path(n).name: j for j, n in enumerate(names_b)}
    for i, n in enumerate(names_a):
        j = index_b.get(Path(n).name)
        if j is not None:
            pairs.add((i, j))
    return sorted(pairs)


def _numbered(matches: list[Match]) -> list[Match]:
    """Give package-level ids: F-file-0001 for whole files, F-<kind>-NNNN for fragments."""
    counters: dict[str, int] = {}
    out = []
    for m in matches:
        modality = "file" if m.category == "identical-file" else m.id.split("-")[1]
        counters[modality] = counters.get(modality, 0) + 1
        out.append(Match(id=f"F-{modality}-{counters[modality]:04d}", score=m.score,
                         category=m.category, a=m.a, b=m.b, detail=m.detail))
    return out
