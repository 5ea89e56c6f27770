"""The workbench version, with the git commit when running from a checkout."""

from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path

__version__ = "0.1.0"
TOOL_NAME = "appraisal-workbench"


@lru_cache(maxsize=1)
def git_commit() -> str | None:
    """The commit of the checkout this code runs from (``None`` outside git)."""
    root = Path(__file__).resolve().parent.parent
    if not (root / ".git").exists():
        return None
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"],
                             capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True, timeout=10, check=False)
    return out.stdout.strip() + ("-dirty" if dirty.stdout.strip() else "")


def tool_version() -> str:
    """``0.1.0+g<commit>`` in a checkout, else the release version."""
    commit = git_commit()
    return f"{__version__}+g{commit}" if commit else __version__
