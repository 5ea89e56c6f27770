"""RESULTS.md: marked sections (each runner rewrites only its own part) and markdown tables.

A section is the text between ``<!-- NAME -->`` and ``<!-- /NAME -->``; a missing section
is appended, a missing file is created with a title.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from pathlib import Path


def replace_section(path: Path, name: str, body: str, title: str = "# Benchmark results\n") -> None:
    """Put ``body`` between the markers of section ``name`` in ``path`` (created with ``title``)."""
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    block = f"{start}\n{body.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else title
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def fmt(value: float | None, digits: int = 3) -> str:
    """A number for a table cell (``–`` when undefined)."""
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{value:.{digits}f}"


def table(header: list[str], rows: Iterable[list[str]]) -> str:
    """A markdown table: first column left-aligned, the others right-aligned."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)
