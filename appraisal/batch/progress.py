"""Progress display: a bar on a terminal, silence otherwise (logs and CI stay clean)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class _Quiet:
    def update(self, n: int = 1) -> None:
        pass

    def set_description(self, text: str) -> None:
        pass


@contextmanager
def progress_bar(total: int, description: str, enabled: bool | None = None) -> Iterator[Any]:
    """A tqdm bar on stderr when it is a terminal (or ``enabled``), else a no-op object."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        yield _Quiet()
        return
    from tqdm import tqdm
    bar = tqdm(total=total, desc=description, unit="pair", file=sys.stderr, dynamic_ncols=True)
    try:
        yield bar
    finally:
        bar.close()
