#include <stdio.h>

/* sums: X counts +1, O counts -1; a line summing to +-3 is a win */
static int line_sum(int g[3][3], int r0, int c0, int dr, int dc) {
  int s = 0;
  for (int k = 0; k < 3; k++) s += g[r0 + k * dr][c0 + k * dc];
  return s;
}

static int result(int g[3][3]) {
  int sums[8], n = 0;
  for (int i = 0; i < 3; i++) {
    sums[n++] = line_sum(g, i, 0, 0, 1);
    sums[n++] = line_sum(g, 0, i, 1, 0);
  }
  sums[n++] = line_sum(g, 0, 0, 1, 1);
  sums[n++] = line_sum(g, 0, 2, 1, -1);
  for (int i = 0; i < n; i++) {
    if (sums[i] == 3) return 1;
    if (sums[i] == -3) return -1;
  }
  return 0;
}

int main(void) {
  int grid[3][3];
  char cell;
  for (int i = 0; i < 9; i++) {
    if (scanf(" %c", &cell) != 1) return 1;
    grid[i / 3][i % 3] = cell == 'X' ? 1 : cell == 'O' ? -1 : 0;
  }
  int r = result(grid);
  puts(r > 0 ? "X" : r < 0 ? "O" : "nobody");
  return 0;
}
