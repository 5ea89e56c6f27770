#include <stdio.h>
#include <string.h>

/* insertion sort of strings read from stdin, one per line */
#define MAXN 100
#define MAXL 80

static char lines[MAXN][MAXL];

int main(void) {
  int n = 0;
  while (n < MAXN && fgets(lines[n], MAXL, stdin)) {
    lines[n][strcspn(lines[n], "\n")] = '\0';
    n++;
  }
  for (int i = 1; i < n; i++) {
    char key[MAXL];
    strcpy(key, lines[i]);
    int j = i - 1;
    while (j >= 0 && strcmp(lines[j], key) > 0) {
      strcpy(lines[j + 1], lines[j]);
      j--;
    }
    strcpy(lines[j + 1], key);
  }
  for (int i = 0; i < n; i++) puts(lines[i]);
  return 0;
}
