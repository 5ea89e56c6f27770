/* memory_write: the program writes the memory of another process (see memory_read.yar for the facts). */

rule win_write_process_memory
{
    meta:
        category = "memory_write"
        title = "Writes another process's memory (WriteProcessMemory / NtWriteVirtualMemory)"
        title_zh = "写入其他进程内存（WriteProcessMemory / NtWriteVirtualMemory）"
        weight = 4
    condition:
        api_WriteProcessMemory or api_NtWriteVirtualMemory or api_ZwWriteVirtualMemory
        or api_NtWow64WriteVirtualMemory64
}

rule win_open_process_vm_write
{
    meta:
        category = "memory_write"
        title = "Opens a process with PROCESS_VM_WRITE / PROCESS_VM_OPERATION rights"
        title_zh = "以 PROCESS_VM_WRITE / PROCESS_VM_OPERATION 权限打开其他进程"
        weight = 2
    condition:
        (arg1_OpenProcess_bits & 0x28) != 0 or (arg1_NtOpenProcess_bits & 0x28) != 0
}

rule linux_ptrace_poke
{
    meta:
        category = "memory_write"
        title = "Writes a traced process's memory or registers with ptrace (PTRACE_POKETEXT/POKEDATA/SETREGS)"
        title_zh = "通过 ptrace（PTRACE_POKETEXT/POKEDATA/SETREGS）改写被跟踪进程的内存或寄存器"
        weight = 4
    condition:
        arg1_ptrace_is_4 or arg1_ptrace_is_5 or arg1_ptrace_is_13
}

rule linux_process_vm_writev
{
    meta:
        category = "memory_write"
        title = "Writes another process's memory with process_vm_writev"
        title_zh = "通过 process_vm_writev 写入其他进程内存"
        weight = 4
    condition:
        api_process_vm_writev or sys_process_vm_writev
}

rule linux_proc_pid_mem_write
{
    meta:
        category = "memory_write"
        title = "Opens /proc/<pid>/mem for writing"
        title_zh = "以写方式打开其他进程的内存文件 /proc/<pid>/mem"
        weight = 4
    strings:
        $fmt = /\/proc\/%[0-9]*(d|u|i|ld|lu|s)\/mem\x00/
        $proc = "/proc/\x00"
        $mem = "/mem\x00"
        $mode_rw = /\x00(r\+b?|rb\+|w\+?b?|wb\+)\x00/
    condition:
        ($fmt or ($proc and $mem)) and (
            api_pwrite or api_pwrite64 or api_pwritev
            or arg2_open_is_1 or arg2_open_is_2 or arg2_open64_is_1 or arg2_open64_is_2
            or arg3_openat_is_1 or arg3_openat_is_2 or arg2___open_2_is_2
            or ((api_fopen or api_fopen64) and $mode_rw))
}

rule macos_mach_vm_write
{
    meta:
        category = "memory_write"
        title = "Writes another task's memory (task_for_pid + mach_vm_write / vm_write)"
        title_zh = "获取其他任务端口并写入其内存（task_for_pid + mach_vm_write / vm_write）"
        weight = 4
    condition:
        is_macho and api_task_for_pid and (api_mach_vm_write or api_vm_write or api_mach_vm_protect)
}
