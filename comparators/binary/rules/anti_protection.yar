/* anti_protection: the program detects debuggers or targets the game's protection (see memory_read.yar). */

rule win_anti_debug_patch
{
    meta:
        category = "anti_protection"
        title = "Debugger checks together with patching of memory or code"
        title_zh = "检测调试器并改写内存或代码（反调试/绕过保护）"
        weight = 3
    condition:
        (api_IsDebuggerPresent or api_CheckRemoteDebuggerPresent or api_NtQueryInformationProcess
         or api_NtSetInformationThread)
        and (api_WriteProcessMemory or api_NtWriteVirtualMemory or jmp_writes > 0)
}

rule win_debugger_api_patch
{
    meta:
        category = "anti_protection"
        title = "Resolves debugger-related ntdll routines by name (DbgUiRemoteBreakin, DbgBreakPoint) to patch them"
        title_zh = "按名称解析调试相关的 ntdll 例程（DbgUiRemoteBreakin、DbgBreakPoint）以便改写"
        weight = 3
    condition:
        (dyn_DbgUiRemoteBreakin or dyn_DbgBreakPoint or dyn_NtSetInformationThread)
        and (api_VirtualProtect or api_VirtualProtectEx or api_WriteProcessMemory)
}

rule linux_tracerpid_check
{
    meta:
        category = "anti_protection"
        title = "Looks for its own tracer in /proc/self/status (TracerPid) - debugger detection or its bypass"
        title_zh = "读取自身 /proc/self/status 中的 TracerPid 检测调试器或规避检测"
        weight = 2
    strings:
        $tracer = "TracerPid"
        $self = "/proc/self/status"
    condition:
        // its own status only: a process lister reads other processes' TracerPid for display
        $tracer and $self
}

rule linux_ptrace_traceme
{
    meta:
        category = "anti_protection"
        title = "Calls ptrace(PTRACE_TRACEME) - blocks debuggers from attaching"
        title_zh = "调用 ptrace(PTRACE_TRACEME) 阻止调试器附加"
        weight = 2
    condition:
        arg1_ptrace_is_0
}

rule protection_module_names
{
    meta:
        category = "anti_protection"
        title = "Names anti-cheat / protection drivers or modules (BattlEye, EasyAntiCheat, XIGNCODE, GameGuard, ACE/TP, Vanguard, ...)"
        title_zh = "包含反作弊/保护驱动或模块名称（BattlEye、EasyAntiCheat、XIGNCODE、GameGuard、ACE/TP、Vanguard 等）"
        weight = 2
    strings:
        $be1 = "BEDaisy" nocase ascii wide fullword
        $be2 = "BEService" nocase ascii wide fullword
        $be3 = "BEClient" nocase ascii wide fullword
        $eac1 = "EasyAntiCheat" nocase ascii wide fullword
        $xc1 = "xhunter1" nocase ascii wide fullword
        $xc2 = "XIGNCODE" nocase ascii wide fullword
        $gg1 = "GameGuard" nocase ascii wide fullword
        $gg2 = "npggNT" nocase ascii wide fullword
        $gg3 = "nProtect" nocase ascii wide fullword
        $tp1 = "TesSafe" nocase ascii wide fullword
        $tp2 = "TenProtect" nocase ascii wide fullword
        $tp3 = "ACE-BASE" nocase ascii wide fullword
        $tp4 = "ACE-Guard" nocase ascii wide fullword
        $tp5 = "SGuard64" nocase ascii wide fullword
        $vg1 = "vgk.sys" nocase ascii wide fullword
        $vg2 = "vgc.exe" nocase ascii wide fullword
        $hs1 = "HackShield" nocase ascii wide fullword
        $hs2 = "EhSvc.dll" nocase ascii wide fullword
        $pb1 = "PnkBstrA" nocase ascii wide fullword
        $fc1 = "FACEIT.sys" nocase ascii wide fullword
        $mh1 = "mhyprot" nocase ascii wide fullword
    condition:
        any of them
}

rule native_api_by_name
{
    meta:
        category = "anti_protection"
        title = "Resolves native memory and process services by name at run time (bypasses hooked Win32 APIs and the import table)"
        title_zh = "运行时按名称解析原生内存与进程服务（绕过被监控的 Win32 接口和导入表）"
        weight = 3
    condition:
        is_pe and (api_GetProcAddress or api_LdrGetProcedureAddress) and (
            dyn_NtReadVirtualMemory or dyn_NtWriteVirtualMemory or dyn_NtProtectVirtualMemory
            or dyn_NtOpenProcess or dyn_NtAllocateVirtualMemory or dyn_NtCreateThreadEx
            or dyn_ZwReadVirtualMemory or dyn_ZwWriteVirtualMemory)
}

rule direct_memory_syscall
{
    meta:
        category = "anti_protection"
        title = "Makes memory-access or tracing system calls directly, not through their C library wrappers (bypasses hooked libc)"
        title_zh = "直接发起内存访问或跟踪类系统调用，不经 C 库封装函数（绕过被挂钩的 libc）"
        weight = 3
    condition:
        (sys_process_vm_readv and not imp_process_vm_readv) or (sys_process_vm_writev and not imp_process_vm_writev)
        or (sys_ptrace and not imp_ptrace)
}
