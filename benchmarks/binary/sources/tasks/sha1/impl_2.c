// sha1 with a rolling 16-word schedule and unrolled round macros; hashes argv[1] or "abc"
#include <stdio.h>
#include <string.h>

typedef unsigned int word;

#define rol(v, s) (((v) << (s)) | ((v) >> (32 - (s))))
#define SCHED(i) (blk[(i) & 15] = rol(blk[((i) + 13) & 15] ^ blk[((i) + 8) & 15] ^ blk[((i) + 2) & 15] ^ blk[(i) & 15], 1))
#define R0(v, w, x, y, z, i) z += ((w & (x ^ y)) ^ y) + blk[i] + 0x5A827999u + rol(v, 5); w = rol(w, 30);
#define R1(v, w, x, y, z, i) z += ((w & (x ^ y)) ^ y) + SCHED(i) + 0x5A827999u + rol(v, 5); w = rol(w, 30);
#define R2(v, w, x, y, z, i) z += (w ^ x ^ y) + SCHED(i) + 0x6ED9EBA1u + rol(v, 5); w = rol(w, 30);
#define R3(v, w, x, y, z, i) z += (((w | x) & y) | (w & x)) + SCHED(i) + 0x8F1BBCDCu + rol(v, 5); w = rol(w, 30);
#define R4(v, w, x, y, z, i) z += (w ^ x ^ y) + SCHED(i) + 0xCA62C1D6u + rol(v, 5); w = rol(w, 30);

static void transform(word st[5], const unsigned char in[64])
{
    word blk[16];
    word a = st[0], b = st[1], c = st[2], d = st[3], e = st[4];
    int i;
    for (i = 0; i < 16; i++)
        blk[i] = (word)in[i * 4] << 24 | (word)in[i * 4 + 1] << 16 | (word)in[i * 4 + 2] << 8 | in[i * 4 + 3];
    for (i = 0; i < 15; i += 5) {
        R0(a, b, c, d, e, i) R0(e, a, b, c, d, i + 1) R0(d, e, a, b, c, i + 2) R0(c, d, e, a, b, i + 3)
        R0(b, c, d, e, a, i + 4)
    }
    R0(a, b, c, d, e, 15)
    R1(e, a, b, c, d, 16) R1(d, e, a, b, c, 17) R1(c, d, e, a, b, 18) R1(b, c, d, e, a, 19)
    for (i = 20; i < 40; i += 5) {
        R2(a, b, c, d, e, i) R2(e, a, b, c, d, i + 1) R2(d, e, a, b, c, i + 2) R2(c, d, e, a, b, i + 3)
        R2(b, c, d, e, a, i + 4)
    }
    for (i = 40; i < 60; i += 5) {
        R3(a, b, c, d, e, i) R3(e, a, b, c, d, i + 1) R3(d, e, a, b, c, i + 2) R3(c, d, e, a, b, i + 3)
        R3(b, c, d, e, a, i + 4)
    }
    for (i = 60; i < 80; i += 5) {
        R4(a, b, c, d, e, i) R4(e, a, b, c, d, i + 1) R4(d, e, a, b, c, i + 2) R4(c, d, e, a, b, i + 3)
        R4(b, c, d, e, a, i + 4)
    }
    st[0] += a; st[1] += b; st[2] += c; st[3] += d; st[4] += e;
}

static void digest(const unsigned char *msg, unsigned long len, unsigned char out[20])
{
    word st[5] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u};
    unsigned char tail[128];
    unsigned long full = len / 64 * 64, rest = len - full, padlen;
    unsigned long long bitlen = (unsigned long long)len * 8;
    unsigned long i;
    for (i = 0; i < full; i += 64)
        transform(st, msg + i);
    memset(tail, 0, sizeof tail);
    memcpy(tail, msg + full, rest);
    tail[rest] = 0x80;
    padlen = rest < 56 ? 64 : 128;
    for (i = 0; i < 8; i++)
        tail[padlen - 1 - i] = (unsigned char)(bitlen >> (8 * i));
    transform(st, tail);
    if (padlen == 128)
        transform(st, tail + 64);
    for (i = 0; i < 5; i++) {
        out[4 * i] = (unsigned char)(st[i] >> 24);
        out[4 * i + 1] = (unsigned char)(st[i] >> 16);
        out[4 * i + 2] = (unsigned char)(st[i] >> 8);
        out[4 * i + 3] = (unsigned char)st[i];
    }
}

int main(int argc, char **argv)
{
    const char *m = argc > 1 ? argv[1] : "abc";
    unsigned char d[20];
    int i;
    digest((const unsigned char *)m, (unsigned long)strlen(m), d);
    for (i = 0; i < 20; i++)
        printf("%02X%s", d[i], i % 4 == 3 && i < 19 ? " " : "");
    putchar('\n');
    return 0;
}
