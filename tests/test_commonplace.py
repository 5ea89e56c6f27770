"""What counts as common: one score per pair, declared corpora named, mass-copied works still found."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import numpy as np

from appraisal.batch import engine
from comparators.fingerprint.groups import near_duplicate_groups
from comparators.fingerprint.index import candidate_pairs

OPS = ("+", "-", "*", "//", "%", "<<", "|", "&")


def program(seed: int, lines: int = 28) -> str:
    """A random but valid Python function: every seed gives a structurally different file."""
    rng = random.Random(seed)
    names = [f"v{seed}_{k}" for k in range(6)]
    out = [f"def work_{seed}({names[0]}, {names[1]}):", f"    {names[2]} = []"]
    depth = 1
    templates = (
        lambda a, b, c: f"{a} = ({b} {rng.choice(OPS)} {rng.randint(1, 99)}) {rng.choice(OPS)} {c}",
        lambda a, b, c: f"{a}.append(len({b}) {rng.choice(OPS)} {c})",
        lambda a, b, c: f"{a} {rng.choice(OPS)}= {b}",
        lambda a, b, c: f"{a}, {b} = {b}, max({a}, {c}, {rng.randint(0, 9)})",
        lambda a, b, c: f"print({a}, [{b}, {c}], sep={chr(34)}{rng.choice('abcdef')}{chr(34)})",
        lambda a, b, c: f"{a} = {{{b}: {c} for {c} in sorted({b})}}",
        lambda a, b, c: f"del {a}[{rng.randint(0, 5)}:{b}]",
        lambda a, b, c: f"{a} = not ({b} or {c}) and {a} is None",
    )
    for _ in range(lines):
        pad = "    " * depth
        choice = rng.random()
        a, b, c = rng.sample(names[:3], 3)
        if choice < 0.12 and depth < 3:
            out.append(f"{pad}for {names[3 + depth]} in range({rng.randint(2, 9)}):")
            depth += 1
        elif choice < 0.22 and depth < 3:
            out.append(f"{pad}{rng.choice(('if', 'while'))} {a} {rng.choice(('<', '>', '==', 'in'))} {b}:")
            depth += 1
        elif choice < 0.3 and depth > 1:
            depth -= 1
        out.append("    " * depth + rng.choice(templates)(a, b, c))
    out.append(f"    return {names[2]}")
    return "\n".join(out) + "\n"


ORIGINAL = '''def parse_header(packet):
    # the first four bytes hold the version and the flags
    version = packet[0] >> 4
    flags = packet[0] & 0x0F
    length = (packet[1] << 8) | packet[2]
    checksum = packet[3]
    if checksum != sum(packet[4:4 + length]) % 256:
        raise ValueError("bad checksum in header")
    return {"version": version, "flags": flags, "length": length}
'''
COMMENT_ONLY_COPY = '''def parse_header(packet):
    # Read the version (high nibble) and flags (low nibble).
    version = packet[0] >> 4
    flags   = packet[0] & 0x0F
    length  = (packet[1] << 8) | packet[2]   # big-endian length
    checksum = packet[3]
    if checksum != sum(packet[4:4 + length]) % 256:
        raise ValueError("bad checksum in header")
    return {"version": version, "flags": flags, "length": length}
'''


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "appraisal.cli", *args], capture_output=True, text=True)


def _scores(out: Path) -> dict[tuple[str, str], float]:
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    return {(Path(r["a"]).name, Path(r["b"]).name): r["score"] for r in rows if "score" in r}


def test_comment_only_copy_scores_the_same_in_compare_and_in_a_batch_with_thirty_more_copies(tmp_path):
    a = _write(tmp_path / "m" / "original.py", ORIGINAL)
    b = _write(tmp_path / "m" / "copy.py", COMMENT_ONLY_COPY)
    for k in range(30):
        _write(tmp_path / "m" / f"more_{k:02d}.py", COMMENT_ONLY_COPY.replace("big-endian", f"copy {k}"))
    for k in range(40):
        _write(tmp_path / "m" / f"other_{k:02d}.py", program(k))
    single = _cli("compare", str(a), str(b), "--kind", "code", "--json")
    assert single.returncode == 0, single.stderr
    alone = json.loads(single.stdout)["score"]
    assert alone > 0.9
    pairs = tmp_path / "pairs.csv"
    rows = ["a,b", f"{a},{b}"] + [f"{a},{tmp_path / 'm' / f'other_{k:02d}.py'}" for k in range(40)]
    rows += [f"{a},{tmp_path / 'm' / f'more_{k:02d}.py'}" for k in range(30)]
    pairs.write_text("\n".join(rows) + "\n")
    out = tmp_path / "listed.jsonl"
    engine.run_pairs("code", pairs, out, progress=False)
    assert _scores(out)[("original.py", "copy.py")] == alone
    many = tmp_path / "many.jsonl"
    engine.run_many("code", [str(tmp_path / "m")], None, many, retrieval=0.1, progress=False)
    assert _scores(many)[("copy.py", "original.py")] == alone
    # fitted on the batch itself, the thirty copies count as one group: the pair keeps its score
    # whether or not they are in the batch
    with_copies = tmp_path / "with.jsonl"
    engine.run_pairs("code", pairs, with_copies, progress=False, commonplace_from="batch")
    no_copies = tmp_path / "pairs_no_copies.csv"
    no_copies.write_text("\n".join(rows[:42]) + "\n")
    without = tmp_path / "without.jsonl"
    engine.run_pairs("code", no_copies, without, progress=False, commonplace_from="batch")
    key = ("original.py", "copy.py")
    assert _scores(with_copies)[key] == _scores(without)[key]
    assert _scores(with_copies)[key] > 0.9


def test_resumed_batch_fitted_on_itself_gives_the_uninterrupted_scores(tmp_path):
    files = [_write(tmp_path / "m" / f"f{k:02d}.py", program(k % 12) if k < 24 else program(100 + k))
             for k in range(36)]
    pairs = tmp_path / "pairs.csv"
    rows = ["a,b"] + [f"{files[i]},{files[j]}" for i in range(0, 36, 3) for j in range(1, 36, 4) if i != j]
    pairs.write_text("\n".join(rows) + "\n")
    whole = tmp_path / "whole.jsonl"
    engine.run_pairs("code", pairs, whole, progress=False, commonplace_from="batch")
    cut = tmp_path / "cut.jsonl"
    cut.write_text("".join(whole.read_text().splitlines(keepends=True)[:7]))
    engine.run_pairs("code", pairs, cut, progress=False, commonplace_from="batch", resume=True)
    assert _scores(cut) == _scores(whole)
    assert len(_scores(whole)) == len(rows) - 1


def test_declared_commonplace_corpus_is_named_in_the_result(tmp_path):
    ref = tmp_path / "reference"
    for k in range(24):
        _write(ref / f"lib_{k:02d}.py", program(200 + k))
    a = _write(tmp_path / "a.py", ORIGINAL)
    b = _write(tmp_path / "b.py", COMMENT_ONLY_COPY)
    plain = json.loads(_cli("compare", str(a), str(b), "--json").stdout)
    assert plain["comparator"]["params"]["commonplace"]["source"] == "none"
    done = _cli("compare", str(a), str(b), "--json", "--commonplace-from", str(ref))
    assert done.returncode == 0, done.stderr
    named = json.loads(done.stdout)["comparator"]["params"]["commonplace"]
    assert named["source"].startswith(f"folder {ref.resolve()}") and named["files"] == 24
    assert named["groups"] == 24 and "independent" in named["method"]
    fitted = tmp_path / "corpus.json"
    made = _cli("commonplace", str(ref), "--kind", "code", "--out", str(fitted))
    assert made.returncode == 0, made.stderr
    from_file = json.loads(_cli("compare", str(a), str(b), "--json", "--commonplace-from", str(fitted)).stdout)
    described = from_file["comparator"]["params"]["commonplace"]
    assert described["file"]["path"] == str(fitted.resolve()) and described["sha256"] == named["sha256"]
    assert from_file["score"] == json.loads(done.stdout)["score"]
    bad = _cli("compare", str(a), str(b), "--commonplace-from", str(tmp_path / "missing"))
    assert bad.returncode == 2 and "missing" in bad.stderr and "Traceback" not in bad.stderr
    not_corpus = _write(tmp_path / "notes.json", '{"hello": 1}')
    bad = _cli("batch", str(a), str(b), "--kind", "code", "--out", str(tmp_path / "o.jsonl"),
               "--commonplace-from", str(not_corpus))
    assert bad.returncode == 2 and "not a fitted commonplace corpus" in bad.stderr


def test_a_work_copied_into_a_fifth_of_a_batch_is_found_against_every_copy(tmp_path):
    work = program(999, lines=60)
    for k in range(80):
        _write(tmp_path / "m" / f"other_{k:02d}.py", program(k, lines=40))
    rng = random.Random(5)
    for k in range(20):  # each copy lightly edited: one line changed
        lines = work.splitlines()
        lines[rng.randrange(2, len(lines) - 1)] += f"  # edit {k}"
        _write(tmp_path / "m" / f"copy_{k:02d}.py", "\n".join(lines) + "\n")
    _write(tmp_path / "m" / "work.py", work)
    out = tmp_path / "out.jsonl"
    engine.run_many("code", [str(tmp_path / "m" / "work.py")], [str(tmp_path / "m")], out, progress=False)
    found = {b for a, b in _scores(out) if a == "work.py"} | {a for a, b in _scores(out) if b == "work.py"}
    assert {f"copy_{k:02d}.py" for k in range(20)} <= found
    assert not any(name.startswith("other_") for name in found)


def test_group_frequency_keeps_mass_copies_and_drops_boilerplate_of_independent_files():
    rng = np.random.default_rng(3)
    header = rng.integers(0, 2**63, 40, dtype=np.uint64)  # a licence header in every independent file
    work = rng.integers(0, 2**63, 300, dtype=np.uint64)
    keys = [np.concatenate([header, rng.integers(0, 2**63, 300, dtype=np.uint64)]) for _ in range(400)]
    for k in range(100):  # a quarter of the corpus copies the work, each copy with its own edits
        keys[k] = np.concatenate([header, work[rng.permutation(300)[:285]],
                                  rng.integers(0, 2**63, 15, dtype=np.uint64)])
    keys.append(np.concatenate([header, work]))
    labels = near_duplicate_groups(keys)
    assert len(set(labels[:100].tolist()) | {int(labels[400])}) == 1
    assert len(set(labels[100:400].tolist())) == 300
    found = candidate_pairs(keys, [400], list(range(400)), 0.3)
    assert sorted(j for i, j, _ in found) == list(range(100))
    # the header alone links nothing: independent files are not candidates of one another
    assert candidate_pairs(keys, list(range(100, 400)), None, 0.05) == []
