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
        title = "Installs a Windows hook procedure from a DLL (SetWindowsHookEx with a module handle)"
        title_zh = "以模块句柄调用 SetWindowsHookEx，将钩子 DLL 加载进其他进程"
        weight = 4
    condition:
        arg3_SetWindowsHookExA_nonzero or arg3_SetWindowsHookExW_nonzero
}

rule linux_preload_interposer
{
    meta:
        category = "code_injection"
        title = "Shared library that interposes libc functions (for LD_PRELOAD) and forwards with dlsym(RTLD_NEXT)"
        title_zh = "共享库覆盖 libc 函数（供 LD_PRELOAD 注入），并以 dlsym(RTLD_NEXT) 转调原函数"
        weight = 4
    condition:
        is_shared and (arg1_dlsym_is_neg1 or arg1_dlvsym_is_neg1) and (
            exp_gettimeofday or exp_clock_gettime or exp_time or exp_nanosleep or exp_usleep
            or exp_send or exp_recv or exp_sendto or exp_recvfrom or exp_sendmsg or exp_recvmsg
            or exp_read or exp_write or exp_connect or exp_SSL_write or exp_SSL_read
            or exp_glXSwapBuffers or exp_eglSwapBuffers or exp_SDL_GetTicks or exp_dlopen)
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
