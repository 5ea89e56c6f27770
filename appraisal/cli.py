"""The ``appraisal`` command line (DESIGN.md, "Command line").

The only place that prints for humans and decides exit codes: 0 success, 1 integrity
failure (a material or the audit log no longer matches its record), 2 bad input (one
clear message naming the file and the problem, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sqlite3
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import comparators
from appraisal.batch import engine as batch
from appraisal.custody.case import Case, IntegrityError
from appraisal.version import tool_version
from comparators import commonplace
from comparators.base import Comparison
from comparators.errors import InputError

EXIT_OK, EXIT_INTEGRITY, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with exit code 2 and one line for usage errors (its default, kept explicit)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_BAD_INPUT, f"appraisal: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="appraisal", description="Similarity appraisal workbench")
    parser.add_argument("--version", action="version", version=f"appraisal {tool_version()}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("compare", help="compare two materials and print one Comparison")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--kind", default="auto", choices=("auto", *comparators.KINDS))
    p.add_argument("--json", action="store_true", help="print the Comparison as JSON")
    p.add_argument("--commonplace-from", default="none", metavar="CORPUS",
                   help="what is filtered as common: none (default), a folder of reference files, or a fitted "
                        "corpus file (appraisal commonplace); named in the result")
    p.add_argument("--known-files", type=Path, help="list of '<sha256> <label>' lines: known third-party files "
                   "excluded from package comparisons")
    p.add_argument("--base", action="append", default=[], metavar="FILE",
                   help="declared base material (a template, stock photo, logo, common UI element): matches "
                        "inside it in both works are excluded and listed; repeatable")
    p.add_argument("--exhibit-dir", type=Path, default=Path("appraisal-exhibits"),
                   help="where image and audio comparisons write their exhibit PNG (default ./appraisal-exhibits)")

    p = sub.add_parser("scan", help="list a program's plug-in (cheat) indicators with located evidence")
    p.add_argument("program")
    p.add_argument("--opcodes", default="", help="game-protocol opcodes of the genuine client, comma-separated "
                   "(e.g. 0x1001,0x2001): reported where they appear in the program's code")
    p.add_argument("--rules", type=Path, default=None, help="folder of YARA rule files (default: the shipped rules)")
    p.add_argument("--json", action="store_true")

    p = sub.add_parser("batch", help="batch comparison (listed pairs or many-vs-many)")
    p.add_argument("sources", nargs="*", help="materials (files or folders) for many-vs-many")
    p.add_argument("--kind", default="auto", choices=("auto", *comparators.KINDS))
    p.add_argument("--pairs", type=Path, help="CSV with columns a, b (other columns carried through)")
    p.add_argument("--against", nargs="+", help="suspects compared with every source")
    p.add_argument("--out", type=Path, required=True, help="JSON lines output")
    p.add_argument("--threshold", type=float, default=0.0, help="write pairs scoring at least this")
    p.add_argument("--retrieval", type=float, default=0.1,
                   help="share of the smaller file's distinctive k-grams a pair must share to be aligned "
                        "(MinHash estimate for comparators without k-gram keys; 0 = align all pairs)")
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--scheduler", help="address of a Dask scheduler (tcp://host:8786)")
    p.add_argument("--resume", action="store_true", help="skip pairs already in --out")
    p.add_argument("--commonplace-from", default="none", metavar="CORPUS",
                   help="what is filtered as common: none (default), batch (all materials of this batch, counted "
                        "by near-duplicate groups), a folder, or a fitted corpus file; named in every result")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p = sub.add_parser("commonplace", help="fit a commonplace corpus file from a folder of reference files")
    p.add_argument("folder", type=Path)
    p.add_argument("--kind", required=True, choices=("code", "text"))
    p.add_argument("--out", type=Path, required=True, help="fitted corpus file (JSON)")
    p.add_argument("--json", action="store_true")

    case = sub.add_parser("case", help="the commission workflow").add_subparsers(
        dest="verb", required=True, parser_class=_Parser)
    p = case.add_parser("create", help="create a case folder")
    p.add_argument("dir", type=Path)
    p.add_argument("--title", default="")
    p.add_argument("--client", default="")
    p.add_argument("--number", default="")
    p.add_argument("--lang", default="zh", choices=("zh", "en"))
    p.add_argument("--json", action="store_true")
    p = case.add_parser("add", help="take a material into the case")
    _wait_option(p)
    p.add_argument("dir", type=Path)
    p.add_argument("path", type=Path)
    p.add_argument("--side", required=True, choices=("A", "B"))
    p.add_argument("--label", default="")
    p.add_argument("--source", default="")
    p.add_argument("--base", action="store_true", help="declared public/template/library material")
    p.add_argument("--json", action="store_true")
    for verb, text in (("run", "compare every A material with every B material"),
                       ("verify", "re-hash materials and check the audit chain")):
        p = case.add_parser(verb, help=text)
        p.add_argument("dir", type=Path)
        if verb == "run":
            p.add_argument("--kind", choices=comparators.KINDS)
            p.add_argument("--known-files", type=Path, help="known third-party file hashes to exclude")
        else:
            p.add_argument("--against", type=Path, action="append", default=[], metavar="REPORT",
                           help="an issued report (.pdf, .docx), its manifest (.json) or a copy of audit.head: "
                                "check that the audit log still holds, unchanged, the entry it pinned and every "
                                "entry before it; repeatable")
        _wait_option(p)
        p.add_argument("--json", action="store_true")
    p = case.add_parser("rerun", help="recompute the findings in a clean folder and compare them")
    p.add_argument("dir", type=Path)
    _wait_option(p)
    p.add_argument("--json", action="store_true")
    p = case.add_parser("report", help="write the report (docx; --pdf with LibreOffice)")
    p.add_argument("dir", type=Path)
    _wait_option(p)
    p.add_argument("--lang", choices=("zh", "en"))
    p.add_argument("--pdf", action="store_true")
    p.add_argument("--allow-unreviewed", action="store_true",
                   help="issue although findings are not reviewed (counted as accepted; the report says so)")
    p.add_argument("--draft", action="store_true",
                   help="issue a draft marked as not usable when required fields or decisions are missing")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("demo", help="build the sample case from cases/sample-source and issue its report")
    p.add_argument("--target", type=Path, default=None, help="case folder (default: cases/sample)")
    p.add_argument("--no-pdf", action="store_true")
    return parser


def _wait_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                        help="when another run uses the case, wait up to SECONDS for it (default: refuse at once)")


def _open_for_writing(args: argparse.Namespace) -> Case:
    """Open the case of a writing verb with its lock (exit 2 when another run keeps it past ``--wait``)."""
    if args.wait < 0:
        raise InputError("--wait", "must be zero or more seconds")
    return Case.open(args.dir, lock=True, wait=args.wait)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``appraisal`` console command."""
    args = build_parser().parse_args(argv)
    try:
        handler = _HANDLERS[args.command if args.command != "case" else f"case {args.verb}"]
        return handler(args)
    except InputError as exc:
        print(f"appraisal: error: {exc.path}: {exc.problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except IntegrityError as exc:
        print("appraisal: integrity check failed; work stopped:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_INTEGRITY
    except sqlite3.DatabaseError as exc:
        print(f"appraisal: error: case database is damaged or locked ({exc})", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("appraisal: interrupted", file=sys.stderr)
        return 130


def _emit(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    print(json.dumps(data, ensure_ascii=False, sort_keys=True) if args.json else text)


def _compare(args: argparse.Namespace) -> int:
    a, b = Path(args.a), Path(args.b)
    for p in (a, b):
        if not p.exists():
            raise InputError(p, "does not exist")
    if args.kind == "text":
        _refuse_folders_as_text(a, b)
    name, kwargs = comparators.resolve(args.kind, a, b)
    if name == "package" and args.known_files:
        kwargs["known_files"] = str(args.known_files)
    comparator = comparators.get(name, **kwargs)
    kind = comparator.name
    commonplace.check_declared(args.commonplace_from)
    if args.commonplace_from != "none":
        if name == "package":
            raise InputError("--commonplace-from", "package comparisons fit on both packages; declare base "
                                                   "material instead")
        comparator.corpus_ = commonplace.from_declared(comparator, args.commonplace_from)
    base = [comparator.extract(_existing(Path(p)), display_path=p) for p in args.base]
    result = comparator.compare(comparator.extract(a, display_path=args.a),
                                comparator.extract(b, display_path=args.b), base=base)
    if kind in ("image", "audio"):
        result = _with_exhibit(result, a, b, args.exhibit_dir)
    if args.json:
        print(result.to_json())
        return EXIT_OK
    print(f"{kind} comparison  score {result.score:.3f}  coverage A {100 * result.coverage_a:.1f}%"
          f"  coverage B {100 * result.coverage_b:.1f}%  matches {len(result.matches)}")
    for m in result.matches:
        print(f"  {m.id}  {m.category:<15} {m.score:.2f}  {_where(m.a.to_dict())}  <->  {_where(m.b.to_dict())}")
    for e in result.excluded:
        print(f"  excluded: {e.reason}")
    for note in result.notes:
        print(f"  note: {note}")
    if "exhibit" in result.extra:
        print(f"  exhibit: {result.extra['exhibit']}")
    return EXIT_OK


def _refuse_folders_as_text(*paths: Path) -> None:
    """``compare --kind text`` compares two text files: a folder, or an archive the text comparator
    cannot read, is refused (exit 2, one line naming it) rather than compared as a package."""
    text = comparators.get("text")
    for p in paths:
        if p.is_dir():
            raise InputError(p, "is a folder; --kind text compares two text files (for the text files inside use "
                                "`appraisal batch --kind text FOLDER --against ...`, for the folders as packages "
                                "--kind auto)")
        if not text.accepts(p) and comparators.get("package").accepts(p):
            raise InputError(p, "is an archive; --kind text compares two text files (for the archives as packages "
                                "use --kind auto)")


def _scan(args: argparse.Namespace) -> int:
    from comparators.binary.indicators import rules_fingerprint, scan

    try:
        opcodes = [int(o, 0) for o in args.opcodes.split(",") if o.strip()]
    except ValueError:
        raise InputError("--opcodes", f"is not a comma-separated list of numbers: {args.opcodes!r}") from None
    if args.rules is not None and not args.rules.is_dir():
        raise InputError(args.rules, "is not a folder of YARA rule files")
    found = scan(_existing(Path(args.program)), opcodes=opcodes, rules_dir=args.rules)
    data = {"program": args.program, "rules": rules_fingerprint(args.rules), "opcodes": [f"0x{o:x}" for o in opcodes],
            "indicators": [i.to_dict() for i in found]}
    lines = [f"{args.program}: {len(found)} plug-in indicator(s)"]
    for ind in found:
        lines.append(f"  {ind.category:<16} {ind.rule}: {ind.title}")
        for ev in ind.evidence:
            where = f"0x{ev.address:x}" if ev.address is not None else f"offset 0x{ev.offset or 0:x}"
            lines.append(f"      {ev.kind:<8} {where} {ev.section or ''} {ev.text}")
    _emit(args, data, "\n".join(lines))
    return EXIT_OK


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise InputError(path, "does not exist" if not path.exists() else "is not a file")
    return path


def _with_exhibit(result: Comparison, a: Path, b: Path, folder: Path) -> Comparison:
    """``result`` with the path of its exhibit PNG (written to ``folder``)."""
    exhibit = importlib.import_module(f"comparators.{result.kind}.exhibit")

    out = folder / f"{result.a.sha256[:12]}-{result.b.sha256[:12]}.png"
    try:
        exhibit.write(a, b, result.to_dict(), out)
    except OSError as exc:
        raise InputError(folder, f"cannot write the exhibit ({exc.strerror or exc})") from None
    return replace(result, extra={**result.extra, "exhibit": str(out)})


def _where(region: dict[str, Any]) -> str:
    if "start_line" in region:
        return f"{region['path']}:{region['start_line']}-{region['end_line']}"
    if region.get("start_s") is not None:
        return f"{region['path']} {region['start_s']:.2f}-{region['end_s']:.2f} s"
    if region.get("polygon"):
        xs = [p[0] for p in region["polygon"]]
        ys = [p[1] for p in region["polygon"]]
        return f"{region['path']} x {min(xs):.0f}-{max(xs):.0f}, y {min(ys):.0f}-{max(ys):.0f}"
    return region["path"]


def _batch(args: argparse.Namespace) -> int:
    if args.workers < 1:
        raise InputError("--workers", "must be at least 1")
    if args.pairs is not None:
        if args.sources or args.against:
            raise InputError("--pairs", "cannot be combined with SOURCES or --against")
        summary = batch.run_pairs(args.kind, args.pairs, args.out, resume=args.resume,
                                  workers=args.workers, scheduler=args.scheduler,
                                  commonplace_from=args.commonplace_from)
    else:
        if not args.sources:
            raise InputError("batch", "give --pairs PAIRS.csv or SOURCES... [--against SUSPECTS...]")
        summary = batch.run_many(args.kind, args.sources, args.against, args.out,
                                 threshold=args.threshold, retrieval=args.retrieval,
                                 resume=args.resume, workers=args.workers, scheduler=args.scheduler,
                                 commonplace_from=args.commonplace_from)
    data = {"out": str(args.out), "written": summary.written, "skipped": summary.skipped,
            "errors": summary.errors, "pairs": summary.candidates}
    _emit(args, data, f"{summary.written} pairs written, {summary.skipped} already done, "
                      f"{summary.errors} errors -> {args.out}")
    return EXIT_OK


def _commonplace(args: argparse.Namespace) -> int:
    if args.folder.exists() and not args.folder.is_dir():
        raise InputError(args.folder, "is not a folder")
    comparator = comparators.get(args.kind)
    state = commonplace.from_declared(comparator, str(args.folder))
    commonplace.save(state, comparator.name, args.out)
    data = {"out": str(args.out), **commonplace.describe(state)}
    _emit(args, data, f"{state['files']} files in {state['groups']} independent groups -> {args.out}")
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from appraisal.demo import ROOT, build_sample
    result = build_sample(args.target or ROOT / "cases" / "sample", pdf=False if args.no_pdf else None)
    if result["pdf_problem"]:
        print(f"PDF not produced: {result['pdf_problem']}", file=sys.stderr)
    for item in result["comparisons"]:
        r = item["result"]
        s = r.get("summary", {})
        print(f"{item['a_id']} vs {item['b_id']}: score {r['score']:.3f}, coverage A "
              f"{100 * r['coverage_a']:.1f}%, B {100 * r['coverage_b']:.1f}%, "
              f"{len(r['matches'])} findings; identical files {s.get('identical', {}).get('count', 0)}, "
              f"similar {s.get('similar', {}).get('count', 0)}, excluded {s.get('excluded', {}).get('count', 0)}")
    rerun_result = result["rerun"]
    print("rerun:", "identical findings recomputed from the materials" if rerun_result.identical
          else f"DIFFERS {rerun_result.differences}")
    print("verification:", "ok" if not result["problems"] else result["problems"])
    print(f"report: {result['report']}")
    if result["pdf"]:
        print(f"pdf:    {result['pdf']}")
    return EXIT_OK


def _case_create(args: argparse.Namespace) -> int:
    with Case.create(args.dir, title=args.title, client=args.client, number=args.number,
                     lang=args.lang) as case:
        _emit(args, {"case": str(case.root), "case_id": case.config.case_id},
              f"created case {case.config.case_id} in {case.root}")
    return EXIT_OK


def _case_add(args: argparse.Namespace) -> int:
    with _open_for_writing(args) as case:
        m = case.add_material(args.path, args.side, label=args.label, source=args.source, base=args.base)
        data = {"id": m.id, "side": m.side, "base": m.is_base, "kind": m.kind, "path": m.relpath,
                "sha256": m.sha256, "size": m.size, "files": m.file_count}
        _emit(args, data, f"{m.id}  {m.kind}  {m.file_count} file(s)  {m.size:,} bytes  sha256 {m.sha256}")
    return EXIT_OK


def _case_run(args: argparse.Namespace) -> int:
    from appraisal.batch.progress import progress_bar
    with _open_for_writing(args) as case:
        pairs = max(1, sum(1 for m in case.materials() if m.side == "A" and not m.is_base)
                    * sum(1 for m in case.materials() if m.side == "B" and not m.is_base))
        with progress_bar(pairs, "pairs") as bar:
            state = {"last": 0}

            def report(done: int, total: int, label: str) -> None:
                bar.update(done - state["last"])
                state["last"] = done
                bar.set_description(label)

            summary = case.run(kind=args.kind, progress=report,
                               known_files=str(args.known_files) if args.known_files else None)
        data = {"compared": summary.compared, "skipped": summary.skipped, "pairs": summary.total,
                "findings": str(case.root / "findings.json"),
                "comparisons": [{"a": c["a_id"], "b": c["b_id"], "kind": c["result"]["kind"],
                                 "score": c["result"]["score"]} for c in case.comparisons()]}
        lines = [f"{len(summary.compared)} pair(s) compared, {len(summary.skipped)} already done"]
        lines += [f"  {c['a']} vs {c['b']}  {c['kind']}  score {c['score']:.3f}" for c in data["comparisons"]]
        _emit(args, data, "\n".join(lines))
    return EXIT_OK


def _case_verify(args: argparse.Namespace) -> int:
    from appraisal.report.pin import read_pin
    from comparators.hashing import sha256_file
    pins = [read_pin(path) for path in args.against]  # bad input (exit 2) before the case is touched
    with _open_for_writing(args) as case:
        head = case.audit_head()
        problems = case.verify(record=True, pins=pins)
        against = []
        for path, pin in zip(args.against, pins, strict=True):
            pin_problems = case.check_pins([pin])
            against.append({"file": str(path), "seq": pin.seq, "hash": pin.hash, "ok": not pin_problems,
                            "registered_in_entry": case.registered_output(sha256_file(path))})
        data = {"ok": not problems, "problems": problems, "materials": len(case.materials()),
                "audit": {"entries": head.seq, "head": {"seq": head.seq, "hash": head.hash}}, "against": against}
        if problems:
            text = "VERIFICATION FAILED:\n" + "\n".join(f"  - {p}" for p in problems)
        else:
            lines = ["verified: all materials match their intake hashes; audit chain intact "
                     f"({head.seq} entries before this verification, head sha256 {head.hash})"]
            for item in against:
                where = (f"; the file itself is registered in export entry {item['registered_in_entry']}"
                         if item["registered_in_entry"] else "")
                lines.append(f"  {item['file']}: pinned entry {item['seq']} (sha256 {item['hash']}) is in the log, "
                             f"unchanged, with an intact chain before it{where}")
            text = "\n".join(lines)
        _emit(args, data, text)
    return EXIT_OK if not problems else EXIT_INTEGRITY


def _case_rerun(args: argparse.Namespace) -> int:
    from appraisal.custody.rerun import rerun
    with _open_for_writing(args) as case:
        result = rerun(case)
        text = (f"rerun: identical; {result.comparisons} comparison(s), {result.findings} finding(s) "
                f"recomputed from the materials match the stored findings (sha256 {result.stored_sha256})"
                if result.identical else "RERUN DIFFERS from the stored findings:\n"
                + "\n".join(f"  - {d}" for d in result.differences))
        _emit(args, result.to_dict(), text)
    return EXIT_OK if result.identical else EXIT_INTEGRITY


def _case_report(args: argparse.Namespace) -> int:
    from appraisal.report.builder import issue_report
    from appraisal.report.pdf import PdfError
    with _open_for_writing(args) as case:
        try:
            issued = issue_report(case, args.lang, pdf=args.pdf, allow_unreviewed=args.allow_unreviewed,
                                  draft=args.draft)
        except PdfError as exc:
            raise InputError(args.dir, f"PDF export failed: {exc}") from None
        data = {"report": str(issued.path), "sha256": issued.sha256, "version": issued.version,
                "lang": issued.lang, "pdf": str(issued.pdf) if issued.pdf else None,
                "manifest": str(issued.manifest) if issued.manifest else None, "warnings": list(issued.warnings)}
        for warning in issued.warnings:
            print(f"appraisal: warning: {warning}", file=sys.stderr)
        _emit(args, data, str(issued.pdf or issued.path) if not args.pdf else f"{issued.path}\n{issued.pdf}")
    return EXIT_OK


_HANDLERS = {"compare": _compare, "batch": _batch, "commonplace": _commonplace, "case create": _case_create,
             "case add": _case_add, "case run": _case_run, "case verify": _case_verify,
             "case report": _case_report, "case rerun": _case_rerun, "demo": _demo, "scan": _scan}

if __name__ == "__main__":
    raise SystemExit(main())
