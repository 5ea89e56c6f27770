#include <stdio.h>

/* incremental primes: test each candidate against the primes found so far */
static int found[1000];
static int nfound;

static int next_prime(int after) {
  for (int cand = after + 1;; cand++) {
    int ok = 1;
    for (int i = 0; i < nfound && found[i] * found[i] <= cand; i++) {
      if (cand % found[i] == 0) {
        ok = 0;
        break;
      }
    }
    if (ok) return cand;
  }
}

int main(void) {
  int p = 1;
  while (nfound < 25) {
    p = next_prime(p);
    found[nfound++] = p;
  }
  for (int i = 0; i < nfound; i++) printf("%3d%c", found[i], (i + 1) % 5 ? ' ' : '\n');
  return 0;
}
