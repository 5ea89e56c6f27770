/* day difference via the days-from-civil formula (no loops over years) */
#include <stdio.h>
#include <stdlib.h>

static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

static int parse_date(const char *s, long *y, unsigned *m, unsigned *d)
{
    return sscanf(s, "%ld-%u-%u", y, m, d) == 3 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

int main(int argc, char **argv)
{
    long y1, y2;
    unsigned m1, d1, m2, d2;
    if (argc != 3 || !parse_date(argv[1], &y1, &m1, &d1) || !parse_date(argv[2], &y2, &m2, &d2)) {
        fputs("give two dates as YYYY-MM-DD\n", stderr);
        return EXIT_FAILURE;
    }
    printf("%ld\n", labs(days_from_civil(y2, m2, d2) - days_from_civil(y1, m1, d1)));
    return EXIT_SUCCESS;
}
