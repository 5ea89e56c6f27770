/* fixed-size LRU using an age counter per slot (no pointers) */
#include <stdio.h>
#include <string.h>

#define SLOTS 4

struct slot {
    char key[16];
    double value;
    unsigned long stamp;
    int used;
};

static struct slot slots[SLOTS];
static unsigned long ticks;

static struct slot *lookup(const char *key)
{
    for (int i = 0; i < SLOTS; i++)
        if (slots[i].used && strcmp(slots[i].key, key) == 0) {
            slots[i].stamp = ++ticks;
            return &slots[i];
        }
    return NULL;
}

static void store(const char *key, double value)
{
    struct slot *s = lookup(key);
    if (!s) {
        int victim = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (!slots[i].used) {
                victim = i;
                break;
            }
            if (slots[i].stamp < slots[victim].stamp)
                victim = i;
        }
        s = &slots[victim];
        snprintf(s->key, sizeof s->key, "%s", key);
        s->used = 1;
    }
    s->value = value;
    s->stamp = ++ticks;
}

int main(void)
{
    const char *names[] = { "pi", "e", "phi", "sqrt2", "pi", "ln2" };
    double vals[] = { 3.14159, 2.71828, 1.61803, 1.41421, 3.14159, 0.69314 };
    for (int i = 0; i < 6; i++)
        store(names[i], vals[i]);
    printf("e %s\n", lookup("e") ? "cached" : "evicted");
    printf("pi %s\n", lookup("pi") ? "cached" : "evicted");
    return 0;
}
