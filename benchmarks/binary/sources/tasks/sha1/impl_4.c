/* sha-1 with no system headers: state kept in a struct, byte-at-a-time feed from getchar */
int getchar(void);
int putchar(int c);

struct Sha {
    unsigned h0, h1, h2, h3, h4;
    unsigned w[16];
    unsigned long long length;
    int bytes;
};

static unsigned lrot(unsigned v, unsigned n)
{
    return (v << n) | (v >> (32u - n));
}

static void crunch(struct Sha *s)
{
    unsigned a = s->h0, b = s->h1, c = s->h2, d = s->h3, e = s->h4;
    int i;
    for (i = 0; i < 80; i++) {
        unsigned f, k, x;
        if (i >= 16)
            s->w[i & 15] = lrot(s->w[(i - 3) & 15] ^ s->w[(i - 8) & 15] ^ s->w[(i - 14) & 15] ^ s->w[i & 15], 1);
        switch (i / 20) {
        case 0: f = d ^ (b & (c ^ d)); k = 0x5A827999u; break;
        case 1: f = b ^ c ^ d; k = 0x6ED9EBA1u; break;
        case 2: f = (b & c) | (d & (b | c)); k = 0x8F1BBCDCu; break;
        default: f = b ^ c ^ d; k = 0xCA62C1D6u; break;
        }
        x = lrot(a, 5) + f + e + k + s->w[i & 15];
        e = d;
        d = c;
        c = lrot(b, 30);
        b = a;
        a = x;
    }
    s->h0 += a; s->h1 += b; s->h2 += c; s->h3 += d; s->h4 += e;
}

static void feed(struct Sha *s, unsigned byte)
{
    unsigned idx = (unsigned)s->bytes >> 2;
    if ((s->bytes & 3) == 0)
        s->w[idx] = 0;
    s->w[idx] |= (byte & 0xFFu) << (24 - 8 * (s->bytes & 3));
    if (++s->bytes == 64) {
        crunch(s);
        s->bytes = 0;
    }
}

static void hex(unsigned v)
{
    int i;
    for (i = 28; i >= 0; i -= 4)
        putchar("0123456789abcdef"[(v >> i) & 15u]);
}

int main(void)
{
    struct Sha s = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u, 0xC3D2E1F0u, {0}, 0, 0};
    int c, i;
    unsigned long long bits;
    while ((c = getchar()) >= 0) {
        feed(&s, (unsigned)c);
        s.length++;
    }
    bits = s.length * 8u;
    feed(&s, 0x80u);
    while (s.bytes != 56)
        feed(&s, 0);
    for (i = 56; i >= 0; i -= 8)
        feed(&s, (unsigned)(bits >> i));
    hex(s.h0); hex(s.h1); hex(s.h2); hex(s.h3); hex(s.h4);
    putchar('\n');
    return 0;
}
