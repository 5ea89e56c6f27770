#include <stdio.h>
#include <string.h>

/* splits on a set of delimiters with strtok_r, keeping the delimiter characters as their own tokens */
int main(int argc, char **argv) {
  const char *delims = "+-*/()=, ";
  char line[256];
  snprintf(line, sizeof line, "%s", argc > 1 ? argv[1] : "total=price*(1+tax), rounded");
  size_t n = strlen(line);
  size_t start = 0;
  int count = 0;
  for (size_t i = 0; i <= n; i++) {
    if (i == n || strchr(delims, line[i]) != NULL) {
      if (i > start) {
        printf("[%.*s] ", (int)(i - start), line + start);
        count++;
      }
      if (i < n && line[i] != ' ') {
        printf("[%c] ", line[i]);
        count++;
      }
      start = i + 1;
    }
  }
  printf("\n%d tokens\n", count);
  return 0;
}
