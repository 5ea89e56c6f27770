/* build: platform=windows kind=exe */
/* win_exitcode - runs a command, then reports its exit code and CPU times (OpenProcess is used only
 * for GetExitCodeProcess / GetProcessTimes with limited query rights). */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static double filetime_seconds(FILETIME ft)
{
    ULARGE_INTEGER u;
    u.LowPart = ft.dwLowDateTime;
    u.HighPart = ft.dwHighDateTime;
    return (double)u.QuadPart / 1e7;
}

int main(int argc, char **argv)
{
    char cmd[1024] = "";
    STARTUPINFOA si;
    PROCESS_INFORMATION pi;
    HANDLE q;
    DWORD code = 0;
    FILETIME created, exited, kernel, user;
    int i;
    for (i = 1; i < argc; i++) {
        strncat(cmd, argv[i], sizeof cmd - strlen(cmd) - 2);
        strcat(cmd, " ");
    }
    if (!cmd[0]) {
        printf("usage: %s COMMAND [ARGS]\n", argv[0]);
        return 2;
    }
    ZeroMemory(&si, sizeof si);
    si.cb = sizeof si;
    if (!CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi)) {
        printf("cannot start: %lu\n", (unsigned long)GetLastError());
        return 1;
    }
    WaitForSingleObject(pi.hProcess, INFINITE);
    q = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, pi.dwProcessId);
    if (!q)
        q = pi.hProcess;
    GetExitCodeProcess(q, &code);
    if (GetProcessTimes(q, &created, &exited, &kernel, &user))
        printf("user %.3f s, kernel %.3f s\n", filetime_seconds(user), filetime_seconds(kernel));
    printf("exit code %lu\n", (unsigned long)code);
    if (q != pi.hProcess)
        CloseHandle(q);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return (int)code;
}
