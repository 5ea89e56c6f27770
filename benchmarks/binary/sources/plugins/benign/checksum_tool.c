/* build: platform=any kind=exe */
/* checksum_tool - prints Adler-32 and Fletcher-16 of each file, for verifying downloads. */
#include <stdint.h>
#include <stdio.h>

static int sums(const char *path, uint32_t *adler, uint16_t *fletcher)
{
    FILE *fp = fopen(path, "rb");
    uint32_t a = 1, b = 0, f1 = 0, f2 = 0;
    int c;
    if (!fp)
        return -1;
    while ((c = fgetc(fp)) != EOF) {
        a = (a + (uint32_t)c) % 65521u;
        b = (b + a) % 65521u;
        f1 = (f1 + (uint32_t)c) % 255u;
        f2 = (f2 + f1) % 255u;
    }
    fclose(fp);
    *adler = (b << 16) | a;
    *fletcher = (uint16_t)((f2 << 8) | f1);
    return 0;
}

int main(int argc, char **argv)
{
    int i, rc = 0;
    for (i = 1; i < argc; i++) {
        uint32_t ad;
        uint16_t fl;
        if (sums(argv[i], &ad, &fl) != 0) {
            perror(argv[i]);
            rc = 1;
            continue;
        }
        printf("adler32=%08lx fletcher16=%04x  %s\n", (unsigned long)ad, fl, argv[i]);
    }
    return rc;
}
