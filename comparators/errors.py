"""Errors raised for bad input.

Every problem with a user-supplied file or folder is reported as an :class:`InputError`
that names the file and the problem in one sentence. The CLI turns it into exit code 2
and a single line on stderr; library callers can catch it.
"""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A user-supplied input cannot be used: missing, empty, unreadable, hostile, ...

    ``path`` is the offending file (as the user named it, or the member inside an
    archive as ``archive!member``); ``problem`` says what is wrong with it.
    """

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")
