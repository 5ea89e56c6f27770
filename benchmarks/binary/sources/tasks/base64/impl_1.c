/* base64 encoder/decoder: table lookups, whole-buffer processing. Usage: impl_1 [-d] < in */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static char *read_all(size_t *len)
{
    size_t cap = 4096, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, stdin)) > 0) {
        n += got;
        if (n == cap) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    *len = n;
    return buf;
}

static void encode(const unsigned char *in, size_t len)
{
    size_t i;
    for (i = 0; i + 2 < len; i += 3) {
        putchar(ALPHABET[in[i] >> 2]);
        putchar(ALPHABET[((in[i] & 3) << 4) | (in[i + 1] >> 4)]);
        putchar(ALPHABET[((in[i + 1] & 15) << 2) | (in[i + 2] >> 6)]);
        putchar(ALPHABET[in[i + 2] & 63]);
    }
    if (len - i == 1) {
        putchar(ALPHABET[in[i] >> 2]);
        putchar(ALPHABET[(in[i] & 3) << 4]);
        fputs("==", stdout);
    } else if (len - i == 2) {
        putchar(ALPHABET[in[i] >> 2]);
        putchar(ALPHABET[((in[i] & 3) << 4) | (in[i + 1] >> 4)]);
        putchar(ALPHABET[(in[i + 1] & 15) << 2]);
        putchar('=');
    }
    putchar('\n');
}

static int decode(const char *in, size_t len)
{
    unsigned acc = 0;
    int bits = 0;
    size_t i;
    for (i = 0; i < len; i++) {
        const char *pos;
        if (in[i] == '=' || in[i] == '\n' || in[i] == '\r')
            continue;
        pos = strchr(ALPHABET, in[i]);
        if (!pos || !in[i])
            return -1;
        acc = (acc << 6) | (unsigned)(pos - ALPHABET);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            putchar((int)((acc >> bits) & 0xFF));
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    size_t len;
    char *data = read_all(&len);
    int rc = 0;
    if (!data)
        return 1;
    if (argc > 1 && strcmp(argv[1], "-d") == 0)
        rc = decode(data, len);
    else
        encode((unsigned char *)data, len);
    free(data);
    return rc ? 1 : 0;
}
