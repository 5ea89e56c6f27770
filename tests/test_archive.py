"""Tests for comparators.package.archive: safe extraction and folder walking on real files."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import stat
import subprocess
import tarfile
import unicodedata
import zipfile
from pathlib import Path

import py7zr
import pytest

from comparators.errors import InputError
from comparators.hashing import sha256_bytes, sha256_file
from comparators.package.archive import (
    ArchiveLimits,
    Member,
    extract_archive,
    is_archive,
    safe_relpath,
    walk_tree,
)

MiB = 1 << 20
FILES = {"src/main.c": b"int main(void) { return 0; }\n", "README": b"hello\n", "empty.txt": b""}


# ----------------------------------------------------------------------- helpers


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def expected_members(files: dict[str, bytes]) -> list[Member]:
    return [Member(name, len(data), sha(data)) for name, data in sorted(files.items())]


def make_zip(path: Path, files: dict[str, bytes], *, dirs: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in dirs:
            archive.writestr(zipfile.ZipInfo(name), b"")
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def make_tar(path: Path, files: dict[str, bytes], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


def add_tar_special(archive: tarfile.TarFile, name: str, kind: bytes, linkname: str = "") -> None:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    archive.addfile(info)


def make_7z(path: Path, files: dict[str, bytes], **kwargs: object) -> Path:
    with py7zr.SevenZipFile(path, "w", **kwargs) as archive:
        for name, data in files.items():
            archive.writestr(data, name)
    return path


def set_zip_flag(data: bytes, bit: int) -> bytes:
    """Set a general-purpose flag bit in every local and central header."""
    buf = bytearray(data)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = buf.find(signature)
        while start >= 0:
            flags = int.from_bytes(buf[start + flag_offset : start + flag_offset + 2], "little")
            buf[start + flag_offset : start + flag_offset + 2] = (flags | bit).to_bytes(2, "little")
            start = buf.find(signature, start + 4)
    return bytes(buf)


def zip_with_raw_name(path: Path, raw_name: bytes, data: bytes) -> Path:
    """Write a zip whose member name is ``raw_name`` verbatim, without the UTF-8 flag."""
    placeholder = b"Q" * len(raw_name)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(placeholder.decode("ascii"), data)
    content = buffer.getvalue()
    assert content.count(placeholder) == 2  # local header + central directory
    path.write_bytes(content.replace(placeholder, raw_name))
    return path


@pytest.fixture
def dest(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def assert_rejected(archive: Path, dest: Path, phrase: str, **kwargs: object) -> InputError:
    with pytest.raises(InputError) as caught:
        extract_archive(archive, dest, **kwargs)
    assert phrase in caught.value.problem
    assert list(dest.iterdir()) == []
    return caught.value


# ------------------------------------------------------------------ limits, names


def test_limits_defaults_and_params() -> None:
    limits = ArchiveLimits()
    assert limits.max_total_bytes == 4 * 1024**3
    assert limits.max_files == 200_000
    assert limits.max_ratio == 200.0
    assert limits.ratio_min_bytes == 1 << 20
    assert limits.max_member_bytes == 2 * 1024**3
    assert limits.as_params() == {
        "max_total_bytes": 4 * 1024**3,
        "max_files": 200_000,
        "max_ratio": 200.0,
        "ratio_min_bytes": 1 << 20,
        "max_member_bytes": 2 * 1024**3,
    }
    with pytest.raises(ValueError):
        ArchiveLimits(max_files=0)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "a.txt"),
        ("dir\\sub\\a.txt", "dir/sub/a.txt"),
        ("./dir//a.txt", "dir/a.txt"),
        ("dir/", "dir"),
        (unicodedata.normalize("NFD", "café/é.txt"), "café/é.txt"),
    ],
)
def test_safe_relpath_normalises(name: str, expected: str) -> None:
    result = safe_relpath(name)
    assert result == expected
    assert unicodedata.is_normalized("NFC", result)


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("/x", "escape the extraction folder"),
        ("C:\\x", "escape the extraction folder"),
        ("c:x", "escape the extraction folder"),
        ("\\\\server\\share\\x", "escape the extraction folder"),
        ("../evil.txt", "escape the extraction folder"),
        ("a/../../b", "escape the extraction folder"),
        ("a\\..\\b", "escape the extraction folder"),
        ("", "empty name"),
        ("./", "empty name"),
        ("a\x00b", "NUL character"),
    ],
)
def test_safe_relpath_rejects(name: str, phrase: str) -> None:
    with pytest.raises(InputError) as caught:
        safe_relpath(name)
    assert phrase in caught.value.problem


# -------------------------------------------------------------------- detection


def test_is_archive_detects_by_content(tmp_path: Path) -> None:
    make_zip(tmp_path / "lib.dat", FILES)  # a .jar/.apk-like zip without .zip extension
    make_tar(tmp_path / "plain", FILES, "w")
    make_tar(tmp_path / "a.tgz", FILES, "w:gz")
    make_tar(tmp_path / "a.tar.bz2", FILES, "w:bz2")
    make_tar(tmp_path / "a.tar.xz", FILES, "w:xz")
    make_7z(tmp_path / "a.7z", FILES)
    for name in ("lib.dat", "plain", "a.tgz", "a.tar.bz2", "a.tar.xz", "a.7z"):
        assert is_archive(tmp_path / name), name


def test_is_archive_rejects_non_archives(tmp_path: Path) -> None:
    import gzip

    (tmp_path / "notes.txt").write_text("just text\n" * 100)
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(b"just text\n" * 100))
    (tmp_path / "fake.zip").write_text("not a zip at all")
    (tmp_path / "empty").write_bytes(b"")
    for name in ("notes.txt", "notes.txt.gz", "fake.zip", "empty", "missing.zip"):
        assert not is_archive(tmp_path / name), name
    assert not is_archive(tmp_path)


def test_extract_rejects_non_archive(tmp_path: Path, dest: Path) -> None:
    (tmp_path / "notes.txt").write_text("text")
    assert_rejected(tmp_path / "notes.txt", dest, "not a supported archive")
    with pytest.raises(InputError, match="does not exist"):
        extract_archive(tmp_path / "missing.zip", dest)


def test_extract_requires_empty_existing_dest(tmp_path: Path, dest: Path) -> None:
    archive = make_zip(tmp_path / "a.zip", FILES)
    (dest / "stale").write_text("x")
    with pytest.raises(ValueError, match="empty"):
        extract_archive(archive, dest)
    with pytest.raises(ValueError, match="existing directory"):
        extract_archive(archive, tmp_path / "nowhere")


# ------------------------------------------------------------- normal extraction


def test_extract_zip(tmp_path: Path, dest: Path) -> None:
    archive = make_zip(tmp_path / "a.zip", FILES, dirs=("src/", "docs/"))
    members = extract_archive(archive, dest)
    assert members == expected_members(FILES)
    assert (dest / "docs").is_dir()  # folder entries are created, not returned
    for member in members:
        assert sha256_file(dest / member.relpath) == member.sha256


def test_extract_tar_gz(tmp_path: Path, dest: Path) -> None:
    archive = tmp_path / "a.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        root = tarfile.TarInfo(".")
        root.type = tarfile.DIRTYPE
        tar.addfile(root)  # the "./" entry of `tar -C dir -czf x.tgz .`
        for name, data in FILES.items():
            info = tarfile.TarInfo(f"./{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    assert extract_archive(archive, dest) == expected_members(FILES)
    assert (dest / "src" / "main.c").read_bytes() == FILES["src/main.c"]


@pytest.mark.parametrize("mode", ["w", "w:bz2", "w:xz"])
def test_extract_other_tar_flavours(tmp_path: Path, dest: Path, mode: str) -> None:
    archive = make_tar(tmp_path / "a.tar", FILES, mode)
    assert extract_archive(archive, dest) == expected_members(FILES)


def test_extract_7z(tmp_path: Path, dest: Path) -> None:
    archive = tmp_path / "a.7z"
    (tmp_path / "docs").mkdir()
    with py7zr.SevenZipFile(archive, "w") as sz:
        sz.write(tmp_path / "docs", "docs")  # a folder entry
        for name, data in FILES.items():
            sz.writestr(data, name)
    members = extract_archive(archive, dest)
    assert members == expected_members(FILES)
    assert (dest / "README").read_bytes() == b"hello\n"
    assert (dest / "docs").is_dir()


def test_nested_archive_is_an_ordinary_member(tmp_path: Path, dest: Path) -> None:
    inner = make_zip(tmp_path / "inner.zip", {"deep.txt": b"deep"}).read_bytes()
    archive = make_zip(tmp_path / "outer.zip", {"inner.zip": inner, "top.txt": b"top"})
    members = extract_archive(archive, dest)
    assert [m.relpath for m in members] == ["inner.zip", "top.txt"]
    assert members[0].sha256 == sha(inner)
    assert not (dest / "deep.txt").exists()


def test_zip_unicode_names_are_nfc(tmp_path: Path, dest: Path) -> None:
    nfd = unicodedata.normalize("NFD", "résumé.txt")
    archive = make_zip(tmp_path / "a.zip", {nfd: b"cv"})
    assert [m.relpath for m in extract_archive(archive, dest)] == ["résumé.txt"]


def test_zip_gbk_member_name(tmp_path: Path, dest: Path) -> None:
    name = "中文目录/说明.txt"
    archive = zip_with_raw_name(tmp_path / "cn.zip", name.encode("gbk"), b"data")
    members = extract_archive(archive, dest)
    assert members == [Member(name, 4, sha(b"data"))]
    assert (dest / "中文目录" / "说明.txt").read_bytes() == b"data"


def test_zip_legacy_name_falls_back_to_cp437(tmp_path: Path, dest: Path) -> None:
    archive = zip_with_raw_name(tmp_path / "dos.zip", b"caf\xe9.txt", b"data")
    assert [m.relpath for m in extract_archive(archive, dest)] == ["cafΘ.txt"]


def test_tar_gbk_member_name(tmp_path: Path, dest: Path) -> None:
    archive = tmp_path / "cn.tar"
    with tarfile.open(archive, "w", format=tarfile.GNU_FORMAT, encoding="gbk") as tar:
        info = tarfile.TarInfo("资料/说明.txt")
        info.size = 4
        tar.addfile(info, io.BytesIO(b"data"))
    assert [m.relpath for m in extract_archive(archive, dest)] == ["资料/说明.txt"]


# ---------------------------------------------------------- hostile member names


def test_zip_path_traversal(tmp_path: Path, dest: Path) -> None:
    archive = make_zip(tmp_path / "evil.zip", {"ok.txt": b"ok", "../evil.txt": b"evil"})
    error = assert_rejected(archive, dest, "would escape the extraction folder")
    assert "'../evil.txt'" in error.problem
    assert error.path.endswith("!../evil.txt")
    assert not (tmp_path / "evil.txt").exists()


def test_zip_absolute_path(tmp_path: Path, dest: Path) -> None:
    archive = tmp_path / "abs.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(zipfile.ZipInfo("/etc/x"), b"x")
    error = assert_rejected(archive, dest, "escape the extraction folder")
    assert "'/etc/x'" in error.problem


def test_tar_path_traversal(tmp_path: Path, dest: Path) -> None:
    archive = make_tar(tmp_path / "evil.tgz", {"ok.txt": b"ok", "../../evil.txt": b"evil"})
    assert_rejected(archive, dest, "would escape the extraction folder")


def test_tar_symlink_member(tmp_path: Path, dest: Path) -> None:
    archive = tmp_path / "link.tar"
    with tarfile.open(archive, "w") as tar:
        add_tar_special(tar, "passwd", tarfile.SYMTYPE, "/etc/passwd")
    error = assert_rejected(archive, dest, "symbolic link")
    assert "'passwd'" in error.problem


def test_tar_hardlink_and_fifo_members(tmp_path: Path, dest: Path) -> None:
    hard = tmp_path / "hard.tar"
    with tarfile.open(hard, "w") as tar:
        add_tar_special(tar, "h", tarfile.LNKTYPE, "/etc/passwd")
    assert_rejected(hard, dest, "hard link")
    fifo = tmp_path / "fifo.tar"
    with tarfile.open(fifo, "w") as tar:
        add_tar_special(tar, "pipe", tarfile.FIFOTYPE)
    assert_rejected(fifo, dest, "device, FIFO or socket")


def test_zip_symlink_member(tmp_path: Path, dest: Path) -> None:
    archive = tmp_path / "link.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        info = zipfile.ZipInfo("link")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    assert_rejected(archive, dest, "symbolic link")


def test_7z_symlink_member(tmp_path: Path, dest: Path) -> None:
    (tmp_path / "t.txt").write_text("t")
    os.symlink("/etc/passwd", tmp_path / "lnk")
    archive = tmp_path / "link.7z"
    with py7zr.SevenZipFile(archive, "w") as sz:
        sz.write(tmp_path / "t.txt", "t.txt")
        sz.write(tmp_path / "lnk", "lnk")
    assert_rejected(archive, dest, "symbolic link")


def test_duplicate_names(tmp_path: Path, dest: Path) -> None:
    archive = tmp_path / "dup.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", b"1")
        with pytest.warns(UserWarning, match="Duplicate name"):
            zf.writestr("a.txt", b"2")
    assert_rejected(archive, dest, "same name as another member")
    nfd = unicodedata.normalize("NFD", "é.txt")
    nfc = make_zip(tmp_path / "nfc.zip", {"é.txt": b"1", nfd: b"2"})
    assert_rejected(nfc, dest, "same name as another member")
    clash = make_zip(tmp_path / "clash.zip", {"a": b"file", "a/b": b"nested"})
    assert_rejected(clash, dest, "same name as another member")


def test_dest_emptied_after_failure_midway(tmp_path: Path, dest: Path) -> None:
    archive = tmp_path / "mid.tar"
    with tarfile.open(archive, "w") as tar:
        for name in ("dir/one.txt", "two.txt"):
            info = tarfile.TarInfo(name)
            info.size = 3
            tar.addfile(info, io.BytesIO(b"abc"))
        add_tar_special(tar, "dir/link", tarfile.SYMTYPE, "/etc/passwd")
    assert_rejected(archive, dest, "symbolic link")
    assert dest.is_dir()


# ------------------------------------------------------------------------- bombs


def zeros_zip(path: Path, size: int, name: str = "zeros.bin") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(name, bytes(size))
    return path


def test_zip_bomb_with_lowered_limits(tmp_path: Path, dest: Path) -> None:
    archive = zeros_zip(tmp_path / "bomb.zip", 50 * MiB)
    limits = ArchiveLimits(max_total_bytes=10 * MiB, max_ratio=1e9)
    error = assert_rejected(archive, dest, "exceeds the safety limit", limits=limits)
    assert "total uncompressed size" in error.problem
    member_limits = ArchiveLimits(max_member_bytes=5 * MiB, max_ratio=1e9)
    assert_rejected(archive, dest, "is larger than 5,242,880 bytes", limits=member_limits)


def test_zip_ratio_bomb_with_default_limits(tmp_path: Path, dest: Path) -> None:
    archive = zeros_zip(tmp_path / "ratio.zip", 30 * MiB)
    error = assert_rejected(archive, dest, "exceeds the safety limit")
    assert "200 times" in error.problem


def test_overall_ratio_bomb_of_small_members(tmp_path: Path, dest: Path) -> None:
    archive = tmp_path / "many-small.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for index in range(40):  # each below ratio_min_bytes, 20 MiB in total
            zf.writestr(f"z{index}.bin", bytes(MiB // 2))
    error = assert_rejected(archive, dest, "exceeds the safety limit")
    assert "the archive expands more than 200 times its size" in error.problem


def test_small_compressible_members_are_fine(tmp_path: Path, dest: Path) -> None:
    archive = zeros_zip(tmp_path / "small.zip", MiB // 2)  # below ratio_min_bytes
    assert extract_archive(archive, dest) == [Member("zeros.bin", MiB // 2, sha(bytes(MiB // 2)))]


def test_too_many_files(tmp_path: Path, dest: Path) -> None:
    archive = make_zip(tmp_path / "many.zip", {f"f{i}.txt": b"x" for i in range(5)})
    assert_rejected(archive, dest, "more than 4 entries", limits=ArchiveLimits(max_files=4))
    tar = make_tar(tmp_path / "many.tgz", {f"f{i}.txt": b"x" for i in range(5)})
    assert_rejected(tar, dest, "more than 4 entries", limits=ArchiveLimits(max_files=4))


def test_tar_gz_bomb(tmp_path: Path, dest: Path) -> None:
    archive = make_tar(tmp_path / "bomb.tgz", {"ok.txt": b"ok", "zeros": bytes(20 * MiB)})
    assert_rejected(archive, dest, "exceeds the safety limit")  # ratio, default limits
    limits = ArchiveLimits(max_total_bytes=5 * MiB, max_ratio=1e9)
    assert_rejected(archive, dest, "total uncompressed size", limits=limits)


def test_7z_bomb(tmp_path: Path, dest: Path) -> None:
    archive = make_7z(tmp_path / "bomb.7z", {"zeros": bytes(20 * MiB)})
    assert_rejected(archive, dest, "exceeds the safety limit")  # ratio, default limits
    limits = ArchiveLimits(max_total_bytes=5 * MiB, max_ratio=1e9)
    assert_rejected(archive, dest, "total uncompressed size", limits=limits)


# ------------------------------------------------------------ encrypted, corrupt


def test_encrypted_zip_by_flag(tmp_path: Path, dest: Path) -> None:
    plain = make_zip(tmp_path / "plain.zip", FILES).read_bytes()
    archive = tmp_path / "enc.zip"
    archive.write_bytes(set_zip_flag(plain, 0x1))
    error = assert_rejected(archive, dest, "archive is encrypted")
    assert error.problem == "archive is encrypted; provide the decrypted material"


@pytest.mark.skipif(shutil.which("zip") is None, reason="zip command not installed")
def test_encrypted_zip_made_by_zip_command(tmp_path: Path, dest: Path) -> None:
    (tmp_path / "secret.txt").write_text("secret")
    subprocess.run(
        ["zip", "-q", "-P", "pw", "enc.zip", "secret.txt"], cwd=tmp_path, check=True
    )
    assert_rejected(tmp_path / "enc.zip", dest, "archive is encrypted")


@pytest.mark.parametrize("header_encryption", [False, True])
def test_encrypted_7z(tmp_path: Path, dest: Path, header_encryption: bool) -> None:
    archive = make_7z(
        tmp_path / "enc.7z", FILES, password="pw", header_encryption=header_encryption
    )
    assert_rejected(archive, dest, "archive is encrypted")


def test_truncated_zip(tmp_path: Path, dest: Path) -> None:
    data = make_zip(tmp_path / "full.zip", {"a.bin": os.urandom(64 * 1024)}).read_bytes()
    archive = tmp_path / "half.zip"
    archive.write_bytes(data[: len(data) // 2])
    assert is_archive(archive)  # still recognisable, so it is reported, not ignored
    assert_rejected(archive, dest, "archive is corrupt or truncated")


def test_zip_with_damaged_data(tmp_path: Path, dest: Path) -> None:
    payload = b"some text that compresses " * 2000
    buf = bytearray(make_zip(tmp_path / "ok.zip", {"a.txt": payload}).read_bytes())
    start = 30 + len("a.txt")  # local header size + name: compressed data follows
    buf[start + 10 : start + 40] = bytes(30)
    archive = tmp_path / "damaged.zip"
    archive.write_bytes(bytes(buf))
    assert_rejected(archive, dest, "archive is corrupt or truncated")


def test_zip_with_lying_size_header(tmp_path: Path, dest: Path) -> None:
    data = make_zip(tmp_path / "ok.zip", {"a.txt": b"x" * 5000}).read_bytes()
    central = data.find(b"PK\x01\x02")
    buf = bytearray(data)
    buf[central + 24 : central + 28] = (100).to_bytes(4, "little")  # uncompressed size
    archive = tmp_path / "liar.zip"
    archive.write_bytes(bytes(buf))
    assert_rejected(archive, dest, "archive is corrupt or truncated")


def test_truncated_tar_gz(tmp_path: Path, dest: Path) -> None:
    data = make_tar(tmp_path / "full.tgz", {"a.bin": os.urandom(256 * 1024)}).read_bytes()
    archive = tmp_path / "cut.tgz"
    archive.write_bytes(data[: len(data) // 2])
    assert_rejected(archive, dest, "archive is corrupt or truncated")


def test_truncated_plain_tar_at_header_boundary(tmp_path: Path, dest: Path) -> None:
    data = make_tar(tmp_path / "full.tar", {"a.txt": b"a" * 512, "b.txt": b"b"}, "w").read_bytes()
    archive = tmp_path / "cut.tar"
    archive.write_bytes(data[:1024])  # first header + data; second header missing
    assert_rejected(archive, dest, "end-of-archive marker is missing")
    garbled = tmp_path / "garbled.tar"
    garbled.write_bytes(data[:1024] + b"\xff" * 512 + data[1536:])
    assert_rejected(garbled, dest, "unreadable member header")


def test_truncated_7z(tmp_path: Path, dest: Path) -> None:
    data = make_7z(tmp_path / "full.7z", {"a.bin": os.urandom(64 * 1024)}).read_bytes()
    archive = tmp_path / "cut.7z"
    archive.write_bytes(data[: len(data) // 2])
    assert_rejected(archive, dest, "archive is corrupt or truncated")


# --------------------------------------------------------------------- walk_tree


def test_walk_tree_lists_regular_files(tmp_path: Path) -> None:
    root = tmp_path / "material"
    for name, data in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    (root / "empty_dir").mkdir()
    nfd = unicodedata.normalize("NFD", "é.txt")
    (root / nfd).write_bytes(b"accent")
    os.symlink("README", root / "readme-link")  # link to a file inside: followed
    expected = {**FILES, "é.txt": b"accent", "readme-link": FILES["README"]}
    assert walk_tree(root) == expected_members(expected)


def test_walk_tree_empty_folder(tmp_path: Path) -> None:
    assert walk_tree(tmp_path) == []


def test_walk_tree_missing_or_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        walk_tree(tmp_path / "missing")
    (tmp_path / "f.txt").write_text("x")
    with pytest.raises(InputError, match="is not a folder"):
        walk_tree(tmp_path / "f.txt")


def test_walk_tree_escaping_symlink(tmp_path: Path) -> None:
    root = tmp_path / "material"
    (root / "sub").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("secret")
    os.symlink(tmp_path / "secret.txt", root / "sub" / "leak.txt")
    with pytest.raises(InputError) as caught:
        walk_tree(root)
    assert caught.value.problem == "symbolic link 'sub/leak.txt' points outside the material folder"


def test_walk_tree_escaping_directory_symlink(tmp_path: Path) -> None:
    root = tmp_path / "material"
    root.mkdir()
    os.symlink("/etc", root / "etc")
    with pytest.raises(InputError, match="points outside the material folder"):
        walk_tree(root)


def test_walk_tree_directory_symlink_inside(tmp_path: Path) -> None:
    root = tmp_path / "material"
    (root / "real").mkdir(parents=True)
    (root / "real" / "a.txt").write_text("a")
    os.symlink("real", root / "alias")
    with pytest.raises(InputError, match="points to a folder"):
        walk_tree(root)


def test_walk_tree_non_utf8_name(tmp_path: Path) -> None:
    root = tmp_path / "material"
    root.mkdir()
    fd = os.open(os.fsencode(root) + b"/\xff\xfe.txt", os.O_WRONLY | os.O_CREAT, 0o644)
    os.close(fd)
    with pytest.raises(InputError) as caught:
        walk_tree(root)
    assert "file name is not valid UTF-8 (b'\\xff\\xfe.txt')" in caught.value.problem
    assert "supply the material as an archive" in caught.value.problem
    str(caught.value).encode("utf-8")  # printable: no lone surrogates in the message


def test_walk_tree_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(InputError, match="FIFO"):
        walk_tree(tmp_path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission")
def test_walk_tree_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    locked.chmod(0)
    try:
        with pytest.raises(InputError, match=r"cannot be read \(permission denied\)"):
            walk_tree(tmp_path)
    finally:
        locked.chmod(0o644)


# ----------------------------------------------------------------------- hashing


def test_hashing_helpers(tmp_path: Path) -> None:
    data = os.urandom(3 * MiB + 7)  # spans several 1 MiB chunks
    (tmp_path / "blob").write_bytes(data)
    assert sha256_bytes(data) == sha(data)
    assert sha256_file(tmp_path / "blob") == sha(data)
