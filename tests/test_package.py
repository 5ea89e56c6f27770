"""Package comparison: folders and archives paired file by file, with base filtration."""

from __future__ import annotations

import tarfile
import zipfile
from pathlib import Path

import py7zr
import pytest

import comparators
from comparators.errors import InputError

SHOP = '''def price_for(item_price, reputation):
    discount = 0
    if reputation >= 3000:
        discount = 15
    elif reputation >= 1500:
        discount = 10
    elif reputation >= 500:
        discount = 5
    return item_price * (100 - discount) // 100
'''
GUILD = '''public class Guild {
    private final java.util.List<String> members = new java.util.ArrayList<>();
    public boolean join(String player) {
        if (members.size() >= 50 || members.contains(player)) { return false; }
        return members.add(player);
    }
}
'''
LIB = "def load(path):\n    with open(path) as h:\n        return h.read()\n"


def _write(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


@pytest.fixture()
def packages(tmp_path: Path) -> tuple[Path, Path, Path]:
    a = _write(tmp_path / "A", {"src/shop.py": SHOP, "src/Guild.java": GUILD, "lib/util.py": LIB,
                                "only_a.txt": "甲方独有的说明文件。", "img.bin": b"\x00\x01\x02\x03" * 64})
    b = _write(tmp_path / "B", {"core/store.py": SHOP.replace("price_for", "calc").replace("discount", "off"),
                                "core/Guild.java": GUILD, "vendor/util.py": LIB,
                                "only_b.md": "# 乙方独有\n"})
    base = _write(tmp_path / "base", {"util.py": LIB})
    return a, b, base


def _pack(src: Path, dest: Path) -> Path:
    files = sorted(p for p in src.rglob("*") if p.is_file())
    if dest.suffix == ".zip":
        with zipfile.ZipFile(dest, "w") as z:
            for p in files:
                z.write(p, p.relative_to(src).as_posix())
    elif dest.name.endswith(".tar.gz"):
        with tarfile.open(dest, "w:gz") as t:
            for p in files:
                t.add(p, p.relative_to(src).as_posix())
    else:
        with py7zr.SevenZipFile(dest, "w") as z:
            for p in files:
                z.write(p, p.relative_to(src).as_posix())
    return dest


def test_folders_pair_identical_similar_and_unique_files(packages: tuple[Path, Path, Path]) -> None:
    a, b, base = packages
    pkg = comparators.get("package")
    result = pkg.compare(pkg.extract(a), pkg.extract(b))
    files = result.extra["files"]
    assert {(x["a"], x["b"]) for x in files["identical"]} == {("src/Guild.java", "core/Guild.java"),
                                                              ("lib/util.py", "vendor/util.py")}
    assert [(x["a"], x["b"]) for x in files["similar"]] == [("src/shop.py", "core/store.py")]
    assert {x["path"] for x in files["only_a"]} == {"only_a.txt", "img.bin"}
    assert [x["path"] for x in files["only_b"]] == ["only_b.md"]
    assert result.extra["summary"]["identical"]["count"] == 2
    assert any("img.bin" in n and "hash only" in n for n in result.notes)
    renamed = [m for m in result.matches if m.category == "renamed"]
    assert renamed and renamed[0].b.path.endswith("core/store.py") and renamed[0].b.start_line == 1


def test_base_material_is_excluded_and_listed(packages: tuple[Path, Path, Path]) -> None:
    a, b, base = packages
    pkg = comparators.get("package")
    plain = pkg.compare(pkg.extract(a), pkg.extract(b))
    filtered = pkg.compare(pkg.extract(a), pkg.extract(b), base=[pkg.extract(base)])
    assert len(filtered.excluded) == 2
    assert all(e.reason == "declared base material" for e in filtered.excluded)
    assert {x["a"] for x in filtered.extra["files"]["identical"]} == {"src/Guild.java"}
    assert filtered.extra["summary"]["excluded"]["count"] == 2
    assert filtered.coverage_a < plain.coverage_a


@pytest.mark.parametrize("archive_name", ["A.zip", "A.tar.gz", "A.7z"])
def test_archive_compares_like_its_folder(packages: tuple[Path, Path, Path], tmp_path: Path,
                                          archive_name: str) -> None:
    a, b, _ = packages
    archive = _pack(a, tmp_path / archive_name)
    assert comparators.detect(archive) == "package"
    pkg = comparators.get("package")
    from_folder = pkg.compare(pkg.extract(a), pkg.extract(b))
    from_archive = pkg.compare(pkg.extract(archive), pkg.extract(b))
    assert from_archive.score == from_folder.score
    assert from_archive.extra["summary"] == from_folder.extra["summary"]
    assert from_archive.matches[0].a.path.startswith(f"{archive}!")


def test_empty_folder_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="empty folder"):
        comparators.get("package").extract(tmp_path / "empty")


def test_bad_members_get_notes_and_vendored_files_are_flagged(tmp_path: Path) -> None:
    a = _write(tmp_path / "A", {"src/shop.py": SHOP, "src/blob.java": b"\x00\x01\x02\xff" * 300,
                                "web/app.min.js": "var a=1;" * 400, "big/huge.py": "x = 1\n" * 40_000,
                                "node_modules/left/index.js": "module.exports = function pad(s) { return s; };\n"})
    b = _write(tmp_path / "B", {"shop.py": SHOP})
    known = tmp_path / "known.txt"
    import hashlib
    digest = hashlib.sha256(b"module.exports = function pad(s) { return s; };\n").hexdigest()
    known.write_text(f"# known third-party files\n{digest} left-pad 1.3.0\n", encoding="utf-8")
    pkg = comparators.get("package", known_files=str(known))
    from comparators.code import CodeComparator
    pkg._members["code"] = CodeComparator(max_bytes=100_000)
    result = pkg.compare(pkg.extract(a), pkg.extract(b))
    notes = "\n".join(result.notes)
    assert "src/blob.java: is a binary file" in notes
    assert "web/app.min.js: looks minified" in notes
    assert "big/huge.py: is too large" in notes
    assert "node_modules/left/index.js: path suggests bundled third-party code" in notes
    assert any("known third-party file (left-pad 1.3.0)" == e.reason for e in result.excluded)
    assert result.extra["files"]["identical"][0]["a"] == "src/shop.py"


SERVER = '''import socket

def serve(port):
    sock = socket.socket()
    sock.bind(("0.0.0.0", port))
    sock.listen(64)
    while True:
        conn, _ = sock.accept()
        handle(conn)

def handle(conn):
    data = conn.recv(4096)
    if data.startswith(b"LOGIN"):
        conn.send(b"OK")
    else:
        conn.send(b"ERR")
    conn.close()
'''
QUEST = 'function accept_quest(player, id)\n  if player.level < 30 then return false end\n' \
        '  player.quests[id] = os.time()\n  return true\nend\n'
ITEMS_CSV = "id,name,level,rate,price\n" + "".join(
    f"{100001 + k},{name},{30 + k},0.0{k + 1},{12000 + 1000 * k}\n"
    for k, name in enumerate(["屠龙宝刀", "倚天长剑", "玄铁重剑", "裁决之杖", "骨玉权杖", "龙纹圣剑"]))
DROPS_JSON = '[\n  {"monster": "赤月恶魔", "item": "屠龙宝刀", "rate": 0.001},\n' \
             '  {"monster": "沃玛教主", "item": "裁决之杖", "rate": 0.01}\n]\n'


def _logo() -> bytes:
    import cv2
    import numpy as np
    rng = np.random.default_rng(7)
    picture = np.zeros((160, 200, 3), np.uint8)
    for _ in range(25):
        x, y = (int(v) for v in rng.integers(0, 180, 2))
        colour = tuple(int(c) for c in rng.integers(0, 255, 3))
        cv2.rectangle(picture, (x, y), (x + int(rng.integers(8, 40)), y + int(rng.integers(8, 40))), colour, -1)
    ok, png = cv2.imencode(".png", picture)
    assert ok
    return png.tobytes()


def test_private_server_package_summary_by_kind(tmp_path: Path) -> None:
    """Genuine server package vs a private server built from it: the share of each kind that reappears."""
    logo = _logo()
    private_items = "\n".join(line if k in (0, 7) or not line else
                              ",".join(line.split(",")[:3] + [f"{float(line.split(',')[3]) * 3:g}"]
                                       + line.split(",")[4:])
                              for k, line in enumerate(ITEMS_CSV.split("\n")))
    a = _write(tmp_path / "genuine", {"server/net.py": SERVER, "scripts/quest.lua": QUEST,
                                      "data/items.csv": ITEMS_CSV, "data/drops.json": DROPS_JSON,
                                      "art/logo.png": logo, "README.txt": "官方服务端说明。\n",
                                      "bin/blob.dat": bytes(range(256)) * 8})
    b = _write(tmp_path / "private", {"srv/net.py": SERVER.replace("handle", "on_client").replace("conn", "c"),
                                      "scripts/quest.lua": QUEST, "data/items.csv": private_items,
                                      "data/drops.json": DROPS_JSON, "art/logo.png": logo,
                                      "README.txt": "官方服务端说明。\n", "pay/recharge.py": "RATE = 648\n"})
    pkg = comparators.get("package")
    assert pkg.member_kinds[:1] == ("table",) and {"image", "audio", "code", "text"} <= set(pkg.member_kinds)
    assert ("binary" in pkg.member_kinds) == ("binary" in comparators.KINDS)
    result = pkg.compare(pkg.extract(a), pkg.extract(b))
    files = result.extra["files"]
    assert {x["a"] for x in files["identical"]} == {"scripts/quest.lua", "data/drops.json", "art/logo.png",
                                                    "README.txt"}
    similar = {(x["a"], x["kind"]) for x in files["similar"]}
    assert similar == {("server/net.py", "code"), ("data/items.csv", "table")}
    by_kind = result.extra["summary"]["by_kind"]
    assert set(by_kind) >= {"code", "table", "image", "text", "other"}
    table = by_kind["table"]
    assert (table["files_a"], table["identical_files"], table["similar_files"]) == (2, 1, 1)
    assert table["bytes_a"] == len(ITEMS_CSV.encode()) + len(DROPS_JSON.encode())
    assert table["identical_bytes"] == len(DROPS_JSON.encode())
    items_pair = next(x for x in files["similar"] if x["kind"] == "table")
    assert table["reappearing_share"] == pytest.approx(
        (len(DROPS_JSON.encode()) + len(ITEMS_CSV.encode()) * items_pair["coverage_a"]) / table["bytes_a"])
    assert items_pair["coverage_a"] == 1.0 and table["reappearing_share"] == pytest.approx(1.0)
    edits = [m for m in result.matches if m.category == "rows with edited values"]
    assert edits and edits[0].detail["changes"][0]["text"] == "all `rate` values ×3"
    assert edits[0].a.path == f"{a}/data/items.csv" and edits[0].id.startswith("F-table-")
    image = by_kind["image"]
    assert (image["files_a"], image["identical_files"], image["reappearing_share"]) == (1, 1, 1.0)
    code = by_kind["code"]
    assert (code["files_a"], code["identical_files"], code["similar_files"], code["files_b"]) == (2, 1, 1, 3)
    assert 0.0 < code["reappearing_share"] <= 1.0
    other = by_kind["other"]
    assert (other["files_a"], other["bytes_a"], other["identical_files"], other["reappearing_share"]) == \
        (1, 2048, 0, 0.0)
    assert by_kind["text"]["identical_files"] == 1
    # the keys scripts and the report already use are unchanged
    assert {"identical", "similar", "only_a", "only_b", "excluded"} <= set(result.extra["summary"])
    assert result.extra["summary"]["identical"]["count"] == 4
