/* build: platform=windows kind=shared */
/* win_speedhack_dll - injected speed hack: patches the game's import address table so QueryPerformanceCounter
 * and GetTickCount return accelerated time, and falls back to an inline jmp hook on GetTickCount. */
#include <windows.h>
#include <string.h>

static BOOL(WINAPI *real_qpc)(LARGE_INTEGER *);
static DWORD(WINAPI *real_gtc)(void);
static LARGE_INTEGER qpc_base;
static DWORD gtc_base;
static double g_speed = 3.0;

static BOOL WINAPI fast_qpc(LARGE_INTEGER *out)
{
    LARGE_INTEGER now;
    BOOL ok = real_qpc(&now);
    out->QuadPart = qpc_base.QuadPart + (LONGLONG)((double)(now.QuadPart - qpc_base.QuadPart) * g_speed);
    return ok;
}

static LARGE_INTEGER qpc_freq;

/* derived from the performance counter so it stays valid after GetTickCount itself is overwritten */
static DWORD WINAPI fast_gtc(void)
{
    LARGE_INTEGER now;
    double ms;
    real_qpc(&now);
    ms = (double)(now.QuadPart - qpc_base.QuadPart) * 1000.0 / (double)qpc_freq.QuadPart;
    return gtc_base + (DWORD)(ms * g_speed);
}

static int patch_iat(HMODULE module, const char *dll, const char *func, void *hook)
{
    BYTE *base = (BYTE *)module;
    IMAGE_DOS_HEADER *dos = (IMAGE_DOS_HEADER *)base;
    IMAGE_NT_HEADERS *nt = (IMAGE_NT_HEADERS *)(base + dos->e_lfanew);
    IMAGE_DATA_DIRECTORY dir = nt->OptionalHeader.DataDirectory[IMAGE_DIRECTORY_ENTRY_IMPORT];
    IMAGE_IMPORT_DESCRIPTOR *imp = (IMAGE_IMPORT_DESCRIPTOR *)(base + dir.VirtualAddress);
    for (; dir.VirtualAddress && imp->Name; imp++) {
        IMAGE_THUNK_DATA *names, *addrs;
        if (_stricmp((const char *)(base + imp->Name), dll) != 0)
            continue;
        names = (IMAGE_THUNK_DATA *)(base + imp->OriginalFirstThunk);
        addrs = (IMAGE_THUNK_DATA *)(base + imp->FirstThunk);
        for (; names->u1.AddressOfData; names++, addrs++) {
            IMAGE_IMPORT_BY_NAME *byname;
            DWORD old;
            if (IMAGE_SNAP_BY_ORDINAL(names->u1.Ordinal))
                continue;
            byname = (IMAGE_IMPORT_BY_NAME *)(base + names->u1.AddressOfData);
            if (strcmp((const char *)byname->Name, func) != 0)
                continue;
            VirtualProtect(&addrs->u1.Function, sizeof(void *), PAGE_READWRITE, &old);
            addrs->u1.Function = (ULONG_PTR)hook;
            VirtualProtect(&addrs->u1.Function, sizeof(void *), old, &old);
            return 1;
        }
    }
    return 0;
}

static void inline_hook(void *target, void *hook)
{
    unsigned char jmp[14] = {0xFF, 0x25, 0, 0, 0, 0}; /* jmp [rip+0] ; dq hook */
    DWORD old;
    ULONG_PTR dest = (ULONG_PTR)hook;
    memcpy(jmp + 6, &dest, sizeof dest);
    if (VirtualProtect(target, sizeof jmp, PAGE_EXECUTE_READWRITE, &old)) {
        memcpy(target, jmp, sizeof jmp);
        VirtualProtect(target, sizeof jmp, old, &old);
        FlushInstructionCache(GetCurrentProcess(), target, sizeof jmp);
    }
}

static void install(void)
{
    HMODULE k32 = GetModuleHandleA("kernel32.dll");
    HMODULE game = GetModuleHandleA(NULL);
    real_qpc = (BOOL(WINAPI *)(LARGE_INTEGER *))(void *)GetProcAddress(k32, "QueryPerformanceCounter");
    real_gtc = (DWORD(WINAPI *)(void))(void *)GetProcAddress(k32, "GetTickCount");
    if (!real_qpc || !real_gtc)
        return;
    QueryPerformanceFrequency(&qpc_freq);
    real_qpc(&qpc_base);
    gtc_base = real_gtc();
    patch_iat(game, "kernel32.dll", "QueryPerformanceCounter", (void *)fast_qpc);
    if (!patch_iat(game, "kernel32.dll", "GetTickCount", (void *)fast_gtc))
        inline_hook((void *)real_gtc, (void *)fast_gtc);
}

__declspec(dllexport) void set_speed(double factor)
{
    if (factor > 0.0)
        g_speed = factor;
}

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
    (void)reserved;
    if (reason == DLL_PROCESS_ATTACH) {
        DisableThreadLibraryCalls(inst);
        install();
    }
    return TRUE;
}
