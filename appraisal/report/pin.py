"""The audit pin a report carries, and reading it back from what was issued.

Every report prints, in its audit attachment, the newest audit entry at the moment it was
issued as one machine-readable line (:func:`pin_line`)::

    audit-pin seq=57 sha256=3f2a…(64 hex digits)

and the manifest records the same as ``audit_head`` (``seq``, ``hash``, ``entries``). The line
is set in a monospace run, so the Chinese typography pass leaves it alone; the docx core
property ``keywords`` holds it too (LibreOffice carries it into the PDF's ``/Keywords``).

:func:`read_pin` takes a report (``.pdf``: the text layer, by pypdf, else ``pdftotext``,
else the metadata; ``.docx``: the document text), a manifest (``.json`` with ``audit_head``)
or a copy of ``audit.head`` and returns the :class:`~appraisal.custody.audit.Pin`;
``case verify --against`` checks the log against it.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

from appraisal.custody.audit import Pin
from comparators.errors import InputError

PIN_PREFIX = "audit-pin"
# tolerant of the line breaks and spaces a PDF text layer puts into a wrapped hash
PIN_RE = re.compile(r"audit-pin[\s,]*seq\s*=\s*(\d+)[\s,]*sha256\s*=\s*((?:[0-9a-f]\s*){64})")


def pin_line(seq: int, digest: str) -> str:
    """The machine-readable pin printed in a report."""
    return f"{PIN_PREFIX} seq={seq} sha256={digest}"


def pins_in_text(text: str) -> list[tuple[int, str]]:
    """Every distinct ``(seq, hash)`` pin line found in ``text``, in order."""
    found: list[tuple[int, str]] = []
    for m in PIN_RE.finditer(text):
        pin = (int(m.group(1)), re.sub(r"\s+", "", m.group(2)))
        if pin not in found:
            found.append(pin)
    return found


def read_pin(path: Path) -> Pin:
    """The pin in a report (.pdf/.docx), a manifest (.json) or a copy of ``audit.head``.

    Raises InputError (the file and the problem) when the file is missing, unreadable, or
    carries no pin (e.g. a report issued before reports carried one).
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "does not exist" if not path.exists() else "is not a file")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        pins = pins_in_text(_pdf_text(path))
    elif suffix == ".docx":
        pins = pins_in_text(_docx_text(path))
    elif suffix in (".json", ".head"):
        pins = [_json_pin(path)]
    else:
        raise InputError(path, "is not a report (.pdf, .docx), a manifest (.json) or a copy of audit.head")
    if not pins:
        raise InputError(path, f"carries no audit pin (no '{PIN_PREFIX} seq=… sha256=…' line; "
                               "was it issued by an older version?)")
    if len(pins) > 1:
        listed = ", ".join(f"seq {s}" for s, _ in pins)
        raise InputError(path, f"carries more than one audit pin ({listed}); give the report itself")
    seq, digest = pins[0]
    return Pin(str(path), seq, digest)


def _json_pin(path: Path) -> tuple[int, str]:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(path, f"is not readable JSON ({exc})") from None
    head = data.get("audit_head", data) if isinstance(data, dict) else None
    try:
        seq, digest = int(head["seq"]), str(head["hash"])
    except (TypeError, KeyError, ValueError):
        raise InputError(path, "names no audit head (no 'audit_head' with 'seq' and 'hash'; was the report "
                               "issued by an older version?)") from None
    if not re.fullmatch(r"[0-9a-f]{64}", digest) or seq < 1:
        raise InputError(path, f"audit head is malformed (seq {seq}, hash {digest!r})")
    return seq, digest


def _docx_text(path: Path) -> str:
    """The document's text (every ``w:t``), else its core property ``keywords``."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = {n: package.read(n).decode("utf-8", "replace") for n in sorted(package.namelist())
                     if n.startswith(("word/", "docProps/")) and n.endswith(".xml")}
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        raise InputError(path, f"is not a readable .docx ({exc})") from None
    text = "\n".join("".join(re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml))
                     for name, xml in parts.items() if name.startswith("word/"))
    if pins_in_text(text):
        return text
    return "\n".join(re.findall(r"<cp:keywords>([^<]*)</cp:keywords>", parts.get("docProps/core.xml", "")))


def _pdf_text(path: Path) -> str:
    """The PDF's text layer (pypdf, else pdftotext), else its metadata keywords."""
    text, meta, problem = "", "", ""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError

        quiet = logging.getLogger("pypdf")
        level = quiet.level
        quiet.setLevel(logging.CRITICAL)  # its warnings on a damaged file would bypass the one-line message
        try:
            reader = PdfReader(str(path))
            text = "\n".join(page.extract_text() or "" for page in reader.pages)
            meta = str((reader.metadata or {}).get("/Keywords", "") or "")
        except (PdfReadError, OSError, ValueError, KeyError, TypeError) as exc:
            problem = str(exc)
        finally:
            quiet.setLevel(level)
    except ImportError:
        pass
    if not pins_in_text(text) and shutil.which("pdftotext"):
        proc = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=False)
        if proc.returncode == 0:
            text = proc.stdout.decode("utf-8", "replace")
        elif not problem:
            problem = proc.stderr.decode("utf-8", "replace").strip()[:200]
    if pins_in_text(text):
        return text
    if pins_in_text(meta):
        return meta
    if problem:
        raise InputError(path, f"is not a readable PDF ({problem})")
    return text
