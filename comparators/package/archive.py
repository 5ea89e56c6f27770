"""Safe unpacking of material archives and listing of material folders.

Material reaches the workbench either as a folder or as an archive (zip and its
relatives such as .jar/.apk, tar, tar.gz/.tgz, tar.bz2, tar.xz, 7z). Archives come
from parties to a dispute and are treated as hostile:

* members that would land outside the extraction folder, links, devices and FIFOs
  are refused;
* encrypted archives are refused (the decrypted material must be supplied);
* decompression bombs are stopped by :class:`ArchiveLimits`, checked against the
  sizes the archive declares *and* against the bytes actually written, because
  headers can lie;
* on any error the extraction folder is emptied again.

Every problem is reported as :class:`~comparators.errors.InputError`. Nested archives
are ordinary members: they are extracted as files and never recursed into.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import lzma
import os
import re
import shutil
import stat
import tarfile
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

import py7zr
from py7zr.exceptions import (
    CrcError,
    DecompressionBombError,
    PasswordRequired,
    UnsupportedCompressionMethodError,
)
from py7zr.io import Py7zIO, WriterFactory

from comparators.errors import InputError
from comparators.hashing import CHUNK_SIZE, sha256_file

__all__ = [
    "ArchiveLimits",
    "Member",
    "extract_archive",
    "is_archive",
    "safe_relpath",
    "walk_tree",
]

_SEVEN_ZIP_MAGIC = b"7z\xbc\xaf\x27\x1c"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_ZIP_FLAG_ENCRYPTED = 0x1
_ZIP_FLAG_UTF8 = 0x800
_DRIVE_PREFIX = re.compile(r"^[A-Za-z]:")
_SPECIAL_FORMATS = frozenset({stat.S_IFCHR, stat.S_IFBLK, stat.S_IFIFO, stat.S_IFSOCK})
_ENCRYPTED = "archive is encrypted; provide the decrypted material"
_UNCREATABLE_ERRNOS = frozenset({errno.ENAMETOOLONG, errno.EILSEQ, errno.EINVAL})
_READ_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    ValueError,
    zlib.error,
    lzma.LZMAError,
    zipfile.BadZipFile,
    tarfile.TarError,
)

# Entry kinds.
_FILE = "file"
_DIR = "dir"
_SYMLINK = "symlink"
_HARDLINK = "hardlink"
_SPECIAL = "special"
_OTHER = "other"


@dataclass(frozen=True)
class ArchiveLimits:
    """Safety limits applied while extracting an archive.

    ``max_ratio`` bounds uncompressed/compressed size, per member (for members of at
    least ``ratio_min_bytes``) and for the archive as a whole. ``max_files`` bounds the
    number of entries (files and folders).
    """

    max_total_bytes: int = 4 * 1024**3
    max_files: int = 200_000
    max_ratio: float = 200.0
    ratio_min_bytes: int = 1 << 20
    max_member_bytes: int = 2 * 1024**3

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            if getattr(self, field.name) <= 0:
                raise ValueError(f"ArchiveLimits.{field.name} must be positive")

    def as_params(self) -> dict[str, int | float]:
        """Return the limits as a plain dict (for recording in reports)."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Member:
    """One regular file of the material.

    ``relpath`` is relative, POSIX-style and NFC-normalised; ``sha256`` is lowercase hex.
    """

    relpath: str
    size: int
    sha256: str


# --------------------------------------------------------------------------- names


def _printable(name: str) -> str:
    """Return ``name`` with unprintable characters (NUL, surrogates, ...) escaped."""
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in name
    )


def _quote(name: str) -> str:
    """Quote a name for an error message."""
    return f"'{_printable(name)}'"


def _has_surrogates(name: str) -> bool:
    """True if ``name`` holds surrogate-escaped bytes (undecodable as UTF-8)."""
    return any("\udc80" <= ch <= "\udcff" for ch in name)


def _name_parts(name: str) -> list[str]:
    """Split a member name on ``/`` and ``\\``, dropping empty and ``.`` components."""
    return [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]


def safe_relpath(name: str) -> str:
    """Normalise an archive member name into a safe relative POSIX path.

    Backslashes become ``/``, empty and ``.`` components are dropped and the result is
    NFC-normalised. Raises :class:`InputError` for empty names, NUL characters,
    absolute paths (``/x``, ``C:\\x``, ``\\\\server``) and ``..`` components.
    """
    if not name:
        raise InputError(name, "archive member has an empty name")
    if "\x00" in name:
        raise InputError(name, f"archive member {_quote(name)} contains a NUL character")
    text = name.replace("\\", "/")
    if text.startswith("/") or _DRIVE_PREFIX.match(text):
        raise InputError(
            name,
            f"archive member {_quote(name)} has an absolute path and would escape "
            "the extraction folder",
        )
    parts = _name_parts(text)
    if ".." in parts:
        raise InputError(name, f"archive member {_quote(name)} would escape the extraction folder")
    if not parts:
        raise InputError(name, f"archive member {_quote(name)} has an empty name")
    return unicodedata.normalize("NFC", "/".join(parts))


def _is_root_name(name: str) -> bool:
    """True for names such as ``.`` or ``./`` that denote the archive root itself."""
    return bool(name) and not name.startswith(("/", "\\")) and not _name_parts(name)


def _zip_member_name(info: zipfile.ZipInfo) -> str:
    """Return the member name, repairing legacy (non UTF-8 flagged) encodings.

    Without the UTF-8 flag Python decodes names as cp437. The original bytes are
    recovered and decoded as UTF-8, then GB18030 (Chinese Windows archives); if both
    fail the cp437 text is kept.
    """
    name = info.orig_filename
    if info.flag_bits & _ZIP_FLAG_UTF8:
        return name
    raw = name.encode("cp437")
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return name


def _tar_member_name(name: str) -> str:
    """Return a tar member name, decoding non UTF-8 bytes as GB18030 if possible."""
    if not _has_surrogates(name):
        return name
    raw = name.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "backslashreplace")


# ------------------------------------------------------------------------ detection


def _sniff(path: Path) -> str | None:
    """Return ``"zip"``, ``"7z"``, ``"tar"`` or None from the content of ``path``.

    ``OSError`` propagates. Only regular files are opened (a FIFO would block).
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        return None
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head.startswith(_SEVEN_ZIP_MAGIC):
        return "7z"
    if head.startswith(_ZIP_MAGICS):
        return "zip"
    if _is_tar(path):
        return "tar"
    return None


def _is_tar(path: Path) -> bool:
    """True if ``path`` is a tar archive, optionally gzip/bzip2/xz compressed."""
    try:
        return tarfile.is_tarfile(path)
    except (OSError, EOFError, zlib.error, lzma.LZMAError, tarfile.TarError):
        return False


def is_archive(path: str | os.PathLike[str]) -> bool:
    """True if ``path`` is a zip (.jar, .apk, ...), tar (plain, gz, bz2, xz) or 7z archive.

    Detection is by content, not by extension. A compressed single file that is not
    a tar (``notes.txt.gz``) is not an archive. Unreadable paths give False.
    """
    try:
        return _sniff(Path(path)) is not None
    except OSError:
        return False


# ----------------------------------------------------------------------- extraction


@dataclass
class _Entry:
    """An archive entry as declared by the archive, before extraction."""

    raw_name: str
    kind: str
    size: int = 0
    compressed: int | None = None
    source: Any = None
    relpath: str = ""


def _detail(exc: BaseException | str) -> str:
    """Short, single-line description of a read error."""
    if isinstance(exc, str):
        text = exc
    elif isinstance(exc, CrcError):
        text = "CRC mismatch"
    else:
        text = str(exc) or type(exc).__name__
    text = " ".join(text.split())
    return text if len(text) <= 120 else text[:117] + "..."


def _size_text(count: int) -> str:
    """Human-readable byte count, e.g. ``4,294,967,296 bytes (4.0 GiB)``."""
    value = float(count)
    for unit in ("bytes", "KiB", "MiB", "GiB", "TiB"):
        if value < 1024 or unit == "TiB":
            break
        value /= 1024
    human = f"{count} bytes" if unit == "bytes" else f"{value:.1f} {unit}"
    return f"{count:,} bytes ({human})"


class _Extraction:
    """State of one extraction: limits, counters, claimed names and open files."""

    def __init__(self, archive: Path, dest: Path, limits: ArchiveLimits) -> None:
        self.archive = archive
        self.dest = dest
        self.limits = limits
        self.archive_size = max(archive.stat().st_size, 1)
        self.members: list[Member] = []
        self.write_error: OSError | None = None
        self._entries = 0
        self._declared_total = 0
        self._written_total = 0
        self._files: set[str] = set()
        self._dirs: set[str] = set()
        self._open: list[_MemberWriter] = []

    # errors ------------------------------------------------------------------

    def member_error(self, raw_name: str, problem: str) -> InputError:
        """Error about one member, reported as ``archive!member``."""
        return InputError(f"{self.archive}!{_printable(raw_name)}", problem)

    def limit_error(self, what: str) -> InputError:
        """Error for a safety limit that has been exceeded."""
        return InputError(self.archive, f"archive exceeds the safety limit: {what}")

    def corrupt(self, exc: BaseException | str) -> InputError:
        """Error for a corrupt or truncated archive."""
        return InputError(self.archive, f"archive is corrupt or truncated ({_detail(exc)})")

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Turn errors raised while *reading* the archive into :class:`InputError`."""
        try:
            yield
        except NotImplementedError as exc:
            raise InputError(
                self.archive, f"archive uses an unsupported compression method ({_detail(exc)})"
            ) from exc
        except _READ_ERRORS as exc:
            raise self.corrupt(exc) from exc

    # validation --------------------------------------------------------------

    def admit(self, entry: _Entry) -> None:
        """Validate an entry (count, name, kind, declared sizes) and claim its name."""
        self._entries += 1
        if self._entries > self.limits.max_files:
            raise self.limit_error(f"more than {self.limits.max_files:,} entries")
        entry.relpath = self._relpath(entry)
        self._check_kind(entry)
        if entry.kind == _FILE:
            self._declared_total += entry.size
            self._check_sizes(entry.raw_name, entry.size, entry.compressed, self._declared_total)
        self._claim(entry)

    def _relpath(self, entry: _Entry) -> str:
        if entry.kind == _DIR and _is_root_name(entry.raw_name):
            return ""
        try:
            return safe_relpath(entry.raw_name)
        except InputError as exc:
            raise self.member_error(entry.raw_name, exc.problem) from None

    def _check_kind(self, entry: _Entry) -> None:
        name = _quote(entry.raw_name)
        problems = {
            _SYMLINK: f"archive member {name} is a symbolic link; links are not allowed "
            "in material archives",
            _HARDLINK: f"archive member {name} is a hard link; links are not allowed "
            "in material archives",
            _SPECIAL: f"archive member {name} is a device, FIFO or socket; only regular "
            "files and folders are allowed",
            _OTHER: f"archive member {name} is not a regular file or folder",
        }
        if entry.kind in problems:
            raise self.member_error(entry.raw_name, problems[entry.kind])

    def _claim(self, entry: _Entry) -> None:
        relpath = entry.relpath
        if not relpath or (entry.kind == _DIR and relpath in self._dirs):
            return
        parents = {str(parent) for parent in PurePosixPath(relpath).parents} - {"."}
        if relpath in self._files or relpath in self._dirs or parents & self._files:
            raise self.member_error(
                entry.raw_name,
                f"archive member {_quote(entry.raw_name)} has the same name as another "
                "member (after normalisation)",
            )
        self._dirs |= parents
        (self._dirs if entry.kind == _DIR else self._files).add(relpath)

    def _check_sizes(self, raw_name: str, size: int, compressed: int | None, total: int) -> None:
        limits = self.limits
        if size > limits.max_member_bytes:
            raise self.limit_error(
                f"member {_quote(raw_name)} is larger than {_size_text(limits.max_member_bytes)}"
            )
        if total > limits.max_total_bytes:
            raise self.limit_error(
                f"total uncompressed size is larger than {_size_text(limits.max_total_bytes)}"
            )
        if self._ratio_exceeded(size, compressed):
            raise self.limit_error(
                f"member {_quote(raw_name)} expands more than {limits.max_ratio:g} times "
                "(compression ratio limit)"
            )
        if self._ratio_exceeded(total, self.archive_size):
            raise self.limit_error(
                f"the archive expands more than {limits.max_ratio:g} times its size "
                "(compression ratio limit)"
            )

    def _ratio_exceeded(self, uncompressed: int, compressed: int | None) -> bool:
        if compressed is None or uncompressed < self.limits.ratio_min_bytes:
            return False
        return compressed <= 0 or uncompressed / compressed > self.limits.max_ratio

    # writing -----------------------------------------------------------------

    def make_dir(self, relpath: str) -> None:
        """Create a folder entry (the archive root needs nothing)."""
        if relpath:
            (self.dest / relpath).mkdir(parents=True, exist_ok=True)

    def open_file(self, entry: _Entry) -> _MemberWriter:
        """Create the file for an admitted entry and return its writer."""
        target = self.dest / entry.relpath
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            writer = _MemberWriter(self, entry, target)
        except OSError as exc:
            if exc.errno in _UNCREATABLE_ERRNOS:
                raise self.member_error(
                    entry.raw_name,
                    f"archive member {_quote(entry.raw_name)} cannot be created on this "
                    f"system ({exc.strerror})",
                ) from exc
            self.write_error = exc
            raise
        self._open.append(writer)
        return writer

    def account(self, writer: _MemberWriter) -> None:
        """Check the limits against the bytes actually produced so far."""
        self._check_sizes(writer.raw_name, writer.size, writer.compressed, self._written_total)

    def add_written(self, count: int) -> None:
        """Record ``count`` more bytes produced by the decompressor."""
        self._written_total += count

    def finish(self, writer: _MemberWriter) -> None:
        """Close a completed member and record it."""
        if writer in self._open:
            self._open.remove(writer)
            self.members.append(writer.close())

    def abort(self) -> None:
        """Close every file still open (after an error)."""
        for writer in self._open:
            writer.discard()
        self._open.clear()


class _MemberWriter:
    """Writes one member, hashing it and enforcing the limits before each write."""

    def __init__(self, session: _Extraction, entry: _Entry, target: Path) -> None:
        self.raw_name = entry.raw_name
        self.relpath = entry.relpath
        self.compressed = entry.compressed
        self.size = 0
        self._session = session
        self._digest = hashlib.sha256()
        # The handle outlives this call (py7zr pushes data), so no ``with`` here.
        self._handle: BinaryIO = open(target, "xb")  # noqa: SIM115

    def write(self, data: bytes) -> None:
        """Append ``data``; raises :class:`InputError` before a limit is crossed on disk."""
        self.size += len(data)
        self._session.add_written(len(data))
        self._session.account(self)
        self._digest.update(data)
        try:
            self._handle.write(data)
        except OSError as exc:
            self._session.write_error = exc
            raise

    def close(self) -> Member:
        """Close the file and return the finished member."""
        self._handle.close()
        return Member(self.relpath, self.size, self._digest.hexdigest())

    def discard(self) -> None:
        """Close the file without producing a member."""
        self._handle.close()


def _pump(session: _Extraction, reader: BinaryIO, writer: _MemberWriter) -> None:
    """Copy ``reader`` into ``writer`` in 1 MiB chunks."""
    while True:
        with session.reading():
            chunk = reader.read(CHUNK_SIZE)
        if not chunk:
            return
        writer.write(chunk)


# zip -----------------------------------------------------------------------------


def _zip_kind(info: zipfile.ZipInfo, name: str) -> str:
    fmt = stat.S_IFMT(info.external_attr >> 16)
    if fmt == stat.S_IFLNK:
        return _SYMLINK
    if fmt in _SPECIAL_FORMATS:
        return _SPECIAL
    if name.replace("\\", "/").endswith("/") or fmt == stat.S_IFDIR:
        return _DIR
    return _FILE


def _zip_entry(session: _Extraction, info: zipfile.ZipInfo) -> _Entry:
    if info.flag_bits & _ZIP_FLAG_ENCRYPTED:
        raise InputError(session.archive, _ENCRYPTED)
    name = _zip_member_name(info)
    return _Entry(name, _zip_kind(info, name), info.file_size, info.compress_size, info)


def _extract_zip(session: _Extraction) -> None:
    with session.reading():
        archive = zipfile.ZipFile(session.archive)
    with archive:
        entries = [_zip_entry(session, info) for info in archive.infolist()]
        for entry in entries:
            session.admit(entry)
        for entry in entries:
            if entry.kind == _DIR:
                session.make_dir(entry.relpath)
                continue
            writer = session.open_file(entry)
            with session.reading():
                reader = archive.open(entry.source)
            with reader:
                _pump(session, reader, writer)
            session.finish(writer)


# tar -----------------------------------------------------------------------------


def _tar_kind(info: tarfile.TarInfo) -> str:
    if info.issym():
        return _SYMLINK
    if info.islnk():
        return _HARDLINK
    if info.isdir():
        return _DIR
    if info.isreg():
        return _FILE
    if info.ischr() or info.isblk() or info.isfifo():
        return _SPECIAL
    return _OTHER


def _check_tar_end(session: _Extraction, archive: tarfile.TarFile) -> None:
    """Require the zero end-of-archive block where member headers stopped.

    :meth:`tarfile.TarFile.next` silently stops at a truncated or garbled header
    after the first member; this turns that into an error.
    """
    stream = archive.fileobj
    assert stream is not None
    stream.seek(archive.offset)
    block = stream.read(tarfile.BLOCKSIZE)
    if len(block) < tarfile.BLOCKSIZE:
        raise session.corrupt("the end-of-archive marker is missing")
    if block.count(0) != tarfile.BLOCKSIZE:
        raise session.corrupt(f"unreadable member header at byte {archive.offset:,}")


def _open_tar(session: _Extraction) -> tarfile.TarFile:
    """Open the (possibly compressed) tar archive; names are decoded as UTF-8."""
    with session.reading():
        return tarfile.open(session.archive, "r:*", encoding="utf-8", errors="surrogateescape")


def _extract_tar(session: _Extraction) -> None:
    with _open_tar(session) as archive:
        while True:
            with session.reading():
                info = archive.next()
            if info is None:
                break
            entry = _Entry(_tar_member_name(info.name), _tar_kind(info), info.size, None, info)
            session.admit(entry)
            if entry.kind == _DIR:
                session.make_dir(entry.relpath)
                continue
            writer = session.open_file(entry)
            with session.reading():
                reader = archive.extractfile(info)
            if reader is None:
                raise session.corrupt(f"no data for member {_quote(entry.raw_name)}")
            with reader:
                _pump(session, reader, writer)
            session.finish(writer)
        with session.reading():
            _check_tar_end(session, archive)


# 7z ------------------------------------------------------------------------------


def _seven_zip_kind(item: Any) -> str:
    if item.is_junction or item.is_symlink:
        return _SYMLINK
    if item.is_directory:
        return _DIR
    fmt = item.st_fmt
    if item.is_socket or fmt in _SPECIAL_FORMATS:
        return _SPECIAL
    if fmt not in (None, 0, stat.S_IFREG):
        return _OTHER
    return _FILE


class _SevenZipSink(Py7zIO):
    """py7zr output object that forwards to a :class:`_MemberWriter`."""

    def __init__(self, session: _Extraction, writer: _MemberWriter) -> None:
        self._session = session
        self._writer = writer

    def write(self, s: bytes | bytearray) -> int:
        self._writer.write(bytes(s))
        return len(s)

    def read(self, size: int | None = None) -> bytes:
        return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def flush(self) -> None:
        return None

    def size(self) -> int:
        return self._writer.size

    def close(self) -> None:
        self._session.finish(self._writer)


class _SevenZipFactory(WriterFactory):
    """Maps the output names py7zr asks for back to admitted entries."""

    def __init__(self, session: _Extraction, base: Path, entries: list[_Entry]) -> None:
        self._session = session
        self._base = base
        self._pending = {entry.relpath: entry for entry in entries if entry.kind == _FILE}

    def create(self, filename: str) -> Py7zIO:
        path = Path(filename)
        relative = path.relative_to(self._base) if path.is_absolute() else path
        try:
            entry = self._pending.pop(safe_relpath(relative.as_posix()), None)
        except InputError as exc:
            raise self._session.corrupt(exc.problem) from None
        if entry is None:
            raise self._session.corrupt(f"unexpected output {_quote(relative.as_posix())}")
        return _SevenZipSink(self._session, self._session.open_file(entry))

    def missing(self) -> list[_Entry]:
        """Entries py7zr never produced."""
        return list(self._pending.values())


@contextlib.contextmanager
def _seven_zip_errors(session: _Extraction) -> Iterator[None]:
    """Turn py7zr failures into :class:`InputError`; our own write errors pass through.

    py7zr raises many exception types on damaged input (its own, ``KeyError``,
    ``IndexError``, ``struct.error``, ...), so anything not caused by us is corruption.
    """
    try:
        yield
    except InputError:
        raise
    except PasswordRequired as exc:
        raise InputError(session.archive, _ENCRYPTED) from exc
    except UnsupportedCompressionMethodError as exc:
        raise InputError(
            session.archive, f"archive uses an unsupported compression method ({_detail(exc)})"
        ) from exc
    except DecompressionBombError as exc:
        limit = _size_text(session.limits.max_total_bytes)
        raise session.limit_error(f"total uncompressed size is larger than {limit}") from exc
    except Exception as exc:
        if session.write_error is not None:
            raise session.write_error from None
        raise session.corrupt(exc) from exc


def _extract_7z(session: _Extraction) -> None:
    base = session.dest.absolute()
    with open(session.archive, "rb") as handle:
        with _seven_zip_errors(session):
            archive = py7zr.SevenZipFile(
                handle, mode="r", max_extract_size=session.limits.max_total_bytes
            )
        with archive:
            if archive.needs_password():
                raise InputError(session.archive, _ENCRYPTED)
            entries = [
                _Entry(item.filename, _seven_zip_kind(item), item.uncompressed or 0,
                       item.compressed or None, item)
                for item in archive.files
            ]
            for entry in entries:
                session.admit(entry)
            for entry in entries:
                if entry.kind == _DIR:
                    session.make_dir(entry.relpath)
            factory = _SevenZipFactory(session, base, entries)
            with _seven_zip_errors(session):
                archive.extractall(path=base, factory=factory)
            for entry in factory.missing():
                raise session.corrupt(f"no data for member {_quote(entry.raw_name)}")


# driver --------------------------------------------------------------------------

_EXTRACTORS = {"zip": _extract_zip, "tar": _extract_tar, "7z": _extract_7z}


def _read_error(path: Path, exc: OSError) -> InputError:
    """Describe why a user-supplied path cannot be read."""
    if isinstance(exc, FileNotFoundError):
        return InputError(path, "does not exist")
    if isinstance(exc, PermissionError):
        return InputError(path, "cannot be read (permission denied)")
    if isinstance(exc, IsADirectoryError):
        return InputError(path, "is a folder, not an archive")
    return InputError(path, f"cannot be read ({exc.strerror or exc})")


def _require_empty_dir(dest: Path) -> None:
    if not dest.is_dir():
        raise ValueError(f"extraction folder {dest} must be an existing directory")
    if any(dest.iterdir()):
        raise ValueError(f"extraction folder {dest} must be empty")


def _empty_directory(dest: Path) -> None:
    """Remove everything inside ``dest``, keeping ``dest`` itself."""
    for child in dest.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def extract_archive(
    path: str | os.PathLike[str], dest: Path, limits: ArchiveLimits = ArchiveLimits()
) -> list[Member]:
    """Safely extract the archive at ``path`` into ``dest``; return its files by relpath.

    ``dest`` must be an existing, empty directory (``ValueError`` otherwise: that is
    the caller's mistake, not the user's). Folder entries are created but not
    returned. Any problem with the archive raises :class:`InputError` and leaves
    ``dest`` empty.
    """
    archive, dest = Path(path), Path(dest)
    _require_empty_dir(dest)
    try:
        kind = _sniff(archive)
        session = _Extraction(archive, dest, limits)
    except OSError as exc:
        raise _read_error(archive, exc) from exc
    if kind is None:
        raise InputError(
            archive, "is not a supported archive (zip, tar, tar.gz, tar.bz2, tar.xz or 7z)"
        )
    try:
        _EXTRACTORS[kind](session)
    except BaseException:
        session.abort()
        _empty_directory(dest)
        raise
    return sorted(session.members, key=lambda member: member.relpath)


# ------------------------------------------------------------------------ folders


def _display_path(path: Path) -> str:
    """Path text safe to print even when it holds undecodable bytes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _check_name(path: Path) -> None:
    if _has_surrogates(path.name):
        raise InputError(
            _display_path(path),
            f"file name is not valid UTF-8 ({os.fsencode(path.name)!r}); rename it or "
            "supply the material as an archive",
        )


def _tree_relpath(root: Path, path: Path) -> str:
    return unicodedata.normalize("NFC", path.relative_to(root).as_posix())


def _resolve_link(real_root: Path, path: Path, rel: str) -> Path:
    """Return the target of a symlink to a regular file inside the material folder."""
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(real_root):
        raise InputError(path, f"symbolic link {_quote(rel)} points outside the material folder")
    if not target.exists():
        raise InputError(path, f"symbolic link {_quote(rel)} is broken (its target does not exist)")
    if target.is_dir():
        raise InputError(
            path, f"symbolic link {_quote(rel)} points to a folder; folder links are not supported"
        )
    return target


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _tree_member(root: Path, real_root: Path, path: Path) -> Member:
    _check_name(path)
    rel = _tree_relpath(root, path)
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            path_stat = _resolve_link(real_root, path, rel).stat()
        else:
            path_stat = path.stat()
        if not stat.S_ISREG(path_stat.st_mode):
            kind = _special_kind(path_stat.st_mode)
            raise InputError(path, f"is {kind}, not a regular file; remove it from the material")
        return Member(rel, path_stat.st_size, sha256_file(path))
    except OSError as exc:
        raise _read_error(path, exc) from exc


def _check_subdir(root: Path, real_root: Path, path: Path) -> None:
    _check_name(path)
    if path.is_symlink():
        rel = _tree_relpath(root, path)
        _resolve_link(real_root, path, rel)  # raises for escaping, broken and folder links
        raise InputError(path, f"symbolic link {_quote(rel)} is not supported")


def _raise_walk_error(exc: OSError) -> None:
    raise _read_error(Path(exc.filename) if exc.filename else Path("."), exc) from exc


def walk_tree(root: Path) -> list[Member]:
    """List the regular files under the folder ``root``, sorted by NFC relpath.

    Symlinks to files inside ``root`` are followed; symlinks leading outside ``root``,
    symlinks to folders, FIFOs/sockets/devices, unreadable files and names that are
    not valid UTF-8 raise :class:`InputError`. An empty folder gives ``[]``.
    """
    root = Path(root)
    if not root.is_dir():
        raise InputError(root, "is not a folder" if root.exists() else "does not exist")
    real_root = Path(os.path.realpath(root))
    members: dict[str, Member] = {}
    for dirpath, dirnames, filenames in os.walk(root, onerror=_raise_walk_error):
        base = Path(dirpath)
        for name in dirnames:
            _check_subdir(root, real_root, base / name)
        for name in filenames:
            member = _tree_member(root, real_root, base / name)
            if member.relpath in members:
                raise InputError(
                    base / name,
                    f"two file names are identical after Unicode normalisation "
                    f"({_quote(member.relpath)}); rename one of them",
                )
            members[member.relpath] = member
    return [members[key] for key in sorted(members)]
