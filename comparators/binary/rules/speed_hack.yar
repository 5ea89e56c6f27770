/* speed_hack: the program changes the game's sense of time (see memory_read.yar for the facts). */

rule linux_time_interposer
{
    meta:
        category = "speed_hack"
        title = "Shared library that replaces the time functions (gettimeofday/clock_gettime/time) and calls the originals"
        title_zh = "共享库替换时间函数（gettimeofday/clock_gettime/time）并转调原函数——变速"
        weight = 5
    condition:
        is_shared and (exp_gettimeofday or exp_clock_gettime or exp_time or exp_clock or exp_times
                       or exp_SDL_GetTicks or exp_SDL_GetPerformanceCounter)
        and (api_dlsym or api_dlvsym)
}

rule win_time_proxy_dll
{
    meta:
        category = "speed_hack"
        title = "DLL that exports the Windows time functions (proxy / replacement of timeGetTime, QueryPerformanceCounter, GetTickCount)"
        title_zh = "DLL 导出 Windows 时间函数（代理或替换 timeGetTime、QueryPerformanceCounter、GetTickCount）"
        weight = 4
    condition:
        is_pe and is_shared and (exp_timeGetTime or exp_QueryPerformanceCounter or exp_GetTickCount
                                 or exp_GetTickCount64 or exp_NtQueryPerformanceCounter)
}

rule win_time_function_hook
{
    meta:
        category = "speed_hack"
        title = "Resolves the time functions by name and changes memory protection (hook/IAT patch of the clock)"
        title_zh = "按名称解析时间函数并修改内存保护属性（对计时函数挂钩或改写导入表）"
        weight = 4
    condition:
        (dyn_QueryPerformanceCounter or dyn_GetTickCount or dyn_GetTickCount64 or dyn_timeGetTime
         or dyn_NtQueryPerformanceCounter or dyn_GetSystemTimeAsFileTime)
        and (imp_GetProcAddress or dyn_GetProcAddress)
        and (api_VirtualProtect or api_VirtualProtectEx or api_NtProtectVirtualMemory)
}

rule linux_time_function_hook
{
    meta:
        category = "speed_hack"
        title = "Resolves the time functions by name and makes code writable (hook of the clock)"
        title_zh = "按名称解析时间函数并将代码页改为可写（对计时函数挂钩）"
        weight = 4
    condition:
        is_elf and not is_shared
        and (dyn_gettimeofday or dyn_clock_gettime or dyn_SDL_GetTicks)
        and (api_dlsym or api_dlvsym) and (api_mprotect or sys_mprotect)
}
