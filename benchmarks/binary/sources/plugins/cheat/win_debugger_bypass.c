/* build: platform=windows kind=exe */
/* win_debugger_bypass - lets a debugger sit on a protected game: patches IsDebuggerPresent and
 * CheckRemoteDebuggerPresent in the target to "return FALSE" and clears PEB.BeingDebugged. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

typedef LONG(NTAPI *NtQueryInformationProcess_t)(HANDLE, int, PVOID, ULONG, PULONG);

struct basic_info {
    PVOID reserved1;
    PVOID peb;
    PVOID reserved2[2];
    ULONG_PTR pid;
    PVOID reserved3;
};

static int patch_export(HANDLE proc, const char *name, const unsigned char *code, SIZE_T len)
{
    void *fn = (void *)GetProcAddress(GetModuleHandleA("kernel32.dll"), name);
    DWORD old;
    if (!fn || !VirtualProtectEx(proc, fn, len, PAGE_EXECUTE_READWRITE, &old))
        return 0;
    WriteProcessMemory(proc, fn, code, len, NULL);
    VirtualProtectEx(proc, fn, len, old, &old);
    return 1;
}

int main(int argc, char **argv)
{
    static const unsigned char ret_false[] = {0x31, 0xC0, 0xC3};                   /* xor eax,eax ; ret */
    static const unsigned char ret_false_8[] = {0x31, 0xC0, 0xC2, 0x08, 0x00};    /* xor eax,eax ; ret 8 */
    NtQueryInformationProcess_t nqip;
    struct basic_info pbi;
    HANDLE proc;
    BOOL remote = FALSE;
    BYTE zero = 0;
    if (argc < 2) {
        printf("usage: %s PID\n", argv[0]);
        return 2;
    }
    proc = OpenProcess(PROCESS_ALL_ACCESS, FALSE, (DWORD)atoi(argv[1]));
    if (!proc)
        return 1;
    CheckRemoteDebuggerPresent(proc, &remote);
    printf("debugger currently %s; local IsDebuggerPresent=%d\n", remote ? "visible" : "hidden", IsDebuggerPresent());
    patch_export(proc, "IsDebuggerPresent", ret_false, sizeof ret_false);
    patch_export(proc, "CheckRemoteDebuggerPresent", ret_false_8, sizeof ret_false_8);
    nqip = (NtQueryInformationProcess_t)(void *)GetProcAddress(GetModuleHandleA("ntdll.dll"),
                                                                "NtQueryInformationProcess");
    if (nqip && nqip(proc, 0, &pbi, sizeof pbi, NULL) == 0)
        WriteProcessMemory(proc, (BYTE *)pbi.peb + 2, &zero, 1, NULL); /* PEB.BeingDebugged */
    CloseHandle(proc);
    puts("anti-debug checks neutralised");
    return 0;
}
