"""PlagDet against a truth cut where the copy has uncopied sentences, the rule issue 17 sets for findings.

    .venv/bin/python benchmarks/text/cut_truth.py [--split test] [--tools ours,copydetect] [--max-uncopied 1]

PAN's truth of an ``insdel`` case spans the whole edited passage, host sentences inserted into it included,
and the whole source passage, deleted sentences included. Issue 17 asks that a finding never cover more than
``max_uncopied`` consecutive uncopied sentences, so a comparator that obeys it is scored as fragmented on
such a case. This script cuts each ``insdel`` case the same way: the case's sentences (``segment.sentences``)
of B that occur verbatim among its sentences of A are the copied ones; the case is cut wherever more than
``max_uncopied`` uncopied sentences lie between two copied ones, in B (inserted) or in A (deleted). Other
cases are kept whole (their sentences are all copied, edited or not). A case whose copied sentences cannot
be found (under half of B's sentences match) is kept whole too. Scores come from ``run.py``'s per-pair cache,
so run ``run.py`` on the split first; the section ``cut-truth`` of ``RESULTS.md`` is rewritten.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
for _path in (HERE, HERE.parent, HERE.parent.parent):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from evaluation import SplitEval  # noqa: E402
from run import evaluate, parse_args, replace_section_text  # noqa: E402
from segment import sentences  # noqa: E402
from split_data import Pair  # noqa: E402

from comparators.textio import read_text  # noqa: E402

Range4 = tuple[int, int, int, int]
_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def cut_case(case: Range4, text_a: str, text_b: str, lang: str, max_uncopied: int) -> list[Range4]:
    """``case`` cut at runs of more than ``max_uncopied`` uncopied sentences (see the module docstring)."""
    a0, a1, b0, b1 = case
    sent_a = [(a0 + s, a0 + e) for s, e in sentences(text_a[a0:a1], lang)]
    sent_b = [(b0 + s, b0 + e) for s, e in sentences(text_b[b0:b1], lang)]
    index_a: dict[str, list[int]] = {}
    for k, (s, e) in enumerate(sent_a):
        index_a.setdefault(_key(text_a[s:e]), []).append(k)
    matched: list[tuple[int, int]] = []  # (sentence of B, sentence of A), in B order, A increasing
    last_a = -1
    for j, (s, e) in enumerate(sent_b):
        later = [k for k in index_a.get(_key(text_b[s:e]), []) if k > last_a]
        if later:
            matched.append((j, later[0]))
            last_a = later[0]
    if len(matched) * 2 < len(sent_b) or not matched:
        return [case]
    pieces: list[list[tuple[int, int]]] = [[matched[0]]]
    for (j0, k0), (j1, k1) in zip(matched, matched[1:]):
        if j1 - j0 - 1 > max_uncopied or k1 - k0 - 1 > max_uncopied:
            pieces.append([])
        pieces[-1].append((j1, k1))
    if len(pieces) == 1:
        return [case]
    return [(sent_a[p[0][1]][0], sent_a[p[-1][1]][1], sent_b[p[0][0]][0], sent_b[p[-1][0]][1]) for p in pieces]


def cut_pair(pair: Pair, folder: Path, max_uncopied: int) -> Pair:
    """``pair`` with its ``insdel`` cases cut."""
    kinds = pair.case_kinds or (pair.obfuscation,) * len(pair.cases)
    if "insdel" not in kinds:
        return pair
    text_a, text_b = read_text(folder / pair.a).text, read_text(folder / pair.b).text
    cases: list[Range4] = []
    out_kinds: list[str] = []
    for case, kind in zip(pair.cases, kinds, strict=True):
        pieces = cut_case(case, text_a, text_b, pair.lang, max_uncopied) if kind == "insdel" else [case]
        cases.extend(pieces)
        out_kinds.extend([kind] * len(pieces))
    return replace(pair, cases=tuple(cases), case_kinds=tuple(out_kinds))


def section(split: SplitEval, cut: SplitEval, tools: list[str], command: str, max_uncopied: int) -> str:
    """The RESULTS.md section: PlagDet per obfuscation, PAN truth and cut truth, tools side by side."""
    n_whole = len(split.cases)
    n_cut = len(cut.cases)
    lines = [f"## PlagDet against the truth cut at uncopied sentences (split `{split.name}`)",
             f"Command: `{command}`", "",
             f"`insdel` cases cut wherever more than {max_uncopied} consecutive sentences are uncopied (inserted in "
             f"B or deleted from A): {n_whole} cases become {n_cut}. Other obfuscations are unchanged. "
             "PlagDet (granularity in brackets), macro, as in the tables above.", ""]
    head = ["positives"] + [f"{t} PAN truth" for t in tools] + [f"{t} cut truth" for t in tools]
    lines += ["| " + " | ".join(head) + " |", "|" + "---|" + "---:|" * (len(head) - 1)]
    kinds = ["insdel", *sorted({p.obfuscation for p in split.pairs if p.label == 1} - {"insdel"})]
    for name in ["all pairs", *kinds]:
        cells = [name]
        for which in (split, cut):
            chosen = which.mask(lambda p, name=name: name == "all pairs" or p.obfuscation == name)
            for tool in tools:
                macro, _ = which.alignment(tool, chosen)
                cells.append(f"{macro.plagdet:.3f} ({macro.granularity:.2f})")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Score (from the cache), cut, measure, write the section."""
    extra = argparse.ArgumentParser(add_help=False)
    extra.add_argument("--max-uncopied", type=int, default=1)
    known, rest = extra.parse_known_args(argv)
    args = parse_args(rest)
    args.argv = rest
    name = args.splits[0]
    split = evaluate(name, args)
    folder = args.data / name
    cut_pairs = [cut_pair(p, folder, known.max_uncopied) for p in split.pairs]
    cut = SplitEval(split.name, cut_pairs, split.tools, split.chars, split.runs)
    tools = [t for t in args.tool_list if split.tools[t].localises]
    command = ".venv/bin/python benchmarks/text/cut_truth.py " + " ".join(argv if argv is not None else sys.argv[1:])
    text = section(split, cut, tools, command.strip(), known.max_uncopied)
    print(text)
    if not args.no_write:
        replace_section_text(args.out, "cut-truth", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
