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
