/* word frequency: separate-chaining hash table (djb2 hash) over malloc'd words, entries gathered and qsorted */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 4093

struct node {
    char *word;
    int count;
    struct node *next;
};

static struct node *buckets[NBUCKETS];

static unsigned long djb2(const char *s)
{
    unsigned long h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

/* next word from stdin as a fresh heap string, or NULL at end of input */
static char *next_word(void)
{
    int c;
    size_t len = 0, cap = 0;
    char *buf = NULL;

    while ((c = getchar()) != EOF) {
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter) {
            if (len)
                break;
            continue;
        }
        if (len + 1 >= cap) {
            char *grown;
            cap = cap ? cap * 2 : 16;
            grown = realloc(buf, cap);
            if (!grown) {
                free(buf);
                return NULL;
            }
            buf = grown;
        }
        buf[len++] = (char)(c | 0x20);
    }
    if (!len)
        return NULL;
    buf[len] = '\0';
    return buf;
}

static int by_frequency(const void *a, const void *b)
{
    const struct node *x = *(const struct node *const *)a;
    const struct node *y = *(const struct node *const *)b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->word, y->word);
}

int main(int argc, char **argv)
{
    long limit = argc > 1 ? strtol(argv[1], NULL, 10) : 10;
    long total = 0, distinct = 0, i, k = 0;
    struct node **table;
    char *w;

    if (limit <= 0)
        limit = 10;
    while ((w = next_word()) != NULL) {
        struct node **slot = &buckets[djb2(w) % NBUCKETS];
        struct node *p;
        total++;
        for (p = *slot; p && strcmp(p->word, w) != 0; p = p->next)
            ;
        if (p) {
            p->count++;
            free(w);
            continue;
        }
        p = malloc(sizeof *p);
        if (!p)
            return 1;
        p->word = w;
        p->count = 1;
        p->next = *slot;
        *slot = p;
        distinct++;
    }

    table = malloc((size_t)(distinct ? distinct : 1) * sizeof *table);
    if (!table)
        return 1;
    for (i = 0; i < NBUCKETS; i++) {
        struct node *p;
        for (p = buckets[i]; p; p = p->next)
            table[k++] = p;
    }
    qsort(table, (size_t)distinct, sizeof *table, by_frequency);

    printf("%ld words, %ld distinct\n", total, distinct);
    for (i = 0; i < distinct && i < limit; i++)
        printf("%d %s\n", table[i]->count, table[i]->word);

    for (i = 0; i < distinct; i++) {
        free(table[i]->word);
        free(table[i]);
    }
    free(table);
    return 0;
}
