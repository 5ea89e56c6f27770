/* days between two dates (YYYY-MM-DD on argv) via days-from-civil arithmetic */
#include <stdio.h>
#include <stdlib.h>

static long days_from_civil(long y, int m, int d)
{
    long era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int parse_date(const char *s, long *y, int *m, int *d)
{
    return sscanf(s, "%ld-%d-%d", y, m, d) == 3 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

int main(int argc, char **argv)
{
    long y1, y2;
    int m1, d1, m2, d2;
    if (argc != 3 || !parse_date(argv[1], &y1, &m1, &d1) || !parse_date(argv[2], &y2, &m2, &d2)) {
        fprintf(stderr, "usage: %s YYYY-MM-DD YYYY-MM-DD\n", argv[0]);
        return EXIT_FAILURE;
    }
    printf("%ld\n", days_from_civil(y2, m2, d2) - days_from_civil(y1, m1, d1));
    return 0;
}
