// Ledger on a singly linked list (appended at the tail); the verb is read first, its arguments per verb.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Entry {
    struct Entry *next;
    long qty;
    char id[32];
};

struct Ledger {
    struct Entry *first, *last;
    int count;
};

static struct Entry *find(struct Ledger *lg, const char *id)
{
    struct Entry *e = lg->first;
    while (e != NULL && strcmp(e->id, id) != 0)
        e = e->next;
    return e;
}

static struct Entry *find_or_add(struct Ledger *lg, const char *args)
{
    struct Entry *e = (struct Entry *)malloc(sizeof(struct Entry)), *old;
    if (e == NULL)
        return NULL;
    sscanf(args, "%31s", e->id);
    old = find(lg, e->id);
    if (old != NULL) {
        free(e);
        return old;
    }
    e->qty = 0;
    e->next = NULL;
    if (lg->last) lg->last->next = e;
    else lg->first = e;
    lg->last = e;
    lg->count++;
    return e;
}

static int compare_ids(const void *x, const void *y)
{
    const struct Entry *a = *(const struct Entry *const *)x;
    const struct Entry *b = *(const struct Entry *const *)y;
    return strcmp(a->id, b->id);
}

static void do_list(struct Ledger *lg)
{
    struct Entry **arr = (struct Entry **)malloc(sizeof(struct Entry *) * (size_t)(lg->count + 1));
    struct Entry *e;
    int n = 0, i;
    if (arr == NULL)
        return;
    for (e = lg->first; e != NULL; e = e->next)
        if (e->qty > 0)
            arr[n++] = e;
    if (n > 1)
        qsort(arr, (size_t)n, sizeof(arr[0]), compare_ids);
    printf("list %d\n", n);
    for (i = 0; i < n; i++)
        printf("  %s %ld\n", arr[i]->id, arr[i]->qty);
    free(arr);
}

/* parses "<id> <qty>" exactly; returns 1 when valid */
static int two_args(const char *args, char *id, long *qty)
{
    char junk[2];
    return sscanf(args, "%31s %ld %1s", id, qty, junk) == 2 && *qty >= 1 && *qty <= 1000000;
}

int main(void)
{
    struct Ledger lg;
    char buf[256], verb[16], id[32], junk[2];
    int row = 0, used;
    long qty;

    lg.first = lg.last = NULL;
    lg.count = 0;
    while (fgets(buf, sizeof buf, stdin) != NULL) {
        const char *args;
        row++;
        if (sscanf(buf, "%15s%n", verb, &used) != 1)
            continue;
        args = buf + used;
        if (!strcmp(verb, "add") && two_args(args, id, &qty)) {
            struct Entry *e = find_or_add(&lg, args);
            if (e != NULL) {
                e->qty += qty;
                printf("%s %ld\n", e->id, e->qty);
            }
        } else if (!strcmp(verb, "remove") && two_args(args, id, &qty)) {
            struct Entry *e = find(&lg, id);
            if (e != NULL && e->qty >= qty) {
                e->qty -= qty;
                printf("%s %ld\n", e->id, e->qty);
            } else {
                printf("error: insufficient %s\n", id);
            }
        } else if (!strcmp(verb, "query") && sscanf(args, "%31s %1s", id, junk) == 1) {
            struct Entry *e = find(&lg, id);
            printf("%s %ld\n", id, e != NULL ? e->qty : 0L);
        } else if (!strcmp(verb, "list") && sscanf(args, "%1s", junk) < 1) {
            do_list(&lg);
        } else {
            printf("error: bad command on line %d\n", row);
        }
    }
    while (lg.first != NULL) {
        struct Entry *nx = lg.first->next;
        free(lg.first);
        lg.first = nx;
    }
    return 0;
}
