"""A tiny split in the generator's schema, for developing and testing the runner without real data.

Writes ``<out>/<split>/docs/*.txt``, ``pairs.jsonl``, ``manifest.json`` and ``speed/pairs.jsonl``
(plus its documents): English and Chinese pseudo-text, a verbatim copy, an edited copy, a
reordered copy (two cases), a Traditional-script copy (with OpenCC when installed), one B
document in GB18030, and negatives of two kinds. Not a benchmark: the real data comes from
``generate.py``.

    .venv/bin/python benchmarks/text/dev_fixture.py --out /tmp/text-fixture [--split tune]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vel", "or", "un", "bri", "cha", "dem", "fo", "gil", "har", "is",
             "jon", "ke", "lum", "nar", "pe", "qui", "ros", "sen", "tor", "ul", "var", "wen", "yo", "zel", "ae")


def _vocabulary(seed: int = 0, size: int = 3000) -> list[str]:
    """Pseudo-words of 1–4 syllables (a fixed, realistic-sized vocabulary)."""
    rng = random.Random(seed)
    words: dict[str, None] = {}
    while len(words) < size:
        words["".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(1, 5)))] = None
    return list(words)


def _hanzi() -> list[str]:
    """The 3,755 level-1 characters of GB 2312 (rows 16–55)."""
    out = []
    for row in range(0xB0, 0xD8):
        for col in range(0xA1, 0xFF):
            try:
                out.append(bytes((row, col)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return out


EN_WORDS = _vocabulary()
ZH_CHARS = _hanzi()
_EN_WEIGHTS = [1 / (r + 20) for r in range(len(EN_WORDS))]  # Zipf-like, flattened head
_ZH_WEIGHTS = [1 / (r + 20) for r in range(len(ZH_CHARS))]


def en_text(rng: random.Random, words: int) -> str:
    """Sentences of Zipf-distributed pseudo-words."""
    out = []
    while words > 0:
        n = min(words, rng.randrange(6, 14))
        out.append(" ".join(rng.choices(EN_WORDS, _EN_WEIGHTS, k=n)).capitalize() + ".")
        words -= n
    return " ".join(out) + "\n"


def zh_text(rng: random.Random, chars: int) -> str:
    """Clauses of Zipf-distributed common characters with Chinese punctuation."""
    out = []
    while chars > 0:
        n = min(chars, rng.randrange(5, 12))
        out.append("".join(rng.choices(ZH_CHARS, _ZH_WEIGHTS, k=n)) + rng.choice("，。"))
        chars -= n
    return "".join(out) + "\n"


def to_traditional(text: str) -> str:
    """Traditional script via OpenCC (``s2t``), or the text unchanged when OpenCC is missing."""
    try:
        from opencc import OpenCC
    except ImportError:
        return text
    return OpenCC("s2t").convert(text)


def edit_words(rng: random.Random, text: str, share: float) -> str:
    """Replace ``share`` of the words of English text by other vocabulary words."""
    words = text.split(" ")
    for i in range(len(words)):
        if rng.random() < share:
            words[i] = rng.choice(EN_WORDS[:500])
    return " ".join(words)


class Builder:
    """Accumulates documents and pairs of one fixture split."""

    def __init__(self, root: Path, seed: int) -> None:
        self.root = root
        self.rng = random.Random(seed)
        self.pairs: list[dict[str, Any]] = []
        (root / "docs").mkdir(parents=True, exist_ok=True)

    def doc(self, name: str, text: str, encoding: str = "utf-8") -> str:
        """Write a document; returns its path relative to the split."""
        rel = f"docs/{name}.txt"
        (self.root / rel).write_bytes(text.encode(encoding))
        return rel

    def pair(self, lang: str, obfuscation: str, a: str, b: str, cases: list[tuple[int, int, int, int]],
             encoding_b: str = "utf-8", script_b: str = "simplified") -> None:
        """Record a pair (label from the obfuscation name)."""
        label = 0 if obfuscation.startswith("neg-") else 1
        self.pairs.append({
            "id": f"{lang}-{len(self.pairs):03d}", "a": a, "b": b, "label": label, "lang": lang,
            "obfuscation": obfuscation, "strength": 0 if label == 0 else 1, "encoding_b": encoding_b,
            "script_a": "latin" if lang == "en" else "simplified", "script_b": "latin" if lang == "en" else script_b,
            "cases": [{"a_start": c[0], "a_end": c[1], "b_start": c[2], "b_end": c[3], "obfuscation": obfuscation}
                      for c in cases]})

    def embedded(self, lang: str, source: str, passage: tuple[int, int], copied: str, name: str,
                 obfuscation: str, encoding: str = "utf-8", script_b: str = "simplified") -> None:
        """B = filler + ``copied`` (the disguised A passage) + filler, one case."""
        filler = en_text if lang == "en" else zh_text
        before, after = filler(self.rng, 120), filler(self.rng, 80)
        b_text = before + copied + after
        a_rel = f"docs/{source}.txt"
        b_rel = self.doc(name, b_text, encoding)
        self.pair(lang, obfuscation, a_rel, b_rel,
                  [(passage[0], passage[1], len(before), len(before) + len(copied))], encoding, script_b)


def write_fixture(out: Path, split: str = "tune", seed: int = 1) -> Path:
    """Write the fixture split; returns its folder."""
    root = out / split
    bld = Builder(root, seed)
    rng = bld.rng
    for lang, make, size in (("en", en_text, 600), ("zh", zh_text, 1500)):
        source = make(rng, size)
        bld.doc(f"{lang}_src", source)
        lo, hi = len(source) // 4, len(source) // 4 + len(source) // 3
        passage = source[lo:hi]
        bld.embedded(lang, f"{lang}_src", (lo, hi), passage, f"{lang}_verbatim", "verbatim")
        if lang == "en":
            bld.embedded(lang, f"{lang}_src", (lo, hi), edit_words(rng, passage, 0.08), "en_random", "random")
        else:
            bld.embedded(lang, f"{lang}_src", (lo, hi), passage, "zh_gb18030", "verbatim", encoding="gb18030")
            bld.embedded(lang, f"{lang}_src", (lo, hi), to_traditional(passage), "zh_script", "script",
                         script_b="traditional")
        # reorder: two passages of A in swapped order
        p1, p2 = (lo, lo + (hi - lo) // 2), (hi, hi + (hi - lo) // 2)
        first, second = source[p2[0]:p2[1]], source[p1[0]:p1[1]]
        b_text = make(rng, 40) + first + second + make(rng, 40)
        start = b_text.index(first)
        b_rel = bld.doc(f"{lang}_reorder", b_text)
        bld.pair(lang, "reorder", f"docs/{lang}_src.txt", b_rel,
                 [(p2[0], p2[1], start, start + len(first)),
                  (p1[0], p1[1], start + len(first), start + len(first) + len(second))])
        # negatives: an independent text of the same vocabulary, and one sharing a stock phrase
        bld.pair(lang, "neg-same-genre", f"docs/{lang}_src.txt", bld.doc(f"{lang}_neg", make(rng, size)), [])
        phrase = source[lo:lo + (40 if lang == "en" else 12)]
        other = make(rng, size // 2) + phrase + make(rng, size // 2)
        bld.pair(lang, "neg-common-phrases", f"docs/{lang}_src.txt", bld.doc(f"{lang}_phrase", other), [])
    with (root / "pairs.jsonl").open("w", encoding="utf-8") as handle:
        for row in bld.pairs:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    (root / "manifest.json").write_text(json.dumps({"split": split, "seed": seed, "generator": "dev_fixture"}),
                                        encoding="utf-8")
    _speed(root / "speed", rng)
    return root


def _speed(folder: Path, rng: random.Random, pairs: int = 6) -> None:
    """``speed/pairs.jsonl`` over a few chapter-sized documents (paths relative to ``speed/``)."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    rows = []
    for i in range(pairs):
        a = en_text(rng, 2500) if i % 2 == 0 else zh_text(rng, 6000)
        b = a[: len(a) // 2] + (en_text(rng, 1200) if i % 2 == 0 else zh_text(rng, 3000))
        (folder / "docs" / f"a{i}.txt").write_text(a, encoding="utf-8")
        (folder / "docs" / f"b{i}.txt").write_text(b, encoding="utf-8")
        rows.append({"id": f"speed-{i}", "a": f"docs/a{i}.txt", "b": f"docs/b{i}.txt"})
    (folder / "pairs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def main() -> None:
    """Command line: write the fixture."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--split", default="tune")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(write_fixture(args.out, args.split, args.seed))


if __name__ == "__main__":
    main()
