"""Cheat indicators of compiled programs: each cheat is found with located evidence, benign programs are quiet.

The programs are small C sources (``tests/binary_fixtures.py``) compiled once per module with
gcc, mingw-w64 and the aarch64 cross compiler; a missing compiler skips its tests.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import capstone
import lief
import pytest
from binary_fixtures import AARCH64, LINUX, OPCODES, WINDOWS, build_all

from comparators.binary import indicators as ind
from comparators.errors import InputError

lief.logging.disable()

# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def linux(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("linux"), "linux", LINUX)


@pytest.fixture(scope="module")
def windows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("windows"), "windows", WINDOWS)


@pytest.fixture(scope="module")
def arm64(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_all(tmp_path_factory.mktemp("arm64"), "aarch64", AARCH64)


_SCANS: dict[tuple[Path, tuple[int, ...]], list[ind.Indicator]] = {}


def scan(path: Path, opcodes: tuple[int, ...] = ()) -> list[ind.Indicator]:
    """Scan once per (program, opcodes) for the whole module."""
    key = (path, opcodes)
    if key not in _SCANS:
        _SCANS[key] = ind.scan(path, opcodes=opcodes)
    return _SCANS[key]


def rules_of(found: list[ind.Indicator]) -> set[str]:
    return {i.rule for i in found}


def by_rule(found: list[ind.Indicator], rule: str) -> ind.Indicator:
    hits = [i for i in found if i.rule == rule]
    assert hits, f"rule {rule} not found among {sorted(rules_of(found))}"
    return hits[0]


# --------------------------------------------------------------------------- evidence checks


def _disasm_at(path: Path, offset: int, address: int) -> tuple[str, str]:
    """Mnemonic and operands of the instruction at a file offset."""
    data = path.read_bytes()[offset:offset + 16]
    binary = lief.parse(str(path))
    if isinstance(binary, lief.ELF.Binary) and binary.header.machine_type == lief.ELF.ARCH.AARCH64:
        md = capstone.Cs(capstone.CS_ARCH_ARM64, capstone.CS_MODE_ARM)
    else:
        md = capstone.Cs(capstone.CS_ARCH_X86, capstone.CS_MODE_64)
    insn = next(md.disasm_lite(data, address), None)
    assert insn is not None, f"no instruction at offset {offset:#x}"
    return insn[2], insn[3]


def _lief_offset(path: Path, address: int) -> int:
    """File offset of a virtual address, computed by LIEF (independent of the module's own mapping)."""
    binary = lief.parse(str(path))
    if isinstance(binary, lief.PE.Binary):
        return binary.rva_to_offset(address - binary.optional_header.imagebase)
    return binary.virtual_address_to_offset(address)


def _section_of(path: Path, address: int) -> str:
    binary = lief.parse(str(path))
    if isinstance(binary, lief.PE.Binary):
        return binary.section_from_rva(address - binary.optional_header.imagebase).name
    return binary.section_from_virtual_address(address).name


def check_evidence(path: Path, indicator: ind.Indicator) -> None:
    """Every piece of evidence is located, consistent with LIEF, and shows what it claims."""
    assert indicator.evidence, indicator
    assert len(indicator.evidence) <= ind.MAX_EVIDENCE
    keys = [(e.address is None, e.address or 0, e.offset or 0) for e in indicator.evidence]
    assert keys == sorted(keys)
    data = path.read_bytes()
    for e in indicator.evidence:
        assert e.kind in ("import", "call", "string", "syscall", "bytes", "export", "constant")
        if e.kind in ("call", "syscall", "bytes", "constant", "export"):
            assert e.address is not None and e.offset is not None, e
            assert _lief_offset(path, e.address) == e.offset, e
            assert _section_of(path, e.address) == e.section, e
            assert e.section in (".text",), e
        if e.kind == "call" or (e.kind == "syscall" and "libc syscall()" in e.text):
            mnem, _ops = _disasm_at(path, e.offset, e.address)
            assert mnem in ("call", "bl", "blx"), (e, mnem)
        elif e.kind == "syscall":
            mnem, _ops = _disasm_at(path, e.offset, e.address)
            assert mnem in ("syscall", "svc"), (e, mnem)
        elif e.kind == "constant":
            value = int(re.search(r"opcode (0x[0-9a-f]+)", e.text).group(1), 16)
            _mnem, ops = _disasm_at(path, e.offset, e.address)
            assert f"{value:#x}" in ops, (e, ops)
        elif e.kind == "bytes" and "writes" in e.text:
            mnem, ops = _disasm_at(path, e.offset, e.address)
            assert mnem == "mov" and ops.endswith("0xe9"), (e, ops)
        elif e.kind == "import":
            assert e.address is not None, e
            assert e.section in (".got", ".got.plt", ".idata", ".rdata"), e
        elif e.kind == "string":
            assert e.offset is not None
            raw = data[e.offset:e.offset + 2 * len(e.text)]
            assert raw.startswith(e.text.encode()) or raw.startswith(e.text.encode("utf-16-le")), e
            assert e.section in (".rodata", ".rdata", ".data"), e
            assert e.address is not None and _lief_offset(path, e.address) == e.offset


def assert_found(path: Path, found: list[ind.Indicator], rule: str, category: str) -> ind.Indicator:
    indicator = by_rule(found, rule)
    assert indicator.category == category
    check_evidence(path, indicator)
    return indicator


def kinds(indicator: ind.Indicator) -> set[str]:
    return {e.kind for e in indicator.evidence}


# --------------------------------------------------------------------------- Linux cheats


def test_ptrace_memory_editor(linux: dict[str, Path]) -> None:
    path = linux["ptrace_editor"]
    found = scan(path)
    peek = assert_found(path, found, "linux_ptrace_peek", "memory_read")
    poke = assert_found(path, found, "linux_ptrace_poke", "memory_write")
    assert_found(path, found, "linux_ptrace_attach", "memory_read")
    assert any(e.kind == "call" and "arg1=0x2" in e.text for e in peek.evidence)
    assert any(e.kind == "call" and "arg1=0x5" in e.text for e in poke.evidence)
    assert any(e.kind == "import" and e.text == "ptrace" for e in poke.evidence)
    assert "linux_ptrace_traceme" not in rules_of(found)


def test_process_vm_writev_via_libc(linux: dict[str, Path]) -> None:
    path = linux["vm_writev_libc"]
    found = scan(path)
    write = assert_found(path, found, "linux_process_vm_writev", "memory_write")
    assert_found(path, found, "linux_process_vm_readv", "memory_read")
    assert {"import", "call"} <= kinds(write)
    assert all("process_vm_writev" in e.text for e in write.evidence)


def test_process_vm_writev_via_raw_syscall(linux: dict[str, Path]) -> None:
    path = linux["vm_syscall"]
    found = scan(path)
    write = assert_found(path, found, "linux_process_vm_writev", "memory_write")
    texts = [e.text for e in write.evidence if e.kind == "syscall"]
    assert any("311" in t and "raw" in t for t in texts), texts
    assert any("311" in t and "libc syscall()" in t for t in texts), texts
    read = assert_found(path, found, "linux_process_vm_readv", "memory_read")
    assert any("310" in e.text for e in read.evidence)
    assert_found(path, found, "direct_memory_syscall", "anti_protection")  # around the libc wrappers
    libc = scan(linux["vm_writev_libc"])
    assert not [i for i in libc if i.rule == "direct_memory_syscall"]  # the wrapper itself: no evasion


def test_raw_svc_on_arm64(arm64: dict[str, Path]) -> None:
    path = arm64["vm_svc"]
    found = scan(path)
    write = assert_found(path, found, "linux_process_vm_writev", "memory_write")
    assert any(e.kind == "syscall" and "271" in e.text for e in write.evidence)


def test_proc_pid_mem_writer(linux: dict[str, Path]) -> None:
    path = linux["proc_mem_writer"]
    found = scan(path)
    write = assert_found(path, found, "linux_proc_pid_mem_write", "memory_write")
    assert any(e.kind == "string" and e.text == "/proc/%d/mem" for e in write.evidence)
    assert any(e.kind == "call" and e.text.startswith("call open") and "arg2=0x2" in e.text for e in write.evidence)


def test_ld_preload_time_interposer(linux: dict[str, Path]) -> None:
    path = linux["preload_time"]
    found = scan(path)
    speed = assert_found(path, found, "linux_time_interposer", "speed_hack")
    inject = assert_found(path, found, "linux_function_interposer", "hooking")  # the library hooks; a launcher injects
    assert not [i for i in found if i.category == "code_injection"]
    exports = {e.text for e in speed.evidence if e.kind == "export"}
    assert exports == {"gettimeofday", "clock_gettime"}
    assert any(e.kind == "call" and "dlsym" in e.text and "arg1=-0x1" in e.text for e in inject.evidence)


def test_raw_socket_packet_forger(linux: dict[str, Path]) -> None:
    path = linux["raw_forger"]
    found = scan(path, OPCODES)
    raw = assert_found(path, found, "raw_socket", "packet_forge")
    assert any(e.kind == "call" and "socket" in e.text and "arg2=0x3" in e.text for e in raw.evidence)
    opc = assert_found(path, found, "game_opcode_constants", "packet_forge")
    seen = {int(re.search(r"opcode (0x[0-9a-f]+)", e.text).group(1), 16) for e in opc.evidence if e.kind == "constant"}
    assert seen == {0x1001, 0x2A17}  # 0x3C05 is in the expert's list but not in the program
    assert any(e.kind == "call" and "sendto" in e.text for e in opc.evidence)
    assert "game_opcode_constants" not in rules_of(scan(path))  # no opcode list, no opcode indicator


def test_inline_hook_and_anti_debug(linux: dict[str, Path]) -> None:
    path = linux["inline_hook"]
    hook = assert_found(path, scan(path), "inline_hook_writer", "hooking")
    assert {"bytes", "call", "import"} <= kinds(hook)
    path = linux["anti_debug"]
    found = scan(path)
    trace = assert_found(path, found, "linux_ptrace_traceme", "anti_protection")
    assert any("arg1=0x0" in e.text for e in trace.evidence)
    tracer = assert_found(path, found, "linux_tracerpid_check", "anti_protection")
    assert {"TracerPid", "/proc/self/status"} <= {e.text for e in tracer.evidence}


@pytest.mark.parametrize("name", ["benign_copy", "benign_chat", "benign_stopwatch", "benign_status"])
def test_benign_linux_programs_raise_nothing(linux: dict[str, Path], name: str) -> None:
    assert scan(linux[name], OPCODES) == []


# --------------------------------------------------------------------------- Windows cheats


def test_windows_trainer(windows: dict[str, Path]) -> None:
    path = windows["trainer"]
    found = scan(path)
    read = assert_found(path, found, "win_read_process_memory", "memory_read")
    write = assert_found(path, found, "win_write_process_memory", "memory_write")
    for indicator, api in ((read, "ReadProcessMemory"), (write, "WriteProcessMemory")):
        imports = [e for e in indicator.evidence if e.kind == "import" and e.text == api]
        assert imports and imports[0].section == ".idata"
        assert any(e.kind == "call" and e.text == f"call {api}" for e in indicator.evidence)
    rights = assert_found(path, found, "win_open_process_vm_write", "memory_write")
    assert any("OpenProcess (arg1=0x38)" in e.text for e in rights.evidence)


def test_windows_iat_slot_address_matches_lief(windows: dict[str, Path]) -> None:
    path = windows["trainer"]
    binary = lief.parse(str(path))
    slots = {e.name: binary.optional_header.imagebase + e.iat_address for imp in binary.imports for e in imp.entries}
    write = by_rule(scan(path), "win_write_process_memory")
    (slot,) = [e.address for e in write.evidence if e.kind == "import"]
    assert slot == slots["WriteProcessMemory"]


def test_windows_dll_injector(windows: dict[str, Path]) -> None:
    path = windows["injector"]
    found = scan(path)
    inj = assert_found(path, found, "win_dll_injection", "code_injection")
    assert_found(path, found, "win_remote_thread_injection", "code_injection")
    calls = {e.text for e in inj.evidence if e.kind == "call"}
    assert {"call VirtualAllocEx", "call WriteProcessMemory", "call CreateRemoteThread"} <= calls
    assert any(e.kind == "string" and e.text == "LoadLibraryA" for e in inj.evidence)  # resolved by name


def test_windows_hook_setter(windows: dict[str, Path]) -> None:
    path = windows["hook_setter"]
    found = scan(path)
    hook = assert_found(path, found, "win_windows_hook_injection", "code_injection")  # WH_GETMESSAGE from a DLL
    assert any(e.kind == "call" and "SetWindowsHookExA" in e.text for e in hook.evidence)
    assert_found(path, found, "win_message_hook", "hooking")


def test_windows_ntdll_resolved_by_name(windows: dict[str, Path]) -> None:
    path = windows["nt_reader"]
    found = scan(path)
    read = assert_found(path, found, "win_read_process_memory", "memory_read")
    evade = assert_found(path, found, "native_api_by_name", "anti_protection")  # around the hooked Win32 API
    assert any(e.kind == "string" and e.text == "NtReadVirtualMemory" for e in evade.evidence)
    strings = [e for e in read.evidence if e.kind == "string"]
    assert [e.text for e in strings] == ["NtReadVirtualMemory"]
    assert strings[0].section == ".rdata"


def test_windows_inline_hook_and_speed_hack(windows: dict[str, Path]) -> None:
    path = windows["inline_hook"]
    hook = assert_found(path, scan(path), "inline_hook_writer", "hooking")
    assert "bytes" in kinds(hook)
    path = windows["speed_iat"]
    speed = assert_found(path, scan(path), "win_time_function_hook", "speed_hack")
    assert any(e.kind == "string" and e.text == "QueryPerformanceCounter" for e in speed.evidence)


@pytest.mark.parametrize("name", ["benign_stopwatch", "benign_copy"])
def test_benign_windows_programs_raise_nothing(windows: dict[str, Path], name: str) -> None:
    assert scan(windows[name], OPCODES) == []


# --------------------------------------------------------------------------- interface and rules


def test_output_is_deterministic_and_serialisable(linux: dict[str, Path]) -> None:
    path = linux["raw_forger"]
    first = ind.scan(path, opcodes=OPCODES)
    again = ind.scan(path, data=path.read_bytes(), opcodes=list(reversed(OPCODES)))
    assert first == again
    assert first == sorted(first, key=lambda i: (i.category, i.rule, i.source))
    as_dict = first[0].to_dict()
    assert set(as_dict) >= {"category", "rule", "title", "title_zh", "evidence", "weight"}
    assert as_dict["evidence"][0]["address"].startswith("0x")


def test_rule_files_are_complete() -> None:
    files = sorted(p.stem for p in ind.RULES_DIR.glob("*.yar"))
    assert set(files) == set(ind.CATEGORIES)
    ruleset = ind._rules(ind.RULES_DIR)
    names = [rule for (_ns, rule) in ruleset.facts]
    assert len(names) == len(set(names)), "rule names must be unique"
    for path in ind.RULES_DIR.glob("*.yar"):
        text = path.read_text(encoding="utf-8")
        for block in re.split(r"\nrule ", text)[1:]:
            name = block.split()[0]
            assert f'category = "{path.stem}"' in block, name
            assert re.search(r'title_zh = "[^"]*[\u4e00-\u9fff]', block), name
            assert re.search(r"title = \"", block) and re.search(r"weight = [1-5]\b", block), name


def test_commission_can_extend_rules(tmp_path: Path, linux: dict[str, Path]) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(ind.RULES_DIR, rules)
    before = ind.rules_fingerprint(rules)
    assert before == ind.rules_fingerprint(ind.RULES_DIR) and re.fullmatch(r"[0-9a-f]{16}", before)
    (rules / "custom.yar").write_text(
        'rule status_reader { meta: category = "anti_protection" title = "t" title_zh = "读取状态" weight = 1\n'
        '  strings: $s = "VmRSS:" condition: $s and imp_fopen }\n', encoding="utf-8")
    assert ind.rules_fingerprint(rules) != before
    found = ind.scan(linux["benign_status"], rules_dir=rules)
    (hit,) = found
    assert hit.rule == "status_reader" and hit.source == "custom"
    assert {"string", "import", "call"} <= kinds(hit)
    (rules / "broken.yar").write_text("rule broken { condition: imx_foo }\n", encoding="utf-8")
    with pytest.raises(ind.RuleError, match="broken.yar"):
        ind.scan(linux["benign_status"], rules_dir=rules)


def test_malformed_inputs_raise_input_error(tmp_path: Path, linux: dict[str, Path], windows: dict[str, Path]) -> None:
    elf = linux["benign_copy"].read_bytes()
    pe = windows["benign_copy"].read_bytes()
    cases = {
        "empty": b"",
        "random": os.urandom(4096),
        "text": b"#!/bin/sh\necho hello\n",
        "truncated_elf": elf[: len(elf) // 2],
        "elf_header_only": elf[:64],
        "elf_magic": b"\x7fELF" + b"\0" * 60,
        "truncated_pe": pe[:1024],
        "mz_only": b"MZ" + os.urandom(200),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(InputError) as info:
            ind.scan(path)
        assert info.value.path == str(path), name
        with pytest.raises(InputError):
            ind.scan(path, data=data)
    with pytest.raises(InputError, match="cannot read"):
        ind.scan(tmp_path / "missing")
    with pytest.raises(InputError, match="limit"):
        ind.scan(linux["benign_copy"], max_bytes=1000)
