/* build: platform=windows kind=exe */
/* win_hotkey - registers Ctrl+Alt+N as a system hotkey that appends a timestamped note to notes.txt. */
#include <windows.h>
#include <stdio.h>
#include <time.h>

#define HOTKEY_NOTE 1

int main(void)
{
    MSG msg;
    if (!RegisterHotKey(NULL, HOTKEY_NOTE, MOD_CONTROL | MOD_ALT, 'N')) {
        printf("hotkey already taken (%lu)\n", (unsigned long)GetLastError());
        return 1;
    }
    puts("Ctrl+Alt+N adds a note; close the console to quit");
    while (GetMessageA(&msg, NULL, 0, 0) > 0) {
        if (msg.message == WM_HOTKEY && msg.wParam == HOTKEY_NOTE) {
            FILE *fp = fopen("notes.txt", "a");
            time_t now = time(NULL);
            if (fp) {
                fprintf(fp, "note at %s", ctime(&now));
                fclose(fp);
            }
            MessageBeep(MB_OK);
        }
    }
    UnregisterHotKey(NULL, HOTKEY_NOTE);
    return 0;
}
