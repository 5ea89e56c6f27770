"""The machine a benchmark ran on, for the header of its results."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def _read_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def machine() -> str:
    """nproc, CPU model, memory, OS and Python version."""
    cpu = next((line.split(":", 1)[1].strip() for line in _read_lines("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    mem = next((line.split()[1] for line in _read_lines("/proc/meminfo") if line.startswith("MemTotal")), None)
    mem_txt = f", {int(mem) / 1048576:.1f} GiB RAM" if mem else ""
    return (f"nproc {len(os.sched_getaffinity(0))} ({cpu}){mem_txt}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}")


def load_average() -> str:
    """The 1, 5 and 15 minute load averages."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"
