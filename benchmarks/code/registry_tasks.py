"""Catalogue of the same-task registry family: independent implementations of one small task, pinned.

Every entry names one function (or small class) inside one pinned package of a public registry:
``npm`` (tarball from ``npm pack``), ``pypi`` (sdist from ``pip download --no-binary :all:``) or ``deb``
(Debian source package, ``apt-get source --download-only``; the upstream ``orig`` tarball is read).
``path`` is a path or glob inside the archive (top folder stripped, as in ``sources.members``); the first
matching file (sorted) that defines ``function`` is used. ``function`` is a plain name, ``Class.member``
or, for JavaScript, an assignment target such as ``module.exports``. ``author`` is the upstream author or
owner of the package: within one task no two implementations share one (``check()`` refuses it).
Tasks are assigned to ``same_task_tune`` or ``same_task_test`` (``TASK_SPLIT``), never both.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

SPLIT_SEEDS: dict[str, int] = {"same_task_tune": 5150417, "same_task_test": 8830291}


@dataclass(frozen=True)
class Entry:
    """One implementation of ``task``: ``function`` in ``path`` of ``package==version`` on ``registry``."""

    task: str
    language: str
    registry: str
    package: str
    version: str
    path: str
    function: str
    author: str

    @property
    def source_key(self) -> str:
        return f"{self.registry}:{self.package}=={self.version}"


def _e(task: str, language: str, spec: str, path: str, function: str, author: str) -> Entry:
    registry, rest = spec.split(":", 1)
    package, version = rest.rsplit("==", 1)
    return Entry(task, language, registry, package, version, path, function, author)


TASK_SPLIT: dict[str, str] = {
    **dict.fromkeys(("levenshtein", "soundex", "binary_search", "gcd", "union_find", "dijkstra", "camel_case",
                     "slugify", "debounce", "flatten", "string_hash"), "same_task_tune"),
    **dict.fromkeys(("crc32", "base64_encode", "sorting", "primality", "lru_cache", "topological_sort", "lcs",
                     "haversine", "deep_equal", "chunk", "murmurhash"), "same_task_test"),
}

JDK = "debjdk:openjdk-17-source==17.0.21.1+2-1~deb12u1"
L3 = "deb:libcommons-lang3-java==3.12.0-2+deb12u1"
CODEC = "deb:libcommons-codec-java==1.15-1"
MATH3 = "deb:commons-math3==3.6.1-3"
GUAVA = "deb:guava-libraries==31.1-1"
BC = "deb:bouncycastle==1.72-2"
COMPRESS = "deb:libcommons-compress-java==1.22-1"
JZLIB = "deb:jzlib==1.1.3-2"
ZLIB = "deb:zlib==1:1.2.13.dfsg-1"
BUSYBOX = "deb:busybox==1:1.35.0-4+deb12u1"
NGINX = "deb:nginx==1.22.1-9+deb12u9"
REDIS = "deb:redis==5:7.0.15-1~deb12u10"
APRU = "deb:apr-util==1.6.3-1+deb12u1"
APR = "deb:apr==1.7.2-3+deb12u1"
LIBB64 = "deb:libb64==1.2-5"
MUSL = "deb:musl==1.2.3-1"
DIET = "deb:dietlibc==0.34~cvs20160606-14"
KLIBC = "deb:klibc==2.0.12-1"
LUA = "deb:lua5.4==5.4.4-3+deb12u1"
GIT = "deb:git==1:2.39.5-0+deb12u3"
CURL = "deb:curl==7.88.1-10+deb12u15"
KEON = "pypi:algorithms==0.1.4"
PYGO = "pypi:pygorithm==1.0.4"

_J, _P, _C, _V = "javascript", "python", "c", "java"

ENTRIES: tuple[Entry, ...] = tuple(_e(*row) for row in (
    # levenshtein
    ("levenshtein", _J, "npm:levenshtein-edit-distance==3.0.1", "index.js", "levenshteinEditDistance", "Titus Wormer"),
    ("levenshtein", _J, "npm:leven==4.1.0", "index.js", "leven", "Sindre Sorhus"),
    ("levenshtein", _J, "npm:js-levenshtein==1.1.6", "index.js", "module.exports", "Gustaf Andersson"),
    ("levenshtein", _J, "npm:fast-levenshtein==3.0.0", "levenshtein.js", "get", "Ramesh Nair"),
    ("levenshtein", _J, "npm:talisman==1.1.4", "metrics/levenshtein.js", "levenshteinForStrings", "Guillaume Plique"),
    ("levenshtein", _J, "npm:natural==8.1.1", "lib/natural/distance/levenshtein_distance.js", "levenshteinDistance",
     "Chris Umbel"),
    ("levenshtein", _J, "npm:locutus==3.0.36", "php/strings/levenshtein.js", "levenshtein", "Kevin van Zonneveld"),
    ("levenshtein", _J, "npm:fastest-levenshtein==1.0.16", "mod.js", "myers_x", "Kasper Unn Weihe"),
    ("levenshtein", _P, "pypi:pylev==1.4.0", "pylev/classic.py", "classic_levenshtein", "Daniel Lindsley"),
    ("levenshtein", _P, "pypi:strsimpy==0.2.1", "strsimpy/levenshtein.py", "Levenshtein", "luozhouyang"),
    ("levenshtein", _P, KEON, "algorithms/dp/edit_distance.py", "edit_distance", "Keon Kim"),
    ("levenshtein", _P, "pypi:abydos==0.5.0", "abydos/distance/_levenshtein.py", "Levenshtein.dist_abs",
     "Chris Little"),
    ("levenshtein", _P, "pypi:pyphonetics==0.5.3", "pyphonetics/distance_metrics/levenshtein.py",
     "levenshtein_distance", "Lilian Besson"),
    ("levenshtein", _P, "pypi:textdistance==4.6.3", "textdistance/algorithms/edit_based.py", "Levenshtein._cycled",
     "Gram Orsinium"),
    ("levenshtein", _C, "pypi:jellyfish==0.5.6", "cjellyfish/levenshtein.c", "levenshtein_distance", "James Turk"),
    ("levenshtein", _C, "pypi:Distance==0.1.3", "cdistance/levenshtein.c", "levenshtein", "Michael Meyer"),
    ("levenshtein", _C, GIT, "levenshtein.c", "levenshtein", "git project"),
    ("levenshtein", _V, L3, "**/lang3/StringUtils.java", "StringUtils.getLevenshteinDistance", "Apache Commons"),
    # soundex
    ("soundex", _J, "npm:soundex-code==2.0.1", "index.js", "soundex", "Titus Wormer"),
    ("soundex", _J, "npm:talisman==1.1.4", "phonetics/soundex.js", "soundex", "Guillaume Plique"),
    ("soundex", _J, "npm:natural==8.1.1", "lib/natural/phonetics/soundex.js", "SoundEx", "Chris Umbel"),
    ("soundex", _J, "npm:locutus==3.0.36", "php/strings/soundex.js", "soundex", "Kevin van Zonneveld"),
    ("soundex", _P, "pypi:phonetics==1.0.5", "phonetics/soundex.py", "soundex", "Lilian Besson"),
    ("soundex", _P, "pypi:abydos==0.5.0", "abydos/phonetic/_soundex.py", "Soundex.encode", "Chris Little"),
    ("soundex", _P, "pypi:jellyfish==0.9.0", "jellyfish/_jellyfish.py", "soundex", "James Turk"),
    ("soundex", _V, CODEC, "**/language/Soundex.java", "Soundex.soundex", "Apache Commons"),
    ("soundex", _C, "deb:sqlite3==3.40.1-2+deb12u2", "src/func.c", "soundexFunc", "D. Richard Hipp"),
    # binary search
    ("binary_search", _J, "npm:binary-search==1.3.6", "index.js", "module.exports", "Dark Sky"),
    ("binary_search", _J, "npm:lodash==4.18.1", "_baseSortedIndexBy.js", "baseSortedIndexBy", "John-David Dalton"),
    ("binary_search", _J, "npm:underscore==1.13.8", "modules/sortedIndex.js", "sortedIndex", "Jeremy Ashkenas"),
    ("binary_search", _J, "npm:mnemonist==0.40.8", "utils/binary-search.js", "exports.search", "Guillaume Plique"),
    ("binary_search", _J, "npm:locutus==3.0.36", "**/array_search*.js", "array_search", "Kevin van Zonneveld"),
    ("binary_search", _P, KEON, "algorithms/search/binary_search.py", "binary_search", "Keon Kim"),
    ("binary_search", _P, PYGO, "pygorithm/searching/binary_search.py", "search", "Omkar Pathak"),
    ("binary_search", _C, MUSL, "src/stdlib/bsearch.c", "bsearch", "Rich Felker"),
    ("binary_search", _C, DIET, "lib/bsearch.c", "bsearch", "Felix von Leitner"),
    ("binary_search", _C, KLIBC, "usr/klibc/bsearch.c", "bsearch", "H. Peter Anvin"),
    ("binary_search", _V, JDK, "java/util/Arrays.java", "Arrays.binarySearch0", "OpenJDK"),
    # gcd
    ("gcd", _J, "npm:compute-gcd==1.2.1", "lib/index.js", "gcd", "Athan Reines"),
    ("gcd", _J, "npm:fraction.js==5.3.4", "src/fraction.js", "gcd", "Robert Eisele"),
    ("gcd", _J, "npm:mathjs==15.2.0", "lib/cjs/plain/number/arithmetic.js", "gcdNumber", "Jos de Jong"),
    ("gcd", _J, "npm:locutus==3.0.36", "python/math/gcd.js", "gcd", "Kevin van Zonneveld"),
    ("gcd", _P, KEON, "algorithms/maths/gcd.py", "gcd", "Keon Kim"),
    ("gcd", _C, BUSYBOX, "coreutils/od_bloaty.c", "gcd", "busybox"),
    ("gcd", _V, MATH3, "**/math3/util/ArithmeticUtils.java", "ArithmeticUtils.gcd", "Apache Commons"),
    ("gcd", _V, GUAVA, "guava/src/com/google/common/math/IntMath.java", "IntMath.gcd", "Google"),
    ("gcd", _V, JDK, "java/math/MutableBigInteger.java", "MutableBigInteger.binaryGcd", "OpenJDK"),
    # union-find
    ("union_find", _J, "npm:union-find==1.0.2", "index.js", "UnionFind+prototype", "Mikola Lysenko"),
    ("union_find", _J, "npm:mnemonist==0.40.8", "static-disjoint-set.js", "StaticDisjointSet+prototype",
     "Guillaume Plique"),
    ("union_find", _J, "npm:js-graph-algorithms==1.0.18", "src/jsgraphs.js", "QuickUnion+prototype", "Xianshun Chen"),
    ("union_find", _P, "pypi:networkx==3.2.1", "networkx/utils/union_find.py", "UnionFind", "NetworkX developers"),
    ("union_find", _P, "pypi:disjoint-set==0.7.4", "disjoint_set/main.py", "DisjointSet", "Maciej Rapacz"),
    ("union_find", _P, PYGO, "pygorithm/data_structures/graph.py", "WeightedGraph.kruskal_mst", "Omkar Pathak"),
    ("union_find", _J, "npm:ml-disjoint-set==1.0.0", "src/DisjointSet.js", "DisjointSet", "Michaël Zasso"),
    ("union_find", _J, "npm:disjoint-set-ds==1.0.1", "dist/alg/disjoint-set-array.js", "DisjointSetArray+prototype",
     "Dimitris Dranidis"),
    ("union_find", _J, "npm:@thi.ng/adjacency==2.5.53", "disjoint-set.js", "DisjointSet", "Karsten Schmidt"),
    ("union_find", _P, "pypi:pyunionfind==1.0.0", "unionfind.py", "UnionFind.union", "Hagai Helman Tov"),
    # dijkstra
    ("dijkstra", _J, "npm:dijkstrajs==1.0.3", "dijkstra.js", "single_source_shortest_paths", "Thomas Cort"),
    ("dijkstra", _J, "npm:graphlib==2.1.8", "lib/alg/dijkstra.js", "runDijkstra", "Chris Pettitt"),
    ("dijkstra", _J, "npm:node-dijkstra==2.5.1", "libs/Graph.js", "Graph.path", "Alberto Restifo"),
    ("dijkstra", _J, "npm:js-graph-algorithms==1.0.18", "src/jsgraphs.js", "Dijkstra+prototype", "Xianshun Chen"),
    ("dijkstra", _P, KEON, "algorithms/graph/dijkstra.py", "Dijkstra", "Keon Kim"),
    ("dijkstra", _P, "pypi:dijkstar==2.6.0", "dijkstar/algorithm.py", "single_source_shortest_paths",
     "Wyatt Baldwin"),
    ("dijkstra", _P, "pypi:networkx==3.2.1", "networkx/algorithms/shortest_paths/weighted.py",
     "_dijkstra_multisource", "NetworkX developers"),
    ("dijkstra", _P, PYGO, "pygorithm/pathfinding/dijkstra.py", "Dijkstra.find_path", "Omkar Pathak"),
    ("dijkstra", _J, "npm:graph-data-structure==1.15.0", "index.js", "shortestPath", "Curran Kelleher"),
    # camelCase
    ("camel_case", _J, "npm:camelcase==10.0.0", "index.js", "camelCase", "Sindre Sorhus"),
    ("camel_case", _J, "npm:just-camel-case==6.2.0", "index.cjs", "camelCase", "Angus Croll"),
    ("camel_case", _J, "npm:camel-case==5.0.0", "dist/index.js", "camelCase", "Blake Embrey"),
    ("camel_case", _J, "npm:to-camel-case==1.0.0", "index.js", "toCamelCase", "Ian Storm Taylor"),
    ("camel_case", _J, "npm:camelize==1.0.1", "index.js", "camelCase", "James Halliday"),
    ("camel_case", _J, "npm:es-toolkit==1.53.2", "dist/string/camelCase.js", "camelCase", "Viva Republica"),
    ("camel_case", _P, "pypi:inflection==0.5.1", "inflection/__init__.py", "camelize", "Janne Vanhala"),
    ("camel_case", _P, "pypi:stringcase==1.2.0", "stringcase.py", "camelcase", "Taka Okunishi"),
    ("camel_case", _P, "pypi:pyhumps==3.8.0", "humps/main.py", "camelize", "Nick Ficano"),
    ("camel_case", _P, "pypi:pydash==7.0.7", "src/pydash/strings.py", "camel_case", "Derrick Gilland"),
    ("camel_case", _P, "pypi:boltons==24.0.0", "boltons/strutils.py", "under2camel", "Mahmoud Hashemi"),
    # slugify
    ("slugify", _J, "npm:slugify==1.6.9", "slugify.js", "replace", "Simeon Velichkov"),
    ("slugify", _J, "npm:slug==12.0.1", "slug.js", "slugify", "dodo"),
    ("slugify", _J, "npm:@sindresorhus/slugify==3.0.1", "index.js", "slugify", "Sindre Sorhus"),
    ("slugify", _P, "pypi:python-slugify==8.0.4", "slugify/slugify.py", "slugify", "Val Neekman"),
    ("slugify", _P, "pypi:unicode-slugify==0.1.5", "slugify/__init__.py", "slugify", "Mozilla"),
    ("slugify", _P, "pypi:boltons==24.0.0", "boltons/strutils.py", "slugify", "Mahmoud Hashemi"),
    ("slugify", _P, "pypi:pydash==7.0.7", "src/pydash/strings.py", "slugify", "Derrick Gilland"),
    ("slugify", _P, "pypi:awesome-slugify==1.6.5", "slugify/main.py", "Slugify.sanitize", "Dmitry Voronin"),
    ("slugify", _P, "pypi:Django==4.2.16", "django/utils/text.py", "slugify", "Django Software Foundation"),
    # debounce
    ("debounce", _J, "npm:debounce==3.0.0", "index.js", "debounce", "TJ Holowaychuk"),
    ("debounce", _J, "npm:just-debounce-it==3.2.0", "index.cjs", "debounce", "Angus Croll"),
    ("debounce", _J, "npm:underscore==1.13.8", "modules/debounce.js", "debounce", "Jeremy Ashkenas"),
    ("debounce", _J, "npm:throttle-debounce==5.0.2", "esm/index.js", "throttle", "Ivan Nikolic"),
    ("debounce", _J, "npm:es-toolkit==1.53.2", "dist/function/debounce.js", "debounce", "Viva Republica"),
    ("debounce", _J, "npm:radash==12.1.1", "dist/cjs/curry.cjs", "debounce", "Ray Epps"),
    ("debounce", _P, "pypi:pydash==7.0.7", "src/pydash/functions.py", "Debounce", "Derrick Gilland"),
    ("debounce", _J, "npm:debounce-fn==6.0.0", "index.js", "debounceFunction", "Sindre Sorhus"),
    ("debounce", _J, "npm:perfect-debounce==1.0.0", "dist/index.cjs", "debounce", "Pooya Parsa"),
    ("debounce", _J, "npm:just-debounce==1.1.0", "index.js", "debounce", "Michael Hayes"),
    # flatten
    ("flatten", _J, "npm:array-flatten==3.0.0", "dist/index.js", "$flatten", "Blake Embrey"),
    ("flatten", _J, "npm:just-flatten-it==5.2.0", "index.cjs", "flattenHelper", "Angus Croll"),
    ("flatten", _J, "npm:arr-flatten==1.1.0", "index.js", "flat", "Jon Schlinkert"),
    ("flatten", _J, "npm:flatten==1.0.3", "index.js", "_flatten", "Joshua Holbrook"),
    ("flatten", _J, "npm:lodash==4.18.1", "_baseFlatten.js", "baseFlatten", "John-David Dalton"),
    ("flatten", _J, "npm:underscore==1.13.8", "modules/_flatten.js", "flatten", "Jeremy Ashkenas"),
    ("flatten", _J, "npm:mathjs==15.2.0", "lib/cjs/utils/array.js", "_flatten", "Jos de Jong"),
    ("flatten", _J, "npm:locutus==3.0.36", "ruby/Array/flatten.js", "flatten", "Kevin van Zonneveld"),
    ("flatten", _P, KEON, "algorithms/arrays/flatten.py", "flatten", "Keon Kim"),
    ("flatten", _P, "pypi:boltons==24.0.0", "boltons/iterutils.py", "flatten_iter", "Mahmoud Hashemi"),
    ("flatten", _P, "pypi:pydash==7.0.7", "src/pydash/arrays.py", "iterflatten", "Derrick Gilland"),
    ("flatten", _P, "pypi:more-itertools==10.2.0", "more_itertools/more.py", "collapse", "Erik Rose"),
    # string hash (FNV, djb2, times-33)
    ("string_hash", _J, "npm:fnv1a==1.1.1", "index.js", "hash", "Kirill Grishin"),
    ("string_hash", _J, "npm:@sindresorhus/fnv1a==3.1.0", "index.js", "fnv1aUint8Array", "Sindre Sorhus"),
    ("string_hash", _J, "npm:fnv-plus==1.3.1", "index.js", "_hash32_1a", "Dmitry Taranov"),
    ("string_hash", _J, "npm:string-hash==1.1.3", "index.js", "hash", "Dark Sky"),
    ("string_hash", _P, "pypi:fnvhash==0.2.1", "fnvhash/__init__.py", "fnva", "Amit Kapoor"),
    ("string_hash", _P, "pypi:fnv==0.2.0", "fnv/__init__.py", "hash", "Justin Ruggles"),
    ("string_hash", _C, LUA, "src/lstring.c", "luaS_hash", "Lua.org PUC-Rio"),
    ("string_hash", _C, GIT, "hashmap.c", "memhash", "git project"),
    ("string_hash", _C, APR, "tables/apr_hash.c", "hashfunc_default", "Apache APR"),
    ("string_hash", _C, CURL, "lib/hash.c", "Curl_hash_str", "Daniel Stenberg"),
    ("string_hash", _C, REDIS, "deps/hiredis/dict.c", "dictGenHashFunction", "Salvatore Sanfilippo"),
    # crc32
    ("crc32", _J, "npm:crc-32==1.2.2", "crc32.js", "crc32_buf", "SheetJS"),
    ("crc32", _J, "npm:crc==4.3.2", "cjs/calculators/crc32.js", "crc32", "Alex Gorbatchev"),
    ("crc32", _J, "npm:pako==2.1.0", "lib/zlib/crc32.js", "crc32", "Vitaly Puzrin"),
    ("crc32", _J, "npm:talisman==1.1.4", "hash/crc32.js", "crc32", "Guillaume Plique"),
    ("crc32", _J, "npm:buffer-crc32==1.0.0", "dist/index.cjs", "_crc32", "Brian J. Brennan"),
    ("crc32", _P, "pypi:crcmod==1.7", "python3/crcmod/_crcfunpy.py", "_crc32r", "Ray Buvel"),
    ("crc32", _C, ZLIB, "crc32.c", "crc32_z", "Mark Adler"),
    ("crc32", _C, BUSYBOX, "libbb/crc32.c", "crc32_block_endian0", "busybox"),
    ("crc32", _C, NGINX, "src/core/ngx_crc32.h", "ngx_crc32_long", "Igor Sysoev"),
    ("crc32", _C, APRU, "memcache/apr_memcache.c", "apr_memcache_hash_crc32", "Apache APR"),
    ("crc32", _V, JZLIB, "**/jzlib/CRC32.java", "CRC32.update", "JCraft"),
    ("crc32", _V, COMPRESS, "**/bzip2/CRC.java", "CRC.updateCRC", "Apache Commons"),
    ("crc32", _V, JDK, "java/util/zip/CRC32C.java", "CRC32C.updateBytes", "OpenJDK"),
    # base64 encode
    ("base64_encode", _J, "npm:base64-js==1.5.1", "index.js", "fromByteArray", "T. Jameson Little"),
    ("base64_encode", _J, "npm:js-base64==3.9.6", "base64.js", "btoaPolyfill", "Dan Kogai"),
    ("base64_encode", _J, "npm:Base64==1.3.0", "base64.js", "btoa", "David Chambers"),
    ("base64_encode", _J, "npm:locutus==3.0.36", "php/url/base64_encode.js", "base64_encode", "Kevin van Zonneveld"),
    ("base64_encode", _J, "npm:base-64==1.0.0", "base64.js", "encode", "Mathias Bynens"),
    ("base64_encode", _J, "npm:@stablelib/base64==2.0.1", "lib/base64.js", "Coder.encode", "Dmitry Chestnykh"),
    ("base64_encode", _C, LIBB64, "src/cencode.c", "base64_encode_block", "Chris Venter"),
    ("base64_encode", _C, APRU, "encoding/apr_base64.c", "apr_base64_encode_binary", "Apache APR"),
    ("base64_encode", _C, NGINX, "src/core/ngx_string.c", "ngx_encode_base64_internal", "Igor Sysoev"),
    ("base64_encode", _C, CURL, "lib/base64.c", "base64_encode", "Daniel Stenberg"),
    ("base64_encode", _C, BUSYBOX, "libbb/uuencode.c", "bb_uuencode", "busybox"),
    ("base64_encode", _V, BC, "**/util/encoders/Base64Encoder.java", "Base64Encoder.encode",
     "Legion of the Bouncy Castle"),
    ("base64_encode", _V, JDK, "java/util/Base64.java", "Encoder.encode0", "OpenJDK"),
    # sorting (quicksort, merge sort)
    ("sorting", _J, "npm:mnemonist==0.40.8", "sort/quick.js", "inplaceQuickSort", "Guillaume Plique"),
    ("sorting", _P, KEON, "algorithms/sort/quick_sort.py", "quick_sort_recur", "Keon Kim"),
    ("sorting", _P, PYGO, "pygorithm/sorting/quick_sort.py", "sort", "Omkar Pathak"),
    ("sorting", _C, DIET, "lib/qsort.c", "quicksort", "Felix von Leitner"),
    ("sorting", _C, LUA, "src/ltablib.c", "auxsort", "Lua.org PUC-Rio"),
    ("sorting", _C, REDIS, "src/pqsort.c", "_pqsort", "Salvatore Sanfilippo"),
    ("sorting", _C, APR, "tables/apr_tables.c", "table_mergesort", "Apache APR"),
    ("sorting", _C, GIT, "compat/qsort_s.c", "msort_with_tmp", "git project"),
    ("sorting", _V, BC, "**/pqc/math/linearalgebra/IntUtils.java", "IntUtils.partition", "Legion of the Bouncy Castle"),
    ("sorting", _V, JDK, "java/util/Arrays.java", "Arrays.mergeSort", "OpenJDK"),
    # primality (trial division, Miller-Rabin, sieve)
    ("primality", _J, "npm:sieve-of-eratosthenes==0.0.3", "sieve-of-eratosthenes.js", "sieveOfErathosthenes",
     "Jared Fine"),
    ("primality", _P, "pypi:pyprimes==0.1", "src/pyprimes.py", "isprime_division", "Steven D'Aprano"),
    ("primality", _P, KEON, "algorithms/maths/prime_check.py", "prime_check", "Keon Kim"),
    ("primality", _P, PYGO, "pygorithm/math/sieve_of_eratosthenes.py", "sieve_of_eratosthenes", "Omkar Pathak"),
    ("primality", _V, MATH3, "**/math3/primes/SmallPrimes.java", "SmallPrimes.millerRabinPrimeTest",
     "Apache Commons"),
    ("primality", _V, GUAVA, "guava/src/com/google/common/math/LongMath.java", "LongMath.isPrime", "Google"),
    ("primality", _V, BC, "core/src/main/java/org/bouncycastle/pqc/math/linearalgebra/IntegerFunctions.java",
     "IntegerFunctions.isPrime", "Legion of the Bouncy Castle"),
    ("primality", _J, "npm:miller-rabin==4.0.1", "lib/mr.js", "MillerRabin+prototype", "Fedor Indutny"),
    ("primality", _J, "npm:crypto-miller-rabin==1.0.1", "dist/index.js", "isProbablyPrime", "Fabio Spampinato"),
    ("primality", _J, "npm:mathjs==15.2.0", "lib/cjs/function/utils/isPrime.js", "BigNumber", "Jos de Jong"),
    ("primality", _P, "pypi:mpmath==1.3.0", "mpmath/libmp/libintmath.py", "isprime", "Fredrik Johansson"),
    # LRU cache
    ("lru_cache", _J, "npm:hashlru==2.3.0", "index.js", "module.exports", "Dominic Tarr"),
    ("lru_cache", _J, "npm:lru==3.1.0", "index.js", "LRU+prototype", "Chris O'Hara"),
    ("lru_cache", _J, "npm:mathjs==15.2.0", "lib/cjs/utils/lruQueue.js", "lruQueue", "Jos de Jong"),
    ("lru_cache", _P, "pypi:cachetools==5.3.3", "src/cachetools/__init__.py", "LRUCache", "Thomas Kemmer"),
    ("lru_cache", _P, "pypi:repoze.lru==0.7", "repoze/lru/__init__.py", "LRUCache", "Agendaless Consulting"),
    ("lru_cache", _P, "pypi:boltons==24.0.0", "boltons/cacheutils.py", "LRU", "Mahmoud Hashemi"),
    ("lru_cache", _J, "npm:tiny-lru==11.2.11", "dist/tiny-lru.cjs", "LRU", "Jason Mulligan"),
    ("lru_cache", _J, "npm:simple-lru-cache==0.0.2", "lib/simple_lru.js", "Cache+prototype", "Gabriel Eisbruch"),
    ("lru_cache", _P, "pypi:Jinja2==3.1.4", "src/jinja2/utils.py", "LRUCache", "Armin Ronacher"),
    ("lru_cache", _P, "pypi:SQLAlchemy==2.0.36", "lib/sqlalchemy/util/_collections.py", "LRUCache", "Mike Bayer"),
    # topological sort
    ("topological_sort", _J, "npm:toposort==2.0.2", "index.js", "toposort", "Marcel Klehr"),
    ("topological_sort", _J, "npm:graphlib==2.1.8", "lib/alg/topsort.js", "topsort", "Chris Pettitt"),
    ("topological_sort", _J, "npm:js-graph-algorithms==1.0.18", "src/jsgraphs.js", "TopologicalSort+prototype",
     "Xianshun Chen"),
    ("topological_sort", _P, "pypi:toposort==1.10", "src/toposort.py", "toposort", "Eric V. Smith"),
    ("topological_sort", _P, "pypi:networkx==3.2.1", "networkx/algorithms/dag.py", "topological_generations",
     "NetworkX developers"),
    ("topological_sort", _P, PYGO, "pygorithm/data_structures/graph.py", "TopologicalSort", "Omkar Pathak"),
    ("topological_sort", _P, KEON, "algorithms/sort/top_sort.py", "top_sort", "Keon Kim"),
    ("topological_sort", _C, APRU, "hooks/apr_hooks.c", "tsort", "Apache APR"),
    ("topological_sort", _J, "npm:dependency-graph==1.0.0", "lib/dep_graph.js", "createDFS", "Jim Riecken"),
    # longest common subsequence
    ("lcs", _J, "npm:@algorithm.ts/lcs==4.0.6", "lib/cjs/index.cjs", "lcs_size_dp", "guanghechen"),
    ("lcs", _J, "npm:locutus==3.0.36", "php/xdiff/xdiff_string_diff.js", "lcsLens", "Kevin van Zonneveld"),
    ("lcs", _P, "pypi:strsimpy==0.2.1", "strsimpy/longest_common_subsequence.py", "LongestCommonSubsequence.length",
     "luozhouyang"),
    ("lcs", _P, "pypi:textdistance==4.6.3", "textdistance/algorithms/sequence_based.py", "LCSSeq._dynamic",
     "Gram Orsinium"),
    ("lcs", _P, KEON, "algorithms/strings/min_distance.py", "lcs", "Keon Kim"),
    ("lcs", _P, "pypi:abydos==0.5.0", "abydos/distance/_lcsseq.py", "LCSseq.lcsseq", "Chris Little"),
    ("lcs", _C, "pypi:Distance==0.1.3", "cdistance/lcsubstrings.c", "lcsubstrings", "Michael Meyer"),
    ("lcs", _P, "pypi:rouge-score==0.1.2", "rouge_score/rouge_scorer.py", "_lcs_table", "Google"),
    ("lcs", _P, "pypi:sumy==0.11.0", "sumy/evaluation/rouge.py", "_lcs", "Mišo Belica"),
    ("lcs", _P, "pypi:pycocoevalcap==1.2", "rouge/rouge.py", "my_lcs", "Ramakrishna Vedantam"),
    # haversine
    ("haversine", _J, "npm:haversine-distance==1.2.4", "index.js", "haversineDistance", "Dmitry Shirokov"),
    ("haversine", _J, "npm:@turf/distance==7.4.0", "dist/cjs/index.cjs", "distance", "Turf.js"),
    ("haversine", _P, "pypi:haversine==2.8.1", "haversine/haversine.py", "_haversine_kernel", "Balthazar Rouberol"),
    ("haversine", _P, "pypi:geopy==2.4.1", "geopy/distance.py", "great_circle.measure", "GeoPy contributors"),
    ("haversine", _J, "npm:geodesy==2.4.0", "latlon-spherical.js", "LatLonSpherical.distanceTo", "Chris Veness"),
    ("haversine", _J, "npm:geolocation-utils==1.2.5", "src/geo.js", "headingDistanceTo", "Teqplay"),
    ("haversine", _P, "pypi:gpxpy==1.6.2", "gpxpy/geo.py", "haversine_distance", "Tomo Krajina"),
    ("haversine", _P, "pypi:mpu==0.23.1", "mpu/__init__.py", "haversine_distance", "Martin Thoma"),
    ("haversine", _P, "pypi:osmnx==1.9.4", "osmnx/distance.py", "great_circle", "Geoff Boeing"),
    ("haversine", _P, "pypi:pygeodesy==24.10.24", "pygeodesy/formy.py", "haversine_", "Jean M. Brouwers"),
    # deep equal
    ("deep_equal", _J, "npm:fast-deep-equal==3.1.3", "index.js", "module.exports", "Evgeny Poberezkin"),
    ("deep_equal", _J, "npm:dequal==2.0.3", "lite/index.js", "dequal", "Luke Edwards"),
    ("deep_equal", _J, "npm:underscore==1.13.8", "cjs/isEqual.js", "deepEq", "Jeremy Ashkenas"),
    ("deep_equal", _J, "npm:ramda==0.32.0", "src/internal/_equals.js", "_equals", "Scott Sauyet"),
    ("deep_equal", _J, "npm:lodash==4.18.1", "_baseIsEqualDeep.js", "baseIsEqualDeep", "John-David Dalton"),
    ("deep_equal", _J, "npm:just-compare==2.3.0", "index.cjs", "compare", "Angus Croll"),
    ("deep_equal", _J, "npm:deep-equal==2.2.3", "index.js", "internalDeepEqual", "Jordan Harband"),
    ("deep_equal", _J, "npm:deep-eql==5.0.2", "index.js", "extensiveDeepEqualByType", "Jake Luer"),
    ("deep_equal", _J, "npm:radash==12.1.1", "dist/cjs/typed.cjs", "isEqual", "Ray Epps"),
    ("deep_equal", _J, "npm:mathjs==15.2.0", "lib/cjs/utils/object.js", "deepStrictEqual", "Jos de Jong"),
    ("deep_equal", _J, "npm:es-toolkit==1.53.2", "dist/predicate/isEqualWith.js", "areObjectsEqual", "Viva Republica"),
    # chunk
    ("chunk", _J, "npm:lodash==4.18.1", "chunk.js", "chunk", "John-David Dalton"),
    ("chunk", _J, "npm:chunk==0.0.3", "src/chunk.js", "chunk", "Ryan Zimmerman"),
    ("chunk", _J, "npm:underscore==1.13.8", "modules/chunk.js", "chunk", "Jeremy Ashkenas"),
    ("chunk", _J, "npm:just-split==3.2.0", "index.cjs", "split", "Angus Croll"),
    ("chunk", _J, "npm:locutus==3.0.36", "php/array/array_chunk.js", "array_chunk", "Kevin van Zonneveld"),
    ("chunk", _J, "npm:es-toolkit==1.53.2", "dist/array/chunk.js", "chunk", "Viva Republica"),
    ("chunk", _J, "npm:radash==12.1.1", "dist/cjs/array.cjs", "cluster", "Ray Epps"),
    ("chunk", _P, "pypi:more-itertools==10.2.0", "more_itertools/more.py", "chunked", "Erik Rose"),
    ("chunk", _P, "pypi:boltons==24.0.0", "boltons/iterutils.py", "chunked_iter", "Mahmoud Hashemi"),
    ("chunk", _P, "pypi:pydash==7.0.7", "src/pydash/arrays.py", "chunk", "Derrick Gilland"),
    ("chunk", _P, "pypi:funcy==2.0", "funcy/seqs.py", "_cut_iter", "Alexander Schepanovski"),
    ("chunk", _P, "pypi:toolz==0.12.1", "toolz/itertoolz.py", "partition_all", "Matthew Rocklin"),
    # murmurhash
    ("murmurhash", _J, "npm:murmurhash-js==1.0.0", "murmurhash3_gc.js", "murmurhash3_32_gc", "Gary Court"),
    ("murmurhash", _J, "npm:murmurhash3js==3.0.1", "lib/murmurHash3js.js", "library.x86.hash32", "Karan Lyons"),
    ("murmurhash", _J, "npm:murmurhash==2.0.1", "murmurhash.js", "MurmurHashV3", "Gary Court and perezd"),
    ("murmurhash", _J, "npm:imurmurhash==0.1.4", "imurmurhash.js", "MurmurHash3.prototype.hash", "Jens Taylor"),
    ("murmurhash", _J, "npm:mnemonist==0.40.8", "utils/murmurhash3.js", "module.exports", "Guillaume Plique"),
    ("murmurhash", _C, "pypi:mmh3==3.0.0", "**/MurmurHash3.c*", "MurmurHash3_x86_32", "Austin Appleby"),
    ("murmurhash", _C, NGINX, "src/core/ngx_murmurhash.c", "ngx_murmur_hash2", "Igor Sysoev"),
    ("murmurhash", _C, REDIS, "src/hyperloglog.c", "MurmurHash64A", "Salvatore Sanfilippo"),
    ("murmurhash", _C, GIT, "bloom.c", "murmur3_seeded", "git project"),
    ("murmurhash", _V, GUAVA, "guava/src/com/google/common/hash/Murmur3_32HashFunction.java",
     "Murmur3_32HashFunction.hashBytes", "Google"),
    ("murmurhash", _V, CODEC, "**/digest/MurmurHash3.java", "MurmurHash3.hash32x86", "Apache Commons"),
))


def split_of(task: str) -> str:
    """The split a task belongs to."""
    return TASK_SPLIT[task]


def check() -> None:
    """Refuse a catalogue with a task outside both splits or two implementations of a task by one author."""
    for e in ENTRIES:
        if e.task not in TASK_SPLIT:
            raise ValueError(f"task {e.task} has no split")
        if TASK_SPLIT[e.task] not in SPLIT_SEEDS:
            raise ValueError(f"unknown split {TASK_SPLIT[e.task]}")
    authors = Counter((e.task, e.author.lower()) for e in ENTRIES)
    twice = [k for k, n in authors.items() if n > 1]
    if twice:
        raise ValueError(f"one author twice in a task: {twice}")
    ids = Counter((e.source_key, e.path, e.function) for e in ENTRIES)
    dup = [k for k, n in ids.items() if n > 1]
    if dup:
        raise ValueError(f"duplicate entries: {dup}")
