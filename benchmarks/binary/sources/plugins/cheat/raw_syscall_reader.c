/* build: platform=linux kind=exe */
/* raw_syscall_reader - reads another process's memory with a direct process_vm_readv system call, bypassing
 * libc wrappers that an anti-cheat may have hooked; on x86-64 the syscall instruction is issued inline. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long direct_vm_read(pid_t pid, const struct iovec *local, const struct iovec *remote)
{
#if defined(__x86_64__)
    long ret;
    register long r10 __asm__("r10") = (long)remote;
    register long r8 __asm__("r8") = 1;
    register long r9 __asm__("r9") = 0;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "0"((long)SYS_process_vm_readv), "D"((long)pid), "S"(local), "d"(1L), "r"(r10), "r"(r8),
                       "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
#else
    return syscall(SYS_process_vm_readv, pid, local, 1UL, remote, 1UL, 0UL);
#endif
}

int main(int argc, char **argv)
{
    unsigned char buf[64];
    struct iovec local, remote;
    long got, i;
    if (argc < 3) {
        fprintf(stderr, "usage: %s PID ADDR_HEX\n", argv[0]);
        return 2;
    }
    local.iov_base = buf;
    local.iov_len = sizeof buf;
    remote.iov_base = (void *)strtoul(argv[2], NULL, 16);
    remote.iov_len = sizeof buf;
    got = direct_vm_read((pid_t)atoi(argv[1]), &local, &remote);
    if (got < 0) {
        fprintf(stderr, "read failed: %ld\n", got);
        return 1;
    }
    for (i = 0; i < got; i++)
        printf("%02x%c", buf[i], (i % 16 == 15) ? '\n' : ' ');
    return 0;
}
