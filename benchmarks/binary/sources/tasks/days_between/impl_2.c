// Date difference by counting: whole years, then months, then days, with a leap-year helper; reads stdin pairs
#include <stdio.h>

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_len(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : len[m - 1];
}

static long ordinal(int y, int m, int d)
{
    long total = 0;
    for (int yy = 1; yy < y; yy++) total += is_leap(yy) ? 366 : 365;
    for (int mm = 1; mm < m; mm++) total += month_len(y, mm);
    return total + d;
}

int main(void)
{
    int a[3], b[3];
    while (scanf("%d/%d/%d %d/%d/%d", &a[0], &a[1], &a[2], &b[0], &b[1], &b[2]) == 6) {
        if (a[1] < 1 || a[1] > 12 || b[1] < 1 || b[1] > 12 || a[0] < 1 || b[0] < 1) {
            puts("bad date");
            continue;
        }
        long diff = ordinal(b[0], b[1], b[2]) - ordinal(a[0], a[1], a[2]);
        printf("%ld day%s\n", diff < 0 ? -diff : diff, (diff == 1 || diff == -1) ? "" : "s");
    }
    return 0;
}
