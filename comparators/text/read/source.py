"""Loading a document's bytes, and reading members of zip containers (DOCX, EPUB) safely.

Documents come from parties to a dispute, so every size is bounded: the file by
``max_bytes``, and each zip member by what is left of that budget, checked against the
bytes actually inflated (zip headers can lie). Nothing is extracted to disk.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from comparators.errors import InputError

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
ZIP_ERRORS: tuple[type[BaseException], ...] = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                                               NotImplementedError, RuntimeError)


def load_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``; InputError if it is missing, not a file, empty, unreadable or too large."""
    if not path.exists():
        raise InputError(path, "is a broken symbolic link or a link loop" if path.is_symlink() else "does not exist")
    if path.is_dir():
        raise InputError(path, "is a directory, expected a file")
    if not path.is_file():
        raise InputError(path, "is not a regular file (a FIFO, device or socket)")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"is too large ({size:,} bytes; the limit is {max_bytes:,})")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(path, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise InputError(path, f"is too large (more than {max_bytes:,} bytes)")
    if not data:
        raise InputError(path, "is empty")
    return data


class ZipContainer:
    """Read-only access to the members of a zip held in memory, within a byte budget.

    ``kind`` names the format in error messages (``"DOCX"``, ``"EPUB"``).
    """

    def __init__(self, data: bytes, path: Path, kind: str, max_bytes: int) -> None:
        self.path = path
        self.kind = kind
        self.budget = max_bytes
        if data.startswith(OLE_MAGIC):
            raise self.invalid("it is an OLE compound file (a legacy .doc or a password-protected document)")
        if not data.startswith(ZIP_MAGIC):
            raise self.invalid("it is not a zip archive")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.infos = {info.filename: info for info in self.zip.infolist()}
        except ZIP_ERRORS as exc:
            raise self.invalid(f"the zip archive is truncated or corrupt ({_short(exc)})") from None

    def invalid(self, problem: str) -> InputError:
        """An InputError ``not a valid <kind>: <problem>`` naming the file."""
        return InputError(self.path, f"not a valid {self.kind}: {problem}")

    def has(self, name: str) -> bool:
        """True when the archive holds a member called ``name``."""
        return name in self.infos

    def read(self, name: str) -> bytes:
        """The content of member ``name``, counted against the byte budget."""
        info = self.infos.get(name)
        if info is None or info.is_dir():
            raise self.invalid(f"the member {name} is missing")
        if info.flag_bits & 0x1:
            raise self.invalid(f"the member {name} is encrypted")
        if info.file_size > self.budget:
            raise InputError(self.path, f"is too large: the member {name} expands beyond the size limit")
        try:
            with self.zip.open(info) as handle:
                data = handle.read(self.budget + 1)
        except ZIP_ERRORS as exc:
            raise self.invalid(f"the member {name} is truncated or corrupt ({_short(exc)})") from None
        if len(data) > self.budget:
            raise InputError(self.path, f"is too large: the member {name} expands beyond the size limit")
        self.budget -= len(data)
        return data

    def xml(self, name: str) -> etree._Element:
        """Member ``name`` parsed as XML (no DTDs, entities or network); malformed XML is an InputError."""
        try:
            return etree.fromstring(self.read(name), XML_PARSER)
        except (etree.LxmlError, ValueError) as exc:
            raise self.invalid(f"{name} is not well-formed XML ({_short(exc)})") from None


def _short(exc: BaseException) -> str:
    """One short line describing ``exc``."""
    text = " ".join((str(exc) or type(exc).__name__).split())
    return text if len(text) <= 100 else text[:97] + "..."
