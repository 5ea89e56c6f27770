"""The declared reference corpus a comparison is filtered against (commonplace code, boilerplate text).

A pair's score must not depend on what else happens to be compared with it. So a comparator
learns what is common only from a corpus the expert declares, and every result names it:

* ``none``: nothing is filtered as commonplace (the default of ``compare`` and ``batch``);
* a folder: every file in it the comparator accepts is read and the comparator is fitted on them;
* a fitted corpus file (``*.json``, written by :func:`save`, e.g. ``appraisal commonplace``);
* ``batch``: the batch's own materials, all of them, whatever is left to do after a ``--resume``.

Comparators count frequencies over groups of near-duplicates (:mod:`comparators.fingerprint.groups`),
so thirty copies of one work in the corpus count once and do not make it commonplace.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from comparators.base import Features
from comparators.errors import InputError
from comparators.hashing import sha256_bytes

FORMAT = "appraisal-commonplace-corpus/1"
NONE: dict[str, Any] = {"source": "none", "method": "no commonplace corpus declared: nothing is filtered as common"}


def describe(state: dict[str, Any] | None) -> dict[str, Any]:
    """What a result records about the corpus it was filtered against."""
    if not state:
        return dict(NONE)
    keys = ("source", "files", "groups", "sha256", "method", "file")
    return {k: state[k] for k in keys if k in state}


def fit(comparator: Any, features: Sequence[Features], source: str) -> dict[str, Any]:
    """Fit ``comparator`` on ``features`` and name the corpus ``source``; returns its state."""
    comparator.fit(list(features))
    comparator.corpus_["source"] = source
    return comparator.corpus_


def save(state: dict[str, Any], comparator: str, path: Path) -> None:
    """Write a fitted corpus as canonical JSON (sets as sorted lists)."""
    body = {"format": FORMAT, "comparator": comparator,
            "state": {k: (sorted(v) if isinstance(v, set) else v) for k, v in state.items()}}
    path.write_text(json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n",
                    encoding="utf-8")


def load(path: Path, comparator: str) -> dict[str, Any]:
    """Read a fitted corpus written by :func:`save` for ``comparator``."""
    path = Path(path)
    try:
        data = path.read_bytes()
        body = json.loads(data)
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    except ValueError:
        raise InputError(path, "is not a fitted commonplace corpus (not JSON)") from None
    if not isinstance(body, dict) or body.get("format") != FORMAT or not isinstance(body.get("state"), dict):
        raise InputError(path, f"is not a fitted commonplace corpus (expected format {FORMAT})")
    if body.get("comparator") != comparator:
        raise InputError(path, f"was fitted for the {body.get('comparator')} comparator, not {comparator}")
    state = dict(body["state"])
    for key in ("commonplace", "boilerplate"):
        if isinstance(state.get(key), list):
            state[key] = set(state[key])
    state.pop("file", None)
    return state


def check_declared(value: str) -> None:
    """Refuse a declaration that cannot work, before any output is written."""
    if not value or value in ("none", "batch"):
        return
    path = Path(value)
    if path.is_dir():
        return
    if not path.is_file():
        raise InputError(path, "does not exist (--commonplace-from takes none, batch, a folder or a "
                               "fitted corpus file)")
    try:
        body = json.loads(path.read_bytes())
    except (OSError, ValueError):
        body = None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise InputError(path, f"is not a fitted commonplace corpus (expected format {FORMAT})")


def from_declared(comparator: Any, value: str) -> dict[str, Any] | None:
    """The corpus state ``value`` declares for ``comparator`` (``None`` for ``none``).

    ``value`` is ``none``, a folder or a fitted corpus file (``batch`` is resolved by the batch
    engine, which holds the batch's features).
    """
    if not value or value == "none":
        return None
    if not hasattr(comparator, "fit"):
        raise InputError(value, f"the {comparator.name} comparator learns no commonplace corpus")
    if value == "batch":
        raise InputError("--commonplace-from", "batch is only available in appraisal batch")
    path = Path(value)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and comparator.accepts(p))
        if not files:
            raise InputError(path, f"holds no file the {comparator.name} comparator accepts")
        feats = [comparator.extract(p, display_path=str(p.relative_to(path))) for p in files]
        return fit(comparator, feats, f"folder {path.resolve()} ({len(files)} files)")
    if path.is_file():
        state = load(path, comparator.name)
        state["file"] = {"path": str(path.resolve()), "sha256": sha256_bytes(path.read_bytes())}
        return state
    raise InputError(path, "does not exist (give none, batch, a folder or a fitted corpus file)")
