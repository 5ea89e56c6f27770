"""Small C programs for the binary-indicator tests: cheats and benign look-alikes.

Each entry of :data:`LINUX`, :data:`WINDOWS` and :data:`AARCH64` is a C source; :func:`build`
writes it under a folder and compiles it with the matching compiler (``gcc``,
``x86_64-w64-mingw32-gcc``, ``aarch64-linux-gnu-gcc``). A missing compiler skips the test.
"""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

OPCODES = (0x1001, 0x2A17, 0x3C05)
"""Game-protocol opcodes the packet forger uses (the "genuine client" list of the tests)."""

# --------------------------------------------------------------------------- Linux (x86-64)

LINUX: dict[str, str] = {
    "ptrace_editor": r"""
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
int main(int argc, char **argv) {
    if (argc < 3) return 1;
    pid_t pid = atoi(argv[1]);
    long addr = strtol(argv[2], 0, 16);
    if (ptrace(PTRACE_ATTACH, pid, 0, 0) < 0) return 2;
    waitpid(pid, 0, 0);
    long word = ptrace(PTRACE_PEEKDATA, pid, (void *)addr, 0);
    printf("old %lx\n", word);
    ptrace(PTRACE_POKEDATA, pid, (void *)addr, (void *)(word + 9999));
    ptrace(PTRACE_DETACH, pid, 0, 0);
    return 0;
}
""",
    "vm_writev_libc": r"""
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/uio.h>
int main(int argc, char **argv) {
    if (argc < 3) return 1;
    pid_t pid = atoi(argv[1]);
    void *addr = (void *)strtoul(argv[2], 0, 16);
    int gold = 0;
    struct iovec local = {&gold, sizeof gold}, remote = {addr, sizeof gold};
    process_vm_readv(pid, &local, 1, &remote, 1, 0);
    gold = 999999;
    process_vm_writev(pid, &local, 1, &remote, 1, 0);
    printf("%d\n", gold);
    return 0;
}
""",
    "vm_syscall": r"""
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/uio.h>
#include <unistd.h>
static long raw_writev(long pid, struct iovec *l, struct iovec *r) {
    long ret;
    register long r10 __asm__("r10") = 1;
    register long r8 __asm__("r8") = 0;
    register long r9 __asm__("r9") = 0;
    __asm__ volatile ("mov $311, %%eax\n\tsyscall"
                      : "=a"(ret) : "D"(pid), "S"(l), "d"(1L), "r"(r10), "r"(r8), "r"(r9) : "rcx", "r11", "memory");
    (void)r;
    return ret;
}
int main(int argc, char **argv) {
    if (argc < 3) return 1;
    long pid = atol(argv[1]);
    void *addr = (void *)strtoul(argv[2], 0, 16);
    int hp = 0;
    struct iovec local = {&hp, sizeof hp}, remote = {addr, sizeof hp};
    syscall(310, pid, &local, 1, &remote, 1, 0);
    hp = 100;
    syscall(311, pid, &local, 1, &remote, 1, 0);
    printf("%ld\n", raw_writev(pid, &local, &remote));
    return 0;
}
""",
    "proc_mem_writer": r"""
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(int argc, char **argv) {
    if (argc < 3) return 1;
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/mem", atoi(argv[1]));
    int fd = open(path, O_RDWR);
    if (fd < 0) return 2;
    int money = 123456;
    pwrite(fd, &money, sizeof money, strtol(argv[2], 0, 16));
    close(fd);
    return 0;
}
""",
    "preload_time": r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sys/time.h>
#include <time.h>
static double factor = 3.0;
int gettimeofday(struct timeval *tv, void *tz) {
    static int (*real)(struct timeval *, void *);
    if (!real) real = dlsym(RTLD_NEXT, "gettimeofday");
    int r = real(tv, tz);
    tv->tv_sec = (time_t)(tv->tv_sec * factor);
    return r;
}
int clock_gettime(clockid_t c, struct timespec *ts) {
    static int (*real)(clockid_t, struct timespec *);
    if (!real) real = dlsym(RTLD_NEXT, "clock_gettime");
    int r = real(c, ts);
    ts->tv_sec = (time_t)(ts->tv_sec * factor);
    return r;
}
""",
    "raw_forger": r"""
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
struct pkt { uint16_t len; uint16_t op; uint32_t arg; };
static int emit(int s, struct sockaddr_in *to, uint16_t op, uint32_t arg) {
    volatile struct pkt p;
    p.len = sizeof p; p.op = op; p.arg = arg;
    return (int)sendto(s, (const void *)&p, sizeof p, 0, (struct sockaddr *)to, sizeof *to);
}
int main(int argc, char **argv) {
    int s = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
    if (s < 0) return 1;
    struct sockaddr_in to; memset(&to, 0, sizeof to);
    to.sin_family = AF_INET; to.sin_port = htons(7000);
    inet_pton(AF_INET, argc > 1 ? argv[1] : "127.0.0.1", &to.sin_addr);
    emit(s, &to, 0x1001, 7);
    emit(s, &to, 0x2A17, (uint32_t)argc);
    close(s);
    return 0;
}
""",
    "inline_hook": r"""
#include <stdint.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>
__attribute__((noinline)) int get_speed(void) { return 10; }
__attribute__((noinline)) int fast_speed(void) { return 50; }
int main(void) {
    unsigned char *target = (unsigned char *)get_speed;
    long page = sysconf(_SC_PAGESIZE);
    mprotect((void *)((uintptr_t)target & ~(uintptr_t)(page - 1)), page * 2, PROT_READ | PROT_WRITE | PROT_EXEC);
    int32_t rel = (int32_t)((unsigned char *)fast_speed - (target + 5));
    volatile unsigned char *p = target;
    p[0] = 0xE9;
    p[1] = rel & 0xff; p[2] = (rel >> 8) & 0xff; p[3] = (rel >> 16) & 0xff; p[4] = (rel >> 24) & 0xff;
    printf("%d\n", get_speed());
    return 0;
}
""",
    "anti_debug": r"""
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
static int traced(void) {
    char line[256]; int pid = 0;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "TracerPid:", 10) == 0) sscanf(line + 10, "%d", &pid);
    fclose(f);
    return pid != 0;
}
int main(void) {
    if (ptrace(PTRACE_TRACEME, 0, 0, 0) < 0 || traced()) { puts("debugger"); return 1; }
    puts("clean");
    return 0;
}
""",
    # ---- benign look-alikes
    "benign_copy": r"""
#include <stdio.h>
int main(int argc, char **argv) {
    if (argc < 3) return 1;
    FILE *in = fopen(argv[1], "rb"), *out = fopen(argv[2], "wb");
    if (!in || !out) return 2;
    char buf[4096]; size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
    fclose(in); fclose(out);
    return 0;
}
""",
    "benign_chat": r"""
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
int main(int argc, char **argv) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a; memset(&a, 0, sizeof a);
    a.sin_family = AF_INET; a.sin_port = htons(6667);
    inet_pton(AF_INET, argc > 1 ? argv[1] : "127.0.0.1", &a.sin_addr);
    if (connect(s, (struct sockaddr *)&a, sizeof a) < 0) return 1;
    char line[512];
    while (fgets(line, sizeof line, stdin)) {
        send(s, line, strlen(line), 0);
        ssize_t n = recv(s, line, sizeof line - 1, 0);
        if (n <= 0) break;
        line[n] = 0; fputs(line, stdout);
    }
    close(s);
    return 0;
}
""",
    "benign_stopwatch": r"""
#include <stdio.h>
#include <time.h>
int main(void) {
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    getchar();
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("%.3f s\n", (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9);
    return 0;
}
""",
    "benign_status": r"""
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", argc > 1 ? atoi(argv[1]) : 1);
    FILE *f = fopen(path, "r");
    if (!f) return 1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) fputs(line, stdout);
    fclose(f);
    return 0;
}
""",
}

SHARED = {"preload_time"}
"""Linux sources built as shared libraries (``-shared -fPIC``)."""

# --------------------------------------------------------------------------- Windows (mingw, PE32+)

WINDOWS: dict[str, str] = {
    "trainer": r"""
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    if (argc < 3) return 1;
    HANDLE h = OpenProcess(PROCESS_VM_READ | PROCESS_VM_WRITE | PROCESS_VM_OPERATION, FALSE, atoi(argv[1]));
    if (!h) return 2;
    LPVOID addr = (LPVOID)strtoull(argv[2], 0, 16);
    int gold = 0; SIZE_T n;
    ReadProcessMemory(h, addr, &gold, sizeof gold, &n);
    gold += 100000;
    WriteProcessMemory(h, addr, &gold, sizeof gold, &n);
    CloseHandle(h);
    printf("%d\n", gold);
    return 0;
}
""",
    "injector": r"""
#include <windows.h>
#include <string.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    if (argc < 3) return 1;
    HANDLE h = OpenProcess(PROCESS_ALL_ACCESS, FALSE, atoi(argv[1]));
    if (!h) return 2;
    SIZE_T len = strlen(argv[2]) + 1;
    LPVOID remote = VirtualAllocEx(h, NULL, len, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    WriteProcessMemory(h, remote, argv[2], len, NULL);
    FARPROC ll = GetProcAddress(GetModuleHandleA("kernel32.dll"), "LoadLibraryA");
    HANDLE t = CreateRemoteThread(h, NULL, 0, (LPTHREAD_START_ROUTINE)ll, remote, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    return 0;
}
""",
    "hook_setter": r"""
#include <windows.h>
int main(int argc, char **argv) {
    HMODULE dll = LoadLibraryA(argc > 1 ? argv[1] : "aimbot.dll");
    if (!dll) return 1;
    HOOKPROC proc = (HOOKPROC)GetProcAddress(dll, "GetMsgProc");
    HHOOK hook = SetWindowsHookExA(WH_GETMESSAGE, proc, dll, 0);
    MSG msg;
    while (GetMessageA(&msg, NULL, 0, 0) > 0) DispatchMessageA(&msg);
    UnhookWindowsHookEx(hook);
    return 0;
}
""",
    "nt_reader": r"""
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
typedef LONG (NTAPI *NtRead)(HANDLE, PVOID, PVOID, SIZE_T, PSIZE_T);
int main(int argc, char **argv) {
    if (argc < 3) return 1;
    NtRead rd = (NtRead)GetProcAddress(GetModuleHandleA("ntdll.dll"), "NtReadVirtualMemory");
    HANDLE h = OpenProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, FALSE, atoi(argv[1]));
    int v = 0; SIZE_T n = 0;
    rd(h, (PVOID)strtoull(argv[2], 0, 16), &v, sizeof v, &n);
    printf("%d\n", v);
    return 0;
}
""",
    "inline_hook": r"""
#include <windows.h>
#include <stdio.h>
__attribute__((noinline)) int get_speed(void) { return 10; }
__attribute__((noinline)) int fast_speed(void) { return 50; }
int main(void) {
    unsigned char *target = (unsigned char *)get_speed;
    DWORD old;
    VirtualProtect(target, 16, PAGE_EXECUTE_READWRITE, &old);
    LONG rel = (LONG)((unsigned char *)fast_speed - (target + 5));
    volatile unsigned char *p = target;
    p[0] = 0xE9;
    p[1] = rel & 0xff; p[2] = (rel >> 8) & 0xff; p[3] = (rel >> 16) & 0xff; p[4] = (rel >> 24) & 0xff;
    VirtualProtect(target, 16, old, &old);
    printf("%d\n", get_speed());
    return 0;
}
""",
    "speed_iat": r"""
#include <windows.h>
#include <stdio.h>
static BOOL (WINAPI *real_qpc)(LARGE_INTEGER *);
static BOOL WINAPI fast_qpc(LARGE_INTEGER *c) { BOOL r = real_qpc(c); c->QuadPart *= 4; return r; }
int main(void) {
    HMODULE k = GetModuleHandleA("kernel32.dll");
    real_qpc = (BOOL (WINAPI *)(LARGE_INTEGER *))GetProcAddress(k, "QueryPerformanceCounter");
    void **slot = (void **)&real_qpc;
    DWORD old;
    VirtualProtect(slot, sizeof *slot, PAGE_READWRITE, &old);
    LARGE_INTEGER v; fast_qpc(&v);
    printf("%lld\n", (long long)v.QuadPart);
    return 0;
}
""",
    # ---- benign look-alikes
    "benign_stopwatch": r"""
#include <windows.h>
#include <stdio.h>
int main(void) {
    LARGE_INTEGER f, a, b;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&a);
    getchar();
    QueryPerformanceCounter(&b);
    printf("%.3f s\n", (double)(b.QuadPart - a.QuadPart) / (double)f.QuadPart);
    return 0;
}
""",
    "benign_copy": r"""
#include <windows.h>
int main(int argc, char **argv) {
    if (argc < 3) return 1;
    return CopyFileA(argv[1], argv[2], FALSE) ? 0 : 2;
}
""",
}

# --------------------------------------------------------------------------- Linux (aarch64)

AARCH64: dict[str, str] = {
    "vm_svc": r"""
#include <stdio.h>
#include <stdlib.h>
#include <sys/uio.h>
static long raw_writev(long pid, struct iovec *l, struct iovec *r) {
    register long x0 __asm__("x0") = pid;
    register long x1 __asm__("x1") = (long)l;
    register long x2 __asm__("x2") = 1;
    register long x3 __asm__("x3") = (long)r;
    register long x4 __asm__("x4") = 1;
    register long x5 __asm__("x5") = 0;
    __asm__ volatile ("mov x8, #271\n\tsvc #0" : "+r"(x0) : "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
                      : "x8", "memory");
    return x0;
}
int main(int argc, char **argv) {
    if (argc < 3) return 1;
    int v = 5;
    struct iovec l = {&v, sizeof v}, r = {(void *)strtoul(argv[2], 0, 16), sizeof v};
    printf("%ld\n", raw_writev(atol(argv[1]), &l, &r));
    return 0;
}
""",
}

COMPILERS = {"linux": "gcc", "windows": "x86_64-w64-mingw32-gcc", "aarch64": "aarch64-linux-gnu-gcc"}


def compiler(platform: str) -> str:
    """The compiler for ``platform`` ("linux", "windows", "aarch64"); skips the test when it is missing."""
    cc = COMPILERS[platform]
    if shutil.which(cc) is None:
        pytest.skip(f"{cc} is not installed")
    return cc


def build(folder: Path, platform: str, name: str, source: str, extra: tuple[str, ...] = ()) -> Path:
    """Write ``source`` as ``folder/name.c`` and compile it for ``platform``; the program's path."""
    cc = compiler(platform)
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / f"{name}.c"
    src.write_text(source, encoding="utf-8")
    suffix = {"linux": "", "aarch64": ".arm64", "windows": ".exe"}[platform]
    args = [cc, "-O2", "-o"]
    if platform in ("linux", "aarch64") and name in SHARED:
        out = folder / f"lib{name}.so"
        args = [cc, "-O2", "-shared", "-fPIC", "-o"]
        extra = (*extra, "-ldl")
    else:
        out = folder / f"{name}{suffix}"
    proc = subprocess.run([*args, str(out), str(src), *extra], capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        pytest.skip(f"{cc} could not build {name}: {proc.stderr.strip()[:300]}")
    return out


def build_all(folder: Path, platform: str, sources: dict[str, str]) -> dict[str, Path]:
    """Compile every source of ``sources`` for ``platform``; name → program path."""
    compiler(platform)
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = {name: pool.submit(build, folder, platform, name, src) for name, src in sources.items()}
        return {name: future.result() for name, future in futures.items()}
