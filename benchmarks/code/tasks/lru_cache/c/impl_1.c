#include <stdio.h>
#include <stdlib.h>

#define CAPACITY 3

typedef struct Entry {
    int key;
    int value;
    struct Entry *prev, *next;
} Entry;

static Entry *head = NULL, *tail = NULL;
static int count = 0;

static void detach(Entry *e)
{
    if (e->prev) e->prev->next = e->next; else head = e->next;
    if (e->next) e->next->prev = e->prev; else tail = e->prev;
}

static void attach_front(Entry *e)
{
    e->prev = NULL;
    e->next = head;
    if (head) head->prev = e;
    head = e;
    if (!tail) tail = e;
}

static Entry *find(int key)
{
    for (Entry *e = head; e; e = e->next)
        if (e->key == key) return e;
    return NULL;
}

int cache_get(int key, int *value)
{
    Entry *e = find(key);
    if (!e) return 0;
    detach(e);
    attach_front(e);
    *value = e->value;
    return 1;
}

void cache_put(int key, int value)
{
    Entry *e = find(key);
    if (e) {
        e->value = value;
        detach(e);
        attach_front(e);
        return;
    }
    if (count == CAPACITY) {
        Entry *old = tail;
        detach(old);
        free(old);
        count--;
    }
    e = malloc(sizeof(Entry));
    e->key = key;
    e->value = value;
    attach_front(e);
    count++;
}

int main(void)
{
    int v;
    for (int k = 1; k <= 4; k++) cache_put(k, k * 10);
    printf("%d\n", cache_get(1, &v));
    if (cache_get(4, &v)) printf("4 -> %d\n", v);
    return 0;
}
