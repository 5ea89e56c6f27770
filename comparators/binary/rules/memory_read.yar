/*
 * memory_read: the program reads the memory of another process.
 *
 * Facts (imp_/dyn_/api_/sys_/argK_...) are computed by comparators/binary/indicators.py with
 * LIEF and capstone and passed to YARA as external variables; see that module's docstring.
 * Every rule needs meta: category, title, title_zh (Chinese), weight (1-5).
 */

rule win_read_process_memory
{
    meta:
        category = "memory_read"
        title = "Reads another process's memory (ReadProcessMemory / NtReadVirtualMemory)"
        title_zh = "读取其他进程内存（ReadProcessMemory / NtReadVirtualMemory）"
        weight = 3
    condition:
        api_ReadProcessMemory or api_NtReadVirtualMemory or api_ZwReadVirtualMemory or api_NtWow64ReadVirtualMemory64
}

rule win_open_process_vm_read
{
    meta:
        category = "memory_read"
        title = "Opens a process with PROCESS_VM_READ rights"
        title_zh = "以 PROCESS_VM_READ 权限打开其他进程"
        weight = 2
    condition:
        (arg1_OpenProcess_bits & 0x10) != 0 or (arg1_NtOpenProcess_bits & 0x10) != 0
}

rule linux_ptrace_peek
{
    meta:
        category = "memory_read"
        title = "Reads a traced process's memory with ptrace (PTRACE_PEEKTEXT/PEEKDATA)"
        title_zh = "通过 ptrace（PTRACE_PEEKTEXT/PEEKDATA）读取被跟踪进程的内存"
        weight = 3
    condition:
        arg1_ptrace_is_1 or arg1_ptrace_is_2
}

rule linux_ptrace_attach
{
    meta:
        category = "memory_read"
        title = "Attaches to another process with ptrace (PTRACE_ATTACH/PTRACE_SEIZE)"
        title_zh = "通过 ptrace（PTRACE_ATTACH/PTRACE_SEIZE）附加到其他进程"
        weight = 2
    condition:
        arg1_ptrace_is_16 or arg1_ptrace_is_16902
}

rule linux_process_vm_readv
{
    meta:
        category = "memory_read"
        title = "Reads another process's memory with process_vm_readv"
        title_zh = "通过 process_vm_readv 读取其他进程内存"
        weight = 3
    condition:
        api_process_vm_readv or sys_process_vm_readv
}

rule linux_proc_pid_mem_read
{
    meta:
        category = "memory_read"
        title = "Opens another process's memory file /proc/<pid>/mem"
        title_zh = "打开其他进程的内存文件 /proc/<pid>/mem"
        weight = 2
    strings:
        $fmt = /\/proc\/%[0-9]*(d|u|i|ld|lu|s)\/mem\x00/
        $proc = "/proc/\x00"
        $mem = "/mem\x00"
    condition:
        ($fmt or ($proc and $mem)) and (api_open or api_open64 or api_openat or api_fopen or api_fopen64)
}

rule macos_mach_vm_read
{
    meta:
        category = "memory_read"
        title = "Reads another task's memory (task_for_pid + mach_vm_read / vm_read)"
        title_zh = "获取其他任务端口并读取其内存（task_for_pid + mach_vm_read / vm_read）"
        weight = 3
    condition:
        is_macho and api_task_for_pid
        and (api_mach_vm_read or api_mach_vm_read_overwrite or api_vm_read or api_vm_read_overwrite)
}
