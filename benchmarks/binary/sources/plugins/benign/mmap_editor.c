/* build: platform=linux kind=exe */
/* mmap_editor - replaces every occurrence of OLD with NEW (same length) in a file, editing it in place
 * through a shared memory mapping of the file. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct stat st;
    char *map;
    size_t olen, i;
    int fd, count = 0;
    if (argc != 4 || strlen(argv[2]) != strlen(argv[3]) || !*argv[2]) {
        fprintf(stderr, "usage: %s FILE OLD NEW (same length)\n", argv[0]);
        return 2;
    }
    fd = open(argv[1], O_RDWR);
    if (fd < 0 || fstat(fd, &st) != 0) {
        perror(argv[1]);
        return 1;
    }
    if (st.st_size == 0) {
        close(fd);
        return 0;
    }
    map = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED) {
        perror("mmap");
        close(fd);
        return 1;
    }
    olen = strlen(argv[2]);
    for (i = 0; i + olen <= (size_t)st.st_size; i++)
        if (memcmp(map + i, argv[2], olen) == 0) {
            memcpy(map + i, argv[3], olen);
            count++;
            i += olen - 1;
        }
    msync(map, (size_t)st.st_size, MS_SYNC);
    munmap(map, (size_t)st.st_size);
    close(fd);
    printf("%d replacement(s)\n", count);
    return 0;
}
