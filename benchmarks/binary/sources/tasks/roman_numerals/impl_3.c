/* roman numerals generated digit by digit from the (one, five, ten) letter triple; full round-trip test */
#include <stdio.h>
#include <string.h>

static char *put_digit(char *out, int d, char one, char five, char ten)
{
    if (d == 9) { *out++ = one; *out++ = ten; }
    else if (d == 4) { *out++ = one; *out++ = five; }
    else {
        if (d >= 5) { *out++ = five; d -= 5; }
        while (d-- > 0) *out++ = one;
    }
    return out;
}

static void encode(int n, char *out)
{
    static const char letters[] = "IVXLCDM";
    int scale, pos = 6;
    for (scale = 1000; scale > 0; scale /= 10, pos -= 2) {
        int d = n / scale % 10;
        if (pos == 6) { while (d-- > 0) *out++ = 'M'; continue; }
        out = put_digit(out, d, letters[pos], letters[pos + 1], letters[pos + 2]);
    }
    *out = '\0';
}

static int decode(const char *s)
{
    static const char letters[] = "IVXLCDM";
    static const int worth[] = {1, 5, 10, 50, 100, 500, 1000};
    int total = 0, prev = 0;
    for (int i = (int)strlen(s) - 1; i >= 0; i--) {
        const char *p = strchr(letters, s[i]);
        int v;
        if (!p || !*p) return -1;
        v = worth[p - letters];
        total += v < prev ? -v : v;
        if (v > prev) prev = v;
    }
    return total;
}

int main(void)
{
    char buf[32];
    int n, errors = 0;
    for (n = 1; n < 4000; n++) {
        encode(n, buf);
        if (decode(buf) != n) {
            printf("mismatch %d -> %s\n", n, buf);
            errors++;
        }
    }
    encode(1994, buf);
    printf("1994 -> %s, 3888 letters -> ", buf);
    encode(3888, buf);
    printf("%s; %d errors\n", buf, errors);
    return errors != 0;
}
