"""Debian package files for the benchmarks' fetch scripts: the downloaded .deb of a package, its version."""

from __future__ import annotations

import subprocess
from pathlib import Path


def deb_file(folder: Path, package: str) -> Path:
    """The downloaded .deb of ``package`` in ``folder`` (the highest name when several)."""
    found = sorted(folder.glob(f"{package}_*.deb"))
    if not found:
        raise FileNotFoundError(f"no .deb of {package} in {folder}")
    return found[-1]


def deb_version(deb: Path) -> str:
    """The version of a .deb (``dpkg-deb -f``)."""
    done = subprocess.run(["dpkg-deb", "-f", str(deb), "Version"], capture_output=True, text=True, check=True)
    return done.stdout.strip()
