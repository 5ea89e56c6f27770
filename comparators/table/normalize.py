"""Normalisation of table names, column names and cell values, and what counts as a trivial value.

Two tables are compared on normalised names and values, so that a copy re-typed with other
capitalisation, separators or number formatting (``Drop Rate`` / ``drop_rate`` / ``DropRate``,
``3.0`` / ``3``) still matches, while the report shows the names as the files spell them.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = re.compile(r"[\s_\-]+")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_SPACES = re.compile(r"\s+")
BOOLEANS = frozenset({"true", "false"})
TRIVIAL_WORDS = frozenset({"", "true", "false", "yes", "no", "null", "none", "nil", "n/a", "na", "-", "--",
                           "是", "否", "无", "空"})
TRIVIAL_RULE = ("empty, boolean or null words, numbers of at most 4 characters, "
                "texts of at most 2 characters (1 for CJK)")


def column_name(label: str) -> str:
    """A column or table name for matching: NFKC, camelCase split, case-folded, ``_``/``-``/space unified."""
    text = unicodedata.normalize("NFKC", str(label)).strip()
    text = _CAMEL.sub("_", text).casefold()
    return _SEPARATORS.sub("_", text).strip("_")


def number(text: str) -> Decimal | None:
    """The value of a plain decimal number (no leading zeros such as ``007``), else ``None``."""
    if not _NUMBER.fullmatch(text):
        return None
    digits = text.lstrip("+-")
    if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def number_text(value: Decimal) -> str:
    """Canonical text of a number: ``3.0`` -> ``3``, ``0.50`` -> ``0.5``, ``1e3`` -> ``1000``."""
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def cell_value(raw: object) -> str:
    """A cell for matching: NFKC, trimmed, numbers canonical, text case-folded with spaces collapsed."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if not text:
        return ""
    value = number(text)
    if value is not None and value.is_finite():
        return number_text(value)
    return _SPACES.sub(" ", text.casefold())


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` is a CJK ideograph."""
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def is_trivial(value: str) -> bool:
    """Whether a normalised cell value is too common to be evidence on its own (see :data:`TRIVIAL_RULE`)."""
    if value in TRIVIAL_WORDS:
        return True
    if number(value) is not None:
        return len(value.lstrip("+-")) <= 4
    if any(is_cjk(ch) for ch in value):
        return len(value) <= 1
    return len(value) <= 2
