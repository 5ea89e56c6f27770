/* code_injection: the program puts code into another process (see memory_read.yar for the facts). */

rule win_remote_thread_injection
{
    meta:
        category = "code_injection"
        title = "Allocates, writes and starts code in another process (VirtualAllocEx + WriteProcessMemory + CreateRemoteThread)"
        title_zh = "在其他进程中分配内存、写入并启动代码（VirtualAllocEx + WriteProcessMemory + CreateRemoteThread）"
        weight = 5
    condition:
        (api_VirtualAllocEx or api_VirtualAlloc2 or api_NtAllocateVirtualMemory)
        and (api_WriteProcessMemory or api_NtWriteVirtualMemory)
        and (api_CreateRemoteThread or api_CreateRemoteThreadEx or api_NtCreateThreadEx or api_RtlCreateUserThread)
}

rule win_dll_injection
{
    meta:
        category = "code_injection"
        title = "Injects a DLL: a remote thread started at LoadLibrary"
        title_zh = "DLL 注入：以 LoadLibrary 为入口启动远程线程"
        weight = 5
    condition:
        (api_VirtualAllocEx or api_NtAllocateVirtualMemory)
        and (api_WriteProcessMemory or api_NtWriteVirtualMemory)
        and (api_CreateRemoteThread or api_CreateRemoteThreadEx or api_NtCreateThreadEx or api_RtlCreateUserThread)
        and (api_LoadLibraryA or api_LoadLibraryW or api_LoadLibraryExA or api_LoadLibraryExW or api_LdrLoadDll)
}

rule win_nt_create_thread_ex
{
    meta:
        category = "code_injection"
        title = "Starts threads through the undocumented NtCreateThreadEx / RtlCreateUserThread"
        title_zh = "通过未公开的 NtCreateThreadEx / RtlCreateUserThread 创建线程"
        weight = 3
    condition:
        api_NtCreateThreadEx or api_ZwCreateThreadEx or api_RtlCreateUserThread
}

rule win_apc_injection
{
    meta:
        category = "code_injection"
        title = "Queues an APC into another process's thread after writing code there"
        title_zh = "向其他进程写入代码后通过 APC 队列执行"
        weight = 4
    condition:
        (api_QueueUserAPC or api_NtQueueApcThread or api_NtQueueApcThreadEx)
        and (api_WriteProcessMemory or api_NtWriteVirtualMemory or api_VirtualAllocEx)
}

rule win_windows_hook_injection
{
    meta:
        category = "code_injection"
        title = "Installs a Windows hook procedure from a DLL (SetWindowsHookEx with a module handle, not a low-level hook)"
        title_zh = "以模块句柄调用 SetWindowsHookEx（非低级钩子），将钩子 DLL 加载进其他进程"
        weight = 4
    condition:
        // WH_KEYBOARD_LL (13) and WH_MOUSE_LL (14) run in the installing process: nothing is injected
        (arg3_SetWindowsHookExA_nonzero and not (arg1_SetWindowsHookExA_is_13 or arg1_SetWindowsHookExA_is_14))
        or (arg3_SetWindowsHookExW_nonzero and not (arg1_SetWindowsHookExW_is_13 or arg1_SetWindowsHookExW_is_14))
}

rule linux_ld_preload_launcher
{
    meta:
        category = "code_injection"
        title = "Sets LD_PRELOAD to load a library into the program it starts"
        title_zh = "设置 LD_PRELOAD 环境变量，向所启动的程序注入共享库"
        weight = 3
    strings:
        $assign = "LD_PRELOAD="
        $name = "LD_PRELOAD\x00"
    condition:
        is_elf and ($assign or ($name and (api_setenv or api_putenv)))
        and (api_execve or api_execv or api_execvp or api_execl or api_execle or api_execlp or api_posix_spawn
             or api_system or api_popen)
}
