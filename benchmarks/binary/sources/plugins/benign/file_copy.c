/* build: platform=any kind=exe */
/* file_copy - copies SRC to DST in 64 KiB blocks, refusing to overwrite unless -f is given. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    static char block[65536];
    int force = argc > 1 && strcmp(argv[1], "-f") == 0;
    const char *src, *dst;
    FILE *in, *out;
    size_t n;
    unsigned long long total = 0;
    if (argc - force != 3) {
        fprintf(stderr, "usage: %s [-f] SRC DST\n", argv[0]);
        return 2;
    }
    src = argv[1 + force];
    dst = argv[2 + force];
    if (!force && (out = fopen(dst, "rb")) != NULL) {
        fclose(out);
        fprintf(stderr, "%s exists (use -f)\n", dst);
        return 1;
    }
    in = fopen(src, "rb");
    if (!in) {
        perror(src);
        return 1;
    }
    out = fopen(dst, "wb");
    if (!out) {
        perror(dst);
        fclose(in);
        return 1;
    }
    while ((n = fread(block, 1, sizeof block, in)) > 0) {
        if (fwrite(block, 1, n, out) != n) {
            perror("write");
            break;
        }
        total += n;
    }
    fclose(in);
    if (fclose(out) != 0)
        return 1;
    printf("copied %llu bytes\n", total);
    return 0;
}
