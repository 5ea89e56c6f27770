#include <stdio.h>

/* counters instead of modulo: reset every 3rd and 5th step */
int main(void) {
  int c3 = 0, c5 = 0;
  int x;
  for (x = 1; x <= 100; x++) {
    int printed = 0;
    c3++;
    c5++;
    if (c3 == 3) {
      fputs("Fizz", stdout);
      c3 = 0;
      printed = 1;
    }
    if (c5 == 5) {
      fputs("Buzz", stdout);
      c5 = 0;
      printed = 1;
    }
    if (!printed) printf("%d", x);
    putchar('\n');
  }
  return 0;
}
