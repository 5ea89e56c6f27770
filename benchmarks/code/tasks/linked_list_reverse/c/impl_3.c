#include <stdio.h>

/* list stored in arrays (index links), reversed in place; -1 terminates */
#define CAP 16
static int value[CAP];
static int link_to[CAP];

static int flip(int head) {
  int done = -1;
  while (head != -1) {
    int after = link_to[head];
    link_to[head] = done;
    done = head;
    head = after;
  }
  return done;
}

static void dump(const char *tag, int head) {
  printf("%s:", tag);
  for (int i = head; i != -1; i = link_to[i]) printf(" %d", value[i]);
  putchar('\n');
}

int main(void) {
  int head = -1;
  for (int i = 0; i < 6; i++) {
    value[i] = (i + 1) * (i + 1);
    link_to[i] = head;
    head = i;
  }
  dump("before", head);
  head = flip(head);
  dump("after", head);
  return 0;
}
