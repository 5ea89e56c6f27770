#include <stdio.h>
#include <stdlib.h>

/* keys kept in an array ordered by recency (index 0 = most recent) */
typedef struct { int *keys, *vals, len, cap; } lru_t;

static lru_t *lru_new(int cap) {
  lru_t *c = calloc(1, sizeof *c);
  c->keys = calloc((size_t)cap, sizeof(int));
  c->vals = calloc((size_t)cap, sizeof(int));
  c->cap = cap;
  return c;
}

static void move_front(lru_t *c, int i) {
  int k = c->keys[i], v = c->vals[i];
  for (; i > 0; i--) { c->keys[i] = c->keys[i - 1]; c->vals[i] = c->vals[i - 1]; }
  c->keys[0] = k; c->vals[0] = v;
}

static int lru_get(lru_t *c, int key, int miss) {
  for (int i = 0; i < c->len; i++)
    if (c->keys[i] == key) { move_front(c, i); return c->vals[0]; }
  return miss;
}

static void lru_set(lru_t *c, int key, int val) {
  for (int i = 0; i < c->len; i++)
    if (c->keys[i] == key) { c->vals[i] = val; move_front(c, i); return; }
  if (c->len < c->cap) c->len++;
  c->keys[c->len - 1] = key;
  c->vals[c->len - 1] = val;
  move_front(c, c->len - 1);
}

int main(void) {
  lru_t *c = lru_new(2);
  lru_set(c, 7, 70);
  lru_set(c, 8, 80);
  lru_get(c, 7, -1);
  lru_set(c, 9, 90);
  printf("%d %d %d\n", lru_get(c, 7, -1), lru_get(c, 8, -1), lru_get(c, 9, -1));
  free(c->keys); free(c->vals); free(c);
  return 0;
}
