/* SHA-1 of stdin: straightforward FIPS 180 structure with an 80-word schedule */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    uint32_t h[5];
    uint64_t bits;
    unsigned char block[64];
    size_t fill;
} sha1_ctx;

#define ROTL(x, n) (((x) << (n)) | ((x) >> (32 - (n))))

static void sha1_compress(sha1_ctx *c)
{
    uint32_t w[80], a, b, cc, d, e;
    int t;
    for (t = 0; t < 16; t++)
        w[t] = (uint32_t)c->block[4 * t] << 24 | (uint32_t)c->block[4 * t + 1] << 16 |
               (uint32_t)c->block[4 * t + 2] << 8 | c->block[4 * t + 3];
    for (t = 16; t < 80; t++)
        w[t] = ROTL(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    a = c->h[0]; b = c->h[1]; cc = c->h[2]; d = c->h[3]; e = c->h[4];
    for (t = 0; t < 80; t++) {
        uint32_t f, k, tmp;
        if (t < 20) { f = (b & cc) | (~b & d); k = 0x5A827999; }
        else if (t < 40) { f = b ^ cc ^ d; k = 0x6ED9EBA1; }
        else if (t < 60) { f = (b & cc) | (b & d) | (cc & d); k = 0x8F1BBCDC; }
        else { f = b ^ cc ^ d; k = 0xCA62C1D6; }
        tmp = ROTL(a, 5) + f + e + k + w[t];
        e = d; d = cc; cc = ROTL(b, 30); b = a; a = tmp;
    }
    c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d; c->h[4] += e;
}

static void sha1_init(sha1_ctx *c)
{
    static const uint32_t iv[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    memcpy(c->h, iv, sizeof iv);
    c->bits = 0;
    c->fill = 0;
}

static void sha1_update(sha1_ctx *c, const unsigned char *p, size_t n)
{
    while (n--) {
        c->block[c->fill++] = *p++;
        c->bits += 8;
        if (c->fill == 64) {
            sha1_compress(c);
            c->fill = 0;
        }
    }
}

static void sha1_final(sha1_ctx *c, unsigned char out[20])
{
    uint64_t bits = c->bits;
    unsigned char pad = 0x80;
    int i;
    sha1_update(c, &pad, 1);
    pad = 0;
    while (c->fill != 56)
        sha1_update(c, &pad, 1);
    for (i = 7; i >= 0; i--) {
        unsigned char b = (unsigned char)(bits >> (8 * i));
        sha1_update(c, &b, 1);
    }
    for (i = 0; i < 20; i++)
        out[i] = (unsigned char)(c->h[i / 4] >> (24 - 8 * (i % 4)));
}

int main(void)
{
    sha1_ctx c;
    unsigned char buf[4096], dig[20];
    size_t n;
    int i;
    sha1_init(&c);
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
        sha1_update(&c, buf, n);
    sha1_final(&c, dig);
    for (i = 0; i < 20; i++)
        printf("%02x", dig[i]);
    printf("  -\n");
    return 0;
}
