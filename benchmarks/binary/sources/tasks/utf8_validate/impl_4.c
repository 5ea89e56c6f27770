/* UTF-8 validation via counting leading ones, no headers; validates built-in samples */
int printf(const char *fmt, ...);

static int leading_ones(unsigned char b)
{
    int n = 0;
    while (n < 8 && (b & (0x80u >> n)))
        n++;
    return n;
}

static int utf8_ok(const unsigned char *s, int len)
{
    int i = 0;
    while (i < len) {
        int ones = leading_ones(s[i]);
        unsigned cp;
        int j;
        if (ones == 0) {
            i++;
            continue;
        }
        if (ones == 1 || ones > 4 || i + ones > len)
            return 0;
        cp = s[i] & (0xFFu >> (ones + 1));
        for (j = 1; j < ones; j++) {
            if (leading_ones(s[i + j]) != 1)
                return 0;
            cp = (cp << 6) | (s[i + j] & 0x3Fu);
        }
        if (cp < (ones == 2 ? 0x80u : ones == 3 ? 0x800u : 0x10000u))
            return 0;
        if (cp > 0x10FFFFu || (cp >= 0xD800u && cp < 0xE000u))
            return 0;
        i += ones;
    }
    return 1;
}

int main(void)
{
    static const unsigned char ok1[] = {'h', 'i', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80};
    static const unsigned char bad1[] = {0xC0, 0xAF};
    static const unsigned char bad2[] = {0xED, 0xA0, 0x80};
    static const unsigned char bad3[] = {0xE2, 0x82};
    int fails = 0;
    fails += !utf8_ok(ok1, (int)sizeof ok1);
    fails += utf8_ok(bad1, (int)sizeof bad1);
    fails += utf8_ok(bad2, (int)sizeof bad2);
    fails += utf8_ok(bad3, (int)sizeof bad3);
    printf("utf8 self check: %d failure(s)\n", fails);
    return fails;
}
