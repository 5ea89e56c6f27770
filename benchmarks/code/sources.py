"""Acquire pinned originals (PyPI sdists, npm tarballs, the Debian JDK source package) and pick source files.

Downloads are cached under ``benchmarks/code/work/`` so that reruns need no network.
"""

from __future__ import annotations

import glob
import hashlib
import random
import re
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from catalogue import Source
from langs import EXTENSION, parse

MIN_LINES, MAX_LINES = 50, 600


@dataclass(frozen=True)
class Original:
    """A real source file used as the original of copies and as a negative partner."""

    id: str  # "<source key>:<path>"
    language: str
    package: str  # source key: different keys count as different packages
    domain: str
    path: str
    text: bytes

    @property
    def lines(self) -> int:
        return self.text.count(b"\n") + (0 if self.text.endswith(b"\n") else 1)

    def record(self) -> dict[str, object]:
        """What ``sources.json`` says about this original."""
        return {"id": self.id, "language": self.language, "package": self.package, "path": self.path,
                "lines": self.lines, "sha256": hashlib.sha256(self.text).hexdigest()}


def _glob_re(pattern: str) -> re.Pattern[str]:
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif pattern.startswith("**", i):
            out += ".*"
            i += 2
        elif pattern[i] == "*":
            out += "[^/]*"
            i += 1
        else:
            out += re.escape(pattern[i])
            i += 1
    return re.compile(out + r"\Z")


def matches(path: str, patterns: tuple[str, ...]) -> bool:
    """Whether ``path`` matches any glob (``*`` stays within a folder, ``**/`` spans folders)."""
    return any(_glob_re(p).match(path) for p in patterns)


def _run(cmd: list[str], cwd: Path) -> None:
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(source: Source, work: Path) -> tuple[Path, str]:
    """The cached archive for ``source`` (downloading it once) and the version actually obtained."""
    work = work.resolve()
    if source.registry == "pypi":
        folder = work / "pypi"
        folder.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"[-_.]+", "[-_.]", source.name)
        found = [p for p in folder.iterdir() if re.fullmatch(f"(?i){stem}-{re.escape(source.version)}\\.(tar\\.gz|zip)",
                                                              p.name)]
        if not found:
            _run([sys.executable, "-m", "pip", "download", "--quiet", "--no-binary", ":all:", "--no-deps",
                  f"{source.name}=={source.version}", "-d", str(folder)], folder)
            found = [p for p in folder.iterdir() if re.fullmatch(
                f"(?i){stem}-{re.escape(source.version)}\\.(tar\\.gz|zip)", p.name)]
        return sorted(found)[0], source.version
    if source.registry == "npm":
        folder = work / "npm"
        folder.mkdir(parents=True, exist_ok=True)
        tgz = folder / (source.name.lstrip("@").replace("/", "-") + f"-{source.version}.tgz")
        if not tgz.exists():
            _run(["npm", "pack", "--silent", f"{source.name}@{source.version}"], folder)
        return tgz, source.version
    if source.registry == "deb":
        return _fetch_deb(source.name, source.version, work)
    raise ValueError(source.registry)


@cache
def _fetch_deb(name: str, version: str, work: Path) -> tuple[Path, str]:
    folder = work / "deb"
    folder.mkdir(parents=True, exist_ok=True)
    debs = sorted(folder.glob(f"{name}_*.deb"))
    pinned = [d for d in debs if d.name.startswith(f"{name}_{version.replace(':', '%3a')}_")]
    if not pinned:
        try:
            _run(["apt-get", "download", f"{name}={version}"], folder)
        except subprocess.CalledProcessError:
            print(f"warning: {name}={version} not downloadable; using the candidate version", file=sys.stderr)
            if not debs:
                _run(["apt-get", "download", name], folder)
        debs = sorted(folder.glob(f"{name}_*.deb"))
        pinned = [d for d in debs if d.name.startswith(f"{name}_{version.replace(':', '%3a')}_")] or debs[-1:]
    deb = pinned[0]
    used = deb.name.split("_")[1].replace("%3a", ":")
    out = folder / deb.stem
    if not out.exists():
        _run(["dpkg-deb", "-x", str(deb), str(out)], folder)
    zips = glob.glob(str(out / "**" / "src.zip"), recursive=True)
    if not zips:
        raise FileNotFoundError(f"no src.zip in {deb}")
    return Path(zips[0]), used


def members(archive: Path) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of the files in an archive, in archive order; sdist/npm top folders are stripped."""
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                if not info.is_dir():
                    yield info.filename, zf.read(info)
        return
    with tarfile.open(archive) as tf:
        for m in tf.getmembers():
            if m.isfile():
                f = tf.extractfile(m)
                if f is not None:
                    yield m.name.split("/", 1)[1] if "/" in m.name else m.name, f.read()


def acceptable(data: bytes, language: str, min_lines: int = MIN_LINES, max_lines: int = MAX_LINES) -> bool:
    """Whether a file is usable as an original: size, UTF-8, no parse error, mostly code, not minified."""
    n = data.count(b"\n")
    if not min_lines <= n <= max_lines:
        return False
    try:
        body = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if "\r" in body or max(len(line) for line in body.split("\n")) > 200:
        return False
    tree = parse(language, data)
    if tree.root_node.has_error:
        return False
    comment_bytes = 0
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if "comment" in node.type:
            comment_bytes += node.end_byte - node.start_byte
        else:
            stack.extend(node.children)
    return comment_bytes < 0.75 * len(data) and len(re.findall(rb"\w+", data)) > 150


def candidates(source: Source, work: Path, min_lines: int = MIN_LINES, max_lines: int = MAX_LINES
               ) -> tuple[list[Original], str]:
    """All acceptable files of ``source`` (sorted by path) and the version used."""
    archive, used = fetch(source, work)
    ext = EXTENSION[source.language]
    seen: set[bytes] = set()
    out: list[Original] = []
    key = source.key if used == source.version else source.key.replace(source.version, used)
    for path, data in members(archive):
        if not path.endswith(ext) or not matches(path, source.include) or matches(path, source.exclude):
            continue
        digest = hashlib.sha256(data).digest()
        if digest in seen or not acceptable(data, source.language, min_lines, max_lines):
            continue
        seen.add(digest)
        out.append(Original(f"{key}:{path}", source.language, key, source.domain, path, data))
    out.sort(key=lambda o: o.path)
    return out, used


def select(pool: list[Original], n: int, rng: random.Random) -> list[Original]:
    """``n`` originals spread evenly over packages (round robin over packages, each shuffled by ``rng``)."""
    by_pkg: dict[str, list[Original]] = {}
    for o in sorted(pool, key=lambda o: o.id):
        by_pkg.setdefault(o.package, []).append(o)
    for files in by_pkg.values():
        rng.shuffle(files)
    chosen: list[Original] = []
    while len(chosen) < n and any(by_pkg.values()):
        for pkg in sorted(by_pkg):
            if by_pkg[pkg] and len(chosen) < n:
                chosen.append(by_pkg[pkg].pop())
    return sorted(chosen, key=lambda o: o.id)
