#include <stdio.h>

static int rsearch(int *v, int left, int right, int x) {
  if (left > right) return -1;
  int middle = (left + right) / 2;
  if (v[middle] == x) return middle;
  return v[middle] > x ? rsearch(v, left, middle - 1, x) : rsearch(v, middle + 1, right, x);
}

int main(void) {
  int values[64];
  int count = 0;
  int q;
  /* read a sorted list terminated by -1, then the query */
  while (count < 64 && scanf("%d", &values[count]) == 1 && values[count] != -1) count++;
  if (scanf("%d", &q) != 1) return 1;
  int where = rsearch(values, 0, count - 1, q);
  if (where < 0) printf("%d not present\n", q);
  else printf("%d at index %d\n", q, where);
  return 0;
}
