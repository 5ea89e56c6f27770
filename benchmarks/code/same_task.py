"""Hand-written independent implementations of small tasks (``tasks/<task>/<language>/impl_<k>.<ext>``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from langs import EXTENSION

TASKS_DIR = Path(__file__).resolve().parent / "tasks"


@dataclass(frozen=True)
class Impl:
    """One implementation of a task in one language."""

    task: str
    language: str
    index: int
    path: str  # relative to benchmarks/code
    text: bytes

    @property
    def id(self) -> str:
        return f"task:{self.task}/{self.language}/impl_{self.index}"

    def record(self) -> dict[str, object]:
        return {"id": self.id, "task": self.task, "language": self.language, "path": self.path,
                "sha256": hashlib.sha256(self.text).hexdigest()}


def load(tasks: tuple[str, ...], languages: tuple[str, ...]) -> dict[tuple[str, str], list[Impl]]:
    """Implementations per (task, language), ordered by index."""
    out: dict[tuple[str, str], list[Impl]] = {}
    for task in tasks:
        for lang in languages:
            folder = TASKS_DIR / task / lang
            impls = []
            for path in sorted(folder.glob(f"impl_*{EXTENSION[lang]}")):
                index = int(path.stem.split("_")[1])
                impls.append(Impl(task, lang, index, str(path.relative_to(TASKS_DIR.parent)), path.read_bytes()))
            if impls:
                out[(task, lang)] = sorted(impls, key=lambda i: i.index)
    return out
