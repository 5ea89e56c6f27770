/* hooking: the program patches code or import tables to divert functions (see memory_read.yar for the facts). */

rule inline_hook_writer
{
    meta:
        category = "hooking"
        title = "Plants inline hooks: makes code writable and stores jump opcodes (E9 / FF 25 / movabs+jmp)"
        title_zh = "内联挂钩：修改代码页为可写并写入跳转指令（E9 / FF 25 / movabs+jmp）"
        weight = 4
    condition:
        jmp_writes > 0 and (api_VirtualProtect or api_VirtualProtectEx or api_NtProtectVirtualMemory
                            or api_mprotect or sys_mprotect or api_pkey_mprotect)
}

rule hook_template_bytes
{
    meta:
        category = "hooking"
        title = "Carries absolute-jump hook templates (FF 25 00000000 / movabs rax + jmp rax) and changes page protection"
        title_zh = "含有绝对跳转挂钩模板（FF 25 00000000 / movabs rax + jmp rax）并修改内存页保护属性"
        weight = 3
    strings:
        $abs_jmp = { FF 25 00 00 00 00 ?? ?? ?? ?? ?? ?? ?? ?? }
        $movabs_jmp = { 48 B8 [8] FF E0 }
        $push_ret = { 68 ?? ?? ?? ?? C3 }
    condition:
        ($abs_jmp or $movabs_jmp or #push_ret > 3)
        and (api_VirtualProtect or api_VirtualProtectEx or api_mprotect or sys_mprotect)
        and (api_GetProcAddress or api_dlsym)
}

rule hooking_library
{
    meta:
        category = "hooking"
        title = "Uses a function-hooking library (MinHook, Detours, funchook, subhook, PolyHook)"
        title_zh = "使用函数挂钩库（MinHook、Detours、funchook、subhook、PolyHook）"
        weight = 3
    strings:
        $minhook = "MinHook" ascii wide
        $mh = /MH_(CreateHook|EnableHook|Initialize)/
        $detours = /Detour(Attach|TransactionBegin|TransactionCommit|UpdateThread)/
        $funchook = "funchook_prepare"
        $subhook = "subhook_new"
        $polyhook = "PolyHook" ascii wide
    condition:
        any of them or imp_MH_CreateHook or imp_DetourAttach or imp_DetourTransactionCommit
}

rule iat_patching
{
    meta:
        category = "hooking"
        title = "Patches import address tables: walks a module's import directory and makes it writable"
        title_zh = "导入表挂钩：遍历模块导入表并将其改为可写"
        weight = 3
    condition:
        is_pe and (api_ImageDirectoryEntryToData or api_ImageDirectoryEntryToDataEx or api_RtlImageDirectoryEntryToData)
        and (api_VirtualProtect or api_VirtualProtectEx) and api_GetProcAddress
}

rule win_message_hook
{
    meta:
        category = "hooking"
        title = "Hooks input or window messages system-wide (SetWindowsHookEx: keyboard, mouse, message hooks)"
        title_zh = "在系统范围挂钩输入或窗口消息（SetWindowsHookEx：键盘、鼠标、消息钩子）"
        weight = 3
    condition:
        api_SetWindowsHookExA or api_SetWindowsHookExW
}

rule linux_function_interposer
{
    meta:
        category = "hooking"
        title = "Hooks library functions by interposition: a shared library (for LD_PRELOAD) that defines them and forwards with dlsym(RTLD_NEXT)"
        title_zh = "以符号覆盖方式挂钩库函数：共享库（供 LD_PRELOAD 加载）定义同名函数，并以 dlsym(RTLD_NEXT) 转调原函数"
        weight = 4
    condition:
        is_shared and (arg1_dlsym_is_neg1 or arg1_dlvsym_is_neg1) and (
            exp_gettimeofday or exp_clock_gettime or exp_time or exp_nanosleep or exp_usleep
            or exp_send or exp_recv or exp_sendto or exp_recvfrom or exp_sendmsg or exp_recvmsg
            or exp_read or exp_write or exp_connect or exp_SSL_write or exp_SSL_read
            or exp_ptrace or exp_fopen or exp_open or exp_openat
            or exp_glXSwapBuffers or exp_eglSwapBuffers or exp_SDL_GetTicks or exp_dlopen)
}
