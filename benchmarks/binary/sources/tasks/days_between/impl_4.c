/* day difference with a cumulative month table and leap counting by division; no headers */
int printf(const char *fmt, ...);

static const int before_month[13] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

static long leaps_before(long year)
{
    year--;
    return year / 4 - year / 100 + year / 400;
}

static long serial(long y, int m, int d)
{
    int leap = (y % 4 == 0) && (y % 100 != 0 || y % 400 == 0);
    return (y - 1) * 365 + leaps_before(y) + before_month[m] + (m > 2 && leap) + d;
}

int main(void)
{
    static const long cases[][6] = {
        {2000, 1, 1, 2000, 12, 31}, {1999, 12, 31, 2000, 3, 1}, {1970, 1, 1, 2038, 1, 19}, {2024, 2, 28, 2024, 3, 1},
    };
    int i;
    for (i = 0; i < 4; i++) {
        const long *c = cases[i];
        long diff = serial(c[3], (int)c[4], (int)c[5]) - serial(c[0], (int)c[1], (int)c[2]);
        printf("%04ld-%02ld-%02ld .. %04ld-%02ld-%02ld = %ld\n", c[0], c[1], c[2], c[3], c[4], c[5], diff);
    }
    return 0;
}
