"""Planted-work retrieval, text: an English document W copied into 1 %, 5 % and 20 % of 5,000 real documents.

    .venv/bin/python benchmarks/text/run_planted.py [--items 5000] [--refs 200] [--shares 0.01,0.05,0.2]

Items are the text benchmark's works (``catalogue.WORKS``: Austen, Carroll, Milton, Shakespeare; the
Chinese classics, poems, ci and qu), cut by ``documents.cut`` into documents of 200-450 words (English,
about 1,900 characters) or 500-1,000 non-space characters (Chinese). W is an English novel document of
350-450 words. A copy (of W or of a control reference) has about 5 % of its tokens (English words,
Chinese characters) edited with the ``random`` obfuscation's operations (delete, insert, replace from the
document's own vocabulary, shuffle a short run), and is embedded in the middle of a prefix of the host's
own text (about ``--host-share`` x the copy's length), so the planted suspects are near-duplicates of one
another. See ``benchmarks/common/planted.py`` for the layout and the measures; the section goes to
``RESULTS.md``.
"""

from __future__ import annotations

import argparse
import random
import re
import shlex
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
for _path in (HERE, HERE.parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from catalogue import WORKS  # noqa: E402
from common.planted import Item, Plan, report, run_all  # noqa: E402
from documents import cut  # noqa: E402
from obfuscate.base import Context  # noqa: E402
from obfuscate.random_edits import edit_sentence  # noqa: E402
from sources import Library  # noqa: E402
from works import load  # noqa: E402

THRESHOLD = 0.33  # best-F1 threshold of the tune split, comparator 0.5.2 (RESULTS.md, accuracy:tune: 0.3304)
NOTES: tuple[str, ...] = ()  # extra lines for the RESULTS.md section
SIZES = {"en": (200, 450), "zh": (500, 1000)}
EDIT_RATE = 0.05
_SENTENCE_END = re.compile(r"[.!?;。！？；]['\"’”」』]?\s*")


def pool(work: Path) -> list[Item]:
    """Every document of every work, cut to ``SIZES``; the key records work, genre and size."""
    lib = Library(work)
    items = []
    for spec in WORKS:
        for doc in cut(load(lib, spec), SIZES[spec.lang]):
            items.append(Item(f"{doc.key}|{doc.genre}|{doc.size}", doc.lang, ".txt", doc.text.encode("utf-8")))
    return items


def is_w(item: Item) -> bool:
    """W: an English novel document of 350-450 words."""
    _, genre, size = item.key.split("|")
    return item.group == "en" and genre == "novel" and 350 <= int(size) <= 450


def edit(item: Item, rng: random.Random) -> bytes:
    """About ``EDIT_RATE`` of the tokens edited, line by line (line breaks kept)."""
    text = item.data.decode("utf-8")
    vocab = tuple(text.split()) if item.group == "en" else tuple(c for c in text if not c.isspace())
    ctx = Context(item.group, None, rng, vocab, ())
    lines = [edit_sentence(line, EDIT_RATE, ctx)[0] if line.strip() else line for line in text.split("\n")]
    return "\n".join(lines).encode("utf-8")


def _boundary(text: str, at: int) -> int:
    """The sentence end (else whitespace) nearest to ``at``."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)] or [m.end() for m in re.finditer(r"\s+", text)]
    return min(ends, key=lambda e: abs(e - at)) if ends else at


def embed(copy: bytes, host: Item, host_share: float, rng: random.Random) -> bytes:
    """The copy inserted at a sentence boundary in the middle of the host's leading text."""
    del rng
    text = host.data.decode("utf-8")
    body = copy.decode("utf-8")
    head = text[:_boundary(text, int(host_share * len(body)))]
    mid = _boundary(head, len(head) // 2)
    sep = "\n\n" if host.group == "en" else "\n"
    return (head[:mid].rstrip() + sep + body.strip() + sep + head[mid:].lstrip()).encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    """Build the corpora, run ``appraisal batch`` per share, write the section of RESULTS.md."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--items", type=int, default=5000, help="suspects per share")
    ap.add_argument("--refs", type=int, default=200, help="references, W included")
    ap.add_argument("--controls", type=int, default=100)
    ap.add_argument("--shares", default="0.01,0.05,0.2")
    ap.add_argument("--host-share", type=float, default=0.25,
                    help="host text kept in a planted suspect, relative to the copy's length")
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="score a found pair must reach")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--work", type=Path, default=HERE / "work", help="download cache")
    ap.add_argument("--out", type=Path, default=HERE / "data" / "planted")
    ap.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    ap.add_argument("--reuse", action="store_true",
                    help="evaluate the results (and timings) of an earlier run instead of running the CLI again")
    args = ap.parse_args(argv)
    items = pool(args.work)
    counts = ", ".join(f"{lang} {sum(i.group == lang for i in items)}" for lang in ("en", "zh"))
    plan = Plan("text", items, is_w, edit, embed, args.out / f"n{args.items}-h{args.host_share:g}",
                n_suspects=args.items, n_refs=args.refs, n_controls=args.controls,
                shares=tuple(float(s) for s in args.shares.split(",")), host_share=args.host_share,
                workers=args.workers, params={"sizes": SIZES, "edit_rate": EDIT_RATE},
                description=f"{len(items)} documents cut from the text benchmark's works ({counts}; English "
                            f"{SIZES['en'][0]}-{SIZES['en'][1]} words, Chinese {SIZES['zh'][0]}-{SIZES['zh'][1]} "
                            f"characters); copies: {EDIT_RATE:.0%} of the tokens edited (random operations)")
    layout, outcomes = run_all(plan, args.threshold, reuse=args.reuse)
    import comparators
    from appraisal.version import tool_version
    version = f"text comparator {comparators.get('text').version}, workbench {tool_version()}"
    given = [a for a in (argv or sys.argv[1:]) if a != "--reuse"]
    command = shlex.join([".venv/bin/python", "benchmarks/text/run_planted.py", *given])
    notes = [*NOTES, *(["figures re-evaluated (`--reuse`) from the results.jsonl and timings this command wrote"]
                       if args.reuse else [])]
    print(report(args.results, command, plan, layout, args.threshold, outcomes, version, notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
