/* SHA1 sum of files: round functions as a table of function pointers, whole file in memory */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef unsigned long ulong32; /* only the low 32 bits are meaningful */
#define M32(x) ((x) & 0xFFFFFFFFul)

static ulong32 f_choose(ulong32 x, ulong32 y, ulong32 z) { return (x & y) | (M32(~x) & z); }
static ulong32 f_parity(ulong32 x, ulong32 y, ulong32 z) { return x ^ y ^ z; }
static ulong32 f_major(ulong32 x, ulong32 y, ulong32 z) { return (x & y) ^ (x & z) ^ (y & z); }

static ulong32 (*const round_fn[4])(ulong32, ulong32, ulong32) = {f_choose, f_parity, f_major, f_parity};
static const ulong32 round_k[4] = {0x5A827999ul, 0x6ED9EBA1ul, 0x8F1BBCDCul, 0xCA62C1D6ul};

static ulong32 rot(ulong32 x, int n) { return M32((x << n) | (x >> (32 - n))); }

static void hash_block(ulong32 hv[5], const unsigned char *p)
{
    ulong32 w[80], v[5];
    int t;
    for (t = 0; t < 80; t++) {
        if (t < 16)
            w[t] = ((ulong32)p[0] << 24) | ((ulong32)p[1] << 16) | ((ulong32)p[2] << 8) | p[3], p += 4;
        else
            w[t] = rot(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    }
    memcpy(v, hv, sizeof v);
    for (t = 0; t < 80; t++) {
        ulong32 tmp = M32(rot(v[0], 5) + round_fn[t / 20](v[1], v[2], v[3]) + v[4] + round_k[t / 20] + w[t]);
        v[4] = v[3];
        v[3] = v[2];
        v[2] = rot(v[1], 30);
        v[1] = v[0];
        v[0] = tmp;
    }
    for (t = 0; t < 5; t++)
        hv[t] = M32(hv[t] + v[t]);
}

static int sha1_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *data;
    long size, padded, i;
    ulong32 hv[5] = {0x67452301ul, 0xEFCDAB89ul, 0x98BADCFEul, 0x10325476ul, 0xC3D2E1F0ul};
    if (!fp)
        return -1;
    fseek(fp, 0, SEEK_END);
    size = ftell(fp);
    rewind(fp);
    padded = ((size + 8) / 64 + 1) * 64;
    data = calloc((size_t)padded, 1);
    if (!data || fread(data, 1, (size_t)size, fp) != (size_t)size) {
        fclose(fp);
        free(data);
        return -1;
    }
    fclose(fp);
    data[size] = 0x80;
    for (i = 0; i < 8; i++)
        data[padded - 1 - i] = (unsigned char)(((unsigned long long)size * 8) >> (8 * i));
    for (i = 0; i < padded; i += 64)
        hash_block(hv, data + i);
    free(data);
    for (i = 0; i < 5; i++)
        printf("%08lx", hv[i]);
    printf("  %s\n", path);
    return 0;
}

int main(int argc, char **argv)
{
    int i, bad = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE...\n", argv[0]);
        return 2;
    }
    for (i = 1; i < argc; i++)
        if (sha1_file(argv[i]) != 0) {
            fprintf(stderr, "%s: cannot read\n", argv[i]);
            bad = 1;
        }
    return bad;
}
