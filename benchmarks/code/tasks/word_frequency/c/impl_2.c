/* word frequencies with a chained hash table */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define BUCKETS 257

typedef struct node {
    char *key;
    unsigned hits;
    struct node *next;
} node_t;

static node_t *buckets[BUCKETS];

static unsigned long hash_str(const char *s)
{
    unsigned long h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h % BUCKETS;
}

static void bump(const char *key)
{
    unsigned long b = hash_str(key);
    node_t *n;
    for (n = buckets[b]; n; n = n->next)
        if (!strcmp(n->key, key)) {
            n->hits++;
            return;
        }
    n = malloc(sizeof *n);
    n->key = strdup(key);
    n->hits = 1;
    n->next = buckets[b];
    buckets[b] = n;
}

int main(int argc, char *argv[])
{
    FILE *in = argc > 1 ? fopen(argv[1], "r") : stdin;
    char token[128];
    if (!in)
        return 1;
    while (fscanf(in, "%127s", token) == 1) {
        char *p = token, *q = token;
        for (; *p; p++)
            if (isalnum((unsigned char)*p))
                *q++ = (char)tolower((unsigned char)*p);
        *q = 0;
        if (*token)
            bump(token);
    }
    for (int b = 0; b < BUCKETS; b++)
        for (node_t *n = buckets[b]; n; n = n->next)
            printf("%6u %s\n", n->hits, n->key);
    return 0;
}
