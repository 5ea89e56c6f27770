#include <stdio.h>
#include <string.h>
#include <time.h>

/* let the C library normalise the dates; noon avoids DST edge cases */
static time_t at_noon(int year, int month, int day) {
  struct tm t;
  memset(&t, 0, sizeof t);
  t.tm_year = year - 1900;
  t.tm_mon = month - 1;
  t.tm_mday = day;
  t.tm_hour = 12;
  t.tm_isdst = -1;
  return mktime(&t);
}

int main(void) {
  struct { int y, m, d; } pairs[][2] = {
    {{2024, 1, 1}, {2024, 3, 1}},
    {{2023, 1, 1}, {2023, 3, 1}},
    {{1999, 12, 31}, {2000, 1, 1}},
  };
  for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    time_t a = at_noon(pairs[i][0].y, pairs[i][0].m, pairs[i][0].d);
    time_t b = at_noon(pairs[i][1].y, pairs[i][1].m, pairs[i][1].d);
    double days = difftime(b, a) / 86400.0;
    printf("%04d-%02d-%02d .. %04d-%02d-%02d: %.0f\n", pairs[i][0].y, pairs[i][0].m, pairs[i][0].d,
           pairs[i][1].y, pairs[i][1].m, pairs[i][1].d, days);
  }
  return 0;
}
