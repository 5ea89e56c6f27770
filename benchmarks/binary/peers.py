"""The simplest-baseline peers of the binary benchmark: a score in [0, 1] per pair of files, higher = more similar.

Usage (from the repository root, after ``pairs.py``)::

    .venv/bin/python benchmarks/binary/peers.py --split tune [--tools tlsh,ssdeep] [--limit 100] [--seed 0]

prints each peer's ROC AUC (and seconds) on ``--limit`` pairs of the split drawn with ``--seed``.
``run.py`` drives the same classes for the full tables.

- :class:`Tlsh`: TLSH (py-tlsh ``tlsh.hash`` of the whole file, ``tlsh.diff`` of two hashes, which
  counts the header's length difference); score ``max(0, 1 - diff / 300)``. A file TLSH cannot hash
  (fewer than 50 bytes or too little variety: ``TNULL``) scores 0 with a note.
- :class:`Ssdeep`: ssdeep context-triggered piecewise hashes (the ``ssdeep`` command when installed,
  else ppdeep's pure-Python hash); the match score of ``ppdeep.compare`` (ssdeep's scoring) / 100.
- :class:`Imports`: Jaccard index of the imported function names read with LIEF
  (``binary.imported_functions``; ELF symbol versions such as ``@GLIBC_2.34`` dropped). A file LIEF
  cannot parse or with no imports scores 0 with a note.
- :class:`Strings`: Jaccard index of the sets of printable ASCII runs of 6 or more bytes.

:class:`PairCache` keeps each tool's results per pair of files in ``data/results/<split>/<tool>.json``,
keyed by the two files' sha256 (``<sha a>:<sha b>``) and dropped when the tool's parameters change
(``run.py`` fills it with a pool of workers; :func:`score_pairs` is the one-process way).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))
from common.peers import DocCache  # noqa: E402

DATA = HERE / "data"
PEERS = ("tlsh", "ssdeep", "imports", "strings")
_PRINTABLE = re.compile(rb"[\x20-\x7e]{6,}")


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def jaccard(a: set[str], b: set[str]) -> float:
    """|A & B| / |A | B| (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


Scored = tuple[float, str]  # (score, note: "" or why the score is 0)


class Tlsh:
    """``max(0, 1 - tlsh.diff / scale)`` of the whole files' TLSH digests."""

    name = "tlsh"

    def __init__(self, scale: float = 300.0) -> None:
        import tlsh

        self.tlsh = tlsh
        self.scale = scale
        self.cache: DocCache[str] = DocCache(lambda p: self.tlsh.hash(p.read_bytes()))

    @property
    def params(self) -> dict[str, Any]:
        """Every setting that changes a result."""
        return {"py-tlsh": _version("py-tlsh"), "scale": self.scale, "input": "whole file"}

    def score(self, a: Path, b: Path) -> Scored:
        """Score of one pair and a note when a file has no digest."""
        ha, hb = self.cache.get(a), self.cache.get(b)
        missing = [p.name for p, h in ((a, ha), (b, hb)) if not h or h == "TNULL"]
        if missing:
            return 0.0, f"no TLSH digest (too small or too uniform): {', '.join(missing)}"
        return max(0.0, 1.0 - self.tlsh.diff(ha, hb) / self.scale), ""


class Ssdeep:
    """ssdeep match score / 100 (hashes by the ``ssdeep`` command, or ppdeep when it is not installed)."""

    name = "ssdeep"

    def __init__(self) -> None:
        import ppdeep

        self.ppdeep = ppdeep
        self.command = shutil.which("ssdeep")
        self.cache: DocCache[str] = DocCache(self.digest)

    @property
    def params(self) -> dict[str, Any]:
        """Every setting that changes a result."""
        return {"hash": self.version(), "compare": f"ppdeep {_version('ppdeep')}"}

    def version(self) -> str:
        """Which program hashes."""
        if self.command:
            done = subprocess.run([self.command, "-V"], capture_output=True, text=True)
            return f"ssdeep {done.stdout.strip()}"
        return f"ppdeep {_version('ppdeep')}"

    def digest(self, path: Path) -> str:
        """The ssdeep digest ``blocksize:hash1:hash2`` of a file."""
        if self.command:
            done = subprocess.run([self.command, "-s", "-c", "-b", str(path)], capture_output=True, text=True)
            for line in done.stdout.splitlines()[1:]:
                if line and not line.startswith("ssdeep,"):
                    return line.rsplit(",", 1)[0]
            return ""
        return str(self.ppdeep.hash_from_file(str(path)))

    def score(self, a: Path, b: Path) -> Scored:
        """Score of one pair and a note when a file has no digest."""
        ha, hb = self.cache.get(a), self.cache.get(b)
        if not ha or not hb:
            return 0.0, "no ssdeep digest"
        return self.ppdeep.compare(ha, hb) / 100.0, ""


def imported_names(path: Path) -> tuple[set[str] | None, str]:
    """Imported function names of a program by LIEF (None and a note when LIEF cannot parse it)."""
    import lief

    lief.logging.disable()
    try:
        binary = lief.parse(str(path))
    except Exception as exc:  # noqa: BLE001 - LIEF raises several types on malformed input
        return None, f"LIEF failed on {path.name}: {type(exc).__name__}"
    if binary is None:
        return None, f"LIEF could not parse {path.name}"
    names: set[str] = set()
    for function in binary.imported_functions or ():
        name = str(getattr(function, "name", "") or "")
        if name:
            names.add(name.split("@", 1)[0])
    return names, ""


class Imports:
    """Jaccard index of the imported function names (LIEF)."""

    name = "imports"

    def __init__(self) -> None:
        self.cache: DocCache[tuple[set[str] | None, str]] = DocCache(imported_names)

    @property
    def params(self) -> dict[str, Any]:
        """Every setting that changes a result."""
        return {"lief": _version("lief"), "names": "imported_functions, symbol version dropped"}

    def score(self, a: Path, b: Path) -> Scored:
        """Score of one pair and a note when imports are missing."""
        (ia, na), (ib, nb) = self.cache.get(a), self.cache.get(b)
        if ia is None or ib is None:
            return 0.0, "; ".join(n for n in (na, nb) if n)
        if not ia and not ib:
            return 0.0, "no imports in either file"
        return jaccard(ia, ib), ""


def printable_strings(path: Path, min_length: int = 6) -> set[str]:
    """The distinct printable ASCII runs of ``min_length`` or more bytes."""
    pattern = _PRINTABLE if min_length == 6 else re.compile(rb"[\x20-\x7e]{%d,}" % min_length)
    return {m.decode("ascii") for m in pattern.findall(path.read_bytes())}


class Strings:
    """Jaccard index of printable ASCII strings of 6 or more bytes."""

    name = "strings"

    def __init__(self, min_length: int = 6) -> None:
        self.min_length = min_length
        self.cache: DocCache[set[str]] = DocCache(lambda p: printable_strings(p, self.min_length))

    @property
    def params(self) -> dict[str, Any]:
        """Every setting that changes a result."""
        return {"min_length": self.min_length, "charset": "printable ASCII 0x20-0x7e"}

    def score(self, a: Path, b: Path) -> Scored:
        """Score of one pair and a note when neither file has strings."""
        sa, sb = self.cache.get(a), self.cache.get(b)
        if not sa and not sb:
            return 0.0, "no strings in either file"
        return jaccard(sa, sb), ""


def make_peer(name: str) -> Tlsh | Ssdeep | Imports | Strings:
    """A peer by name."""
    makers: dict[str, Callable[[], Tlsh | Ssdeep | Imports | Strings]] = {
        "tlsh": Tlsh, "ssdeep": Ssdeep, "imports": Imports, "strings": Strings}
    return makers[name]()


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def pair_key(sha_a: str, sha_b: str) -> str:
    """The cache key of an ordered pair of files."""
    return f"{sha_a}:{sha_b}"


class PairCache:
    """One tool's stored results per pair of files: ``data/results/<split>/<tool>.json``.

    The file holds ``{"tool", "params", "pairs": {"<sha a>:<sha b>": result}, "files": {sha: ...}}``
    (``files``: per-file values such as extraction seconds); it is started afresh when the tool's
    parameters differ from the stored ones.
    """

    def __init__(self, path: Path, tool: str, params: dict[str, Any]) -> None:
        self.path = path
        self.tool = tool
        self.params = json.loads(json.dumps(params, default=str))
        self.pairs: dict[str, dict[str, Any]] = {}
        self.files: dict[str, Any] = {}
        if path.is_file():
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored.get("params") == self.params:
                self.pairs = stored.get("pairs", {})
                self.files = stored.get("files", {})

    def save(self) -> None:
        """Write the cache."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = {"tool": self.tool, "params": self.params, "pairs": self.pairs, "files": self.files}
        self.path.write_text(json.dumps(body, default=float), encoding="utf-8")


def score_pairs(name: str, pairs: Iterable[tuple[Path, Path]], cache_file: Path,
                sha: Callable[[Path], str] = sha256_file) -> list[dict[str, Any]]:
    """Each pair's ``{"score", "note", "compare_s"}`` by peer ``name`` in one process, cached in ``cache_file``."""
    peer = make_peer(name)
    cache = PairCache(cache_file, name, peer.params)
    out: list[dict[str, Any]] = []
    fresh = 0
    for a, b in pairs:
        key = pair_key(sha(a), sha(b))
        if key not in cache.pairs:
            cache.pairs[key] = run_peer(peer, a, b)
            fresh += 1
        out.append(cache.pairs[key])
    if fresh:
        cache.save()
    return out


def run_peer(peer: Tlsh | Ssdeep | Imports | Strings, a: Path, b: Path) -> dict[str, Any]:
    """``{"score", "note", "compare_s"}`` of one pair (a pair that fails scores 0 and says why)."""
    t = time.perf_counter()
    try:
        value, note = peer.score(a, b)
    except Exception as exc:  # noqa: BLE001 - any failure of a peer on one pair
        value, note = 0.0, f"error: {type(exc).__name__}: {exc}"
    return {"score": float(value), "note": note, "compare_s": time.perf_counter() - t}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("tune", "test"), required=True)
    ap.add_argument("--tools", default=",".join(PEERS))
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args(argv)
    from sklearn.metrics import roc_auc_score

    with (args.data / f"pairs_{args.split}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows = random.Random(args.seed).sample(rows, min(args.limit, len(rows)))
    labels = [int(r["label"]) for r in rows]
    for name in [t for t in args.tools.split(",") if t]:
        peer = make_peer(name)
        t = time.perf_counter()
        scores = [peer.score(args.data / r["a"], args.data / r["b"])[0] for r in rows]
        auc = roc_auc_score(labels, scores) if len(set(labels)) == 2 else float("nan")
        print(f"{name}: ROC AUC {auc:.3f} on {len(rows)} pairs, {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
