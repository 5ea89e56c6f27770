#include <stdio.h>
#include <string.h>
#include <ctype.h>

/* counts words of a fixed string with strtok, keeping a sorted list */
static char words[200][32];
static int freq[200];
static int nwords;

static int insert_sorted(const char *w) {
  int lo = 0, hi = nwords;
  while (lo < hi) {
    int m = (lo + hi) / 2;
    int c = strcmp(words[m], w);
    if (c == 0) return ++freq[m];
    if (c < 0) lo = m + 1; else hi = m;
  }
  memmove(words[lo + 1], words[lo], (size_t)(nwords - lo) * sizeof words[0]);
  memmove(&freq[lo + 1], &freq[lo], (size_t)(nwords - lo) * sizeof freq[0]);
  strncpy(words[lo], w, 31);
  freq[lo] = 1;
  nwords++;
  return 1;
}

int main(void) {
  char text[] = "It was the best of times, it was the worst of times";
  for (char *t = strtok(text, " ,.;"); t != NULL; t = strtok(NULL, " ,.;")) {
    for (char *p = t; *p; ++p) *p = (char)tolower((unsigned char)*p);
    insert_sorted(t);
  }
  for (int i = 0; i < nwords; i++) printf("%-8s %d\n", words[i], freq[i]);
  return 0;
}
