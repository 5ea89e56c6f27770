/* b64: arithmetic mapping instead of an alphabet string; argv[1] is the text to encode */
#include <stdio.h>
#include <string.h>

static int sextet_to_char(int v)
{
    if (v < 26)
        return 'A' + v;
    if (v < 52)
        return 'a' + (v - 26);
    if (v < 62)
        return '0' + (v - 52);
    return v == 62 ? '+' : '/';
}

static int char_to_sextet(int c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

static size_t b64_encode(const unsigned char *src, size_t n, char *dst)
{
    size_t o = 0, i = 0;
    while (i < n) {
        unsigned long triple = 0;
        int k, take = (n - i) >= 3 ? 3 : (int)(n - i);
        for (k = 0; k < 3; k++)
            triple = (triple << 8) | (k < take ? src[i + (size_t)k] : 0u);
        for (k = 0; k < 4; k++)
            dst[o + (size_t)k] = k <= take ? (char)sextet_to_char((int)((triple >> (18 - 6 * k)) & 0x3F)) : '=';
        o += 4;
        i += (size_t)take;
    }
    dst[o] = '\0';
    return o;
}

static long b64_decode(const char *src, unsigned char *dst)
{
    long o = 0;
    int val[4], k;
    while (*src) {
        for (k = 0; k < 4; k++) {
            int c = src[k];
            val[k] = (c == '=' || c == '\0') ? -2 : char_to_sextet(c);
            if (val[k] == -1)
                return -1;
        }
        dst[o++] = (unsigned char)((val[0] << 2) | (val[1] >> 4));
        if (val[2] >= 0)
            dst[o++] = (unsigned char)(((val[1] & 15) << 4) | (val[2] >> 2));
        if (val[3] >= 0)
            dst[o++] = (unsigned char)(((val[2] & 3) << 6) | val[3]);
        if (val[2] < 0 || val[3] < 0 || !src[1] || !src[2] || !src[3])
            break;
        src += 4;
    }
    return o;
}

int main(int argc, char **argv)
{
    static char enc[4096];
    static unsigned char dec[4096];
    const char *text = argc > 1 ? argv[1] : "Many hands make light work.";
    size_t n = strlen(text);
    long m;
    if (n > 3000)
        n = 3000;
    b64_encode((const unsigned char *)text, n, enc);
    printf("encoded: %s\n", enc);
    m = b64_decode(enc, dec);
    if (m < 0)
        return 1;
    printf("round trip %s (%ld bytes)\n", (size_t)m == n && memcmp(dec, text, n) == 0 ? "ok" : "FAILED", m);
    return 0;
}
