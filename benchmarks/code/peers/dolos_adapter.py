"""Dolos (npm ``@dodona/dolos-lib``) as a peer, driven through ``dolos/dolos_pairs.mjs``.

All pairs of a split go to one Node process (one fingerprint index per language, Dolos'
default options); the pair score is Dolos' ``similarity``. Pairs in a language Dolos has no
parser for come back with an error and no score. Install with ``peers/setup.sh``.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

DOLOS_DIR = Path(__file__).resolve().parent / "dolos"
SCRIPT = DOLOS_DIR / "dolos_pairs.mjs"


def node_binary() -> str:
    """Path of ``node``; raises RuntimeError when Node.js is missing."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("node is not installed (apt-get install nodejs npm)")
    return node


def installed() -> bool:
    """Whether dolos-lib is installed next to the script."""
    return (DOLOS_DIR / "node_modules" / "@dodona" / "dolos-lib" / "package.json").is_file()


def dolos_version() -> str:
    """The installed dolos-lib version and the Node.js version that runs it."""
    meta = json.loads((DOLOS_DIR / "node_modules" / "@dodona" / "dolos-lib" / "package.json").read_text())
    node = subprocess.run([node_binary(), "--version"], capture_output=True, text=True, check=False)
    return f"{meta['version']} (Node {node.stdout.strip()})"


def languages() -> list[dict[str, object]]:
    """The languages (name, extensions) this Dolos supports."""
    out = subprocess.run([node_binary(), str(SCRIPT), "languages"], capture_output=True, text=True,
                         check=True, cwd=DOLOS_DIR)
    return [lang for lang in json.loads(out.stdout) if lang["name"] != "char"]


class DolosScorer:
    """Score many pairs in one Node run."""

    name = "dolos"
    params = {"kgram_length": 23, "kgrams_in_window": 17, "include_comments": False,
              "score": "Pair.similarity"}

    def score_pairs(self, pairs: list[tuple[Path, Path]]) -> list[tuple[float | None, str | None]]:
        """(score, error) for each pair, in order; ``score`` is ``None`` on error."""
        if not installed():
            raise RuntimeError("Dolos is not installed: run benchmarks/code/peers/setup.sh")
        with tempfile.TemporaryDirectory(prefix="dolos-pairs-") as tmp:
            pairs_csv = Path(tmp) / "pairs.csv"
            with pairs_csv.open("w", newline="", encoding="utf-8") as handle:
                writer = csv.writer(handle)
                writer.writerow(["a", "b"])
                writer.writerows((str(Path(a).resolve()), str(Path(b).resolve())) for a, b in pairs)
            out_path = Path(tmp) / "scores.jsonl"
            proc = subprocess.run([node_binary(), str(SCRIPT), "pairs", str(pairs_csv), "--out", str(out_path)],
                                  capture_output=True, text=True, cwd=DOLOS_DIR, check=False)
            if proc.returncode != 0:
                raise RuntimeError(f"dolos_pairs.mjs failed: {proc.stderr.strip()[-2000:]}")
            records = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines() if line]
        if len(records) != len(pairs):
            raise RuntimeError(f"dolos_pairs.mjs returned {len(records)} records for {len(pairs)} pairs")
        return [(r.get("similarity"), r.get("error")) for r in records]
