/* inventory ledger: chained hash table of heap records; one sscanf per line splits command, item, amount */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUCKETS 257

typedef struct item {
    char name[32];
    long stock;
    struct item *next;
} item;

static item *table[BUCKETS];
static int n_items;

static unsigned hash(const char *s)
{
    unsigned h = 2166136261u;
    while (*s)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h % BUCKETS;
}

static item *lookup(const char *line, const char *name, int create)
{
    item **slot = &table[hash(name)], *it;
    for (it = *slot; it; it = it->next)
        if (strcmp(it->name, name) == 0)
            return it;
    if (!create)
        return NULL;
    it = malloc(sizeof *it);
    if (!it)
        return NULL;
    sscanf(line, "%*s %31s", it->name); /* the name straight from the command line */
    it->stock = 0;
    it->next = *slot;
    *slot = it;
    n_items++;
    return it;
}

static int by_name(const void *a, const void *b)
{
    return strcmp((*(item *const *)a)->name, (*(item *const *)b)->name);
}

static void list_all(void)
{
    item **v = malloc(sizeof(item *) * (size_t)(n_items + 1));
    int i, k = 0;
    item *it;
    if (!v)
        return;
    for (i = 0; i < BUCKETS; i++)
        for (it = table[i]; it; it = it->next)
            if (it->stock > 0)
                v[k++] = it;
    qsort(v, (size_t)k, sizeof *v, by_name);
    printf("list %d\n", k);
    for (i = 0; i < k; i++)
        printf("  %s %ld\n", v[i]->name, v[i]->stock);
    free(v);
}

int main(void)
{
    char line[256], cmd[16], name[32], extra[2];
    int lineno = 0, i;

    while (fgets(line, sizeof line, stdin)) {
        long qty = 0;
        int n;
        lineno++;
        n = sscanf(line, "%15s %31s %ld %1s", cmd, name, &qty, extra);
        if (n < 1)
            continue;
        if (n == 1 && strcmp(cmd, "list") == 0) {
            list_all();
        } else if (n == 2 && strcmp(cmd, "query") == 0 && sscanf(line, "%*s %*s %1s", extra) != 1) {
            item *it = lookup(line, name, 0);
            printf("%s %ld\n", name, it ? it->stock : 0L);
        } else if (n == 3 && qty >= 1 && qty <= 1000000 && strcmp(cmd, "add") == 0) {
            item *it = lookup(line, name, 1);
            if (it) {
                it->stock += qty;
                printf("%s %ld\n", it->name, it->stock);
            }
        } else if (n == 3 && qty >= 1 && qty <= 1000000 && strcmp(cmd, "remove") == 0) {
            item *it = lookup(line, name, 0);
            if (!it || it->stock < qty) {
                printf("error: insufficient %s\n", name);
            } else {
                it->stock -= qty;
                printf("%s %ld\n", it->name, it->stock);
            }
        } else {
            printf("error: bad command on line %d\n", lineno);
        }
    }
    for (i = 0; i < BUCKETS; i++)
        while (table[i]) {
            item *next = table[i]->next;
            free(table[i]);
            table[i] = next;
        }
    return 0;
}
