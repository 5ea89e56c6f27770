/* build: platform=windows kind=exe */
/* win_injector - loads a cheat DLL into the game: VirtualAllocEx + WriteProcessMemory of the DLL path,
 * then CreateRemoteThread on LoadLibraryA. Finds the target by executable name with a toolhelp snapshot. */
#include <windows.h>
#include <tlhelp32.h>
#include <stdio.h>
#include <string.h>

static DWORD find_pid(const char *exe)
{
    PROCESSENTRY32 pe;
    DWORD pid = 0;
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snap == INVALID_HANDLE_VALUE)
        return 0;
    pe.dwSize = sizeof pe;
    if (Process32First(snap, &pe)) {
        do {
            if (_stricmp(pe.szExeFile, exe) == 0) {
                pid = pe.th32ProcessID;
                break;
            }
        } while (Process32Next(snap, &pe));
    }
    CloseHandle(snap);
    return pid;
}

static int inject(DWORD pid, const char *dll)
{
    size_t len = strlen(dll) + 1;
    HANDLE proc = OpenProcess(PROCESS_CREATE_THREAD | PROCESS_VM_OPERATION | PROCESS_VM_WRITE |
                                  PROCESS_QUERY_INFORMATION, FALSE, pid);
    LPVOID remote;
    HANDLE thread;
    FARPROC loadlib;
    if (!proc)
        return -1;
    remote = VirtualAllocEx(proc, NULL, len, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    if (!remote || !WriteProcessMemory(proc, remote, dll, len, NULL)) {
        CloseHandle(proc);
        return -2;
    }
    loadlib = GetProcAddress(GetModuleHandleA("kernel32.dll"), "LoadLibraryA");
    thread = CreateRemoteThread(proc, NULL, 0, (LPTHREAD_START_ROUTINE)(void *)loadlib, remote, 0, NULL);
    if (!thread) {
        VirtualFreeEx(proc, remote, 0, MEM_RELEASE);
        CloseHandle(proc);
        return -3;
    }
    WaitForSingleObject(thread, 5000);
    CloseHandle(thread);
    VirtualFreeEx(proc, remote, 0, MEM_RELEASE);
    CloseHandle(proc);
    return 0;
}

int main(int argc, char **argv)
{
    char full[MAX_PATH];
    DWORD pid;
    int rc;
    if (argc < 3) {
        printf("usage: %s game.exe cheat.dll\n", argv[0]);
        return 2;
    }
    pid = find_pid(argv[1]);
    if (!pid) {
        printf("%s is not running\n", argv[1]);
        return 1;
    }
    GetFullPathNameA(argv[2], MAX_PATH, full, NULL);
    rc = inject(pid, full);
    printf(rc == 0 ? "[inject] %s loaded into %lu\n" : "[inject] failed for %s / %lu\n", full, (unsigned long)pid);
    return rc == 0 ? 0 : 1;
}
