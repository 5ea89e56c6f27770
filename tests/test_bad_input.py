"""Bad input: exit code 2, one clear line on stderr naming the file and the problem.

Every hostile or broken input (missing, empty, a folder where a file is expected, names
that are not UTF-8, unreadable entries, archives that escape their folder, bombs,
encrypted archives, links out of the material, binary "source code", a CSV without the
``a``/``b`` columns) is fed to the real command line in a subprocess. For ``case add``
the case folder must be left exactly as it was: every file under it (with its SHA-256)
and the number of audit rows are compared before and after.
"""

from __future__ import annotations

import json
import os
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult, run_cli, set_zip_flag, snapshot

EXIT_BAD_INPUT = 2
MiB = 1 << 20


# --------------------------------------------------------------------------- helpers


def assert_one_clear_error(result: CliResult, names: Path | str, *phrases: str) -> str:
    """Exit 2, nothing on stdout, exactly one stderr line naming ``names`` and a phrase."""
    assert result.code == EXIT_BAD_INPUT, (result.code, result.out, result.err)
    assert "Traceback" not in result.err, result.err
    assert len(result.err_lines) == 1, f"expected one line on stderr, got:\n{result.err}"
    line = result.err_lines[0]
    assert str(names) in line, f"the message does not name {names}: {line}"
    assert any(p.lower() in line.lower() for p in phrases), f"no clear problem in: {line}"
    assert result.out == "", result.out
    return line


# --------------------------------------------------------------------------- bad materials
# Each maker writes one bad material under ``root`` and returns (path to add, the path
# the message must name, phrases of which one must appear).

Maker = Callable[[Path], tuple[Path, Path, tuple[str, ...]]]


def missing_path(root: Path):
    return root / "no-such-folder", root / "no-such-folder", ("does not exist",)


def empty_file(root: Path):
    path = root / "empty.java"
    path.write_bytes(b"")
    return path, path, ("empty",)


def empty_folder(root: Path):
    path = root / "nothing"
    path.mkdir()
    return path, path, ("empty",)


def non_utf8_file_name(root: Path):
    folder = root / "legacy"
    folder.mkdir()
    (folder / "ok.txt").write_text("这是正常的文件。\n", encoding="utf-8")
    with open(os.path.join(os.fsencode(folder), b"\xff\xfe.txt"), "wb") as handle:
        handle.write(b"bytes in a file with an undecodable name\n")
    return folder, folder, ("UTF-8",)


def symlink_loop_in_folder(root: Path):
    folder = root / "looping"
    folder.mkdir()
    (folder / "ok.py").write_text("print('ok')\n", encoding="utf-8")
    os.symlink("loop", folder / "loop")
    return folder, folder / "loop", ("link", "cannot be read", "loop")


def symlink_loop_itself(root: Path):
    os.symlink("loop", root / "loop")
    return root / "loop", root / "loop", ("link", "cannot be read", "loop")


def fifo_in_folder(root: Path):
    folder = root / "with-fifo"
    folder.mkdir()
    (folder / "ok.py").write_text("print('ok')\n", encoding="utf-8")
    os.mkfifo(folder / "pipe")
    return folder, folder / "pipe", ("FIFO", "not a regular file")


def zip_with_parent_entries(root: Path):
    path = root / "escape.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("src/Main.java", "class Main {}\n")
        archive.writestr("../../outside.txt", "escaped\n")
    return path, path, ("escape",)


def zip_bomb(root: Path):
    path = root / "bomb.zip"
    chunk = bytes(MiB)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("zeros.bin", "w", force_zip64=True) as member:
            for _ in range(300):  # 300 MB of zeros, about 300 KB compressed
                member.write(chunk)
    assert path.stat().st_size < 2 * MiB
    return path, path, ("limit", "ratio")


def symlink_out_of_tree(root: Path):
    folder = root / "linked"
    folder.mkdir()
    (folder / "ok.txt").write_text("plain text\n", encoding="utf-8")
    os.symlink("/etc/passwd", folder / "passwd")
    return folder, folder / "passwd", ("outside",)


def encrypted_zip(root: Path):
    plain = root / "plain.zip"
    with zipfile.ZipFile(plain, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("src/Main.java", "class Main { int x = 1; }\n")
        archive.writestr("README.txt", "secret material\n")
    path = root / "encrypted.zip"
    path.write_bytes(set_zip_flag(plain.read_bytes(), 0x1))
    return path, path, ("encrypted",)


BAD_MATERIALS: list[Maker] = [missing_path, empty_file, empty_folder, non_utf8_file_name,
                              symlink_loop_in_folder, symlink_loop_itself, fifo_in_folder,
                              zip_with_parent_entries, zip_bomb, symlink_out_of_tree, encrypted_zip]


@pytest.mark.parametrize("maker", BAD_MATERIALS, ids=lambda m: m.__name__)
def test_case_add_refuses_bad_material_and_leaves_case_unchanged(
        maker: Maker, case_dir: Path, tmp_path: Path) -> None:
    bad_root = tmp_path / "bad"
    bad_root.mkdir()
    path, named, phrases = maker(bad_root)
    before = snapshot(case_dir)

    result = run_cli("case", "add", case_dir, path, "--side", "B")

    assert_one_clear_error(result, named, *phrases)
    assert snapshot(case_dir) == before, "a refused intake changed the case"


@pytest.mark.parametrize("maker", [non_utf8_file_name, symlink_out_of_tree, zip_with_parent_entries,
                                   encrypted_zip], ids=lambda m: m.__name__)
def test_compare_refuses_bad_package(maker: Maker, sample_packages, tmp_path: Path) -> None:
    path, named, phrases = maker(tmp_path)
    result = run_cli("compare", sample_packages.a, path, "--kind", "package")
    assert_one_clear_error(result, named, *phrases)


# --------------------------------------------------------------------------- compare


def test_compare_missing_path(sample_packages, tmp_path: Path) -> None:
    missing = tmp_path / "gone.java"
    result = run_cli("compare", missing, sample_packages.a / "scripts" / "report.py", "--kind", "code")
    assert_one_clear_error(result, missing, "does not exist")


def test_compare_empty_file(sample_packages, tmp_path: Path) -> None:
    empty = tmp_path / "empty.py"
    empty.write_bytes(b"")
    result = run_cli("compare", sample_packages.a / "scripts" / "report.py", empty, "--kind", "code")
    assert_one_clear_error(result, empty, "empty")


def test_compare_folder_with_a_file_compares_them_as_packages(sample_packages) -> None:
    """A folder against one file is a project-vs-file question, answered as packages."""
    folder = sample_packages.a / "scripts"
    single = sample_packages.b / "scripts" / "report.py"
    result = run_cli("compare", folder, single, "--kind", "code", "--json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["kind"] == "package" and data["b"]["path"] == str(single)
    assert all(m["b"]["path"] == str(single) for m in data["matches"])


def test_compare_binary_file_as_code(sample_packages, tmp_path: Path) -> None:
    blob = tmp_path / "Payload.java"
    blob.write_bytes(bytes(range(256)) * 64)
    result = run_cli("compare", blob, sample_packages.a / "src/demo/store/Inventory.java",
                     "--kind", "code")
    assert_one_clear_error(result, blob, "binary")


def test_compare_symlink_loop(sample_packages, tmp_path: Path) -> None:
    os.symlink("loop", tmp_path / "loop")
    result = run_cli("compare", tmp_path / "loop", sample_packages.a / "docs" / "说明.txt",
                     "--kind", "text")
    assert_one_clear_error(result, tmp_path / "loop", "link", "cannot be read", "does not exist")


def test_compare_fifo_is_refused_not_read_forever(sample_packages, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    try:
        result = run_cli("compare", fifo, sample_packages.a / "docs" / "说明.txt", "--kind", "text",
                         timeout=5)
    except subprocess.TimeoutExpired:
        result = None
    assert result is not None, f"appraisal compare hangs reading the FIFO {fifo} instead of refusing it"
    assert_one_clear_error(result, fifo, "FIFO", "not a regular file", "cannot be read")


# --------------------------------------------------------------------------- batch


def test_batch_pairs_pointing_to_a_directory(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    result = run_cli("batch", "--kind", "code", "--pairs", tmp_path, "--out", out)
    assert_one_clear_error(result, tmp_path, "not a file", "directory", "folder")
    assert not out.exists()


def test_batch_csv_without_a_and_b_columns(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("left,right\nx.java,y.java\n", encoding="utf-8")
    out = tmp_path / "r.jsonl"
    result = run_cli("batch", "--kind", "code", "--pairs", pairs, "--out", out)
    assert_one_clear_error(result, pairs, "columns a and b", "column")
    assert not out.exists()


def test_batch_missing_pairs_csv(tmp_path: Path) -> None:
    pairs = tmp_path / "nowhere.csv"
    result = run_cli("batch", "--kind", "code", "--pairs", pairs, "--out", tmp_path / "r.jsonl")
    assert_one_clear_error(result, pairs, "does not exist")


# --------------------------------------------------------------------------- case verbs


def test_case_verbs_on_a_folder_that_is_not_a_case(tmp_path: Path) -> None:
    result = run_cli("case", "verify", tmp_path)
    assert_one_clear_error(result, tmp_path, "not a case")


def test_usage_error_exits_2_without_traceback(case_dir: Path, sample_packages) -> None:
    result = run_cli("case", "add", case_dir, sample_packages.a)  # --side missing
    assert result.code == EXIT_BAD_INPUT
    assert "Traceback" not in result.err
    assert "--side" in result.err
