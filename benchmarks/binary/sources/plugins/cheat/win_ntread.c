/* build: platform=windows kind=exe */
/* win_ntread - wallhack radar: reads entity positions from the game with NtReadVirtualMemory resolved at run
 * time from ntdll.dll, avoiding the kernel32 ReadProcessMemory export that anti-cheat hooks. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

typedef LONG(NTAPI *NtReadVirtualMemory_t)(HANDLE, PVOID, PVOID, ULONG, PULONG);

struct entity {
    int id;
    int hp;
    float x, y, z;
};

int main(int argc, char **argv)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");
    NtReadVirtualMemory_t nt_read;
    HANDLE proc;
    ULONG_PTR list;
    struct entity ents[64];
    ULONG got = 0;
    LONG status;
    int i;
    if (argc < 3) {
        printf("usage: %s PID ENTITY_LIST_HEX\n", argv[0]);
        return 2;
    }
    nt_read = (NtReadVirtualMemory_t)(void *)GetProcAddress(ntdll, "NtReadVirtualMemory");
    if (!nt_read)
        return 1;
    proc = OpenProcess(PROCESS_VM_READ, FALSE, (DWORD)atoi(argv[1]));
    if (!proc)
        return 1;
    list = (ULONG_PTR)strtoul(argv[2], NULL, 16);
    status = nt_read(proc, (PVOID)list, ents, (ULONG)sizeof ents, &got);
    if (status != 0) {
        printf("NtReadVirtualMemory status 0x%08lx\n", (unsigned long)status);
        CloseHandle(proc);
        return 1;
    }
    for (i = 0; i < (int)(got / sizeof ents[0]); i++)
        if (ents[i].hp > 0)
            printf("entity %d hp %d at (%.1f, %.1f, %.1f)\n", ents[i].id, ents[i].hp, ents[i].x, ents[i].y, ents[i].z);
    CloseHandle(proc);
    return 0;
}
