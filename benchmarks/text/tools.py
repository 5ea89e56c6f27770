"""The tools of the text benchmark: how to build each in a worker, score one pair, and key its cache.

``ours`` is the workbench's text comparator (``--param k=v`` overrides its constructor
arguments); ``baseline-minhash`` and ``copydetect`` are peers (see ``peers/``). The
``baseline-minhash-whole`` variant is not scored separately: the runner derives it from
``baseline-minhash``'s scores (see ``evaluation.whole_document_detections``).
"""

from __future__ import annotations

import hashlib
import json
import time
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from peers.contract import PairScorer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TOOLS = ("ours", "baseline-minhash", "copydetect")
WHOLE = "baseline-minhash-whole"


def canonical(value: Any) -> str:
    """JSON with sorted keys (stable text for hashing)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


@lru_cache(maxsize=8)
def scorer(name: str, overrides_json: str = "{}") -> PairScorer:
    """The tool ``name`` (one instance per process), with constructor overrides for ``ours``."""
    overrides = json.loads(overrides_json)
    if name == "ours":
        from peers.ours import Ours

        return Ours(**overrides)
    if overrides:
        raise ValueError(f"--param applies to ours only, not {name}")
    if name == "baseline-minhash":
        from peers.minhash_baseline import MinHashBaseline

        return MinHashBaseline()
    if name == "copydetect":
        from peers.copydetect_text import CopydetectText

        return CopydetectText()
    raise ValueError(f"unknown tool {name!r}; known: {', '.join(TOOLS)}")


def tool_version(name: str) -> str:
    """Version of a tool (ours: comparator version and workbench build)."""
    if name == "ours":
        from appraisal.version import tool_version as workbench

        return f"text comparator {getattr(scorer('ours'), 'version', '?')}, workbench {workbench()}"
    if name in ("baseline-minhash", WHOLE):
        from peers.minhash_baseline import versions

        return versions()
    if name == "copydetect":
        return f"copydetect {version('copydetect')}"
    raise ValueError(name)


def _sources(name: str) -> list[Path]:
    """The files whose content decides a tool's results here (ours: ``comparators/`` but other media)."""
    textio = [ROOT / "comparators" / "textio.py", HERE / "peers" / "contract.py"]
    if name == "ours":
        other_media = {"code", "image", "audio", "binary"}
        files = [p for p in (ROOT / "comparators").rglob("*") if p.is_file() and p.suffix != ".pyc"
                 and "__pycache__" not in p.parts and p.relative_to(ROOT / "comparators").parts[0] not in other_media]
        return sorted(files) + [HERE / "peers" / "ours.py"]
    if name == "baseline-minhash":
        return [*textio, HERE / "peers" / "minhash_baseline.py"]
    return [*textio, HERE / "peers" / "copydetect_text.py"]


def cache_key(name: str, overrides_json: str = "{}") -> str:
    """Hash of a tool's identity: name, version, params and the source code that computes it.

    Our comparator's version string may not change while it is being rewritten, so the
    hash of its source files is part of the key: any edit invalidates cached results.
    """
    digest = hashlib.sha256()
    tool = scorer(name, overrides_json)
    digest.update(canonical([name, tool_version(name), tool.params]).encode())
    for path in _sources(name):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=4096)
def chars_of(path: str) -> int:
    """Length in code points of a decoded document."""
    from comparators.textio import read_text

    return len(read_text(path).text)


def score_job(name: str, overrides_json: str, a: str, b: str) -> dict[str, Any]:
    """Worker: one tool on one pair, as a JSON-ready dict (``error`` instead of a score on failure)."""
    out: dict[str, Any] = {}
    try:
        out["chars_a"], out["chars_b"] = chars_of(a), chars_of(b)
    except Exception as exc:  # noqa: BLE001 - an unreadable document is a result of the pair
        return {"score": None, "detections": [], "categories": [], "seconds": 0.0,
                "error": f"{type(exc).__name__}: {exc}"}
    started = time.perf_counter()
    try:
        result = scorer(name, overrides_json).score(Path(a), Path(b))
    except Exception as exc:  # noqa: BLE001 - a tool's failure on one pair is a result
        out.update(score=None, detections=[], categories=[], error=f"{type(exc).__name__}: {exc}")
    else:
        out.update(score=result.score, detections=[list(d) for d in result.detections],
                   categories=list(result.categories), excluded=[list(e) for e in result.excluded], error=None)
    out["seconds"] = time.perf_counter() - started
    return out
