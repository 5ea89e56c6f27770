#include <stdio.h>

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || (y % 400 == 0);
}

static int days_in_month(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && is_leap(y))
        return 29;
    return days[m - 1];
}

long to_days(int y, int m, int d)
{
    long total = 0;
    for (int yy = 1; yy < y; yy++)
        total += is_leap(yy) ? 366 : 365;
    for (int mm = 1; mm < m; mm++)
        total += days_in_month(y, mm);
    return total + d;
}

int main(void)
{
    int y1, m1, d1, y2, m2, d2;
    if (scanf("%d-%d-%d %d-%d-%d", &y1, &m1, &d1, &y2, &m2, &d2) != 6) {
        fprintf(stderr, "usage: YYYY-MM-DD YYYY-MM-DD\n");
        return 1;
    }
    printf("%ld\n", to_days(y2, m2, d2) - to_days(y1, m1, d1));
    return 0;
}
