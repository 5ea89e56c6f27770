"""The comparator contract: registry, value objects and canonical JSON."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

import comparators
from comparators.base import Comparison, Features
from comparators.canonical import canonical_json
from comparators.errors import InputError

JAVA = """public class Cart {
    public int total(int[] prices) {
        int sum = 0;
        for (int i = 0; i < prices.length; i++) { sum += prices[i]; }
        if (sum > 100) { sum = sum - 5; }
        return sum;
    }
}
"""


def test_registry_get_and_detect(tmp_path: Path) -> None:
    (tmp_path / "A.java").write_text(JAVA, encoding="utf-8")
    (tmp_path / "novel.txt").write_text("北境的风从来不会停歇。", encoding="utf-8")
    assert comparators.detect(tmp_path / "A.java") == "code"
    assert comparators.detect(tmp_path / "novel.txt") == "text"
    assert comparators.detect(tmp_path) == "package"
    for kind in comparators.KINDS:
        c = comparators.get(kind)
        assert c.name == kind and c.version and isinstance(c.params, dict)
        assert isinstance(c, comparators.Comparator)
    with pytest.raises(ValueError, match="unknown kind"):
        comparators.get("nope")
    with pytest.raises(InputError, match="does not exist"):
        comparators.detect(tmp_path / "missing.java")


def test_features_and_comparison_round_trip_byte_identical(tmp_path: Path) -> None:
    a, b = tmp_path / "A.java", tmp_path / "B.java"
    a.write_text(JAVA, encoding="utf-8")
    b.write_text(JAVA.replace("sum", "acc").replace("prices", "xs"), encoding="utf-8")
    code = comparators.get("code")
    fa, fb = code.extract(a), code.extract(b)
    assert Features.from_json(fa.to_json()).to_json() == fa.to_json()
    result = code.compare(fa, fb)
    assert Comparison.from_json(result.to_json()).to_json() == result.to_json()
    again = code.compare(code.extract(a), code.extract(b))
    assert again.to_json() == result.to_json()
    assert 0.0 <= result.score <= 1.0


def test_canonical_json_sorts_and_rounds() -> None:
    assert canonical_json({"b": 1, "a": [0.1234567891, (1, 2)], "c": "中"}) == '{"a":[0.123457,[1,2]],"b":1,"c":"中"}'
    assert canonical_json(-0.0000001) == "0.0"
    with pytest.raises(ValueError):
        canonical_json(math.nan)
