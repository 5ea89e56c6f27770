/* days between dates using the Julian Day Number formula; also prints the weekday of each date */
#include <stdio.h>
#include <string.h>

struct date { int year, month, day; };

static long julian_day(struct date dt)
{
    long a = (14 - dt.month) / 12;
    long y = dt.year + 4800 - a;
    long m = dt.month + 12 * a - 3;
    return dt.day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
}

static const char *weekday(long jdn)
{
    static const char *const names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return names[jdn % 7];
}

static int read_date(const char *text, struct date *dt)
{
    char sep1, sep2;
    memset(dt, 0, sizeof *dt);
    if (sscanf(text, "%d%c%d%c%d", &dt->day, &sep1, &dt->month, &sep2, &dt->year) != 5) return 0;
    return sep1 == sep2 && (sep1 == '.' || sep1 == '/') && dt->month >= 1 && dt->month <= 12;
}

int main(int argc, char **argv)
{
    struct date from, to;
    long j1, j2;
    if (argc < 3 || !read_date(argv[1], &from) || !read_date(argv[2], &to)) {
        puts("give two dates as DD.MM.YYYY");
        return 1;
    }
    j1 = julian_day(from);
    j2 = julian_day(to);
    printf("%s -> %s: %ld days\n", weekday(j1), weekday(j2), j2 - j1);
    return 0;
}
