/* build: platform=linux kind=exe */
/* ptrace_editor - attach to a running game and read/patch a word of its memory (gold, hp...).
 * usage: ptrace_editor PID ADDR_HEX [NEWVALUE] */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <sys/wait.h>

static int attach(pid_t pid)
{
    int status;
    if (ptrace(PTRACE_ATTACH, pid, NULL, NULL) == -1) {
        perror("PTRACE_ATTACH");
        return -1;
    }
    if (waitpid(pid, &status, 0) == -1 || !WIFSTOPPED(status)) {
        fprintf(stderr, "target did not stop\n");
        return -1;
    }
    return 0;
}

static int peek(pid_t pid, unsigned long addr, long *out)
{
    errno = 0;
    *out = ptrace(PTRACE_PEEKDATA, pid, (void *)addr, NULL);
    return errno ? -1 : 0;
}

static int poke(pid_t pid, unsigned long addr, long value)
{
    return (int)ptrace(PTRACE_POKEDATA, pid, (void *)addr, (void *)value);
}

int main(int argc, char **argv)
{
    pid_t pid;
    unsigned long addr;
    long word;
    if (argc < 3) {
        fprintf(stderr, "usage: %s PID ADDR [VALUE]\n", argv[0]);
        return 2;
    }
    pid = (pid_t)atoi(argv[1]);
    addr = strtoul(argv[2], NULL, 16);
    if (attach(pid) != 0)
        return 1;
    if (peek(pid, addr, &word) != 0) {
        perror("PTRACE_PEEKDATA");
    } else {
        printf("[trainer] %d @ %#lx = %ld\n", (int)pid, addr, word);
        if (argc > 3) {
            long v = strtol(argv[3], NULL, 0);
            if (poke(pid, addr, v) != 0)
                perror("PTRACE_POKEDATA");
            else
                printf("[trainer] patched to %ld\n", v);
        }
    }
    ptrace(PTRACE_DETACH, pid, NULL, NULL);
    return 0;
}
