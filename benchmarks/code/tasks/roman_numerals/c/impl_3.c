#include <stdio.h>

/* builds the numeral backwards from the last decimal place using a table per place */
static const char *units[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
static const char *tens[] = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
static const char *hundreds[] = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
static const char *thousands[] = {"", "M", "MM", "MMM"};

static int roman(unsigned n, char *dst, size_t cap) {
  if (n == 0 || n > 3999) return -1;
  return snprintf(dst, cap, "%s%s%s%s", thousands[n / 1000], hundreds[(n / 100) % 10], tens[(n / 10) % 10],
                  units[n % 10]);
}

int main(void) {
  char out[20];
  unsigned n;
  while (scanf("%u", &n) == 1) {
    if (roman(n, out, sizeof out) < 0) {
      puts("out of range");
    } else {
      puts(out);
    }
  }
  return 0;
}
