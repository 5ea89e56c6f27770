/* build: platform=windows kind=exe */
/* win_window_lister - lists visible top-level windows with their owning process id, like a task switcher. */
#include <windows.h>
#include <stdio.h>

static BOOL CALLBACK each_window(HWND wnd, LPARAM count)
{
    char title[256];
    DWORD pid = 0;
    if (!IsWindowVisible(wnd) || GetWindowTextA(wnd, title, sizeof title) == 0)
        return TRUE;
    GetWindowThreadProcessId(wnd, &pid);
    printf("%6lu  %s\n", (unsigned long)pid, title);
    ++*(int *)count;
    return TRUE;
}

int main(void)
{
    int count = 0;
    EnumWindows(each_window, (LPARAM)&count);
    printf("%d windows\n", count);
    return 0;
}
