"""Shared fixtures for the workflow tests: sample materials, cases, CLI runners, snapshots.

Everything is real: files are written under ``tmp_path``, cases live in real folders with a
real ``case.db``, and the command line runs either in a subprocess
(``python -m appraisal.cli``) or in-process through ``appraisal.cli.main``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import sqlite3
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_SOURCE = REPO / "cases" / "sample-source"


def make_sample_case(root: Path, actor: str = "tester", configure: bool = False) -> Path:
    """The sample case's three materials (A, B, declared base), compared; no review, no report."""
    from appraisal.custody.case import Case
    from appraisal.demo import configure_sample
    with Case.create(root, title="sample", number="示例[2026]鉴字第9号", lang="zh", actor=actor) as case:
        if configure:
            configure_sample(case)
        case.add_material(SAMPLE_SOURCE / "A" / "server", "A", label="权利人源代码")
        case.add_material(SAMPLE_SOURCE / "B" / "gameserver", "B", label="被诉源代码")
        case.add_material(SAMPLE_SOURCE / "base" / "lib", "A", label="公有辅助代码", base=True)
        case.run()
    return root

# --------------------------------------------------------------------------- CLI runners


@dataclass(frozen=True)
class CliResult:
    """Exit code and decoded output of one ``appraisal`` invocation."""

    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def cli_env() -> dict[str, str]:
    """Environment for subprocesses: the repo importable, a fixed actor, no colour/tty."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env["APPRAISAL_ACTOR"] = "tester"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_cli(*args: object, cwd: Path | None = None, timeout: float = 120) -> CliResult:
    """Run ``python -m appraisal.cli ARGS`` in a subprocess (cwd defaults to the repo root)."""
    proc = subprocess.run([sys.executable, "-m", "appraisal.cli", *map(str, args)],
                          cwd=cwd or REPO, env=cli_env(), capture_output=True, timeout=timeout)
    return CliResult(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                     proc.stderr.decode("utf-8", "replace"))


def cli(*args: object) -> CliResult:
    """Run ``appraisal.cli.main(ARGS)`` in this process and capture what it prints."""
    from appraisal.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return CliResult(code, out.getvalue(), err.getvalue())


def cli_ok(*args: object) -> CliResult:
    """In-process CLI call that must succeed."""
    result = cli(*args)
    assert result.code == 0, f"appraisal {' '.join(map(str, args))} failed: {result.err}"
    return result


# --------------------------------------------------------------------------- sample packages

INVENTORY_JAVA = """\
package demo.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Keeps stock levels per article and warns when an article runs low. */
public class Inventory {
    private final Map<String, Integer> stock = new HashMap<>();
    private final int warningLevel;

    public Inventory(int warningLevel) {
        this.warningLevel = warningLevel;
    }

    public void receive(String article, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        stock.merge(article, quantity, Integer::sum);
    }

    public boolean ship(String article, int quantity) {
        int available = stock.getOrDefault(article, 0);
        if (available < quantity) {
            return false;
        }
        stock.put(article, available - quantity);
        return true;
    }

    public List<String> lowStock() {
        List<String> result = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : stock.entrySet()) {
            if (entry.getValue() < warningLevel) {
                result.add(entry.getKey());
            }
        }
        result.sort(String::compareTo);
        return result;
    }
}
"""

ORDER_SERVICE_JAVA = """\
package demo.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Accepts customer orders, prices them and books them against the inventory. */
public class OrderService {
    private final Inventory inventory;
    private final List<String> journal = new ArrayList<>();
    private double discountRate = 0.05;

    public OrderService(Inventory inventory) {
        this.inventory = inventory;
    }

    public double priceOf(int quantity, double unitPrice) {
        double gross = quantity * unitPrice;
        if (quantity >= 100) {
            gross = gross * (1.0 - discountRate);
        }
        return Math.round(gross * 100.0) / 100.0;
    }

    public boolean placeOrder(String customer, String article, int quantity, double unitPrice) {
        if (!inventory.ship(article, quantity)) {
            journal.add(LocalDate.now() + " rejected " + customer + " " + article);
            return false;
        }
        double total = priceOf(quantity, unitPrice);
        journal.add(LocalDate.now() + " booked " + customer + " " + article + " " + total);
        return true;
    }

    public void setDiscountRate(double rate) {
        if (rate < 0.0 || rate > 0.5) {
            throw new IllegalArgumentException("discount out of range: " + rate);
        }
        this.discountRate = rate;
    }

    public List<String> journal() {
        return new ArrayList<>(journal);
    }
}
"""

REPORT_PY = '''\
"""Monthly sales report: totals per region, sorted by revenue."""

import csv
from collections import defaultdict


def load_rows(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def totals_by_region(rows):
    totals = defaultdict(float)
    for row in rows:
        region = row["region"].strip().title()
        totals[region] += float(row["amount"]) * int(row.get("quantity", 1))
    return dict(totals)


def render(totals):
    lines = ["Region,Revenue"]
    for region, amount in sorted(totals.items(), key=lambda item: -item[1]):
        lines.append(f"{region},{amount:.2f}")
    return "\\n".join(lines) + "\\n"


if __name__ == "__main__":
    import sys
    print(render(totals_by_region(load_rows(sys.argv[1]))))
'''

CLEANUP_PY = '''\
"""Remove stale cache files older than a number of days."""

import os
import time


def stale_files(folder, max_age_days, now=None):
    now = now or time.time()
    limit = now - max_age_days * 86400
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames:
            full = os.path.join(dirpath, name)
            if os.path.getmtime(full) < limit and name.endswith(".cache"):
                found.append(full)
    found.sort()
    return found


def remove_all(paths, dry_run=True):
    removed = 0
    for path in paths:
        if not dry_run:
            os.remove(path)
        removed += 1
    return removed
'''

NOTES_ZH = """\
本软件用于管理仓库库存与客户订单。系统在每天凌晨自动汇总前一日的出入库记录，
并根据预设的警戒数量提示采购人员及时补货。订单服务负责计算价格、核对库存并记录日志，
当单笔订单数量超过一百件时自动给予折扣。报表模块按地区统计销售收入，并按收入从高到低排序。
清理脚本定期删除过期的缓存文件，以免磁盘空间被占满。所有操作均写入审计日志，便于事后核查。
"""

ONLY_A_TXT = """\
设计说明（原始版本）：库存模块最初由开发组于二零一九年编写，采用散列表保存每种商品的数量，
出库时先检查可用数量，不足则拒绝。该版本尚未包含折扣功能，也没有按地区统计的报表。
"""

ONLY_B_PY = '''\
"""Send the daily digest by e-mail (only in the accused package)."""

import smtplib
from email.message import EmailMessage


def digest(subject, body, sender, recipients, host="localhost"):
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message.set_content(body)
    with smtplib.SMTP(host) as server:
        server.send_message(message)
    return len(recipients)
'''

JAVA_RENAMES = {"OrderService": "SalesManager", "inventory": "warehouse", "journal": "history",
                "discountRate": "rebate", "priceOf": "computePrice", "placeOrder": "submit",
                "gross": "amount", "customer": "buyer", "Inventory": "Warehouse"}
PY_RENAMES = {"stale_files": "find_old", "max_age_days": "days", "found": "result",
              "remove_all": "purge", "removed": "count", "limit": "cutoff"}


def rename_identifiers(source: str, renames: dict[str, str]) -> str:
    """``source`` with whole-word identifiers replaced (a typical disguise of copied code)."""
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, renames)) + r")\b")
    return pattern.sub(lambda m: renames[m.group(1)], source)


@dataclass(frozen=True)
class SamplePackages:
    """A claimed-original package ``a`` and an accused package ``b``."""

    a: Path
    b: Path


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (relative path -> text or bytes) under ``root``."""
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def write_sample_packages(root: Path) -> SamplePackages:
    """Write packages ``root/A`` and ``root/B``: Java + Python + Chinese text.

    Identical in both: ``Inventory.java``, ``report.py``. Edited with renamed identifiers:
    ``OrderService.java`` -> ``SalesManager.java``, ``cleanup.py``. Edited Chinese text:
    ``docs/说明.txt``. Unique: ``docs/设计_原始.txt`` (A), ``tools/mailer.py`` (B).
    """
    a = write_files(root / "A", {
        "src/demo/store/Inventory.java": INVENTORY_JAVA,
        "src/demo/store/OrderService.java": ORDER_SERVICE_JAVA,
        "scripts/report.py": REPORT_PY,
        "scripts/cleanup.py": CLEANUP_PY,
        "docs/说明.txt": NOTES_ZH,
        "docs/设计_原始.txt": ONLY_A_TXT,
    })
    b = write_files(root / "B", {
        "src/demo/store/Inventory.java": INVENTORY_JAVA,
        "src/demo/store/SalesManager.java": rename_identifiers(ORDER_SERVICE_JAVA, JAVA_RENAMES),
        "scripts/report.py": REPORT_PY,
        "scripts/cleanup.py": rename_identifiers(CLEANUP_PY, PY_RENAMES),
        "docs/说明.txt": NOTES_ZH.replace("仓库库存", "门店存货").replace("审计日志", "操作记录"),
        "tools/mailer.py": ONLY_B_PY,
    })
    return SamplePackages(a, b)


@pytest.fixture
def sample_packages(tmp_path: Path) -> SamplePackages:
    return write_sample_packages(tmp_path / "input")


# --------------------------------------------------------------------------- cases


def create_case(case_dir: Path, packages: SamplePackages) -> Path:
    """A case with ``packages.a`` added as side A and ``packages.b`` as side B."""
    cli_ok("case", "create", case_dir, "--title", "软件相似性鉴定", "--client", "某某人民法院",
           "--number", "鉴字〔2024〕第1号")
    cli_ok("case", "add", case_dir, packages.a, "--side", "A", "--label", "原告软件")
    cli_ok("case", "add", case_dir, packages.b, "--side", "B", "--label", "被告软件")
    return case_dir


@pytest.fixture
def case_dir(tmp_path: Path, sample_packages: SamplePackages) -> Path:
    """A case folder with A and B added (not yet run)."""
    return create_case(tmp_path / "case", sample_packages)


@pytest.fixture
def run_case(case_dir: Path) -> Path:
    """A case folder with A and B added and ``case run`` done."""
    cli_ok("case", "run", case_dir)
    return case_dir


# --------------------------------------------------------------------------- inspection helpers


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def query_db(case: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows of one query on ``case.db`` (a plain connection: closing it leaves no -wal/-shm)."""
    with contextlib.closing(sqlite3.connect(case / "case.db")) as conn:
        return conn.execute(sql, params).fetchall()


def audit_count(case: Path) -> int:
    return query_db(case, "SELECT COUNT(*) FROM audit")[0][0]


def snapshot(case: Path) -> dict[str, object]:
    """Every file under the case folder with its SHA-256 (nothing excluded) + audit rows."""
    files = {}
    for path in sorted(case.rglob("*")):
        if path.is_file() and not path.is_symlink():
            files[path.relative_to(case).as_posix()] = sha256_file(path)
        elif path.is_dir():
            files[path.relative_to(case).as_posix() + "/"] = "dir"
    return {"files": files, "audit_rows": audit_count(case)}


def make_writable(path: Path) -> None:
    """Undo the intake's read-only bits (``chmod u+w``) on a material file or folder."""
    mode = path.stat().st_mode
    path.chmod(mode | stat.S_IWUSR | (stat.S_IXUSR if path.is_dir() else 0))


def material_file(case: Path, material_id: str, name: str) -> Path:
    """The intake copy of file ``name`` inside material ``material_id``."""
    hits = [p for p in (case / "materials" / material_id).rglob(name) if p.is_file()]
    assert len(hits) == 1, hits
    return hits[0]


def flip_one_byte(path: Path, offset: int = 10) -> None:
    """Change one byte of a (read-only) material file in place."""
    make_writable(path)
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def tamper_db(case: Path, *statements: str) -> None:
    """Run raw SQL against ``case.db`` behind the workbench's back."""
    with contextlib.closing(sqlite3.connect(case / "case.db", isolation_level=None)) as conn:
        for sql in statements:
            conn.execute(sql)


def set_zip_flag(data: bytes, bit: int) -> bytes:
    """Set a general-purpose flag bit in every local and central zip header."""
    buf = bytearray(data)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = buf.find(signature)
        while start >= 0:
            flags = int.from_bytes(buf[start + flag_offset: start + flag_offset + 2], "little")
            buf[start + flag_offset: start + flag_offset + 2] = (flags | bit).to_bytes(2, "little")
            start = buf.find(signature, start + 4)
    return bytes(buf)
