"""Download the C-extension wheels of the binary benchmark and extract their extension modules.

Usage (from the repository root; the network must reach PyPI; run once when building the benchmark)::

    .venv/bin/python benchmarks/binary/wheels.py [--only msgpack,ujson] [--force]

For every (library, version) of :data:`WHEELS` the CPython 3.11 manylinux x86-64 binary wheel is
downloaded with pip (``pip download --no-deps --only-binary=:all: --python-version 3.11 --platform
manylinux2014_x86_64 ...``; when a release has no 3.11 wheel, the same platforms for 3.10 and then
3.9 are tried, and the Python version used is recorded). A version that cannot be downloaded is
skipped with the reason printed. The extension modules (``*.so`` outside the ``<pkg>.libs/``
folders of auditwheel-vendored shared libraries) are extracted into
``data/wheels/<library>/<version>/`` and listed in ``data/wheels/manifest.csv``: ``path`` (relative
to ``data/``), ``library``, ``version``, ``format_family`` (``json``, ``msgpack``, ``cbor``, ...;
semicolon-separated when a library implements several), ``so_name`` (the module name without
its ABI tag, e.g. ``_cmsgpack``: the key that pairs the same module across releases),
``language``, ``python``, ``wheel``, ``wheel_sha256`` and ``so_sha256``.

Releases of one library are the ``release`` positives of ``pairs.py``; different libraries of
one format family (ujson, simplejson, python-rapidjson, orjson, pysimdjson, msgspec for JSON;
msgpack, ormsgpack, msgspec for MessagePack; rtoml and pytomlpp for TOML) are its
``same_format`` hard negatives: independent implementations of one format, each linked
against the same CPython API.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
OUT = DATA / "wheels"
MANIFEST = OUT / "manifest.csv"
PIP = [sys.executable, "-m", "pip"]


@dataclass(frozen=True)
class Library:
    """A C-extension library: its PyPI name, format family, implementation language, pinned releases."""

    name: str
    format_family: str
    language: str
    versions: tuple[str, ...]


# Pinned releases (oldest first). Releases N, N+1, N+2 of one library are "release" positives.
WHEELS: tuple[Library, ...] = (
    Library("msgpack", "msgpack", "C (Cython)", ("1.0.3", "1.0.4", "1.0.5", "1.0.7", "1.0.8")),
    Library("ormsgpack", "msgpack", "Rust", ("1.2.6", "1.3.0", "1.4.2", "1.5.0")),
    Library("msgspec", "json;msgpack", "C", ("0.18.4", "0.18.5", "0.18.6")),
    Library("ujson", "json", "C", ("5.4.0", "5.5.0", "5.7.0", "5.8.0", "5.9.0", "5.10.0")),
    Library("simplejson", "json", "C", ("3.17.6", "3.18.0", "3.18.4", "3.19.1", "3.19.2")),
    Library("python-rapidjson", "json", "C++ (RapidJSON)", ("1.9", "1.10", "1.11", "1.14")),
    Library("orjson", "json", "Rust", ("3.8.14", "3.9.10", "3.9.15", "3.10.0")),
    Library("pysimdjson", "json", "C++ (simdjson, Cython)", ("5.0.2", "6.0.2")),
    Library("cbor2", "cbor", "C", ("5.4.6", "5.5.1", "5.6.2")),
    Library("markupsafe", "html_escape", "C", ("2.1.1", "2.1.2", "2.1.3", "2.1.4", "2.1.5")),
    Library("rtoml", "toml", "Rust", ("0.9.0", "0.10.0")),
    Library("pytomlpp", "toml", "C++ (toml++)", ("1.0.11", "1.0.13")),
)

# sha256 of each pinned wheel (cp311 where the release has one, else the Python version in the manifest);
# a download whose hash differs is skipped. A release missing here is accepted and its hash printed.
WHEEL_SHA256: dict[tuple[str, str], str] = {
    ("msgpack", "1.0.3"): "1c58cdec1cb5fcea8c2f1771d7b5fec79307d056874f746690bd2bdd609ab147",
    ("msgpack", "1.0.4"): "4733359808c56d5d7756628736061c432ded018e7a1dff2d35a02439043321aa",
    ("msgpack", "1.0.5"): "28592e20bbb1620848256ebc105fc420436af59515793ed27d5c77a217477705",
    ("msgpack", "1.0.7"): "6d4c80667de2e36970ebf74f42d1088cc9ee7ef5f4e8c35eee1b40eafd33ca5b",
    ("msgpack", "1.0.8"): "83b5c044f3eff2a6534768ccfd50425939e7a8b5cf9a7261c385de1e20dcfc85",
    ("ormsgpack", "1.2.6"): "500033f746d676a3d676e110aa71abe4e6328c8651afb9ee5500e6040508de51",
    ("ormsgpack", "1.3.0"): "20a619ab39a3dd1b9944ff732da0e468b7217403791467d82561b4c4f6e4d989",
    ("ormsgpack", "1.4.2"): "31567d84a6b21c1bce15978f93d79d53e81eaa7391ea28f74ab4039010cedc39",
    ("ormsgpack", "1.5.0"): "111214ea0970eb49b19ffa1fde94996f09efa4d8585986be9d5b81492fa1e3fc",
    ("msgspec", "0.18.4"): "826dcb0dfaac0abbcf3a3ae991749900671796eb688b017a69a82bde1e624662",
    ("msgspec", "0.18.5"): "01ed3472a0508f88a25a9d3bccafb840110f0fc5eb493b4baa43646e4e7c75c2",
    ("msgspec", "0.18.6"): "e3b524df6ea9998bbc99ea6ee4d0276a101bcc1aa8d14887bb823914d9f60d07",
    ("ujson", "5.4.0"): "91edcf9978ee401119e9c8589376ae37fd3e6e75ee365c49385cb005eaff1535",
    ("ujson", "5.5.0"): "d5bea13c73f36c4346808df3fa806596163a7962b6d28001ca2a391cab856089",
    ("ujson", "5.7.0"): "d8cd622c069368d5074bd93817b31bdb02f8d818e57c29e206f10a1f9c6337dd",
    ("ujson", "5.8.0"): "27a2a3c7620ebe43641e926a1062bc04e92dbe90d3501687957d71b4bdddaec4",
    ("ujson", "5.9.0"): "8ba7cac47dd65ff88571eceeff48bf30ed5eb9c67b34b88cb22869b7aa19600d",
    ("ujson", "5.10.0"): "129e39af3a6d85b9c26d5577169c21d53821d8cf68e079060602e861c6e5da1b",
    ("simplejson", "3.17.6"): "f63600ec06982cdf480899026f4fda622776f5fabed9a869fdb32d72bc17e99a",
    ("simplejson", "3.18.0"): "0f49858b5fc802081b71269f4a3aa5c5500ec6553637c9a0630f30a2a6541ea7",
    ("simplejson", "3.18.4"): "da6dc0cb00ef1e1a8daf285074ca8b2bb89591170c42ceab0c37bcdb9adc802c",
    ("simplejson", "3.19.1"): "9f14ecca970d825df0d29d5c6736ff27999ee7bdf5510e807f7ad8845f7760ce",
    ("simplejson", "3.19.2"): "4d36081c0b1c12ea0ed62c202046dca11438bee48dd5240b7c8de8da62c620e9",
    ("python-rapidjson", "1.9"): "a8bccf158e78a299d95bcebba17a50640aabd96a737a6c51054dcacfc90fc8af",
    ("python-rapidjson", "1.10"): "3f27c0601792533ab6e98452961d61566480dc155da19d2a358a5fd9a85d9321",
    ("python-rapidjson", "1.11"): "f2dec01050418764e07e3d752f9203d774d05fb91c636ca7f20b78a5c17ea1a1",
    ("python-rapidjson", "1.14"): "1d2dfbbaa3be9f4cff96b89a2f2dc25589d50db00ff44799fc575775628342e8",
    ("orjson", "3.8.14"): "8b206cca6836a4c6683bcaa523ab467627b5f03902e5e1082dc59cd010e6925f",
    ("orjson", "3.9.10"): "1d0dc4310da8b5f6415949bd5ef937e60aeb0eb6b16f95041b5e43e6200821fb",
    ("orjson", "3.9.15"): "12365576039b1a5a47df01aadb353b68223da413e2e7f98c02403061aad34bde",
    ("orjson", "3.10.0"): "414e5293b82373606acf0d66313aecb52d9c8c2404b1900683eb32c3d042dbd7",
    ("pysimdjson", "5.0.2"): "c94089b145be2558b058a5fa7678bce8c47d810610aabee18cc036598740ea7d",
    ("pysimdjson", "6.0.2"): "e7ec815595177c08a7298f527ea28554f9516474f678a01c54e9eb8a81be7510",
    ("cbor2", "5.4.6"): "1835536e76ea16e88c934aac5e369ba9f93d495b01e5fa2d93f0b4986b89146d",
    ("cbor2", "5.5.1"): "e3317e7dfb4f3180be90bcd853204558d89f119b624c2168153b53dea305e79d",
    ("cbor2", "5.6.2"): "ac85eb731c524d148f608b9bdb2069fa79e374a10ed5d10a2405eba9a6561e60",
    ("markupsafe", "2.1.1"): "10c1bfff05d95783da83491be968e8fe789263689c02724e0c691933c52994f5",
    ("markupsafe", "2.1.2"): "f2bfb563d0211ce16b63c7cb9395d2c682a23187f54c3d79bfec33e6705473c6",
    ("markupsafe", "2.1.3"): "bfce63a9e7834b12b87c64d6b155fdd9b3b96191b6bd334bf37db7ff1fe457f2",
    ("markupsafe", "2.1.4"): "3ab3a886a237f6e9c9f4f7d272067e712cdb4efa774bef494dccad08f39d8ae6",
    ("markupsafe", "2.1.5"): "b91c037585eba9095565a3556f611e3cbfaa42ca1e865f7b8015fe5c7336d5a5",
    ("rtoml", "0.9.0"): "e31bec5a3d7b56966130ba2a68be7bef608822063ff8b9a6362c5001a2a4c82b",
    ("rtoml", "0.10.0"): "a79b0eb8c4dacdd09d1b6e3195468cd8648326c9a10c1371283acacd56d01745",
    ("pytomlpp", "1.0.11"): "e0f176edb38a22d078bddcc7cd3c34e38edfe1af9db82d2a08d9af474674423a",
    ("pytomlpp", "1.0.13"): "7d2e7be5ddf349fbcfdd1cfcee630c4ad33031411a9dded93a96d186f2086038",
}
PYTHONS = ("3.11", "3.10", "3.9")
PLATFORMS = ("manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_28_x86_64", "manylinux2010_x86_64",
             "manylinux1_x86_64")
FIELDS = ("path", "library", "version", "format_family", "so_name", "language", "python", "wheel", "wheel_sha256",
          "so_sha256")
_ABI_TAG = re.compile(r"\.(cpython-[^.]+|abi3|cp\d+[^.]*)\.so$")


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def so_name(member: str) -> str:
    """The module name of an extension member (``msgpack/_cmsgpack.cpython-311-x86_64-linux-gnu.so``: ``_cmsgpack``)."""
    base = member.rsplit("/", 1)[-1]
    return _ABI_TAG.sub("", base).removesuffix(".so")


def download(lib: Library, version: str, folder: Path) -> tuple[Path, str]:
    """Download the binary wheel of ``lib==version`` into ``folder``: (wheel, the Python version it is for)."""
    errors = []
    for python in PYTHONS:
        cmd = [*PIP, "download", "--no-deps", "--only-binary=:all:", "--python-version", python,
               "--implementation", "cp", "--disable-pip-version-check", "-q", "-d", str(folder)]
        for platform in PLATFORMS:
            cmd += ["--platform", platform]
        done = subprocess.run([*cmd, f"{lib.name}=={version}"], capture_output=True, text=True)
        wheels = sorted(folder.glob("*.whl"))
        if done.returncode == 0 and wheels:
            return wheels[0], python
        last = (done.stderr.strip().splitlines() or ["no wheel"])[-1]
        errors.append(f"cp{python.replace('.', '')}: {last}")
    raise RuntimeError("; ".join(errors))


def extension_members(wheel: Path) -> list[str]:
    """The extension modules of a wheel (``*.so``), without auditwheel's vendored ``<pkg>.libs/`` libraries."""
    with zipfile.ZipFile(wheel) as archive:
        return sorted(n for n in archive.namelist()
                      if n.endswith(".so") and not any(part.endswith(".libs") for part in n.split("/")[:-1]))


def fetch(lib: Library, version: str, force: bool) -> list[dict[str, str]]:
    """Download one release and extract its extension modules; the manifest rows."""
    target = OUT / lib.name / version
    with tempfile.TemporaryDirectory(prefix="wheel-") as tmp:
        wheel, python = download(lib, version, Path(tmp))
        wheel_sha = sha256_file(wheel)
        pinned = WHEEL_SHA256.get((lib.name, version))
        if pinned is None:
            print(f"{lib.name} {version}: not pinned, sha256 {wheel_sha}", file=sys.stderr)
        elif pinned != wheel_sha:
            raise RuntimeError(f"{wheel.name}: sha256 {wheel_sha} differs from the pinned {pinned}")
        members = extension_members(wheel)
        if not members:
            raise RuntimeError(f"{wheel.name} holds no extension module")
        target.mkdir(parents=True, exist_ok=True)
        rows = []
        with zipfile.ZipFile(wheel) as archive:
            for member in members:
                dest = target / member.rsplit("/", 1)[-1]
                if force or not dest.is_file():
                    dest.write_bytes(archive.read(member))
                rows.append({"path": str(dest.relative_to(DATA)), "library": lib.name, "version": version,
                             "format_family": lib.format_family, "so_name": so_name(member),
                             "language": lib.language, "python": python, "wheel": wheel.name,
                             "wheel_sha256": wheel_sha, "so_sha256": sha256_file(dest)})
    return rows


def read_manifest(path: Path = MANIFEST) -> list[dict[str, str]]:
    """The rows of ``data/wheels/manifest.csv`` (empty when it does not exist)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="", help="comma-separated library names (default: all)")
    ap.add_argument("--force", action="store_true", help="download and extract again even when present")
    args = ap.parse_args(argv)
    only = {n for n in args.only.split(",") if n}
    kept = [r for r in read_manifest() if only and r["library"] not in only]  # other libraries' rows stay
    rows: list[dict[str, str]] = []
    skipped = 0
    for lib in WHEELS:
        if only and lib.name not in only:
            continue
        for version in lib.versions:
            done = [r for r in read_manifest() if r["library"] == lib.name and r["version"] == version]
            if done and not args.force and all((DATA / r["path"]).is_file() for r in done):
                rows += done
                print(f"{lib.name} {version}: present ({len(done)} modules)", file=sys.stderr)
                continue
            try:
                got = fetch(lib, version, args.force)
            except (RuntimeError, OSError, zipfile.BadZipFile) as exc:
                skipped += 1
                print(f"{lib.name} {version}: SKIPPED ({exc})", file=sys.stderr)
                continue
            rows += got
            tag = "cp" + got[0]["python"].replace(".", "")
            print(f"{lib.name} {version}: {', '.join(r['so_name'] for r in got)} ({tag}, {got[0]['wheel']})",
                  file=sys.stderr)
    OUT.mkdir(parents=True, exist_ok=True)
    with MANIFEST.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(sorted(kept + rows, key=lambda r: (r["library"], r["version"], r["so_name"])))
    libs = {r["library"] for r in kept + rows}
    print(f"{len(kept + rows)} extension modules of {len(libs)} libraries in {MANIFEST.relative_to(HERE)}; "
          f"{skipped} releases skipped", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
