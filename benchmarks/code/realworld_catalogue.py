"""Pinned packages and pairing rules of the real-world hard-negative family (read by ``build_realworld.py``).

A *project* is one line of development: its releases are derived from one another (``derived-release``);
a project with ``forked_from`` continues another one (``derived-fork``). Projects of the same domain
that are not connected by forks are independent implementations (``neg-same-domain``), except the
pairs listed in ``AVOID`` (where one is known or suspected to have borrowed from the other).

Files are matched by their *key*: the path below the release's ``root`` without extension, lower case
(for releases of one project and forks), else by their *role* in the domain (``ROLES``: the first
regular expression that matches the lower-cased key; a key no role matches has its base name,
without leading underscores, as role).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Release:
    """One pinned archive of a project and where its sources live inside the archive."""

    registry: str  # "pypi" (sdist via pip download --no-binary :all:) or "npm" (npm pack)
    name: str
    version: str
    roots: tuple[str, ...]  # folders (after the archive's top folder) whose files count; stripped for the key
    exclude: tuple[str, ...] = ()  # regular expressions on the path below the top folder

    @property
    def key(self) -> str:
        """``<registry>:<name>==<version>``."""
        return f"{self.registry}:{self.name}=={self.version}"


@dataclass(frozen=True)
class Project:
    """A line of development: releases in time order, what it is and why it counts as one project."""

    key: str
    domain: str
    releases: tuple[Release, ...]
    fact: str  # one-line public fact about the project (and its independence from the others)
    forked_from: str | None = None
    fork_fact: str = ""
    languages: tuple[str, ...] = field(default=())  # informational


def _py(name: str, version: str, *roots: str, exclude: tuple[str, ...] = ()) -> Release:
    return Release("pypi", name, version, roots, exclude)


def _npm(name: str, version: str, *roots: str, exclude: tuple[str, ...] = ()) -> Release:
    return Release("npm", name, version, roots, exclude)


PROJECTS: tuple[Project, ...] = (
    # ------------------------------------------------------------------ MySQL client protocol
    Project("mysqlclient", "mysql", (
        _py("mysqlclient", "1.3.3", "MySQLdb/", "_mysql.c", "_mysql_exceptions.py"),
        _py("mysqlclient", "1.3.14", "MySQLdb/", "_mysql.c", "_mysql_exceptions.py"),
        _py("mysqlclient", "1.4.6", "MySQLdb/"),
        _py("mysqlclient", "2.0.3", "MySQLdb/"),
        _py("mysqlclient", "2.2.4", "src/MySQLdb/"),
    ), "mysqlclient is the maintained fork of MySQL-python (MySQLdb); its README says it is a fork of MySQLdb1 "
       "(MySQL-python 1.2.5 itself cannot be fetched: its setup.py is Python-2 only)"),
    Project("pymysql", "mysql", (
        _py("PyMySQL", "0.6.7", "pymysql/"),
        _py("PyMySQL", "1.1.0", "pymysql/"),
    ), "PyMySQL is a pure-Python MySQL client (its README: 'a pure-Python MySQL client library'), not "
       "based on MySQLdb's C extension; it shares a maintainer with mysqlclient and took code from MySQLdb, so "
       "it is paired only with mysql-connector (AVOID)"),
    Project("mysql-connector", "mysql", (
        _py("mysql-connector", "2.2.9", "lib/mysql/connector/", "src/",
            exclude=(r"django/", r"fabric/", r"locales/")),
    ), "MySQL Connector/Python is Oracle's own driver, developed by MySQL/Oracle independently of MySQLdb and "
       "PyMySQL"),
    # ------------------------------------------------------------------ crypto
    Project("pycrypto", "crypto", (
        _py("pycrypto", "2.6.1", "lib/Crypto/", "src/", exclude=(r"SelfTest/", r"inc-msvc/", r"libtom/")),
    ), "PyCrypto, the Python Cryptography Toolkit by Dwayne Litzenberger et al."),
    Project("pycryptodome", "crypto", (
        _py("pycryptodome", "3.4.7", "lib/Crypto/", "src/", exclude=(r"SelfTest/", r"libtom/", r"test")),
        _py("pycryptodome", "3.20.0", "lib/Crypto/", "src/", exclude=(r"SelfTest/", r"libtom/", r"test")),
    ), "PyCryptodome", forked_from="pycrypto",
        fork_fact="pycryptodome is a fork of PyCrypto (its README: 'PyCryptodome is a fork of PyCrypto')"),
    Project("pyaes", "crypto", (_py("pyaes", "1.6.1", "pyaes/"),),
            "pyaes is Richard Moore's pure-Python AES, written independently of PyCrypto"),
    Project("python-rsa", "crypto", (_py("rsa", "3.4.2", "rsa/"), _py("rsa", "4.9", "rsa/")),
            "python-rsa is Sybren Stüvel's pure-Python RSA implementation"),
    Project("pydes", "crypto", (_py("pyDes", "2.0.1", "pyDes.py"),),
            "pyDes is Todd Whiteman's pure-Python DES/3DES"),
    Project("ecdsa", "crypto", (_py("ecdsa", "0.18.0", "src/ecdsa/", exclude=(r"test_",)),),
            "python-ecdsa (Brian Warner, now tlsfuzzer) is a pure-Python ECDSA implementation"),
    Project("tlslite-ng", "crypto", (_py("tlslite-ng", "0.7.6", "tlslite/utils/"),),
            "tlslite-ng (Trevor Perrin's tlslite, continued by Hubert Kario) carries its own pure-Python "
            "AES, RC4, 3DES, ChaCha20, Poly1305 and RSA"),
    Project("libsodium", "crypto", (_py("PyNaCl", "1.5.0", "src/libsodium/src/libsodium/"),),
            "libsodium (Frank Denis, a portable fork of NaCl by Bernstein et al.), vendored in PyNaCl 1.5.0"),
    # ------------------------------------------------------------------ YAML
    Project("pyyaml", "yaml", (
        _py("PyYAML", "3.10", "lib3/yaml/"),
        _py("PyYAML", "5.3.1", "lib3/yaml/"),
        _py("PyYAML", "6.0.1", "lib/yaml/"),
    ), "PyYAML, Kirill Simonov's YAML parser and emitter"),
    Project("ruamel.yaml", "yaml", (
        _py("ruamel.yaml", "0.15.100", "", exclude=(r"^setup\.py$", r"^_test/", r"^\.")),
        _py("ruamel.yaml", "0.18.6", "", exclude=(r"^setup\.py$", r"^_test/", r"^\.")),
    ), "ruamel.yaml", forked_from="pyyaml",
        fork_fact="ruamel.yaml is a derivative of PyYAML (its README: 'ruamel.yaml is a YAML 1.2 loader/dumper "
                  "package for Python. It is a derivative of Kirill Simonov's PyYAML 3.11')"),
    Project("poyo", "yaml", (_py("poyo", "0.5.0", "src/poyo/"),),
            "poyo is Raphael Pierzina's small regex-based YAML-subset parser, independent of PyYAML"),
    Project("js-yaml", "yaml", (
        _npm("js-yaml", "3.0.2", "lib/js-yaml/"),
        _npm("js-yaml", "3.14.1", "lib/js-yaml/"),
        _npm("js-yaml", "4.1.0", "lib/"),
    ), "js-yaml (nodeca), a JavaScript port of PyYAML (its README); compared only with JavaScript"),
    Project("eemeli-yaml", "yaml", (_npm("yaml", "2.4.1", "dist/"),),
            "the npm package yaml is Eemeli Aro's own TypeScript implementation (dist/ is its tsc output)"),
    # ------------------------------------------------------------------ Markdown
    Project("remarkable", "markdown", (
        _npm("remarkable", "1.0.0", "lib/"),
        _npm("remarkable", "1.7.4", "lib/"),
    ), "remarkable (Jon Schlinkert, Vitaly Puzrin, Alex Kocharin)"),
    Project("markdown-it", "markdown", (
        _npm("markdown-it", "2.2.1", "lib/"),
        _npm("markdown-it", "4.4.0", "lib/"),
        _npm("markdown-it", "8.4.2", "lib/"),
        _npm("markdown-it", "14.1.0", "lib/"),
    ), "markdown-it", forked_from="remarkable",
        fork_fact="markdown-it started from remarkable's code base: its authors (Puzrin, Kocharin) wrote most of "
                  "remarkable and continued it as markdown-it (markdown-it's README/history)"),
    Project("marked", "markdown", (_npm("marked", "0.3.19", "lib/"), _npm("marked", "4.3.0", "src/")),
            "marked (Christopher Jeffrey), an independent regex-based Markdown compiler"),
    Project("commonmark.js", "markdown", (_npm("commonmark", "0.30.0", "lib/"),),
            "commonmark.js, John MacFarlane's reference implementation of the CommonMark spec"),
    Project("showdown", "markdown", (_npm("showdown", "1.9.1", "src/", exclude=(r"^src/cli/", r"makeMarkdown/")),),
            "showdown, a JavaScript port of Gruber's Markdown.pl (John Fraser), independent of the others"),
    Project("markdown-js", "markdown", (_npm("markdown", "0.5.0", "lib/"),),
            "markdown-js (Dominic Baggott, Ash Berlin), an independent JavaScript Markdown parser"),
    Project("python-markdown", "markdown", (
        _py("Markdown", "2.6.11", "markdown/"),
        _py("Markdown", "3.6", "markdown/"),
    ), "Python-Markdown (Yuri Takhteyev, Waylan Limberg), a Python implementation of Gruber's Markdown"),
    Project("mistune", "markdown", (
        _py("mistune", "0.8.4", "mistune.py"),
        _py("mistune", "2.0.5", "mistune/"),
        _py("mistune", "3.0.2", "src/mistune/"),
    ), "mistune (Hsiaoming Yang), an independent fast Python Markdown parser"),
    Project("commonmark.py", "markdown", (_py("commonmark", "0.9.1", "commonmark/", exclude=(r"tests?/",)),),
            "commonmark.py, a Python port of commonmark.js (its README); compared only with Python"),
    Project("markdown2", "markdown", (_py("markdown2", "2.4.13", "lib/markdown2.py"),),
            "python-markdown2 (Trent Mick), a single-file Python Markdown"),
    Project("markdown-it-py", "markdown", (_py("markdown-it-py", "3.0.0", "markdown_it/"),),
            "markdown-it-py, a Python port of markdown-it (its README); compared only with Python"),
    # ------------------------------------------------------------------ JSON
    Project("simplejson", "json", (_py("simplejson", "3.19.2", "simplejson/", exclude=(r"tests/",)),),
            "simplejson (Bob Ippolito), the externally maintained version of the stdlib json module"),
    Project("hjson-py", "json", (_py("hjson", "3.1.0", "hjson/", exclude=(r"tests/",)),),
            "hjson-py", forked_from="simplejson",
            fork_fact="hjson-py is based on simplejson (its README/LICENSE credit simplejson)"),
    Project("ujson", "json", (
        _py("ujson", "1.35", "lib/", "python/"),
        _py("ujson", "5.9.0", "lib/", "python/"),
    ), "UltraJSON (Jonas Tarnstrom, ESN), an independent C JSON encoder/decoder"),
    Project("python-cjson", "json", (_py("python-cjson", "1.2.2", "cjson.c"),),
            "python-cjson (Dan Pascu), an independent C JSON extension"),
    Project("yajl", "json", (_py("yajl", "0.3.5", "", exclude=(r"^setup\.py$", r"tests?/")),),
            "py-yajl (R. Tyler Ballance) with Lloyd Hilaiel's yajl C library, independent of the others"),
    Project("json5-js", "json", (_npm("json5", "0.5.1", "lib/", exclude=(r"cli\.js$",)),
                                 _npm("json5", "2.2.3", "lib/", exclude=(r"cli\.js$",))),
            "json5 (Aseem Kishore, Jordan Tucker), the reference JSON5 implementation"),
    # ------------------------------------------------------------------ MessagePack
    Project("msgpack-python", "msgpack", (
        _py("msgpack-python", "0.4.8", "msgpack/"),
        _py("msgpack", "1.0.8", "msgpack/"),
    ), "msgpack-python (INADA Naoki), renamed to msgpack on PyPI at 0.5; the C parts are the msgpack-c "
       "templates"),
    Project("u-msgpack-python", "msgpack", (_py("u-msgpack-python", "2.8.0", "umsgpack/", "umsgpack.py"),),
            "u-msgpack-python (Vanya Sergeev), an independent pure-Python MessagePack"),
    Project("msgpack-lite", "msgpack", (_npm("msgpack-lite", "0.1.26", "lib/", exclude=(r"benchmark",)),),
            "msgpack-lite (Yusuke Kawasaki), an independent JavaScript MessagePack"),
    Project("msgpack5", "msgpack", (_npm("msgpack5", "3.6.1", "lib/"), _npm("msgpack5", "6.0.2", "lib/")),
            "msgpack5 (Matteo Collina), an independent JavaScript MessagePack"),
    Project("notepack", "msgpack", (_npm("notepack.io", "3.0.1", "lib/"),),
            "notepack.io (Damien Arrachequesne), an independent JavaScript MessagePack"),
    Project("msgpack-javascript", "msgpack", (_npm("@msgpack/msgpack", "2.8.0", "dist/"),),
            "@msgpack/msgpack (the msgpack organisation's TypeScript implementation; dist/ is tsc output)"),
    Project("msgpack-js", "msgpack", (_npm("msgpack-js", "0.3.0", "msgpack.js"),),
            "msgpack-js (Tim Caswell), an independent pure-JavaScript MessagePack"),
    # ------------------------------------------------------------------ TOML
    Project("uiri-toml", "toml", (
        _py("toml", "0.9.6", "toml.py", "toml/"),
        _py("toml", "0.10.2", "toml/"),
    ), "toml (William Pearson / uiri), the first widely used Python TOML library"),
    Project("tomli", "toml", (_py("tomli", "1.2.3", "tomli/", "src/tomli/"), _py("tomli", "2.0.1", "src/tomli/")),
            "tomli (Taneli Hukkinen), written from scratch; later became the stdlib tomllib"),
    Project("pytoml", "toml", (_py("pytoml", "0.1.21", "pytoml/"),),
            "pytoml (Martin Vejnár), an independent Python TOML parser"),
    Project("tomlkit", "toml", (_py("tomlkit", "0.7.0", "tomlkit/"),),
            "tomlkit (Sébastien Eustace), an independent style-preserving TOML library"),
    Project("iarna-toml", "toml", (_npm("@iarna/toml", "2.2.5", "lib/", "", exclude=(r"^lib/parser-debug",)),),
            "@iarna/toml (Rebecca Turner), an independent JavaScript TOML parser"),
    Project("smol-toml", "toml", (_npm("smol-toml", "1.1.4", "dist/"),),
            "smol-toml (Cynthia Rey), an independent TypeScript TOML parser (dist/ is tsc output)"),
)

# Pairs of projects that are not counted as independent although no fork connects them.
AVOID: frozenset[frozenset[str]] = frozenset({
    # markdown-it's authors acknowledge commonmark.js as a reference; some helpers follow it closely
    frozenset({"markdown-it", "commonmark.js"}), frozenset({"remarkable", "commonmark.js"}),
    frozenset({"markdown-it-py", "commonmark.py"}),
    # one maintainer (INADA Naoki) for both since ~2014, code ported between them (cursors.py, times.py, the
    # constant tables are near-identical)
    frozenset({"pymysql", "mysqlclient"}),
})

# Files (regular expression on the key of either side) not paired as independent between two projects:
# PyMySQL took MySQLdb's DB-API module times.py and its tables of MySQL constants (near-identical text).
AVOID_FILES: dict[frozenset[str], str] = {
    frozenset({"pymysql", "mysqlclient"}): r"(^|/)(times|constants/.*)$",
}
# Keys never paired as independent anywhere: package initialisers (imports only) and tables of protocol
# constants taken from the server's headers.
NEVER_NEGATIVE = r"(^|/)__init__$|^constants/|/constants/[a-z_]+$"

# Same-role names across independent projects (regular expressions on the lower-cased key).
ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    "mysql": (
        ("c-extension", r"(^|/)(_mysql|mysql_capi|mysql_connector)$"),
        ("connection", r"(^|/)connections?$"),
        ("cursor", r"(^|/)cursors?$"),
        ("converters", r"(^|/)(converters|conversion)$"),
        ("errors", r"(^|/)(_mysql_exceptions|_exceptions|err|errors|exceptions)$"),
        ("charset", r"(^|/)charsets?$"),
        ("auth", r"(^|/)(_auth|authentication)$"),
        ("constants", r"(^|/)constants(/__init__)?$"),
    ),
    "crypto": (
        ("hmac", r"(^|/)hmac$|auth_hmacsha"),
        ("sha256", r"sha256|hash_sha256"), ("sha512", r"sha512"), ("sha1", r"(^|/)sha1?$|sha1_"),
        ("md5", r"(^|/)md5$"), ("salsa20", r"salsa20"), ("chacha20", r"chacha(20)?(_ref)?$|chacha$"),
        ("poly1305", r"poly1305"), ("blake2", r"blake2"),
        ("aes", r"(^|/)(aes|python_aes|rijndael)$"), ("des", r"(^|/)(des|pydes|tripledes|python_tripledes)$"),
        ("rc4", r"(^|/)(arc4|rc4|python_rc4)$"),
        ("rsa", r"(^|/)(rsa|_rsa|_slowmath|key|python_rsakey|rsakey)$"),
        ("pkcs1", r"pkcs1"), ("number", r"(^|/)(number|numbertheory|cryptomath|prime|common)$"),
        ("gcm", r"(_mode_gcm|aesgcm|galois)"), ("ecc", r"(^|/)(ecc|ecdsa|ellipticcurve|keys)$"),
        ("random", r"(randnum|random|randombytes)"),
    ),
    "yaml": (
        ("loader", r"(^|/)(loader|composer|compose/composer)$"), ("dumper", r"(^|/)(dumper|stringify/stringify)$"),
        ("errors", r"(^|/)(error|errors|exception|exceptions)$"),
        ("parser", r"(^|/)(parser|parse/parser)$"), ("lexer", r"(^|/)(scanner|lexer|parse/lexer)$"),
        ("nodes", r"(^|/)_?nodes$"),
    ),
    "markdown": (
        ("block-parser", r"(^|/)(parser_block|blockparser|block_parser|blocks|blockprocessors|lexer|"
                         r"subparsers/blockgamut)$"),
        ("inline-parser", r"(^|/)(parser_inline|inlinepatterns|inline_parser|inlines|tokenizer|"
                          r"subparsers/spangamut)$"),
        ("renderer", r"(^|/)(renderer|renderers|render/html|renderers/html|serializers)$"),
        ("utils", r"(^|/)(common/utils|util|utils|helpers|common)$"),
        ("table", r"(^|/)(rules_block/table|extensions/tables|plugins/table|subparsers/tables)$"),
        ("footnote", r"(footnote)"), ("fence", r"(^|/)(rules_block/fences?|extensions/fenced_code|"
                                               r"subparsers/githubcodeblocks)$"),
        ("blockquote", r"(rules_block/blockquote|subparsers/blockquotes)$"),
        ("list", r"(rules_block/list|subparsers/lists)$"),
        ("heading", r"(rules_block/heading|subparsers/headers)$"),
        ("emphasis", r"(rules_inline/emphasis|subparsers/italicsandbold)$"),
        ("code-span", r"(rules_inline/backticks|subparsers/codespans)$"),
        ("link", r"(rules_inline/links?|subparsers/anchors)$"),
        ("autolink", r"(rules_inline/autolink|subparsers/autolinks)$"),
        ("entities", r"(entities|entitytrans)$"),
        ("whole-library", r"(^|/)(markdown|marked|mistune|markdown2|showdown)$"),
    ),
    "json": (
        ("decoder", r"(^|/)(decoder|jsontoobj|ultrajsondec|yajl_parser|parse)$"),
        ("encoder", r"(^|/)(encoder|objtojson|ultrajsonenc|yajl_gen|stringify)$"),
        ("extension", r"(^|/)(_speedups|cjson|ujson|yajl)$"),
        ("scanner", r"(^|/)(scanner|yajl_lex)$"),
        ("whole-library", r"(^|/)json5$"),
    ),
    "msgpack": (
        ("codec", r"(^|/)(fallback|umsgpack|__init__|msgpack)$"),
        ("encoder", r"(^|/)(encoder|encode|write-type|pack_template|encoder)$"),
        ("decoder", r"(^|/)(decoder|decode|read-format|unpack_template)$"),
        ("ext", r"(^|/)(ext|extdata|ext-buffer|extensioncodec)$"),
        ("timestamp", r"(^|/)(timestamp|codecs/datecodec)$"),
        ("errors", r"(^|/)(exceptions|decodeerror)$"),
    ),
    "toml": (
        ("parser", r"(^|/)(decoder|_parser|parser|toml-parser|parse|toml)$"),
        ("encoder", r"(^|/)(encoder|writer|stringify)$"),
        ("errors", r"(^|/)(exceptions|error|errors|core)$"),
        ("datetime", r"(^|/)(tz|_tz|date|create-datetime|_datetime)$"),
    ),
}
