"""Marked sections of RESULTS.md, so run.py and run_speed.py each rewrite only their own part.

A section is the text between ``<!-- NAME -->`` and ``<!-- /NAME -->``; a missing section
is appended, a missing file is created with a title.
"""

from __future__ import annotations

import re
from pathlib import Path

TITLE = "# Source-code comparator: benchmark results\n\nWritten by `benchmarks/code/run.py` (accuracy) " \
        "and `benchmarks/code/run_speed.py` (speed); see `benchmarks/code/README.md`.\n"


def replace_section(path: Path, name: str, body: str) -> None:
    """Put ``body`` between the markers of section ``name`` in ``path``."""
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    block = f"{start}\n{body.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else TITLE
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
