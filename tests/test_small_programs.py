"""Small programs: independent solutions of one task score clearly below disguised copies of either.

The fixtures are the hand-written independent implementations of the code benchmark
(``benchmarks/code/tasks/<task>/<language>/impl_<k>``, three authors' styles per task and
language); the copies are made with the benchmark's own tree-sitter disguise families.
"""

from __future__ import annotations

import itertools
import random
import sys
from pathlib import Path

import pytest

import comparators

ROOT = Path(__file__).resolve().parent.parent
TASKS = ROOT / "benchmarks" / "code" / "tasks"
sys.path.insert(0, str(ROOT / "benchmarks" / "code"))

from disguise import FAMILIES  # noqa: E402

LEVELS = {
    "comments and layout": ("comments", "format"),
    "+ renamed": ("comments", "format", "rename"),
    "+ literals and types": ("comments", "format", "rename", "literals", "modifiers_types"),
}
CELLS = [(task, lang) for task in ("binary_search", "fizzbuzz", "roman_numerals", "linked_list_reverse")
         for lang in ("python", "java", "c")]


def _disguised(src: bytes, lang: str, seed: int, families: tuple[str, ...]) -> bytes:
    rng = random.Random(seed)
    for family in families:
        src = FAMILIES[family](src, lang, 2, rng)
    return src


@pytest.mark.parametrize(("task", "lang"), CELLS)
def test_independent_solutions_score_clearly_below_their_disguised_copies(
        task: str, lang: str, tmp_path: Path) -> None:
    code = comparators.get("code")
    impls = sorted((TASKS / task / lang).glob("impl_*"))
    assert len(impls) >= 3
    feats = [code.extract(p) for p in impls]
    independent = [code.compare(a, b).score for a, b in itertools.combinations(feats, 2)]
    copies = []
    for level, families in LEVELS.items():
        for k, path in enumerate(impls):
            copy = tmp_path / f"{k}_{len(families)}{path.suffix}"
            copy.write_bytes(_disguised(path.read_bytes(), lang, k, families))
            copies.append((level, code.compare(feats[k], code.extract(copy)).score))
    worst_copy = min(score for _, score in copies)
    assert max(independent) + 0.2 < worst_copy, (independent, copies)


def test_a_small_pair_says_so_in_a_note() -> None:
    code = comparators.get("code")
    a, b = sorted((TASKS / "fizzbuzz" / "python").glob("impl_*"))[:2]
    result = code.compare(code.extract(a), code.extract(b))
    assert any(note.startswith("small program") for note in result.notes)
    assert result.extra["scores"]["normalised_weight"] < 1.0
    assert "independent implementations" in result.extra["baseline"]
