"""Tests of the PAN measures: hand-made cases, then random corpora against a per-character reference."""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from plagdet import Alignment, Spans, macro, micro, per_pair_macro, union_lengths  # noqa: E402


def spans(*rows: tuple[int, int, int, int, int]) -> Spans:
    """Spans from (pair, a_start, a_end, b_start, b_end) rows."""
    return Spans.from_rows(rows)


def test_union_lengths_merges_overlaps_per_group() -> None:
    group = np.array([0, 0, 0, 1, 1, 2])
    start = np.array([0, 5, 20, 3, 3, 7])
    end = np.array([10, 12, 25, 4, 4, 7])
    assert union_lengths(group, start, end, 4).tolist() == [17, 1, 0, 0]


def test_perfect_detection() -> None:
    result = macro(spans((0, 10, 110, 0, 100)), spans((0, 10, 110, 0, 100)))
    assert (result.precision, result.recall, result.granularity, result.plagdet) == (1.0, 1.0, 1.0, 1.0)


def test_split_detection_costs_granularity() -> None:
    cases = spans((0, 0, 100, 0, 100))
    dets = spans((0, 0, 50, 0, 50), (0, 50, 100, 50, 100))
    result = macro(cases, dets)
    assert result.precision == 1.0 and result.recall == 1.0
    assert result.granularity == 2.0
    assert result.plagdet == pytest.approx(1 / math.log2(3))


def test_overlap_on_one_side_only_detects_nothing() -> None:
    result = macro(spans((0, 0, 100, 0, 100)), spans((0, 0, 100, 500, 600)))
    assert result.precision == 0.0 and result.recall == 0.0 and result.detected_cases == 0
    assert result.granularity == 1.0 and result.plagdet == 0.0


def test_partial_overlap_counts_both_sides() -> None:
    # case: 100 + 100 chars; detection: A 50..150 (50 in case), B 0..100 (100 in case)
    result = macro(spans((0, 0, 100, 0, 100)), spans((0, 50, 150, 0, 100)))
    assert result.recall == pytest.approx(150 / 200)
    assert result.precision == pytest.approx(150 / 200)


def test_detection_on_negative_pair_lowers_precision() -> None:
    cases = spans((0, 0, 100, 0, 100))
    dets = spans((0, 0, 100, 0, 100), (1, 0, 100, 0, 100))
    result = macro(cases, dets)
    assert result.precision == 0.5 and result.recall == 1.0
    micro_result = micro(cases, dets)
    assert micro_result.precision == 0.5 and micro_result.recall == 1.0


def test_detection_meets_only_cases_of_its_pair() -> None:
    result = macro(spans((0, 0, 100, 0, 100)), spans((1, 0, 100, 0, 100)))
    assert result.precision == 0.0 and result.recall == 0.0


def test_no_detections_flags_precision_undefined() -> None:
    result = macro(spans((0, 0, 10, 0, 10)), spans())
    assert not result.precision_defined and result.precision == 0.0 and result.recall == 0.0
    assert result.recall_defined


def test_no_cases_flags_recall_undefined() -> None:
    result = micro(spans(), spans((3, 0, 10, 0, 10)))
    assert not result.recall_defined and result.precision == 0.0


def test_macro_and_micro_differ_as_pan_defines() -> None:
    # a short case fully found, a long case a tenth found: macro recall 0.55, micro (200+200)/(200+2000)
    cases = spans((0, 0, 100, 0, 100), (0, 1000, 2000, 1000, 2000))
    dets = spans((0, 0, 100, 0, 100), (0, 1000, 1100, 1000, 1100))
    assert macro(cases, dets).recall == pytest.approx(0.55)
    assert micro(cases, dets).recall == pytest.approx(400 / 2200)


# --------------------------------------------------------------------------- reference


def _chars(row: tuple[int, ...]) -> set[tuple[int, str, int]]:
    pair, a0, a1, b0, b1 = row
    return {(pair, "a", i) for i in range(a0, a1)} | {(pair, "b", i) for i in range(b0, b1)}


def _detects(s: tuple[int, ...], r: tuple[int, ...]) -> bool:
    return s[0] == r[0] and min(s[2], r[2]) > max(s[1], r[1]) and min(s[4], r[4]) > max(s[3], r[3])


def reference(cases: list[tuple[int, ...]], dets: list[tuple[int, ...]]) -> dict[str, float]:
    """PAN measures with per-character Python sets, straight from the paper's formulas."""
    meet = {(i, j): _chars(s) & _chars(r) if _detects(s, r) else set()
            for i, s in enumerate(cases) for j, r in enumerate(dets)}
    prec = [len(set().union(*(meet[i, j] for i in range(len(cases))))) / len(_chars(r))
            for j, r in enumerate(dets)]
    rec = [len(set().union(*(meet[i, j] for j in range(len(dets))))) / len(_chars(s))
           for i, s in enumerate(cases)]
    counts = [sum(1 for j in range(len(dets)) if meet[i, j]) for i in range(len(cases))]
    detected = [c for c in counts if c]
    found = set().union(*meet.values()) if meet else set()
    all_r = set().union(*(_chars(r) for r in dets)) if dets else set()
    all_s = set().union(*(_chars(s) for s in cases)) if cases else set()
    return {"macro_p": float(np.mean(prec)) if prec else 0.0, "macro_r": float(np.mean(rec)) if rec else 0.0,
            "micro_p": len(found) / len(all_r) if all_r else 0.0,
            "micro_r": len(found) / len(all_s) if all_s else 0.0,
            "gran": float(np.mean(detected)) if detected else 1.0}


def _random_span(rng: random.Random, pair: int, length: int) -> tuple[int, ...]:
    a0, b0 = rng.randrange(length), rng.randrange(length)
    return pair, a0, min(length, a0 + rng.randrange(1, 60)), b0, min(length, b0 + rng.randrange(1, 60))


@pytest.mark.parametrize("seed", range(25))
def test_matches_per_character_reference(seed: int) -> None:
    rng = random.Random(seed)
    n_pairs, length = rng.randrange(1, 5), 120
    cases = [_random_span(rng, p, length) for p in range(n_pairs) for _ in range(rng.randrange(0, 4))]
    dets = [_random_span(rng, p, length) for p in range(n_pairs) for _ in range(rng.randrange(0, 6))]
    want = reference(cases, dets)
    got_macro, got_micro = macro(spans(*cases), spans(*dets)), micro(spans(*cases), spans(*dets))
    assert got_macro.precision == pytest.approx(want["macro_p"])
    assert got_macro.recall == pytest.approx(want["macro_r"])
    assert got_micro.precision == pytest.approx(want["micro_p"])
    assert got_micro.recall == pytest.approx(want["micro_r"])
    assert got_macro.granularity == pytest.approx(want["gran"]) == got_micro.granularity


def test_per_pair_equals_macro_of_each_pair() -> None:
    rng = random.Random(7)
    cases = [_random_span(rng, p, 200) for p in range(6) for _ in range(rng.randrange(0, 3))]
    dets = [_random_span(rng, p, 200) for p in range(6) for _ in range(rng.randrange(0, 4))]
    all_cases, all_dets = spans(*cases), spans(*dets)
    per_pair = per_pair_macro(all_cases, all_dets, 6)
    for p in range(6):
        one: Alignment = macro(all_cases.in_pairs(np.array([p])), all_dets.in_pairs(np.array([p])))
        assert per_pair[p].precision == pytest.approx(one.precision)
        assert per_pair[p].recall == pytest.approx(one.recall)
        assert per_pair[p].granularity == pytest.approx(one.granularity)
