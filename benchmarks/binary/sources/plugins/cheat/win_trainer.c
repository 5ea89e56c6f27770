/* build: platform=windows kind=exe */
/* win_trainer - classic single-player trainer: finds the game window, opens the process and freezes the
 * gold/HP values with ReadProcessMemory/WriteProcessMemory. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

static HANDLE open_game(const char *title, DWORD *pid_out)
{
    HWND wnd = FindWindowA(NULL, title);
    DWORD pid = 0;
    if (!wnd) {
        printf("window '%s' not found\n", title);
        return NULL;
    }
    GetWindowThreadProcessId(wnd, &pid);
    *pid_out = pid;
    return OpenProcess(PROCESS_VM_READ | PROCESS_VM_WRITE | PROCESS_VM_OPERATION | PROCESS_QUERY_INFORMATION,
                       FALSE, pid);
}

int main(int argc, char **argv)
{
    DWORD pid;
    HANDLE proc;
    ULONG_PTR gold_addr;
    DWORD value = 0, wanted;
    SIZE_T io = 0;
    int ticks;
    if (argc < 3) {
        printf("usage: %s ADDR_HEX VALUE [WINDOW_TITLE]\n", argv[0]);
        return 2;
    }
    gold_addr = (ULONG_PTR)strtoul(argv[1], NULL, 16);
    wanted = (DWORD)strtoul(argv[2], NULL, 10);
    proc = open_game(argc > 3 ? argv[3] : "Aetheria Online", &pid);
    if (!proc) {
        printf("OpenProcess failed: %lu\n", (unsigned long)GetLastError());
        return 1;
    }
    if (ReadProcessMemory(proc, (LPCVOID)gold_addr, &value, sizeof value, &io))
        printf("[+] pid %lu gold = %lu\n", (unsigned long)pid, (unsigned long)value);
    for (ticks = 0; ticks < 600; ticks++) { /* freeze for one minute */
        if (!WriteProcessMemory(proc, (LPVOID)gold_addr, &wanted, sizeof wanted, &io)) {
            printf("WriteProcessMemory failed: %lu\n", (unsigned long)GetLastError());
            break;
        }
        Sleep(100);
    }
    CloseHandle(proc);
    return 0;
}
