/* build: platform=windows kind=exe */
/* win_kbdhook - auto-fire macro bot: a global low-level keyboard hook (SetWindowsHookEx WH_KEYBOARD_LL)
 * watches for F9 and then spams the attack key into the game with SendInput. */
#include <windows.h>
#include <stdio.h>

static HHOOK g_hook;
static volatile LONG g_autofire;

static LRESULT CALLBACK kbd_proc(int code, WPARAM wparam, LPARAM lparam)
{
    if (code == HC_ACTION && wparam == WM_KEYDOWN) {
        const KBDLLHOOKSTRUCT *k = (const KBDLLHOOKSTRUCT *)lparam;
        if (k->vkCode == VK_F9) {
            InterlockedExchange(&g_autofire, !g_autofire);
            printf("autofire %s\n", g_autofire ? "ON" : "OFF");
            return 1; /* swallow the key */
        }
    }
    return CallNextHookEx(g_hook, code, wparam, lparam);
}

static void CALLBACK fire(HWND wnd, UINT msg, UINT_PTR id, DWORD now)
{
    INPUT in[2];
    (void)wnd; (void)msg; (void)id; (void)now;
    if (!g_autofire)
        return;
    ZeroMemory(in, sizeof in);
    in[0].type = INPUT_KEYBOARD;
    in[0].ki.wVk = VK_SPACE;
    in[1] = in[0];
    in[1].ki.dwFlags = KEYEVENTF_KEYUP;
    SendInput(2, in, sizeof(INPUT));
}

int main(void)
{
    MSG msg;
    g_hook = SetWindowsHookExA(WH_KEYBOARD_LL, kbd_proc, GetModuleHandleA(NULL), 0);
    if (!g_hook) {
        printf("SetWindowsHookEx failed: %lu\n", (unsigned long)GetLastError());
        return 1;
    }
    SetTimer(NULL, 0, 50, fire);
    while (GetMessageA(&msg, NULL, 0, 0) > 0) {
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
    }
    UnhookWindowsHookEx(g_hook);
    return 0;
}
