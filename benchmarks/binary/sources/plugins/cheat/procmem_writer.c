/* build: platform=linux kind=exe */
/* procmem_writer - god mode via /proc/PID/mem: seeks to the address and writes bytes (e.g. NOP a check). */
#define _FILE_OFFSET_BITS 64
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int hexbytes(const char *hex, unsigned char *out, int cap)
{
    int n = 0;
    while (hex[0] && hex[1] && n < cap) {
        unsigned v;
        if (sscanf(hex, "%2x", &v) != 1)
            return -1;
        out[n++] = (unsigned char)v;
        hex += 2;
    }
    return n;
}

int main(int argc, char **argv)
{
    char path[64];
    unsigned char patch[256], old[256];
    unsigned long long addr;
    int fd, n;
    if (argc != 4) {
        fprintf(stderr, "usage: %s PID ADDR HEXBYTES   (e.g. 9090 to nop two bytes)\n", argv[0]);
        return 2;
    }
    addr = strtoull(argv[2], NULL, 16);
    n = hexbytes(argv[3], patch, (int)sizeof patch);
    if (n <= 0)
        return 2;
    snprintf(path, sizeof path, "/proc/%s/mem", argv[1]);
    fd = open(path, O_RDWR);
    if (fd < 0) {
        perror(path);
        return 1;
    }
    if (pread(fd, old, (size_t)n, (off_t)addr) != n)
        perror("pread");
    if (pwrite(fd, patch, (size_t)n, (off_t)addr) != n) {
        perror("pwrite");
        close(fd);
        return 1;
    }
    printf("patched %d bytes at %#llx (was %02x...)\n", n, addr, old[0]);
    close(fd);
    return 0;
}
