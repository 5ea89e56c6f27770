/* UTF-8 validator: classic lead-byte analysis with overlong / surrogate / range checks, stdin */
#include <stdio.h>

static int seq_len(unsigned char b)
{
    if (b < 0x80) return 1;
    if ((b & 0xE0) == 0xC0) return 2;
    if ((b & 0xF0) == 0xE0) return 3;
    if ((b & 0xF8) == 0xF0) return 4;
    return 0;
}

int main(void)
{
    static unsigned char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, stdin), i = 0;
    unsigned long chars = 0;
    while (i < n) {
        int len = seq_len(buf[i]), k;
        unsigned long cp;
        if (len == 0 || i + (size_t)len > n) goto invalid;
        cp = len == 1 ? buf[i] : (unsigned long)(buf[i] & (0x7F >> len));
        for (k = 1; k < len; k++) {
            if ((buf[i + (size_t)k] & 0xC0) != 0x80) goto invalid;
            cp = (cp << 6) | (buf[i + (size_t)k] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) goto invalid;
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) goto invalid;
        i += (size_t)len;
        chars++;
    }
    printf("valid UTF-8: %lu code points in %lu bytes\n", chars, (unsigned long)n);
    return 0;
invalid:
    printf("invalid UTF-8 at byte offset %lu\n", (unsigned long)i);
    return 1;
}
