// Open addressing (linear probing) int->int map with tombstones; commands on stdin: put k v / get k / del k
#include <stdio.h>
#include <string.h>

#define CAP 1024
enum { EMPTY, USED, DELETED };

struct slot { int state; long key; long val; };
static struct slot table[CAP];

static unsigned mix(long k)
{
    unsigned long x = (unsigned long)k;
    x ^= x >> 16;
    x *= 0x45d9f3bUL;
    x ^= x >> 16;
    return (unsigned)(x % CAP);
}

static struct slot *probe(long key, int for_insert)
{
    unsigned i = mix(key);
    struct slot *grave = NULL;
    for (int n = 0; n < CAP; n++, i = (i + 1) % CAP) {
        struct slot *s = &table[i];
        if (s->state == EMPTY)
            return for_insert ? (grave ? grave : s) : NULL;
        if (s->state == DELETED) {
            if (!grave) grave = s;
        } else if (s->key == key) {
            return s;
        }
    }
    return for_insert ? grave : NULL;
}

int main(void)
{
    char cmd[16];
    long k, v;
    int live = 0;
    while (scanf("%15s %ld", cmd, &k) == 2) {
        struct slot *s;
        if (!strcmp(cmd, "put") && scanf("%ld", &v) == 1) {
            s = probe(k, 1);
            if (!s) { puts("full"); continue; }
            if (s->state != USED) live++;
            s->state = USED; s->key = k; s->val = v;
        } else if (!strcmp(cmd, "get")) {
            s = probe(k, 0);
            if (s) printf("%ld\n", s->val); else puts("missing");
        } else if (!strcmp(cmd, "del")) {
            s = probe(k, 0);
            if (s) { s->state = DELETED; live--; }
        }
    }
    printf("live=%d\n", live);
    return 0;
}
