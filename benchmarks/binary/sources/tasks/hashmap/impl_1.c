/* word frequency with a separate-chaining hash map (FNV-1a), reads words from stdin */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    char *key;
    int count;
    struct entry *next;
} entry;

typedef struct {
    entry **slots;
    size_t nslots, size;
} hashmap;

static unsigned long fnv1a(const char *s)
{
    unsigned long h = 2166136261ul;
    while (*s) {
        h ^= (unsigned char)*s++;
        h = (h * 16777619ul) & 0xFFFFFFFFul;
    }
    return h;
}

static int hm_grow(hashmap *m)
{
    size_t n = m->nslots * 2, i;
    entry **ns = calloc(n, sizeof *ns);
    if (!ns)
        return -1;
    for (i = 0; i < m->nslots; i++) {
        entry *e = m->slots[i];
        while (e) {
            entry *next = e->next;
            size_t b = fnv1a(e->key) % n;
            e->next = ns[b];
            ns[b] = e;
            e = next;
        }
    }
    free(m->slots);
    m->slots = ns;
    m->nslots = n;
    return 0;
}

static entry *hm_upsert(hashmap *m, const char *key)
{
    size_t b = fnv1a(key) % m->nslots;
    entry *e;
    for (e = m->slots[b]; e; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e;
    if (m->size * 4 > m->nslots * 3 && hm_grow(m) == 0)
        b = fnv1a(key) % m->nslots;
    e = malloc(sizeof *e);
    if (!e)
        return NULL;
    e->key = malloc(strlen(key) + 1);
    strcpy(e->key, key);
    e->count = 0;
    e->next = m->slots[b];
    m->slots[b] = e;
    m->size++;
    return e;
}

int main(void)
{
    hashmap m = {NULL, 16, 0};
    char word[128];
    size_t i;
    m.slots = calloc(m.nslots, sizeof *m.slots);
    if (!m.slots)
        return 1;
    while (scanf("%127s", word) == 1) {
        entry *e = hm_upsert(&m, word);
        if (e)
            e->count++;
    }
    for (i = 0; i < m.nslots; i++) {
        entry *e = m.slots[i];
        while (e) {
            entry *next = e->next;
            printf("%6d %s\n", e->count, e->key);
            free(e->key);
            free(e);
            e = next;
        }
    }
    free(m.slots);
    printf("%lu distinct words\n", (unsigned long)m.size);
    return 0;
}
