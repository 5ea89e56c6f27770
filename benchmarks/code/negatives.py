"""Hard negatives: independent implementations of one task, and unrelated real files of one language and domain."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from sources import Original


@dataclass(frozen=True)
class Doc:
    """A file that may take part in a pair: an original, a task implementation, or a disguised variant."""

    key: str  # unique: origin id, or origin id + family + strength
    origin: str  # id of the original it derives from
    package: str
    domain: str
    language: str
    lines: int
    family: str = ""  # disguise family of a variant ("" for an untouched file)
    strength: int = 0


def _ranked(docs: list[Doc]) -> list[tuple[bool, float, str, str, Doc, Doc]]:
    """Pairs of files from different packages, same domain and similar size first."""
    ranked = []
    for i, x in enumerate(docs):
        for y in docs[i + 1:]:
            if x.package == y.package:
                continue
            ratio = max(x.lines, y.lines) / max(1, min(x.lines, y.lines))
            ranked.append((x.domain != y.domain, round(ratio, 3), x.key, y.key, x, y))
    ranked.sort(key=lambda r: r[:4])
    return ranked


def same_domain_pairs(originals: list[Original], variants: dict[str, list[Doc]], target: int,
                      rng: random.Random) -> list[tuple[Doc, Doc]]:
    """``target`` pairs of files from different packages, same domain and similar size first.

    About half pair two untouched originals; the rest pair an original with a disguised variant of an unrelated
    original, so that disguise artefacts alone never tell copies from independent work.
    """
    docs = [Doc(o.id, o.id, o.package, o.domain, o.language, o.lines) for o in originals]
    ranked = _ranked(docs)
    plain = [(r[4], r[5]) for r in ranked[: target // 2]]
    out = [(a, b) if rng.random() < 0.5 else (b, a) for a, b in plain]
    seen = {(a.key, b.key) for a, b in out} | {(b.key, a.key) for a, b in out}
    by_id = {d.key: d for d in docs}
    attempts = 0
    while len(out) < target and attempts < target * 20:
        attempts += 1
        x = rng.choice(docs)
        others = [d for d in docs if d.package != x.package and variants.get(d.key)]
        if not others:
            break
        same = [d for d in others if d.domain == x.domain]
        y = rng.choice(same if same and rng.random() < 0.7 else others)
        v = rng.choice(variants[y.key])
        if (x.key, v.key) in seen:
            continue
        seen.add((x.key, v.key))
        out.append((by_id[x.key], v))
    return out


def extra_same_domain_pairs(originals: list[Original], variants: dict[str, list[Doc]], target: int,
                            rng: random.Random, path: Callable[[Doc], str],
                            used: set[tuple[str, str]]) -> list[tuple[Doc, Doc]]:
    """``target`` more same-domain negatives, none of them (in either order, by ``path``) in ``used``.

    Like ``same_domain_pairs``: about half the next untouched pairs of the same ranking, the rest an original with
    one of ``variants`` (here the dense ``combined`` levels) of an unrelated original.
    """
    docs = [Doc(o.id, o.id, o.package, o.domain, o.language, o.lines) for o in originals]
    seen = set(used) | {(b, a) for a, b in used}
    out: list[tuple[Doc, Doc]] = []
    for r in _ranked(docs):
        if len(out) >= target // 2:
            break
        x, y = r[4], r[5]
        if (path(x), path(y)) in seen:
            continue
        seen |= {(path(x), path(y)), (path(y), path(x))}
        out.append((x, y) if rng.random() < 0.5 else (y, x))
    attempts = 0
    while len(out) < target and attempts < target * 20:
        attempts += 1
        x = rng.choice(docs)
        others = [d for d in docs if d.package != x.package and variants.get(d.key)]
        if not others:
            break
        same = [d for d in others if d.domain == x.domain]
        y = rng.choice(same if same and rng.random() < 0.7 else others)
        v = rng.choice(variants[y.key])
        if (path(x), path(v)) in seen:
            continue
        seen |= {(path(x), path(v)), (path(v), path(x))}
        out.append((x, v))
    return out


def same_task_pairs(impls: list[Doc], variants: dict[str, list[Doc]], rng: random.Random,
                    disguised_per_impl: int = 4) -> list[tuple[Doc, Doc]]:
    """Every pair of independent implementations, plus disguised variants of one against the others."""
    out = [(a, b) for i, a in enumerate(impls) for b in impls[i + 1:]]
    for impl in impls:
        vs = variants.get(impl.key, [])
        others = [o for o in impls if o.key != impl.key]
        if not vs or not others:
            continue
        for v in rng.sample(vs, min(disguised_per_impl, len(vs))):
            out.append((rng.choice(others), v))
    return out
