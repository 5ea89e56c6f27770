/* build: platform=linux kind=exe */
/* vm_scanner - cheat-engine style value scanner: walks /proc/PID/maps, reads writable regions with
 * process_vm_readv, reports addresses holding VALUE, and optionally overwrites them with process_vm_writev. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>

#define CHUNK 65536
#define MAX_HITS 4096

static unsigned long hits[MAX_HITS];
static int nhits;

static void scan_region(pid_t pid, unsigned long start, unsigned long end, int value)
{
    static char buf[CHUNK];
    unsigned long at;
    for (at = start; at < end && nhits < MAX_HITS; at += CHUNK) {
        struct iovec local = {buf, CHUNK};
        struct iovec remote = {(void *)at, (end - at) < CHUNK ? (end - at) : CHUNK};
        ssize_t got = process_vm_readv(pid, &local, 1, &remote, 1, 0);
        ssize_t i;
        for (i = 0; i + (ssize_t)sizeof(int) <= got && nhits < MAX_HITS; i += (ssize_t)sizeof(int)) {
            int v;
            memcpy(&v, buf + i, sizeof v);
            if (v == value)
                hits[nhits++] = at + (unsigned long)i;
        }
    }
}

static int write_value(pid_t pid, unsigned long addr, int value)
{
    struct iovec local = {&value, sizeof value};
    struct iovec remote = {(void *)addr, sizeof value};
    return process_vm_writev(pid, &local, 1, &remote, 1, 0) == (ssize_t)sizeof value ? 0 : -1;
}

int main(int argc, char **argv)
{
    char path[64], line[512];
    FILE *maps;
    pid_t pid;
    int value, i;
    if (argc < 3) {
        fprintf(stderr, "usage: %s PID VALUE [NEWVALUE]\n", argv[0]);
        return 2;
    }
    pid = (pid_t)atoi(argv[1]);
    value = atoi(argv[2]);
    snprintf(path, sizeof path, "/proc/%d/maps", (int)pid);
    maps = fopen(path, "r");
    if (!maps) {
        perror(path);
        return 1;
    }
    while (fgets(line, sizeof line, maps)) {
        unsigned long lo, hi;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) == 3 && perms[0] == 'r' && perms[1] == 'w')
            scan_region(pid, lo, hi, value);
    }
    fclose(maps);
    printf("found %d candidate addresses for %d\n", nhits, value);
    for (i = 0; i < nhits && i < 20; i++)
        printf("  %#lx\n", hits[i]);
    if (argc > 3)
        for (i = 0; i < nhits; i++)
            if (write_value(pid, hits[i], atoi(argv[3])) != 0)
                fprintf(stderr, "write failed at %#lx\n", hits[i]);
    return 0;
}
