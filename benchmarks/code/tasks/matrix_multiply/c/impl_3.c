#include <stdio.h>

/* reads two matrices from stdin: "n m" then values, "m p" then values */
static int A[16][16], B[16][16], C[16][16];

int main(void) {
  int n, m, m2, p;
  if (scanf("%d %d", &n, &m) != 2) return 1;
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < m; ++c) scanf("%d", &A[r][c]);
  if (scanf("%d %d", &m2, &p) != 2 || m2 != m) {
    puts("incompatible");
    return 1;
  }
  for (int r = 0; r < m; ++r)
    for (int c = 0; c < p; ++c) scanf("%d", &B[r][c]);
  int r = 0;
  while (r < n) {
    int c = 0;
    while (c < p) {
      int acc = 0, k = 0;
      do {
        acc += A[r][k] * B[k][c];
      } while (++k < m);
      C[r][c] = acc;
      printf(c + 1 < p ? "%d " : "%d\n", C[r][c]);
      c++;
    }
    r++;
  }
  return 0;
}
