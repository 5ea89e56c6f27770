/* ring buffer with head/tail indices and a count; simulates producer/consumer over stdin lines */
#include <stdio.h>
#include <string.h>

#define RB_CAP 8

typedef struct {
    char items[RB_CAP][64];
    int head, tail, count;
} ring;

static int rb_push(ring *r, const char *s)
{
    size_t n = strlen(s);
    if (r->count == RB_CAP)
        return -1;
    if (n > sizeof r->items[0] - 1)
        n = sizeof r->items[0] - 1;
    memcpy(r->items[r->tail], s, n);
    r->items[r->tail][n] = '\0';
    r->tail = (r->tail + 1) % RB_CAP;
    r->count++;
    return 0;
}

static const char *rb_pop(ring *r)
{
    const char *s;
    if (r->count == 0)
        return NULL;
    s = r->items[r->head];
    r->head = (r->head + 1) % RB_CAP;
    r->count--;
    return s;
}

int main(void)
{
    ring r = {{{0}}, 0, 0, 0};
    char line[128];
    long dropped = 0;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        if (strcmp(line, "pop") == 0) {
            const char *s = rb_pop(&r);
            printf("%s\n", s ? s : "<empty>");
        } else if (rb_push(&r, line) != 0) {
            dropped++;
        }
    }
    printf("left %d, dropped %ld\n", r.count, dropped);
    return 0;
}
